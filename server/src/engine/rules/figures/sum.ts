import { defineRule } from '../define';
import type { RuleContext } from '../../types';
import type { Quantity } from '../../figures/quantities';
import { Breakdown, breakdownsIn as breakdownsInImported, interval as intervalImported, isExact, likeWritten, show, sumValues, tableBreakdowns } from '../../figures/breakdown';

// Local bindings of the functions called per figure or per character: when the engine runs as
// CommonJS modules (tests, benchmarks) an imported name is read through a getter on every call.
const breakdownsIn: typeof breakdownsInImported = breakdownsInImported;
const interval: typeof intervalImported = intervalImported;

/**
 * A total with a breakdown whose parts do not add up: parts that exceed the total (any form), or
 * parts that fall short of a total they are meant to make up (a sum written after the parts, a
 * table's `合计` row, `分别为` right after the total, a list ending in `其他`).
 */
export default defineRule(
  {
    id: 'figures/sum',
    severity: 'warning',
    description: '分项之和与总数不符',
    descriptionEn: 'Parts do not add up to the stated total',
    fixable: true,
  },
  (ctx) => {
    const { doc } = ctx;
    const all: Breakdown[] = [];
    for (let i = doc.bodyStart; i < doc.paragraphs.length; i++) {
      const bs = breakdownsIn(doc.paragraphs[i]);
      for (let k = 0; k < bs.length; k++) all.push(bs[k]);
    }
    const tables = tableBreakdowns(doc);
    for (let k = 0; k < tables.length; k++) all.push(tables[k]);
    // a table cell can close both a row and a column: one finding per stated total
    const seen = new Set<Quantity>();
    for (let bi = 0; bi < all.length; bi++) {
      const b = all[bi];
      if (seen.has(b.total)) continue;
      if (checkBreakdown(b, ctx.report)) seen.add(b.total);
    }
  },
);

const RE_SCALE_END = /[万亿]$/;
/** A partial list (`其中`) is checked only while its parts stay under this multiple of the total. */
const MAX_PARTIAL_EXCESS = 1.5;

function numeralText(q: Quantity, value: number): string {
  return likeWritten(q, show(value, q.scale, q.decimals).replace(RE_SCALE_END, ''));
}

/** Reports the breakdown when its parts do not add up; true when it did. */
function checkBreakdown(b: Breakdown, report: RuleContext['report']): boolean {
  const { total, parts } = b;
  if (b.overlapping && !b.complete && parts.length > 1) return false;
  let lo = 0;
  let hi = 0;
  for (let pi = 0; pi < parts.length; pi++) {
    const q = parts[pi];
    // (indexes rather than `[a, c] =`: destructuring runs the iterator protocol)
    const r = interval(q);
    lo += r[0];
    hi += r[1];
  }
  const tr = interval(total);
  const tlo = tr[0];
  const thi = tr[1];
  const eps = 1e-6 * Math.max(1, Math.abs(total.value));
  // parts far above a total they only partly list are rarely a slip of arithmetic: they count
  // something else (`审查合同13份，其中提出修改意见20份`)
  const exceeds = lo > thi + eps && (b.complete || lo <= MAX_PARTIAL_EXCESS * thi);
  const short = b.complete && hi < tlo - eps;
  if (!exceeds && !short) return false;
  const sum = sumValues(parts);
  // show the arithmetic in the total's scale when every part shares it
  const scale = parts.every((q) => q.scale === total.scale) ? total.scale : 1;
  let dec = total.decimals;
  for (let k = 0; k < parts.length; k++) dec = Math.max(dec, parts[k].decimals);
  const unit = total.unit;
  const shown = (q: Quantity): string => (q.approx ? (q.unit && q.raw.endsWith(q.unit) ? q.raw.slice(0, -q.unit.length) : q.raw).trim() : show(q.value, scale, scale === q.scale ? q.decimals : dec));
  const sumText = show(sum, scale, dec) + approxNote(parts);
  const partsText = parts.map(shown).join(' + ');
  const arithmetic = `${partsText} = ${sumText} ≠ ${shown(total)}`;
  const exact = isExact(total) && parts.every(isExact);
  const corrected = b.complete && exact ? numeralText(total, sum) : undefined;
  const what = b.form === 'table' ? (b.column ? '表格合计列' : '表格合计行') : b.form === 'sum-after' ? '合计' : '总数';
  const message = exceeds
    ? `分项之和超过${what}：${partsText} = ${sumText}${unit}，多于所述${what}${total.raw.trim()}。`
    : `分项之和与${what}不符：${partsText} = ${sumText}${unit}，而所述${what}为${total.raw.trim()}。`;
  report({
    start: total.start,
    end: total.end,
    message,
    data: {
      form: b.form,
      complete: b.complete,
      total: total.value,
      sum,
      parts: parts.map((q) => ({ value: q.value, raw: q.raw, start: q.start, end: q.end })),
      partsStart: b.partsStart,
      partsEnd: b.partsEnd,
      arithmetic: [arithmetic],
      ...(corrected ? { corrected: corrected + (total.scale === 1e4 ? '万' : total.scale === 1e8 ? '亿' : '') + unit } : {}),
    },
    ...(corrected
      ? { fix: { title: `将${what}改为${show(sum, scale, dec)}${unit}`, edits: [{ start: total.numStart, end: total.numEnd, text: corrected }] } }
      : {}),
  });
  return true;
}

function approxNote(parts: Quantity[]): string {
  return parts.some((q) => q.approx) ? '（约）' : '';
}
