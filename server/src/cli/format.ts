/** Output formats of the CLI. `json` is a public contract: extend it, never break it. */
import type { Finding } from '../engine/types';
import { LineIndex } from '../engine/text';

export interface FileResult {
  /** The path as given on the command line. */
  file: string;
  text?: string;
  findings: Finding[];
  /** Set when the file could not be read or checked. */
  error?: string;
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  offset: { start: number; end: number };
}

export function toJsonDiagnostics(text: string, findings: Finding[], lines = new LineIndex(text)): JsonDiagnostic[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
    offset: { start: f.start, end: f.end },
  }));
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map((r) => ({
    file: r.file,
    diagnostics: r.text === undefined ? [] : toJsonDiagnostics(r.text, r.findings),
    ...(r.error ? { error: r.error } : {}),
  })));
}

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** The quoted text of a finding: the line it starts on, with the finding's span marked. */
export function quote(text: string, lines: LineIndex, f: Finding, color: boolean): string {
  const line = lines.lineOf(f.start);
  const ls = lines.starts[line];
  const le = lines.lineEnd(line);
  const s = f.start - ls;
  const e = Math.min(f.end, le) - ls;
  let body = text.slice(ls, le);
  // long lines: a window around the span
  let from = 0;
  if (body.length > 120) {
    from = Math.max(0, s - 40);
    body = body.slice(from, Math.max(e, s + 1) + 40);
  }
  const a = s - from;
  const b = Math.max(a, e - from);
  const pre = (from > 0 ? '…' : '') + body.slice(0, a);
  const mid = body.slice(a, b);
  const post = body.slice(b);
  if (color) return `    ${pre}\x1b[4m${mid}\x1b[24m${post}`;
  return `    ${pre}【${mid}】${post}`;
}

export function formatText(results: FileResult[], color: boolean): string {
  const out: string[] = [];
  const totals: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    if (r.error) {
      out.push(`${r.file}: ${color ? '\x1b[31m' : ''}无法检查${color ? '\x1b[0m' : ''}：${r.error}`);
      continue;
    }
    if (!r.findings.length || r.text === undefined) continue;
    const lines = new LineIndex(r.text);
    out.push(color ? `\x1b[1m${r.file}\x1b[0m` : r.file);
    for (const f of r.findings) {
      totals[f.severity]++;
      const p = lines.positionAt(f.start);
      const sev = color ? `${COLORS[f.severity]}${SEVERITY_ZH[f.severity]}\x1b[0m` : SEVERITY_ZH[f.severity];
      out.push(`  ${r.file}:${p.line + 1}:${p.character + 1}  ${sev}  ${f.message}  ${color ? '\x1b[2m' : ''}${f.ruleId}${color ? '\x1b[0m' : ''}`);
      out.push(quote(r.text, lines, f, color));
    }
    out.push('');
  }
  const n = totals.error + totals.warning + totals.info + totals.hint;
  out.push(n
    ? `共 ${results.length} 个文件，${n} 处问题（错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.info}，建议 ${totals.hint}）`
    : `共 ${results.length} 个文件，未发现问题。`);
  return out.join('\n');
}
