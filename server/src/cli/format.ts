/** Output formats of the CLI. `json` is a public contract: extend it, never break it. */
import type { Finding } from '../engine/types';
import { LineIndex } from '../engine/text';
import type { FileResult } from './checkfile';

export type { FileResult } from './checkfile';

export interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  offset: { start: number; end: number };
  /** The rule's suggested fix (edits in UTF-16 offsets of the file's text). */
  fix?: { title: string; edits: { start: number; end: number; text: string }[] };
}

export function toJsonDiagnostics(text: string, findings: Finding[], lines = new LineIndex(text)): JsonDiagnostic[] {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
    offset: { start: f.start, end: f.end },
    ...(f.fix ? { fix: f.fix } : {}),
  }));
}

/** One entry of `--format json` (see formatJson). */
function jsonEntry(r: FileResult): object {
  return {
    file: r.file,
    // fixes of a .docx edit the extracted text, not the file: left out
    diagnostics: r.text === undefined ? [] : toJsonDiagnostics(r.text, r.encoding === 'docx' ? r.findings.map(({ fix: _fix, ...f }) => f) : r.findings),
    ...(r.error ? { error: r.error } : {}),
    ...(r.encoding ? { encoding: r.encoding } : {}),
  };
}

/**
 * `--format json`: one array, one entry per file: `{file, diagnostics}`; plus `error` for a file that
 * could not be read, and `encoding` (`utf-8`, `gb18030`, `utf-16le`, `docx` …) for one that was.
 * For a .docx, positions and offsets refer to the text extracted from it.
 */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(jsonEntry));
}

export const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** The quoted text of a finding: the line it starts on, with the finding's span marked. */
export function quote(text: string, lines: LineIndex, f: Finding, color: boolean): string {
  const line = lines.lineOf(f.start);
  const ls = lines.starts[line];
  const le = lines.lineEnd(line);
  const s = f.start - ls;
  const e = Math.min(f.end, le) - ls;
  let body = text.slice(ls, le);
  if (line === 0 && body.charCodeAt(0) === 0xfeff) body = ' ' + body.slice(1);
  // long lines: a window around the span
  let from = 0;
  let cut = false;
  if (body.length > 120) {
    from = Math.max(0, s - 40);
    const to = Math.min(body.length, Math.max(e, s + 1) + 40);
    cut = to < body.length;
    body = body.slice(from, to);
  }
  const a = Math.max(0, s - from);
  const b = Math.max(a, e - from);
  const pre = (from > 0 ? '…' : '') + body.slice(0, a);
  const mid = body.slice(a, b);
  const post = body.slice(b) + (cut ? '…' : '');
  if (color) return `    ${pre}\x1b[4m${mid}\x1b[24m${post}`;
  return `    ${pre}【${mid}】${post}`;
}

const ENCODING_NOTE: Record<string, string> = {
  gb18030: '（GB18030/GBK 编码）',
  'utf-16le': '（UTF-16 编码）',
  'utf-16be': '（UTF-16 编码）',
  docx: '（Word 文档：行列号指从中提取的文字）',
};

export function severityCounts(results: FileResult[]): Record<string, number> {
  const totals: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) totals[f.severity]++;
  return totals;
}

/** The lines `--format text` gives one file (none for a file without findings). */
function textLines(r: FileResult, color: boolean, out: string[]): void {
  const c = (code: string, s: string): string => (color ? `${code}${s}\x1b[0m` : s);
  if (r.error) {
    out.push(`${r.file}: ${c('\x1b[31m', '无法检查')}：${r.error}`);
    return;
  }
  if (!r.findings.length || r.text === undefined) return;
  const lines = new LineIndex(r.text);
  out.push(c('\x1b[1m', r.file) + (r.encoding && ENCODING_NOTE[r.encoding] ? c('\x1b[2m', ENCODING_NOTE[r.encoding]) : ''));
  for (const f of r.findings) {
    const p = lines.positionAt(f.start);
    const sev = c(COLORS[f.severity], SEVERITY_ZH[f.severity]);
    out.push(`  ${r.file}:${p.line + 1}:${p.character + 1}  ${sev}  ${f.message}  ${c('\x1b[2m', f.ruleId)}`);
    out.push(quote(r.text, lines, f, color));
  }
  out.push('');
}

/** The last line of `--format text`. */
function textTotals(files: number, unreadable: number, totals: Record<string, number>): string {
  const n = totals.error + totals.warning + totals.info + totals.hint;
  const checked = files - unreadable;
  const head = `共 ${files} 个文件${unreadable ? `（${unreadable} 个无法检查）` : ''}`;
  return n
    ? `${head}，${n} 处问题（错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.info}，建议 ${totals.hint}）`
    : checked ? `${head}，未发现问题。` : `${head}。`;
}

/** Text for people: grouped by file, colours only when `color`, the quoted text under each finding. */
export function formatText(results: FileResult[], color: boolean): string {
  const out: string[] = [];
  let unreadable = 0;
  for (const r of results) {
    if (r.error) unreadable++;
    textLines(r, color, out);
  }
  out.push(textTotals(results.length, unreadable, severityCounts(results)));
  return out.join('\n');
}

/**
 * One file's part of the `json` or `text` output, made where the file was checked (a worker thread),
 * so that the main thread neither receives the report's text nor formats every file at the end.
 * `assemble()` joins the parts into exactly what formatJson / formatText give for the same results.
 */
export interface RenderedFile {
  /** json: the file's entry; text: its lines joined by newlines (undefined when it has none). */
  part?: string;
  /** Findings per severity (the exit code and the totals line). */
  counts: Record<string, number>;
}

export function renderFile(r: FileResult, format: 'json' | 'text', color: boolean): RenderedFile {
  const counts = severityCounts([r]);
  if (format === 'json') return { part: JSON.stringify(jsonEntry(r)), counts };
  const out: string[] = [];
  textLines(r, color, out);
  return { part: out.length ? out.join('\n') : undefined, counts };
}

/** Adds up the counts of rendered files. */
export function renderedCounts(rendered: RenderedFile[]): Record<string, number> {
  const totals: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of rendered) for (const k in r.counts) totals[k] += r.counts[k];
  return totals;
}

/** The whole output from the rendered files (`results` give the file count and the unreadable ones). */
export function assemble(format: 'json' | 'text', results: FileResult[], rendered: RenderedFile[]): string {
  if (format === 'json') return `[${rendered.map((r) => r.part).join(',')}]`;
  const out: string[] = [];
  let unreadable = 0;
  for (let i = 0; i < results.length; i++) {
    if (results[i].error) unreadable++;
    const part = rendered[i].part;
    if (part !== undefined) out.push(part);
  }
  out.push(textTotals(results.length, unreadable, renderedCounts(rendered)));
  return out.join('\n');
}
