/**
 * Rates and their counts: for every stated rate (`X率`, `X比例`, `占……%`), the count it is about
 * (the numerator, named like the rate) and the candidate bases (counts before it in the same
 * sentence and the two before; farther counts of the same paragraph), with the arithmetic.
 * Shared by `figures/ratio` (a rate that follows from no base) and `figures/ratio-base` (a rate
 * that follows only from a farther base than the nearest total). Cached per document and policy.
 */
import type { ReportDocument, Paragraph, Sentence } from '../document';
import type { Quantity } from './quantities';
import { figuresOf as figuresOfImported } from './quantities';
import { paragraphSentences as paragraphSentencesImported } from './compare';
import { consistent as consistentImported, roundTo as roundToImported, Rounding } from './arith';
import { labelBefore as labelBeforeImported, labelAfter as labelAfterImported, rateWordBefore as rateWordBeforeImported, endsWithStem as endsWithStemImported, namesNumerator as namesNumeratorImported, otherSubject as otherSubjectImported, sameTopic as sameTopicImported, RateWord } from './context';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const paragraphSentences: typeof paragraphSentencesImported = paragraphSentencesImported;
const consistent: typeof consistentImported = consistentImported;
const roundTo: typeof roundToImported = roundToImported;
const labelBefore: typeof labelBeforeImported = labelBeforeImported;
const labelAfter: typeof labelAfterImported = labelAfterImported;
const rateWordBefore: typeof rateWordBeforeImported = rateWordBeforeImported;
const endsWithStem: typeof endsWithStemImported = endsWithStemImported;
const namesNumerator: typeof namesNumeratorImported = namesNumeratorImported;
const otherSubject: typeof otherSubjectImported = otherSubjectImported;
const sameTopic: typeof sameTopicImported = sameTopicImported;

export type RateStatus = 'consistent' | 'mismatch' | 'farther-base' | 'unknown';

export interface BaseCandidate {
  q: Quantity;
  label: string;
  exact: number;
  matches: boolean;
  /** Labelled like a total (受理, 审结, 排查 … or followed by 其中). */
  baseLike: boolean;
  /** In the rate's sentence or the two before. */
  near: boolean;
  /** `5553 ÷ 5559 = 99.89%` */
  arithmetic: string;
}

export interface RateCheck {
  rate: Quantity;
  word: RateWord;
  /** The rate as named in messages (`败诉率`, `刑事案件占比`, `占全部案件的`). */
  name: string;
  numerator?: Quantity;
  numeratorLabel?: string;
  /** Candidate bases, nearest first. */
  candidates: BaseCandidate[];
  /** The nearest total before the numerator. */
  nearest?: BaseCandidate;
  /** For `farther-base`: the base that gives the stated rate. */
  matched?: BaseCandidate;
  status: RateStatus;
  /** numerator ÷ rate */
  impliedBase?: number;
  /** The figure to write, where one correction is unambiguous (numeral only, e.g. `28.74`). */
  corrected?: string;
}

const cache = new WeakMap<ReportDocument, Map<Rounding, RateCheck[]>>();

/** Rounding policy from rule options (`rounding: "round-or-truncate" | "round"`). */
export function roundingOf(options: Readonly<Record<string, unknown>>): Rounding {
  return options.rounding === 'round' ? 'round' : 'round-or-truncate';
}

/** Every rate of the document with its arithmetic (cached per document and policy). */
export function rateChecks(doc: ReportDocument, policy: Rounding): RateCheck[] {
  let byPolicy = cache.get(doc);
  if (!byPolicy) {
    byPolicy = new Map();
    cache.set(doc, byPolicy);
  }
  let out = byPolicy.get(policy);
  if (!out) {
    out = computeAll(doc, policy);
    byPolicy.set(policy, out);
  }
  return out;
}

/** Sentences per paragraph (the document's sentence list, grouped). */
export function sentencesOf(doc: ReportDocument, p: Paragraph): Sentence[] {
  return paragraphSentences(doc, p);
}

/** Index of the sentence (in its paragraph's list) that holds logical offset `at`. */
export function sentenceIndexAt(list: Sentence[], at: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < list[mid].from) hi = mid - 1;
    else if (at >= list[mid].to) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** How many figures before a rate are looked at (keeps a pathological paragraph linear). */
export const LOOKBACK = 120;
/** How many candidate bases a rate keeps (the nearest ones). */
const MAX_CANDIDATES = 12;

/** Units that are not counts of things (money, lengths, durations). */
const NOT_COUNT_UNITS = new Set(['元', '万元', '亿元', '千元', '公里', '千米', '米', '平方米', '平方公里', '公顷', '亩', '吨', '千克', '公斤', '小时', '分钟', '天', '周', '年', '个月', '个工作日', '工作日', '岁', '周岁', '分', '成', '倍', '级']);

export function isCount(q: Quantity): boolean {
  return q.kind === 'number' && !q.approx && q.high === undefined && !NOT_COUNT_UNITS.has(q.unit) && q.value > 0 && Number.isInteger(q.value);
}

const RE_BASE = /受理|收到|收案|审结|审理|审查|审核|核查|复核|开庭|办结|办理|排查|调解|调处|登记|接收|接待|抽取|抽查|抽检|评查|检查|应诉|参与|涉及|发生|发出|提交|报送|申请|案件|纠纷|诉讼|复议|总数|总量|合计|总计|应(?:参加|参训|到|出庭|报备|备案|审查|审核|办理|公开|签订)/;
const RE_LIST_GLUE = /^\s*[、和及与]\s*$/;
const RE_FOLLOWED_BY_QIZHONG = /^[\s，,：:]{0,4}其中/;
const RE_SUBJECT_SCOPE = /^(?:其中|全年|全市|全州|全区|全县)/;
const RE_CLAUSE_SEPS = /[，,、；;：:]/g;

function fmtCount(q: Quantity): string {
  if (q.scale === 1e4) return `${q.numeral}万`;
  if (q.scale === 1e8) return `${q.numeral}亿`;
  return String(q.value);
}

export function fmtPercent(x: number, decimals: number): string {
  return `${roundTo(x, decimals).toFixed(decimals)}%`;
}

function computeAll(doc: ReportDocument, policy: Rounding): RateCheck[] {
  const out: RateCheck[] = [];
  for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    const e = figuresOf(p);
    if (!e.hasPercent) continue;
    const qs = e.quantities;
    const sents = sentencesOf(doc, p);
    for (let qi = 0; qi < qs.length; qi++) {
      const q = qs[qi];
      if (q.kind !== 'percent' || q.approx || q.high !== undefined || q.value > 100 || q.value <= 0) continue;
      const c = checkRate(q, qs, sents, policy);
      if (c) out.push(c);
    }
  }
  return out;
}

function checkRate(q: Quantity, qs: Quantity[], sents: Sentence[], policy: Rounding): RateCheck | undefined {
  const lb = labelBefore(q);
  const word = rateWordBefore(q);
  if (!word || word.change || word.several) return undefined;
  // a rate in a list (`分别为`) has no single numerator
  if (lb.raw.includes('分别')) return undefined;
  const si = sentenceIndexAt(sents, q.from);
  if (si < 0) return undefined;
  const nearFrom = sents[Math.max(0, si - 2)].from;
  const sentFrom = sents[si].from;
  // the figures before the rate: qs[lo .. q.index - 1]
  const lo = Math.max(0, q.index - LOOKBACK);
  const check: RateCheck = { rate: q, word, name: word.form === '占' ? lb.text || '占比' : word.word, candidates: [], status: 'unknown' };

  // the numerator
  let numerator: Quantity | undefined;
  if (word.form === '占') {
    // `刑事案件占比45.4%`: the count named like the subject; `……345件，占45.4%`: the count just before
    const subject = labelBefore(q).raw.slice(0, labelBefore(q).raw.length - word.word.length).replace(RE_SUBJECT_SCOPE, '').trim();
    if (subject.length >= 2) {
      for (let k = q.index - 1; k >= lo; k--) {
        const x = qs[k];
        if (x.from < sentFrom) break;
        if (!isCount(x)) continue;
        const l = labelBefore(x).text;
        if (l && (l.endsWith(subject) || (subject.endsWith(l) && l.length >= 2))) {
          numerator = x;
          break;
        }
      }
    } else {
      const prev = q.index > lo ? qs[q.index - 1] : undefined;
      // not the last item of a list (`刑事案件345件、民事案件415件，占……`)
      const glued = !!prev && prev.index > 0 && RE_LIST_GLUE.test(q.paragraph.text.slice(qs[prev.index - 1].to, labelBefore(prev).from));
      if (prev && isCount(prev) && prev.from >= sentFrom && !glued) {
        const between = q.paragraph.text.slice(prev.to, q.from);
        if ((between.match(RE_CLAUSE_SEPS) ?? []).length <= 1) numerator = prev;
      }
    }
  } else {
    for (let k = q.index - 1; k >= lo; k--) {
      const x = qs[k];
      if (x.from < nearFrom) break;
      // a rate of the same kind in between: the counts before it are its own
      if (x.kind === 'percent') {
        const w = rateWordBefore(x);
        if (w && w.stem === word.stem) break;
        continue;
      }
      if (!isCount(x)) continue;
      const l = labelBefore(x).text || labelAfter(x).text;
      if (namesNumerator(l, word.stem)) {
        // `市长和副市长出庭应诉6次` is a part of `行政机关负责人出庭应诉`: no numerator stated
        if (otherSubject(l, word.stem)) break;
        numerator = x;
        check.numeratorLabel = l;
        break;
      }
    }
  }
  if (!numerator) return check;
  check.numerator = numerator;
  if (!check.numeratorLabel) check.numeratorLabel = labelBefore(numerator).text || labelAfter(numerator).text;

  // candidate bases: counts before the rate, not the numerator nor a count of the same kind
  const decimals = Math.max(2, q.decimals);
  // a share that names its whole (`占同类案件的`, `占全局人员的`): the base is a count of that whole
  const whole = word.form === '占' ? wholeNoun(word.word) : '';
  for (let k = q.index - 1; k >= lo && check.candidates.length < MAX_CANDIDATES; k--) {
    const x = qs[k];
    if (x === numerator || !isCount(x) || x.value < numerator.value) continue;
    const l = labelBefore(x).text || labelAfter(x).text;
    if (word.stem && endsWithStem(l, word.stem)) continue;
    // another share's count (`婚姻家庭纠纷3200件，占25.2%`) is a part, not a base
    if (word.form === '占' && RE_SHARE_NEXT.test(q.paragraph.text.slice(x.to, x.to + 4))) continue;
    if (whole && !l.includes(whole)) continue;
    const exact = (numerator.value / x.value) * 100;
    const near = x.from >= nearFrom;
    check.candidates.push({
      q: x, label: l, exact, near,
      matches: consistent(q.value, exact, q.decimals, policy),
      // a total comes before its part
      baseLike: x.to <= numerator.from &&
        (RE_BASE.test(labelBefore(x).raw || l) || RE_FOLLOWED_BY_QIZHONG.test(q.paragraph.text.slice(x.to, x.to + 6))),
      arithmetic: '',
    });
  }
  let status = decide(check, q, numerator, sentFrom);
  if (status === 'farther-base' && word.form === '占') status = check.status = 'consistent';
  // other readings of the numerator: a cumulative part of a list (`优秀120卷，良好300卷，合格130卷` for
  // 合格率), or the total less a negated count (`不合格10卷`)
  if ((status === 'mismatch' || status === 'farther-base') && alternativeMatches(check, q, qs, numerator, word.stem, nearFrom, sentFrom, policy)) {
    status = check.status = 'consistent';
  }
  if (status === 'mismatch' || status === 'farther-base') {
    for (const c of check.candidates) c.arithmetic = `${fmtCount(numerator)} ÷ ${fmtCount(c.q)} = ${fmtPercent(c.exact, decimals)}`;
  }
  return check;
}

const RE_SHARE_NEXT = /^[，,]?\s*占/;
const RE_LIST_SEP = /^[\s、，,；;]*$/;
const RE_NEGATION = /^(?:不予|不|未|没有|尚未|未能)/;

/** Does another reading of the numerator give the stated rate with some candidate base? */
function alternativeMatches(check: RateCheck, q: Quantity, qs: Quantity[], numerator: Quantity, stem: string, nearFrom: number, sentFrom: number, policy: Rounding): boolean {
  const bases = check.candidates.map((c) => c.q.value);
  const test = (a: number): boolean => bases.some((b) => a <= b && consistent(q.value, (a / b) * 100, q.decimals, policy));
  const t = q.paragraph.text;
  // cumulative sums of the list that ends at the numerator
  let sum = numerator.value;
  for (let k = numerator.index - 1, cur = numerator; k >= 0 && k >= numerator.index - 20; k--) {
    const x = qs[k];
    if (x.from < sentFrom || !isCount(x) || x.unit !== numerator.unit) break;
    if (!RE_LIST_SEP.test(t.slice(x.to, labelBefore(cur).from))) break;
    sum += x.value;
    if (test(sum)) return true;
    if (/其中/.test(labelBefore(x).raw)) break;
    cur = x;
  }
  // the total less a negated count
  if (stem) {
    for (let k = q.index - 1; k >= 0 && k >= q.index - LOOKBACK; k--) {
      const x = qs[k];
      if (x.from < nearFrom) break;
      if (!isCount(x)) continue;
      const l = labelBefore(x).text;
      const m = RE_NEGATION.exec(l);
      if (!m || !namesNumerator(l.slice(m[0].length), stem)) continue;
      if (bases.some((b) => b > x.value && consistent(q.value, ((b - x.value) / b) * 100, q.decimals, policy))) return true;
    }
  }
  return false;
}

/**
 * Units that count different kinds of thing: a rate's numerator and base count the same things.
 * Kept coarse on purpose: cases, persons and times mix in real rates (`出庭45人` of `79件` cases).
 */
const UNIT_CLASS = new Map<string, number>([
  ['件', 1], ['起', 1], ['宗', 1], ['单', 1], ['笔', 1], ['例', 1], ['卷', 1], ['份', 1], ['条', 1], ['项', 1],
  ['人', 1], ['名', 1], ['人次', 1], ['位', 1], ['次', 1],
  ['家', 3], ['户', 3],
  ['场', 4], ['场次', 4],
  ['批次', 5], ['批', 5],
]);
/** Can a count with unit `b` be the base of a count with unit `a`? (unknown or bare units: yes) */
function sameKind(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  const ca = UNIT_CLASS.get(a);
  const cb = UNIT_CLASS.get(b);
  return ca === undefined || cb === undefined || ca === cb;
}

const RE_WHOLE_PREFIX = /^占(?:到|了)?(?:全部|所有|全年|全市|全州|全区|全县|全省|全局|同期|同类|各类|整个|总)?/;
const RE_WHOLE_SUFFIX = /(?:总数|总量|总额|总和|数量|总体)?的?(?:比重|比例|比)?$/;
/** The head noun of the whole a share names (`占同类案件的` → `案件`, `占全局人员的` → `人员`); '' if none. */
function wholeNoun(word: string): string {
  const w = word.replace(RE_WHOLE_PREFIX, '').replace(RE_WHOLE_SUFFIX, '');
  return w.length >= 2 ? w.slice(-2) : '';
}

function decide(check: RateCheck, q: Quantity, numerator: Quantity, sentFrom: number): RateStatus {
  const nearCands = check.candidates.filter((c) => c.near);
  // the nearest total: the nearest base-like count before the numerator, else before the rate,
  // counting the same kind of thing as the numerator (not `办结投诉6085件` for `合格4743批次`)
  const total = (c: BaseCandidate): boolean => c.baseLike && sameKind(numerator.unit, c.q.unit);
  const nearest = nearCands.find((c) => total(c) && c.q.to <= numerator.from) ?? nearCands.find(total);
  check.nearest = nearest;
  check.impliedBase = numerator.value / (q.value / 100);
  if (nearest?.matches) return (check.status = 'consistent');
  const nearMatch = nearCands.find((c) => c.matches);
  if (nearMatch) {
    if (nearest && nearMatch.baseLike) {
      check.status = 'farther-base';
      check.matched = nearMatch;
    } else check.status = 'consistent';
    return check.status;
  }
  const farMatch = check.candidates.find((c) => !c.near && c.matches);
  if (farMatch) {
    if (nearest && farMatch.baseLike && sameTopic(farMatch.label, nearest.label)) {
      check.status = 'farther-base';
      check.matched = farMatch;
    } else check.status = 'consistent';
    return check.status;
  }
  if (!nearest) return check.status;
  check.status = 'mismatch';
  // one correction is unambiguous when the nearest total is the only total in the rate's sentence
  const inSentence = nearCands.filter((c) => c.baseLike && c.q.from >= sentFrom);
  if (inSentence.length === 1 && inSentence[0] === nearest && !q.chinese) {
    check.corrected = roundTo(nearest.exact, q.decimals).toFixed(q.decimals);
  }
  return check.status;
}
