import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'structure/problems-without-causes',
    severity: 'warning',
    description: '“存在的问题”部分没有分析原因',
    descriptionEn: 'The problems part names no cause',
  },
  () => {},
);
