/** fast-check generators of report-like and hostile text. */
import fc from 'fast-check';

const HEADINGS = [
  '一、主要举措和成效', '二、存在的问题和原因', '三、2025年工作计划', '四、党政主要负责人履行推进法治建设第一责任人职责情况',
  '二、存在的不足', '三、下一步工作打算', '十一、其他', '一、强化组织领导，夯实法治基础',
  '（一）压实责任。', '(二)推进执法。', '（三）、化解纠纷', '(-)错误编号', '（十二）普法宣传。',
  '1.健全机制。', '2、规范文件', '３．全角数字', '（1）受理', '(2)办结',
  '# 某县2024年法治政府建设情况的报告', '## 一、主要举措', '### （一）依法决策', '**一是强化学习。**',
];
const SENTENCES = [
  '受理行政复议案件416件，审结356件，其中直接纠错72件，直接纠错率达17.3%。',
  '排查矛盾纠纷 5569 件，化解 5533 件，化解率 99.35%。',
  '受理案件5559件，调解成功5553件，化解率达99.8%。',
  '已办结25件；其中不予受理1件、维持2件、调解14件、驳回复议申请5件。',
  '法律援助案件760件，其中刑事案件345件、民事案件415件。',
  '行政复议案件受理数（416）超行政诉讼案件数（278）37.05%。',
  '出庭应诉率达105%，同比上升300%，较上年增长2.04%。',
  '共录入信用信息数据172.7万条，其中各地区81.2万条、各部门91.5万条。',
  '开展普法活动3000余场次，培育近千名“法律明白人”，约3成。',
  '截止目前，共审查规范性文件26件,报备15件;审查率100%。',
  '深入实施“八五”普法规划，全面落实”七五“普法，面对突入其来的疫情。',
  '认真贯彻《关于全面推行行政规范性文件合法性审核机制的事实意见》。',
  '一是加强领导；二是完善制度；四是强化监督。是深化改革。',
  '行政复议首选率、调解率、知晓率大幅提升。下一步，我们将持续发力。',
  '由于人员不足，主要是经费短缺，导致工作滞后。',
  '| 项目 | 数量 |', '|---|---|', '| 受理 | 12 |',
  '12345热线、24小时服务、西政〔2021〕5号、第十二条、电话0971-1234567。',
  '１２３件、1 5起、10%～20%、63%~68%、1.5倍、百分之三十、20个百分点。',
  '<!-- fazhi-report-disable-next-line figures/ratio -->', '<!-- fazhi-report-disable -->', '<!-- fazhi-report-enable wording/idiom -->',
  '海东市人民政府：', '现将《2024年法治政府建设情况报告》随文呈报，请审阅。', '2025年3月20日', 'XX县人民政府办公室 2025年4月5日印发',
];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n\n', '', ' ', '\u3000', '\n- 3 -\n', '\n12\n'];
const HOSTILE = [
  '\uFEFF', '\u0000', '\uD800', '\uDC00', '😀', '𠀀', 'e\u0301', '\u202E', '\u200B', '\t', '\u0007', '\u2028',
  '。', '，', '%', '％', '（', '）', '“', '”', '《', '》', '**', '#', '|', '<!--', '-->', '其中', '一是', '（一）', '9'.repeat(30),
];

export const reportText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HEADINGS) },
      { weight: 6, arbitrary: fc.constantFrom(...SENTENCES) },
      { weight: 4, arbitrary: fc.constantFrom(...BREAKS) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Random text mutated from a seed: slices, duplicated spans, inserted hostile characters. */
export function mutated(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.constantFrom(...HOSTILE, ...BREAKS, ...SENTENCES)), { maxLength: 8 }))
    .map(([s, ops]) => {
      let t = s;
      for (const [at, len, ins] of ops) {
        const i = t.length ? at % t.length : 0;
        t = t.slice(0, i) + ins + t.slice(Math.min(t.length, i + len));
      }
      return t;
    });
}

/** Adversarial shapes named in the reliability issue. */
export function adversarial(): Array<[string, string]> {
  const mb = 1 << 20;
  const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  return [
    ['a 1 MB line', rep('法治政府建设取得新进展，全年受理案件5559件，', mb)],
    ['1 MB of digits and %', rep('1234567890%', mb)],
    ['10,000 headings', Array.from({ length: 10000 }, (_, i) => `${['一', '二', '三'][i % 3]}、标题${i}`).join('\n')],
    ['100,000 （一）', '（一）'.repeat(100000)],
    ['100,000 （一） lines', '（一）\n'.repeat(100000)],
    ['deeply repeated 其中', '共100件，' + '其中1件、'.repeat(50000)],
    ['CR-only line ends', rep('一、主要举措和成效\r（一）受理10件，办结9件，办结率90%。\r', mb / 4)],
    ['a BOM in the middle', rep('一、主要举措\uFEFF（一）受理\uFEFF10件。\n', mb / 4)],
    ['1 MB of 一是', rep('一是', mb)],
    ['1 MB of quotes and brackets', rep('“《（【', mb)],
    ['1 MB of lone surrogates', rep('\uD800\uDC00\uDC00\uD800', mb)],
    ['1 MB of newlines', rep('\n\r\n\r', mb)],
    ['1 MB without a sentence end', rep('法治政府建设', mb)],
    ['a long number', '受理' + '9'.repeat(100000) + '件，办结率' + '9'.repeat(5000) + '%。'],
    ['many comments', '<!-- fazhi-report-disable -->\n'.repeat(20000)],
  ];
}
