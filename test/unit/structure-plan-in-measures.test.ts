import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'structure/plan-in-measures';
const report = (measures: string) =>
  `XX县2024年法治政府建设情况报告\n一、主要举措和成效\n${measures}\n二、存在的问题\n由于人员少。\n三、2025年工作计划\n加强培训。\n`;

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
    });
  }

  it('finds `下一步，我们将……` in the measures part', () => {
    const text = report('（一）加强普法。全年开展普法活动30场次。下一步，我们将继续加强普法阵地建设。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '下一步，我们将继续加强普法阵地建设。');
    assert.equal(fs[0].severity, 'info');
    assert.match(fs[0].message, /“三、2025年工作计划”/);
  });

  for (const s of ['今后，我局将进一步规范执法行为。', '2025年，全县将继续深化行政执法改革。', '我县将持续推进法律顾问全覆盖。', '下一阶段要重点抓好复议应诉工作。']) {
    it(`finds: ${s}`, () => {
      const text = report(`（一）加强执法。全年培训执法人员300人次。${s}`);
      const fs = findings(text, RULE);
      assert.deepEqual(fs.map((f) => covered(text, f)), [s]);
    });
  }

  for (const s of ['全县将法治建设纳入年度考核。', '2024年，全县受理案件120件。', '将下一步工作重点纳入考核。', '今年以来，全县开展培训6场。']) {
    it(`does not take a measure for a plan: ${s}`, () => {
      assert.deepEqual(findings(report(`（一）加强执法。${s}`), RULE), []);
    });
  }

  it('says nothing when the report has no plans part', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。下一步，我们将继续加强培训。\n二、存在的问题\n由于人员少。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});
