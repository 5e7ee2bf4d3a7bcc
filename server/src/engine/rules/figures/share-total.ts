import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { figuresOf as figuresOfImported, quantitiesIn as quantitiesInImported, Quantity } from '../../figures/quantities';
import { breakdownsIn as breakdownsInImported } from '../../figures/breakdown';
import { paragraphSentences } from '../../figures/compare';
import { roundTo } from '../../figures/arith';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const quantitiesIn: typeof quantitiesInImported = quantitiesInImported;
const breakdownsIn: typeof breakdownsInImported = breakdownsInImported;

/**
 * Shares of one whole that add to more than 100%: the shares of the parts of one breakdown
 * (`其中A 54件、占45%，B 72件、占60%`), a `分别占` list (`A、B、C分别占45%、38%、25%`), and shares
 * of the same named whole in one sentence (`占受理总数的60%` … `占受理总数的50%`). Each share may be
 * rounded to its decimals; approximate shares count at their lowest.
 */
export default defineRule(
  {
    id: 'figures/share-total',
    severity: 'warning',
    description: '同一整体的各部分占比之和超过100%',
    descriptionEn: 'Shares of one whole add to more than 100%',
  },
  (ctx) => {
    const { doc } = ctx;
    for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      // every group below is made of percentages
      if (p.kind === 'table' || !figuresOf(p).hasPercent) continue;
      const groups: { shares: Quantity[]; whole?: string }[] = [];
      const bs = breakdownsIn(p);
      for (let k = 0; k < bs.length; k++) {
        const s = bs[k].shares.filter((x): x is Quantity => !!x);
        if (s.length >= 2) groups.push({ shares: s });
      }
      const respective = respectiveShares(p);
      for (let k = 0; k < respective.length; k++) groups.push(respective[k]);
      const named = namedWholes(p, paragraphSentences(doc, p));
      for (let k = 0; k < named.length; k++) groups.push(named[k]);
      if (!groups.length) continue;
      const seen = new Set<Quantity>();
      for (const g of groups) {
        if (g.shares.some((q) => seen.has(q))) continue;
        g.shares.forEach((q) => seen.add(q));
        const tol = g.shares.reduce((a, q) => a + (q.approx ? 0 : 0.5 * 10 ** -q.decimals), 0);
        const lows = g.shares.map(low);
        const sum = roundTo(lows.reduce((a, x) => a + x, 0), Math.max(...g.shares.map((q) => q.decimals)) + 1);
        const stated = roundTo(g.shares.reduce((a, q) => a + q.value, 0), Math.max(...g.shares.map((q) => q.decimals)));
        if (sum <= 100 + tol + 1e-9) continue;
        const first = g.shares[0];
        const last = g.shares[g.shares.length - 1];
        const arithmetic = `${g.shares.map((q) => (q.approx ? q.raw.trim() : `${q.value.toFixed(q.decimals)}%`)).join(' + ')} = ${stated}% > 100%`;
        ctx.report({
          start: first.start,
          end: last.end,
          message: `同一整体的各部分占比之和超过100%：${arithmetic}${g.whole ? `（均为占“${g.whole}”的比例）` : ''}。`,
          data: {
            arithmetic: [arithmetic],
            sum: stated,
            shares: g.shares.map((q) => ({ value: q.value, raw: q.raw, start: q.start, end: q.end })),
            ...(g.whole ? { whole: g.whole } : {}),
          },
        });
      }
    }
  },
);

const RE_ABOVE = /余|多|超|逾|以上|至少/;
const RE_WHOLE_PREFIX = /^(?:全部|整个)/;

function low(q: Quantity): number {
  if (!q.approx) return q.value;
  if (RE_ABOVE.test(q.approxMarks?.join('') ?? q.raw)) return q.value;
  return q.value - (q.decimals > 0 ? 10 ** -q.decimals : Math.max(1, q.value >= 10 ? 10 : 1));
}

const RE_RESPECTIVE = /(?:分别占(?:比|比例|比重)?|占(?:比|比例|比重)?分别|所占比(?:例|重)分别|占[^，。；;,、%0-9０-９]{1,12}?的?比(?:例|重)分别)(?:为|是|达到?|约)?[\s：:]*$/;
const RE_OWN_WHOLES = /同类|各自|本类|相应|本级|本地|本部门|本单位/;
const RE_LIST_GAP = /^\s*(?:[、，,]|和|及|与)\s*$/;
const RE_OWN_SHARE = /占(?:比|比例|比重)?(?:为|达到?|约)?\s*$/;
const RE_NEXT_OWN_SHARE = /^\s*、[^、，,。；;：:%0-9０-９占]{1,12}占(?:比|比例|比重)?(?:为|达到?|约)?\s*$/;

/** Is there a 占 in the `width` characters before `at`? (RE_RESPECTIVE and RE_OWN_SHARE need one) */
function zhanWithin(t: string, at: number, width: number): boolean {
  for (let k = Math.max(0, at - width); k < at; k++) if (t.charCodeAt(k) === 0x5360) return true;
  return false;
}

/** `A、B、C分别占45%、38%、25%`. */
function respectiveShares(p: Paragraph): { shares: Quantity[] }[] {
  const t = p.text;
  const qs = quantitiesIn(p);
  const out: { shares: Quantity[] }[] = [];
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    if (q.kind !== 'percent' || q.high !== undefined || !zhanWithin(t, q.from, 24)) continue;
    const lead = RE_RESPECTIVE.exec(t.slice(Math.max(0, q.from - 24), q.from));
    // `分别占同类案件的比例`: each share of its own whole
    if (!lead || RE_OWN_WHOLES.test(lead[0])) continue;
    const shares = [q];
    let j = k + 1;
    for (; j < qs.length; j++) {
      const n = qs[j];
      if (n.kind !== 'percent' || n.high !== undefined || !RE_LIST_GAP.test(t.slice(shares[shares.length - 1].to, n.from))) break;
      shares.push(n);
    }
    if (shares.length >= 2) out.push({ shares });
    k = j - 1;
  }
  // `刑事案件占45%、民事案件占38%、行政案件占25%`: each share with its own 占, joined by 、
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    if (q.kind !== 'percent' || q.high !== undefined || !zhanWithin(t, q.from, 6) || !RE_OWN_SHARE.test(t.slice(Math.max(0, q.from - 6), q.from))) continue;
    const shares = [q];
    let j = k + 1;
    for (; j < qs.length; j++) {
      const n = qs[j];
      if (n.kind !== 'percent' || n.high !== undefined || !RE_NEXT_OWN_SHARE.test(t.slice(shares[shares.length - 1].to, n.from))) break;
      shares.push(n);
    }
    if (shares.length >= 2) out.push({ shares });
    k = j - 1;
  }
  return out;
}

const RE_NAMED_SHARE = /占([^，。；;,、%0-9０-９占]{2,16}?)的?(?:比(?:例|重))?(?:为|达到?|约)?\s*$/;
/** A sentence that compares years or states a change is not a set of shares of one whole. */
const RE_CHANGE = /上年|去年|同比|较|由|从|提高|提升|下降|增长|降低|上升/;

/** Shares of the same named whole in one sentence: `占全市案件总数的60%` … `占全市案件总数的50%`. */
function namedWholes(p: Paragraph, sentences: { from: number; to: number; text: string }[]): { shares: Quantity[]; whole: string }[] {
  const t = p.text;
  const qs = quantitiesIn(p);
  const out: { shares: Quantity[]; whole: string }[] = [];
  for (const s of sentences) {
    // the first quantity at or after the sentence's start; quantities are in order and do not overlap
    let lo = 0;
    let hi = qs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (qs[mid].from < s.from) lo = mid + 1;
      else hi = mid;
    }
    // two shares at least, or nothing to group
    let shares = 0;
    for (let k = lo; k < qs.length && qs[k].from < s.to; k++) {
      const q = qs[k];
      if (q.to <= s.to && q.kind === 'percent' && q.high === undefined) shares++;
    }
    if (shares < 2) continue;
    if (RE_CHANGE.test(s.text)) continue;
    const by = new Map<string, Quantity[]>();
    let prev = s.from;
    for (let k = lo; k < qs.length && qs[k].from < s.to; k++) {
      const q = qs[k];
      if (q.from < s.from || q.to > s.to) continue;
      const lead = t.slice(Math.max(prev, q.from - 24), q.from);
      prev = q.to;
      if (q.kind !== 'percent' || q.high !== undefined) continue;
      const m = RE_NAMED_SHARE.exec(lead);
      if (!m) continue;
      const whole = m[1].replace(RE_WHOLE_PREFIX, '');
      if (whole.startsWith('比')) continue;
      let a = by.get(whole);
      if (!a) by.set(whole, (a = []));
      a.push(q);
    }
    for (const [whole, shares] of by) if (shares.length >= 2) out.push({ shares, whole });
  }
  return out;
}
