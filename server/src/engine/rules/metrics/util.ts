/** Helpers shared by the metrics rules (not a rule). */
import type { Paragraph, ReportDocument, Section, Sentence } from '../../document';
import { quantitiesIn, Quantity } from '../../figures/quantities';

const TITLES: unique symbol = Symbol('fazhi.metrics.bookTitles');
type TitlesCached = Paragraph & { [TITLES]?: number[] };
const NO_SPANS: number[] = [];

/** Logical spans [open, close) of the cited titles `《…》` of a paragraph (cached on it). */
function bookTitles(p: Paragraph): number[] {
  let spans = (p as TitlesCached)[TITLES];
  if (!spans) {
    if (p.text.indexOf('《') < 0) spans = NO_SPANS;
    else spans = citedSpans(p.text);
    Object.defineProperty(p, TITLES, { value: spans, enumerable: false, writable: false, configurable: true });
  }
  return spans;
}

function citedSpans(t: string): number[] {
  const spans: number[] = [];
  let depth = 0;
  let open = -1;
  for (let i = t.indexOf('《'); i >= 0 && i < t.length; i++) {
    const c = t[i];
    if (c === '《') {
      if (depth++ === 0) open = i;
    } else if (c === '》' && depth > 0 && --depth === 0) spans.push(open, i + 1);
  }
  if (depth > 0) spans.push(open, t.length);
  return spans;
}

/** Is the offset `from` of a paragraph's logical text inside a cited title `《…》`? */
function insideBookTitle(p: Paragraph, from: number): boolean {
  const spans = bookTitles(p);
  if (!spans.length) return false;
  // spans are ordered and disjoint: the last one opening at or before `from`
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && from < spans[2 * (lo - 1) + 1];
}

/**
 * Is a quantity a figure of the work done (a count, an amount, a rate)? Years, bare numbers with no
 * unit (`12345热线`, `“135”路线图`) and numbers inside a cited title are not.
 */
export function isFigure(q: Quantity): boolean {
  if (insideBookTitle(q.paragraph, q.from)) return false;
  if (q.kind !== 'number') return true;
  if (q.approx || q.scale > 1) return true;
  if (!q.unit) return false;
  return true;
}

/** Figures of a paragraph between logical offsets [from, to). */
export function figuresBetween(p: Paragraph, from: number, to: number): Quantity[] {
  return quantitiesIn(p).filter((q) => q.from >= from && q.to <= to && isFigure(q));
}

/**
 * Per-sentence cache of its quantities, kept on the sentence under a private non-enumerable key
 * (a WeakMap lookup per sentence costs more than the work it saves).
 */
const KEY: unique symbol = Symbol('fazhi.metrics.sentenceQuantities');
type Cached = Sentence & { [KEY]?: Quantity[] };

/** Index of the first quantity with `from >= at` (a paragraph's quantities are in order). */
function firstFrom(qs: Quantity[], at: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quantities of a sentence (all of them, figures or not), cached per sentence. */
export function sentenceQuantities(s: Sentence): Quantity[] {
  let qs = (s as Cached)[KEY];
  if (!qs) {
    qs = [];
    const all = quantitiesIn(s.paragraph);
    for (let k = firstFrom(all, s.from); k < all.length; k++) {
      const q = all[k];
      if (q.from >= s.to) break;
      if (q.to <= s.to) qs.push(q);
    }
    Object.defineProperty(s, KEY, { value: qs, enumerable: false, writable: false, configurable: true });
  }
  return qs;
}

export function sentenceHasFigure(s: Sentence): boolean {
  return sentenceQuantities(s).some(isFigure);
}

/** The sentences of the report body within [start, end) (original offsets), in order. */
export function sentencesWithin(doc: ReportDocument, start: number, end: number): Sentence[] {
  return doc.sentences.filter((s) => s.start >= start && s.end <= end);
}

/** Is the logical offset `at` of paragraph p inside the text of the heading that p carries? */
export function inHeadingTitle(p: Paragraph, at: number): boolean {
  return !!p.heading && at < p.heading.logicalEnd;
}

/** The heading span of a section (marker through heading text), or undefined for inferred parts. */
export function headingSpan(sec: Section): { start: number; end: number } | undefined {
  const h = sec.heading;
  return h ? { start: h.markerStart, end: Math.max(h.textEnd, h.markerEnd) } : undefined;
}

/** Shortens a quoted text for a message. */
export function clip(s: string, max = 24): string {
  const t = s.replace(RE_SPACES, '');
  return t.length > max ? t.slice(0, max) + '…' : t;
}

const RE_MARKUP = /[\s*#]/g;
const RE_ABOUT = /关于$/;
const RE_GOV_OFFICE = /(人民政府)办公[室厅]$/;
const RE_SIGNATURE_DATE = /(?:19|20)\d{2}\s*年/;
const DEPARTMENT = /(?:局|委员会|委|办公室|办|厅|院|中心|所|站|队|署|处|科)$/;
const GOVERNMENT = /(?:人民政府|政府|省|市|县|区|州|盟|旗|镇|乡|街道)$/;

/**
 * Who wrote the report, from the issuer named in or above the title and in the signature:
 * `department` (…司法局), `government` (…市, …人民政府), or undefined when it cannot be told.
 */
export function issuerKind(doc: ReportDocument): 'government' | 'department' | undefined {
  for (const n of issuerNames(doc)) {
    if (GOVERNMENT.test(n)) return 'government';
    if (DEPARTMENT.test(n)) return 'department';
  }
  return undefined;
}

const TOWNSHIP = /(?:镇|乡|街道)(?:人民政府|政府|办事处|党委)?$/;

/**
 * Is the issuer a 乡镇 or 街道 (…镇人民政府, …街道办事处)? Such a government has no 行政复议 or
 * 法律援助 of its own, so core indicators it never mentions are not expected of it.
 */
export function isTownship(doc: ReportDocument): boolean {
  return issuerNames(doc).some((n) => TOWNSHIP.test(n));
}

function issuerNames(doc: ReportDocument): string[] {
  const names: string[] = [];
  if (doc.title?.body) names.push(doc.title.body);
  if (doc.signature) {
    const first = doc.signature.text.split('\n')[0];
    const d = RE_SIGNATURE_DATE.exec(first);
    names.push(d ? first.slice(0, d.index) : first);
  }
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.replace(RE_MARKUP, '').replace(RE_ABOUT, '').replace(RE_GOV_OFFICE, '$1');
    if (n) out.push(n);
  }
  return out;
}

/** Reads a string-array option; `fallback` when absent or of the wrong type. */
export function stringList(v: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]).filter((x) => x.length > 0) : [...fallback];
}

const RE_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const RE_SPACES = /\s+/g;

/** Escapes a literal for use in a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(RE_SPECIAL, '\\$&');
}

const reCache = new Map<string, RegExp>();

/** One global regex matching any of the literal words (longest first); cached per word list. */
export function wordsRegex(words: readonly string[]): RegExp | undefined {
  if (!words.length) return undefined;
  const key = words.join('\u0000');
  let re = reCache.get(key);
  if (!re) {
    const alts = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe);
    re = new RegExp(alts.join('|'), 'g');
    if (reCache.size > 64) reCache.clear();
    reCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
