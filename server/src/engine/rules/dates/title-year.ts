import { defineRule } from '../define';
import type { ReportDocument } from '../../document';

/** `2024年，` / `2024 年度，` opening a paragraph: the year the paragraph reports on (not `2023年以来`). */
const RE_LEAD_YEAR = /^((?:19|20)\d{2})\s*年度?[，,]/;
const RE_HEADING_YEAR = /((?:19|20)\d{2})\s*年(?!以来|来|至|[—－-])/;
/** A year followed closely by a plan word (see dates/plan-year). */
export const RE_PLAN_YEAR = /(?<![\d—\-－–~～至到])((?:19|20)\d{2})\s*年度?(?:的)?[^\d年。，,；;]{0,8}?(?:计划|安排|打算|思路|要点|目标任务|重点任务|工作重点|展望)/;

export interface YearEvidence {
  /** Years the body reports on (opening paragraph, measures/problems headings and openings). */
  body: { year: number; where: string }[];
  /** The year the plan heading names, minus one. */
  plan?: number;
}

/** What the parts say the reporting year is. */
export function yearEvidence(doc: ReportDocument): YearEvidence {
  const body: YearEvidence['body'] = [];
  const first = doc.paragraphs[doc.bodyStart];
  if (first && !first.heading) {
    const m = RE_LEAD_YEAR.exec(first.text);
    if (m) body.push({ year: Number(m[1]), where: `开篇“${first.text.slice(0, m[0].length).replace(/[，,]$/, '')}”` });
  }
  let plan: number | undefined;
  for (const part of doc.parts) {
    const h = part.heading;
    if (part.kind === 'plans') {
      const m = h && RE_PLAN_YEAR.exec(h.title);
      if (m && plan === undefined) plan = Number(m[1]) - 1;
      continue;
    }
    if (part.kind !== 'measures' && part.kind !== 'problems') continue;
    if (h && part.kindSource === 'heading') {
      const m = RE_HEADING_YEAR.exec(h.title);
      if (m) body.push({ year: Number(m[1]), where: `“${h.marker}${h.title}”` });
    }
    const p = part.paragraphs.find((x) => !x.heading);
    if (part.kind === 'problems' && p) {
      const m = RE_LEAD_YEAR.exec(p.text);
      if (m) body.push({ year: Number(m[1]), where: `“${p.text.slice(0, m[0].length).replace(/[，,]$/, '')}”` });
    }
  }
  return { body, plan };
}

/** The reporting year the body agrees on when it contradicts the title; undefined otherwise. */
export function contradictedTitleYear(doc: ReportDocument, ev = yearEvidence(doc)): number | undefined {
  const t = doc.title?.year;
  if (t === undefined || !ev.body.length) return undefined;
  const years = new Set(ev.body.map((e) => e.year));
  if (years.has(t) || years.size !== 1) return undefined;
  const y = ev.body[0].year;
  if (ev.plan !== undefined && ev.plan !== y) return undefined;
  // one mention alone is not enough: a second one, or the plan year, must agree
  if (ev.body.length < 2 && ev.plan === undefined) return undefined;
  return y;
}

export default defineRule(
  {
    id: 'dates/title-year',
    severity: 'warning',
    description: '标题年份与正文所述年份不一致',
    descriptionEn: 'The title year does not match the years the parts speak of',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    const title = doc.title;
    if (!title || title.year === undefined || title.yearStart === undefined || title.yearEnd === undefined) return;
    const ev = yearEvidence(doc);
    const y = contradictedTitleYear(doc, ev);
    if (y === undefined) return;
    const where = ev.body.map((e) => e.where);
    if (ev.plan !== undefined) where.push(`工作计划写的是${ev.plan + 1}年`);
    const r = { start: title.yearStart, end: title.yearEnd };
    ctx.report({
      ...r,
      message: `标题写的是${title.year}年，正文所述却是${y}年（${where.join('；')}）。`,
      data: { titleYear: title.year, bodyYear: y, evidence: where },
      fix: { title: `改为“${y}”`, edits: [{ ...r, text: String(y) }] },
    });
  },
);
