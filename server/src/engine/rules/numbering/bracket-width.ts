import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'numbering/bracket-width',
    severity: 'warning',
    description: '同一文档中全角与半角括号编号混用',
    descriptionEn: 'Full- and half-width brackets mixed in numbering',
  },
  () => {},
);
