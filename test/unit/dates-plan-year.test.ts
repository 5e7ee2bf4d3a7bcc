import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'dates/plan-year';
const report = (year: number, planHeading: string) =>
  `XX县${year}年法治政府建设情况报告\n${year}年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、${planHeading}\n加强培训。\n`;

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name} (the year is right or not named)`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('finds a plan heading naming the reporting year', () => {
    const text = report(2024, '2024年工作计划');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '2024');
    assert.equal(fs[0].start, text.indexOf('三、2024') + 2);
    assert.equal(fs[0].data?.expected, 2025);
    assert.deepEqual(fs[0].fix!.edits, [{ start: fs[0].start, end: fs[0].end, text: '2025' }]);
  });

  it('finds a plan two years ahead, with spaces as PDFs leave them', () => {
    const text = report(2024, '2026 年度重点工作安排');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['2026']);
  });

  it('accepts the next year and plan headings with no year', () => {
    assert.deepEqual(findings(report(2024, '2025年工作计划'), RULE), []);
    assert.deepEqual(findings(report(2024, '2025 年工作安排'), RULE), []);
    assert.deepEqual(findings(report(2024, '下一步工作打算'), RULE), []);
  });

  it('checks a lower-level plan heading in a thematic report', () => {
    const text = 'XX县2024年法治政府建设工作总结\n一、工作开展情况\n（一）强化组织领导。全年召开会议4次。\n（二）2024年工作打算\n加强培训。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['2024']);
  });

  it('does not read a measure heading mentioning a work plan as a plan heading', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）印发2024年度法治政府建设工作要点。全年召开会议4次。\n二、存在的问题\n由于人员少。\n三、2025年工作安排\n加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('leaves the blame to dates/title-year when the title year is the wrong one', () => {
    const text = 'XX县2023年法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n一、2024年主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、2025年工作计划\n加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(text, 'dates/title-year').length, 1);
  });
});
