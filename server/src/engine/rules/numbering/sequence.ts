import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'numbering/sequence',
    severity: 'warning',
    description: '编号跳号、重号或起始错误',
    descriptionEn: 'A numbering gap, repeat or wrong restart',
  },
  () => {},
);
