/**
 * The quantity tokenizer: every figure in a paragraph with its exact span, value and unit.
 * Results are cached per paragraph so that every rule shares one tokenization.
 *
 * NOTE: first version (Arabic numerals, 万/亿, %, 个百分点, approximation marks); the figures work
 * extends the forms it reads while keeping this interface.
 */
import type { Paragraph, ReportDocument, Sentence } from '../document';
import { mapRange } from '../document';

export type QuantityKind = 'number' | 'percent' | 'points' | 'multiple';

export interface Quantity {
  kind: QuantityKind;
  /** Value with the scale applied (269.77万 → 2697700). Percentages as written (99.35% → 99.35). */
  value: number;
  /** Decimals as written (99.35 → 2; 269.77万 → 2). */
  decimals: number;
  /** Scale word applied: 1, 1e4 (万), 1e8 (亿). */
  scale: number;
  /** Unit after the number and scale (`件`, `人次`, `元`, `%` …); '' when none. */
  unit: string;
  /** 余 多 近 约 超 左右 上下 … make a figure approximate. */
  approx: boolean;
  /** For ranges such as 10%～20%: the upper value (value is the lower one). */
  high?: number;
  /** Original offsets of the whole token (number, scale, approximation mark and unit). */
  start: number;
  end: number;
  /** Original offsets of the numeral alone. */
  numStart: number;
  numEnd: number;
  /** Logical offsets in the paragraph. */
  from: number;
  to: number;
  /** The token as it appears in the paragraph's logical text. */
  raw: string;
  paragraph: Paragraph;
}

const cache = new WeakMap<Paragraph, Quantity[]>();

/** All quantities of a paragraph, in order (cached). */
export function quantitiesIn(p: Paragraph): Quantity[] {
  let q = cache.get(p);
  if (!q) {
    q = tokenize(p);
    cache.set(p, q);
  }
  return q;
}

/** Quantities inside a sentence. */
export function quantitiesInSentence(s: Sentence): Quantity[] {
  return quantitiesIn(s.paragraph).filter((q) => q.from >= s.from && q.to <= s.to);
}

/** All quantities of the report body, in order. */
export function allQuantities(doc: ReportDocument): Quantity[] {
  const out: Quantity[] = [];
  for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) out.push(...quantitiesIn(doc.paragraphs[i]));
  return out;
}

const UNITS = ['人次', '场次', '户次', '件次', '万元', '亿元', '个百分点', '件', '人', '次', '场', '个', '户', '项', '条', '元', '名', '家', '部', '份', '篇', '卷', '期', '支', '所', '处', '起', '批', '余', '倍', '天', '小时', '公里', '亩', '册', '台', '辆', '本', '类', '轮', '单', '套', '座', '宗', '笔', '位', '级'];
const RE_NUM = /(近|约|超过?|逾|达|共计?)?\s*([0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)\s*(万|亿)?\s*(余|多)?\s*(%|％|个百分点|倍)?/g;

function tokenize(p: Paragraph): Quantity[] {
  const t = p.text;
  const out: Quantity[] = [];
  RE_NUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_NUM.exec(t))) {
    if (!m[2]) continue;
    const numFrom = m.index + m[0].indexOf(m[2]);
    const numTo = numFrom + m[2].length;
    const after = t.slice(m.index + m[0].length);
    // years, dates and other non-quantities
    if (!m[5] && /^\s*(?:年|月|日|号|时|点|条例|〕)/.test(after)) continue;
    if (numFrom > 0 && /[〔\[“"A-Za-z]/.test(t[numFrom - 1])) continue;
    const digits = m[2].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '').replace('．', '.');
    const dot = digits.indexOf('.');
    const decimals = dot >= 0 ? digits.length - dot - 1 : 0;
    const scale = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
    let kind: QuantityKind = 'number';
    let unit = '';
    let end = m.index + m[0].length;
    if (m[5] === '%' || m[5] === '％') {
      kind = 'percent';
      unit = '%';
    } else if (m[5] === '个百分点') {
      kind = 'points';
      unit = '个百分点';
    } else if (m[5] === '倍') {
      kind = 'multiple';
      unit = '倍';
    } else {
      const u = UNITS.find((x) => after.startsWith(x) && x !== '余');
      if (u) {
        unit = u;
        end += u.length;
      }
    }
    const approx = !!(m[4] || (m[1] && /近|约|超|逾/.test(m[1])));
    const from = m[1] && /近|约|超|逾/.test(m[1]) ? m.index : numFrom;
    const r = mapRange(p, from, end);
    const n = mapRange(p, numFrom, numTo);
    out.push({
      kind, value: Number(digits) * scale, decimals, scale, unit, approx,
      start: r.start, end: r.end, numStart: n.start, numEnd: n.end, from, to: end, raw: t.slice(from, end), paragraph: p,
    });
  }
  return out;
}
