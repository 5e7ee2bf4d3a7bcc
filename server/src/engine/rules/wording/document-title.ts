import { defineRule } from '../define';

// TODO: not implemented yet.
export default defineRule(
  {
    id: 'wording/document-title',
    severity: 'warning',
    description: '引用的文件标题与中央文件标题不一致',
    descriptionEn: 'A cited document title close to but not equal to a known one',
  },
  () => {},
);
