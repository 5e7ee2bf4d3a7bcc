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
 * (`{ ...p, text }`) is tokenized afresh. `slots` holds what `context.ts` derives per quantity
 * (labels, list heads), by quantity index.
 */
export interface ParagraphFigures {
  quantities: Quantity[];
  slots: unknown[][];
  text: string;
  map: Int32Array;
}
const KEY: unique symbol = Symbol('fazhi.quantities');
type Cached = Paragraph & { [KEY]?: ParagraphFigures };

/** The paragraph's cache entry (tokenizes on first use). */
export function figuresOf(p: Paragraph): ParagraphFigures {
  let e = (p as Cached)[KEY];
  if (!e || e.text !== p.text || e.map !== p.map) {
    e = { quantities: tokenize(p), slots: [], text: p.text, map: p.map };
    (p as Cached)[KEY] = e;
  }
  return e;
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
  for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) out.push(...quantitiesIn(doc.paragraphs[i]));
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
const CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) CLASS[c] |= K_DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] |= K_DIGIT;
for (const ch of CN_NUM) CLASS[ch.charCodeAt(0)] |= K_CN;
for (const ch of '“”"「『‘《') CLASS[ch.charCodeAt(0)] |= K_QUOTE;
const C_BAI = 0x767e; // 百
const C_YU = 0x4f59; // 余
const C_DUO = 0x591a; // 多
const C_WAN = 0x4e07; // 万
const C_YI = 0x4ebf; // 亿
const CN_DIGITS = '〇零一二三四五六七八九两';
const SCALE_INITIAL = '百千万亿';
const RANGE_SEP = '～~〜至到—–-－';

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
/** Word lists indexed by their first character (order kept, so longer words listed first win). */
const indexCache = new WeakMap<readonly string[], Map<number, string[]>>();
function indexOf(words: readonly string[]): Map<number, string[]> {
  let m = indexCache.get(words);
  if (!m) {
    m = new Map();
    for (const w of words) {
      const c = w.charCodeAt(0);
      const l = m.get(c);
      if (l) l.push(w);
      else m.set(c, [w]);
    }
    indexCache.set(words, m);
  }
  return m;
}
function startsWithAny(t: string, i: number, words: readonly string[]): string {
  if (i >= t.length) return '';
  const l = indexOf(words).get(t.charCodeAt(i));
  if (l) for (const w of l) if (t.startsWith(w, i)) return w;
  return '';
}

// ---------------------------------------------------------------------------------------------
// Spans that hold names: quotes and book titles.

const QUOTE_MAX = 40;
const BACKWARDS_MAX = 12;
const TITLE_MAX = 120;
/** Closing mark (char code) for each opening mark: “” "" 「」 『』 ‘’ 《》. */
const OPEN_CLOSE = new Map<number, number>([[0x201c, 0x201d], [0x22, 0x22], [0x300c, 0x300d], [0x300e, 0x300f], [0x2018, 0x2019], [0x300a, 0x300b]]);
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
  let close = OPEN_CLOSE.get(c) ?? 0;
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
// The tokenizer.

interface Draft {
  kind: QuantityKind;
  value: number;
  decimals: number;
  scale: number;
  unit: string;
  marks: string[];
  from: number;
  to: number;
  numFrom: number;
  numTo: number;
  numeral: string;
  chinese: boolean;
  high?: number;
}

function tokenize(p: Paragraph): Quantity[] {
  const t = p.text;
  const n = t.length;
  const drafts: Draft[] = [];
  // names (quotes, book titles) are skipped whole; a token never spans a quote mark, so a name
  // is always met at its opening mark
  let failedOpen = -1000;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const k = CLASS[c];
    if (!(k & (K_DIGIT | K_CN))) {
      if (k & K_QUOTE) {
        const close = nameClose(t, i, c, failedOpen);
        if (close > 0) {
          i = close + 1;
          continue;
        }
        if (c === C_LDQ) failedOpen = i;
      }
      i++;
      continue;
    }
    if (c === C_BAI && t.startsWith('百分之', i)) {
      const d = readBaiFenZhi(t, i);
      if (d) {
        drafts.push(d);
        i = d.to;
        continue;
      }
      i += 3;
      continue;
    }
    if (k & K_DIGIT) {
      const r = readArabic(t, i);
      if (r.draft) drafts.push(r.draft);
      i = Math.max(r.next, i + 1);
      continue;
    }
    if (i === 0 || !(CLASS[t.charCodeAt(i - 1)] & K_CN)) {
      const r = readChinese(t, i);
      if (r.draft) drafts.push(r.draft);
      i = Math.max(r.next, i + 1);
      continue;
    }
    i++;
  }
  const out: Quantity[] = new Array(drafts.length);
  const map = p.map;
  for (let index = 0; index < drafts.length; index++) {
    const d = drafts[index];
    // drafts are never empty (a numeral at least), so the spans map directly (as `mapRange` does)
    const q: Quantity = {
      kind: d.kind, value: d.value, decimals: d.decimals, scale: d.scale, unit: d.unit, approx: d.marks.length > 0,
      start: map[d.from], end: map[d.to - 1] + 1, numStart: map[d.numFrom], numEnd: map[d.numTo - 1] + 1, from: d.from, to: d.to,
      raw: t.slice(d.from, d.to), paragraph: p, numFrom: d.numFrom, numTo: d.numTo, numeral: d.numeral, index,
    };
    if (d.high !== undefined) q.high = d.high;
    if (d.chinese) q.chinese = true;
    if (d.marks.length) q.approxMarks = d.marks;
    out[index] = q;
  }
  return out;
}

/** Reads digits (with thousands separators and decimals) at i. */
function readDigits(t: string, i: number): { end: number; int: string; frac: string; dotted: boolean } {
  let j = i;
  while (j < t.length && isDigit(t.charCodeAt(j))) j++;
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
    while (k < t.length && isDigit(t.charCodeAt(k))) k++;
    frac = halfDigits(t, j + 1, k);
    j = k;
    // 2024.1.12, 1.2.3: a date or a version, not a number
    if (isDot(t.charCodeAt(j)) && isDigit(t.charCodeAt(j + 1))) {
      dotted = true;
      while (j < t.length && (isDigit(t.charCodeAt(j)) || isDot(t.charCodeAt(j)))) j++;
    }
  }
  return { end: j, int, frac, dotted };
}

function isDot(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}

/** The digits t[from, to) as ASCII (full-width digits converted). */
function halfDigits(t: string, from: number, to: number): string {
  const s = t.slice(from, to);
  for (let k = from; k < to; k++) {
    if (t.charCodeAt(k) >= 0xff10) {
      let out = '';
      for (let m = from; m < to; m++) out += halfDigit(t[m]);
      return out;
    }
  }
  return s;
}

interface ReadResult {
  draft?: Draft;
  /** Where scanning resumes. */
  next: number;
}

function scaleOf(ch: string): number {
  return ch === '万' ? 1e4 : ch === '亿' ? 1e8 : ch === '千' ? 1e3 : 0;
}

function applyScale(numeral: string, decimals: number, scale: number): number {
  if (scale === 1) return Number(numeral);
  const v = Number(numeral) * scale;
  const places = Math.max(0, decimals - Math.round(Math.log10(scale)));
  return Number(v.toFixed(Math.min(places, 12)));
}

/**
 * After the numeral: scale, 余/多, unit or %/个百分点/倍, trailing approximation marks.
 * Returns the end and the fields; `unitSet` is the list of units allowed.
 */
/** 余 or 多 at `at` (`10余件`, `3万多人`): pushes the mark and returns the index after it. */
function approxAfter(t: string, at: number, units: readonly string[], marks: string[]): number {
  const c = t.charCodeAt(at);
  if (c === C_YU && !has(t, at + 1, F_NOT_YU)) {
    marks.push('余');
    return at + 1;
  }
  if (c === C_DUO && (scaleOf(t[at + 1]) || startsWithAny(t, at + 1, units))) {
    marks.push('多');
    return at + 1;
  }
  return at;
}

function readTail(t: string, j: number, units: readonly string[], allowPercent: boolean): { end: number; scale: number; unit: string; kind: QuantityKind; marks: string[] } {
  let scale = 1;
  const marks: string[] = [];
  let end = j;
  let k = skipSp(t, j);
  let k1 = approxAfter(t, k, units, marks);
  if (k1 > k) end = k = k1;
  if (scaleOf(t[k]) && !has(t, k + 1, F_NOT_SCALE) && !(t[k] === '千' && t[k + 1] === '方')) {
    scale = scaleOf(t[k]);
    end = k = k + 1;
    k1 = approxAfter(t, k, units, marks);
    if (k1 > k) end = k = k1;
  }
  let unit = '';
  let kind: QuantityKind = 'number';
  const u0 = skipSp(t, k);
  if (allowPercent && (t[u0] === '%' || t[u0] === '％')) {
    kind = 'percent';
    unit = '%';
    end = u0 + 1;
  } else if (t.startsWith('个百分点', u0) || t.startsWith('百分点', u0)) {
    kind = 'points';
    unit = '个百分点';
    end = u0 + (t[u0] === '个' ? 4 : 3);
  } else if (t[u0] === '倍') {
    kind = 'multiple';
    unit = '倍';
    end = u0 + 1;
  } else {
    const u = startsWithAny(t, u0, units);
    if (u && !(u === '成' && has(t, u0 + 1, F_NOT_CHENG))) {
      unit = u === '个多月' ? '个月' : u;
      if (u === '个多月') marks.push('多');
      end = u0 + u.length;
    }
  }
  // trailing marks: 左右 上下 以上 以下 以内 (and 多 after a unit: 3年多)
  const a = skipSp(t, end);
  if (t.startsWith('左右', a) || t.startsWith('以上', a) || t.startsWith('以下', a) || t.startsWith('以内', a)) {
    marks.push(t.slice(a, a + 2));
    end = a + 2;
  } else if (t.startsWith('上下', a) && (a + 2 >= t.length || has(t, a + 2, F_CLAUSE_END))) {
    marks.push('上下');
    end = a + 2;
  } else if (unit && unit !== '%' && t[end] === '多' && (end + 1 >= t.length || has(t, end + 1, F_CLAUSE_END))) {
    marks.push('多');
    end++;
  }
  return { end, scale, unit, kind, marks };
}

/** Approximation marks written just before `from` (spaces allowed); returns the new start. */
function readApproxBefore(t: string, from: number, marks: string[]): number {
  const k = skipSpBack(t, from) + 1;
  for (const w of APPROX_BEFORE) {
    const s = k - w.length;
    if (s >= 0 && t.startsWith(w, s)) {
      // `最近` `附近` `接近` handled by the longer words; `靠近` `贴近` are verbs
      if (w === '近' && s > 0 && /[最附靠贴亲就临]/.test(t[s - 1])) return from;
      if (w === '超' && s > 0 && /[赶高]/.test(t[s - 1])) return from;
      if (w === '约' && s > 0 && /[节签制预合契公条相邀隐]/.test(t[s - 1])) return from;
      marks.unshift(w);
      return s;
    }
  }
  return from;
}

function readArabic(t: string, i: number, second = false): ReadResult {
  const d = readDigits(t, i);
  let { end: j, int, frac } = d;
  if (d.dotted) return { next: j };
  // a number broken by one stray space: `1 5起` (only when a unit or % follows the second part)
  if (!frac && int.length <= 3 && isSp(t.charCodeAt(j)) && isDigit(t.charCodeAt(j + 1))) {
    const d2 = readDigits(t, j + 1);
    if (!d2.dotted && d2.int.length <= 3 && d2.int.length + int.length <= 4) {
      const after = skipSp(t, d2.end);
      const isUnit = t[after] === '%' || t[after] === '％' || scaleOf(t[after]) > 0 || t[after] === '余' || !!startsWithAny(t, after, UNITS);
      const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
      if (isUnit && !isDigit(prev) && t[after] !== '年' && t[after] !== '月' && t[after] !== '日') {
        int += d2.int;
        frac = d2.frac;
        j = d2.end;
      }
    }
  }
  const numFrom = i;
  const numTo = j;
  const numeral = frac ? `${int}.${frac}` : int;
  const decimals = frac.length;
  const prevIdx = skipSpBack(t, i);
  const prevCh = prevIdx >= 0 ? t[prevIdx] : '';
  const prevRaw = i > 0 ? t[i - 1] : '';
  const nextRaw = t[j] ?? '';
  const nextIdx = skipSp(t, j);
  const nextCh = t[nextIdx] ?? '';
  const skip = { next: j };

  // glued to letters or symbols: 5G, PM2.5, G109, 5+N, 7×24, 3·15, 1/3, #3
  if (has(t, i - 1, F_GLUE_PREV) || has(t, j, F_GLUE_NEXT)) return skip;
  // ordinals: 第3, 初1, and article numbers
  if (has(t, prevIdx, F_ORDINAL) && !(prevCh === '周' && (nextCh === '岁' || nextCh === '年'))) return skip;
  // list markers: `1.` `2、` at the start or after a boundary; `（1）` `(2)`
  const atBoundary = prevIdx < 0 || has(t, prevIdx, F_BOUNDARY | F_CLOSE_PAREN);
  if (!frac && (nextRaw === '.' || nextRaw === '．' || nextRaw === '、') && atBoundary && int.length <= 2) {
    if (nextRaw !== '、' || !isDigit(t.charCodeAt(j + 1))) return skip;
  }
  if ((prevCh === '（' || prevCh === '(') && (nextCh === '）' || nextCh === ')')) {
    const before = skipSpBack(t, prevIdx);
    if (before < 0 || has(t, before, F_BOUNDARY | F_CLOSE_PAREN) || int.length === 4) return skip;
  }
  // document numbers: 〔2021〕5号, [2021], 【2021】
  if (has(t, prevIdx, F_DOC_OPEN) || has(t, nextIdx, F_DOC_CLOSE)) return skip;
  // dates and times
  if (has(t, nextIdx, F_DATE_NEXT) && !t.startsWith('月均', nextIdx) && !t.startsWith('日均', nextIdx)) return skip;
  if (nextCh === '点' && !t.startsWith('点位', nextIdx)) return skip;
  if (nextCh === '年' || t.startsWith('年度', nextIdx)) {
    const v = Number(int);
    if (!frac && (int.length === 4 || int.length === 2 && /^\s*\d{1,2}\s*月/.test(t.slice(nextIdx + 1, nextIdx + 6)))) return { next: nextIdx + 1 };
    if (!frac && v >= 1900) return { next: nextIdx + 1 };
  }
  if (!frac && int.length === 4 && Number(int) >= 1900 && Number(int) <= 2100) {
    // 2023—2025年, 2023、2024年, 2024 年
    const rest = t.slice(nextIdx, nextIdx + 8);
    if (/^[—–\-－~～至到、和与及]\s*(?:19|20)\d{2}/.test(rest)) return skip;
  }
  // phone numbers, codes, hotlines; times 9:30, 9时30分
  if (int.length >= 3 && int[0] === '0' && !frac) return { next: skipCode(t, j) };
  if (!second && (prevRaw === '-' || prevRaw === '－') && isDigit(t.charCodeAt(i - 2))) return { next: skipCode(t, j) };
  if (has(t, i - 1, F_COLON) && isDigit(t.charCodeAt(i - 2))) return skip;
  if (has(t, j, F_COLON) && isDigit(t.charCodeAt(j + 1))) return skip;
  if (prevRaw === '时' && nextCh === '分') return skip;
  if (!frac && int.length === 11 && int[0] === '1') return skip;
  if (!frac && int.length > 12) return skip;
  if (!frac && (nextRaw === '-' || nextRaw === '－') && isDigit(t.charCodeAt(j + 1)) && (int.length >= 3 || /^\d{5,}/.test(t.slice(j + 1, j + 7)))) {
    return { next: skipCode(t, j) };
  }
  if (!frac && int.length >= 5 && RE_HOTLINE_AFTER.test(t.slice(j, j + 12))) return skip;
  if (!frac && int.length >= 5 && RE_PHONE_BEFORE.test(t.slice(Math.max(0, i - 8), i))) return skip;
  if (!frac && int.length === 5 && int.startsWith('123')) {
    const u = startsWithAny(t, nextIdx, UNITS);
    if (!u || u === '名') return skip;
  }
  // names: 24小时 (around the clock), 365天; versions 2.0版
  if (int === '24' && !frac && t.startsWith('小时', nextIdx) && !/[内以]/.test(t[nextIdx + 2] ?? '')) return skip;
  if (int === '365' && !frac && t.startsWith('天', nextIdx) && !/[内以]/.test(t[nextIdx + 1] ?? '')) return skip;
  if (nextCh === '版' || t.startsWith('条例', nextIdx) || t.startsWith('周年', nextIdx)) return skip;

  const tail = readTail(t, j, UNITS, true);
  // a bare 4-digit number in the years' range is a year (a date line, `2024—`)
  if (!frac && int.length === 4 && !tail.unit && tail.kind === 'number' && tail.scale === 1 && Number(int) >= 1949 && Number(int) <= 2100) return skip;
  const marks = tail.marks;
  let unit = tail.unit;
  if (unit === '级' && startsWithAny(t, tail.end, RANK_AFTER_JI)) return { next: tail.end };
  if (unit === '年' && (int.length >= 3 || frac)) return { next: tail.end };
  const from = readApproxBefore(t, i, marks);
  const scale = tail.scale;
  const draft: Draft = {
    kind: tail.kind, value: applyScale(numeral, decimals, scale), decimals, scale, unit, marks,
    from, to: Math.max(tail.end, numTo), numFrom, numTo, numeral, chinese: false,
  };
  // ranges: 10%～20%, 63%~68%, 3～5天, 10-20人, 3至5天 (至/到 only between a bare number and the second)
  const sepAt = skipSp(t, draft.to);
  const sep = t[sepAt] ?? '';
  if (sep && RANGE_SEP.includes(sep) && (!'至到'.includes(sep) || (draft.unit === '' && draft.kind === 'number' && !marks.length))) {
    const secondAt = skipSp(t, sepAt + 1);
    // 1-11月, 1至12月, 3—5日: a range of dates
    if (!draft.unit && dateAfterRange(t, secondAt)) return { next: skipCode(t, secondAt) };
    if (isDigit(t.charCodeAt(secondAt))) {
      const b = readArabic(t, secondAt, true).draft;
      if (b && !b.marks.length && b.high === undefined && (draft.unit === '' ? draft.kind === 'number' : draft.unit === b.unit && draft.kind === b.kind) &&
        (draft.scale === 1 || draft.scale === b.scale)) {
        const sc = draft.scale === 1 ? b.scale : draft.scale;
        const merged: Draft = { ...draft, kind: b.kind, unit: b.unit, scale: sc, value: applyScale(numeral, decimals, sc), high: b.value, to: b.to };
        return { draft: merged, next: b.to };
      }
    }
  }
  return { draft, next: Math.max(draft.to, j) };
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
  while (k < t.length && (isDigit(t.charCodeAt(k)) || ((t[k] === '-' || t[k] === '－') && isDigit(t.charCodeAt(k + 1))))) k++;
  return k;
}

function readChinese(t: string, i: number): ReadResult {
  let j = i;
  while (j < t.length && CLASS[t.charCodeAt(j)] & K_CN) j++;
  const skip = { next: j };
  // most runs are words (一体化, 统一): look for a unit first, cheaply
  let u = j;
  while (u < t.length && isSp(t.charCodeAt(u))) u++;
  const cu = t.charCodeAt(u);
  if (cu === C_YU || cu === C_DUO) u++;
  if (t.charCodeAt(u) === C_WAN || t.charCodeAt(u) === C_YI) u++;
  if (!startsWithAny(t, u, CN_UNITS) && !t.startsWith('个百分点', u) && !t.startsWith('百分点', u)) return skip;
  const run = t.slice(i, j);
  // `一` alone is an article far more often than a count; 一二三 is a sequence, not a number
  if (/^一+$/.test(run) || /^[一二三四五六七八九]{2,}$/.test(run)) return skip;
  // ordinals and words: 第一, 初三, 周二, 星期五, 之一, 其二, 万一, 统一, 唯一; digits: 5万
  const prev = i > 0 ? t[i - 1] : '';
  if (prev && (/[第初周期之其统唯逐同单专划合归每任某这那哪老数几]/.test(prev) || isDigit(prev.charCodeAt(0)))) return skip;
  if (i >= 2 && (t.startsWith('星期', i - 2) || t.startsWith('礼拜', i - 2))) return skip;
  const base = run === '百' ? 100 : parseChineseNumber(run);
  if (!Number.isFinite(base) || base <= 0) return skip;
  const tail = readTail(t, j, CN_UNITS, false);
  if (!tail.unit) return skip;
  const marks: string[] = [...tail.marks];
  let start = readApproxBefore(t, i, marks);
  // 上百 上千 上万 (approximate)
  if (start === i && prev === '上' && SCALE_INITIAL.includes(run[0])) {
    marks.unshift('上');
    start = i - 1;
  }
  // scale-initial numerals (百 千 万) count only with an approximation mark: 近千件, 百余件, 上万人
  if (SCALE_INITIAL.includes(run[0]) && !marks.length) return skip;
  if (tail.unit === '个' && startsWithAny(t, tail.end, SLOGAN_AFTER_GE)) return { next: tail.end };
  if (tail.unit === '级' && (run === '二' || startsWithAny(t, tail.end, RANK_AFTER_JI))) return { next: tail.end };
  if (RE_IDIOM.test(t.slice(Math.max(0, i - 3), tail.end + 3))) return { next: tail.end };
  const runScale = run.endsWith('亿') ? 1e8 : run.endsWith('万') ? 1e4 : 1;
  const scale = tail.scale !== 1 ? tail.scale : runScale;
  const value = base * tail.scale;
  return {
    draft: {
      kind: tail.kind, value, decimals: 0, scale, unit: tail.unit, marks, from: start, to: tail.end, numFrom: i, numTo: j,
      numeral: String(value / scale), chinese: true,
    },
    next: tail.end,
  };
}

/** 百分之三十, 百分之九十九点三五, 百分之百, 百分之30. */
function readBaiFenZhi(t: string, i: number): Draft | undefined {
  const s = i + 3;
  let j = s;
  let numeral = '';
  let value: number;
  if (isDigit(t.charCodeAt(j))) {
    const d = readDigits(t, j);
    if (d.dotted) return undefined;
    numeral = d.frac ? `${d.int}.${d.frac}` : d.int;
    j = d.end;
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
  const marks: string[] = [];
  const a = skipSp(t, j);
  let end = j;
  if (t.startsWith('左右', a) || t.startsWith('以上', a) || t.startsWith('以下', a)) {
    marks.push(t.slice(a, a + 2));
    end = a + 2;
  }
  const dot = numeral.indexOf('.');
  return {
    kind: 'percent', value, decimals: dot >= 0 ? numeral.length - dot - 1 : 0, scale: 1, unit: '%', marks, from: i, to: end,
    numFrom: s, numTo: j, numeral, chinese: !isDigit(t.charCodeAt(s)),
  };
}
