/**
 * Protocol-level fuzz of the language server: random sequences of open/change/close/configuration
 * messages with random edits — invalid ranges and huge edits among them. The server must neither
 * exit nor stop answering, and a malformed request gets an LSP error response.
 */
import { strict as assert } from 'assert';
import { spawn, ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import * as rpc from 'vscode-jsonrpc/node';
import { seed, SEEDS } from '../helpers/util';
import { reportText } from './generators';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const SEQUENCES = Math.max(20, Math.floor(Number(process.env.FUZZ_RUNS ?? 10000) / 200));

type Op =
  | { t: 'open'; doc: number; text: string }
  | { t: 'change'; doc: number; line: number; ch: number; line2: number; ch2: number; text: string }
  | { t: 'full'; doc: number; text: string }
  | { t: 'close'; doc: number }
  | { t: 'config'; debounce: number; run: string; enable: boolean; profile: string }
  | { t: 'hover' | 'actions' | 'symbols'; doc: number; line: number; ch: number };

const position = fc.integer({ min: -5, max: 400 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('open' as const), doc: fc.nat(3), text: fc.oneof(reportText, fc.constantFrom(...SEEDS).map((s) => seed(s))) }),
  { weight: 4, arbitrary: fc.record({ t: fc.constant('change' as const), doc: fc.nat(3), line: position, ch: position, line2: position, ch2: position, text: fc.oneof(reportText, fc.constant('\uD800'), fc.constant('受理'.repeat(20000))) }) },
  fc.record({ t: fc.constant('full' as const), doc: fc.nat(3), text: reportText }),
  fc.record({ t: fc.constant('close' as const), doc: fc.nat(3) }),
  fc.record({ t: fc.constant('config' as const), debounce: fc.oneof(fc.constant(0), fc.integer({ min: -10, max: 50 })), run: fc.constantFrom('onType', 'onSave', 'bogus'), enable: fc.boolean(), profile: fc.constantFrom('fazhi-zhengfu', 'gongzuo-zongjie', 'no-such-profile') }),
  fc.record({ t: fc.constantFrom('hover' as const, 'actions' as const, 'symbols' as const), doc: fc.nat(3), line: position, ch: position }),
);

describe(`language server under random protocol traffic (${SEQUENCES} sequences)`, function () {
  this.timeout(0);
  let child: ChildProcess;
  let conn: rpc.MessageConnection;
  let settings: Record<string, unknown> = { enable: true, run: 'onType', debounceMs: 0, documents: 'all', profile: 'fazhi-zhengfu' };
  let exited = false;

  before(async function () {
    assert.ok(existsSync(SERVER), 'dist/server.js is built (npm run build)');
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    child.on('exit', () => (exited = true));
    conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification(() => undefined);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } } });
    conn.sendNotification('initialized', {});
  });

  after(() => {
    conn?.dispose();
    child?.kill();
  });

  it('never exits and keeps answering', async () => {
    const versions = new Map<number, number>();
    const uri = (d: number) => `file:///fuzz/doc${d}.md`;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      for (const op of ops) {
        switch (op.t) {
          case 'open':
            versions.set(op.doc, 1);
            conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(op.doc), languageId: 'markdown', version: 1, text: op.text } });
            break;
          case 'change': {
            const v = (versions.get(op.doc) ?? 0) + 1;
            versions.set(op.doc, v);
            conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(op.doc), version: v }, contentChanges: [{ range: { start: { line: op.line, character: op.ch }, end: { line: op.line2, character: op.ch2 } }, text: op.text }] });
            break;
          }
          case 'full': {
            const v = (versions.get(op.doc) ?? 0) + 1;
            versions.set(op.doc, v);
            conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(op.doc), version: v }, contentChanges: [{ text: op.text }] });
            break;
          }
          case 'close':
            versions.delete(op.doc);
            conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(op.doc) } });
            break;
          case 'config':
            settings = { enable: op.enable, run: op.run, debounceMs: op.debounce, documents: 'all', profile: op.profile };
            conn.sendNotification('workspace/didChangeConfiguration', { settings: { fazhiReport: settings } });
            break;
          default: {
            const method = op.t === 'hover' ? 'textDocument/hover' : op.t === 'actions' ? 'textDocument/codeAction' : 'textDocument/documentSymbol';
            const pos = { line: op.line, character: op.ch };
            const params = op.t === 'actions'
              ? { textDocument: { uri: uri(op.doc) }, range: { start: pos, end: pos }, context: { diagnostics: [] } }
              : { textDocument: { uri: uri(op.doc) }, position: pos };
            try {
              await conn.sendRequest(method, params);
            } catch (e) {
              // an error response is an answer; a dead server is not
              assert.ok(e instanceof rpc.ResponseError, `unexpected failure ${String(e)}`);
            }
          }
        }
      }
      // still alive and answering
      assert.equal(exited, false, 'the server exited');
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(0) } }).catch((e) => {
        assert.ok(e instanceof rpc.ResponseError, String(e));
      });
    }), { numRuns: SEQUENCES });
    assert.equal(exited, false);
  });

  it('answers a malformed request with an LSP error response', async () => {
    await assert.rejects(
      conn.sendRequest('textDocument/hover', { bogus: true }),
      (e: unknown) => e instanceof rpc.ResponseError,
    );
    await assert.rejects(
      conn.sendRequest('fazhiReport/noSuchMethod', {}),
      (e: unknown) => e instanceof rpc.ResponseError && e.code === rpc.ErrorCodes.MethodNotFound,
    );
    assert.equal(exited, false);
  });
});
