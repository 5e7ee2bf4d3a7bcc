import { strict as assert } from 'assert';
import { parseDocument, Paragraph } from '../../server/src/engine/document';
import {
  HAS_AT, HAS_BACKTICK, HAS_JIE, HAS_JIN, HAS_LIAN, HAS_LT, HAS_MU, HAS_PERIOD, HAS_RBRACKET, HAS_SLASH, HAS_W, HAS_WU,
  PLACE_SUFFIXES, wordingScan,
} from '../../server/src/engine/wording/scan';
import { citedTitles, CitedTitle } from '../../server/src/engine/wording/titles';
import { IDIOMS } from '../../server/src/engine/wording/idioms';

/** A bare paragraph over a text (the scan and citedTitles read only `text`). */
const para = (text: string): Paragraph => ({ text, map: new Int32Array(text.length).map((_, i) => i) } as unknown as Paragraph);

/** Deterministic random texts over an alphabet that hits every branch of the scanners. */
function texts(count: number, alphabet: string[], maxLen: number, seed = 7): string[] {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    const len = rnd(maxLen);
    while (t.length < len) t += alphabet[rnd(alphabet.length)];
    out.push(t);
  }
  return out;
}

/** The scan before this round's rewrite: one regular expression per fact. */
function positions(t: string, re: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) if (re.test(t[i])) out.push(i);
  return out;
}

/** citedTitles as it was written before the scan (indexOf and a character loop). */
function citedTitlesReference(t: string): CitedTitle[] {
  const OPENERS: Record<string, string> = { '《': '》', '〈': '〉', '<': '>' };
  const MAX = 100;
  const findClose = (at: number, open: string, close: string): number => {
    let depth = 0;
    for (let k = at; k < t.length && k - at <= MAX; k++) {
      if (t[k] === open) depth++;
      else if (t[k] === close) {
        depth--;
        if (depth === 0) return k;
      }
    }
    return -1;
  };
  const out: CitedTitle[] = [];
  for (let i = t.indexOf('《'); i >= 0 && i < t.length; i = t.indexOf('《', i + 1)) {
    const firstClose = t.indexOf('》', i + 1);
    if (firstClose < 0) break;
    if (firstClose - i > MAX) {
      i = t.lastIndexOf('《', firstClose);
      continue;
    }
    const end = findClose(i, '《', '》');
    if (end < 0) continue;
    out.push({ raw: t.slice(i + 1, end), from: i + 1, to: end, nested: false });
    for (let j = i + 1; j < end; j++) {
      const close = OPENERS[t[j]];
      if (!close) continue;
      const e2 = findClose(j, t[j], close);
      if (e2 > j && e2 < end) {
        out.push({ raw: t.slice(j + 1, e2), from: j + 1, to: e2, nested: true });
        j = e2;
      }
    }
    i = end;
  }
  return out;
}

describe('perf: wording scan', () => {
  const alphabet = [
    '“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '〈', '〉', '【', '】', '<', '>', '`', ',', ';', ':', '?', '!', '，', '。',
    '中', '文', 'a', 'w', '/', '@', ']', ' ', '市', '区', '街道', '街', '社区', '苏木', '村', '截止', '截至', '截', '目前，', '目前为',
    '目前', '今年', '迄今为', '至今', '今', '十三五', '“七五”普法', '七五 法治', '五', '廉洁', '廉', '纲要（', '规划 (', '要', '划',
    ...IDIOMS.slice(0, 40).map((e) => e.wrong), '一', '不', '实', '人',
  ];
  const samples = texts(1500, alphabet, 120);

  it('records every mark, candidate and suffix position in order', () => {
    for (const t of samples) {
      const s = wordingScan(para(t));
      assert.deepEqual(s.quote, positions(t, /[“”‘’（）《》〈〉【】()`<]/), t);
      assert.deepEqual(s.punct, positions(t, /[,;:?!()（）]/), t);
      assert.equal(s.asciiPunct, /[,;:()?!]/.test(t), t);
      const firsts = new Set(PLACE_SUFFIXES.map((x) => x[0]));
      assert.deepEqual(s.suffix, positions(t, { test: (c: string) => firsts.has(c) } as RegExp), t);
    }
  });

  it('lists every built-in idiom start, in order and once', () => {
    for (const t of samples) {
      const s = wordingScan(para(t));
      for (let i = 1; i < s.idiom.length; i++) assert.ok(s.idiom[i - 1] < s.idiom[i], t);
      const starts = new Set(s.idiom);
      for (const e of IDIOMS) {
        for (let i = t.indexOf(e.wrong); i >= 0; i = t.indexOf(e.wrong, i + 1)) assert.ok(starts.has(i), `${e.wrong} at ${i} in ${t}`);
      }
    }
  });

  it('sets a trigger bit whenever the phrase it stands for is present', () => {
    const cases: [number, RegExp][] = [
      [HAS_JIE, /截[止至]/], [HAS_MU, /目前[，,为]/], [HAS_JIN, /今[年为]|至今/],
      [HAS_WU, /(?<![十百])[“"‘']?[一二三四五六七八九]五[”"’']?\s{0,2}[普法]/], [HAS_LIAN, /廉洁/],
      [HAS_SLASH, /\//], [HAS_W, /w/], [HAS_AT, /@/], [HAS_RBRACKET, /\]/], [HAS_LT, /</], [HAS_BACKTICK, /`/],
      [HAS_PERIOD, /[要划][^]{0,2}[（(]/],
    ];
    for (const t of samples) {
      const has = wordingScan(para(t)).has;
      for (const [bit, re] of cases) if (re.test(t)) assert.ok(has & bit, `${bit} ${re} in ${t}`);
    }
    // the bits are precise enough to skip the usual paragraph
    assert.equal(wordingScan(para('全市完成“十三五”规划目标，项目今后继续推进。')).has, 0);
  });

  it('handles a paragraph longer than the kept scratch buffer, and the next one', () => {
    const long = '“中文，a(b)市”'.repeat(9000);
    const s = wordingScan(para(long));
    assert.deepEqual(s.quote, positions(long, /[“”‘’（）《》〈〉【】()`<]/));
    assert.deepEqual(s.suffix, positions(long, /市/));
    const short = '《法》，(一)村';
    assert.deepEqual(wordingScan(para(short)).punct, positions(short, /[,;:?!()（）]/));
  });

  it('is cached per paragraph and recomputed for a copy with other text', () => {
    const p = para('截止目前，');
    const s = wordingScan(p);
    assert.equal(wordingScan(p), s);
    const q = { ...p, text: '没有' } as Paragraph;
    assert.equal(wordingScan(q).has, 0);
  });
});

describe('perf: citedTitles on the scan', () => {
  it('finds the same titles as the indexOf version', () => {
    const alphabet = ['《', '》', '〈', '〉', '<', '>', '中', '文', 'a', '，', '“', '》《', '《《', '》》'];
    const long = '法'.repeat(60);
    const samples = texts(3000, [...alphabet, long], 260, 11);
    samples.push('《' + long + long + '》《短》', '《关于贯彻〈优化营商环境条例〉的<意见>》', '《a《b》c》》《', '《' + '〈'.repeat(120) + '》');
    for (const t of samples) assert.deepEqual(citedTitles(para(t)), citedTitlesReference(t), t);
  });

  it('works on parsed paragraphs', () => {
    const doc = parseDocument('XX市2024年法治政府建设情况报告\n\n贯彻《法治政府建设实施纲要（2021—2025年）》和《关于〈条例〉的通知》。\n');
    const all = doc.paragraphs.flatMap((p) => citedTitles(p).map((c) => c.raw));
    assert.deepEqual(all, ['法治政府建设实施纲要（2021—2025年）', '关于〈条例〉的通知', '条例']);
  });
});
