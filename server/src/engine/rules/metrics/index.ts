import type { Rule } from '../../types';
import rVagueClaim from './vague-claim';
import rNoFigures from './no-figures';
import rMissingIndicator from './missing-indicator';
import rRateWithoutBase from './rate-without-base';
import rProblemNotPlanned from './problem-not-planned';

export const metricsRules: Rule[] = [rVagueClaim, rNoFigures, rMissingIndicator, rRateWithoutBase, rProblemNotPlanned];
