/** The server's modules, without a process: code actions, edits, hover, completion, settings, sync. */
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../server/src/engine/types';
import { parseDocument } from '../../server/src/engine/document';
import { analyze } from '../../server/src/engine/check';
import { codeActions, disableEdit, nonOverlappingFixes } from '../../server/src/lsp/actions';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { hoverAt } from '../../server/src/lsp/hover';
import { completions, resolveSnippetVariables } from '../../server/src/lsp/completion';
import { normaliseSettings, DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { DocumentStore } from '../../server/src/lsp/documents';
import { looksLikeReport } from '../../server/src/lsp/detect';
import { structureOf } from '../../server/src/lsp/structure';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { seedText } from './harness';
import { README, REPORT } from './fixtures';

const URI = 'file:///virtual/report.fzbg';

function finding(ruleId: string, start: number, end: number, fix?: Array<[number, number, string]>, data?: Record<string, unknown>): Finding {
  return {
    ruleId, severity: 'warning', message: `${ruleId} 的问题`, start, end,
    ...(fix ? { fix: { title: `修复 ${ruleId}`, edits: fix.map(([s, e, text]) => ({ start: s, end: e, text })) } } : {}),
    ...(data ? { data } : {}),
  };
}

describe('lsp: fixes and code actions', () => {
  it('takes non-overlapping fixes in document order, a fix with any clashing edit not at all', () => {
    const fs = [
      finding('a/x', 10, 12, [[10, 12, 'AA']]),
      finding('b/y', 11, 13, [[11, 13, 'BB']]), // overlaps a/x
      finding('c/z', 20, 20, [[20, 20, '+']]),
      finding('d/w', 20, 21, [[20, 20, '-'], [30, 31, 'q']]), // insert at the same place as c/z
      finding('e/v', 40, 41, [[40, 41, 'E']]),
      finding('f/u', 41, 42, [[41, 42, 'F']]), // touching, not overlapping
      finding('g/t', 50, 51), // no fix
    ];
    const r = nonOverlappingFixes(fs);
    assert.equal(r.count, 4);
    assert.deepEqual(r.edits.map((e) => e.text), ['AA', '+', 'E', 'F']);
    assert.deepEqual(nonOverlappingFixes(fs, 'b/y').edits.map((e) => e.text), ['BB']);
  });

  it('orders fix, fix-all of the rule, fix-all, disable, doc; and answers source.fixAll alone', () => {
    const text = '截止目前，甲。\n截止目前，乙。\n(三)丙。\n';
    const doc = TextDocument.create(URI, 'fazhi-report', 3, text);
    const fs = [
      finding('wording/jiezhi', 0, 2, [[1, 2, '至']]),
      finding('wording/jiezhi', 8, 10, [[9, 10, '至']]),
      finding('numbering/bracket-width', 16, 19, [[16, 17, '（'], [18, 19, '）']]),
    ];
    const diags = fs.map((f) => toDiagnostic(doc, f));
    const list = codeActions(doc, fs, [diags[1]], undefined, { documentChanges: false });
    assert.deepEqual(list.map((a) => a.title), [
      '修复 wording/jiezhi',
      '修复本文件中所有“wording/jiezhi”问题（2 处）',
      '修复本文件中所有可自动修复的问题（3 处）',
      '停用此行的“wording/jiezhi”检查',
      '查看规则“wording/jiezhi”的说明',
    ]);
    assert.deepEqual(list[0].edit, { changes: { [URI]: [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: '至' }] } });
    assert.equal(list[0].isPreferred, true);
    assert.deepEqual(list[3].edit!.changes![URI], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '<!-- fazhi-report-disable-next-line wording/jiezhi -->\n' }]);
    // the applied fix-all edits give the text with every fix
    const all = list[2].edit!.changes![URI];
    assert.equal(TextDocument.applyEdits(doc, all), '截至目前，甲。\n截至目前，乙。\n（三）丙。\n');

    const src = codeActions(doc, fs, [], ['source.fixAll'], { documentChanges: true });
    assert.equal(src.length, 1);
    assert.equal(src[0].kind, 'source.fixAll.fazhiReport');
    assert.deepEqual((src[0].edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri: URI, version: 3 });
    // only quick fixes asked for: no source action
    assert.ok(codeActions(doc, fs, [diags[2]], ['quickfix'], { documentChanges: false }).every((a) => a.kind === 'quickfix'));
    // diagnostics of other tools are ignored
    const other: Diagnostic = { ...diags[0], source: 'markdownlint' };
    assert.deepEqual(codeActions(doc, fs, [other], undefined, { documentChanges: false }), []);
  });

  it('matches a diagnostic published for an older version by rule and message', () => {
    const doc = TextDocument.create(URI, 'fazhi-report', 5, '新增一行。\n截止目前，甲。\n');
    const f = finding('wording/jiezhi', 6, 8, [[7, 8, '至']]);
    // the diagnostic still says line 0 (before a line was inserted above)
    const stale: Diagnostic = { ...toDiagnostic(doc, f), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } } };
    const [fix] = codeActions(doc, [f], [stale], undefined, { documentChanges: false });
    assert.deepEqual(fix.edit!.changes![URI][0].range.start, { line: 1, character: 1 });
  });

  it('extends a suppression comment above rather than stacking a second one, and keeps CRLF', () => {
    const text = '标题\r\n<!-- fazhi-report-disable-next-line figures/ratio -->\r\n  截止目前。\r\n';
    const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
    const e = disableEdit(doc, 2, 'wording/jiezhi')!;
    assert.equal(TextDocument.applyEdits(doc, [e]), '标题\r\n<!-- fazhi-report-disable-next-line figures/ratio, wording/jiezhi -->\r\n  截止目前。\r\n');
    assert.equal(disableEdit(doc, 2, 'figures/ratio'), undefined, 'already disabled');
    const e2 = disableEdit(doc, 0, 'wording/jiezhi')!;
    assert.equal(TextDocument.applyEdits(doc, [e2]), '<!-- fazhi-report-disable-next-line wording/jiezhi -->\r\n' + text);
    // a comment with an explanation stays as written
    const why = '<!-- fazhi-report-disable-next-line figures/ratio -- 原文如此 -->\n  甲。\n';
    const d3 = TextDocument.create(URI, 'fazhi-report', 1, why);
    assert.equal(TextDocument.applyEdits(d3, [disableEdit(d3, 1, 'wording/jiezhi')!]), '<!-- fazhi-report-disable-next-line figures/ratio -- 原文如此 -->\n  <!-- fazhi-report-disable-next-line wording/jiezhi -->\n  甲。\n');
  });
});

describe('lsp: hover', () => {
  it('lists each computation of a figure finding over its exact range', () => {
    const text = '受理案件5559件，调解成功5553件，化解率达99.9%。';
    const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
    const at = text.indexOf('99.9%');
    const f = finding('figures/ratio', at, at + 5, undefined, { arithmetic: ['5553 ÷ 5559 = 99.89%', '5553 ÷ 5560 = 99.87%'] });
    const h = hoverAt(doc, parseDocument(text), [f], at + 2)!;
    assert.equal((h.contents as { value: string }).value, '**核算**（figures/ratio）\n\n- `5553 ÷ 5559 = 99.89%`\n- `5553 ÷ 5560 = 99.87%`');
    assert.deepEqual(h.range, { start: { line: 0, character: at }, end: { line: 0, character: at + 5 } });
    assert.equal(hoverAt(doc, parseDocument(text), [f], at - 1), null, 'outside the finding');
    assert.equal(hoverAt(doc, parseDocument(text), [finding('figures/ratio', at, at + 5)], at), null, 'no arithmetic, no hover');
  });
});

describe('lsp: completion', () => {
  it('resolves the date variables of VS Code snippets', () => {
    const now = new Date(2025, 2, 5);
    assert.equal(resolveSnippetVariables('一、${1:${CURRENT_YEAR}}年度 $CURRENT_MONTH/$CURRENT_DATE ${2:x} $TM_SELECTED_TEXT', now), '一、${1:2025}年度 03/05 ${2:x} $TM_SELECTED_TEXT');
  });

  it('offers the next marker of each level after a level-4 heading', () => {
    const text = '一、主要举措和成效\n（一）强化领导。\n1.健全制度。\n（1）制定规则。\n（2）完善程序。\n';
    const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
    const labels = completions(doc, parseDocument(text), text.length).filter((i) => i.sortText! < '1').map((i) => i.label);
    assert.deepEqual(labels.slice(0, 4), ['（3）', '2.', '（二）', '二、']);
  });

  it('offers no heading markers in the middle of a sentence', () => {
    const text = '一、主要举措和成效\n（一）强化领导。开展';
    const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
    const items = completions(doc, parseDocument(text), text.length);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => !/^[（(一二三四五六七八九十0-9]/.test(i.label)));
    assert.deepEqual(completions(doc, parseDocument(text), text.length, '（'), []);
  });
});

describe('lsp: settings, sync and detection', () => {
  it('reads settings of the wrong types as the defaults and clamps the debounce', () => {
    assert.deepEqual(normaliseSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normaliseSettings({ enable: 'no', run: 'sometimes', debounceMs: 'fast', documents: 1 }), DEFAULT_SETTINGS);
    assert.equal(normaliseSettings({ debounceMs: -5 }).debounceMs, 0);
    assert.equal(normaliseSettings({ debounceMs: 1e9 }).debounceMs, 10000);
    assert.deepEqual(normaliseSettings({ enable: false, run: 'onSave', debounceMs: 120.4, documents: 'all', profile: ' gongzuo-zongjie ' }), {
      enable: false, run: 'onSave', debounceMs: 120, documents: 'all', profile: 'gongzuo-zongjie',
    });
  });

  it('applies changes in order, clamps out-of-range ones and skips malformed ones', () => {
    const store = new DocumentStore();
    store.open(URI, 'fazhi-report', 1, '甲乙丙\n丁戊\n');
    const r = store.change(URI, 2, [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: '一' }, // 甲一丙
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }, // relative to the previous: 一丙
      { range: { start: { line: 9, character: 9 }, end: { line: 99, character: 0 } }, text: '己' }, // past the end
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 0 } }, text: '' }, // reversed: 丁戊 removed
      { text: 7 },
      { range: 'x', text: '' },
    ])!;
    assert.equal(r.skipped, 2);
    assert.equal(r.doc.version, 2);
    assert.equal(r.doc.getText(), '一丙\n\n己');
    assert.equal(store.change(URI, 3, [{ text: '全文替换' }, { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: '。' }])!.doc.getText(), '全文替换。');
    assert.equal(store.change('file:///not-open', 1, []), undefined);
  });

  it('tells a report from a README', () => {
    assert.equal(looksLikeReport(parseDocument(README)), false);
    assert.equal(looksLikeReport(parseDocument(REPORT)), true);
    for (const s of ['haidong-2024-report.txt', 'huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt']) {
      assert.equal(looksLikeReport(parseDocument(seedText(s))), true, s);
    }
    // headings alone, without a title: two prescribed parts make a report
    assert.equal(looksLikeReport(parseDocument('一、主要举措和成效\n开展工作。\n二、存在的问题\n问题不少。\n')), true);
    assert.equal(looksLikeReport(parseDocument('# 会议纪要\n\n一、参会人员\n\n二、会议内容\n')), false);
  });
});

describe('lsp: structure summary', () => {
  it('counts percentages and 其中 breakdowns as checkable, and the flagged ones', () => {
    const text = [
      '某县2024年度法治政府建设工作情况的报告',
      '一、主要举措和成效',
      '办结行政复议案件25件，其中维持2件、调解14件、驳回5件。受理案件120件，办结118件，办结率98.33%。',
      '二、存在的不足和原因',
      '队伍建设不足。',
      '三、2025年工作计划',
      '加强队伍建设。',
    ].join('\n');
    const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
    const a = analyze(text);
    const sumAt = text.indexOf('25件');
    const extra = finding('figures/sum', sumAt, sumAt + 3, undefined, { arithmetic: ['2 + 14 + 5 = 21'] });
    const r = structureOf(doc, { uri: URI, version: 1, analysis: { ...a, findings: [...a.findings.filter((f) => !f.ruleId.startsWith('figures/')), extra] }, failures: [], options: {}, ms: 0 });
    assert.equal(r.figures.checked, 2, 'one percentage and one breakdown');
    assert.equal(r.figures.inconsistent, 1);
    assert.equal(r.figures.hold, 1);
    assert.deepEqual(r.figures.flagged.map((f) => f.arithmetic), [['2 + 14 + 5 = 21']]);
    assert.deepEqual(r.parts.map((p) => p.kind), ['measures', 'problems', 'plans']);
    assert.equal(r.parts[0].figures >= 7, true);
  });
});

describe('lsp: what is kept per document', () => {
  const docs = Array.from({ length: 6 }, (_, i) => TextDocument.create(`file:///virtual/r${i}.md`, 'markdown', 1, REPORT));

  it('keeps the analyses of the most recently used documents only, and recomputes an evicted one', () => {
    const cache = new AnalysisCache(() => undefined, 3);
    const options = {};
    const first = cache.get(docs[0], options);
    assert.equal(cache.get(docs[0], options), first, 'same version and options: the kept analysis');
    for (const d of docs.slice(1)) cache.get(d, options);
    assert.deepEqual(cache.size, { analyses: 3, parsed: 3 });
    // r0 was evicted: asked again, it is computed again, with the same findings
    const again = cache.get(docs[0], options);
    assert.notEqual(again, first);
    assert.deepEqual(again.analysis.findings.map((f) => [f.ruleId, f.start, f.end]), first.analysis.findings.map((f) => [f.ruleId, f.start, f.end]));
    assert.ok(first.analysis.findings.length > 0);
    // using r3 makes it the most recent: checking two more documents evicts r4 and r5, not r3
    const r3 = cache.get(docs[3], options);
    cache.get(docs[1], options);
    cache.get(docs[2], options);
    assert.equal(cache.get(docs[3], options), r3);
    assert.equal(cache.peek(docs[4]), undefined);
    assert.equal(cache.size.analyses, 3);
  });

  it('parses without analysing, within the same bound, and forgets closed documents', () => {
    const cache = new AnalysisCache(() => undefined, 2);
    const p0 = cache.parse(docs[0]);
    assert.equal(cache.parse(docs[0]), p0);
    cache.parse(docs[1]);
    cache.parse(docs[2]);
    assert.deepEqual(cache.size, { analyses: 0, parsed: 2 });
    assert.notEqual(cache.parse(docs[0]), p0, 'evicted, parsed again');
    cache.delete(docs[0].uri);
    assert.equal(cache.size.parsed, 1);
  });
});

describe('lsp: diagnostics as sent', () => {
  const text = '某县2024年度法治政府建设工作情况的报告\n一、主要举措和成效\n受理案件120件，办结118件，办结率98.83%。\n';
  const doc = TextDocument.create(URI, 'fazhi-report', 1, text);
  const at = text.indexOf('98.83');
  const f = finding('figures/ratio', at, at + 5, [[at, at + 5, '98.33']], { arithmetic: ['118 ÷ 120 = 98.33%'], numerator: { value: 118, label: '办结', start: at - 8, end: at - 5 } });

  it('carries the rule, version and fix in data, not the finding\'s own data', () => {
    const d = toDiagnostic(doc, f, true);
    assert.equal(d.codeDescription?.href.endsWith('docs/rules/figures/ratio.md'), true);
    assert.deepEqual(d.data, {
      ruleId: 'figures/ratio', version: 1,
      fix: { title: '修复 figures/ratio', edits: [{ range: { start: { line: 2, character: at - text.indexOf('受理') }, end: { line: 2, character: at + 5 - text.indexOf('受理') } }, newText: '98.33' }] },
    });
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(toDiagnostic(doc, f).relatedInformation, undefined);
  });

  it('leaves out what the client did not declare it supports', () => {
    const d = toDiagnostic(doc, f, { relatedInformation: false, codeDescription: false, data: false });
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity', 'source']);
    assert.deepEqual(d.range, { start: { line: 2, character: at - text.indexOf('受理') }, end: { line: 2, character: at + 5 - text.indexOf('受理') } });
    const withData = toDiagnostic(doc, f, { codeDescription: false });
    assert.equal(withData.codeDescription, undefined);
    assert.equal((withData.data as { ruleId: string }).ruleId, 'figures/ratio');
  });
});
