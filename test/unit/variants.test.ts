import { strict as assert } from 'assert';
import { parseDocument, ReportDocument } from '../../server/src/engine/document';
import { check } from '../../server/src/engine/check';

/** A report written for these tests in the style of the real ones (one paragraph per line). */
const BASE = [
  'XX县人民政府',
  'XX县2024年度法治政府建设情况的报告',
  '2024年，XX县坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作，现将有关情况报告如下。',
  '一、主要举措和成效',
  '（一）强化组织领导，压实第一责任人职责。县委、县政府主要负责同志切实履行推进法治建设第一责任人职责，全年召开专题会议4次。一是健全工作机制。制定年度工作要点，明确任务分工和完成时限。二是抓好学法用法。组织领导干部集中学法12次，旁听庭审2次。',
  '（二）规范行政决策，提升依法行政水平。全年审查规范性文件36件，合法性审核率达100%。一是严格决策程序。二是发挥法律顾问作用。',
  '二、存在的不足和原因',
  '一是基层执法力量薄弱。主要原因是编制不足、人员流动较大。二是普法宣传针对性不强。',
  '三、2025年工作安排',
  '（一）持续深化法治政府建设。加强统筹协调，推动年度各项任务落到实处。',
  '（二）加强执法队伍建设。组织执法人员业务培训不少于2次，提升执法能力。',
  'XX县人民政府',
  '2025年2月10日',
];

/** What the outline says, independent of where the text is. */
function outline(doc: ReportDocument) {
  return {
    title: doc.title?.text.replace(/\s+/g, ''),
    year: doc.reportYear,
    body: doc.title?.body,
    cover: !!doc.coverLetter,
    signature: doc.signature?.text.replace(/\s+/g, ''),
    signatureDate: doc.signature?.date && [doc.signature.date.year, doc.signature.date.month, doc.signature.date.day],
    parts: doc.parts.map((p) => ({
      kind: p.kind,
      heading: p.heading && p.heading.title,
      items: p.children.map((c) => c.heading!.title),
      itemOrdinals: p.children.map((c) => c.heading!.ordinal),
    })),
    enumerations: doc.enumerations.map((e) => e.ordinal),
  };
}

/** Offsets must point at the original characters: compare what they cover with the logical text. */
function assertOffsets(text: string, doc: ReportDocument): void {
  const squash = (s: string) => s.replace(/[\s*#]|- \d+ -/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  for (const h of doc.headings) {
    assert.equal(squash(text.slice(h.markerStart, h.markerEnd)), squash(h.marker), `marker of ${h.title}`);
    assert.equal(squash(text.slice(h.textStart, h.textEnd)), squash(h.title), `title ${h.title}`);
  }
  for (const e of doc.enumerations) assert.equal(squash(text.slice(e.start, e.end)), e.marker);
  for (const s of doc.sentences) assert.equal(squash(text.slice(s.start, s.end)), squash(s.text));
  if (doc.title) assert.equal(squash(text.slice(doc.title.start, doc.title.end)), squash(doc.title.text));
  if (doc.title?.yearStart !== undefined) assert.equal(text.slice(doc.title.yearStart, doc.title.yearEnd), String(doc.title.year));
  for (const p of doc.paragraphs) for (let i = 0; i < p.text.length; i++) assert.equal(text[p.map[i]], p.text[i]);
}

/** Hard-wraps every paragraph at `width` characters, blank lines in between, page numbers and a running head. */
function pdfStyle(lines: string[], width: number): string {
  const out: string[] = [];
  let n = 0;
  let page = 1;
  for (const line of lines) {
    for (let i = 0; i < line.length; i += width) {
      out.push(line.slice(i, i + width));
      out.push('');
      if (++n % 9 === 0) {
        out.push(`- ${page++} -`, '', 'XX县法治政府建设情况报告正文', '');
      }
    }
  }
  return out.join('\n');
}

const markdown = (lines: string[]): string =>
  lines
    .map((l) => {
      if (l.startsWith('XX县2024')) return `# ${l}`;
      if (/^[一二三]、/.test(l)) return `## ${l}`;
      const m = /^(（[一二]）[^。]+)。(.*)$/.exec(l);
      if (m) return `### ${m[1]}\n\n${m[2].replace(/([一二]是[^。]+。)/g, '**$1**')}`;
      return l.replace(/([一二]是[^。]+。)/g, '**$1**');
    })
    .join('\n\n');

describe('text variants give the same outline', () => {
  const lf = BASE.join('\n');
  const base = parseDocument(lf);

  it('reads the base text', () => {
    const o = outline(base);
    assert.equal(o.title, 'XX县2024年度法治政府建设情况的报告');
    assert.equal(o.year, 2024);
    assert.equal(o.body, 'XX县人民政府');
    assert.equal(o.signature, 'XX县人民政府2025年2月10日');
    assert.deepEqual(o.signatureDate, [2025, 2, 10]);
    assert.deepEqual(o.parts.map((p) => p.kind), ['measures', 'problems', 'plans']);
    assert.deepEqual(o.parts[0].items, ['强化组织领导，压实第一责任人职责', '规范行政决策，提升依法行政水平']);
    assert.deepEqual(o.parts[2].items, ['持续深化法治政府建设', '加强执法队伍建设']);
    assert.deepEqual(o.enumerations, [1, 2, 1, 2, 1, 2]);
    assertOffsets(lf, base);
  });

  const variants: [string, string][] = [
    ['CRLF', BASE.join('\r\n')],
    ['CR only', BASE.join('\r')],
    ['BOM', '\ufeff' + lf],
    ['BOM + CRLF + trailing spaces', '\ufeff' + BASE.map((l) => l + '  ').join('\r\n')],
    ['blank lines between paragraphs', BASE.join('\n\n')],
    ['hard-wrapped at 24 (PDF)', pdfStyle(BASE, 24)],
    ['hard-wrapped at 31 (PDF)', pdfStyle(BASE, 31)],
    ['hard-wrapped at 31 with CRLF', pdfStyle(BASE, 31).replace(/\n/g, '\r\n')],
    ['half-width brackets', BASE.map((l) => l.replace(/^（([一二])）/, '($1)')).join('\n')],
    ['Markdown', markdown(BASE)],
  ];
  for (const [name, text] of variants) {
    it(name, () => {
      const doc = parseDocument(text);
      assert.deepEqual(outline(doc), outline(base));
      assertOffsets(text, doc);
    });
  }

  it('finds the same findings at the same text in every variant', () => {
    const mk = (t: string) => check(t).map((f) => `${f.ruleId}:${t.slice(f.start, f.end).replace(/\s+/g, '')}`).sort();
    const fs = mk(lf);
    for (const [name, text] of variants) {
      if (name === 'half-width brackets' || name === 'Markdown') continue;
      assert.deepEqual(mk(text).filter((x) => !x.startsWith('wording/') && !x.startsWith('figures/') && !x.startsWith('metrics/')),
        fs.filter((x) => !x.startsWith('wording/') && !x.startsWith('figures/') && !x.startsWith('metrics/')), name);
    }
  });

  it('keeps offsets after a BOM and CRLF line ends', () => {
    const text = '\ufeff' + BASE.join('\r\n');
    const doc = parseDocument(text);
    const h = doc.parts[2].heading!;
    assert.equal(text.slice(h.markerStart, h.textEnd), '三、2025年工作安排');
    assert.equal(h.markerStart, text.indexOf('三、2025'));
  });
});
