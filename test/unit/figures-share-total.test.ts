import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import type { Finding } from '../../server/src/engine/types';

const RULE = 'figures/share-total';

function only(text: string): Finding {
  const fs = findings(text, RULE);
  assert.equal(fs.length, 1, `expected one finding in ${text}, got ${JSON.stringify(fs.map((f) => f.message))}`);
  return fs[0];
}

function none(text: string): void {
  assert.deepEqual(findings(text, RULE).map((f) => f.message), [], text);
}

describe(RULE, () => {
  for (const name of SEEDS) it(`finds nothing in ${name}`, () => none(seed(name)));

  it('adds a 分别占 list', () => {
    const text = '全年受理的刑事、民事、行政案件分别占45%、38%、25%。';
    const f = only(text);
    assert.equal(covered(text, f), '45%、38%、25%');
    assert.deepEqual(f.data?.arithmetic, ['45% + 38% + 25% = 108% > 100%']);
    assert.equal(f.fix, undefined);
    none('全年受理的刑事、民事、行政案件分别占45%、38%、17%。');
    none('全年受理的刑事、民事、行政案件占比分别为45%、38%、17%。');
    const t2 = '全年受理的刑事、民事、行政案件所占比例分别为45%、38%和27%。';
    assert.equal(covered(t2, only(t2)), '45%、38%和27%');
  });

  it('tolerates the rounding of each share', () => {
    none('线上、窗口、自助终端办理占比分别为33.4%、33.3%、33.4%。');
    none('三类案件分别占34%、33%、34%。');
    const text = '三类案件分别占34.1%、33.3%、33.4%。';
    assert.equal(covered(text, only(text)), '34.1%、33.3%、33.4%');
  });

  it('adds the shares of the parts of one breakdown', () => {
    const text = '共受理案件120件，其中刑事案件54件、占45%，民事案件72件、占60%。';
    const f = only(text);
    assert.equal(covered(text, f), '45%，民事案件72件、占60%');
    none('共受理案件120件，其中刑事案件54件（占45%）、民事案件66件（占55%）。');
  });

  it('adds a list of shares each with its own 占, joined by 、', () => {
    const text = '其中刑事案件占45%、民事案件占38%、行政案件占25%。';
    assert.equal(covered(text, only(text)), '45%、民事案件占38%、行政案件占25%');
    none('其中刑事案件占45%、民事案件占38%、行政案件占17%。');
    none('女性占45%，少数民族占70%。');
  });

  it('adds shares of the same named whole in one sentence', () => {
    const text = '刑事案件占全市案件总数的60%，民事案件占全市案件总数的50%。';
    const f = only(text);
    assert.equal(f.data?.whole, '全市案件总数');
    none('刑事案件占全市案件总数的60%，民事案件占全市案件总数的40%。');
    none('刑事案件占全市案件总数的60%。民事案件占全省案件总数的50%。');
  });

  it('does not add shares of different wholes, years or changes', () => {
    none('2023年刑事案件占全市案件总数的60%，2024年上升到占全市案件总数的65%。');
    none('网上办理占比由60%提高到80%，群众满意度达98%。');
    none('男性占60%、女性占40%，农村户籍占70%、城镇户籍占30%。');
    none('行政许可事项和公共服务事项网上可办率分别达92.85%、96.58%。');
    none('刑事、民事案件占全市同类案件的比例分别为45%、60%。');
  });
});
