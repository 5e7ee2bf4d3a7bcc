import { defineRule } from '../define';
import { sentenceHasFigure, stringList, wordsMatcher, nextWord, inHeadingTitle } from './util';

/** Claims of progress that say nothing measurable unless a figure stands beside them. */
export const VAGUE_WORDS: readonly string[] = [
  '大幅提升', '大幅提高', '大幅增长', '大幅增加', '大幅下降', '大幅减少',
  '显著提升', '显著提高', '显著增强', '显著改善', '显著下降',
  '明显提升', '明显提高', '明显增强', '明显改善', '明显下降', '明显减少',
  '稳步提升', '稳步提高', '稳步增长',
  '不断提升', '不断提高', '不断增强',
  '成效显著', '成效明显', '效果显著', '效果明显', '成绩显著', '明显成效', '显著成效',
  '全面加强', '全面提升', '持续向好', '日益完善', '日趋完善', '日趋成熟',
];

/** A verb-like claim (`…提升`) says something only at the end of its clause (`满意度大幅提升。`);
 * followed by an object (`不断提高办案质量`) it describes an effort, not a result. */
const VERB_END = /(?:提升|提高|增强|改善|增长|增加|下降|减少|加强)$/;
const CLAUSE_END_AFTER = /^了?(?:[，。；！？,;!?、）)”’]|$)/;

/**
 * metrics/vague-claim: a claim of progress (`大幅提升`, `成效显著` …) in a sentence with no figure,
 * in the parts that report results (measures, leadership). Headings are summaries and are skipped.
 */
export default defineRule(
  {
    id: 'metrics/vague-claim',
    severity: 'info',
    description: '成效表述缺少数据支撑（如“大幅提升”）',
    descriptionEn: 'A claim of progress with no figure',
    defaultOptions: { words: VAGUE_WORDS, extraWords: [] },
  },
  (ctx) => {
    const { doc } = ctx;
    const words = [...stringList(ctx.options.words, VAGUE_WORDS), ...stringList(ctx.options.extraWords, [])];
    const parts = doc.parts.filter((p) => p.kind === 'measures' || p.kind === 'leadership').sort((a, b) => a.start - b.start);
    const matcher = wordsMatcher(words);
    if (!parts.length || !matcher) return;
    const sentences = doc.sentences;
    let k = 0;
    const hit = { word: '' };
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      // parts are ordered by start: skip the ones that end before this sentence
      while (k < parts.length && parts[k].end <= s.start) k++;
      let inPart = false;
      for (let j = k; j < parts.length && parts[j].start <= s.start; j++) {
        if (s.start >= parts[j].start && s.end <= parts[j].end) {
          inPart = true;
          break;
        }
      }
      if (!inPart) continue;
      // the sentence is read in place in its paragraph's text
      const p = s.paragraph;
      const t = p.text;
      let at = nextWord(matcher, t, s.from, s.to, hit);
      if (at < 0 || sentenceHasFigure(s)) continue;
      for (; at >= 0; at = nextWord(matcher, t, at + hit.word.length, s.to, hit)) {
        const word = hit.word;
        const after = at + word.length;
        if (inHeadingTitle(p, at)) continue;
        if (VERB_END.test(word) && !CLAUSE_END_AFTER.test(t.slice(after, Math.min(after + 2, s.to)))) continue;
        const start = p.map[at];
        const end = p.map[after - 1] + 1;
        ctx.report({
          start,
          end,
          message: `“${word}”没有数据支撑：所在句子没有任何具体数字。建议写明变化前后的数量或比率（如“由××件增至××件”）。`,
          data: { word },
        });
      }
    }
  },
);
