import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'dates/plan-year',
    severity: 'warning',
    description: '工作计划标题中的年份不是报告年度的下一年',
    descriptionEn: 'A plan heading names a year other than the reporting year + 1',
  },
  () => {},
);
