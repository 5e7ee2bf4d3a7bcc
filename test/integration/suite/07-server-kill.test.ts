import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, expected, openAndWait, ours, waitFor, waitForFindings } from './util';

/** Whether a process exists (signal 0 only tests; a reaped child is gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function serverPid(): Promise<number> {
  const c = api().client;
  if (!c) throw new Error('no client');
  const r = await c.sendRequest<{ pid?: unknown }>('fazhiReport/pid', {});
  if (typeof r?.pid !== 'number') throw new Error(`fazhiReport/pid answered ${JSON.stringify(r)}`);
  return r.pid;
}

describe('server crash', () => {
  after(closeAll);

  it('a language server killed with SIGKILL is restarted by the client and the diagnostics come back', async () => {
    const name = 'pingan-2023-report.fzbg';
    const want = expected().files[name];
    const { doc } = await openAndWait(name);
    const client = api().client;
    const pid = await serverPid();
    assert.ok(Number.isInteger(pid) && pid > 0 && pid !== process.pid, `the server's own process (${pid}), not the extension host (${process.pid})`);
    assert.ok(alive(pid), `process ${pid} runs`);
    const statusBefore = api().status(doc.uri);
    assert.ok(statusBefore, 'a status from the first server');

    // what the client shows for the report while the server dies and comes back
    const seen: number[] = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) seen.push(ours(doc.uri).length);
    });
    try {
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !alive(pid), `process ${pid} gone after SIGKILL`);
      const next = await waitFor(async () => {
        const p = await serverPid();
        return p !== pid ? p : undefined;
      }, 'a new server process answering', 30_000);
      assert.ok(alive(next), `the new server ${next} runs`);
      assert.strictEqual(api().client, client, 'restarted by the same client (not by a command)');
      // the new server re-checks the open report: a new status, then exactly the engine's findings
      await waitFor(() => api().status(doc.uri) !== statusBefore && api().status(doc.uri)?.version === doc.version, 'a status from the new server');
      await waitForFindings(doc, want, `the findings on ${name} from the new server`);
      console.log(`  server ${pid} killed; new server ${next}; diagnostics counts seen meanwhile: ${seen.join(', ') || '(no change event)'}`);
    } finally {
      sub.dispose();
    }
    // and it keeps working: an edit is checked by the new server
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\n截止目前，共办理案件10件。\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edited');
    await waitFor(() => ours(doc.uri).length > want.length, 'a check of the edit by the new server');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
