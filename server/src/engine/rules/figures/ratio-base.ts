import { defineRule } from '../define';
import { rateChecks, roundingOf } from '../../figures/ratios';

/**
 * A rate that matches only a farther base than the nearest total (72/416 rather than 72/356):
 * the author used another denominator, which the reader should be told.
 */
export default defineRule(
  {
    id: 'figures/ratio-base',
    severity: 'info',
    description: '比率按较远的基数计算，而非最近的总数',
    descriptionEn: 'The rate matches a farther base than the nearest total',
    defaultOptions: {},
  },
  (ctx) => {
    const policy = roundingOf(ctx.options);
    for (const c of rateChecks(ctx.doc, policy)) {
      if (c.status !== 'farther-base' || !c.numerator || !c.nearest || !c.matched) continue;
      const q = c.rate;
      const stated = `${q.numeral}%`;
      const name = c.name;
      const used = `“${c.matched.label}”${c.matched.q.value}`;
      const nearest = `“${c.nearest.label}”${c.nearest.q.value}`;
      const message = `${name}${stated}是按${used}计算的（${c.matched.arithmetic}），` +
        `而非最近的总数${nearest}（${c.nearest.arithmetic}）：请说明基数或改用一致的口径。`;
      ctx.report({
        start: q.start,
        end: q.end,
        message,
        data: {
          rate: name,
          stated: q.value,
          numerator: { value: c.numerator.value, label: c.numeratorLabel, start: c.numerator.start, end: c.numerator.end },
          usedBase: { value: c.matched.q.value, label: c.matched.label, start: c.matched.q.start, end: c.matched.q.end },
          nearestBase: { value: c.nearest.q.value, label: c.nearest.label, start: c.nearest.q.start, end: c.nearest.q.end },
          arithmetic: [c.matched.arithmetic, c.nearest.arithmetic],
          rounding: policy,
        },
      });
    }
  },
);
