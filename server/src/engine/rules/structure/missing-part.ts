import { defineRule } from '../define';
import { PART_NAMES, PartKind } from '../../classify';
import type { ReportDocument } from '../../document';

/** Where a finding about the whole report goes: the title, else the first line of the text. */
export function reportAnchor(doc: ReportDocument): { start: number; end: number } {
  if (doc.title) return { start: doc.title.start, end: doc.title.end };
  const p = doc.paragraphs[0];
  if (!p) return { start: 0, end: 0 };
  return { start: p.start, end: Math.min(p.end, doc.lines.lineEnd(p.firstLine)) };
}

export default defineRule(
  {
    id: 'structure/missing-part',
    severity: 'warning',
    description: '报告缺少规定的组成部分（主要举措和成效、存在的不足和原因、下一年度工作安排）',
    descriptionEn: 'A prescribed part of the report (measures, problems, plans) is missing',
  },
  (ctx) => {
    const { doc, profile } = ctx;
    const kinds = new Set<PartKind>(doc.parts.map((p) => p.kind ?? 'other'));
    const at = reportAnchor(doc);
    for (const kind of profile.requiredParts) {
      if (kinds.has(kind)) continue;
      ctx.report({
        ...at,
        message: `报告缺少“${PART_NAMES[kind]}”部分。`,
        data: { part: kind, found: doc.parts.map((p) => p.kind) },
      });
    }
    for (const kind of profile.optionalParts) {
      if (kinds.has(kind)) continue;
      if (kind === 'leadership') {
        // often folded into the measures part: look for the duty anywhere in the body
        const body = doc.paragraphs.slice(doc.bodyStart);
        if (body.some((p) => /第一责任人/.test(p.text))) continue;
      }
      ctx.report({
        ...at,
        severity: 'info',
        message: `报告未见“${PART_NAMES[kind]}”的内容（可单列一部分，或在主要举措中说明）。`,
        data: { part: kind, found: doc.parts.map((p) => p.kind) },
      });
    }
  },
);
