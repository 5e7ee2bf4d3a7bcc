/** The registry of every rule, by category. */
import type { Rule, RuleMeta } from '../types';
import { structureRules } from './structure';
import { numberingRules } from './numbering';
import { figuresRules } from './figures';
import { metricsRules } from './metrics';
import { wordingRules } from './wording';
import { datesRules } from './dates';

export const RULES: readonly Rule[] = [
  ...structureRules,
  ...numberingRules,
  ...figuresRules,
  ...metricsRules,
  ...wordingRules,
  ...datesRules,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleMetas(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export { defineRule } from './define';
