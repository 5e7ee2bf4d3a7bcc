import { strict as assert } from 'assert';
import { check } from '../../server/src/engine/check';
import { seed, covered, SEEDS } from '../helpers/util';

/** Every finding of the structure, numbering and date rules of issue 2 on the five seeds, exactly. */
const MINE = /^(?:structure\/(?:missing-part|part-order|problems-without-causes|plan-in-measures)|numbering\/|dates\/(?:plan-year|title-year|year-range))/;

const EXPECTED: Record<(typeof SEEDS)[number], [string, string][]> = {
  'haidong-2024-report.txt': [
    ['numbering/bracket-width', '(三)'],
    ['numbering/bracket-width', '(五)'],
    ['structure/problems-without-causes', '二、存在的问题'],
  ],
  'huangzhong-2024-report.txt': [['numbering/sequence', '（二）']],
  'haixi-2020-report.txt': [['numbering/enumeration', '是深化行政执法体制改革']],
  'pingan-2023-report.txt': [],
  'haixi-2024-feature-article.txt': [
    ['structure/missing-part', '精彩2024'],
    ['structure/missing-part', '精彩2024'],
    ['structure/missing-part', '精彩2024'],
  ],
};

describe('issue 2 rules on the seeds: every finding, and nothing else', () => {
  for (const name of SEEDS) {
    it(name, () => {
      const text = seed(name);
      const got = check(text).filter((f) => MINE.test(f.ruleId)).map((f) => [f.ruleId, covered(text, f)]);
      assert.deepEqual(got, EXPECTED[name]);
    });
  }

  it('places each domain case at its exact line', () => {
    const at = (name: (typeof SEEDS)[number], rule: string) => {
      const text = seed(name);
      const f = check(text).find((x) => x.ruleId === rule)!;
      const before = text.slice(0, f.start).split(/\r\n|\r|\n/);
      return [before.length, before[before.length - 1].length];
    };
    // huangzhong part 三 (line 20) starts at （二） on line 24
    assert.deepEqual(at('huangzhong-2024-report.txt', 'numbering/sequence'), [24, 0]);
    // haidong's `(三) 坚持改革统领` on line 19
    assert.deepEqual(at('haidong-2024-report.txt', 'numbering/bracket-width'), [19, 0]);
    // haixi-2020's `(五)……满意度。是深化` on line 18
    const [line, col] = at('haixi-2020-report.txt', 'numbering/enumeration');
    assert.equal(line, 18);
    assert.ok(seed('haixi-2020-report.txt').split('\n')[17].slice(0, col).endsWith('满意度。'));
  });
});
