import { strict as assert } from 'assert';
import { quantitiesOfText, quantitiesIn, quantitiesInSentence, allQuantities, figuresOf } from '../../server/src/engine/figures/quantities';
import { labelBefore, labelAfter, rateWord, rateWordBefore } from '../../server/src/engine/figures/context';
import { parseDocument } from '../../server/src/engine/document';
import { seed } from '../helpers/util';

/**
 * The rewritten tokenizer (results in registers, character codes, no intermediate drafts) against
 * the tokens the tokenizer gave before the performance round, on its edge cases: every field of
 * every quantity. Rows: raw, kind, value, decimals, scale, unit, approx, high, numeral, chinese,
 * approxMarks, start, end, numStart, numEnd, index.
 */
type Row = [string, string, number, number, number, string, boolean, number | null, string, boolean, string[] | null, number, number, number, number, number];
const CASES: Array<[string, Row[]]> = [
  [
    "全市受理行政复议申请 416 件，审结 398 件，其中维持 300 件、撤销 12 件。",
    [
      ["416 件", "number", 416, 0, 1, "件", false, null, "416", false, null, 11, 16, 11, 14, 0],
      ["398 件", "number", 398, 0, 1, "件", false, null, "398", false, null, 20, 25, 20, 23, 1],
      ["300 件", "number", 300, 0, 1, "件", false, null, "300", false, null, 31, 36, 31, 34, 2],
      ["12 件", "number", 12, 0, 1, "件", false, null, "12", false, null, 40, 44, 40, 42, 3],
    ],
  ],
  [
    "化解率达99.8%，较上年提高2.5个百分点，占全部案件的45.4%。",
    [
      ["99.8%", "percent", 99.8, 1, 1, "%", false, null, "99.8", false, null, 4, 9, 4, 8, 0],
      ["2.5个百分点", "points", 2.5, 1, 1, "个百分点", false, null, "2.5", false, null, 15, 22, 15, 18, 1],
      ["45.4%", "percent", 45.4, 1, 1, "%", false, null, "45.4", false, null, 29, 34, 29, 33, 2],
    ],
  ],
  [
    "比例为10%～20%，63%~68%，3～5天，10-20人，3至5天办结，1-11月，1至12月，3—5日。",
    [
      ["10%～20%", "percent", 10, 0, 1, "%", false, 20, "10", false, null, 3, 10, 3, 5, 0],
      ["63%~68%", "percent", 63, 0, 1, "%", false, 68, "63", false, null, 11, 18, 11, 13, 1],
      ["3～5天", "number", 3, 0, 1, "天", false, 5, "3", false, null, 19, 23, 19, 20, 2],
      ["10-20人", "number", 10, 0, 1, "人", false, 20, "10", false, null, 24, 30, 24, 26, 3],
      ["3至5天", "number", 3, 0, 1, "天", false, 5, "3", false, null, 31, 35, 31, 32, 4],
    ],
  ],
  [
    "2023—2025年规划，2023、2024年，2024 年，2024年度，1月12日，2024.1.12，12月均，日均30件。",
    [
      ["12", "number", 12, 0, 1, "", false, null, "12", false, null, 54, 56, 54, 56, 0],
      ["30件", "number", 30, 0, 1, "件", false, null, "30", false, null, 61, 64, 61, 63, 1],
    ],
  ],
  [
    "近千件，约3000人，超过50%，不足10件，10余万人次，3万多人，3年多，5年左右，50人上下，100人以上，5天以内。",
    [
      ["近千件", "number", 1000, 0, 1, "件", true, null, "1000", true, ["近"], 0, 3, 1, 2, 0],
      ["约3000人", "number", 3000, 0, 1, "人", true, null, "3000", false, ["约"], 4, 10, 5, 9, 1],
      ["超过50%", "percent", 50, 0, 1, "%", true, null, "50", false, ["超过"], 11, 16, 13, 15, 2],
      ["不足10件", "number", 10, 0, 1, "件", true, null, "10", false, ["不足"], 17, 22, 19, 21, 3],
      ["10余万人次", "number", 100000, 0, 10000, "人次", true, null, "10", false, ["余"], 23, 29, 23, 25, 4],
      ["3万多人", "number", 30000, 0, 10000, "人", true, null, "3", false, ["多"], 30, 34, 30, 31, 5],
      ["3年多", "number", 3, 0, 1, "年", true, null, "3", false, ["多"], 35, 38, 35, 36, 6],
      ["5年左右", "number", 5, 0, 1, "年", true, null, "5", false, ["左右"], 39, 43, 39, 40, 7],
      ["50人上下", "number", 50, 0, 1, "人", true, null, "50", false, ["上下"], 44, 49, 44, 46, 8],
      ["100人以上", "number", 100, 0, 1, "人", true, null, "100", false, ["以上"], 50, 56, 50, 53, 9],
      ["5天以内", "number", 5, 0, 1, "天", true, null, "5", false, ["以内"], 57, 61, 57, 58, 10],
    ],
  ],
  [
    "最近5年，附近3个，靠近2处，赶超30%，节约500元，预约20人，签约30户。",
    [
      ["5年", "number", 5, 0, 1, "年", false, null, "5", false, null, 2, 4, 2, 3, 0],
      ["3个", "number", 3, 0, 1, "个", false, null, "3", false, null, 7, 9, 7, 8, 1],
      ["2处", "number", 2, 0, 1, "处", false, null, "2", false, null, 12, 14, 12, 13, 2],
      ["30%", "percent", 30, 0, 1, "%", false, null, "30", false, null, 17, 20, 17, 19, 3],
      ["500元", "number", 500, 0, 1, "元", false, null, "500", false, null, 23, 27, 23, 26, 4],
      ["20人", "number", 20, 0, 1, "人", false, null, "20", false, null, 30, 33, 30, 32, 5],
      ["30户", "number", 30, 0, 1, "户", false, null, "30", false, null, 36, 39, 36, 38, 6],
    ],
  ],
  [
    "百分之三十，百分之九十九点三五，百分之百，百分之30左右，百分之七十以上。",
    [
      ["百分之三十", "percent", 30, 0, 1, "%", false, null, "30", true, null, 0, 5, 3, 5, 0],
      ["百分之九十九点三五", "percent", 99.35, 2, 1, "%", false, null, "99.35", true, null, 6, 15, 9, 15, 1],
      ["百分之百", "percent", 100, 0, 1, "%", false, null, "100", true, null, 16, 20, 19, 20, 2],
      ["百分之30左右", "percent", 30, 0, 1, "%", true, null, "30", false, ["左右"], 21, 28, 24, 26, 3],
      ["百分之七十以上", "percent", 70, 0, 1, "%", true, null, "70", true, ["以上"], 29, 36, 32, 34, 4],
    ],
  ],
  [
    "开展两次，三十余场，上万人，一百多件，三成，两个确立，四个意识，第一，一是，统一，一批，一次性，三级医院，二级巡视员，五位一体，近百名，百余件。",
    [
      ["两次", "number", 2, 0, 1, "次", false, null, "2", true, null, 2, 4, 2, 3, 0],
      ["三十余场", "number", 30, 0, 1, "场", true, null, "30", true, ["余"], 5, 9, 5, 7, 1],
      ["上万人", "number", 10000, 0, 10000, "人", true, null, "1", true, ["上"], 10, 13, 11, 12, 2],
      ["一百多件", "number", 100, 0, 1, "件", true, null, "100", true, ["多"], 14, 18, 14, 16, 3],
      ["三成", "number", 3, 0, 1, "成", false, null, "3", true, null, 19, 21, 19, 20, 4],
      ["近百名", "number", 100, 0, 1, "名", true, null, "100", true, ["近"], 64, 67, 65, 66, 5],
      ["百余件", "number", 100, 0, 1, "件", true, null, "100", true, ["余"], 68, 71, 68, 69, 6],
    ],
  ],
  [
    "电话：0971-1234567，手机13800000000，12345热线，热线电话12345，邮编810000，12345名，拨打12345。",
    [
    ],
  ],
  [
    "24小时，24小时内，365天，365天以内，2.0版，第3条，初1，周3，周5岁，7×24，3·15，5G，PM2.5，G109，5+N，1/3，#3。",
    [
      ["24小时", "number", 24, 0, 1, "小时", false, null, "24", false, null, 5, 9, 5, 7, 0],
      ["365天以内", "number", 365, 0, 1, "天", true, null, "365", false, ["以内"], 16, 22, 16, 19, 1],
      ["5岁", "number", 5, 0, 1, "岁", false, null, "5", false, null, 39, 41, 39, 40, 2],
    ],
  ],
  [
    "〔2021〕5号，[2021]，【2021】3号，9:30，9时30分，（1）办理，(2)审核，1.加强，2、推进，3、4号。",
    [
      ["3", "number", 3, 0, 1, "", false, null, "3", false, null, 58, 59, 58, 59, 0],
    ],
  ],
  [
    "1 5起，18,439件，1,234,567元，１２.５%，１２３件，269.77万件，1.37万余条，3千方，万分，千米，2.5亿元，1.5倍，两倍。",
    [
      ["1 5起", "number", 15, 0, 1, "起", false, null, "15", false, null, 0, 4, 0, 3, 0],
      ["18,439件", "number", 18439, 0, 1, "件", false, null, "18439", false, null, 5, 12, 5, 11, 1],
      ["1,234,567元", "number", 1234567, 0, 1, "元", false, null, "1234567", false, null, 13, 23, 13, 22, 2],
      ["１２.５%", "percent", 12.5, 1, 1, "%", false, null, "12.5", false, null, 24, 29, 24, 28, 3],
      ["１２３件", "number", 123, 0, 1, "件", false, null, "123", false, null, 30, 34, 30, 33, 4],
      ["269.77万件", "number", 2697700, 2, 10000, "件", false, null, "269.77", false, null, 35, 43, 35, 41, 5],
      ["1.37万余条", "number", 13700, 2, 10000, "条", true, null, "1.37", false, ["余"], 44, 51, 44, 48, 6],
      ["3", "number", 3, 0, 1, "", false, null, "3", false, null, 52, 53, 52, 53, 7],
      ["2.5亿元", "number", 250000000, 1, 100000000, "元", false, null, "2.5", false, null, 62, 67, 62, 65, 8],
      ["1.5倍", "multiple", 1.5, 1, 1, "倍", false, null, "1.5", false, null, 68, 72, 68, 71, 9],
      ["两倍", "multiple", 2, 0, 1, "倍", false, null, "2", true, null, 73, 75, 73, 74, 10],
    ],
  ],
  [
    "“八五”普法，“12345”热线，《条例》第5条，”八五“规划，“5+N”模式，「30件」，『40件』，‘50件’。",
    [
    ],
  ],
  [
    "受理416件，同比增加312件，增长300%；由100件增加至120件，增长20%；办理时限由20天压缩至12天，提速40%。",
    [
      ["416件", "number", 416, 0, 1, "件", false, null, "416", false, null, 2, 6, 2, 5, 0],
      ["312件", "number", 312, 0, 1, "件", false, null, "312", false, null, 11, 15, 11, 14, 1],
      ["300%", "percent", 300, 0, 1, "%", false, null, "300", false, null, 18, 22, 18, 21, 2],
      ["100件", "number", 100, 0, 1, "件", false, null, "100", false, null, 24, 28, 24, 27, 3],
      ["120件", "number", 120, 0, 1, "件", false, null, "120", false, null, 31, 35, 31, 34, 4],
      ["20%", "percent", 20, 0, 1, "%", false, null, "20", false, null, 38, 41, 38, 40, 5],
      ["20天", "number", 20, 0, 1, "天", false, null, "20", false, null, 47, 50, 47, 49, 6],
      ["12天", "number", 12, 0, 1, "天", false, null, "12", false, null, 53, 56, 53, 55, 7],
      ["40%", "percent", 40, 0, 1, "%", false, null, "40", false, null, 59, 62, 59, 61, 8],
    ],
  ],
  [
    "共120件（含刑事45件、民事75件），刑事案件345件、民事案件415件，共计760件；已办结25件；其中不予受理1件、维持2件。",
    [
      ["120件", "number", 120, 0, 1, "件", false, null, "120", false, null, 1, 5, 1, 4, 0],
      ["45件", "number", 45, 0, 1, "件", false, null, "45", false, null, 9, 12, 9, 11, 1],
      ["75件", "number", 75, 0, 1, "件", false, null, "75", false, null, 15, 18, 15, 17, 2],
      ["345件", "number", 345, 0, 1, "件", false, null, "345", false, null, 24, 28, 24, 27, 3],
      ["415件", "number", 415, 0, 1, "件", false, null, "415", false, null, 33, 37, 33, 36, 4],
      ["760件", "number", 760, 0, 1, "件", false, null, "760", false, null, 40, 44, 40, 43, 5],
      ["25件", "number", 25, 0, 1, "件", false, null, "25", false, null, 48, 51, 48, 50, 6],
      ["1件", "number", 1, 0, 1, "件", false, null, "1", false, null, 58, 60, 58, 59, 7],
      ["2件", "number", 2, 0, 1, "件", false, null, "2", false, null, 63, 65, 63, 64, 8],
    ],
  ],
  [
    "A（416件）超B（278件）49.6%，出庭应诉率（61%）高于全省（57%）4个百分点，是上年的1.5倍，比上年多20件。",
    [
      ["416件", "number", 416, 0, 1, "件", false, null, "416", false, null, 2, 6, 2, 5, 0],
      ["278件", "number", 278, 0, 1, "件", false, null, "278", false, null, 10, 14, 10, 13, 1],
      ["49.6%", "percent", 49.6, 1, 1, "%", false, null, "49.6", false, null, 15, 20, 15, 19, 2],
      ["61%", "percent", 61, 0, 1, "%", false, null, "61", false, null, 27, 30, 27, 29, 3],
      ["57%", "percent", 57, 0, 1, "%", false, null, "57", false, null, 36, 39, 36, 38, 4],
      ["4个百分点", "points", 4, 0, 1, "个百分点", false, null, "4", false, null, 40, 45, 40, 41, 5],
      ["1.5倍", "multiple", 1.5, 1, 1, "倍", false, null, "1.5", false, null, 50, 54, 50, 53, 6],
      ["20件", "number", 20, 0, 1, "件", false, null, "20", false, null, 59, 62, 59, 61, 7],
    ],
  ],
  [
    "其中一审120件、二审30件，分别占45%、38%、25%，刑事案件占45%、民事案件占38%、行政案件占25%。",
    [
      ["120件", "number", 120, 0, 1, "件", false, null, "120", false, null, 4, 8, 4, 7, 0],
      ["30件", "number", 30, 0, 1, "件", false, null, "30", false, null, 11, 14, 11, 13, 1],
      ["45%", "percent", 45, 0, 1, "%", false, null, "45", false, null, 18, 21, 18, 20, 2],
      ["38%", "percent", 38, 0, 1, "%", false, null, "38", false, null, 22, 25, 22, 24, 3],
      ["25%", "percent", 25, 0, 1, "%", false, null, "25", false, null, 26, 29, 26, 28, 4],
      ["45%", "percent", 45, 0, 1, "%", false, null, "45", false, null, 35, 38, 35, 37, 5],
      ["38%", "percent", 38, 0, 1, "%", false, null, "38", false, null, 44, 47, 44, 46, 6],
      ["25%", "percent", 25, 0, 1, "%", false, null, "25", false, null, 53, 56, 53, 55, 7],
    ],
  ],
  [
    "约 5 件，近 10 %，超 3 万 人，1 2 3件，100 件次，3个多月，5个工作日，10平方公里，一百二十个，百分点。",
    [
      ["约 5 件", "number", 5, 0, 1, "件", true, null, "5", false, ["约"], 0, 5, 2, 3, 0],
      ["近 10 %", "percent", 10, 0, 1, "%", true, null, "10", false, ["近"], 6, 12, 8, 10, 1],
      ["超 3 万 人", "number", 30000, 0, 10000, "人", true, null, "3", false, ["超"], 13, 20, 15, 16, 2],
      ["1", "number", 1, 0, 1, "", false, null, "1", false, null, 21, 22, 21, 22, 3],
      ["2 3件", "number", 23, 0, 1, "件", false, null, "23", false, null, 23, 27, 23, 26, 4],
      ["100 件次", "number", 100, 0, 1, "件次", false, null, "100", false, null, 28, 34, 28, 31, 5],
      ["3个多月", "number", 3, 0, 1, "个月", true, null, "3", false, ["多"], 35, 39, 35, 36, 6],
      ["5个工作日", "number", 5, 0, 1, "个工作日", false, null, "5", false, null, 40, 45, 40, 41, 7],
      ["10平方公里", "number", 10, 0, 1, "平方公里", false, null, "10", false, null, 46, 52, 46, 48, 8],
      ["一百二十个", "number", 120, 0, 1, "个", false, null, "120", true, null, 53, 58, 53, 57, 9],
    ],
  ],
  [
    "全年共办理行政复议案件1.2万件，涉及金额3.5亿元，挽回损失约2000万元，群众满意度达98.5%以上。",
    [
      ["1.2万件", "number", 12000, 1, 10000, "件", false, null, "1.2", false, null, 11, 16, 11, 14, 0],
      ["3.5亿元", "number", 350000000, 1, 100000000, "元", false, null, "3.5", false, null, 21, 26, 21, 24, 1],
      ["约2000万元", "number", 20000000, 0, 10000, "元", true, null, "2000", false, ["约"], 31, 38, 32, 36, 2],
      ["98.5%以上", "percent", 98.5, 1, 1, "%", true, null, "98.5", false, ["以上"], 45, 52, 45, 49, 3],
    ],
  ],
  [
    "0.5%，00123，0012件，2100年，1949年，1948人，2101件，2000件，1900元，99年，12年，123年，1.5年。",
    [
      ["0.5%", "percent", 0.5, 1, 1, "%", false, null, "0.5", false, null, 0, 4, 0, 3, 0],
      ["1948人", "number", 1948, 0, 1, "人", false, null, "1948", false, null, 29, 34, 29, 33, 1],
      ["2101件", "number", 2101, 0, 1, "件", false, null, "2101", false, null, 35, 40, 35, 39, 2],
      ["2000件", "number", 2000, 0, 1, "件", false, null, "2000", false, null, 41, 46, 41, 45, 3],
      ["1900元", "number", 1900, 0, 1, "元", false, null, "1900", false, null, 47, 52, 47, 51, 4],
      ["99年", "number", 99, 0, 1, "年", false, null, "99", false, null, 53, 56, 53, 55, 5],
      ["12年", "number", 12, 0, 1, "年", false, null, "12", false, null, 57, 60, 57, 59, 6],
    ],
  ],
];

describe('figures tokenizer (performance rewrite)', () => {
  for (const [text, rows] of CASES) {
    it(`reads ${text.slice(0, 24)}…`, () => {
      const got = quantitiesOfText(text).map((q): Row => [
        q.raw, q.kind, q.value, q.decimals, q.scale, q.unit, q.approx, q.high ?? null, q.numeral, q.chinese ?? false,
        q.approxMarks ?? null, q.start, q.end, q.numStart, q.numEnd, q.index,
      ]);
      assert.deepEqual(got, rows);
    });
  }

  it('leaves optional fields absent rather than undefined', () => {
    const [q] = quantitiesOfText('受理416件');
    assert.deepEqual(Object.keys(q), ['kind', 'value', 'decimals', 'scale', 'unit', 'approx', 'start', 'end', 'numStart', 'numEnd', 'from', 'to', 'raw', 'paragraph', 'numFrom', 'numTo', 'numeral', 'index']);
    assert.equal('high' in q, false);
    const [s] = quantitiesOfText('10%～20%');
    assert.equal(s.high, 20);
    assert.deepEqual(Object.keys(s).slice(-1), ['high']);
  });

  it('tokenizes a paragraph afresh when its text changes, and shares one entry otherwise', () => {
    const doc = parseDocument('受理案件416件，办结率99.5%。');
    const p = doc.paragraphs[doc.paragraphs.length - 1];
    assert.equal(quantitiesIn(p), quantitiesIn(p));
    assert.equal(figuresOf(p).hasPercent, true);
    const copy = { ...p, text: '受理案件7件。' };
    assert.deepEqual(quantitiesIn(copy).map((q) => q.raw), ['7件']);
    assert.equal(figuresOf(copy).hasPercent, false);
    assert.deepEqual(quantitiesIn(p).map((q) => q.raw), ['416件', '99.5%']);
  });

  it('keeps allQuantities and quantitiesInSentence as before', () => {
    const text = seed('huangzhong-2024-report.txt');
    const doc = parseDocument(text);
    const all = allQuantities(doc);
    const byParagraph = doc.paragraphs.slice(doc.bodyStart).flatMap((p) => quantitiesIn(p));
    assert.deepEqual(all, byParagraph);
    for (const s of doc.sentences) {
      assert.deepEqual(quantitiesInSentence(s), quantitiesIn(s.paragraph).filter((q) => q.from >= s.from && q.to <= s.to));
    }
  });

  it('caches labels and rate words per quantity with the same values as computed afresh', () => {
    const text = seed('huangzhong-2024-report.txt');
    const doc = parseDocument(text);
    for (const p of doc.paragraphs) {
      for (const q of quantitiesIn(p)) {
        assert.equal(labelAfter(q), labelAfter(q));
        assert.deepEqual(rateWordBefore(q), rateWord(labelBefore(q)));
      }
    }
  });
});
