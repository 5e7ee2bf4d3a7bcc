import type { Rule } from '../../types';
import rPlanYear from './plan-year';
import rTitleYear from './title-year';
import rYearRange from './year-range';
import rPublication from './publication';

export const datesRules: Rule[] = [rPlanYear, rTitleYear, rYearRange, rPublication];
