/**
 * VS Code client of 法治政府建设报告助手: starts the language server (dist/server.js over node IPC),
 * decides which documents are checked, and contributes the commands and the status bar item.
 */
import * as vscode from 'vscode';
import { readdirSync } from 'fs';
import { join } from 'path';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
  State,
} from 'vscode-languageclient/node';
import { DocumentsMode, defaultReportYear, reportYear, shouldCheck } from './detect';
import { fillSnippet, partSnippets, partsBefore } from './snippets';
import { renderStructure, StructureResult, RenderStrings } from './structure';
import { CONFIG_FILE, configTemplate } from './configTemplate';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';

const SECTION = 'fazhiReport';
const LANGUAGE = 'fazhi-report';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('fazhiReport');
const FORCED_KEY = 'fazhiReport.forcedDocuments';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let ext: vscode.ExtensionContext;
/** Documents checked although they do not look like a report (the "check anyway" command). */
const forced = new Set<string>();
/** Documents with a check under way: uri → time the change was sent. */
const pending = new Map<string, number>();
/** The server's last `fazhiReport/status` per document. */
interface DocStatus {
  uri: string;
  version?: number;
  state: 'ready' | 'off';
  counts?: { error?: number; warning?: number; info?: number; hint?: number };
  ms?: number;
}
const docStatus = new Map<string, DocStatus>();
/** The server's last diagnostics per document, also for documents the client does not show them in. */
const lastDiagnostics = new Map<string, vscode.Diagnostic[]>();
/** Whether the client currently shows a document's diagnostics. */
const shownState = new Map<string, boolean>();
let diagnosticsSink: ((uri: vscode.Uri, d: vscode.Diagnostic[]) => void) | undefined;
let structurePanel: vscode.WebviewPanel | undefined;
/** Watches `.fazhi-report.json` for the running client (disposed with it). */
let configWatcher: vscode.FileSystemWatcher | undefined;
/**
 * Activation timing (`performance.now()` values), for the integration run that reports the
 * activation time: when `activate()` started and returned, when the server first answered
 * `initialize`, when the first diagnostics arrived.
 */
const timing: { activateStart?: number; docsScanned?: number; activated?: number; serverStarted?: number; firstDiagnostics?: number } = {};

function settings(scope?: vscode.Uri) {
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    documents: c.get<DocumentsMode>('documents', 'auto'),
  };
}

/** Languages whose documents are synced to the server (which decides which of them it checks). */
const LANGUAGES = new Set([LANGUAGE, 'markdown', 'plaintext']);

function log(message: string): void {
  output.info(message);
}

// ---------------------------------------------------------------- the language client

function createClient(): LanguageClient {
  const module = ext.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // the server's V8 flags (memory): the same list as the benchmark's (`server/src/lsp/launch.ts`)
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...process.env, ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env: { ...process.env, ...SERVER_ENV } } },
  };
  const selector = [
    { language: LANGUAGE },
    { language: 'markdown', scheme: 'file' },
    { language: 'markdown', scheme: 'untitled' },
    { language: 'plaintext', scheme: 'file' },
    { language: 'plaintext', scheme: 'untitled' },
    // virtual file systems (vscode-vfs, vscode-remote …): checked from the synced text
    { language: 'markdown', scheme: 'vscode-vfs' },
    { language: 'plaintext', scheme: 'vscode-vfs' },
  ];
  const options: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      configurationSection: SECTION,
      fileEvents: (configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`)),
    },
    initializationOptions: { extensionPath: ext.extensionPath, locale: vscode.env.language },
    markdown: { isTrusted: false, supportHtml: false },
    // Markdown and plain text are synced to the server, which checks only those that look like a
    // report (setting `documents`): a README that is not a report is never nagged.
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        const key = uri.toString();
        timing.firstDiagnostics ??= performance.now();
        pending.delete(key);
        const mapped = diagnostics.map(localDocLink);
        lastDiagnostics.set(key, mapped);
        diagnosticsSink = next;
        const doc = docFor(key);
        const show = !doc || clientAllows(doc);
        shownState.set(key, show);
        next(uri, show ? mapped : []);
        updateStatus();
      },
      async didOpen(doc, next) {
        await next(doc);
        // "check anyway" survives a reload: tell the server again when the document is reopened
        if (forced.has(doc.uri.toString())) await sendCheckDocument(doc.uri.toString());
      },
      didChange(event, next) {
        if (settings(event.document.uri).run === 'onType' && isCheckedNow(event.document)) markPending(event.document);
        return next(event);
      },
      didSave(doc, next) {
        if (isCheckedNow(doc)) markPending(doc);
        return next(doc);
      },
    },
  };
  const c = new LanguageClient(SECTION, vscode.l10n.t('Law-based Government Report Checker'), serverOptions, options);
  c.onDidChangeState((e: { oldState: State; newState: State }) => {
    log(`server state: ${State[e.oldState]} → ${State[e.newState]}`);
    updateStatus();
  });
  c.onNotification('fazhiReport/status', (st: DocStatus) => {
    if (!st || typeof st.uri !== 'string') return;
    docStatus.set(st.uri, st);
    pending.delete(st.uri);
    updateStatus();
  });
  return c;
}

async function startClient(): Promise<void> {
  if (client || !settings().enable) {
    updateStatus();
    return;
  }
  const c = createClient();
  client = c;
  try {
    await c.start();
    timing.serverStarted ??= performance.now();
    log('language server started');
    for (const uri of forced) await sendCheckDocument(uri);
  } catch (err) {
    log(`language server failed to start: ${String(err)}`);
    client = undefined;
  }
  updateStatus();
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  configWatcher?.dispose();
  configWatcher = undefined;
  pending.clear();
  docStatus.clear();
  lastDiagnostics.clear();
  shownState.clear();
  diagnosticsSink = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (err) {
      log(`stopping the server: ${String(err)}`);
    }
  }
  updateStatus();
}

/** Rule ids with a documentation page shipped in the extension (docs/rules/<id>.md). */
let localDocs = new Set<string>();

/**
 * Lists the pages with Node's fs: the extension's own folder is on the extension host's disk (this is
 * a Node extension), and `workspace.fs` would cost a round trip per folder through the workbench
 * (seconds of activation in a remote window such as code-server's).
 */
function scanLocalDocs(): void {
  const root = join(ext.extensionPath, 'docs', 'rules');
  const ids = new Set<string>();
  try {
    for (const cat of readdirSync(root, { withFileTypes: true })) {
      if (!cat.isDirectory()) continue;
      for (const f of readdirSync(join(root, cat.name))) if (f.endsWith('.md')) ids.add(`${cat.name}/${f.slice(0, -3)}`);
    }
  } catch {
    /* no docs shipped */
  }
  localDocs = ids;
}

/** A diagnostic's rule link opens the page shipped with the extension (works offline). */
function localDocLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const code = d.code;
  if (code && typeof code === 'object' && localDocs.has(String(code.value))) {
    d.code = { value: code.value, target: vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${code.value}.md`) };
  }
  return d;
}

function docFor(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * The client's own gate for Markdown and plain text (the server has one too): only documents that
 * look like a report, per `fazhiReport.documents`, show diagnostics. Never nags a README.
 */
export function clientAllows(doc: vscode.TextDocument): boolean {
  return shouldCheck(doc.languageId, () => doc.getText(), settings(doc.uri).documents, forced.has(doc.uri.toString()));
}

/** Shows or hides the diagnostics already received for a document when the gate changes. */
function refreshShown(doc: vscode.TextDocument): void {
  const key = doc.uri.toString();
  const diags = lastDiagnostics.get(key);
  if (!diags || !diagnosticsSink) return;
  const show = clientAllows(doc);
  if (shownState.get(key) === show) return;
  shownState.set(key, show);
  diagnosticsSink(doc.uri, show ? diags : []);
}

/** Whether a document is checked now: by the server's last status, and by the client's gate. */
function isCheckedNow(doc: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(doc.languageId) || !clientAllows(doc)) return false;
  const st = docStatus.get(doc.uri.toString());
  return st ? st.state === 'ready' : true;
}

async function sendCheckDocument(uri: string): Promise<boolean> {
  if (!client) return false;
  try {
    const r = await client.sendRequest<{ checked?: boolean } | null>('fazhiReport/checkDocument', { uri, textDocument: { uri } });
    return !!r?.checked;
  } catch (err) {
    log(`fazhiReport/checkDocument failed: ${String(err)}`);
    return false;
  }
}

// ---------------------------------------------------------------- status bar

const PENDING_TIMEOUT_MS = 10000;

function markPending(doc: vscode.TextDocument): void {
  pending.set(doc.uri.toString(), Date.now());
  updateStatus();
  setTimeout(updateStatus, PENDING_TIMEOUT_MS + 50);
}

function updateStatus(): void {
  if (!status) return;
  const s = settings();
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!s.enable || !client || client.state === State.Stopped) {
    status.text = '$(circle-slash) ' + vscode.l10n.t('Report check: off');
    status.tooltip = vscode.l10n.t('The law-based government report checker is off (setting fazhiReport.enable).');
    status.command = 'fazhiReport.showOutput';
    status.show();
    return;
  }
  const st = doc && docStatus.get(doc.uri.toString());
  if (!doc || !LANGUAGES.has(doc.languageId) || st?.state === 'off' || !clientAllows(doc)) {
    if (doc && LANGUAGES.has(doc.languageId)) {
      status.text = '$(circle-outline) ' + vscode.l10n.t('Report check: not a report');
      status.tooltip = vscode.l10n.t('This document does not look like a report and is not checked. Click to check it anyway.');
      status.command = 'fazhiReport.checkDocument';
      status.show();
    } else {
      status.hide();
    }
    return;
  }
  status.command = 'fazhiReport.checkStructure';
  const key = doc.uri.toString();
  const since = pending.get(key);
  if (client.state === State.Starting || (since !== undefined && Date.now() - since < PENDING_TIMEOUT_MS)) {
    status.text = '$(sync~spin) ' + vscode.l10n.t('Checking report…');
    status.tooltip = vscode.l10n.t('Checking the report');
    status.show();
    return;
  }
  let errors: number;
  let warnings: number;
  let others: number;
  if (st?.counts) {
    errors = st.counts.error ?? 0;
    warnings = st.counts.warning ?? 0;
    others = (st.counts.info ?? 0) + (st.counts.hint ?? 0);
  } else {
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'fazhi-report');
    errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    others = diags.length - errors - warnings;
  }
  status.text = `$(law) ${vscode.l10n.t('Report')} $(error) ${errors} $(warning) ${warnings}` + (others ? ` $(info) ${others}` : '');
  status.tooltip = vscode.l10n.t('{0} errors, {1} warnings, {2} other findings. Click to check the report structure.', errors, warnings, others);
  status.show();
}

// ---------------------------------------------------------------- commands

function activeReportEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return undefined;
  }
  return editor;
}

/** Makes the server check a document that does not look like a report. */
async function checkDocument(uri?: vscode.Uri): Promise<boolean> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) return false;
  if (doc.languageId !== LANGUAGE && doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') {
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
  }
  forced.add(doc.uri.toString());
  await ext.workspaceState.update(FORCED_KEY, [...forced]);
  if (!client) await startClient();
  markPending(doc);
  refreshShown(doc);
  return sendCheckDocument(doc.uri.toString());
}

function renderStrings(): RenderStrings {
  const t = vscode.l10n.t;
  return {
    heading: t('Report structure'),
    title: t('Title'),
    year: t('Reporting year'),
    profile: t('Profile'),
    parts: t('Parts'),
    prescribed: t('Prescribed parts'),
    inDocument: t('Parts in the document, in order'),
    present: t('present'),
    folded: t('covered within another part'),
    missing: t('missing'),
    required: t('required'),
    optional: t('optional'),
    inOrder: t('The parts are in the prescribed order.'),
    outOfOrder: t('The parts are not in the prescribed order.'),
    noParts: t('No level-1 part headings (一、二、三、) were found.'),
    byHeading: t('from its heading'),
    byContent: t('inferred from its content'),
    partStats: (items, enumerations, figures) => t('{0} items, {1} enumerations, {2} figures', items, enumerations, figures),
    figures: t('Figures'),
    figuresLine: (quantities, checked, hold, inconsistent) =>
      t('{0} figures found; {1} computed figures checked: {2} hold, {3} do not.', quantities, checked, hold, inconsistent),
    noFigures: t('No figures could be checked.'),
    findings: t('Findings by rule'),
    noFindings: t('No findings.'),
    rule: t('Rule'),
    description: t('What it checks'),
    severity: t('Severity'),
    count: t('Count'),
    line: (n) => t('line {0}', n),
    total: (n) => t('{0} findings in all.', n),
    failedRules: (ids) => t('These rules failed on this document and were skipped: {0}', ids),
  };
}

async function checkStructure(uri?: vscode.Uri, options?: { show?: boolean }): Promise<{ structure: StructureResult; markdown: string } | undefined> {
  let doc: vscode.TextDocument | undefined;
  if (uri) doc = await vscode.workspace.openTextDocument(uri);
  else doc = activeReportEditor()?.document;
  if (!doc) return undefined;
  if (!client) await startClient();
  if (docStatus.get(doc.uri.toString())?.state === 'off') await checkDocument(doc.uri);
  if (!client) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The report checker is off.'));
    return undefined;
  }
  let structure: StructureResult;
  try {
    structure = await client.sendRequest<StructureResult>('fazhiReport/structure', {
      textDocument: { uri: doc.uri.toString() },
      uri: doc.uri.toString(),
    });
  } catch (err) {
    log(`fazhiReport/structure failed: ${String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The structure check failed; see the output channel.'));
    return undefined;
  }
  const name = doc.uri.path.split('/').pop() || doc.uri.toString();
  const markdown = renderStructure(structure ?? {}, name, renderStrings());
  if (options?.show !== false) await showStructure(markdown, name);
  return { structure, markdown };
}

async function showStructure(markdown: string, name: string): Promise<void> {
  let html: string;
  try {
    html = (await vscode.commands.executeCommand<string>('markdown.api.render', markdown)) ?? '';
  } catch {
    html = '';
  }
  if (!html) html = `<pre>${escapeHtml(markdown)}</pre>`;
  const title = vscode.l10n.t('Report structure: {0}', name);
  if (!structurePanel) {
    structurePanel = vscode.window.createWebviewPanel('fazhiReport.structure', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, enableFindWidget: true });
    structurePanel.onDidDispose(() => (structurePanel = undefined));
  }
  structurePanel.title = title;
  structurePanel.webview.html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 1.2em;line-height:1.6}
table{border-collapse:collapse}td,th{border:1px solid var(--vscode-panel-border);padding:2px 8px}code{font-family:var(--vscode-editor-font-family)}</style>
</head><body>${html}</body></html>`;
  structurePanel.reveal(vscode.ViewColumn.Beside, true);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/**
 * Inserts a part (or the whole report) at the cursor. `name` (snippet name or prefix) skips the
 * quick pick. Returns the name of the snippet inserted.
 */
async function insertPart(name?: string): Promise<string | undefined> {
  const editor = activeReportEditor();
  if (!editor) return undefined;
  const all = partSnippets();
  let chosen = name ? all.find((s) => s.name === name || s.prefixes.includes(name)) : undefined;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      all.map((s) => ({ label: s.name, description: s.prefixes.filter((p) => /^[a-z]+$/u.test(p)).join(', '), detail: s.description, snippet: s })),
      { placeHolder: vscode.l10n.t('Choose a part of the report to insert'), matchOnDescription: true, matchOnDetail: true },
    );
    chosen = pick?.snippet;
  }
  if (!chosen) return undefined;
  const text = editor.document.getText();
  const year = reportYear(text) ?? defaultReportYear();
  const offset = editor.document.offsetAt(editor.selection.active);
  let body = fillSnippet(chosen.body, year, chosen.whole ? undefined : partsBefore(text, offset) + 1);
  // a part starts on its own line: on a line with text, insert after that line
  let at: vscode.Position | vscode.Selection = editor.selection;
  const line = editor.document.lineAt(editor.selection.active.line);
  if (editor.selection.isEmpty && line.text.trim()) {
    at = line.range.end;
    body = `\n\n${body}`;
  }
  await editor.insertSnippet(new vscode.SnippetString(body), at);
  return chosen.name;
}

/** Applies every automatic fix of the server to a document (the `source.fixAll.fazhiReport` action). */
async function fixAll(uri?: vscode.Uri): Promise<number> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeReportEditor()?.document;
  if (!doc) return 0;
  const range = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND.value, 20)) ?? [];
  let applied = 0;
  for (const action of actions) {
    if (!action.kind || !FIX_ALL_KIND.contains(action.kind)) continue;
    if (action.edit && (await vscode.workspace.applyEdit(action.edit))) applied++;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    break; // one fix-all action covers the document
  }
  if (!applied && !uri) void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically.'));
  return applied;
}

async function openConfig(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the configuration file lives in the workspace folder.'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(configTemplate(vscode.workspace.getConfiguration(SECTION, folder.uri).get<string>('profile') || undefined)));
    log(`created ${uri.toString()}`);
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return uri;
}

function ruleIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    for (const k of ['ruleId', 'id', 'rule', 'code']) if (typeof o[k] === 'string') return o[k] as string;
    if (o.code && typeof o.code === 'object' && typeof (o.code as { value?: unknown }).value === 'string') return (o.code as { value: string }).value;
  }
  return undefined;
}

/** Opens a rule's documentation page (docs/rules/<category>/<name>.md) in the Markdown preview. */
async function showRuleDoc(arg?: unknown): Promise<vscode.Uri | undefined> {
  let id = ruleIdOf(arg);
  const docsRoot = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules');
  if (!id) {
    id = await vscode.window.showQuickPick([...localDocs].sort(), { placeHolder: vscode.l10n.t('Choose a rule') });
    if (!id) return undefined;
  }
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/u.test(id)) return undefined;
  const uri = vscode.Uri.joinPath(docsRoot, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('No documentation page for rule {0}.', id));
    return undefined;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}

async function restartServer(): Promise<void> {
  await stopClient();
  await startClient();
}

// ---------------------------------------------------------------- activation

export async function activate(context: vscode.ExtensionContext) {
  timing.activateStart = performance.now();
  ext = context;
  output = vscode.window.createOutputChannel(vscode.l10n.t('Law-based Government Report Checker'), { log: true });
  status = vscode.window.createStatusBarItem('fazhiReport.status', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Report check');
  context.subscriptions.push(output, status);
  for (const u of context.workspaceState.get<string[]>(FORCED_KEY, [])) forced.add(u);
  scanLocalDocs();
  timing.docsScanned = performance.now();

  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg('fazhiReport.checkStructure', (uri?: vscode.Uri, options?: { show?: boolean }) => checkStructure(uri instanceof vscode.Uri ? uri : undefined, options));
  reg('fazhiReport.insertPart', (name?: string) => insertPart(typeof name === 'string' ? name : undefined));
  reg('fazhiReport.fixAll', (uri?: vscode.Uri) => fixAll(uri instanceof vscode.Uri ? uri : undefined));
  reg('fazhiReport.openConfig', () => openConfig());
  reg('fazhiReport.restartServer', () => restartServer());
  reg('fazhiReport.showOutput', () => output.show(true));
  reg('fazhiReport.showRuleDoc', (arg?: unknown) => showRuleDoc(arg));
  reg('fazhiReport.checkDocument', (uri?: vscode.Uri) => checkDocument(uri instanceof vscode.Uri ? uri : undefined));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.enable`)) {
        if (settings().enable) await startClient();
        else await stopClient();
      }
      if (e.affectsConfiguration(`${SECTION}.documents`)) for (const d of vscode.workspace.textDocuments) refreshShown(d);
      updateStatus();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // a Markdown draft that becomes a report (pasted in) shows the diagnostics it already has
      if (e.document.languageId !== LANGUAGE && lastDiagnostics.has(e.document.uri.toString())) refreshShown(e.document);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      docStatus.delete(key);
      pending.delete(key);
      lastDiagnostics.delete(key);
      shownState.delete(key);
    }),
    { dispose: () => void stopClient() },
  );
  await startClient();
  timing.activated = performance.now();
  return {
    /** For tests: the server's last status of a document, and the client. */
    status: (uri: vscode.Uri) => docStatus.get(uri.toString()),
    /** Whether the client shows a document's diagnostics (its own gate). */
    isChecked: (doc: vscode.TextDocument) => clientAllows(doc),
    get client() {
      return client;
    },
    /**
     * Milliseconds from the start of `activate()` to its end, to the server's first answer to
     * `initialize`, and to the first diagnostics (undefined until they happen).
     */
    timing: () => {
      const since = (t?: number) => (t === undefined || timing.activateStart === undefined ? undefined : Math.round((t - timing.activateStart) * 10) / 10);
      return { docsScannedMs: since(timing.docsScanned), activateMs: since(timing.activated), serverStartMs: since(timing.serverStarted), firstDiagnosticsMs: since(timing.firstDiagnostics) };
    },
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
