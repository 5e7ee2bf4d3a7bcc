import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { DOCUMENTS } from '../../wording/documents';
import { stripPeriod, range, replaceLogical, replaceSameLength } from '../../wording/text';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { HAS_LIAN, HAS_PERIOD, HAS_WU, wordingScans } = scanning;

/** `“七五”普法`, `"七五"普法`, `七五普法`, `“七五”法治宣传教育` (not `“十三五”`). Paragraphs without a match are skipped by HAS_WU of wording/scan.ts (keep the two in step). */
const RE_PUFA = /(?<![十百])[“"‘']?([一二三四五六七八九])五[”"’']?\s{0,2}(?:普法|法治宣传教育)/g;
/** The five-year law-popularisation programme of a year: 2016–2020 七五, 2021–2025 八五. */
function pufaOrdinal(year: number): number {
  return Math.floor((year - 1986) / 5) + 1;
}
const CN = '〇一二三四五六七八九';
/** `“八五”普法` etc., by ordinal: the current programme named in the same sentence (built on first use). */
const PUFA_OF: (RegExp | undefined)[] = [];
function pufaOf(ord: number): RegExp | undefined {
  if (ord < 0 || ord >= CN.length) return undefined;
  return (PUFA_OF[ord] ??= new RegExp(`${CN[ord]}五[”"’']?\\s{0,2}(?:普法|法治宣传教育)`));
}
/** Words around a mention that make it history, not current work. */
const RE_HISTORY_AFTER = /^[^，。；]{0,12}?(?:以来|期间|时期|总结|验收|收官|先进|表彰|评估|期末|中期|终期|收尾|扫尾|成果|成效|基础上|圆满完成|全面完成|顺利完成|(?:确定|提出|明确)的(?:目标|各项|任务))/;
const RE_HISTORY_BEFORE = /(?:总结|回顾|完成|收官|验收|评估|表彰|荣获|获评|被评为|评为|获得|期间|以来)[^，。；]{0,16}$/;

/** Programmes with a period (`……（2015—2020年）`), built from the known documents. */
interface Periodic {
  base: string;
  /** The first year of its period (`2015`): in every match of `re`, as is `base`. */
  from: string;
  until: number;
  successor?: string;
  re: RegExp;
  /** The successor (or `新纲要`/`新规划`) named in the same sentence. */
  currentRe: RegExp;
}
let PERIODIC: Periodic[] | undefined;
const periodic = (): Periodic[] => (PERIODIC ??= DOCUMENTS.filter((d) => d.until !== undefined && d.successor).map((d) => {
  const base = stripPeriod(d.title);
  const from = /（(\d{4})/.exec(d.title)![1];
  return {
    base,
    from,
    until: d.until!,
    successor: d.successor,
    currentRe: new RegExp(
      `${stripPeriod(d.successor!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s{0,2}[（(]\\s{0,2}${/（(\d{4})/.exec(d.successor!)![1]}|新纲要|新规划`,
    ),
    re: new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s{0,2}[（(]\\s{0,2}${from}\\s{0,2}(?:年\\s{0,2})?[—–\\-－~～至]{1,2}\\s{0,2}${d.until}\\s{0,2}年?\\s{0,2}[）)]`, 'g'),
  };
}));

/** The 2015 goal, replaced in the 2021 纲要 by `…智能高效、廉洁诚信、人民满意`. */
const RE_OLD_GOAL = /廉洁高效[、，,\s]{1,2}守法诚信/g;
const RE_OLD_GOAL_HEAD = /职能科学[、，,\s]{1,2}权责法定[、，,\s]{1,2}执法严明[、，,\s]{1,2}公开公正[、，,\s]{1,2}$/;
const NEW_GOAL_TAIL = '智能高效、廉洁诚信、人民满意';
/** The earlier period named before the old goal in the same sentence. */
const RE_OLD_PERIOD = /2015|2020年前|“十三五”|十三五时期|十三五期间/;

/** The sentence text before logical offset `from` (at most 60 characters). */
function sentenceBefore(t: string, from: number): string {
  let s = from;
  const floor = Math.max(0, from - 60);
  while (s > floor && !SENTENCE_END.has(t[s - 1])) s--;
  return t.slice(s, from);
}

/** Current work: a verb of carrying out just before, or a progress phrase just after. */
const RE_CURRENT_BEFORE = /(?:实施|推进|落实|开展|启动|深化|贯彻|抓好|做好|按照|根据|围绕|部署|推动|对照|执行)[^，。；、]{0,6}$/;
const RE_CURRENT_AFTER = /^[^，。；]{0,6}?(?:扎实推进|深入推进|深入开展|有序推进|稳步推进|全面推进|顺利推进|持续推进|全面启动|全面实施|深入实施|有效落实)/;

function currentWork(t: string, from: number, to: number): boolean {
  return RE_CURRENT_BEFORE.test(t.slice(Math.max(0, from - 12), from)) || RE_CURRENT_AFTER.test(t.slice(to, to + 14));
}

const SENTENCE_END = new Set(['。', '；', ';', '！', '？']);

/** Words anywhere in the sentence that place the mention in the wind-up of the old programme. */
const RE_WINDUP = /终期|收尾|收官|验收|衔接|反馈|整改|检查组/;
const RE_YEAR = /(?<!\d)(\d{4})年/g;

/** The whole sentence around [from, to) with the mention itself cut out. */
function sentenceAround(t: string, from: number, to: number): string {
  let s = from;
  while (s > 0 && from - s < 120 && !SENTENCE_END.has(t[s - 1])) s--;
  let e = to;
  while (e < t.length && e - to < 120 && !SENTENCE_END.has(t[e])) e++;
  return t.slice(s, from) + '\u0000' + t.slice(to, e);
}

/**
 * The sentence contrasts the old programme with the new one (`“七五”普法与“八五”普法衔接`), speaks
 * of its wind-up (`终期验收`, `检查反馈问题整改`) or dates the statement before `year`
 * (`2020年底基本建成`): the mention is history, not current work.
 */
function contrastOrPast(t: string, from: number, to: number, year: number, current: RegExp): boolean {
  const s = sentenceAround(t, from, to);
  if (current.test(s) || RE_WINDUP.test(s)) return true;
  RE_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_YEAR.exec(s))) if (Number(m[1]) < year) return true;
  return false;
}

function historyContext(t: string, from: number, to: number): boolean {
  let s = from;
  const floor = Math.max(0, from - 20);
  while (s > floor && !SENTENCE_END.has(t[s - 1])) s--;
  return RE_HISTORY_BEFORE.test(t.slice(Math.max(s, from - 20), from)) || RE_HISTORY_AFTER.test(t.slice(to, to + 16));
}

export default defineRule(
  {
    id: 'wording/superseded',
    severity: 'warning',
    description: '引用已被取代的提法或文件',
    descriptionEn: 'A superseded programme, document or wording',
    fixable: true,
  },
  (ctx) => {
    const year = ctx.doc.reportYear;
    if (year === undefined || year < 2016) return;
    const current = pufaOrdinal(year);
    const currentPufa = pufaOf(current) ?? /(?!)/;
    const programmes = periodic();
    const paragraphs: readonly Paragraph[] = ctx.doc.paragraphs;
    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      // the body only
      if (!(p.index >= ctx.doc.bodyStart)) continue;
      const t = p.text;
      let m: RegExpExecArray | null;
      const has = scans[pi].has;
      // 1. An earlier five-year law-popularisation programme as current work
      RE_PUFA.lastIndex = 0;
      while ((has & HAS_WU) !== 0 && (m = RE_PUFA.exec(t))) {
        const ord = CN.indexOf(m[1]);
        if (ord <= 0 || ord >= current) continue;
        if (historyContext(t, m.index, m.index + m[0].length) || !currentWork(t, m.index, m.index + m[0].length)) continue;
        if (contrastOrPast(t, m.index, m.index + m[0].length, year, currentPufa)) continue;
        const numAt = m.index + m[0].indexOf(m[1]);
        const r = range(p, m.index, m.index + m[0].length);
        const expected = CN[current];
        ctx.report({
          start: r.start,
          end: r.end,
          message: `${year}年度报告中“${m[1]}五”普法已结束，现行为“${expected}五”普法（${1986 + (current - 1) * 5}—${1990 + (current - 1) * 5}年）；回顾以往工作请写明“${m[1]}五”普法以来`,
          data: { written: m[0], expected: m[0].replace(m[1] + '五', expected + '五'), year },
          fix: { title: `改为“${expected}五”`, edits: replaceSameLength(p, numAt, expected) },
        });
      }
      // 2. A programme whose period has ended cited as in force (`……纲要（2015—2020年）`)
      for (const d of programmes) {
        if ((has & HAS_PERIOD) === 0) break;
        if (d.until >= year) continue;
        // a match holds the title and the first year as written: without them, the expression is not even compiled
        if (!t.includes(d.base) || !t.includes(d.from)) continue;
        d.re.lastIndex = 0;
        while ((m = d.re.exec(t))) {
          if (historyContext(t, m.index, m.index + m[0].length)) continue;
          if (contrastOrPast(t, m.index, m.index + m[0].length, year, d.currentRe)) continue;
          const r = range(p, m.index, m.index + m[0].length);
          ctx.report({
            start: r.start,
            end: r.end,
            message: `《${m[0]}》期限至${d.until}年，已由《${d.successor}》接续，${year}年度报告应引用后者`,
            data: { written: m[0], until: d.until, expected: d.successor },
            fix: { title: `改为《${d.successor}》`, edits: replaceLogical(p, m.index, m.index + m[0].length, d.successor!) },
          });
        }
      }
      // 3. The 2015 goal wording (the 2021 纲要 replaced it)
      if (year >= 2021 && (has & HAS_LIAN) !== 0) {
        RE_OLD_GOAL.lastIndex = 0;
        while ((m = RE_OLD_GOAL.exec(t))) {
          const head = RE_OLD_GOAL_HEAD.exec(t.slice(Math.max(0, m.index - 24), m.index));
          const from = head ? m.index - head[0].length : m.index;
          // quoted as the goal of the earlier period (`2015年纲要提出的…目标已全面实现`)
          if (historyContext(t, from, m.index + m[0].length) || RE_OLD_PERIOD.test(sentenceBefore(t, from))) continue;
          const r = range(p, from, m.index + m[0].length);
          const tail = range(p, m.index, m.index + m[0].length);
          ctx.report({
            start: r.start,
            end: r.end,
            message: `“廉洁高效、守法诚信”是2015年纲要的目标表述；《法治政府建设实施纲要（2021—2025年）》为“职能科学、权责法定、执法严明、公开公正、${NEW_GOAL_TAIL}”`,
            data: { written: t.slice(from, m.index + m[0].length), expected: NEW_GOAL_TAIL },
            fix: { title: `改为“${NEW_GOAL_TAIL}”`, edits: [{ start: tail.start, end: tail.end, text: NEW_GOAL_TAIL }] },
          });
        }
      }
    }
  },
);
