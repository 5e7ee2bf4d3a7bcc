/** Helpers shared by the integration tests (run inside the real VS Code's extension host). */
import * as vscode from 'vscode';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Expectations } from '../expect';

export const EXTENSION_ID = 'fazhi-report.fazhi-report';
export const SOURCE = 'fazhi-report';

/** Polls `fn` every 50 ms until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the integration tests need a workspace folder');
  return f.uri.fsPath;
}

export function wsUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

let expectations: Expectations | undefined;
/** The engine's own findings for the workspace files (computed by run.mjs before VS Code started). */
export function expected(): Expectations {
  expectations ??= JSON.parse(readFileSync(join(__dirname, '..', 'expect.json'), 'utf8')) as Expectations;
  return expectations;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return c ? String(c.value) : undefined;
}

export async function open(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(wsUri(name));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** Opens a file and waits until its diagnostics are the `count` the engine gives. */
export async function openAndWait(name: string, count?: number): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; diags: vscode.Diagnostic[] }> {
  const r = await open(name);
  const n = count ?? expected().files[name]?.length ?? 1;
  const diags = await waitFor(() => {
    const d = ours(r.doc.uri);
    return d.length === n && n > 0 ? d : n === 0 && d.length === 0 ? d : undefined;
  }, `${n} diagnostics on ${name} (have ${ours(r.doc.uri).length})`);
  await waitFor(() => api().status(r.doc.uri)?.version === r.doc.version, `the server's status of ${name}`);
  return { ...r, diags };
}

export interface ExtensionApi {
  status(uri: vscode.Uri): { state: string; version?: number } | undefined;
  isChecked(doc: vscode.TextDocument): boolean;
  readonly client: { sendRequest<R>(method: string, params: unknown): Promise<R> } | undefined;
  /** Milliseconds from the start of `activate()` (undefined until each happens). */
  timing(): ActivationTiming;
}

export interface ActivationTiming {
  docsScannedMs?: number;
  activateMs?: number;
  serverStartMs?: number;
  firstDiagnosticsMs?: number;
}

export function api(): ExtensionApi {
  return vscode.extensions.getExtension(EXTENSION_ID)!.exports as ExtensionApi;
}

/**
 * A request to the server and back: messages on the connection are handled in order, so what
 * the client sent before (a configuration change, an edit) has reached the server.
 */
export async function roundTrip(uri: vscode.Uri): Promise<void> {
  try {
    await api().client?.sendRequest('fazhiReport/structure', { uri: uri.toString(), textDocument: { uri: uri.toString() } });
  } catch {
    /* only the ordering matters */
  }
}

/**
 * Sets a `fazhiReport.*` setting in the workspace and waits until the server has re-checked the
 * open document `probe` under it (the server re-checks every open document on a settings change).
 */
export async function setSetting(key: string, value: unknown, probe: vscode.Uri): Promise<void> {
  const c = vscode.workspace.getConfiguration('fazhiReport');
  if (JSON.stringify(c.inspect(key)?.workspaceValue) === JSON.stringify(value)) return;
  const before = api().status(probe);
  // The language client sends didChangeConfiguration from its own listener of this event, which was
  // registered before ours: once ours has fired, the notification is on its way, and the round trip
  // below returns after the server has handled it. (Waiting only for a new status is not enough: a
  // status from the re-check after an earlier setting may arrive first.)
  let changed = false;
  const sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`fazhiReport.${key}`)) changed = true;
  });
  try {
    await c.update(key, value, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => changed, `the configuration change event for ${key}`);
  } finally {
    sub.dispose();
  }
  await waitFor(() => api().status(probe) !== before, `the server re-checking after ${key} = ${JSON.stringify(value)}`);
  await roundTrip(probe);
}

/** Runs `fn` with a `fazhiReport.*` setting changed in the workspace, restoring it afterwards. */
export async function withSetting<T>(key: string, value: unknown, probe: vscode.Uri, fn: () => Promise<T>): Promise<T> {
  const before = vscode.workspace.getConfiguration('fazhiReport').inspect(key)?.workspaceValue;
  await setSetting(key, value, probe);
  try {
    return await fn();
  } finally {
    await setSetting(key, before, probe);
  }
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces a document's whole text (through an edit, as a user would) and saves nothing. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('edit not applied');
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Diagnostics as comparable lines: rule, range in offsets, severity. */
export function shown(doc: vscode.TextDocument, diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map((d) => `${ruleOf(d)} ${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)} ${d.severity}`).sort();
}

/** The engine's findings in the same form. */
export function wanted(findings: ReadonlyArray<{ ruleId: string; start: number; end: number; severity: string }>): string[] {
  return findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${SEVERITY[f.severity]}`).sort();
}

/** Waits until a document shows exactly these findings. */
export async function waitForFindings(doc: vscode.TextDocument, findings: ReadonlyArray<{ ruleId: string; start: number; end: number; severity: string }>, what: string): Promise<void> {
  const want = wanted(findings).join('\n');
  try {
    await waitFor(() => shown(doc, ours(doc.uri)).join('\n') === want, what);
  } catch (err) {
    throw new Error(`${String(err)}\nwanted:\n${want}\nshown:\n${shown(doc, ours(doc.uri)).join('\n')}`);
  }
}
