import { defineRule } from '../define';
import type { Paragraph, ReportDocument, Sentence } from '../../document';
import type { Indicator } from '../../profile';
import { headingSpan, issuerKind, sentenceHasFigure, stringList } from './util';

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

/** How each indicator appears in the report: given (term + figure), only mentioned, or absent. */
function survey(doc: ReportDocument, indicators: Indicator[]): Map<Indicator, 'given' | 'mentioned'> {
  const out = new Map<Indicator, 'given' | 'mentioned'>();
  // the sentences of each paragraph, in order
  const byParagraph = new Map<Paragraph, Sentence[]>();
  for (const s of doc.sentences) {
    const list = byParagraph.get(s.paragraph);
    if (list) list.push(s);
    else byParagraph.set(s.paragraph, [s]);
  }
  for (const ind of indicators) {
    const terms = ind.terms.filter((t) => t.length > 0);
    if (!terms.length) {
      out.set(ind, 'given');
      continue;
    }
    search: for (const [p, sentences] of byParagraph) {
      for (const term of terms) {
        let at = p.text.indexOf(term);
        let k = 0;
        while (at >= 0) {
          while (k < sentences.length && sentences[k].to <= at) k++;
          const s = sentences[k];
          if (!s) break;
          if (s.from <= at && at + term.length <= s.to) {
            if (ind.figure === false || sentenceHasFigure(s)) {
              out.set(ind, 'given');
              break search;
            }
            out.set(ind, 'mentioned');
          }
          at = p.text.indexOf(term, at + 1);
        }
      }
    }
  }
  return out;
}

/**
 * metrics/missing-indicator: a core indicator of the profile (出庭应诉率, 行政复议, …) that the
 * report never gives with a figure. One finding per indicator, on the measures part's heading.
 * Indicators scoped `government` are not expected of a department's report (…局).
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
    const at = anchor(doc);
    const seen = survey(doc, indicators);
    for (const ind of indicators) {
      if (ignore.has(ind.id) || ignore.has(ind.name)) continue;
      if (ind.scope === 'government' && issuer === 'department') continue;
      const state = seen.get(ind);
      if (state === 'given') continue;
      const mentioned = state === 'mentioned';
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
