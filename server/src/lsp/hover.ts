/**
 * Hover: on a figure finding, the arithmetic behind it (`data.arithmetic: string[]`, each candidate
 * computation, e.g. `5553 ÷ 5559 = 99.89%`); on a part or item heading, what the part is taken to be
 * and what it contains.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import type { ReportDocument } from '../engine/document';
import { toRange } from './convert';
import { kindName, kindSourceText, sectionStats } from './sections';

function arithmeticOf(f: Finding): string[] {
  const a = f.data?.arithmetic;
  if (!Array.isArray(a)) return [];
  return a.filter((x): x is string => typeof x === 'string' && x.length > 0);
}

/** Hover at `offset`, or null. `findings` may be empty (outline-only documents). */
export function hoverAt(td: TextDocument, doc: ReportDocument, findings: readonly Finding[], offset: number): Hover | null {
  const blocks: string[] = [];
  let range: { start: number; end: number } | undefined;
  for (const f of findings) {
    const inside = f.start === f.end ? offset === f.start : f.start <= offset && offset < f.end;
    if (!inside) continue;
    const lines = arithmeticOf(f);
    if (!lines.length) continue;
    blocks.push(`**核算**（${f.ruleId}）\n\n` + lines.map((l) => `- \`${l.replace(/`/g, "'")}\``).join('\n'));
    range = range ? { start: Math.min(range.start, f.start), end: Math.max(range.end, f.end) } : { start: f.start, end: f.end };
  }
  const h = doc.headings.find((x) => x.markerStart <= offset && offset < Math.max(x.textEnd, x.markerEnd));
  if (h) {
    const sec = doc.sections.find((s) => s.heading === h);
    if (sec) {
      const st = sectionStats(doc, sec);
      if (sec.level === 1) {
        const n = doc.parts.indexOf(sec) + 1;
        const lines = [
          `**第${n > 0 ? n : '?'}部分：${kindName(sec.kind)}**（${kindSourceText(sec)}）`,
          '',
          `包含 ${st.items} 个条目、${st.enumerations} 处“一是……”列举、${st.figures} 个数据。`,
        ];
        if (sec.children.length) {
          lines.push('', ...sec.children.map((c) => `- ${c.heading ? `${c.heading.marker}${c.heading.title}` : ''}（${sectionStats(doc, c).figures} 个数据）`));
        }
        blocks.push(lines.join('\n'));
      } else {
        const part = doc.parts.find((p) => p.start <= sec.start && sec.end <= p.end);
        const where = part ? `属于“${kindName(part.kind)}”部分；` : '';
        blocks.push(`**${h.marker}${h.title}**\n\n${where}包含 ${st.items} 个子条目、${st.enumerations} 处“一是……”列举、${st.figures} 个数据。`);
      }
      if (!range) range = { start: h.markerStart, end: Math.max(h.textEnd, h.markerEnd) };
    }
  }
  if (!blocks.length) return null;
  const contents: MarkupContent = { kind: 'markdown', value: blocks.join('\n\n---\n\n') };
  return { contents, range: range ? toRange(td, range.start, range.end) : undefined };
}
