/** Shared by the bench parts: output, statistics, the seeds and the synthetic documents. */
import { spawnSync } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

export const root = join(__dirname, '..');
export const seedsDir = join(root, 'test', 'fixtures', 'seeds');
export const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
export const lines: string[] = [];
export const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

export interface Stats { min: number; median: number; max: number; p95: number }
export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { min: s[0], median: q(0.5), max: s[s.length - 1], p95: q(0.95) };
}
export const f2 = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
export const row = (name: string, st: Stats, unit = 'ms', extra = '') => `| ${name} | ${f2(st.min)} | ${f2(st.median)} | ${f2(st.max)} | ${unit} ${extra}|`;

export function timeIt(fn: () => void, runs: number): number[] {
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

export function processTimes(cmd: string, args: string[], runs: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return xs;
}

