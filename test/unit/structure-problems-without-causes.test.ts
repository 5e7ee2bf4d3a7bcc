import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'structure/problems-without-causes';
const report = (problems: string, heading = '二、存在的问题') =>
  `XX县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。\n${heading}\n${problems}\n三、2025年工作计划\n加强培训。\n`;

describe(RULE, () => {
  it('finds haidong’s one-line problems part with no cause', () => {
    const text = seed('haidong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '二、存在的问题');
    assert.match(fs[0].message, /没有分析原因/);
  });

  for (const name of ['huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const) {
    it(`finds nothing in ${name} (causes are given, or there is no problems part)`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('reports a list of problems with no cause, even under a heading that promises causes', () => {
    const text = report('一是执法力量薄弱。二是普法宣传针对性不强。', '二、存在的不足和原因');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '二、存在的不足和原因');
  });

  for (const cause of ['主要原因是编制不足。', '由于编制不足，人员流动大。', '究其根源，在于培训不够。', '受机构改革影响，人员调整较大。', '加之经费紧张，工作推进较慢。', '这主要是思想认识不到位造成的。']) {
    it(`accepts a cause: ${cause}`, () => {
      assert.deepEqual(findings(report(`一是执法力量薄弱。${cause}二是普法宣传针对性不强。`), RULE), []);
    });
  }

  it('points at the sentence of an inferred problems part', () => {
    const text = 'XX县2024年法治政府建设工作总结\n2024年，我县坚持依法行政，全年办理行政复议案件20件，同比增长10%。\n但对照上级要求，我县法治政府建设仍存在一些不足。\n下一步，我县将持续加强执法队伍建设。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '但对照上级要求，我县法治政府建设仍存在一些不足。');
  });
});

describe(`${RULE}: causes given elsewhere`, () => {
  it('accepts causes written in a part of their own', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。\n二、存在的问题\n一是执法力量薄弱。\n三、存在问题的原因\n一是编制少，二是经费紧。\n四、2025年工作计划\n加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});
