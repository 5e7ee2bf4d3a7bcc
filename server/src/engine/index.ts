/** Public API of the analysis engine (no LSP, no VS Code). */
export * from './types';
export { check, analyze } from './check';
export type { CheckOptions, Analysis, RuleSetting } from './check';
export { parseDocument } from './document';
export type { ReportDocument, Paragraph, Heading, Section, Enumeration, Sentence, Title, Signature } from './document';
export { LineIndex } from './text';
export { RULES, RULES_BY_ID, ruleMetas } from './rules';
export { PART_NAMES, PART_NAMES_EN } from './classify';
export type { PartKind } from './classify';
export { BUILTIN_PROFILES, DEFAULT_PROFILE, getProfile } from './profile';
export type { Profile, Indicator } from './profile';
export { applyEdits, fixAllEdits, fixAll, fixAllText, nonOverlappingFixes } from './fix';
export { loadConfigFor, parseConfig, CONFIG_FILE } from './config';
export type { LoadedConfig, ConfigProblem } from './config';
export { allRuleMetas, ALL_RULES } from './check';
export { SUPPRESSION_RULE_ID } from './suppress';
