import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/percent-vs-points',
    severity: 'warning',
    description: '百分比之差应写作“个百分点”',
    descriptionEn: 'A difference of percentages written as %',
  },
  () => {},
);
