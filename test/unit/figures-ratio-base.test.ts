import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'figures/ratio-base';

function report(body: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;
}

describe(RULE, () => {
  it('says 直接纠错率 17.3% of haidong was computed on the 416 received, not the 356 concluded', () => {
    const text = seed('haidong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['17.3%']);
    const f = fs[0];
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.data?.arithmetic, ['72 ÷ 416 = 17.31%', '72 ÷ 356 = 20.22%']);
    assert.equal((f.data?.usedBase as { value: number }).value, 416);
    assert.equal((f.data?.nearestBase as { value: number }).value, 356);
    assert.match(f.message, /416/);
    assert.match(f.message, /356/);
    // the same rate is not also a mismatch
    assert.ok(!findings(text, 'figures/ratio').some((x) => covered(text, x) === '17.3%'));
  });

  it('finds nothing in the other seeds', () => {
    for (const name of ['haixi-2020-report.txt', 'huangzhong-2024-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const) {
      assert.deepEqual(findings(seed(name), RULE), [], name);
    }
  });

  it('reports a base in the same sentence that is not the nearest total', () => {
    const text = report('全年受理行政复议申请416件，审结356件，其中直接纠错72件，直接纠错率17.3%。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['17.3%']);
    assert.equal((fs[0].data?.usedBase as { label: string }).label, '受理行政复议申请');
  });

  it('reports a farther base of the same matter in the paragraph', () => {
    const text = report('全年收到行政复议申请200件。参与行政诉讼案件80件。审结一审行政案件60件，败诉6件。全市审结行政复议案件180件，其中纠错30件，纠错率15%。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['15%']);
    assert.equal((fs[0].data?.usedBase as { value: number }).value, 200);
  });

  it('says nothing when a farther base is of another matter', () => {
    const text = report('参与行政诉讼案件 416 件。审结一审行政案件 174 件，败诉 50 件，败诉率 28.74%。行政机关负责人出庭应诉率达 100%。全市审结行政复议案件 356 件，其中直接纠错 72 件，直接纠错率达 17.3%。');
    assert.deepEqual(findings(text, RULE), []);
    assert.deepEqual(findings(text, 'figures/ratio'), []);
  });

  it('says nothing when the nearest total gives the rate', () => {
    for (const s of [
      '全年受理行政复议申请416件，审结356件，其中直接纠错72件，直接纠错率20.2%。',
      '年内共排查各类矛盾纠纷18,439件，受理案件5559件，调解成功5553件，化解率达99.8%。',
      '受理案件100件，办结90件，其中调解成功60件，调解成功率66.7%。',
      '调解纠纷12680件，调解成功12560件，调解成功率99.05%。其中婚姻家庭纠纷3200件，占25.2%；邻里纠纷2800件，占22.1%。',
    ]) {
      assert.deepEqual(findings(report(s), RULE), [], s);
    }
  });
});
