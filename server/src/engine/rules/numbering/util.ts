/** Helpers shared by the numbering rules. */
import type { Heading, ReportDocument, Section } from '../../document';
import { toChineseOrdinal } from '../../numerals';

/**
 * Heading siblings: the sections with the same parent (by the parent link, so that a sub-section
 * the outline lifted out as an inferred part still counts among its siblings), and the top-level
 * sections grouped by level.
 */
export function siblingGroups(doc: ReportDocument): readonly (readonly Section[])[] {
  // numbering/sequence and numbering/level-style both ask: computed once per document
  let out = groupCache.get(doc);
  if (!out) {
    out = computeSiblingGroups(doc);
    groupCache.set(doc, out);
  }
  return out;
}

const groupCache = new WeakMap<ReportDocument, readonly (readonly Section[])[]>();

function computeSiblingGroups(doc: ReportDocument): Section[][] {
  const groups = new Map<Section | number, Section[]>();
  for (const s of doc.sections) {
    if (!s.heading) continue;
    const key = s.parent ?? -s.level;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  // a group mixes levels only under a parent; keep the levels apart
  const out: Section[][] = [];
  for (const g of groups.values()) {
    let mixed = false;
    for (let i = 1; i < g.length && !mixed; i++) if (g[i].level !== g[0].level) mixed = true;
    if (!mixed) {
      out.push(g);
      continue;
    }
    const byLevel = new Map<number, Section[]>();
    for (const s of g) {
      const l = byLevel.get(s.level) ?? [];
      l.push(s);
      byLevel.set(s.level, l);
    }
    out.push(...byLevel.values());
  }
  return out;
}

/** The marker a heading of `level` with `ordinal` should carry in the given bracket style. */
export function markerFor(level: number, ordinal: number, brackets: 'full' | 'half' = 'full'): string {
  const [o, c] = brackets === 'half' ? ['(', ')'] : ['（', '）'];
  switch (level) {
    case 1:
      return `${toChineseOrdinal(ordinal)}、`;
    case 2:
      return `${o}${toChineseOrdinal(ordinal)}${c}`;
    case 3:
      return `${ordinal}.`;
    default:
      return `${o}${ordinal}${c}`;
  }
}

/** Has the heading a numeral ordinal (not a Markdown heading without one)? */
export function numbered(h: Heading | undefined): h is Heading {
  return !!h && h.ordinal > 0;
}

/** Original offsets of the opening and closing bracket of a bracketed marker. */
export function bracketOffsets(h: Heading): { open: number; close: number } | undefined {
  const p = h.paragraph;
  const first = p.map.indexOf(h.markerStart);
  if (first < 0) return undefined;
  let close = -1;
  for (let i = first; i < first + h.marker.length && i < p.text.length; i++) if (p.text[i] === ')' || p.text[i] === '）') close = i;
  if (close < 0) return undefined;
  return { open: p.map[first], close: p.map[close] };
}
