import { defineRule } from '../define';
import { figuresOf as figuresOfImported } from '../../figures/quantities';
import { labelBefore as labelBeforeImported, listHead as listHeadImported, rateWordBefore as rateWordBeforeImported } from '../../figures/context';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const figuresOf: typeof figuresOfImported = figuresOfImported;
const labelBefore: typeof labelBeforeImported = labelBeforeImported;
const listHead: typeof listHeadImported = listHeadImported;
const rateWordBefore: typeof rateWordBeforeImported = rateWordBeforeImported;

/**
 * Rates that name a share of a whole and so cannot exceed 100% (出庭应诉率, 办结率, 覆盖率, 合格率,
 * 满意率, 审查率, 成功率, 占比 …). Growth, 同比 and comparisons can exceed 100%, and so can rates
 * that are not shares (增长率, 完成率, 执行率 …), which are not listed.
 */
const BOUNDED = new RegExp(
  '(?:出庭应诉|出庭|应诉|办结|结案|覆盖|合格|满意|审查|审核|成功|化解|纠错|败诉|胜诉|知晓|参与|到位|及时|反馈|回复|答复|公开|备案|报备|' +
  '规范|配备|聘请|可办|共享|归集|调解|和解|首选|达标|受理|回访|录入|上网|建档|签约|接通|落实|参保|审结|核查|整改|销号|采纳|准确|' +
  '通过|办理|处置|查处|立案|撤诉|改判|维持|撤销|履行|送达|评查|抽查|普及|使用|利用|入驻|进驻|' +
  '网办|全程网办|一次办|即办|告知|承诺|公示|审批|许可|执行到位|结办)率$|满意度$|占比$|比例$|比重$',
);
const RE_TARGET = /增长|增加|增幅|上升|下降|降低|提高|提升|减少|同比|环比|较|比上年|比去年|超出|超过|高于|上年|去年|同期|相当于/;

const RE_WHOLE = /^占(?:比|全部|全|总|所有|整体)/;
const RE_SPACES = /\s+/g;
/**
 * `BOUNDED.test(word)`, remembered per word: a report names the same few rates again and again,
 * and the alternation is long (kept small: cleared past 1000 words).
 */
const boundedSeen = new Map<string, boolean>();
function isBounded(word: string): boolean {
  let b = boundedSeen.get(word);
  if (b === undefined) {
    b = BOUNDED.test(word);
    if (boundedSeen.size >= 1000) boundedSeen.clear();
    boundedSeen.set(word, b);
  }
  return b;
}
/** A 比例 between two terms (`复议与诉讼案件比例`, `收案和结案的比例`, `之比例`). */
const RE_TWO_TERMS = /[与和同跟及]|之比/;

export default defineRule(
  {
    id: 'figures/rate-over-100',
    severity: 'error',
    description: '有上限的比率超过100%',
    descriptionEn: 'A bounded rate over 100%',
    defaultOptions: {},
  },
  (ctx) => {
    const { doc } = ctx;
    for (let pi = doc.bodyStart; pi < doc.paragraphs.length; pi++) {
      const e = figuresOf(doc.paragraphs[pi]);
      if (!e.hasPercent) continue;
      for (let qi = 0; qi < e.quantities.length; qi++) {
        const q = e.quantities[qi];
        if (q.kind !== 'percent') continue;
        const top = q.high !== undefined ? Math.max(q.value, q.high) : q.value;
        if (top <= 100) continue;
        const head = listHead(q);
        const lb = labelBefore(head);
        if (!lb.text || RE_TARGET.test(lb.raw)) continue;
        const w = rateWordBefore(head);
        let name: string | undefined;
        // `复议与诉讼案件比例`, `收结案之比`: a ratio of two counts, not a share of a whole
        if (w && !w.change && w.form !== '占' && isBounded(w.word) && !(w.form === '比例' && RE_TWO_TERMS.test(w.word))) name = w.word;
        // a share of a whole (占比, 占全部…的); `结案数占收案数的105%` compares two counts and may exceed 100%
        else if (w && w.form === '占' && !w.change && RE_WHOLE.test(w.word)) name = lb.text || '占比';
        if (!name) continue;
        // several rates sharing one figure: name the bounded one(s)
        const shown = name.length > 14 ? name.slice(-14) : name;
        ctx.report({
          start: q.start,
          end: q.end,
          message: `“${shown}”是部分占整体的比率，不能超过100%，此处为${q.raw.replace(RE_SPACES, '')}：请核对分子和分母。`,
          data: { rate: name, value: top },
        });
      }
    }
  },
);
