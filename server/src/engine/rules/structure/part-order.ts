import { defineRule } from '../define';
import { PART_NAMES, PartKind } from '../../classify';
import type { Section } from '../../document';
import { partAnchor, partLabel } from './util';

/**
 * The prescribed order. The leaders' first-responsibility part is placed anywhere in practice
 * (often first, or folded into the measures) and "other" has no place: neither is checked.
 */
const RANK: Partial<Record<PartKind, number>> = { measures: 1, problems: 2, plans: 4 };

export default defineRule(
  {
    id: 'structure/part-order',
    severity: 'warning',
    description: '规定部分的顺序不对（应为：主要举措和成效、存在的不足和原因、下一年度工作安排）',
    descriptionEn: 'The prescribed parts are out of order',
  },
  (ctx) => {
    const { doc } = ctx;
    let latest: Section | undefined;
    let order: (PartKind | undefined)[] | undefined;
    for (const part of doc.parts) {
      // a thematic part whose kind was guessed from its content says too little about order
      if (part.kindSource !== 'heading' && !part.inferred) continue;
      const rank = RANK[part.kind ?? 'other'];
      if (rank === undefined) continue;
      const latestRank = latest ? RANK[latest.kind!]! : 0;
      if (latest && rank < latestRank) {
        const name = PART_NAMES[part.kind!];
        ctx.report({
          ...partAnchor(doc, part),
          message: `“${partLabel(doc, part, name)}”（${name}）应放在“${partLabel(doc, latest, PART_NAMES[latest.kind!])}”（${PART_NAMES[latest.kind!]}）之前。规定顺序为：主要举措和成效、存在的不足和原因、下一年度工作安排。`,
          // one list of the parts' kinds, shared by the findings (each one used to get a copy)
          data: { part: part.kind, after: latest.kind, order: (order ??= doc.parts.map((p) => p.kind)) },
        });
        continue;
      }
      if (!latest || rank > latestRank) latest = part;
    }
  },
);
