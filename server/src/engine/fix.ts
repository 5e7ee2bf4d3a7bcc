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
 * document order wins), as ESLint does, and any fix whose own edits overlap each other. Optionally
 * only the findings of one rule. `count` is the number of fixes taken.
 */
export function nonOverlappingFixes(findings: readonly Finding[], ruleId?: string): { edits: TextEdit[]; count: number } {
  /** The edits taken so far, sorted by (start, end) for the overlap test; `out` in the order taken. */
  const taken: TextEdit[] = [];
  const out: TextEdit[] = [];
  let count = 0;
  const fixable = findings
    .filter((f) => f.fix && f.fix.edits.length && (!ruleId || f.ruleId === ruleId))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of fixable) {
    const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const selfOverlap = edits.some((e, i) => i > 0 && (edits[i - 1].end > e.start || edits[i - 1].start === e.start));
    if (selfOverlap || edits.some((e) => clashes(taken, e))) continue;
    for (const e of edits) taken.splice(insertionPoint(taken, e), 0, e);
    out.push(...edits);
    count++;
  }
  return { edits: out.sort((a, b) => a.start - b.start), count };
}

/** The edits of `nonOverlappingFixes`, for applying them. */
export function fixAllEdits(findings: readonly Finding[], ruleId?: string): TextEdit[] {
  return nonOverlappingFixes(findings, ruleId).edits;
}

/** First index whose edit sorts after `e` by (start, end). */
function insertionPoint(taken: readonly TextEdit[], e: TextEdit): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = taken[mid];
    if (t.start < e.start || (t.start === e.start && t.end <= e.end)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Does `e` overlap a taken edit (or insert at the same place as one)? Only the taken edits that
 * start before `e` ends, going back while they could still reach `e`, and those starting where `e`
 * starts can clash.
 */
function clashes(taken: readonly TextEdit[], e: TextEdit): boolean {
  const clash = (t: TextEdit): boolean => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start);
  // first taken edit with start >= e.end
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid].start < e.end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < taken.length && taken[k].start === e.start; k++) if (clash(taken[k])) return true;
  for (let k = lo - 1; k >= 0 && taken[k].end >= e.start; k--) if (clash(taken[k])) return true;
  return false;
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
