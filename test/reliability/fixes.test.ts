/**
 * Every fix is exact: applied alone it edits only inside its finding's range, the re-checked text no
 * longer has that finding there, and no new finding of the same rule appears; "fix all" reaches a
 * fixed point (applying it twice equals applying it once).
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { check } from '../../server/src/engine/check';
import { applyEdits, fixAllText } from '../../server/src/engine/fix';
import type { Finding } from '../../server/src/engine/types';
import { seed, SEEDS } from '../helpers/util';
import { reportText } from './generators';

const RUNS = Math.max(200, Math.floor(Number(process.env.FUZZ_RUNS ?? 10000) / 5));

const RANK: Record<string, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Findings of the same rule at the same or a higher severity (a milder follow-up such as
 * `截止目前 → 截至目前` then suggesting `截至2024年底` as info is allowed). */
function sameRule(fs: Finding[], f: Finding): Finding[] {
  return fs.filter((g) => g.ruleId === f.ruleId && RANK[g.severity] >= RANK[f.severity]);
}

/** Checks every fixable finding of `text`; returns how many fixes were verified. */
function verifyFixes(text: string): number {
  const before = check(text);
  let n = 0;
  for (const f of before) {
    if (!f.fix || !f.fix.edits.length) continue;
    n++;
    for (const e of f.fix.edits) {
      // a replacement stays inside the text the finding names; a pure insertion (e.g. a missing
      // `（一）` put back before the paragraph it numbers) may stand elsewhere
      if (e.end > e.start) assert.ok(e.start >= f.start && e.end <= f.end, `${f.ruleId}: edit [${e.start},${e.end}) outside its finding [${f.start},${f.end})`);
    }
    const after = applyEdits(text, f.fix.edits);
    // outside the edited span the text is unchanged
    const first = Math.min(...f.fix.edits.map((e) => e.start));
    const last = Math.max(...f.fix.edits.map((e) => e.end));
    const delta = after.length - text.length;
    assert.equal(after.slice(0, first), text.slice(0, first), `${f.ruleId}: text before the fix changed`);
    assert.equal(after.slice(last + delta), text.slice(last), `${f.ruleId}: text after the fix changed`);
    const again = check(after);
    const was = sameRule(before, f).length;
    const now = sameRule(again, f);
    assert.ok(now.length < was, `${f.ruleId}: fixing “${text.slice(f.start, f.end)}” did not remove the finding (${was} → ${now.length})`);
    assert.ok(!now.some((g) => g.start === f.start && g.message === f.message), `${f.ruleId}: the same finding is still there`);
  }
  return n;
}

describe('fixes', function () {
  this.timeout(0);

  for (const name of SEEDS) {
    it(`every fix on ${name} is exact`, () => {
      verifyFixes(seed(name));
    });
    it(`fix all on ${name} reaches a fixed point`, () => {
      const once = fixAllText(seed(name), (t) => check(t));
      assert.equal(fixAllText(once, (t) => check(t)), once);
    });
  }

  it(`every fix on generated documents is exact (${RUNS} cases)`, () => {
    let verified = 0;
    fc.assert(fc.property(reportText, (text) => {
      verified += verifyFixes(text);
    }), { numRuns: RUNS });
    console.log(`      ${verified} fixes verified`);
  });

  it(`fix all twice equals fix all once on generated documents (${RUNS} cases)`, () => {
    fc.assert(fc.property(reportText, (text) => {
      const once = fixAllText(text, (t) => check(t));
      assert.equal(fixAllText(once, (t) => check(t)), once);
    }), { numRuns: RUNS });
  });
});
