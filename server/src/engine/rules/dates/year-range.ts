import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'dates/year-range',
    severity: 'warning',
    description: '年份区间书写错误（如“20212025年”“2023-2023”、倒置）',
    descriptionEn: 'Malformed year ranges',
  },
  () => {},
);
