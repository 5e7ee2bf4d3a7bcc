/**
 * Request `fazhiReport/pid` → `{ pid }`: the language server's own process id. The client's
 * integration tests use it to kill the server (SIGKILL) and see the client restart it; it names
 * nothing but the process the client itself started, so it is harmless in production.
 */
import type { Connection } from 'vscode-languageserver/node';

export const PID_REQUEST = 'fazhiReport/pid';

export function registerPid(connection: Connection): void {
  connection.onRequest(PID_REQUEST, () => ({ pid: process.pid }));
}
