// Bundles the client, the language server and the CLI with esbuild.
// `--if-needed` skips the build when every bundle is newer than every source file.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'fs';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js', external: [] },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', external: [] },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js', external: [] },
].filter((e) => existsSync(join(root, e.in)));

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

if (process.argv.includes('--if-needed')) {
  const src = Math.max(newest(join(root, 'server/src')), newest(join(root, 'client/src')), statSync(join(root, 'package.json')).mtimeMs);
  const outs = entries.map((e) => join(root, e.out));
  if (outs.every((o) => existsSync(o) && statSync(o).mtimeMs >= src)) process.exit(0);
}

const production = process.argv.includes('--production');
await Promise.all(entries.map((e) => build({
  absWorkingDir: root,
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: e.external,
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
})));
