import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/jiezhi',
    severity: 'warning',
    description: '“截止目前”应为“截至目前”；年度报告宜写“截至某年底”',
    descriptionEn: '截止 for 截至; “so far” in an annual report',
  },
  () => {},
);
