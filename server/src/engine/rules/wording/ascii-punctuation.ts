import { defineRule } from '../define';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { HAS_AT, HAS_BACKTICK, HAS_LT, HAS_RBRACKET, HAS_SLASH, HAS_W, wordingScans } = scanning;

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const NAMES: Record<string, string> = { ',': '逗号', ';': '分号', ':': '冒号', '(': '括号', ')': '括号', '?': '问号', '!': '叹号' };
/**
 * The full-width form of a mark, message, fix title and data by character code, built once (a pasted
 * report can have thousands of findings).
 */
const EXPECTED: string[] = [];
const MESSAGE: string[] = [];
const TITLE: string[] = [];
/** A finding's `data` by character code: one frozen object shared by every finding of that mark (never written to). */
const DATA: Readonly<{ written: string; expected: string }>[] = [];
for (const c of Object.keys(FULL)) {
  const k = c.charCodeAt(0);
  EXPECTED[k] = FULL[c];
  MESSAGE[k] = `中文中使用了半角${NAMES[c]}“${c}”，应为全角“${FULL[c]}”`;
  TITLE[k] = `改为全角“${FULL[c]}”`;
  DATA[k] = Object.freeze({ written: c, expected: FULL[c] });
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
 * `has`: the paragraph's HAS_* bits (a search whose key character is absent is skipped).
 */
function specialSpans(t: string, raw: number[], has: number): number[] {
  // URLs: scheme://… and www.…
  for (let i = has & HAS_SLASH ? t.indexOf('://') : -1; i >= 0; i = t.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && i - s < 16 && isAsciiLetter(t.charCodeAt(s - 1))) s--;
    let e = i + 3;
    while (e < t.length && urlChar(t.charCodeAt(e))) e++;
    raw.push(s, e);
    i = Math.max(i, e - 3);
  }
  for (let i = has & HAS_W ? t.indexOf('www.') : -1; i >= 0; i = t.indexOf('www.', i + 4)) {
    let e = i + 4;
    while (e < t.length && urlChar(t.charCodeAt(e))) e++;
    raw.push(i, e);
    i = Math.max(i, e - 4);
  }
  // e-mail addresses
  let done = 0;
  for (let i = has & HAS_AT ? t.indexOf('@') : -1; i >= 0; i = t.indexOf('@', i + 1)) {
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
  for (let i = has & HAS_RBRACKET ? t.indexOf('](') : -1; i >= 0; i = t.indexOf('](', i + 2)) {
    // the last `[` before i (found by one forward scan) and the first `)` after it (cached)
    for (; scanned < i; scanned++) if (t.charCodeAt(scanned) === 0x5b) open = scanned;
    if (close < i + 2) close = t.indexOf(')', i + 2);
    if (close < 0) break;
    if (open < 0 || i - open > 200 || close - i > 300) continue;
    raw.push(open > 0 && t[open - 1] === '!' ? open - 1 : open, close + 1);
  }
  // HTML comments left at the end of a line (`<!-- fazhi-report-disable-line … -- 说明:… -->`)
  for (let i = has & HAS_LT ? t.indexOf('<!--') : -1; i >= 0; ) {
    const e = t.indexOf('-->', i + 4);
    if (e < 0) break;
    raw.push(i, e + 3);
    i = t.indexOf('<!--', e + 3);
  }
  // inline code
  for (let i = has & HAS_BACKTICK ? t.indexOf('`') : -1; i >= 0; ) {
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

/** Candidate kinds: 1 for `, ; : ? !`, 2 for ASCII brackets, 3 for full-width brackets (the candidates come from the shared wording scan). */
function candKind(c: number): number {
  return c === 0x28 || c === 0x29 ? 2 : c === 0xff08 || c === 0xff09 ? 3 : 1;
}

/** Character codes of the text (-1: none); the same tests as wording/text.ts, on codes. */
function isHanCode(k: number): boolean {
  return (k >= 0x4e00 && k <= 0x9fff) || (k >= 0x3400 && k <= 0x4dbf) || (k >= 0xf900 && k <= 0xfaff) || k === 0x3007;
}
function isCnPunctCode(k: number): boolean {
  return (k >= 0x3000 && k <= 0x303f && k !== 0x3000 && k !== 0x3007) || (k >= 0xff01 && k <= 0xff0f) ||
    (k >= 0xff1a && k <= 0xff20) || (k >= 0xff3b && k <= 0xff40) || (k >= 0xff5b && k <= 0xff65) ||
    k === 0x201c || k === 0x201d || k === 0x2018 || k === 0x2019 || k === 0x2014 || k === 0x2026 || k === 0xb7;
}
/** Han or Chinese punctuation: the context that makes a half-width mark wrong. */
function isCnContextCode(k: number): boolean {
  return isHanCode(k) || isCnPunctCode(k);
}
function isDigitOrLatinCode(k: number): boolean {
  return (k >= 0x30 && k <= 0x39) || (k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a);
}
function isSpaceCode(k: number): boolean {
  return k === 0x20 || k === 0x09 || k === 0xa0;
}

/** The code of the nearest non-space character before/after a logical offset (-1: none). */
function prevCode(t: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && isSpaceCode(t.charCodeAt(k))) k--;
  return k >= 0 ? t.charCodeAt(k) : -1;
}
function nextCode(t: string, i: number): number {
  let k = i + 1;
  while (k < t.length && isSpaceCode(t.charCodeAt(k))) k++;
  return k < t.length ? t.charCodeAt(k) : -1;
}

/** hanPrefix(t)[k]: how many Han characters t[0…k) holds. */
function hanPrefix(t: string): Int32Array {
  const out = new Int32Array(t.length + 1);
  for (let k = 0; k < t.length; k++) out[k + 1] = out[k] + (isHanCode(t.charCodeAt(k)) ? 1 : 0);
  return out;
}
/** Spans longer than this are looked up in a prefix count (nested brackets stay linear). */
const SHORT_SPAN = 64;

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
    const paragraphs = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      const scan = scans[pi];
      if (!scan.asciiPunct) continue;
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
      const spans = specialSpans(t, skip, scan.has);
      const marks: number[] = [];
      const brackets: number[] = [];
      let sp = 0;
      const cands = scan.punct;
      for (let h = 0; h < cands.length; h++) {
        const i = cands[h];
        const kind = candKind(t.charCodeAt(i));
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
        const c = t.charCodeAt(i);
        if (c === 0x28 || c === 0xff08) stack.push(i);
        else {
          const o = stack.pop();
          if (o === undefined) {
            if (c === 0x29 && isCnContextCode(prevCode(t, i)) && isHanCode(nextCode(t, i))) flagged.push(i);
            continue;
          }
          const oc = t.charCodeAt(o);
          if (oc === 0xff08 && c === 0xff09) continue;
          let han = false;
          if (i - o - 1 <= SHORT_SPAN) {
            for (let k = o + 1; k < i; k++) {
              if (isHanCode(t.charCodeAt(k))) {
                han = true;
                break;
              }
            }
          } else {
            hanBefore ??= hanPrefix(t);
            han = hanBefore[i] - hanBefore[o + 1] > 0;
          }
          // a formula `(A+B)/C`, `(x-1)×2`: half-width brackets belong to it
          if (!han && c === 0x29 && oc === 0x28 && isFormula(t, o + 1, i)) continue;
          const outside = isCnContextCode(prevCode(t, o)) || isCnContextCode(nextCode(t, i));
          if (han || outside) {
            if (oc === 0x28) flagged.push(o);
            if (c === 0x29) flagged.push(i);
          }
        }
      }
      for (const o of stack) if (t.charCodeAt(o) === 0x28 && isCnContextCode(prevCode(t, o)) && isHanCode(nextCode(t, o))) flagged.push(o);
      // , ; : ? !
      for (const i of marks) {
        const a = prevCode(t, i);
        const b = nextCode(t, i);
        // never inside numbers (1,000 / 10:30) or Latin text (e.g. Hello, world)
        if (isDigitOrLatinCode(a) && (isDigitOrLatinCode(b) || b < 0)) continue;
        if (isCnContextCode(a) || (isCnContextCode(b) && (a < 0 || isDigitOrLatinCode(a) || a === 0x25))) flagged.push(i);
      }
      let sorted = true;
      for (let k = 1; k < flagged.length && sorted; k++) if (flagged[k - 1] > flagged[k]) sorted = false;
      if (!sorted) flagged.sort((x, y) => x - y);
      for (const i of flagged) {
        const k = t.charCodeAt(i);
        // the original range of one logical character (as range(p, i, i + 1))
        const start = p.map[i];
        ctx.report({
          start,
          end: start + 1,
          message: MESSAGE[k],
          data: DATA[k],
          fix: { title: TITLE[k], edits: [{ start, end: start + 1, text: EXPECTED[k] }] },
        });
      }
    }
  },
);
