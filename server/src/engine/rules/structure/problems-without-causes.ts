import { defineRule } from '../define';
import { partAnchor, partLabel, sentencesStartingIn } from './util';
import { inSequence } from '../../text';

/** Words that name or introduce a cause. */
const CAUSE_WORDS = ['原因', '由于', '主要是', '究其', '根源', '根子', '症结', '在于', '因为', '因而', '因此', '导致', '造成', '致使', '以致', '所致', '源于', '缘于', '归因', '鉴于', '加之', '制约', '客观上', '主观上'];
/** `受……影响`, `受编制所限`. */
const RE_AFFECTED = /受[^。；，,]{0,12}(?:影响|限制|制约|所限)/;
const ASPECTS = [/一方面/g, /另一方面/g];

/** A heading about causes only (`存在问题的原因`, `原因分析`), not `问题和原因`. */
const RE_CAUSE_HEADING = /^(?:存在)?(?:问题|不足)?(?:产生)?的?原因(?:分析)?$|^原因/;

function namesCause(text: string): boolean {
  return CAUSE_WORDS.some((w) => text.includes(w)) || RE_AFFECTED.test(text) || inSequence(text, ASPECTS, [80]);
}

export default defineRule(
  {
    id: 'structure/problems-without-causes',
    severity: 'warning',
    description: '“存在的问题”部分没有分析原因',
    descriptionEn: 'The problems part names no cause',
  },
  (ctx) => {
    const { doc } = ctx;
    const problems = doc.parts.filter((p) => p.kind === 'problems');
    if (!problems.length) return;
    // causes may be a part of their own (`三、存在问题的原因`, `原因分析`)
    if (doc.parts.some((p) => p.kind !== 'problems' && p.heading && /原因/.test(p.heading.title))) return;
    if (problems.some((p) => p.heading && RE_CAUSE_HEADING.test(p.heading.title))) return;
    // the sentences of each part, its own heading excluded (an inferred part may share a paragraph);
    // the body only: a heading `存在的不足和原因` promises causes, it does not give them
    let allEmpty = true;
    for (const part of problems) {
      const h = part.heading;
      const body = sentencesStartingIn(doc, part.start, part.end)
        .filter((x) => !(h && x.paragraph === h.paragraph && x.from < h.logicalEnd))
        .map((x) => x.text)
        .join('\n');
      // one part naming a cause is enough: the others need not be read
      if (namesCause(body)) return;
      if (body.trim()) allEmpty = false;
    }
    if (allEmpty) return;
    const part = problems[0];
    ctx.report({
      ...partAnchor(doc, part),
      message: `“${partLabel(doc, part, '存在的问题')}”只列出问题，没有分析原因。规定内容为“存在的不足和原因”，请说明问题产生的原因（如“主要原因是……”“由于……”）。`,
      data: { part: 'problems', heading: part.heading?.title },
    });
  },
);
