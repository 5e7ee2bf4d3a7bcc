import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/comparison',
    severity: 'warning',
    description: '增减幅度与所述数值不符',
    descriptionEn: 'A comparison does not follow from the stated values',
  },
  () => {},
);
