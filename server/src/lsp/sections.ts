/** What a part or item of the report contains (shared by hover, outline and the structure request). */
import type { ReportDocument, Section } from '../engine/document';
import { quantitiesIn } from '../engine/figures/quantities';
import { PART_NAMES, PartKind } from '../engine/classify';
import { toChineseOrdinal } from '../engine/numerals';

export interface SectionStats {
  /** Direct sub-items (`（一）` under a part, `1.` under an item …). */
  items: number;
  /** `一是……二是……` markers inside. */
  enumerations: number;
  /** Figures (quantities) inside. */
  figures: number;
}

export function sectionStats(doc: ReportDocument, s: Section): SectionStats {
  let figures = 0;
  for (const p of s.paragraphs) figures += quantitiesIn(p).length;
  let enumerations = 0;
  for (const e of doc.enumerations) if (e.start >= s.start && e.end <= s.end) enumerations++;
  return { items: s.children.length, enumerations, figures };
}

export function kindName(kind: PartKind | undefined): string {
  return PART_NAMES[kind ?? 'other'];
}

/** `一、` `（二）` `3.` `（4）` for a heading level and ordinal. */
export function markerFor(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${toChineseOrdinal(n)}、`;
    case 2:
      return `（${toChineseOrdinal(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** A one-line label of a section: its marker and title, or the inferred part's name. */
export function sectionLabel(s: Section): string {
  if (s.heading) {
    const t = s.heading.title.trim();
    return `${s.heading.marker}${t}`.trim() || s.heading.marker || '（无标题）';
  }
  return `${kindName(s.kind)}（未设标题，据内容推断）`;
}

/** 「据标题判断」 or 「据内容推断」. */
export function kindSourceText(s: Section): string {
  return s.kindSource === 'heading' ? '据标题判断' : '据内容推断';
}
