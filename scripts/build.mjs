// Bundles the client, the language server and the CLI with esbuild.
// `--if-needed` skips the build when every bundle is newer than every source file.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js', external: [], ascii: true },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', external: [], ascii: true },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js', external: [], ascii: true },
  // the .docx reader (mammoth, jszip, xmldom…): loaded by cli.js / cli-worker.js only when a .docx is met
  { in: 'server/src/cli/docx.ts', out: 'dist/cli-docx.js', external: [] },
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
  // lets server/src/cli/read.ts require dist/cli-docx.js instead of bundling the .docx reader
  define: { __FAZHI_BUNDLE__: 'true' },
  logLevel: 'warning',
})));

// The CLI's bundles in ASCII only. esbuild escapes strings and identifiers but leaves the Chinese of
// regular-expression literals (and comments) as written: such a file is read into a two-byte string
// (decoding ~0.5 MB of UTF-8 instead of copying bytes), and V8 handles the whole source as two-byte.
// Every non-ASCII UTF-16 unit becomes `\uXXXX`, which means the same character in a regular
// expression (with or without the u flag: a surrogate pair stays a pair), a string or a comment; an
// identity escape `\X` of such a character is X itself, so its backslash is dropped. (Columns of the
// source map shift on those lines.)
const NON_ASCII = /(\\*)([^\x00-\x7f])/g;
function escapeNonAscii(code) {
  return code.replace(NON_ASCII, (_, bs, c) => (bs.length % 2 ? bs.slice(1) : bs) + '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
for (const e of entries) {
  if (!e.ascii) continue;
  const file = join(root, e.out);
  const code = readFileSync(file, 'utf8');
  const escaped = escapeNonAscii(code);
  if (escaped !== code) writeFileSync(file, escaped);
}

// V8 code cache for the CLI (bin/fazhi-report.js): made now, so that the first real run starts fast
// too. It holds the functions the run that makes it compiled, so that run checks real reports: the
// sample and, in a checkout, the five seed reports of the tests (real reports take code paths the
// sample does not: that cache is 9% larger, and the five seeds check ~5% faster with it).
// Optional: the CLI rebuilds it when missing or stale. Caches made under other V8 flags
// (`cli.js.cache-<tag>`, see bin/fazhi-report.js) are removed with it.
const dist = join(root, 'dist');
if (existsSync(dist)) for (const f of readdirSync(dist)) if (f === 'cli.js.cache' || f.startsWith('cli.js.cache-')) rmSync(join(dist, f), { force: true });
const sample = join(root, 'examples/sample-draft.md');
const seedsDir = join(root, 'test/fixtures/seeds');
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedsDir, f)) : [];
if (existsSync(join(root, 'dist/cli.js')) && existsSync(sample)) {
  spawnSync(process.execPath, [join(root, 'bin/fazhi-report.js'), 'check', '--no-config', sample, ...seeds], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
}
