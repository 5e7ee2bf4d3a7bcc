import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'dates/year-range';

describe(RULE, () => {
  for (const name of SEEDS) {
    it(`finds nothing in ${name} (its ranges are well formed)`, () => {
      assert.deepEqual(findings(seed(name), RULE), []);
    });
  }

  it('finds two years run together and inserts the document’s dash', () => {
    const text = '贯彻落实《法治政府建设实施纲要（2021-2025年）》和《XX县法治政府建设规划（20212025年）》。';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '20212025');
    assert.equal(fs[0].data?.kind, 'glued');
    const at = text.indexOf('20212025') + 4;
    assert.deepEqual(fs[0].fix!.edits, [{ start: at, end: at, text: '-' }]);
    assert.match(fs[0].message, /应写作“2021-2025”/);
  });

  it('finds a range with the years lost', () => {
    const text = '落实《XX规划（年）》《XX方案（—年）》《XX纲要(2021-年)》。';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（年）', '（—年）', '(2021-年)']);
    assert.ok(fs.every((f) => f.data?.kind === 'hollow'));
  });

  it('reads a bare （年） as a unit unless it follows a plan name or sits in a cited title', () => {
    const text = '全县执法人员平均执法年限（年）见下表。\n\n| 指标 | 工作年限（年） |\n| --- | --- |\n| 执法人员 | 5 |\n\n落实法治政府建设实施纲要（年）和《关于加强执法的意见（年）》。';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（年）', '（年）']);
    assert.deepEqual(fs.map((f) => text.slice(f.start - 2, f.start)), ['纲要', '意见']);
  });

  it('finds a range whose ends are equal or reversed', () => {
    const text = '2023-2023年，全县开展专项行动；《XX规划（2025—2021年）》。';
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.data?.kind]), [['2023-2023', 'same'], ['2025—2021', 'reversed']]);
    assert.match(fs[1].message, /应为“2021—2025”/);
  });

  it('accepts well-formed ranges, dates and single years', () => {
    const text = '《法治政府建设实施纲要（2021—2025年）》、2021年至2025年、（2024年）、2024年1月-2024年3月、发布日期2021-02-26、电话20212025。';
    assert.deepEqual(findings(text, RULE), []);
  });
});
