/**
 * Property-based tests of the engine: no input crashes it, every range is inside the text and on
 * whole code points, the same text gives the same findings, and no document of 1 MB or less takes
 * grossly long. Runs FUZZ_RUNS cases per property (10,000 in CI; `npm run fuzz` runs 100,000).
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { check } from '../../server/src/engine/check';
import { onCodePointBoundary } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import { reportText, mutated, adversarial } from './generators';
import { seed, SEEDS } from '../helpers/util';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const GROSS_MS = 2000;
let slowest = { name: '', ms: 0, chars: 0 };

function assertWellFormed(text: string, fs: Finding[]): void {
  for (const f of fs) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `${f.ruleId}: integer offsets`);
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.ruleId}: [${f.start},${f.end}) inside ${text.length}`);
    assert.ok(onCodePointBoundary(text, f.start) && onCodePointBoundary(text, f.end), `${f.ruleId}: range on code points`);
    assert.ok(/^(structure|numbering|figures|metrics|wording|dates)\/[a-z0-9-]+$/.test(f.ruleId), f.ruleId);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, 'message');
    if (f.fix) for (const e of f.fix.edits) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.ruleId}: fix edit inside the text`);
      assert.ok(onCodePointBoundary(text, e.start) && onCodePointBoundary(text, e.end), `${f.ruleId}: fix edit on code points`);
    }
  }
}

function timed(name: string, text: string): Finding[] {
  const t0 = process.hrtime.bigint();
  const fs = check(text);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (ms > slowest.ms) slowest = { name, ms, chars: text.length };
  assert.ok(ms < GROSS_MS, `${name}: ${ms.toFixed(0)} ms for ${text.length} chars`);
  return fs;
}

describe(`engine properties (${RUNS} cases each)`, function () {
  this.timeout(0);
  after(() => {
    console.log(`      slowest document: ${slowest.name}, ${slowest.chars} chars, ${slowest.ms.toFixed(1)} ms`);
  });

  it('never throws and keeps every range well-formed on report-like text', () => {
    fc.assert(fc.property(reportText, (text) => {
      assertWellFormed(text, timed('generated', text));
    }), { numRuns: RUNS });
  });

  it('never throws on mutated seeds', () => {
    const seeds = SEEDS.map((s) => seed(s));
    fc.assert(fc.property(mutated(seeds), (text) => {
      assertWellFormed(text, timed('mutated seed', text));
    }), { numRuns: Math.max(100, Math.floor(RUNS / 10)) });
  });

  it('never throws on arbitrary Unicode (incl. lone surrogates and control characters)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      assertWellFormed(text, timed('random unicode', text));
    }), { numRuns: RUNS });
  });

  it('is deterministic: the same text gives the same findings', () => {
    fc.assert(fc.property(reportText, (text) => {
      assert.deepEqual(check(text), check(text));
    }), { numRuns: Math.max(100, Math.floor(RUNS / 10)) });
  });

  for (const [name, text] of adversarial()) {
    it(`survives ${name} (${text.length} chars) within ${GROSS_MS} ms`, () => {
      assertWellFormed(text, timed(name, text));
    });
  }
});
