import { strict as assert } from 'assert';
import { mapRange, parseDocument } from '../../server/src/engine/document';
import { classifyPartHeading, isPlanSentence, isProblemSentence } from '../../server/src/engine/classify';
import { inSequence, trimEndChars } from '../../server/src/engine/text';
import fc from 'fast-check';

describe('document model', () => {
  describe('paragraphs', () => {
    it('drops page numbers and running heads between wrapped lines', () => {
      const lines = [
        'XX市法治政府建设情况报告',
        '2024年，全市共受理行政复议案件416件，审结行政复',
        '议案件356件，直接纠错72件，纠错率20.2%，有错必',
        '- 3 -',
        'XX市法治政府建设情况报告',
        '纠的复议理念全面落实。组织执法培训6场，培训执法',
        '人员300人次，开展案卷评查2次，评查案卷120卷，',
        '第 4 页 共 9 页',
        'XX市法治政府建设情况报告',
        '发现问题37个，已全部整改，整改率达到100%。全市',
        '行政机关负责人出庭应诉率达到100%，同比提高5个',
        '百分点。',
      ];
      const text = lines.join('\n');
      const doc = parseDocument(text);
      assert.deepEqual(doc.paragraphs.map((p) => p.text), [
        'XX市法治政府建设情况报告',
        '2024年，全市共受理行政复议案件416件，审结行政复议案件356件，直接纠错72件，纠错率20.2%，有错必纠的复议理念全面落实。组织执法培训6场，培训执法人员300人次，开展案卷评查2次，评查案卷120卷，发现问题37个，已全部整改，整改率达到100%。全市行政机关负责人出庭应诉率达到100%，同比提高5个百分点。',
      ]);
      const p = doc.paragraphs[1];
      const r = mapRange(p, p.text.indexOf('有错必纠'), p.text.indexOf('有错必纠') + 4);
      assert.equal(text.slice(r.start, r.end), '有错必\n- 3 -\nXX市法治政府建设情况报告\n纠');
    });

    it('drops a running head everywhere when it does not head the document', () => {
      const body = '全年办理行政复议案件416件，审结356件，直接纠错72件，纠错率20.2%。';
      const text = ['2024年，我市扎实推进法治政府建设。', body, body, body, 'XX市人民政府文件', body, 'XX市人民政府文件', body, 'XX市人民政府文件', body, body, body].join('\n');
      const doc = parseDocument(text);
      assert.ok(doc.paragraphs.every((p) => !p.text.includes('XX市人民政府文件')));
    });

    it('keeps a line ending a sentence apart from the next, and joins a line broken mid-sentence', () => {
      const doc = parseDocument('（四）坚持监督约束，行政执法效能稳步提升。一是行政权\n\n力制约监督不断强化。\n\n二是行政执法监督工作持续加强。\n');
      assert.deepEqual(doc.paragraphs.map((p) => p.text), [
        '（四）坚持监督约束，行政执法效能稳步提升。一是行政权力制约监督不断强化。',
        '二是行政执法监督工作持续加强。',
      ]);
    });

    it('drops Markdown emphasis and heading markers from the logical text, keeping offsets', () => {
      const text = '## 一、主要举措和成效\n\n**一是健全机制。**制定办法。\n';
      const doc = parseDocument(text);
      assert.deepEqual(doc.paragraphs.map((p) => p.text), ['一、主要举措和成效', '一是健全机制。制定办法。']);
      const p = doc.paragraphs[1];
      assert.equal(text[p.map[0]], '一');
      assert.equal(text.slice(p.start, p.end), '**一是健全机制。**制定办法。');
      assert.equal(doc.headings[0].level, 1);
      assert.equal(doc.enumerations[0].marker, '一是');
    });

    it('records comments, tables and list items', () => {
      const text = '<!-- fazhi-report-disable numbering/sequence -->\n| 指标 | 数值 |\n- 受理案件12件\n- 办结10件\n';
      const doc = parseDocument(text);
      assert.deepEqual(doc.comments.map((c) => c.body), ['fazhi-report-disable numbering/sequence']);
      assert.deepEqual(doc.paragraphs.map((p) => [p.kind, p.text]), [['table', '| 指标 | 数值 |'], ['list-item', '受理案件12件'], ['list-item', '办结10件']]);
    });

    it('maps an empty range to a point', () => {
      const doc = parseDocument('abc');
      assert.deepEqual(mapRange(doc.paragraphs[0], 1, 1), { start: 1, end: 1 });
      assert.deepEqual(mapRange(doc.paragraphs[0], 3, 3), { start: 3, end: 3 });
    });
  });

  describe('headings', () => {
    it('ends a （一） heading at the first 。 or at a glued 一是', () => {
      const doc = parseDocument('一、主要举措和成效\n（一）完善制度体系。全年出台制度3项。\n(二)深入推进“放管服”改革,提高政务服务水平一是加大简政放权力度。\n');
      assert.deepEqual(doc.headings.map((h) => h.title), ['主要举措和成效', '完善制度体系', '深入推进“放管服”改革,提高政务服务水平']);
      assert.equal(doc.headings[2].brackets, 'half');
      assert.equal(doc.enumerations[0].strong, true);
    });

    it('ends a heading at a colon close to the marker', () => {
      const doc = parseDocument('一、存在的问题：\n（一）主要做法：全年出台制度3项。\n');
      assert.deepEqual(doc.headings.map((h) => h.title), ['存在的问题', '主要做法']);
    });

    it('reads （一）、, 1、 and (-) with their delimiters and flags', () => {
      const doc = parseDocument('一、主要举措\n（一）、完善制度。\n1、健全机制。\n(-)规范执法。\n');
      assert.deepEqual(doc.headings.map((h) => [h.level, h.marker, h.delimiter, !!h.malformed]), [
        [1, '一、', '、', false],
        [2, '（一）、', '、', false],
        [3, '1、', '、', false],
        [2, '(-)', '', true],
      ]);
    });

    it('does not take a Markdown heading-less report for a titled one', () => {
      const doc = parseDocument('## 一、主要举措和成效\n\n全年工作情况\n\n## 二、存在的问题\n\n由于人员少。\n');
      assert.equal(doc.title, undefined);
      assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'problems']);
    });
  });

  describe('sentences and enumerations', () => {
    it('keeps closing quotes with their sentence', () => {
      const doc = parseDocument('正文一、二句。他说：“好。”后来又说！最后？');
      assert.deepEqual(doc.sentences.map((s) => s.text), ['正文一、二句。', '他说：“好。”', '后来又说！', '最后？']);
    });

    it('accepts weak ordinals only where a series needs them', () => {
      const doc = parseDocument('（一）完善制度。做法统一是关键。主要做了三件事一是健全机制，二是强化落实。\n');
      assert.deepEqual(doc.enumerations.map((e) => [e.marker, e.strong]), [['一是', false], ['二是', true]]);
    });
  });

  describe('classification', () => {
    const cases: [string, string | undefined][] = [
      ['主要举措和工作成效', 'measures'], ['2024年度法治政府建设的主要举措和成效', 'measures'], ['工作开展情况', 'measures'],
      ['主要做法及成效', 'measures'], ['推进法治政府建设情况', 'measures'], ['工作完成情况', 'measures'], ['主要工作', 'measures'],
      ['存在的问题', 'problems'], ['存在的问题和短板', 'problems'], ['存在的不足和原因', 'problems'], ['问题和不足', 'problems'],
      ['短板', 'problems'], ['当前存在的困难和问题', 'problems'], ['工作中存在的问题和不足', 'problems'],
      ['2025年工作计划', 'plans'], ['2025 年工作安排', 'plans'], ['下一步工作打算', 'plans'], ['下一步工作思路', 'plans'],
      ['下一年度主要安排', 'plans'], ['今后工作打算', 'plans'], ['2025年法治政府建设工作安排', 'plans'],
      ['党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'], ['其他需要报告的情况', 'other'], ['其他需要说明的问题', 'other'],
      ['强化组织领导，夯实法治基础', undefined], ['着力解决群众急难愁盼问题', undefined], ['困难群众帮扶', undefined],
      ['存在的问题和下一步打算', 'problems'], ['2024年重点工作', undefined], ['2025年重点工作', 'plans'], ['2024年工作计划', 'plans'], ['目前工作中还存在的问题', 'problems'], ['问题及原因分析', 'problems'], ['不足之处', 'problems'],
    ];
    for (const [h, k] of cases) it(`${h} → ${k}`, () => assert.equal(classifyPartHeading(h, 2024), k));

    it('reads plan and problem sentences', () => {
      assert.equal(isPlanSentence('下一步，我们将继续加强培训。', 2024), true);
      assert.equal(isPlanSentence('2025年，全县将深化改革。', 2024), true);
      assert.equal(isPlanSentence('2024年，全县将法治建设纳入考核。', 2024), false);
      assert.equal(isPlanSentence('我局将继续规范执法。', 2024), true);
      assert.equal(isPlanSentence('我局将继续规范执法。', 2024, true), false);
      assert.equal(isProblemSentence('取得了一定成效，但对照要求，仍存在执法力量薄弱等不足。'), true);
      assert.equal(isProblemSentence('当前还存在基层执法力量薄弱的问题。'), false);
      assert.equal(isProblemSentence('当前还存在基层执法力量薄弱的问题。', true), true);
      assert.equal(isProblemSentence('全年办理案件120件。', true), false);
    });
  });

  describe('text helpers', () => {
    it('inSequence finds ordered steps within gaps and stops at 。', () => {
      const steps = [/但/g, /仍/g, /不足/g];
      assert.equal(inSequence('但对照要求仍有不足', steps, [10, 10]), true);
      assert.equal(inSequence('但对照要求。仍有不足', steps, [10, 10]), false);
      assert.equal(inSequence('仍有不足但', steps, [10, 10]), false);
      assert.equal(inSequence('但' + '很'.repeat(20) + '仍有不足', steps, [10, 10]), false);
    });

    it('trimEndChars trims only the given characters', () => {
      assert.equal(trimEndChars('好。；。', '。；'), '好');
      assert.equal(trimEndChars('。', '。'), '');
      assert.equal(trimEndChars('好', '。'), '好');
    });
  });

  describe('any string', () => {
    const pieces = ['一、', '（一）', '(二)', '1.', '1、', '（1）', '(-)', '一是', '二是', '是', '。', '，', '\n', '\r\n', '\r', '\n\n', ' ', '\u3000', '**', '## ', '- ', '| a |',
      '<!-- x -->', '2024年', '2025年工作计划', '存在的问题', '下一步，我们将', '但仍存在不足', '报告', '关于', '人民政府：', '现将', '2025年1月1日', '- 3 -', 'XX市法治政府建设情况报告', '《', '”', '\ufeff', '\ud800', 'a'];
    it('parses without throwing, every logical character mapping to its original', () => {
      fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }).map((a) => a.join('')), (t) => {
        const doc = parseDocument(t);
        for (const p of doc.paragraphs) for (let i = 0; i < p.text.length; i++) if (t[p.map[i]] !== p.text[i]) return false;
        for (const s of [...doc.parts, ...doc.sections]) if (!(s.start <= s.end && s.end <= t.length)) return false;
        for (const h of doc.headings) if (!(h.markerStart <= h.markerEnd && h.markerEnd <= h.textStart + 1 && h.textStart <= h.textEnd)) return false;
        return true;
      }), { numRuns: 300, seed: 20241 });
    });
  });
});
