import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/types';
import { covered } from '../helpers/util';
import { applyFixes } from './wording-helpers';

/**
 * Realistic reports written for this suite (correct documents of the kinds real authors produce):
 * a county's Markdown draft with URLs, e-mail, times, ratios, Latin abbreviations and a table; a
 * 司法局 report pasted from a PDF with hard line breaks and page numbers; a 市场监管局 report dense
 * with figures. The wording rules and dates/publication must stay quiet on them.
 */
const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const MINE = /^(wording\/|dates\/publication$)/;
const mine = (text: string): Finding[] => check(text).filter((f) => MINE.test(f.ruleId));
const show = (text: string, fs: Finding[]): string[] => fs.map((f) => `${f.ruleId} ${covered(text, f)} ${f.message}`);

describe('realistic reports: wording rules and dates/publication', () => {
  for (const name of ['p3-county-markdown.md', 'p3-sifaju-pdf.txt', 'p3-scjg-dense.txt']) {
    it(`no finding on the correct report ${name}`, () => {
      const text = read(name);
      assert.deepEqual(show(text, mine(text)), []);
    });
  }

  it('the correct reports really contain what the rules must tolerate', () => {
    const md = read('p3-county-markdown.md');
    for (const s of ['APP', '（PPP）', '5G', 'A级', 'https://', '@qinghe.gov.cn', '9:00-17:00', '1:1.5', '**一是**', '|---|', '“七五”普法以来']) {
      assert.ok(md.includes(s), s);
    }
    const pdf = read('p3-sifaju-pdf.txt');
    assert.ok(pdf.includes('— 1 —') && pdf.includes('8:30-12:00') && pdf.includes('《法治社会建设实施纲要\n（2020—2025年）》'));
    const dense = read('p3-scjg-dense.txt');
    assert.ok(dense.includes('截止日期为6月30日') && dense.includes('“3·15”') && dense.includes('（2021-2025年）'));
  });

  describe('p3-planted-pdf.txt: one planted error per rule, each found at its exact span', () => {
    const text = read('p3-planted-pdf.txt');
    const fs = mine(text);
    const by = (id: string): Finding[] => fs.filter((f) => f.ruleId === id);

    it('finds exactly the planted errors', () => {
      assert.deepEqual(fs.map((f) => f.ruleId).sort(), [
        'dates/publication',
        'wording/ascii-punctuation',
        'wording/document-title',
        'wording/idiom',
        'wording/jiezhi',
        'wording/name-variants',
        'wording/quote-pairs',
      ]);
    });

    it('spans run across the pasted line breaks', () => {
      assert.equal(covered(text, by('wording/document-title')[0]), '法治政府建设实施\n刚要（2021—2025年）');
      assert.equal(covered(text, by('wording/idiom')[0]), '再接再\n励');
      assert.equal(covered(text, by('wording/name-variants')[0]), '石家英\n村');
      assert.equal(covered(text, by('wording/jiezhi')[0]), '截止');
      assert.equal(by('wording/jiezhi')[0].start, text.indexOf('截止2023年底'));
      assert.equal(covered(text, by('wording/quote-pairs')[0]), '”八五“');
      const comma = by('wording/ascii-punctuation')[0];
      assert.equal(text.slice(comma.start - 4, comma.end + 1), '86场次,受');
      assert.equal(covered(text, by('dates/publication')[0]), '2024年4月15日');
    });

    it('the fixes keep the line breaks and leave a document none of these rules flags again', () => {
      const fixed = applyFixes(text, fs.filter((f) => f.fix));
      assert.ok(fixed.includes('《法治政府建设实施\n纲要（2021—2025年）》'), fixed.slice(0, 120));
      assert.ok(fixed.includes('坚持再接再\n厉'));
      assert.ok(fixed.includes('截至2023年底') && fixed.includes('深入实施“八五”普法') && fixed.includes('86场次，受众'));
      assert.deepEqual(mine(fixed).map((f) => f.ruleId).sort(), ['dates/publication', 'wording/name-variants']);
    });
  });
});
