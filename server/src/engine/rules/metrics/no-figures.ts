import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'metrics/no-figures',
    severity: 'warning',
    description: '主要举措中的条目没有任何量化数据',
    descriptionEn: 'A measures item with no quantitative figure',
  },
  () => {},
);
