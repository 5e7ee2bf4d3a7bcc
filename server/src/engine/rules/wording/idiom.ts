import { defineRule } from '../define';
import { IDIOMS, IdiomEntry } from '../../wording/idioms';
import type { Paragraph } from '../../document';
import { range, replaceLogical, replaceSameLength } from '../../wording/text';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/** `extra`: `[{ "wrong": "…", "right": "…" }]` or `[["wrong", "right"]]`. */
function entries(v: unknown): IdiomEntry[] {
  if (!Array.isArray(v)) return [];
  const out: IdiomEntry[] = [];
  for (const x of v) {
    const pair = Array.isArray(x) ? { wrong: x[0], right: x[1] } : x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined;
    if (pair && typeof pair.wrong === 'string' && typeof pair.right === 'string' && pair.wrong && pair.wrong !== pair.right) {
      out.push({ wrong: pair.wrong, right: pair.right });
    }
  }
  return out;
}

/**
 * Entries by their first two characters, longest first: one pass, no big alternation. A bit set
 * over a hash of the first two character codes (and one over the first character) rejects almost
 * every position with two table loads.
 */
const BY_PREFIX = new Map<string, IdiomEntry[]>();
const FIRST = new Uint8Array(65536);
const BIGRAM = new Uint8Array(65536);
function bigramHash(a: number, b: number): number {
  return ((a * 31) ^ (b * 0x9e3)) & 0xffff;
}
for (const e of [...IDIOMS].sort((a, b) => b.wrong.length - a.wrong.length)) {
  FIRST[e.wrong.charCodeAt(0)] = 1;
  BIGRAM[bigramHash(e.wrong.charCodeAt(0), e.wrong.charCodeAt(1))] = 1;
  const key = e.wrong.slice(0, 2);
  const list = BY_PREFIX.get(key);
  if (list) list.push(e);
  else BY_PREFIX.set(key, [e]);
}
const BUILTIN = new Set(IDIOMS.map((e) => e.wrong));

export default defineRule(
  {
    id: 'wording/idiom',
    severity: 'warning',
    description: '常见成语、词语书写错误',
    descriptionEn: 'A commonly miswritten idiom or term',
    fixable: true,
    defaultOptions: { extra: [], ignore: [] },
  },
  (ctx) => {
    const ignore = new Set(strings(ctx.options.ignore));
    const extra = entries(ctx.options.extra).filter((e) => !ignore.has(e.wrong) && !BUILTIN.has(e.wrong));
    const report = (p: Paragraph, i: number, e: IdiomEntry): void => {
      const r = range(p, i, i + e.wrong.length);
      ctx.report({
        start: r.start,
        end: r.end,
        message: `“${e.wrong}”应为“${e.right}”${e.note ? `（${e.note}）` : ''}`,
        data: { wrong: e.wrong, right: e.right },
        fix: {
          title: `改为“${e.right}”`,
          edits: e.wrong.length === e.right.length ? replaceSameLength(p, i, e.right) : replaceLogical(p, i, i + e.wrong.length, e.right),
        },
      });
    };
    for (const p of ctx.doc.paragraphs) {
      const t = p.text;
      for (const e of extra) for (let i = t.indexOf(e.wrong); i >= 0; i = t.indexOf(e.wrong, i + e.wrong.length)) report(p, i, e);
      const last = t.length - 1;
      for (let i = 0; i < last; i++) {
        const a = t.charCodeAt(i);
        if (FIRST[a] === 0 || BIGRAM[bigramHash(a, t.charCodeAt(i + 1))] === 0) continue;
        const list = BY_PREFIX.get(t.slice(i, i + 2));
        if (!list) continue;
        let e: IdiomEntry | undefined;
        for (const x of list) {
          if (t.startsWith(x.wrong, i)) {
            e = x;
            break;
          }
        }
        if (!e || ignore.has(e.wrong)) continue;
        if (e.unlessBefore && e.unlessBefore.test(t.slice(Math.max(0, i - 16), i))) continue;
        report(p, i, e);
        i += e.wrong.length - 1;
      }
    }
  },
);
