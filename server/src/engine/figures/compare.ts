/**
 * Comparisons between two stated values, for `figures/comparison`:
 * - change from an earlier value: `由100件增加至120件，增长20%`, `受理120件，较上年的100件增长20%`,
 *   `受理120件（上年100件），同比增长20%`, `受理120件，上年同期为100件，同比增长20%`,
 *   `办理时限由20天压缩至12天，提速40%`, and with the difference stated instead of the earlier value:
 *   `受理416件，同比增加312件，增长300%`;
 * - one figure against another named one: `A（416件）超B（278件）49.6%`, `A超B 37.05%` with A and B
 *   stated in the sentence or the two before, `A比B多X%`.
 * Values are read with the quantity tokenizer; a named value is found by the words of its label.
 */
import type { Paragraph, ReportDocument, Sentence } from '../document';
import { figuresOf as figuresOfImported, perQuantity as perQuantityImported, quantitiesIn as quantitiesInImported, Quantity } from './quantities';
import { labelAfter as labelAfterImported, labelBefore as labelBeforeImported } from './context';
import { isClauseMark as isClauseMarkImported } from '../text';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const perQuantity: typeof perQuantityImported = perQuantityImported;
const quantitiesIn: typeof quantitiesInImported = quantitiesInImported;
const labelAfter: typeof labelAfterImported = labelAfterImported;
const labelBefore: typeof labelBeforeImported = labelBeforeImported;
const isClauseMark: typeof isClauseMarkImported = isClauseMarkImported;

/** `times`: `A是B的X倍` (X = A ÷ B). */
export type Direction = 'up' | 'down' | 'speed' | 'times';

export interface Comparison {
  /** `diff`: `受理416件，同比增加312件，增长300%` — the earlier value is value − base (the stated
   *  difference, held in `base`). */
  form: 'from-to' | 'versus-last-year' | 'named' | 'diff';
  /** The stated change (percent, percentage points or a count). */
  stated: Quantity;
  /** The value compared (new / A) and the base (old / B). */
  value: Quantity;
  base: Quantity;
  direction: Direction;
  /** Names of A and B for the `named` form. */
  valueName?: string;
  baseName?: string;
}

/** Words of change right before a stated change (`增长20%`, `下降了5件`, `增幅为20%`). */
const CHANGE_VERBS = ['增长', '增加', '上升', '提高', '提升', '增幅', '下降', '减少', '降低', '下滑', '降幅', '减幅', '压缩', '缩短', '缩减', '提速', '加快'];

/** The change word ending right before `end` (after optional 了 and 为/达/达到 and spaces). */
function verbBefore(t: string, end: number): { verb: string; start: number } | undefined {
  let e = end;
  for (let c = t.charCodeAt(e - 1); e > 0 && (c === 0x20 || c === 0x3000 || c === 0x09); c = t.charCodeAt(e - 1)) e--;
  if (t.endsWith('达到', e)) e -= 2;
  else if (e > 0 && (t.charCodeAt(e - 1) === C_DA || t.charCodeAt(e - 1) === C_WEI)) e--;
  if (e > 0 && t.charCodeAt(e - 1) === C_LE) e--;
  if (e < 2) return undefined;
  // the change verbs that end with the character before e, in list order
  const vs = VERBS_BY_LAST.get(t.charCodeAt(e - 1));
  if (vs) {
    for (let k = 0; k < vs.length; k++) if (t.endsWith(vs[k], e)) return { verb: vs[k], start: e - vs[k].length };
  }
  return undefined;
}
const VERBS_BY_LAST = new Map<number, string[]>();
for (const v of CHANGE_VERBS) {
  const c = v.charCodeAt(v.length - 1);
  const l = VERBS_BY_LAST.get(c);
  if (l) l.push(v);
  else VERBS_BY_LAST.set(c, [v]);
}
const C_DA = 0x8fbe; // 达
const C_WEI = 0x4e3a; // 为
const C_LE = 0x4e86; // 了

/**
 * Does the clause that ends at `at` (from its start or `at - width`, whichever is nearer) hold a
 * comparison word (超 高于 高出 多于 低于 少于 比 较; as RE_ANY_CROSS)? One backward pass that stops at
 * the clause start and returns at the first word seen.
 */
function crossWordInClause(t: string, at: number, width: number): boolean {
  const lim = Math.max(0, at - width);
  let next = -1; // the code at k + 1 while k + 1 < at
  for (let k = at - 1; k >= lim; k--) {
    const c = t.charCodeAt(k);
    if (isClauseMark(c)) return false;
    if (c === C_CHAO || c === C_BI || c === C_JIAO) return true;
    if (next >= 0 && (c === C_GAO ? next === C_YU || next === C_CHU : (c === C_DUO || c === C_DI || c === C_SHAO) && next === C_YU)) return true;
    next = c;
  }
  return false;
}
/** The start of the clause that ends at `at` (as in `named`), or `at - width` if that is nearer. */
function clauseStartWithin(t: string, at: number, width: number): number {
  const lim = Math.max(0, at - width);
  let k = at;
  while (k > lim && !isClauseMark(t.charCodeAt(k - 1))) k--;
  return k;
}
/** Does t[from, to) hold 是 or 相当于 (as RE_ANY_TIMES)? */
function hasTimesWord(t: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = t.charCodeAt(k);
    if (c === C_SHI) return true;
    if (c === C_XIANG && k + 2 < to && t.charCodeAt(k + 1) === C_DANG && t.charCodeAt(k + 2) === C_YU) return true;
  }
  return false;
}
const C_CHAO = 0x8d85; // 超
const C_BI = 0x6bd4; // 比
const C_JIAO = 0x8f83; // 较
const C_GAO = 0x9ad8; // 高
const C_YU = 0x4e8e; // 于
const C_CHU = 0x51fa; // 出
const C_DUO = 0x591a; // 多
const C_DI = 0x4f4e; // 低
const C_SHAO = 0x5c11; // 少
const C_SHI = 0x662f; // 是
const C_XIANG = 0x76f8; // 相
const C_DANG = 0x5f53; // 当
const RE_UP = /增长|增加|上升|提高|提升|增幅/;
const RE_SPEED = /提速|加快/;
const RE_PERIOD = '(?:上年|去年|上一年度?|上年度|前一年|(?:19|20)\\d{2}\\s*年(?:度)?)(?:同期)?';
const RE_VS_BEFORE_OLD = new RegExp(`^[\\s，,]*(?:同比|较|比|相比|相较于?|与)${RE_PERIOD}(?:相比)?(?:的)?\\s*$`);
const RE_FROM_BEFORE_OLD = new RegExp(`(?:由|从)\\s*(?:${RE_PERIOD}的?\\s*)?$`);
const RE_FROM_TO_GAP = /^[^，。；;,、0-9０-９%]{0,8}?(?:至|到)\s*(?:(?:19|20)\d{2}\s*年度?的?\s*)?$/;
const RE_AFTER_OLD = /^(?:\s*相比)?[\s，,]*$/;
/** `较上年的`, `比去年同期`… right before a figure: that figure is the earlier value. */
const RE_OLD_MARK_BEFORE = /(?:较|比|与)(?:上年|去年|上一年)(?:同期)?(?:的)?\s*$/;
const RE_AFTER_NEW = /^[\s，,]*(?:(?:同比|较上年|比上年|较去年|比去年)\s*)?$/;
/** `上年` and the like, without a written year: `2023年为100件` may follow `2024年…120件` or precede it. */
const RE_LAST_YEAR_WORD = '(?:上年|去年|上一年度?|上年度|前一年)(?:同期)?';
const RE_LAST_YEAR_IS = new RegExp(`^[\\s，,；;]*${RE_LAST_YEAR_WORD}(?:为|是|有|共|计)?\\s*$`);
const RE_DIFF_BEFORE = /^[\s，,]*(?:同比|较上年同期|比上年同期|较上年|比上年|较去年同期|较去年|比去年|与上年相比)?(增加|增长|上升|多|减少|下降|降低|少)了?\s*$/;
const RE_DIFF_AFTER = /^[\s，,]*$/;
const RE_PAREN_OLD_BEFORE = new RegExp(`[（(]\\s*${RE_LAST_YEAR_WORD}(?:为|是|有|[:：])?\\s*$`);
const RE_PAREN_OLD_AFTER = /^\s*[）)][\s，,]*(?:(?:同比|较上年|比上年|较去年|比去年)\s*)?$/;

/** Comparison words; each occurrence is then read with an anchored pattern (linear time). */
const RE_CROSS_WORD = /超过|超出|超|高于|高出|多于|低于|少于|比|较|是|相当于/g;
const RE_CROSS = /^(超过|超出|超|高于|高出|多于|低于|少于)([^，。；;,、：:%0-9０-９（）()\s]{2,20}?)(?:[（(]([^）)（(]{1,20})[）)])?\s*(?:(?:约|达)\s*)?$/;
const RE_CROSS2 = /^(?:比|较)([^，。；;,、：:%0-9０-９（）()\s]{2,20}?)(?:[（(]([^）)（(]{1,20})[）)])?\s*(多出|高出|多|高|增长|增加|提高|上升|少|低|下降|减少|降低)了?\s*$/;
const RE_TIMES = /^(?:是|相当于)([^，。；;,、：:%0-9０-９（）()\s]{2,20}?)(?:[（(]([^）)（(]{1,20})[）)])?的\s*$/;
const RE_LEAD_WORDS = /^(?:特别是|尤其是|其中|同时|而且|并且|此外|全年|当年)/;
const RE_NOT_HAN = /[^\u4e00-\u9fff]/g;
const RE_DOWN_CROSS = /低于|少于/;
const RE_DOWN_CROSS2 = /少|低|下降|减少|降低/;
const RE_PERIOD_NAME = new RegExp(`^(?:${RE_PERIOD}|同期)$`);

function sameMeasure(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.unit === b.unit && a.high === undefined && b.high === undefined && !a.approx && !b.approx;
}

function directionOf(verb: string): Direction {
  return RE_SPEED.test(verb) ? 'speed' : RE_UP.test(verb) ? 'up' : 'down';
}

/** Comparisons written in a paragraph of the document (cached). */
export function comparisonsIn(p: Paragraph, doc: ReportDocument): Comparison[] {
  const e = figuresOf(p);
  let out = e.comparisons as Comparison[] | undefined;
  if (!out) {
    out = find(p, doc);
    e.comparisons = out;
  }
  return out;
}

const byParagraphCache = new WeakMap<ReportDocument, Map<Paragraph, Sentence[]>>();

/** The sentences of each paragraph (cached per document). */
export function sentencesByParagraph(doc: ReportDocument): Map<Paragraph, Sentence[]> {
  const cached = byParagraphCache.get(doc);
  if (cached) return cached;
  const m = new Map<Paragraph, Sentence[]>();
  byParagraphCache.set(doc, m);
  // a paragraph's sentences come one after another: look the list up once per run
  let last: Paragraph | undefined;
  let a: Sentence[] = [];
  for (const s of doc.sentences) {
    if (s.paragraph !== last) {
      last = s.paragraph;
      const known = m.get(last);
      if (known) a = known;
      else m.set(last, (a = []));
    }
    a.push(s);
  }
  return m;
}

/**
 * Where each paragraph's sentences are in the document's sentence list, by paragraph index: a
 * paragraph's sentences come one after another, `doc.sentences[first[i], end[i])`. The lists are
 * sliced on first use (only paragraphs with figures ask), and kept in `lists`.
 */
interface SentenceRuns {
  first: Int32Array;
  end: Int32Array;
  lists: Array<Sentence[] | undefined>;
}
const byIndexCache = new WeakMap<ReportDocument, SentenceRuns | null>();

/**
 * The sentence runs of the document's paragraphs (cached per document; null when the indexes do
 * not tell the paragraphs apart or a paragraph's sentences are not one run, never in a parsed
 * document: then `sentencesByParagraph` answers).
 */
function sentencesByIndex(doc: ReportDocument): SentenceRuns | null {
  let r = byIndexCache.get(doc);
  if (r !== undefined) return r;
  const n = doc.paragraphs.length;
  const first = new Int32Array(n).fill(-1);
  const end = new Int32Array(n);
  const ss = doc.sentences;
  r = { first, end, lists: [] };
  let last: Paragraph | undefined;
  let idx = -1;
  for (let k = 0; k < ss.length; k++) {
    const para = ss[k].paragraph;
    if (para !== last) {
      last = para;
      idx = para.index;
      if (!(idx >= 0 && idx < n) || first[idx] >= 0) {
        r = null;
        break;
      }
      first[idx] = k;
    }
    end[idx] = k + 1;
  }
  byIndexCache.set(doc, r);
  return r;
}

/** The sentences of a paragraph of the document, in order (as `sentencesByParagraph(doc).get(p) ?? []`). */
export function paragraphSentences(doc: ReportDocument, p: Paragraph): Sentence[] {
  const r = sentencesByIndex(doc);
  if (r === null) return sentencesByParagraph(doc).get(p) ?? [];
  const i = p.index;
  if (!(i >= 0 && i < r.first.length) || r.first[i] < 0 || doc.sentences[r.first[i]].paragraph !== p) return [];
  let list = r.lists[i];
  if (list === undefined) {
    list = doc.sentences.slice(r.first[i], r.end[i]);
    r.lists[i] = list;
  }
  return list;
}

function statedOk(x: Quantity): boolean {
  return !x.approx && x.high === undefined;
}

function find(p: Paragraph, doc: ReportDocument): Comparison[] {
  const t = p.text;
  const qs = quantitiesIn(p);
  const out: Comparison[] = [];
  for (let k = 0; k < qs.length; k++) {
    const x = qs[k];
    if (!statedOk(x)) continue;
    const v = verbBefore(t, x.from);
    if (v) {
      const c = changeFrom(t, qs, k, v.start, directionOf(v.verb));
      if (c) out.push(c);
      continue;
    }
    // a named comparison needs its comparison word shortly before the figure
    // (only its clause can hold the word `named` reads: a word before the clause's start proves nothing)
    if (!(x.kind === 'multiple' ? hasTimesWord(t, clauseStartWithin(t, x.from, 40), x.from) : crossWordInClause(t, x.from, 40))) continue;
    const c = named(p, qs, k, doc);
    if (c) out.push(c);
  }
  return out;
}

function prevIndex(qs: Quantity[], k: number, before: number): number {
  let j = k - 1;
  while (j >= 0 && qs[j].to > before) j--;
  return j;
}

/** The stated change must be measured like the values: % of counts, points of percentages, counts. */
function fits(x: Quantity, value: Quantity): boolean {
  if (value.kind === 'number') return x.kind === 'percent' || (x.kind === 'number' && x.unit === value.unit);
  if (value.kind === 'percent') return x.kind === 'points';
  return false;
}

function changeFrom(t: string, qs: Quantity[], k: number, verbStart: number, direction: Direction): Comparison | undefined {
  const x = qs[k];
  const j = prevIndex(qs, k, verbStart);
  if (j < 1) return undefined;
  const a = qs[j];
  const b = qs[j - 1];
  if (!sameMeasure(a, b) || !fits(x, a)) return undefined;
  const afterA = t.slice(a.to, verbStart);
  const between = t.slice(b.to, a.from);
  const beforeB = t.slice(Math.max(0, b.from - 14), b.from);
  // 受理120件，较上年的100件增长20%: a is the old value
  if (RE_AFTER_OLD.test(afterA) && RE_VS_BEFORE_OLD.test(between)) {
    return { form: 'versus-last-year', stated: x, value: b, base: a, direction };
  }
  // 由100件增加至120件，增长20%
  if (RE_AFTER_NEW.test(afterA) && RE_FROM_TO_GAP.test(between) && RE_FROM_BEFORE_OLD.test(beforeB)) {
    return { form: 'from-to', stated: x, value: a, base: b, direction };
  }
  // 受理120件（上年100件），同比增长20%
  if (RE_PAREN_OLD_AFTER.test(afterA) && RE_PAREN_OLD_BEFORE.test(between)) {
    return { form: 'versus-last-year', stated: x, value: b, base: a, direction };
  }
  // 受理120件，上年同期为100件，同比增长20%
  if (RE_AFTER_NEW.test(afterA) && RE_LAST_YEAR_IS.test(between)) {
    return { form: 'versus-last-year', stated: x, value: b, base: a, direction };
  }
  // 受理416件，同比增加312件，增长300%: the earlier value is 416 − 312
  const d = RE_DIFF_BEFORE.exec(between);
  // `较上年的8102户增加688户，增长8.5%`: b is the earlier value, not this year's; not this form
  if (d && RE_OLD_MARK_BEFORE.test(beforeB)) return undefined;
  if (d && x.kind === 'percent' && a.kind === 'number' && RE_DIFF_AFTER.test(afterA) && direction !== 'speed' &&
    directionOf(d[1] === '多' ? '增加' : d[1] === '少' ? '减少' : d[1]) === direction) {
    return { form: 'diff', stated: x, value: b, base: a, direction };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Named comparisons: A超B X%.

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const c = s.replace(RE_NOT_HAN, '');
  for (let i = 0; i + 1 < c.length; i++) out.add(c.slice(i, i + 2));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** The words that name a figure: its clause before it, and the words after it (`278件行政诉讼案件`). */
function labelOf(q: Quantity): string {
  return labelBefore(q).text + labelAfter(q).text;
}

/** `bigrams(labelOf(q))`, cached by quantity index on the paragraph's entry (never modified). */
function labelBigrams(q: Quantity): Set<string> {
  const e = figuresOf(q.paragraph);
  const cached = (e.bigrams ??= perQuantity<Set<string>>(e)) as Array<Set<string> | undefined>;
  let b = cached[q.index];
  if (!b) {
    b = bigrams(labelOf(q));
    cached[q.index] = b;
  }
  return b;
}

/** The one quantity written inside a piece of the paragraph (e.g. `（416件）`), if any. */
function inside(qs: Quantity[], from: number, to: number): Quantity | undefined {
  const in_ = qs.filter((q) => q.from >= from && q.to <= to);
  return in_.length === 1 ? in_[0] : undefined;
}

const MIN_SCORE = 3;

function named(p: Paragraph, qs: Quantity[], k: number, doc: ReportDocument): Comparison | undefined {
  const t = p.text;
  const x = qs[k];
  // the clause that holds the comparison
  let cs = x.from;
  while (cs > 0 && !isClauseMark(t.charCodeAt(cs - 1))) cs--;
  const clause = t.slice(cs, x.from);
  let verbAt: number;
  let bName: string;
  let bParenFrom = -1;
  let bParenTo = -1;
  let direction: Direction;
  let aTo: number;
  // the last comparison word from which the rest of the clause reads `…B（b）X%`
  let m1: RegExpExecArray | null = null;
  let m2: RegExpExecArray | null = null;
  let m3: RegExpExecArray | null = null;
  let at = 0;
  const times = x.kind === 'multiple';
  RE_CROSS_WORD.lastIndex = 0;
  for (let w = RE_CROSS_WORD.exec(clause); w; w = RE_CROSS_WORD.exec(clause)) {
    const tail = clause.slice(w.index);
    const a1 = times ? null : RE_CROSS.exec(tail);
    const a2 = times || a1 ? null : RE_CROSS2.exec(tail);
    const a3 = times ? RE_TIMES.exec(tail) : null;
    if (a1 || a2 || a3) {
      m1 = a1;
      m2 = a2;
      m3 = a3;
      at = w.index;
      break;
    }
  }
  if (m3) {
    verbAt = cs + at;
    aTo = verbAt;
    bName = m3[1].trim();
    direction = 'times';
    if (m3[2] !== undefined) {
      bParenFrom = cs + at + m3[0].indexOf(m3[1]) + m3[1].length;
      bParenTo = bParenFrom + m3[2].length + 2;
    }
  } else if (m1) {
    verbAt = cs + at;
    aTo = verbAt;
    bName = m1[2].trim();
    direction = RE_DOWN_CROSS.test(m1[1]) ? 'down' : 'up';
    if (m1[3] !== undefined) {
      bParenFrom = cs + at + m1[1].length + m1[2].length;
      bParenTo = bParenFrom + m1[3].length + 2;
    }
  } else if (m2) {
    verbAt = cs + at;
    aTo = verbAt;
    bName = m2[1].trim();
    direction = RE_DOWN_CROSS2.test(m2[3]) ? 'down' : 'up';
    if (m2[2] !== undefined) {
      bParenFrom = cs + at + 1 + m2[1].length;
      bParenTo = bParenFrom + m2[2].length + 2;
    }
  } else return undefined;
  if (RE_PERIOD_NAME.test(bName)) return undefined;
  let aName = t.slice(cs, aTo).trim().replace(RE_LEAD_WORDS, '');
  if (aName.endsWith('）') || aName.endsWith(')')) aName = aName.slice(0, Math.max(aName.lastIndexOf('（'), aName.lastIndexOf('('), 0)).trim();
  if (aName.length < 2) return undefined;
  // values written in the comparison itself
  let a = inside(qs, cs, aTo);
  let b = bParenFrom >= 0 ? inside(qs, bParenFrom, bParenTo) : undefined;
  // counts, or rates written in the comparison itself (`出庭应诉率（61%）高于全省（57%）4个百分点`)
  const valueKind = x.kind === 'points' ? 'percent' : 'number';
  if (a && a.kind !== valueKind) a = undefined;
  if (b && b.kind !== valueKind) b = undefined;
  if ((!a || !b) && valueKind !== 'number') return undefined;
  if (!a || !b) {
    // else by name in this sentence and the two before
    const sentences = paragraphSentences(doc, p);
    const si = sentences.findIndex((s) => s.from <= x.from && x.from < s.to);
    const windowFrom = si >= 0 ? sentences[Math.max(0, si - 2)].from : cs;
    const cands: { q: Quantity; label: Set<string> }[] = [];
    for (let qi = 0; qi < qs.length; qi++) {
      const q = qs[qi];
      if (q.to <= windowFrom) continue;
      if (q.from >= cs) break;
      if (q.kind === 'number' && !q.approx && q.high === undefined) cands.push({ q, label: labelBigrams(q) });
    }
    if (!a) a = best(cands, bigrams(aName), b);
    if (!b) b = best(cands, bigrams(bName), a);
  }
  if (!a || !b || a === b || !sameMeasure(a, b) || a.kind !== valueKind) return undefined;
  if (x.kind === 'number' && x.unit !== a.unit) return undefined;
  return { form: 'named', stated: x, value: a, base: b, direction, valueName: aName, baseName: bName };
}

function best(cands: { q: Quantity; label: Set<string> }[], name: Set<string>, not?: Quantity): Quantity | undefined {
  let top: Quantity | undefined;
  let topScore = 0;
  let second = 0;
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.q === not) continue;
    const s = overlap(name, c.label);
    if (s > topScore) {
      second = topScore;
      topScore = s;
      top = c.q;
    } else if (s > second) second = s;
  }
  return top && topScore >= MIN_SCORE && topScore > second ? top : undefined;
}
