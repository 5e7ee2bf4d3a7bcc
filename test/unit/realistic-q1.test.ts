import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';

/**
 * Correct reports of kinds not covered elsewhere (a 生态环境局 report with 万/亿 amounts, 余/近/约,
 * ranges, changes in 个百分点; a county report in Markdown with `第一部分` parts, Arabic `1.`/`（1）`
 * items and a table; a 街道 report pasted from WPS with full-width spaces and odd line breaks).
 * Also: year-on-year changes with both values, a table of changes, full-width digits, a 税务局.
 * Every figure in them is consistent, so no figures/* rule may fire.
 */
const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const FILES = [
  'q1-shengtai-figures.txt',
  'q1-county-table.md',
  'q1-street-wps.txt',
  'q1-scjg-changes.txt',
  'q1-sifaju-table.md',
  'q1-town-fullwidth.txt',
  'q1-shuiwu.txt',
  'q1-comparisons.txt',
  'q1-fuyi-table.md',
];

function figureFindings(text: string): string[] {
  return check(text)
    .filter((f) => f.ruleId.startsWith('figures/'))
    .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}: ${f.message}`);
}

describe('realistic reports (q1): no figures findings', () => {
  for (const file of FILES) {
    it(`finds no figures/* finding in ${file}`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      assert.deepEqual(figureFindings(text), []);
    });
  }

  it('still checks them: a wrong success rate in the county report is flagged at its span', () => {
    const text = readFileSync(join(DIR, 'q1-county-table.md'), 'utf8').replace('调解成功率97.5%', '调解成功率95.5%');
    const fs = check(text).filter((f) => f.ruleId === 'figures/ratio');
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].start, fs[0].end), '95.5%');
  });

  it('still checks them: a wrong 败诉率 in the 生态环境局 report is flagged at its span', () => {
    const text = readFileSync(join(DIR, 'q1-shengtai-figures.txt'), 'utf8').replace('败诉率为10%', '败诉率为20%');
    const fs = check(text).filter((f) => f.ruleId.startsWith('figures/'));
    assert.ok(fs.length >= 1);
    assert.ok(fs.some((f) => text.slice(f.start, f.end) === '20%'));
  });

  it('still checks them: full-width digits and a difference of rates written with %', () => {
    const text = readFileSync(join(DIR, 'q1-town-fullwidth.txt'), 'utf8')
      .replace('化解率９８．４％', '化解率９７．４％')
      .replace('提高4.5个百分点', '提高4.5%');
    const fs = check(text).filter((f) => f.ruleId.startsWith('figures/'));
    assert.deepEqual(fs.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`).sort(), [
      'figures/percent-vs-points 4.5%',
      'figures/ratio ９７．４％',
    ]);
  });
});
