import { strict as assert } from 'assert';
import { quantitiesOfText, allQuantities, quantitiesIn, Quantity } from '../../server/src/engine/figures/quantities';
import { labelBefore, labelAfter, label, listHead, rateWord, endsWithStem } from '../../server/src/engine/figures/context';
import { parseDocument } from '../../server/src/engine/document';
import { seed } from '../helpers/util';

function one(text: string): Quantity {
  const qs = quantitiesOfText(text);
  assert.equal(qs.length, 1, `expected one quantity in ${text}, got ${qs.map((q) => q.raw).join(' | ')}`);
  return qs[0];
}

function raws(text: string): string[] {
  return quantitiesOfText(text).map((q) => q.raw);
}

describe('figures/quantities', () => {
  describe('Arabic numerals', () => {
    const cases: [string, string, number, string, number][] = [
      // text, raw, value, unit, decimals
      ['全市 255 名新提任干部', '255 名', 255, '名', 0],
      ['共排查各类矛盾纠纷18,439件', '18,439件', 18439, '件', 0],
      ['实有各类市场主体59,905户', '59,905户', 59905, '户', 0],
      ['受理事项1,234,567件', '1,234,567件', 1234567, '件', 0],
      ['受理政务服务事项269.77万件', '269.77万件', 2697700, '件', 2],
      ['出管理不规范资金16570万元', '16570万元', 165700000, '元', 0],
      ['挽回经济损失420.36万元', '420.36万元', 4203600, '元', 2],
      ['财政资金3.5亿元', '3.5亿元', 350000000, '元', 1],
      ['受理案件１２３件', '１２３件', 123, '件', 0],
      ['化解率 99.35%', '99.35%', 99.35, '%', 2],
      ['满意率９８．５％', '９８．５％', 98.5, '%', 1],
      ['败诉率 28.93 %', '28.93 %', 28.93, '%', 2],
      ['开展心理矫治9人次', '9人次', 9, '人次', 0],
      ['开展普法讲座360场次', '360场次', 360, '场次', 0],
      ['办理时限压缩至5个工作日', '5个工作日', 5, '个工作日', 0],
    ];
    for (const [text, raw, value, unit, decimals] of cases) {
      it(`reads ${raw}`, () => {
        const q = one(text);
        assert.equal(q.raw, raw);
        assert.equal(q.value, value);
        assert.equal(q.unit, unit);
        assert.equal(q.decimals, decimals);
        assert.equal(text.slice(q.start, q.end), raw);
        assert.equal(q.approx, false);
      });
    }

    it('gives the numeral span apart from the unit and scale', () => {
      const text = '受理政务服务事项269.77万件';
      const q = one(text);
      assert.equal(text.slice(q.numStart, q.numEnd), '269.77');
      assert.equal(q.numeral, '269.77');
      assert.equal(q.scale, 1e4);
      assert.equal(q.kind, 'number');
    });

    it('reads a number broken by one stray space when a unit follows', () => {
      const q = one('查处违法案件1 5起');
      assert.equal(q.value, 15);
      assert.equal(q.unit, '起');
      assert.equal(q.raw, '1 5起');
    });

    it('does not join two numbers separated by a space without a unit', () => {
      assert.deepEqual(raws('| 12 | 34 |'), ['12', '34']);
    });

    it('reads a number broken by a pasted line break', () => {
      const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年共办理法律援助案件，为群众提供各类法律服务，其中法律援助案件1\n23件，为困难群众挽回经济损失合计达到1588.75\n\n万元，结案率达到100%，群众满意度持续提升。\n';
      const doc = parseDocument(text);
      const qs = allQuantities(doc);
      const broken = qs.find((q) => q.value === 123)!;
      assert.ok(broken, qs.map((q) => q.raw).join(' | '));
      assert.equal(text.slice(broken.numStart, broken.numEnd), '1\n23');
      const money = qs.find((q) => q.unit === '元')!;
      assert.equal(money.value, 15887500);
      assert.equal(text.slice(money.start, money.end), '1588.75\n\n万元');
    });
  });

  describe('approximation', () => {
    const cases: [string, string, number, string, string[]][] = [
      ['开展法治宣传活动3000余场次', '3000余场次', 3000, '场次', ['余']],
      ['动公开政府信息 1.37 万余条', '1.37 万余条', 13700, '条', ['余']],
      ['涉案金额达5086万余元', '5086万余元', 50860000, '元', ['余']],
      ['累计访问量达12.3万余人次', '12.3万余人次', 123000, '人次', ['余']],
      ['参与群众10万余人次', '10万余人次', 100000, '人次', ['余']],
      ['参与群众10余万人次', '10余万人次', 100000, '人次', ['余']],
      ['提供意见建议90余条', '90余条', 90, '条', ['余']],
      ['受理投诉100多件', '100多件', 100, '件', ['多']],
      ['受理近千件', '近千件', 1000, '件', ['近']],
      ['约3成群众', '约3成', 3, '成', ['约']],
      ['援助案件年内总量超1058件', '超1058件', 1058, '件', ['超']],
      ['法律顾问聘请率超过90%', '超过90%', 90, '%', ['超过']],
      ['培训100人左右', '100人左右', 100, '人', ['左右']],
      ['参训人数200人上下，', '200人上下', 200, '人', ['上下']],
      ['满意率达95%以上', '95%以上', 95, '%', ['以上']],
      ['逾百人参加', '逾百人', 100, '人', ['逾']],
      ['上万人次参与', '上万人次', 10000, '人次', ['上']],
      ['将近500件', '将近500件', 500, '件', ['将近']],
      ['耗时3个多月', '3个多月', 3, '个月', ['多']],
    ];
    for (const [text, raw, value, unit, marks] of cases) {
      it(`reads ${raw} as approximate`, () => {
        const q = one(text);
        assert.equal(q.raw, raw);
        assert.equal(q.value, value);
        assert.equal(q.unit, unit);
        assert.equal(q.approx, true);
        assert.deepEqual(q.approxMarks, marks);
        assert.equal(text.slice(q.start, q.end), raw);
      });
    }

    it('does not read 节约 or 最近 as approximation marks', () => {
      assert.equal(one('节约诉讼成本1000元').approx, false);
      assert.equal(one('最近3年').approx, false);
    });

    it('does not read 上下 as a mark before a word', () => {
      const q = one('打通3级上下联动');
      assert.equal(q.approx, false);
      assert.equal(q.raw, '3级');
    });
  });

  describe('Chinese numerals', () => {
    const cases: [string, string, number, string, boolean][] = [
      ['召开常务会议两次', '两次', 2, '次', false],
      ['举办三十余场培训', '三十余场', 30, '场', true],
      ['受理一百多件', '一百多件', 100, '件', true],
      ['组建市县两级法治督察队伍', '两级', 2, '级', false],
      ['实现市县乡三级全覆盖', '三级', 3, '级', false],
      ['明确九个方面的重点任务', '九个', 9, '个', false],
      ['分五个片区联合开展', '五个', 5, '个', false],
      ['办理民生十件实事', '十件', 10, '件', false],
      ['覆盖面达到三成', '三成', 3, '成', false],
      ['培训两千余人次', '两千余人次', 2000, '人次', true],
      ['受益群众三万人', '三万人', 30000, '人', false],
    ];
    for (const [text, raw, value, unit, approx] of cases) {
      it(`reads ${raw}`, () => {
        const q = one(text);
        assert.equal(q.raw, raw);
        assert.equal(q.value, value);
        assert.equal(q.unit, unit);
        assert.equal(q.approx, approx);
        assert.equal(q.chinese, true);
        assert.equal(text.slice(q.start, q.end), raw);
      });
    }

    it('never reads ordinals, words or slogans', () => {
      for (const text of [
        '一是强化思想引领', '第一责任人', '（一）坚持党的领导', '一、主要举措', '二、存在的问题', '第十二条', '第二十届',
        '一次性告知', '一批典型案例', '统一部署', '唯一标准', '进一步加强', '做到两个维护', '坚定四个自信', '增强四个意识',
        '三级医院', '二级巡视员', '千家万户', '千方百计', '百姓', '十四五时期', '八五普法', '三番五次', '五位一体', '一件事一次办',
        '星期一', '初三', '其一', '之一', '零容忍', '一二三', '数十场', '几十件', '党的二十届三中全会', '一个中心',
      ]) {
        assert.deepEqual(raws(text), [], text);
      }
    });
  });

  describe('percentages, points, ranges, multiples', () => {
    it('reads 百分之 forms', () => {
      const a = one('覆盖率达到百分之三十');
      assert.equal(a.kind, 'percent');
      assert.equal(a.value, 30);
      assert.equal(a.raw, '百分之三十');
      const b = one('化解率百分之九十九点三五');
      assert.equal(b.value, 99.35);
      assert.equal(b.decimals, 2);
      assert.equal(one('满意率百分之百').value, 100);
      assert.equal(one('占百分之30').value, 30);
    });

    it('reads percentage points', () => {
      const a = one('超省定标准20个百分点');
      assert.equal(a.kind, 'points');
      assert.equal(a.value, 20);
      assert.equal(a.unit, '个百分点');
      const b = one('提高2.04 个百分点');
      assert.equal(b.value, 2.04);
      assert.equal(b.raw, '2.04 个百分点');
      assert.equal(one('提高五个百分点').value, 5);
    });

    it('reads ranges', () => {
      for (const [text, raw, low, high, unit] of [
        ['降幅10%～20%', '10%～20%', 10, 20, '%'],
        ['占比63%~68%', '63%~68%', 63, 68, '%'],
        ['占比10～20%', '10～20%', 10, 20, '%'],
        ['办理时限3-5天', '3-5天', 3, 5, '天'],
        ['缩短为3至5天', '3至5天', 3, 5, '天'],
        ['每组10—20人', '10—20人', 10, 20, '人'],
      ] as const) {
        const q = one(text);
        assert.equal(q.raw, raw);
        assert.equal(q.value, low);
        assert.equal(q.high, high);
        assert.equal(q.unit, unit);
      }
    });

    it('does not read 由…到… as a range', () => {
      assert.deepEqual(raws('由85%提高到90%'), ['85%', '90%']);
    });

    it('reads multiples', () => {
      const a = one('增长1.5倍');
      assert.equal(a.kind, 'multiple');
      assert.equal(a.value, 1.5);
      assert.equal(one('提高两倍').kind, 'multiple');
    });

    it('reads growth above 100%', () => {
      const q = one('受案率较去年同期上升 300%');
      assert.equal(q.value, 300);
      assert.equal(q.kind, 'percent');
    });
  });

  describe('not quantities', () => {
    for (const text of [
      '2024年', '2024 年', '2024年度', '2023—2025年', '2023-2025年', '2023、2024年', '1月12日', '12月', '3日', '2024.1.12', '9时30分', '9:30',
      '“八五”普法', '“12345”热线', '“135”施工路线图', '“5+N”模式', '”八五“普法', '《法治政府建设实施纲要（2021-2025年）》',
      '《关于加强12条措施的通知》', '打造24小时自助服务区', '7×24小时', '西政〔2021〕5号', '青政办[2020]12号', '第12条', '第3批',
      '电话：0971-6301234', '13800001234', '拨打12345政务服务便民热线', '12348青海法网', '5G基站', 'PM2.5', 'G109国道', '“3·15”',
      '（1）建立制度', '1.完善机制', '；2、健全制度', '成立70周年', '2.0版', '（2021）', '2024年1-11月', '1至12月', '第1季度', '前三季度',
      '2024', '——2024',
    ]) {
      it(`reads nothing in ${text}`, () => {
        assert.deepEqual(raws(text), []);
      });
    }

    it('reads a count in brackets after a noun, not an ordinal', () => {
      assert.deepEqual(raws('行政复议案件受理数（416）超行政诉讼案件数（278）37.05%'), ['416', '278', '37.05%']);
    });

    it('reads durations but not years', () => {
      assert.deepEqual(raws('近3年来，2024年'), ['近3年']);
    });

    it('reads the figures of a list', () => {
      assert.deepEqual(raws('分别为12、15、20件'), ['12', '15', '20件']);
      assert.deepEqual(raws('网上可办率分别达92.85%、96.58%'), ['92.85%', '96.58%']);
    });
  });

  describe('seeds', () => {
    it('reads the figures of haidong and no name in quotes', () => {
      const doc = parseDocument(seed('haidong-2024-report.txt'));
      const qs = allQuantities(doc);
      const raw = qs.map((q) => q.raw);
      assert.ok(raw.includes('269.77万件'));
      assert.ok(raw.includes('28.93%'));
      assert.ok(raw.includes('1.37 万余条'));
      assert.ok(!raw.some((r) => /135|二十届/.test(r)), raw.join(' | '));
      for (const q of qs) assert.equal(doc.text.slice(q.start, q.end).replace(/\s+/g, ''), q.raw.replace(/\s+/g, ''));
    });

    it('caches per paragraph', () => {
      const doc = parseDocument(seed('haixi-2020-report.txt'));
      const p = doc.paragraphs[doc.bodyStart + 3];
      assert.equal(quantitiesIn(p), quantitiesIn(p));
    });
  });

  describe('context', () => {
    it('gives the words before a figure', () => {
      const qs = quantitiesOfText('2024年，全市受理行政复议申请 416 件，其中直接纠错 72 件，直接纠错率达 17.3%。');
      assert.equal(labelBefore(qs[0]).text, '受理行政复议申请');
      assert.equal(labelBefore(qs[0]).raw, '全市受理行政复议申请');
      assert.equal(labelBefore(qs[1]).text, '直接纠错');
      assert.equal(labelBefore(qs[2]).text, '直接纠错率');
      assert.deepEqual(rateWord(labelBefore(qs[2])), { word: '直接纠错率', stem: '直接纠错', form: '率', change: false, several: false });
    });

    it('gives the words after a figure', () => {
      const qs = quantitiesOfText('在全区范围内创建1个国家级示范村、182个市级示范村(社区)。');
      assert.equal(labelAfter(qs[1]).text, '市级示范村');
      assert.equal(label(qs[1]).text, '市级示范村');
    });

    it('finds the head of a list', () => {
      const qs = quantitiesOfText('行政许可事项和公共服务事项网上可办率分别达92.85%、96.58%。');
      assert.equal(listHead(qs[1]), qs[0]);
      assert.equal(labelBefore(listHead(qs[1])).text, '行政许可事项和公共服务事项网上可办率');
    });

    it('tells a change from a level', () => {
      const q = one('受案率较去年同期上升 300%');
      assert.deepEqual(rateWord(labelBefore(q)), { word: '受案率', stem: '受案', form: '率', change: true, several: false });
    });

    it('matches numerators to rates', () => {
      assert.ok(endsWithStem('机关负责人出庭', '出庭应诉'));
      assert.ok(endsWithStem('调处成功', '调解成功'));
      assert.ok(endsWithStem('调解成功', '化解'));
      assert.ok(endsWithStem('其中直接纠错', '直接纠错'));
      assert.ok(endsWithStem('纠错', '直接纠错'));
      assert.ok(!endsWithStem('调解纠纷', '调解成功'));
      assert.ok(!endsWithStem('开庭审理行政应诉案件', '出庭应诉'));
    });
  });

  describe('cache', () => {
    it('tokenizes a paragraph once and does not carry its figures to a copy', () => {
      const doc = parseDocument('XX县2024年法治政府建设情况报告\n\n全年受理案件416件，审结356件。\n');
      const p = doc.paragraphs[doc.paragraphs.length - 1];
      const qs = quantitiesIn(p);
      assert.equal(quantitiesIn(p), qs, 'the same list on the second call');
      assert.deepEqual(qs.map((q) => q.raw), ['416件', '356件']);
      assert.deepEqual(Object.keys(p).filter((k) => /quantit/i.test(k)), [], 'nothing enumerable added');
      const copy = { ...p, text: '办结12件。', map: Int32Array.from({ length: 6 }, (_, i) => i) };
      assert.deepEqual(quantitiesIn(copy).map((q) => q.raw), ['12件']);
      assert.equal(labelBefore(quantitiesIn(copy)[0]).text, '办结');
      assert.equal(labelBefore(qs[1]).text, '审结');
    });
  });

  describe('quotes and titles', () => {
    it('skips figures inside names, also written backwards or unclosed', () => {
      assert.deepEqual(quantitiesOfText('开通“12345”热线，处理“八五”普法问题3件').map((q) => q.raw), ['3件']);
      assert.deepEqual(quantitiesOfText('落实”八五“普法规划，开展活动5场').map((q) => q.raw), ['5场']);
      assert.deepEqual(quantitiesOfText('印发《关于2024年开展3项行动的通知》，开展活动5场').map((q) => q.raw), ['5场']);
      assert.deepEqual(quantitiesOfText('他说“共办理6件。然后受理7件').map((q) => q.raw), ['6件', '7件']);
    });
  });
});
