import { defineRule } from '../define';
import { isAsciiDigit, isCnContext, isHan, isHanCode, isLatin, range } from '../../wording/text';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const NAMES: Record<string, string> = { ',': '逗号', ';': '分号', ':': '冒号', '(': '括号', ')': '括号', '?': '问号', '!': '叹号' };
/** Message and fix title per mark, built once (a pasted report can have thousands of findings). */
const MESSAGE: Record<string, string> = {};
const TITLE: Record<string, string> = {};
for (const c of Object.keys(FULL)) {
  MESSAGE[c] = `中文中使用了半角${NAMES[c]}“${c}”，应为全角“${FULL[c]}”`;
  TITLE[c] = `改为全角“${FULL[c]}”`;
}
/** Characters a URL or e-mail address runs over (no spaces, no full-width punctuation). */
function urlChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x3c && c !== 0x3e;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function wordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2b || c === 0x2d;
}

/**
 * Spans (logical [start, end) pairs, flattened) of URLs, e-mail addresses, Markdown links/images,
 * HTML comments and inline code (with the spans already in `raw`): never touched. Sorted and merged; usually empty.
 */
function specialSpans(t: string, raw: number[]): number[] {
  // URLs: scheme://… and www.…
  for (let i = t.indexOf('://'); i >= 0; i = t.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && i - s < 16 && isAsciiLetter(t.charCodeAt(s - 1))) s--;
    let e = i + 3;
    while (e < t.length && urlChar(t.charCodeAt(e))) e++;
    raw.push(s, e);
    i = Math.max(i, e - 3);
  }
  for (let i = t.indexOf('www.'); i >= 0; i = t.indexOf('www.', i + 4)) {
    let e = i + 4;
    while (e < t.length && urlChar(t.charCodeAt(e))) e++;
    raw.push(i, e);
    i = Math.max(i, e - 4);
  }
  // e-mail addresses
  let done = 0;
  for (let i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
    let s = i;
    while (s > done && wordChar(t.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < t.length && wordChar(t.charCodeAt(e))) e++;
    if (s < i && e > i + 1) raw.push(s, e);
    done = e;
    i = Math.max(i, e - 1);
  }
  // Markdown links and images: [text](target), text up to 200 and target up to 300 characters
  let open = -1;
  let scanned = 0;
  let close = -1;
  for (let i = t.indexOf(']('); i >= 0; i = t.indexOf('](', i + 2)) {
    // the last `[` before i (found by one forward scan) and the first `)` after it (cached)
    for (; scanned < i; scanned++) if (t.charCodeAt(scanned) === 0x5b) open = scanned;
    if (close < i + 2) close = t.indexOf(')', i + 2);
    if (close < 0) break;
    if (open < 0 || i - open > 200 || close - i > 300) continue;
    raw.push(open > 0 && t[open - 1] === '!' ? open - 1 : open, close + 1);
  }
  // HTML comments left at the end of a line (`<!-- fazhi-report-disable-line … -- 说明:… -->`)
  for (let i = t.indexOf('<!--'); i >= 0; ) {
    const e = t.indexOf('-->', i + 4);
    if (e < 0) break;
    raw.push(i, e + 3);
    i = t.indexOf('<!--', e + 3);
  }
  // inline code
  for (let i = t.indexOf('`'); i >= 0; ) {
    const e = t.indexOf('`', i + 1);
    if (e < 0) break;
    raw.push(i, e + 1);
    i = t.indexOf('`', e + 1);
  }
  if (raw.length <= 2) return raw;
  // sort by start and merge overlapping spans
  const order: number[] = [];
  for (let k = 0; k < raw.length; k += 2) order.push(k);
  order.sort((x, y) => raw[x] - raw[y]);
  const out: number[] = [];
  for (const k of order) {
    const n = out.length;
    if (n && raw[k] <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], raw[k + 1]);
    else out.push(raw[k], raw[k + 1]);
  }
  return out;
}

const RE_OPERATOR = /[+*/=<>^×÷]/;
/** Is t[from, to) (no Han in it) part of a formula: an operator inside, or one right after? */
function isFormula(t: string, from: number, to: number): boolean {
  if (to - from > 40) return false;
  return RE_OPERATOR.test(t.slice(from, to)) || RE_OPERATOR.test(t[to + 1] ?? '');
}

/** Candidate characters: 1 for `, ; : ? !`, 2 for ASCII brackets, 3 for full-width brackets. */
const CAND = new Uint8Array(65536);
for (const c of ',;:?!') CAND[c.charCodeAt(0)] = 1;
CAND[0x28] = 2;
CAND[0x29] = 2;
CAND[0xff08] = 3;
CAND[0xff09] = 3;

const RE_ANY = /[,;:()?!]/;

function isSpaceChar(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

/** The nearest non-space character before/after a logical offset. */
function prevChar(t: string, i: number): string | undefined {
  let k = i - 1;
  while (k >= 0 && isSpaceChar(t[k])) k--;
  return k >= 0 ? t[k] : undefined;
}
function nextChar(t: string, i: number): string | undefined {
  let k = i + 1;
  while (k < t.length && isSpaceChar(t[k])) k++;
  return k < t.length ? t[k] : undefined;
}

/** hanPrefix(t)[k]: how many Han characters t[0…k) holds. */
function hanPrefix(t: string): Int32Array {
  const out = new Int32Array(t.length + 1);
  for (let k = 0; k < t.length; k++) out[k + 1] = out[k] + (isHanCode(t.charCodeAt(k)) ? 1 : 0);
  return out;
}

export default defineRule(
  {
    id: 'wording/ascii-punctuation',
    severity: 'warning',
    description: '中文之间使用了半角标点',
    descriptionEn: 'ASCII punctuation between Chinese characters',
    fixable: true,
  },
  (ctx) => {
    // Heading markers `(一)`: numbering/bracket-width reports them when full- and half-width
    // numbering are mixed; when the document is half-width throughout, they are reported here.
    const bracketed = ctx.doc.headings.filter((h) => h.brackets);
    const half = bracketed.filter((h) => h.brackets === 'half').length;
    const mixedWidths = bracketed.some((h) => h.brackets === 'mixed') || (half > 0 && half < bracketed.length);
    if (!mixedWidths) {
      for (const h of bracketed) {
        if (h.brackets !== 'half') continue;
        const open = ctx.text.indexOf('(', h.markerStart);
        const close = ctx.text.indexOf(')', open + 1);
        if (open < 0 || close < 0 || close >= h.markerEnd) continue;
        const want = '（' + ctx.text.slice(open + 1, close) + '）';
        ctx.report({
          start: open,
          end: close + 1,
          message: `标题序号“${ctx.text.slice(open, close + 1)}”使用了半角括号，应为全角“${want}”`,
          data: { written: ctx.text.slice(open, close + 1), expected: want, heading: true },
          fix: {
            title: `改为“${want}”`,
            edits: [
              { start: open, end: open + 1, text: '（' },
              { start: close, end: close + 1, text: '）' },
            ],
          },
        });
      }
    }
    for (const p of ctx.doc.paragraphs) {
      const t = p.text;
      if (!RE_ANY.test(t)) continue;
      // one pass: the candidate marks outside URLs, code, links and the heading marker
      const skip: number[] = [];
      if (p.heading) {
        // the heading marker `(一)` / `(1)` is numbering/bracket-width's business (or reported above)
        const h = p.heading;
        let s = 0;
        while (s < t.length && p.map[s] < h.markerStart) s++;
        let e = s;
        while (e < t.length && p.map[e] < h.markerEnd) e++;
        if (e > s) skip.push(s, e);
      }
      const spans = specialSpans(t, skip);
      const marks: number[] = [];
      const brackets: number[] = [];
      let sp = 0;
      for (let i = 0; i < t.length; i++) {
        const kind = CAND[t.charCodeAt(i)];
        if (kind === 0) continue;
        while (sp < spans.length && spans[sp + 1] <= i) sp += 2;
        if (sp < spans.length && spans[sp] <= i) continue;
        if (kind === 1) marks.push(i);
        else brackets.push(i);
      }
      const flagged: number[] = [];
      // brackets: decided per pair, so a fix never leaves `（…)`
      const stack: number[] = [];
      let hanBefore: Int32Array | undefined;
      for (const i of brackets) {
        const c = t[i];
        if (c === '(' || c === '（') stack.push(i);
        else {
          const o = stack.pop();
          if (o === undefined) {
            if (c === ')' && isCnContext(prevChar(t, i)) && isHan(nextChar(t, i))) flagged.push(i);
            continue;
          }
          if (t[o] === '（' && c === '）') continue;
          hanBefore ??= hanPrefix(t);
          const han = hanBefore[i] - hanBefore[o + 1] > 0;
          // a formula `(A+B)/C`, `(x-1)×2`: half-width brackets belong to it
          if (!han && c === ')' && t[o] === '(' && isFormula(t, o + 1, i)) continue;
          const outside = isCnContext(prevChar(t, o)) || isCnContext(nextChar(t, i));
          if (han || outside) {
            if (t[o] === '(') flagged.push(o);
            if (c === ')') flagged.push(i);
          }
        }
      }
      for (const o of stack) if (t[o] === '(' && isCnContext(prevChar(t, o)) && isHan(nextChar(t, o))) flagged.push(o);
      // , ; : ? !
      for (const i of marks) {
        const a = prevChar(t, i);
        const b = nextChar(t, i);
        // never inside numbers (1,000 / 10:30) or Latin text (e.g. Hello, world)
        if ((isAsciiDigit(a) || isLatin(a)) && (isAsciiDigit(b) || isLatin(b) || b === undefined)) continue;
        if (isCnContext(a) || (isCnContext(b) && (a === undefined || isAsciiDigit(a) || isLatin(a) || a === '%'))) flagged.push(i);
      }
      if (flagged.length > 1) flagged.sort((x, y) => x - y);
      for (const i of flagged) {
        const c = t[i];
        const r = range(p, i, i + 1);
        ctx.report({
          start: r.start,
          end: r.end,
          message: MESSAGE[c],
          data: { written: c, expected: FULL[c] },
          fix: { title: TITLE[c], edits: [{ start: r.start, end: r.end, text: FULL[c] }] },
        });
      }
    }
  },
);
