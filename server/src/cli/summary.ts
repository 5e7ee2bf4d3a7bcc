/**
 * `--summary`: one table across all reports — the reporting body and year, which prescribed parts
 * are present, figures read / flagged, findings by severity — then totals and the most frequent rules.
 */
import type { PartKind } from '../engine/classify';
import type { FileResult } from './checkfile';

export const SUMMARY_PARTS: readonly PartKind[] = ['measures', 'problems', 'leadership', 'plans'];
const PART_SHORT: Record<string, string> = { measures: '举措', problems: '问题', leadership: '职责', plans: '计划' };

/** A part's presence: `yes`, `folded` (first-responsibility duties inside another part), or `no`. */
export type Presence = 'yes' | 'folded' | 'no';

export interface SummaryRow {
  file: string;
  error?: string;
  body?: string;
  year?: number;
  title?: string;
  encoding?: string;
  parts: Record<string, Presence>;
  figures: { checked: number; inconsistent: number };
  findings: { error: number; warning: number; info: number; hint: number };
}

export interface Summary {
  reports: SummaryRow[];
  totals: {
    reports: number;
    checked: number;
    unreadable: number;
    figures: { checked: number; inconsistent: number };
    findings: { error: number; warning: number; info: number; hint: number };
    /** How many reports lack each prescribed part. */
    missingParts: Record<string, number>;
  };
  topRules: { ruleId: string; count: number; reports: number }[];
}

export function buildSummary(results: FileResult[], top = 10): Summary {
  const rows: SummaryRow[] = [];
  const totals: Summary['totals'] = {
    reports: results.length,
    checked: 0,
    unreadable: 0,
    figures: { checked: 0, inconsistent: 0 },
    findings: { error: 0, warning: 0, info: 0, hint: 0 },
    missingParts: Object.fromEntries(SUMMARY_PARTS.map((p) => [p, 0])),
  };
  const ruleCount = new Map<string, { count: number; reports: number }>();
  for (const r of results) {
    const findings = { error: 0, warning: 0, info: 0, hint: 0 };
    const parts: Record<string, Presence> = {};
    if (r.error || !r.stats) {
      totals.unreadable++;
      rows.push({ file: r.file, error: r.error ?? '无法检查', parts, figures: { checked: 0, inconsistent: 0 }, findings });
      continue;
    }
    totals.checked++;
    const seenRules = new Set<string>();
    for (const f of r.findings) {
      findings[f.severity]++;
      totals.findings[f.severity]++;
      const c = ruleCount.get(f.ruleId) ?? { count: 0, reports: 0 };
      c.count++;
      if (!seenRules.has(f.ruleId)) {
        c.reports++;
        seenRules.add(f.ruleId);
      }
      ruleCount.set(f.ruleId, c);
    }
    const kinds = new Set(r.stats.parts);
    for (const p of SUMMARY_PARTS) {
      parts[p] = kinds.has(p) ? 'yes' : p === 'leadership' && r.stats.leadershipMentioned ? 'folded' : 'no';
      if (parts[p] === 'no') totals.missingParts[p]++;
    }
    totals.figures.checked += r.stats.figures;
    totals.figures.inconsistent += r.stats.inconsistent;
    rows.push({
      file: r.file,
      body: r.stats.body,
      year: r.stats.year,
      title: r.stats.title,
      encoding: r.encoding,
      parts,
      figures: { checked: r.stats.figures, inconsistent: r.stats.inconsistent },
      findings,
    });
  }
  const topRules = [...ruleCount.entries()]
    .map(([ruleId, c]) => ({ ruleId, ...c }))
    .sort((a, b) => b.count - a.count || b.reports - a.reports || (a.ruleId < b.ruleId ? -1 : 1))
    .slice(0, top);
  return { reports: rows, totals, topRules };
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function pad(s: string, w: number, right = false): string {
  const n = Math.max(0, w - displayWidth(s));
  return right ? ' '.repeat(n) + s : s + ' '.repeat(n);
}

function clip(s: string, w: number): string {
  if (displayWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}

const MARK: Record<Presence, string> = { yes: '✓', folded: '含', no: '—' };

export function formatSummaryText(s: Summary, color: boolean): string {
  const c = (code: string, t: string): string => (color ? `${code}${t}\x1b[0m` : t);
  const head = ['报告', '报告主体', '年度', ...SUMMARY_PARTS.map((p) => PART_SHORT[p]), '数字', '存疑', '错误', '警告', '提示'];
  const rows: string[][] = s.reports.map((r) => r.error
    ? [r.file, `无法检查：${r.error}`]
    : [
      r.file,
      r.body ?? '（未识别）',
      r.year ? String(r.year) : '—',
      ...SUMMARY_PARTS.map((p) => MARK[r.parts[p] ?? 'no']),
      String(r.figures.checked),
      String(r.figures.inconsistent),
      String(r.findings.error),
      String(r.findings.warning),
      String(r.findings.info + r.findings.hint),
    ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.filter((r) => r.length > 2).map((r) => displayWidth(r[i]))));
  widths[0] = Math.min(widths[0], 48);
  widths[1] = Math.min(widths[1], 24);
  const numeric = (i: number): boolean => i >= 3 + SUMMARY_PARTS.length;
  const line = (cells: string[]): string => cells.map((x, i) => pad(clip(x, widths[i]), widths[i], numeric(i))).join('  ').replace(/\s+$/, '');
  const out = [c('\x1b[1m', line(head))];
  for (const r of rows) {
    if (r.length === 2) out.push(`${pad(clip(r[0], widths[0]), widths[0])}  ${c('\x1b[31m', r[1])}`);
    else out.push(line(r));
  }
  const t = s.totals;
  out.push('');
  out.push(`合计：${t.reports} 份报告${t.unreadable ? `（${t.unreadable} 份无法检查）` : ''}；数字 ${t.figures.checked} 个，存疑 ${t.figures.inconsistent} 处；` +
    `错误 ${t.findings.error}，警告 ${t.findings.warning}，提示 ${t.findings.info + t.findings.hint}。`);
  const missing = SUMMARY_PARTS.filter((p) => p !== 'leadership' && t.missingParts[p]).map((p) => `${PART_SHORT[p]} ${t.missingParts[p]} 份`);
  if (missing.length) out.push(`缺少规定部分：${missing.join('，')}。`);
  if (s.topRules.length) {
    out.push('最常见的问题：');
    const w = Math.max(...s.topRules.map((r) => r.ruleId.length));
    for (const r of s.topRules) out.push(`  ${r.ruleId.padEnd(w)}  ${String(r.count).padStart(4)} 处  ${r.reports} 份报告`);
  }
  out.push(`（✓ 有此部分；含 第一责任人职责写在其他部分中；— 缺少。数字：读到的数字个数；存疑：数字类问题数。）`);
  return out.join('\n');
}

export function formatSummaryJson(s: Summary): string {
  return JSON.stringify(s);
}
