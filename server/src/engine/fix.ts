/** Applying fixes: one finding's fix, or every non-overlapping fix at once ("fix all"). */
import type { Finding, TextEdit } from './types';

/** Applies edits (offsets into `text`) from last to first. Overlapping edits are a caller error. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * The edits of every fixable finding, skipping any fix that overlaps one already taken (first in
 * document order wins), as ESLint does. Optionally only the findings of one rule.
 */
export function fixAllEdits(findings: readonly Finding[], ruleId?: string): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixable = findings
    .filter((f) => f.fix && f.fix.edits.length && (!ruleId || f.ruleId === ruleId))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of fixable) {
    const edits = f.fix!.edits;
    const clash = edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start)));
    if (!clash) taken.push(...edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Applies every non-overlapping fix once. */
export function fixAll(text: string, findings: readonly Finding[], ruleId?: string): string {
  return applyEdits(text, fixAllEdits(findings, ruleId));
}

/**
 * "Fix all" as a user sees it: applies every non-overlapping fix, checks again and repeats until
 * nothing changes (at most 10 passes, as ESLint does), so that fixing all twice equals fixing once.
 */
export function fixAllText(text: string, checkFn: (t: string) => Finding[], ruleId?: string): string {
  let cur = text;
  for (let pass = 0; pass < 10; pass++) {
    const edits = fixAllEdits(checkFn(cur), ruleId);
    if (!edits.length) break;
    const next = applyEdits(cur, edits);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
