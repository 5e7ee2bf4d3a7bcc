import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'dates/title-year',
    severity: 'warning',
    description: '标题年份与正文所述年份不一致',
    descriptionEn: 'The title year does not match the years the parts speak of',
  },
  () => {},
);
