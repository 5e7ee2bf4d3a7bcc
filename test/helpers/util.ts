/** Shared helpers for unit tests. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { check, CheckOptions } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/types';

export const SEEDS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'seeds');
export const SEEDS = [
  'haidong-2024-report.txt',
  'huangzhong-2024-report.txt',
  'haixi-2020-report.txt',
  'pingan-2023-report.txt',
  'haixi-2024-feature-article.txt',
] as const;

/** Seeds are read from ../shared/corpus/seeds; a copy under test/fixtures/seeds is the fallback. */
export function seed(name: (typeof SEEDS)[number]): string {
  try {
    return readFileSync(join(SEEDS_DIR, name), 'utf8');
  } catch {
    return readFileSync(join(__dirname, '..', 'fixtures', 'seeds', name), 'utf8');
  }
}

/** Findings of one rule only. */
export function findings(text: string, ruleId: string, options: CheckOptions = {}): Finding[] {
  return check(text, options).filter((f) => f.ruleId === ruleId);
}

/** The original text a finding covers. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}
