/**
 * Renders the server's `fazhiReport/structure` answer (server/src/lsp/structure.ts) as Markdown,
 * shown in a webview and returned by the command. Tolerant of missing fields: renders what it
 * gets. No `vscode` import (the strings come in through `RenderStrings`).
 */

interface Pos {
  line: number;
  character?: number;
}
interface Range {
  start: Pos;
  end?: Pos;
}

export interface StructurePart {
  kind?: string;
  /** The prescribed part's name (`主要举措和成效`). */
  name?: string;
  marker?: string;
  /** Heading text after the marker. */
  title?: string;
  source?: 'heading' | 'content';
  inferred?: boolean;
  /** 0-based line of the heading. */
  line?: number;
  range?: Range;
  items?: number;
  enumerations?: number;
  figures?: number;
}

export interface StructureResult {
  uri?: string;
  version?: number;
  title?: string | { text?: string; year?: number };
  reportYear?: number;
  profile?: string;
  parts?: StructurePart[];
  expected?: Array<{ kind: string; name?: string; required?: boolean; present?: boolean; found?: boolean; line?: number; folded?: boolean }>;
  missing?: Array<string | { kind: string; name?: string; required?: boolean }>;
  inOrder?: boolean;
  figures?: {
    quantities?: number;
    checked?: number;
    hold?: number;
    inconsistent?: number;
    flagged?: Array<{ ruleId: string; message: string; range?: Range; arithmetic?: string[] }>;
  };
  findings?: Array<{ ruleId: string; description?: string; severity?: string; count?: number }> | Record<string, number>;
  counts?: { total?: number };
  failedRules?: string[];
}

export interface RenderStrings {
  heading: string;
  title: string;
  year: string;
  profile: string;
  parts: string;
  prescribed: string;
  inDocument: string;
  present: string;
  folded: string;
  missing: string;
  required: string;
  optional: string;
  inOrder: string;
  outOfOrder: string;
  noParts: string;
  byHeading: string;
  byContent: string;
  partStats: (items: number, enumerations: number, figures: number) => string;
  figures: string;
  figuresLine: (quantities: number, checked: number, hold: number, inconsistent: number) => string;
  noFigures: string;
  findings: string;
  noFindings: string;
  rule: string;
  description: string;
  severity: string;
  count: string;
  line: (n: number) => string;
  total: (n: number) => string;
  failedRules: (ids: string) => string;
}

export const PART_LABELS: Record<string, string> = {
  measures: '主要举措和成效',
  problems: '存在的不足和原因',
  leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
  plans: '下一年度工作安排',
  other: '其他',
};

/** Escapes text for Markdown (a table cell or a line). */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/gu, (c) => `\\${c}`).replace(/\r?\n/gu, ' ');
}

function lineOf(x: { line?: number; range?: Range }): number | undefined {
  if (typeof x.line === 'number') return x.line;
  return x.range?.start.line;
}

/** The result as a Markdown document. `docName` is the checked document's name. */
export function renderStructure(r: StructureResult, docName: string, t: RenderStrings): string {
  const out: string[] = [`# ${t.heading}: ${md(docName)}`, ''];
  const title = typeof r.title === 'string' ? r.title : r.title?.text;
  if (title) out.push(`- ${t.title}: ${md(title)}`);
  const year = r.reportYear ?? (typeof r.title === 'object' ? r.title?.year : undefined);
  if (year) out.push(`- ${t.year}: ${year}`);
  if (r.profile) out.push(`- ${t.profile}: \`${r.profile}\``);

  // ---- parts
  out.push('', `## ${t.parts}`, '');
  const expected = r.expected ?? [];
  if (expected.length) {
    out.push(`### ${t.prescribed}`, '');
    for (const e of expected) {
      const ok = e.present ?? e.found ?? false;
      const name = md(e.name ?? PART_LABELS[e.kind] ?? e.kind);
      const at = typeof e.line === 'number' ? ` (${t.line(e.line + 1)})` : '';
      if (ok && e.folded) out.push(`- ☑️ ${name} — ${t.folded}`);
      else if (ok) out.push(`- ✅ ${name} — ${t.present}${at}`);
      else out.push(`- ${e.required === false ? '⚠️' : '❌'} ${name} — ${t.missing} (${e.required === false ? t.optional : t.required})`);
    }
    if (r.inOrder !== undefined) out.push('', r.inOrder ? t.inOrder : `**${t.outOfOrder}**`);
    out.push('');
  } else {
    const missing = (r.missing ?? []).map((m) => (typeof m === 'string' ? PART_LABELS[m] ?? m : m.name ?? PART_LABELS[m.kind] ?? m.kind));
    if (missing.length) out.push(`**${t.missing}**: ${missing.map(md).join('、')}`, '');
  }
  const parts = r.parts ?? [];
  out.push(`### ${t.inDocument}`, '');
  if (parts.length) {
    for (const p of parts) {
      const heading = `${p.marker ?? ''}${p.title ?? ''}`.trim();
      const kind = p.name ?? (p.kind ? PART_LABELS[p.kind] ?? p.kind : '');
      const how = p.source === 'content' || p.inferred ? t.byContent : p.source === 'heading' ? t.byHeading : '';
      const line = lineOf(p);
      const bits = [
        kind ? `*${md(kind)}*${how ? ` (${how})` : ''}` : '',
        line !== undefined ? t.line(line + 1) : '',
        p.items !== undefined ? t.partStats(p.items, p.enumerations ?? 0, p.figures ?? 0) : '',
      ].filter(Boolean);
      out.push(`1. **${md(heading || kind)}** — ${bits.join(' · ')}`);
    }
  } else {
    out.push(t.noParts);
  }

  // ---- figures
  out.push('', `## ${t.figures}`, '');
  const f = r.figures;
  if (f && typeof f.checked === 'number' && f.checked > 0) {
    const inconsistent = f.inconsistent ?? (f.hold !== undefined ? f.checked - f.hold : 0);
    const hold = f.hold ?? f.checked - inconsistent;
    out.push(t.figuresLine(f.quantities ?? f.checked, f.checked, hold, inconsistent));
    if (f.flagged?.length) {
      out.push('');
      for (const x of f.flagged) {
        const line = lineOf(x);
        out.push(`- \`${x.ruleId}\`${line !== undefined ? ` (${t.line(line + 1)})` : ''}: ${md(x.message)}`);
        for (const a of x.arithmetic ?? []) out.push(`  - \`${a.replace(/`/gu, "'")}\``);
      }
    }
  } else {
    out.push(f?.quantities ? t.figuresLine(f.quantities, 0, 0, 0) : t.noFigures);
  }

  // ---- findings by rule
  out.push('', `## ${t.findings}`, '');
  const rows = new Map<string, { description: string; severity: string; count: number }>();
  if (Array.isArray(r.findings)) {
    for (const x of r.findings) {
      const row = rows.get(x.ruleId) ?? { description: x.description ?? '', severity: x.severity ?? '', count: 0 };
      row.count += x.count ?? 1;
      rows.set(x.ruleId, row);
    }
  } else if (r.findings) {
    for (const [id, n] of Object.entries(r.findings)) rows.set(id, { description: '', severity: '', count: Number(n) || 0 });
  }
  if (rows.size) {
    out.push(`| ${t.rule} | ${t.description} | ${t.severity} | ${t.count} |`, '| --- | --- | --- | ---: |');
    const sorted = [...rows].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
    for (const [id, row] of sorted) out.push(`| \`${id}\` | ${md(row.description)} | ${row.severity} | ${row.count} |`);
    out.push('', t.total([...rows.values()].reduce((a, b) => a + b.count, 0)));
  } else {
    out.push(t.noFindings);
  }
  if (r.failedRules?.length) out.push('', `⚠️ ${t.failedRules(r.failedRules.join(', '))}`);
  out.push('');
  return out.join('\n');
}
