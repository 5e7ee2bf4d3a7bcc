import { strict as assert } from 'assert';
import { compareFindings, sortFindings } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/types';

/** A deterministic pseudo-random sequence. */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

function finding(ruleId: string, start: number, end: number, tag: number): Finding {
  return { ruleId, severity: 'warning', message: String(tag), start, end };
}

describe('sortFindings (the merge of the rules\' runs in check)', () => {
  it('gives exactly the order of a stable sort with the same comparator', () => {
    const rnd = rng(7);
    const ids = ['wording/a', 'figures/b', 'figures/a', 'metrics/z', 'dates/x'];
    for (let round = 0; round < 400; round++) {
      const list: Finding[] = [];
      const rules = 1 + rnd(8);
      let tag = 0;
      for (let r = 0; r < rules; r++) {
        const id = ids[rnd(ids.length)];
        const n = rnd(round % 5 === 0 ? 200 : 12);
        let at = rnd(50);
        for (let i = 0; i < n; i++) {
          // mostly in order, sometimes not; many ties of start, end and rule id
          at = rnd(6) === 0 ? rnd(100) : at + rnd(3);
          list.push(finding(id, at, at + rnd(3), tag++));
        }
      }
      const expected = list.slice().sort(compareFindings);
      const got = sortFindings(list.slice());
      assert.deepEqual(got.map((f) => f.message), expected.map((f) => f.message), `round ${round}`);
    }
  });

  it('handles empty, single and already sorted lists', () => {
    assert.deepEqual(sortFindings([]), []);
    const one = [finding('a/b', 1, 2, 0)];
    assert.deepEqual(sortFindings(one), one);
    const sorted = [finding('a/b', 1, 2, 0), finding('a/a', 1, 3, 1), finding('a/a', 2, 2, 2)];
    assert.deepEqual(sortFindings(sorted.slice()), sorted);
    const reversed = sorted.slice().reverse();
    assert.deepEqual(sortFindings(reversed), sorted);
  });
});
