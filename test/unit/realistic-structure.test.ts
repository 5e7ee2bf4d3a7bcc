import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';
import { parseDocument } from '../../server/src/engine/document';

const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
/** The rules of the document model's area: structure, numbering, dates (not publication), metrics. */
const MINE = /^(?:structure|numbering|metrics)\/|^dates\/(?!publication)/;

describe('realistic reports: structure, numbering, dates and metrics rules', () => {
  const files = ['p2-county-thematic.txt', 'p2-sifaju-pdf.txt', 'p2-draft-markdown.md', 'p2-district-mixed.txt'];

  for (const name of files) {
    it(`${name}: a correct report gives none of these findings`, () => {
      const text = read(name);
      const got = check(text).filter((f) => MINE.test(f.ruleId));
      assert.deepEqual(got.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.start, f.end))}`), []);
    });
  }

  it('p2-sifaju-pdf.txt: reads the pasted PDF (cover letter, running heads, page numbers, hard wraps)', () => {
    const text = read('p2-sifaju-pdf.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '石泉市司法局关于2024年度法治政府建设工作情况的报告');
    assert.equal(doc.reportYear, 2024);
    assert.ok(doc.coverLetter);
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'leadership', 'problems', 'plans']);
    assert.deepEqual(doc.parts[0].children.map((c) => c.heading?.marker), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
    // running heads and page numbers are not content
    assert.ok(!doc.paragraphs.some((p) => p.text.includes('— 2 —') || p.text === '石泉市司法局2024年度法治政府建设工作情况报告'));
    // a paragraph wrapped over lines is one logical paragraph whose map points into every line
    const p = doc.paragraphs.find((x) => x.text.startsWith('（三）发挥行政复议'))!;
    assert.ok(p.text.includes('全年收到行政复议申请312件'));
    const at = p.text.indexOf('复议申请312件');
    assert.equal(text.slice(p.map[at], p.map[at + 2] + 1), '复议\n申');
    assert.equal(doc.signature?.date?.year, 2025);
  });

  it('p2-draft-markdown.md: Markdown headings, bold enumerations and a table', () => {
    const text = read('p2-draft-markdown.md');
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'leadership', 'problems', 'plans']);
    const first = doc.parts[0].children[0];
    assert.equal(first.heading?.title, '完善制度机制');
    const en = doc.enumerations.filter((e) => e.section === first);
    assert.deepEqual(en.map((e) => text.slice(e.start, e.end)), ['一是', '二是', '三是']);
    assert.ok(doc.paragraphs.some((p) => p.kind === 'table'));
  });

  it('p2-county-thematic.txt: thematic parts are read as measures, closing parts by heading', () => {
    const doc = parseDocument(read('p2-county-thematic.txt'));
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'measures', 'measures', 'measures', 'measures', 'leadership', 'problems', 'plans']);
    assert.deepEqual(doc.parts[2].children.map((c) => c.heading?.marker), ['1.', '2.', '3.']);
  });
});
