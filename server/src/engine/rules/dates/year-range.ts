import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { isRegexSpace } from '../../text';

const YEAR = '(?:19|20)\\d{2}';
const SEP = '[-—－–~～至到]';
/** Two years run together: `20212025年`, `（20212025）`. */
const RE_GLUED = new RegExp(`(?<![0-9])(${YEAR})(${YEAR})(?![0-9])(?=\\s*年|\\s*[）)])`, 'g');
/** A range `2021-2025`, `2021年—2025年`, `2021至2025年`; not a date `2024年1月-2024年3月`. */
const RE_RANGE = new RegExp(`(?<![0-9])(${YEAR})(?:\\s*年)?\\s*(${SEP}{1,2})\\s*(${YEAR})(?![0-9])(?!\\s*年\\s*\\d{1,2}\\s*月)`, 'g');
/** A bracketed range with a year lost: `（年）`, `（—年）`, `（2021-年）`, `（-2025年）`. */
const RE_HOLLOW = new RegExp(`[（(]\\s*(?:(${YEAR})\\s*)?(?:(${SEP}{1,2})\\s*)?(?:(${YEAR})\\s*)?年\\s*[）)]`, 'y');

/**
 * The next match of RE_HOLLOW at or after `from`, as a global search would find it: a match opens
 * on a bracket, so the expression is only tried where one stands (found by indexOf) and what
 * follows it can go on with a match.
 */
export function nextHollow(t: string, from: number): RegExpExecArray | null {
  let full = t.indexOf('（', from);
  let half = t.indexOf('(', from);
  while (full >= 0 || half >= 0) {
    const at = full < 0 ? half : half < 0 ? full : Math.min(full, half);
    if (mayOpenHollow(t, at)) {
      RE_HOLLOW.lastIndex = at;
      const m = RE_HOLLOW.exec(t);
      if (m) return m;
    }
    if (at === full) full = t.indexOf('（', at + 1);
    else half = t.indexOf('(', at + 1);
  }
  return null;
}

/**
 * Can RE_HOLLOW match at the bracket `at`? After `[（(]\s*` its match goes on with a year (`1` or
 * `2`), a dash of SEP or `年`; none of them is white space, so the greedy `\s*` cannot stop
 * anywhere else. Most brackets (`（一）`, `（以下简称`) fail this at once, without a regex run.
 */
function mayOpenHollow(t: string, at: number): boolean {
  let i = at + 1;
  while (i < t.length && isRegexSpace(t.charCodeAt(i))) i++;
  if (i >= t.length) return false;
  switch (t.charCodeAt(i)) {
    case 0x31: case 0x32: // 1 2
    case 0x2d: case 0x2014: case 0xff0d: case 0x2013: case 0x7e: case 0xff5e: case 0x81f3: case 0x5230: // - — － – ~ ～ 至 到
    case 0x5e74: // 年
      return true;
    default:
      return false;
  }
}

/** The end of a plan's or document's name, before which `（年）` stands for a lost range. */
const RE_PLAN_NAME_END = /(?:纲要|规划|计划|方案|意见|要点|行动|工程|办法|规定|决定|清单|目录|标准|体系|战略|任务|安排)\s*$/;

/** Is the bare `（年）` at `at` a range that lost its years (after a plan's name, or in `《…》`)? */
function bareRangeLost(t: string, at: number): boolean {
  if (RE_PLAN_NAME_END.test(t.slice(Math.max(0, at - 4), at))) return true;
  const open = t.lastIndexOf('《', at);
  return open >= 0 && t.lastIndexOf('》', at) < open;
}

export default defineRule(
  {
    id: 'dates/year-range',
    severity: 'warning',
    description: '年份区间书写错误（如“20212025年”“2023-2023”、倒置）',
    descriptionEn: 'Malformed year ranges',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    // the document's own range dash, for fixes
    let dash = '—';
    for (const p of doc.paragraphs) {
      RE_RANGE.lastIndex = 0;
      const m = RE_RANGE.exec(p.text);
      if (m && Number(m[3]) > Number(m[1])) {
        dash = m[2];
        break;
      }
    }
    const at = (p: Paragraph, from: number, to: number) => ({ start: p.map[from], end: p.map[to - 1] + 1 });
    for (const p of doc.paragraphs) {
      const t = p.text;
      let m: RegExpExecArray | null;
      RE_GLUED.lastIndex = 0;
      while ((m = RE_GLUED.exec(t))) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (b <= a || b - a > 30) continue;
        const r = at(p, m.index, m.index + m[0].length);
        const mid = p.map[m.index + 4];
        ctx.report({
          ...r,
          message: `“${m[0]}”两个年份连在一起，应写作“${a}${dash}${b}”。`,
          data: { kind: 'glued', from: a, to: b, dash },
          fix: { title: `改为“${a}${dash}${b}”`, edits: [{ start: mid, end: mid, text: dash }] },
        });
      }
      RE_RANGE.lastIndex = 0;
      while ((m = RE_RANGE.exec(t))) {
        const a = Number(m[1]);
        const b = Number(m[3]);
        if (b > a) continue;
        const r = at(p, m.index, m.index + m[0].length);
        ctx.report({
          ...r,
          message: b === a
            ? `年份区间“${m[0]}”起止相同，请核对（只有一年时直接写“${a}年”）。`
            : `年份区间“${m[0]}”起止倒置，应为“${b}${m[2]}${a}”。`,
          data: { kind: b === a ? 'same' : 'reversed', from: a, to: b },
        });
      }
      for (m = nextHollow(t, 0); m; m = nextHollow(t, m.index + m[0].length)) {
        const complete = !!(m[1] && m[2] && m[3]);
        const single = !m[2] && !(m[1] && m[3]) && !!(m[1] || m[3]);
        const glued = !m[2] && !!m[1] && !!m[3];
        if (complete || single || glued) continue;
        // a bare `（年）` is also a unit (`工作年限（年）`, a table's column): only after the name of
        // a plan or inside a cited title is it a range that lost its years
        if (!m[1] && !m[2] && !m[3] && !bareRangeLost(t, m.index)) continue;
        const r = at(p, m.index, m.index + m[0].length);
        ctx.report({
          ...r,
          message: `“${m[0]}”中的年份缺失，应写明起止年份（如“（2021${dash}2025年）”）。`,
          data: { kind: 'hollow', from: m[1] ? Number(m[1]) : undefined, to: m[3] ? Number(m[3]) : undefined },
        });
      }
    }
  },
);
