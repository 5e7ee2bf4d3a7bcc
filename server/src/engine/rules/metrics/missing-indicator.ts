import { defineRule } from '../define';
import type { Paragraph, ReportDocument, Sentence } from '../../document';
import type { Indicator } from '../../profile';
import { Cover, covers, coverOf, headingSpan, isTownship, issuerKind, sentenceHasFigure, stringList } from './util';

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
 * The body paragraphs that have sentences, in order, with the range of their sentences. A term is
 * searched paragraph by paragraph (it cannot span two of them) and the search mostly stops at the
 * first paragraphs: the body text is not joined.
 */
interface Body {
  paragraphs: Paragraph[];
  first: number[];
  count: number[];
  /** The plans part names next year's work: a figure or a mention there is not this year's. */
  plans: Cover;
  /** A shortfall named in the problems part is no claim of work done. */
  problems: Cover;
}

function bodyOf(doc: ReportDocument): Body {
  const paragraphs: Paragraph[] = [];
  const first: number[] = [];
  const count: number[] = [];
  const list = doc.sentences;
  for (let i = 0; i < list.length; ) {
    const p = list[i].paragraph;
    let j = i + 1;
    while (j < list.length && list[j].paragraph === p) j++;
    paragraphs.push(p);
    first.push(i);
    count.push(j - i);
    i = j;
  }
  return {
    paragraphs,
    first,
    count,
    plans: coverOf(doc.parts.filter((p) => p.kind === 'plans')),
    problems: coverOf(doc.parts.filter((p) => p.kind === 'problems')),
  };
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
    body ??= bodyOf(doc);
    const { paragraphs, first, count } = body;
    const sentences = doc.sentences;
    search: for (const term of terms) {
      // a term cannot span two paragraphs
      if (term.includes('\n')) continue;
      for (let k = 0; k < paragraphs.length; k++) {
        const p = paragraphs[k];
        const t = p.text;
        for (let local = t.indexOf(term); local >= 0; local = t.indexOf(term, local + 1)) {
          // a target in the plans part gives no figure of this year (a bare mention still counts
          // for an indicator that asks for no figure)
          if (ind.figure !== false && covers(body.plans, p.start, p.end)) continue;
          // the sentence of the paragraph that holds the term
          let lo = first[k];
          let hi = first[k] + count[k];
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (sentences[mid].to <= local) lo = mid + 1;
            else hi = mid;
          }
          if (lo >= first[k] + count[k]) continue;
          const s = sentences[lo];
          if (s.paragraph !== p || !(s.from <= local && local + term.length <= s.to)) continue;
          if (ind.figure === false || sentenceHasFigure(s) || leadWithFigures(sentences, lo, first[k] + count[k])) {
            out.set(ind, 'given');
            break search;
          }
          // a shortfall (“执法人员数量不足”) in the problems part does not say the work was done
          if (!covers(body.problems, p.start, p.end)) out.set(ind, 'mentioned');
        }
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
