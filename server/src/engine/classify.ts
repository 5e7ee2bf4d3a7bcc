/** Classifies a report's top-level parts as the prescribed parts. */
import { inSequence } from './text';
import { isOrdinalChar } from './numerals';

export type PartKind = 'measures' | 'problems' | 'leadership' | 'plans' | 'other';

export const PART_NAMES: Record<PartKind, string> = {
  measures: '主要举措和成效',
  problems: '存在的不足和原因',
  leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
  plans: '下一年度工作安排',
  other: '其他',
};

export const PART_NAMES_EN: Record<PartKind, string> = {
  measures: 'main measures and results',
  problems: 'shortcomings and causes',
  leadership: "principal leaders' first-responsibility duties",
  plans: "next year's plan",
  other: 'other',
};

const YEAR_PREFIX = /^(?:(?:19|20)\d{2}\s*年(?:度)?|本年度|全年|年度|今年)?(?:的)?/;

const LEADERSHIP = [/第一责任人/, /主要负责人.{0,12}(?:职责|履职)/, /履行.{0,12}法治建设.{0,6}职责/];
/** `存在的问题……`, `当前存在的困难和问题`, `工作中还存在的不足`: a heading that opens on the problems. */
const PROBLEMS_LEAD = /^(?:存在|面临|当前|目前|工作中|仍然存在|还存在)[^，,。；]{0,8}?(?:问题|不足|短板|困难|差距|薄弱环节|弱项)/;
/** `问题和不足`, `短板`, `不足之处`, `问题及原因分析`: a heading that is nothing but the problems. */
const PROBLEMS_ONLY = /^(?:主要|突出)?(?:问题|不足|短板|困难|差距|薄弱环节|弱项)(?:[和及与、]?(?:原因|不足|短板|差距|问题|困难|薄弱环节|弱项|挑战))?(?:分析|之处)?$/;
/** `下一步……工作计划`, `2025年……安排`: a lead, then a plan word ending the heading within 16 characters. */
const PLANS_LEAD = /下一步|下一年度?|下步|明年|今后|来年|新的一年|(?:19|20)\d{2}\s*年(?:度)?/g;
const PLANS_END = /(?:计划|安排|打算|思路|重点|举措|目标|任务|展望|工作)$/g;
const PLANS_BARE = /^(?:工作)?(?:计划|安排|打算|思路|展望)$/;
const PLANS_WORK = /工作(?:计划|安排|打算|思路|重点)$/;
const isPlanHeading = (h: string): boolean => PLANS_BARE.test(h) || PLANS_WORK.test(h) || inSequence(h, [PLANS_LEAD, PLANS_END], [16], '');
const MEASURES = /举措|成效|做法|进展|成绩|工作开展情况|推进法治政府建设(?:的)?(?:情况|工作)|工作完成情况|主要工作|工作情况|开展情况|完成情况|建设情况|基本情况|取得的/;

/**
 * The part a heading names, or undefined when the heading is thematic (`强化组织领导，夯实法治基础`).
 * `reportYear` lets `2025年工作安排` be read as the plan of a 2024 report.
 */
export function classifyPartHeading(heading: string, reportYear?: number): PartKind | undefined {
  const h = heading.replace(/[\s*_#]/g, '').replace(/[。：:]$/, '');
  if (!h) return undefined;
  // `其他需要报告的问题` is the fifth part, not the problems
  if (/^其他/.test(h)) return 'other';
  if (LEADERSHIP.some((re) => re.test(h)) && !/举措|成效/.test(h)) return 'leadership';
  const rest = h.replace(YEAR_PREFIX, '');
  if (rest.length <= 24 && (PROBLEMS_LEAD.test(rest) || PROBLEMS_ONLY.test(rest))) return 'problems';
  if (h.length <= 30 && isPlanHeading(h)) {
    const y = /((?:19|20)\d{2})\s*年/.exec(h);
    if (!y || reportYear === undefined || Number(y[1]) > reportYear) return 'plans';
    // the reporting year's `重点工作` is what was done; its `工作计划` is still a plan (a wrong year)
    if (/计划|安排|打算|思路|展望/.test(h)) return 'plans';
  }
  if (MEASURES.test(h)) return 'measures';
  if (/计划|安排|打算/.test(h) && h.length <= 16) return 'plans';
  return undefined;
}

const FUTURE = /下一步|将(?:进一步|继续|持续|着力|不断|全面|加快|深入|坚持|把|以|在|围绕|紧扣|聚焦|强化|加强)|要(?:进一步|继续|持续)|计划|拟|力争|着力(?:抓好|推进)/g;
const PAST = /了|已|完成|累计|共计?|达到?|同比|实现|取得|开展|组织|办理|审结|受理|印发|出台|举办|建成|培训|化解/g;
const PROBLEM_WORDS = /不足|问题|短板|差距|薄弱|不到位|有待|不够|不强|不高|欠缺|滞后|仍需|尚需|还需/g;

const DIGITS = /\d+/g;

/** Number of matches of a global regex (none of them empty): `test` advances without a match object. */
function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.test(text)) n++;
  return n;
}

/** Infers the kind of a thematic part from its text. */
export function inferPartKind(text: string): PartKind {
  const len = Math.max(1, text.length);
  const future = count(FUTURE, text);
  const past = count(PAST, text);
  const problems = count(PROBLEM_WORDS, text);
  const digits = count(DIGITS, text);
  if (problems * 40 > len && problems > past) return 'problems';
  if (future > past && digits * 200 < len) return 'plans';
  if (past + digits > 0) return 'measures';
  return 'other';
}

/** A sentence opening on the next year's work: `下一步，我们将……`, `今后一个时期，……`. */
const RE_PLAN_LEAD = /^(?:下一步|下步|下一阶段|今后(?:一个时期|一段时期)?|明年|来年|新的一年|接下来)(?:[，,]|我们|我[市州县区局委厅办省]|全[市州县区省]|将|要|继续|计划|工作|重点)/;
/** `我局将继续……`: a subject, then 将 and an adverb of continuing effort. */
const RE_SUBJECT_WILL = /^(?:我们|我[市州县区局委厅办省]|全[市州县区省])将(?:进一步|继续|持续|着力|不断|加快|全面|深入|坚持|努力|积极|重点)/;
const RE_YEAR_LEAD = /^((?:19|20)\d{2})\s*年度?[，,]?/;
const RE_FUTURE_WORD = /将|要|计划|拟|力争|继续|持续/;


/**
 * The length of the lead mark (`一是`, `（一）`) before the sentence proper, 0 when none: the match of
 * `^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十]{1,3}[）)])`, without a regex.
 * The ordinal class is greedy and neither `是` nor a closing bracket is an ordinal, so only the
 * longest run of at most 3 ordinals can be followed by them.
 */
export function leadMarkLength(text: string): number {
  const n = text.length;
  const c0 = text.charCodeAt(0);
  const bracket = c0 === 0xff08 || c0 === 0x28;
  if (!bracket && !isOrdinalChar(c0)) return 0;
  const s = bracket ? 1 : 0;
  let i = s;
  while (i - s < 3 && i < n && isOrdinalChar(text.charCodeAt(i))) i++;
  if (i === s || i >= n) return 0;
  const c = text.charCodeAt(i);
  if (bracket) return c === 0xff09 || c === 0x29 ? i + 1 : 0;
  return c === 0x662f /* 是 */ ? i + 1 : 0;
}

/** First characters of RE_PLAN_LEAD, RE_SUBJECT_WILL and RE_YEAR_LEAD. */
const PLAN_FIRST = new Set([...'下今明来新接我全12'].map((c) => c.charCodeAt(0)));

/**
 * Does the sentence open on plans? `narrow` (for inferring a plans part from closing paragraphs)
 * takes only explicit leads (`下一步`, `今后`, `明年`, the next year); the broad reading also takes
 * `我局将继续……`.
 */
export function isPlanSentence(text: string, reportYear?: number, narrow = false): boolean {
  // `一是`, `（一）` before the sentence proper
  const lead = leadMarkLength(text);
  const t = lead > 0 ? text.slice(lead) : text;
  // every reading opens on one of these characters
  if (!PLAN_FIRST.has(t.charCodeAt(0))) return false;
  if (RE_PLAN_LEAD.test(t)) return true;
  if (!narrow && RE_SUBJECT_WILL.test(t)) return true;
  // RE_YEAR_LEAD is anchored and its year is the first four characters: a test, no match object
  if (!RE_YEAR_LEAD.test(t) || !RE_FUTURE_WORD.test(t)) return false;
  return reportYear === undefined ? !narrow : Number(t.slice(0, 4)) === reportYear + 1;
}

/** `但……仍……存在……不足`: the steps of a closing problems sentence and the gaps allowed between them. */
const PROBLEM_STEPS = [/但|然而|同时/g, /仍|还|也|依然|仍然/g, /存在|有/g, /不足|问题|短板|差距|薄弱/g];
const PROBLEM_GAPS = [40, 30, 40];
/** `还存在……等不足`, `仍面临……困难`. */
const STATEMENT_STEPS = [/还|仍|也|依然|仍然/g, /存在|面临/g, /不足|问题|短板|差距|薄弱|困难|弱项/g];
const STATEMENT_GAPS = [4, 24];

/** A sentence that admits shortcomings, as closing paragraphs do. `loose` also takes `仍存在……不足` without `但`. */
export function isProblemSentence(text: string, loose = false): boolean {
  return inSequence(text, PROBLEM_STEPS, PROBLEM_GAPS) || (loose && inSequence(text, STATEMENT_STEPS, STATEMENT_GAPS));
}
