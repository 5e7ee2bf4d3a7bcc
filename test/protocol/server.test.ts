/**
 * Protocol tests: the built server (`dist/server.js`) over stdio, driven as an editor would.
 */
import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestServer, seedText, fileUri, byRule, sleep } from './harness';
import { REPORT, REPORT_FIXED, NO_PLANS, README } from './fixtures';

const DOCS = 'https://github.com/fazhi-report/fazhi-report/blob/main/docs/rules/';
const FIX_ALL = 'source.fixAll.fazhiReport';

function actions(s: TestServer, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics.length ? diagnostics[0].range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  return text.slice(0, i).split('\n').length - 1;
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let s: TestServer;

  before(async () => {
    s = await TestServer.start();
  });
  after(async () => {
    await s?.stop();
  });

  it('initializes with incremental sync and its features', () => {
    const caps = s.initializeResult!.capabilities as Record<string, any>;
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(caps.textDocumentSync.openClose, true);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', FIX_ALL]);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.completionProvider.triggerCharacters.includes('（'));
  });

  it('publishes a seed\'s diagnostics with source, code, doc link, severity and data', async () => {
    const uri = fileUri('haixi-2024-feature-article.txt');
    s.open(uri, seedText('haixi-2024-feature-article.txt'));
    const p = await s.diagnostics(uri, 1);
    assert.equal(p.version, 1);
    const missing = byRule(p.diagnostics, 'structure/missing-part');
    // a newspaper feature: no problems part and no plans part
    assert.deepEqual(missing.filter((d) => d.severity === 2).map((d) => d.message).sort(), ['报告缺少“下一年度工作安排”部分。', '报告缺少“存在的不足和原因”部分。']);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'fazhi-report');
      assert.equal(typeof d.code, 'string');
      assert.equal(d.codeDescription?.href, `${DOCS}${d.code}.md`);
      assert.equal((d.data as { ruleId: string }).ruleId, d.code);
      assert.equal((d.data as { version: number }).version, 1);
    }
    const d = missing[0];
    assert.equal(s.text(uri).split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character).length > 0, true);
  });

  it('publishes no missing-part warning for a seed with the standard structure', async () => {
    const uri = fileUri('haidong-2024-report.txt');
    s.open(uri, seedText('haidong-2024-report.txt'));
    const p = await s.diagnostics(uri, 1);
    assert.deepEqual(byRule(p.diagnostics, 'structure/missing-part').filter((d) => d.severity !== 3), []);
    // the `(三)` written with ASCII brackets (domain.md) is found, with its exact range
    const bw = byRule(p.diagnostics, 'numbering/bracket-width');
    assert.ok(bw.length >= 1);
    for (const d of bw) {
      const line = s.text(uri).split(/\r?\n/)[d.range.start.line];
      assert.match(line.slice(d.range.start.character, d.range.end.character), /^\([一二三四五六七八九十]+\)$/);
    }
  });

  it('offers the rule\'s fix first, then fix-all of the rule, fix-all, disable and the doc, and applies the fix exactly', async () => {
    const uri = fileUri('report-actions.fzbg');
    s.open(uri, REPORT);
    const p = await s.diagnostics(uri, 1);
    const jz = byRule(p.diagnostics, 'wording/jiezhi');
    assert.equal(jz.length, 2);
    const list = await actions(s, uri, [jz[0]]);
    assert.deepEqual(list.map((a) => [a.title, a.kind, !!a.isPreferred]), [
      ['改为“截至”', 'quickfix', true],
      ['修复本文件中所有“wording/jiezhi”问题（2 处）', 'quickfix', false],
      [list[2].title, 'quickfix', false],
      ['停用此行的“wording/jiezhi”检查', 'quickfix', false],
      ['查看规则“wording/jiezhi”的说明', 'quickfix', false],
    ]);
    assert.match(list[2].title, /^修复本文件中所有可自动修复的问题（\d+ 处）$/);
    assert.deepEqual(list[4].command, { title: '查看规则“wording/jiezhi”的说明', command: 'fazhiReport.showRuleDoc', arguments: ['wording/jiezhi', `${DOCS}wording/jiezhi.md`] });

    // the quick fix changes only the text it names
    const v2 = s.applyWorkspaceEdit(uri, list[0].edit!);
    const line = lineOf(REPORT, '截止目前，召开');
    const expected = REPORT.replace('截止目前，召开', '截至目前，召开');
    assert.equal(s.text(uri), expected);
    assert.equal(jz[0].range.start.line, line);
    const after = await s.diagnostics(uri, v2);
    const warnings = byRule(after.diagnostics, 'wording/jiezhi').filter((d) => d.severity === 2);
    assert.equal(warnings.length, 1, 'the other 截止目前 is still reported');
    assert.notEqual(warnings[0].range.start.line, line);
  });

  it('applies the bracket-width fix to `(三)` only', async () => {
    const uri = fileUri('report-bracket.fzbg');
    s.open(uri, REPORT);
    const p = await s.diagnostics(uri, 1);
    const [bw] = byRule(p.diagnostics, 'numbering/bracket-width');
    assert.ok(bw);
    const list = await actions(s, uri, [bw]);
    assert.equal(list[0].isPreferred, true);
    // only one fix of this rule: no "fix all of this rule"
    assert.ok(!list.some((a) => String(a.title).includes('所有“numbering/bracket-width”')));
    const v2 = s.applyWorkspaceEdit(uri, list[0].edit!);
    assert.equal(s.text(uri), REPORT.replace('(三)化解', '（三）化解'));
    const after = await s.diagnostics(uri, v2);
    assert.deepEqual(byRule(after.diagnostics, 'numbering/bracket-width'), []);
  });

  it('answers source.fixAll.fazhiReport with one action applying every non-overlapping fix', async () => {
    const uri = fileUri('report-fixall.fzbg');
    s.open(uri, REPORT);
    await s.diagnostics(uri, 1);
    const list = await actions(s, uri, [], [FIX_ALL]);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, FIX_ALL);
    const dc = list[0].edit!.documentChanges as Array<{ textDocument: { uri: string; version: number } }>;
    assert.deepEqual(dc[0].textDocument, { uri, version: 1 }, 'versioned edit');
    const v2 = s.applyWorkspaceEdit(uri, list[0].edit!);
    assert.equal(s.text(uri), REPORT_FIXED);
    const after = await s.diagnostics(uri, v2);
    // what was fixed is no longer reported (截至目前 may still get the info suggesting 截至2024年底)
    assert.deepEqual(byRule(after.diagnostics, 'numbering/bracket-width'), []);
    assert.deepEqual(byRule(after.diagnostics, 'figures/ratio'), []);
    assert.deepEqual(byRule(after.diagnostics, 'wording/jiezhi').filter((d) => d.severity !== 3), []);
  });

  it('disables a rule for a line with a comment above it, with the line\'s indentation', async () => {
    const uri = fileUri('no-plans.fzbg');
    const text = NO_PLANS.replace('（一）推进', '\u3000\u3000（一）推进');
    s.open(uri, text);
    const p = await s.diagnostics(uri, 1);
    const [missing] = byRule(p.diagnostics, 'structure/missing-part').filter((d) => String(d.message).includes('下一年度工作安排'));
    assert.ok(missing, 'the plans part is missing');
    const list = await actions(s, uri, [missing]);
    assert.equal(list.some((a) => a.isPreferred), false, 'no fix for a missing part');
    const disable = list.find((a) => a.title === '停用此行的“structure/missing-part”检查')!;
    assert.ok(disable);
    const v2 = s.applyWorkspaceEdit(uri, disable.edit!);
    assert.equal(s.text(uri), '<!-- fazhi-report-disable-next-line structure/missing-part -->\n' + text);
    const after = await s.diagnostics(uri, v2);
    assert.deepEqual(byRule(after.diagnostics, 'structure/missing-part'), [], 'the comment suppresses the rule on that line');

    // indentation: a finding on an indented line gets an indented comment
    const uri2 = fileUri('indented.fzbg');
    const indented = REPORT.replace('(三)化解', '\u3000\u3000(三)化解');
    s.open(uri2, indented);
    const p2 = await s.diagnostics(uri2, 1);
    const d2 = byRule(p2.diagnostics, 'numbering/bracket-width')[0];
    const dis2 = (await actions(s, uri2, [d2])).find((a) => a.title.startsWith('停用此行'))!;
    s.applyWorkspaceEdit(uri2, dis2.edit!);
    assert.equal(s.text(uri2), indented.replace('\u3000\u3000(三)化解', '\u3000\u3000<!-- fazhi-report-disable-next-line numbering/bracket-width -->\n\u3000\u3000(三)化解'));
  });

  it('offers, for every fixable diagnostic of every seed, the rule\'s fix first, as non-overlapping edits', async () => {
    const seeds = ['haidong-2024-report.txt', 'huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'];
    let checked = 0;
    for (const name of seeds) {
      const uri = fileUri(`fixes-${name}`);
      s.open(uri, seedText(name));
      const p = await s.diagnostics(uri, 1);
      const doc = s.docs.get(uri)!;
      for (const d of p.diagnostics.filter((x) => (x.data as { fix?: unknown }).fix)) {
        const [first] = await actions(s, uri, [d]);
        const fix = (d.data as { fix: { title: string; edits: unknown[] } }).fix;
        assert.equal(first.isPreferred, true, `${name} ${d.code}`);
        assert.equal(first.title, fix.title);
        const edits = (first.edit!.documentChanges![0] as { edits: Array<{ range: any; newText: string }> }).edits;
        assert.deepEqual(edits, fix.edits, `${name} ${d.code}: the action applies the rule's own edits`);
        const fixed = TextDocument.applyEdits(doc, edits); // throws on overlapping edits
        assert.notEqual(fixed, doc.getText(), `${name} ${d.code}: the fix changes something`);
        checked++;
      }
    }
    assert.ok(checked > 10, `${checked} fixes checked`);
  });

  it('shows the arithmetic of a figure finding on hover', async () => {
    const uri = fileUri('report-hover.fzbg');
    s.open(uri, REPORT);
    const p = await s.diagnostics(uri, 1);
    const [ratio] = byRule(p.diagnostics, 'figures/ratio');
    assert.ok(ratio, 'the 败诉率 28.93% is flagged');
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: ratio.range.start });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /核算/);
    assert.match(md, /50 ÷ 174 = 28\.74%/);
    assert.deepEqual(h.range, ratio.range);
    // the numerator and the bases are linked as related information, at their own places
    const rel = ratio.relatedInformation!;
    const doc = s.docs.get(uri)!;
    const at = (r: { start: any; end: any }) => doc.getText().slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
    const num = rel.find((x) => x.message === '分子：败诉 50')!;
    assert.ok(num, JSON.stringify(rel));
    assert.equal(num.location.uri, uri);
    assert.match(at(num.location.range), /50/);
    const base = rel.find((x) => x.message === '可能的基数：审结一审行政案件 174')!;
    assert.ok(base, JSON.stringify(rel));
    assert.match(at(base.location.range), /174/);
  });

  it('says on a part heading what the part is taken to be and what it contains', async () => {
    const uri = fileUri('report-hover.fzbg');
    const line = lineOf(REPORT, '一、2024年度');
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /第1部分：主要举措和成效\*\*（据标题判断）/);
    assert.match(md, /包含 3 个条目、0 处“一是……”列举、\d+ 个数据/);
    assert.match(md, /（三）化解矛盾纠纷|\(三\)化解矛盾纠纷/);
    const h2 = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(REPORT, '二、存在'), character: 1 } });
    assert.match((h2.contents as MarkupContent).value, /第2部分：存在的不足和原因/);
    assert.match((h2.contents as MarkupContent).value, /2 处“一是……”列举/);
    // plain text: no hover
    const none = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(REPORT, '2024年，某县'), character: 8 } });
    assert.equal(none, null);
  });

  it('gives the outline: parts with their kind, items and enumerations', async () => {
    const uri = fileUri('report-hover.fzbg');
    const syms = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(syms[0].name, '某县2024年度法治政府建设工作情况的报告');
    const parts = syms.filter((x) => x.kind === 2);
    assert.deepEqual(parts.map((x) => x.name), ['一、2024年度法治政府建设的主要举措和成效', '二、存在的不足和原因', '三、2025年度工作安排']);
    assert.match(parts[0].detail!, /^主要举措和成效 · \d+ 个数据$/);
    assert.match(parts[1].detail!, /^存在的不足和原因/);
    assert.match(parts[2].detail!, /^下一年度工作安排/);
    assert.deepEqual(parts[0].children!.map((c) => c.name), ['（一）强化组织领导', '（二）规范行政执法', '(三)化解矛盾纠纷']);
    assert.deepEqual(parts[1].children!.map((c) => [c.name.slice(0, 2), c.kind]), [['一是', 22], ['二是', 22]]);
    for (const p of parts) {
      assert.ok(p.range.start.line <= p.selectionRange.start.line && p.selectionRange.end.line <= p.range.end.line);
    }
  });

  it('folds each part and each multi-line item', async () => {
    const uri = fileUri('report-hover.fzbg');
    const ranges = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const starts = ranges.map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(starts, [
      [lineOf(REPORT, '一、2024年度'), lineOf(REPORT, '(三)化解')],
      [lineOf(REPORT, '二、存在'), lineOf(REPORT, '一是执法')],
      [lineOf(REPORT, '三、2025'), lineOf(REPORT, '（二）充实')],
    ]);
  });

  it('completes the next item, the next part and indicator phrases on a new line', async () => {
    const uri = fileUri('complete.fzbg');
    const text = REPORT.replace('三、2025年度工作安排\n（一）加强执法队伍培训。\n（二）充实基层法治力量。\n', '');
    s.open(uri, text + '（');
    const line = text.split('\n').length - 1;
    const items = await s.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri }, position: { line, character: 1 }, context: { triggerKind: 2, triggerCharacter: '（' },
    });
    const labels = items.map((i) => i.label);
    // after 二、 with 一是/二是: the first item of the part, and the next part
    assert.ok(labels.includes('（一）'), labels.join(' '));
    assert.ok(labels.includes('三、'));
    assert.ok(labels.includes('三、2025年度推进法治政府建设的主要安排'), 'the missing plans part, with the next year');
    assert.ok(!labels.some((l) => l.startsWith('受理')), 'typing `（` opens only markers');
    const first = items.find((i) => i.label === '（一）')!;
    assert.deepEqual((first.textEdit as { range: unknown }).range, { start: { line, character: 0 }, end: { line, character: 1 } });

    // after （二）…… inside part one
    const uri2 = fileUri('complete2.fzbg');
    const text2 = REPORT.slice(0, REPORT.indexOf('(三)'));
    s.open(uri2, text2);
    const at = { line: text2.split('\n').length - 1, character: 0 };
    const items2 = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri2 }, position: at });
    const sorted = [...items2].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.equal(sorted[0].label, '（三）');
    assert.ok(items2.some((i) => i.label === '二、'));
    const phrase = items2.find((i) => i.insertText === '受理${1}件，办结${2}件，办结率${3}%')!;
    assert.ok(phrase);
    assert.equal(phrase.insertTextFormat, 2);
    // the report language gets its snippets from the client; Markdown gets them from the server
    assert.ok(!items2.some((i) => i.label === 'jucuo'));
    const md = fileUri('complete3.md');
    s.open(md, text2, 'markdown');
    const items3 = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: md }, position: at });
    const snip = items3.find((i) => i.label === 'jucuo')!;
    assert.ok(snip, 'snippet prefix jucuo');
    assert.equal(snip.insertTextFormat, 2);
    assert.ok(!/CURRENT_YEAR/.test(snip.insertText!), 'date variables resolved');
    assert.ok(items3.some((i) => i.label === '举措'));
  });

  it('publishes only the last version\'s diagnostics after a burst of 50 edits', async () => {
    const uri = fileUri('burst.fzbg');
    s.open(uri, REPORT);
    await s.diagnostics(uri, 1);
    const from = s.mark();
    const line = lineOf(REPORT, '二、存在');
    let v = 1;
    for (let i = 0; i < 50; i++) {
      v = s.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: i % 2 ? '截' : '止' }]);
    }
    assert.equal(v, 51);
    const last = await s.diagnostics(uri, 51, from);
    assert.deepEqual(s.published(uri, from).map((p) => p.version), [51]);
    // the diagnostics are for the text after all 50 edits
    assert.equal(s.text(uri).split('\n')[line].slice(0, 50), '截止'.repeat(25));
    const jz = byRule(last.diagnostics, 'wording/jiezhi');
    assert.equal(jz.length, 2, 'the two 截止目前 of the text, and no more');
  });

  it('answers fazhiReport/structure with parts, missing parts, figures and findings by rule', async () => {
    const uri = fileUri('structure.fzbg');
    s.open(uri, REPORT);
    await s.diagnostics(uri, 1);
    const r = await s.request<any>('fazhiReport/structure', { textDocument: { uri } });
    assert.equal(r.version, 1);
    assert.equal(r.reportYear, 2024);
    assert.equal(r.title.text, '某县2024年度法治政府建设工作情况的报告');
    assert.deepEqual(r.parts.map((p: any) => [p.kind, p.marker, p.source, p.line, p.items]), [
      ['measures', '一、', 'heading', 4, 3],
      ['problems', '二、', 'heading', 8, 0],
      ['plans', '三、', 'heading', 10, 2],
    ]);
    assert.deepEqual(r.expected.map((e: any) => [e.kind, e.required, e.found]), [
      ['measures', true, true], ['problems', true, true], ['leadership', false, false], ['plans', true, true],
    ]);
    assert.deepEqual(r.missing, [{ kind: 'leadership', name: '党政主要负责人履行推进法治建设第一责任人职责情况', required: false }]);
    assert.equal(r.inOrder, true);
    // figures: two percentages (28.93% flagged, 99.35% holds)
    assert.equal(r.figures.checked, 2);
    assert.equal(r.figures.inconsistent, 1);
    assert.equal(r.figures.hold, 1);
    assert.equal(r.figures.flagged[0].ruleId, 'figures/ratio');
    assert.ok(r.figures.flagged[0].arithmetic.some((a: string) => a.includes('50 ÷ 174')));
    const jz = r.findings.find((f: any) => f.ruleId === 'wording/jiezhi');
    assert.deepEqual(jz, { ruleId: 'wording/jiezhi', description: jz.description, severity: 'warning', count: 2, docUrl: `${DOCS}wording/jiezhi.md` });
    assert.equal(r.counts.total, r.findings.reduce((n: number, f: any) => n + f.count, 0));
    // the same request by `uri` alone (as some clients send it)
    const r2 = await s.request<any>('fazhiReport/structure', { uri });
    assert.equal(r2.parts.length, 3);
  });

  it('answers malformed requests with LSP errors and keeps serving', async () => {
    await assert.rejects(s.request('fazhiReport/structure', {}), (e: any) => e.code === -32602);
    await assert.rejects(s.request('fazhiReport/structure', { uri: fileUri('not-open.fzbg') }), (e: any) => e.code === -32602);
    await assert.rejects(s.request('textDocument/hover', { textDocument: { uri: fileUri('report-hover.fzbg') } }), (e: any) => e.code === -32602);
    await assert.rejects(s.request('textDocument/codeAction', { textDocument: { uri: fileUri('report-hover.fzbg') }, range: null }), (e: any) => e.code === -32602);
    await assert.rejects(s.request('textDocument/completion', { textDocument: {}, position: { line: 0, character: 0 } }), (e: any) => e.code === -32602);
    const syms = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri('report-hover.fzbg') } });
    assert.ok(syms.length > 0);
  });

  it('survives invalid ranges in didChange and keeps the text consistent', async () => {
    const uri = fileUri('invalid-ranges.fzbg');
    s.open(uri, NO_PLANS);
    await s.diagnostics(uri, 1);
    const from = s.mark();
    const send = (version: number, contentChanges: unknown) => s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    send(2, [{ range: { start: { line: 1000, character: 5 }, end: { line: 2000, character: 0 } }, text: '附：' }]); // past the end: appended
    send(3, [{ range: { start: { line: -4, character: -1 }, end: { line: 0, character: 0 } }, text: '' }]);
    send(4, [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 2 } }, text: '' }]); // reversed
    send(5, [{ range: { start: { line: 'x', character: null }, end: {} }, text: '' }, { text: 42 }, null]);
    send(6, 'not an array');
    send(7, [{ range: { start: { line: 0, character: 1e9 }, end: { line: 0, character: 1e9 } }, text: '' }]);
    const p = await s.diagnostics(uri, 7, from);
    assert.equal(p.version, 7);
    // the server still answers, and its text is what the valid changes made of it
    const r = await s.request<any>('fazhiReport/structure', { uri });
    assert.equal(r.version, 7);
    assert.equal(r.title.text, '某区2024年法治政府建设工作情况报告');
    const logs = s.logs().join('\n');
    assert.match(logs, /无效修改/);
    assert.equal(s.exitCode, undefined, 'the server is alive');
  });

  it('publishes nothing for a Markdown README that is not a report, until asked to check it', async () => {
    const uri = fileUri('README.md');
    const from = s.mark();
    s.open(uri, README, 'markdown');
    await s.waitFor((n) => n.method === 'fazhiReport/status' && (n.params as any).uri === uri && (n.params as any).state === 'off', from, 'status off');
    assert.deepEqual(s.published(uri, from), []);
    const syms = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(syms, [], 'no outline for a document that is not checked');
    const res = await s.request<{ checked: boolean }>('fazhiReport/checkDocument', { uri });
    assert.deepEqual(res, { checked: true });
    const p = await s.diagnostics(uri, 1, from);
    assert.ok(byRule(p.diagnostics, 'structure/missing-part').length >= 1);
    // a Markdown document that is a report is checked without asking
    const uri2 = fileUri('report.md');
    s.open(uri2, REPORT, 'markdown');
    const p2 = await s.diagnostics(uri2, 1);
    assert.equal(byRule(p2.diagnostics, 'wording/jiezhi').length, 2);
  });

  it('stops and resumes checking a Markdown document as it stops and starts looking like a report', async () => {
    const uri = fileUri('becomes-readme.md');
    s.open(uri, REPORT, 'markdown');
    assert.ok((await s.diagnostics(uri, 1)).diagnostics.length > 0);
    const whole = (): { start: { line: number; character: number }; end: { line: number; character: number } } => {
      const d = s.docs.get(uri)!;
      return { start: { line: 0, character: 0 }, end: d.positionAt(d.getText().length) };
    };
    const v2 = s.edit(uri, [{ range: whole(), newText: README }]);
    assert.deepEqual((await s.diagnostics(uri, v2)).diagnostics, [], 'no longer a report: its diagnostics are cleared');
    const v3 = s.edit(uri, [{ range: whole(), newText: REPORT }]);
    assert.equal(byRule((await s.diagnostics(uri, v3)).diagnostics, 'wording/jiezhi').length, 2, 'a report again');
    // and a second edit of a report (detected from the analysis) is still checked
    const end = whole().end;
    const v4 = s.edit(uri, [{ range: { start: end, end }, newText: '\n截止目前，已完成全部任务。\n' }]);
    assert.equal(byRule((await s.diagnostics(uri, v4)).diagnostics, 'wording/jiezhi').length, 3);
  });

  it('clears a document\'s diagnostics when it is closed', async () => {
    const uri = fileUri('closing.fzbg');
    s.open(uri, REPORT);
    await s.diagnostics(uri, 1);
    const from = s.mark();
    s.notify('textDocument/didClose', { textDocument: { uri } });
    const p = await s.diagnostics(uri, undefined, from);
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('language server settings', function () {
  this.timeout(30000);

  it('checks only on save after `run: onSave`, and reads settings again on didChangeConfiguration', async () => {
    const s = await TestServer.start({ settings: { debounceMs: 20 } });
    try {
      const uri = fileUri('onsave.fzbg');
      s.open(uri, REPORT);
      await s.diagnostics(uri, 1);
      const line = lineOf(REPORT, '二、存在');
      // onType: a change is checked after the debounce
      let from = s.mark();
      s.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '截止目前' }]);
      const p2 = await s.diagnostics(uri, 2, from);
      assert.equal(byRule(p2.diagnostics, 'wording/jiezhi').length, 3);

      s.settings = { debounceMs: 20, run: 'onSave' };
      const asked = s.configurationRequests;
      from = s.mark();
      s.notify('workspace/didChangeConfiguration', { settings: null });
      await s.diagnostics(uri, 2, from); // re-checked with the new settings
      assert.ok(s.configurationRequests > asked, 'settings fetched again');

      from = s.mark();
      s.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 4 } }, newText: '' }]);
      await sleep(400); // 20× the debounce: an onType check would have published by now
      assert.deepEqual(s.published(uri, from), []);
      s.notify('textDocument/didSave', { textDocument: { uri } });
      const p3 = await s.diagnostics(uri, 3, from);
      assert.equal(byRule(p3.diagnostics, 'wording/jiezhi').length, 2);

      // enable: false clears the diagnostics
      s.settings = { enable: false };
      from = s.mark();
      s.notify('workspace/didChangeConfiguration', { settings: null });
      const p4 = await s.diagnostics(uri, 3, from);
      assert.deepEqual(p4.diagnostics, []);
    } finally {
      await s.stop();
    }
  });

  it('takes pushed settings from clients without workspace/configuration', async () => {
    const s = await TestServer.start({ noConfiguration: true });
    try {
      const uri = fileUri('pushed.md');
      s.open(uri, README, 'markdown');
      await s.waitFor((n) => n.method === 'fazhiReport/status' && (n.params as any).uri === uri, 0, 'status');
      assert.deepEqual(s.published(uri), []);
      const from = s.mark();
      s.notify('workspace/didChangeConfiguration', { settings: { fazhiReport: { documents: 'all' } } });
      const p = await s.diagnostics(uri, 1, from);
      assert.ok(p.diagnostics.length > 0);
      assert.equal(s.configurationRequests, 0);
    } finally {
      await s.stop();
    }
  });
});

describe('language server robustness', function () {
  this.timeout(30000);

  it('never publishes a version that changed while its settings were being fetched', async () => {
    const s = await TestServer.start({ settings: { debounceMs: 10 } });
    try {
      const uri = fileUri('slow-settings.fzbg');
      const release = s.holdConfiguration();
      s.open(uri, REPORT);
      while (s.configurationRequests === 0) await sleep(5);
      const v2 = s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '（修改稿）' }]);
      await sleep(50);
      release();
      const p = await s.diagnostics(uri, v2);
      assert.equal(p.version, 2);
      assert.deepEqual(s.published(uri).map((x) => x.version), [2], 'version 1 is never published');
    } finally {
      await s.stop();
    }
  });

  it('checks the documents the client lists as forced at start, whatever `documents` says', async () => {
    const forcedUri = fileUri('forced-readme.md');
    const s = await TestServer.start({ initializationOptions: { forcedDocuments: [forcedUri] } });
    try {
      s.open(forcedUri, README, 'markdown');
      const p = await s.diagnostics(forcedUri, 1);
      assert.ok(byRule(p.diagnostics, 'structure/missing-part').length >= 1);
    } finally {
      await s.stop();
    }
  });

  it('logs a rule that throws, drops its results and still publishes the others', async () => {
    // FAZHI_REPORT_TEST_FAULTY_RULES is read only by lsp/faults.ts, for this test.
    const s = await TestServer.start({ env: { FAZHI_REPORT_TEST_FAULTY_RULES: 'wording/jiezhi' } });
    try {
      const uri = fileUri('faulty.fzbg');
      s.open(uri, REPORT);
      const p = await s.diagnostics(uri, 1);
      assert.deepEqual(byRule(p.diagnostics, 'wording/jiezhi'), [], 'the throwing rule\'s results are dropped');
      assert.equal(byRule(p.diagnostics, 'numbering/bracket-width').length, 1, 'the other rules still publish');
      assert.equal(byRule(p.diagnostics, 'figures/ratio').length, 1);
      const logs = s.logs().join('\n');
      assert.match(logs, /规则 wording\/jiezhi 在检查 .*faulty\.fzbg（版本 1）时出错/);
      assert.match(logs, /injected fault in wording\/jiezhi/);
      const status = await s.waitFor((n) => n.method === 'fazhiReport/status' && (n.params as any).uri === uri, 0, 'status');
      assert.deepEqual((status.params as any).failedRules, ['wording/jiezhi']);
      // and the server goes on answering
      const r = await s.request<any>('fazhiReport/structure', { uri });
      assert.deepEqual(r.failedRules, ['wording/jiezhi']);
      assert.equal(s.exitCode, undefined);
    } finally {
      await s.stop();
    }
  });

  it('exits cleanly on shutdown and exit', async () => {
    const s = await TestServer.start();
    await s?.stop();
    assert.equal(s.exitCode, 0);
  });
});

describe('language server and the project file .fazhi-report.json', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-report-protocol-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the project file, publishes its problems on the file itself, and re-checks when it changes', async () => {
    const config = join(dir, '.fazhi-report.json');
    writeFileSync(config, '{\n  // 本项目不检查“截止”\n  "rules": { "wording/jiezhi": "off" }\n}\n');
    const s = await TestServer.start();
    try {
      const uri = pathToFileURL(join(dir, 'sub', 'report.fzbg')).href;
      s.open(uri, REPORT);
      const p = await s.diagnostics(uri, 1);
      assert.deepEqual(byRule(p.diagnostics, 'wording/jiezhi'), [], 'turned off by the project file');
      assert.equal(byRule(p.diagnostics, 'numbering/bracket-width').length, 1);

      // a malformed file: its problem is published on the file, the report is checked with defaults
      writeFileSync(config, '{\n  "rules": { "wording/jiezhi": "of" \n');
      const from = s.mark();
      s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      const onConfig = await s.diagnostics(pathToFileURL(config).href, undefined, from);
      assert.ok(onConfig.diagnostics.length >= 1);
      for (const d of onConfig.diagnostics) {
        assert.equal(d.source, 'fazhi-report');
        assert.equal(d.severity, 1);
        assert.ok(d.range.start.line >= 0 && d.range.start.line <= 2, JSON.stringify(d.range));
      }
      const again = await s.diagnostics(uri, 1, from);
      assert.equal(byRule(again.diagnostics, 'wording/jiezhi').length, 2, 'defaults while the file is invalid');
      assert.match(s.logs().join('\n'), /\[配置\]/);

      // fixed again: the problems on the file are cleared
      writeFileSync(config, '{ "rules": { "wording/jiezhi": "off" } }\n');
      const from2 = s.mark();
      s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      const cleared = await s.diagnostics(pathToFileURL(config).href, undefined, from2);
      assert.deepEqual(cleared.diagnostics, []);
      const fixed = await s.diagnostics(uri, 1, from2);
      assert.deepEqual(byRule(fixed.diagnostics, 'wording/jiezhi'), []);
    } finally {
      await s.stop();
    }
  });

  it('uses the profile setting when the project file names none', async () => {
    const s = await TestServer.start({ settings: { profile: 'gongzuo-zongjie' } });
    try {
      const uri = pathToFileURL(join(dir, 'profile.fzbg')).href;
      s.open(uri, REPORT);
      await s.diagnostics(uri, 1);
      const r = await s.request<any>('fazhiReport/structure', { uri });
      assert.equal(r.profile, 'gongzuo-zongjie');
    } finally {
      await s.stop();
    }
  });
});

describe('language server memory and message size', function () {
  this.timeout(30000);

  it('answers code actions and hover on a document whose analysis was dropped for newer ones', async () => {
    const s = await TestServer.start();
    try {
      const uris = Array.from({ length: 8 }, (_, i) => fileUri(`many-${i}.fzbg`));
      const first: Diagnostic[][] = [];
      for (const uri of uris) {
        s.open(uri, REPORT);
        first.push((await s.diagnostics(uri, 1)).diagnostics);
      }
      // the first document's analysis is no longer kept: asking about it computes it again
      const d = first[0].find((x) => (x.data as { fix?: unknown }).fix)!;
      assert.ok(d, 'a fixable diagnostic');
      const [fix] = await actions(s, uris[0], [d]);
      assert.equal(fix.isPreferred, true);
      assert.deepEqual((fix.edit!.documentChanges![0] as { edits: unknown[] }).edits, (d.data as { fix: { edits: unknown[] } }).fix.edits);
      const [ratio] = byRule(first[1], 'figures/ratio');
      assert.ok(ratio, 'the 败诉率 28.93% is flagged');
      const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: uris[1] }, position: ratio.range.start });
      assert.match((hover.contents as MarkupContent).value, /50 ÷ 174 = 28\.74%/);
      assert.deepEqual(hover.range, ratio.range);
    } finally {
      await s.stop();
    }
  });

  it('sends codeDescription and data only to clients that declare them, and still offers the fixes', async () => {
    const s = await TestServer.start({ publishDiagnostics: { versionSupport: true } });
    try {
      const uri = fileUri('minimal-client.fzbg');
      s.open(uri, REPORT);
      const p = await s.diagnostics(uri, 1);
      assert.ok(p.diagnostics.length > 0);
      for (const d of p.diagnostics) {
        assert.equal(d.codeDescription, undefined);
        assert.equal(d.data, undefined);
        assert.equal(d.relatedInformation, undefined);
        assert.equal(d.source, 'fazhi-report');
      }
      // the fix is found from the rule (code) and range of the diagnostic
      const full = await TestServer.start();
      try {
        full.open(uri, REPORT);
        const withData = (await full.diagnostics(uri, 1)).diagnostics.find((x) => (x.data as { fix?: unknown }).fix)!;
        const bare = p.diagnostics.find((x) => x.code === withData.code && x.range.start.line === withData.range.start.line && x.range.start.character === withData.range.start.character)!;
        assert.ok(bare);
        const [fix] = await actions(s, uri, [bare]);
        assert.equal(fix.isPreferred, true);
        assert.deepEqual((fix.edit!.documentChanges![0] as { edits: unknown[] }).edits, (withData.data as { fix: { edits: unknown[] } }).fix.edits);
      } finally {
        await full.stop();
      }
    } finally {
      await s.stop();
    }
  });
});
