/**
 * The report snippets (snippets/fazhi-report.json, also used by the server's completion) turned
 * into quick-pick entries for `fazhiReport.insertPart`, with the years and the part numeral filled
 * in from the document. Plain functions, no `vscode` import.
 */
import snippetsJson from '../../snippets/fazhi-report.json';

export interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export interface PartSnippet {
  name: string;
  description: string;
  prefixes: string[];
  body: string;
  /** True for the whole-report template. */
  whole: boolean;
}

const SNIPPETS = snippetsJson as Record<string, SnippetDef>;

/** A snippet is a part (or the whole report) when its body starts with a level-1 heading or a title. */
const PART_BODY_RE = /^\$\{1\|[一二三四五六七八九十,]+\|\}、/u;

export function partSnippets(): PartSnippet[] {
  const out: PartSnippet[] = [];
  for (const [name, def] of Object.entries(SNIPPETS)) {
    const body = Array.isArray(def.body) ? def.body.join('\n') : def.body;
    const prefixes = Array.isArray(def.prefix) ? def.prefix : [def.prefix];
    const whole = prefixes.includes('baogao');
    if (!whole && !PART_BODY_RE.test(body)) continue;
    out.push({ name, description: def.description ?? '', prefixes, body, whole });
  }
  // the whole report last: parts are what one inserts most often
  return out.sort((a, b) => Number(a.whole) - Number(b.whole));
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `${2:XXXX}` (the reporting year) → the year; the plan year (`${CURRENT_YEAR}`) → the next year. */
const REPORT_YEAR_RE = /\$\{(\d+):XXXX\}/gu;
const PLAN_YEAR_RE = /\$\{CURRENT_YEAR\}/gu;
const CHOICE_RE = /^\$\{1\|([^|]*)\|\}/u;

/**
 * The snippet text to insert: years filled in (`year` = the reporting year), and the first
 * heading's numeral set to `partNumber` (1-based) when given.
 */
export function fillSnippet(body: string, year: number, partNumber?: number): string {
  let s = body.replace(REPORT_YEAR_RE, (_m, n: string) => `\${${n}:${year}}`).replace(PLAN_YEAR_RE, String(year + 1));
  if (partNumber !== undefined && partNumber >= 1 && partNumber <= NUMERALS.length) {
    s = s.replace(CHOICE_RE, `\${1:${NUMERALS[partNumber - 1]}}`);
  }
  return s;
}

/** Level-1 headings (`一、`) in a text, to number the part inserted after them. */
const LEVEL1_RE = /^[ \t\u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?[一二三四五六七八九十]{1,3}、/gmu;

/** How many level-1 headings come before `offset`. */
export function partsBefore(text: string, offset: number): number {
  let n = 0;
  LEVEL1_RE.lastIndex = 0;
  for (let m = LEVEL1_RE.exec(text); m && m.index < offset; m = LEVEL1_RE.exec(text)) n++;
  return n;
}
