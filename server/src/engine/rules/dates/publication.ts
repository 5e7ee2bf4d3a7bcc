import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'dates/publication',
    severity: 'info',
    description: '报告落款日期晚于次年4月1日（应在4月1日前公开）',
    descriptionEn: 'Signature date on or after 1 April of the following year',
  },
  () => {},
);
