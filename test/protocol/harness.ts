/**
 * Drives the BUILT language server (`dist/server.js`) over stdio with vscode-jsonrpc, as an editor
 * would. `buildServer()` runs `node scripts/build.mjs` once per test run (falling back to bundling
 * the server entry alone with the same esbuild options if another bundle of the build fails).
 * `PROTOCOL_NO_BUILD=1` uses the `dist/server.js` already there.
 */
import { spawn, ChildProcess, execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
const SEEDS_DIR = join(ROOT, '..', 'shared', 'corpus', 'seeds');

let built = false;

export function buildServer(): void {
  if (built) return;
  if (process.env.PROTOCOL_NO_BUILD === '1' && existsSync(SERVER)) {
    built = true; // use the dist/server.js already built
    return;
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    // Another bundle (client, CLI) may be mid-edit: build the server alone, as build.mjs would.
    process.stderr.write(`[protocol tests] scripts/build.mjs failed, bundling the server alone: ${String((err as { stderr?: Buffer }).stderr ?? err)}\n`);
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      absWorkingDir: ROOT, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', bundle: true, platform: 'node',
      target: 'node20', format: 'cjs', sourcemap: true, legalComments: 'none', logLevel: 'warning',
    });
  }
  if (!existsSync(SERVER)) throw new Error('dist/server.js was not built');
  built = true;
}

export function seedText(name: string): string {
  try {
    return readFileSync(join(SEEDS_DIR, name), 'utf8');
  } catch {
    return readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', name), 'utf8');
  }
}

export function fileUri(name: string): string {
  return pathToFileURL(join(ROOT, 'test', 'protocol', '.virtual', name)).href;
}

export interface StartOptions {
  /** `fazhiReport` settings answered to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Leave out the `workspace/configuration` capability (settings are then pushed). */
  noConfiguration?: boolean;
  initializationOptions?: unknown;
  /** `textDocument.publishDiagnostics` client capabilities (default: everything VS Code declares). */
  publishDiagnostics?: Record<string, boolean>;
}

interface Notification {
  method: string;
  params: unknown;
  seq: number;
}

/** A running server and the messages it sent. */
export class TestServer {
  readonly notifications: Notification[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  configurationRequests = 0;
  initializeResult: { capabilities: Record<string, unknown> } | undefined;
  /** While set, answers to `workspace/configuration` wait for it. */
  held: Promise<void> | undefined;

  /** Holds the answers to `workspace/configuration` until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((r) => (release = r));
    return () => {
      this.held = undefined;
      release();
    };
  }
  exitCode: number | null | undefined = undefined;
  private waiters: Array<{ pred: (n: Notification) => boolean; resolve: (n: Notification) => void; from: number }> = [];
  private seq = 0;
  /** Client-side copies of the open documents. */
  readonly docs = new Map<string, TextDocument>();

  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection, opts: StartOptions) {
    this.settings = { debounceMs: 300, ...opts.settings };
  }

  static async start(opts: StartOptions = {}): Promise<TestServer> {
    buildServer();
    // with the V8 flags the client starts it with
    const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { env: { ...process.env, ...SERVER_ENV, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const s = new TestServer(proc, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => s.stderr.push(d.toString()));
    proc.on('exit', (code) => (s.exitCode = code));
    conn.onRequest('workspace/configuration', async (params: { items: Array<{ section?: string }> }) => {
      s.configurationRequests++;
      if (s.held) await s.held;
      return params.items.map((i) => (i.section === 'fazhiReport' ? s.settings : null));
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification((method: string, params: unknown) => s.push(method, params));
    conn.listen();
    const exited = new Promise<never>((_, reject) => proc.on('exit', (code) => reject(new Error(`the server exited (code ${code}) before answering initialize: ${s.stderr.join('')}`))));
    exited.catch(() => undefined);
    const init = conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(join(ROOT, 'test', 'protocol')).href,
      capabilities: {
        workspace: {
          configuration: !opts.noConfiguration,
          didChangeConfiguration: { dynamicRegistration: false },
          workspaceEdit: { documentChanges: true },
        },
        textDocument: {
          publishDiagnostics: opts.publishDiagnostics ?? { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
          synchronization: { didSave: true },
        },
      },
      initializationOptions: opts.initializationOptions,
    });
    s.initializeResult = (await Promise.race([init, exited])) as { capabilities: Record<string, unknown> };
    await conn.sendNotification('initialized', {});
    return s;
  }

  private push(method: string, params: unknown): void {
    const n = { method, params, seq: this.seq++ };
    this.notifications.push(n);
    this.waiters = this.waiters.filter((w) => {
      if (n.seq >= w.from && w.pred(n)) {
        w.resolve(n);
        return false;
      }
      return true;
    });
  }

  /** Sequence number of the next notification (to wait for messages after a point). */
  mark(): number {
    return this.seq;
  }

  waitFor(pred: (n: Notification) => boolean, from = 0, what = 'notification', timeoutMs = 15000): Promise<Notification> {
    const done = this.notifications.find((n) => n.seq >= from && pred(n));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const w = { pred, from, resolve: (n: Notification) => { clearTimeout(timer); resolve(n); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** The next diagnostics for `uri` (optionally of a given version) after `from`. */
  async diagnostics(uri: string, version?: number, from = 0): Promise<PublishDiagnosticsParams> {
    const n = await this.waitFor((x) => {
      if (x.method !== 'textDocument/publishDiagnostics') return false;
      const p = x.params as PublishDiagnosticsParams;
      return p.uri === uri && (version === undefined || p.version === version);
    }, from, `diagnostics of ${uri} v${version}`);
    return n.params as PublishDiagnosticsParams;
  }

  published(uri: string, from = 0): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((n) => n.seq >= from && n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => n.params as PublishDiagnosticsParams);
  }

  logs(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  }

  open(uri: string, text: string, languageId = 'fazhi-report', version = 1): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends edits as an incremental change and applies them to the client copy. */
  edit(uri: string, edits: TextEdit[]): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const text = TextDocument.applyEdits(doc, edits);
    // LSP content changes apply in order: send them last-first so earlier ranges stay valid
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    this.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /** Applies a WorkspaceEdit of a code action to the document (and sends it to the server). */
  applyWorkspaceEdit(uri: string, edit: WorkspaceEdit): number {
    let edits: TextEdit[] = [];
    if (edit.documentChanges) {
      for (const c of edit.documentChanges) if ('edits' in c && c.textDocument.uri === uri) edits.push(...(c.edits as TextEdit[]));
    } else if (edit.changes) edits = edit.changes[uri] ?? [];
    return this.edit(uri, edits);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      if (this.exitCode === undefined) {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void this.conn.sendNotification('exit');
      }
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.exitCode !== undefined) return resolve();
      const t = setTimeout(() => {
        this.proc.kill();
        resolve();
      }, 2000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}

export function byRule(diags: Diagnostic[], ruleId: string): Diagnostic[] {
  return diags.filter((d) => d.code === ruleId);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
