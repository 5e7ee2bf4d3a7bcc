import { strict as assert } from 'assert';
import fc from 'fast-check';
import { findings, seed, covered } from '../helpers/util';
import type { Finding } from '../../server/src/engine/types';

const RULE = 'figures/sum';

function only(text: string): Finding {
  const fs = findings(text, RULE);
  assert.equal(fs.length, 1, `expected one finding in ${text}, got ${JSON.stringify(fs.map((f) => f.message))}`);
  return fs[0];
}

describe(RULE, () => {
  describe('seeds', () => {
    it('finds huangzhong 25 concluded cases whose parts sum to 26, on the total', () => {
      const text = seed('huangzhong-2024-report.txt');
      const fs = findings(text, RULE);
      assert.equal(fs.length, 1);
      assert.equal(covered(text, fs[0]), '25件');
      assert.equal(text.slice(fs[0].start - 3, fs[0].end), '已办结25件');
      assert.deepEqual(fs[0].data?.arithmetic, ['1 + 2 + 14 + 5 + 1 + 3 = 26 ≠ 25']);
      assert.equal(fs[0].data?.sum, 26);
      // the parts span the whole breakdown
      const d = fs[0].data as { partsStart: number; partsEnd: number };
      assert.equal(text.slice(d.partsStart, d.partsEnd), '1件、维持2件、调解14件、驳回复议申请5件、责令重新作出处理1件、确认违法3件');
      // `其中` may name some parts only: the exact total is not certain, so no fix
      assert.equal(fs[0].fix, undefined);
      assert.match(fs[0].message, /26件/);
      assert.match(fs[0].message, /25件/);
    });

    for (const name of ['haidong-2024-report.txt', 'haixi-2020-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const) {
      it(`finds nothing in ${name} (760 = 345 + 415, 172.7万 = 81.2万 + 91.5万, 255 = 7 + 45 + 96 + 107, 23.4万 = 8.9万 + 14.5万)`, () => {
        assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), []);
      });
    }
  });

  describe('其中 / 含 / 分别为', () => {
    it('flags parts that exceed the total', () => {
      const text = '全年受理行政复议申请100件，其中行政处罚类40件、行政许可类70件。';
      const f = only(text);
      assert.equal(covered(text, f), '100件');
      assert.deepEqual(f.data?.arithmetic, ['40 + 70 = 110 ≠ 100']);
    });

    it('does not flag a partial list that falls short of the total', () => {
      assert.deepEqual(findings('全年受理行政复议申请100件，其中行政处罚类40件、行政许可类30件。', RULE), []);
    });

    it('flags a single part larger than its total', () => {
      const text = '共排查矛盾纠纷120件，其中婚姻家庭纠纷130件。';
      assert.equal(covered(text, only(text)), '120件');
    });

    it('flags a short list that ends in 其他 and offers the total as the fix', () => {
      const text = '办理法律援助案件800件，其中刑事案件345件、民事案件415件、其他案件20件。';
      const f = only(text);
      assert.equal(covered(text, f), '800件');
      assert.equal(f.data?.corrected, '780件');
      assert.deepEqual(f.fix?.edits, [{ start: text.indexOf('800'), end: text.indexOf('800') + 3, text: '780' }]);
    });

    it('reads parts in brackets after the total', () => {
      const text = '共办理公证事项1200件（含涉外公证700件、国内公证600件），同比持平。';
      assert.equal(covered(text, only(text)), '1200件');
      assert.deepEqual(findings('共办理公证事项1300件（含涉外公证700件、国内公证600件），同比持平。', RULE), []);
    });

    it('treats 分别为 right after the total as the whole breakdown', () => {
      const text = '全年开展普法活动300场次，分别为线上活动120场次、线下活动200场次。';
      assert.equal(only(text).data?.corrected, '320场次');
      const short = '全年开展普法活动300场次，分别为线上活动120场次、线下活动170场次。';
      assert.equal(covered(short, only(short)), '300场次');
      assert.deepEqual(findings('全年开展普法活动300场次，分别为线上活动120场次、线下活动170场次等。', RULE), []);
    });

    it('reads comma-separated parts and stops at a new clause', () => {
      assert.deepEqual(findings('受理法律援助案件780件，其中，民事 601件，刑事 179件，办结案件700件。', RULE), []);
      const text = '受理法律援助案件780件，其中，民事 611件，刑事 179件，挽回经济损失 1588.75万元。';
      assert.equal(covered(text, only(text)), '780件');
    });

    it('stops at a different unit or a percentage', () => {
      assert.deepEqual(findings('已办结25件；其中维持2件、调解14件，调解结案率达到52%，召开会议30次。', RULE), []);
      assert.deepEqual(findings('培训执法人员300人次，其中领导干部320人。', RULE), []);
    });

    it('tolerates the rounding of 万 parts and approximate parts', () => {
      assert.deepEqual(findings('共录入信用信息数据172.7万条，其中各地区81.2万条、各部门91.5万条。', RULE), []);
      assert.deepEqual(findings('共录入信用信息数据172.6万条，其中各地区81.24万条、各部门91.41万条。', RULE), []);
      assert.deepEqual(findings('共排查矛盾纠纷9200余次，其中入户排查5000余次、集中排查4000余次。', RULE), []);
      const text = '共录入信用信息数据170万条，其中各地区81.2万条、各部门91.5万条。';
      const f = only(text);
      assert.equal(covered(text, f), '170万条');
      assert.deepEqual(f.data?.arithmetic, ['81.2万 + 91.5万 = 172.7万 ≠ 170万']);
    });

    it('does not read parts far above a partial total as a slip (they count something else)', () => {
      assert.deepEqual(findings('为民营企业审查合同13份，其中发现问题合同5份、提出修改意见20份。', RULE), []);
      assert.deepEqual(findings('共排查矛盾纠纷120件，其中婚姻家庭纠纷200件。', RULE), []);
      // a complete breakdown is always checked
      const text = '为民营企业审查合同5份、规章制度20份，共计13份。';
      assert.equal(covered(text, only(text)), '13份');
    });

    it('does not add up overlapping attributes', () => {
      assert.deepEqual(findings('全县共有行政执法人员1200名，其中持有执法证件1150名，具有法律职业资格的85名。', RULE), []);
      assert.deepEqual(findings('全县共有行政执法人员1200名，其中女性500名、党员800名。', RULE), []);
    });

    it('reads a list after a colon', () => {
      const text = '全年共受理案件120件：刑事案件45件、民事案件85件。';
      assert.equal(covered(text, only(text)), '120件');
      assert.deepEqual(findings('全年共受理案件120件：刑事案件45件、民事案件65件。', RULE), []);
    });

    it('keeps thousands separators and full-width digits in the fix', () => {
      const text = '全年办理国内公证15,200件、涉外公证3,239件，共计18,449件。';
      const f = only(text);
      assert.equal(f.fix?.edits[0].text, '18,439');
      assert.equal(text.slice(f.fix!.edits[0].start, f.fix!.edits[0].end), '18,449');
      const wide = '办理刑事案件３４５件、民事案件４１５件，共计７７０件。';
      assert.equal(only(wide).fix?.edits[0].text, '７６０');
    });

    it('reads parts written number first', () => {
      const text = '创建民主法治示范村500个，其中1个国家级示范村、13个省级示范村、182个市级示范村、344个县级示范村。';
      assert.equal(covered(text, only(text)), '500个');
    });
  });

  describe('sum written after the parts', () => {
    it('flags a stated sum that differs either way, with a fix on the total', () => {
      const text = '全年办理刑事案件345件、民事案件415件，共计770件。';
      const f = only(text);
      assert.equal(covered(text, f), '770件');
      assert.deepEqual(f.fix?.edits, [{ start: text.indexOf('770'), end: text.indexOf('770') + 3, text: '760' }]);
      const big = '全年办理刑事案件345件、民事案件415件，合计750件。';
      assert.equal(covered(big, only(big)), '750件');
      assert.deepEqual(findings('全年办理刑事案件345件、民事案件415件，共计760件。', RULE), []);
    });

    it('needs the number right after 共计', () => {
      assert.deepEqual(findings('受理刑事案件345件、民事案件415件，共计挽回损失100件。', RULE), []);
    });
  });

  describe('Markdown tables', () => {
    const table = (rows: string[]): string => ['2024年法律援助案件统计如下：', '', '| 类别 | 件数 | 人次 |', '| --- | --- | --- |', ...rows].join('\n') + '\n';

    it('checks a 合计 row against the rows above', () => {
      const text = table(['| 刑事 | 345 | 400 |', '| 民事 | 415 | 500 |', '| 合计 | 770 | 900 |']);
      const f = only(text);
      assert.equal(covered(text, f), '770');
      assert.equal(f.data?.form, 'table');
      assert.equal(f.data?.corrected, '760');
    });

    it('accepts a consistent table, with empty cells and subtotals', () => {
      assert.deepEqual(findings(table(['| 刑事 | 345 | 400 |', '| 民事 | 415 | — |', '| 合计 | 760 | 400 |']), RULE), []);
      assert.deepEqual(findings(table(['| 刑事 | 300 | 1 |', '| 民事 | 45 | 2 |', '| 小计 | 345 | 3 |', '| 行政 | 415 | 4 |', '| 小计 | 415 | 4 |', '| 总计 | 760 | 7 |']), RULE), []);
    });

    it('checks a 合计 column against the other columns of each row', () => {
      const t = ['| 地区 | 刑事 | 民事 | 合计 |', '| --- | --- | --- | --- |', '| 甲县 | 10 | 20 | 30 |', '| 乙县 | 5 | 6 | 12 |'].join('\n');
      const fs = findings(t, RULE);
      assert.deepEqual(fs.map((f) => covered(t, f)), ['12']);
      assert.match(fs[0].message, /表格合计列/);
      // rates and year-on-year columns are not added
      assert.deepEqual(findings(['| 地区 | 受理 | 办结 | 办结率 | 合计 |', '| --- | --- | --- | --- | --- |', '| 甲县 | 10 | 8 | 80% | 18 |'].join('\n'), RULE), []);
    });

    it('reads a table without a --- row and labels with a unit in brackets', () => {
      const t = ['| 类别 | 件数（件） |', '| 刑事 | 345 |', '| 民事 | 415 |', '| 总计（件） | 770 |'].join('\n');
      assert.deepEqual(findings(t, RULE).map((f) => covered(t, f)), ['770']);
      const c = ['| 地区 | 刑事 | 民事 | 合计（件） |', '| --- | --- | --- | --- |', '| 甲县 | 10 | 20 | 31 |'].join('\n');
      assert.deepEqual(findings(c, RULE).map((f) => covered(c, f)), ['31']);
    });

    it('checks subtotals', () => {
      const text = table(['| 刑事 | 300 | 1 |', '| 民事 | 45 | 2 |', '| 小计 | 355 | 3 |', '| 行政 | 415 | 4 |', '| 小计 | 415 | 4 |', '| 总计 | 770 | 7 |']);
      const fs = findings(text, RULE);
      assert.deepEqual(fs.map((f) => covered(text, f)), ['355']);
    });
  });

  describe('properties', () => {
    const LABELS = ['刑事案件', '民事案件', '行政案件', '婚姻家庭纠纷', '邻里纠纷', '劳动争议', '合同纠纷', '其他'];
    const partsArb = fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 2, maxLength: 6 });
    const list = (ps: number[], scale = ''): string => ps.map((p, i) => `${LABELS[i]}${p}${scale}件`).join('、');

    it('never flags parts that add up, in any form', () => {
      fc.assert(fc.property(partsArb, (ps) => {
        const total = ps.reduce((a, b) => a + b, 0);
        for (const text of [
          `全年办理案件${total}件，其中${list(ps)}。`,
          `全年办理案件${total}件，分别为${list(ps)}。`,
          `全年办理${list(ps)}，共计${total}件。`,
          `全年办理案件${total.toLocaleString('en-US')}件（含${list(ps)}）。`,
        ]) assert.deepEqual(findings(text, RULE), [], text);
      }), { seed: 20241, numRuns: 150 });
    });

    it('never flags 万 parts whose written sum is within their rounding', () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 99999 }), { minLength: 2, maxLength: 5 }), (raw) => {
        // exact values in 件, written as 万 with one decimal; the total rounded from the exact sum
        const exact = raw.map((x) => x * 10);
        const shown = exact.map((x) => (x / 1e4).toFixed(1));
        const total = (exact.reduce((a, b) => a + b, 0) / 1e4).toFixed(1);
        const text = `全年录入信用信息${total}万条，其中${shown.map((x, i) => `${LABELS[i]}${x}万条`).join('、')}。`;
        assert.deepEqual(findings(text, RULE), [], text);
      }), { seed: 20242, numRuns: 150 });
    });

    it('always flags a stated sum that is off, on the sum, with the right correction', () => {
      fc.assert(fc.property(partsArb, fc.integer({ min: 1, max: 500 }), fc.boolean(), (ps, off, up) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const stated = up ? sum + off : Math.max(1, sum - off);
        if (stated === sum) return;
        const text = `全年办理${list(ps)}，合计${stated}件。`;
        const f = only(text);
        assert.equal(covered(text, f), `${stated}件`);
        assert.equal(f.fix?.edits[0].text, String(sum));
      }), { seed: 20243, numRuns: 150 });
    });

    it('always flags 其中 parts above the total (within 1.5 times)', () => {
      fc.assert(fc.property(partsArb, fc.integer({ min: 1, max: 30 }), (ps, pct) => {
        const sum = ps.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum / (1 + pct / 100));
        if (total < 1 || total >= sum) return;
        const text = `全年办理案件${total}件，其中${list(ps)}。`;
        assert.equal(covered(text, only(text)), `${total}件`);
      }), { seed: 20244, numRuns: 150 });
    });
  });
});
