import type { Rule } from '../../types';

export const datesRules: Rule[] = [];
