/** Chinese numerals (一二三…十百千万, 两, 〇/零) as integers. */

const DIGITS: Record<string, number> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNITS: Record<string, number> = { '十': 10, '百': 100, '千': 1000 };

export const CN_DIGIT_CLASS = '〇零一二三四五六七八九两十百千万亿';
/** Characters of ordinals as used in headings (`一、`, `（十二）`, `二十是`). */
export const CN_ORDINAL_CLASS = '一二三四五六七八九十';

/** Parses a Chinese numeral such as 十二, 二十三, 一百零五, 三千, 两万; NaN if it is not one. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit >= 0 && digit !== 0 && DIGITS[ch] !== 0) {
        // 一二 (digit sequence like 一二三) — read as positional digits
        digit = digit * 10 + DIGITS[ch];
      } else digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      section += digit < 0 ? 0 : digit;
      const scale = ch === '万' ? 1e4 : 1e8;
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
