import type { Rule } from '../../types';
import missingPart from './missing-part';

export const structureRules: Rule[] = [missingPart];
