/**
 * Completion:
 * - on a new (empty) line, or one holding only `（`/`(`: the next marker at the level of the heading
 *   above (`（三）` → `（四）`), its first sub-item, and the next part heading (`四、`), with the
 *   titles of prescribed parts the report does not have yet (the years filled in from the report);
 * - indicator phrases with snippet placeholders (`受理${1}件，办结${2}件，办结率${3}%`);
 * - the snippets of `snippets/fazhi-report.json` (VS Code snippet format), for Markdown and plain
 *   text documents (the client contributes them itself for the `fazhi-report` language).
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Heading, ReportDocument } from '../engine/document';
import type { PartKind } from '../engine/classify';
import snippetFile from '../../../snippets/fazhi-report.json';
import { LANGUAGE_ID } from './constants';
import { kindName, markerFor } from './sections';

/** Characters that open completion (a marker's first character). */
export const TRIGGER_CHARACTERS = ['（', '('];

interface Phrase {
  label: string;
  body: string;
  detail: string;
}

/** Indicator phrases reviewers expect, in the wording real reports use. */
export const INDICATOR_PHRASES: readonly Phrase[] = [
  { label: '受理…件，办结…件，办结率…%', body: '受理${1}件，办结${2}件，办结率${3}%', detail: '办结率' },
  { label: '收到行政复议申请…件，受理…件，审结…件，纠错…件，纠错率…%', body: '收到行政复议申请${1}件，受理${2}件，审结${3}件，其中直接纠错${4}件，直接纠错率${5}%', detail: '行政复议' },
  { label: '行政诉讼案件…件，败诉…件，败诉率…%', body: '审结行政诉讼案件${1}件，败诉${2}件，败诉率${3}%', detail: '行政诉讼' },
  { label: '开庭审理行政诉讼案件…件，行政机关负责人出庭应诉…件，出庭应诉率…%', body: '开庭审理行政诉讼案件${1}件，行政机关负责人出庭应诉${2}件，出庭应诉率${3}%', detail: '行政机关负责人出庭应诉率' },
  { label: '排查矛盾纠纷…件，化解…件，化解率…%', body: '排查矛盾纠纷${1}件，化解${2}件，化解率${3}%', detail: '矛盾纠纷化解' },
  { label: '办理法律援助案件…件，其中刑事…件、民事…件', body: '办理法律援助案件${1}件，其中刑事案件${2}件、民事案件${3}件', detail: '法律援助' },
  { label: '审核行政规范性文件…件，提出意见建议…条', body: '对${1}件行政规范性文件进行合法性审核，提出修改意见建议${2}条，备案${3}件', detail: '规范性文件合法性审核' },
  { label: '重大行政决策…项，均经合法性审查', body: '作出重大行政决策${1}项，均经合法性审查', detail: '重大行政决策' },
  { label: '政府法律顾问审查…件，出具法律意见…份', body: '政府法律顾问审查各类文件${1}件，出具法律意见书${2}份', detail: '政府法律顾问' },
  { label: '评查行政执法案卷…卷，合格率…%', body: '评查行政执法案卷${1}卷，合格${2}卷，合格率${3}%', detail: '行政执法案卷评查' },
  { label: '开展普法活动…场次，受众…万人次', body: '开展普法宣传活动${1}场次，受众${2}万人次', detail: '普法' },
  { label: '培育“法律明白人”…名', body: '培育“法律明白人”${1}名', detail: '普法' },
  { label: '同比增长…%', body: '同比增长${1}%', detail: '比较' },
];

interface SnippetDef {
  prefix: string[];
  body: string;
  description: string;
  name: string;
}

function loadSnippets(raw: unknown): SnippetDef[] {
  const out: SnippetDef[] = [];
  if (!raw || typeof raw !== 'object') return out;
  for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const s = v as { prefix?: unknown; body?: unknown; description?: unknown };
    const prefix = (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).filter((p): p is string => typeof p === 'string' && !!p);
    const body = Array.isArray(s.body) ? s.body.filter((b) => typeof b === 'string').join('\n') : typeof s.body === 'string' ? s.body : '';
    if (!prefix.length || !body) continue;
    out.push({ name, prefix, body, description: typeof s.description === 'string' ? s.description : name });
  }
  return out;
}

const SNIPPETS = loadSnippets(snippetFile);

/** Resolves the date variables of VS Code snippets so that any LSP client gets the same text. */
export function resolveSnippetVariables(body: string, now = new Date()): string {
  const vars: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: String(now.getMonth() + 1).padStart(2, '0'),
    CURRENT_DATE: String(now.getDate()).padStart(2, '0'),
  };
  return body.replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)\b/g, (m, a: string | undefined, b: string | undefined) => vars[(a ?? b)!] ?? m);
}

const RE_PREFIX = /^([ \t\u3000]*(?:#{1,6}[ \t]+)?(?:\*\*)?)([（(]?)$/;

const PART_ORDER: PartKind[] = ['measures', 'problems', 'leadership', 'plans'];

function partTitle(kind: PartKind, year: number | undefined): string {
  const y = year ?? new Date().getFullYear() - 1;
  switch (kind) {
    case 'measures':
      return `${y}年度法治政府建设的主要举措和成效`;
    case 'problems':
      return '存在的不足和原因';
    case 'leadership':
      return '党政主要负责人履行推进法治建设第一责任人职责情况';
    case 'plans':
      return `${y + 1}年度推进法治政府建设的主要安排`;
    default:
      return '其他需要报告的事项';
  }
}

/** Completion items at `offset`. `trigger` is the character that opened completion, if any. */
export function completions(td: TextDocument, doc: ReportDocument, offset: number, trigger?: string): CompletionItem[] {
  const pos = td.positionAt(offset);
  const lineStart = td.offsetAt({ line: pos.line, character: 0 });
  const before = td.getText().slice(lineStart, offset);
  const items: CompletionItem[] = [];
  const m = RE_PREFIX.exec(before);
  if (m) items.push(...headingItems(td, doc, lineStart, pos.line, m[1].length, offset));
  // typing `（` inside a sentence opens nothing
  if (trigger && TRIGGER_CHARACTERS.includes(trigger)) return items;
  items.push(...INDICATOR_PHRASES.map((p, i): CompletionItem => ({
    label: p.label,
    kind: CompletionItemKind.Snippet,
    detail: `指标表述：${p.detail}`,
    filterText: p.body.replace(/\$\{\d+\}/g, ''),
    insertText: p.body,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `2${String(i).padStart(3, '0')}`,
  })));
  if (td.languageId !== LANGUAGE_ID) {
    SNIPPETS.forEach((s, i) => {
      for (const prefix of s.prefix) {
        const body = resolveSnippetVariables(s.body);
        items.push({
          label: prefix,
          kind: CompletionItemKind.Snippet,
          detail: s.description,
          documentation: { kind: MarkupKind.Markdown, value: '```\n' + body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '') + '\n```' },
          insertText: body,
          insertTextFormat: InsertTextFormat.Snippet,
          sortText: `3${String(i).padStart(3, '0')}`,
        });
      }
    });
  }
  return items;
}

function headingItems(td: TextDocument, doc: ReportDocument, lineStart: number, line: number, partialFrom: number, offset: number): CompletionItem[] {
  const prev: Heading[] = doc.headings.filter((h) => h.markerStart < lineStart);
  const last = prev[prev.length - 1];
  const range = { start: { line, character: partialFrom }, end: td.positionAt(offset) };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (marker: string, detail: string, sort: string, title?: string): void => {
    const label = title ? marker + title : marker;
    if (seen.has(label)) return;
    seen.add(label);
    items.push({
      label,
      kind: CompletionItemKind.Keyword,
      detail,
      textEdit: { range, newText: label },
      filterText: label,
      sortText: sort,
      preselect: sort === '00',
    });
  };
  const lastAt = (level: number): Heading | undefined => {
    for (let i = prev.length - 1; i >= 0; i--) {
      if (prev[i].level === level) return prev[i];
      if (prev[i].level < level) return undefined; // a new parent: numbering restarts
    }
    return undefined;
  };
  if (last && last.level >= 1 && last.level <= 4) {
    const same = markerFor(last.level, last.ordinal + 1);
    add(same, `下一个同级条目（接 ${last.marker.trim()}）`, '00');
    if (last.level < 4) add(markerFor((last.level + 1) as 2 | 3 | 4, 1), `${last.marker.trim()} 的第一个下级条目`, '01');
    // the next heading of each enclosing level
    for (let lv = last.level - 1; lv >= 2; lv--) {
      const h = lastAt(lv);
      if (h) add(markerFor(lv as 2 | 3, h.ordinal + 1), `下一个${lv === 2 ? '（一）级' : '1.级'}条目`, `0${5 - lv}`);
    }
  }
  // the next part heading
  const parts = prev.filter((h) => h.level === 1);
  const nextPart = (parts.length ? parts[parts.length - 1].ordinal : 0) + 1;
  const partMarker = markerFor(1, nextPart);
  add(partMarker, '下一部分', last ? '05' : '00');
  const have = new Set(doc.parts.map((p) => p.kind));
  let k = 0;
  for (const kind of PART_ORDER) {
    if (have.has(kind)) continue;
    add(partMarker, `规定部分：${kindName(kind)}`, `06${k++}`, partTitle(kind, doc.reportYear));
  }
  return items;
}
