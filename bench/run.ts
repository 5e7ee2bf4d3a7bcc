/**
 * `npm run bench`: speed and memory, side by side with the tools users would pick instead.
 * Writes bench/RESULTS.md. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { cpus, totalmem, tmpdir } from 'os';
import { join } from 'path';
import { check } from '../server/src/engine/check';

const root = join(__dirname, '..');
const seedsDir = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

interface Stats { min: number; median: number; max: number; p95: number }
function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { min: s[0], median: q(0.5), max: s[s.length - 1], p95: q(0.95) };
}
const f2 = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const row = (name: string, st: Stats, unit = 'ms', extra = '') => `| ${name} | ${f2(st.min)} | ${f2(st.median)} | ${f2(st.max)} | ${unit} ${extra}|`;

function timeIt(fn: () => void, runs: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return xs;
}

/** Synthetic report of about `n` characters: the seeds repeated with their figures varied. */
export function synthetic(n: number): string {
  const texts = seeds.map((s) => readFileSync(join(seedsDir, s), 'utf8'));
  let out = '';
  let k = 0;
  while (out.length < n) {
    const t = texts[k % texts.length].replace(/\d+/g, (d) => String((Number(d) + k) % 100000));
    out += t + '\n\n';
    k++;
  }
  return out.slice(0, n);
}

function engine(): void {
  out('## Engine, in process (`check(text)`)');
  out('');
  out('| document | min | median | max | unit |');
  out('|---|---|---|---|---|');
  for (const s of seeds) {
    const text = readFileSync(join(seedsDir, s), 'utf8');
    timeIt(() => check(text), 20);
    out(row(`${s} (${text.length} chars)`, stats(timeIt(() => check(text), 100))));
  }
  const sizes: Array<[string, number, number]> = [['20k', 20000, 100], ['200k', 200000, 20], ['1 MB', 1 << 20, 10]];
  const per: string[] = [];
  for (const [name, n, runs] of sizes) {
    const text = synthetic(n);
    timeIt(() => check(text), 2);
    const st = stats(timeIt(() => check(text), runs));
    out(row(`synthetic ${name} (${text.length} chars)`, st));
    per.push(`${name}: ${(st.median / (text.length / 1000)).toFixed(3)} ms per 1k chars`);
  }
  out('');
  out(`Linearity (median time per 1,000 characters): ${per.join('; ')}. Targets: 20k ≤ 2 ms, 1 MB ≤ 50 ms.`);
  out('');
}

function processTimes(cmd: string, args: string[], runs: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return xs;
}

function sideBySide(): void {
  out('## Whole process on the five seeds, side by side');
  out('');
  const files = seeds.map((s) => join(seedsDir, s));
  const node = process.execPath;
  const runs = 10;
  const ours = stats(processTimes(node, [join(root, 'bin', 'fazhi-report.js'), 'check', ...files], runs));
  const tl = stats(processTimes(node, [join(root, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', join(root, 'bench', 'textlintrc.json'), ...files], runs));
  const ac = stats(processTimes(node, [join(root, 'node_modules', 'autocorrect-node', 'cli.js'), '--lint', ...files], runs));
  out('| tool | min | median | max | unit | ratio (their median ÷ ours) |');
  out('|---|---|---|---|---|---|');
  out(row('fazhi-report check', ours, 'ms', '| 1× '));
  out(row('textlint (sentence-length, no-unmatched-pair)', tl, 'ms', `| ${(tl.median / ours.median).toFixed(1)}× `));
  out(row('autocorrect --lint', ac, 'ms', `| ${(ac.median / ours.median).toFixed(1)}× `));
  out('');
  out(`Targets: ≥ 20× faster than textlint (${(tl.median / ours.median).toFixed(1)}×), ≥ 2× faster than AutoCorrect (${(ac.median / ours.median).toFixed(1)}×).`);
  out('');
}

function batch(): void {
  out('## CLI batch: 1,000 reports, whole process');
  out('');
  const dir = join(tmpdir(), `fazhi-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const texts = seeds.map((s) => readFileSync(join(seedsDir, s), 'utf8'));
  for (let i = 0; i < 1000; i++) {
    const t = texts[i % texts.length].replace(/\d+/g, (d) => String((Number(d) + i) % 100000));
    writeFileSync(join(dir, `report-${String(i).padStart(4, '0')}.txt`), t);
  }
  const xs = processTimes(process.execPath, [join(root, 'bin', 'fazhi-report.js'), 'check', '--format', 'json', dir], 3);
  out('| batch | min | median | max | unit |');
  out('|---|---|---|---|---|');
  out(row('1,000 reports (folder)', stats(xs)));
  out('');
  rmSync(dir, { recursive: true, force: true });
}

/** didChange → publishDiagnostics over stdio (debounce set to 0), and RSS with 50 reports open. */
async function server(): Promise<void> {
  const serverJs = join(root, 'dist', 'server.js');
  if (!existsSync(serverJs)) {
    out('## Language server\n\n(dist/server.js not built: skipped)\n');
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
  const settings = { enable: true, run: 'onType', debounceMs: 0, documents: 'all', profile: 'fazhi-zhengfu' };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  const waiters = new Map<string, (v: number) => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const w = waiters.get(`${p.uri}#${p.version}`);
    if (w) w(Number(process.hrtime.bigint()) / 1e6);
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true } } } });
  conn.sendNotification('initialized', {});
  const text = synthetic(20000);
  const uri = 'file:///bench/report.md';
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
  const lat: number[] = [];
  for (let v = 2; v <= 201; v++) {
    p = wait(uri, v);
    const t0 = Number(process.hrtime.bigint()) / 1e6;
    const at = { line: 10 + (v % 50), character: 0 };
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: v % 2 ? '受理案件10件。' : '' }] });
    lat.push((await p) - t0);
  }
  const st = stats(lat);
  out('## Language server over stdio');
  out('');
  out('| measure | min | median | max | unit |');
  out('|---|---|---|---|---|');
  out(`| didChange → publishDiagnostics, 20k-char report, 200 edits (debounce 0) | ${f2(st.min)} | ${f2(st.median)} | ${f2(st.max)} | ms (p95 ${f2(st.p95)}) |`);
  for (let i = 0; i < 50; i++) {
    const u = `file:///bench/r${i}.md`;
    const q = wait(u, 1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: readFileSync(join(seedsDir, seeds[i % seeds.length]), 'utf8') } });
    await q;
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  out(`| server RSS with 51 reports open | | ${rss.toFixed(1)} | | MB |`);
  out('');
  out('Targets: median/p95 ≤ 10 ms; RSS ≤ 60 MB.');
  out('');
  conn.dispose();
  child.kill();
}

function packageSize(): void {
  out('## Extension');
  out('');
  const vsix = join(root, 'dist', 'fazhi-report.vsix');
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'ignore' });
  if (r.status === 0 && existsSync(vsix)) out(`- \`.vsix\` size: ${(statSync(vsix).size / 1024).toFixed(0)} KB (target ≤ 1 MB)`);
  else out('- `.vsix`: not built (npm run package failed)');
  const act = join(root, 'dist', 'activation.json');
  if (existsSync(act)) {
    const a = JSON.parse(readFileSync(act, 'utf8')) as { ms: number; date: string };
    out(`- activation time in the real VS Code (from the last integration run, ${a.date}): ${a.ms} ms`);
  } else out('- activation time: measured by the integration run (`npm run test:integration` writes dist/activation.json)');
  out('');
}

async function main(): Promise<void> {
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  out('# Benchmark results');
  out('');
  out(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`);
  out('Produced by `npm run bench` (bench/run.ts). Times in milliseconds: min / median / max.');
  out('');
  engine();
  await server();
  sideBySide();
  batch();
  packageSize();
  writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
