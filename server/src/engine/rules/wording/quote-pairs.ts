import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { isLatin, range } from '../../wording/text';

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
const QUOTES = new Set([0, 1]);
/** A reversed pair encloses a short name: `”八五“`. */
const MAX_REVERSED = 20;
/** `1）` `（2` `a）` `一）`: list markers written with one bracket. */
const LIST_MARK = /^[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}$/;
const RE_MARK_CHAR = /[0-9０-９a-zA-Z一二三四五六七八九十]/;
const MARK_BOUNDARY = new Set(['', '。', '；', ';', '：', ':', '，', ',', ' ', '\u3000', '、']);

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
    const report = (mk: Mark, kind: 'open' | 'close'): void => {
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
    let pending: Mark[] = [];
    const paragraphs = ctx.doc.paragraphs;
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      const stack: Mark[] = [];
      const carried = pending;
      pending = [];
      let inCode = false;
      for (let i = 0; i < t.length; i++) {
        const code = t.charCodeAt(i);
        if (code === BACKTICK) {
          inCode = !inCode;
          continue;
        }
        if (inCode) continue;
        const o0 = OPEN[code];
        const c0 = CLOSE[code];
        if (!o0 && !c0) continue;
        const o = o0 ? o0 - 1 : undefined;
        const cl = c0 ? c0 - 1 : undefined;
        const c = t[i];
        if (o !== undefined && (c === '‘' || c === '’') && isLatin(t[i - 1]) && isLatin(t[i + 1])) continue; // apostrophe
        if (cl !== undefined && c === '’' && isLatin(t[i - 1])) continue;
        if (o !== undefined) {
          stack.push({ family: o, ch: c, at: i, p });
          continue;
        }
        const fam = cl!;
        // closes the innermost open mark of its family
        let k = stack.length - 1;
        while (k >= 0 && stack[k].family !== fam) k--;
        if (k >= 0) {
          // crossing marks (`（“…）”`) are left alone: they still close later
          stack.splice(k, 1);
          continue;
        }
        // a quote opened in the previous paragraph (page break inside a quote)
        const ci = carried.findIndex((x) => x.family === fam);
        if (ci >= 0) {
          carried.splice(ci, 1);
          continue;
        }
        if (c === ')') continue;
        // list markers `1）`, `一）`
        if (fam === 2 && isListMarker(t, i)) continue;
        // reversed pair `”八五“`: the matching opener follows soon and the rest balances
        if (QUOTES.has(fam) || fam === 3) {
          const f = FAMILIES[fam];
          const j = t.indexOf(f.open, i + 1);
          if (j > i + 1 && j - i - 1 <= MAX_REVERSED && !t.slice(i + 1, j).includes(f.close) && balancedAfter(t, j + 1, f)) {
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
            i = j;
            continue;
          }
        }
        report({ family: fam, ch: c, at: i, p }, 'close');
      }
      for (const left of carried) reportIfChecked(left, 'open');
      // still open at the end: carried to the next paragraph if it is plain text
      for (const left of stack) {
        if (left.ch === '(') continue;
        const next = paragraphs[pi + 1];
        if (next && next.kind === 'text') pending.push(left);
        else reportIfChecked(left, 'open');
      }
    }
    for (const left of pending) reportIfChecked(left, 'open');

    function reportIfChecked(mk: Mark, kind: 'open' | 'close'): void {
      if (mk.ch === '(' || mk.ch === ')') return;
      report(mk, kind);
    }
  },
);

function isListMarker(t: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 3 && RE_MARK_CHAR.test(t[s - 1])) s--;
  if (s === i) return false;
  return LIST_MARK.test(t.slice(s, i)) && MARK_BOUNDARY.has(s > 0 ? t[s - 1] : '');
}

/** After a reversed opener at j, do the quotes of the family balance (each opener closed, none extra)? */
function balancedAfter(t: string, from: number, f: Family): boolean {
  let depth = 1;
  for (let i = from; i < t.length; i++) {
    const c = t[i];
    if (c === f.open) depth++;
    else if (c === f.close) {
      depth--;
      if (depth < 0) return false;
    }
  }
  // the reversed opener itself is not closed: depth 1 at the end means everything after balances
  return depth === 1;
}
