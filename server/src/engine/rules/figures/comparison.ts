import { defineRule } from '../define';
import type { Quantity } from '../../figures/quantities';
import { consistent as consistentImported, fmt, Rounding, roundTo, truncTo } from '../../figures/arith';
import { Comparison, comparisonsIn as comparisonsInImported } from '../../figures/compare';
import { interval as intervalImported, isExact, likeWritten, show } from '../../figures/breakdown';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const comparisonsIn: typeof comparisonsInImported = comparisonsInImported;
const interval: typeof intervalImported = intervalImported;
const consistent: typeof consistentImported = consistentImported;

/**
 * A change or a comparison between two stated values whose stated size does not follow from
 * them: (A − B) ÷ B for a percentage, A − B for percentage points or a count, with the shared
 * rounding policy (`rounding`: `round-or-truncate` by default, or `round`).
 */
export default defineRule(
  {
    id: 'figures/comparison',
    severity: 'warning',
    description: '增减幅度与所述数值不符',
    descriptionEn: 'A comparison does not follow from the stated values',
    fixable: true,
    defaultOptions: { rounding: 'round-or-truncate' },
  },
  (ctx) => {
    const policy: Rounding = ctx.options.rounding === 'round' ? 'round' : 'round-or-truncate';
    for (let i = ctx.doc.bodyStart; i < ctx.doc.paragraphs.length; i++) {
      const p = ctx.doc.paragraphs[i];
      if (p.kind === 'table') continue;
      const list = comparisonsIn(p, ctx.doc);
      for (let ci = 0; ci < list.length; ci++) {
        const c = list[ci];
        const r = evaluate(c, policy);
        if (!r) continue;
        ctx.report({
          start: c.stated.start,
          end: c.stated.end,
          message: r.message,
          data: {
            form: c.form,
            value: c.value.value,
            base: c.base.value,
            stated: c.stated.value,
            computed: r.computed,
            arithmetic: r.arithmetic,
            valueStart: c.value.start,
            valueEnd: c.value.end,
            baseStart: c.base.start,
            baseEnd: c.base.end,
            ...(r.corrected ? { corrected: r.corrected } : {}),
          },
          ...(r.corrected
            ? { fix: { title: `改为${r.corrected}`, edits: [{ start: c.stated.numStart, end: c.stated.numEnd, text: r.correctedNumeral! }] } }
            : {}),
        });
      }
    }
  },
);

function what(c: Comparison): string {
  const up = c.direction === 'up';
  if (c.direction === 'speed') return '提速幅度';
  if (c.direction === 'times') return '倍数';
  if (c.form === 'named') return c.stated.kind === 'number' ? (up ? '多出数量' : '相差数量') : c.stated.kind === 'points' ? (up ? '高出幅度' : '相差幅度') : up ? '高出比例' : '相差比例';
  if (c.stated.kind === 'number') return up ? '增加数' : '减少数';
  if (c.stated.kind === 'points') return up ? '提高幅度' : '下降幅度';
  return up ? '增幅' : '降幅';
}

interface Verdict {
  message: string;
  arithmetic: string[];
  computed: number[];
  corrected?: string;
  correctedNumeral?: string;
}

function unitOf(q: Quantity): string {
  return q.kind === 'percent' ? '%' : q.kind === 'points' ? '个百分点' : (q.scale === 1e4 ? '万' : q.scale === 1e8 ? '亿' : '') + q.unit;
}

/** The value as written, without approximation marks: `416件`, `81.2万条`, `61.74%`. */
function written(q: Quantity): string {
  return show(q.value, q.scale, q.decimals) + (q.kind === 'percent' ? '%' : q.unit);
}

/** Is `stated` consistent with an exact value that lies somewhere in [lo, hi]? */
function consistentIn(stated: number, lo: number, hi: number, decimals: number, policy: Rounding): boolean {
  if (consistent(stated, lo, decimals, policy) || consistent(stated, hi, decimals, policy)) return true;
  const tol = 10 ** -(decimals + 6);
  const low = Math.min(roundTo(lo, decimals), policy === 'round' ? Infinity : truncTo(lo, decimals));
  return stated >= low - tol && stated <= roundTo(hi, decimals) + tol;
}

function evaluate(c: Comparison, policy: Rounding): Verdict | undefined {
  const x = c.stated;
  // (indexes rather than `[lo, hi] =`: destructuring runs the iterator protocol)
  const vi = interval(c.value);
  const bi = interval(c.base);
  const vLo = vi[0];
  const vHi = vi[1];
  const bLo = bi[0];
  const bHi = bi[1];
  const v = c.value.value;
  const b = c.base.value;
  const dec = x.decimals;
  const sign = c.direction === 'down' ? -1 : 1;
  const shownDec = Math.max(dec, 2);
  const vs = show(v, c.value.scale, c.value.decimals);
  const bs = show(b, c.base.scale, c.base.decimals);
  const unit = unitOf(x);
  const formulas: { exact: number; lo: number; hi: number; text: string }[] = [];
  if (c.direction === 'times') {
    if (b === 0 || bLo <= 0 || vLo <= 0) return undefined;
    formulas.push({ exact: v / b, lo: vLo / bHi, hi: vHi / bLo, text: `${vs} ÷ ${bs}` });
  } else if (c.form === 'diff') {
    // the earlier value is not written: new − difference (or new + difference for a fall)
    const old = v - sign * b;
    const oldLo = vLo - sign * (sign > 0 ? bHi : bLo);
    const oldHi = vHi - sign * (sign > 0 ? bLo : bHi);
    if (old <= 0 || oldLo <= 0) return undefined;
    const os = show(old, c.value.scale, c.value.decimals);
    const ends = [bLo / oldLo, bLo / oldHi, bHi / oldLo, bHi / oldHi].map((z) => z * 100);
    formulas.push({ exact: (b / old) * 100, lo: Math.min(...ends), hi: Math.max(...ends), text: `${bs} ÷ (${vs} ${sign > 0 ? '−' : '+'} ${bs}) = ${bs} ÷ ${os}` });
  } else if (x.kind === 'percent') {
    if (b === 0 || bLo <= 0) return undefined;
    if (c.direction === 'speed') {
      // time cut from b to v: (b − v) ÷ b, or b ÷ v − 1
      formulas.push({ exact: ((b - v) / b) * 100, lo: ((bLo - vHi) / bLo) * 100, hi: ((bHi - vLo) / bHi) * 100, text: `(${bs} − ${vs}) ÷ ${bs}` });
      if (v > 0 && vLo > 0) formulas.push({ exact: (b / v - 1) * 100, lo: (bLo / vHi - 1) * 100, hi: (bHi / vLo - 1) * 100, text: `${bs} ÷ ${vs} − 1` });
    } else {
      const e = (sign * (v - b) / b) * 100;
      const ends = [(sign * (vLo - bLo)) / bLo, (sign * (vLo - bHi)) / bHi, (sign * (vHi - bLo)) / bLo, (sign * (vHi - bHi)) / bHi].map((z) => z * 100);
      formulas.push({ exact: e, lo: Math.min(...ends), hi: Math.max(...ends), text: sign > 0 ? `(${vs} − ${bs}) ÷ ${bs}` : `(${bs} − ${vs}) ÷ ${bs}` });
    }
  } else {
    // percentage points, or a count of the values' unit
    const e = sign * (v - b);
    const ends = [sign * (vLo - bHi), sign * (vHi - bLo)];
    formulas.push({ exact: e, lo: Math.min(...ends), hi: Math.max(...ends), text: sign > 0 ? `${vs} − ${bs}` : `${bs} − ${vs}` });
  }
  for (const f of formulas) if (consistentIn(x.value, f.lo, f.hi, dec, policy)) return undefined;
  const main = formulas[0];
  const showDec = x.kind === 'number' || x.kind === 'points' ? Math.max(dec, c.value.decimals, c.base.decimals) : shownDec;
  const arithmetic = formulas.map((f) => `${f.text} = ${fmt(f.exact, showDec)}${x.kind === 'percent' ? '%' : ''}`);
  const exactValues = x.kind === 'points' ? !c.value.approx && !c.base.approx : isExact(c.value) && isExact(c.base);
  const exact = exactValues && formulas.length === 1 && main.exact >= 0;
  const fixDec = c.direction === 'times' ? Math.max(dec, 1) : dec;
  const correctedNumeral = exact && !x.chinese ? likeWritten(x, fmt(main.exact, fixDec)) : undefined;
  const corrected = correctedNumeral ? fmt(main.exact, fixDec) + unit : undefined;
  const verb = c.direction === 'speed' ? '提速' : c.direction === 'times' ? '' : c.direction === 'up' ? '增长' : '减少';
  let subject: string;
  if (c.form === 'named') subject = `“${c.valueName}”（${written(c.value)}）与“${c.baseName}”（${written(c.base)}）相比`;
  else if (c.form === 'diff') subject = `${written(c.value)}比上年${c.direction === 'up' ? '增加' : '减少'}${written(c.base)}（即上年为${show(c.value.value - sign * c.base.value, c.value.scale, c.value.decimals)}${c.value.unit}）`;
  else subject = `由${written(c.base)}到${written(c.value)}`;
  const wrongWay = main.exact < 0 && c.direction !== 'speed' && c.direction !== 'times';
  const message = wrongWay
    ? `${subject}实为${c.direction === 'up' ? '减少' : '增加'}，与所述“${verb}${x.raw.trim()}”不符（${arithmetic[0]}）。`
    : `${subject}，${what(c)}应为${formulas.map((f) => fmt(f.exact, showDec) + (x.kind === 'percent' ? '%' : '')).join('或')}${x.kind === 'percent' ? '' : x.kind === 'points' ? '个百分点' : unit}（${arithmetic.join('；')}），与所述${x.raw.trim()}不符。`;
  return { message, arithmetic, computed: formulas.map((f) => f.exact), corrected: wrongWay ? undefined : corrected, correctedNumeral: wrongWay ? undefined : correctedNumeral };
}
