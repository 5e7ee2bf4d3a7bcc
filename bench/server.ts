/** The language server over stdio: didChange → publishDiagnostics latency and memory. */
import { spawn } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';
import { f2, out, root, seeds, seedsDir, stats, synthetic } from './util';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/lsp/launch';
import { IDLE_GC_MS } from '../server/src/lsp/memory';

/**
 * The Node of the integration toolchain (`scripts/integration/setup.sh`: the runtime of code-server's
 * extension host, which is what starts the server in the integration tests), if it is installed.
 */
function integrationNode(): { node: string; version: string } | undefined {
  const cacheRoot = process.env.FAZHI_IT_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'fazhi-report-it');
  if (!existsSync(cacheRoot)) return undefined;
  const found = readdirSync(cacheRoot)
    .map((d) => join(cacheRoot, d, 'toolchain.json'))
    .filter((f) => existsSync(f))
    .map((f) => ({ f, t: statSync(f).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of found) {
    try {
      const tc = JSON.parse(readFileSync(f, 'utf8')) as { node?: string; versions?: { node?: string } };
      if (tc.node && existsSync(tc.node) && tc.node !== process.execPath) return { node: tc.node, version: tc.versions?.node ?? '?' };
    } catch {
      /* not a toolchain */
    }
  }
  return undefined;
}

/**
 * didChange → publishDiagnostics over stdio (debounce set to 0), and RSS with 50 reports open: on
 * this Node, then on the integration toolchain's Node when it is installed (the server's memory
 * depends on the V8 it runs on).
 */
export async function server(): Promise<void> {
  await serverOn(process.execPath, '## Language server over stdio');
  const other = integrationNode();
  if (other) await serverOn(other.node, `### The same on Node ${other.version} (the runtime of code-server's extension host in the integration tests)`);
}

async function serverOn(node: string, heading: string): Promise<void> {
  // FAZHI_BENCH_SERVER: another bundle of the server (e.g. one built into a private directory)
  const serverJs = process.env.FAZHI_BENCH_SERVER || join(root, 'dist', 'server.js');
  if (!existsSync(serverJs)) {
    out(`## Language server\n\n(${serverJs} not built: skipped)\n`);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');
  // the same V8 flags as the client gives the server (client/src/extension.ts)
  const child = spawn(node, [...SERVER_EXEC_ARGV, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...SERVER_ENV } });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
  const settings = { enable: true, run: 'onType', debounceMs: 0, documents: 'all', profile: 'fazhi-zhengfu' };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  const waiters = new Map<string, (v: number) => void>();
  const text = synthetic(20000);
  const uri = 'file:///bench/report.md';
  // what one publishDiagnostics of the 20k report carries (to read the latency against)
  let published = { count: 0, bytes: 0 };
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    const w = waiters.get(`${p.uri}#${p.version}`);
    if (w) w(Number(process.hrtime.bigint()) / 1e6);
    if (p.uri === uri && p.version === 2) published = { count: p.diagnostics.length, bytes: Buffer.byteLength(JSON.stringify(p)) };
  });
  // the engine's own time per check inside the server (the `ms` of fazhiReport/status)
  const engineMs = new Map<number, number>();
  conn.onNotification('fazhiReport/status', (p: { uri: string; version: number; ms: number }) => {
    if (p.uri === uri) engineMs.set(p.version, p.ms);
  });
  // CPU time of the server process (all its threads: V8 compiles and collects in the background)
  const cpuOf = () => {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * (1000 / 100); // utime + stime, in ticks of 10 ms
  };
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true } } } });
  conn.sendNotification('initialized', {});
  const wait = (u: string, v: number, ms = 10000) => new Promise<number>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`no diagnostics for ${u}#${v}`)), ms);
    waiters.set(`${u}#${v}`, (x) => {
      clearTimeout(t);
      waiters.delete(`${u}#${v}`);
      res(x);
    });
  });
  let p = wait(uri, 1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await p;
  // 200 edits right after opening (V8 still compiling the engine), then 200 more (steady state)
  const edits = async (from: number): Promise<number[]> => {
    const lat: number[] = [];
    for (let v = from; v < from + 200; v++) {
      p = wait(uri, v);
      const t0 = Number(process.hrtime.bigint()) / 1e6;
      const at = { line: 10 + (v % 50), character: 0 };
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: v % 2 ? '受理案件10件。' : '' }] });
      lat.push((await p) - t0);
    }
    return lat;
  };
  const cpu0 = cpuOf();
  const first = stats(await edits(2));
  const cpu1 = cpuOf();
  const steady = stats(await edits(202));
  const cpu2 = cpuOf();
  const engine = (from: number) => stats([...Array(200).keys()].map((i) => engineMs.get(from + i) ?? NaN).filter((x) => x === x));
  out(heading);
  out('');
  out('| measure | min | median | max | unit |');
  out('|---|---|---|---|---|');
  out(`| didChange → publishDiagnostics, 20k-char report, first 200 edits after opening (debounce 0) | ${f2(first.min)} | ${f2(first.median)} | ${f2(first.max)} | ms (p95 ${f2(first.p95)}) |`);
  out(`| same, the next 200 edits (steady state) | ${f2(steady.min)} | ${f2(steady.median)} | ${f2(steady.max)} | ms (p95 ${f2(steady.p95)}) |`);
  // where that time goes: the engine's share, and the server's CPU (main thread and V8's
  // background compiler and GC threads: on a shared machine they compete with the main thread)
  const e1 = engine(2);
  const e2 = engine(202);
  out(`| of which the engine's check inside the server (status \`ms\`), first 200 / next 200 edits | ${f2(e1.min)} / ${f2(e2.min)} | ${f2(e1.median)} / ${f2(e2.median)} | ${f2(e1.max)} / ${f2(e2.max)} | ms (p95 ${f2(e1.p95)} / ${f2(e2.p95)}) |`);
  out(`| server CPU per edit, all threads, first 200 / next 200 edits | | ${f2((cpu1 - cpu0) / 200)} / ${f2((cpu2 - cpu1) / 200)} | | ms |`);
  out(`| one publishDiagnostics of the 20k report (codeDescription, data, relatedInformation) | | ${published.count} diagnostics, ${(published.bytes / 1024).toFixed(0)} KB | | |`);
  for (let i = 0; i < 50; i++) {
    const u = `file:///bench/r${i}.md`;
    const q = wait(u, 1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: readFileSync(join(seedsDir, seeds[i % seeds.length]), 'utf8') } });
    await q;
  }
  const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const flags = `${Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${SERVER_EXEC_ARGV.join(' ')}`;
  out(`| server RSS with 51 reports open, right after the last open (${flags}) | | ${rssOf().toFixed(1)} | | MB |`);
  // the server collects once it has been idle for IDLE_GC_MS (lsp/memory.ts)
  await new Promise((r) => setTimeout(r, IDLE_GC_MS + 1500));
  out(`| same, once the server is idle (${(IDLE_GC_MS + 1500) / 1000} s later) | | ${rssOf().toFixed(1)} | | MB |`);
  // the floor: Node alone with the same flags
  const bare = spawn(node, [...SERVER_EXEC_ARGV, '-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore', env: { ...process.env, ...SERVER_ENV } });
  await new Promise((r) => setTimeout(r, 800));
  const bareRss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${bare.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  bare.kill();
  out(`| floor: an idle Node process with the same flags and no code | | ${bareRss.toFixed(1)} | | MB |`);
  out('');
  out('Targets: median/p95 ≤ 10 ms; RSS ≤ 60 MB.');
  out('');
  conn.dispose();
  child.kill();
}

