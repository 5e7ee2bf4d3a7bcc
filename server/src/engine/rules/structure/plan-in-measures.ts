import { defineRule } from '../define';
import { firstSentenceAt, partLabel } from './util';
import { trimEndChars } from '../../text';
import { isPlanSentence } from '../../classify';

export default defineRule(
  {
    id: 'structure/plan-in-measures',
    severity: 'info',
    description: '“主要举措和成效”部分中出现下一步工作安排的内容',
    descriptionEn: 'Plan sentences inside the measures part',
  },
  (ctx) => {
    const { doc } = ctx;
    const plans = doc.parts.find((p) => p.kind === 'plans');
    // without a plans part, such a sentence may be the only plan the report has
    if (!plans) return;
    const planName = partLabel(doc, plans, '下一年度工作安排');
    for (const part of doc.parts) {
      if (part.kind !== 'measures') continue;
      const list = doc.sentences;
      for (let i = firstSentenceAt(doc, part.start); i < list.length && list[i].start < part.end; i++) {
        const s = list[i];
        if (s.end > part.end) continue;
        const h = s.paragraph.heading;
        if (h && s.from < h.logicalEnd) continue;
        if (!isPlanSentence(s.text, doc.reportYear)) continue;
        const bare = trimEndChars(s.text, '。；;！!？?');
        const short = bare.length > 30 ? bare.slice(0, 30) + '……' : bare;
        ctx.report({
          start: s.start,
          end: s.end,
          message: `“${partLabel(doc, part, '主要举措和成效')}”部分写了下一步的打算：“${short}”。工作安排宜集中写在“${planName}”部分。`,
          data: { part: 'measures', planPart: plans.heading?.title },
        });
      }
    }
  },
);
