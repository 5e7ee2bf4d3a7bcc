import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'structure/plan-in-measures',
    severity: 'info',
    description: '“主要举措和成效”部分中出现下一步工作安排的内容',
    descriptionEn: 'Plan sentences inside the measures part',
  },
  () => {},
);
