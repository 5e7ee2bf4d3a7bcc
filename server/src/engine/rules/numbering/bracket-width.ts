import { defineRule } from '../define';
import type { Heading } from '../../document';
import { bracketOffsets } from './util';

const PAIRS = { full: ['（', '）'], half: ['(', ')'] } as const;
const STYLE_NAMES = { full: '全角括号“（）”', half: '半角括号“()”' } as const;

export default defineRule(
  {
    id: 'numbering/bracket-width',
    severity: 'warning',
    description: '同一文档中全角与半角括号编号混用',
    descriptionEn: 'Full- and half-width brackets mixed in numbering',
    fixable: true,
  },
  (ctx) => {
    const bracketed = ctx.doc.headings.filter((h): h is Heading & { brackets: 'full' | 'half' | 'mixed' } => !!h.brackets);
    const counts = { full: 0, half: 0, mixed: 0 };
    for (const h of bracketed) counts[h.brackets]++;
    // one style throughout (even half-width: that is the punctuation rules' business)
    if (counts.mixed === 0 && (counts.full === 0 || counts.half === 0)) return;
    // GB/T 9704 uses full-width brackets: a tie goes to them
    const dominant: 'full' | 'half' = counts.half > counts.full ? 'half' : 'full';
    const [open, close] = PAIRS[dominant];
    // the counts as the findings give them: one copy, shared by all of them
    let shared: typeof counts | undefined;
    for (const h of bracketed) {
      if (h.brackets === dominant) continue;
      const b = bracketOffsets(h);
      if (!b) continue;
      const written = ctx.text.slice(b.open, b.close + 1);
      const want = open + ctx.text.slice(b.open + 1, b.close) + close;
      ctx.report({
        start: b.open,
        end: b.close + 1,
        message: h.brackets === 'mixed'
          ? `编号“${written}”的左右括号一个全角一个半角；本文编号多用${STYLE_NAMES[dominant]}，应为“${want}”。`
          : `编号“${written}”使用${STYLE_NAMES[h.brackets]}，本文其他编号多用${STYLE_NAMES[dominant]}（全角 ${counts.full} 处，半角 ${counts.half} 处），应统一为“${want}”。`,
        data: { dominant, found: h.brackets, counts: (shared ??= { ...counts }), expected: want },
        fix: {
          title: `改为${dominant === 'full' ? '全角' : '半角'}括号“${want}”`,
          // only the brackets that differ from the dominant style
          edits: bracketEdits(ctx.text, b.open, b.close, open, close),
        },
      });
    }
  },
);

/** The edits of the brackets at `o` and `c` that differ from `open` and `close` (one character each). */
function bracketEdits(text: string, o: number, c: number, open: string, close: string): { start: number; end: number; text: string }[] {
  const edits: { start: number; end: number; text: string }[] = [];
  if (text.charCodeAt(o) !== open.charCodeAt(0)) edits.push({ start: o, end: o + 1, text: open });
  if (text.charCodeAt(c) !== close.charCodeAt(0)) edits.push({ start: c, end: c + 1, text: close });
  return edits;
}
