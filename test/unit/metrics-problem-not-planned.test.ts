import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'metrics/problem-not-planned';

function report(problems: string, plans: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年办理行政复议案件45件。\n\n二、存在的问题\n\n${problems}\n\n三、2025年工作计划\n\n${plans}\n`;
}

describe(RULE, () => {
  it('reports a problem no plan answers, on the problem statement', () => {
    const text = report(
      '一是“谁执法谁普法”普法责任制落实不到位。二是法律顾问作用发挥不充分。',
      '（一）加强执法队伍建设，提升执法水平。\n\n（二）完善法律顾问制度，发挥参谋作用。',
    );
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '一是“谁执法谁普法”普法责任制落实不到位');
    assert.deepEqual(fs[0].data?.topics, ['普法与法治宣传']);
    assert.equal(fs[0].severity, 'info');
  });

  it('accepts problems the plans answer by shared topics', () => {
    const text = report(
      '一是村级人民调解员的作用发挥不充分。二是法律顾问作用有待进一步发挥。三是行政执法质量和效能仍需提升。',
      '（一）强化队伍建设，提升执法质效。\n\n（二）优化村（社区）法律顾问的选聘。\n\n（三）加大调解力度，强化源头化解。',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('splits a listing sentence into its problems', () => {
    const text = report(
      '工作中还存在一些不足，主要表现在：个别部门落实行政执法“三项制度”还不到位，政务公开工作还不够规范等。',
      '（一）推动行政执法三项制度落细落实。',
    );
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['政务公开工作还不够规范等']);
  });

  it('reports a problems part of one vague sentence, on its heading', () => {
    const text = report('法治政府建设工作虽取得一定成效，但与上级要求相比还有一定差距。', '（一）加强组织领导。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '二、存在的问题');
    assert.equal(fs[0].data?.vague, true);
  });

  it('finds the 普法 problem of pingan-2023 unanswered, and nothing in the other seeds', () => {
    const text = seed('pingan-2023-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.match(covered(text, fs[0]), /^一是个别单位对法治政府建设工作重视程/);
    for (const name of ['haidong-2024-report.txt', 'huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'haixi-2024-feature-article.txt'] as const) {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), [], name);
    }
  });

  it('uses configured topics', () => {
    const text = report('一是社区矫正对象管理不够精细。', '（一）加强组织领导。');
    assert.equal(findings(text, RULE).length, 1);
    const topics = [{ name: '矫正', terms: ['社区矫正', '组织领导'] }];
    assert.deepEqual(findings(text, RULE, { rules: { [RULE]: ['info', { topics }] } }), []);
  });

  it('reads sub-headed problems, and says nothing without a plans part', () => {
    const problems = '（一）法治宣传教育的针对性不强。部分群众法律意识淡薄。\n\n（二）法律顾问作用发挥不充分。';
    const text = report(problems, '（一）完善法律顾问制度。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（一）法治宣传教育的针对性不强']);
    const noPlans = `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年办理案件45件。\n\n二、存在的问题\n\n${problems}\n`;
    assert.deepEqual(findings(noPlans, RULE), []);
  });

  it('takes 争议 (税费争议, 劳动争议) for a dispute a plan can answer', () => {
    const answered = report('一是税费争议化解机制运行还不够顺畅。', '完善税费争议化解机制，推动咨询调解中心实体化运行。');
    assert.deepEqual(findings(answered, RULE), []);
    const text = report('一是税费争议化解机制运行还不够顺畅。', '开展执法案卷评查。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['一是税费争议化解机制运行还不够顺畅']);
  });
});
