import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/quote-pairs',
    severity: 'warning',
    description: '引号或括号颠倒、不成对',
    descriptionEn: 'Reversed or unpaired quotes and brackets',
  },
  () => {},
);
