import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'metrics/problem-not-planned',
    severity: 'info',
    description: '存在的问题在工作计划中没有回应',
    descriptionEn: 'A problem no plan item answers',
  },
  () => {},
);
