import { defineRule } from '../define';
import { rateChecks, roundingOf } from '../../figures/ratios';
import { consistent, fmt } from '../../figures/arith';

/**
 * A rate (`X率`, `X比例`, `占……%`) whose value follows from none of the counts it is about: the
 * numerator is the count named like the rate (化解 ↔ 化解率, 出庭 ↔ 出庭应诉率 …), the bases the
 * totals before it (受理, 审结, 排查 …) in the same sentence and the two before. Silent when the
 * numerator or a base is not clearly identified.
 */
export default defineRule(
  {
    id: 'figures/ratio',
    severity: 'warning',
    description: '比率与所述数量不符',
    descriptionEn: 'A rate does not follow from the counts it is about',
    fixable: true,
    defaultOptions: {},
  },
  (ctx) => {
    const policy = roundingOf(ctx.options);
    for (const c of rateChecks(ctx.doc, policy)) {
      if (c.status !== 'mismatch' || !c.numerator || !c.nearest) continue;
      const q = c.rate;
      const shown = c.candidates.filter((x) => x.baseLike && x.near).slice(0, 3);
      const truncates = policy === 'round' && consistent(q.value, c.nearest.exact, q.decimals, 'round-or-truncate');
      const arithmetic = shown.map((x) => x.arithmetic);
      const implied = Math.round(c.impliedBase! * 10) / 10;
      const stated = `${q.numeral}%`;
      const name = c.name;
      const message = `${name}${stated}与所述数量不符：${arithmetic.join('；')}。` +
        `按${stated}推算，基数应为 ${c.numerator.value} ÷ ${stated} ≈ ${implied}` +
        (c.corrected ? `；按${c.nearest.label ? `“${c.nearest.label}”` : '所述总数'}计算应为${c.corrected}%。` : '。') +
        (truncates ? `（${stated}是截尾所得，按四舍五入应为${fmt(c.nearest.exact, q.decimals)}%。）` : '');
      ctx.report({
        start: q.start,
        end: q.end,
        message,
        data: {
          rate: name,
          stated: q.value,
          numerator: { value: c.numerator.value, label: c.numeratorLabel, start: c.numerator.start, end: c.numerator.end },
          bases: shown.map((x) => ({ value: x.q.value, label: x.label, start: x.q.start, end: x.q.end, exact: x.exact })),
          arithmetic,
          impliedBase: implied,
          rounding: policy,
          ...(c.corrected ? { corrected: `${c.corrected}%` } : {}),
        },
        ...(c.corrected
          ? { fix: { title: `改为${c.corrected}%`, edits: [{ start: q.numStart, end: q.numEnd, text: c.corrected }] } }
          : {}),
      });
    }
  },
);
