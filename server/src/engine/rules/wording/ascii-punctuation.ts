import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/ascii-punctuation',
    severity: 'warning',
    description: '中文之间使用了半角标点',
    descriptionEn: 'ASCII punctuation between Chinese characters',
  },
  () => {},
);
