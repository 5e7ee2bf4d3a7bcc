/**
 * The language server of 法治政府建设报告助手 (fazhi-report). Bundled to `dist/server.js`; started
 * with `--stdio` or node IPC (`--node-ipc`), as `createConnection()` reads from the arguments.
 *
 * - Documents are synced incrementally (`lsp/documents.ts` validates every change: a malformed or
 *   out-of-range change is clamped or skipped, never fatal).
 * - Diagnostics: on open, then as the author types (debounced, `fazhiReport.debounceMs`, default
 *   300 ms) or only on save (`fazhiReport.run: "onSave"`). A check whose document changed while its
 *   settings were being fetched is dropped, so diagnostics are only ever published for the current
 *   version (each `publishDiagnostics` carries `version`).
 * - Which documents: the `fazhi-report` language always; Markdown / plain text per
 *   `fazhiReport.documents` (`auto`: those that look like a report — `lsp/detect.ts`); any document
 *   after the `fazhiReport/checkDocument` request ("check anyway"), or listed in
 *   `initializationOptions.forcedDocuments`. `fazhiReport.enable: false` turns checking off.
 * - Settings: `workspace/configuration` section `fazhiReport` per document, re-read on
 *   `workspace/didChangeConfiguration` (clients without that capability may push
 *   `{settings: {fazhiReport: {...}}}` or pass `initializationOptions.settings`).
 * - Project configuration: `.fazhi-report.json` via `loadConfigFor(path)`; its `profile` wins over
 *   the `fazhiReport.profile` setting (the setting is the default for projects without one). Problems
 *   in the file are published as diagnostics ON THE CONFIG FILE (source `fazhi-report`, at the
 *   offset the loader gives, else its first line) and logged once; the report is checked with the
 *   loader's defaults. Changes to the file (`workspace/didChangeWatchedFiles`) re-check everything.
 * - A rule that throws is logged (output channel, via `window/logMessage`) and its results dropped
 *   for that run; the others still publish. Uncaught exceptions are logged, never fatal. Malformed
 *   requests get LSP error responses (`InvalidParams`).
 * - Custom protocol: request `fazhiReport/structure` (see `lsp/structure.ts`), request
 *   `fazhiReport/checkDocument` `{uri}` → `{checked: true}`, notification `fazhiReport/status`
 *   (server → client) after each check: `{uri, version, state: 'ready'|'off', counts, ms, failedRules}`, request
 *   `fazhiReport/pid` → `{pid}` (`lsp/pid.ts`, used by the integration test that kills the server).
 * - Test support: `FAZHI_REPORT_TEST_FAULTY_RULES` (see `lsp/faults.ts`).
 * - Cost: with no debounce a change is checked right after the input is read (setImmediate); a
 *   diagnostic carries `codeDescription` and `data` (rule, version, fix) only when the client
 *   declares `codeDescriptionSupport` / `dataSupport`; only the analyses of the few most recently
 *   used documents are kept (`lsp/analysis.ts`), others are recomputed when a request needs them;
 *   a document's analysis is dropped as soon as it changes; a request that analysed the current
 *   version first (code action, hover) spares the check that work (same options object).
 * - Memory: started with `SERVER_EXEC_ARGV` (`lsp/launch.ts`: a smaller young generation); the old
 *   generation's growth is limited at start; when idle after work, only the most recently used
 *   document keeps its analysis and a full collection runs (`lsp/memory.ts`).
 */
import { fileURLToPath, pathToFileURL } from 'url';
import { readFileSync } from 'fs';
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  CodeActionKind,
  ResponseError,
  ErrorCodes,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  FileChangeType,
  Diagnostic,
  DiagnosticSeverity,
  InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from './engine/check';
import { loadConfigFor, LoadedConfig, CONFIG_FILE } from './engine/config';
import { DocumentStore, OpenDocument } from './lsp/documents';
import { AnalysisCache, DocAnalysis } from './lsp/analysis';
import { DEFAULT_SETTINGS, normaliseSettings, Settings } from './lsp/settings';
import { CONFIG_GLOB, FIX_ALL_KIND, LANGUAGE_ID, NOTIFICATIONS, REQUESTS, SETTINGS_SECTION, SOURCE } from './lsp/constants';
import { toDiagnostic, DiagnosticSupport } from './lsp/convert';
import { codeActions } from './lsp/actions';
import { hoverAt } from './lsp/hover';
import { documentSymbols, foldingRanges } from './lsp/outline';
import { completions, TRIGGER_CHARACTERS } from './lsp/completion';
import { structureOf } from './lsp/structure';
import { looksLikeReport } from './lsp/detect';
import { FAULT_ENV, injectFaults } from './lsp/faults';
import { registerPid } from './lsp/pid';
import { idleCollection, IdleCollector, IDLE_GC_MS, tuneHeap } from './lsp/memory';

tuneHeap();
const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
/** Logging never throws (the connection may already be closed). */
function log(m: string): void {
  try {
    connection.console.log(m);
  } catch {
    /* nowhere to log */
  }
}
function logError(m: string): void {
  try {
    connection.console.error(m);
  } catch {
    /* nowhere to log */
  }
}
const cache = new AnalysisCache(logError);
/**
 * Once the server is idle after checking (memory; `lsp/memory.ts`): only the most recently used
 * document keeps its analysis (the one being edited or looked at: code actions and hover), then
 * a full collection. Needs `--expose-gc` (`lsp/launch.ts`); without it, nothing is scheduled.
 */
const exposedGc = (globalThis as { gc?: unknown }).gc;
const collectIdle = typeof exposedGc === 'function' ? idleCollection(exposedGc as () => void) : undefined;
const idleGc = new IdleCollector(IDLE_GC_MS, collectIdle ? () => {
  cache.trim(1);
  collectIdle();
} : undefined);

let hasConfigurationCapability = false;
let hasDynamicConfigRegistration = false;
let hasWatchedFilesRegistration = false;
let hasDocumentChanges = false;
/** Optional parts of a diagnostic the client declared it supports (`textDocument.publishDiagnostics`). */
let diagnosticSupport: DiagnosticSupport = { relatedInformation: false, codeDescription: true, data: true };
/** Settings when the client cannot answer `workspace/configuration`. */
let pushedSettings: Settings = { ...DEFAULT_SETTINGS };
const settingsByUri = new Map<string, Promise<Settings>>();
const optionsByUri = new Map<string, CheckOptions>();
/** Pending checks: a debounce timer, or (no debounce) an immediate. */
const timers = new Map<string, { timeout?: NodeJS.Timeout; immediate?: NodeJS.Immediate }>();
/** Config files with problems published, and what was published (to avoid repeats). */
const configProblems = new Map<string, string>();
/** Documents to check whatever `documents` says, once they are opened. */
const forcedAtStart = new Set<string>();

process.on('uncaughtException', (err) => logError(`[错误] 未捕获的异常：${err?.stack ?? String(err)}`));
process.on('unhandledRejection', (err) => logError(`[错误] 未处理的 Promise 拒绝：${(err as Error)?.stack ?? String(err)}`));

const faulty = injectFaults(process.env[FAULT_ENV]);

// ---------------------------------------------------------------------------------------------
// Parameters.

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function uriOf(params: unknown): string {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | null | undefined;
  const uri = p && typeof p === 'object' ? (p.textDocument && typeof p.textDocument === 'object' ? p.textDocument.uri : p.uri) : undefined;
  if (typeof uri !== 'string' || !uri) throw invalid('缺少 textDocument.uri（missing textDocument.uri）');
  return uri;
}

function offsetOf(td: TextDocument, params: unknown): number {
  const pos = (params as { position?: { line?: unknown; character?: unknown } }).position;
  if (!pos || typeof pos !== 'object' || typeof pos.line !== 'number' || typeof pos.character !== 'number' || !Number.isFinite(pos.line) || !Number.isFinite(pos.character)) {
    throw invalid('缺少或无效的 position（missing or invalid position）');
  }
  return td.offsetAt({ line: Math.max(0, Math.floor(pos.line)), character: Math.max(0, Math.floor(pos.character)) });
}

/** Runs a request handler; an unexpected exception is logged and answered as an LSP error. */
function guard<P, R>(name: string, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await fn(params);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      const e = err instanceof Error ? err : new Error(String(err));
      logError(`[错误] 处理 ${name} 时出错：${e.stack ?? e.message}`);
      throw new ResponseError(ErrorCodes.InternalError, `${name}: ${e.message}`);
    }
  };
}

/** Runs a notification handler; exceptions are logged. */
function safely<P>(name: string, fn: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    Promise.resolve()
      .then(() => fn(params))
      .catch((err) => logError(`[错误] 处理 ${name} 时出错：${(err as Error)?.stack ?? String(err)}`));
  };
}

// ---------------------------------------------------------------------------------------------
// Settings and options.

function getSettings(uri: string): Promise<Settings> {
  if (!hasConfigurationCapability) return Promise.resolve(pushedSettings);
  let s = settingsByUri.get(uri);
  if (!s) {
    s = connection.workspace
      .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
      .then(normaliseSettings, (err) => {
        logError(`[警告] 无法读取 ${SETTINGS_SECTION} 设置，使用默认值：${String(err)}`);
        return { ...DEFAULT_SETTINGS };
      });
    settingsByUri.set(uri, s);
  }
  return s;
}

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function optionsFor(uri: string, settings: Settings): CheckOptions {
  let loaded: LoadedConfig = { options: {}, problems: [] };
  const path = fsPathOf(uri);
  if (path) {
    try {
      loaded = loadConfigFor(path);
    } catch (err) {
      logError(`[错误] 读取 ${CONFIG_FILE} 时出错，使用默认配置：${(err as Error)?.stack ?? String(err)}`);
    }
  }
  publishConfigProblems(loaded);
  const options: CheckOptions = { ...loaded.options };
  if (options.profile === undefined && settings.profile) options.profile = settings.profile;
  // The same options as last time (the config file's cached objects, the same profile): the same
  // object, so that the analysis a request (code action, hover) already made of this version is
  // reused by the check instead of being computed a second time (the cache compares identity).
  const prev = optionsByUri.get(uri);
  return prev && sameOptions(prev, options) ? prev : options;
}

function sameOptions(a: CheckOptions, b: CheckOptions): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

/** Publishes the config file's problems on the config file itself (once per distinct set). */
function publishConfigProblems(loaded: LoadedConfig): void {
  const byFile = new Map<string, LoadedConfig['problems']>();
  if (loaded.file) byFile.set(loaded.file, []);
  for (const p of loaded.problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  for (const [file, problems] of byFile) {
    const key = JSON.stringify(problems.map((p) => [p.message, p.offset]));
    const known = configProblems.get(file);
    if (known === key || (known === undefined && !problems.length)) continue;
    configProblems.set(file, key);
    let text = '';
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      /* unreadable: problems go on its first line */
    }
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const q = p as { offset?: number; length?: number; line?: number; character?: number };
      const start = typeof q.line === 'number' && typeof q.character === 'number' ? { line: q.line, character: q.character } : positionIn(text, q.offset ?? 0);
      const end = typeof q.offset === 'number' && typeof q.length === 'number' && q.length > 0 && text ? positionIn(text, q.offset + q.length) : start;
      return { range: { start, end }, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: p.message };
    });
    for (const p of problems) logError(`[配置] ${file}：${p.message}`);
    connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }
}

function positionIn(text: string, offset: number): { line: number; character: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < o; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: o - lineStart };
}

/** Is this document checked under these settings? */
function isChecked(entry: OpenDocument, settings: Settings): boolean {
  if (!settings.enable) return false;
  if (entry.languageId === LANGUAGE_ID || entry.forced) return true;
  if (settings.documents === 'all') return true;
  if (settings.documents === 'off') return false;
  return looksLikeReport(cache.parse(entry.doc));
}

/** Outline, folding and completion: checked documents and the report language. */
function hasLanguageFeatures(entry: OpenDocument, settings: Settings): boolean {
  return entry.languageId === LANGUAGE_ID || isChecked(entry, settings);
}

// ---------------------------------------------------------------------------------------------
// Checking.

const lastPublished = new Map<string, number>();

async function validate(uri: string): Promise<void> {
  const entry = store.get(uri);
  if (!entry) return;
  const version = entry.doc.version;
  const settings = await getSettings(uri);
  const cur = store.get(uri);
  // A newer version arrived while the settings were fetched: its own check publishes.
  if (!cur || cur.doc.version !== version) return;
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const analyseNow = (): DocAnalysis => {
    const options = optionsFor(uri, settings);
    optionsByUri.set(uri, options);
    return cache.get(cur.doc, options);
  };
  let a: DocAnalysis | undefined;
  let checked: boolean;
  if (lastPublished.has(uri) && settings.enable && settings.documents === 'auto' && cur.languageId !== LANGUAGE_ID && !cur.forced) {
    // A Markdown/text document that was a report at its last check, being edited: analyse, and tell
    // whether it still looks like a report from the analysis' own parse (one parse per edit, not two).
    a = analyseNow();
    checked = looksLikeReport(a.analysis.doc);
  } else checked = isChecked(cur, settings);
  if (!checked) {
    if (lastPublished.has(uri)) connection.sendDiagnostics({ uri, version, diagnostics: [] });
    lastPublished.delete(uri);
    void connection.sendNotification(NOTIFICATIONS.status, { uri, version, state: 'off', counts, ms: 0, failedRules: [] });
    return;
  }
  if (!a) a = analyseNow();
  idleGc.arm();
  const diagnostics = a.analysis.findings.map((f) => toDiagnostic(cur.doc, f, diagnosticSupport));
  for (const f of a.analysis.findings) counts[f.severity]++;
  lastPublished.set(uri, version);
  connection.sendDiagnostics({ uri, version, diagnostics });
  void connection.sendNotification(NOTIFICATIONS.status, {
    uri, version, state: 'ready', counts, ms: Math.round(a.ms * 100) / 100, failedRules: a.failures.map((f) => f.ruleId),
  });
}

function cancel(uri: string): void {
  const t = timers.get(uri);
  if (t) {
    if (t.immediate) clearImmediate(t.immediate);
    if (t.timeout) clearTimeout(t.timeout);
  }
  timers.delete(uri);
}

function schedule(uri: string, delay: number): void {
  cancel(uri);
  const run = (): void => {
    timers.delete(uri);
    validate(uri).catch((err) => logError(`[错误] 检查 ${uri} 时出错：${(err as Error)?.stack ?? String(err)}`));
  };
  // no debounce: right after the pending input is read (a timer of 0 still waits a millisecond or
  // more); changes that arrived together are still checked once
  timers.set(uri, delay <= 0 ? { immediate: setImmediate(run) } : { timeout: setTimeout(run, delay) });
}

function validateNow(uri: string): void {
  cancel(uri);
  validate(uri).catch((err) => logError(`[错误] 检查 ${uri} 时出错：${(err as Error)?.stack ?? String(err)}`));
}

function revalidateAll(): void {
  for (const e of store.all()) validateNow(e.doc.uri);
}

/** The analysis of a document's current version for requests (uses the options of its last check). */
async function analysisFor(entry: OpenDocument) {
  const uri = entry.doc.uri;
  const settings = await getSettings(uri);
  let options = optionsByUri.get(uri);
  if (!options) {
    options = optionsFor(uri, settings);
    optionsByUri.set(uri, options);
  }
  return { settings, analysis: cache.get(entry.doc, options) };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle.

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities ?? {};
  hasConfigurationCapability = !!caps.workspace?.configuration;
  hasDynamicConfigRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  hasWatchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  hasDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  const pd = caps.textDocument?.publishDiagnostics;
  // codeDescription and data only for clients that say they use them (VS Code does): they are most
  // of the bytes of a publishDiagnostics on a long draft
  diagnosticSupport = { relatedInformation: !!pd?.relatedInformation, codeDescription: !!pd?.codeDescriptionSupport, data: !!pd?.dataSupport };
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; forcedDocuments?: unknown };
  if (init.settings) pushedSettings = normaliseSettings((init.settings as Record<string, unknown>)[SETTINGS_SECTION] ?? init.settings);
  if (Array.isArray(init.forcedDocuments)) for (const u of init.forcedDocuments) if (typeof u === 'string') forcedAtStart.add(u);
  if (faulty.length) log(`[测试] 已注入规则故障（${FAULT_ENV}）：${faulty.join(', ')}`);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      documentSymbolProvider: { label: '报告结构' },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
    },
    serverInfo: { name: 'fazhi-report', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasDynamicConfigRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  }
  if (hasWatchedFilesRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] }).catch(() => undefined);
  }
});

connection.onDidChangeConfiguration(safely('workspace/didChangeConfiguration', (params) => {
  settingsByUri.clear();
  optionsByUri.clear();
  if (!hasConfigurationCapability) {
    const s = (params as { settings?: Record<string, unknown> } | undefined)?.settings;
    pushedSettings = normaliseSettings(s?.[SETTINGS_SECTION] ?? s);
  }
  revalidateAll();
}));

connection.onDidChangeWatchedFiles(safely('workspace/didChangeWatchedFiles', (params) => {
  const changes = Array.isArray(params?.changes) ? params.changes : [];
  const relevant = changes.filter((c) => typeof c?.uri === 'string' && c.uri.endsWith(CONFIG_FILE));
  if (!relevant.length) return;
  for (const c of relevant) {
    if (c.type === FileChangeType.Deleted) {
      const path = fsPathOf(c.uri);
      if (path && configProblems.has(path)) {
        configProblems.delete(path);
        connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      }
    }
  }
  optionsByUri.clear();
  revalidateAll();
}));

// ---------------------------------------------------------------------------------------------
// Document sync.

connection.onDidOpenTextDocument(safely('textDocument/didOpen', (params) => {
  const td = params?.textDocument;
  if (!td || typeof td.uri !== 'string') return;
  store.open(td.uri, typeof td.languageId === 'string' ? td.languageId : 'plaintext', td.version, td.text);
  if (forcedAtStart.has(td.uri)) store.force(td.uri);
  cache.delete(td.uri);
  validateNow(td.uri);
}));

connection.onDidChangeTextDocument(safely('textDocument/didChange', async (params) => {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') return;
  const r = store.change(uri, params.textDocument.version, params.contentChanges);
  if (!r) return;
  if (r.skipped) logError(`[警告] ${uri} 的 didChange 中有 ${r.skipped} 处无效修改，已忽略。`);
  cache.dropStale(r.doc);
  cancel(uri);
  const settings = await getSettings(uri);
  const cur = store.doc(uri);
  if (!cur || cur.version !== r.doc.version) return; // a later change schedules its own check
  if (settings.run === 'onType') schedule(uri, settings.debounceMs);
}));

connection.onDidSaveTextDocument(safely('textDocument/didSave', (params) => {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string' || !store.get(uri)) return;
  const doc = store.doc(uri)!;
  if (lastPublished.get(uri) === doc.version && !timers.has(uri)) return; // already up to date
  validateNow(uri);
}));

connection.onDidCloseTextDocument(safely('textDocument/didClose', (params) => {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') return;
  cancel(uri);
  store.close(uri);
  cache.delete(uri);
  settingsByUri.delete(uri);
  optionsByUri.delete(uri);
  if (lastPublished.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  idleGc.arm();
}));

// ---------------------------------------------------------------------------------------------
// Features.

connection.onCodeAction(guard('textDocument/codeAction', async (params) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) return [];
  const ctx = (params as { context?: { diagnostics?: unknown; only?: unknown } }).context;
  if (!ctx || typeof ctx !== 'object') throw invalid('缺少 context（missing context）');
  const diagnostics = Array.isArray(ctx.diagnostics) ? (ctx.diagnostics as Diagnostic[]).filter((d) => d && typeof d === 'object' && d.range && d.range.start && d.range.end) : [];
  const only = Array.isArray(ctx.only) ? ctx.only.filter((o): o is string => typeof o === 'string') : undefined;
  const { settings, analysis } = await analysisFor(entry);
  if (!isChecked(entry, settings)) return [];
  return codeActions(entry.doc, analysis.analysis.findings, diagnostics, only, { documentChanges: hasDocumentChanges });
}));

connection.onHover(guard('textDocument/hover', async (params) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) return null;
  const offset = offsetOf(entry.doc, params);
  const settings = await getSettings(uri);
  if (!hasLanguageFeatures(entry, settings)) return null;
  const checked = isChecked(entry, settings);
  const a = checked ? (await analysisFor(entry)).analysis : undefined;
  return hoverAt(entry.doc, a ? a.analysis.doc : cache.parse(entry.doc), a ? a.analysis.findings : [], offset);
}));

connection.onDocumentSymbol(guard('textDocument/documentSymbol', async (params) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) return [];
  if (!hasLanguageFeatures(entry, await getSettings(uri))) return [];
  return documentSymbols(entry.doc, cache.parse(entry.doc));
}));

connection.onFoldingRanges(guard('textDocument/foldingRange', async (params) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) return [];
  if (!hasLanguageFeatures(entry, await getSettings(uri))) return [];
  return foldingRanges(entry.doc, cache.parse(entry.doc));
}));

connection.onCompletion(guard('textDocument/completion', async (params) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) return [];
  const offset = offsetOf(entry.doc, params);
  if (!hasLanguageFeatures(entry, await getSettings(uri))) return [];
  const trigger = (params as { context?: { triggerCharacter?: unknown } }).context?.triggerCharacter;
  return completions(entry.doc, cache.parse(entry.doc), offset, typeof trigger === 'string' ? trigger : undefined);
}));

connection.onRequest(REQUESTS.structure, guard(REQUESTS.structure, async (params: unknown) => {
  const uri = uriOf(params);
  const entry = store.get(uri);
  if (!entry) throw invalid(`文档未打开：${uri}（document not open）`);
  const { analysis } = await analysisFor(entry);
  return structureOf(entry.doc, analysis);
}));

connection.onRequest(REQUESTS.checkDocument, guard(REQUESTS.checkDocument, (params: unknown) => {
  const uri = uriOf(params);
  if (!store.force(uri)) {
    forcedAtStart.add(uri); // checked when it is opened
    return { checked: false };
  }
  validateNow(uri);
  return { checked: true };
}));

registerPid(connection);
connection.listen();
