import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/rate-over-100',
    severity: 'error',
    description: '有上限的比率超过100%',
    descriptionEn: 'A bounded rate over 100%',
  },
  () => {},
);
