import type { Rule } from '../../types';

export const wordingRules: Rule[] = [];
