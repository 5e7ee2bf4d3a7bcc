/**
 * Test support, off unless the environment asks for it: `FAZHI_REPORT_TEST_FAULTY_RULES` — a
 * comma-separated list of rule ids that are made to throw on every run — lets the protocol tests
 * prove that a rule that throws is logged and dropped while the other rules still publish. Nothing
 * else reads it; in normal use the variable is unset and this does nothing.
 */
import { RULES_BY_ID } from '../engine/rules';

export const FAULT_ENV = 'FAZHI_REPORT_TEST_FAULTY_RULES';

/** Makes the listed rules throw; returns the ids actually found. */
export function injectFaults(spec: string | undefined): string[] {
  if (!spec) return [];
  const done: string[] = [];
  for (const id of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) continue;
    (rule as { check: (ctx: unknown) => void }).check = () => {
      throw new Error(`injected fault in ${id} (${FAULT_ENV})`);
    };
    done.push(id);
  }
  return done;
}
