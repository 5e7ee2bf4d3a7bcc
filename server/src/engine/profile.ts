/** Profiles: which parts a report must have and which core indicators it should give. Data, not code. */
import type { PartKind } from './classify';
import fazhiZhengfu from './profiles/fazhi-zhengfu.json';
import gongzuoZongjie from './profiles/gongzuo-zongjie.json';

export interface Indicator {
  /** Stable id, e.g. `chuting-yingsu`. */
  id: string;
  /** Chinese name shown in messages. */
  name: string;
  /**
   * Plain-text terms (not regular expressions): the indicator counts as given when one of them
   * occurs in a sentence of the report (with a figure in that sentence, unless `figure` is false).
   */
  terms: string[];
  /** Must a figure stand in the same sentence as the term? Default true. */
  figure?: boolean;
  /**
   * `government`: expected only of a government's report (县/市/区/州…), not of a department's
   * (…局/…委/…办). Default `any`.
   */
  scope?: 'any' | 'government';
}

export interface Profile {
  name: string;
  description: string;
  requiredParts: PartKind[];
  /** Parts reported as info when absent (the leaders' first-responsibility part). */
  optionalParts: PartKind[];
  indicators: Indicator[];
}

export const PART_KINDS: readonly PartKind[] = ['measures', 'problems', 'leadership', 'plans', 'other'];

export const BUILTIN_PROFILES: Record<string, Profile> = {
  'fazhi-zhengfu': fazhiZhengfu as Profile,
  'gongzuo-zongjie': gongzuoZongjie as Profile,
};

export const DEFAULT_PROFILE = 'fazhi-zhengfu';

/** A profile by name: the project's own profiles first, then the built-in ones. */
export function getProfile(name: string | undefined, custom?: Record<string, Profile>): Profile | undefined {
  const n = name ?? DEFAULT_PROFILE;
  if (custom && Object.prototype.hasOwnProperty.call(custom, n)) return custom[n];
  return Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, n) ? BUILTIN_PROFILES[n] : undefined;
}

/** Names of every profile available with the given custom profiles. */
export function profileNames(custom?: Record<string, Profile>): string[] {
  return [...new Set([...Object.keys(BUILTIN_PROFILES), ...Object.keys(custom ?? {})])];
}
