import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';

/**
 * Correct reports of kinds not covered elsewhere: a 乡镇 government, a 街道 pasted from WPS (full-width
 * indents, odd line breaks), a 省教育厅 in Markdown with `第一部分` headings and `1.`/`（1）` items, a
 * 税务局 with 亿/万/约/近 figures and a table, a 生态环境局 with plain-text `第一部分　…` parts and the
 * leaders' part as its own part. The structure, numbering, dates and metrics rules must find nothing
 * in them but the one real hint: a 100% review rate given without its count.
 */
const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const FILES = ['q2-township.txt', 'q2-wps-street.txt', 'q2-jiaoyuting.md', 'q2-shuiwu-table.txt', 'q2-shengtai-mixed.txt'];
const AREA = /^(?:structure|numbering|dates|metrics)\//;

function area(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  return check(text).filter((f) => AREA.test(f.ruleId)).map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);
}

describe('realistic reports (q2): structure, numbering, dates, metrics', () => {
  for (const file of FILES.filter((f) => f !== 'q2-jiaoyuting.md')) {
    it(`finds nothing in ${file}`, () => {
      assert.deepEqual(area(file), []);
    });
  }

  it('finds only the rate given without a count in the 教育厅 report', () => {
    assert.deepEqual(area('q2-jiaoyuting.md'), ['metrics/rate-without-base 重大执法决定法制审核率达到100%']);
  });

  it('reads the plain-text `第一部分` parts of the 生态环境局 report', () => {
    const text = readFileSync(join(DIR, 'q2-shengtai-mixed.txt'), 'utf8').replace(/第三部分　存在的问题\n[^\n]*\n/, '');
    const fs = check(text).filter((f) => f.ruleId === 'structure/missing-part');
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /存在的不足和原因/);
  });
});
