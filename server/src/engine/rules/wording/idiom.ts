import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/idiom',
    severity: 'warning',
    description: '常见成语、词语书写错误',
    descriptionEn: 'A commonly miswritten idiom or term',
  },
  () => {},
);
