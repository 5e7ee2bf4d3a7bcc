/** The engine's entry point: `check(text, options) → Finding[]`. */
import type { Finding, ReportInput, Rule, RuleContext, RuleMeta, Severity } from './types';
import { SEVERITIES } from './types';
import { parseDocument, ReportDocument } from './document';
import { RULES } from './rules';
import { getProfile, Profile, DEFAULT_PROFILE, BUILTIN_PROFILES } from './profile';
import { applySuppressions, suppressionRule } from './suppress';
import { onCodePointBoundary } from './text';

export type RuleSetting = 'off' | Severity | ['off' | Severity] | ['off' | Severity, Record<string, unknown>];

export interface CheckOptions {
  /** Per-rule severity and options, as in `.fazhi-report.json`. */
  rules?: Record<string, RuleSetting>;
  /** Profile name or a profile object. */
  profile?: string | Profile;
  /** Custom profiles defined by the project. */
  profiles?: Record<string, Profile>;
  /** Options every rule sees (e.g. `rounding`), under the rule's own options. */
  shared?: Record<string, unknown>;
  /** Called when a rule throws; its findings for this run are dropped. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Apply inline suppression comments (default true). */
  suppress?: boolean;
}

export interface Analysis {
  doc: ReportDocument;
  findings: Finding[];
  profile: Profile;
}

/** Every rule, including the pseudo-rule of the suppression comments (its findings come from the filter). */
export const ALL_RULES: readonly Rule[] = RULES.some((r) => r.meta.id === suppressionRule.meta.id) ? RULES : [...RULES, suppressionRule];
export const ALL_RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.meta.id);

/** Metadata of every rule (for docs, the README table, the JSON schema and the language server). */
export function allRuleMetas(): RuleMeta[] {
  return ALL_RULES.map((r) => r.meta);
}

/** Options object of a setting that gives none (told apart from a given `{}` by identity). */
const NO_OPTIONS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** The options of each rule when neither the setting nor `shared` gives any: its defaults, merged once. */
const defaultsOnly = new Map<Rule, Record<string, unknown>>();

function ruleOptionsOf(rule: Rule, shared: Record<string, unknown> | undefined, own: Record<string, unknown>): Record<string, unknown> {
  if (shared !== undefined || own !== NO_OPTIONS) return { ...rule.meta.defaultOptions, ...shared, ...own };
  let o = defaultsOnly.get(rule);
  if (!o) defaultsOnly.set(rule, (o = { ...rule.meta.defaultOptions }));
  return o;
}

function resolveSetting(rule: Rule, setting: RuleSetting | undefined): { severity: Severity | 'off'; options: Record<string, unknown> } {
  let severity: Severity | 'off' = rule.meta.severity;
  let options: Record<string, unknown> = NO_OPTIONS;
  if (typeof setting === 'string') severity = setting;
  else if (Array.isArray(setting)) {
    if (setting[0]) severity = setting[0];
    if (setting.length > 1 && setting[1] && typeof setting[1] === 'object') options = setting[1] as Record<string, unknown>;
  }
  if (severity !== 'off' && !SEVERITIES.includes(severity)) severity = rule.meta.severity;
  return { severity, options };
}

/**
 * Parses and checks a text, returning the document model with the findings. A caller that has
 * already parsed this very text (the language server decides from the model whether a Markdown file
 * is a report) passes that model so the text is not parsed twice.
 */
export function analyze(text: string, options: CheckOptions = {}, parsed?: ReportDocument): Analysis {
  const doc = parsed && parsed.text === text ? parsed : parseDocument(text);
  const profile = typeof options.profile === 'object' && options.profile
    ? options.profile
    : getProfile(options.profile as string | undefined, options.profiles) ?? BUILTIN_PROFILES[DEFAULT_PROFILE];
  // every rule reports straight into `all`; the findings of a rule that throws are cut off again
  const all: Finding[] = [];
  for (const rule of RULES) {
    const { severity, options: ruleOptions } = resolveSetting(rule, options.rules?.[rule.meta.id]);
    if (severity === 'off') continue;
    const ruleId = rule.meta.id;
    const before = all.length;
    const ctx: RuleContext = {
      text,
      doc,
      profile,
      options: ruleOptionsOf(rule, options.shared, ruleOptions),
      report(f: ReportInput) {
        all.push(normalise(text, makeFinding(ruleId, f.severity ?? severity, f)));
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      all.length = before;
      options.onRuleError?.(rule.meta.id, err);
      continue;
    }
  }
  const findings = sortFindings(all);
  const out = options.suppress === false
    ? findings
    : applySuppressions(doc, findings, {
      ruleIds: ALL_RULE_IDS,
      severity: resolveSetting(suppressionRule, options.rules?.[suppressionRule.meta.id]).severity,
    });
  return { doc, findings: out, profile };
}

export function check(text: string, options: CheckOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

/**
 * A finding with the fields of the input, in the order ruleId, severity, message, start, end, data,
 * fix, `data` and `fix` only when set: one object literal per combination, so that every finding
 * holds its fields in the object itself (no property array added for `data` and `fix`).
 */
function makeFinding(ruleId: string, severity: Severity, f: ReportInput): Finding {
  const { data, fix } = f;
  if (data) {
    return fix
      ? { ruleId, severity, message: f.message, start: f.start, end: f.end, data, fix }
      : { ruleId, severity, message: f.message, start: f.start, end: f.end, data };
  }
  return fix
    ? { ruleId, severity, message: f.message, start: f.start, end: f.end, fix }
    : { ruleId, severity, message: f.message, start: f.start, end: f.end };
}

/** Order of the findings: by position, then by rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * The findings in the order of a stable `sort(compareFindings)`, found by merging the runs already
 * in order (each rule reports mostly in position order): adjacent runs are merged pairwise, the
 * left one first on ties, so the result is exactly the stable sort's. No comparator call through
 * the sort builtin per comparison.
 */
export function sortFindings(list: Finding[]): Finding[] {
  const n = list.length;
  // boundaries of the maximal runs in order
  let bounds: number[] = [0];
  for (let i = 1; i < n; i++) if (compareFindings(list[i - 1], list[i]) > 0) bounds.push(i);
  if (bounds.length === 1) return list;
  bounds.push(n);
  let src = list;
  let dst: Finding[] = new Array<Finding>(n);
  while (bounds.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const lo = bounds[r];
      const mid = bounds[r + 1];
      const hi = r + 2 < bounds.length ? bounds[r + 2] : mid;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = compareFindings(src[j], src[i]) < 0 ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
      next.push(hi);
    }
    const t = src;
    src = dst;
    dst = t;
    bounds = next;
  }
  return src;
}

/** Keeps every range inside the text and on whole code points. */
function normalise(text: string, f: Finding): Finding {
  const { start, end } = f;
  // the common case: integer offsets in order inside the text, between two BMP characters
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length &&
    !isLowSurrogate(text.charCodeAt(start)) && !isLowSurrogate(text.charCodeAt(end))) return f;
  let s = Math.max(0, Math.min(Math.trunc(start) || 0, text.length));
  let e = Math.max(s, Math.min(Math.trunc(end) || 0, text.length));
  if (!onCodePointBoundary(text, s)) s--;
  if (!onCodePointBoundary(text, e)) e++;
  f.start = s;
  f.end = e;
  return f;
}

/** A low surrogate (an offset before one may split a code point: checked the slow way). */
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
