import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/superseded',
    severity: 'warning',
    description: '引用已被取代的提法或文件',
    descriptionEn: 'A superseded programme, document or wording',
  },
  () => {},
);
