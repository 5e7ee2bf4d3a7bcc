import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'structure/missing-part';

describe(RULE, () => {
  for (const name of ['haidong-2024-report.txt', 'huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt'] as const) {
    it(`finds no missing part in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
    });
  }

  it('reports the feature article as missing problems and plans', () => {
    const fs = findings(seed('haixi-2024-feature-article.txt'), RULE);
    const parts = fs.map((f) => f.data?.part).sort();
    assert.deepEqual(parts, ['leadership', 'plans', 'problems']);
    assert.equal(fs.find((f) => f.data?.part === 'leadership')?.severity, 'info');
  });

  it('points at the title', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理案件10件。\n\n二、存在的问题\n\n一是人员不足。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 2);
    assert.equal(covered(text, fs[0]), 'XX县2024年法治政府建设情况报告');
    assert.match(fs.find((f) => f.data?.part === 'plans')!.message, /下一年度工作安排/);
  });

  it('accepts the first-responsibility duty folded into the measures part', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n县委书记履行推进法治建设第一责任人职责。\n二、存在的问题和原因\n由于人员少。\n三、2025年工作计划\n加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('finds the problems and plans a thematic report puts in its closing paragraph', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、强化组织领导，夯实法治基础\n县委书记履行推进法治建设第一责任人职责，全年专题学法6次。\n二、规范行政执法，提升执法质效\n全年办理行政处罚案件326件，整改问题18个。\n一年来，我县法治政府建设取得了一定成效，但仍存在基层执法力量薄弱等不足，主要原因是编制不足。下一步，我县将持续加强执法队伍培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('still reports a thematic report that has no closing problems or plans', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、强化组织领导，夯实法治基础\n县委书记履行推进法治建设第一责任人职责，全年专题学法6次。\n二、规范行政执法，提升执法质效\n全年办理行政处罚案件326件，整改问题18个。\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.data?.part).sort(), ['plans', 'problems']);
  });
});
