import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, openAndWait, ours, ruleOf, waitFor } from './util';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertText(item: vscode.CompletionItem): string {
  const t = item.insertText;
  return typeof t === 'string' ? t : t ? t.value : label(item);
}

describe('editor features', () => {
  after(closeAll);

  it('outline: the parts with their items (executeDocumentSymbolProvider)', async () => {
    const { doc } = await openAndWait('haidong-2024-report.fzbg');
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      'document symbols',
    );
    const flat = (s: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => s.flatMap((x) => [x, ...flat(x.children ?? [])]);
    const names = flat(symbols).map((s) => s.name);
    for (const h of ['一、主要举措和工作成效', '二、存在的问题', '三、2025 年工作计划']) {
      assert.ok(names.some((n) => n.includes(h)), `outline has “${h}” (got ${names.slice(0, 12).join(' | ')})`);
    }
    const part1 = flat(symbols).find((s) => s.name.includes('一、主要举措和工作成效'))!;
    assert.ok((part1.children ?? []).length >= 3, 'part 1 lists its （一）（二）… items');
    assert.strictEqual(doc.getText(part1.selectionRange).replace(/\s/gu, ''), '一、主要举措和工作成效');
  });

  it('completion: the next （四） heading after （三）', async () => {
    const { doc } = await openAndWait('completion.fzbg', undefined);
    const pos = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    assert.ok(list.items.some((i) => label(i).includes('（四）') || insertText(i).startsWith('（四）')), `（四） offered (got ${list.items.slice(0, 15).map(label).join(' | ')})`);
  });

  it('completion: the part snippets by pinyin prefix in a .fzbg report', async () => {
    const { doc, editor } = await openAndWait('completion.fzbg', undefined);
    const end = doc.positionAt(doc.getText().length);
    await editor.edit((e) => e.insert(end, 'jihua'));
    const pos = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && insertText(i).includes('推进法治政府建设的主要安排'));
    assert.ok(snippet, `the “jihua” snippet offered (got ${list.items.slice(0, 15).map(label).join(' | ')})`);
    await vscode.commands.executeCommand('undo');
  });

  it('completion: the snippets are offered in a Markdown report too (by the server)', async () => {
    const { doc, editor } = await openAndWait('draft-report.md');
    const end = doc.positionAt(doc.getText().length);
    await editor.edit((e) => e.insert(end, '\n问题'));
    const pos = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    assert.ok(list.items.some((i) => insertText(i).includes('存在的不足和原因')), `the 问题 snippet offered (got ${list.items.slice(0, 15).map(label).join(' | ')})`);
    await vscode.commands.executeCommand('undo');
  });

  it('hover: the arithmetic of a figure finding', async () => {
    const { doc } = await openAndWait('haidong-2024-report.fzbg');
    const fig = ours(doc.uri).find((d) => (ruleOf(d) ?? '').startsWith('figures/'));
    assert.ok(fig, 'haidong has a figures finding');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, fig.range.start.translate(0, 1));
    const text = hoverText(hovers);
    assert.ok(/\d/u.test(text) && /[÷=−\-+×%]/u.test(text), `hover shows the arithmetic (got: ${text.slice(0, 200)})`);
  });

  it('hover: what a part heading is taken to be', async () => {
    const { doc } = await openAndWait('haidong-2024-report.fzbg');
    const at = doc.getText().indexOf('二、存在的问题');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 3));
    const text = hoverText(hovers);
    assert.ok(text.includes('存在的不足和原因'), `hover names the part (got: ${text.slice(0, 200)})`);
  });
});
