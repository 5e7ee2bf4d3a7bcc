import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { range } from '../../wording/text';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { wordingScans } = scanning;

function isLatinCode(k: number): boolean {
  return (k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a);
}

/**
 * Pairs checked: “” ‘’ （） 《》 〈〉 【】. ASCII ( ) take part in matching (so `（2021-2025年)` is
 * not "unpaired": ascii-punctuation reports the half-width mark) but are never reported here.
 */
interface Family {
  open: string;
  close: string;
  name: string;
}
const FAMILIES: Family[] = [
  { open: '“', close: '”', name: '双引号' },
  { open: '‘', close: '’', name: '单引号' },
  { open: '（', close: '）', name: '括号' },
  { open: '《', close: '》', name: '书名号' },
  { open: '〈', close: '〉', name: '书名号' },
  { open: '【', close: '】', name: '方括号' },
];
/** By character code: family index + 1 (0: not a mark). */
const OPEN = new Uint8Array(65536);
const CLOSE = new Uint8Array(65536);
FAMILIES.forEach((f, i) => {
  OPEN[f.open.charCodeAt(0)] = i + 1;
  CLOSE[f.close.charCodeAt(0)] = i + 1;
});
OPEN[0x28] = 3;
CLOSE[0x29] = 3;
const BACKTICK = 0x60;
// The characters the scan stops at (a mark of either side, the backtick of inline code, the `<`
// of `<!--`) are found by the shared wording scan (wording/scan.ts).
/** Families of quotation marks (“” and ‘’): family index 0 and 1. */
const QUOTES = new Set([0, 1]);
/** A reversed pair encloses a short name: `”八五“`. */
const MAX_REVERSED = 20;
/** A text this broken needs no more than this many pointers (the rest would only be noise). */
const MAX_FINDINGS = 200;
/** Open marks carried over a paragraph break (a page break inside a quote leaves one or two). */
const MAX_CARRY = 4;
/** How far down the stack of open marks a closing mark looks for its partner. */
const MAX_DEPTH = 64;
/** `1）` `（2` `a）` `一）`: list markers written with one bracket. */
const LIST_MARK = /^[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}$/;
const RE_MARK_CHAR = /[0-9０-９a-zA-Z一二三四五六七八九十]/;
const MARK_BOUNDARY = new Set(['', '。', '；', ';', '：', ':', '，', ',', ' ', '\u3000', '、']);

/** Shared by the paragraphs that carry nothing over (never written to: `pending` is replaced before a push). */
const NO_MARKS: Mark[] = [];

interface Mark {
  family: number;
  ch: string;
  /** logical offset */
  at: number;
  p: Paragraph;
}

export default defineRule(
  {
    id: 'wording/quote-pairs',
    severity: 'warning',
    description: '引号或括号颠倒、不成对',
    descriptionEn: 'Reversed or unpaired quotes and brackets',
    fixable: true,
  },
  (ctx) => {
    let budget = MAX_FINDINGS;
    const report = (mk: Mark, kind: 'open' | 'close'): void => {
      if (budget-- <= 0) return;
      const f = FAMILIES[mk.family];
      const r = range(mk.p, mk.at, mk.at + 1);
      ctx.report({
        start: r.start,
        end: r.end,
        message: kind === 'open'
          ? `${f.name}“${mk.ch}”没有对应的“${f.close}”`
          : `${f.name}“${mk.ch}”没有对应的“${f.open}”`,
        data: { kind: kind === 'open' ? 'unclosed' : 'unopened', mark: mk.ch, pair: f.open + f.close },
      });
    };

    /** Openers left open at the end of the previous paragraph (a quote broken by a pasted page break). */
    let pending: Mark[] = NO_MARKS;
    const paragraphs = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      /** Logical offsets of the open marks (the family is read from the character). */
      const stack: number[] = [];
      const carried = pending;
      pending = NO_MARKS;
      // a quotation of several paragraphs opens each paragraph with “ and closes only the last one
      // (GB/T 15834): an opener at the start of this paragraph continues the one carried over
      if (carried.length) {
        let k = 0;
        while (k < t.length && (t[k] === ' ' || t[k] === '\u3000' || t[k] === '\t')) k++;
        const fam = k < t.length ? OPEN[t.charCodeAt(k)] - 1 : -1;
        const ci = fam >= 0 && QUOTES.has(fam) ? carried.findIndex((x) => x.family === fam) : -1;
        if (ci >= 0) carried.splice(ci, 1);
      }
      let inCode = false;
      let balance: Balance | undefined;
      const hits = scans[pi].quote;
      /** Offsets before this one were consumed (an HTML comment, a reversed pair). */
      let skipTo = 0;
      for (let h = 0; h < hits.length; h++) {
        const i = hits[h];
        if (i < skipTo) continue;
        const code = t.charCodeAt(i);
        if (code === BACKTICK) {
          inCode = !inCode;
          continue;
        }
        if (inCode) continue;
        // an HTML comment left at the end of a line: its text is not the report's
        if (code === 0x3c && t.startsWith('<!--', i)) {
          const e = t.indexOf('-->', i + 4);
          if (e >= 0) {
            skipTo = e + 3;
            continue;
          }
        }
        const o0 = OPEN[code];
        const c0 = CLOSE[code];
        if (!o0 && !c0) continue;
        // apostrophes: China’s, rock‘n’roll
        if ((code === 0x2018 || code === 0x2019) && isLatinCode(t.charCodeAt(i - 1)) && (code === 0x2019 || isLatinCode(t.charCodeAt(i + 1)))) continue;
        if (o0) {
          // the same convention inside a paragraph joined across a line break: an opening quote
          // at the start of a line while one of its family is still open continues the quotation
          if (o0 <= 2 && i > 0 && stack.length && atLineStart(ctx.text, p.map[i])) {
            let k = stack.length - 1;
            const floor = Math.max(-1, stack.length - 1 - MAX_DEPTH);
            while (k > floor && OPEN[t.charCodeAt(stack[k])] !== o0) k--;
            if (k > floor) continue;
          }
          stack.push(i);
          continue;
        }
        const fam = c0 - 1;
        // closes the innermost open mark of its family
        let k = stack.length - 1;
        const floor = Math.max(-1, stack.length - 1 - MAX_DEPTH);
        while (k > floor && OPEN[t.charCodeAt(stack[k])] - 1 !== fam) k--;
        if (k === floor && floor >= 0) continue; // nested deeper than any real text: give up quietly
        if (k >= 0) {
          // crossing marks (`（“…）”`) are left alone: they still close later
          if (k === stack.length - 1) stack.pop();
          else stack.splice(k, 1);
          continue;
        }
        // a quote opened in the previous paragraph (page break inside a quote)
        const ci = carried.findIndex((x) => x.family === fam);
        if (ci >= 0) {
          carried.splice(ci, 1);
          continue;
        }
        const c = t[i];
        if (c === ')') continue;
        // list markers `1）`, `一）`
        if (fam === 2 && isListMarker(t, i)) continue;
        // reversed pair `”八五“`: the matching opener follows soon and the rest balances
        if (QUOTES.has(fam) || fam === 3) {
          const f = FAMILIES[fam];
          const j = nextWithin(t, f.open, i + 1, MAX_REVERSED + 1);
          if (j > i + 1 && !t.slice(i + 1, j).includes(f.close) && (balance ??= new Balance(t)).closesNothingAfter(j, f)) {
            const a = range(p, i, i + 1);
            const b = range(p, j, j + 1);
            ctx.report({
              start: a.start,
              end: b.end,
              message: `${f.name}方向颠倒：应为 ${f.open}${t.slice(i + 1, j)}${f.close}，原文写作 ${t.slice(i, j + 1)}`,
              data: { kind: 'reversed', written: t.slice(i, j + 1), expected: f.open + t.slice(i + 1, j) + f.close },
              fix: {
                title: `改为 ${f.open}${t.slice(i + 1, j)}${f.close}`,
                edits: [
                  { start: a.start, end: a.end, text: f.open },
                  { start: b.start, end: b.end, text: f.close },
                ],
              },
            });
            skipTo = j + 1;
            continue;
          }
        }
        report({ family: fam, ch: c, at: i, p }, 'close');
      }
      for (const left of carried) report(left, 'open');
      // still open at the end: carried to the next paragraph if it is plain text (a few at most)
      const next = paragraphs[pi + 1];
      const carry = !!next && next.kind === 'text' && stack.length <= MAX_CARRY;
      for (const at of stack) {
        if (budget <= 0) break;
        const ch = t[at];
        if (ch === '(') continue;
        const mk: Mark = { family: OPEN[t.charCodeAt(at)] - 1, ch, at, p };
        if (carry) (pending === NO_MARKS ? (pending = []) : pending).push(mk);
        else report(mk, 'open');
      }
    }
    for (const left of pending) report(left, 'open');
  },
);

const PARAGRAPH_END = new Set(['。', '！', '？', '；', '…']);
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d;

/**
 * Is original offset `at` the first non-blank character of a line whose previous line ends a
 * sentence (`。`…)? That is where a paragraph of a quotation began before the break was joined.
 */
function atLineStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && at - k <= 8 && isBlank(text.charCodeAt(k))) k--;
  if (k < 0 || text.charCodeAt(k) !== 0x0a) return false;
  k--;
  while (k >= 0 && (isBlank(text.charCodeAt(k)) || text.charCodeAt(k) === 0x0a)) k--;
  return k >= 0 && PARAGRAPH_END.has(text[k]);
}

function isListMarker(t: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 3 && RE_MARK_CHAR.test(t[s - 1])) s--;
  if (s === i) return false;
  return LIST_MARK.test(t.slice(s, i)) && MARK_BOUNDARY.has(s > 0 ? t[s - 1] : '');
}

/** Index of `ch` in t[from, from + limit), or -1. */
function nextWithin(t: string, ch: string, from: number, limit: number): number {
  const end = Math.min(t.length, from + limit);
  for (let k = from; k < end; k++) if (t[k] === ch) return k;
  return -1;
}

/**
 * Per paragraph and family, computed once: for a reversed opener at j, do the marks after it
 * balance on their own (every later opener closed, no extra closer)? That is: the running count
 * (open +1, close −1) over t[j+1…] never goes below 0 and ends at 0.
 */
class Balance {
  private readonly byFamily = new Map<string, { total: Int32Array; min: Int32Array }>();
  constructor(private readonly t: string) {}

  closesNothingAfter(j: number, f: Family): boolean {
    let s = this.byFamily.get(f.open);
    if (!s) {
      const n = this.t.length;
      // total[x], min[x]: sum and lowest running sum of t[x…]
      const total = new Int32Array(n + 1);
      const min = new Int32Array(n + 1);
      for (let x = n - 1; x >= 0; x--) {
        const c = this.t[x];
        const v = c === f.open ? 1 : c === f.close ? -1 : 0;
        total[x] = v + total[x + 1];
        min[x] = Math.min(0, v + min[x + 1]);
      }
      s = { total, min };
      this.byFamily.set(f.open, s);
    }
    return s.total[j + 1] === 0 && s.min[j + 1] >= 0;
  }
}
