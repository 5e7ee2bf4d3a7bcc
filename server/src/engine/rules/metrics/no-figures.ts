import { defineRule } from '../define';
import type { Section } from '../../document';
import { quantitiesIn } from '../../figures/quantities';
import { isFigure, headingSpan, clip } from './util';

function hasFigure(sec: Section): boolean {
  for (const p of sec.paragraphs) for (const q of quantitiesIn(p)) if (isFigure(q)) return true;
  return false;
}

/**
 * metrics/no-figures: an item of the measures part (the `（一）` level: the part's direct
 * sub-sections) with no quantitative figure at all — no count, amount or rate. Years, ordinals and
 * names such as `“八五”普法` are not figures.
 */
export default defineRule(
  {
    id: 'metrics/no-figures',
    severity: 'warning',
    description: '主要举措中的条目没有任何量化数据',
    descriptionEn: 'A measures item with no quantitative figure',
  },
  (ctx) => {
    for (const part of ctx.doc.parts) {
      if (part.kind !== 'measures') continue;
      for (const item of part.children) {
        const h = item.heading;
        // an item without a heading has nowhere to be reported
        if (!h || hasFigure(item)) continue;
        const at = headingSpan(item)!;
        ctx.report({
          ...at,
          message: `“${h.marker}${clip(h.title, 30)}”这一条目没有任何量化数据（件数、人次、金额、比率等），成效难以衡量。建议补充本年度的具体数字。`,
          data: { item: h.title, marker: h.marker, paragraphs: item.paragraphs.length },
        });
      }
    }
  },
);
