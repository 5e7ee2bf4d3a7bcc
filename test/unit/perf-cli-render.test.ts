/**
 * Output made file by file (in the worker threads): renderFile() + assemble() must give exactly what
 * formatJson() / formatText() give for the same results, and the counts the exit code is taken from.
 */
import { strict as assert } from 'assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkFile, FileResult } from '../../server/src/cli/checkfile';
import { assemble, formatJson, formatText, renderedCounts, renderFile, severityCounts } from '../../server/src/cli/format';
import { slim } from '../../server/src/cli/worker';
import { makeReportDocx } from '../fixtures/cli/make-docx';
import { SEEDS, seed } from '../helpers/util';

const FIX = join(__dirname, '..', 'fixtures', 'cli');

describe('perf cli: output rendered file by file', function () {
  this.timeout(60000);
  let dir: string;
  let results: FileResult[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fzr-render-'));
    const paths: string[] = [];
    for (const s of SEEDS) {
      writeFileSync(join(dir, s), seed(s));
      paths.push(join(dir, s));
    }
    copyFileSync(join(FIX, 'gbk-report.txt'), join(dir, 'gbk.txt'));
    writeFileSync(join(dir, 'word.docx'), await makeReportDocx());
    writeFileSync(join(dir, 'clean.md'), '某某县2024年工作情况\n\n今年工作平稳。\n');
    writeFileSync(join(dir, 'bom.txt'), '\ufeff' + seed('pingan-2023-report.txt'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    mkdirSync(join(dir, 'folder'));
    paths.push(join(dir, 'gbk.txt'), join(dir, 'word.docx'), join(dir, 'clean.md'), join(dir, 'bom.txt'), join(dir, 'binary.txt'), join(dir, 'missing.md'), join(dir, 'folder'));
    results = [];
    for (const p of paths) results.push(await checkFile(p, p.slice(dir.length + 1)));
    results.push(await checkFile(join(dir, SEEDS[0]), 'quiet.txt', { quiet: true }));
    // a .docx whose findings carry fixes (left out of the json of a .docx)
    const withFix = results.find((r) => r.findings.some((f) => f.fix));
    assert.ok(withFix, 'a seed with a fixable finding');
    results.push({ ...withFix, file: 'fixes.docx', encoding: 'docx' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('covers findings with fixes, a .docx, GBK, a BOM, no findings and unreadable files', () => {
    assert.ok(results.some((r) => r.encoding === 'docx' && r.findings.some((f) => f.fix)));
    assert.ok(results.some((r) => r.file === 'word.docx' && r.encoding === 'docx' && r.findings.length));
    assert.ok(results.some((r) => r.encoding === 'gb18030' && r.findings.length));
    assert.ok(results.some((r) => !r.error && !r.findings.length));
    assert.ok(results.filter((r) => r.error).length >= 3);
    assert.ok(results.some((r) => r.text?.startsWith('\ufeff') && r.findings.length));
  });

  const subsets = (): FileResult[][] => [
    results,
    results.filter((r) => !r.error),
    results.filter((r) => r.error),
    results.filter((r) => !r.error && !r.findings.length),
    results.slice(0, 1),
    [],
  ];

  it('json: the parts joined are formatJson, byte for byte', () => {
    for (const rs of subsets()) {
      const parts = rs.map((r) => renderFile(r, 'json', false));
      assert.equal(assemble('json', rs.map(slim), parts), formatJson(rs));
    }
  });

  it('text: the parts joined are formatText, with and without colour', () => {
    for (const color of [false, true]) {
      for (const rs of subsets()) {
        const parts = rs.map((r) => renderFile(r, 'text', color));
        assert.equal(assemble('text', rs.map(slim), parts), formatText(rs, color));
      }
    }
  });

  it('counts per file add up to severityCounts', () => {
    for (const rs of subsets()) {
      assert.deepEqual(renderedCounts(rs.map((r) => renderFile(r, 'json', false))), severityCounts(rs));
    }
  });

  it('slim keeps what the main thread reports and drops the text and findings', () => {
    for (const r of results) {
      const s = slim(r);
      assert.equal(s.text, undefined);
      assert.deepEqual(s.findings, []);
      assert.equal(s.file, r.file);
      assert.equal(s.error, r.error);
      assert.equal(s.encoding, r.encoding);
      assert.deepEqual(s.configProblems, r.configProblems);
      assert.deepEqual(s.ruleErrors, r.ruleErrors);
    }
  });
});
