import * as assert from 'assert';
import * as vscode from 'vscode';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { api, EXTENSION_ID, open, ours, waitFor, wsUri } from './util';

/** Opening the first report: whether the extension was already active, and when its diagnostics came. */
const first: { activeBefore?: boolean; openedAt?: number; diagnosticsAt?: number } = {};

describe('activation', () => {
  it('activates on a .fzbg report, with the fazhi-report language and every command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const uri = wsUri('haidong-2024-report.fzbg');
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (first.diagnosticsAt === undefined && e.uris.some((u) => u.toString() === uri.toString()) && ours(uri).length) first.diagnosticsAt = performance.now();
    });
    try {
      first.activeBefore = ext.isActive;
      first.openedAt = performance.now();
      const { doc } = await open('haidong-2024-report.fzbg');
      assert.strictEqual(doc.languageId, 'fazhi-report');
      await waitFor(() => ext.isActive, 'activation');
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['checkStructure', 'insertPart', 'fixAll', 'openConfig', 'restartServer', 'showOutput', 'showRuleDoc', 'checkDocument']) {
        assert.ok(commands.includes(`fazhiReport.${c}`), `command fazhiReport.${c}`);
      }
      await waitFor(() => first.diagnosticsAt !== undefined, 'the first diagnostics');
    } finally {
      sub.dispose();
    }
  });

  it('measures the activation and the first diagnostics (written for run.mjs)', async () => {
    const { doc } = await open('haidong-2024-report.fzbg');
    await waitFor(() => ours(doc.uri).length > 0, 'the first diagnostics');
    const t = await waitFor(() => {
      const x = api().timing();
      return x.firstDiagnosticsMs !== undefined && x.activateMs !== undefined ? x : undefined;
    }, 'the activation timing');
    for (const [k, v] of Object.entries(t)) assert.ok(typeof v === 'number' && Number.isFinite(v) && v >= 0, `${k} = ${v}`);
    assert.ok(t.serverStartMs! <= t.activateMs!, `activate() waits for the server (${t.serverStartMs} ≤ ${t.activateMs})`);
    assert.ok(first.openedAt !== undefined && first.diagnosticsAt !== undefined && first.activeBefore !== undefined);
    const openToDiagnosticsMs = Math.round((first.diagnosticsAt - first.openedAt) * 10) / 10;
    console.log(`  activation: activate() ${t.activateMs} ms (server started at ${t.serverStartMs} ms); report opened → diagnostics ${openToDiagnosticsMs} ms; active before the report was opened: ${first.activeBefore} (VS Code ${vscode.version})`);
    writeFileSync(join(__dirname, 'activation.json'), JSON.stringify({ ...t, openToDiagnosticsMs, activeBeforeOpen: first.activeBefore, vscode: vscode.version, build: 'development folder (dist/, with source maps)' }));
  });
});
