import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';
import { applyFix } from './wording-helpers';

const RULE = 'wording/jiezhi';
const doc = (body: string, year = 2024): string => `XX县${year}年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds 截止目前 in huangzhong and haidong, with a fix on 截止 only', () => {
    for (const name of ['huangzhong-2024-report.txt', 'haidong-2024-report.txt'] as const) {
      const text = seed(name);
      const fs = findings(text, RULE).filter((f) => f.severity === 'warning');
      assert.equal(fs.length, 1, name);
      assert.equal(covered(text, fs[0]), '截止');
      assert.equal(text.slice(fs[0].end, fs[0].end + 2), '目前');
      assert.match(fs[0].message, /截至2024年底/);
      const fixed = applyFix(text, fs[0]);
      assert.equal(fixed.length, text.length);
      assert.ok(fixed.slice(fs[0].start - 5, fs[0].end + 5).includes('截至目前'));
    }
  });

  it('reports 截止 + a time as "as of"', () => {
    const text = doc('截止2024年12月31日，共受理案件10件。截止到年底，办结8件。截止 2024 年底共审核文件5件。截止11月底，调解纠纷20件。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['截止', '截止', '截止']);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.equal(applyFix(text, fs[1]).includes('截至 2024 年底共审核文件5件'), true);
    assert.equal(applyFix(text, fs[2]).includes('截至11月底，调解纠纷20件'), true);
  });

  it('never touches 截止日期, 截止时间 or 截止 as a verb', () => {
    const text = doc('申报截止日期为3月1日，截止时间前提交。报名于2024年3月1日截止。征求意见于本月截止，共收到意见5条。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('suggests 截至YYYY年底 for "so far" phrasing, as info', () => {
    const text = doc('截至目前，共审核规范性文件12件。今年以来，办理法律援助案件30件。到目前为止，调解纠纷20件。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['截至目前', '今年以来', '到目前为止']);
    assert.ok(fs.every((f) => f.severity === 'info'));
    assert.match(fs[0].message, /截至2024年底/);
    assert.match(fs[1].message, /2024年/);
    assert.ok(applyFix(text, fs[0]).includes('截至2024年底，共审核'));
    assert.equal(fs[1].fix, undefined);
  });

  it('uses the reporting year and stays quiet without one', () => {
    const text = doc('截至目前，共审核规范性文件12件。', 2023);
    assert.match(findings(text, RULE)[0].message, /截至2023年底/);
    assert.deepEqual(findings('截至目前，共审核规范性文件12件。\n', RULE), []);
  });

  it('flags a clause-opening 目前 that states a figure, outside problems and plans', () => {
    const text = `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n目前，全县共有法律顾问35名。目前我县仍在推进改革。\n\n二、存在的问题\n\n目前，仍有2个部门未落实。\n\n三、2025年工作计划\n\n继续推进。\n`;
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '目前');
    assert.equal(fs[0].severity, 'info');
    assert.ok(text.slice(fs[0].start).startsWith('目前，全县'));
  });

  it('finds the word across a pasted line break', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年依法行政工作扎实推进，各项制度不断完善，截\n止目前共受理案件10件，办结9件，其余正在办理中。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '截\n止');
    const fixed = applyFix(text, fs[0]);
    assert.ok(fixed.includes('截\n至目前'));
  });

  it('reports nothing on the other seeds but so-far info', () => {
    for (const name of ['pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const) {
      assert.deepEqual(findings(seed(name), RULE), [], name);
    }
    const fs = findings(seed('haixi-2020-report.txt'), RULE);
    assert.ok(fs.length >= 6);
    assert.ok(fs.every((f) => f.severity === 'info'));
    assert.ok(fs.every((f) => /截至2020年底/.test(f.message)));
  });

  it('can leave "so far" phrasing alone by option', () => {
    const text = doc('截至目前，共审核规范性文件12件。截止目前，共办结10件。');
    const fs = findings(text, RULE, { rules: { [RULE]: ['warning', { soFar: false }] } });
    assert.deepEqual(fs.map((f) => covered(text, f)), ['截止']);
  });

  it('does not take 截止到期 (到期 is a word) for 截止到 + a time, and accepts 截止到 (= 截至)', () => {
    const text = doc('项目截止到期的，依法注销。报名于3月1日截止。截止到年底，办结8件。截止年底，办结9件。');
    const fs = findings(text, RULE).filter((f) => f.severity === 'warning');
    assert.deepEqual(fs.map((f) => covered(text, f)), ['截止']);
    assert.equal(fs[0].start, text.indexOf('截止年底'));
  });

  it('gives the annual-report hint on 截止到目前 without calling it a misspelling', () => {
    const text = doc('截止到目前，共办结8件。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [f.severity, covered(text, f)]), [['info', '截止到目前']]);
  });
});

