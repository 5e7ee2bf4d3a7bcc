import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'figures/ratio';

function report(body: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;
}

describe(RULE, () => {
  describe('seeds', () => {
    it('finds 败诉率 28.93% (50/174) at the span of the rate', () => {
      const text = seed('haidong-2024-report.txt');
      const fs = findings(text, RULE);
      const f = fs.find((x) => covered(text, x) === '28.93%');
      assert.ok(f, fs.map((x) => covered(text, x)).join(' | '));
      assert.equal(f.severity, 'warning');
      const arithmetic = f.data?.arithmetic as string[];
      assert.equal(arithmetic[0], '50 ÷ 174 = 28.74%');
      assert.equal(f.data?.corrected, '28.74%');
      assert.equal(f.data?.impliedBase, 172.8);
      assert.match(f.message, /50 ÷ 174 = 28\.74%/);
      assert.match(f.message, /172\.8/);
      assert.equal(f.fix?.edits.length, 1);
      const e = f.fix!.edits[0];
      assert.equal(text.slice(e.start, e.end), '28.93');
      assert.equal(e.text, '28.74');
    });

    it('finds nothing else in haidong (99.35% and 17.3% are not mismatches)', () => {
      const text = seed('haidong-2024-report.txt');
      assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['28.93%']);
    });

    it('finds 出庭应诉率61% (45/79) but not 94% (74/79) in haixi-2020', () => {
      const text = seed('haixi-2020-report.txt');
      const fs = findings(text, RULE);
      assert.deepEqual(fs.map((f) => covered(text, f)), ['61%']);
      assert.deepEqual(fs[0].data?.arithmetic, ['45 ÷ 79 = 56.96%']);
      assert.equal(fs[0].data?.corrected, '57%');
      assert.equal((fs[0].data?.numerator as { value: number }).value, 45);
    });

    it('accepts 化解率达99.8% (5553/5559 truncated) by default and flags it with rounding "round"', () => {
      const text = seed('haixi-2024-feature-article.txt');
      assert.deepEqual(findings(text, RULE), []);
      for (const options of [{ shared: { rounding: 'round' } }, { rules: { [RULE]: ['warning', { rounding: 'round' }] } }] as const) {
        const fs = findings(text, RULE, options as never);
        assert.deepEqual(fs.map((f) => covered(text, f)), ['99.8%']);
        assert.equal((fs[0].data?.arithmetic as string[])[0], '5553 ÷ 5559 = 99.89%');
        assert.match(fs[0].message, /四舍五入应为99\.9%/);
      }
    });

    it('accepts 调解成功率98.38% (1646/1673 truncated) and nothing else in huangzhong', () => {
      assert.deepEqual(findings(seed('huangzhong-2024-report.txt'), RULE), []);
    });

    it('finds nothing in pingan', () => {
      assert.deepEqual(findings(seed('pingan-2023-report.txt'), RULE), []);
    });
  });

  const inconsistent: [string, string, string][] = [
    // sentence, span, first arithmetic
    ['全年受理行政复议案件120件，审结110件，其中纠错20件，纠错率20%。', '20%', '20 ÷ 110 = 18.18%'],
    ['受理矛盾纠纷2000件，调解成功1900件，调解成功率98%。', '98%', '1900 ÷ 2000 = 95.00%'],
    ['办理人大代表建议45件，按期办结40件，按期办结率100%。', '100%', '40 ÷ 45 = 88.89%'],
    ['审结一审行政案件80件，败诉8件，败诉率8%。', '8%', '8 ÷ 80 = 10.00%'],
    ['开庭审理行政诉讼案件60件，行政机关负责人出庭应诉50件，出庭应诉率90%。', '90%', '50 ÷ 60 = 83.33%'],
    ['评查行政执法案卷200卷，评为合格180卷，合格率95%。', '95%', '180 ÷ 200 = 90.00%'],
    ['办理法律援助案件760件，其中刑事案件345件，占比50%。', '50%', '345 ÷ 760 = 45.39%'],
    ['受理信访事项300件，及时受理290件，及时受理率98.5%。', '98.5%', '290 ÷ 300 = 96.67%'],
    ['排查矛盾纠纷１０００件，化解９００件，化解率９５％。', '９５％', '900 ÷ 1000 = 90.00%'],
    ['受理行政复议申请 50 件，依法审结 40 件，审结率 90%。', '90%', '40 ÷ 50 = 80.00%'],
    ['全年办理法律援助案件760件，其中刑事案件345件，占全部案件的40.5%。', '40.5%', '345 ÷ 760 = 45.39%'],
    ['共开庭审理行政应诉案件79件，其中机关负责人出庭45人、出庭应诉率61%。', '61%', '45 ÷ 79 = 56.96%'],
    ['共评查案卷560卷，其中合格500卷，不合格60卷，合格率95%。', '95%', '500 ÷ 560 = 89.29%'],
    ['组织旁听庭审活动，应参加人员300人，实际参加270人，参加率95%。', '95%', '270 ÷ 300 = 90.00%'],
    ['抽查执法案卷100卷，合格92卷，案卷合格率96%。', '96%', '92 ÷ 100 = 92.00%'],
    ['法律援助案件受理600件，办结550件，结案率95%。', '95%', '550 ÷ 600 = 91.67%'],
    ['全年排查矛盾纠纷2000件，化解1990件。矛盾纠纷化解率达98%。', '98%', '1990 ÷ 2000 = 99.50%'],
    ['全年共收到行政复议申请156件，依法受理142件，不予受理14件，受理率95%。', '95%', '142 ÷ 156 = 91.03%'],
  ];
  for (const [sentence, span, arithmetic] of inconsistent) {
    it(`flags ${sentence}`, () => {
      const text = report(sentence);
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1, sentence);
      assert.equal(covered(text, fs[0]), span);
      assert.equal((fs[0].data?.arithmetic as string[])[0], arithmetic);
    });
  }

  it('offers a fix only when one correction is unambiguous', () => {
    const one = report('受理矛盾纠纷2000件，调解成功1900件，调解成功率98%。');
    const f1 = findings(one, RULE)[0];
    assert.equal(f1.data?.corrected, '95%');
    assert.equal(one.slice(f1.fix!.edits[0].start, f1.fix!.edits[0].end), '98');
    const two = report('全年受理行政复议案件120件，审结110件，其中纠错20件，纠错率20%。');
    const f2 = findings(two, RULE)[0];
    assert.equal(f2.data?.corrected, undefined);
    assert.equal(f2.fix, undefined);
    assert.deepEqual(f2.data?.arithmetic, ['20 ÷ 110 = 18.18%', '20 ÷ 120 = 16.67%']);
  });

  const consistent = [
    '年内共排查各类矛盾纠纷18,439件，受理案件5559件，调解成功5553件，化解率达99.8%。',
    '排查矛盾纠纷 5569 件，化解 5533 件，化解率 99.35%。',
    '调解纠纷5642件,调解成功5602件,调解成功率为99.29%。',
    '全年受理行政复议案件120件，审结110件，其中纠错22件，纠错率20%。',
    '审结一审行政案件80件，败诉8件，败诉率10%。',
    '办理法律援助案件760件，其中刑事案件345件，占45.4%。',
    '全市共有行政执法人员3000人。行政机关负责人出庭应诉45件次，出庭应诉率100%。',
    '评选优秀案卷5本，合格率100%。',
    '行政机关负责人出庭应诉率达100%。',
    '受理案件100件，办结100件，办结率100%。',
    '受理案件3件，办结2件，办结率66.7%。',
    '受理案件3件，办结2件，办结率66.6%。',
    '受理投诉1200余件，办结1180件，办结率98%。',
    '受理案件1000件，办结990件，办结率98%以上。',
    '受理案件100件，办结率较上年提高5%。',
    '全区民主法治村创建率为85%，市级创建率 45%。',
    '新增市场主体8258户，同比增长21.33%。',
    '受理案件200件，其中行政处罚案件150件，结案率90%。',
    '共开庭审理行政应诉案件79件，其中行政机关工作人员出庭74人、出庭应诉率94%。',
    '行政许可事项和公共服务事项网上可办率分别达92.85%、96.58%。',
    '全年共受理行政复议申请416件，审结356件，其中直接纠错72件，直接纠错率20.2%。',
    '全年收到行政复议申请36件，已办结25件，办结率69.4%。',
    '办结率和满意率均为 100%。',
    '调解成功率达到百分之九十五。',
    '受理案件两百件，办结一百件，办结率50%。',
    '政务服务事项办结269.77万件，受理269.77万件，办结率100%。',
    '全年共收到行政复议申请156件，依法受理142件，不予受理14件，受理率91.03%。',
    '共评查案卷560卷，其中优秀120卷，良好300卷，合格130卷，不合格10卷，合格率98.2%。',
    '调解纠纷12680件，调解成功12560件，调解成功率99.05%。其中婚姻家庭纠纷3200件，占25.2%；邻里纠纷2800件，占22.1%；土地纠纷1500件，占比11.8%。',
    '全市发生行政诉讼案件85件，出庭应诉案件79件，行政机关负责人出庭应诉率100%。',
    '收到信访事项310件，受理信访事项300件，及时受理率98%。',
    '审查规范性文件50件，备案50件，备案率100%。',
    '组织旁听庭审活动，应参加人员300人，实际参加270人，参加率90%。',
    '抽查执法案卷100卷，合格92卷，案卷合格率92%。',
    '全县共有行政执法人员860人，持证上岗800人，持证率98%。',
    '收到人大代表建议60件，已全部办结，办结率100%。',
    '年内共收到行政复议申请88件,受理80件,不予受理8件,审结75件,结案率93.75%,其中维持50件,撤销10件,变更2件,确认违法3件,责令履行1件,驳回9件,综合纠错率21.3%;调解结案12件,调解率16%。',
    '受理法律援助案件1580件,结案1520件,结案率96.2%;法律援助案件中,农民工案件420件,占26.6%。',
  ];
  for (const sentence of consistent) {
    it(`accepts ${sentence}`, () => {
      assert.deepEqual(findings(report(sentence), RULE).map((f) => f.message), []);
    });
  }

  it('flags 66.6% (2/3 truncated) with rounding "round" only', () => {
    const text = report('受理案件3件，办结2件，办结率66.6%。');
    assert.equal(findings(text, RULE, { shared: { rounding: 'round' } }).length, 1);
  });

  describe('bases of another kind', () => {
    it('does not take a count of another whole as the base of a share that names its whole', () => {
      const text = report('抽查市场主体2,400户，发现问题168户。对92家市场主体作出不予处罚决定，占同类案件的6.78%。');
      assert.deepEqual(findings(text, RULE), []);
    });

    it('still checks a share whose named whole is stated', () => {
      const text = report('抽查市场主体2,400户，其中92户存在问题，占全部抽查主体的6.78%。');
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), '6.78%');
      assert.match(fs[0].message, /92 ÷ 2400 = 3\.83%/);
    });

    it('does not take a count of batches as the base of cases, or cases of batches', () => {
      const text = report('受理投诉8,650件，办结投诉6,085件。食品安全监督抽检合格4,743批次，合格率97.59%。');
      assert.deepEqual(findings(text, RULE), []);
    });

    it('still flags persons over cases (出庭45人 of 79件)', () => {
      const text = report('共开庭审理行政应诉案件79件，其中机关负责人出庭45人、出庭应诉率52%。');
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), '52%');
    });
  });

  describe('a count of another subject', () => {
    it('does not take 市长和副市长出庭应诉 as the numerator of 行政机关负责人出庭应诉率', () => {
      const text = report('市政府一审行政应诉案件58件，市长和副市长出庭应诉6次，行政机关负责人出庭应诉率100%。');
      assert.deepEqual(findings(text, RULE), []);
    });

    it('still takes 各级行政机关负责人出庭 as the numerator', () => {
      const text = report('全市一审行政应诉案件58件，各级行政机关负责人出庭应诉50次，行政机关负责人出庭应诉率100%。');
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), '100%');
      assert.match(fs[0].message, /50 ÷ 58 = 86\.21%/);
    });
  });
});
