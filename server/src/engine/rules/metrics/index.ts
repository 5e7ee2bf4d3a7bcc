import type { Rule } from '../../types';

export const metricsRules: Rule[] = [];
