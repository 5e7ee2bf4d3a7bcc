/** Engine findings ↔ LSP diagnostics, ranges and edits. */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, TextEdit } from '../engine/types';
import { RULES_BY_ID } from '../engine/rules';
import { SOURCE, ruleDocUrl } from './constants';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What each diagnostic carries in `data` (enough for code actions without re-checking). */
export interface DiagnosticData {
  ruleId: string;
  /** Document version the diagnostic was computed for. */
  version: number;
  /** The rule's fix as LSP edits, when the finding has one. */
  fix?: { title: string; edits: LspTextEdit[] };
}

/**
 * What the client declared it supports (`textDocument.publishDiagnostics`): parts it does not
 * support are left out, which keeps each `publishDiagnostics` (hundreds of diagnostics on a long
 * draft) smaller to serialise, send and parse. All default to true.
 */
export interface DiagnosticSupport {
  relatedInformation?: boolean;
  codeDescription?: boolean;
  /** `data` preserved between `publishDiagnostics` and `codeAction`. */
  data?: boolean;
}

export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toLspEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.start, e.end), newText: e.text };
}

const RE_RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/**
 * The documentation URL of a rule: its `meta.docs`, or for a rule outside the registry (the
 * suppression-comment pseudo-rule) the page every rule has by convention; undefined for other ids.
 */
export function docUrlOf(ruleId: string): string | undefined {
  // the registry is fixed at load time: one lookup and one string per rule, not per diagnostic
  let url = docUrls.get(ruleId);
  if (url === undefined && !docUrls.has(ruleId)) {
    const meta = RULES_BY_ID.get(ruleId)?.meta;
    if (meta) url = ruleDocUrl(meta.docs);
    else url = RE_RULE_ID.test(ruleId) ? ruleDocUrl(`docs/rules/${ruleId}.md`) : undefined;
    if (docUrls.size > 1000) docUrls.clear();
    docUrls.set(ruleId, url);
  }
  return url;
}
const docUrls = new Map<string, string | undefined>();

const RELATED_NAMES: Record<string, string> = {
  numerator: '分子',
  bases: '可能的基数',
  base: '基数',
  usedBase: '所用基数',
  nearestBase: '最近的基数',
  parts: '分项',
  total: '总数',
};

/**
 * Places a finding's data points at (objects with `start`/`end` and a `label` or `raw`, e.g. the
 * numerator and bases of a rate, the parts of a sum), as related information the editor links to.
 */
export function relatedOf(doc: TextDocument, f: Finding): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  const data = f.data;
  if (!data) return out;
  const textLength = doc.getText().length;
  // a plain loop (no closure, no entries array): it runs for every finding of every check
  for (const key of Object.keys(data)) {
    const v = (data as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) relatedPoint(doc, textLength, key, x, out);
    } else relatedPoint(doc, textLength, key, v, out);
  }
  return out;
}

function relatedPoint(doc: TextDocument, textLength: number, key: string, v: unknown, out: DiagnosticRelatedInformation[]): void {
  if (!v || typeof v !== 'object' || out.length >= 12) return;
  const o = v as { start?: unknown; end?: unknown; label?: unknown; raw?: unknown; value?: unknown };
  if (typeof o.start !== 'number' || typeof o.end !== 'number' || o.start < 0 || o.end > textLength || o.end < o.start) return;
  const what = typeof o.label === 'string' ? o.label : typeof o.raw === 'string' ? o.raw : undefined;
  if (what === undefined) return;
  const value = typeof o.value === 'number' && typeof o.label === 'string' ? ` ${o.value}` : '';
  out.push({ location: { uri: doc.uri, range: toRange(doc, o.start, o.end) }, message: `${RELATED_NAMES[key] ?? '相关数据'}：${what}${value}` });
}

/**
 * A finding as a diagnostic. The finding's own `data` is not copied: hover and code actions read
 * it from the server's analysis, and on a long draft it was a large share of every message.
 * `support`: a boolean is the old `withRelated` flag (codeDescription and data then included).
 */
export function toDiagnostic(doc: TextDocument, f: Finding, support: boolean | DiagnosticSupport = false): Diagnostic {
  const s: DiagnosticSupport = typeof support === 'boolean' ? { relatedInformation: support } : support;
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: f.ruleId,
    message: f.message,
  };
  if (s.codeDescription !== false) {
    const href = docUrlOf(f.ruleId);
    if (href) d.codeDescription = { href };
  }
  if (s.relatedInformation) {
    const related = relatedOf(doc, f);
    if (related.length) d.relatedInformation = related;
  }
  if (s.data !== false) {
    const data: DiagnosticData = { ruleId: f.ruleId, version: doc.version };
    if (f.fix && f.fix.edits.length) data.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => toLspEdit(doc, e)) };
    d.data = data;
  }
  return d;
}

/** Is this one of our diagnostics? Returns its rule id. */
export function ruleIdOf(d: Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (data && typeof data.ruleId === 'string') return data.ruleId;
  return typeof d.code === 'string' ? d.code : undefined;
}
