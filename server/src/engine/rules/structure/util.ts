/** Helpers shared by the structure rules. */
import type { ReportDocument, Section, Sentence } from '../../document';
import { firstStartingAt } from '../../text';

/** The range that names a part: its heading (marker and title), else its first sentence. */
export function partAnchor(doc: ReportDocument, part: Section): { start: number; end: number } {
  const h = part.heading;
  if (h) return { start: h.markerStart, end: Math.max(h.markerEnd, h.textEnd) };
  const s = doc.sentences.find((x) => x.start >= part.start && x.start < part.end);
  if (s) return { start: s.start, end: s.end };
  return { start: part.start, end: part.end };
}

/** How a part is called in messages: its heading as written, else its kind's name. */
export function partLabel(doc: ReportDocument, part: Section, fallback: string): string {
  const h = part.heading;
  if (h) return `${h.marker}${h.title}`;
  return fallback;
}

/** Index of the first sentence starting at or after `start` in the document's ordered sentences. */
export function firstSentenceAt(doc: ReportDocument, start: number): number {
  return firstStartingAt(doc.sentences, start);
}

/** Sentences starting in [start, end), by binary search over the document's ordered sentences. */
export function sentencesStartingIn(doc: ReportDocument, start: number, end: number): Sentence[] {
  const list = doc.sentences;
  const out: Sentence[] = [];
  for (let i = firstSentenceAt(doc, start); i < list.length && list[i].start < end; i++) out.push(list[i]);
  return out;
}
