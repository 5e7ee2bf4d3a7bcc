import { defineRule } from '../define';
import { IDIOMS, IdiomEntry } from '../../wording/idioms';
import type { Paragraph } from '../../document';
import { range, replaceLogical, replaceSameLength } from '../../wording/text';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { wordingScans } = scanning;

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
 * Entries by their first two characters, longest first (built on first use): the candidates come
 * from the shared wording scan, which rejects almost every position with a hash of the first two
 * character codes.
 */
let BY_PREFIX: Map<string, IdiomEntry[]> | undefined;
function byPrefix(): Map<string, IdiomEntry[]> {
  const map = new Map<string, IdiomEntry[]>();
  for (const e of [...IDIOMS].sort((a, b) => b.wrong.length - a.wrong.length)) {
    const key = e.wrong.slice(0, 2);
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }
  return (BY_PREFIX = map);
}
let BUILTIN: Set<string> | undefined;

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
    const extra = entries(ctx.options.extra).filter((e) => !ignore.has(e.wrong) && !(BUILTIN ??= new Set(IDIOMS.map((x) => x.wrong))).has(e.wrong));
    const prefixes = BY_PREFIX ?? byPrefix();
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
    const paragraphs = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      for (const e of extra) for (let i = t.indexOf(e.wrong); i >= 0; i = t.indexOf(e.wrong, i + e.wrong.length)) report(p, i, e);
      const starts = scans[pi].idiom;
      let next = 0;
      for (let h = 0; h < starts.length; h++) {
        const i = starts[h];
        if (i < next) continue;
        const list = prefixes.get(t.slice(i, i + 2));
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
        next = i + e.wrong.length;
      }
    }
  },
);
