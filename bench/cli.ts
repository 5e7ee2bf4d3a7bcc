/** Whole-process CLI timings: side by side with textlint and AutoCorrect, and a 1,000-report batch. */
import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { out, processTimes, root, row, seeds, seedsDir, stats, Stats } from './util';

interface Tool {
  name: string;
  args: string[];
}

/**
 * Whole-process times of each tool, `runs` each, taken in turns (tool 1, tool 2, … then again) so
 * that the load of a shared machine falls on all of them alike. `env` is the tools' environment.
 */
function turns(tools: Tool[], runs: number, env: NodeJS.ProcessEnv): Stats[] {
  const xs: number[][] = tools.map(() => []);
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, k) => {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, t.args, { cwd: root, stdio: 'ignore', env });
      xs[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return xs.map(stats);
}

function table(tools: Tool[], runs: number, env: NodeJS.ProcessEnv): { ours: number; tl: number; ac: number } {
  const [floor, ours, tl, ac] = turns(tools, runs, env);
  out('| tool | min | median | max | unit | ratio (their median ÷ ours) |');
  out('|---|---|---|---|---|---|');
  out(row('`node -e 0` (the floor: Node starting and stopping)', floor, 'ms', '| – '));
  out(row('fazhi-report check', ours, 'ms', '| 1× '));
  out(row('textlint (sentence-length, no-unmatched-pair)', tl, 'ms', `| ${(tl.median / ours.median).toFixed(1)}× `));
  out(row('autocorrect --lint', ac, 'ms', `| ${(ac.median / ours.median).toFixed(1)}× `));
  out('');
  return { ours: ours.median, tl: tl.median, ac: ac.median };
}

export function sideBySide(): void {
  out('## Whole process on the five seeds, side by side');
  out('');
  const files = seeds.map((s) => join(seedsDir, s));
  const runs = 10;
  const tools: Tool[] = [
    { name: 'node', args: ['-e', '0'] },
    { name: 'fazhi-report', args: [join(root, 'bin', 'fazhi-report.js'), 'check', ...files] },
    { name: 'textlint', args: [join(root, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', join(root, 'bench', 'textlintrc.json'), ...files] },
    { name: 'autocorrect', args: [join(root, 'node_modules', 'autocorrect-node', 'cli.js'), '--lint', ...files] },
  ];
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  out(`The three tools run in turns, ${runs} times each, with this machine's environment${ca ? ` (NODE_EXTRA_CA_CERTS=${ca}: every Node process, the three tools and \`node -e 0\` alike, reads that file of certificates as it starts)` : ''}.`);
  out('');
  const a = table(tools, runs, process.env);
  out(`Targets: ≥ 20× faster than textlint (${(a.tl / a.ours).toFixed(1)}×), ≥ 2× faster than AutoCorrect (${(a.ac / a.ours).toFixed(1)}×).`);
  out('');
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  out(`The same, with NODE_EXTRA_CA_CERTS removed from the environment of all three tools and of \`node -e 0\`${ca ? '' : ' (it is not set here: both tables measure the same setting)'}:`);
  out('');
  const b = table(tools, runs, env);
  out(`Without NODE_EXTRA_CA_CERTS: ${(b.tl / b.ours).toFixed(1)}× faster than textlint, ${(b.ac / b.ours).toFixed(1)}× faster than AutoCorrect.`);
  out('');
}

export function batch(): void {
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
