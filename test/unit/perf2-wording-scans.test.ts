import { strict as assert } from 'assert';
import { parseDocument, Paragraph, ReportDocument } from '../../server/src/engine/document';
import { wordingScan, wordingScans } from '../../server/src/engine/wording/scan';
import { citedTitles } from '../../server/src/engine/wording/titles';
import { RULES } from '../../server/src/engine/rules';
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from '../../server/src/engine/profile';
import type { ReportInput } from '../../server/src/engine/types';
import { check } from '../../server/src/engine/check';
import { seed } from '../helpers/util';

/** The findings of one rule run directly on a (possibly hand-altered) document model. */
function runRule(id: string, doc: ReportDocument): ReportInput[] {
  const rule = RULES.find((r) => r.meta.id === id)!;
  const out: ReportInput[] = [];
  rule.check({
    text: doc.text,
    doc,
    profile: BUILTIN_PROFILES[DEFAULT_PROFILE],
    options: { ...rule.meta.defaultOptions },
    report: (f: ReportInput) => out.push(f),
  });
  return out;
}

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('perf2: the wording scans of a whole document', () => {
  const text = seed('haidong-2024-report.txt');
  const doc = parseDocument(text);

  it('equal the per-paragraph scans, position by position', () => {
    const scans = wordingScans(doc);
    assert.equal(scans.length, doc.paragraphs.length);
    doc.paragraphs.forEach((p, i) => {
      const one = wordingScan({ ...p } as Paragraph);
      assert.deepEqual({ ...scans[i] }, { ...one }, `paragraph ${i}`);
    });
  });

  it('are computed once per document and paragraph list', () => {
    const a = wordingScans(doc);
    const b = wordingScans(doc);
    assert.equal(a, b);
    // another paragraph list (a copy of the model): scanned afresh, with the same results
    const copy = { ...doc, paragraphs: [...doc.paragraphs] };
    const c = wordingScans(copy);
    assert.notEqual(c, a);
    assert.deepEqual(c.map((s) => ({ ...s })), a.map((s) => ({ ...s })));
  });

  it('rescan a paragraph whose text changed', () => {
    const d = parseDocument('标题\n\n第一段，没有标记。\n\n第二段。\n');
    const ps = d.paragraphs.map((p) => ({ ...p }));
    const model = { ...d, paragraphs: ps };
    const before = wordingScans(model);
    const k = ps.length - 1;
    assert.equal(before[k].asciiPunct, false);
    ps[k].text = '第二段,半角逗号(括号)';
    const after = wordingScans(model);
    assert.equal(after[k].asciiPunct, true);
    assert.deepEqual(after[k].punct, [3, 8, 11]);
    assert.deepEqual({ ...after[k] }, { ...wordingScan({ text: ps[k].text } as Paragraph) });
  });

  it('add no property to the paragraphs when the rules run', () => {
    const d = parseDocument(text);
    const keys = d.paragraphs.map((p) => Reflect.ownKeys(p).length);
    for (const r of RULES) if (r.meta.id.startsWith('wording/')) runRule(r.meta.id, d);
    assert.deepEqual(d.paragraphs.map((p) => Reflect.ownKeys(p).length), keys);
  });

  it('give citedTitles the same titles as its own scan', () => {
    const scans = wordingScans(doc);
    doc.paragraphs.forEach((p, i) => assert.deepEqual(citedTitles(p, scans[i]), citedTitles({ ...p } as Paragraph)));
  });
});

describe('perf2: ascii-punctuation shares a frozen data object per mark', () => {
  const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全县共办理案件12件,其中行政复议3件,行政诉讼9件;审查文件5件:均合法。\n';

  it('reports the same data as fresh objects would, and nobody can change it', () => {
    const fs = check(text).filter((f) => f.ruleId === 'wording/ascii-punctuation');
    assert.deepEqual(fs.map((f) => plain(f.data)), [
      { written: ',', expected: '，' },
      { written: ',', expected: '，' },
      { written: ';', expected: '；' },
      { written: ':', expected: '：' },
    ]);
    for (const f of fs) assert.ok(Object.isFrozen(f.data));
    // a write is refused (it throws in strict code), so another finding cannot see it
    assert.equal(Reflect.set(fs[0].data!, 'written', 'x'), false);
    assert.equal(fs[0].data!.written, ',');
    assert.equal(fs[1].data!.written, ',');
    // the fixes stay one fresh object per finding
    assert.notEqual(fs[0].fix, fs[1].fix);
    assert.notEqual(fs[0].fix!.edits, fs[1].fix!.edits);
    assert.deepEqual(fs.map((f) => f.fix!.edits.map((e) => e.text)), [['，'], ['，'], ['；'], ['：']]);
  });
});

describe('perf2: jiezhi skips problems and plans by paragraph index', () => {
  const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n目前，全县共有法律顾问35名。\n\n二、存在的问题\n\n目前，仍有2个部门未落实。\n\n三、2025年工作计划\n\n目前，已安排3项任务。\n';

  it('reports the 目前 of the measures only', () => {
    const doc = parseDocument(text);
    const fs = runRule('wording/jiezhi', doc).filter((f) => f.message.includes('“目前”宜写作'));
    assert.equal(fs.length, 1);
    assert.ok(text.slice(fs[0].start).startsWith('目前，全县'));
  });

  it('gives the same findings when the paragraph indexes do not lead back to the paragraphs', () => {
    const doc = parseDocument(text);
    const expected = plain(runRule('wording/jiezhi', doc));
    // clones whose index is off by one, used both by the paragraph list and by the parts
    const clones = new Map<Paragraph, Paragraph>();
    for (const p of doc.paragraphs) clones.set(p, { ...p, index: p.index + 1 });
    const model: ReportDocument = {
      ...doc,
      bodyStart: doc.bodyStart + 1,
      paragraphs: doc.paragraphs.map((p) => clones.get(p)!),
      parts: doc.parts.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => clones.get(p) ?? p) })),
    };
    assert.deepEqual(plain(runRule('wording/jiezhi', model)), expected);
  });
});
