/** Core types of the analysis engine. No dependency on the LSP or VS Code. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'structure' | 'numbering' | 'figures' | 'metrics' | 'wording' | 'dates';
export const CATEGORIES: readonly Category[] = ['structure', 'numbering', 'figures', 'metrics', 'wording', 'dates'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A text edit in UTF-16 offsets of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Chinese title shown in the quick-fix menu. */
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** UTF-16 offset into the original text, inclusive. */
  start: number;
  /** UTF-16 offset into the original text, exclusive. */
  end: number;
  /** Rule-specific data for hover and fixes. */
  data?: Record<string, unknown>;
  fix?: Fix;
}

export interface RuleMeta {
  /** `category/name` */
  id: string;
  category: Category;
  name: string;
  severity: Severity;
  /** One-line Chinese description. */
  description: string;
  /** One-line English description. */
  descriptionEn: string;
  /** Path of the rule's doc page, relative to the repository root. */
  docs: string;
  fixable?: boolean;
  /** Default options of the rule (merged with the configured ones). */
  defaultOptions?: Record<string, unknown>;
}

export interface ReportInput {
  start: number;
  end: number;
  message: string;
  data?: Record<string, unknown>;
  fix?: Fix;
  severity?: Severity;
}

export interface RuleContext {
  readonly text: string;
  readonly doc: import('./document').ReportDocument;
  readonly options: Readonly<Record<string, unknown>>;
  readonly profile: import('./profile').Profile;
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
