import { strict as assert } from 'assert';
import fc from 'fast-check';
import { roundTo, truncTo } from '../../server/src/engine/figures/arith';
import { findings, seed, covered } from '../helpers/util';
import type { Finding } from '../../server/src/engine/types';

const RULE = 'figures/comparison';

function only(text: string, options = {}): Finding {
  const fs = findings(text, RULE, options);
  assert.equal(fs.length, 1, `expected one finding in ${text}, got ${JSON.stringify(fs.map((f) => f.message))}`);
  return fs[0];
}

function none(text: string, options = {}): void {
  assert.deepEqual(findings(text, RULE, options).map((f) => f.message), [], text);
}

describe(RULE, () => {
  describe('seeds', () => {
    it('finds haidong 37.05% where (416 − 278) ÷ 278 = 49.64%', () => {
      const text = seed('haidong-2024-report.txt');
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), '37.05%');
      assert.equal(text.slice(fs[0].start - 18, fs[0].start), '行政复议案件受理数超行政诉讼案件数 ');
      assert.deepEqual(fs[0].data?.arithmetic, ['(416 − 278) ÷ 278 = 49.64%']);
      assert.equal(fs[0].data?.value, 416);
      assert.equal(fs[0].data?.base, 278);
      assert.equal(fs[0].data?.corrected, '49.64%');
      assert.equal(text.slice(fs[0].fix!.edits[0].start, fs[0].fix!.edits[0].end), '37.05');
      assert.equal(fs[0].fix!.edits[0].text, '49.64');
      assert.match(fs[0].message, /416/);
      assert.match(fs[0].message, /278/);
    });

    for (const name of ['huangzhong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const) {
      it(`finds nothing in ${name}`, () => none(seed(name)));
    }
  });

  describe('named comparisons', () => {
    it('reads the values in brackets', () => {
      const text = '行政复议案件受理数（416件）超行政诉讼案件数（278件）37.05%。';
      assert.equal(covered(text, only(text)), '37.05%');
      none('行政复议案件受理数（416件）超行政诉讼案件数（278件）49.6%。');
      none('行政复议案件受理数（416件）超行政诉讼案件数（278件）49.64%。');
    });

    it('finds the values by name in the sentences before', () => {
      none('全市受理行政复议申请416件。参与行政诉讼案件278件，行政复议案件受理数超行政诉讼案件数49.6%。');
      const text = '全市受理行政复议申请416件。参与行政诉讼案件278件，行政复议案件受理数高于行政诉讼案件数40%。';
      assert.equal(covered(text, only(text)), '40%');
    });

    it('reads A比B多X% and A低于B X%', () => {
      const text = '今年调解成功纠纷1646件，受理人民调解案件2000件，调解成功纠纷数比受理人民调解案件数少20%。';
      // (2000 − 1646) ÷ 2000 = 17.7%
      assert.equal(covered(text, only(text)), '20%');
      none('今年调解成功纠纷1646件，受理人民调解案件2000件，调解成功纠纷数比受理人民调解案件数少17.7%。');
    });

    it('reads A是B的X倍 and A比B多N件', () => {
      none('行政复议案件受理数（416件）是行政诉讼案件数（278件）的1.5倍。');
      const text = '特别是行政复议案件受理数（416件）是行政诉讼案件数（278件）的2倍。';
      const f = only(text);
      assert.equal(covered(text, f), '2倍');
      assert.deepEqual(f.data?.arithmetic, ['416 ÷ 278 = 1.50']);
      assert.equal(f.data?.corrected, '1.5倍');
      assert.match(f.message, /“行政复议案件受理数”/);
      none('全市受理行政复议申请416件。参与行政诉讼案件278件，行政复议案件受理数是行政诉讼案件数的1.5倍。');
      none('全年新增法律援助案件1058件，是上年的1.5倍。');
      none('行政复议案件受理数（416件）比行政诉讼案件数（278件）多138件。');
      const cnt = '行政复议案件受理数（416件）比行政诉讼案件数（278件）多128件。';
      assert.equal(only(cnt).data?.corrected, '138件');
    });

    it('reads two rates in brackets against percentage points', () => {
      none('全市行政机关负责人出庭应诉率（61%）高于全省平均水平（57%）4个百分点。');
      const text = '全市行政机关负责人出庭应诉率（61%）高于全省平均水平（57%）6个百分点。';
      const f = only(text);
      assert.equal(covered(text, f), '6个百分点');
      assert.deepEqual(f.data?.arithmetic, ['61 − 57 = 4']);
      assert.equal(f.data?.corrected, '4个百分点');
      none('全县行政机关负责人出庭应诉率高于全省平均水平5.2个百分点。');
    });

    it('stays silent when a name matches nothing well', () => {
      none('全年办理案件416件，出庭率较全省平均水平高出10%。');
      none('受理行政复议申请416件，行政复议案件受理数超过去年37%。');
    });
  });

  describe('changes from an earlier value', () => {
    it('较上年的 N 增长 X%', () => {
      const text = '全年受理行政复议案件120件，较上年的100件增长25%。';
      const f = only(text);
      assert.equal(covered(text, f), '25%');
      assert.deepEqual(f.data?.arithmetic, ['(120 − 100) ÷ 100 = 20.00%']);
      assert.equal(f.data?.corrected, '20%');
      none('全年受理行政复议案件120件，较上年的100件增长20%。');
      none('全年受理行政复议案件120件，较2023年同期的100件增长20%。');
      none('全年受理行政复议案件120件，与上年的100件相比，增长20%。');
      const vs = '全年受理行政复议案件120件，与上年的100件相比，增长30%。';
      assert.equal(covered(vs, only(vs)), '30%');
    });

    it('由 A 增加至 B，增长 X%', () => {
      none('行政应诉案件由100件增加至120件，增长20%。');
      const text = '行政应诉案件由100件增加至120件，增长25%。';
      assert.equal(covered(text, only(text)), '25%');
      none('群众来访量由200人次下降至150人次，下降25%。');
      const down = '群众来访量由200人次下降至150人次，下降33.3%。';
      assert.equal(only(down).data?.corrected, '25.0%');
    });

    it('N（上年M），同比增长X%', () => {
      const text = '受理行政复议案件120件（上年100件），同比增长22%。';
      assert.equal(covered(text, only(text)), '22%');
      none('受理行政复议案件120件（上年100件），同比增长20%。');
    });

    it('上年同期为 M，同比增长 X%', () => {
      none('受理行政复议案件120件，上年同期为100件，同比增长20%。');
      const text = '受理行政复议案件120件，上年同期为100件，同比增长25%。';
      assert.equal(covered(text, only(text)), '25%');
    });

    it('N，同比增加 D，增长 X%: the earlier value is N − D', () => {
      none('全市受理行政复议申请416件，同比增加312件，增长300%。');
      const text = '全市受理行政复议申请416件，同比增加312件，增长200%。';
      const f = only(text);
      assert.equal(covered(text, f), '200%');
      assert.deepEqual(f.data?.arithmetic, ['312 ÷ (416 − 312) = 312 ÷ 104 = 300.00%']);
      assert.match(f.message, /即上年为104件/);
      assert.equal(f.data?.corrected, '300%');
      none('信访总量90件，同比下降10件，下降10%。');
      const down = '信访总量90件，同比下降10件，下降11.1%。';
      assert.deepEqual(only(down).data?.arithmetic, ['10 ÷ (90 + 10) = 10 ÷ 100 = 10.00%']);
      // a difference and a change in opposite directions are not read together
      none('信访总量90件，同比减少10件，增长11.1%。');
    });

    it('keeps full-width digits in the fix', () => {
      const text = '受理案件由１２０件增加至１５０件，增长２０％。';
      const f = only(text);
      assert.equal(covered(text, f), '２０％');
      assert.deepEqual(f.fix?.edits, [{ start: text.indexOf('２０％'), end: text.indexOf('２０％') + 2, text: '２５' }]);
    });

    it('does not guess which of two written years is the earlier one', () => {
      none('2023年受理行政复议案件100件，2024年为120件，增长20%。');
      none('2024年受理行政复议案件120件，2023年为100件，增长25%。');
    });

    it('says when the values moved the other way', () => {
      const text = '行政应诉案件由120件减少至100件，增长20%。';
      const f = only(text);
      assert.match(f.message, /实为减少/);
      assert.equal(f.fix, undefined);
    });

    it('accepts either reading of 提速', () => {
      none('审批时限由20个工作日压缩至12个工作日，提速40%。');
      none('审批时限由20个工作日压缩至12个工作日，提速66.7%。');
      const text = '审批时限由20个工作日压缩至12个工作日，提速50%。';
      const f = only(text);
      assert.equal((f.data?.arithmetic as string[]).length, 2);
      assert.equal(f.fix, undefined);
    });

    it('checks percentage points and counts', () => {
      none('出庭应诉率由61.74%提高到65%，提高3.26个百分点。');
      const pts = '出庭应诉率由61.74%提高到65%，提高4.26个百分点。';
      assert.equal(covered(pts, only(pts)), '4.26个百分点');
      const cnt = '受理案件120件，较上年的100件增加25件。';
      assert.equal(covered(cnt, only(cnt)), '25件');
      none('受理案件120件，较上年的100件增加20件。');
    });

    it('tolerates 万 rounding and approximate values', () => {
      none('网上办件量由1.2万件增长至1.5万件，增长20%。');
      none('网上办件量由1.2万件增长至1.5万件，增长25%。');
      none('网上办件量由1200余件增长至1500余件，增长30%。');
    });

    it('applies the rounding policy', () => {
      // (401 − 300) ÷ 300 = 33.666…%: 33.66 is the truncated value, 33.67 the rounded one
      const text = '办件量由300件增加至401件，增长33.66%。';
      none(text);
      none('办件量由300件增加至401件，增长33.67%。');
      const strict = only(text, { shared: { rounding: 'round' } });
      assert.equal(covered(text, strict), '33.66%');
      assert.equal(strict.data?.corrected, '33.67%');
      const ruleOption = only(text, { rules: { [RULE]: ['warning', { rounding: 'round' }] } });
      assert.equal(ruleOption.data?.corrected, '33.67%');
      none('办件量由300件增加至401件，增长33.67%。', { shared: { rounding: 'round' } });
    });

    it('needs both values: a bare 同比增长 is not checked', () => {
      none('全州新增市场主体8258户，同比增长21.33%。');
      none('2024年，全市受理行政复议申请416件，受案率较去年同期上升300%。');
    });
  });

  describe('properties', () => {
    const values = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 2 }));
    const forms = (old: number, now: number, pct: string): string[] => {
      const verb = now >= old ? '增长' : '下降';
      const move = now >= old ? '增加至' : '减少至';
      return [
        `行政应诉案件由${old}件${move}${now}件，${verb}${pct}%。`,
        `全年受理行政复议案件${now}件，较上年的${old}件${verb}${pct}%。`,
        `受理行政复议案件${now}件（上年${old}件），同比${verb}${pct}%。`,
        `受理行政复议案件${now}件，上年同期为${old}件，同比${verb}${pct}%。`,
        `行政复议案件受理数（${now}件）${now >= old ? '超' : '低于'}行政诉讼案件数（${old}件）${pct}%。`,
      ];
    };

    it('accepts the change rounded or truncated to any number of decimals', () => {
      fc.assert(fc.property(values, fc.boolean(), ([old, now, d], trunc) => {
        if (old === now) return;
        const exact = (Math.abs(now - old) / old) * 100;
        const pct = (trunc ? truncTo(exact, d) : roundTo(exact, d)).toFixed(d);
        for (const text of forms(old, now, pct)) none(text);
      }), { seed: 20251, numRuns: 120 });
    });

    it('flags a change two or more units of its last digit away, on the stated change', () => {
      fc.assert(fc.property(values, fc.integer({ min: 2, max: 500 }), ([old, now, d], k) => {
        if (old === now) return;
        const exact = (Math.abs(now - old) / old) * 100;
        const wrong = roundTo(exact, d) + k * 10 ** -d;
        const pct = wrong.toFixed(d);
        for (const text of forms(old, now, pct)) {
          const f = only(text);
          assert.equal(covered(text, f), `${pct}%`);
          assert.equal(f.data?.corrected, `${roundTo(exact, d).toFixed(d)}%`);
        }
      }), { seed: 20252, numRuns: 120 });
    });
  });
});

describe('figures/comparison: the earlier value named before the difference', () => {
  it('reads `较上年的B增加D，增长X%` as D ÷ B, not as a change from B − D', () => {
    for (const t of [
      '新登记各类经营主体8,790户,较上年的8,102户增加688户,增长8.5%。',
      '新登记各类经营主体8790户，较上年的8102户增加688户，增长8.5%。',
    ]) {
      assert.deepEqual(findings(t, 'figures/comparison'), [], t);
    }
  });
});
