import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parseDocument, Paragraph, ReportDocument, Section } from '../../server/src/engine/document';
import { isPlanSentence, leadMarkLength } from '../../server/src/engine/classify';
import { nextHollow } from '../../server/src/engine/rules/dates/year-range';

/**
 * Round 3 of the parser's speed work: a section's paragraphs taken as one slice when it closes
 * (they were pushed one by one into every open section), and the lead mark of a plan sentence read
 * by hand instead of by a regex match.
 */
const RE_LEAD_MARK = /^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十]{1,3}[）)])/;

describe('perf-doc round 3', () => {
  it('leadMarkLength matches the regex it replaces', () => {
    const ords = ['一', '十', '二十', '三十一', '一二三四', '两', '零', ''];
    const opens = ['', '（', '(', '（ '];
    const closes = ['是', '）', ')', '是是', '', '】', ' 是'];
    const cases: string[] = ['', '是', '（', '(', '一', '十是', '十十十是', '一二三四是', '（十一）', '(一)', '（一)', '(一）', '（一是', '一）', '两是', '统一是'];
    for (const o of opens) for (const d of ords) for (const c of closes) cases.push(o + d + c, o + d + c + '下一步，我们将继续');
    for (const t of cases) {
      const m = RE_LEAD_MARK.exec(t);
      assert.equal(leadMarkLength(t), m ? m[0].length : 0, t);
    }
  });

  it('isPlanSentence after a lead mark and with a year lead', () => {
    assert.equal(isPlanSentence('一是下一步，我们将继续加强'), true);
    assert.equal(isPlanSentence('（一）下一步，我们将继续加强'), true);
    assert.equal(isPlanSentence('(十)我局将继续深化'), true);
    assert.equal(isPlanSentence('(十)我局将继续深化', undefined, true), false);
    assert.equal(isPlanSentence('一二三四是下一步，将继续'), false);
    assert.equal(isPlanSentence('2025年，我们将继续', 2024), true);
    assert.equal(isPlanSentence('2025年度将继续', 2024, true), true);
    assert.equal(isPlanSentence('2024年，我们将继续', 2024), false);
    assert.equal(isPlanSentence('2025年，我们将继续'), true);
    assert.equal(isPlanSentence('2025年，我们将继续', undefined, true), false);
    assert.equal(isPlanSentence('二是2025 年将持续推进', 2024, true), true);
    assert.equal(isPlanSentence('2025年完成了', 2024), false);
  });

  /** The sections as the parser built them before: each paragraph pushed into every open section. */
  function reference(doc: ReportDocument): Array<[number, number, number[]]> {
    const out: Array<[number, number, number[]]> = [];
    const stack: Array<{ level: number; end: number; ps: number[] }> = [];
    const all: Array<{ level: number; end: number; ps: number[] }> = [];
    let endBefore = doc.paragraphs.length;
    if (doc.signature) while (endBefore > doc.bodyStart && doc.paragraphs[endBefore - 1].start >= doc.signature.start) endBefore--;
    for (let i = doc.bodyStart; i < endBefore; i++) {
      const p: Paragraph = doc.paragraphs[i];
      const h = p.heading;
      if (h) {
        while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
        const sec = { level: h.level, end: p.end, ps: [i] };
        for (const s of stack) s.end = Math.max(s.end, p.end);
        for (const s of stack) s.ps.push(i);
        all.push(sec);
        stack.push(sec);
      } else for (const s of stack) {
        s.ps.push(i);
        s.end = Math.max(s.end, p.end);
      }
    }
    for (const s of all) out.push([s.level, s.end, s.ps]);
    return out;
  }

  it('sections hold the same paragraphs and ends as before (seeds and edge cases)', () => {
    const dir = join(__dirname, '..', 'fixtures', 'seeds');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    texts.push(
      '一、甲\n（一）乙\n1.丙\n（1）丁\n正文。\n二、戊\n正文。\n（二）己',
      '（一）无上级\n正文。\n一、上级\n（1）跳级\n正文。\n1.三级\n（二）二级',
      '关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\nXX县人民政府\n2025年1月5日',
      '',
      '正文一。\n正文二。',
    );
    let compared = 0;
    for (const t of texts) {
      const doc = parseDocument(t);
      // sections the outline left alone (not cut by inferred closing parts) compare whole
      const cut = new Set<Section>();
      for (const p of doc.parts) if (p.inferred) for (let s: Section | undefined = doc.parts[0]; s; s = s.children[s.children.length - 1]) cut.add(s);
      const ref = reference(doc);
      assert.equal(doc.sections.length, ref.length);
      doc.sections.forEach((s, k) => {
        if (cut.size) return;
        assert.deepEqual([s.level, s.end, s.paragraphs.map((p) => p.index)], ref[k]);
        compared++;
      });
    }
    assert.ok(compared >= 20, `${compared} sections compared`);
  });

  it('nextHollow finds what a global RE_HOLLOW finds (every dash, white space and year digit)', () => {
    const YEAR = '(?:19|20)\\d{2}';
    const SEP = '[-—－–~～至到]';
    const global = new RegExp(`[（(]\\s*(?:(${YEAR})\\s*)?(?:(${SEP}{1,2})\\s*)?(?:(${YEAR})\\s*)?年\\s*[）)]`, 'g');
    const pieces = ['（', '(', '）', ')', '年', '2021', '1999', '2', '1', '20', '-', '—', '－', '–', '~', '～', '至', '到', ' ', '\u3000', '\t', '\u00a0', '\n', '规划', '一', '3'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let found = 0;
    for (let n = 0; n < 30000; n++) {
      let t = '';
      const len = Math.floor(next() * 16);
      for (let k = 0; k < len; k++) t += pieces[Math.floor(next() * pieces.length)];
      // every other one shaped like a range in brackets, with noise around and inside
      if (n % 2) t = t.slice(0, len >> 1) + (next() < 0.5 ? '（' : '(') + t.slice(len >> 1) + '年' + (next() < 0.5 ? '）' : ')');
      const want: string[][] = [];
      global.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = global.exec(t))) want.push([String(m.index), ...m.map(String)]);
      const got: string[][] = [];
      for (m = nextHollow(t, 0); m; m = nextHollow(t, m.index + m[0].length)) got.push([String(m.index), ...m.map(String)]);
      assert.deepEqual(got, want, JSON.stringify(t));
      found += want.length;
    }
    assert.ok(found > 2000, `${found} matches`);
  });
});
