/**
 * Computes what the integration suite expects from the engine itself (run by run.mjs under Node
 * 20 with esbuild-register, before VS Code starts): the findings of each seed and fixture, and
 * the texts after a quick fix and after fix-all. The suite checks that the real VS Code shows
 * exactly these, so it stays right while the rules change.
 * Usage: node -r esbuild-register test/integration/expect.ts <workspace dir> <out.json>
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';
import { applyEdits, fixAll } from '../../server/src/engine/fix';

export interface ExpectedFinding {
  ruleId: string;
  severity: string;
  start: number;
  end: number;
  message: string;
  fixable: boolean;
}

export interface Expectations {
  files: Record<string, ExpectedFinding[]>;
  quickFix?: { file: string; ruleId: string; start: number; end: number; title: string; expected: string; after: ExpectedFinding[] };
  fixAll?: { file: string; expected: string; fixable: number; after: ExpectedFinding[] };
}

function expectedFindings(text: string): ExpectedFinding[] {
  return check(text).map((f) => ({ ruleId: f.ruleId, severity: f.severity, start: f.start, end: f.end, message: f.message, fixable: !!f.fix?.edits.length }));
}

const [ws, out] = process.argv.slice(2);
const result: Expectations = { files: {} };
for (const name of readdirSync(ws).sort()) {
  if (!/\.(fzbg|txt|md)$/u.test(name)) continue;
  const text = readFileSync(join(ws, name), 'utf8');
  const findings = check(text);
  result.files[name] = expectedFindings(text);
  if (name === 'fixable.fzbg') {
    const first = findings.find((f) => f.fix?.edits.length);
    if (first?.fix) {
      const expected = applyEdits(text, first.fix.edits);
      result.quickFix = { file: name, ruleId: first.ruleId, start: first.start, end: first.end, title: first.fix.title, expected, after: expectedFindings(expected) };
    }
    const fixed = fixAll(text, findings);
    result.fixAll = { file: name, expected: fixed, fixable: findings.filter((f) => f.fix?.edits.length).length, after: expectedFindings(fixed) };
  }
}
writeFileSync(out, JSON.stringify(result, null, 1));
