/** Rounding policy shared by every figures rule. */

export type Rounding = 'round-or-truncate' | 'round';

const EPS = 1e-9;

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f + (x >= 0 ? EPS : -EPS)) / f;
}

export function truncTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.trunc(x * f + (x >= 0 ? EPS * f : -EPS * f)) / f;
}

/**
 * Is a stated value (as written, with `decimals` decimals) consistent with the exact value?
 * Consistent when it equals the exact value rounded, or (policy `round-or-truncate`) truncated,
 * to the stated decimals.
 */
export function consistent(stated: number, exact: number, decimals: number, policy: Rounding = 'round-or-truncate'): boolean {
  const tol = 10 ** -(decimals + 6);
  if (Math.abs(roundTo(exact, decimals) - stated) <= tol) return true;
  if (policy === 'round-or-truncate' && Math.abs(truncTo(exact, decimals) - stated) <= tol) return true;
  return false;
}

/** Formats a number with up to `decimals` decimals, without trailing zeros beyond them. */
export function fmt(x: number, decimals = 2): string {
  return roundTo(x, decimals).toFixed(decimals);
}
