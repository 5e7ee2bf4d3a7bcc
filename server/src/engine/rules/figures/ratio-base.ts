import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/ratio-base',
    severity: 'info',
    description: '比率按较远的基数计算，而非最近的总数',
    descriptionEn: 'The rate matches a farther base than the nearest total',
  },
  () => {},
);
