import { strict as assert } from 'assert';
import { findings, seed, covered } from '../helpers/util';
import type { Profile } from '../../server/src/engine/profile';

const RULE = 'metrics/missing-indicator';

const FULL = [
  '全年行政机关负责人出庭应诉率达100%。',
  '受理行政复议案件45件，审结40件，纠错6件。',
  '审结一审行政案件30件，败诉2件。',
  '审核行政规范性文件12件。',
  '对重大行政决策事项合法性审查8件。',
  '政府法律顾问参与审查合同56份。',
  '评查行政执法案卷120卷。',
  '排查矛盾纠纷560件，化解548件。',
  '办理法律援助案件300件。',
  '开展普法活动120场次。',
];

function report(issuer: string, sentences: string[]): string {
  return `${issuer}2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${sentences.join('')}\n\n二、存在的问题\n\n一是人员不足。\n\n三、2025年工作计划\n\n加强队伍建设。\n`;
}

describe(RULE, () => {
  it('finds nothing when every indicator is given with a figure', () => {
    assert.deepEqual(findings(report('XX县', FULL), RULE), []);
  });

  it('reports one finding per missing indicator, on the measures heading', () => {
    const text = report('XX县', FULL.filter((s) => !/出庭|法律援助/.test(s)));
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => f.data?.indicator), ['chuting-yingsu', 'falv-yuanzhu']);
    for (const f of fs) assert.equal(covered(text, f), '一、主要举措和成效');
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /行政机关负责人出庭应诉率/);
  });

  it('says when an indicator is named but no figure is given', () => {
    const text = report('XX县', [...FULL.filter((s) => !/出庭/.test(s)), '单位负责人出庭应诉率低。']);
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].data?.mentioned, true);
    assert.match(fs[0].message, /提到了“行政机关负责人出庭应诉率”，但没有给出相应的数据/);
  });

  it('finds pingan-2023 naming the appearance rate without giving it', () => {
    const fs = findings(seed('pingan-2023-report.txt'), RULE);
    assert.ok(fs.some((f) => f.data?.indicator === 'chuting-yingsu' && f.data?.mentioned === true));
  });

  it('finds nothing missing in haidong-2024 and nothing in the feature article (not a report)', () => {
    assert.deepEqual(findings(seed('haidong-2024-report.txt'), RULE).map((f) => f.data?.indicator), []);
    assert.deepEqual(findings(seed('haixi-2024-feature-article.txt'), RULE), []);
  });

  it('does not expect government-only indicators of a department', () => {
    const dept = findings(report('XX县司法局', ['开展普法宣传，覆盖全县。', '行政复议工作有序开展。']), RULE).map((f) => f.data?.indicator);
    assert.ok(!dept.includes('xingzheng-fuyi') && !dept.includes('falv-yuanzhu') && !dept.includes('maodun-jiufen'));
    // named without a figure: reported; never named: not the department's function, not expected
    assert.deepEqual(dept, ['pufa']);
    const gov = findings(report('XX县', []), RULE).map((f) => f.data?.indicator);
    assert.equal(gov.length, 10);
  });

  it('does not take a target of the plans part as this year\'s figure', () => {
    const text = `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${FULL.slice(1).join('')}\n\n二、存在的问题\n\n一是人员不足。\n\n三、2025年工作计划\n\n确保行政机关负责人出庭应诉率保持100%。\n`;
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => [f.data?.indicator, f.data?.mentioned]), [['chuting-yingsu', false]]);
  });

  it('follows the profile: none for gongzuo-zongjie, custom indicators, ignore option', () => {
    const text = report('XX县', []);
    assert.deepEqual(findings(text, RULE, { profile: 'gongzuo-zongjie' }), []);
    const custom: Profile = {
      name: 'mine', description: '', requiredParts: [], optionalParts: [],
      indicators: [{ id: 'sqjz', name: '社区矫正', terms: ['社区矫正'] }, { id: 'px', name: '培训', terms: ['队伍建设'], figure: false }],
    };
    assert.deepEqual(findings(text, RULE, { profile: 'mine', profiles: { mine: custom } }).map((f) => f.data?.indicator), ['sqjz']);
    const ignored = findings(text, RULE, { rules: { [RULE]: ['warning', { ignore: ['pufa', '法律援助'] }] } }).map((f) => f.data?.indicator);
    assert.equal(ignored.length, 8);
    assert.ok(!ignored.includes('pufa') && !ignored.includes('falv-yuanzhu'));
  });

  it('falls back to the title when there is no measures heading', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n全年开展普法活动120场次。\n';
    const fs = findings(text, RULE);
    assert.ok(fs.length > 0);
    for (const f of fs) assert.equal(covered(text, f), 'XX县2024年法治政府建设情况报告');
  });
});
