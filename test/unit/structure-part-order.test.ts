import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'structure/part-order';

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('finds problems placed after the plans', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。\n二、2025年工作计划\n加强培训。\n三、存在的问题和原因\n由于人员少，工作推进较慢。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '三、存在的问题和原因');
    assert.equal(fs[0].data?.part, 'problems');
    assert.equal(fs[0].data?.after, 'plans');
    assert.match(fs[0].message, /“三、存在的问题和原因”（存在的不足和原因）应放在“二、2025年工作计划”（下一年度工作安排）之前/);
  });

  it('finds measures placed after the problems', () => {
    const text = '一、存在的不足和原因\n由于人员少。\n二、主要举措和成效\n全年办理案件12件。\n三、下一步工作打算\n加强培训。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['二、主要举措和成效']);
  });

  it('lets the first-responsibility part and other parts stand anywhere', () => {
    const text = '一、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法。\n二、主要举措和成效\n全年办理案件12件。\n三、存在的问题\n由于人员少。\n四、2025年工作计划\n加强培训。\n五、其他需要报告的情况\n无。\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('ignores thematic parts whose kind is only guessed from the content', () => {
    const text = '一、主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、2025年工作计划\n加强培训。\n四、强化队伍建设\n全年培训执法人员300人次，同比增长10%，完成考核。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});
