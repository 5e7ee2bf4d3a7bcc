import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'metrics/missing-indicator',
    severity: 'warning',
    description: '报告未给出配置要求的核心指标',
    descriptionEn: 'A core indicator the profile expects is missing',
  },
  () => {},
);
