/** Line index over the original text: LF, CRLF and CR line ends; UTF-16 offsets. */

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offsets at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // LF only (the usual case): indexOf finds the breaks faster than a loop over every character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the end of line `line`, excluding its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
}

/** Whitespace as it appears in pasted Chinese text (incl. full-width space, NBSP, BOM). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 11 || c === 12;
}

/** A character of the regex class `\s` (of a non-unicode JavaScript regular expression). */
export function isRegexSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Is `offset` on a code-point boundary of `text` (not between a surrogate pair)? */
export function onCodePointBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

/**
 * Do the patterns occur in this order, each match starting at most `gaps[i]` characters after the
 * previous one ends, with no `stop` character in between? A linear-time stand-in for regexes like
 * `A[^。]{0,40}B[^。]{0,30}C` (which backtrack polynomially). Each pattern must have the `g` flag.
 */
export function inSequence(text: string, steps: readonly RegExp[], gaps: readonly number[], stop = '。'): boolean {
  if (!steps.length) return true;
  let ends = matchEnds(text, steps[0], () => true);
  if (!ends.length || steps.length === 1) return ends.length > 0;
  // a stop character is one UTF-16 unit (a longer `stop` never matches one character)
  const stopCode = stop.length === 1 ? stop.charCodeAt(0) : -1;
  // lastStop[i]: index of the last stop character before i (−1 if none); built only for long gaps
  let lastStop: Int32Array | undefined;
  for (let k = 1; k < steps.length && ends.length; k++) {
    const prev = ends;
    const gap = gaps[k - 1] ?? 0;
    ends = matchEnds(text, steps[k], (s) => {
      // the latest previous end at or before s is the best candidate
      let lo = 0;
      let hi = prev.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (prev[mid] <= s) {
          best = prev[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (!(best >= 0 && s - best <= gap)) return false;
      if (stopCode < 0) return true;
      // no stop character in [best, s): a look at the few characters between, or the table
      if (s - best <= 256) {
        for (let i = best; i < s; i++) if (text.charCodeAt(i) === stopCode) return false;
        return true;
      }
      lastStop ??= lastStops(text, stopCode);
      return lastStop[s] < best;
    });
  }
  return ends.length > 0;
}

function lastStops(text: string, stopCode: number): Int32Array {
  const out = new Int32Array(text.length + 1);
  let ls = -1;
  for (let i = 0; i <= text.length; i++) {
    out[i] = ls;
    if (i < text.length && text.charCodeAt(i) === stopCode) ls = i;
  }
  return out;
}

function matchEnds(text: string, re: RegExp, accept: (start: number) => boolean): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept(m.index)) out.push(m.index + m[0].length);
  }
  return out;
}

/** `s` without any of `chars` at its end (a linear stand-in for `/[…]+$/`). */
export function trimEndChars(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && chars.includes(s[e - 1])) e--;
  return s.slice(0, e);
}

/** ，,。；;：:！？!? by code: a clause boundary (by code, as `t[k]` would make a string per character). */
export function isClauseMark(c: number): boolean {
  switch (c) {
    case 0xff0c: case 0x2c: case 0x3002: case 0xff1b: case 0x3b: case 0xff1a: case 0x3a: case 0xff01: case 0xff1f: case 0x21: case 0x3f:
      return true;
    default:
      return false;
  }
}

/** Index of the first item with `start >= at` in a list ordered by `start` (binary search). */
export function firstStartingAt(list: ReadonlyArray<{ readonly start: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
