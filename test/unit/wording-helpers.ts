/** Helpers for the wording tests: the engine's own edit application. */
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../../server/src/engine/fix';

/** Applies a finding's fix to the text. */
export function applyFix(text: string, f: Finding): string {
  if (!f.fix) throw new Error(`no fix on ${f.ruleId}`);
  return applyEdits(text, f.fix.edits);
}

/** Applies the fixes of many findings at once (non-overlapping). */
export function applyFixes(text: string, fs: Finding[]): string {
  return applyEdits(text, fs.flatMap((f) => f.fix?.edits ?? []));
}
