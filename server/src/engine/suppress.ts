/**
 * Inline suppression comments, in Markdown and plain text alike — a filter applied after the rules:
 *
 *   <!-- fazhi-report-disable [RULE…] -->            from here on (to a matching enable)
 *   <!-- fazhi-report-enable [RULE…] -->
 *   <!-- fazhi-report-disable-next-line [RULE…] -->  the next line with text
 *   <!-- fazhi-report-disable-line [RULE…] -->       the line the comment is on (at its end)
 *
 * RULE is a rule id (`figures/ratio`), a category (`wording`, `wording/*`), several separated by
 * spaces or commas; none means every rule. Text after `--` is a free explanation. A comment must
 * sit on one line. An unknown rule id or a misspelt directive is reported as
 * `structure/suppression-comment` (a finding no suppression comment can hide).
 */
import type { Finding, Rule, Severity } from './types';
import { CATEGORIES } from './types';
import type { ReportDocument } from './document';
import { defineRule } from './rules/define';

export const SUPPRESSION_RULE_ID = 'structure/suppression-comment';

/**
 * The rule under which problems of the suppression comments themselves are reported. Its check is
 * empty: the findings come from `applySuppressions`; it exists so that it has metadata, a doc page
 * and a severity that the configuration can change or turn off.
 */
export const suppressionRule: Rule = defineRule(
  {
    id: SUPPRESSION_RULE_ID,
    severity: 'warning',
    description: '抑制注释中的规则编号不存在或指令写错',
    descriptionEn: 'An inline suppression comment names an unknown rule or directive',
  },
  () => {},
);

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Concrete rule ids it applies to; undefined means every rule. */
  rules?: Set<string>;
  /** Offsets of the whole comment. */
  start: number;
  end: number;
  line: number;
  /** For line directives: the line it applies to (-1 when there is none). */
  target: number;
}

export interface SuppressOptions {
  /** Every rule id a comment may name. */
  ruleIds: readonly string[];
  /** Severity of problems in the comments themselves, or 'off'. */
  severity?: Severity | 'off';
}

const KINDS = new Set<string>(['disable', 'enable', 'disable-next-line', 'disable-line']);
const PREFIX = 'fazhi-report';
const RE_DIRECTIVE = /^fazhi-report-?([A-Za-z-]*)/;
const RE_ID = /[^\s,，、;；]+/g;
const RE_REASON = /\s--(?:\s|$)/;
const RE_WORD = /^\S*/;
const RE_SEPARATOR = /[\s,，]/;

interface RawComment {
  start: number;
  end: number;
  /** Offset where the body (between `<!--` and `-->`) starts. */
  bodyStart: number;
  body: string;
  line: number;
}

/** Every one-line `<!-- … -->` comment of the text, whole-line or at the end of a line. */
function scanComments(doc: ReportDocument): RawComment[] {
  const text = doc.text;
  const out: RawComment[] = [];
  let at = text.indexOf('<!--');
  while (at >= 0) {
    const line = doc.lines.lineOf(at);
    const lineEnd = doc.lines.lineEnd(line);
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    if (close + 3 <= lineEnd) {
      out.push({ start: at, end: close + 3, bodyStart: at + 4, body: text.slice(at + 4, close), line });
      at = text.indexOf('<!--', close + 3);
    } else at = text.indexOf('<!--', at + 4);
  }
  return out;
}

/** Is line `i` blank or only comments? */
function isEmptyLine(doc: ReportDocument, i: number): boolean {
  let s = doc.text.slice(doc.lines.starts[i], doc.lines.lineEnd(i));
  for (let at = s.indexOf('<!--'); at >= 0; at = s.indexOf('<!--')) {
    const close = s.indexOf('-->', at + 4);
    if (close < 0) break;
    s = s.slice(0, at) + s.slice(close + 3);
  }
  return s.trim().length === 0;
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** A known rule id close to an unknown one, for the message. */
export function suggestRuleId(id: string, ruleIds: readonly string[]): string | undefined {
  const name = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  const sameName = ruleIds.filter((r) => r.slice(r.indexOf('/') + 1) === name);
  if (sameName.length === 1) return sameName[0];
  let best: string | undefined;
  let bestD = 3;
  for (const r of ruleIds) {
    const d = levenshtein(id, r);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return best;
}

/** Resolves one id written in a comment: a rule id, a category or `category/*`. */
function expand(id: string, ruleIds: readonly string[]): string[] | undefined {
  if (ruleIds.includes(id)) return [id];
  const cat = id.endsWith('/*') ? id.slice(0, -2) : id;
  if ((CATEGORIES as readonly string[]).includes(cat)) return ruleIds.filter((r) => r.startsWith(cat + '/'));
  return undefined;
}

/** Parses the suppression comments of a document; problems in them go to `problems`. */
export function parseDirectives(doc: ReportDocument, ruleIds: readonly string[], problems?: Finding[], severity: Severity = 'warning'): Directive[] {
  const out: Directive[] = [];
  if (doc.text.indexOf('<!--') < 0) return out;
  let scanFrom = -1;
  let scanEnd = -1;
  for (const c of scanComments(doc)) {
    const lead = c.body.length - c.body.trimStart().length;
    const body = c.body.trim();
    if (!body.toLowerCase().startsWith(PREFIX)) continue;
    const m = RE_DIRECTIVE.exec(body);
    const kind = m ? m[1].toLowerCase() : '';
    const kindEnd = m ? m[0].length : PREFIX.length;
    if (!KINDS.has(kind) || (body.length > kindEnd && !RE_SEPARATOR.test(body[kindEnd]))) {
      // `fazhi-report-disabel`, `fazhi-report-disable-nextline` …: say so, do nothing
      const word = body.slice(0, kindEnd + (RE_WORD.exec(body.slice(kindEnd))?.[0].length ?? 0));
      problems?.push({
        ruleId: SUPPRESSION_RULE_ID,
        severity,
        message: `无法识别的抑制指令“${word}”。可用的指令：fazhi-report-disable、fazhi-report-enable、fazhi-report-disable-next-line、fazhi-report-disable-line。`,
        start: c.bodyStart + lead,
        end: c.bodyStart + lead + word.length,
        data: { directive: word },
      });
      continue;
    }
    // rule ids up to an optional `-- explanation`
    let rest = body.slice(kindEnd);
    const dash = rest.search(RE_REASON);
    if (dash >= 0) rest = rest.slice(0, dash);
    const restStart = c.bodyStart + lead + kindEnd;
    let rules: Set<string> | undefined;
    let named = false;
    RE_ID.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = RE_ID.exec(rest))) {
      const id = r[0];
      named = true;
      const ids = expand(id, ruleIds);
      if (!ids) {
        const hint = suggestRuleId(id, ruleIds);
        problems?.push({
          ruleId: SUPPRESSION_RULE_ID,
          severity,
          message: `抑制注释中的规则“${id}”不存在${hint ? `，是否应为“${hint}”？` : '。'}规则编号的形式为“类别/名称”，如“figures/ratio”；也可写类别名，如“wording”。`,
          start: restStart + r.index,
          end: restStart + r.index + id.length,
          data: { unknownRule: id, ...(hint ? { suggestion: hint } : {}) },
        });
        continue;
      }
      rules ??= new Set();
      for (const x of ids) rules.add(x);
    }
    // only unknown ids: the comment applies to nothing (not to every rule)
    if (!rules && named) continue;
    let target = -1;
    if (kind === 'disable-line') target = c.line;
    else if (kind === 'disable-next-line') {
      // lines [scanFrom, scanEnd) are known to be blank or comments only (comments come in line
      // order, so a run of comment lines is scanned once, not once per comment)
      let i = c.line + 1;
      if (i >= scanFrom && i <= scanEnd) i = scanEnd;
      else scanFrom = i;
      while (i < doc.lines.lineCount && isEmptyLine(doc, i)) i++;
      scanEnd = i;
      target = i < doc.lines.lineCount ? i : -1;
    }
    out.push({ kind: kind as DirectiveKind, rules, start: c.start, end: c.end, line: c.line, target });
  }
  return out;
}

/**
 * Which findings the directives hide: one sweep over the findings in position order, applying
 * the range directives (`disable`/`enable`) as their comments are passed, and a per-line lookup
 * for the line directives. O((findings + directives) · log) rather than findings × directives.
 */
function hidden(doc: ReportDocument, ds: Directive[], findings: Finding[]): Uint8Array {
  const out = new Uint8Array(findings.length);
  const byLine = new Map<number, Directive[]>();
  const ranges: Directive[] = [];
  for (const d of ds) {
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      if (d.target < 0) continue;
      const list = byLine.get(d.target);
      if (list) list.push(d);
      else byLine.set(d.target, [d]);
    } else ranges.push(d);
  }
  const order = findings.map((_, i) => i).sort((x, y) => findings[x].start - findings[y].start || x - y);
  // the state of the range directives so far: every rule off (with exceptions) or some rules off
  let all = false;
  const disabled = new Set<string>();
  const exceptions = new Set<string>();
  let next = 0;
  for (const fi of order) {
    const f = findings[fi];
    if (f.ruleId === SUPPRESSION_RULE_ID) continue;
    for (; next < ranges.length && ranges[next].start <= f.start; next++) {
      const d = ranges[next];
      if (d.kind === 'disable') {
        if (!d.rules) {
          all = true;
          disabled.clear();
          exceptions.clear();
        } else for (const r of d.rules) {
          if (all) exceptions.delete(r);
          else disabled.add(r);
        }
      } else if (!d.rules) {
        all = false;
        disabled.clear();
        exceptions.clear();
      } else for (const r of d.rules) {
        if (all) exceptions.add(r);
        else disabled.delete(r);
      }
    }
    if (all ? !exceptions.has(f.ruleId) : disabled.has(f.ruleId)) {
      out[fi] = 1;
      continue;
    }
    if (byLine.size) {
      const list = byLine.get(doc.lines.lineOf(f.start));
      if (list && list.some((d) => !d.rules || d.rules.has(f.ruleId))) out[fi] = 1;
    }
  }
  return out;
}

/**
 * Drops the findings the document's suppression comments hide, and adds findings for problems in
 * the comments (unless `severity` is 'off'). Findings stay sorted by position.
 */
export function applySuppressions(doc: ReportDocument, findings: Finding[], options?: SuppressOptions): Finding[] {
  if (doc.text.indexOf('<!--') < 0) return findings;
  const ruleIds = options?.ruleIds ?? [];
  const sev = options?.severity ?? suppressionRule.meta.severity;
  const problems: Finding[] = [];
  const ds = parseDirectives(doc, ruleIds, problems, sev === 'off' ? 'warning' : sev);
  let kept = findings;
  if (ds.length) {
    const hide = hidden(doc, ds, findings);
    kept = findings.filter((_, i) => hide[i] === 0);
  }
  if (sev === 'off' || !problems.length) return kept;
  return [...kept, ...problems].sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
