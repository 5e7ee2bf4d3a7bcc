import type { Rule } from '../../types';

export const figuresRules: Rule[] = [];
