#!/usr/bin/env node
// Integration tests in a REAL VS Code (`npm run test:integration`).
//
// 1. builds the extension, compiles the suites (test/integration/suite, vsix-suite) with esbuild,
//    prepares a workspace (seeds as .fzbg, fixtures) and the engine's expectations for it;
// 2. runs the suite with @vscode/test-electron (desktop VS Code) when VS Code can be downloaded,
//    otherwise (these machines) in code-server's VS Code driven by headless chromium
//    (toolchain from scripts/integration/setup.sh, installed on first use);
// 3. checks the TextMate grammar with VS Code's own vscode-textmate and oniguruma;
// 4. packages the .vsix (`npm run package`), installs it into the real VS Code and sees it activate;
// 5. writes the activation time (see writeActivation: the installed .vsix's, else the development
//    folder's) to dist/activation.json for `npm run bench`.
// The suite also kills the language server (SIGKILL, its pid from the `fazhiReport/pid` request)
// and sees the client restart it and the diagnostics return (suite/07-server-kill.test.ts).
// Each run works in its own .vscode-test/it-<pid> (kept for inspection, pruned by a later run).
// Prints `N passed, N failed` last; exits non-zero on any failure.
//
// Options: --mode=auto|electron|offline (env FAZHI_IT_MODE), --no-vsix, --grep=REGEX (suite only).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
// one folder per run (several runs at once in one tree must not delete each other's workspace);
// kept after the run for inspection, removed by the next run once its runner has gone
const work = join(root, '.vscode-test', `it-${process.pid}`);
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = args.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (!a) return dflt;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : true;
};
const MODE = opt('mode', process.env.FAZHI_IT_MODE || 'auto');
const WITH_VSIX = !args.includes('--no-vsix');
const GREP = opt('grep', '');
const SUITE_TIMEOUT_MS = Number(process.env.FAZHI_IT_TIMEOUT_MS || 10 * 60_000);
const t0 = Date.now();

let passed = 0;
let failed = 0;
const failures = [];
const say = (...a) => console.log('[it]', ...a);

function count(label, result) {
  passed += result.passed;
  failed += result.failed;
  for (const f of result.failures ?? []) failures.push(`${label}: ${f}`);
  say(`${label}: ${result.passed} passed, ${result.failed} failed`);
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

// ------------------------------------------------------------------ 1. build and prepare

function pruneOldRuns() {
  const base = join(root, '.vscode-test');
  if (!existsSync(base)) return;
  for (const d of readdirSync(base)) {
    const m = /^it-(\d+)$/u.exec(d);
    if (!m || Number(m[1]) === process.pid) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(base, d), { recursive: true, force: true });
  }
}

async function prepare() {
  pruneOldRuns();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  if (!existsSync(join(root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: the language server (server/src/server.ts) is not built');
  const { build } = await import('esbuild');
  const suiteDir = join(here, 'suite');
  const entries = readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(suiteDir, f));
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning', absWorkingDir: root };
  await build({ ...common, entryPoints: entries, outdir: join(work, 'out', 'suite') });
  await build({ ...common, entryPoints: [join(here, 'vsix-suite', 'index.ts')], outdir: join(work, 'out', 'vsix') });
  if (GREP) writeFileSync(join(work, 'out', 'suite', 'grep.txt'), String(GREP));

  // the workspace: every seed as a .fzbg report, one as plain text, the fixtures
  const ws = join(work, 'ws');
  mkdirSync(ws, { recursive: true });
  const seedsDir = [join(root, '..', 'shared', 'corpus', 'seeds'), join(root, 'test', 'fixtures', 'seeds')].find((d) => existsSync(d));
  for (const f of readdirSync(seedsDir)) {
    if (!f.endsWith('.txt')) continue;
    cpSync(join(seedsDir, f), join(ws, f.replace(/\.txt$/, '.fzbg')));
  }
  cpSync(join(seedsDir, 'haidong-2024-report.txt'), join(ws, 'haidong-2024-report.txt'));
  const fx = join(here, 'fixtures');
  for (const f of readdirSync(fx)) cpSync(join(fx, f), join(ws, f));
  // this project's own README: Markdown that names the report it is about, but is not one
  cpSync(join(root, 'README.md'), join(ws, 'project-readme.md'));
  for (const copy of ['quickfix.fzbg', 'fixall.fzbg', 'onsave.fzbg']) cpSync(join(fx, 'fixable.fzbg'), join(ws, copy));
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  writeFileSync(join(ws, '.vscode', 'settings.json'), '{}\n');
  run(process.execPath, ['-r', 'esbuild-register', join(here, 'expect.ts'), ws, join(work, 'out', 'expect.json')]);
  return ws;
}

// ------------------------------------------------------------------ 2a. @vscode/test-electron

async function runElectron(extensionTestsPath, ws, extra = {}) {
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await Promise.race([
      downloadAndUnzipVSCode({ version: 'stable', timeout: 15_000 }),
      new Promise((_, rej) => setTimeout(() => rej(new Error('download timed out')), 30_000)),
    ]);
  } catch (err) {
    return { unavailable: `@vscode/test-electron cannot download VS Code (${String(err?.message ?? err).split('\n')[0]})` };
  }
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: extra.extensionDevelopmentPath ?? root,
    extensionTestsPath,
    launchArgs: [ws, '--disable-workspace-trust', '--skip-welcome', ...(extra.extensionsDir ? ['--extensions-dir', extra.extensionsDir] : ['--disable-extensions'])],
    extensionTestsEnv: { FAZHI_IT_GREP: GREP || '' },
  }).catch(() => 1);
  return { code };
}

// ------------------------------------------------------------------ 2b. offline: code-server + chromium

function toolchain() {
  say('toolchain: scripts/integration/setup.sh');
  const r = spawnSync('bash', [join(root, 'scripts', 'integration', 'setup.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/integration/setup.sh failed (${r.status})`);
  const dir = r.stdout.trim().split('\n').pop();
  return JSON.parse(readFileSync(join(dir, 'toolchain.json'), 'utf8'));
}

const NOISE = [/\[(?:AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)/u, /authentication provider|Creating a socket|connection token|additional builtin extensions/u, /^\s+at (?:async )?\S+ \(http/u, /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|net::ERR_/u, /open-vsx|marketplace|gallery|update\.code|vscode-cdn/iu, /\[(?:git|github|npm|emmet|json|typescript)/iu, /Extension Host.*(?:deprecat|punycode)/u, /DeprecationWarning/u, /Failed to load resource/u];
const noisy = (line) => NOISE.some((re) => re.test(line));

async function startCodeServer(tc, dirs) {
  const env = {
    ...process.env,
    PATH: `${dirname(tc.node)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    FAZHI_IT_GREP: GREP || '',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const argv = [
    tc.codeServer, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--ignore-last-opened', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const cs = spawn(tc.node, argv, { cwd: dirs.tmp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(cs);
  cs.on('exit', () => children.delete(cs));
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${out}`)), 90_000);
    const onData = (b) => {
      out += b.toString();
      const m = /HTTP server listening on (http:\/\/[^\s]+)/u.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    cs.stdout.on('data', onData);
    cs.stderr.on('data', onData);
    cs.on('exit', (c) => reject(new Error(`code-server exited (${c}):\n${out}`)));
  });
  cs.stdout.removeAllListeners('data');
  cs.stderr.removeAllListeners('data');
  cs.stdout.resume();
  cs.stderr.resume();
  return { cs, url };
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) killGroup(c);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) killGroup(c);
    process.exit(130);
  });
}

function killGroup(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}

function offlineDirs(label) {
  const base = join(work, `cs-${label}`);
  const dirs = { base, userData: join(base, 'user-data'), extensions: join(base, 'extensions'), config: join(base, 'config'), data: join(base, 'data'), cache: join(base, 'cache'), tmp: join(base, 'tmp') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'github.gitAuthentication': false,
  }, null, 1));
  return dirs;
}

async function runOffline(tc, { label, devPath, testsPath, ws, dirs }) {
  const { cs, url } = await startCodeServer(tc, dirs);
  const host = new URL(url).host;
  say(`${label}: code-server ${tc.versions?.codeServer ?? ''} at ${url}`);
  const { chromium } = require(tc.playwrightCore);
  const browser = await chromium.launch({
    executablePath: tc.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      for (const l of line.split('\n')) if (l.trim() && !noisy(l)) console.log(`  ${l}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`],
      ['extensionTestsPath', `vscode-remote://${host}${testsPath}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (code === 'timeout') say(`${label}: timed out after ${SUITE_TIMEOUT_MS / 1000} s`);
    return { code: code === 'timeout' ? 1 : code };
  } finally {
    await browser.close().catch(() => {});
    killGroup(cs);
  }
}

function readResult(dir, label, code) {
  const file = join(dir, 'result.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return { passed: 0, failed: 1, failures: [`${label} did not report (exit code ${code})`] };
}

// ------------------------------------------------------------------ 3. grammar

async function grammar(tc) {
  const { checkGrammar } = await import('./grammar.mjs');
  const vscodeModules = tc ? join(dirname(tc.codeServer), '..', '..', 'lib', 'vscode', 'node_modules') : undefined;
  return checkGrammar(root, vscodeModules);
}

// ------------------------------------------------------------------ 4. the .vsix

function packageVsix() {
  const vsix = join(root, 'dist', 'fazhi-report.vsix');
  rmSync(vsix, { force: true });
  run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const size = statSync(vsix).size;
  say(`.vsix: ${vsix} ${(size / 1024).toFixed(1)} KiB`);
  return { vsix, size };
}

function vsixContents(vsix) {
  const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.split('\n').filter(Boolean);
  // no unzip: read the zip's central directory
  const buf = readFileSync(vsix);
  const names = [];
  let i = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let off = buf.readUInt32LE(i + 16);
  const n = buf.readUInt16LE(i + 10);
  for (let k = 0; k < n; k++) {
    const len = buf.readUInt16LE(off + 28);
    const extra = buf.readUInt16LE(off + 30);
    const comment = buf.readUInt16LE(off + 32);
    names.push(buf.toString('utf8', off + 46, off + 46 + len));
    off += 46 + len + extra + comment;
  }
  return names;
}

function checkVsixContents(vsix, size) {
  const names = vsixContents(vsix);
  const fails = [];
  const need = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/syntaxes/fazhi-report.tmLanguage.json', 'extension/snippets/fazhi-report.json', 'extension/language-configuration.json', 'extension/l10n/bundle.l10n.zh-cn.json', 'extension/package.nls.zh-cn.json'];
  for (const f of need) if (!names.includes(f)) fails.push(`the .vsix lacks ${f}`);
  const nm = names.filter((f) => f.includes('node_modules/'));
  if (nm.length) fails.push(`the .vsix contains node_modules (${nm.length} files, e.g. ${nm[0]})`);
  const junk = names.filter((f) => /^extension\/(?:test|server\/src|client\/src|\.vscode-test|bench)\//u.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
  if (junk.length) fails.push(`the .vsix contains sources or test files (${junk.slice(0, 3).join(', ')})`);
  if (size > 1024 * 1024) fails.push(`the .vsix is ${(size / 1024 / 1024).toFixed(2)} MiB (> 1 MiB)`);
  return { passed: fails.length ? 0 : 1, failed: fails.length ? 1 : 0, failures: fails };
}

// ------------------------------------------------------------------ main

async function main() {
  const ws = await prepare();
  const suiteOut = join(work, 'out', 'suite');
  const vsixOut = join(work, 'out', 'vsix');
  let mode = MODE;
  let tc;
  if (mode === 'auto' || mode === 'electron') {
    say('trying @vscode/test-electron');
    const r = await runElectron(join(suiteOut, 'index.js'), ws);
    if (r.unavailable) {
      say(r.unavailable);
      if (mode === 'electron') throw new Error(r.unavailable);
      mode = 'offline';
    } else {
      mode = 'electron';
      count('suite (desktop VS Code)', readResult(suiteOut, 'suite', r.code));
    }
  }
  if (mode === 'offline') {
    tc = toolchain();
    const dirs = offlineDirs('dev');
    const r = await runOffline(tc, { label: 'suite', devPath: root, testsPath: join(suiteOut, 'index.js'), ws, dirs });
    count('suite (VS Code of code-server)', readResult(suiteOut, 'suite', r.code));
  }
  try {
    count('grammar', await grammar(tc ?? (existsSync(join(root, 'scripts', 'integration', 'setup.sh')) ? toolchain() : undefined)));
  } catch (err) {
    count('grammar', { passed: 0, failed: 1, failures: [String(err?.stack ?? err)] });
  }
  if (WITH_VSIX) {
    const { vsix, size } = packageVsix();
    count('vsix contents', checkVsixContents(vsix, size));
    // a harness extension with no contributions carries the test; the extension under test is the installed .vsix
    const harness = join(work, 'harness');
    mkdirSync(harness, { recursive: true });
    writeFileSync(join(harness, 'package.json'), JSON.stringify({ name: 'fazhi-it-harness', publisher: 'fazhi-report', version: '0.0.0', engines: { vscode: '^1.91.0' } }));
    if (mode === 'offline') {
      const dirs = offlineDirs('vsix');
      run(tc.node, [tc.codeServer, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
        env: { ...process.env, PATH: `${dirname(tc.node)}:${process.env.PATH}`, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const r = await runOffline(tc, { label: 'vsix', devPath: harness, testsPath: join(vsixOut, 'index.js'), ws, dirs });
      count('vsix installed in VS Code', readResult(vsixOut, 'vsix', r.code));
    } else {
      const { resolveCliArgsFromVSCodeExecutablePath, downloadAndUnzipVSCode } = require('@vscode/test-electron');
      const exe = await downloadAndUnzipVSCode({ version: 'stable' });
      const extensionsDir = join(work, 'electron-extensions');
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe);
      run(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir')), '--extensions-dir', extensionsDir, '--install-extension', vsix], { shell: process.platform === 'win32' });
      const r = await runElectron(join(vsixOut, 'index.js'), ws, { extensionDevelopmentPath: harness, extensionsDir });
      count('vsix installed in VS Code', readResult(vsixOut, 'vsix', r.code));
    }
  }
}

/**
 * The activation time for `npm run bench`: dist/activation.json `{ms, date, …}` — the time from
 * opening a report to its first diagnostics when that opening activates the extension; when VS Code
 * had activated it before (any plain-text or Markdown model does, e.g. at start-up), the extension's
 * own activation (activate() start → end, which includes starting the server) plus the time from
 * opening the report to its diagnostics. From the installed .vsix (the build users get), else the
 * development folder's suite. Nothing is written when neither measured it.
 */
function writeActivation() {
  for (const dir of [join(work, 'out', 'vsix'), join(work, 'out', 'suite')]) {
    const file = join(dir, 'activation.json');
    if (!existsSync(file)) continue;
    const t = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof t.openToDiagnosticsMs !== 'number' || typeof t.activateMs !== 'number') continue;
    const ms = Math.round(t.activeBeforeOpen ? t.activateMs + t.openToDiagnosticsMs : t.openToDiagnosticsMs);
    const measured = t.activeBeforeOpen ? 'activate() start → end, plus opening a report → its first diagnostics' : 'opening a report (which activates the extension) → its first diagnostics';
    const out = { ms, date: new Date().toISOString().slice(0, 10), measured, ...t };
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', 'activation.json'), `${JSON.stringify(out, null, 1)}\n`);
    say(`activation: ${ms} ms (${measured}; ${t.build}) → dist/activation.json`);
    return;
  }
}

let crashed = false;
try {
  await main();
  writeActivation();
} catch (err) {
  crashed = true;
  failed++;
  failures.push(String(err?.stack ?? err));
}
for (const f of failures) console.log(`[it] FAILED ${f}`);
say(`integration run took ${((Date.now() - t0) / 1000).toFixed(1)} s${crashed ? ' (aborted)' : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
