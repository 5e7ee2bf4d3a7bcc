import type { Rule } from '../../types';
import rRatio from './ratio';
import rRatioBase from './ratio-base';
import rSum from './sum';
import rComparison from './comparison';
import rRateOver100 from './rate-over-100';
import rPercentVsPoints from './percent-vs-points';
import rShareTotal from './share-total';
import rConflict from './conflict';

export const figuresRules: Rule[] = [rRatio, rRatioBase, rSum, rComparison, rRateOver100, rPercentVsPoints, rShareTotal, rConflict];
