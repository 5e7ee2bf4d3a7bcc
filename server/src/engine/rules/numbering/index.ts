import type { Rule } from '../../types';
import rSequence from './sequence';
import rLevelStyle from './level-style';
import rBracketWidth from './bracket-width';
import rEnumeration from './enumeration';

export const numberingRules: Rule[] = [rSequence, rLevelStyle, rBracketWidth, rEnumeration];
