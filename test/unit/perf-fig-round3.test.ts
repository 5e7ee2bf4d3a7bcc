import { strict as assert } from 'assert';
import { quantitiesOfText, quantitiesIn, figuresOf } from '../../server/src/engine/figures/quantities';
import { breakdownsIn } from '../../server/src/engine/figures/breakdown';
import { paragraphSentences, comparisonsIn } from '../../server/src/engine/figures/compare';
import { labelBefore, listHead } from '../../server/src/engine/figures/context';
import { parseDocument } from '../../server/src/engine/document';
import type { Paragraph } from '../../server/src/engine/document';
import { seed } from '../helpers/util';

/**
 * Round 3 of the figures performance work, against the results the code gave before it:
 * - Chinese numerals read with character tables instead of RE_ONES, RE_DIGIT_SEQUENCE and
 *   RE_NOT_COUNT_BEFORE (every character of the old class before `三次`, and a control);
 * - separators between the parts of a breakdown counted on their codes (readGap);
 * - one shared, frozen entry for the paragraphs without quantities;
 * - a paragraph's sentences sliced from the document's list on first use;
 * - per-quantity caches made to the paragraph's size, list heads set over the run they cover.
 */
const CHINESE: Array<[string, string[]]> = [
  ["会议第三次", []],
  ["会议初三次", []],
  ["会议周三次", []],
  ["会议期三次", []],
  ["会议之三次", []],
  ["会议其三次", []],
  ["会议统三次", []],
  ["会议唯三次", []],
  ["会议逐三次", []],
  ["会议同三次", []],
  ["会议单三次", []],
  ["会议专三次", []],
  ["会议划三次", []],
  ["会议合三次", []],
  ["会议归三次", []],
  ["会议每三次", []],
  ["会议任三次", []],
  ["会议某三次", []],
  ["会议这三次", []],
  ["会议那三次", []],
  ["会议哪三次", []],
  ["会议老三次", []],
  ["会议数三次", []],
  ["会议几三次", []],
  ["会议开三次", ["三次=3"]],
  ["会议上三次", ["三次=3"]],
  ["会议5三次", ["5=5"]],
  ["会议５三次", ["５=5"]],
  ["开展一次活动", []],
  ["一一对应两项", ["两项=2"]],
  ["一二三项", []],
  ["召开一十二次会议", ["一十二次=12"]],
  ["星期五次", []],
  ["礼拜三次", []],
  ["举办三十余场", ["三十余场=30"]],
  ["上百次", ["上百次=100"]],
  ["近千件", ["近千件=1000"]],
  ["两个确立", []],
  ["二级", []],
  ["十二项", ["十二项=12"]],
  ["九八七次", []],
  ["两三次", ["两三次=23"]],
  ["三两次", ["三两次=32"]],
  ["百分之三十", ["百分之三十=30"]],
  ["共十个百分点", ["十个百分点=10"]],
  ["提高三个百分点", ["三个百分点=3"]],
  ["一项", []],
  ["一万人次", ["一万人次=10000"]],
  ["三万余人", ["三万余人=30000"]],
];

type BreakdownRow = [string, string, string[], boolean, boolean, number, number];
const LISTS: Array<[string, BreakdownRow[]]> = [
  ["受理案件100件，其中行政案件60件、民事案件40件。", [["qizhong", "100件", ["60件", "40件"], false, false, 15, 26]]],
  ["受理案件100件，其中行政案件60件，民事案件30件，刑事案件10件。", [["qizhong", "100件", ["60件", "30件", "10件"], false, false, 15, 34]]],
  ["受理案件100件，其中行政案件60件;民事案件40件。", [["qizhong", "100件", ["60件"], false, false, 15, 18]]],
  ["受理案件100件，其中行政案件60件；民事案件40件。", [["qizhong", "100件", ["60件"], false, false, 15, 18]]],
  ["受理案件100件，其中行政案件60件,民事案件40件,其他10件。", [["qizhong", "100件", ["60件", "40件", "10件"], true, false, 15, 32]]],
  ["受理案件100件，其中行政案件60件和民事案件50件。", [["qizhong", "100件", ["60件", "50件"], false, false, 15, 26]]],
  ["受理案件100件，其中行政案件60件、、民事案件40件。", [["qizhong", "100件", ["60件"], false, false, 15, 18]]],
  ["受理案件100件，其中行政案件60件。民事案件40件。", [["qizhong", "100件", ["60件"], false, false, 15, 18]]],
  ["受理案件100件，分别为行政案件60件、民事案件45件。", [["fenbie", "100件", ["60件", "45件"], true, false, 16, 27]]],
  ["受理案件100件（其中行政案件60件、民事案件40件），办结90件。", [["qizhong", "100件", ["60件", "40件"], false, false, 15, 26]]],
  ["行政案件60件、民事案件50件，共计100件。", [["sum-after", "100件", ["60件", "50件"], true, false, 4, 15]]],
];

function lastParagraph(text: string): Paragraph {
  const doc = parseDocument(text);
  return doc.paragraphs[doc.paragraphs.length - 1];
}

describe('figures (performance round 3)', () => {
  for (const [text, raws] of CHINESE) {
    it(`reads Chinese numerals in ${text} as before`, () => {
      assert.deepEqual(quantitiesOfText(text).map((q) => `${q.raw}=${q.value}`), raws);
    });
  }

  for (const [text, rows] of LISTS) {
    it(`finds the breakdowns of ${text} as before`, () => {
      const got = breakdownsIn(lastParagraph(text)).map((b): BreakdownRow =>
        [b.form, b.total.raw, b.parts.map((x) => x.raw), b.complete, b.overlapping, b.partsStart, b.partsEnd]);
      assert.deepEqual(got, rows);
    });
  }

  it('shares one frozen entry among paragraphs without quantities, and reads a changed text afresh', () => {
    const doc = parseDocument('一、总体情况\n\n全面推进依法行政工作。\n\n受理案件416件，办结率99.5%。');
    const [a, b, c] = doc.paragraphs.slice(-3);
    assert.equal(quantitiesIn(a).length, 0);
    assert.equal(figuresOf(a), figuresOf(b));
    assert.ok(Object.isFrozen(figuresOf(a)) && Object.isFrozen(quantitiesIn(a)));
    assert.deepEqual(breakdownsIn(a), []);
    assert.deepEqual(comparisonsIn(a, doc), []);
    assert.equal(figuresOf(a).hasPercent, false);
    // a copy of an empty paragraph with other text, and of a full one with an empty text
    assert.deepEqual(quantitiesIn({ ...a, text: '受理案件7件' }).map((q) => q.raw), ['7件']);
    assert.deepEqual(quantitiesIn({ ...c, text: '全面推进依法行政' }), []);
    assert.deepEqual(quantitiesIn(c).map((q) => q.raw), ['416件', '99.5%']);
    assert.equal(quantitiesIn(a).length, 0);
  });

  it('gives each paragraph its own sentences, in order, and none to a paragraph of another document', () => {
    for (const name of ['huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt'] as const) {
      const doc = parseDocument(seed(name));
      for (const p of doc.paragraphs) {
        const expected = doc.sentences.filter((s) => s.paragraph === p);
        assert.deepEqual(paragraphSentences(doc, p), expected);
        // sliced once: the same list on every call
        if (expected.length) assert.equal(paragraphSentences(doc, p), paragraphSentences(doc, p));
      }
      const other = parseDocument(seed(name));
      assert.deepEqual(paragraphSentences(doc, other.paragraphs[other.paragraphs.length - 1]), []);
    }
  });

  it('caches labels and list heads by quantity index, the same as computed in any order', () => {
    const text = '全市办结率分别达92.85%、96.58%、99.1%，受理案件416件、办结398件。';
    const p1 = lastParagraph(text);
    const p2 = lastParagraph(text);
    const q1 = quantitiesIn(p1);
    const q2 = quantitiesIn(p2);
    // forwards on one copy, backwards on the other
    const heads1 = q1.map((q) => listHead(q).index);
    const heads2 = [...q2].reverse().map((q) => listHead(q).index).reverse();
    assert.deepEqual(heads1, heads2);
    assert.deepEqual(heads1, [0, 0, 0, 3, 4]);
    assert.deepEqual(q1.map((q) => labelBefore(q).text), q2.map((q) => labelBefore(q).text));
  });
});
