import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'numbering/level-style',
    severity: 'warning',
    description: '编号样式不符合 GB/T 9704（如“1、”应为“1.”，“（一）、”多余顿号）',
    descriptionEn: 'Numbering style not as GB/T 9704 prescribes',
  },
  () => {},
);
