/**
 * The document model: paragraphs joined across pasted line breaks, headings of the four GB/T 9704
 * levels, inline enumerations, sentences, the title, a cover letter, a signature and the report's
 * parts. Nothing is normalised in place: every logical character keeps the offset of the original
 * character it came from, so every range maps back exactly.
 */
import { LineIndex, isRegexSpace as isRegexSpaceImported, isSpace as isSpaceImported } from './text';
import { CN_ORDINAL_CLASS, isOrdinalChar, ordinalValue, parseChineseNumber as parseChineseNumberImported } from './numerals';
import { classifyPartHeading, inferPartKind, isPlanSentence, isProblemSentence, PartKind } from './classify';

// Local bindings of the functions called per character or per line: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const isSpace: (c: number) => boolean = isSpaceImported;
const isRegexSpace: (c: number) => boolean = isRegexSpaceImported;
const parseChineseNumber: (s: string) => number = parseChineseNumberImported;

/** A run of original text seen as one logical string; map[i] is the original offset of char i. */
export interface Logical {
  text: string;
  map: Int32Array;
}

export type ParagraphKind = 'text' | 'markdown-heading' | 'table' | 'list-item';

export interface Paragraph extends Logical {
  index: number;
  kind: ParagraphKind;
  /** Original offset of the first and after the last content character. */
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  /** Markdown heading depth (1–6) for `#` headings. */
  mdLevel?: number;
  /** Set on the paragraph that carries a heading. */
  heading?: Heading;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Heading {
  level: HeadingLevel;
  /** The ordinal as a number (一 → 1); 0 when the marker has none (Markdown heading). */
  ordinal: number;
  /** The marker as written, e.g. `（三）`, `(三)`, `1、`, `一、`. */
  marker: string;
  markerStart: number;
  markerEnd: number;
  /** Bracket style of level 2 and 4 markers. */
  brackets?: 'full' | 'half' | 'mixed';
  /** Punctuation after the marker as written (`、`, `.`, `．`, `，`, or '' ). */
  delimiter: string;
  /** Heading text (without the marker), as original offsets. */
  textStart: number;
  textEnd: number;
  title: string;
  paragraph: Paragraph;
  /** Logical offset in the paragraph where the heading text ends. */
  logicalEnd: number;
  /** `(-)`, `(—)` written for `（一）`. */
  malformed?: boolean;
}

export interface Section {
  heading?: Heading;
  level: HeadingLevel;
  /** Original offsets covering the section (heading to the end of its last paragraph). */
  start: number;
  end: number;
  paragraphs: Paragraph[];
  children: Section[];
  parent?: Section;
  /** For level-1 parts. */
  kind?: PartKind;
  kindSource?: 'heading' | 'content';
  /** A part inferred from content where the report has no heading for it. */
  inferred?: boolean;
}

export interface Enumeration {
  ordinal: number;
  marker: string;
  start: number;
  end: number;
  paragraph: Paragraph;
  /** Logical offset of the marker in its paragraph. */
  logicalStart: number;
  /** The innermost section it belongs to. */
  section?: Section;
  /** Preceded by a sentence boundary (strong) or accepted because the series continues (weak). */
  strong: boolean;
}

export interface Sentence {
  paragraph: Paragraph;
  /** Logical offsets into the paragraph. */
  from: number;
  to: number;
  text: string;
  /** Original offsets. */
  start: number;
  end: number;
  index: number;
}

export interface Title {
  start: number;
  end: number;
  text: string;
  year?: number;
  yearStart?: number;
  yearEnd?: number;
  body?: string;
  paragraphs: Paragraph[];
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
}

export interface Signature {
  start: number;
  end: number;
  text: string;
  date?: DateMention;
}

export interface ReportDocument {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  headings: Heading[];
  title?: Title;
  coverLetter?: { start: number; end: number; paragraphs: Paragraph[] };
  signature?: Signature;
  /** Level-1 parts in order, including inferred ones. */
  parts: Section[];
  /** All heading sections in document order (depth first). */
  sections: Section[];
  enumerations: Enumeration[];
  sentences: Sentence[];
  /** The reporting year: the title's, else the opening paragraph's. */
  reportYear?: number;
  /** Index of the first paragraph of the report's body (after title and cover letter). */
  bodyStart: number;
  /** Inline suppression comments found in the text. */
  comments: Comment[];
}

export interface Comment {
  start: number;
  end: number;
  /** Content between `<!--` and `-->`, trimmed. */
  body: string;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (compiled once).

const ORD = `[${CN_ORDINAL_CLASS}]{1,3}`;
const RE_L1 = new RegExp(`^(${ORD})([、，,．.])`);
const RE_L2 = new RegExp(`^([（(])\\s*(${ORD})\\s*([）)])([、，,．.]?)`);
/** `第一部分　工作举措和成效`: a level-1 heading written as a numbered part (no delimiter after it). */
const RE_PART = new RegExp(`^第(${ORD})部分(?=[\\s\u3000：:、]|$)[：:、]?`);
const RE_L2_BAD = /^([（(])\s*([-—－–])\s*([）)])/;
const RE_L3 = /^([0-9０-９]{1,2})([.．、，,])(?![0-9０-９])/;
const RE_L4 = /^([（(])\s*([0-9０-９]{1,2})\s*([）)])/;
const RE_ENUM = new RegExp(`(${ORD})是`, 'g');
const RE_ENUM_START = new RegExp(`^${ORD}是`);
const RE_YEAR = /((?:19|20)\d{2})\s*年/;
const RE_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const RE_DATE_LINE = /^(?:(.{0,40}?\S)\s*)?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:印发|发布|制发)?$/;
const RE_PAGE_NUMBER = /^(?:[-—－–]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—－–])?(?:\s*[/／]\s*\d{1,3})?$/;
const RE_PAGE_OF = /^(?:第\s*\d{1,3}\s*页[，,\s]{0,2}共\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页[，,\s]{0,2}第\s*\d{1,3}\s*页)$/;
const RE_MD_HEADING = /^(#{1,6})[ \t]+/;
const TITLE_END = /(?:报告|情况|总结|综述|汇报)$/;
/** `（2025年1月20日）` under a title. */
const RE_BRACKET_DATE = /^[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]$/;
const RE_ORG_END = /(?:政府|办公室|委员会|局|厅|委|办|院|部|中心|处|室)$/;

export function toHalfDigit(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

// ---------------------------------------------------------------------------------------------
// Lines → paragraphs.

/** Kinds of the kept (non-blank) lines. */
const L_TEXT = 0;
const L_LIST = 1;
const L_TABLE = 2;
const L_MD = 3;
const L_COMMENT = 4;
const L_NOISE = 5;

/**
 * The non-blank lines of the text, as parallel arrays (no per-line object or substring): content
 * offsets after trimming, the line number, the kind and, for Markdown headings, the depth.
 */
interface RawLines {
  count: number;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  kind: Uint8Array;
  md: Uint8Array;
  /** Visible length of the lines wrapWidth measured (0 for the others). */
  vlen: Float64Array;
}

/** Could a trimmed line starting with `c` be a page number or `第 1 页 共 3 页`? */
function pageNoiseFirst(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2014 || c === 0xff0d || c === 0x2013 || c === 0x7b2c || c === 0x5171;
}

function scanLines(text: string, lines: LineIndex, comments: Comment[]): RawLines {
  const starts = lines.starts;
  const n = starts.length;
  const out: RawLines = {
    count: 0, start: new Int32Array(n), end: new Int32Array(n), line: new Int32Array(n), kind: new Uint8Array(n), md: new Uint8Array(n),
    vlen: new Float64Array(n),
  };
  let k = 0;
  for (let i = 0; i < n; i++) {
    let s = starts[i];
    let e = i + 1 < n ? starts[i + 1] : text.length;
    if (e > s && text.charCodeAt(e - 1) === 10) e--;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    // blank lines end nothing (paragraphs break on content): they are not kept
    if (s === e) continue;
    const c0 = text.charCodeAt(s);
    let kind = L_TEXT;
    if (c0 === 0x3c && text.startsWith('<!--', s) && text.endsWith('-->', e)) {
      kind = L_COMMENT;
      comments.push({ start: s, end: e, body: text.slice(s + 4, e - 3).trim(), line: i });
    } else if (pageNoiseFirst(c0) && isPageNoise(text.slice(s, e))) kind = L_NOISE;
    else if (c0 === 0x23) {
      const md = RE_MD_HEADING.exec(text.slice(s, e));
      if (md) {
        kind = L_MD;
        out.md[k] = md[1].length;
      }
    } else if ((c0 === 0x2d || c0 === 0x2a || c0 === 0x2b) && e - s > 1 && (text.charCodeAt(s + 1) === 32 || text.charCodeAt(s + 1) === 9)) kind = L_LIST;
    else if (c0 === 0x7c && text.charCodeAt(e - 1) === 0x7c) kind = L_TABLE;
    out.start[k] = s;
    out.end[k] = e;
    out.line[k] = i;
    out.kind[k] = kind;
    k++;
  }
  out.count = k;
  markRunningHeads(text, out);
  return out;
}

function isPageNoise(content: string): boolean {
  return RE_PAGE_NUMBER.test(content) || RE_PAGE_OF.test(content);
}

/**
 * Running heads of pasted pages: the same short line (no sentence punctuation, no heading marker)
 * seen three times or more. Every occurrence after the first is noise.
 */
function markRunningHeads(text: string, raw: RawLines): void {
  let seen: Map<string, number[]> | undefined;
  const { start, end, kind } = raw;
  for (let k = 0; k < raw.count; k++) {
    if (kind[k] !== L_TEXT) continue;
    const s = start[k];
    const e = end[k];
    if (e - s > 40 || e - s < 6 || startsWithMarker(text, s, e) || !plainHead(text, s, e)) continue;
    const key = hasRegexSpace(text, s, e) ? text.slice(s, e).replace(/\s+/g, '') : text.slice(s, e);
    seen ??= new Map();
    const list = seen.get(key);
    if (list) list.push(k);
    else seen.set(key, [k]);
  }
  if (!seen) return;
  // the first one stays when it heads the document (it is then the title or the sender)
  let top = 0;
  for (let k = 0; k < raw.count; k++) {
    if (kind[k] === L_NOISE || kind[k] === L_COMMENT) continue;
    if (++top > 3) {
      top = raw.line[k];
      break;
    }
  }
  for (const list of seen.values()) {
    if (list.length < 3) continue;
    for (let j = raw.line[list[0]] < top ? 1 : 0; j < list.length; j++) kind[list[j]] = L_NOISE;
  }
}

/**
 * Does text[s, e) hold four CJK ideographs in a row (U+4E00–U+9FFF) and none of 。，,；;：:！？!?、?
 * (The test of a running head, without a substring.)
 */
function plainHead(text: string, s: number, e: number): boolean {
  let run = 0;
  let cjk4 = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x3002: case 0xff0c: case 0x2c: case 0xff1b: case 0x3b: case 0xff1a: case 0x3a: case 0xff01: case 0xff1f: case 0x21: case 0x3f: case 0x3001:
        return false;
    }
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (++run >= 4) cjk4 = true;
    } else run = 0;
  }
  return cjk4;
}

/** Visible length in characters (an ASCII digit or letter counts half). */
function visibleLength(s: string): number {
  return visibleLengthAt(s, 0, s.length);
}

function visibleLengthAt(text: string, s: number, e: number): number {
  let ascii = 0;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) < 128) ascii++;
  return e - s - ascii + ascii * 0.5;
}

/** Could `c` open a heading marker or an enumeration (`一、`, `第一部分`, `（一）`, `1.`, `一是`)? */
function markerFirst(c: number): boolean {
  return isOrdinalChar(c) || c === 0x7b2c || c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}


/** Does text[s, e) open on a heading marker or an enumeration, after an optional `**` or `__`? */
function startsWithMarker(text: string, s: number, e: number): boolean {
  const c0 = text.charCodeAt(s);
  if ((c0 === 42 || c0 === 95) && e - s >= 2 && text.charCodeAt(s + 1) === c0) s += 2;
  if (s >= e || !markerFirst(text.charCodeAt(s))) return false;
  const c = text.slice(s, e);
  return RE_L1.test(c) || RE_PART.test(c) || RE_L2.test(c) || RE_L2_BAD.test(c) || RE_L3.test(c) || RE_L4.test(c) ||
    RE_ENUM_START.test(c);
}

function isDateOnly(content: string): boolean {
  return content.length <= 60 && content.includes('日') && RE_DATE_LINE.test(content) && visibleLength(content) <= 30;
}

/**
 * isDateOnly(text[s, e)), slicing only when it may be one: RE_DATE_LINE ends on 日, 发 (印发, 制发),
 * 布 (发布) or a space (`\s`).
 */
function isDateOnlyAt(text: string, s: number, e: number): boolean {
  if (e - s > 60 || e === s) return false;
  const c = text.charCodeAt(e - 1);
  if (c !== 0x65e5 && c !== 0x53d1 && c !== 0x5e03 && !isRegexSpace(c)) return false;
  return isDateOnly(text.slice(s, e));
}

/** Does text[s, e) hold a character of the regex class `\s`? */
function hasRegexSpace(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isRegexSpace(text.charCodeAt(i))) return true;
  return false;
}


/** 。！？!?；;：:… */
function isTerminal(c: number): boolean {
  switch (c) {
    case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f: case 0xff1b: case 0x3b: case 0xff1a: case 0x3a: case 0x2026:
      return true;
    default:
      return false;
  }
}

/** The width at which pasted text was hard-wrapped (0 when it was not). */
function wrapWidth(text: string, raw: RawLines): number {
  const all = new Float64Array(raw.count);
  let k = 0;
  for (let j = 0; j < raw.count; j++) {
    const kd = raw.kind[j];
    if (kd !== L_TEXT && kd !== L_LIST) continue;
    const e = raw.end[j];
    if (!isTerminal(text.charCodeAt(e - 1))) all[k++] = raw.vlen[j] = visibleLengthAt(text, raw.start[j], e);
  }
  if (k < 5) return 0;
  const lens = all.subarray(0, k);
  const w = quantile(lens, Math.floor(k * 0.75));
  // hard-wrapped text has many lines of about the same, full width; headings and titles do not
  let near = 0;
  for (let j = 0; j < k; j++) {
    const n = lens[j];
    if (n >= w * 0.85 && n <= w * 1.1) near++;
  }
  return near >= 5 && near >= k * 0.4 && w >= 12 ? w : 0;
}

/**
 * The value at index `q` of `lens` sorted ascending. Visible lengths are multiples of 0.5: short
 * ones are counted (no sort); `lens` is sorted in place only when one is long.
 */
function quantile(lens: Float64Array, q: number): number {
  let max = 0;
  for (let j = 0; j < lens.length; j++) if (lens[j] > max) max = lens[j];
  if (max > 2048) return lens.sort()[q];
  const counts = new Int32Array(max * 2 + 1);
  for (let j = 0; j < lens.length; j++) counts[lens[j] * 2]++;
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v];
    if (seen > q) return v / 2;
  }
  return max;
}

/**
 * Offsets of the logical characters of all paragraphs, written into one buffer per document (each
 * paragraph's `map` is a view of its slice): no per-character allocation. `ranges` holds the runs
 * of original text ([start, end) pairs) of the paragraphs whose logical text is not one run.
 */
interface MapBuffer {
  buf: Int32Array;
  used: number;
  /** Offsets of the next `**` and `__` (Infinity when there is none): cursors of nextEmphasis. */
  star: number;
  under: number;
  /** [start, end) pairs, `rangesUsed` numbers of them in use (grown by doubling). */
  ranges: Int32Array;
  rangesUsed: number;
}

/**
 * Appends [start,end) of the original text to the logical text, dropping Markdown emphasis
 * (`**`, `__`): writes the offsets to `mb.buf` and the runs kept to `mb.ranges`.
 */
function appendLogical(text: string, start: number, end: number, mb: MapBuffer): void {
  const buf = mb.buf;
  let w = mb.used;
  let i = start;
  for (;;) {
    // `**` / `__` emphasis markers are not content (taken left to right, as pairs)
    const at = nextEmphasis(text, i, mb);
    const stop = at < end ? at : end;
    if (stop > i) pushRange(mb, i, stop);
    for (; i < stop; i++) buf[w++] = i;
    if (stop === end) break;
    i += 2;
  }
  mb.used = w;
}

/** Appends the run [start, end) to `mb.ranges`. */
function pushRange(mb: MapBuffer, start: number, end: number): void {
  let r = mb.ranges;
  const k = mb.rangesUsed;
  if (k + 2 > r.length) {
    const grown = new Int32Array(r.length * 2);
    grown.set(r);
    mb.ranges = r = grown;
  }
  r[k] = start;
  r[k + 1] = end;
  mb.rangesUsed = k + 2;
}

/** Offset of the first `**` or `__` at or after `from` (Infinity when none); a cursor in `mb`. */
function nextEmphasis(text: string, from: number, mb: MapBuffer): number {
  if (mb.star < from) {
    const k = text.indexOf('**', from);
    mb.star = k < 0 ? Infinity : k;
  }
  if (mb.under < from) {
    const k = text.indexOf('__', from);
    mb.under = k < 0 ? Infinity : k;
  }
  return mb.star < mb.under ? mb.star : mb.under;
}

/**
 * The paragraphs. A paragraph whose logical text is one run of the original text gets a slice of
 * it; the others (joined lines, emphasis dropped) get slices of one string holding all of them, so
 * that the texts are flat from the start and not many separately allocated copies.
 */
function buildParagraphs(text: string, raw: RawLines): Paragraph[] {
  const width = wrapWidth(text, raw);
  const paragraphs: Paragraph[] = [];
  const mb: MapBuffer = { buf: new Int32Array(text.length), used: 0, star: -1, under: -1, ranges: new Int32Array(64), rangesUsed: 0 };
  const buf = mb.buf;
  // paragraphs built from several runs, with their offset in the joined string
  const joined: Paragraph[] = [];
  const joinedAt: number[] = [];
  let joinedLength = 0;
  const { start, end, line, kind: kinds, md } = raw;
  // the lines of the current paragraph: [first, last] of the kept lines, less the noise between
  let first = -1;
  let last = -1;
  const flush = (kind: ParagraphKind = 'text', mdLevel?: number): void => {
    if (first < 0) return;
    const first0 = first;
    const last0 = last;
    first = last = -1;
    if (kind === 'text' && kinds[first0] === L_LIST) kind = 'list-item';
    const base = mb.used;
    const rangesBase = mb.rangesUsed;
    for (let k = first0; k <= last0; k++) {
      const kd = kinds[k];
      if (kd === L_NOISE) continue;
      let s = start[k];
      const e = end[k];
      if (kd === L_MD) {
        s += md[k];
        while (s < e && isSpace(text.charCodeAt(s))) s++;
      } else if (kd === L_LIST) {
        s += 1;
        while (s < e && isSpace(text.charCodeAt(s))) s++;
      }
      appendLogical(text, s, e, mb);
    }
    // trim logical whitespace left by stripped markers
    const used = mb.used;
    let ts = base;
    let te = used;
    while (ts < te && isSpace(text.charCodeAt(buf[ts]))) ts++;
    while (te > ts && isSpace(text.charCodeAt(buf[te - 1]))) te--;
    if (ts === te) {
      mb.used = base;
      mb.rangesUsed = rangesBase;
      return;
    }
    const trimmed = ts > base || te < used;
    const p: Paragraph = {
      index: paragraphs.length,
      kind,
      start: trimmed ? buf[ts] : start[first0],
      end: trimmed ? buf[te - 1] + 1 : end[last0],
      firstLine: line[first0],
      lastLine: line[last0],
      text: '',
      map: buf.subarray(ts, te),
      mdLevel,
    };
    if (mb.rangesUsed - rangesBase === 2) {
      // one run: a slice of the original text
      p.text = text.slice(buf[ts], buf[te - 1] + 1);
      mb.rangesUsed = rangesBase;
    } else {
      joined.push(p);
      joinedAt.push(joinedLength + ts - base);
      joinedLength += used - base;
    }
    paragraphs.push(p);
  };
  for (let k = 0; k < raw.count; k++) {
    const kd = kinds[k];
    if (kd === L_NOISE) continue;
    if (kd === L_COMMENT) {
      flush();
      continue;
    }
    if (kd === L_MD) {
      flush();
      first = last = k;
      flush('markdown-heading', md[k]);
      continue;
    }
    if (kd === L_TABLE) {
      flush();
      first = last = k;
      flush('table');
      continue;
    }
    if (first >= 0 && shouldBreak(text, raw, last, k, width)) flush();
    if (kd === L_LIST && first >= 0) flush();
    if (first < 0) first = k;
    last = k;
  }
  flush();
  if (joined.length) {
    const ranges = mb.ranges;
    const parts: string[] = new Array(mb.rangesUsed >> 1);
    for (let r = 0; r < mb.rangesUsed; r += 2) parts[r >> 1] = text.slice(ranges[r], ranges[r + 1]);
    const all = parts.join('');
    for (let j = 0; j < joined.length; j++) joined[j].text = all.slice(joinedAt[j], joinedAt[j] + joined[j].map.length);
  }
  return paragraphs;
}

/** Does text[s, e) end with 报告, 情况, 总结, 综述 or 汇报 (TITLE_END)? */
function endsLikeTitle(text: string, s: number, e: number): boolean {
  if (e - s < 2) return false;
  const a = text.charCodeAt(e - 2);
  switch (text.charCodeAt(e - 1)) {
    case 0x544a: return a === 0x62a5; // 报告
    case 0x51b5: return a === 0x60c5; // 情况
    case 0x7ed3: return a === 0x603b; // 总结
    case 0x8ff0: return a === 0x7efc; // 综述
    case 0x62a5: return a === 0x6c47; // 汇报
    default: return false;
  }
}

/** Does line `k` of `raw` start a new paragraph after line `j`? */
function shouldBreak(text: string, raw: RawLines, j: number, k: number, width: number): boolean {
  const s = raw.start[j];
  let e = raw.end[j];
  // the previous line without a closing `**` / `__`
  if (e - s >= 2) {
    const c = text.charCodeAt(e - 1);
    if ((c === 42 || c === 95) && text.charCodeAt(e - 2) === c) e -= 2;
  }
  if (e > s && isTerminal(text.charCodeAt(e - 1))) return true;
  if (raw.kind[k] !== L_TEXT) return true;
  const ns = raw.start[k];
  const ne = raw.end[k];
  if (startsWithMarker(text, ns, ne)) return true;
  if (isDateOnlyAt(text, s, e) || isDateOnlyAt(text, ns, ne)) return true;
  const len = e === raw.end[j] && raw.vlen[j] > 0 ? raw.vlen[j] : visibleLengthAt(text, s, e);
  if (len <= 40) {
    let hs = s;
    const c0 = text.charCodeAt(s);
    if ((c0 === 42 || c0 === 95) && e - s >= 2 && text.charCodeAt(s + 1) === c0) hs += 2;
    const h0 = text.charCodeAt(hs);
    if (hs < e && (isOrdinalChar(h0) || h0 === 0xff08 || h0 === 0x28)) {
      const aHead = text.slice(hs, e);
      if ((RE_L1.test(aHead) || RE_L2.test(aHead)) && !hasChar(text, s, e, 0x3002)) return true;
    }
  }
  if (len <= 60 && endsLikeTitle(text, s, e)) return true;
  // a title broken over two lines: `XX县人民政府关于2024年度法治政府建设` / `情况的报告`
  if (raw.line[j] < 12 && len <= 40) {
    const a = text.slice(s, e);
    if (!RE_ANY_PUNCT.test(a) && !RE_ORG_END.test(a) && /法治|法制|依法|年/.test(a)) {
      const b = text.slice(ns, ne);
      if (TITLE_END.test(b) && visibleLength(b) <= 30 && !RE_ANY_PUNCT.test(b)) return false;
    }
  }
  // A line that already holds a sentence end, or clause punctuation over some length, and stops
  // mid-sentence was broken by a page or a column (`……一是行政权` / `力制约监督……`): it goes on.
  if (isFragment(text, s, e, len)) return false;
  if (width > 0 ? len < width * 0.6 : len <= 20) return true;
  return false;
}

function hasChar(text: string, s: number, e: number, c: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === c) return true;
  return false;
}

const RE_ANY_PUNCT = /[。！？!?；;，,、：:]/;

/**
 * Does text[s, e) hold a sentence end (。！？!?；;), clause punctuation (，,、：:“”《) when it is
 * 18 long or more, or an open 《, （ or “ left unclosed?
 */
function isFragment(text: string, s: number, e: number, len: number): boolean {
  let clause = false;
  let book = 0;
  let paren = 0;
  let quote = 0;
  for (let i = s; i < e; i++) {
    switch (text.charCodeAt(i)) {
      case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f: case 0xff1b: case 0x3b:
        return true;
      case 0xff0c: case 0x2c: case 0x3001: case 0xff1a: case 0x3a:
        clause = true;
        break;
      case 0x300a: // 《
        clause = true;
        book++;
        break;
      case 0x300b: // 》
        if (book > 0) book--;
        break;
      case 0xff08: // （
        paren++;
        break;
      case 0xff09: // ）
        if (paren > 0) paren--;
        break;
      case 0x201c: // “
        clause = true;
        quote++;
        break;
      case 0x201d: // ”
        clause = true;
        if (quote > 0) quote--;
        break;
    }
  }
  if (len >= 18 && clause) return true;
  return book > 0 || paren > 0 || quote > 0;
}

// ---------------------------------------------------------------------------------------------
// Headings.

function mapRange(p: Logical, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < p.map.length ? p.map[from] : p.map.length ? p.map[p.map.length - 1] + 1 : 0;
    return { start: at, end: at };
  }
  return { start: p.map[from], end: p.map[to - 1] + 1 };
}
export { mapRange };

/** mapRange(p, from, to).start, without the object. */
function mappedStart(p: Logical, from: number, to: number): number {
  const map = p.map;
  if (to > from) return map[from];
  return from < map.length ? map[from] : map.length ? map[map.length - 1] + 1 : 0;
}

/** mapRange(p, from, to).end, without the object. */
function mappedEnd(p: Logical, from: number, to: number): number {
  return to > from ? p.map[to - 1] + 1 : mappedStart(p, from, to);
}

function headingTextEnd(t: string, from: number): number {
  const stop = t.indexOf('。', from);
  const enumAt = findEnumAfter(t, from + 4);
  let end = t.length;
  if (stop >= 0) end = stop;
  if (enumAt >= 0 && enumAt < end) end = enumAt;
  // `（一）主要做法：……` — a colon close to the marker ends the heading too: the first `：` (else the
  // first `:`) when it is within 40 characters; a `：` further on keeps a near `:` from counting
  const near = Math.min(end, from + 41);
  let colon = indexOfCode(t, 0xff1a, from, near);
  if (colon < 0) {
    colon = indexOfCode(t, 0x3a, from, near);
    if (colon >= 0 && t.indexOf('：', near) >= 0) colon = -1;
  }
  if (colon >= 0) end = colon;
  return end;
}

/** Offset of the first character `c` in t[from, to) (−1 when none). */
function indexOfCode(t: string, c: number, from: number, to: number): number {
  for (let i = from < 0 ? 0 : from; i < to; i++) if (t.charCodeAt(i) === c) return i;
  return -1;
}

function findEnumAfter(t: string, from: number): number {
  const i = nextEnum(t, from);
  if (i < 0) return -1;
  // only `一是` directly glued to a heading counts as its end
  return parseChineseNumber(t.slice(i, enumShi)) === 1 ? i : -1;
}

/** Offset of the `是` of the last enumeration nextEnum found. */
let enumShi = -1;

/**
 * The start of the first match of RE_ENUM at or after `from` (−1 when none), without a match
 * object: `test` finds where the match ends (its `是`), and the match starts at the ordinals just
 * before that, at most 3 and none before `from` (the leftmost start the regex takes). The offset of
 * its `是` is left in `enumShi`.
 */
function nextEnum(t: string, from: number): number {
  RE_ENUM.lastIndex = from;
  if (!RE_ENUM.test(t)) return -1;
  const j = RE_ENUM.lastIndex - 1;
  let i = j;
  while (i > from && j - i < 3 && isOrdinalChar(t.charCodeAt(i - 1))) i--;
  enumShi = j;
  return i;
}

function detectHeading(p: Paragraph): Heading | undefined {
  const t = p.text;
  let m: RegExpExecArray | null;
  let level: HeadingLevel | undefined;
  let ordinal = 0;
  let markerLen = 0;
  let delimiter = '';
  let brackets: Heading['brackets'];
  let malformed = false;
  if (p.kind === 'table') return undefined;
  // each marker opens on its own characters: only the expressions that can match are run
  const c0 = t.charCodeAt(0);
  const ord = isOrdinalChar(c0);
  const bracket = c0 === 0xff08 || c0 === 0x28;
  let len = 0;
  if (ord && (len = scanL1(t)) > 0) {
    level = 1;
    ordinal = parseChineseNumber(t.slice(0, scanFrom));
    markerLen = len;
    delimiter = t[scanFrom];
  } else if (c0 === 0x7b2c && (m = RE_PART.exec(t)) && !t.slice(0, 60).includes('。')) {
    level = 1;
    ordinal = parseChineseNumber(m[1]);
    markerLen = m[0].length;
  } else if (bracket && (len = scanBracketed(t, false)) > 0) {
    level = 2;
    ordinal = parseChineseNumber(t.slice(scanFrom, scanTo));
    // `([、，,．.]?)` after the bracket
    if (len < t.length && isL1Delimiter(t.charCodeAt(len))) len++;
    markerLen = len;
    delimiter = len > scanClose + 1 ? t[scanClose + 1] : '';
    brackets = bracketStyle(t[0], t[scanClose]);
  } else if (bracket && (m = RE_L2_BAD.exec(t))) {
    level = 2;
    ordinal = 1;
    markerLen = m[0].length;
    brackets = bracketStyle(m[1], m[3]);
    malformed = true;
  } else if (bracket && (len = scanBracketed(t, true)) > 0) {
    level = 4;
    ordinal = digitsValue(t, scanFrom, scanTo);
    markerLen = len;
    brackets = bracketStyle(t[0], t[scanClose]);
  } else if (isAnyDigit(c0) && (len = scanL3(t)) > 0) {
    // `1.` needs text after it, and is not a list of dates like `1.12`
    level = 3;
    ordinal = digitsValue(t, 0, scanFrom);
    markerLen = len;
    delimiter = t[scanFrom];
    if (delimiter === '，' || delimiter === ',') return undefined;
  } else if (p.kind === 'markdown-heading') {
    level = (Math.min(4, Math.max(1, (p.mdLevel ?? 2) - 1)) as HeadingLevel);
  }
  if (!level) return undefined;
  let from = markerLen;
  while (from < t.length && isSpace(t.charCodeAt(from))) from++;
  const to = p.kind === 'markdown-heading' ? t.length : headingTextEnd(t, from);
  return {
    level,
    ordinal,
    marker: t.slice(0, markerLen),
    markerStart: mappedStart(p, 0, markerLen),
    markerEnd: mappedEnd(p, 0, markerLen),
    brackets,
    delimiter,
    textStart: mappedStart(p, from, to),
    textEnd: mappedEnd(p, from, to),
    title: t.slice(from, to),
    paragraph: p,
    logicalEnd: to,
    malformed,
  };
}

// Scanners of the heading markers at the start of a paragraph's text, in place of RE_L1, RE_L2,
// RE_L4 and RE_L3 (same matches, no match object). They leave the ordinal's or the digits' range in
// [scanFrom, scanTo) (for RE_L1 and RE_L3: [0, scanFrom), the delimiter at scanFrom) and the
// closing bracket's offset in scanClose.
let scanFrom = 0;
let scanTo = 0;
let scanClose = 0;

/** 、，,．. (the delimiters of RE_L1 and RE_L2). */
function isL1Delimiter(c: number): boolean {
  return c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff0e || c === 0x2e;
}

/** 0-9 or ０-９. */
function isAnyDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Number(toHalfDigit(t.slice(s, e))) for 1 or 2 digits. */
function digitsValue(t: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return v;
}

/**
 * `^([一…十]{1,3})([、，,．.])` (RE_L1): the length of the match, 0 when none. The class is greedy
 * and the delimiter is no ordinal, so only the longest run of at most 3 can be followed by it.
 */
function scanL1(t: string): number {
  let r = 0;
  while (r < 3 && r < t.length && isOrdinalChar(t.charCodeAt(r))) r++;
  if (r === 0 || r >= t.length || !isL1Delimiter(t.charCodeAt(r))) return 0;
  scanFrom = r;
  return r + 1;
}

/** `^([0-9０-９]{1,2})([.．、，,])(?![0-9０-９])` (RE_L3): the length of the match, 0 when none. */
function scanL3(t: string): number {
  let r = 0;
  while (r < 2 && r < t.length && isAnyDigit(t.charCodeAt(r))) r++;
  if (r === 0 || r >= t.length || !isL1Delimiter(t.charCodeAt(r))) return 0;
  if (r + 1 < t.length && isAnyDigit(t.charCodeAt(r + 1))) return 0;
  scanFrom = r;
  return r + 1;
}

/**
 * `^([（(])\s*(ordinals{1,3} | digits{1,2})\s*([）)])` (RE_L2 without its delimiter, or RE_L4): the
 * length of the match, 0 when none. `t` opens on a bracket (the caller checks).
 */
function scanBracketed(t: string, digits: boolean): number {
  const n = t.length;
  let i = 1;
  while (i < n && isRegexSpace(t.charCodeAt(i))) i++;
  const s = i;
  const max = digits ? 2 : 3;
  while (i - s < max && i < n && (digits ? isAnyDigit(t.charCodeAt(i)) : isOrdinalChar(t.charCodeAt(i)))) i++;
  if (i === s) return 0;
  const e = i;
  while (i < n && isRegexSpace(t.charCodeAt(i))) i++;
  if (i >= n) return 0;
  const c = t.charCodeAt(i);
  if (c !== 0xff09 && c !== 0x29) return 0;
  scanFrom = s;
  scanTo = e;
  scanClose = i;
  return i + 1;
}

function bracketStyle(open: string, close: string): Heading['brackets'] {
  const o = open === '（';
  const c = close === '）';
  return o && c ? 'full' : !o && !c ? 'half' : 'mixed';
}

// ---------------------------------------------------------------------------------------------
// Sentences and enumerations.

/** ”’）」 */
function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0xff09 || c === 0x300d;
}

/** Sentence ends 。！？!?；; (one UTF-16 unit each). */
const RE_SENTENCE_END = /[。！？!?；;]/g;

function splitSentences(p: Paragraph, out: Sentence[]): void {
  const t = p.text;
  const n = t.length;
  const map = p.map;
  let from = 0;
  for (;;) {
    // the next sentence end: a regex test (native scan, no match object) from `from`
    let i = n;
    if (from < n) {
      RE_SENTENCE_END.lastIndex = from;
      if (RE_SENTENCE_END.test(t)) i = RE_SENTENCE_END.lastIndex - 1;
    }
    let to = i === n ? i : i + 1;
    // keep a closing quote or bracket with its sentence
    while (to < n && isCloser(t.charCodeAt(to))) to++;
    let s = from;
    while (s < to && isSpace(t.charCodeAt(s))) s++;
    if (to > s) out.push({ paragraph: p, from: s, to, text: t.slice(s, to), start: map[s], end: map[to - 1] + 1, index: out.length });
    if (i === n) break;
    from = to;
  }
}

/** 。；;：:，,！？!?）)”"】、 (a strong enumeration follows one of them). */
function isBoundaryBefore(c: number): boolean {
  switch (c) {
    case 0x3002: case 0xff1b: case 0x3b: case 0xff1a: case 0x3a: case 0xff0c: case 0x2c: case 0xff01: case 0xff1f: case 0x21: case 0x3f:
    case 0xff09: case 0x29: case 0x201d: case 0x22: case 0x3011: case 0x3001:
      return true;
    default:
      return false;
  }
}


/**
 * The enumeration candidates of the body, four numbers each in one growing Int32Array (no object
 * per candidate): ordinal, logical start and end in the paragraph, strong (1) or weak (0). Those of
 * body paragraph i are candidates [first[i], first[i + 1]).
 */
interface EnumCandidates {
  buf: Int32Array;
  count: number;
}

function addCandidate(out: EnumCandidates, ordinal: number, from: number, to: number, strong: boolean): void {
  let buf = out.buf;
  const k = out.count * 4;
  if (k + 4 > buf.length) {
    const grown = new Int32Array(buf.length * 2);
    grown.set(buf);
    out.buf = buf = grown;
  }
  buf[k] = ordinal;
  buf[k + 1] = from;
  buf[k + 2] = to;
  buf[k + 3] = strong ? 1 : 0;
  out.count++;
}

function enumCandidates(p: Paragraph, out: EnumCandidates): void {
  const t = p.text;
  if (t.indexOf('是') < 0) return;
  const headEnd = p.heading ? p.heading.logicalEnd : -1;
  // `([一二三四五六七八九十]{1,3})是` scanned left to right, as RE_ENUM with the `g` flag did
  for (let i = nextEnum(t, 0); i >= 0; i = nextEnum(t, enumShi + 1)) {
    const j = enumShi;
    // `统一是` / `唯一是`: a numeral glued to a preceding character that is itself a numeral
    // (e.g. `十一是` matched as `一是`) is handled by the greedy class; trim to at most 3 chars.
    const ordinal = j - i === 1 ? ordinalValue(t.charCodeAt(i)) : parseChineseNumber(t.slice(i, j));
    if (!Number.isFinite(ordinal) || ordinal <= 0 || ordinal > 30) continue;
    const strong = i === 0 || isBoundaryBefore(t.charCodeAt(i - 1)) || isSpace(t.charCodeAt(i - 1)) || i === headEnd;
    // not a word such as `这一是`, `统一是`, `之一是` when weak: decided by the series later
    addCandidate(out, ordinal, i, j + 1, strong);
  }
}

// ---------------------------------------------------------------------------------------------
// Title, cover letter, signature.

function findTitle(paragraphs: Paragraph[]): { title?: Title; coverLetter?: ReportDocument['coverLetter']; bodyStart: number } {
  let title: Title | undefined;
  let coverLetter: ReportDocument['coverLetter'];
  let i = 0;
  const limit = Math.min(paragraphs.length, 16);
  let bodyStart = 0;
  for (; i < limit; i++) {
    const p = paragraphs[i];
    // the first numbered heading (`一、`, `（一）`, also as a Markdown heading) ends the preamble
    if (p.heading && (p.heading.ordinal > 0 || p.heading.malformed || (p.heading.level === 1 && p.kind !== 'markdown-heading'))) break;
    const t = p.text.replace(/^[—-]+/, '');
    const len = visibleLength(t);
    const looksTitle = len <= 80 && !t.includes('。') && !/[：:]$/.test(t) &&
      (TITLE_END.test(t) || (p.kind === 'markdown-heading' && p.mdLevel === 1)) && /法治|依法|法制|报告|年/.test(t);
    if (!title && looksTitle) {
      const start = p.start + (p.text.length - t.length > 0 ? p.map[p.text.length - t.length] - p.start : 0);
      title = { start, end: p.end, text: t, paragraphs: [p] };
      const y = RE_YEAR.exec(t);
      if (y) {
        title.year = Number(y[1]);
        const off = p.text.length - t.length + y.index;
        const r = mapRange(p, off, off + y[1].length);
        title.yearStart = r.start;
        title.yearEnd = r.end;
        const prefix = t.slice(0, y.index).trim().replace(/^关于|关于$/g, '').trim();
        if (prefix) title.body = prefix;
      }
      if (i > 0) {
        // an organisation line just above the title (`湟中区司法局`, `XX市人民政府`) names the body
        const prev = paragraphs[i - 1];
        const org = prev.text.trim();
        if (visibleLength(org) <= 24 && !/[。，,：:]/.test(org) && (!title.body || (RE_ORG_END.test(org) && org.startsWith(title.body)))) title.body = org;
      }
      bodyStart = i + 1;
      continue;
    }
    // Cover letter: `XX人民政府：` then `现将……`
    if (/[：:]$/.test(p.text) && visibleLength(p.text) <= 30 && i + 1 < paragraphs.length && /^现将|^根据|^按照/.test(paragraphs[i + 1].text)) {
      const cl: Paragraph[] = [p, paragraphs[i + 1]];
      let j = i + 1;
      // then `特此报告。`, the sender and the date, whichever are there
      const isDate = (q: Paragraph | undefined): boolean => !!q && (isDateOnly(q.text) || RE_DATE_LINE.test(q.text));
      const isOrg = (q: Paragraph | undefined): boolean => !!q && !q.heading && visibleLength(q.text) <= 30 && !/[。，,；;：:]/.test(q.text);
      if (/^特此/.test(paragraphs[j + 1]?.text ?? '')) cl.push(paragraphs[++j]);
      if (isDate(paragraphs[j + 1])) cl.push(paragraphs[++j]);
      else if (isOrg(paragraphs[j + 1]) && isDate(paragraphs[j + 2])) {
        cl.push(paragraphs[++j]);
        cl.push(paragraphs[++j]);
      }
      coverLetter = { start: p.start, end: cl[cl.length - 1].end, paragraphs: cl };
      i = j;
      bodyStart = j + 1;
      continue;
    }
    // A date or metadata line right after the title (e.g. a publication date) is not the body.
    if (title && (isDateOnly(p.text) || RE_BRACKET_DATE.test(p.text) || /^\d{4}-\d{2}-\d{2}$/.test(p.text) || /索\s*引\s*号|文\s*号|发布机构|公开日期/.test(p.text))) {
      bodyStart = i + 1;
      continue;
    }
    // A repeated title after a cover letter: short, no sentence end, matches the title's words.
    if (title && coverLetter && len <= 40 && !t.includes('。') && !t.includes('，')) {
      bodyStart = i + 1;
      continue;
    }
    if (len > 40 || t.includes('。')) break;
  }
  return { title, coverLetter, bodyStart };
}

function parseDate(p: Logical, m: RegExpExecArray, base: number): DateMention {
  const r = mapRange(p, base + m.index, base + m.index + m[0].length);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), start: r.start, end: r.end };
}

function findSignature(paragraphs: Paragraph[], bodyStart: number): Signature | undefined {
  for (let k = paragraphs.length - 1; k >= Math.max(bodyStart, paragraphs.length - 3); k--) {
    const p = paragraphs[k];
    const m = RE_DATE_LINE.exec(p.text);
    if (!m) continue;
    const d = RE_DATE.exec(p.text);
    const date = d ? parseDate(p, d, 0) : undefined;
    let start = p.start;
    let text = p.text;
    // an organisation line just above
    const prev = paragraphs[k - 1];
    if (!(m[1] ?? '').trim() && prev && visibleLength(prev.text) <= 30 && !/[。，,；;：:]/.test(prev.text) && !prev.heading) {
      start = prev.start;
      text = prev.text + '\n' + p.text;
    }
    return { start, end: p.end, text, date };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Sections and parts.

/** Innermost section of each paragraph, by paragraph index. */
type InnerSections = Array<Section | undefined>;

function buildSections(paragraphs: Paragraph[], bodyStart: number, endBefore: number): { roots: Section[]; all: Section[]; loose: Paragraph[]; inner: InnerSections } {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: Section[] = [];
  /** Index of the heading paragraph of each section on the stack. */
  const from: number[] = [];
  const loose: Paragraph[] = [];
  const inner: InnerSections = new Array(paragraphs.length).fill(undefined);
  // A section holds the paragraphs from its heading to the next heading of its level or above (or
  // the end of the body): one slice each, taken when it closes, in place of a push per paragraph
  // into every open section. Its end is its last paragraph's (paragraphs are in order).
  const close = (i: number): void => {
    const sec = stack.pop()!;
    const k = from.pop()!;
    sec.paragraphs = paragraphs.slice(k, i);
    const e = paragraphs[i - 1].end;
    if (e > sec.end) sec.end = e;
  };
  for (let i = bodyStart; i < endBefore; i++) {
    const p = paragraphs[i];
    const h = p.heading;
    if (!h && stack.length) inner[i] = stack[stack.length - 1];
    if (h) {
      while (stack.length && stack[stack.length - 1].level >= h.level) close(i);
      const sec: Section = { heading: h, level: h.level, start: p.start, end: p.end, paragraphs: NO_PARAGRAPHS, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) {
        sec.parent = parent;
        parent.children.push(sec);
      } else roots.push(sec);
      all.push(sec);
      stack.push(sec);
      from.push(i);
      inner[i] = sec;
    } else if (!stack.length) loose.push(p);
  }
  while (stack.length) close(endBefore);
  return { roots, all, loose, inner };
}

/** Placeholder of a section's paragraphs until it closes. */
const NO_PARAGRAPHS: Paragraph[] = [];

/** The sentences of each paragraph (they are contiguous in `doc.sentences`). */
interface SentenceGroups {
  get(p: Paragraph): Sentence[];
}

function sentencesByParagraph(doc: ReportDocument): SentenceGroups {
  const first = new Int32Array(doc.paragraphs.length + 1).fill(-1);
  const count = new Int32Array(doc.paragraphs.length + 1);
  const sentences = doc.sentences;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    const i = s.paragraph.index;
    if (first[i] < 0) first[i] = s.index;
    count[i]++;
  }
  return {
    get: (p) => (first[p.index] < 0 ? [] : doc.sentences.slice(first[p.index], first[p.index] + count[p.index])),
  };
}

/** Parts: level-1 sections, or, where the report has none, parts inferred from content. */
function buildParts(doc: ReportDocument, roots: Section[], body: Paragraph[]): Section[] {
  const parts: Section[] = [];
  for (const r of roots) {
    if (r.level !== 1) continue;
    const k = classifyPartHeading(r.heading?.title ?? '', doc.reportYear);
    if (k) {
      r.kind = k;
      r.kindSource = 'heading';
    } else {
      r.kind = inferPartKind(r.paragraphs.map((p) => p.text).join(''));
      r.kindSource = 'content';
    }
    parts.push(r);
  }
  const byParagraph = sentencesByParagraph(doc);
  if (parts.length) {
    inferClosingParts(doc, parts, byParagraph);
    return parts;
  }
  // No top-level parts: measures in the body, problems and plans in closing paragraphs.
  if (!body.length) return parts;
  let problemsAt = -1;
  let plansAt = -1;
  // the sentences are those of the body paragraphs, in order
  for (const s of doc.sentences) {
    if (problemsAt >= 0 && plansAt >= 0) break;
    if (problemsAt < 0 && isProblemSentence(s.text)) problemsAt = s.paragraph.index;
    if (plansAt < 0 && isPlanSentence(s.text, doc.reportYear, true)) plansAt = s.paragraph.index;
  }
  const mk = (kind: PartKind, ps: Paragraph[]): Section | undefined =>
    ps.length ? { level: 1, start: ps[0].start, end: ps[ps.length - 1].end, paragraphs: ps, children: [], kind, kindSource: 'content', inferred: true } : undefined;
  const cut1 = [problemsAt, plansAt].filter((x) => x >= 0);
  const firstCut = cut1.length ? Math.min(...cut1) : Infinity;
  const measures = mk('measures', body.filter((p) => p.index < firstCut));
  if (measures && inferPartKind(measures.paragraphs.map((p) => p.text).join('')) === 'measures') parts.push(measures);
  if (problemsAt >= 0) {
    const pr = mk('problems', body.filter((p) => p.index >= problemsAt && (plansAt <= problemsAt || p.index < plansAt)));
    if (pr) parts.push(pr);
  }
  if (plansAt >= 0) {
    const pl = mk('plans', body.filter((p) => p.index >= plansAt && (problemsAt <= plansAt || p.index < problemsAt)));
    if (pl) parts.push(pl);
  }
  parts.sort((a, b) => a.start - b.start);
  return parts;
}

/**
 * A last part whose closing sub-sections are the missing parts (`二、存在问题和下一步打算` with
 * `（一）存在问题`, `（二）下一步打算`; or a single part whose `（六）存在的问题`, `（七）2025年工作打算`
 * close it): those sub-sections become inferred parts, and the part ends before them.
 */
function liftClosingChildren(doc: ReportDocument, parts: Section[], last: Section, needProblems: boolean, needPlans: boolean): boolean {
  const kids = last.children;
  const lifted: Section[] = [];
  for (let i = Math.max(0, kids.length - 2); i < kids.length; i++) {
    const h = kids[i].heading;
    if (!h) continue;
    const kind = classifyPartHeading(h.title, doc.reportYear);
    if ((kind === 'problems' && needProblems && !lifted.length) || (kind === 'plans' && needPlans)) {
      const c = kids[i];
      lifted.push({ heading: h, level: 1, start: c.start, end: c.end, paragraphs: c.paragraphs, children: c.children, kind, kindSource: 'heading', inferred: true });
    }
  }
  if (!lifted.length) return false;
  const cut = lifted[0].start;
  last.children = kids.filter((c) => c.start < cut);
  last.paragraphs = last.paragraphs.filter((p) => p.start < cut);
  const lastPara = last.paragraphs[last.paragraphs.length - 1];
  last.end = lastPara ? lastPara.end : last.start;
  parts.push(...lifted);
  return true;
}

/**
 * Reports with headed parts but no problems or plans part often close with a paragraph such as
 * `一年来……取得了一定成效，但……仍存在……不足。……下一步，我县将……`: the closing paragraphs of the
 * last part (after its last heading) carry the missing parts. They become inferred parts, cut at
 * sentence boundaries, and the sections they came from end where they begin.
 */
function inferClosingParts(doc: ReportDocument, parts: Section[], byParagraph: SentenceGroups): void {
  const needProblems = !parts.some((p) => p.kind === 'problems');
  const needPlans = !parts.some((p) => p.kind === 'plans');
  if (!needProblems && !needPlans) return;
  const last = parts[parts.length - 1];
  if (liftClosingChildren(doc, parts, last, needProblems, needPlans)) return;
  let lastHeading = -1;
  last.paragraphs.forEach((p, i) => {
    if (p.heading) lastHeading = i;
  });
  const tail = last.paragraphs.slice(lastHeading + 1).slice(-3);
  let problemAt: Sentence | undefined;
  let planAt: Sentence | undefined;
  for (const p of tail) {
    for (const s of byParagraph.get(p)) {
      if (needProblems && last.kind !== 'plans' && !problemAt && !planAt && isProblemSentence(s.text, true)) problemAt = s;
      if (needPlans && !planAt && isPlanSentence(s.text, doc.reportYear, true)) planAt = s;
    }
  }
  const cut = problemAt ?? planAt;
  if (!cut) return;
  const end = last.end;
  const from = (s: Sentence) => tail.slice(tail.indexOf(s.paragraph));
  const inferred = (kind: PartKind, start: number, stop: number, ps: Paragraph[]): Section =>
    ({ level: 1, start, end: stop, paragraphs: ps, children: [], kind, kindSource: 'content', inferred: true });
  // trim the sections the closing paragraphs came from: they end with the sentence before the cut
  const before = byParagraph.get(cut.paragraph).filter((x) => x.end <= cut.start);
  for (let s: Section | undefined = last; s; s = s.children[s.children.length - 1]) {
    s.paragraphs = s.paragraphs.filter((p) => p.start < cut.start);
    const lastPara = s.paragraphs[s.paragraphs.length - 1];
    s.end = lastPara === cut.paragraph && before.length ? before[before.length - 1].end : lastPara ? Math.min(lastPara.end, cut.start) : s.start;
    if (!s.children.length) break;
  }
  if (problemAt) {
    const stop = planAt ? planAt.start : end;
    parts.push(inferred('problems', problemAt.start, stop, from(problemAt).filter((p) => p.start < stop)));
  }
  if (planAt) parts.push(inferred('plans', planAt.start, end, from(planAt)));
}

// ---------------------------------------------------------------------------------------------

/** Parses a report text. Never throws on any string. */
export function parseDocument(text: string): ReportDocument {
  const lines = new LineIndex(text);
  const comments: Comment[] = [];
  const raw = scanLines(text, lines, comments);
  const paragraphs = buildParagraphs(text, raw);
  const headings: Heading[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const h = detectHeading(p);
    if (h) {
      p.heading = h;
      headings.push(h);
    }
  }
  // `第一部分` over `一、` headings: the parts are a level above the numbering; keep `一、` as level 1
  // (the outline then reads as a report with `一、` parts) rather than mixing the two at one level
  if (headings.some((h) => h.level === 1 && RE_L1.test(h.marker)) && headings.some((h) => h.level === 1 && RE_PART.test(h.marker))) {
    for (let i = headings.length - 1; i >= 0; i--) {
      const h = headings[i];
      if (h.level === 1 && RE_PART.test(h.marker)) {
        h.paragraph.heading = undefined;
        headings.splice(i, 1);
      }
    }
  }
  const { title, coverLetter, bodyStart } = findTitle(paragraphs);
  if (title) for (const h of headings) if (h.paragraph.index < bodyStart) h.paragraph.heading = undefined;
  const liveHeadings = headings.filter((h) => h.paragraph.heading === h);
  const signature = findSignature(paragraphs, bodyStart);
  let endBefore = paragraphs.length;
  if (signature) while (endBefore > bodyStart && paragraphs[endBefore - 1].start >= signature.start) endBefore--;
  const sentences: Sentence[] = [];
  for (let i = bodyStart; i < endBefore; i++) splitSentences(paragraphs[i], sentences);
  let reportYear = title?.year;
  if (reportYear === undefined) {
    for (let i = bodyStart; i < Math.min(endBefore, bodyStart + 6); i++) {
      const m = /^((?:19|20)\d{2})\s*年(?:度)?[，,以]/.exec(paragraphs[i].text);
      if (m) {
        reportYear = Number(m[1]);
        break;
      }
    }
  }
  const doc: ReportDocument = {
    text, lines, paragraphs, headings: liveHeadings, title, coverLetter, signature, parts: [], sections: [],
    enumerations: [], sentences, reportYear, bodyStart, comments,
  };
  const { roots, all, inner } = buildSections(paragraphs, bodyStart, endBefore);
  doc.sections = all;
  // every body paragraph is loose or in a top-level section: the body is the range itself
  const body = paragraphs.slice(bodyStart, endBefore);
  doc.parts = buildParts(doc, roots, body);
  doc.enumerations = buildEnumerations(body, inner);
  return doc;
}

/** Enumerations `一是……二是……`: strong candidates always; a weak one only where the series needs it. */
function buildEnumerations(paragraphs: Paragraph[], inner: InnerSections): Enumeration[] {
  const out: Enumeration[] = [];
  const n = paragraphs.length;
  const c: EnumCandidates = { buf: new Int32Array(256), count: 0 };
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    first[i] = c.count;
    enumCandidates(paragraphs[i], c);
  }
  first[n] = c.count;
  const cb = c.buf;
  /** Does `ordinal` follow candidate q of paragraph i, in the same section, within a few paragraphs? */
  const followed = (i: number, q: number, ordinal: number): boolean => {
    for (let r = first[i + 1] - 1; r > q; r--) if (cb[r * 4] === ordinal) return true;
    const sec = inner[paragraphs[i].index];
    for (let j = i + 1; j < Math.min(n, i + 6) && inner[paragraphs[j].index] === sec; j++) {
      for (let r = first[j + 1] - 1; r >= first[j]; r--) if (cb[r * 4] === ordinal) return true;
    }
    return false;
  };
  let scope: Section | undefined | null = null;
  let expected = 1;
  for (let i = 0; i < n; i++) {
    const p = paragraphs[i];
    const sec = inner[p.index];
    if (sec !== scope) {
      scope = sec;
      expected = 1;
    }
    for (let q = first[i]; q < first[i + 1]; q++) {
      const ordinal = cb[q * 4];
      const strong = cb[q * 4 + 3] === 1;
      // weak: accepted only when it is the ordinal the series expects and the next one follows
      if (!strong && !(ordinal === expected && followed(i, q, ordinal + 1))) continue;
      const from = cb[q * 4 + 1];
      const to = cb[q * 4 + 2];
      out.push({
        ordinal,
        marker: p.text.slice(from, to),
        start: mappedStart(p, from, to),
        end: mappedEnd(p, from, to),
        paragraph: p,
        logicalStart: from,
        section: sec,
        strong,
      });
      expected = ordinal + 1;
    }
  }
  return out;
}

/** Sentences of a paragraph range. */
export function sentencesIn(doc: ReportDocument, start: number, end: number): Sentence[] {
  return doc.sentences.filter((s) => s.start >= start && s.end <= end);
}

/** Does a logical string contain a heading-level ordinal at its start? (used by completion) */
export { RE_L1, RE_L2, RE_L3, RE_L4, RE_DATE, RE_YEAR };
