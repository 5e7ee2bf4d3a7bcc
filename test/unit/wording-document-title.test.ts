import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import { DOCUMENTS } from '../../server/src/engine/wording/documents';
import { applyFix } from './wording-helpers';

const RULE = 'wording/document-title';
const doc = (body: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds the 事实意见 title in huangzhong and fixes the title text', () => {
    const text = seed('huangzhong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '关于全面推行行政规范性文件合法性审核机制的事实意见');
    assert.equal(fs[0].data?.expected, '关于全面推行行政规范性文件合法性审核机制的指导意见');
    assert.ok(applyFix(text, fs[0]).includes('《关于全面推行行政规范性文件合法性审核机制的指导意见》和《关于进一步'));
  });

  it('is quiet on the other seeds (local titles, exact titles with other dashes and spaces)', () => {
    for (const name of SEEDS) if (name !== 'huangzhong-2024-report.txt') assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), [], name);
  });

  it('knows at least 40 titles and accepts every one as written, with or without a period', () => {
    assert.ok(DOCUMENTS.length >= 40);
    const text = doc(DOCUMENTS.map((d) => `《${d.title}》`).join('、') + '。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
    const loose = doc('《法治政府建设实施纲要》《法治政府建设实施纲要(2021-2025)》《法治政府建设实施纲要（2021 — 2025 年）》《行政复议法》《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》。');
    assert.deepEqual(findings(loose, RULE), []);
  });

  it('flags one wrong character of a confusable pair, keeping the cited form', () => {
    const text = doc('落实《法制政府建设实施纲要（2021—2025年）》《中华人民共和国行政复仪法》《行政复仪法》《法治政府建设与责任落实督查工作规定》。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['法制政府建设实施纲要（2021—2025年）', '中华人民共和国行政复仪法', '行政复仪法', '法治政府建设与责任落实督查工作规定']);
    assert.deepEqual(fs.map((f) => f.data?.expected), ['法治政府建设实施纲要（2021—2025年）', '中华人民共和国行政复议法', '行政复议法', '法治政府建设与责任落实督察工作规定']);
  });

  it('flags a confusable two-character word (事实 for 实施) in a short title', () => {
    const text = doc('落实《法治政府建设事实纲要》，遵守《重大行政决策程序暂行条列》。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => f.data?.expected), ['法治政府建设实施纲要', '重大行政决策程序暂行条例']);
    assert.deepEqual(findings(doc('落实《法治政府建设实施方案》《法治社会建设实施纲要》。'), RULE), []);
  });

  it('keeps an issuer prefix and flags a wrong period', () => {
    const text = doc('执行《国务院办公厅关于全面推行行政规范性文件合法性审核机制的事实意见》，对照《法治政府建设实施纲要（2020—2025年）》。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 2);
    assert.equal(fs[0].data?.expected, '国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见');
    assert.equal(fs[1].data?.expected, '法治政府建设实施纲要（2021—2025年）');
    assert.ok(applyFix(text, fs[0]).includes('《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》'));
  });

  it('never flags local documents, other kinds of document or unrelated titles', () => {
    const text = doc('制定《海东市法治政府建设实施方案》《青海省法治政府建设实施纲要》《关于全面推行行政规范性文件合法性审核机制的实施意见》《重大行政决策程序规定》《刑法》《仲裁法》《海西州法治政府建设实施方案》《法治社会建设实施纲要（2020—2025年）》《湟中区行政执法监督办法》。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
  });

  it('checks a title nested in a local one', () => {
    const text = doc('印发《海东市贯彻落实<提升行政执法质量三年行动计划（2023—2025 年）>实施方案》《XX县贯彻〈法制政府建设实施纲要（2021—2025年）〉的方案》。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '法制政府建设实施纲要（2021—2025年）');
  });

  it('takes project titles by option', () => {
    const text = doc('落实《青海省法治政府建设实施方案（2021—2025年）》《青海省法制政府建设实施方案（2021—2025年）》。');
    assert.deepEqual(findings(text, RULE), []);
    const fs = findings(text, RULE, { rules: { [RULE]: ['warning', { titles: ['青海省法治政府建设实施方案（2021—2025年）'] }] } });
    assert.deepEqual(fs.map((f) => covered(text, f)), ['青海省法制政府建设实施方案（2021—2025年）']);
  });
});
