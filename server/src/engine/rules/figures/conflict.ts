import { defineRule } from '../define';
import type { Quantity } from '../../figures/quantities';
import type { Paragraph, Section, Sentence } from '../../document';
import { figuresOf as figuresOfImported } from '../../figures/quantities';
import { labelBefore as labelBeforeImported, rateWordBefore as rateWordBeforeImported, stripModifiers as stripModifiersImported } from '../../figures/context';
import { sentencesOf as sentencesOfImported, sentenceIndexAt as sentenceIndexAtImported } from '../../figures/ratios';
import { isClauseMark as isClauseMarkImported } from '../../text';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const labelBefore: typeof labelBeforeImported = labelBeforeImported;
const rateWordBefore: typeof rateWordBeforeImported = rateWordBeforeImported;
const stripModifiers: typeof stripModifiersImported = stripModifiersImported;
const sentencesOf: typeof sentencesOfImported = sentencesOfImported;
const sentenceIndexAt: typeof sentenceIndexAtImported = sentenceIndexAtImported;
const isClauseMark: typeof isClauseMarkImported = isClauseMarkImported;

const RE_SPACES = /\s+/g;

/**
 * One indicator given two different values in one report (the same 行政机关负责人出庭应诉率 stated
 * as 100% in one place and 61% in another). Only rates named specifically are compared (a bare
 * `办结率` or `出庭应诉率` may be of different things), never two values of one sentence, nothing in
 * the plans part, and never a value stated for another year, in a comparison, as a target, or for
 * a sub-scope (一审, 市本级, 乡镇, 其中 …).
 */
/** Comparison words anywhere in the sentence. */
const RE_COMPARISON = /上年|去年|上一年|前年|同期|同比|环比|较|比上|历年|以来|累计|上半年|下半年|季度|年初|年中|月份|高于|低于|全省|全国/;
/** Change and target words in the figure's clause. */
const RE_CLAUSE_CHANGE = /由|从|增长|增加|提高|提升|上升|下降|降低|减少|目标|力争|确保|争取|计划|预计|将|要求|不低于|不少于|以上|以下|考核|标准|平均|今年|明年|力求|预期/;
/** Sub-scopes stated before the rate in its sentence. */
const RE_SUBSCOPE = /一审|二审|再审|本级|县级|市级|乡级|乡镇|街道|部门|系统|其中|分别|城区|农村|[县区市州]直|试点|重点|部分|个别|一些|少数|有的/;
const RE_SCOPE = /^(?:全市|全州|全区|全县|全省|全盟|全旗|我市|我州|我区|我县|我省)/;
const RE_YEAR = /((?:19|20)\d{2})\s*年/g;
/** Manner words that do not say whose rate it is (`按时办结率` of a hotline, of proposals, of petitions …). */
const RE_MANNER = /^(?:按时|按期|及时|限时|一次性|首次|当场|即时|总体|综合|整体|平均|全年|当年|年度|群众|办件|办事)+/;

interface Seen {
  q: Quantity;
  sentence: Sentence;
  line: number;
}

/** Does the text speak of a year other than the report's? */
function otherYear(text: string, reportYear: number | undefined): boolean {
  RE_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_YEAR.exec(text))) if (reportYear === undefined || Number(m[1]) !== reportYear) return true;
  return false;
}

/** The figure's clause: from the previous to the next clause boundary. */
function clauseOf(q: Quantity, s: Sentence): string {
  const t = q.paragraph.text;
  const lo = Math.max(s.from, q.from - 100);
  const hi = Math.min(s.to, q.to + 100);
  let a = q.from;
  while (a > lo && !isClauseMark(t.charCodeAt(a - 1))) a--;
  let b = q.to;
  while (b < hi && !isClauseMark(t.charCodeAt(b))) b++;
  return t.slice(a, b);
}

/**
 * Membership in the plans part(s): the paragraphs by their index, checked by identity (no Set of
 * thousands of paragraphs per check); a Set when two plan paragraphs share an index.
 */
function planParagraphTest(parts: readonly Section[]): (p: Paragraph) => boolean {
  // sized once for the highest index (an array grown index by index is copied again and again)
  let top = -1;
  for (const s of parts) {
    if (s.kind !== 'plans') continue;
    for (const x of s.paragraphs) if (x.index > top) top = x.index;
  }
  const byIndex: Array<Paragraph | undefined> = top >= 0 && top < 1 << 24 ? new Array<Paragraph | undefined>(top + 1) : [];
  for (const s of parts) {
    if (s.kind !== 'plans') continue;
    for (const x of s.paragraphs) {
      const known = byIndex[x.index];
      if (known === undefined) byIndex[x.index] = x;
      else if (known !== x) {
        const set = new Set(parts.filter((y) => y.kind === 'plans').flatMap((y) => y.paragraphs));
        return (p) => set.has(p);
      }
    }
  }
  return (p) => byIndex[p.index] === p;
}

export default defineRule(
  {
    id: 'figures/conflict',
    severity: 'warning',
    description: '同一指标在报告中前后数值不一致',
    descriptionEn: 'One indicator given two different values',
    defaultOptions: {},
  },
  (ctx) => {
    const { doc } = ctx;
    const isPlan = planParagraphTest(doc.parts);
    const first = new Map<string, Seen>();
    const sentenceExcluded = new Map<Sentence, boolean>();
    for (let pi = doc.bodyStart; pi < doc.paragraphs.length; pi++) {
      const p = doc.paragraphs[pi];
      const e = figuresOf(p);
      if (!e.hasPercent || isPlan(p)) continue;
      const qs = e.quantities;
      const sents = sentencesOf(doc, p);
      for (let qi = 0; qi < qs.length; qi++) {
        const q = qs[qi];
        if (q.kind !== 'percent' || q.approx || q.high !== undefined) continue;
        const lb = labelBefore(q);
        const w = rateWordBefore(q);
        if (!w || w.change || w.several || w.form === '占' || lb.raw.includes('分别')) continue;
        // named specifically: with a subject (行政机关负责人…) or at least six characters, not
        // counting manner words that any service's rate may carry (按时办结率, 一次性办结率)
        const key = w.word.replace(RE_SCOPE, '');
        const core = key.replace(RE_MANNER, '');
        if (core.length < 6 && stripModifiers(core.slice(0, -1)) === core.slice(0, -1)) continue;
        const si = sentenceIndexAt(sents, q.from);
        if (si < 0) continue;
        const s = sents[si];
        let excluded = sentenceExcluded.get(s);
        if (excluded === undefined) {
          excluded = RE_COMPARISON.test(s.text) || otherYear(s.text, doc.reportYear);
          sentenceExcluded.set(s, excluded);
        }
        if (excluded) continue;
        if (RE_CLAUSE_CHANGE.test(clauseOf(q, s))) continue;
        if (RE_SUBSCOPE.test(p.text.slice(Math.max(s.from, lb.from - 200), lb.from))) continue;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, { q, sentence: s, line: doc.lines.positionAt(q.start).line + 1 });
          continue;
        }
        if (prev.sentence === s || Math.abs(prev.q.value - q.value) < 1e-9) continue;
        ctx.report({
          start: q.start,
          end: q.end,
          message: `“${key}”在第${prev.line}行为${prev.q.raw.replace(RE_SPACES, '')}，此处为${q.raw.replace(RE_SPACES, '')}：同一指标前后数值不一致，请核对并统一。`,
          data: {
            indicator: key,
            values: [prev.q.value, q.value],
            first: { start: prev.q.start, end: prev.q.end, value: prev.q.value, line: prev.line },
          },
        });
      }
    }
  },
);
