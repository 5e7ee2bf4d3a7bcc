import { defineRule } from '../define';
import type { Paragraph, Section } from '../../document';
import type { ReportInput } from '../../types';
import { markerFor, numbered, siblingGroups } from './util';

const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级'];
const MAX_PER_GROUP = 100;
/** A paragraph whose first sentence reads like an item heading that lost its marker. */
const RE_HEADING_LIKE = /^[^。；;，,！？\d]{2,18}[，,][^。；;，,！？]{2,18}。/;
/** A short line with no sentence punctuation may be a heading the outline could not read. */
const RE_BARE_LINE = /^[^。；;，,！？!?]{1,30}$/;

/** The paragraph just before `first` inside `parent` that looks like the lost first item. */
function lostFirstItem(parent: Section | undefined, first: Section): Paragraph | undefined {
  if (!parent) return undefined;
  let found: Paragraph | undefined;
  for (const p of parent.paragraphs) {
    if (p.start >= first.start) break;
    if (p === parent.heading?.paragraph || p.heading) continue;
    found = RE_HEADING_LIKE.test(p.text) ? p : undefined;
  }
  return found;
}

export default defineRule(
  {
    id: 'numbering/sequence',
    severity: 'warning',
    description: '编号跳号、重号或起始错误',
    descriptionEn: 'A numbering gap, repeat or wrong restart',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    for (const group of siblingGroups(doc)) {
      const items = group.filter((s) => numbered(s.heading));
      // a Markdown ordered list written `1. … 1. … 1.` is numbered by the renderer
      if (items.length > 1 && items.every((s) => s.heading!.level === 3 && s.heading!.ordinal === 1 && / |\t/.test(doc.text[s.heading!.markerEnd] ?? ''))) continue;
      let prev: Section | undefined;
      let prevOrdinal = 0;
      let reported = 0;
      const report = (f: ReportInput): void => {
        reported++;
        ctx.report(f);
      };
      for (const sec of items) {
        // a pathological list (thousands of repeated markers) is not worth thousands of findings
        if (reported >= MAX_PER_GROUP) break;
        const h = sec.heading!;
        const ordinal = h.malformed ? prevOrdinal + 1 : h.ordinal;
        // in order, as most are: nothing to report (and nothing to build)
        if (prev && ordinal === prevOrdinal + 1) {
          prev = sec;
          prevOrdinal = ordinal;
          continue;
        }
        const at = { start: h.markerStart, end: h.markerEnd };
        const style = h.brackets === 'half' ? 'half' : 'full';
        const level = LEVEL_NAMES[h.level];
        const base = { level: h.level, found: ordinal, marker: h.marker };
        if (!prev) {
          if (ordinal !== 1 && !h.malformed) {
            const expected = markerFor(h.level, 1, style);
            const lost = lostFirstItem(sec.parent, sec);
            const headText = lost ? lost.text.slice(0, lost.text.indexOf('。')) : undefined;
            report({
              ...at,
              message: lost
                ? `本部分第一个${level}标题编号为“${h.marker}”，缺少“${expected}”；前面的“${headText}”一段似乎就是“${expected}”。`
                : `本部分第一个${level}标题编号为“${h.marker}”，应从“${expected}”开始。`,
              data: { ...base, kind: 'start', expected: 1, expectedMarker: expected, ...(lost ? { lostAt: lost.start, lostText: headText } : {}) },
              ...(lost ? { fix: { title: `在“${headText}”前补上“${expected}”`, edits: [{ start: lost.start, end: lost.start, text: expected }] } } : {}),
            });
          }
        } else if (ordinal === prevOrdinal) {
          report({
            ...at,
            message: `${level}标题编号“${h.marker}”与上一个编号重复，应为“${markerFor(h.level, prevOrdinal + 1, style)}”。`,
            data: { ...base, kind: 'repeat', expected: prevOrdinal + 1, previous: prevOrdinal },
          });
        } else if (ordinal > prevOrdinal + 1) {
          const missing: string[] = [];
          for (let k = prevOrdinal + 1; k < ordinal && missing.length < 5; k++) missing.push(markerFor(h.level, k, style));
          report({
            ...at,
            message: `${level}标题编号“${prev.heading!.marker}”之后是“${h.marker}”，缺少“${missing.join('”“')}”。`,
            data: { ...base, kind: 'gap', expected: prevOrdinal + 1, previous: prevOrdinal, missing },
          });
        } else if (ordinal < prevOrdinal) {
          // a restart at 1 after a heading the outline could not read (`第三部分`) is not an error here
          const between = doc.paragraphs.slice(prev.paragraphs[0].index + 1, h.paragraph.index);
          const unreadHeading = ordinal === 1 && between.some((p) => RE_BARE_LINE.test(p.text));
          if (!unreadHeading) {
            report({
              ...at,
              message: ordinal === 1
                ? `${level}标题编号在“${prev.heading!.marker}”之后又从“${h.marker}”开始，可能缺少上一级标题，或编号有误。`
                : `${level}标题编号“${prev.heading!.marker}”之后是“${h.marker}”，顺序颠倒。`,
              data: { ...base, kind: ordinal === 1 ? 'restart' : 'order', expected: prevOrdinal + 1, previous: prevOrdinal },
            });
          }
        }
        prev = sec;
        prevOrdinal = ordinal;
      }
    }
  },
);
