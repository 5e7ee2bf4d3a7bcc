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

/**
 * Waits until the extension host's event loop is quiet (ten 20 ms timers in a row late by < 5 ms;
 * at most 15 s): VS Code's own start-up work (built-in extensions activating) is over, so the
 * activation measured next is this extension's, on opening a report in a running VS Code.
 */
async function settled(maxMs = 15_000): Promise<number> {
  const t0 = Date.now();
  let quiet = 0;
  while (quiet < 10 && Date.now() - t0 < maxMs) {
    const s = performance.now();
    await new Promise((r) => setTimeout(r, 20));
    quiet = performance.now() - s - 20 < 5 ? quiet + 1 : 0;
  }
  return Date.now() - t0;
}

/** Opening the report: whether the extension was already active, and when its diagnostics came. */
const first: { activeBefore?: boolean; openedAt?: number; diagnosticsAt?: number; sub?: vscode.Disposable } = {};
const folder0 = (): vscode.Uri => {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder');
  return f.uri;
};

const checks: Array<[string, () => Promise<void>]> = [
  [
    'the installed .vsix activates on a .fzbg report',
    async () => {
      const ext = vscode.extensions.getExtension(ID);
      if (!ext) throw new Error(`${ID} is not installed`);
      if (!/extensions/u.test(ext.extensionPath)) throw new Error(`loaded from ${ext.extensionPath}, not from the extensions folder`);
      const waited = await settled();
      first.activeBefore = ext.isActive;
      console.log(`  vsix: VS Code settled after ${waited} ms; opening a report (extension already active: ${ext.isActive})`);
      const target = vscode.Uri.joinPath(folder0(), 'haidong-2024-report.fzbg');
      first.sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (first.diagnosticsAt === undefined && e.uris.some((u) => u.toString() === target.toString()) && vscode.languages.getDiagnostics(target).some((d) => d.source === 'fazhi-report')) first.diagnosticsAt = performance.now();
      });
      first.openedAt = performance.now();
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
      await waitFor(() => first.diagnosticsAt !== undefined, 'the diagnostics event');
      first.sub?.dispose();
      const openToDiagnosticsMs = Math.round((first.diagnosticsAt! - first.openedAt!) * 10) / 10;
      console.log(`  vsix: activation: activate() ${t.activateMs} ms (server started at ${t.serverStartMs} ms); report opened → diagnostics ${openToDiagnosticsMs} ms; active before the report was opened: ${first.activeBefore} (VS Code ${vscode.version})`);
      writeFileSync(join(__dirname, 'activation.json'), JSON.stringify({ ...t, openToDiagnosticsMs, activeBeforeOpen: first.activeBefore, vscode: vscode.version, build: 'installed .vsix (production build)' }));
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
