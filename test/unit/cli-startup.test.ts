/**
 * Start-up of the built command: the .docx reader is a separate bundle loaded only when a .docx is
 * met, and bin/fazhi-report.js keeps a V8 code cache next to dist/cli.js. Run on a private copy of
 * bin/ and dist/ so that the shared dist/ is never touched.
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { makeReportDocx } from '../fixtures/cli/make-docx';
import { seed } from '../helpers/util';

const ROOT = join(__dirname, '..', '..');
const BUNDLES = ['cli.js', 'cli-worker.js', 'cli-docx.js'];

describe('cli: start-up of the built command', function () {
  this.timeout(120000);
  let dir: string;
  let bin: string;
  let cache: string;
  let preload: string;

  before(async () => {
    if (!BUNDLES.every((b) => existsSync(join(ROOT, 'dist', b)))) {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    }
    dir = mkdtempSync(join(tmpdir(), 'fzr-startup-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(ROOT, 'bin', 'fazhi-report.js'), join(dir, 'bin', 'fazhi-report.js'));
    for (const b of BUNDLES) copyFileSync(join(ROOT, 'dist', b), join(dir, 'dist', b));
    bin = join(dir, 'bin', 'fazhi-report.js');
    cache = join(dir, 'dist', 'cli.js.cache');
    writeFileSync(join(dir, 'a.txt'), seed('pingan-2023-report.txt'));
    writeFileSync(join(dir, 'b.docx'), await makeReportDocx());
    // tells, at exit, whether the .docx bundle was loaded
    preload = join(dir, 'preload.js');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nDOCX:' + Object.keys(require.cache).some((k) => k.endsWith('cli-docx.js')) + '\\n'));\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function cli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, ['-r', preload, bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('bundles the .docx reader apart, and loads it only for a .docx', () => {
    const main = readFileSync(join(dir, 'dist', 'cli.js'), 'utf8');
    assert.ok(!/mammoth/i.test(main), 'mammoth is not in cli.js');
    assert.ok(/mammoth/i.test(readFileSync(join(dir, 'dist', 'cli-docx.js'), 'utf8')));
    const text = cli(['check', '--format', 'json', 'a.txt']);
    assert.equal(JSON.parse(text.stdout)[0].file, 'a.txt', text.stderr);
    assert.match(text.stderr, /DOCX:false/);
    const docx = cli(['check', '--format', 'json', 'b.docx']);
    const res = JSON.parse(docx.stdout);
    assert.equal(res[0].encoding, 'docx', docx.stderr);
    assert.ok(res[0].diagnostics.length > 0);
    assert.match(docx.stderr, /DOCX:true/);
  });

  it('writes a code cache tagged with the bundle, uses it, and replaces a stale or broken one', () => {
    rmSync(cache, { force: true });
    const first = cli(['check', 'a.txt']);
    assert.ok(existsSync(cache), first.stderr);
    const st = statSync(join(dir, 'dist', 'cli.js'));
    const tag = `fazhi-report-cc:${st.size}:${Math.round(st.mtimeMs)}:${process.version}\n`;
    assert.equal(readFileSync(cache).subarray(0, Buffer.byteLength(tag)).toString(), tag);
    const mtime = statSync(cache).mtimeMs;
    const second = cli(['check', 'a.txt']);
    assert.equal(second.stdout, first.stdout, 'same output with the cache');
    assert.equal(second.status, first.status);
    assert.equal(statSync(cache).mtimeMs, mtime, 'an accepted cache is not rewritten');
    // a cache for another build of cli.js (other tag) is ignored and replaced
    writeFileSync(cache, 'fazhi-report-cc:1:2:v0\nxxxx');
    assert.equal(cli(['check', 'a.txt']).stdout, first.stdout);
    assert.equal(readFileSync(cache).subarray(0, Buffer.byteLength(tag)).toString(), tag);
    // right tag, corrupt data: V8 rejects it; the run is unaffected and the cache is rebuilt
    writeFileSync(cache, Buffer.concat([Buffer.from(tag), Buffer.alloc(64, 7)]));
    assert.equal(cli(['check', 'a.txt']).stdout, first.stdout);
    assert.ok(statSync(cache).size > 1000, 'rebuilt');
    // FAZHI_REPORT_NO_CODE_CACHE: plain require, nothing written
    rmSync(cache);
    assert.equal(cli(['check', 'a.txt'], { FAZHI_REPORT_NO_CODE_CACHE: '1' }).stdout, first.stdout);
    assert.equal(existsSync(cache), false);
  });
});
