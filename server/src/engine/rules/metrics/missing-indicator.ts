import { defineRule } from '../define';
import type { Paragraph, ReportDocument, Sentence } from '../../document';
import type { Indicator } from '../../profile';
import { headingSpan, isTownship, issuerKind, sentenceHasFigure, stringList } from './util';

/** Where findings about the whole measures part go: its heading, else the title, else line 1. */
function anchor(doc: ReportDocument): { start: number; end: number } {
  for (const p of doc.parts) {
    if (p.kind !== 'measures') continue;
    const at = headingSpan(p);
    if (at) return at;
  }
  if (doc.title) return { start: doc.title.start, end: doc.title.end };
  const p = doc.paragraphs[0];
  if (!p) return { start: 0, end: 0 };
  return { start: p.start, end: Math.min(p.end, doc.lines.lineEnd(p.firstLine)) };
}

/**
 * The body paragraphs that have sentences, joined by a line break (which no paragraph contains),
 * with the offset of each paragraph in the joined text and the range of its sentences: a term is
 * then searched once over the whole body, not once per paragraph.
 */
interface Body {
  text: string;
  paragraphs: Paragraph[];
  /** Is the paragraph in the plans part? */
  plan: boolean[];
  /** Is the paragraph in the problems part (a shortfall named there is no claim of work done)? */
  problem: boolean[];
  offsets: number[];
  first: number[];
  count: number[];
}

function joinBody(doc: ReportDocument): Body {
  // the plans part names next year's work: a figure or a mention there is not this year's
  const plan: boolean[] = [];
  const plans = doc.parts.filter((p) => p.kind === 'plans');
  const inPlans = (p: Paragraph): boolean => plans.some((s) => p.start >= s.start && p.end <= s.end);
  const problem: boolean[] = [];
  const problems = doc.parts.filter((p) => p.kind === 'problems');
  const inProblems = (p: Paragraph): boolean => problems.some((s) => p.start >= s.start && p.end <= s.end);
  const paragraphs: Paragraph[] = [];
  const offsets: number[] = [];
  const first: number[] = [];
  const count: number[] = [];
  const texts: string[] = [];
  let at = 0;
  const list = doc.sentences;
  for (let i = 0; i < list.length; ) {
    const p = list[i].paragraph;
    let j = i + 1;
    while (j < list.length && list[j].paragraph === p) j++;
    paragraphs.push(p);
    plan.push(plans.length > 0 && inPlans(p));
    problem.push(problems.length > 0 && inProblems(p));
    offsets.push(at);
    first.push(i);
    count.push(j - i);
    texts.push(p.text);
    at += p.text.length + 1;
    i = j;
  }
  return { text: texts.join('\n'), paragraphs, plan, problem, offsets, first, count };
}

/** Index of the last entry of `xs` (ascending) that is ≤ at. */
function lastAtOrBefore(xs: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many sentences after a lead sentence may hold its figures. */
const LEAD_REACH = 3;

/**
 * Is sentences[i] a short lead of an item (“2. 落实执法‘三项制度’。”) whose figures follow in one of
 * the next few sentences of the same paragraph (“（1）……；（2）……；（3）法制审核率达到100%。”)?
 */
function leadWithFigures(sentences: readonly Sentence[], i: number, end: number): boolean {
  const s = sentences[i];
  if (s.to - s.from > 20) return false;
  for (let j = i + 1; j < end && j <= i + LEAD_REACH; j++) if (sentenceHasFigure(sentences[j])) return true;
  return false;
}

/** How each indicator appears in the report: given (term + figure), only mentioned, or absent. */
function survey(doc: ReportDocument, indicators: Indicator[]): Map<Indicator, 'given' | 'mentioned'> {
  const out = new Map<Indicator, 'given' | 'mentioned'>();
  let body: Body | undefined;
  for (const ind of indicators) {
    const terms = ind.terms.filter((t) => t.length > 0);
    if (!terms.length) {
      out.set(ind, 'given');
      continue;
    }
    body ??= joinBody(doc);
    const { text, paragraphs, plan, problem, offsets, first, count } = body;
    search: for (const term of terms) {
      // a term cannot span two paragraphs
      if (term.includes('\n')) continue;
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        const k = lastAtOrBefore(offsets, at);
        // a target in the plans part gives no figure of this year (a bare mention still counts
        // for an indicator that asks for no figure)
        if (plan[k] && ind.figure !== false) continue;
        const local = at - offsets[k];
        // the sentence of the paragraph that holds the term
        const sentences = doc.sentences;
        let lo = first[k];
        let hi = first[k] + count[k];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sentences[mid].to <= local) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= first[k] + count[k]) continue;
        const s = sentences[lo];
        if (s.paragraph !== paragraphs[k] || !(s.from <= local && local + term.length <= s.to)) continue;
        if (ind.figure === false || sentenceHasFigure(s) || leadWithFigures(sentences, lo, first[k] + count[k])) {
          out.set(ind, 'given');
          break search;
        }
        // a shortfall (“执法人员数量不足”) in the problems part does not say the work was done
        if (!problem[k]) out.set(ind, 'mentioned');
      }
    }
  }
  return out;
}

/**
 * metrics/missing-indicator: a core indicator of the profile (出庭应诉率, 行政复议, …) that the
 * report never gives with a figure. One finding per indicator, on the measures part's heading.
 * Indicators scoped `government` are not expected of a department's report (…局), nor any
 * indicator such a report never mentions (a department reports on its own functions).
 */
export default defineRule(
  {
    id: 'metrics/missing-indicator',
    severity: 'warning',
    description: '报告未给出配置要求的核心指标',
    descriptionEn: 'A core indicator the profile expects is missing',
    defaultOptions: { ignore: [] },
  },
  (ctx) => {
    const { doc, profile } = ctx;
    const indicators = profile.indicators ?? [];
    if (!indicators.length) return;
    // Not a report at all (a news feature): nothing to expect.
    if (!doc.title && !doc.parts.some((p) => p.heading)) return;
    const ignore = new Set(stringList(ctx.options.ignore, []));
    const issuer = issuerKind(doc);
    // a 乡镇/街道 reports on the functions it has (no 行政复议, no 法律援助 of its own)
    const ownOnly = issuer === 'department' || isTownship(doc);
    const at = anchor(doc);
    const seen = survey(doc, indicators);
    for (const ind of indicators) {
      if (ignore.has(ind.id) || ignore.has(ind.name)) continue;
      if (ind.scope === 'government' && issuer === 'department') continue;
      const state = seen.get(ind);
      if (state === 'given') continue;
      const mentioned = state === 'mentioned';
      // a department reports on its own functions: an indicator it never mentions is not its own
      if (!mentioned && ownOnly) continue;
      ctx.report({
        ...at,
        message: mentioned
          ? `报告提到了“${ind.name}”，但没有给出相应的数据。核心指标应写明本年度的具体数字（配置：${profile.name}）。`
          : `报告没有给出核心指标“${ind.name}”。审核时通常要求写明本年度的具体数字（配置：${profile.name}）。`,
        data: { indicator: ind.id, name: ind.name, profile: profile.name, mentioned },
      });
    }
  },
);
