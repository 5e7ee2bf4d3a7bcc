/** Profiles: which parts a report must have and which core indicators it should give. Data, not code. */
import type { PartKind } from './classify';
import fazhiZhengfu from './profiles/fazhi-zhengfu.json';
import gongzuoZongjie from './profiles/gongzuo-zongjie.json';

export interface Indicator {
  /** Stable id, e.g. `chuting-yingsu`. */
  id: string;
  /** Chinese name shown in messages. */
  name: string;
  /** Any of these regular expressions (source strings) found in the report counts as given. */
  patterns: string[];
}

export interface Profile {
  name: string;
  description: string;
  requiredParts: PartKind[];
  /** Parts reported as info when absent (the leaders' first-responsibility part). */
  optionalParts: PartKind[];
  indicators: Indicator[];
}

export const BUILTIN_PROFILES: Record<string, Profile> = {
  'fazhi-zhengfu': fazhiZhengfu as Profile,
  'gongzuo-zongjie': gongzuoZongjie as Profile,
};

export const DEFAULT_PROFILE = 'fazhi-zhengfu';

export function getProfile(name: string | undefined, custom?: Record<string, Profile>): Profile | undefined {
  const n = name ?? DEFAULT_PROFILE;
  return custom?.[n] ?? BUILTIN_PROFILES[n];
}
