import * as assert from 'assert';
import * as vscode from 'vscode';
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'fs';
import { join } from 'path';
import { api, closeAll, expected, EXTENSION_ID, open, openAndWait, ours, waitFor, wsUri } from './util';

describe('commands', () => {
  after(closeAll);

  it('fazhiReport.checkStructure renders the parts, the figures and the findings by rule', async () => {
    const { doc } = await openAndWait('haidong-2024-report.fzbg');
    const r = await vscode.commands.executeCommand<{ structure: Record<string, unknown>; markdown: string }>('fazhiReport.checkStructure', doc.uri);
    assert.ok(r && r.structure && r.markdown, 'a result');
    for (const h of ['一、主要举措和工作成效', '二、存在的问题']) assert.ok(r.markdown.includes(h), `the structure lists ${h}\n${r.markdown}`);
    assert.ok(/主要举措和成效/u.test(r.markdown), 'part kinds named');
    assert.ok(r.markdown.includes('figures/comparison') || r.markdown.includes('metrics/'), 'findings by rule');
    await waitFor(
      () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /fazhiReport\.structure/u.test(t.input.viewType))),
      'the structure view opened',
    );
  });

  it('fazhiReport.insertPart inserts the plan part with the next numeral and the next year', async () => {
    const { doc, editor } = await openAndWait('insert.fzbg');
    const end = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(end, end);
    const name = await vscode.commands.executeCommand<string>('fazhiReport.insertPart', 'jihua');
    assert.strictEqual(name, '下一年度主要安排');
    const lines = doc.getText().split('\n');
    assert.ok(lines.includes('三、2024年度推进法治政府建设的主要安排'), `the heading is numbered and dated from the document:\n${doc.getText()}`);
    await vscode.commands.executeCommand('undo');
  });

  it('fazhiReport.insertPart on a line with text inserts after that line', async () => {
    const { doc, editor } = await openAndWait('insert.fzbg');
    const original = doc.getText();
    const lineText = '一是执法人员能力不足，原因是培训不够。';
    const line = doc.getText().split('\n').indexOf(lineText);
    assert.ok(line > 0);
    const mid = new vscode.Position(line, 3);
    editor.selection = new vscode.Selection(mid, mid);
    await vscode.commands.executeCommand('fazhiReport.insertPart', 'wenti');
    const lines = doc.getText().split('\n');
    assert.strictEqual(lines[line], lineText, 'the line is left whole');
    assert.strictEqual(lines[line + 1], '');
    assert.strictEqual(lines[line + 2], '三、存在的不足和原因', 'the part follows, numbered after the two parts before it');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });

  it('fazhiReport.insertPart inserts a whole report into an empty document', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'fazhi-report', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('fazhiReport.insertPart', 'baogao');
    const text = doc.getText();
    const m = /^XX市(\d{4})年度法治政府建设工作情况的报告$/mu.exec(text);
    assert.ok(m, `a title with the year:\n${text}`);
    const year = Number(m[1]);
    for (const h of ['一、', '二、存在的不足和原因', '三、党政主要负责人履行推进法治建设第一责任人职责情况', `四、${year + 1}年度推进法治政府建设的主要安排`, '五、其他需要报告的事项']) {
      assert.ok(text.includes(h), `the template has ${h}`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('fazhiReport.openConfig creates .fazhi-report.json from the commented template', async () => {
    const uri = wsUri('.fazhi-report.json');
    if (existsSync(uri.fsPath)) unlinkSync(uri.fsPath);
    const made = await vscode.commands.executeCommand<vscode.Uri>('fazhiReport.openConfig');
    try {
      assert.ok(made && made.fsPath === uri.fsPath, 'the file in the workspace folder');
      const text = readFileSync(uri.fsPath, 'utf8');
      assert.ok(text.startsWith('//') && text.includes('"profile"') && text.includes('"rules"'), text);
      const active = vscode.window.activeTextEditor?.document;
      assert.strictEqual(active?.uri.fsPath, uri.fsPath, 'opened in the editor');
      assert.strictEqual(active?.languageId, 'jsonc', 'comments allowed');
      // a second call opens the existing file without rewriting it
      const before = readFileSync(uri.fsPath, 'utf8');
      await vscode.commands.executeCommand('fazhiReport.openConfig');
      assert.strictEqual(readFileSync(uri.fsPath, 'utf8'), before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      if (existsSync(uri.fsPath)) unlinkSync(uri.fsPath);
    }
  });

  it('fazhiReport.showRuleDoc opens a rule\'s page, and refuses an unknown rule', async () => {
    const root = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'docs', 'rules');
    const pages = existsSync(root) ? readdirSync(root).flatMap((c) => (existsSync(join(root, c)) && !c.endsWith('.md') ? readdirSync(join(root, c)).filter((f) => f.endsWith('.md')).map((f) => `${c}/${f.slice(0, -3)}`) : [])) : [];
    if (pages.length) {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('fazhiReport.showRuleDoc', pages[0], 'https://example.invalid/ignored');
      assert.ok(uri && uri.path.endsWith(`${pages[0]}.md`), `opened ${pages[0]}`);
    }
    assert.strictEqual(await vscode.commands.executeCommand('fazhiReport.showRuleDoc', 'no-such/rule'), undefined);
  });

  it('fazhiReport.restartServer: the diagnostics come back from the new server', async () => {
    const { doc } = await openAndWait('huangzhong-2024-report.fzbg');
    const n = expected().files['huangzhong-2024-report.fzbg'].length;
    const before = api().client;
    await vscode.commands.executeCommand('fazhiReport.restartServer');
    assert.notStrictEqual(api().client, before, 'a new client');
    await waitFor(() => ours(doc.uri).length === n, 'the diagnostics again');
  });

  it('fazhiReport.enable: false stops checking, true starts again', async () => {
    const { doc } = await openAndWait('huangzhong-2024-report.fzbg');
    const n = expected().files['huangzhong-2024-report.fzbg'].length;
    const c = () => vscode.workspace.getConfiguration('fazhiReport');
    await c().update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => ours(doc.uri).length === 0 && !api().client, 'no diagnostics and no server');
    } finally {
      await c().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ours(doc.uri).length === n, 'the diagnostics again');
  });

  it('fazhiReport.checkDocument checks a Markdown file that does not look like a report', async () => {
    const { doc } = await open('README.md');
    await openAndWait('draft-report.md');
    assert.deepStrictEqual(ours(doc.uri), []);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('fazhiReport.checkDocument', doc.uri);
    await waitFor(() => ours(doc.uri).length > 0, 'diagnostics on README.md after “check anyway”');
  });
});
