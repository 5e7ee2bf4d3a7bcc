/**
 * The linear pre-check of wording/document-title's nearest-title search (`mayBeClose`): for a limit
 * of 0 or 1 it must say "maybe" exactly for the pairs the rule's `close` test can accept — edit
 * distance within the limit, or (same length, at least 4 characters) every difference inside two
 * adjacent characters — so that skipping the others changes no result.
 */
import { strict as assert } from 'assert';
import { editDistance, mayBeClose, missingOver } from '../../server/src/engine/wording/text';
import { findings, SEEDS, seed } from '../helpers/util';
import { DOCUMENTS } from '../../server/src/engine/wording/documents';
import { KNOWN, normalise, splitTitle } from '../../server/src/engine/wording/titles';

/** Plain Levenshtein distance (full table). */
function levenshtein(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function reference(a: string, b: string, limit: number): boolean {
  if (levenshtein(a, b) <= limit) return true;
  if (a.length !== b.length || b.length < 4) return false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  return last - first <= 1;
}

/** Deterministic pseudo-random numbers (a small LCG). */
function lcg(seedValue: number): () => number {
  let x = seedValue >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('perf cli: the nearest-title pre-check', () => {
  it('agrees with edit distance and the confusable span on every pair of short strings over 3 letters', () => {
    const words: string[] = [''];
    for (let len = 1; len <= 6; len++) {
      const n = 3 ** len;
      for (let i = 0; i < n; i++) {
        let w = '';
        for (let k = 0, v = i; k < len; k++, v = Math.floor(v / 3)) w += '法治府'[v % 3];
        words.push(w);
      }
    }
    const rnd = lcg(7);
    let checked = 0;
    for (let t = 0; t < 60000; t++) {
      const a = words[Math.floor(rnd() * words.length)];
      const b = words[Math.floor(rnd() * words.length)];
      for (const limit of [0, 1]) {
        assert.equal(mayBeClose(a, b, limit), reference(a, b, limit), `${a} / ${b} / ${limit}`);
        checked++;
      }
      for (const limit of [0, 1, 2, 3]) if (missingOver(a, b, limit)) assert.ok(levenshtein(a, b) > limit, `${a} / ${b} / ${limit}`);
    }
    assert.ok(checked > 100000);
  });

  it('agrees on mutations of the known titles (one or two edits, insertions, deletions, swaps)', () => {
    const rnd = lcg(11);
    const alphabet = '法治政府建设实施纲要规划意见的关于';
    for (const d of DOCUMENTS) {
      const target = d.title;
      for (let t = 0; t < 300; t++) {
        let a = target;
        const edits = 1 + Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * (a.length + 1));
          const c = alphabet[Math.floor(rnd() * alphabet.length)];
          const op = Math.floor(rnd() * 4);
          if (op === 0) a = a.slice(0, at) + c + a.slice(at);
          else if (op === 1) a = a.slice(0, at) + a.slice(at + 1);
          else if (op === 2) a = a.slice(0, at) + c + a.slice(at + 1);
          else if (at + 1 < a.length) a = a.slice(0, at) + a[at + 1] + a[at] + a.slice(at + 2);
        }
        for (const limit of [0, 1]) assert.equal(mayBeClose(a, target, limit), reference(a, target, limit), `${a} / ${target} / ${limit}`);
        // the banded distance the rule then computes is the plain distance within its band
        const lev = levenshtein(a, target);
        // the missing-character bound never skips a pair within the limit
        for (const limit of [2, 3, 4]) if (missingOver(a, target, limit)) assert.ok(lev > limit, `${a} / ${target} / ${limit}`);
        assert.equal(editDistance(a, target, 2), lev <= 2 ? lev : 3);
      }
    }
  });

  it('leaves the rule finding the 事实意见 title in huangzhong', () => {
    const fs = findings(seed('huangzhong-2024-report.txt'), 'wording/document-title');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].data?.expected, '关于全面推行行政规范性文件合法性审核机制的指导意见');
    for (const name of SEEDS) if (name !== 'huangzhong-2024-report.txt') assert.equal(findings(seed(name), 'wording/document-title').length, 0, name);
  });

  it('normalises titles as the former string-based normalise did (marks, spaces, digits, dashes, 年 before the bracket)', () => {
    const rnd = lcg(5);
    const pieces = ['法', '治', '年', '（', '）', '(', ')', '2', '０', '９', '1', '—', '–', '-', '－', '~', '～', '至', '‑', '−', ' ', '\t', '\u3000', '\u00a0', '\u2003',
      '“', '”', '"', '‘', '’', "'", '「', '」', '〈', '〉', '<', '>', '《', '》', '\ud842\udfb7', '纲要'];
    const inputs = DOCUMENTS.map((d) => d.title).concat(['法治政府建设实施纲要（2021—2025 年）', '规划(2016-2020年 )', '纲要（２０１５－２０２０年）']);
    for (let t = 0; t < 20000; t++) {
      let x = '';
      const len = Math.floor(rnd() * 14);
      for (let k = 0; k < len; k++) x += pieces[Math.floor(rnd() * pieces.length)];
      inputs.push(x);
    }
    for (const raw of inputs) assert.deepEqual(normalise(raw), formerNormalise(raw), raw);
  });

  it('splits titles as the former expression did, and knows the same titles', () => {
    const cores = ['法治政府建设实施纲要(2021-2025)', '纲要(2021-2025)', '(2021-2025)', '纲要(2021-202)', '纲要(2021–2025)', '纲要(２021-2025)', '纲要（2021-2025）', '实施意见', '法', ''];
    for (const k of KNOWN) cores.push(k.core, k.base, k.core + '(2020-2021)');
    for (const core of cores) {
      const pm = /\(\d{4}-\d{4}\)$/.exec(core);
      const base = pm ? core.slice(0, pm.index) : core;
      const tm = /(?:(?:实施|指导|若干|暂行|试行)?(?:意见|方案|办法|细则|规定|条例|决定|决议|通知|规划|纲要|计划|指标体系)|法)$/.exec(base);
      assert.deepEqual(splitTitle(core), { head: tm ? base.slice(0, tm.index) : base, type: tm ? tm[0] : '', period: pm ? pm[0] : '', base }, core);
    }
    assert.equal(KNOWN.length, DOCUMENTS.length);
    for (const k of KNOWN) {
      const n = formerNormalise(k.doc.title).text;
      const core = n.startsWith('中华人民共和国') ? n.slice(7) : n;
      assert.deepEqual({ core: k.core, head: k.head, type: k.type, period: k.period, base: k.base }, { core, ...splitTitle(core) });
    }
  });
});

/** wording/titles.ts's normalise before this round (per character strings, Sets and expressions). */
function formerNormalise(raw: string): { text: string; map: number[] } {
  const DASHES = new Set(['—', '–', '-', '－', '~', '～', '至', '‑', '−']);
  const DROP = new Set(['“', '”', '"', '‘', '’', "'", '「', '」', '〈', '〉', '<', '>', '《', '》']);
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    let c = raw[i];
    const k = c.charCodeAt(0);
    if (c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0' || DROP.has(c)) continue;
    if (k >= 0xff10 && k <= 0xff19) c = String.fromCharCode(k - 0xfee0);
    else if (c === '（') c = '(';
    else if (c === '）') c = ')';
    else if (DASHES.has(c) && /\d/.test(chars[chars.length - 1] ?? '')) c = '-';
    else if (c === '年' && /\d/.test(chars[chars.length - 1] ?? '') && /^\s*[)）]/.test(raw.slice(i + 1, i + 4)) && chars.includes('(')) continue;
    chars.push(c);
    map.push(i);
  }
  map.push(raw.length);
  return { text: chars.join(''), map };
}
