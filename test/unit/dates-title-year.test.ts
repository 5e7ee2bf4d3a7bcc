import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'dates/title-year';

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('finds a title year the body contradicts', () => {
    const text = 'XX县2023年法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n一、2024年度法治政府建设主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、2025年工作计划\n加强培训。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '2023');
    assert.equal(fs[0].start, 3);
    assert.equal(fs[0].data?.bodyYear, 2024);
    assert.match(fs[0].message, /标题写的是2023年，正文所述却是2024年/);
    assert.deepEqual(fs[0].fix!.edits, [{ start: 3, end: 7, text: '2024' }]);
  });

  it('stays quiet when the body agrees with the title somewhere', () => {
    const text = 'XX县2024年法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n一、2023年以来主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、2025年工作计划\n加强培训。\n';
    assert.deepEqual(findings(text, RULE), []);
  });

  it('stays quiet when the plan year points elsewhere, or there is no evidence', () => {
    const mixed = 'XX县2023年法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年办理案件12件。\n二、存在的问题\n由于人员少。\n三、2024年工作计划\n加强培训。\n';
    assert.deepEqual(findings(mixed, RULE), []);
    const none = 'XX县2023年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。\n';
    assert.deepEqual(findings(none, RULE), []);
  });
});

describe(`${RULE}: weak evidence`, () => {
  it('does not blame the title on one mention, nor on `2023年以来`', () => {
    const one = 'XX县2023年法治政府建设情况报告\n2024年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年办理案件12件。\n';
    assert.deepEqual(findings(one, RULE), []);
    const since = 'XX县2024年法治政府建设情况报告\n2023年以来，我县扎实推进法治政府建设。\n一、2023年以来主要举措和成效\n全年办理案件12件。\n三、2025年工作计划\n加强培训。\n';
    assert.deepEqual(findings(since, RULE), []);
  });
});
