/**
 * The built command's fast paths: worker threads format their files' output (identical to one
 * thread, text and json, with unreadable files), and the V8 code cache under other V8 flags (kept in
 * a file of its own instead of replacing the usual cache at every run). On a private copy of bin/ and
 * dist/, so that the shared dist/ is never touched.
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { VERSION } from '../../server/src/cli/main';
import { SEEDS, seed } from '../helpers/util';

const ROOT = join(__dirname, '..', '..');
const BUNDLES = ['cli.js', 'cli-worker.js', 'cli-docx.js'];

describe('perf cli: the built command', function () {
  this.timeout(120000);
  let dir: string;
  let bin: string;

  before(() => {
    if (!BUNDLES.every((b) => existsSync(join(ROOT, 'dist', b)))) {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    }
    dir = mkdtempSync(join(tmpdir(), 'fzr-perfbin-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(ROOT, 'bin', 'fazhi-report.js'), join(dir, 'bin', 'fazhi-report.js'));
    for (const b of BUNDLES) copyFileSync(join(ROOT, 'dist', b), join(dir, 'dist', b));
    bin = join(dir, 'bin', 'fazhi-report.js');
    mkdirSync(join(dir, 'batch'));
    for (let i = 0; i < 30; i++) {
      const s = SEEDS[i % SEEDS.length];
      writeFileSync(join(dir, 'batch', `${String(i).padStart(3, '0')}-${s}`), seed(s).replace(/\d+/g, (d) => String((Number(d) + i) % 100000)));
    }
    writeFileSync(join(dir, 'batch', '100-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    writeFileSync(join(dir, 'batch', '101-empty.md'), '');
    writeFileSync(join(dir, 'batch', '102-clean.md'), '某某县2024年工作情况\n\n今年工作平稳。\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function cli(args: string[], nodeArgs: string[] = []): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [...nodeArgs, bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  for (const format of [['--format', 'json'], ['--format', 'text'], ['--format', 'text', '--color'], ['--format', 'json', '--quiet'], ['--format', 'text', '--max-warnings', '3']]) {
    it(`worker threads give the output of one thread: ${format.join(' ')}`, () => {
      const one = cli(['check', ...format, '--jobs', '1', 'batch']);
      const two = cli(['check', ...format, '--jobs', '2', 'batch']);
      const dflt = cli(['check', ...format, 'batch']);
      assert.ok(one.stdout.length > 1000, one.stderr);
      assert.equal(two.stdout, one.stdout);
      assert.equal(dflt.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.status, one.status);
      assert.equal(dflt.status, one.status);
    });
  }

  it('a worker thread that fails or stops on a file: that file is reported, every other file is checked', () => {
    // a copy whose worker throws on one file and exits on another (before the real worker sees them)
    const crash = join(dir, 'crash');
    mkdirSync(join(crash, 'bin'), { recursive: true });
    mkdirSync(join(crash, 'dist'));
    copyFileSync(bin, join(crash, 'bin', 'fazhi-report.js'));
    for (const b of BUNDLES) copyFileSync(join(dir, 'dist', b), join(crash, 'dist', b === 'cli-worker.js' ? 'cli-worker-real.js' : b));
    writeFileSync(join(crash, 'dist', 'cli-worker.js'), [
      "const { parentPort } = require('worker_threads');",
      "parentPort.on('message', (req) => {",
      "  if (req.path.endsWith('007-' + " + JSON.stringify(SEEDS[2]) + ")) throw new Error('boom');",
      "  if (req.path.endsWith('013-' + " + JSON.stringify(SEEDS[3]) + ")) process.exit(3);",
      '});',
      "require('./cli-worker-real.js');",
      '',
    ].join('\n'));
    const one = cli(['check', '--format', 'json', '--jobs', '1', 'batch']);
    const r = spawnSync(process.execPath, [join(crash, 'bin', 'fazhi-report.js'), 'check', '--format', 'json', '--jobs', '2', 'batch'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    const got = JSON.parse(r.stdout) as { file: string; error?: string }[];
    const want = JSON.parse(one.stdout) as { file: string; error?: string }[];
    assert.equal(got.length, want.length);
    for (let i = 0; i < want.length; i++) {
      if (want[i].file.includes('007-')) assert.deepEqual(got[i], { file: want[i].file, diagnostics: [], error: '检查时出错：boom' });
      else if (want[i].file.includes('013-')) assert.deepEqual(got[i], { file: want[i].file, diagnostics: [], error: '检查时出错：检查线程意外退出（退出码 3）' });
      else assert.deepEqual(got[i], want[i], want[i].file);
    }
  });

  it('--version answers without the bundle, with the version the bundle gives', () => {
    // the bundle's own answer (no package.json next to this copy's bin/)
    for (const arg of ['--version', '-v']) {
      const r = cli([arg]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `${VERSION}\n`);
    }
    // installed: package.json next to bin/, and a bundle that must not be loaded
    const inst = join(dir, 'installed');
    mkdirSync(join(inst, 'bin'), { recursive: true });
    mkdirSync(join(inst, 'dist'));
    copyFileSync(bin, join(inst, 'bin', 'fazhi-report.js'));
    copyFileSync(join(ROOT, 'package.json'), join(inst, 'package.json'));
    writeFileSync(join(inst, 'dist', 'cli.js'), "throw new Error('the bundle was loaded');\n");
    for (const arg of ['--version', '-v']) {
      const r = spawnSync(process.execPath, [join(inst, 'bin', 'fazhi-report.js'), arg], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `${VERSION}\n`);
      assert.equal(r.stderr, '');
    }
    const check = spawnSync(process.execPath, [join(inst, 'bin', 'fazhi-report.js'), 'check', 'x.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(check.status, 2);
    assert.match(check.stderr, /the bundle was loaded/);
  });

  it('keeps a code cache per set of V8 flags instead of replacing the usual one', () => {
    const dist = join(dir, 'dist');
    const cache = join(dist, 'cli.js.cache');
    const others = (): string[] => readdirSync(dist).filter((f) => f.startsWith('cli.js.cache-'));
    rmSync(cache, { force: true });
    const a = join('batch', `000-${SEEDS[0]}`);
    const first = cli(['check', a]);
    assert.ok(existsSync(cache), first.stderr);
    const mtime = statSync(cache).mtimeMs;
    // a V8 flag (as NODE_OPTIONS=--max-old-space-size would be): V8 would reject the usual cache
    const flagged = cli(['check', a], ['--stack-trace-limit=20']);
    assert.equal(flagged.stdout, first.stdout);
    assert.equal(statSync(cache).mtimeMs, mtime, 'the usual cache is left alone');
    assert.equal(others().length, 1, 'a cache for those flags');
    const other = join(dist, others()[0]);
    assert.ok(statSync(other).size > 1000);
    const otherMtime = statSync(other).mtimeMs;
    assert.equal(cli(['check', a], ['--stack-trace-limit=20']).stdout, first.stdout);
    assert.equal(statSync(other).mtimeMs, otherMtime, 'and it is used, not rewritten');
    assert.equal(cli(['check', a]).stdout, first.stdout);
    assert.equal(statSync(cache).mtimeMs, mtime, 'the usual cache still serves runs without the flag');
    assert.equal(others().length, 1);
  });
});
