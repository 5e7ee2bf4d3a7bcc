import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import { applyFix } from './wording-helpers';

const RULE = 'wording/quote-pairs';
const doc = (body: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds the reversed ”八五“ in huangzhong and fixes both marks', () => {
    const text = seed('huangzhong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '”八五“');
    assert.equal(fs[0].data?.kind, 'reversed');
    const fixed = applyFix(text, fs[0]);
    assert.ok(fixed.includes('全面落实“八五”普法规划'));
    assert.equal(fixed.length, text.length);
  });

  it('reports nothing else on the seeds', () => {
    for (const name of SEEDS) {
      if (name === 'huangzhong-2024-report.txt') continue;
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), [], name);
    }
  });

  it('reports unpaired quotes and brackets on the lone mark', () => {
    const text = doc('开展“法律进乡村活动，建立工作室3个。\n\n二、存在的问题\n\n落实普法责任制”不到位。制定《实施方案，召开会议（第一次，部署工作。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['“', '”', '《', '（']);
    assert.deepEqual(fs.map((f) => f.data?.kind), ['unclosed', 'unopened', 'unclosed', 'unclosed']);
    assert.match(fs[0].message, /没有对应的“””/);
  });

  it('accepts nested and well-formed marks, including mixed-width brackets', () => {
    const text = doc('印发《海东市贯彻落实〈提升行政执法质量三年行动计划（2023—2025年）〉实施方案》，落实“谁执法谁普法”‘四个意识’【重点】。落实《纲要（2021-2025年)》要求。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('pairs a quote broken across a pasted page break', () => {
    const text = doc('切实做到“能公开的尽量公\n\n开”，“能上网的尽量上网”，有力促进了政务公开。');
    assert.deepEqual(findings(text, RULE), []);
    const two = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n（一）开展“法治体检\n\n活动”，服务企业35家。\n';
    assert.deepEqual(findings(two, RULE), []);
  });

  it('does not take list markers 1）2） for unpaired brackets', () => {
    const text = doc('主要做法：1）健全制度；2）加强培训；一）强化监督。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('finds a reversed pair of other marks and an apostrophe is not a quote', () => {
    const text = doc('学习》民法典《，推广China’s经验。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '》民法典《');
    assert.ok(applyFix(text, fs[0]).includes('《民法典》'));
  });

  it('keeps Markdown emphasis out of the way', () => {
    const text = doc('**一是强化“第一责任人”职责。**压实”一把手“责任。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '”一把手“');
  });

  it('accepts a quotation of several paragraphs closed only at the end (GB/T 15834)', () => {
    const sep = doc('他强调：“要坚持依法决策。\n\n“要严格规范公正文明执法。\n\n“要自觉接受监督。”会议同时部署了下一步工作。');
    assert.deepEqual(findings(sep, RULE), []);
    // the same when a pasted text joins the lines into one paragraph
    const joined = doc('他强调：“要坚持依法决策。\n“要严格规范公正文明执法。”');
    assert.deepEqual(findings(joined, RULE), []);
    // an opening quote left open with no continuation is still found
    const open = doc('他强调：“要坚持依法决策。\n\n会议还研究了其他事项。');
    const fs = findings(open, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(open, fs[0]), '“');
    assert.equal(fs[0].start, open.indexOf('“'));
  });

  it('does not take a nested quote at the start of a wrapped line for a continuation', () => {
    const text = doc('深入开展“八五”普法规划提出的“加强\n“谁执法谁普法”责任制”落实工作。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('ignores the text of an end-of-line HTML comment', () => {
    const text = doc('全年受理案件10件。<!-- fazhi-report-disable-line metrics/vague-claim -- 见“附表 -->\n\n群众说“好。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].start, text.lastIndexOf('“'));
  });
});

