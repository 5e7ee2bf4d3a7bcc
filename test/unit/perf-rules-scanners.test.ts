import { strict as assert } from 'assert';
import { nextWord, wordsMatcher, coverOf, covers, coveredAt, isFigure } from '../../server/src/engine/rules/metrics/util';
import type { Quantity } from '../../server/src/engine/figures/quantities';
import { VAGUE_WORDS } from '../../server/src/engine/rules/metrics/vague-claim';
import {
  TOPICS, Topic, topicsIn, isBodyLead, isClauseLead, isStatementEnd, isSentenceEnd, isClauseEnd, isSpace,
} from '../../server/src/engine/rules/metrics/problem-not-planned';
import { isPhraseStop, isClauseBreak } from '../../server/src/engine/rules/metrics/rate-without-base';
import { nextHollow } from '../../server/src/engine/rules/dates/year-range';
import { findings } from '../helpers/util';

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** A text made of pieces of the words (so that words overlap, nest and are cut), fillers and punctuation. */
function randomText(words: readonly string[], next: () => number, length: number): string {
  const fillers = ['，', '。', '的', '工作', '提', '升', '显著', '明', '不断', '执法', '普法', ' ', '\n', 'a', '法'];
  let t = '';
  while (t.length < length) {
    const r = next();
    if (r < 0.5) {
      const w = words[Math.floor(next() * words.length)];
      const from = next() < 0.7 ? 0 : Math.floor(next() * w.length);
      const to = next() < 0.7 ? w.length : from + Math.floor(next() * (w.length - from + 1));
      t += w.slice(from, to);
    } else t += fillers[Math.floor(next() * fillers.length)];
  }
  return t;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What one alternation of the words, longest first, finds in text.slice(from, to). */
function byRegex(words: readonly string[], text: string, from: number, to: number): [number, string][] {
  const alts = [...new Set(words.filter((w) => w))].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(alts.join('|'), 'g');
  const out: [number, string][] = [];
  const t = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) out.push([from + m.index, m[0]]);
  return out;
}

function byScanner(words: readonly string[], text: string, from: number, to: number): [number, string][] {
  const m = wordsMatcher(words);
  if (!m) return [];
  const out: [number, string][] = [];
  const hit = { word: '' };
  for (let at = nextWord(m, text, from, to, hit); at >= 0; at = nextWord(m, text, at + hit.word.length, to, hit)) out.push([at, hit.word]);
  return out;
}

describe('perf: metrics scanners match the regular expressions they replace', () => {
  const lists: string[][] = [
    [...VAGUE_WORDS],
    ['显著', '显著提升', '提升', '升', '著提'],
    ['ab', 'abc', 'bcd', 'c', 'cab'],
    ['法', '法治', '治法', '执法', '谁执法谁普法'],
    ['x'],
  ];

  it('finds the same words at the same offsets as an alternation, longest first', () => {
    const next = rng(7);
    for (const words of lists) {
      for (let n = 0; n < 300; n++) {
        const text = randomText(words, next, 1 + Math.floor(next() * 80));
        const from = Math.floor(next() * 4);
        const to = Math.max(from, text.length - Math.floor(next() * 4));
        assert.deepEqual(byScanner(words, text, from, to), byRegex(words, text, from, to), `${JSON.stringify(words)} in ${JSON.stringify(text.slice(from, to))}`);
      }
    }
  });

  it('handles edge cases: a word at the very end, cut by the range, empty words, no words', () => {
    assert.deepEqual(byScanner(VAGUE_WORDS, '效果显著', 0, 4), [[0, '效果显著']]);
    assert.deepEqual(byScanner(VAGUE_WORDS, '效果显著', 0, 3), []);
    assert.deepEqual(byScanner(VAGUE_WORDS, '效果显著', 1, 4), []);
    assert.deepEqual(byScanner(VAGUE_WORDS, '满意度大幅提升大幅提高', 0, 11), [[3, '大幅提升'], [7, '大幅提高']]);
    assert.deepEqual(byScanner(['', 'ab'], 'xabx', 0, 4), [[1, 'ab']]);
    assert.equal(wordsMatcher([]), undefined);
    assert.equal(wordsMatcher(['']), undefined);
  });

  it('reads the topics of a text as one alternation of the terms, longest first', () => {
    const terms = TOPICS.flatMap((t) => t.terms);
    const topicOf = new Map<string, Topic>();
    for (const t of TOPICS) for (const x of t.terms) if (!topicOf.has(x)) topicOf.set(x, t);
    const next = rng(11);
    for (let n = 0; n < 500; n++) {
      const text = randomText(terms, next, 1 + Math.floor(next() * 120));
      const found = new Set(byRegex(terms, text, 0, text.length).map(([, w]) => topicOf.get(w)!));
      assert.deepEqual(topicsIn(text, TOPICS), TOPICS.filter((t) => found.has(t)), text);
    }
    assert.deepEqual(topicsIn('落实谁执法谁普法责任制', TOPICS).map((t) => t.name), ['普法与法治宣传']);
    assert.deepEqual(topicsIn('', TOPICS), []);
    const custom: Topic[] = [{ name: 'A', terms: ['甲乙'] }, { name: 'B', terms: ['乙丙', ''] }];
    assert.deepEqual(topicsIn('甲乙丙', custom).map((t) => t.name), ['A']);
    assert.deepEqual(topicsIn('乙丙', custom).map((t) => t.name), ['B']);
    assert.deepEqual(topicsIn('甲乙丙', [{ name: 'E', terms: [''] }]), []);
  });

  it('classifies characters as the character classes did', () => {
    const classes: [string, (c: number) => boolean, RegExp][] = [
      ['isSpace', isSpace, /\s/],
      ['isBodyLead', isBodyLead, /[。：:\s]/],
      ['isClauseLead', isClauseLead, /[\s，,；;：:。]/],
      ['isStatementEnd', isStatementEnd, /[。；;！？!?]/],
      ['isSentenceEnd', isSentenceEnd, /[。！？!?]/],
      ['isClauseEnd', isClauseEnd, /[，,；;：:。！？!?]/],
      ['isPhraseStop', isPhraseStop, /[，,、；;：:。！？!?（）()“”"《》\n]/],
      ['isClauseBreak', isClauseBreak, /[，,；;。：:]/],
    ];
    for (const [name, f, re] of classes) {
      for (let c = 0; c < 0x10000; c++) assert.equal(f(c), re.test(String.fromCharCode(c)), `${name} U+${c.toString(16)}`);
    }
  });

  it('tells whether sections cover a point or a range as a scan of them would', () => {
    const next = rng(3);
    for (let n = 0; n < 300; n++) {
      const secs = Array.from({ length: Math.floor(next() * 6) }, () => {
        const start = Math.floor(next() * 50);
        return { start, end: start + Math.floor(next() * 20) };
      });
      const c = coverOf(secs);
      for (let k = 0; k < 20; k++) {
        const from = Math.floor(next() * 80);
        const to = from + Math.floor(next() * 10);
        assert.equal(coveredAt(c, from), secs.some((s) => from >= s.start && from < s.end));
        assert.equal(covers(c, from, to), secs.some((s) => from >= s.start && to <= s.end));
      }
    }
  });

  it('tells a figure inside a cited title `《…》` as the character scan did', () => {
    // the reference: spans found character by character
    const inside = (t: string, from: number): boolean => {
      let depth = 0;
      let open = -1;
      const spans: number[] = [];
      for (let i = t.indexOf('《'); i >= 0 && i < t.length; i++) {
        if (t[i] === '《') {
          if (depth++ === 0) open = i;
        } else if (t[i] === '》' && depth > 0 && --depth === 0) spans.push(open, i + 1);
      }
      if (depth > 0) spans.push(open, t.length);
      for (let k = 0; k < spans.length; k += 2) if (spans[k] <= from && from < spans[k + 1]) return true;
      return false;
    };
    const next = rng(5);
    const pieces = ['《', '》', '法', '2', '条', '《《', '》》'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(next() * 12);
      for (let k = 0; k < len; k++) text += pieces[Math.floor(next() * pieces.length)];
      const paragraph = { text } as Quantity['paragraph'];
      for (let from = 0; from <= text.length; from++) {
        const q = { kind: 'percent', approx: false, scale: 1, unit: '%', paragraph, from } as Quantity;
        assert.equal(isFigure(q), !inside(text, from), `${text} @${from}`);
      }
    }
  });

  it('finds hollow year ranges `（—年）` where the global expression did', () => {
    const YEAR = '(?:19|20)\\d{2}';
    const SEP = '[-—－–~～至到]';
    const global = new RegExp(`[（(]\\s*(?:(${YEAR})\\s*)?(?:(${SEP}{1,2})\\s*)?(?:(${YEAR})\\s*)?年\\s*[）)]`, 'g');
    const pieces = ['（', '(', '）', ')', '年', '2021', '2025', '-', '—', '至', ' ', '规划', '《', '》', '1'];
    const next = rng(9);
    for (let n = 0; n < 20000; n++) {
      let t = '';
      const len = Math.floor(next() * 14);
      for (let k = 0; k < len; k++) t += pieces[Math.floor(next() * pieces.length)];
      const want: string[][] = [];
      global.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = global.exec(t))) want.push([String(m.index), ...m]);
      const got: string[][] = [];
      for (m = nextHollow(t, 0); m; m = nextHollow(t, m.index + m[0].length)) got.push([String(m.index), ...m]);
      assert.deepEqual(got, want, t);
    }
  });

  it('reads the plans a paragraph at a time, or joined when a term holds a line break', () => {
    const RULE = 'metrics/problem-not-planned';
    const report = (plans: string): string =>
      `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年办理行政复议案件45件。\n\n二、存在的问题\n\n一是甲乙工作不到位。\n\n三、2025年工作计划\n\n${plans}\n`;
    const topics = (terms: string[]): Topic[] => [{ name: '甲乙', terms: ['甲乙', ...terms] }, { name: '其他', terms: ['丙丁'] }];
    const opts = (terms: string[]) => ({ rules: { [RULE]: ['info', { topics: topics(terms) }] } }) as Parameters<typeof findings>[2];
    // the plans name the topic in their second paragraph
    assert.equal(findings(report('（一）加强丙丁。\n\n（二）推进甲乙。'), RULE, opts([])).length, 0);
    assert.equal(findings(report('（一）加强丙丁。\n\n（二）推进戊己。'), RULE, opts([])).length, 1);
    // a term across the break between two paragraphs of the plans
    assert.equal(findings(report('（一）加强丙丁。\n\n（二）推进戊己。'), RULE, opts(['。\n（二）推进戊'])).length, 0);
  });
});
