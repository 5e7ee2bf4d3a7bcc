import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { figuresOf, quantitiesIn, Quantity } from '../../figures/quantities';
import { coveredAt, coverOf, firstQuantityFrom, isFigure, sentenceSome } from './util';

/** A rate noun (`化解率`, `出庭应诉率`, `占比`) ending right before the figure, with a linking verb. */
const RATE_BEFORE = /(率|比例|比重|占比)\s*(?:(?:均|分别|已|仍|继续|始终|稳定|保持|全部)\s*)?(?:(?:达到|达|为|是|保持在|稳定在|在|超过|超|实现|提升至|提高至|提高到|提升到|上升至|升至|至|：|:)\s*)?$/;
/** Characters that end the phrase naming a rate when read backwards from `率`:
 * `，,、；;：:。！？!?（）()“”"《》` and a line break. */
export function isPhraseStop(c: number): boolean {
  if (c < 0x80) return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x28 || c === 0x29 || c === 0x22 || c === 0x0a;
  if (c >= 0xff01) return c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f || c === 0xff08 || c === 0xff09;
  if (c >= 0x3001 && c <= 0x300b) return c === 0x3001 || c === 0x3002 || c === 0x300a || c === 0x300b;
  return c === 0x201c || c === 0x201d;
}
const MEASURE_WORD = new Set(['项', '件', '次', '人', '个', '的', '和', '与', '中']);
const PHRASE_PREFIX = /^(?:[一二三四五六七八九十]{1,3}是)?(?:(?:19|20)\d{2}\s*年度?)?\s*(?:(?:全[市州县区省旗盟]|我[市州县区省局委]|其中)\s*)?/;
/** A target, not a result (`力争审结率达到98%以上`, `确保出庭应诉率保持100%`): it has no base yet. */
const TARGET = /力争|确保|争取|努力|目标|预计|计划|拟|将/;

/** Does the clause that names the rate (back to the last clause break) set a target? */
function isTarget(t: string, sentenceFrom: number, nounFrom: number): boolean {
  let k = nounFrom;
  while (k > sentenceFrom && !isClauseBreak(t.charCodeAt(k - 1))) k--;
  return TARGET.test(t.slice(k, nounFrom));
}

/** `，,；;。：:` */
export function isClauseBreak(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x3002 || c === 0xff1a || c === 0x3a;
}

/** Counts the rate may rest on: a number of cases, people, times… (not a rate or a change). */
function isCount(q: Quantity): boolean {
  return q.kind === 'number' && isFigure(q);
}

/** Logical offsets of the rate noun before `q`, or undefined when `q` is not stated as a rate. */
function rateNoun(p: Paragraph, q: Quantity): { from: number; to: number } | undefined {
  const lookFrom = Math.max(0, q.from - 16);
  // the rate noun ends in 率 or 比 (比例, 比重, 占比): most figures have neither before them
  let k = q.from - 1;
  while (k >= lookFrom) {
    const c = p.text.charCodeAt(k);
    if (c === 0x7387 /* 率 */ || c === 0x6bd4 /* 比 */) break;
    k--;
  }
  if (k < lookFrom) return undefined;
  const before = p.text.slice(lookFrom, q.from);
  const m = RATE_BEFORE.exec(before);
  if (!m) return undefined;
  const to = lookFrom + m.index + m[1].length;
  let from = to - m[1].length;
  // the phrase naming the rate: from the clause start (without a leading year or `全市`), at most
  // 12 characters; else the last characters before 率
  while (from > 0 && to - from < 30 && !isPhraseStop(p.text.charCodeAt(from - 1))) from--;
  const pre = PHRASE_PREFIX.exec(p.text.slice(from, to));
  if (pre && pre[0].length < to - from - m[1].length) from += pre[0].length;
  if (to - from > 12) {
    from = to - 6;
    while (to - from > 3 && MEASURE_WORD.has(p.text[from])) from++;
  }
  return { from, to };
}

/**
 * metrics/rate-without-base: a rate (`化解率达99.8%`) with no count it could rest on in its
 * sentence or the sentences either side of it (same paragraph): the reader cannot tell 1 of 1 from 5,553 of 5,559.
 */
export default defineRule(
  {
    id: 'metrics/rate-without-base',
    severity: 'info',
    description: '比率没有相应的基数',
    descriptionEn: 'A rate with no count behind it',
  },
  (ctx) => {
    const { doc } = ctx;
    const sentences = doc.sentences;
    // the plans part sets targets (`出庭应诉率保持100%`), which have no count behind them yet; the
    // problems part quotes rates to show a shortcoming (`网络投诉占比已达38.7%`), not as results
    const skip = coverOf(doc.parts.filter((p) => p.kind === 'plans' || p.kind === 'problems'));
    /** Rates already given, by the end of the rate's name and its value (e.g. `错率` → 13.94): a rate
     * restated later (`全年直接纠错率为13.94%`) is not reported again. The two characters of the
     * name's end are the key, as one number (no substring per rate). */
    const given = new Map<number, Set<number>>();
    // only a paragraph with a percentage has a rate to report (or to remember in `given`)
    let para: Paragraph | undefined;
    let hasPercent = false;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (s.paragraph !== para) {
        para = s.paragraph;
        hasPercent = figuresOf(para).hasPercent;
      }
      if (!hasPercent) continue;
      if (coveredAt(skip, s.start)) continue;
      const p = s.paragraph;
      const all = quantitiesIn(p);
      let rates: Quantity[] | undefined;
      /** The rate noun of each of `rates` (the same reading is not made twice). */
      let nouns: ({ from: number; to: number } | undefined)[] | undefined;
      for (let k = firstQuantityFrom(all, s.from); k < all.length; k++) {
        const q = all[k];
        if (q.from >= s.to) break;
        if (q.to > s.to || q.kind !== 'percent') continue;
        const noun = rateNoun(p, q);
        const name = noun && noun.to - noun.from >= 2 ? p.text.charCodeAt(noun.to - 2) * 0x10000 + p.text.charCodeAt(noun.to - 1) : -1;
        const values = name < 0 ? undefined : given.get(name);
        if (!values?.has(q.value)) {
          if (isFigure(q)) {
            (rates ??= []).push(q);
            (nouns ??= []).push(noun);
          }
        }
        if (name >= 0) {
          if (values) values.add(q.value);
          else given.set(name, new Set([q.value]));
        }
      }
      if (!rates || sentenceSome(s, isCount)) continue;
      const prev = i > 0 && sentences[i - 1].paragraph === p ? sentences[i - 1] : undefined;
      if (prev && sentenceSome(prev, isCount)) continue;
      const next = i + 1 < sentences.length && sentences[i + 1].paragraph === p ? sentences[i + 1] : undefined;
      if (next && sentenceSome(next, isCount)) continue;
      for (let r = 0; r < rates.length; r++) {
        const q = rates[r];
        const noun = nouns![r];
        if (!noun || noun.from < s.from) continue;
        if (isTarget(p.text, s.from, noun.from)) continue;
        const name = p.text.slice(noun.from, noun.to);
        ctx.report({
          start: p.map[noun.from],
          end: q.end,
          message: `“${name}”${q.raw}没有给出基数：本句及前后句都没有相应的数量（如受理、办结多少件）。建议写明分子和分母，例如“受理××件，化解××件，${name}${q.raw}”。`,
          data: { rate: name, value: q.value, raw: q.raw },
        });
      }
    }
  },
);
