/** Whole-process CLI timings: side by side with textlint and AutoCorrect, and a 1,000-report batch. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { out, processTimes, root, row, seeds, seedsDir, stats } from './util';

export function sideBySide(): void {
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

