import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, waitFor } from './util';

describe('activation', () => {
  it('activates on a .fzbg report, with the fazhi-report language and every command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const { doc } = await open('haidong-2024-report.fzbg');
    assert.strictEqual(doc.languageId, 'fazhi-report');
    await waitFor(() => ext.isActive, 'activation');
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['checkStructure', 'insertPart', 'fixAll', 'openConfig', 'restartServer', 'showOutput', 'showRuleDoc', 'checkDocument']) {
      assert.ok(commands.includes(`fazhiReport.${c}`), `command fazhiReport.${c}`);
    }
  });
});
