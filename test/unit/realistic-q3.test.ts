import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';
import { covered } from '../helpers/util';

/**
 * Correct reports of kinds not covered before: a 镇 report pasted from WPS (full-width indents,
 * leaders' part as 三, plans as 四), a 省税务局 Markdown report (第一部分 with （一） and 1.), a
 * 省教育厅 report dense with 《》 titles of laws and local documents, and a 街道 report with many
 * “……” quotations, a title broken across a line, 第一部分 mixed with 一、/1./（1）. The wording
 * rules must stay quiet on all of them. A 2021 county report speaks of the wind-up of “七五”普法 and
 * of the 2015 纲要 as history (终期考核, 收尾, 衔接, 反馈问题整改, 确定的目标任务, 2020年底).
 */
const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const FILES = ['q3-town-wps.txt', 'q3-shuiwu.md', 'q3-jiaoyu.txt', 'q3-street-quotes.txt', 'q3-county-2021.txt'];

describe('realistic reports (q3): wording rules', () => {
  for (const name of FILES) {
    it(`no wording finding on the correct report ${name}`, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const fs = check(text).filter((f) => f.ruleId.startsWith('wording/'));
      assert.deepEqual(fs.map((f) => `${f.ruleId} ${covered(text, f)} ${f.message}`), []);
    });
  }

  it('the reports really contain what the rules must tolerate', () => {
    const street = readFileSync(join(DIR, 'q3-street-quotes.txt'), 'utf8');
    assert.ok(street.includes('“东城‘法’小屋”') && street.includes('建设\n年度报告工作的通知》') && street.includes('〔2022〕15号'));
    const town = readFileSync(join(DIR, 'q3-town-wps.txt'), 'utf8');
    assert.ok(town.includes('\u3000\u3000') && town.includes('“任务书”“时间表”和“路线图”'));
    const y2021 = readFileSync(join(DIR, 'q3-county-2021.txt'), 'utf8');
    for (const s of ['“七五”普法终期考核', '“七五”普法收尾', '“七五”普法规划与“八五”普法规划有效衔接', '（2015—2020年）》确定的目标任务']) assert.ok(y2021.includes(s), s);
  });
});
