import { defineRule } from '../define';
import type { Quantity } from '../../figures/quantities';
import { figuresOf as figuresOfImported } from '../../figures/quantities';
import { labelBefore as labelBeforeImported } from '../../figures/context';
import { roundTo, fmt } from '../../figures/arith';
import { sentencesOf as sentencesOfImported, sentenceIndexAt as sentenceIndexAtImported, LOOKBACK } from '../../figures/ratios';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const labelBefore: typeof labelBeforeImported = labelBeforeImported;
const sentencesOf: typeof sentencesOfImported = sentencesOfImported;
const sentenceIndexAt: typeof sentenceIndexAtImported = sentenceIndexAtImported;

/**
 * 1. The difference of two percentages written as `%`: `由59.70%提高到61.74%，上升2.04%` where
 *    61.74 − 59.70 = 2.04 is percentage points (and 2.04 is not the relative change).
 * 2. `个百分点` attached to a change of something that is not a rate (`受理案件1200件，同比增长20个百分点`).
 */
const RE_SPACES = /\s+/g;
const RE_CHANGE_END = /(?:增长|增加|上升|下降|降低|提高|提升|减少|回落|增幅|降幅|上涨|下滑|高出|低了|高了)(?:了|达到|达|为|约)?$/;
const RE_TRANSITION = /^(?:提高|提升|上升|增长|增加|下降|降低|减少|回落|升|降)?(?:到|至)$/;
const RE_EARLIER = /较|比|上年|去年|同期|上一年/;
const RE_RATE_WORD = /率|比例|比重|占比|(?:满意|知晓|参与|活跃|透明|认可|认同|信任|公信|便利|集中|完成|达标|覆盖|贡献)度|安全感|获得感|幸福感|百分比|份额|覆盖面|权重|指数|得分|分值|城镇化|%|％|百分之/;
const RE_COUNT_CHANGE = /(?:增长|增加|上升|下降|降低|提高|提升|减少|回落)(?:了|达到|达)?$/;
const RE_COUNT_NOUN = /(数量|件数|人数|次数|户数|场次数|总量|总数|数)\s*(?:较上年|比上年|较去年|比去年|较上一年|同比|环比)/;
const RE_SCOPE_WORDS = /^(?:(?:19|20)\d{2}\s*年度?[，,]?|全年|全市|全州|全区|全县|全省|年内|我市|我州|我区|我县)+/;
function trimScope(s: string): string {
  return s.replace(RE_SCOPE_WORDS, '').trim();
}
const COUNT_UNITS = new Set(['件', '人', '次', '场', '场次', '人次', '户', '项', '条', '个', '家', '名', '起', '宗', '份', '篇', '批']);

/** Is there a percentage near `index` within [from, to)? (bounded scans both ways) */
function hasPercent(qs: Quantity[], index: number, from: number, to: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - LOOKBACK && qs[k].from >= from; k--) if (qs[k].kind === 'percent') return true;
  for (let k = index + 1; k < qs.length && k <= index + LOOKBACK && qs[k].to <= to; k++) if (qs[k].kind === 'percent') return true;
  return false;
}

function percentSign(q: Quantity): { from: number; to: number } | undefined {
  const t = q.paragraph.text;
  for (let k = q.numTo; k < q.to; k++) if (t[k] === '%' || t[k] === '％') return { from: k, to: k + 1 };
  return undefined;
}

export default defineRule(
  {
    id: 'figures/percent-vs-points',
    severity: 'warning',
    description: '百分比之差应写作“个百分点”',
    descriptionEn: 'A difference of percentages written as %',
    fixable: true,
    defaultOptions: {},
  },
  (ctx) => {
    const { doc } = ctx;
    for (let pi = doc.bodyStart; pi < doc.paragraphs.length; pi++) {
      const p = doc.paragraphs[pi];
      // any percentage or percentage points among the figures (flags kept by the tokenizer's cache)
      const e = figuresOf(p);
      if (!e.hasPercent && !e.hasPoints) continue;
      const qs = e.quantities;
      const sents = sentencesOf(doc, p);
      for (let qi = 0; qi < qs.length; qi++) {
        const q = qs[qi];
        if (q.approx || q.high !== undefined || (q.kind !== 'percent' && q.kind !== 'points')) continue;
        const si = sentenceIndexAt(sents, q.from);
        if (si < 0) continue;
        const s = sents[si];
        if (q.kind === 'percent') {
          const lb = labelBefore(q);
          if (!RE_CHANGE_END.test(lb.raw)) continue;
          // the two levels compared: the last two percentages before it in the sentence
          const levels: Quantity[] = [];
          for (let k = q.index - 1; k >= 0 && k >= q.index - LOOKBACK && levels.length < 2; k--) {
            const x = qs[k];
            if (x.from < s.from) break;
            if (x.kind === 'percent' && !x.approx && x.high === undefined && x.value <= 100) levels.unshift(x);
          }
          if (levels.length < 2) continue;
          const a = levels[0];
          const b = levels[1];
          // the two are one indicator at two times: `由A%提高到B%`, `B%，较上年的A%`
          const between = p.text.slice(a.to, b.from).trim();
          const fromTo = RE_TRANSITION.test(between);
          if (!fromTo && !(between.length <= 12 && RE_EARLIER.test(between))) continue;
          const old = fromTo ? a.value : b.value;
          const diff = Math.abs(a.value - b.value);
          if (diff === 0) continue;
          const tol = 10 ** -(q.decimals + 6);
          if (Math.abs(roundTo(diff, q.decimals) - q.value) > tol) continue;
          // a relative change that happens to give the same figure is not a mistake
          const lo = Math.min(a.value, b.value);
          const rel = (diff / old) * 100;
          if (Math.abs(roundTo(rel, q.decimals) - q.value) <= tol) continue;
          const sign = percentSign(q);
          const hi = Math.max(a.value, b.value);
          const d = Math.max(a.decimals, b.decimals);
          const arithmetic = `${fmt(hi, d)}% − ${fmt(lo, d)}% = ${fmt(diff, d)}个百分点`;
          const relText = `${fmt(rel, 2)}%`;
          const fixEdits = sign ? [{ start: p.map[sign.from], end: p.map[sign.from] + 1, text: '个百分点' }] : [];
          ctx.report({
            start: q.start,
            end: q.end,
            message: `两个百分比之差应写作“个百分点”：${arithmetic}，此处写作“${q.raw.replace(RE_SPACES, '')}”；若指相对变化，应为${relText}。`,
            data: { arithmetic: [arithmetic], relative: relText, corrected: `${q.numeral}个百分点`, values: [a.value, b.value] },
            ...(fixEdits.length ? { fix: { title: `改为“${q.numeral}个百分点”`, edits: fixEdits } } : {}),
          });
        } else if (q.kind === 'points') {
          // `个百分点` needs a rate: a percentage in the sentence or the one before, or a rate word
          const prev = si > 0 ? sents[si - 1] : undefined;
          const scopeFrom = prev ? prev.from : s.from;
          if (hasPercent(qs, q.index, scopeFrom, s.to)) continue;
          const text = p.text.slice(Math.max(s.from, q.from - 300), q.from);
          if (RE_RATE_WORD.test(text)) continue;
          const lb = labelBefore(q);
          if (!RE_COUNT_CHANGE.test(lb.raw)) continue;
          // the thing that changed is a count stated in the sentence, or named as one (`案件数量较上年`)
          let count: Quantity | undefined;
          for (let k = q.index - 1; k >= 0 && k >= q.index - LOOKBACK && !count; k--) {
            const x = qs[k];
            if (x.from < s.from) break;
            if (x.kind === 'number' && COUNT_UNITS.has(x.unit)) count = x;
          }
          const named = RE_COUNT_NOUN.exec(lb.raw);
          if (!count && !named) continue;
          const what = count ? labelBefore(count).text || '所述数量' : trimScope(lb.raw.slice(0, named!.index + named![1].length));
          const shown = count ? `“${what}”${count.raw.replace(RE_SPACES, '')}` : `“${what}”`;
          ctx.report({
            start: q.start,
            end: q.end,
            message: `“个百分点”只用于两个百分比（比率）之差，此处变化的是${shown}这一数量：应写作百分比（%）或增加的具体数量。`,
            data: { subject: what, ...(count ? { count: count.value } : {}) },
          });
        }
      }
    }
  },
);
