/** Helpers shared by the metrics rules (not a rule). */
import type { Paragraph, ReportDocument, Section, Sentence } from '../../document';
import { quantitiesIn, Quantity } from '../../figures/quantities';

/**
 * The cited titles of the paragraphs asked about, kept per paragraph for the document's life (the
 * metrics rules ask about the same paragraphs one after another), with the text they were read
 * from; nothing is stored on the paragraph, whose shape then stays as the model made it. The entry
 * of the last text asked about is also kept at hand (its text, not its paragraph: a module-level
 * reference keeps no document alive).
 */
interface Cited {
  text: string;
  /** Where the first `《` stands (-1: none). */
  open: number;
  /** The spans, once a figure after the first `《` needed them. */
  spans: number[] | undefined;
}

const citedCache = new WeakMap<Paragraph, Cited>();
let last: Cited | undefined;

/** The spans of `《…》` (nested ones inside the outer one; an unclosed one runs to the end). */
function citedSpans(t: string): number[] {
  const spans: number[] = [];
  let depth = 0;
  let open = -1;
  // from mark to mark (indexOf), not character by character
  let o = t.indexOf('《');
  let c = o < 0 ? -1 : t.indexOf('》', o);
  while (o >= 0 || c >= 0) {
    if (o >= 0 && (c < 0 || o < c)) {
      if (depth++ === 0) open = o;
      o = t.indexOf('《', o + 1);
    } else {
      if (depth > 0 && --depth === 0) spans.push(open, c + 1);
      c = t.indexOf('》', c + 1);
    }
  }
  if (depth > 0) spans.push(open, t.length);
  return spans;
}

/** Is the offset `from` of a paragraph's logical text inside a cited title `《…》`? */
function insideBookTitle(p: Paragraph, from: number): boolean {
  const t = p.text;
  let c = last;
  if (!c || c.text !== t) {
    c = citedCache.get(p);
    if (!c || c.text !== t) {
      c = { text: t, open: t.indexOf('《'), spans: undefined };
      citedCache.set(p, c);
    }
    last = c;
  }
  // before the first `《` (or with none), nothing is cited
  if (c.open < 0 || from < c.open) return false;
  const spans = (c.spans ??= citedSpans(t));
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
  // the cheap test first: a bare number is no figure wherever it stands
  if (q.kind === 'number' && !q.approx && !(q.scale > 1) && !q.unit) return false;
  return !insideBookTitle(q.paragraph, q.from);
}

/** Figures of a paragraph between logical offsets [from, to). */
export function figuresBetween(p: Paragraph, from: number, to: number): Quantity[] {
  return quantitiesIn(p).filter((q) => q.from >= from && q.to <= to && isFigure(q));
}

/** Index of the first quantity with `from >= at` (a paragraph's quantities are in order). */
export function firstQuantityFrom(qs: readonly Quantity[], at: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].from < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Does a quantity of the sentence (one lying wholly inside it) satisfy `pred`? Read from the
 * paragraph's quantities in place: nothing is allocated or cached per sentence.
 */
export function sentenceSome(s: Sentence, pred: (q: Quantity) => boolean): boolean {
  const all = quantitiesIn(s.paragraph);
  for (let k = firstQuantityFrom(all, s.from); k < all.length; k++) {
    const q = all[k];
    if (q.from >= s.to) break;
    if (q.to <= s.to && pred(q)) return true;
  }
  return false;
}

export function sentenceHasFigure(s: Sentence): boolean {
  return sentenceSome(s, isFigure);
}

/** Sections ordered by start, with the greatest end among each one and those before it. */
export interface Cover {
  starts: number[];
  maxEnd: number[];
}

export function coverOf(secs: readonly { start: number; end: number }[]): Cover {
  const list = [...secs].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const x of list) {
    if (x.end > m) m = x.end;
    starts.push(x.start);
    maxEnd.push(m);
  }
  return { starts, maxEnd };
}

/** The greatest end of the sections starting at or before `at` (-Infinity when there is none). */
function endReach(c: Cover, at: number): number {
  const { starts } = c;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? c.maxEnd[lo - 1] : -Infinity;
}

/** Is there a section with `start <= at < end`? */
export function coveredAt(c: Cover, at: number): boolean {
  return endReach(c, at) > at;
}

/** Is there a section with `start <= from` and `to <= end`? */
export function covers(c: Cover, from: number, to: number): boolean {
  return endReach(c, from) >= to;
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

const RE_SPACES = /\s+/g;

/**
 * Literal words matched as one alternation of them, longest first, would match: at the leftmost
 * position where a word occurs, the longest word there; the scan goes on after it. A hand scan
 * instead of a regular expression of dozens of alternatives: a window of the shortest word's length
 * is shifted by its last character (Horspool's rule for a set of words), and only a position whose
 * window may end a word is tried against the words starting with its first character.
 */
export interface WordMatcher {
  /** The length of the shortest word. */
  min: number;
  /**
   * By `c & 0xfff` of the last character `c` of the window: how far the window may move without
   * passing a word (the least over the characters that share the slot).
   */
  shift: Uint8Array;
  /** The words by their first code unit, longest first. */
  byFirst: Map<number, string[]>;
}

const matcherCache = new Map<string, WordMatcher>();

/** The matcher of a word list (empty words are ignored); undefined when there is none. Cached per list. */
export function wordsMatcher(words: readonly string[]): WordMatcher | undefined {
  const list = words.filter((w) => w.length > 0);
  if (!list.length) return undefined;
  const key = list.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    const byFirst = new Map<number, string[]>();
    let min = Infinity;
    for (const w of new Set(list)) {
      const c = w.charCodeAt(0);
      const l = byFirst.get(c);
      if (l) l.push(w);
      else byFirst.set(c, [w]);
      if (w.length < min) min = w.length;
    }
    for (const l of byFirst.values()) l.sort((a, b) => b.length - a.length);
    // at most 255, so that a shift fits a byte
    const span = Math.min(min, 255);
    const shift = new Uint8Array(0x1000).fill(span);
    for (const l of byFirst.values()) {
      for (const w of l) {
        // the character at k of a word lets the window move so that it ends at that word's end
        for (let k = 0; k < span; k++) {
          const slot = w.charCodeAt(k) & 0xfff;
          const d = span - 1 - k;
          if (d < shift[slot]) shift[slot] = d;
        }
      }
    }
    m = { min: span, shift, byFirst };
    if (matcherCache.size > 16) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}

/**
 * The next match of the words in `text` within [from, to) (as if `text.slice(from, to)` were
 * scanned): its offset, with the word in `hit.word`; -1 when there is none.
 */
export function nextWord(m: WordMatcher, text: string, from: number, to: number, hit: { word: string }): number {
  const { min, shift, byFirst } = m;
  let i = from;
  while (i + min <= to) {
    const d = shift[text.charCodeAt(i + min - 1) & 0xfff];
    if (d > 0) {
      i += d;
      continue;
    }
    const l = byFirst.get(text.charCodeAt(i));
    if (l) {
      for (const w of l) {
        if (i + w.length <= to && text.startsWith(w, i)) {
          hit.word = w;
          return i;
        }
      }
    }
    i++;
  }
  return -1;
}
