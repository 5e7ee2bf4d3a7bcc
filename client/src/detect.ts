/**
 * Client-side facts that need no server: does a Markdown / plain-text document look like an
 * annual report on law-based government (`fazhiReport.documents: "auto"`), and which year does a
 * report cover (to fill in the years of inserted parts). Plain functions (no `vscode` import).
 */

export type DocumentsMode = 'auto' | 'all' | 'off';

/** Only the beginning of a document is looked at: a report says what it is early. */
const HEAD_CHARS = 6000;

/** A report title: `XX市2024年度法治政府建设工作情况的报告`, `……法治建设工作报告`, `……依法行政工作情况`. */
const TITLE_RE = /(?:法治政府建设|法治建设|依法行政|依法治[省市县区州旗]).{0,40}?(?:报告|情况|总结)/u;

/** The title must be among the first few lines. */
const TITLE_LINES = 6;

/**
 * A whole title line: names the work and ENDS with 报告 / 情况 / 总结, with no sentence punctuation
 * (`XX市2024年度法治政府建设工作情况的报告`). A sentence that mentions such a report
 * (`本工具检查法治政府建设年度报告。`) or a product name (`法治政府建设报告助手`) is not a title.
 */
const WHOLE_TITLE_RE = /^[^。，；！？!?;]{0,60}?(?:法治政府建设|法治建设|依法行政|依法治[省市县区州旗])[^。，；！？!?;]{0,40}?(?:报告|情况|总结)$/u;

/** Markdown heading / emphasis markers and spaces around a line. */
const DECORATION_RE = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?|(?:\*\*|__)?[ \t\u3000]*$/gu;

/** A level-1 heading (`一、` … `十、`), optionally behind Markdown `#` or `**`; short. */
const PART_HEADING_RE = /^[ \t\u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?[一二三四五六七八九十]{1,3}、([^\n。]{1,40})$/gmu;

/** Words that name a prescribed part of the report. */
const PART_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['measures', /举措|成效|工作开展情况|主要做法|主要工作/u],
  ['problems', /问题|不足|短板|差距/u],
  ['leadership', /第一责任人/u],
  ['plans', /计划|安排|打算|下一步|思路/u],
];

const TITLE_SCAN_LINES = 8;

/**
 * True when the text reads like a 法治政府建设年度报告: a title among the first lines (possibly
 * wrapped over two lines), or level-1 headings naming at least two different prescribed parts.
 */
export function looksLikeReport(text: string): boolean {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  const lines: string[] = [];
  for (const raw of head.split(/\r\n|\r|\n/u)) {
    const line = raw.replace(DECORATION_RE, '').replace(/[ \t\u3000]+/gu, '');
    if (line) lines.push(line);
    if (lines.length >= TITLE_SCAN_LINES) break;
  }
  for (let i = 0; i < lines.length; i++) {
    if (WHOLE_TITLE_RE.test(lines[i])) return true;
    if (i + 1 < lines.length && lines[i].length <= 40 && WHOLE_TITLE_RE.test(lines[i] + lines[i + 1])) return true;
  }
  const kinds = new Set<string>();
  PART_HEADING_RE.lastIndex = 0;
  for (let m = PART_HEADING_RE.exec(text); m; m = PART_HEADING_RE.exec(text)) {
    for (const [kind, re] of PART_WORDS) if (re.test(m[1])) kinds.add(kind);
    if (kinds.size >= 2) return true;
  }
  return false;
}

/** Whether a document is checked under this `fazhiReport.documents` mode. */
export function shouldCheck(languageId: string, text: () => string, mode: DocumentsMode, forced: boolean): boolean {
  if (languageId === 'fazhi-report' || forced) return true;
  if (languageId !== 'markdown' && languageId !== 'plaintext') return false;
  if (mode === 'all') return true;
  if (mode === 'off') return false;
  return looksLikeReport(text());
}

const TITLE_YEAR_RE = /((?:19|20)\d{2})[ \t\u3000]*年度?/u;

/**
 * The year the report is about: the year in its title (first lines), else the first `20xx年度`
 * of the text; undefined when none.
 */
export function reportYear(text: string): number | undefined {
  const head = text.slice(0, HEAD_CHARS);
  let seen = 0;
  for (const raw of head.split(/\r\n|\r|\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    if (TITLE_RE.test(line)) {
      const m = TITLE_YEAR_RE.exec(line);
      if (m) return Number(m[1]);
    }
    if (++seen >= TITLE_LINES) break;
  }
  const m = /((?:19|20)\d{2})[ \t\u3000]*年度/u.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** The year a report written now is most likely about: last year until June, else this year. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getMonth() < 6 ? now.getFullYear() - 1 : now.getFullYear();
}
