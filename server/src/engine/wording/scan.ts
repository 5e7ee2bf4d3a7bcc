/**
 * One pass over a paragraph's text for the wording rules: the positions each rule looks at
 * (quote and bracket marks, half-width punctuation, idiom starts, place-name suffixes), found by a
 * single table lookup per character and cached per paragraph, so the rules do not each re-read
 * every character.
 */
import type { Paragraph } from '../document';
import { DOCUMENTS } from './documents';
import { IDIOMS } from './idioms';
import { stripPeriod } from './text';

/** Administrative suffixes of place names (name-variants); each starts with a different character. */
export const PLACE_SUFFIXES: readonly string[] = ['街道', '社区', '嘎查', '苏木', '村', '镇', '乡', '县', '区', '市', '州', '旗'];

/** Marks quote-pairs stops at: “” ‘’ （） 《》 〈〉 【】 ( ), the backtick of inline code and `<` of `<!--`. */
const C_QUOTE = 1;
/** ascii-punctuation candidates: `, ; : ? ! ( )` and full-width brackets. */
const C_PUNCT = 2;
/** The gate character of a built-in idiom's wrong form (see `COMMON`). */
const C_IDIOM = 4;
/** First character of a place-name suffix. */
const C_SUFFIX = 8;
/** A character some rule needs before it runs its expressions or searches (see `triggerBit`). */
const C_TRIGGER = 16;

/** Bits of `WordingScan.has`: the paragraph holds … */
export const HAS_JIE = 1; // 截止 or 截至
export const HAS_MU = 2; // 目前， 目前, 目前为 (目前为止)
export const HAS_JIN = 4; // 今年, 今为 (迄今为止), 至今
export const HAS_WU = 8; // 一五 … 九五 before 普法/法治… (“七五”普法), not after 十 or 百
export const HAS_LIAN = 16; // 廉洁
export const HAS_SLASH = 32; // `/` (of `://`)
export const HAS_W = 64; // `w` (of `www.`)
export const HAS_AT = 128; // `@`
export const HAS_RBRACKET = 256; // `]` (of `](`)
export const HAS_LT = 512; // `<` (of `<!--`)
export const HAS_BACKTICK = 1024; // `` ` ``
/** `（` or `(` 1–3 characters after the last character of a programme title that has a successor (`……纲要（2015—2020年）`). */
export const HAS_PERIOD = 2048;
const TRIGGERS = '截目今五廉/w@]<`（(';

/** Last characters of the titles (without their period) of the programmes a successor replaced. */
let PERIOD_LAST: number[] | undefined;
function periodLast(): number[] {
  const out: number[] = [];
  for (const d of DOCUMENTS) {
    if (d.until === undefined || !d.successor) continue;
    const base = stripPeriod(d.title);
    const c = base.charCodeAt(base.length - 1);
    if (!out.includes(c)) out.push(c);
  }
  return (PERIOD_LAST = out);
}
function afterPeriodicTitle(t: string, i: number): boolean {
  const last = PERIOD_LAST ?? periodLast();
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (last.includes(t.charCodeAt(k))) return true;
  return false;
}

/**
 * The 300 most frequent characters of the sample reports (test/fixtures/seeds). An idiom is looked
 * for at its first character that is not one of them (its gate), so the scan stops at about one
 * character in sixty instead of one in ten (`一`, `实`, `人` start many idioms).
 */
const COMMON =
  '法政治行的建作全工设府进一实执人制和务理件化推市区律项州部发力展大中会动开民责解度服提规机督调公是范主为重事合平决海社体审定年强监各性落案要成问依效级有领任共学加个面三员文关策不步议办管安导委能等点用业了次门众党高组格以习立普入现群查在对宣持保升题完方二率新深分时职明构地信传干目省及西坚出村量第县系程改善顾东国质单场家资情式挥专通示与思应清施断贯察意条确统优位四复护同心织协严上受负基司诉自助纠生彻余评内参积权域局道计五认整批活近于履促乡极集正结检纷维企特想教创环层到联类接造万期代取水障围划过健证革下多矛援讲培形并防稳盾营报真将综科充达色署供育核相好两境向经增求指识序续运我标精切举名处见按台准论';

let CLASS: Uint8Array | undefined;
/** By bigramHash of the first two characters: 1 for a built-in idiom's. */
let BIGRAM: Uint8Array | undefined;
/** By gate character: bit k set when some idiom has that character at offset k. */
let GATE_OFFSETS: Uint8Array | undefined;
/** The HAS_* bit for the trigger character at t[i] (0 when its neighbours do not fit). */
function triggerBit(t: string, i: number): number {
  const next = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
  const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
  switch (t.charCodeAt(i)) {
    case 0x622a: // 截
      return next === 0x6b62 || next === 0x81f3 ? HAS_JIE : 0;
    case 0x76ee: { // 目前， 目前, 目前为
      const after = i + 2 < t.length ? t.charCodeAt(i + 2) : 0;
      return next === 0x524d && (after === 0xff0c || after === 0x2c || after === 0x4e3a) ? HAS_MU : 0;
    }
    case 0x4eca: // 今
      return next === 0x5e74 || next === 0x4e3a || prev === 0x81f3 ? HAS_JIN : 0;
    case 0x4e94: // 五 after 一 … 九 (not 十三五), then 普法 or 法治… within four characters
      return isPufaNumeral(prev) && !(i >= 2 && (t.charCodeAt(i - 2) === 0x5341 || t.charCodeAt(i - 2) === 0x767e)) &&
        pufaWordAhead(t, i) ? HAS_WU : 0;
    case 0x5ec9: // 廉
      return next === 0x6d01 ? HAS_LIAN : 0;
    case 0x2f:
      return HAS_SLASH;
    case 0x77:
      return HAS_W;
    case 0x40:
      return HAS_AT;
    case 0x5d:
      return HAS_RBRACKET;
    case 0x3c:
      return HAS_LT;
    case 0x60:
      return HAS_BACKTICK;
    case 0xff08:
    case 0x28:
      return afterPeriodicTitle(t, i) ? HAS_PERIOD : 0;
    default:
      return 0;
  }
}

/** 一 … 九 */
function isPufaNumeral(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d;
}
/** `普` or `法` in t[i + 1 … i + 4] (after `五`: an optional closing quote and up to two spaces). */
function pufaWordAhead(t: string, i: number): boolean {
  const end = Math.min(t.length, i + 5);
  for (let k = i + 1; k < end; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x666e || c === 0x6cd5) return true;
  }
  return false;
}

/** Hash of an idiom's first two character codes (BIGRAM over it rejects almost every candidate start). */
export function bigramHash(a: number, b: number): number {
  return ((a * 31) ^ (b * 0x9e3)) & 0xffff;
}

function tables(): Uint8Array {
  const cls = new Uint8Array(65536);
  const bigram = new Uint8Array(65536);
  const add = (chars: string, bit: number): void => {
    for (let k = 0; k < chars.length; k++) cls[chars.charCodeAt(k)] |= bit;
  };
  add('“”‘’（）《》〈〉【】()`<', C_QUOTE);
  add(',;:?!()（）', C_PUNCT);
  for (const s of PLACE_SUFFIXES) cls[s.charCodeAt(0)] |= C_SUFFIX;
  const gates = new Uint8Array(65536);
  for (const e of IDIOMS) {
    // its first character that is not common (an entry of common characters only: its first)
    let k = 0;
    while (k < e.wrong.length && k < 7 && COMMON.includes(e.wrong[k])) k++;
    if (k === e.wrong.length || k === 7) k = 0;
    const g = e.wrong.charCodeAt(k);
    cls[g] |= C_IDIOM;
    gates[g] |= 1 << k;
    bigram[bigramHash(e.wrong.charCodeAt(0), e.wrong.charCodeAt(1))] = 1;
  }
  GATE_OFFSETS = gates;
  for (let k = 0; k < TRIGGERS.length; k++) cls[TRIGGERS.charCodeAt(k)] |= C_TRIGGER;
  BIGRAM = bigram;
  return (CLASS = cls);
}

export interface WordingScan {
  /** Logical offsets of quote/bracket marks, backticks and `<` (quote-pairs). */
  quote: readonly number[];
  /** Logical offsets of `, ; : ? ! ( ) （ ）` (ascii-punctuation). */
  punct: readonly number[];
  /** Some half-width `, ; : ( ) ? !` in the paragraph. */
  asciiPunct: boolean;
  /** Logical offsets i < length − 1 where a built-in idiom may start (first two characters hashed), in order, once each. */
  idiom: readonly number[];
  /** Logical offsets of the first character of a place-name suffix. */
  suffix: readonly number[];
  /** HAS_* bits: which trigger characters the paragraph holds. */
  has: number;
}

/**
 * Kept on the paragraph under a private symbol (cheaper than a WeakMap lookup per rule and
 * paragraph); the entry remembers its text, so a copy of a paragraph with other text is scanned afresh.
 */
const KEY: unique symbol = Symbol('fazhi.wordingScan');
type Cached = Paragraph & { [KEY]?: WordingScan & { text: string } };

/** The positions of interest in a paragraph (computed once per paragraph object; the rules use `wordingScans`). */
export function wordingScan(p: Paragraph): WordingScan {
  let s = (p as Cached)[KEY];
  if (!s || s.text !== p.text) {
    s = compute(p.text);
    (p as Cached)[KEY] = s;
  }
  return s;
}

/**
 * The scans of a document's paragraphs, by paragraph position (computed once per document; the
 * rules read `scans[i]` for `doc.paragraphs[i]`). Kept on the document under a private symbol, with
 * the paragraph list it was computed for: a paragraph whose text is no longer the scanned one is
 * scanned afresh. No property is added to the paragraphs themselves.
 */
const DOC_KEY: unique symbol = Symbol('fazhi.wordingScans');
interface DocScans {
  paragraphs: readonly Paragraph[];
  scans: (WordingScan & { text: string })[];
}
type CachedDoc = { paragraphs: readonly Paragraph[]; [DOC_KEY]?: DocScans };

export function wordingScans(doc: { paragraphs: readonly Paragraph[] }): readonly WordingScan[] {
  const ps = doc.paragraphs;
  const n = ps.length;
  const c = (doc as CachedDoc)[DOC_KEY];
  if (!c || c.paragraphs !== ps || c.scans.length !== n) {
    const scans = new Array<WordingScan & { text: string }>(n);
    for (let i = 0; i < n; i++) scans[i] = compute(ps[i].text);
    (doc as CachedDoc)[DOC_KEY] = { paragraphs: ps, scans };
    return scans;
  }
  const scans = c.scans;
  for (let i = 0; i < n; i++) {
    const t = ps[i].text;
    if (scans[i].text !== t) scans[i] = compute(t);
  }
  return scans;
}

/** The list of a paragraph without such a position: shared, never written to. */
const NONE: readonly number[] = [];

/**
 * Scratch buffers the scan writes to (grown to the longest paragraph, reused): each list is then
 * copied to an array of its exact length, so a scan allocates little more than its results.
 */
let scratch = new Int32Array(256);
/** Largest scratch buffer kept between paragraphs (entries; 3 per character of the longest paragraph). */
const MAX_KEPT = 3 * 65536;
function grow(n: number): void {
  let size = scratch.length;
  while (size < n) size *= 2;
  scratch = new Int32Array(size);
}

/** scratch[from, to) as a new array (or NONE). */
function take(from: number, to: number): readonly number[] {
  if (to === from) return NONE;
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = scratch[k];
  return out;
}

function compute(t: string): WordingScan & { text: string } {
  const cls = CLASS ?? tables();
  const bigram = BIGRAM!;
  const gates = GATE_OFFSETS!;
  const n = t.length;
  // three regions of n entries each (one position at most per character): quote, punct, suffix
  if (scratch.length < 3 * n) grow(3 * n);
  const buf = scratch;
  let nq = 0;
  let np = n;
  let ns = 2 * n;
  let idiom: number[] | undefined;
  let asciiPunct = false;
  let has = 0;
  let unordered = false;
  for (let i = 0; i < n; i++) {
    // most characters are of no interest: a tight loop skips them
    while (i < n && cls[t.charCodeAt(i)] === 0) i++;
    if (i === n) break;
    const code = t.charCodeAt(i);
    const c = cls[code];
    if (c & C_QUOTE) buf[nq++] = i;
    if (c & C_PUNCT) {
      buf[np++] = i;
      if (code < 0x80) asciiPunct = true;
    }
    if (c & C_IDIOM) {
      // the idioms gated here start k = 0…6 characters before
      for (let k = 0, m = gates[code]; m !== 0; k++, m >>= 1) {
        const s = i - k;
        if ((m & 1) === 0 || s < 0 || s + 1 >= n || bigram[bigramHash(t.charCodeAt(s), t.charCodeAt(s + 1))] === 0) continue;
        if (idiom === undefined) {
          idiom = [s];
          continue;
        }
        const last = idiom[idiom.length - 1];
        if (s === last) continue;
        if (s < last) unordered = true;
        idiom.push(s);
      }
    }
    if (c & C_SUFFIX) buf[ns++] = i;
    if (c & C_TRIGGER) has |= triggerBit(t, i);
  }
  if (unordered && idiom) {
    idiom.sort((a, b) => a - b);
    let w = 1;
    for (let r = 1; r < idiom.length; r++) if (idiom[r] !== idiom[w - 1]) idiom[w++] = idiom[r];
    idiom.length = w;
  }
  const out = { text: t, quote: take(0, nq), punct: take(n, np), asciiPunct, idiom: idiom ?? NONE, suffix: take(2 * n, ns), has };
  // a huge paragraph's buffer is not kept
  if (scratch.length > MAX_KEPT) scratch = new Int32Array(256);
  return out;
}
