import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'figures/conflict';

function report(...paragraphs: string[]): string {
  return `XX市2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${paragraphs.join('\n\n')}\n\n二、存在的问题\n\n出庭应诉率偏低。\n\n三、2025年工作计划\n\n力争行政机关负责人出庭应诉率达到100%。\n`;
}

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('flags one indicator given two values, at the second, naming the first', () => {
    const text = report(
      '（一）依法行政。全市行政机关负责人出庭应诉率达100%，行政复议纠错率12.5%。',
      '（二）化解纠纷。全年开庭审理行政案件79件，机关负责人出庭45人，行政机关负责人出庭应诉率61%。',
    );
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '61%');
    assert.equal(fs[0].data?.indicator, '行政机关负责人出庭应诉率');
    assert.deepEqual(fs[0].data?.values, [100, 61]);
    const first = fs[0].data?.first as { start: number; end: number; line: number };
    assert.equal(text.slice(first.start, first.end), '100%');
    assert.equal(first.line, 5);
    assert.match(fs[0].message, /第5行为100%，此处为61%/);
  });

  it('flags a conflicting 纠错率 of the same qualifier', () => {
    const text = report('全年行政复议纠错率为12.5%。', '依法纠正违法或不当行政行为，行政复议纠错率为15.8%。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['15.8%']);
  });

  for (const [why, paragraphs] of [
    ['same value twice', ['全市行政机关负责人出庭应诉率达100%。', '行政机关负责人出庭应诉率保持100%。']],
    ['two values in one paragraph (different groups)', ['行政机关负责人出庭应诉率一审100%，行政机关负责人出庭应诉率二审90%。']],
    ['a bare rate word of different things', ['市人大代表建议办结率100%。', '信访事项办结率98%。']],
    ['a bare 出庭应诉率', ['工作人员出庭74人、出庭应诉率94%。', '机关负责人出庭45人、出庭应诉率61%。']],
    ['another year', ['全市行政机关负责人出庭应诉率达100%。', '2023年行政机关负责人出庭应诉率为90%。']],
    ['a comparison', ['全市行政机关负责人出庭应诉率达100%。', '较上年行政机关负责人出庭应诉率85%有较大提升。']],
    ['a target in the measures part', ['全市行政机关负责人出庭应诉率达95%。', '力争行政机关负责人出庭应诉率达到100%。']],
    ['an approximate value', ['全市行政机关负责人出庭应诉率达100%。', '行政机关负责人出庭应诉率超过90%。']],
  ] as [string, string[]][]) {
    it(`says nothing for ${why}`, () => {
      assert.deepEqual(findings(report(...paragraphs), RULE).map((f) => f.message), []);
    });
  }

  it('says nothing about the plans part (targets)', () => {
    const text = report('全市行政机关负责人出庭应诉率达85%。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('does not compare rates named only by a manner word (按时办结率 of proposals and of the hotline)', () => {
    const text = report(
      '（一）自觉接受监督。办理人大代表建议56件、政协提案78件，按时办结率100%。',
      '（二）优化服务。12345热线全年受理群众诉求5.8万件，按时办结率99.2%；一次性办结率95%。',
      '（三）便民服务。政务服务中心一次性办结率98%。',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('still compares a manner-word rate that names its subject', () => {
    const text = report(
      '（一）复议。行政复议案件按时办结率100%。',
      '（二）应诉。全年审结行政复议案件120件，行政复议案件按时办结率97.5%。',
    );
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '97.5%');
  });
});
