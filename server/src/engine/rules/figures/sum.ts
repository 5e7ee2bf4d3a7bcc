import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/sum',
    severity: 'warning',
    description: '分项之和与总数不符',
    descriptionEn: 'Parts do not add up to the stated total',
  },
  () => {},
);
