import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'metrics/rate-without-base';

function report(body: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;
}

describe(RULE, () => {
  it('reports a rate with no count near it, covering the rate', () => {
    const text = report('坚持和发展新时代“枫桥经验”。矛盾纠纷化解率达99.8%。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['矛盾纠纷化解率达99.8%']);
    assert.equal(fs[0].data?.rate, '矛盾纠纷化解率');
    assert.equal(fs[0].severity, 'info');
  });

  it('accepts a rate with its counts in the sentence or the sentence before', () => {
    assert.deepEqual(findings(report('受理案件5559件，调解成功5553件，化解率达99.8%。'), RULE), []);
    assert.deepEqual(findings(report('审结一审行政案件174件，败诉50件。行政机关负责人出庭应诉率达100%。'), RULE), []);
    assert.deepEqual(findings(report('行政机关负责人出庭应诉率达100%。全年负责人出庭45人次。'), RULE), []);
  });

  it('a count in another paragraph is not near', () => {
    const text = report('全年负责人出庭45人次。\n\n（二）规范执法。行政执法案卷合格率为96%。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['行政执法案卷合格率为96%']);
  });

  it('does not read changes as rates', () => {
    assert.deepEqual(findings(report('全市受案率较去年同期上升300%。政务服务事项办件量同比增长8.79%。'), RULE), []);
  });

  it('reports each rate of a sentence of rates, with the rate name', () => {
    const text = report('2024年全市信访事项及时受理率99.49%，按期办结率98.44%。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['信访事项及时受理率99.49%', '按期办结率98.44%']);
  });

  it('finds the rates of haidong-2024 given with no base', () => {
    const text = seed('haidong-2024-report.txt');
    const fs = findings(text, RULE).map((f) => covered(text, f));
    assert.ok(fs.includes('按期办结率 98.44%'));
    assert.ok(!fs.some((c) => c.includes('99.35%') || c.includes('17.3%') || c.includes('28.93%')));
  });

  it('finds nothing in huangzhong-2024 (every rate has its counts)', () => {
    assert.deepEqual(findings(seed('huangzhong-2024-report.txt'), RULE).map((f) => f.message), []);
  });

  it('reads 占比 and 比例 as rates', () => {
    const text = report('深化人民调解员队伍建设。女性调解员占比达到35%。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['女性调解员占比达到35%']);
  });

  it('does not ask targets or problem statements for a base', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n（一）规范执法。行政执法案卷合格率为96%。力争明年复议纠错率下降到10%以下。\n\n' +
      '二、存在的不足和原因\n\n一是网络投诉占比已达38.7%，监管能力有待提高。\n\n三、2025年工作安排\n\n一是确保行政机关负责人出庭应诉率保持100%；二是执法人员持证率提高到95%以上。\n';
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['行政执法案卷合格率为96%']);
  });

  it('reports a rate once: a restatement of the same value is not reported again', () => {
    const text = report('受理复议申请186件，审结165件，直接纠错率为13.94%。\n\n（二）总体看，全年直接纠错率为13.94%，依法行政水平有待提高。');
    assert.deepEqual(findings(text, RULE), []);
    // another rate of the same value is not a restatement
    const other = report('负责人出庭应诉率均达100%。行政规范性文件报备率和规范率均达100%。');
    assert.deepEqual(findings(other, RULE).map((f) => covered(other, f)), ['负责人出庭应诉率均达100%', '备率和规范率均达100%']);
  });

  it('leaves the enumeration marker out of the rate name', () => {
    const text = report('一是优化服务。二是投诉按时办结率保持在99%以上。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['投诉按时办结率保持在99%以上']);
    assert.equal(fs[0].data?.rate, '投诉按时办结率');
  });

  it('names a rate of up to 12 characters in full', () => {
    const text = report('全面落实执法“三项制度”。重大执法决定法制审核率达到100%。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => f.data?.rate), ['重大执法决定法制审核率']);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['重大执法决定法制审核率达到100%']);
  });
});
