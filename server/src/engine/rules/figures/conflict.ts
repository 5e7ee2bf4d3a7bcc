import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/conflict',
    severity: 'warning',
    description: '同一指标在报告中前后数值不一致',
    descriptionEn: 'One indicator given two different values',
  },
  () => {},
);
