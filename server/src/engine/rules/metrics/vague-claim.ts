import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'metrics/vague-claim',
    severity: 'info',
    description: '成效表述缺少数据支撑（如“大幅提升”）',
    descriptionEn: 'A claim of progress with no figure',
  },
  () => {},
);
