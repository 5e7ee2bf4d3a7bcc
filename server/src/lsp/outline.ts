/**
 * The report's outline as document symbols (title; parts with their kind; items of every level;
 * `一是……` enumerations) and folding ranges per part and item.
 */
import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportDocument, Section } from '../engine/document';
import { toRange } from './convert';
import { kindName, sectionLabel, sectionStats } from './sections';

const LEVEL_KIND: Record<number, SymbolKind> = {
  1: SymbolKind.Module,
  2: SymbolKind.Class,
  3: SymbolKind.Method,
  4: SymbolKind.Field,
};

function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

function sectionSymbol(td: TextDocument, doc: ReportDocument, s: Section): DocumentSymbol {
  const range = toRange(td, s.start, s.end);
  const sel = s.heading ? toRange(td, s.heading.markerStart, Math.max(s.heading.textEnd, s.heading.markerEnd)) : toRange(td, s.start, s.start);
  const st = sectionStats(doc, s);
  const detail = s.level === 1 ? `${kindName(s.kind)} · ${st.figures} 个数据` : `${st.figures} 个数据`;
  const children: DocumentSymbol[] = s.children.map((c) => sectionSymbol(td, doc, c));
  // enumerations directly in this section (not in a child)
  for (const e of doc.enumerations) {
    if (e.section !== s) continue;
    const end = enumerationEnd(doc, e.paragraph.index, e.start, s);
    const sentence = doc.sentences.find((x) => x.start <= e.start && e.start < x.end);
    children.push({
      name: clip(sentence ? td.getText().slice(e.start, sentence.end) : e.marker),
      kind: SymbolKind.EnumMember,
      range: toRange(td, e.start, end),
      selectionRange: toRange(td, e.start, e.end),
    });
  }
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { name: clip(sectionLabel(s), 60) || '（无标题）', detail, kind: LEVEL_KIND[s.level] ?? SymbolKind.Field, range, selectionRange: sel, children };
}

/** An enumeration runs to the next one in the same paragraph, else to the end of its paragraph. */
function enumerationEnd(doc: ReportDocument, paragraphIndex: number, start: number, s: Section): number {
  const next = doc.enumerations.find((x) => x.paragraph.index === paragraphIndex && x.start > start);
  if (next) {
    // end just before the next marker, without trailing spaces
    const text = doc.text;
    let e = next.start;
    while (e > start && /\s/.test(text[e - 1])) e--;
    return e;
  }
  const p = doc.paragraphs[paragraphIndex];
  return Math.min(p.end, s.end);
}

export function documentSymbols(td: TextDocument, doc: ReportDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (doc.title) {
    out.push({
      name: clip(doc.title.text.replace(/\s+/g, ''), 60) || '标题',
      detail: doc.reportYear ? `${doc.reportYear} 年度` : '标题',
      kind: SymbolKind.File,
      range: toRange(td, doc.title.start, doc.title.end),
      selectionRange: toRange(td, doc.title.start, doc.title.end),
    });
  }
  const roots = doc.sections.filter((s) => !s.parent);
  const inferred = doc.parts.filter((p) => p.inferred);
  if (inferred.length) {
    // parts without headings: the inferred parts, with any heading sections they contain
    for (const p of inferred) {
      const st = sectionStats(doc, p);
      const children = roots.filter((r) => r.start >= p.start && r.start < p.end).map((r) => sectionSymbol(td, doc, r));
      out.push({
        name: `${kindName(p.kind)}（据内容推断）`,
        detail: `${st.figures} 个数据`,
        kind: SymbolKind.Module,
        range: toRange(td, p.start, Math.max(p.end, ...roots.filter((r) => r.start >= p.start && r.start < p.end).map((r) => r.end))),
        selectionRange: toRange(td, p.start, p.start),
        children,
      });
    }
    for (const r of roots) if (!inferred.some((p) => r.start >= p.start && r.start < p.end)) out.push(sectionSymbol(td, doc, r));
  } else {
    for (const r of roots) out.push(sectionSymbol(td, doc, r));
  }
  if (doc.signature) {
    out.push({
      name: clip(doc.signature.text.replace(/\s+/g, ' '), 40),
      detail: '落款',
      kind: SymbolKind.Event,
      range: toRange(td, doc.signature.start, doc.signature.end),
      selectionRange: toRange(td, doc.signature.start, doc.signature.end),
    });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

/** Folding ranges per part and item (every heading section spanning more than one line). */
export function foldingRanges(td: TextDocument, doc: ReportDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number): void => {
    const a = td.positionAt(start).line;
    const b = td.positionAt(end).line;
    if (b <= a) return;
    const key = `${a}:${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ startLine: a, endLine: b });
  };
  for (const p of doc.parts) if (p.inferred) add(p.start, p.end);
  for (const s of doc.sections) add(s.start, s.end);
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out;
}
