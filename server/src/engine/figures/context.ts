/**
 * What a figure is about: the words around a quantity, for rules that need to know what it counts.
 *
 * - `labelBefore(q)`: the words of the figure's own clause before it, from the previous boundary
 *   (`，；。：、（）“”` …) or the previous figure, whichever is nearer, trimmed of scope words and
 *   connectives: `全市受理行政复议申请 416 件` → `受理行政复议申请`; `化解率达99.8%` → `化解率`;
 *   `其中直接纠错 72 件` → `直接纠错`. `raw` keeps the untrimmed words.
 * - `labelAfter(q)`: the words after the figure up to the next boundary or figure:
 *   `创建182个市级示范村(社区)` → `市级示范村`.
 * - `label(q)`: `labelBefore` when it says something, else `labelAfter`.
 * - `listHead(q)`: for a figure in a list (`分别达92.85%、96.58%`, `62件、695件`), the first figure
 *   of the list, whose label applies to every item.
 * - `rateWord(label)`: the rate a label names (`出庭应诉率`, `调解成功率`, `占比`), with its stem
 *   (`出庭应诉`, `调解成功`) and whether it is a change (`较上年上升`, `同比增长`) rather than a level.
 * - `endsWithStem(label, stem)`: does a count's label name the numerator of a rate
 *   (`机关负责人出庭` ↔ `出庭应诉率`, `调处成功` ↔ `调解成功率`, `化解` ↔ `化解率`)?
 * - `sameTopic(a, b)`: do two labels speak of the same kind of matter (行政复议, 矛盾纠纷 …)?
 *
 * All offsets are logical offsets in the quantity's paragraph.
 */
import type { Quantity } from './quantities';
import { quantitiesIn as quantitiesInImported, figuresOf as figuresOfImported, perQuantity as perQuantityImported } from './quantities';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const quantitiesIn: typeof quantitiesInImported = quantitiesInImported;
const figuresOf: typeof figuresOfImported = figuresOfImported;
const perQuantity: typeof perQuantityImported = perQuantityImported;

export interface Label {
  /** Trimmed words. */
  text: string;
  /** Words as written between the boundary and the figure. */
  raw: string;
  /** Logical offsets of `raw`. */
  from: number;
  to: number;
}

const BOUNDARY = ['，', ',', '；', ';', '。', '：', ':', '！', '？', '!', '?', '（', '）', '(', ')', '【', '】', '“', '”', '"', '、', '《', '》', '\n'];
const LEADING = [
  '其中', '另外', '此外', '同时', '全年', '年内', '当年', '本年度', '全市', '全州', '全区', '全县', '全省', '全镇', '全盟', '全旗',
  '我市', '我州', '我区', '我县', '我省', '我局', '截至目前', '截至年底', '一共', '共计', '合计', '总计', '累计', '共', '依法', '已经', '已', '并', '均',
  '分别', '先后', '还', '有',
];
const TRAILING = [
  '分别达到', '分别达', '分别为', '分别是', '均达到', '均达', '均为', '均是', '约为', '达到', '共计', '合计', '总计', '累计', '提升至', '提高至',
  '上升至', '下降至', '降至', '升至', '增至', '达', '为', '是', '共', '计', '有', '在', '约', '已', '均', '至',
];

/** Character codes of BOUNDARY, as a table. */
const BOUNDARY_CODE = new Uint8Array(65536);
for (const ch of BOUNDARY) BOUNDARY_CODE[ch.charCodeAt(0)] = 1;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
}

/** Words grouped by the code of their first (or last) character, list order kept (the first listed match wins). */
function byChar(words: readonly string[], last: boolean): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(last ? w.length - 1 : 0);
    const l = m.get(c);
    if (l) l.push(w);
    else m.set(c, [w]);
  }
  return m;
}
const LEADING_BY_FIRST = byChar(LEADING, false);
const TRAILING_BY_LAST = byChar(TRAILING, true);

function trimWords(s: string): string {
  let t = s.trim();
  for (let again = true; again && t;) {
    again = false;
    const l = LEADING_BY_FIRST.get(t.charCodeAt(0));
    if (!l) break;
    for (let wi = 0; wi < l.length; wi++) {
      const w = l[wi];
      if (t.length > w.length && t.startsWith(w)) {
        t = t.slice(w.length).trim();
        again = true;
        break;
      }
    }
  }
  for (let again = true; again && t;) {
    again = false;
    const l = TRAILING_BY_LAST.get(t.charCodeAt(t.length - 1));
    if (!l) break;
    for (let wi = 0; wi < l.length; wi++) {
      const w = l[wi];
      if (t.length > w.length && t.endsWith(w)) {
        t = t.slice(0, -w.length).trim();
        again = true;
        break;
      }
    }
  }
  return t;
}

/** The words of the figure's clause before it (see the file header). */
export function labelBefore(q: Quantity): Label {
  // cached by quantity index on the paragraph's entry
  const e = figuresOf(q.paragraph);
  const cached = (e.labelsBefore ??= perQuantity<Label>(e)) as Array<Label | undefined>;
  let l = cached[q.index];
  if (!l) {
    l = computeLabelBefore(q);
    cached[q.index] = l;
  }
  return l;
}

function computeLabelBefore(q: Quantity): Label {
  const t = q.paragraph.text;
  const list = quantitiesIn(q.paragraph);
  const prevEnd = q.index > 0 ? list[q.index - 1].to : 0;
  let k = q.from;
  while (k > prevEnd && !BOUNDARY_CODE[t.charCodeAt(k - 1)]) k--;
  let s = k;
  while (s < q.from && isSpaceCode(t.charCodeAt(s))) s++;
  const raw = t.slice(s, q.from).trimEnd();
  return { text: trimWords(raw), raw, from: s, to: s + raw.length };
}

/** The words after the figure up to the next boundary or figure. */
export function labelAfter(q: Quantity): Label {
  // cached by quantity index on the paragraph's entry
  const e = figuresOf(q.paragraph);
  const cached = (e.labelsAfter ??= perQuantity<Label>(e)) as Array<Label | undefined>;
  let l = cached[q.index];
  if (!l) {
    l = computeLabelAfter(q);
    cached[q.index] = l;
  }
  return l;
}
/** `rateWord(labelBefore(q))`, cached by quantity index on the paragraph's entry. */
export function rateWordBefore(q: Quantity): RateWord | undefined {
  const e = figuresOf(q.paragraph);
  const cached = (e.rates ??= perQuantity<RateWord | null>(e)) as Array<RateWord | null | undefined>;
  let w = cached[q.index];
  if (w === undefined) {
    w = rateWord(labelBefore(q)) ?? null;
    cached[q.index] = w;
  }
  return w ?? undefined;
}

function computeLabelAfter(q: Quantity): Label {
  const t = q.paragraph.text;
  const list = quantitiesIn(q.paragraph);
  const nextStart = q.index + 1 < list.length ? list[q.index + 1].from : t.length;
  let k = q.to;
  while (k < nextStart && !BOUNDARY_CODE[t.charCodeAt(k)]) k++;
  let s = q.to;
  while (s < k && isSpaceCode(t.charCodeAt(s))) s++;
  const raw = t.slice(s, k).trimEnd();
  return { text: trimWords(raw), raw, from: s, to: s + raw.length };
}

/** `labelBefore` when it says something, else `labelAfter`. */
export function label(q: Quantity): Label {
  const b = labelBefore(q);
  return b.text ? b : labelAfter(q);
}

const LIST_GLUE = /^\s*(?:、|，|,|和|及|与|以及)\s*$/;

/** The first figure of the list a figure belongs to (itself when it is not in a list). */
export function listHead(q: Quantity): Quantity {
  const e = figuresOf(q.paragraph);
  const heads = (e.heads ??= perQuantity<Quantity>(e)) as Array<Quantity | undefined>;
  const known = heads[q.index];
  if (known) return known;
  const list = e.quantities;
  // the figures visited are q and those just before it, down to `cur`
  let cur = q;
  let head: Quantity | undefined;
  while (cur.index > 0) {
    const prev = list[cur.index - 1];
    if (prev.kind !== cur.kind || prev.to + 6 < cur.from) break;
    const between = q.paragraph.text.slice(prev.to, cur.from);
    if (!LIST_GLUE.test(between)) break;
    head = heads[prev.index];
    if (head) break;
    cur = prev;
  }
  const h = head ?? cur;
  for (let k = cur.index; k <= q.index; k++) heads[k] = h;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Rates.

export interface RateWord {
  /** The rate as named: `出庭应诉率`, `调解成功率`, `占比`, `比例`. */
  word: string;
  /** The rate's stem: `出庭应诉`, `调解成功`; '' for a share (`占……`). */
  stem: string;
  /** `率`, `比例`, `占` (a share: 占比, 占……的). */
  form: '率' | '比例' | '占';
  /** The label speaks of a change (`较上年上升`, `同比增长`, `提高`), not a level. */
  change: boolean;
  /** Several rates share the figure (`办结率和满意率均为`). */
  several: boolean;
}

const RE_CHANGE = /增长|增加|增幅|上升|下降|降低|提高|提升|减少|回落|同比|环比|较|比上年|比去年|超出|超过|高于|低于|多于|少于|翻/;
const RE_SHARE = /占(?!用|地|领|据|有|道|线|位)/;
const RE_SEVERAL = /率(?:和|及|与|、)/;

/** The rate a label names, or undefined when it names none. */
export function rateWord(l: Label): RateWord | undefined {
  const s = l.text;
  if (!s) return undefined;
  // (`change` and `several` are computed only for a label that names a rate)
  if (s.endsWith('率')) {
    return { word: s, stem: s.slice(0, -1), form: '率', change: RE_CHANGE.test(l.raw), several: RE_SEVERAL.test(s) };
  }
  if (s.endsWith('度') && RE_DEGREE.test(s)) {
    return { word: s, stem: s.slice(0, -1), form: '率', change: RE_CHANGE.test(l.raw), several: RE_SEVERAL.test(s) };
  }
  if (s.endsWith('比例') || s.endsWith('比重')) {
    return { word: s, stem: s.slice(0, -2), form: '比例', change: RE_CHANGE.test(l.raw), several: RE_SEVERAL.test(s) };
  }
  const m = l.raw.includes('占') ? RE_SHARE.exec(l.raw) : null;
  if (m) return { word: l.raw.slice(m.index), stem: '', form: '占', change: RE_CHANGE.test(l.raw), several: RE_SEVERAL.test(s) };
  // a rate followed by a change: 受案率较去年同期上升
  const r = s.lastIndexOf('率');
  if (r > 0 && RE_CHANGE.test(s.slice(r + 1))) {
    return { word: s.slice(0, r + 1), stem: s.slice(0, r), form: '率', change: true, several: RE_SEVERAL.test(s.slice(0, r + 1)) };
  }
  return undefined;
}
const RE_DEGREE = /(?:满意|知晓|认可|认同|信任)度$/;

/** Modifiers a rate's stem may carry that its numerator's label does not (`直接纠错率` ↔ `纠错`). */
const MODIFIERS = [
  '行政机关负责人', '机关负责人', '单位负责人', '负责人', '行政复议', '行政诉讼', '行政应诉', '矛盾纠纷', '行政执法案卷', '执法案卷', '案卷',
  '案件', '纠纷', '一审', '二审',
  '直接', '按期', '按时', '及时', '一次性', '首次', '总体', '综合', '整体', '平均', '全年', '当年', '年度',
];
/** Numerator words accepted for a stem beside the stem itself. */
const SYNONYMS: Record<string, string[]> = {
  出庭应诉: ['出庭应诉', '出庭'],
  出庭: ['出庭应诉', '出庭'],
  化解: ['化解', '化解成功', '成功化解', '调解成功', '调处成功', '成功调解', '成功调处'],
  调解成功: ['调解成功', '调处成功', '成功调解', '成功调处', '化解成功', '成功化解'],
  调处成功: ['调解成功', '调处成功', '成功调解', '成功调处'],
  纠错: ['纠错', '纠正', '依法纠错', '纠正违法或不当行政行为'],
  办结: ['办结', '办理完结'],
  结案: ['结案', '审结', '办结'],
  合格: ['合格', '评为合格', '评查合格', '达标'],
  败诉: ['败诉'],
  胜诉: ['胜诉'],
};

/** A rate's stem without its qualifiers (`行政机关负责人出庭应诉` → `出庭应诉`). */
export function stripModifiers(stem: string): string {
  let s = stem;
  for (let again = true; again;) {
    again = false;
    for (const m of MODIFIERS) {
      if (s.length > m.length + 1 && s.startsWith(m)) {
        s = s.slice(m.length);
        again = true;
        break;
      }
    }
  }
  return s;
}

/** The numerator words a rate's stem accepts. */
const keysCache = new Map<string, string[]>();
export function numeratorKeys(stem: string): string[] {
  let k = keysCache.get(stem);
  if (!k) {
    k = computeKeys(stem);
    if (keysCache.size > 2000) keysCache.clear();
    keysCache.set(stem, k);
  }
  return k;
}

function computeKeys(stem: string): string[] {
  const keys = new Set<string>();
  let s = stem;
  keys.add(s);
  for (let again = true; again;) {
    again = false;
    for (const m of MODIFIERS) {
      if (s.length > m.length + 1 && s.startsWith(m)) {
        s = s.slice(m.length);
        keys.add(s);
        again = true;
        break;
      }
    }
  }
  for (const k of [...keys]) for (const syn of SYNONYMS[k] ?? []) keys.add(syn);
  return [...keys].filter((k) => k.length >= 2);
}

/** Does a count's label end with the numerator of a rate with this stem (`机关负责人出庭` ↔ `出庭应诉率`)? */
export function endsWithStem(labelText: string, stem: string): boolean {
  if (!labelText || !stem) return false;
  return numeratorKeys(stem).some((k) => labelText.endsWith(k) && !RE_NEGATED.test(labelText.slice(0, -k.length)));
}
/** Subjects a rate may name before its stem (whose attendance, whose answers …). */
const SUBJECTS = ['行政机关负责人', '机关负责人', '单位负责人', '负责人'];
/**
 * Does a count's label name another subject than the rate does (`市长和副市长出庭应诉6次` for
 * `行政机关负责人出庭应诉率`, `主要负责人出庭` …)? Then it counts a part, not the numerator.
 * Only when the rate names its subject; `机关负责人出庭` and `各级行政机关负责人出庭` are the same one.
 */
export function otherSubject(labelText: string, stem: string): boolean {
  const rateSubject = SUBJECTS.find((w) => stem.startsWith(w) && stem.length > w.length);
  if (!rateSubject) return false;
  const key = numeratorKeys(stem.slice(rateSubject.length)).find((k) => labelText.endsWith(k));
  if (!key) return false;
  const own = labelText.slice(0, -key.length);
  if (!own) return false;
  return !rateSubject.endsWith(own) && !own.endsWith(rateSubject);
}

/** `不予受理`, `未办结`, `尚未化解`: the opposite of the numerator. */
const RE_NEGATED = /(?:不予|不|未|没有|尚未|无法|未能|暂未)$/;

/**
 * Does a count's label name the numerator of a rate, at its end (`其中直接纠错`) or as a verb with
 * a short object (`纠正违法文件` ↔ `纠错率`, `化解矛盾纠纷` ↔ `化解率`)?
 */
export function namesNumerator(labelText: string, stem: string): boolean {
  if (!labelText || !stem) return false;
  if (endsWithStem(labelText, stem)) return true;
  // verb + object only for the stem itself and its synonyms (not `受理` for `及时受理率`), and not
  // for words that also make nouns of categories (`出庭应诉案件`, `受理案件`)
  const verbs = [stem, ...(SYNONYMS[stem] ?? [])].filter((k) => k.length >= 2 && !NOT_VERB_OBJECT.has(k));
  return verbs.some((k) => labelText.startsWith(k) && labelText.length <= k.length + 6 && !/^.{0,4}(?:不|未)/.test(labelText.slice(k.length)));
}
const NOT_VERB_OBJECT = new Set(['出庭', '出庭应诉', '应诉', '受理', '审理', '办理', '申请', '诉讼']);

const TOPICS = [
  '行政复议', '行政诉讼', '行政应诉', '行政案件', '矛盾纠纷', '信访', '法律援助', '案卷', '规范性文件', '代表建议', '政协提案', '政务服务',
  '行政执法', '公证', '司法鉴定', '投诉', '举报', '人民调解', '重大行政决策', '合同', '行政许可', '行政处罚',
];

/** Do two labels speak of the same kind of matter? */
export function sameTopic(a: string, b: string): boolean {
  return TOPICS.some((w) => a.includes(w) && b.includes(w));
}
