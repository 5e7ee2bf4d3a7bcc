import { defineRule } from '../define';
import type { Heading } from '../../document';
import { markerFor, siblingGroups } from './util';

/** Punctuation that may follow a bracketed marker by mistake: `（一）、`. */
const AFTER_BRACKET = new Set(['、', '.', '．', '，', ',']);

export default defineRule(
  {
    id: 'numbering/level-style',
    severity: 'warning',
    description: '编号样式不符合 GB/T 9704（如“1、”应为“1.”，“（一）、”多余顿号）',
    descriptionEn: 'Numbering style not as GB/T 9704 prescribes',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    // what a malformed `(-)` stands for: the previous sibling's ordinal + 1
    const meant = new Map<Heading, number>();
    for (const group of siblingGroups(doc)) {
      let prev = 0;
      for (const sec of group) {
        const h = sec.heading!;
        prev = h.malformed ? prev + 1 : h.ordinal;
        if (h.malformed) meant.set(h, prev);
      }
    }
    for (const h of doc.headings) {
      if (h.ordinal <= 0 && !h.malformed) continue;
      const p = h.paragraph;
      const first = p.map.indexOf(h.markerStart);
      if (h.malformed) {
        const want = markerFor(2, meant.get(h) ?? 1, h.brackets === 'half' ? 'half' : 'full');
        const close = h.marker.search(/[）)]/);
        const r = { start: h.markerStart, end: close >= 0 ? p.map[first + close] + 1 : h.markerEnd };
        ctx.report({
          ...r,
          message: `二级标题编号“${ctx.text.slice(r.start, r.end)}”写法有误，应为“${want}”（横线不是汉字“一”）。`,
          data: { kind: 'malformed', level: 2, expected: want },
          fix: { title: `改为“${want}”`, edits: [{ ...r, text: want }] },
        });
        continue;
      }
      if (h.level === 1 && h.delimiter !== '、') {
        const d = delimiterRange(h);
        if (!d) continue;
        ctx.report({
          ...d,
          message: `一级标题编号“${h.marker}”应使用顿号，写作“${markerFor(1, h.ordinal)}”。`,
          data: { kind: 'delimiter', level: 1, found: h.delimiter, expected: '、' },
          fix: { title: '改为“、”', edits: [{ ...d, text: '、' }] },
        });
      } else if (h.level === 3 && (h.delimiter === '、')) {
        const d = delimiterRange(h);
        if (!d) continue;
        ctx.report({
          ...d,
          message: `三级标题编号“${h.marker}”应使用圆点，写作“${markerFor(3, h.ordinal)}”，不用顿号。`,
          data: { kind: 'delimiter', level: 3, found: h.delimiter, expected: '.' },
          fix: { title: '改为“.”', edits: [{ ...d, text: '.' }] },
        });
      } else if (h.level === 2 || h.level === 4) {
        // the character right after the closing bracket
        let i = first;
        while (i < p.text.length && p.text[i] !== ')' && p.text[i] !== '）') i++;
        const after = i + 1;
        if (i < p.text.length && after < p.text.length && AFTER_BRACKET.has(p.text[after])) {
          // `（1）、2` style lists of numbers are not headings; `（一）、` is the case
          const r = { start: p.map[after], end: p.map[after] + 1 };
          const name = h.level === 2 ? '二级' : '四级';
          ctx.report({
            ...r,
            message: `${name}标题编号“${p.text.slice(first, after)}”后不加“${p.text[after]}”。`,
            data: { kind: 'extra-punctuation', level: h.level, found: p.text[after] },
            fix: { title: `删除“${p.text[after]}”`, edits: [{ ...r, text: '' }] },
          });
        }
      }
    }
  },
);

function delimiterRange(h: Heading): { start: number; end: number } | undefined {
  if (!h.delimiter) return undefined;
  const p = h.paragraph;
  const first = p.map.indexOf(h.markerStart);
  const i = first + h.marker.length - 1;
  if (first < 0 || p.text[i] !== h.delimiter) return undefined;
  return { start: p.map[i], end: p.map[i] + 1 };
}
