import { defineRule } from '../define';
import type { Enumeration, Paragraph, ReportDocument } from '../../document';
import { toChineseOrdinal } from '../../numerals';

const SENTENCE_END = new Set(['。', '；', ';', '！', '？', '!', '?']);
/** `是否`, `是非`, `是以`… begin sentences without being a lost ordinal. */
const NOT_ITEM_AFTER = new Set(['否', '非', '以', '年', '日', '时', '故', '的', '由', '为', '在', '要', '指']);
const ITEM_HEAD_END = /[。；;，,：:！？!?]/;

interface Pos {
  paragraph: number;
  logical: number;
}

/** A `是` starting a sentence where an ordinal was lost (`……满意度。是深化行政执法体制改革。`), between two places. */
function lostOrdinal(doc: ReportDocument, from: Pos, to: Pos): { p: Paragraph; at: number } | undefined {
  for (let i = from.paragraph; i <= to.paragraph && i < doc.paragraphs.length; i++) {
    const p = doc.paragraphs[i];
    const t = p.text;
    const lo = i === from.paragraph ? from.logical : 0;
    const hi = i === to.paragraph ? to.logical : t.length;
    for (let k = t.indexOf('是', lo); k >= 0 && k < hi; k = t.indexOf('是', k + 1)) {
      const startOfSentence = k === 0 ? !p.heading : SENTENCE_END.has(t[k - 1]);
      if (!startOfSentence || NOT_ITEM_AFTER.has(t[k + 1] ?? '')) continue;
      return { p, at: k };
    }
  }
  return undefined;
}

export default defineRule(
  {
    id: 'numbering/enumeration',
    severity: 'warning',
    description: '“一是……二是……”列举跳号或缺少序数',
    descriptionEn: 'An enumeration with a gap or a lost ordinal',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    let prev: Enumeration | undefined;
    const report = (e: Enumeration, expected: number, kind: 'start' | 'gap', from: Pos): void => {
      const lost = lostOrdinal(doc, from, { paragraph: e.paragraph.index, logical: e.logicalStart });
      const want = toChineseOrdinal(expected);
      if (lost) {
        const rest = lost.p.text.slice(lost.at);
        const cut = rest.search(ITEM_HEAD_END);
        const len = Math.min(cut > 0 ? cut : rest.length, 24);
        const r = { start: lost.p.map[lost.at], end: lost.p.map[lost.at + len - 1] + 1 };
        const head = rest.slice(0, len);
        ctx.report({
          ...r,
          message: `列举项“${head}”缺少序数，应为“${want}${head}”（后面是“${e.marker}”）。`,
          data: { kind: 'lost', expected, next: e.ordinal, marker: `${want}是` },
          fix: { title: `补上“${want}”`, edits: [{ start: r.start, end: r.start, text: want }] },
        });
        return;
      }
      ctx.report({
        start: e.start,
        end: e.end,
        message: kind === 'start'
          ? `列举从“${e.marker}”开始，缺少“${want}是”。`
          : `列举“${prev!.marker}”之后是“${e.marker}”，缺少“${want}是”。`,
        data: { kind, expected, found: e.ordinal, previous: kind === 'gap' ? prev!.ordinal : undefined },
      });
    };
    for (const e of doc.enumerations) {
      const sameScope = prev && prev.section === e.section;
      if (!sameScope || e.ordinal === 1) {
        if (e.ordinal !== 1) {
          // a lost `是` is looked for from the start of the section (or of the paragraph when there is none)
          const startPara = e.section?.heading?.paragraph.index ?? e.paragraph.index;
          report(e, 1, 'start', { paragraph: startPara, logical: 0 });
        }
      } else if (e.ordinal === prev!.ordinal) {
        ctx.report({
          start: e.start,
          end: e.end,
          message: `列举“${e.marker}”重复，应为“${toChineseOrdinal(prev!.ordinal + 1)}是”。`,
          data: { kind: 'repeat', expected: prev!.ordinal + 1, found: e.ordinal },
        });
      } else if (e.ordinal > prev!.ordinal + 1) {
        report(e, prev!.ordinal + 1, 'gap', { paragraph: prev!.paragraph.index, logical: prev!.logicalStart + prev!.marker.length });
      } else if (e.ordinal < prev!.ordinal) {
        ctx.report({
          start: e.start,
          end: e.end,
          message: `列举“${prev!.marker}”之后是“${e.marker}”，顺序颠倒。`,
          data: { kind: 'order', expected: prev!.ordinal + 1, found: e.ordinal },
        });
      }
      prev = e;
    }
  },
);
