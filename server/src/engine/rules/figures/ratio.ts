import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/ratio',
    severity: 'warning',
    description: '比率与所述数量不符',
    descriptionEn: 'A rate does not follow from the counts it is about',
  },
  () => {},
);
