import { defineRule } from '../define';
import type { Enumeration, Paragraph, ReportDocument, Section } from '../../document';
import { clip, headingSpan } from './util';
import { firstStartingAt } from '../../text';

export interface Topic {
  /** Chinese name shown in messages. */
  name: string;
  /** Plain-text terms; a text names the topic when it contains one of them. */
  terms: string[];
}

/** Topics problems and plans are matched by (terms are plain text, matched as substrings). */
export const TOPICS: readonly Topic[] = [
  { name: '第一责任人职责', terms: ['第一责任人', '主要负责人', '一把手', '述法'] },
  { name: '领导干部法治思维', terms: ['法治思维', '法治方式', '学法用法', '依法行政能力', '依法办事', '依法行政', '法治素养', '领导干部学法'] },
  { name: '普法与法治宣传', terms: ['谁执法谁普法', '谁主管谁普法', '谁服务谁普法', '普法', '法治宣传', '法律意识', '法治意识', '法治宣传教育', '法律明白人', '法治文化', '法律知识'] },
  { name: '立法', terms: ['立法', '规章'] },
  { name: '行政规范性文件', terms: ['规范性文件', '备案审查'] },
  { name: '依法决策', terms: ['决策', '合法性审查', '合法性审核'] },
  { name: '法律顾问', terms: ['法律顾问', '公职律师'] },
  { name: '行政执法', terms: ['执法', '三项制度', '案卷', '行政处罚'] },
  { name: '行政复议', terms: ['复议'] },
  { name: '行政应诉', terms: ['应诉', '诉讼', '出庭', '败诉'] },
  { name: '矛盾纠纷化解', terms: ['调解', '矛盾纠纷', '纠纷', '争议', '信访', '枫桥'] },
  { name: '法律援助', terms: ['法律援助'] },
  { name: '公共法律服务', terms: ['公共法律服务', '法律服务'] },
  { name: '政务服务与营商环境', terms: ['政务服务', '行政服务', '放管服', '营商环境', '办事难', '一网通办', '审批'] },
  { name: '政务公开', terms: ['政务公开', '信息公开'] },
  { name: '队伍与人员', terms: ['队伍', '人员', '人才', '力量', '编制', '专职', '工作者', '内设机构'] },
  { name: '基层法治', terms: ['基层', '乡镇', '村级', '司法所', '村（社区）', '村(社区)'] },
  { name: '经费保障', terms: ['经费', '补助', '资金', '保障不足'] },
  { name: '信息化', terms: ['信息化', '智慧', '数字', '平台', '互联网'] },
  { name: '监督与督察', terms: ['督察', '监督', '考核', '问责', '评估'] },
  { name: '社区矫正', terms: ['社区矫正', '安置帮教'] },
];

/** Words that mark a clause as naming a shortcoming. */
const PROBLEM_MARK = /不足|不够|不强|不高|不到位|不充分|不完善|不健全|不规范|不平衡|不理想|不适应|不便|不严|有待|仍需|尚需|还需|亟需|亟待|薄弱|短板|差距|欠缺|缺乏|滞后|较弱|较低|偏低|率低|困难|匮乏|障碍|问题|较少|不多|未能|尚未|还未|没有/;

/** `。：:` and white space (`\s`) before a part's body. */
export function isBodyLead(c: number): boolean {
  return c === 0x3002 || c === 0xff1a || c === 0x3a || isSpace(c);
}

/** White space and `，,；;：:。` before a clause. */
export function isClauseLead(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 || isSpace(c);
}

/** `。；;！？!?` */
export function isStatementEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** `。！？!?` */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** `，,；;：:。！？!?` */
export function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 ||
    c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** What `\s` matches in a (non-unicode) JavaScript regular expression. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const SENTENCE_END = /[。！？!?]/;

interface Unit {
  p: Paragraph;
  /** Logical span to report (the problem statement). */
  from: number;
  to: number;
  /** Text matched against the topics (the whole item). */
  text: string;
  /** Enumerated item (`一是`, `（一）`): a problem by position; otherwise it needs a problem word. */
  item: boolean;
}

const readCache = new WeakMap<object, readonly Topic[]>();

/** The `topics` option: valid entries of a configured list (cached per list), else the defaults. */
function readTopics(v: unknown): readonly Topic[] {
  if (!Array.isArray(v) || v === TOPICS) return TOPICS;
  const cached = readCache.get(v);
  if (cached) return cached;
  const out = v.filter((t): t is Topic => !!t && typeof t === 'object' && typeof (t as Topic).name === 'string' &&
    Array.isArray((t as Topic).terms) && (t as Topic).terms.every((x) => typeof x === 'string'));
  const topics = out.length ? out : TOPICS;
  readCache.set(v, topics);
  return topics;
}

interface TopicMatcher {
  /** For each UTF-16 unit, 1 + the index in `lists` of the terms starting with it; 0 when none. */
  slot: Uint16Array | Uint32Array;
  /** Terms by their first code unit, longest first, with the topic of each and its second code unit (-1: none). */
  lists: { terms: string[]; topics: Topic[]; second: number[] }[];
  /** Does a term contain a line break (it could then match across two joined paragraphs)? */
  newline: boolean;
}

const matchers = new WeakMap<readonly Topic[], TopicMatcher | null>();

/**
 * Every term by its first code unit, longest first, so that `谁执法谁普法` is read as 普法, not
 * 执法: the leftmost, then longest term wins, and the scan goes on after it (as one alternation of
 * the terms, longest first, would match).
 */
function matcherFor(topics: readonly Topic[]): TopicMatcher | undefined {
  let m = matchers.get(topics);
  if (m === undefined) {
    const topicOf = new Map<string, Topic>();
    for (const t of topics) for (const x of t.terms) if (x && !topicOf.has(x)) topicOf.set(x, t);
    if (!topicOf.size) m = null;
    else {
      const byFirst = new Map<number, string[]>();
      let newline = false;
      for (const x of topicOf.keys()) {
        const c = x.charCodeAt(0);
        const list = byFirst.get(c);
        if (list) list.push(x);
        else byFirst.set(c, [x]);
        if (x.includes('\n')) newline = true;
      }
      const slot = byFirst.size < 0xffff ? new Uint16Array(0x10000) : new Uint32Array(0x10000);
      const lists: TopicMatcher['lists'] = [];
      for (const [c, list] of byFirst) {
        list.sort((a, b) => b.length - a.length);
        lists.push({ terms: list, topics: list.map((x) => topicOf.get(x)!), second: list.map((x) => (x.length > 1 ? x.charCodeAt(1) : -1)) });
        slot[c] = lists.length;
      }
      m = { slot, lists, newline };
    }
    matchers.set(topics, m);
  }
  return m ?? undefined;
}

/** Adds the topics named in `text` to `found`. */
function scanTopics(text: string, m: TopicMatcher, found: Set<Topic>): void {
  const { slot, lists } = m;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = slot[text.charCodeAt(i)];
    if (k === 0) continue;
    const { terms, topics, second } = lists[k - 1];
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -2;
    for (let j = 0; j < terms.length; j++) {
      const c1 = second[j];
      if (c1 >= 0 && c1 !== next) continue;
      const term = terms[j];
      if (c1 < 0 || term.length === 2 || text.startsWith(term, i)) {
        found.add(topics[j]);
        i += term.length - 1;
        break;
      }
    }
  }
}

/** The topics a text names (terms matched longest first, without overlaps), in the topics' order. */
export function topicsIn(text: string, topics: readonly Topic[]): Topic[] {
  const m = matcherFor(topics);
  if (!m) return [];
  const found = new Set<Topic>();
  scanTopics(text, m, found);
  return found.size ? topics.filter((t) => found.has(t)) : [];
}

/**
 * The names of the topics the plans parts name, read as far as a question needs: the text is
 * scanned from the start, one paragraph at a time, until the topic asked about turns up (the scan
 * is the same as over the whole text at once, so the answers are too).
 */
class PlannedTopics {
  /** The next paragraph to scan: `plans[si].paragraphs[pi]`. */
  private si = 0;
  private pi = 0;
  private readonly found = new Set<Topic>();
  private readonly names = new Set<string>();
  /** The plans' text joined by line breaks, when a term holds one (it could span two paragraphs). */
  private readonly joined: string | undefined;

  constructor(private readonly plans: readonly Section[], private readonly m: TopicMatcher | undefined) {
    if (m?.newline) this.joined = plans.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
  }

  has(name: string): boolean {
    const { m, plans, found, names } = this;
    if (!m) return false;
    if (this.joined !== undefined) {
      if (this.si === 0) {
        this.si = 1;
        scanTopics(this.joined, m, found);
        for (const t of found) names.add(t.name);
      }
      return names.has(name);
    }
    // no term holds a line break: the paragraphs are scanned one by one, as far as needed
    while (!names.has(name) && this.si < plans.length) {
      const paras = plans[this.si].paragraphs;
      if (this.pi >= paras.length) {
        this.si++;
        this.pi = 0;
        continue;
      }
      const before = found.size;
      scanTopics(paras[this.pi++].text, m, found);
      if (found.size > before) for (const t of found) names.add(t.name);
    }
    return names.has(name);
  }
}

/** Where a part's body starts in a paragraph (after the heading text it carries). */
function bodyFrom(p: Paragraph): number {
  let i = p.heading ? p.heading.logicalEnd : 0;
  while (i < p.text.length && isBodyLead(p.text.charCodeAt(i))) i++;
  return i;
}

/** Clauses of [from,to) grouped so that each group ends with a clause naming a shortcoming. */
function clauseUnits(p: Paragraph, from: number, to: number, out: Unit[]): void {
  let start = from;
  let groupStart = from;
  let last: Unit | undefined;
  for (let i = from; i <= to; i++) {
    if (i < to && !isClauseEnd(p.text.charCodeAt(i))) continue;
    const clause = p.text.slice(start, i);
    if (PROBLEM_MARK.test(clause)) {
      let s = groupStart;
      while (s < i && isClauseLead(p.text.charCodeAt(s))) s++;
      last = { p, from: s, to: i, text: p.text.slice(s, i), item: false };
      out.push(last);
      groupStart = i + 1;
    }
    start = i + 1;
  }
  // trailing clauses without a problem word belong to the last group
  if (last && groupStart < to) last.text += p.text.slice(groupStart, to);
}

/** The enumerations of the document ordered by start (as they normally already are). */
function sortedEnumerations(doc: ReportDocument): readonly Enumeration[] {
  const list = doc.enumerations;
  for (let k = 1; k < list.length; k++) {
    if (list[k].start < list[k - 1].start) return [...list].sort((a, b) => a.start - b.start);
  }
  return list;
}

/** The problem statements of a problems part. */
function problemUnits(doc: ReportDocument, part: Section, enums: readonly Enumeration[]): Unit[] {
  const paras = part.paragraphs;
  // cut points: enumerated items and sub-headings
  const cuts = new Map<Paragraph, number[]>();
  // enumerations are ordered by start: those inside the part start in [part.start, part.end]
  for (let k = firstStartingAt(enums, part.start); k < enums.length && enums[k].start <= part.end; k++) {
    const e = enums[k];
    if (e.start < part.start || e.end > part.end) continue;
    const list = cuts.get(e.paragraph) ?? [];
    list.push(e.logicalStart);
    cuts.set(e.paragraph, list);
  }
  for (const p of paras) if (p.heading && p !== part.paragraphs[0] && p.heading.level > part.level) {
    const list = cuts.get(p) ?? [];
    list.push(0);
    cuts.set(p, list);
  }
  const units: Unit[] = [];
  let open: Unit | undefined;
  for (const p of paras) {
    const from0 = p === paras[0] && part.heading ? bodyFrom(p) : 0;
    const cs = (cuts.get(p) ?? []).filter((c) => c >= from0).sort((a, b) => a - b);
    const first = cs.length ? cs[0] : p.text.length;
    if (from0 < first) {
      if (open) open.text += p.text.slice(from0, first);
      else clauseUnitsBySentence(p, from0, first, units);
    }
    for (let k = 0; k < cs.length; k++) {
      const from = p.heading && cs[k] === 0 ? 0 : cs[k];
      const to = k + 1 < cs.length ? cs[k + 1] : p.text.length;
      // the statement: up to the first sentence end of the item
      let end = from;
      while (end < to && !isStatementEnd(p.text.charCodeAt(end))) end++;
      open = { p, from, to: end, text: p.text.slice(from, to), item: true };
      units.push(open);
    }
  }
  return units;
}

function clauseUnitsBySentence(p: Paragraph, from: number, to: number, out: Unit[]): void {
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !isSentenceEnd(p.text.charCodeAt(i))) continue;
    if (i > s) clauseUnits(p, s, i, out);
    s = i + 1;
  }
}

/**
 * metrics/problem-not-planned: a problem named in the problems part that no item of the plans part
 * answers (they share no topic: 法律顾问, 行政执法, 普法 …), and a problems part that is one vague
 * sentence naming no problem at all.
 */
export default defineRule(
  {
    id: 'metrics/problem-not-planned',
    severity: 'info',
    description: '存在的问题在工作计划中没有回应',
    descriptionEn: 'A problem no plan item answers',
    defaultOptions: { topics: TOPICS },
  },
  (ctx) => {
    const { doc } = ctx;
    const topics = readTopics(ctx.options.topics);
    const problems = doc.parts.filter((p) => p.kind === 'problems');
    const plans = doc.parts.filter((p) => p.kind === 'plans');
    if (!problems.length) return;
    const planned = new PlannedTopics(plans, matcherFor(topics));
    const enums = sortedEnumerations(doc);
    for (const part of problems) {
      const units = problemUnits(doc, part, enums);
      const named: Unit[] = [];
      const namedTopics: Topic[][] = [];
      for (const u of units) {
        const ts = topicsIn(u.text, topics);
        if (!ts.length) continue;
        named.push(u);
        namedTopics.push(ts);
      }
      if (!named.length) {
        const body = part.paragraphs.map((p, i) => p.text.slice(i === 0 && part.heading ? bodyFrom(p) : 0)).join('');
        const sentences = body.split(SENTENCE_END).filter((x) => x.trim().length > 0);
        if (sentences.length <= 2 && units.every((u) => !u.item)) {
          const at = headingSpan(part) ?? { start: part.start, end: part.paragraphs[0]?.end ?? part.end };
          ctx.report({
            ...at,
            message: sentences.length
              ? `“存在的问题”部分只有笼统的表述（“${clip(body, 30)}”），没有指出具体问题及其原因。`
              : '“存在的问题”部分没有内容，应具体写明存在的不足及其原因。',
            data: { vague: true, text: body },
          });
        }
        continue;
      }
      if (!plans.length) continue;
      for (let k = 0; k < named.length; k++) {
        const u = named[k];
        if (!u.item && !PROBLEM_MARK.test(u.text)) continue;
        const ts = namedTopics[k];
        if (ts.some((t) => planned.has(t.name))) continue;
        const p = u.p;
        const start = p.map[u.from];
        const end = p.map[Math.max(u.from, u.to - 1)] + 1;
        const names = ts.map((t) => t.name).join('、');
        ctx.report({
          start,
          end,
          message: `问题“${clip(p.text.slice(u.from, u.to), 30)}”（涉及${names}）在工作计划中没有对应的安排。建议在下一年度工作安排中写明针对性的措施。`,
          data: { problem: p.text.slice(u.from, u.to), topics: ts.map((t) => t.name) },
        });
      }
    }
  },
);
