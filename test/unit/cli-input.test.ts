/** CLI inputs: encodings (UTF-8, BOM, GBK, UTF-16), .docx extraction, and bad files. */
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, truncateSync, closeSync, openSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeText, readReport } from '../../server/src/cli/read';
import { chineseCounting, extractDocx, formatCounter } from '../../server/src/cli/docx';
import { check } from '../../server/src/engine/check';
import { docxFromText, makeReportDocx, makeStyleNumberedDocx } from '../fixtures/cli/make-docx';
import { seed } from '../helpers/util';

const FIX = join(__dirname, '..', 'fixtures', 'cli');

describe('cli: decoding text files', () => {
  it('reads UTF-8 and keeps a BOM in the text (offsets count it)', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、主要工作', 'utf8')]));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.text, '\ufeff一、主要工作');
  });

  it('detects GB18030/GBK and decodes it to the same text', () => {
    const buf = readFileSync(join(FIX, 'gbk-report.txt'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(buf), 'the fixture must not be valid UTF-8');
    const r = decodeText(buf);
    assert.equal(r.encoding, 'gb18030');
    assert.ok(r.text.startsWith('某某市2023年法治政府建设情况报告'));
    assert.ok(r.text.includes('一是基层执法力量不足；三是普法宣传的针对性不强。'));
  });

  it('reads UTF-16 with a BOM', () => {
    const body = Buffer.from('\ufeff二、存在的问题', 'utf16le');
    const r = decodeText(body);
    assert.equal(r.encoding, 'utf-16le');
    assert.equal(r.text, '\ufeff二、存在的问题');
  });

  it('refuses binary data and text in an encoding that is neither UTF-8 nor GB18030', () => {
    assert.throws(() => decodeText(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02, 0x00])), /二进制/);
    // Latin-1 French text: invalid UTF-8, and as GB18030 it would be mojibake or invalid
    const latin1 = Buffer.from('Rapport annuel sur la construction du gouvernement : développé, réalisé, élevé.\n'.repeat(4), 'latin1');
    assert.throws(() => decodeText(latin1), /既不是 UTF-8 也不是 GB18030/);
    // 0x80 alone is invalid in GB18030
    assert.throws(() => decodeText(Buffer.from([0xc4, 0xe3, 0x80, 0x41])), /编码无法识别/);
  });
});

describe('cli: Word documents', () => {
  let text: string;
  before(async () => {
    text = await extractDocx(await makeReportDocx());
  });

  it('writes Word automatic numbering as the engine reads it, restarting per list', () => {
    const lines = text.split('\n');
    assert.ok(lines.includes('（一）压实第一责任人职责。县政府常务会议会前学法12次，全县86名党政主要负责人专题述法。'), text);
    assert.ok(lines.includes('（四）深化普法宣传。组织普法活动320余场次。'));
    // the plan's list is a second instance: it restarts at （一）
    assert.ok(lines.includes('（一）持续加强执法队伍建设，开展执法人员轮训。'), text);
    assert.ok(lines.includes('（二）健全行政规范性文件合法性审核机制，做到应审尽审。'));
  });

  it('keeps headings, the title and tables as text the engine understands', () => {
    const lines = text.split('\n');
    assert.equal(lines[0], '# 某某县2024年法治政府建设情况的报告');
    assert.ok(lines.includes('一、主要举措和成效'), 'a numbered heading stays plain text');
    assert.ok(lines.includes('| 指标 | 2023年 | 2024年 |'));
    assert.ok(lines.includes('| 行政复议案件（件） | 40 | 48 |'));
    const a = check(text, { rules: { 'numbering/sequence': 'warning' } });
    assert.deepEqual(a.filter((f) => f.ruleId === 'numbering/sequence'), [], 'automatic numbering has no gaps');
  });

  it('gives the engine a document whose findings point into the extracted text', () => {
    const f = check(text).find((x) => x.ruleId === 'numbering/enumeration');
    assert.ok(f, 'the 一是……三是 gap of the fixture is found');
    assert.equal(text.slice(f.start, f.end), '三是');
  });

  it('writes numbering that a paragraph style gives (numbered part headings of a template)', async () => {
    const t = await extractDocx(await makeStyleNumberedDocx());
    assert.deepEqual(t.split('\n').filter((l) => /^[一二三]、/.test(l)), ['一、主要举措和成效', '二、存在的问题和原因', '三、2024年工作安排']);
    assert.ok(t.includes('\n全年办理行政复议案件36件。\n'), 'body paragraphs get no number');
  });

  it('a real report saved as .docx gives the same findings, on the same text, as the text file', async () => {
    for (const name of ['huangzhong-2024-report.txt', 'haidong-2024-report.txt'] as const) {
      const t = seed(name);
      const x = await extractDocx(await docxFromText(t));
      const key = (s: string) => (f: { ruleId: string; start: number; end: number }) => `${f.ruleId} ${s.slice(f.start, f.end)}`;
      const fromText = check(t).map(key(t));
      assert.ok(fromText.length > 0);
      assert.deepEqual(check(x).map(key(x)), fromText, name);
    }
  });

  it('formats Word counters (chineseCounting, full-width, circled)', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 99, 105].map(chineseCounting), ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百零五']);
    assert.equal(formatCounter(3, 'decimalFullWidth'), '３');
    assert.equal(formatCounter(2, 'decimalEnclosedCircle'), '②');
    assert.equal(formatCounter(4, 'upperRoman'), 'IV');
    assert.equal(formatCounter(5, 'bullet'), '');
  });
});

describe('cli: reading bad input', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fzr-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a corrupt .docx, an old .doc renamed and a truncated .docx each get a clear reason', async () => {
    writeFileSync(join(dir, 'corrupt.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip file'));
    const r1 = await readReport(join(dir, 'corrupt.docx'));
    assert.ok('error' in r1 && /已损坏/.test(r1.error), JSON.stringify(r1));
    writeFileSync(join(dir, 'old.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const r2 = await readReport(join(dir, 'old.docx'));
    assert.ok('error' in r2 && /旧版 Word/.test(r2.error));
    const good = await makeReportDocx();
    writeFileSync(join(dir, 'truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
    const r3 = await readReport(join(dir, 'truncated.docx'));
    assert.ok('error' in r3 && /已损坏|无法/.test(r3.error), JSON.stringify(r3));
  });

  it('a missing file, a directory, an empty file and a 50 MB file', async () => {
    const r1 = await readReport(join(dir, 'nope.txt'));
    assert.deepEqual(r1, { error: '文件不存在' });
    mkdirSync(join(dir, 'sub.md'));
    assert.deepEqual(await readReport(join(dir, 'sub.md')), { error: '这是一个目录' });
    writeFileSync(join(dir, 'empty.txt'), '');
    assert.deepEqual(await readReport(join(dir, 'empty.txt')), { error: '文件为空' });
    const big = join(dir, 'big.txt');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 50 * 1024 * 1024);
    const r4 = await readReport(big);
    assert.ok('error' in r4 && /文件过大（50\.0 MB/.test(r4.error), JSON.stringify(r4));
  });

  it('a .txt that is really a zip is refused as not text', async () => {
    writeFileSync(join(dir, 'report.txt'), await makeReportDocx());
    const r = await readReport(join(dir, 'report.txt'));
    assert.ok('error' in r && /压缩文件/.test(r.error));
  });
});
