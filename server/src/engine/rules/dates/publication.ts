import { defineRule } from '../define';

/**
 * 《法治政府建设与责任落实督察工作规定》: the report on the previous year is made public before
 * 1 April. A signature dated on or after 1 April of the year after the reporting year is late.
 */
export default defineRule(
  {
    id: 'dates/publication',
    severity: 'info',
    description: '报告落款日期晚于次年4月1日（应在4月1日前公开）',
    descriptionEn: 'Signature date on or after 1 April of the following year',
  },
  (ctx) => {
    const year = ctx.doc.reportYear;
    const date = ctx.doc.signature?.date;
    if (year === undefined || !date) return;
    const deadline = { year: year + 1, month: 4, day: 1 };
    const late = date.year > deadline.year || (date.year === deadline.year && date.month >= deadline.month);
    if (!late) return;
    const written = `${date.year}年${date.month}月${date.day}日`;
    ctx.report({
      start: date.start,
      end: date.end,
      message: `落款日期为${written}，已到或晚于${deadline.year}年4月1日：${year}年度法治政府建设报告应在${deadline.year}年4月1日前向社会公开`,
      data: { date: { year: date.year, month: date.month, day: date.day }, reportYear: year, deadline: `${deadline.year}-04-01` },
    });
  },
);
