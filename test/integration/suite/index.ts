/**
 * Mocha entry point for the real VS Code (the module `@vscode/test-electron` and the offline
 * code-server runner load as `extensionTestsPath`): runs every compiled `*.test.js` beside it and
 * writes `{passed, failed, failures}` to result.json for run.mjs.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

interface MochaRunner {
  on(event: string, fn: (...args: unknown[]) => void): MochaRunner;
}
interface MochaInstance {
  addFile(file: string): void;
  loadFilesAsync(): Promise<void>;
  run(fn: (failures: number) => void): MochaRunner;
  grep(re: RegExp): MochaInstance;
}

export async function run(): Promise<void> {
  // mocha is kept external (resolved from the repository's node_modules)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('mocha') as { Mocha?: new (o: object) => MochaInstance; default?: new (o: object) => MochaInstance };
  const Mocha = (m.Mocha ?? m.default ?? (m as unknown as new (o: object) => MochaInstance));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // run.mjs --grep=REGEX writes grep.txt (environment variables do not reach every extension host)
  const grepFile = join(__dirname, 'grep.txt');
  const grep = process.env.FAZHI_IT_GREP || (existsSync(grepFile) ? readFileSync(grepFile, 'utf8').trim() : '');
  if (grep) mocha.grep(new RegExp(grep, 'u'));
  for (const f of readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(__dirname, f));
  await mocha.loadFilesAsync();
  let passed = 0;
  const failures: string[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', (test: unknown, err: unknown) => {
      const t = test as { fullTitle?: () => string };
      failures.push(`${t.fullTitle?.() ?? 'hook'}: ${String((err as Error)?.message ?? err)}`);
    });
  });
  writeFileSync(join(__dirname, 'result.json'), JSON.stringify({ passed, failed: failures.length, failures }));
  console.log(`[fazhi-it] ${passed} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} integration test(s) failed`);
}
