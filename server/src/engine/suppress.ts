/** Inline suppression comments: a filter applied after the rules (filled in by the configuration work). */
import type { Finding } from './types';
import type { ReportDocument } from './document';

export function applySuppressions(_doc: ReportDocument, findings: Finding[]): Finding[] {
  return findings;
}
