/**
 * `npm run bench`: speed and memory, side by side with the tools users would pick instead.
 * Writes bench/RESULTS.md. Not part of `npm test`.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { cpus, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { buildSync } from 'esbuild';
import type { check as Check } from '../server/src/engine/check';
import { lines, out, root, row, seeds, seedsDir, stats, synthetic, timeIt } from './util';
import { batch, sideBySide } from './cli';
import { server } from './server';

export { synthetic };

/**
 * The engine as it ships: bundled by esbuild like dist/server.js and dist/cli.js (scope-hoisted, no
 * module getters between files), into a temporary file.
 */
function bundledCheck(): typeof Check {
  const file = join(tmpdir(), `fazhi-bench-engine-${process.pid}.js`);
  buildSync({
    absWorkingDir: root, entryPoints: ['server/src/engine/index.ts'], outfile: file, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', mainFields: ['module', 'main'], define: { __FAZHI_BUNDLE__: 'true' }, logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { check: typeof Check };
  rmSync(file, { force: true });
  return mod.check;
}

function engine(): void {
  const check = bundledCheck();
  out('## Engine, in process (`check(text)`, the engine bundled by esbuild as it ships)');
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
