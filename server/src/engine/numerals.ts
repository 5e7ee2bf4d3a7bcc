/** Chinese numerals (一二三…十百千万, 两, 〇/零) as integers. */

export const CN_DIGIT_CLASS = '〇零一二三四五六七八九两十百千万亿';
/** Characters of ordinals as used in headings (`一、`, `（十二）`, `二十是`). */
export const CN_ORDINAL_CLASS = '一二三四五六七八九十';

/** Value of a digit character (0–9), or −1. */
function digitOf(c: number): number {
  switch (c) {
    case 0x3007: case 0x96f6: return 0; // 〇 零
    case 0x4e00: return 1; // 一
    case 0x4e8c: case 0x4e24: return 2; // 二 两
    case 0x4e09: return 3;
    case 0x56db: return 4;
    case 0x4e94: return 5;
    case 0x516d: return 6;
    case 0x4e03: return 7;
    case 0x516b: return 8;
    case 0x4e5d: return 9;
    default: return -1;
  }
}

/** Is `c` one of the ordinal characters 一二三四五六七八九十 (CN_ORDINAL_CLASS), by code? */
export function isOrdinalChar(c: number): boolean {
  return c === 0x5341 || (c !== 0x4e24 && digitOf(c) > 0); // 十, or 一…九 but not 两
}

/** Value of one ordinal character 一…十 (`parseChineseNumber` of it); only for `isOrdinalChar(c)`. */
export function ordinalValue(c: number): number {
  return c === 0x5341 ? 10 : digitOf(c);
}

/** Parses a Chinese numeral such as 十二, 二十三, 一百零五, 三千, 两万; NaN if it is not one. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      if (digit >= 0 && digit !== 0 && d !== 0) {
        // 一二 (digit sequence like 一二三) — read as positional digits
        digit = digit * 10 + d;
      } else digit = d;
    } else if (c === 0x5341 || c === 0x767e || c === 0x5343) {
      // 十 百 千
      section += (digit < 0 ? 1 : digit) * (c === 0x5341 ? 10 : c === 0x767e ? 100 : 1000);
      digit = -1;
    } else if (c === 0x4e07 || c === 0x4ebf) {
      // 万 亿
      section += digit < 0 ? 0 : digit;
      const scale = c === 0x4e07 ? 1e4 : 1e8;
      total += (section === 0 ? 1 : section) * scale;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const ORDINAL_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 23 → 二十三 (for messages and fixes). */
export function toChineseOrdinal(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n <= 10) return ORDINAL_NAMES[n];
  if (n < 20) return '十' + ORDINAL_NAMES[n - 10];
  if (n < 100) return ORDINAL_NAMES[Math.floor(n / 10)] + '十' + (n % 10 ? ORDINAL_NAMES[n % 10] : '');
  return String(n);
}
