/**
 * The quantity tokenizer: every figure in a paragraph with its exact span, value and unit.
 * Results are cached per paragraph so that every rule shares one tokenization.
 *
 * Reads: Arabic numerals (half- and full-width, thousands separators `18,439`, decimals, spaces
 * around them, a number broken by one stray space `1 5起` when a unit follows), scale words
 * (`269.77万件`, `1.37万余条`, `10余万人次`), approximation marks before (`近` `约` `超` `超过` `逾`
 * `将近` `接近` `大约` `不足` `不到` `至少`) and after (`余` `多` `左右` `上下` `以上` `以下` `以内`),
 * Chinese numerals used as counts (`两次`, `三十余场`, `一百多件`, `近千件`, `三成`), percentages
 * (`%` `％` `百分之三十` `百分之九十九点三五`), percentage points (`个百分点`), ranges
 * (`10%～20%`, `63%~68%`, `3至5天`), multiples (`1.5倍`, `两倍`) and units.
 *
 * Never returns: years and dates (`2024年`, `2023—2025年`, `1月12日`, `2024.1.12`), ordinals (`第一`,
 * `一是`, `（一）`, `一、`, `1.`, `（1）`), anything inside quotes or book-title marks (`“八五”`,
 * `“12345”热线`, `“5+N”模式`, `《…》`), names such as `24小时`, `7×24`, `3·15`, `5G`, document numbers
 * (`西政〔2021〕5号`), article numbers (`第十二条`), phone and hotline numbers (`0971-1234567`,
 * `13800000000`, `12345热线`), a bare `一` (`一次性`, `一批`, `一个中心`: an article far more often
 * than a count) and slogans (`两个确立`, `四个意识`).
 */
import type { Paragraph, ReportDocument, Sentence } from '../document';
import { parseChineseNumber } from '../numerals';

export type QuantityKind = 'number' | 'percent' | 'points' | 'multiple';

export interface Quantity {
  kind: QuantityKind;
  /** Value with the scale applied (269.77万 → 2697700). Percentages as written (99.35% → 99.35). */
  value: number;
  /** Decimals as written (99.35 → 2; 269.77万 → 2). */
  decimals: number;
  /** Scale word applied: 1, 1e3 (千), 1e4 (万), 1e8 (亿). */
  scale: number;
  /** Unit after the number and scale (`件`, `人次`, `元`, `%` …); '' when none. */
  unit: string;
  /** 余 多 近 约 超 左右 上下 … make a figure approximate. */
  approx: boolean;
  /** For ranges such as 10%～20%: the upper value (value is the lower one). */
  high?: number;
  /** Original offsets of the whole token (number, scale, approximation mark and unit). */
  start: number;
  end: number;
  /** Original offsets of the numeral alone (for a range: the first numeral). */
  numStart: number;
  numEnd: number;
  /** Logical offsets in the paragraph. */
  from: number;
  to: number;
  /** The token as it appears in the paragraph's logical text. */
  raw: string;
  paragraph: Paragraph;
  /** Logical offsets of the numeral alone (for a range: the first numeral). */
  numFrom: number;
  numTo: number;
  /** The numeral as a plain ASCII decimal string without scale (`18,439` → `18439`, `１２.５` → `12.5`). */
  numeral: string;
  /** Written in Chinese numerals (`两次`, `百分之三十`). */
  chinese?: boolean;
  /** The approximation marks as written (`近`, `余`, `左右` …), in order. */
  approxMarks?: string[];
  /** Index of this quantity in its paragraph's list. */
  index: number;
}

/**
 * Per-paragraph cache, kept on the paragraph itself under a private symbol (a WeakMap costs more
 * than the tokenization of a short paragraph: every key is an ephemeron for the GC). The entry
 * remembers the text and offsets it was made from, so a copy of a paragraph with other text
 * (`{ ...p, text }`) is tokenized afresh. What `context.ts` and `compare.ts` derive per quantity
 * is kept in arrays by quantity index, made on first use (`perQuantity`); `breakdowns` and
 * `comparisons` hold what `breakdown.ts` and `compare.ts` derive per paragraph.
 */
export interface ParagraphFigures {
  quantities: Quantity[];
  text: string;
  map: Int32Array;
  /** What other figures modules derive per paragraph (`breakdown.ts`, `compare.ts`), once. */
  breakdowns: unknown;
  comparisons: unknown;
  /** Any quantity of kind `percent` in the paragraph. */
  hasPercent: boolean;
  /** Any quantity of kind `points` in the paragraph. */
  hasPoints: boolean;
  /** Per quantity, by index (see `perQuantity`): label before, list head, label after, rate word, label bigrams. */
  labelsBefore: unknown[] | null;
  heads: unknown[] | null;
  labelsAfter: unknown[] | null;
  rates: unknown[] | null;
  bigrams: unknown[] | null;
}
const KEY: unique symbol = Symbol('fazhi.quantities');
/** The entry, or for a paragraph without quantities (two in three) the text it was read from. */
type Cached = Paragraph & { [KEY]?: ParagraphFigures | string };

/** The one entry of every paragraph without quantities (frozen: nothing is derived from it). */
const NO_QUANTITIES = Object.freeze([]) as unknown as Quantity[];
const EMPTY: ParagraphFigures = Object.freeze({
  quantities: NO_QUANTITIES, text: '', map: new Int32Array(0), breakdowns: NO_QUANTITIES, comparisons: NO_QUANTITIES,
  hasPercent: false, hasPoints: false, labelsBefore: null, heads: null, labelsAfter: null, rates: null, bigrams: null,
});

/** The paragraph's cache entry (tokenizes on first use). */
export function figuresOf(p: Paragraph): ParagraphFigures {
  const cached = (p as Cached)[KEY];
  if (cached !== undefined) {
    // (the quantities depend on the text alone; the offsets, on the map too)
    if (typeof cached === 'string') {
      if (cached === p.text) return EMPTY;
    } else if (cached.text === p.text && cached.map === p.map) return cached;
  }
  const quantities = tokenize(p);
  if (quantities.length === 0) {
    (p as Cached)[KEY] = p.text;
    return EMPTY;
  }
  let hasPercent = false;
  let hasPoints = false;
  for (let i = 0; i < quantities.length; i++) {
    const kind = quantities[i].kind;
    if (kind === 'percent') hasPercent = true;
    else if (kind === 'points') hasPoints = true;
  }
  const e: ParagraphFigures = {
    quantities, text: p.text, map: p.map, breakdowns: undefined, comparisons: undefined, hasPercent, hasPoints,
    labelsBefore: null, heads: null, labelsAfter: null, rates: null, bigrams: null,
  };
  (p as Cached)[KEY] = e;
  return e;
}

/** An array with one (empty) slot per quantity of the entry, for a per-quantity cache. */
export function perQuantity<T>(e: ParagraphFigures): T[] {
  return new Array<T>(e.quantities.length);
}

/** All quantities of a paragraph, in order (cached). */
export function quantitiesIn(p: Paragraph): Quantity[] {
  return figuresOf(p).quantities;
}

/** Quantities inside a sentence. */
export function quantitiesInSentence(s: Sentence): Quantity[] {
  return quantitiesIn(s.paragraph).filter((q) => q.from >= s.from && q.to <= s.to);
}

/** All quantities of the report body, in order. */
export function allQuantities(doc: ReportDocument): Quantity[] {
  const out: Quantity[] = [];
  for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) {
    const qs = quantitiesIn(doc.paragraphs[i]);
    for (let k = 0; k < qs.length; k++) out.push(qs[k]);
  }
  return out;
}

/** Tokenizes a bare string (tests, tools): the string is one paragraph. */
export function quantitiesOfText(text: string): Quantity[] {
  const map = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) map[i] = i;
  const p: Paragraph = { index: 0, kind: 'text', start: 0, end: text.length, firstLine: 0, lastLine: 0, text, map };
  return quantitiesIn(p);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

/** Units after an Arabic numeral (longest first where one is a prefix of another). */
const UNITS = [
  '个工作日', '工作日', '个多月', '个月', '平方公里', '平方米', '人次', '场次', '户次', '件次', '家次', '批次', '架次', '车次', '台次',
  '课时', '学时', '万元', '亿元', '千元', '公里', '千米', '公顷', '千克', '公斤', '小时', '分钟', '周岁',
  '部门', '件', '人', '次', '场', '个', '户', '项', '条', '元', '名', '家', '部', '份', '篇', '卷', '期', '支', '所', '处', '起', '批',
  '册', '台', '辆', '本', '类', '轮', '单', '套', '座', '宗', '笔', '位', '级', '种', '间', '栋', '张', '页', '岁', '届', '例',
  '组', '队', '趟', '节', '课', '票', '块', '天', '周', '年', '分', '米', '亩', '吨', '成', '村', '镇', '乡',
];
/** Units after a Chinese numeral: counting words only (no 年 分 周 米, which make words). */
const CN_UNITS = [
  '个工作日', '个多月', '个月', '人次', '场次', '户次', '件次', '家次', '批次', '万元', '亿元', '小时',
  '件', '次', '场', '个', '名', '人', '家', '项', '条', '批', '期', '类', '级', '支', '所', '处', '起', '户', '位', '份',
  '篇', '部', '套', '轮', '倍', '元', '天', '成', '种', '座', '宗', '笔', '册', '本', '台', '辆', '组', '队', '趟',
];
/** Approximation marks written before a number, longest first. */
const APPROX_BEFORE = ['将近', '接近', '大约', '超过', '不足', '不到', '至少', '近', '约', '超', '逾'];
/** Words after `N个` that make a slogan, not a count (`两个确立`, `四个意识`). */
const SLOGAN_AFTER_GE = ['确立', '维护', '意识', '自信', '全面', '代表', '务必', '必须', '坚持', '一以贯之', '毫不动摇', '着力', '有利于', '没有变'];
/** Words after `N级` that make a rank, not a count of levels (`三级医院`, `二级巡视员`). */
const RANK_AFTER_JI = ['医院', '甲', '乙', '调研员', '巡视员', '主任', '警', '法官', '检察官', '预算', '单位', '公立', '高级', '职称', '响应'];
/** Words before a number that make it a phone, post or account number. */
const RE_PHONE_BEFORE = /(?:电话|热线|手机|传真|邮编|邮箱|号码|QQ|微信号)[：:\s]*$/;
const RE_HOTLINE_AFTER = /^\s*(?:政务服务便民热线|政务热线|便民热线|服务热线|热线|中国法网|法网|平台|专线|报警|举报)/;

const RE_IDIOM = /五位一体|三番五次|三五成群|一五一十|四面八方|十全十美|九九归一|千家万户|千方百计|万无一失|三令五申|七上八下|两个确立|两个维护|四个意识|四个自信|四个全面|三个务必|三个代表|两学一做|三会一课|三重一大/;
const CN_NUM = '〇零一二三四五六七八九两十百千万亿';
/** Character classes by UTF-16 code: digits, Chinese numerals, quote and title marks. */
const K_DIGIT = 1;
const K_CN = 2;
const K_QUOTE = 4;
/** 一 … 九: two or more make a sequence (一二三), not a number. */
const K_CN_DIGIT = 8;
const CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) CLASS[c] |= K_DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] |= K_DIGIT;
for (const ch of CN_NUM) CLASS[ch.charCodeAt(0)] |= K_CN;
for (const ch of '“”"「『‘《') CLASS[ch.charCodeAt(0)] |= K_QUOTE;
for (const ch of '一二三四五六七八九') CLASS[ch.charCodeAt(0)] |= K_CN_DIGIT;
const C_YI1 = 0x4e00; // 一
const C_BAI = 0x767e; // 百
const C_YU = 0x4f59; // 余
const C_DUO = 0x591a; // 多
const C_WAN = 0x4e07; // 万
const C_YI = 0x4ebf; // 亿
const CN_DIGITS = '〇零一二三四五六七八九两';
const SCALE_INITIAL = '百千万亿';

/** Character flags for the single-character tests of the tokenizer (one table lookup each). */
const F_GLUE_PREV = 1; // + ＋ × * ＊ / ／ # ＃ · • _ @ & (and Latin letters)
const F_GLUE_NEXT = 2; // the same without # ＃
const F_ORDINAL = 4; // 第 初 周
const F_BOUNDARY = 8; // 。；;：:！？!?，,、（(
const F_DOC_OPEN = 16; // 〔 [ 【
const F_DOC_CLOSE = 32; // 〕 ] 】
const F_DATE_NEXT = 64; // 月 日 号 时
const F_COLON = 128; // : ：
const F_NOT_YU = 256; // 额 量 粮 after 余 (余额, 余量, 余粮)
const F_NOT_SCALE = 512; // 分 米 克 瓦 伏 字 after 万/千/亿 (万分, 千米, 千克 …)
const F_NOT_CHENG = 1024; // 员 立 为 果 效 本 功 绩 after 成 (成员, 成立 …)
const F_CLAUSE_END = 2048; // ，,。；;、）)的
const F_CLOSE_PAREN = 4096; // ） )
const F_NOT_COUNT_BEFORE = 8192; // 第初周期之其统唯逐同单专划合归每任某这那哪老数几 before a Chinese numeral
const FLAGS = new Uint16Array(65536);
function flag(chars: string, f: number): void {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)] |= f;
}
for (let c = 65; c <= 90; c++) FLAGS[c] |= F_GLUE_PREV | F_GLUE_NEXT;
for (let c = 97; c <= 122; c++) FLAGS[c] |= F_GLUE_PREV | F_GLUE_NEXT;
for (let c = 0xff21; c <= 0xff3a; c++) FLAGS[c] |= F_GLUE_PREV | F_GLUE_NEXT;
for (let c = 0xff41; c <= 0xff5a; c++) FLAGS[c] |= F_GLUE_PREV | F_GLUE_NEXT;
flag('+＋×*＊/／·•_@&', F_GLUE_PREV | F_GLUE_NEXT);
flag('#＃', F_GLUE_PREV);
flag('第初周', F_ORDINAL);
flag('。；;：:！？!?，,、（(', F_BOUNDARY);
flag('〔[【', F_DOC_OPEN);
flag('〕]】', F_DOC_CLOSE);
flag('月日号时', F_DATE_NEXT);
flag(':：', F_COLON);
flag('额量粮', F_NOT_YU);
flag('分米克瓦伏字', F_NOT_SCALE);
flag('员立为果效本功绩', F_NOT_CHENG);
flag('，,。；;、）)的', F_CLAUSE_END);
flag('）)', F_CLOSE_PAREN);
flag('第初周期之其统唯逐同单专划合归每任某这那哪老数几', F_NOT_COUNT_BEFORE);
/** Does the character at `i` carry flag `f`? (false outside the string) */
function has(t: string, i: number, f: number): boolean {
  return i >= 0 && i < t.length && (FLAGS[t.charCodeAt(i)] & f) !== 0;
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}
function isSp(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}
function halfDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : ch;
}
function skipSp(t: string, i: number): number {
  while (i < t.length && isSp(t.charCodeAt(i))) i++;
  return i;
}
function skipSpBack(t: string, i: number): number {
  // returns the index of the last non-space char before i (or -1)
  let k = i - 1;
  while (k >= 0 && isSp(t.charCodeAt(k))) k--;
  return k;
}
/**
 * Word lists indexed by their first character (order kept, so longer words listed first win);
 * `bit` marks the first characters in WORD_FIRST, so that most positions are rejected with one
 * table lookup.
 */
interface WordIndex {
  bit: number;
  lists: Map<number, string[]>;
}
const WORD_FIRST = new Uint8Array(65536);
function indexWords(words: readonly string[], bit: number): WordIndex {
  const m = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(0);
    WORD_FIRST[c] |= bit;
    const l = m.get(c);
    if (l) l.push(w);
    else m.set(c, [w]);
  }
  return { bit, lists: m };
}
const UNITS_IX = indexWords(UNITS, 1);
const CN_UNITS_IX = indexWords(CN_UNITS, 2);
const SLOGAN_AFTER_GE_IX = indexWords(SLOGAN_AFTER_GE, 4);
const RANK_AFTER_JI_IX = indexWords(RANK_AFTER_JI, 8);
/** The first word of the index that starts at `i`, or ''. */
function startsWithAny(t: string, i: number, ix: WordIndex): string {
  if (i >= t.length) return '';
  const c = t.charCodeAt(i);
  if ((WORD_FIRST[c] & ix.bit) === 0) return '';
  const l = ix.lists.get(c)!;
  for (let k = 0; k < l.length; k++) {
    const w = l[k];
    // (a one-character word matches with its first character)
    if (w.length === 1 || t.startsWith(w, i)) return w;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Spans that hold names: quotes and book titles.

const QUOTE_MAX = 40;
const BACKWARDS_MAX = 12;
const TITLE_MAX = 120;
/** Closing mark (char code) for each opening mark: “” "" 「」 『』 ‘’ 《》; 0 for any other. */
function closeOf(c: number): number {
  switch (c) {
    case 0x201c: return 0x201d;
    case 0x22: return 0x22;
    case 0x300c: return 0x300d;
    case 0x300e: return 0x300f;
    case 0x2018: return 0x2019;
    case 0x300a: return 0x300b;
    default: return 0;
  }
}
const C_LDQ = 0x201c; // “
const C_RDQ = 0x201d; // ”
const C_TITLE = 0x300a; // 《
const C_STOP1 = 0x3002; // 。
const C_STOP2 = 0xff1b; // ；
const C_STOP3 = 0x3b; // ;

/**
 * The closing mark of the name that opens at `i` (“…” "…" 「…」 『…』 ‘…’ 《…》, or a backwards ”…“
 * when no “ failed to close just before), within a bounded distance and the sentence; -1 if none.
 */
function nameClose(t: string, i: number, c: number, failedOpen: number): number {
  let close = closeOf(c);
  let max = c === C_TITLE ? TITLE_MAX : QUOTE_MAX;
  if (c === C_RDQ && i - failedOpen > QUOTE_MAX) {
    close = C_LDQ; // written backwards: ”八五“
    max = BACKWARDS_MAX;
  }
  if (!close) return -1;
  const end = Math.min(t.length, i + max + 2);
  for (let j = i + 1; j < end; j++) {
    const d = t.charCodeAt(j);
    if (d === close) return j;
    if (d === C_STOP1 || d === C_STOP2 || d === C_STOP3) return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// The tokenizer. The readers below pass their results through module-level registers rather than
// result objects (the tokenizer runs on every figure of every paragraph), and compare character
// codes rather than one-character strings.

/** The paragraph being tokenized (for `makeQuantity`; cleared after, so that no paragraph is kept alive). */
let curP: Paragraph | undefined;

/** A quantity of the paragraph being tokenized; `index` is set when it is kept. */
function makeQuantity(kind: QuantityKind, value: number, decimals: number, scale: number, unit: string, marks: string[] | null,
  from: number, to: number, numFrom: number, numTo: number, numeral: string, chinese: boolean, high: number | undefined): Quantity {
  const p = curP!;
  const map = p.map;
  // never empty (a numeral at least), so the spans map directly (as `mapRange` does)
  const q: Quantity = {
    kind, value, decimals, scale, unit, approx: marks !== null,
    start: map[from], end: map[to - 1] + 1, numStart: map[numFrom], numEnd: map[numTo - 1] + 1, from, to,
    raw: p.text.slice(from, to), paragraph: p, numFrom, numTo, numeral, index: -1,
  };
  if (high !== undefined) q.high = high;
  if (chinese) q.chinese = true;
  if (marks !== null) q.approxMarks = marks;
  return q;
}

/** Where scanning resumes after `readArabic` / `readChinese` (set by both). */
let rNext = 0;

/**
 * The quantities found so far in the paragraph being tokenized, copied to an array of the exact
 * size at the end (the cached lists live as long as the document) and then cleared.
 */
const found: Array<Quantity | undefined> = [];

function tokenize(p: Paragraph): Quantity[] {
  const t = p.text;
  const n = t.length;
  let count = 0;
  curP = p;
  // names (quotes, book titles) are skipped whole; a token never spans a quote mark, so a name
  // is always met at its opening mark
  let failedOpen = -1000;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const k = CLASS[c];
    if (k === 0) {
      i++;
      continue;
    }
    let q: Quantity | undefined;
    if (!(k & (K_DIGIT | K_CN))) {
      // a quote or title mark
      const close = nameClose(t, i, c, failedOpen);
      if (close > 0) {
        i = close + 1;
        continue;
      }
      if (c === C_LDQ) failedOpen = i;
      i++;
      continue;
    }
    if (c === C_BAI && t.startsWith('百分之', i)) {
      q = readBaiFenZhi(t, i);
      if (!q) {
        i += 3;
        continue;
      }
      i = q.to;
    } else if (k & K_DIGIT) {
      q = readArabic(t, i, false);
      i = rNext > i + 1 ? rNext : i + 1;
    } else if (i === 0 || !(CLASS[t.charCodeAt(i - 1)] & K_CN)) {
      q = readChinese(t, i);
      i = rNext > i + 1 ? rNext : i + 1;
    } else {
      i++;
      continue;
    }
    if (!q) continue;
    q.index = count;
    found[count++] = q;
  }
  curP = undefined;
  if (count === 0) return NO_QUANTITIES;
  const out = found.slice(0, count) as Quantity[];
  for (let k = 0; k < count; k++) found[k] = undefined;
  return out;
}

/** Results of `readDigits`. */
let dEnd = 0;
let dInt = '';
let dFrac = '';
let dDotted = false;

/** Reads digits (with thousands separators and decimals) at i into dEnd, dInt, dFrac, dDotted. */
function readDigits(t: string, i: number): void {
  const n = t.length;
  let j = i;
  while (j < n && isDigit(t.charCodeAt(j))) j++;
  let int = halfDigits(t, i, j);
  // thousands separators: `18,439`, only after a 1–3 digit head, groups of exactly 3
  if (j - i <= 3 && t.charCodeAt(j) === 44) {
    let k = j;
    let acc = int;
    while (t.charCodeAt(k) === 44 && isDigit(t.charCodeAt(k + 1)) && isDigit(t.charCodeAt(k + 2)) && isDigit(t.charCodeAt(k + 3)) && !isDigit(t.charCodeAt(k + 4))) {
      acc += halfDigits(t, k + 1, k + 4);
      k += 4;
    }
    if (k > j) {
      int = acc;
      j = k;
    }
  }
  let frac = '';
  let dotted = false;
  if (isDot(t.charCodeAt(j)) && isDigit(t.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < n && isDigit(t.charCodeAt(k))) k++;
    frac = halfDigits(t, j + 1, k);
    j = k;
    // 2024.1.12, 1.2.3: a date or a version, not a number
    if (isDot(t.charCodeAt(j)) && isDigit(t.charCodeAt(j + 1))) {
      dotted = true;
      while (j < n && (isDigit(t.charCodeAt(j)) || isDot(t.charCodeAt(j)))) j++;
    }
  }
  dEnd = j;
  dInt = int;
  dFrac = frac;
  dDotted = dotted;
}

function isDot(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}

/** The digits t[from, to) as ASCII (full-width digits converted). */
function halfDigits(t: string, from: number, to: number): string {
  for (let k = from; k < to; k++) {
    if (t.charCodeAt(k) >= 0xff10) {
      let out = '';
      for (let m = from; m < to; m++) out += halfDigit(t[m]);
      return out;
    }
  }
  return t.slice(from, to);
}

/** Scale of a scale character (万 亿 千) by code; 0 for any other. */
function scaleOfCode(c: number): number {
  return c === C_WAN ? 1e4 : c === C_YI ? 1e8 : c === C_QIAN ? 1e3 : 0;
}
const C_QIAN = 0x5343; // 千
const C_FANG = 0x65b9; // 方
const C_PCT = 0x25; // %
const C_FPCT = 0xff05; // ％
const C_GE = 0x4e2a; // 个
const C_BEI = 0x500d; // 倍
const C_ZUO = 0x5de6; // 左
const C_YI3 = 0x4ee5; // 以
const C_SHANG = 0x4e0a; // 上
const C_XIA = 0x4e0b; // 下
const C_NEI = 0x5185; // 内
const C_YOU = 0x53f3; // 右
const C_NIAN = 0x5e74; // 年
const C_YUE = 0x6708; // 月
const C_RI = 0x65e5; // 日
const C_ZHOU = 0x5468; // 周
const C_SUI = 0x5c81; // 岁
const C_DIAN = 0x70b9; // 点
const C_BAN = 0x7248; // 版
const C_TIAO = 0x6761; // 条
const C_SHI = 0x65f6; // 时
const C_FEN = 0x5206; // 分
const C_ZHI = 0x81f3; // 至
const C_DAO = 0x5230; // 到
const C_LPAREN_FW = 0xff08; // （
const C_RPAREN_FW = 0xff09; // ）
const C_DUN = 0x3001; // 、
const C_FDOT = 0xff0e; // ．
const C_MINUS_FW = 0xff0d; // －

/** Number(numeral), with a fast path for plain integers (exact below 2^53, as Number gives). */
function toNumber(numeral: string): number {
  const n = numeral.length;
  if (n > 15) return Number(numeral);
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = numeral.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(numeral);
    v = v * 10 + d;
  }
  return n > 0 ? v : Number(numeral);
}

function applyScale(numeral: string, decimals: number, scale: number): number {
  if (scale === 1) return toNumber(numeral);
  const v = toNumber(numeral) * scale;
  const places = Math.max(0, decimals - Math.round(Math.log10(scale)));
  return Number(v.toFixed(Math.min(places, 12)));
}

/** Appends a mark to a marks list that may not exist yet. */
function pushMark(marks: string[] | null, m: string): string[] {
  if (marks === null) return [m];
  marks.push(m);
  return marks;
}

/** Results of `readTail`. */
let tEnd = 0;
let tScale = 1;
let tUnit = '';
let tKind: QuantityKind = 'number';
let tMarks: string[] | null = null;

/** 余 or 多 at `at` (`10余件`, `3万多人`): appends the mark to tMarks and returns the index after it. */
function approxAfter(t: string, at: number, units: WordIndex): number {
  const c = t.charCodeAt(at);
  if (c === C_YU && !has(t, at + 1, F_NOT_YU)) {
    tMarks = pushMark(tMarks, '余');
    return at + 1;
  }
  if (c === C_DUO && (scaleOfCode(t.charCodeAt(at + 1)) || startsWithAny(t, at + 1, units))) {
    tMarks = pushMark(tMarks, '多');
    return at + 1;
  }
  return at;
}

/**
 * After the numeral: scale, 余/多, unit or %/个百分点/倍, trailing approximation marks, into tEnd,
 * tScale, tUnit, tKind and tMarks; `units` is the index of the units allowed.
 */
function readTail(t: string, j: number, units: WordIndex, allowPercent: boolean): void {
  const n = t.length;
  let scale = 1;
  tMarks = null;
  let end = j;
  let k = skipSp(t, j);
  let k1 = approxAfter(t, k, units);
  if (k1 > k) end = k = k1;
  const sc = scaleOfCode(t.charCodeAt(k));
  if (sc && !has(t, k + 1, F_NOT_SCALE) && !(sc === 1e3 && t.charCodeAt(k + 1) === C_FANG)) {
    scale = sc;
    end = k = k + 1;
    k1 = approxAfter(t, k, units);
    if (k1 > k) end = k = k1;
  }
  let unit = '';
  let kind: QuantityKind = 'number';
  const u0 = skipSp(t, k);
  const cu = u0 < n ? t.charCodeAt(u0) : -1;
  if (allowPercent && (cu === C_PCT || cu === C_FPCT)) {
    kind = 'percent';
    unit = '%';
    end = u0 + 1;
  } else if ((cu === C_GE && t.startsWith('个百分点', u0)) || (cu === C_BAI && t.startsWith('百分点', u0))) {
    kind = 'points';
    unit = '个百分点';
    end = u0 + (cu === C_GE ? 4 : 3);
  } else if (cu === C_BEI) {
    kind = 'multiple';
    unit = '倍';
    end = u0 + 1;
  } else {
    const u = startsWithAny(t, u0, units);
    if (u && !(u === '成' && has(t, u0 + 1, F_NOT_CHENG))) {
      unit = u === '个多月' ? '个月' : u;
      if (u === '个多月') tMarks = pushMark(tMarks, '多');
      end = u0 + u.length;
    }
  }
  // trailing marks: 左右 上下 以上 以下 以内 (and 多 after a unit: 3年多)
  const a = skipSp(t, end);
  const ca = a + 1 < n ? t.charCodeAt(a) : -1;
  const cb = ca >= 0 ? t.charCodeAt(a + 1) : -1;
  if ((ca === C_ZUO && cb === C_YOU) || (ca === C_YI3 && (cb === C_SHANG || cb === C_XIA || cb === C_NEI))) {
    tMarks = pushMark(tMarks, t.slice(a, a + 2));
    end = a + 2;
  } else if (ca === C_SHANG && cb === C_XIA && (a + 2 >= n || has(t, a + 2, F_CLAUSE_END))) {
    tMarks = pushMark(tMarks, '上下');
    end = a + 2;
  } else if (unit && unit !== '%' && t.charCodeAt(end) === C_DUO && (end + 1 >= n || has(t, end + 1, F_CLAUSE_END))) {
    tMarks = pushMark(tMarks, '多');
    end++;
  }
  tEnd = end;
  tScale = scale;
  tUnit = unit;
  tKind = kind;
}

/** The approximation mark found by `readApproxBefore` ('' when none). */
let aMark = '';
const RE_NOT_JIN = /[最附靠贴亲就临]/;
const RE_NOT_CHAO = /[赶高]/;
const RE_NOT_YUE = /[节签制预合契公条相邀隐]/;
/** Last characters of the marks of APPROX_BEFORE: 近 约 过 足 到 少 超 逾. */
const C_JIN = 0x8fd1;
const C_YUE1 = 0x7ea6;
const C_GUO = 0x8fc7;
const C_ZU = 0x8db3;
const C_SHAO = 0x5c11;
const C_CHAO = 0x8d85;
const C_YU2 = 0x903e;

/** Approximation mark written just before `from` (spaces allowed) into aMark; returns the new start. */
function readApproxBefore(t: string, from: number): number {
  aMark = '';
  const k = skipSpBack(t, from) + 1;
  if (k <= 0) return from;
  const c = t.charCodeAt(k - 1);
  if (c !== C_JIN && c !== C_YUE1 && c !== C_GUO && c !== C_ZU && c !== C_DAO && c !== C_SHAO && c !== C_CHAO && c !== C_YU2) return from;
  for (const w of APPROX_BEFORE) {
    const s = k - w.length;
    if (s >= 0 && t.startsWith(w, s)) {
      // `最近` `附近` `接近` handled by the longer words; `靠近` `贴近` are verbs
      if (w === '近' && s > 0 && RE_NOT_JIN.test(t[s - 1])) return from;
      if (w === '超' && s > 0 && RE_NOT_CHAO.test(t[s - 1])) return from;
      if (w === '约' && s > 0 && RE_NOT_YUE.test(t[s - 1])) return from;
      aMark = w;
      return s;
    }
  }
  return from;
}

const RE_MONTH_AFTER_YEAR = /^\s*\d{1,2}\s*月/;
const RE_YEAR_RANGE = /^[—–\-－~～至到、和与及]\s*(?:19|20)\d{2}/;
const RE_LONG_DIGITS = /^\d{5,}/;
/** First characters of RE_YEAR_RANGE. */
const YEAR_RANGE_FIRST = '—–-－~～至到、和与及';

function readArabic(t: string, i: number, second: boolean): Quantity | undefined {
  const n = t.length;
  readDigits(t, i);
  let j = dEnd;
  let int = dInt;
  let frac = dFrac;
  if (dDotted) {
    rNext = j;
    return undefined;
  }
  // a number broken by one stray space: `1 5起` (only when a unit or % follows the second part)
  if (!frac && int.length <= 3 && isSp(t.charCodeAt(j)) && isDigit(t.charCodeAt(j + 1))) {
    readDigits(t, j + 1);
    if (!dDotted && dInt.length <= 3 && dInt.length + int.length <= 4) {
      const after = skipSp(t, dEnd);
      const ca = after < n ? t.charCodeAt(after) : -1;
      const isUnit = ca === C_PCT || ca === C_FPCT || scaleOfCode(ca) > 0 || ca === C_YU || !!startsWithAny(t, after, UNITS_IX);
      const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
      if (isUnit && !isDigit(prev) && ca !== C_NIAN && ca !== C_YUE && ca !== C_RI) {
        int += dInt;
        frac = dFrac;
        j = dEnd;
      }
    }
  }
  rNext = j;
  const numFrom = i;
  const numTo = j;
  const decimals = frac.length;
  const prevIdx = skipSpBack(t, i);
  const prevC = prevIdx >= 0 ? t.charCodeAt(prevIdx) : -1;
  const prevRawC = i > 0 ? t.charCodeAt(i - 1) : -1;
  const nextRawC = j < n ? t.charCodeAt(j) : -1;
  const nextIdx = skipSp(t, j);
  const nextC = nextIdx < n ? t.charCodeAt(nextIdx) : -1;
  // the flags of the characters around the numeral (as `has`: none outside the text)
  const fPrevRaw = i > 0 ? FLAGS[prevRawC] : 0;
  const fNextRaw = j < n ? FLAGS[nextRawC] : 0;
  const fPrev = prevIdx >= 0 ? FLAGS[prevC] : 0;
  const fNext = nextIdx < n ? FLAGS[nextC] : 0;

  // glued to letters or symbols: 5G, PM2.5, G109, 5+N, 7×24, 3·15, 1/3, #3
  if ((fPrevRaw & F_GLUE_PREV) !== 0 || (fNextRaw & F_GLUE_NEXT) !== 0) return undefined;
  // ordinals: 第3, 初1, and article numbers
  if ((fPrev & F_ORDINAL) !== 0 && !(prevC === C_ZHOU && (nextC === C_SUI || nextC === C_NIAN))) return undefined;
  // list markers: `1.` `2、` at the start or after a boundary; `（1）` `(2)`
  const atBoundary = prevIdx < 0 || (fPrev & (F_BOUNDARY | F_CLOSE_PAREN)) !== 0;
  if (!frac && (nextRawC === 0x2e || nextRawC === C_FDOT || nextRawC === C_DUN) && atBoundary && int.length <= 2) {
    if (nextRawC !== C_DUN || !isDigit(t.charCodeAt(j + 1))) return undefined;
  }
  if ((prevC === C_LPAREN_FW || prevC === 0x28) && (nextC === C_RPAREN_FW || nextC === 0x29)) {
    const before = skipSpBack(t, prevIdx);
    if (before < 0 || has(t, before, F_BOUNDARY | F_CLOSE_PAREN) || int.length === 4) return undefined;
  }
  // document numbers: 〔2021〕5号, [2021], 【2021】
  if ((fPrev & F_DOC_OPEN) !== 0 || (fNext & F_DOC_CLOSE) !== 0) return undefined;
  // dates and times
  if ((fNext & F_DATE_NEXT) !== 0 && !t.startsWith('月均', nextIdx) && !t.startsWith('日均', nextIdx)) return undefined;
  if (nextC === C_DIAN && !t.startsWith('点位', nextIdx)) return undefined;
  if (nextC === C_NIAN) {
    // (`年度` starts with 年)
    const v = Number(int);
    if (!frac && (int.length === 4 || int.length === 2 && RE_MONTH_AFTER_YEAR.test(t.slice(nextIdx + 1, nextIdx + 6)))) {
      rNext = nextIdx + 1;
      return undefined;
    }
    if (!frac && v >= 1900) {
      rNext = nextIdx + 1;
      return undefined;
    }
  }
  if (!frac && int.length === 4 && nextC >= 0 && YEAR_RANGE_FIRST.includes(t[nextIdx]) && Number(int) >= 1900 && Number(int) <= 2100) {
    // 2023—2025年, 2023、2024年, 2024 年
    if (RE_YEAR_RANGE.test(t.slice(nextIdx, nextIdx + 8))) return undefined;
  }
  // phone numbers, codes, hotlines; times 9:30, 9时30分
  if (int.length >= 3 && int.charCodeAt(0) === 48 && !frac) {
    rNext = skipCode(t, j);
    return undefined;
  }
  if (!second && (prevRawC === 0x2d || prevRawC === C_MINUS_FW) && isDigit(t.charCodeAt(i - 2))) {
    rNext = skipCode(t, j);
    return undefined;
  }
  if ((fPrevRaw & F_COLON) !== 0 && isDigit(t.charCodeAt(i - 2))) return undefined;
  if ((fNextRaw & F_COLON) !== 0 && isDigit(t.charCodeAt(j + 1))) return undefined;
  if (prevRawC === C_SHI && nextC === C_FEN) return undefined;
  if (!frac && int.length === 11 && int.charCodeAt(0) === 49) return undefined;
  if (!frac && int.length > 12) return undefined;
  if (!frac && (nextRawC === 0x2d || nextRawC === C_MINUS_FW) && isDigit(t.charCodeAt(j + 1)) && (int.length >= 3 || RE_LONG_DIGITS.test(t.slice(j + 1, j + 7)))) {
    rNext = skipCode(t, j);
    return undefined;
  }
  if (!frac && int.length >= 5 && RE_HOTLINE_AFTER.test(t.slice(j, j + 12))) return undefined;
  if (!frac && int.length >= 5 && RE_PHONE_BEFORE.test(t.slice(Math.max(0, i - 8), i))) return undefined;
  if (!frac && int.length === 5 && int.startsWith('123')) {
    const u = startsWithAny(t, nextIdx, UNITS_IX);
    if (!u || u === '名') return undefined;
  }
  // names: 24小时 (around the clock), 365天; versions 2.0版
  if (!frac && int === '24' && t.startsWith('小时', nextIdx)) {
    const c2 = nextIdx + 2 < n ? t.charCodeAt(nextIdx + 2) : -1;
    if (c2 !== C_NEI && c2 !== C_YI3) return undefined;
  }
  if (!frac && int === '365' && t.startsWith('天', nextIdx)) {
    const c1 = nextIdx + 1 < n ? t.charCodeAt(nextIdx + 1) : -1;
    if (c1 !== C_NEI && c1 !== C_YI3) return undefined;
  }
  if (nextC === C_BAN || (nextC === C_TIAO && t.startsWith('条例', nextIdx)) || (nextC === C_ZHOU && t.startsWith('周年', nextIdx))) return undefined;

  readTail(t, j, UNITS_IX, true);
  const tailEnd = tEnd;
  const scale = tScale;
  const unit = tUnit;
  const kind = tKind;
  let marks = tMarks;
  // a bare 4-digit number in the years' range is a year (a date line, `2024—`)
  if (!frac && int.length === 4 && !unit && kind === 'number' && scale === 1 && Number(int) >= 1949 && Number(int) <= 2100) return undefined;
  if (unit === '级' && startsWithAny(t, tailEnd, RANK_AFTER_JI_IX)) {
    rNext = tailEnd;
    return undefined;
  }
  if (unit === '年' && (int.length >= 3 || frac)) {
    rNext = tailEnd;
    return undefined;
  }
  const from = readApproxBefore(t, i);
  if (aMark) {
    if (marks === null) marks = [aMark];
    else marks.unshift(aMark);
  }
  const numeral = frac ? `${int}.${frac}` : int;
  const to = tailEnd > numTo ? tailEnd : numTo;
  // ranges: 10%～20%, 63%~68%, 3～5天, 10-20人, 3至5天 (至/到 only between a bare number and the second)
  const sepAt = skipSp(t, to);
  const sepC = sepAt < n ? t.charCodeAt(sepAt) : -1;
  if (isRangeSep(sepC) && ((sepC !== C_ZHI && sepC !== C_DAO) || (unit === '' && kind === 'number' && marks === null))) {
    const secondAt = skipSp(t, sepAt + 1);
    // 1-11月, 1至12月, 3—5日: a range of dates
    if (!unit && dateAfterRange(t, secondAt)) {
      rNext = skipCode(t, secondAt);
      return undefined;
    }
    if (isDigit(t.charCodeAt(secondAt))) {
      const b = readArabic(t, secondAt, true);
      if (b && !b.approx && b.high === undefined && (unit === '' ? kind === 'number' : unit === b.unit && kind === b.kind) &&
        (scale === 1 || scale === b.scale)) {
        const sc = scale === 1 ? b.scale : scale;
        rNext = b.to;
        return makeQuantity(b.kind, applyScale(numeral, decimals, sc), decimals, sc, b.unit, marks, from, b.to, numFrom, numTo, numeral, false, b.value);
      }
    }
  }
  rNext = to > j ? to : j;
  return makeQuantity(kind, applyScale(numeral, decimals, scale), decimals, scale, unit, marks, from, to, numFrom, numTo, numeral, false, undefined);
}

/** RANGE_SEP by code: ～ ~ 〜 至 到 — – - －. */
function isRangeSep(c: number): boolean {
  return c === 0xff5e || c === 0x7e || c === 0x301c || c === C_ZHI || c === C_DAO || c === 0x2014 || c === 0x2013 || c === 0x2d || c === C_MINUS_FW;
}

/** `1-11月`, `3—5日`: one or two digits, spaces, then 月 日 号 时, within four characters from `at`. */
function dateAfterRange(t: string, at: number): boolean {
  const lim = Math.min(t.length, at + 4);
  let k = at;
  while (k < lim && k < at + 2 && isDigit(t.charCodeAt(k))) k++;
  if (k === at) return false;
  while (k < lim && RE_SPACE_CHAR.test(t[k])) k++;
  return k < lim && has(t, k, F_DATE_NEXT);
}
const RE_SPACE_CHAR = /\s/;

/** Skips the rest of a code such as 0971-6301234. */
function skipCode(t: string, j: number): number {
  let k = j;
  while (k < t.length) {
    const c = t.charCodeAt(k);
    if (isDigit(c) || ((c === 0x2d || c === C_MINUS_FW) && isDigit(t.charCodeAt(k + 1)))) k++;
    else break;
  }
  return k;
}


function readChinese(t: string, i: number): Quantity | undefined {
  const n = t.length;
  let j = i;
  while (j < n && CLASS[t.charCodeAt(j)] & K_CN) j++;
  rNext = j;
  // most runs are words (一体化, 统一): look for a unit first, cheaply
  let u = j;
  while (u < n && isSp(t.charCodeAt(u))) u++;
  const cu = t.charCodeAt(u);
  if (cu === C_YU || cu === C_DUO) u++;
  if (t.charCodeAt(u) === C_WAN || t.charCodeAt(u) === C_YI) u++;
  if (!startsWithAny(t, u, CN_UNITS_IX)) {
    // (个百分点 starts with the unit 个)
    if (!(t.charCodeAt(u) === C_BAI && t.startsWith('百分点', u)) && !(t.charCodeAt(u) === C_GE && t.startsWith('个百分点', u))) return undefined;
  }
  // `一` alone is an article far more often than a count; 一二三 is a sequence, not a number
  // (the run is all 一, or two or more of 一 … 九)
  let ones = true;
  let digits = true;
  for (let k = i; k < j; k++) {
    const c = t.charCodeAt(k);
    if (c !== C_YI1) ones = false;
    if ((CLASS[c] & K_CN_DIGIT) === 0) digits = false;
  }
  if (ones || (digits && j - i >= 2)) return undefined;
  // ordinals and words: 第一, 初三, 周二, 星期五, 之一, 其二, 万一, 统一, 唯一; digits: 5万
  const prevC = i > 0 ? t.charCodeAt(i - 1) : -1;
  if (prevC >= 0 && ((FLAGS[prevC] & F_NOT_COUNT_BEFORE) !== 0 || isDigit(prevC))) return undefined;
  if (i >= 2 && (t.startsWith('星期', i - 2) || t.startsWith('礼拜', i - 2))) return undefined;
  const run = t.slice(i, j);
  const base = run === '百' ? 100 : parseChineseNumber(run);
  if (!Number.isFinite(base) || base <= 0) return undefined;
  readTail(t, j, CN_UNITS_IX, false);
  const tailEnd = tEnd;
  const unit = tUnit;
  if (!unit) return undefined;
  let marks = tMarks;
  let start = readApproxBefore(t, i);
  if (aMark) {
    if (marks === null) marks = [aMark];
    else marks.unshift(aMark);
  }
  // 上百 上千 上万 (approximate)
  if (start === i && prevC === C_SHANG && SCALE_INITIAL.includes(run[0])) {
    if (marks === null) marks = ['上'];
    else marks.unshift('上');
    start = i - 1;
  }
  // scale-initial numerals (百 千 万) count only with an approximation mark: 近千件, 百余件, 上万人
  if (SCALE_INITIAL.includes(run[0]) && marks === null) return undefined;
  if (unit === '个' && startsWithAny(t, tailEnd, SLOGAN_AFTER_GE_IX)) {
    rNext = tailEnd;
    return undefined;
  }
  if (unit === '级' && (run === '二' || startsWithAny(t, tailEnd, RANK_AFTER_JI_IX))) {
    rNext = tailEnd;
    return undefined;
  }
  if (RE_IDIOM.test(t.slice(Math.max(0, i - 3), tailEnd + 3))) {
    rNext = tailEnd;
    return undefined;
  }
  const runScale = run.endsWith('亿') ? 1e8 : run.endsWith('万') ? 1e4 : 1;
  const scale = tScale !== 1 ? tScale : runScale;
  const value = base * tScale;
  rNext = tailEnd;
  return makeQuantity(tKind, value, 0, scale, unit, marks, start, tailEnd, i, j, String(value / scale), true, undefined);
}

/** 百分之三十, 百分之九十九点三五, 百分之百, 百分之30. */
function readBaiFenZhi(t: string, i: number): Quantity | undefined {
  const s = i + 3;
  let j = s;
  let numeral = '';
  let value: number;
  if (isDigit(t.charCodeAt(j))) {
    readDigits(t, j);
    if (dDotted) return undefined;
    numeral = dFrac ? `${dInt}.${dFrac}` : dInt;
    j = dEnd;
    value = Number(numeral);
  } else {
    while (j < t.length && CN_NUM.includes(t[j])) j++;
    const run = t.slice(s, j);
    if (!run) return undefined;
    value = run === '百' ? 100 : parseChineseNumber(run);
    if (!Number.isFinite(value)) return undefined;
    numeral = String(value);
    if (t[j] === '点' && CN_DIGITS.includes(t[j + 1] ?? '')) {
      let k = j + 1;
      let frac = '';
      for (; k < t.length && CN_DIGITS.includes(t[k]); k++) frac += String(t[k] === '〇' || t[k] === '零' ? 0 : parseChineseNumber(t[k]));
      numeral = `${numeral}.${frac}`;
      value = Number(numeral);
      j = k;
    }
  }
  let marks: string[] | null = null;
  const a = skipSp(t, j);
  let end = j;
  if (t.startsWith('左右', a) || t.startsWith('以上', a) || t.startsWith('以下', a)) {
    marks = [t.slice(a, a + 2)];
    end = a + 2;
  }
  const dot = numeral.indexOf('.');
  return makeQuantity('percent', value, dot >= 0 ? numeral.length - dot - 1 : 0, 1, '%', marks, i, end, s, j, numeral, !isDigit(t.charCodeAt(s)), undefined);
}
