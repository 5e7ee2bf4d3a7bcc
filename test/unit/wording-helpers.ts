/** Helpers for the wording tests. */
import type { Finding } from '../../server/src/engine/types';

/** Applies a finding's fix to the text (edits applied from the end). */
export function applyFix(text: string, f: Finding): string {
  if (!f.fix) throw new Error(`no fix on ${f.ruleId}`);
  const edits = [...f.fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies the fixes of many findings at once (non-overlapping). */
export function applyFixes(text: string, fs: Finding[]): string {
  const edits = fs.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
