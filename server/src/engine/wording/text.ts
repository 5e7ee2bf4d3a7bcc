/** Small character helpers shared by the wording rules. */
import type { Paragraph } from '../document';
import { mapRange } from '../document';

/** A CJK ideograph (BMP unified, extension A, compatibility) — one UTF-16 unit. */
export function isHan(c: string | undefined): boolean {
  return !!c && isHanCode(c.charCodeAt(0));
}

export function isHanCode(k: number): boolean {
  return (k >= 0x4e00 && k <= 0x9fff) || (k >= 0x3400 && k <= 0x4dbf) || (k >= 0xf900 && k <= 0xfaff) || k === 0x3007;
}

/** Full-width punctuation of Chinese text (CJK symbols, full-width forms, curly quotes, dashes). */
export function isCnPunct(c: string | undefined): boolean {
  if (!c) return false;
  const k = c.charCodeAt(0);
  return (k >= 0x3000 && k <= 0x303f && k !== 0x3000 && k !== 0x3007) || (k >= 0xff01 && k <= 0xff0f) ||
    (k >= 0xff1a && k <= 0xff20) || (k >= 0xff3b && k <= 0xff40) || (k >= 0xff5b && k <= 0xff65) ||
    c === '“' || c === '”' || c === '‘' || c === '’' || c === '—' || c === '…' || c === '·';
}

/** Han or Chinese punctuation: the context that makes a half-width mark wrong. */
export function isCnContext(c: string | undefined): boolean {
  return isHan(c) || isCnPunct(c);
}

export function isAsciiDigit(c: string | undefined): boolean {
  return !!c && c >= '0' && c <= '9';
}

export function isLatin(c: string | undefined): boolean {
  return !!c && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** Original range of logical [from, to) in a paragraph. */
export function range(p: Paragraph, from: number, to: number): { start: number; end: number } {
  return mapRange(p, from, to);
}

/**
 * Original offsets of each logical character [from, to) as single-character edits: a fix that
 * replaces text spanning a pasted line break must not swallow the break, so replacements are made
 * character by character where the logical run is not contiguous in the original.
 */
export function replaceLogical(p: Paragraph, from: number, to: number, replacement: string): { start: number; end: number; text: string }[] {
  const contiguous = to - from <= 1 || p.map[to - 1] - p.map[from] === to - from - 1;
  if (contiguous) {
    const r = mapRange(p, from, to);
    return [{ start: r.start, end: r.end, text: replacement }];
  }
  // Keep the original pieces where they match; put the replacement in the first contiguous run.
  const edits: { start: number; end: number; text: string }[] = [];
  let runStart = from;
  for (let i = from + 1; i <= to; i++) {
    if (i === to || p.map[i] !== p.map[i - 1] + 1) {
      const r = mapRange(p, runStart, i);
      edits.push({ start: r.start, end: r.end, text: edits.length === 0 ? replacement : '' });
      runStart = i;
    }
  }
  return edits;
}

/**
 * Levenshtein distance, computed only in the band |i − j| ≤ limit (anything beyond the limit is
 * returned as limit + 1): titles are compared against a small limit, so this is O(n · limit).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(n, m);
  const big = band + 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    cur.fill(big);
    cur[0] = i <= band ? i : big;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v > big ? big : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m], big);
}

/**
 * False only when `core` and `target` are certainly not close for a limit of 0 or 1: their edit
 * distance is above the limit (equal lengths: more than `limit` differing characters, as an insertion
 * must be paired with a deletion; lengths one apart: not one character inserted) and they are not
 * one confusable substitution (equal lengths only). Equal strings are "close" (the caller returns).
 */
export function mayBeClose(core: string, target: string, limit: number): boolean {
  const n = core.length;
  const m = target.length;
  if (n === m) {
    let first = -1;
    let last = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (core.charCodeAt(i) === target.charCodeAt(i)) continue;
      if (first < 0) first = i;
      last = i;
      if (++count > 2) return false;
    }
    if (count <= limit) return true;
    // one substituted character or two-character word (confusableSubstitution decides)
    return m >= 4 && last - first <= 1;
  }
  if (limit < 1 || (n - m !== 1 && m - n !== 1)) return false;
  // one character inserted: a common prefix and suffix covering the shorter string
  const short = n < m ? n : m;
  let p = 0;
  while (p < short && core.charCodeAt(p) === target.charCodeAt(p)) p++;
  let s = 0;
  while (s < short - p && core.charCodeAt(n - 1 - s) === target.charCodeAt(m - 1 - s)) s++;
  return p + s >= short;
}

/**
 * More than `limit` characters of `a` (counted with repeats) occur nowhere in `b`: then the edit
 * distance of a and b is above `limit` (each such character costs its own substitution or deletion).
 */
export function missingOver(a: string, b: string, limit: number): boolean {
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    if (b.indexOf(a[i]) < 0 && ++missing > limit) return true;
  }
  return false;
}

/**
 * Same-length replacement of logical [from, from + replacement.length): one edit per changed
 * character run, so a word broken by a pasted line break is corrected without touching the break.
 */
export function replaceSameLength(p: Paragraph, from: number, replacement: string): { start: number; end: number; text: string }[] {
  const edits: { start: number; end: number; text: string }[] = [];
  for (let k = 0; k < replacement.length; k++) {
    if (p.text[from + k] === replacement[k]) continue;
    const at = p.map[from + k];
    const last = edits[edits.length - 1];
    if (last && last.end === at) {
      last.end = at + 1;
      last.text += replacement[k];
    } else edits.push({ start: at, end: at + 1, text: replacement[k] });
  }
  return edits;
}

/** A title without its trailing period `（2021—2025年）`. */
export function stripPeriod(title: string): string {
  if (!title.endsWith('）')) return title;
  const at = title.lastIndexOf('（');
  return at > 0 ? title.slice(0, at) : title;
}
