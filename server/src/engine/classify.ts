/** Classifies a report's top-level parts as the prescribed parts. */

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

const LEADERSHIP = /第一责任人|主要负责人.{0,12}(?:职责|履职)|履行.{0,12}法治建设.{0,6}职责/;
const PROBLEMS = /^(?:存在的?|面临的?|当前|目前|工作中(?:存在的?)?|主要|突出)?(?:主要|突出)?(?:的)?(?:问题|不足|短板|困难|差距|薄弱环节)|(?:问题|不足|短板|差距|困难)(?:和|及|与|、)?(?:原因|不足|短板|差距|问题|困难|薄弱环节)?(?:分析)?$/;
const PLANS = /(?:下一步|下一年度?|下步|明年|今后|来年|新的一年|(?:19|20)\d{2}\s*年(?:度)?).{0,16}(?:计划|安排|打算|思路|重点|举措|目标|任务|展望|工作)$|^(?:工作)?(?:计划|安排|打算|思路|展望)$|(?:工作(?:计划|安排|打算|思路|重点))$/;
const MEASURES = /举措|成效|做法|进展|成绩|工作开展情况|推进法治政府建设(?:的)?(?:情况|工作)|工作完成情况|主要工作|工作情况|开展情况|完成情况|建设情况|基本情况|取得的/;

/**
 * The part a heading names, or undefined when the heading is thematic (`强化组织领导，夯实法治基础`).
 * `reportYear` lets `2025年工作安排` be read as the plan of a 2024 report.
 */
export function classifyPartHeading(heading: string, reportYear?: number): PartKind | undefined {
  const h = heading.replace(/[\s*_#]/g, '').replace(/[。：:]$/, '');
  if (!h) return undefined;
  if (LEADERSHIP.test(h) && !/举措|成效/.test(h)) return 'leadership';
  const rest = h.replace(YEAR_PREFIX, '');
  if (PROBLEMS.test(rest) && rest.length <= 24) return 'problems';
  if (PLANS.test(h) && h.length <= 30) {
    const y = /((?:19|20)\d{2})\s*年/.exec(h);
    // `2024年工作计划` in a 2024 report with no other sign of the future is still a plan heading
    if (!y || reportYear === undefined || Number(y[1]) >= reportYear) return 'plans';
    if (/计划|安排|打算|思路/.test(h)) return 'plans';
  }
  if (MEASURES.test(h)) return 'measures';
  if (/计划|安排|打算/.test(h) && h.length <= 16) return 'plans';
  return undefined;
}

const FUTURE = /下一步|将(?:进一步|继续|持续|着力|不断|全面|加快|深入|坚持|把|以|在|围绕|紧扣|聚焦|强化|加强)|要(?:进一步|继续|持续)|计划|拟|力争|着力(?:抓好|推进)/g;
const PAST = /了|已|完成|累计|共计?|达到?|同比|实现|取得|开展|组织|办理|审结|受理|印发|出台|举办|建成|培训|化解/g;
const PROBLEM_WORDS = /不足|问题|短板|差距|薄弱|不到位|有待|不够|不强|不高|欠缺|滞后|仍需|尚需|还需/g;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Infers the kind of a thematic part from its text. */
export function inferPartKind(text: string): PartKind {
  const len = Math.max(1, text.length);
  const future = count(FUTURE, text);
  const past = count(PAST, text);
  const problems = count(PROBLEM_WORDS, text);
  const digits = (text.match(/\d+/g) ?? []).length;
  if (problems * 40 > len && problems > past) return 'problems';
  if (future > past && digits * 200 < len) return 'plans';
  if (past + digits > 0) return 'measures';
  return 'other';
}
