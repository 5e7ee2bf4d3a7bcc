import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/name-variants',
    severity: 'info',
    description: '同一名称在报告中有两种写法',
    descriptionEn: 'One name written two ways',
  },
  () => {},
);
