import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import type { Finding } from '../../server/src/engine/types';

const RULE = 'numbering/bracket-width';
const apply = (text: string, f: Finding) => {
  let out = text;
  for (const e of [...f.fix!.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
};

describe(RULE, () => {
  it('finds haidong’s (三) and (五) among full-width markers', () => {
    const text = seed('haidong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['(三)', '(五)']);
    assert.ok(text.startsWith('(三) 坚持改革统领', fs[0].start));
    assert.ok(text.startsWith('(五) 坚持多措并举', fs[1].start));
    for (const f of fs) {
      assert.equal(f.data?.dominant, 'full');
      assert.deepEqual(f.data?.counts, { full: 7, half: 2, mixed: 0 });
      assert.match(f.message, /全角 7 处，半角 2 处/);
    }
    // the fix rewrites the bracket pair only
    assert.deepEqual(fs[0].fix!.edits.map((e) => [text.slice(e.start, e.end), e.text]), [['(', '（'], [')', '）']]);
    assert.ok(apply(text, fs[0]).includes('（三） 坚持改革统领'));
  });

  for (const name of SEEDS.filter((n) => n !== 'haidong-2024-report.txt')) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('names the half-width style when it dominates', () => {
    const text = '一、主要举措和成效\n(一)完善制度。\n(二)规范执法。\n（三）化解纠纷。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '（三）');
    assert.equal(fs[0].data?.dominant, 'half');
    assert.equal(apply(text, fs[0]), text.replace('（三）', '(三)'));
  });

  it('reports a marker whose two brackets differ, and counts level-4 markers too', () => {
    const text = '一、主要举措和成效\n（一）完善制度。\n(二）规范执法。\n（1）明确分工。\n(2)加强督办。\n';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.found]), [['(二）', 'mixed'], ['(2)', 'half']]);
    assert.equal(apply(text, fs[0]), text.replace('(二）', '（二）'));
    assert.equal(fs[0].fix!.edits.length, 1);
  });

  it('goes with the full-width brackets of GB/T 9704 on a tie', () => {
    const text = '一、主要举措\n（一）完善制度。\n(二)规范执法。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '(二)');
  });

  it('says nothing about one style throughout, or brackets in body text', () => {
    assert.deepEqual(findings('一、主要举措\n(一)完善制度。\n(二)规范执法。\n', RULE), []);
    assert.deepEqual(findings('一、主要举措\n（一）完善制度。村(社区)调解员(2人)到位。\n（二）规范执法。\n', RULE), []);
  });
});
