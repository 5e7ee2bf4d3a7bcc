import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { range } from '../../wording/text';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { PLACE_SUFFIXES, wordingScans } = scanning;

/**
 * Place names with an administrative suffix, written two ways in one report: the same characters
 * in another order (`苏尔吉村` / `苏吉尔村`), or — for villages, townships and communities, whose
 * names are obscure enough to be mistyped — one character different (`石家营村` / `石家英村`).
 *
 * Chinese has no spaces, so a name is found as 3–4 Han characters before the suffix that contain
 * none of the characters ordinary words are made of around place names (function words,
 * administrative words, numerals, directions), preceded by a boundary (punctuation, an
 * administrative suffix of a larger unit, or a preposition) at least once in the report.
 */
const SUFFIXES = PLACE_SUFFIXES;
const LOW_LEVEL = new Set(['村', '社区', '嘎查', '镇', '乡', '街道', '苏木']);
/** Characters that do not occur inside the names this rule compares. */
const STOP = new Set([...
  '的了是在和与及或等各全本该其此每这那个为对到于从向往赴将把被以由经按据凡共计约近余多' +
  '省市县区乡镇村州旗盟街道社居委会城级片辖园景' +
  '一二三四五六七八九十百千万两零〇第' +
  '东西南北中上下前后左右内外大小新老' +
  '我你他她它们们有无不没也都就还又再很更最已曾正要会能可并且而但如若因所之' +
  '创建评选示范试点重点先进优秀特色美丽文明民主法治法制平安和谐生态旅游乡村振兴' +
  '进行开展推进推动加强深化落实组织工作单位部门机关人员群众发展建设管理服务',
]);
/** A boundary before a name: punctuation, a larger unit's suffix, or a preposition. */
const BOUNDARY = new Set([...'，。；：、（）“”《》,;:()\u3000 \t省市州县区旗镇乡在到赴于和与及对从至']);
/** By character code: NOT_NAME (STOP, or not Han), AFTER_BOUNDARY (BOUNDARY) and the suffix it starts. */
let CHAR_CLASS: Uint8Array | undefined;
const NOT_NAME = 1;
const AFTER_BOUNDARY = 2;
/** Bits 2…5: index + 1 in SUFFIXES of the suffix this character starts. */
const SUFFIX_SHIFT = 2;
function charClass(): Uint8Array {
  const out = new Uint8Array(65536).fill(NOT_NAME);
  const han = (from: number, to: number): void => {
    out.fill(0, from, to + 1);
  };
  // isHanCode: BMP unified, extension A, compatibility ideographs and 〇
  han(0x4e00, 0x9fff);
  han(0x3400, 0x4dbf);
  han(0xf900, 0xfaff);
  han(0x3007, 0x3007);
  for (const ch of STOP) out[ch.charCodeAt(0)] |= NOT_NAME;
  for (const ch of BOUNDARY) out[ch.charCodeAt(0)] |= AFTER_BOUNDARY;
  // every suffix starts with a different character
  SUFFIXES.forEach((x, k) => {
    out[x.charCodeAt(0)] |= (k + 1) << SUFFIX_SHIFT;
  });
  return (CHAR_CLASS = out);
}
/** Largest bucket still read as variants of one name. */
const MAX_ANAGRAMS = 3;
const MAX_ONE_OFF = 2;
const DIFF_STOP = new Set([...'东西南北中上下前后左右内外大小新老一二三四五六七八九十']);
/**
 * Generic place-name morphemes (`沟` gully, `湾` bend, `庄` hamlet …): two villages that differ only
 * in such a word (`马家沟村` / `马家湾村`) are two places; a typo swaps a character for a homophone
 * or a look-alike (`营` / `英`), which is rarely a generic word on both sides.
 */
const GENERIC = new Set([...
  '庄沟湾滩桥河山坡岭台堡屯营寨店集坪坝岗峪洼园林源泉井塘湖口城关寺庙梁川渠铺头子树坊窑岔沿洲岛港塬峁墩' +
  '家门院楼田地村寨滨圩埠垸岙',
]);

interface Occurrence {
  p: Paragraph;
  from: number;
  to: number;
  bounded: boolean;
}

interface Variant {
  name: string;
  suffix: string;
  occurrences: Occurrence[];
}

function sortedChars(s: string): string {
  return [...s].sort().join('');
}

export default defineRule(
  {
    id: 'wording/name-variants',
    severity: 'info',
    description: '同一名称在报告中有两种写法',
    descriptionEn: 'One name written two ways',
  },
  (ctx) => {
    const variants = new Map<string, Variant>();
    const cc = CHAR_CLASS ?? charClass();
    const paragraphs = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      const at = scans[pi].suffix;
      for (let h = 0; h < at.length; h++) {
        const i = at[h];
        if (i < 3) continue;
        // the three characters before the suffix (nearest first: `全市`, `该县` end most candidates)
        if ((cc[t.charCodeAt(i - 1)] | cc[t.charCodeAt(i - 2)] | cc[t.charCodeAt(i - 3)]) & NOT_NAME) continue;
        const x = cc[t.charCodeAt(i)] >> SUFFIX_SHIFT;
        if (x === 0) continue;
        const suf = SUFFIXES[x - 1];
        if (suf.length === 2 && t.charCodeAt(i + 1) !== suf.charCodeAt(1)) continue;
        for (let len = 3; len <= 4; len++) {
          const s = i - len;
          if (s < 0) break;
          // 3: checked above; 4: one more character
          if (len === 4 && cc[t.charCodeAt(s)] & NOT_NAME) break;
          const name = t.slice(s, i);
          const key = name + suf;
          let v = variants.get(key);
          if (!v) variants.set(key, (v = { name, suffix: suf, occurrences: [] }));
          v.occurrences.push({ p, from: s, to: i + suf.length, bounded: s === 0 || (cc[t.charCodeAt(s - 1)] & AFTER_BOUNDARY) !== 0 });
        }
      }
    }
    const list = [...variants.values()].filter((v) => v.occurrences.some((o) => o.bounded));
    const reported = new Set<Variant>();
    const spans: { start: number; end: number }[] = [];
    // candidate pairs through buckets: same suffix and length, and the same sorted characters
    // (reordered) or the same characters but one position (one character different)
    const buckets = new Map<string, Variant[]>();
    const add = (key: string, v: Variant): void => {
      const b = buckets.get(key);
      if (b) b.push(v);
      else buckets.set(key, [v]);
    };
    // 4-character names first, so that a 3-character window inside one is not reported again
    list.sort((a, b) => b.name.length - a.name.length);
    for (const v of list) {
      add(`${v.suffix}|s|${sortedChars(v.name)}`, v);
      if (LOW_LEVEL.has(v.suffix)) for (let k = 1; k < v.name.length; k++) add(`${v.suffix}|${k}|${v.name.slice(0, k)}\u0000${v.name.slice(k + 1)}`, v);
    }
    const seen = new Set<string>();
    for (const [key, group] of buckets) {
      if (group.length < 2) continue;
      // several names on one pattern (`马家营村`, `马家英村`, `马家莹村`) are a list of places, not a typo
      if (group.length > (key.includes('|s|') ? MAX_ANAGRAMS : MAX_ONE_OFF)) continue;
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const x = group[a];
          const y = group[b];
          const pairKey = x.name + x.suffix + '|' + y.name + y.suffix;
          if (seen.has(pairKey)) continue;
          seen.add(pairKey);
          if (!isVariantPair(x, y)) continue;
          // both spellings written again and again: two names in use, not a slip of the pen
          if (x.occurrences.length >= 2 && y.occurrences.length >= 2) continue;
          // report the rarer spelling (on a tie, the one that appears later)
          const xFirst = x.occurrences[0];
          const yFirst = y.occurrences[0];
          const later = xFirst.p.index > yFirst.p.index || (xFirst.p.index === yFirst.p.index && xFirst.from > yFirst.from) ? x : y;
          const minor = x.occurrences.length < y.occurrences.length ? x : y.occurrences.length < x.occurrences.length ? y : later;
          const major = minor === x ? y : x;
          if (reported.has(minor)) continue;
          reported.add(minor);
          const other = major.name + major.suffix;
          const own = minor.name + minor.suffix;
          for (const o of minor.occurrences) {
            const r = range(o.p, o.from, o.to);
            // a 3-character window inside a 4-character one already reported
            if (spans.some((sp) => sp.start < r.end && r.start < sp.end)) continue;
            spans.push(r);
            ctx.report({
              start: r.start,
              end: r.end,
              message: `“${own}”在报告中另写作“${other}”（${major.occurrences.length}处），请核对名称`,
              data: { name: own, variant: other, count: minor.occurrences.length, variantCount: major.occurrences.length },
            });
          }
        }
      }
    }
  },
);

function isVariantPair(x: Variant, y: Variant): boolean {
  const a = x.name;
  const b = y.name;
  if (a.length !== b.length || a === b) return false;
  if (sortedChars(a) === sortedChars(b)) return true;
  if (!LOW_LEVEL.has(x.suffix)) return false;
  let diff = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  if (diff <= 0) return false;
  if (GENERIC.has(a[diff]) && GENERIC.has(b[diff])) return false;
  return !DIFF_STOP.has(a[diff]) && !DIFF_STOP.has(b[diff]);
}
