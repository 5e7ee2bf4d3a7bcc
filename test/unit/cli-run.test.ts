/** The CLI end to end: run() in-process (formats, options, exit codes, bad input), and the built CLI spawned. */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { run, CliIO } from '../../server/src/cli/main';
import { mergeOptions } from '../../server/src/cli/checkfile';
import { RULES } from '../../server/src/engine/rules';
import { makeReportDocx } from '../fixtures/cli/make-docx';
import { sarifErrors } from '../fixtures/cli/sarif-validate';
import { SEEDS, seed } from '../helpers/util';

const ROOT = join(__dirname, '..', '..');
const FIX = join(__dirname, '..', 'fixtures', 'cli');

/** A short report with one known problem: `一是……三是` (二是 missing) in line 9. */
const REPORT = [
  '某某区2024年法治政府建设情况报告', // 1
  '',
  '2024年，某某区深入学习贯彻习近平法治思想，全面推进法治政府建设。', // 3
  '',
  '一、主要举措和成效', // 5
  '（一）加强组织领导。区政府常务会议专题学法12次，区政府主要负责同志履行推进法治建设第一责任人职责。',
  '（二）规范行政执法。全区共办理行政处罚案件860件，开展执法案卷评查3次。',
  '二、存在的不足和原因', // 8
  '一是基层执法力量不足；三是普法宣传的针对性不强。主要原因是基层人员编制紧张。', // 9
  '三、2025年工作安排',
  '（一）加强执法队伍建设，开展执法人员全员轮训。',
  '（二）深化普法宣传，推进“八五”普法规划落实。',
  '',
].join('\n');

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], cwd: string, extra: Partial<CliIO> = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd, ...extra });
  return { code, out, err };
}

describe('cli: run()', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fzr-run-'));
    mkdirSync(join(dir, '区县报告'));
    writeFileSync(join(dir, '区县报告', 'a.md'), REPORT);
    copyFileSync(join(FIX, 'gbk-report.txt'), join(dir, '区县报告', 'gbk.txt'));
    writeFileSync(join(dir, '区县报告', 'word.docx'), await makeReportDocx());
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'corrupt.docx'), 'PK\u0003\u0004broken');
    writeFileSync(join(dir, 'bad', 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    closeSync(openSync(join(dir, 'bad', 'huge.md'), 'w'));
    truncateSync(join(dir, 'bad', 'huge.md'), 50 * 1024 * 1024);
    mkdirSync(join(dir, 'nothing'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('exit codes and usage errors', () => {
    it('2 for no command, unknown options, unknown rules, bad severities, formats and profiles', async () => {
      assert.equal((await cli([], dir)).code, 2);
      for (const args of [
        ['check'],
        ['check', '--frobnicate', 'a.md'],
        ['check', '--rule', 'figures/nope=error', 'a.md'],
        ['check', '--rule', 'figures/sum=fatal', 'a.md'],
        ['check', '--rule', 'figures/sum', 'a.md'],
        ['check', '--format', 'xml', 'a.md'],
        ['check', '--profile', 'no-such-profile', 'a.md'],
        ['check', '--config', 'missing.json', 'a.md'],
        ['check', '--max-warnings', 'many', 'a.md'],
        ['lint', 'a.md'],
      ]) {
        const r = await cli(args, dir);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, /fazhi-report: /, args.join(' '));
        assert.equal(r.out, '', args.join(' '));
      }
    });

    it('2 when no input could be read', async () => {
      const r = await cli(['check', 'missing.md', 'nothing'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /nothing: 目录中没有可检查的报告/);
      assert.match(r.out, /missing\.md: 无法检查：文件不存在/);
    });

    it('0 without error-level findings, 1 with them (--rule raises a severity)', async () => {
      const plain = await cli(['check', '区县报告/a.md'], dir);
      assert.equal(plain.code, 0, plain.out);
      assert.match(plain.out, /区县报告\/a\.md:9:12 {2}警告 {2}列举“一是”之后是“三是”/);
      const raised = await cli(['check', '--rule', 'numbering/enumeration=error', '区县报告/a.md'], dir);
      assert.equal(raised.code, 1);
      assert.match(raised.out, /区县报告\/a\.md:9:12 {2}错误/);
      const off = await cli(['check', '--format', 'json', '--rule', 'numbering/*=off', '区县报告/a.md'], dir);
      const diags = JSON.parse(off.out)[0].diagnostics as { ruleId: string }[];
      assert.ok(!diags.some((d) => d.ruleId.startsWith('numbering/')));
    });

    it('--max-warnings: 1 when the warnings exceed it', async () => {
      const many = await cli(['check', '--max-warnings', '0', '区县报告/a.md'], dir);
      assert.equal(many.code, 1);
      assert.match(many.err, /超过 --max-warnings 0/);
      assert.equal((await cli(['check', '--max-warnings', '500', '区县报告/a.md'], dir)).code, 0);
    });

    it('--quiet reports error-level findings only', async () => {
      const q = await cli(['check', '--quiet', '--format', 'json', '--rule', 'numbering/enumeration=error', '区县报告/a.md'], dir);
      const diags = JSON.parse(q.out)[0].diagnostics as { severity: string; ruleId: string }[];
      assert.ok(diags.length >= 1);
      assert.ok(diags.every((d) => d.severity === 'error'));
      assert.equal(q.code, 1);
      const q2 = await cli(['check', '--quiet', '--max-warnings', '0', '区县报告/a.md'], dir);
      assert.equal(q2.code, 0, 'warnings are not reported, nor counted, with --quiet');
    });

    it('a bad file never stops the batch: one line each, every other report checked, exit 1', async () => {
      const r = await cli(['check', '--format', 'json', 'bad', '区县报告', 'missing.md', 'nothing'], dir);
      const res = JSON.parse(r.out) as { file: string; error?: string; diagnostics: unknown[] }[];
      assert.deepEqual(res.map((x) => x.file), ['bad/binary.txt', 'bad/corrupt.docx', 'bad/huge.md', '区县报告/a.md', '区县报告/gbk.txt', '区县报告/word.docx', 'missing.md']);
      assert.deepEqual(res.filter((x) => x.error).map((x) => x.file), ['bad/binary.txt', 'bad/corrupt.docx', 'bad/huge.md', 'missing.md']);
      assert.ok(res.filter((x) => !x.error).every((x) => x.diagnostics.length > 0), 'the readable reports are checked');
      const lines = r.err.trim().split('\n');
      assert.equal(lines.length, 5, r.err);
      assert.ok(lines.some((l) => /^fazhi-report: bad\/huge\.md: 文件过大（50\.0 MB，上限 8\.0 MB），未检查$/.test(l)));
      assert.ok(lines.some((l) => /^fazhi-report: bad\/corrupt\.docx: \.docx 文件已损坏/.test(l)));
      assert.ok(lines.some((l) => /^fazhi-report: bad\/binary\.txt: 这是二进制文件/.test(l)));
      assert.ok(lines.some((l) => /^fazhi-report: nothing: 目录中没有可检查的报告/.test(l)));
      assert.equal(r.code, 1);
    });
  });

  describe('formats', () => {
    it('json keeps the issue-2 contract and adds the encoding', async () => {
      const r = await cli(['check', '--format=json', '区县报告/gbk.txt', '区县报告/word.docx'], dir);
      const res = JSON.parse(r.out);
      assert.equal(res.length, 2);
      assert.equal(res[0].file, '区县报告/gbk.txt');
      assert.equal(res[0].encoding, 'gb18030');
      assert.equal(res[1].encoding, 'docx');
      const gbkText = new TextDecoder('gb18030').decode(readFileSync(join(FIX, 'gbk-report.txt')));
      const enumGap = res[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'numbering/enumeration');
      assert.ok(enumGap, JSON.stringify(res[0]));
      assert.deepEqual(Object.keys(enumGap).slice(0, 5), ['ruleId', 'severity', 'message', 'range', 'offset']);
      assert.equal(gbkText.slice(enumGap.offset.start, enumGap.offset.end), '三是');
      assert.deepEqual(enumGap.range.start, { line: 12, character: 11 });
      const docGap = res[1].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'numbering/enumeration');
      assert.deepEqual(docGap.range.start, { line: 10, character: 11 }, 'line/column of the text extracted from the .docx');
    });

    it('text: grouped by file, quoted text, no colours unless asked', async () => {
      const r = await cli(['check', '区县报告'], dir);
      assert.ok(!r.out.includes('\x1b['));
      assert.match(r.out, /^区县报告\/a\.md\n/m);
      assert.match(r.out, /^区县报告\/word\.docx（Word 文档：行列号指从中提取的文字）$/m);
      assert.match(r.out, /^ {4}一是基层执法力量不足；【三是】普法宣传的针对性不强。主要原因是基层人员编制紧张。$/m);
      assert.match(r.out, /共 3 个文件，\d+ 处问题/);
      const c = await cli(['check', '--color', '区县报告/a.md'], dir);
      assert.ok(c.out.includes('\x1b[4m三是\x1b[24m'));
      const tty = await cli(['check', '区县报告/a.md'], dir, { isTTY: true });
      assert.ok(tty.out.includes('\x1b['), 'colours on a terminal');
      const off = await cli(['check', '--no-color', '区县报告/a.md'], dir, { isTTY: true });
      assert.ok(!off.out.includes('\x1b['));
    });

    it('sarif: valid against the SARIF 2.1.0 schema, with rule metadata, help URIs and encoded URIs', async () => {
      const r = await cli(['check', '--format', 'sarif', '区县报告', 'bad/corrupt.docx'], dir);
      const log = JSON.parse(r.out);
      assert.deepEqual(sarifErrors(log), []);
      const run0 = log.runs[0];
      assert.equal(run0.tool.driver.rules.length, RULES.length);
      const sum = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'figures/sum');
      assert.equal(sum.helpUri, 'https://github.com/fazhi-report/fazhi-report/blob/main/docs/rules/figures/sum.md');
      assert.equal(sum.defaultConfiguration.level, 'warning');
      const gap = run0.results.filter((x: { ruleId: string }) => x.ruleId === 'numbering/enumeration');
      assert.equal(gap.length, 3, 'a.md, gbk.txt and word.docx');
      const loc = gap[0].locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, '%E5%8C%BA%E5%8E%BF%E6%8A%A5%E5%91%8A/a.md');
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.snippet.text], [9, 12, '三是']);
      assert.equal(typeof loc.region.charOffset, 'number');
      const docx = gap[2].locations[0].physicalLocation;
      assert.equal(docx.region.charOffset, undefined, 'no character offsets into a binary .docx');
      assert.equal(run0.invocations[0].toolExecutionNotifications.length, 1);
      assert.match(run0.invocations[0].toolExecutionNotifications[0].message.text, /corrupt\.docx/);
      assert.equal(run0.columnKind, 'utf16CodeUnits');
    });

    it('sarif of the seeds is valid too', async () => {
      const sd = join(dir, 'seeds');
      mkdirSync(sd, { recursive: true });
      for (const s of SEEDS) writeFileSync(join(sd, s), seed(s));
      const r = await cli(['check', '-f', 'sarif', 'seeds'], dir);
      const log = JSON.parse(r.out);
      assert.deepEqual(sarifErrors(log), []);
      assert.ok(log.runs[0].results.length > 0);
      const bad = JSON.parse(JSON.stringify(log));
      bad.runs[0].results[0].level = 'fatal';
      assert.notDeepEqual(sarifErrors(bad), [], 'the validator does reject an invalid log');
    });
  });

  describe('summary', () => {
    it('a table: body, year, parts, figures, findings; totals and the most frequent rules', async () => {
      const r = await cli(['check', '--summary', '区县报告', 'bad/corrupt.docx'], dir);
      const lines = r.out.split('\n');
      assert.match(lines[0], /^报告 +报告主体 +年度 +举措 +问题 +职责 +计划 +数字 +存疑 +错误 +警告 +提示$/);
      const row = lines.find((l) => l.startsWith('区县报告/gbk.txt'));
      assert.ok(row);
      assert.match(row, /^区县报告\/gbk\.txt +某某市 +2023 +✓ +✓ +含 +✓ /);
      assert.ok(lines.some((l) => /^bad\/corrupt\.docx +无法检查：/.test(l)));
      assert.match(r.out, /合计：4 份报告（1 份无法检查）/);
      assert.match(r.out, /最常见的问题：\n {2}\S+/);
      assert.equal(r.code, 1);
    });

    it('--summary --format json', async () => {
      const r = await cli(['check', '--summary', '--format', 'json', '区县报告'], dir);
      const s = JSON.parse(r.out);
      assert.equal(s.reports.length, 3);
      const a = s.reports.find((x: { file: string }) => x.file === '区县报告/a.md');
      assert.equal(a.body, '某某区');
      assert.equal(a.year, 2024);
      assert.deepEqual(a.parts, { measures: 'yes', problems: 'yes', leadership: 'folded', plans: 'yes' });
      assert.ok(a.figures.checked >= 3, JSON.stringify(a.figures));
      assert.ok(a.findings.warning >= 1);
      const w = s.reports.find((x: { file: string }) => x.file === '区县报告/word.docx');
      assert.equal(w.body, '某某县');
      assert.equal(s.totals.reports, 3);
      assert.equal(s.totals.findings.warning, s.reports.reduce((n: number, x: { findings: { warning: number } }) => n + x.findings.warning, 0));
      const gap = s.topRules.find((x: { ruleId: string }) => x.ruleId === 'numbering/enumeration');
      assert.deepEqual(gap, { ruleId: 'numbering/enumeration', count: 3, reports: 3 });
    });
  });

  describe('options', () => {
    it('--rule keeps the options the configuration gives a rule', () => {
      const o = mergeOptions({ rules: { 'figures/sum': ['warning', { tolerance: 1 }], 'figures/ratio': 'info' } }, { rules: { 'figures/sum': 'error', 'figures/ratio': 'off' }, profile: 'gongzuo-zongjie' });
      assert.deepEqual(o.rules, { 'figures/sum': ['error', { tolerance: 1 }], 'figures/ratio': 'off' });
      assert.equal(o.profile, 'gongzuo-zongjie');
    });

    it('.fazhi-report.json applies per folder; --config replaces it; --no-config ignores it; --rule wins', async () => {
      const cfgDir = join(dir, 'cfg');
      mkdirSync(join(cfgDir, 'strict'), { recursive: true });
      writeFileSync(join(cfgDir, 'strict', '.fazhi-report.json'), '{\n  // 列举缺号算错误\n  "rules": {"numbering/enumeration": "error",},\n}\n');
      writeFileSync(join(cfgDir, 'strict', 'r.md'), REPORT);
      writeFileSync(join(cfgDir, 'plain.md'), REPORT);
      writeFileSync(join(cfgDir, 'lenient.json'), '{"rules": {"numbering/enumeration": "info"}}');
      const sev = (out: string, file: string): string => JSON.parse(out).find((x: { file: string }) => x.file === file)
        .diagnostics.find((d: { ruleId: string }) => d.ruleId === 'numbering/enumeration').severity;
      const per = await cli(['check', '-f', 'json', 'cfg'], dir);
      assert.equal(sev(per.out, 'cfg/strict/r.md'), 'error');
      assert.equal(sev(per.out, 'cfg/plain.md'), 'warning');
      assert.equal(per.code, 1);
      const one = await cli(['check', '-f', 'json', '--config', 'cfg/lenient.json', 'cfg'], dir);
      assert.equal(sev(one.out, 'cfg/strict/r.md'), 'info');
      assert.equal(one.code, 0);
      const none = await cli(['check', '-f', 'json', '--no-config', 'cfg'], dir);
      assert.equal(sev(none.out, 'cfg/strict/r.md'), 'warning');
      const rule = await cli(['check', '-f', 'json', '--rule', 'numbering/enumeration=hint', 'cfg'], dir);
      assert.equal(sev(rule.out, 'cfg/strict/r.md'), 'hint');
    });

    it('a broken configuration file is reported once, on stderr', async () => {
      const bad = join(dir, 'badcfg');
      mkdirSync(bad, { recursive: true });
      writeFileSync(join(bad, '.fazhi-report.json'), '{"rules": {"numbering/enumeration": "fatal"}}');
      writeFileSync(join(bad, 'a.md'), REPORT);
      writeFileSync(join(bad, 'b.md'), REPORT);
      const r = await cli(['check', '-f', 'json', 'badcfg'], dir);
      const lines = r.err.trim().split('\n');
      assert.ok(lines.length >= 1 && lines.every((l) => l.startsWith('fazhi-report: 配置 ')), r.err);
      assert.equal(new Set(lines).size, lines.length, 'each problem once');
      assert.equal(JSON.parse(r.out).length, 2, 'the reports are still checked');
    });

    it('--profile selects a built-in profile', async () => {
      const r = await cli(['check', '--profile', 'gongzuo-zongjie', '--format', 'json', '区县报告/a.md'], dir);
      assert.equal(r.code, 0);
      assert.equal(JSON.parse(r.out)[0].file, '区县报告/a.md');
    });

    it('-o writes the output to a file; `text` prints the text the checker reads', async () => {
      const r = await cli(['check', '-f', 'sarif', '-o', 'out.sarif', '区县报告/word.docx'], dir);
      assert.equal(r.out, '');
      const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
      assert.equal(log.version, '2.1.0');
      const t = await cli(['text', '区县报告/word.docx', '区县报告/gbk.txt'], dir);
      assert.equal(t.code, 0);
      const lines = t.out.split('\n');
      assert.equal(lines[10], '一是基层执法力量薄弱；三是部分单位对合法性审核重视不够。主要原因是基层人员编制不足。', 'line 11, as the findings say');
      assert.ok(t.out.includes('某某市2023年法治政府建设情况报告'));
      const bad = await cli(['text', 'bad/corrupt.docx'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /已损坏/);
    });

    it('progress goes to stderr only when it is a terminal', async () => {
      const many = join(dir, 'many');
      mkdirSync(many, { recursive: true });
      for (let i = 0; i < 12; i++) writeFileSync(join(many, `r${i}.md`), REPORT);
      const tty = await cli(['check', '--format', 'json', 'many'], dir, { stderrIsTTY: true });
      assert.match(tty.err, /检查中… 12\/12/);
      const pipe = await cli(['check', '--format', 'json', 'many'], dir, { stderrIsTTY: false });
      assert.equal(pipe.err, '');
      assert.equal(JSON.parse(pipe.out).length, 12);
    });
  });
});

describe('cli: the built command', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'cli-worker.js'))) {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], { cwd: ROOT });
    }
    dir = mkdtempSync(join(tmpdir(), 'fzr-bin-'));
    writeFileSync(join(dir, 'word.docx'), await makeReportDocx());
    copyFileSync(join(FIX, 'gbk-report.txt'), join(dir, 'gbk.txt'));
    mkdirSync(join(dir, 'batch'));
    for (let i = 0; i < 40; i++) {
      const s = SEEDS[i % SEEDS.length];
      writeFileSync(join(dir, 'batch', `${String(i).padStart(3, '0')}-${s}`), seed(s));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bin = join(ROOT, 'bin', 'fazhi-report.js');

  it('checks a .docx and a GBK file, with the exit code of the findings', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--rule', 'numbering/enumeration=error', 'word.docx', 'gbk.txt'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const res = JSON.parse(r.stdout);
    assert.deepEqual(res.map((x: { file: string }) => x.file), ['word.docx', 'gbk.txt']);
    assert.ok(res.every((x: { diagnostics: { ruleId: string; severity: string }[] }) => x.diagnostics.some((d) => d.ruleId === 'numbering/enumeration' && d.severity === 'error')));
  });

  it('worker threads give the same results as one thread', () => {
    const one = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '1', 'batch'], { cwd: dir, encoding: 'utf8' });
    const four = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '4', 'batch'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(one.status, 2, one.stderr);
    assert.equal(one.status, four.status, four.stderr);
    const a = JSON.parse(one.stdout);
    assert.equal(a.length, 40);
    assert.deepEqual(JSON.parse(four.stdout), a);
  });
});
