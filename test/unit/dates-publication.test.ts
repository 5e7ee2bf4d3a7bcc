import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'dates/publication';
const report = (year: number, date: string): string =>
  `XX县人民政府关于${year}年法治政府建设情况的报告\n\n一、主要举措和成效\n\n全年受理行政复议案件10件，办结9件。\n\n二、存在的问题\n\n人员不足。\n\n三、${year + 1}年工作计划\n\n加强培训。\n\nXX县人民政府\n\n${date}\n`;

describe(RULE, () => {
  it('is quiet on the seeds (pingan is signed 2024年1月12日 for 2023)', () => {
    for (const name of SEEDS) assert.deepEqual(findings(seed(name), RULE), [], name);
  });

  it('flags a signature dated on or after 1 April of the next year, on the date', () => {
    for (const date of ['2025年4月1日', '2025年4月3日', '2025年12月1日', '2026年1月5日']) {
      const text = report(2024, date);
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1, date);
      assert.equal(covered(text, fs[0]), date);
      assert.equal(fs[0].severity, 'info');
      assert.match(fs[0].message, /2025年4月1日前/);
      assert.equal(fs[0].data?.deadline, '2025-04-01');
    }
  });

  it('accepts a signature before 1 April', () => {
    for (const date of ['2025年3月31日', '2025年1月12日', '2024年12月30日']) assert.deepEqual(findings(report(2024, date), RULE), [], date);
  });

  it('needs a reporting year and a dated signature', () => {
    assert.deepEqual(findings('一、主要举措和成效\n\n全年受理案件10件。\n\nXX县人民政府\n\n2025年5月3日\n', RULE), []);
    assert.deepEqual(findings(report(2024, 'XX县人民政府办公室').replace(/\n\nXX县人民政府\n/, '\n'), RULE), []);
  });
});
