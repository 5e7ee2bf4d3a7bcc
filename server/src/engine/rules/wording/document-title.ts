import { defineRule } from '../define';
import { editDistance, mayBeClose, missingOver, range, replaceLogical, replaceSameLength, stripPeriod } from '../../wording/text';
import { citedTitles, coreStart, KNOWN, KnownNormal, knownFromTitles, Normal, normalise, splitTitle } from '../../wording/titles';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { wordingScans } = scanning;

/** Characters and words confused in titles: one such substitution is flagged even in short titles. */
const CONFUSABLE: readonly [string, string][] = [
  ['制', '治'], ['议', '仪'], ['议', '义'], ['施', '实'], ['实', '事'], ['事', '是'], ['规', '归'], ['审', '申'],
  ['察', '查'], ['例', '列'], ['纲', '刚'], ['责', '则'], ['督', '都'], ['事实', '实施'], ['实施', '施实'],
];
const PAIRS = new Set<string>(CONFUSABLE.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
const PRC = '中华人民共和国';

/** Exact known cores and bases (a title cited without its period is the same document). */
const EXACT = new Set<string>(KNOWN.flatMap((k) => [k.core, k.base]));

/** One substituted character or two-character word forming a confusable pair. */
function confusableSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last - first > 1) return false;
  return PAIRS.has(`${a.slice(first, last + 1)}|${b.slice(first, last + 1)}`);
}

type Hit = { known: KnownNormal; distance: number } | undefined;
/** Results by normal core: the same titles are cited again and again, and re-checked on every edit. */
const CACHE = new Map<string, Hit>();

function nearest(core: string): Hit {
  const cached = CACHE.get(core);
  if (cached !== undefined || CACHE.has(core)) return cached;
  if (CACHE.size > 4000) CACHE.clear();
  const hit = computeNearest(core);
  CACHE.set(core, hit);
  return hit;
}

function computeNearest(core: string, known: readonly KnownNormal[] = KNOWN): Hit {
  let best: { known: KnownNormal; distance: number } | undefined;
  let cited: ReturnType<typeof splitTitle> | undefined;
  for (const k of known) {
    const target = k.period && !(cited ??= splitTitle(core)).period ? k.base : k.core;
    const m = target.length;
    const limit = Math.floor(m / 12);
    // Titles under 24 characters (limit 0 or 1) are decided by a linear scan, without the distance
    // table; longer ones (limit ≥ 2, so close means within the limit) are skipped when more than
    // `limit` of the cited characters are not in the title at all. Only the pairs that may be close
    // get their distance (what `close` below would compute, no more).
    if (limit < 2 ? !mayBeClose(core, target, limit) : missingOver(core, target, limit)) continue;
    const d = editDistance(core, target, Math.max(limit, 2));
    if (d === 0) return undefined;
    const close = (d <= limit) || (d <= 2 && m >= 4 && confusableSubstitution(core, target));
    if (!close) continue;
    // a different kind of document on the same subject (`实施意见` of a `指导意见`) is not a misquote
    const ks = splitTitle(target);
    cited ??= splitTitle(core);
    if (cited.head === ks.head && cited.period === ks.period && cited.type !== ks.type) continue;
    if (!best || d < best.distance) best = { known: k, distance: d };
  }
  return best;
}

interface Prepared {
  n: Normal;
  /** Where the core starts in the normal text (after a central issuer and 中华人民共和国). */
  at: number;
  core: string;
}
/** Normal forms by title as written (undefined: too short to compare). */
const PREPARED = new Map<string, Prepared | undefined>();

function prepare(raw: string): Prepared | undefined {
  const cached = PREPARED.get(raw);
  if (cached !== undefined || PREPARED.has(raw)) return cached;
  if (PREPARED.size > 4000) PREPARED.clear();
  const n = normalise(raw);
  let out: Prepared | undefined;
  if (n.text.length >= 4) {
    const at = coreStart(n.text);
    out = { n, at, core: n.text.slice(at) };
  }
  PREPARED.set(raw, out);
  return out;
}

export default defineRule(
  {
    id: 'wording/document-title',
    severity: 'warning',
    description: '引用的文件标题与中央文件标题不一致',
    descriptionEn: 'A cited document title close to but not equal to a known one',
    fixable: true,
    defaultOptions: { titles: [] },
  },
  (ctx) => {
    // project titles (e.g. provincial documents) extend the list
    const extraTitles = Array.isArray(ctx.options.titles) ? ctx.options.titles.filter((x): x is string => typeof x === 'string' && x.length >= 4) : [];
    const extra = extraTitles.length ? knownFromTitles(extraTitles) : [];
    const all = extra.length ? [...KNOWN, ...extra] : KNOWN;
    const exact = extra.length ? new Set([...EXACT, ...extra.flatMap((k) => [k.core, k.base])]) : EXACT;
    const paragraphs = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      for (const c of citedTitles(p, scans[pi])) {
        const prepared = prepare(c.raw);
        if (!prepared) continue;
        const { n, at, core } = prepared;
        if (exact.has(core)) continue;
        const hit = extra.length ? computeNearest(core, all) : nearest(core);
        if (!hit) continue;
        const k = hit.known;
        // the replacement keeps the cited issuer, the cited choice of 中华人民共和国 and of a period
        const citedPrc = n.text.slice(0, at).endsWith(PRC);
        const issuerEnd = citedPrc ? at - PRC.length : at;
        const issuerRaw = issuerEnd > 0 ? c.raw.slice(0, n.map[issuerEnd]) : '';
        let title = k.doc.title.startsWith(PRC) ? k.doc.title.slice(PRC.length) : k.doc.title;
        if (!splitTitle(core).period && k.period) title = stripPeriod(title);
        const replacement = issuerRaw + (citedPrc ? PRC : '') + title;
        const r = range(p, c.from, c.to);
        ctx.report({
          start: r.start,
          end: r.end,
          message: `文件标题有误：《${c.raw}》应为《${replacement}》${k.doc.issuer ? `（${k.doc.issuer}印发）` : ''}`,
          data: { cited: c.raw, expected: replacement, known: k.doc.title, distance: hit.distance },
          fix: { title: `改为《${replacement}》`, edits: replacement.length === c.to - c.from ? replaceSameLength(p, c.from, replacement) : replaceLogical(p, c.from, c.to, replacement) },
        });
      }
    }
  },
);
