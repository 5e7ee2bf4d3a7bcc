import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'numbering/enumeration',
    severity: 'warning',
    description: '“一是……二是……”列举跳号或缺少序数',
    descriptionEn: 'An enumeration with a gap or a lost ordinal',
  },
  () => {},
);
