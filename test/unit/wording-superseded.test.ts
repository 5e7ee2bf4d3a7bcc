import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import { applyFix } from './wording-helpers';

const RULE = 'wording/superseded';
const doc = (body: string, year = 2022): string => `XX县${year}年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('is quiet on the seeds (haixi-2020 is a 2020 report: 七五 and the 2015 纲要 are current there)', () => {
    for (const name of SEEDS) assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), [], name);
    assert.ok(seed('haixi-2020-report.txt').includes('法治政府建设实施纲要(2015—2020年)'));
  });

  it('flags “七五”普法 as current work in a 2021+ report and fixes the numeral', () => {
    const text = doc('深入实施“七五”普法规划，扎实推进七五普法工作。“七五”普法工作有序推进。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['“七五”普法', '七五普法', '“七五”普法']);
    assert.match(fs[0].message, /“八五”普法/);
    assert.ok(applyFix(text, fs[0]).includes('深入实施“八五”普法规划'));
  });

  it('accepts history: 以来, 总结, 验收, awards, and the current programme', () => {
    const text = doc('“七五”普法以来累计开展活动100场。全面完成“七五”普法总结验收。荣获全国“七五”普法先进单位。深入推进“八五”普法。“十三五”时期成效明显。在“七五”普法中表现突出的单位。“七五”普法成果丰硕。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('accepts the wind-up of the old programme (终期, 收尾) and goals it set (确定的目标), still flags current work', () => {
    const text = doc('在“七五”普法工作的基础上，开展宪法宣传。开展“七五”普法终期检查，迎接省级考核。做好“七五”普法收尾工作。对照《法治政府建设实施纲要（2015—2020年）》确定的目标任务，我县已基本建成法治政府。', 2021);
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
    const bad = doc('开展“七五”普法宣传活动。按照《法治政府建设实施纲要（2015—2020年）》要求推进工作。', 2021);
    assert.deepEqual(findings(bad, RULE).map((f) => covered(bad, f)), ['“七五”普法', '法治政府建设实施纲要（2015—2020年）']);
  });

  it('accepts a sentence that contrasts the old programme with the new one, speaks of its wind-up or of an earlier year', () => {
    const text = doc(
      '推进“七五”普法规划与“八五”普法规划有效衔接。落实“七五”普法考核反馈问题整改。按照“七五”普法规划的部署，2021年开展普法终期验收。' +
        '对照《法治政府建设实施纲要（2015—2020年）》要求，我县在2020年底基本建成法治政府。' +
        '在《法治政府建设实施纲要（2015—2020年）》实施的基础上，全面落实《法治政府建设实施纲要（2021—2025年）》。',
      2021,
    );
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
    const bad = doc('按照“七五”普法规划，2021年开展宪法宣传活动。推动落实《法治政府建设实施纲要（2015—2020年）》，2021年召开专题会议2次。', 2021);
    assert.deepEqual(findings(bad, RULE).map((f) => covered(bad, f)), ['“七五”普法', '法治政府建设实施纲要（2015—2020年）']);
  });

  it('uses the reporting year: 七五 is current in 2020, 八五 is over in 2026', () => {
    assert.deepEqual(findings(doc('深入实施“七五”普法规划。', 2020), RULE), []);
    const fs = findings(doc('深入实施“八五”普法规划。', 2026), RULE);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /“九五”/);
  });

  it('flags the 2015—2020 纲要 cited as in force, not as history', () => {
    const text = doc('认真落实《法治政府建设实施纲要（2015-2020年）》。圆满完成《法治政府建设实施纲要（2015—2020年）》确定的目标。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '法治政府建设实施纲要（2015-2020年）');
    assert.ok(applyFix(text, fs[0]).includes('认真落实《法治政府建设实施纲要（2021—2025年）》'));
    assert.deepEqual(findings(doc('认真落实《法治政府建设实施纲要（2015-2020年）》。', 2020), RULE), []);
  });

  it('flags the old goal wording and replaces its tail', () => {
    const text = doc('加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。', 2023);
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信');
    assert.ok(applyFix(text, fs[0]).includes('公开公正、智能高效、廉洁诚信、人民满意的法治政府'));
    assert.deepEqual(findings(doc('职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意。', 2023), RULE), []);
    assert.deepEqual(findings(doc('职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信。', 2019), RULE), []);
  });

  it('does not report the 2015 goal quoted as the goal of the earlier period', () => {
    const text = 'XX县2022年法治政府建设情况报告\n\n一、主要举措和成效\n\n' +
      '对照2015年纲要提出的“职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信”目标，我县已全面完成。' +
      '加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信');
    assert.ok(fs[0].start > text.indexOf('加快建设'));
  });
});

