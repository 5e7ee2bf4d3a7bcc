import type { Rule } from '../../types';

export const numberingRules: Rule[] = [];
