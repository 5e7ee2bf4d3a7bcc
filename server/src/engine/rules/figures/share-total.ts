import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'figures/share-total',
    severity: 'warning',
    description: '同一整体的各部分占比之和超过100%',
    descriptionEn: 'Shares of one whole add to more than 100%',
  },
  () => {},
);
