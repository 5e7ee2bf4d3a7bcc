import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'numbering/enumeration';
const wrap = (body: string) => `XX县2024年法治政府建设情况报告\n一、主要举措和成效\n${body}`;

describe(RULE, () => {
  it('finds haixi-2020’s lost 一 in `。是深化行政执法体制改革`', () => {
    const text = seed('haixi-2020-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '是深化行政执法体制改革');
    assert.equal(text.slice(fs[0].start - 4, fs[0].start), '满意度。');
    assert.equal(fs[0].data?.kind, 'lost');
    assert.match(fs[0].message, /缺少序数，应为“一是深化行政执法体制改革”/);
    assert.deepEqual(fs[0].fix!.edits, [{ start: fs[0].start, end: fs[0].start, text: '一' }]);
  });

  for (const name of SEEDS.filter((n) => n !== 'haixi-2020-report.txt')) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
    });
  }

  it('finds a gap', () => {
    const text = wrap('（一）完善制度。一是健全机制，制定办法。二是强化落实。四是加强督办，按月通报。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '四是');
    assert.equal(fs[0].start, text.indexOf('四是'));
    assert.match(fs[0].message, /“二是”之后是“四是”，缺少“三是”/);
    assert.equal(fs[0].fix, undefined);
  });

  it('finds a lost ordinal in the middle of a series', () => {
    const text = wrap('（一）完善制度。一是健全机制。二是强化落实。是加强督办，按月通报。四是严格考核。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '是加强督办');
    assert.deepEqual(fs[0].fix!.edits, [{ start: text.indexOf('是加强督办'), end: text.indexOf('是加强督办'), text: '三' }]);
  });

  it('finds a series starting at 二 with no lost 是 to blame', () => {
    const text = wrap('（一）完善制度。健全机制，制定办法。二是强化落实。三是加强督办。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '二是');
    assert.match(fs[0].message, /列举从“二是”开始，缺少“一是”/);
  });

  it('finds a repeat', () => {
    const text = wrap('（一）完善制度。一是健全机制。二是强化落实。二是加强督办。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].start, text.lastIndexOf('二是'));
    assert.equal(fs[0].data?.kind, 'repeat');
  });

  it('follows a series across paragraphs and bold markers, and restarts it in each section', () => {
    const text = wrap('（一）完善制度。**一是健全机制。**制定办法。\n**二是强化落实。**开展督查。\n（二）规范执法。一是加强培训。二是严格考核。三是强化监督。\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('accepts a glued 一是 when 二是 follows, even in the next paragraph', () => {
    const text = wrap('（一）完善制度。主要做了三方面工作一是健全机制，制定办法。\n二是强化落实。三是加强督办。\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('does not take words ending in 一 for ordinals, nor sentences starting with 是否', () => {
    const text = wrap('（一）完善制度。制度统一是基础。唯一是指唯一的。是否合规须审查。二者缺一不可。\n');
    assert.deepEqual(findings(text, RULE), []);
  });
});
