import { defineRule } from '../define';
import type { Heading } from '../../document';
import { trimEndChars } from '../../text';
import { contradictedTitleYear, RE_PLAN_YEAR } from './title-year';

/** A whole heading that is a plan: `2025年工作打算`, `2025年度重点工作安排`. */
const RE_PLAN_TITLE = /^(?:(?:19|20)\d{2})\s*年度?(?:的)?(?:主要|重点)?(?:工作)?(?:计划|安排|打算|思路)$/;

export default defineRule(
  {
    id: 'dates/plan-year',
    severity: 'warning',
    description: '工作计划标题中的年份不是报告年度的下一年',
    descriptionEn: 'A plan heading names a year other than the reporting year + 1',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    // when the body contradicts the title's year, the title is what is wrong (dates/title-year)
    const year = contradictedTitleYear(doc) ?? doc.reportYear;
    if (year === undefined) return;
    const planHeadings = new Set<Heading>();
    for (const part of doc.parts) if (part.kind === 'plans' && part.heading) planHeadings.add(part.heading);
    // a lower-level heading that is itself a plan (`（五）2025年工作打算` in a thematic report)
    for (const h of doc.headings) {
      // the title opens on the year (19xx, 20xx)
      const c = h.title.charCodeAt(0);
      if ((c === 0x31 || c === 0x32) && RE_PLAN_TITLE.test(trimEndChars(h.title, ' \t\u3000。：:'))) planHeadings.add(h);
    }
    for (const h of planHeadings) {
      const m = RE_PLAN_YEAR.exec(h.title);
      if (!m) continue;
      const named = Number(m[1]);
      if (named === year + 1) continue;
      const p = h.paragraph;
      const base = p.map.indexOf(h.textStart);
      if (base < 0) continue;
      const from = base + m.index;
      const r = { start: p.map[from], end: p.map[from + m[1].length - 1] + 1 };
      const want = String(year + 1);
      ctx.report({
        ...r,
        message: `这是${year}年度的报告，工作计划应写${want}年，标题“${h.title}”却写的是${named}年。`,
        data: { reportYear: year, named, expected: year + 1 },
        fix: { title: `改为“${want}”`, edits: [{ ...r, text: want }] },
      });
    }
  },
);
