import type { Rule } from '../../types';
import rMissingPart from './missing-part';
import rPartOrder from './part-order';
import rProblemsWithoutCauses from './problems-without-causes';
import rPlanInMeasures from './plan-in-measures';

export const structureRules: Rule[] = [rMissingPart, rPartOrder, rProblemsWithoutCauses, rPlanInMeasures];
