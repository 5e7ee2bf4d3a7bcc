/**
 * The `fazhiReport/structure` request: a JSON summary of one document for the client's
 * "检查报告结构" command.
 *
 * Request params: `{ uri: string }` or `{ textDocument: { uri: string } }` (an open document).
 * Errors: `InvalidParams` (-32602) when no uri is given or the document is not open.
 * Result (`StructureResult`; ranges are LSP ranges, lines 0-based):
 * ```
 * {
 *   uri, version,                       // the document version summarised
 *   title?: { text, year?, range },     // the report's title, if found
 *   reportYear?: number,
 *   profile: string,                    // profile name used
 *   parts: [{                           // level-1 parts in document order
 *     kind: 'measures'|'problems'|'leadership'|'plans'|'other',
 *     name,                             // Chinese name of the kind
 *     marker?, title?,                  // heading as written (`一、` + title); absent when inferred
 *     source: 'heading'|'content',      // kind read from the heading, or inferred from the text
 *     inferred: boolean,                // part found without a heading at all
 *     line, range, headingRange?,
 *     items, enumerations, figures      // sub-items, `一是……` markers, figures inside
 *   }],
 *   expected: [{ kind, name, required, found, present, line?, folded? }],  // prescribed parts in the
 *                                       // prescribed order; `folded`: leadership duty described
 *                                       // inside another part
 *   missing: [{ kind, name, required }],
 *   inOrder: boolean,                   // the parts found follow the prescribed order
 *   figures: {
 *     quantities,                       // every figure in the body
 *     checked,                          // checkable figures: each percentage (rate, share, growth),
 *                                       //   each `其中` breakdown (a total with parts), plus any
 *                                       //   figure a figures/* rule flagged outside those
 *     inconsistent,                     // checkable figures overlapped by a figures/* finding
 *     hold,                             // checked − inconsistent
 *     flagged: [{ ruleId, message, range, arithmetic? }]
 *   },
 *   findings: [{ ruleId, description, severity, count, docUrl? }],   // by rule, most first
 *   counts: { error, warning, info, hint, total },
 *   failedRules: string[]               // rules that threw on this version (results dropped)
 * }
 * ```
 */
import type { Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types';
import type { PartKind } from '../engine/classify';
import { RULES_BY_ID } from '../engine/rules';
import { quantitiesIn } from '../engine/figures/quantities';
import type { DocAnalysis } from './analysis';
import { docUrlOf, toRange } from './convert';
import { kindName, sectionStats } from './sections';

export interface StructurePart {
  kind: PartKind;
  name: string;
  marker?: string;
  title?: string;
  source: 'heading' | 'content';
  inferred: boolean;
  line: number;
  range: Range;
  headingRange?: Range;
  items: number;
  enumerations: number;
  figures: number;
}

export interface StructureResult {
  uri: string;
  version: number;
  title?: { text: string; year?: number; range: Range };
  reportYear?: number;
  profile: string;
  parts: StructurePart[];
  expected: Array<{ kind: PartKind; name: string; required: boolean; found: boolean; present: boolean; line?: number; folded?: boolean }>;
  missing: Array<{ kind: PartKind; name: string; required: boolean }>;
  inOrder: boolean;
  figures: {
    quantities: number;
    checked: number;
    inconsistent: number;
    hold: number;
    flagged: Array<{ ruleId: string; message: string; range: Range; arithmetic?: string[] }>;
  };
  findings: Array<{ ruleId: string; description: string; severity: Severity; count: number; docUrl?: string }>;
  counts: Record<Severity, number> & { total: number };
  failedRules: string[];
}

const ORDER: PartKind[] = ['measures', 'problems', 'leadership', 'plans'];
const RE_SUBTOTAL = /其中/g;

export function structureOf(td: TextDocument, a: DocAnalysis): StructureResult {
  const { doc, findings, profile } = a.analysis;
  const parts: StructurePart[] = doc.parts.map((p) => {
    const st = sectionStats(doc, p);
    const h = p.heading;
    return {
      kind: p.kind ?? 'other',
      name: kindName(p.kind),
      ...(h ? { marker: h.marker, title: h.title } : {}),
      source: p.kindSource ?? 'content',
      inferred: !!p.inferred,
      line: td.positionAt(h ? h.markerStart : p.start).line,
      range: toRange(td, p.start, p.end),
      ...(h ? { headingRange: toRange(td, h.markerStart, Math.max(h.textEnd, h.markerEnd)) } : {}),
      ...st,
    };
  });
  const wanted = ORDER.filter((k) => profile.requiredParts.includes(k) || profile.optionalParts.includes(k));
  for (const k of profile.requiredParts) if (!wanted.includes(k)) wanted.push(k);
  const body = doc.paragraphs.slice(doc.bodyStart);
  const expected = wanted.map((kind) => {
    const part = parts.find((p) => p.kind === kind);
    const folded = !part && kind === 'leadership' && body.some((p) => /第一责任人/.test(p.text));
    const found = !!part || folded;
    return {
      kind,
      name: kindName(kind),
      required: profile.requiredParts.includes(kind),
      found,
      present: found,
      ...(part ? { line: part.line } : {}),
      ...(folded ? { folded: true } : {}),
    };
  });
  const missing = expected.filter((e) => !e.found).map((e) => ({ kind: e.kind, name: e.name, required: e.required }));
  let inOrder = true;
  let last = -1;
  for (const p of parts) {
    const i = ORDER.indexOf(p.kind);
    if (i < 0) continue;
    if (i < last) inOrder = false;
    last = Math.max(last, i);
  }

  // Figures: checkable spans, and the figures/* findings over them.
  const spans: Array<{ start: number; end: number }> = [];
  let quantities = 0;
  for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    const qs = quantitiesIn(p);
    quantities += qs.length;
    for (const q of qs) if (q.kind === 'percent') spans.push({ start: q.start, end: q.end });
    RE_SUBTOTAL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RE_SUBTOTAL.exec(p.text))) {
      const at = m.index;
      const sentenceEnd = nextStop(p.text, at);
      const inside = qs.filter((q) => q.from >= at && q.to <= sentenceEnd && q.kind === 'number');
      const before = qs.filter((q) => q.to <= at && q.kind === 'number');
      if (inside.length >= 2 && before.length) {
        spans.push({ start: before[before.length - 1].start, end: inside[inside.length - 1].end });
      }
    }
  }
  const figureFindings = findings.filter((f) => f.ruleId.startsWith('figures/'));
  const failing = new Set<number>();
  let extra = 0;
  for (const f of figureFindings) {
    let hit = false;
    spans.forEach((s, i) => {
      if (overlaps(s, f)) {
        failing.add(i);
        hit = true;
      }
    });
    if (!hit) extra++;
  }
  const checked = spans.length + extra;
  const inconsistent = failing.size + extra;

  const byRule = new Map<string, { ruleId: string; description: string; severity: Severity; count: number; docUrl?: string }>();
  const counts = { error: 0, warning: 0, info: 0, hint: 0, total: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    counts.total++;
    const row = byRule.get(f.ruleId);
    if (row) {
      row.count++;
      if (rank(f.severity) < rank(row.severity)) row.severity = f.severity;
    } else {
      const url = docUrlOf(f.ruleId);
      byRule.set(f.ruleId, {
        ruleId: f.ruleId,
        description: RULES_BY_ID.get(f.ruleId)?.meta.description ?? f.ruleId,
        severity: f.severity,
        count: 1,
        ...(url ? { docUrl: url } : {}),
      });
    }
  }
  return {
    uri: td.uri,
    version: td.version,
    ...(doc.title ? { title: { text: doc.title.text, ...(doc.title.year ? { year: doc.title.year } : {}), range: toRange(td, doc.title.start, doc.title.end) } } : {}),
    ...(doc.reportYear ? { reportYear: doc.reportYear } : {}),
    profile: profile.name,
    parts,
    expected,
    missing,
    inOrder,
    figures: {
      quantities,
      checked,
      inconsistent,
      hold: checked - inconsistent,
      flagged: figureFindings.map((f) => ({ ruleId: f.ruleId, message: f.message, range: toRange(td, f.start, f.end), ...arith(f) })),
    },
    findings: [...byRule.values()].sort((x, y) => y.count - x.count || (x.ruleId < y.ruleId ? -1 : 1)),
    counts,
    failedRules: a.failures.map((x) => x.ruleId),
  };
}

function nextStop(t: string, from: number): number {
  for (let i = from; i < t.length; i++) if (t[i] === '。' || t[i] === '；' || t[i] === ';') return i;
  return t.length;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : s === 'info' ? 2 : 3;
}

function arith(f: Finding): { arithmetic?: string[] } {
  const a = f.data?.arithmetic;
  return Array.isArray(a) ? { arithmetic: a.filter((x): x is string => typeof x === 'string') } : {};
}
