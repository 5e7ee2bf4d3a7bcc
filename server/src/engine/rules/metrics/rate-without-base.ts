import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'metrics/rate-without-base',
    severity: 'info',
    description: '比率没有相应的基数',
    descriptionEn: 'A rate with no count behind it',
  },
  () => {},
);
