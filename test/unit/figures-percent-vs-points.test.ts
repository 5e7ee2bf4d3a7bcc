import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'figures/percent-vs-points';

function report(body: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;
}

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  describe('a difference of percentages written as %', () => {
    const cases: [string, string, string][] = [
      ['行政机关负责人出庭应诉率为61.74%，较上年的59.70%上升2.04%。', '2.04%', '61.74% − 59.70% = 2.04个百分点'],
      ['行政复议纠错率由15.2%提高到18.5%，提高3.3%。', '3.3%', '18.5% − 15.2% = 3.3个百分点'],
      ['行政诉讼败诉率由20%下降至15%，下降了5%。', '5%', '20% − 15% = 5个百分点'],
      ['群众满意率由90.5%提升至95.5%，提升5%。', '5%', '95.5% − 90.5% = 5.0个百分点'],
    ];
    for (const [sentence, span, arithmetic] of cases) {
      it(`flags ${sentence}`, () => {
        const text = report(sentence);
        const fs = findings(text, RULE);
        assert.equal(fs.length, 1);
        assert.equal(covered(text, fs[0]), span);
        assert.deepEqual(fs[0].data?.arithmetic, [arithmetic]);
      });
    }

    it('offers a fix replacing only the % sign', () => {
      const text = report('行政机关负责人出庭应诉率为61.74%，较上年的59.70%上升2.04%。');
      const f = findings(text, RULE)[0];
      assert.equal(f.fix?.edits.length, 1);
      const e = f.fix!.edits[0];
      assert.equal(text.slice(e.start, e.end), '%');
      assert.equal(e.text, '个百分点');
      assert.equal(text.slice(0, e.start) + e.text + text.slice(e.end), report('行政机关负责人出庭应诉率为61.74%，较上年的59.70%上升2.04个百分点。'));
      assert.equal(f.data?.relative, '3.42%');
    });

    for (const sentence of [
      '行政机关负责人出庭应诉率为61.74%，较上年的59.70%上升2.04个百分点。',
      '办结率由50%提高到75%，提高50%。',
      '全州新增市场主体8258户，同比增长21.33%。',
      '办结率99%，满意率98%，均较上年提高1%。',
      '出庭应诉率由60%提高到66%，提高10%。',
      '受理案件由100件增加到120件，增长20%。',
      '化解率99%，上升约1%。',
    ]) {
      it(`accepts ${sentence}`, () => {
        assert.deepEqual(findings(report(sentence), RULE).map((f) => f.message), []);
      });
    }
  });

  describe('个百分点 attached to something that is not a rate', () => {
    it('flags a count that changed by points', () => {
      const text = report('全年受理行政复议案件1200件，同比增长20个百分点。');
      const fs = findings(text, RULE);
      assert.deepEqual(fs.map((f) => covered(text, f)), ['20个百分点']);
      assert.equal(fs[0].data?.subject, '受理行政复议案件');
    });

    for (const sentence of [
      '全州行政复议案件调解和解率达43.8%，超省定标准20个百分点。',
      '行政机关负责人出庭应诉率较上年提高5个百分点。',
      '刑事案件占比提高3个百分点。',
      '群众满意度提升2.5个百分点。',
      '受理案件1200件。办结率98%，较上年提高2个百分点。',
    ]) {
      it(`accepts ${sentence}`, () => {
        assert.deepEqual(findings(report(sentence), RULE).map((f) => f.message), []);
      });
    }
  });

  it('accepts 个百分点 after an index named with 度 or 感 (活跃度, 安全感)', () => {
    for (const body of ['全年新增市场主体3,218户，市场主体活跃度提高2.3个百分点。', '全年调处纠纷1,200件，群众安全感提高1.5个百分点。']) {
      assert.deepEqual(findings(report(body), RULE), [], body);
    }
    const text = report('全年新增市场主体3,218户，同比增长2.3个百分点。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '2.3个百分点');
  });
});
