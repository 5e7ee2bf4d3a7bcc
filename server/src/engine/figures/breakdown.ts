/**
 * Totals with a breakdown, shared by `figures/sum` and `figures/share-total`.
 *
 * Forms read (all on the quantity tokenizer, never on a second number parser):
 * - a total followed by `其中` / `含` / `包括` / `分别为` and a list of parts with the same unit
 *   (`已办结25件；其中不予受理1件、维持2件…`, `共120件（含刑事45件、民事75件）`);
 * - parts followed by their total (`刑事案件345件、民事案件415件，共计760件`);
 * - Markdown tables whose `合计` / `总计` / `小计` row sums the rows above it.
 * Each part may carry a share (`，占45%`, `（占比45%）`).
 */
import type { Paragraph, ReportDocument } from '../document';
import { mapRange } from '../document';
import { figuresOf as figuresOfImported, quantitiesIn as quantitiesInImported, Quantity } from './quantities';
import { roundTo as roundToImported } from './arith';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const quantitiesIn: typeof quantitiesInImported = quantitiesInImported;
const roundTo: typeof roundToImported = roundToImported;

export type BreakdownForm = 'qizhong' | 'han' | 'fenbie' | 'sum-after' | 'table';

export interface Breakdown {
  form: BreakdownForm;
  total: Quantity;
  parts: Quantity[];
  /** Share (`占45%`) attached to each part, when written. */
  shares: (Quantity | undefined)[];
  /** The parts are meant to make up the whole total (a sum written after them, a table's total,
   *  `分别为` right after the total, an item labelled `其他` …). Otherwise only "parts exceed the
   *  total" can be checked: `其中` often names some parts only. */
  complete: boolean;
  /** Labels of the parts name attributes that may overlap (`持证…`, `女性…`, `35岁以下…`): the
   *  parts need not be disjoint, so even their exceeding the total proves nothing. */
  overlapping: boolean;
  /** For tables: the total is a `合计` column (the sum of a row) rather than a `合计` row. */
  column?: boolean;
  /** Original offsets of the whole list of parts. */
  partsStart: number;
  partsEnd: number;
}

const RE_HAS_SEPARATOR = /[,，]/;
const RE_FULL_DIGIT = /[０-９]/;
const RE_ASCII_DIGIT = /[0-9.]/g;
const RE_LEADING_CLOSE = /^[\s）)]+/;
const RE_AND = /以及|和|及|与/;
const RE_CLOSE = /[）)]/;
const RE_TAIL = /^[^、，,；;。]*/;
const RE_DIGIT_START = /^[0-9０-９]/;
const RE_SPACES = /\s+/g;
const RE_SPACE = /\s/;
const RE_CLAUSE_PUNCT = /[。！？!?；;，,]/;

// ---------------------------------------------------------------------------------------------
// Approximation and rounding: the interval a written figure stands for.

const RE_BELOW = /近|将近|接近|不足|不到|以下|以内/;
const RE_ABOVE = /余|多|超|逾|以上|过|至少/;

function lastDigitUnit(q: Quantity): number {
  if (q.decimals > 0) return 10 ** -q.decimals * q.scale;
  const n = Math.round(q.value / q.scale);
  if (!Number.isFinite(n) || n <= 0) return q.scale;
  let tz = 0;
  let m = n;
  while (m % 10 === 0 && tz < 12) {
    m /= 10;
    tz++;
  }
  return 10 ** tz * q.scale;
}

/** The interval [lo, hi] a figure stands for: exact for plain counts, its rounding for decimals and
 *  万/亿, a generous range for 余/多/近/约/超. */
export function interval(q: Quantity): [number, number] {
  const v = q.value;
  if (q.approx) {
    const n = Math.round(v / q.scale);
    const digits = String(Math.max(1, Math.trunc(Math.abs(n)))).length;
    const u = Math.max(lastDigitUnit(q), q.decimals > 0 ? 0 : 10 ** Math.max(0, digits - 2) * q.scale);
    const marks = q.approxMarks?.join('') ?? q.raw;
    if (RE_BELOW.test(marks)) return [v - u, v];
    if (RE_ABOVE.test(marks)) return [v, v + u];
    return [v - u, v + u];
  }
  if (q.decimals === 0 && q.scale === 1) return [v, v];
  const half = 0.5 * 10 ** -q.decimals * q.scale;
  return [v - half, v + half];
}

/** True when the figure is exact as written (no approximation, no rounding). */
export function isExact(q: Quantity): boolean {
  return !q.approx && !q.chinese && q.decimals === 0 && q.scale === 1 && q.high === undefined;
}

/** `81.2万` → `81.2万`; scale-free figures as plain numbers. */
export function show(value: number, scale: number, decimals: number): string {
  if (scale !== 1e4 && scale !== 1e8 && scale !== 1) {
    // 千 and other scales: the plain value
    const d = Math.max(0, decimals - Math.round(Math.log10(scale)));
    return d > 0 ? roundTo(value, d).toFixed(d) : String(roundTo(value, 0));
  }
  const v = roundTo(value / scale, decimals);
  const s = decimals > 0 ? v.toFixed(decimals) : String(v);
  return s + (scale === 1e4 ? '万' : scale === 1e8 ? '亿' : '');
}

/** Writes a plain ASCII numeral the way the original was written: thousands separators and
 *  full-width digits are kept. */
export function likeWritten(original: Quantity, numeral: string): string {
  let s = numeral;
  if (RE_HAS_SEPARATOR.test(original.raw)) {
    const sep = original.raw.includes('，') ? '，' : ',';
    const dot = s.indexOf('.');
    let int = dot >= 0 ? s.slice(0, dot) : s;
    const rest = dot >= 0 ? s.slice(dot) : '';
    let out = '';
    while (int.length > 3) {
      out = sep + int.slice(-3) + out;
      int = int.slice(0, -3);
    }
    s = int + out + rest;
  }
  if (RE_FULL_DIGIT.test(original.raw)) s = s.replace(RE_ASCII_DIGIT, (d) => (d === '.' ? '．' : String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  return s;
}

/** Exact sum of figures with decimals (no floating noise). */
export function sumValues(qs: Quantity[]): number {
  let d = 0;
  for (let k = 0; k < qs.length; k++) d = Math.max(d, qs[k].decimals + Math.round(Math.log10(qs[k].scale)));
  return roundTo(qs.reduce((a, q) => a + q.value, 0), Math.max(0, d));
}

// ---------------------------------------------------------------------------------------------
// Lists in running text.

const RE_CONNECTIVE = /^[\s，,；;：:]*(?:([（(])\s*)?(其中(?:包括|包含|有)?|含有?|包含|包括|分别为|分别是|分别有)\s*(?:[：:，,]\s*)?/;
const RE_CHANGE_GAP = /^[，,]\s*(?:同比|较上年同期|比上年同期|较上年|比上年|较去年同期|较去年|比去年)(?:增长|增加|上升|下降|减少|降低|提高)了?\s*$/;
const RE_QIZHONG = /^[，,；;]\s*其中/;
const RE_COLON = /^\s*[：:]\s*/;
const RE_SUM_AFTER = /[，,、]\s*(?:共计|合计|总计|总共|共)\s*(?:(?:为|达到?|有)\s*)?$/;
const RE_SHARE_GAP = /^[\s，,、（(]*(?:占(?:比|比例|比重)?|比例|比重)\s*(?:(?:为|达到?|约)\s*)?$/;
const RE_ATTRIBUTE = /持有|持证|具有|具备|取得|获得|通过|参加|参与|拥有|女性|男性|妇女|党员|少数民族|岁|学历|本科|研究生|硕士|博士|以上|以下|涉及|涉企|同时|兼任|重复/;
const RE_EXHAUSTIVE = /其他|其余|其它|剩余|余下|另有/;
const RE_SENTENCE_END = /[。！？!?]/;
/** Words that open a new clause rather than name another part. */
const RE_CLAUSE_VERB = /^(?:办结|办理|受理|审结|审理|累计|共|总计|合计|新增|挽回|提供|解答|发放|涉及|涉案|同比|较|比|开展|组织|举办|接待|出具|培训|参与|化解|调处|制发|召开|完成|实现|达到|覆盖)/;
const MAX_GAP = 30;

interface Gap {
  ok: boolean;
  sep?: string;
  label: string;
}

/** The text between two parts: exactly one separator, a short label, no sentence end. */
function readGap(t: string): Gap {
  if (t.length > MAX_GAP || RE_SENTENCE_END.test(t)) return { ok: false, label: '' };
  // the separators 、，,；;, counted on their codes
  let count = 0;
  let first = -1;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b) {
      if (count++ === 0) first = k;
    }
  }
  if (count === 1) {
    return { ok: true, sep: t[first], label: t.slice(first + 1).replace(RE_LEADING_CLOSE, '') };
  }
  if (count === 0) {
    const m = RE_AND.exec(t);
    if (m) return { ok: true, sep: '和', label: t.slice(m.index + m[0].length) };
  }
  return { ok: false, label: '' };
}

function sameMeasure(a: Quantity, b: Quantity): boolean {
  return a.kind === 'number' && b.kind === 'number' && a.unit === b.unit && a.high === undefined && b.high === undefined;
}

function listAfter(p: Paragraph, qs: Quantity[], total: Quantity, startIdx: number, from: number, paren: boolean):
  { parts: Quantity[]; shares: (Quantity | undefined)[]; labels: string[]; end: number } {
  const t = p.text;
  const parts: Quantity[] = [];
  const shares: (Quantity | undefined)[] = [];
  const labels: string[] = [];
  let pos = from;
  let style: string | undefined;
  const close = paren ? t.slice(from).search(RE_CLOSE) : -1;
  const limit = close >= 0 ? from + close : t.length;
  for (let i = startIdx; i < qs.length; i++) {
    const q = qs[i];
    if (q.from < pos) continue;
    if (q.to > limit) break;
    const gapText = t.slice(pos, q.from);
    if (q.kind === 'percent' && parts.length && shares[parts.length - 1] === undefined && RE_SHARE_GAP.test(gapText)) {
      shares[parts.length - 1] = q;
      pos = q.to;
      continue;
    }
    if (!sameMeasure(total, q)) break;
    let label: string;
    if (!parts.length) {
      if (gapText.length > MAX_GAP || RE_CLAUSE_PUNCT.test(gapText)) break;
      label = gapText;
    } else {
      const g = readGap(gapText);
      if (!g.ok) break;
      const sep = g.sep === ',' ? '，' : g.sep!;
      if (sep === '；' || sep === ';') break;
      if (!style && sep !== '和') style = sep;
      if (style === '、' && sep === '，') break;
      if (style === '，' && (g.label.length > 10 || RE_CLAUSE_VERB.test(g.label))) break;
      label = g.label;
    }
    if (label.includes('其中')) break;
    parts.push(q);
    shares.push(undefined);
    labels.push(label);
    pos = q.to;
  }
  return { parts, shares, labels, end: pos };
}

/** Breakdowns written in a paragraph's running text (cached on the paragraph's figures entry). */
export function breakdownsIn(p: Paragraph): Breakdown[] {
  const e = figuresOf(p);
  let out = e.breakdowns as Breakdown[] | undefined;
  if (!out) {
    out = p.kind === 'table' ? [] : findBreakdowns(p);
    e.breakdowns = out;
  }
  return out;
}

/**
 * Does t[from, to) (clipped to the text) hold 其 含 包 分 ： or : (one of them is in every match
 * of RE_CONNECTIVE or RE_COLON)? (Two plain loops rather than one taking a test function: a
 * callback that varies is never inlined, and these run around every figure.)
 */
function hasConnectiveChar(t: string, from: number, to: number): boolean {
  const end = Math.min(to, t.length);
  for (let k = Math.max(0, from); k < end; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x5176 || c === 0x542b || c === 0x5305 || c === 0x5206 || c === 0xff1a || c === 0x3a) return true;
  }
  return false;
}
/** Does t[from, to) (clipped to the text) hold 共 or 计 (one of them is in every match of RE_SUM_AFTER)? */
function hasSumChar(t: string, from: number, to: number): boolean {
  const end = Math.min(to, t.length);
  for (let k = Math.max(0, from); k < end; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x5171 || c === 0x8ba1) return true;
  }
  return false;
}
function connectiveAfter(after: string): RegExpExecArray | null {
  return RE_CONNECTIVE.exec(after) ?? RE_COLON.exec(after);
}

function findBreakdowns(p: Paragraph): Breakdown[] {
  const t = p.text;
  const qs = quantitiesIn(p);
  const out: Breakdown[] = [];
  for (let k = 0; k < qs.length; k++) {
    const total = qs[k];
    if (total.kind !== 'number' || total.high !== undefined) continue;
    // total, then the parts; `办理136件，同比增长13.3%，其中…` reads the total over its change
    let anchor = total;
    let next = k + 1;
    const change = qs[k + 1];
    if (change && (change.kind === 'percent' || change.kind === 'points') && RE_CHANGE_GAP.test(t.slice(total.to, change.from)) &&
      RE_QIZHONG.test(t.slice(change.to, change.to + 4))) {
      anchor = change;
      next = k + 2;
    }
    // RE_CONNECTIVE needs 其 含 包 or 分 in the next 16 characters, RE_COLON a colon
    const m = hasConnectiveChar(t, anchor.to, anchor.to + 16) ? connectiveAfter(t.slice(anchor.to, anchor.to + 16)) : null;
    if (m) {
      const word = m[2] ?? '';
      const form: BreakdownForm = word.startsWith('其中') ? 'qizhong' : word.startsWith('分别') ? 'fenbie' : 'han';
      const from = anchor.to + m[0].length;
      const l = listAfter(p, qs, total, next, from, !!m[1]);
      if (l.parts.length >= (form === 'fenbie' ? 2 : 1)) {
        const r = mapRange(p, l.parts[0].from, l.end);
        const tail = RE_TAIL.exec(t.slice(l.end))![0];
        // `……等` names some parts only
        const complete = (form === 'fenbie' || l.labels.some((x) => RE_EXHAUSTIVE.test(x))) && !tail.trimStart().startsWith('等');
        const overlapping = RE_ATTRIBUTE.test(t.slice(from, l.end) + tail);
        out.push({ form, total, parts: l.parts, shares: l.shares, complete, overlapping, partsStart: r.start, partsEnd: r.end });
      }
      continue;
    }
    // parts, then `共计N`
    if (k < 2 || !hasSumChar(t, total.from - 8, total.from)) continue;
    const before = t.slice(Math.max(0, total.from - 8), total.from);
    if (RE_SUM_AFTER.test(before)) {
      const parts: Quantity[] = [];
      let style: string | undefined;
      let j = k - 1;
      let nextFrom = total.from - (RE_SUM_AFTER.exec(before)![0].length);
      // the gap between the last part and `共计` must be empty (the regex consumed the separator)
      if (j < 0 || t.slice(qs[j].to, nextFrom).trim() !== '') continue;
      for (; j >= 0; j--) {
        const q = qs[j];
        if (!sameMeasure(total, q)) break;
        if (parts.length) {
          const g = readGap(t.slice(q.to, nextFrom));
          if (!g.ok) break;
          const sep = g.sep === ',' ? '，' : g.sep!;
          if (sep === '；' || sep === ';') break;
          if (!style && sep !== '和') style = sep;
          if (style && sep !== '和' && sep !== style) break;
          if (sep === '，' && (g.label.length > 10 || RE_CLAUSE_VERB.test(g.label))) break;
        }
        parts.unshift(q);
        nextFrom = q.from;
      }
      if (parts.length >= 2) {
        const r = mapRange(p, parts[0].from, parts[parts.length - 1].to);
        out.push({ form: 'sum-after', total, parts, shares: parts.map(() => undefined), complete: true, overlapping: false, partsStart: r.start, partsEnd: r.end });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown tables.

const RE_TOTAL_LABEL = /^(?:合\s*计|总\s*计|共\s*计|总\s*数|全\s*年\s*合\s*计|全[市县区州省]\s*合\s*计)$/;
const RE_SUBTOTAL_LABEL = /^小\s*计$/;
const RE_SEPARATOR_CELL = /^:?-{2,}:?$/;
const RE_EMPTY_CELL = /^(?:|[-—–－/／]+|无)$/;

interface Cell {
  from: number;
  to: number;
  text: string;
}

function cellsOf(p: Paragraph): Cell[] {
  const t = p.text;
  const out: Cell[] = [];
  let start = t.startsWith('|') ? 1 : 0;
  for (let i = start; i <= t.length; i++) {
    if (i === t.length || t[i] === '|') {
      if (i === t.length && start >= t.length) break;
      let a = start;
      let b = i;
      while (a < b && RE_SPACE.test(t[a])) a++;
      while (b > a && RE_SPACE.test(t[b - 1])) b--;
      out.push({ from: a, to: b, text: t.slice(a, b) });
      start = i + 1;
    }
  }
  return out;
}

type CellValue = { q: Quantity } | { empty: true } | { text: string };

function cellValue(p: Paragraph, c: Cell): CellValue {
  if (RE_EMPTY_CELL.test(c.text)) return { empty: true };
  const qs = quantitiesIn(p).filter((q) => q.from >= c.from && q.to <= c.to);
  if (qs.length === 1 && qs[0].from === c.from && qs[0].to === c.to) return { q: qs[0] };
  return { text: c.text };
}

const tableCache = new WeakMap<ReportDocument, Breakdown[]>();

/** Column sums of Markdown tables checked against their `合计` / `小计` rows (cached). */
export function tableBreakdowns(doc: ReportDocument): Breakdown[] {
  let out = tableCache.get(doc);
  if (out) return out;
  out = [];
  const ps = doc.paragraphs;
  for (let i = doc.bodyStart; i < ps.length; i++) {
    if (ps[i].kind !== 'table') continue;
    let j = i;
    while (j + 1 < ps.length && ps[j + 1].kind === 'table') j++;
    tableSums(ps.slice(i, j + 1), out);
    i = j;
  }
  tableCache.set(doc, out);
  return out;
}

function tableSums(rows: Paragraph[], out: Breakdown[]): void {
  const body = rows.filter((r) => !cellsOf(r).every((c) => RE_SEPARATOR_CELL.test(c.text)));
  if (body.length < 2) return;
  // the header: the row above the `---` row, or a first row with no figure in it
  const hasSeparator = body.length !== rows.length;
  const hasHeader = hasSeparator || cellsOf(body[0]).every((c) => !('q' in cellValue(body[0], c)));
  const data = hasHeader ? body.slice(1) : body;
  const cells = data.map((r) => cellsOf(r));
  if (hasHeader) columnSums(cellsOf(body[0]), data, cells, out);
  const labelOf = (ci: Cell[]): string => bareLabel(ci.find((c) => !RE_DIGIT_START.test(c.text))?.text ?? '');
  let since = 0;
  const subtotals: number[] = [];
  for (let r = 0; r < data.length; r++) {
    const label = labelOf(cells[r]);
    const sub = RE_SUBTOTAL_LABEL.test(label);
    const tot = RE_TOTAL_LABEL.test(label);
    if (!sub && !tot) continue;
    const rowsIdx = tot && subtotals.length ? subtotals : range(since, r);
    if (rowsIdx.length >= 2) {
      for (let c = 0; c < cells[r].length; c++) {
        const tv = cellValue(data[r], cells[r][c]);
        if (!('q' in tv) || tv.q.kind !== 'number' || tv.q.high !== undefined) continue;
        const parts = addableParts(tv.q, rowsIdx.map((ri) => [data[ri], cells[ri][c]]));
        if (!parts) continue;
        out.push({
          form: 'table', total: tv.q, parts, shares: parts.map(() => undefined), complete: true, overlapping: false,
          partsStart: parts[0].start, partsEnd: parts[parts.length - 1].end,
        });
      }
    }
    if (sub) subtotals.push(r);
    since = r + 1;
  }
}

/** A header or row label without spaces and without a bracketed unit: `合 计（件）` → `合计`. */
function bareLabel(s: string): string {
  const t = s.replace(RE_SPACES, '');
  const i = t.search(RE_OPEN);
  return i > 0 ? t.slice(0, i) : t;
}

const RE_OPEN = /[（(]/;
const RE_NOT_ADDABLE = /率|比|%|％|增减|同比|增长|下降|年份|年度|序号|排名|编号|备注|平均/;

/** A `合计` column: in every row, the sum of the other numeric columns. */
function columnSums(header: Cell[], data: Paragraph[], cells: Cell[][], out: Breakdown[]): void {
  const names = header.map((c) => bareLabel(c.text));
  const totals = names.map((n, i) => (RE_TOTAL_LABEL.test(n) || RE_SUBTOTAL_LABEL.test(n) ? i : -1)).filter((i) => i > 0);
  if (totals.length !== 1) return;
  const tc = totals[0];
  const cols = names.map((n, i) => i).filter((i) => i > 0 && i !== tc && !RE_NOT_ADDABLE.test(names[i]));
  if (cols.length < 2) return;
  for (let r = 0; r < data.length; r++) {
    if (cells[r].length !== header.length) continue;
    const tv = cellValue(data[r], cells[r][tc]);
    if (!('q' in tv) || tv.q.kind !== 'number' || tv.q.high !== undefined) continue;
    const parts = addableParts(tv.q, cols.map((c) => [data[r], cells[r][c]]));
    if (!parts) continue;
    out.push({
      form: 'table', total: tv.q, parts, shares: parts.map(() => undefined), complete: true, overlapping: false, column: true,
      partsStart: parts[0].start, partsEnd: parts[parts.length - 1].end,
    });
  }
}

/**
 * The figures of the cells that add up to `total` (a row's cells or a column's): empty cells are
 * skipped; a missing cell, a non-count, a range or another unit makes the set unusable.
 */
function addableParts(total: Quantity, cellsToAdd: Array<[Paragraph, Cell | undefined]>): Quantity[] | undefined {
  const parts: Quantity[] = [];
  for (const [row, cell] of cellsToAdd) {
    if (!cell) return undefined;
    const v = cellValue(row, cell);
    if ('empty' in v) continue;
    if (!('q' in v) || v.q.kind !== 'number' || v.q.high !== undefined || (v.q.unit !== total.unit && v.q.unit && total.unit)) return undefined;
    parts.push(v.q);
  }
  return parts.length ? parts : undefined;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}
