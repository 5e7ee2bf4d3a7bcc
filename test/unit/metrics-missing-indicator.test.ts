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

  it('does not expect of a 乡镇/街道 the indicators it never mentions, but still those it names', () => {
    const body = ['排查矛盾纠纷56件，化解54件。', '开展普法活动12场次。', '审核合同9份。'];
    const town = findings(report('青石镇人民政府', body), RULE).map((f) => f.data?.indicator);
    assert.ok(!town.includes('xingzheng-fuyi') && !town.includes('falv-yuanzhu') && !town.includes('chuting-yingsu'), town.join());
    const named = findings(report('青石镇人民政府', [...body, '行政复议工作有序开展。']), RULE).map((f) => f.data?.indicator);
    assert.ok(named.includes('xingzheng-fuyi'));
    // a county government is still expected to give them
    const county = findings(report('XX县人民政府', body), RULE).map((f) => f.data?.indicator);
    assert.ok(county.includes('xingzheng-fuyi') && county.includes('falv-yuanzhu'));
  });

  it('takes the figures of a short lead sentence from the next sentences of its paragraph', () => {
    const lead = '2. 落实执法“三项制度”。（1）全面推行执法公示；（2）严格执法全过程记录；（3）重大执法决定法制审核率达到100%。';
    const given = findings(report('XX县', [...FULL.filter((s) => !/案卷/.test(s)), lead]), RULE);
    assert.deepEqual(given.map((f) => f.data?.indicator), []);
    // a figure in a later paragraph, or far after a long sentence, does not count
    const far = '落实执法“三项制度”，全面推行执法公示、执法全过程记录和重大执法决定法制审核制度。加强培训。开展督查。完善制度。推进改革。共培训80人次。';
    const missing = findings(report('XX县', [...FULL.filter((s) => !/案卷/.test(s)), far]), RULE);
    assert.deepEqual(missing.map((f) => [f.data?.indicator, f.data?.mentioned]), [['xingzheng-zhifa', true]]);
  });

  it('a department naming a shortfall only in its problems part is not taken to mention the indicator', () => {
    const text = '某市生态环境局2025年度法治政府建设工作情况报告\n\n一、主要举措和成效\n\n开展普法活动20场次。\n\n二、存在的问题\n\n一是执法人员数量与监管任务不相匹配。\n\n三、2026年工作计划\n\n组织执法人员培训3期。\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.data?.indicator), []);
    // named in the measures part without a figure: still reported
    const named = text.replace('开展普法活动20场次。', '开展普法活动20场次。加强执法人员管理。');
    assert.deepEqual(findings(named, RULE).map((f) => [f.data?.indicator, f.data?.mentioned]), [['xingzheng-zhifa', true]]);
  });
});
