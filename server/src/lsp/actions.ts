/**
 * Code actions, in this order for each diagnostic under the cursor:
 *   1. the rule's own fix (`isPreferred`);
 *   2. fix all problems of this rule in the document (when the rule has two or more fixes);
 *   3. fix all fixable problems in the document (when there are two or more);
 *   4. disable the rule for this line (`<!-- fazhi-report-disable-next-line RULE -->` above it,
 *      with the line's indentation);
 *   5. show the rule's documentation (command `fazhiReport.showRuleDoc`, implemented by the client).
 * And, for `context.only` = `source.fixAll[.fazhiReport]` (`editor.codeActionsOnSave`), one action
 * applying every non-overlapping fix. A quick fix edits only the text its finding names.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { COMMANDS, FIX_ALL_KIND } from './constants';
import { docUrlOf, ruleIdOf, toLspEdit, toRange, DiagnosticData } from './convert';

export interface ActionOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
}

/** Fix-all is the engine's: every non-overlapping fix, first in document order wins. */
export { nonOverlappingFixes } from '../engine/fix';
import { nonOverlappingFixes } from '../engine/fix';

function workspaceEdit(doc: TextDocument, edits: LspTextEdit[], opts: ActionOptions): WorkspaceEdit {
  if (opts.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}

function kindMatches(kind: string, only: string[] | undefined): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The current finding a (possibly older) diagnostic stands for. */
export function findingFor(doc: TextDocument, findings: readonly Finding[], d: Diagnostic, ruleId: string): Finding | undefined {
  const same = findings.filter((f) => f.ruleId === ruleId);
  const at = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const exact = same.find((f) => f.message === d.message && f.start === at && f.end === end && sameRange(toRange(doc, f.start, f.end), d.range));
  if (exact) return exact;
  // The diagnostic was published for an older version: the same message nearest to where it was.
  let best: Finding | undefined;
  for (const f of same) {
    if (f.message !== d.message) continue;
    if (!best || Math.abs(f.start - at) < Math.abs(best.start - at)) best = f;
  }
  return best;
}

/** Findings no suppression comment can hide (problems in the suppression comments themselves). */
const UNSUPPRESSIBLE = new Set(['structure/suppression-comment']);

const RE_NEXT_LINE = /^([ \t\u3000]*)<!--\s*fazhi-report-disable-next-line\b([^>]*?)\s*-->\s*$/;

/** Inserts (or extends) the suppression comment on the line above `line`. */
export function disableEdit(doc: TextDocument, line: number, ruleId: string): LspTextEdit | undefined {
  const text = doc.getText();
  const lineStart = doc.offsetAt({ line, character: 0 });
  const nextLineStart = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
  const lineText = text.slice(lineStart, nextLineStart).replace(/[\r\n]+$/, '');
  const indent = /^[ \t\u3000]*/.exec(lineText)![0];
  if (line > 0) {
    const prevStart = doc.offsetAt({ line: line - 1, character: 0 });
    const prevText = text.slice(prevStart, lineStart).replace(/[\r\n]+$/, '');
    const m = RE_NEXT_LINE.exec(prevText);
    if (m) {
      const reason = /\s--(?:\s|$)/.exec(m[2]);
      const ids = (reason ? m[2].slice(0, reason.index) : m[2]).split(/[\s,，]+/).filter(Boolean);
      // already disables every rule or this one: nothing to add
      if (!ids.length || ids.includes(ruleId)) return undefined;
      if (!reason) {
        const newText = `${m[1]}<!-- fazhi-report-disable-next-line ${[...ids, ruleId].join(', ')} -->`;
        return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: prevText.length } }, newText };
      }
      // a comment with an explanation stays as written: another comment line goes below it
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- fazhi-report-disable-next-line ${ruleId} -->${eol}` };
}

/** The code actions for a range of a document. */
export function codeActions(
  doc: TextDocument,
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[],
  only: string[] | undefined,
  opts: ActionOptions,
): CodeAction[] {
  const out: CodeAction[] = [];
  const all = nonOverlappingFixes(findings);
  const wantsFixAllSource = !!only?.length && only.some((o) => kindMatches(FIX_ALL_KIND, [o]));
  if (wantsFixAllSource) {
    if (all.count) {
      out.push({
        title: `修复所有可自动修复的问题（${all.count} 处）`,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, all.edits.map((e) => toLspEdit(doc, e)), opts),
      });
    }
  }
  if (!kindMatches(CodeActionKind.QuickFix, only)) return out;

  const ours = diagnostics
    .map((d) => ({ d, ruleId: ruleIdOf(d) }))
    .filter((x): x is { d: Diagnostic; ruleId: string } => !!x.ruleId);
  if (!ours.length) return out;
  const fixes: CodeAction[] = [];
  const ruleAll: CodeAction[] = [];
  let fixAll: CodeAction | undefined;
  const disables: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const seenRule = new Set<string>();
  const seenDisable = new Set<string>();
  for (const { d, ruleId } of ours) {
    const f = findingFor(doc, findings, d, ruleId);
    if (f?.fix && f.fix.edits.length) {
      fixes.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: workspaceEdit(doc, f.fix.edits.map((e) => toLspEdit(doc, e)), opts),
      });
    } else if (!f) {
      // Not in the current results (e.g. computed for another version): fall back on the diagnostic's data.
      const data = d.data as Partial<DiagnosticData> | undefined;
      if (data?.fix && data.version === doc.version && Array.isArray(data.fix.edits)) {
        fixes.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: workspaceEdit(doc, data.fix.edits, opts) });
      }
    }
    if (!seenRule.has(ruleId)) {
      seenRule.add(ruleId);
      const mine = nonOverlappingFixes(findings, ruleId);
      if (mine.count >= 2) {
        ruleAll.push({
          title: `修复本文件中所有“${ruleId}”问题（${mine.count} 处）`,
          kind: CodeActionKind.QuickFix,
          edit: workspaceEdit(doc, mine.edits.map((e) => toLspEdit(doc, e)), opts),
        });
      }
      const url = docUrlOf(ruleId);
      docs.push({
        title: `查看规则“${ruleId}”的说明`,
        kind: CodeActionKind.QuickFix,
        command: { title: `查看规则“${ruleId}”的说明`, command: COMMANDS.showRuleDoc, arguments: url ? [ruleId, url] : [ruleId] },
      });
    }
    const line = d.range.start.line;
    const key = `${ruleId}@${line}`;
    const edit = seenDisable.has(key) || UNSUPPRESSIBLE.has(ruleId) ? undefined : disableEdit(doc, line, ruleId);
    if (edit) {
      seenDisable.add(key);
      disables.push({
        title: `停用此行的“${ruleId}”检查`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(doc, [edit], opts),
      });
    }
  }
  if (all.count >= 2) {
    fixAll = {
      title: `修复本文件中所有可自动修复的问题（${all.count} 处）`,
      kind: CodeActionKind.QuickFix,
      edit: workspaceEdit(doc, all.edits.map((e) => toLspEdit(doc, e)), opts),
    };
  }
  out.push(...fixes, ...ruleAll, ...(fixAll ? [fixAll] : []), ...disables, ...docs);
  return out;
}
