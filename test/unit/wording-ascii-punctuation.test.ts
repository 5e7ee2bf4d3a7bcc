import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';
import { applyFix, applyFixes } from './wording-helpers';

const RULE = 'wording/ascii-punctuation';
const doc = (body: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds the ASCII commas and brackets throughout haixi-2020, each with a one-character fix', () => {
    const text = seed('haixi-2020-report.txt');
    const fs = findings(text, RULE);
    assert.ok(fs.length > 250, String(fs.length));
    for (const f of fs) {
      if (f.data?.heading) {
        assert.match(covered(text, f), /^\([一二三四五六七八九十]+\)$/);
        assert.equal(f.fix!.edits.length, 2);
        continue;
      }
      assert.equal(f.end - f.start, 1);
      assert.ok(',;:()?!'.includes(covered(text, f)));
      assert.equal(f.fix!.edits.length, 1);
    }
    // the heading markers, half-width throughout this report: 8 + 6
    assert.equal(fs.filter((f) => f.data?.heading).length, 14);
    const first = fs[0];
    assert.equal(text.slice(first.start - 5, first.end + 3), '2020年,海西州');
    // "fix all": no ASCII mark left in Chinese context
    const fixed = applyFixes(text, fs);
    assert.deepEqual(findings(fixed, RULE), []);
    assert.ok(fixed.includes('《法治政府建设实施纲要（2015—2020年）》，着力构建'));
    assert.ok(fixed.includes('\n（一）全面履行法治政府职能，强化工作责任落实'));
  });

  it('finds the ASCII comma and brackets in huangzhong and pingan', () => {
    const hz = seed('huangzhong-2024-report.txt');
    const fs = findings(hz, RULE);
    assert.ok(fs.some((f) => hz.slice(f.start - 6, f.end + 2) === '竞争择优原则,优化'));
    assert.equal(fs.filter((f) => covered(hz, f) === '(').length, fs.filter((f) => covered(hz, f) === ')').length);
    const pa = seed('pingan-2023-report.txt');
    assert.equal(findings(pa, RULE).length, 2);
    assert.deepEqual(findings(seed('haidong-2024-report.txt'), RULE), []);
    assert.deepEqual(findings(seed('haixi-2024-feature-article.txt'), RULE), []);
  });

  it('converts each mark to its full-width form', () => {
    const text = doc('时间:2024年;地点:县政府,参会人员(含列席)30人?是否达到要求!');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), [':', ';', ':', ',', '(', ')', '?', '!']);
    assert.ok(applyFixes(text, fs).includes('时间：2024年；地点：县政府，参会人员（含列席）30人？是否达到要求！'));
    assert.equal(applyFix(text, fs[3]).includes('县政府，参会'), true);
  });

  it('never touches numbers, times, URLs, Latin text, Markdown or heading markers', () => {
    const text = doc('排查矛盾纠纷18,439件，会议于10:30召开，详见https://www.gov.cn/zhengce/a,b.html 和[链接](https://x.cn/a(b))。英文摘要：Hello, world! It works (really). 使用`a,b`格式。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
  });

  it('leaves heading markers to numbering/bracket-width when widths are mixed, reports them when half-width throughout', () => {
    const mixed = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n（一）加强组织领导。全年受理案件10件。\n\n（二）加强培训。培训3次。\n\n(三)加强监督。检查5次。\n';
    assert.deepEqual(findings(mixed, RULE), []);
    const half = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n(一)加强组织领导。全年受理案件10件。\n\n(二)加强培训。培训3次。\n';
    const fs = findings(half, RULE);
    assert.deepEqual(fs.map((f) => covered(half, f)), ['(一)', '(二)']);
    assert.ok(applyFix(half, fs[1]).includes('\n（二）加强培训'));
  });

  it('flags a Latin word in ASCII brackets inside Chinese, and a comma after a figure', () => {
    const text = doc('上线手机应用(APP)下载量达3万次,群众满意率100%,较上年提高。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['(', ')', ',', ',']);
  });

  it('fixes only the half-width side of a mixed pair', () => {
    const text = doc('落实《纲要（2021-2025年)》要求。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), ')');
    assert.ok(applyFix(text, fs[0]).includes('《纲要（2021-2025年）》'));
  });

  it('reads Markdown table cells but not the table syntax', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n| 项目 | 数量(件) | 比率 |\n|:---|---:|:---:|\n| 行政复议 | 1,234 | 96.5% |\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['(', ')']);
    assert.ok(text.slice(fs[0].start - 2, fs[1].end).startsWith('数量(件)'));
  });

  it('leaves the text of an end-of-line HTML comment and half-width formula brackets alone', () => {
    const text = doc('全年受理案件10件。<!-- fazhi-report-disable-line metrics/vague-claim -- 说明:数据待核,见(附表) -->\n\n' +
      '综合纠错率计算公式为(A+B)/C,其中A为撤销案件数。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), [',']);
    assert.equal(text.slice(fs[0].start - 2, fs[0].end + 2), '/C,其中');
  });
});

