/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning services. Rule metadata comes from the engine's
 * registry, help URIs point at the rule doc pages. For a .docx, regions refer to the text extracted
 * from it (line/column and snippet; no character offsets into the binary file).
 */
import { isAbsolute, relative, sep } from 'path';
import { pathToFileURL } from 'url';
import { RULES } from '../engine/rules';
import type { Severity } from '../engine/types';
import { LineIndex } from '../engine/text';
import type { FileResult } from './checkfile';

export const REPO_URL = 'https://github.com/fazhi-report/fazhi-report';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function helpUri(docs: string): string {
  return `${REPO_URL}/blob/main/${docs}`;
}

/** A relative URI reference (each segment percent-encoded) for files under `cwd`, else a file: URL. */
export function artifactUri(absPath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, absPath);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absPath).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** FNV-1a, 32 bits, hex: a stable fingerprint of a finding that survives line moves. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function formatSarif(results: FileResult[], cwd: string, version: string): string {
  const rules = RULES.map((r) => r.meta);
  const ruleIndex = new Map(rules.map((m, i) => [m.id, i]));
  const artifacts: Record<string, unknown>[] = [];
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const r of results) {
    const loc = artifactUri(r.path ?? r.file, cwd);
    if (r.error || r.text === undefined) {
      notifications.push({
        level: 'error',
        message: { text: `${r.file}: ${r.error ?? '无法检查'}` },
        locations: [{ physicalLocation: { artifactLocation: loc } }],
      });
      continue;
    }
    const index = artifacts.length;
    const docx = r.encoding === 'docx';
    artifacts.push({
      location: loc,
      ...(docx ? { mimeType: MIME.docx } : { encoding: r.encoding === 'gb18030' ? 'gb18030' : r.encoding === 'utf-16le' || r.encoding === 'utf-16be' ? 'utf-16' : 'utf-8' }),
    });
    const lines = new LineIndex(r.text);
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      const snippet = r.text.slice(f.start, f.end);
      const region: Record<string, unknown> = {
        startLine: s.line + 1,
        startColumn: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        ...(docx ? {} : { charOffset: f.start, charLength: f.end - f.start }),
        ...(snippet ? { snippet: { text: snippet } } : {}),
      };
      const key = `${f.ruleId}\u0000${snippet}\u0000${f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const res: Record<string, unknown> = {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { ...loc, index }, region } }],
        partialFingerprints: { 'fazhiReportFinding/v1': `${fingerprint(key)}:${n}` },
        ...(f.severity === 'hint' ? { rank: 10 } : {}),
      };
      if (f.fix && !docx && f.fix.edits.length) {
        res.fixes = [{
          description: { text: f.fix.title },
          artifactChanges: [{
            artifactLocation: { ...loc, index },
            replacements: f.fix.edits.map((ed) => ({
              deletedRegion: { charOffset: ed.start, charLength: ed.end - ed.start },
              ...(ed.text ? { insertedContent: { text: ed.text } } : {}),
            })),
          }],
        }];
      }
      sarifResults.push(res);
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'fazhi-report',
          fullName: '法治政府建设报告助手 (fazhi-report)',
          version,
          semanticVersion: version,
          informationUri: REPO_URL,
          rules: rules.map((m) => ({
            id: m.id,
            name: m.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
            shortDescription: { text: m.description },
            fullDescription: { text: `${m.description} — ${m.descriptionEn}` },
            helpUri: helpUri(m.docs),
            help: { text: `${m.description}\n${m.descriptionEn}\n${helpUri(m.docs)}` },
            defaultConfiguration: { level: LEVEL[m.severity] },
            properties: { category: m.category, tags: [m.category], ...(m.fixable ? { fixable: true } : {}) },
          })),
        },
      },
      invocations: [{
        executionSuccessful: results.some((r) => !r.error),
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
      artifacts,
      results: sarifResults,
      columnKind: 'utf16CodeUnits',
    }],
  };
  // Compact for large batches (a thousand reports give tens of thousands of results), readable otherwise.
  return sarifResults.length > 2000 ? JSON.stringify(log) : JSON.stringify(log, null, 2);
}
