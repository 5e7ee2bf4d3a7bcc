import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, expected, openAndWait, ours, ruleOf, waitForFindings } from './util';

describe('fixes', () => {
  after(closeAll);

  it('the preferred quick fix gives exactly the expected text and the diagnostic goes away', async () => {
    const qf = expected().quickFix;
    assert.ok(qf, 'the engine has a fixable finding in fixable.fzbg');
    const { doc, diags } = await openAndWait('quickfix.fzbg');
    const target = diags.find((d) => ruleOf(d) === qf.ruleId && doc.offsetAt(d.range.start) === qf.start && doc.offsetAt(d.range.end) === qf.end);
    assert.ok(target, `diagnostic ${qf.ruleId} at ${qf.start}-${qf.end}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => a.title === qf.title);
    assert.ok(fix, `the rule's fix “${qf.title}” (got: ${actions.map((a) => a.title).join(' | ')})`);
    assert.strictEqual(fix.isPreferred, true, 'the rule\'s fix is the preferred one');
    assert.strictEqual(actions[0], fix, 'the rule\'s fix comes first');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), qf.expected);
    await waitForFindings(doc, qf.after, 'the diagnostics of the fixed text');
    assert.ok(!ours(doc.uri).some((d) => ruleOf(d) === qf.ruleId && doc.offsetAt(d.range.start) === qf.start), 'the fixed diagnostic is gone');
    assert.ok(actions.some((a) => a.command?.command === 'fazhiReport.showRuleDoc'), 'an action shows the rule\'s documentation');
  });

  it('fazhiReport.fixAll applies every fix at once', async () => {
    const fa = expected().fixAll;
    assert.ok(fa && fa.fixable >= 2, 'fixable.fzbg has several fixable findings');
    const { doc } = await openAndWait('fixall.fzbg');
    const applied = await vscode.commands.executeCommand<number>('fazhiReport.fixAll', doc.uri);
    assert.strictEqual(applied, 1, 'one fix-all edit applied');
    assert.strictEqual(doc.getText(), fa.expected);
    await waitForFindings(doc, fa.after, 'the diagnostics of the fixed text');
  });
});
