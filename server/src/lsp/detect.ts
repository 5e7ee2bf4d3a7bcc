/**
 * Does a Markdown or plain-text document look like an annual report on law-based government?
 * (`fazhiReport.documents: "auto"`.) A title naming the work in the first lines, or at least two
 * level-1 headings that name prescribed parts. A README with `一、安装` `二、使用` is not a report.
 */
import type { ReportDocument } from '../engine/document';
import { classifyPartHeading } from '../engine/classify';

const TITLE_RE = /(?:法治政府建设|法治建设|依法行政|依法治[省市县区州旗]).{0,40}?(?:报告|情况|总结)/;
const TITLE_LINES = 6;

export function looksLikeReport(doc: ReportDocument): boolean {
  let seen = 0;
  for (const p of doc.paragraphs) {
    if (p.text.length <= 80 && TITLE_RE.test(p.text)) return true;
    if (++seen >= TITLE_LINES) break;
  }
  const kinds = new Set<string>();
  for (const h of doc.headings) {
    if (h.level !== 1) continue;
    const k = classifyPartHeading(h.title, doc.reportYear);
    if (k) kinds.add(k);
    if (kinds.size >= 2) return true;
  }
  return false;
}
