import { strict as assert } from 'assert';
import { parseDocument } from '../../server/src/engine/document';
import conflict from '../../server/src/engine/rules/figures/conflict';
import { getProfile } from '../../server/src/engine/profile';
import type { RuleContext } from '../../server/src/engine/types';

/** The plans part is told by paragraph identity (by index, falling back to a Set when indexes collide). */
function run(text: string, mutate?: (doc: ReturnType<typeof parseDocument>) => void): Array<{ start: number; end: number }> {
  const doc = parseDocument(text);
  mutate?.(doc);
  const out: Array<{ start: number; end: number }> = [];
  const ctx = {
    text, doc, profile: getProfile(undefined)!, options: { ...conflict.meta.defaultOptions },
    report(f: { start: number; end: number }) { out.push(f); },
  } as unknown as RuleContext;
  conflict.check(ctx);
  return out;
}

const TEXT = 'XX市2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n' +
  '（一）依法行政。全市行政机关负责人出庭应诉率达100%。\n\n' +
  '（二）化解纠纷。全年行政机关负责人出庭应诉率61%。\n\n' +
  '二、存在的问题\n\n出庭应诉率偏低。\n\n三、2025年工作计划\n\n' +
  '（一）行政机关负责人出庭应诉率达到95%。\n\n（二）行政机关负责人出庭应诉率达到90%。\n';

describe('perf2: figures/conflict tells plan paragraphs by identity', () => {
  it('flags the measures part only', () => {
    const fs = run(TEXT);
    assert.equal(fs.length, 1);
    assert.equal(TEXT.slice(fs[0].start, fs[0].end), '61%');
  });

  it('gives the same result when two plan paragraphs share an index (Set fallback)', () => {
    const fs = run(TEXT, (doc) => {
      const plans = doc.parts.filter((s) => s.kind === 'plans').flatMap((s) => s.paragraphs);
      const withRate = plans.filter((p) => p.text.includes('%'));
      assert.equal(withRate.length, 2);
      (withRate[1] as { index: number }).index = withRate[0].index;
    });
    assert.equal(fs.length, 1);
    assert.equal(TEXT.slice(fs[0].start, fs[0].end), '61%');
  });

  it('does not take a measures paragraph for a plan one when it shares a plan paragraph\'s index', () => {
    const fs = run(TEXT, (doc) => {
      const plan = doc.parts.filter((s) => s.kind === 'plans').flatMap((s) => s.paragraphs).find((p) => p.text.includes('95%'))!;
      const measure = doc.paragraphs.find((p) => p.text.includes('61%'))!;
      (measure as { index: number }).index = plan.index;
    });
    assert.equal(fs.length, 1);
    assert.equal(TEXT.slice(fs[0].start, fs[0].end), '61%');
  });
});
