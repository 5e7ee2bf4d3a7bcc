import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'metrics/no-figures';

describe(RULE, () => {
  it('finds the items of pingan-2023 that have no figure', () => {
    const text = seed('pingan-2023-report.txt');
    const got = findings(text, RULE).map((f) => covered(text, f).slice(0, 3));
    assert.deepEqual(got, ['（一）', '（二）', '（三）', '（五）', '（八）', '（十）']);
  });

  for (const name of ['haidong-2024-report.txt', 'huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'haixi-2024-feature-article.txt'] as const) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
    });
  }

  it('covers the item heading and checks only the measures part', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导，夯实工作基础。制定印发年度工作要点，责任落实到单位和个人。\n（二）规范行政执法。全年办理行政处罚案件35件。\n二、存在的问题\n一是执法力量不足。\n三、2025年工作计划\n（一）加强执法队伍建设。组织专题培训。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '（一）加强组织领导，夯实工作基础');
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].data?.item, '加强组织领导，夯实工作基础');
  });

  it('does not count years, ordinals, names or cited titles as figures', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）深化普法。2024年深入实施“八五”普法规划，第一时间传达学习，贯彻《法治政府建设实施纲要（2021—2025年）》，开通12345热线。\n二、存在的问题\n一是人员不足。\n三、2025年工作计划\n（一）加强培训。\n';
    assert.equal(findings(text, RULE).length, 1);
  });

  it('accepts approximate figures, percentages and figures in sub-items', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）深化普法。开展普法活动。\n1.送法下乡。开展活动300余场次。\n（二）强化审查。合法性审查率达到100%。\n二、存在的问题\n一是人员不足。\n三、2025年工作计划\n（一）加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});
