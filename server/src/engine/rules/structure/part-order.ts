import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'structure/part-order',
    severity: 'warning',
    description: '规定部分的顺序不对（应为：主要举措和成效、存在的不足和原因、下一年度工作安排）',
    descriptionEn: 'The prescribed parts are out of order',
  },
  () => {},
);
