import type { Rule } from '../../types';
import rJiezhi from './jiezhi';
import rQuotePairs from './quote-pairs';
import rIdiom from './idiom';
import rDocumentTitle from './document-title';
import rSuperseded from './superseded';
import rAsciiPunctuation from './ascii-punctuation';
import rNameVariants from './name-variants';

export const wordingRules: Rule[] = [rJiezhi, rQuotePairs, rIdiom, rDocumentTitle, rSuperseded, rAsciiPunctuation, rNameVariants];
