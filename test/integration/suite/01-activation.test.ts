import * as assert from 'assert';
import * as vscode from 'vscode';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { api, EXTENSION_ID, open, ours, waitFor } from './util';

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

  it('measures the activation: activate() start to the first diagnostics (written for run.mjs)', async () => {
    const { doc } = await open('haidong-2024-report.fzbg');
    await waitFor(() => ours(doc.uri).length > 0, 'the first diagnostics');
    const t = await waitFor(() => {
      const x = api().timing();
      return x.firstDiagnosticsMs !== undefined && x.activateMs !== undefined ? x : undefined;
    }, 'the activation timing');
    const { activateMs, serverStartMs, firstDiagnosticsMs } = t as Required<typeof t>;
    for (const [k, v] of Object.entries(t)) assert.ok(typeof v === 'number' && Number.isFinite(v) && v >= 0, `${k} = ${v}`);
    assert.ok(serverStartMs <= activateMs, `activate() waits for the server (${serverStartMs} ≤ ${activateMs})`);
    console.log(`  activation: activate() ${activateMs} ms, server started ${serverStartMs} ms, first diagnostics ${firstDiagnosticsMs} ms (VS Code ${vscode.version})`);
    writeFileSync(join(__dirname, 'activation.json'), JSON.stringify({ ...t, vscode: vscode.version, build: 'development folder (dist/, with source maps)' }));
  });
});
