/**
 * Run against the packaged .vsix installed into the real VS Code (not the development folder):
 * the extension activates from the installed copy, and its bundled server publishes diagnostics.
 * Writes {passed, failed, failures} to result.json beside it.
 */
import * as vscode from 'vscode';
import { writeFileSync } from 'fs';
import { join } from 'path';

const ID = 'fazhi-report.fazhi-report';

async function waitFor<T>(fn: () => T | undefined | false, what: string, timeoutMs = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const checks: Array<[string, () => Promise<void>]> = [
  [
    'the installed .vsix activates on a .fzbg report',
    async () => {
      const ext = vscode.extensions.getExtension(ID);
      if (!ext) throw new Error(`${ID} is not installed`);
      if (!/extensions/u.test(ext.extensionPath)) throw new Error(`loaded from ${ext.extensionPath}, not from the extensions folder`);
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new Error('no workspace folder');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'haidong-2024-report.fzbg'));
      await vscode.window.showTextDocument(doc);
      if (doc.languageId !== 'fazhi-report') throw new Error(`language ${doc.languageId}`);
      await waitFor(() => ext.isActive, 'activation');
    },
  ],
  [
    'its bundled language server publishes diagnostics',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0];
      const uri = vscode.Uri.joinPath(folder.uri, 'haidong-2024-report.fzbg');
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'fazhi-report'), 'diagnostics');
    },
  ],
  [
    'it reports its activation time (activate() start to the first diagnostics)',
    async () => {
      const exports = vscode.extensions.getExtension(ID)!.exports as { timing?: () => Record<string, number | undefined> };
      if (typeof exports?.timing !== 'function') throw new Error('the extension exports no timing()');
      const t = await waitFor(() => {
        const x = exports.timing!();
        return x.firstDiagnosticsMs !== undefined && x.activateMs !== undefined ? x : undefined;
      }, 'the activation timing');
      for (const [k, v] of Object.entries(t)) if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${k} = ${v}`);
      console.log(`  vsix: activation: activate() ${t.activateMs} ms, server started ${t.serverStartMs} ms, first diagnostics ${t.firstDiagnosticsMs} ms (VS Code ${vscode.version})`);
      writeFileSync(join(__dirname, 'activation.json'), JSON.stringify({ ...t, vscode: vscode.version, build: 'installed .vsix (production build)' }));
    },
  ],
];

export async function run(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const [name, fn] of checks) {
    try {
      await fn();
      passed++;
      console.log(`  ✔ vsix: ${name}`);
    } catch (err) {
      failures.push(`vsix: ${name}: ${String((err as Error)?.message ?? err)}`);
      console.log(`  ✘ vsix: ${name}: ${String(err)}`);
    }
  }
  writeFileSync(join(__dirname, 'result.json'), JSON.stringify({ passed, failed: failures.length, failures }));
  if (failures.length) throw new Error(`${failures.length} vsix test(s) failed`);
}
