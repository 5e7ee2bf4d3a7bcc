import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'numbering/sequence';
const wrap = (body: string) => `XX县2024年法治政府建设情况报告\n${body}`;

describe(RULE, () => {
  it('finds huangzhong part 三 starting at （二）, with the lost （一） paragraph as the fix', () => {
    const text = seed('huangzhong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '（二）');
    assert.ok(text.startsWith('（二）强化队伍建设，提升执法质效。', fs[0].start));
    assert.equal(fs[0].data?.kind, 'start');
    assert.match(fs[0].message, /缺少“（一）”/);
    assert.match(fs[0].message, /坚持党建引领，推动责任落实/);
    const edit = fs[0].fix!.edits[0];
    assert.equal(edit.start, edit.end);
    assert.equal(edit.text, '（一）');
    assert.ok(text.startsWith('坚持党建引领，推动责任落实。', edit.start));
  });

  for (const name of SEEDS.filter((n) => n !== 'huangzhong-2024-report.txt')) {
    it(`finds nothing in ${name}`, () => {
      assert.deepEqual(findings(seed(name), RULE).map((f) => covered(seed(name), f)), []);
    });
  }

  it('finds a gap', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。全年出台制度3项。\n（二）规范执法。开展培训2次。\n（四）化解纠纷。调解纠纷10件。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '（四）');
    assert.equal(fs[0].data?.kind, 'gap');
    assert.deepEqual(fs[0].data?.missing, ['（三）']);
    assert.match(fs[0].message, /“（二）”之后是“（四）”，缺少“（三）”/);
  });

  it('finds a repeat', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。\n（二）规范执法。\n（二）化解纠纷。\n二、存在的问题\n由于人员不足。\n三、2025年工作安排\n加强培训。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].data?.kind, 'repeat');
    assert.equal(fs[0].start, text.lastIndexOf('（二）'));
    assert.equal(covered(text, fs[0]), '（二）');
  });

  it('finds a gap in the top level and in `1.` items, and an order reversal', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。\n1.健全机制。制定办法。\n3.强化落实。开展督查。\n2.加强督办。按月通报。\n三、存在的问题\n由于人员不足。\n');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.kind]), [['3.', 'gap'], ['2.', 'order'], ['三、', 'gap']]);
  });

  it('reports a part whose items start at （二） without a candidate paragraph, and no fix', () => {
    const text = wrap('一、主要举措和成效\n（二）规范执法。开展培训2次。\n（三）化解纠纷。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '（二）');
    assert.equal(fs[0].fix, undefined);
    assert.match(fs[0].message, /应从“（一）”开始/);
  });

  it('accepts items restarting under each part, half-width and mixed bracket widths', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。\n(二)规范执法。\n二、存在的问题\n（一）人员不足。\n（二）经费不足。\n三、2025年工作安排\n(一)加强培训。\n（二）强化保障。\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('does not read a restart after an unrecognised heading line as an error', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。\n（二）规范执法。\n第二部分 下一步工作打算\n（一）加强培训。\n（二）强化保障。\n');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports a restart at （一） inside the same part', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。全年出台制度3项。\n（二）规范执法。开展培训2次。\n全年办理案件120件，同比增长5%。\n（一）化解纠纷。调解纠纷10件。\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].data?.kind, 'restart');
    assert.equal(fs[0].start, text.lastIndexOf('（一）'));
  });

  it('is not confused by numbers that only look like markers', () => {
    const text = wrap('一、主要举措和成效\n（一）完善制度。\n3、4月份开展专项检查。\n1.37万余条数据完成归集。\n（二）规范执法。\n');
    assert.deepEqual(findings(text, RULE), []);
  });
});

describe(`${RULE}: Markdown`, () => {
  it('leaves a Markdown list numbered `1.` throughout to the renderer', () => {
    const text = '## 一、主要举措和成效\n\n### （一）完善制度\n\n1. 健全机制。\n\n1. 强化落实。\n\n1. 加强督办。\n';
    assert.deepEqual(findings(text, RULE), []);
  });
});

describe(`${RULE}: pathological lists`, () => {
  it('stops after 100 findings in one list', () => {
    const text = '一、主要举措\n' + '（一）完善制度。\n'.repeat(300);
    const fs = findings(text, RULE);
    assert.equal(fs.length, 100);
    assert.ok(fs.every((f) => f.data?.kind === 'repeat'));
  });
});
