import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'numbering/level-style';

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
    });
  }

  it('wants `1.` rather than `1、` for the third level', () => {
    const text = '一、主要举措和成效\n（一）完善制度。\n1、健全机制。制定办法。\n2.强化落实。开展督查。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].start, text.indexOf('1、') + 1);
    assert.equal(covered(text, fs[0]), '、');
    assert.match(fs[0].message, /“1、”应使用圆点，写作“1\.”/);
    assert.deepEqual(fs[0].fix!.edits, [{ start: fs[0].start, end: fs[0].end, text: '.' }]);
  });

  it('finds `（一）、` with a superfluous 顿号 and `（1）.`', () => {
    const text = '一、主要举措和成效\n（一）、完善制度。全年出台制度3项。\n（二）规范执法。\n（1）.明确分工。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.kind, f.start]), [
      ['、', 'extra-punctuation', text.indexOf('（一）、') + 3],
      ['.', 'extra-punctuation', text.indexOf('（1）.') + 3],
    ]);
    assert.deepEqual(fs[0].fix!.edits, [{ start: fs[0].start, end: fs[0].end, text: '' }]);
  });

  it('finds a top-level marker with a dot or comma instead of 、', () => {
    const text = '一.主要举措和成效\n全年办理案件12件。\n二，存在的问题\n由于人员少。\n三、2025年工作安排\n加强培训。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [f.start, covered(text, f)]), [[1, '.'], [text.indexOf('二，') + 1, '，']]);
    assert.equal(fs[0].fix!.edits[0].text, '、');
  });

  it('finds `(-)` and `(—)` written for （一） and （二）', () => {
    const text = '一、主要举措和成效\n(-)完善制度。全年出台制度3项。\n（—）规范执法。开展培训2次。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.expected]), [['(-)', '(一)'], ['（—）', '（二）']]);
    assert.deepEqual(fs[1].fix!.edits, [{ start: text.indexOf('（—）'), end: text.indexOf('（—）') + 3, text: '（二）' }]);
  });

  it('accepts the GB/T 9704 styles, full-width dots and Markdown headings', () => {
    const text = '# XX县2024年法治政府建设情况报告\n\n## 一、主要举措和成效\n\n### （一）完善制度\n\n1.健全机制。制定办法。\n\n2．强化落实。开展督查。\n\n（1）明确分工。落实到人。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});

describe(`${RULE}: malformed markers under a new part`, () => {
  it('counts from the first item of its own part', () => {
    const text = '一、主要举措和成效\n（一）完善制度。\n（二）规范执法。\n（三）化解纠纷。\n二、存在的问题\n(-)人员不足。由于编制少。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.expected]), [['(-)', '(一)']]);
  });
});
