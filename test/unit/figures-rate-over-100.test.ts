import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'figures/rate-over-100';

function report(body: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;
}

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name} (上升300% is growth)`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  const over: [string, string, string][] = [
    ['行政机关负责人出庭应诉率达120%。', '120%', '行政机关负责人出庭应诉率'],
    ['市人大代表建议办结率和满意率均为105%。', '105%', '市人大代表建议办结率和满意率'],
    ['行政许可事项和公共服务事项网上可办率分别达92.85%、106.58%。', '106.58%', '行政许可事项和公共服务事项网上可办率'],
    ['评查案卷合格率 101.5%。', '101.5%', '评查案卷合格率'],
    ['群众满意度达到百分之一百二十。', '百分之一百二十', '群众满意度'],
    ['刑事案件占全部案件的120%。', '120%', '刑事案件占全部案件的'],
    ['农民工案件占比120%。', '120%', '农民工案件占比'],
    ['矛盾纠纷调解成功率为100%～110%。', '100%～110%', '矛盾纠纷调解成功率'],
    ['规范性文件备案审查率１２０％。', '１２０％', '规范性文件备案审查率'],
  ];
  for (const [sentence, span, rate] of over) {
    it(`flags ${sentence}`, () => {
      const text = report(sentence);
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), span);
      assert.equal(fs[0].data?.rate, rate);
      assert.equal(fs[0].severity, 'error');
      assert.match(fs[0].message, /不能超过100%/);
    });
  }

  for (const sentence of [
    '受案率较去年同期上升 300%。',
    '新增市场主体同比增长150%。',
    '完成年度目标任务的120%。',
    '预算执行率110%。',
    '增长率达120%。',
    '办结率100%，满意率达100%。',
    '收案数为上年的135%。',
    '行政复议案件数量是行政诉讼的1.5倍，相当于上年的120%。',
    '出庭应诉率较上年提高120%。',
    '降幅10%～20%。',
    '覆盖率超过100%。',
    '全年结案数占收案数的105%。',
    '复议案件数量是诉讼案件的1.8倍，复议与诉讼案件比例为180%。',
    '收案和结案的比例为102.4%。',
  ]) {
    it(`accepts ${sentence}`, () => {
      assert.deepEqual(findings(report(sentence), RULE).map((f) => f.message), []);
    });
  }

  it('still flags a 比例 of one thing over 100%', () => {
    const text = report('规范性文件备案审查比例为120%。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '120%');
  });
});
