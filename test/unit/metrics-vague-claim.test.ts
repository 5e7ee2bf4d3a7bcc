import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { VAGUE_WORDS } from '../../server/src/engine/rules/metrics/vague-claim';
import { findings, seed, covered } from '../helpers/util';

const RULE = 'metrics/vague-claim';

function report(measures: string): string {
  return `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${measures}\n\n二、存在的问题\n\n一是执法人员不足。\n\n三、2025年工作计划\n\n加强执法队伍建设，进一步提升执法水平，群众满意度大幅提升。\n`;
}

describe(RULE, () => {
  it('finds the seed claim in the feature article', () => {
    const text = seed('haixi-2024-feature-article.txt');
    const fs = findings(text, RULE);
    assert.ok(fs.some((f) => covered(text, f) === '大幅提升' && /知晓率大幅提升/.test(text.slice(f.start - 12, f.end))));
    assert.ok(fs.every((f) => f.severity === 'info'));
  });

  it('reports a claim with no figure in its sentence, with the exact span', () => {
    const text = report('（一）强化复议。全年行政复议工作扎实推进，群众知晓率明显提高。示范创建工作成效显著。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['明显提高', '成效显著']);
    assert.equal(fs[0].data?.word, '明显提高');
    assert.match(fs[0].message, /明显提高/);
  });

  it('accepts a claim backed by a figure in the same sentence', () => {
    const text = report('（一）强化复议。全年受理行政复议案件416件，较上年上升300%，群众知晓率大幅提升。');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('skips headings, efforts with an object, and the plans and problems parts', () => {
    const text = report('（一）坚持监督约束，行政执法效能稳步提升。不断提高行政复议案件办案质量，持续提升群众满意度。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
  });

  it('does not count years or names as figures', () => {
    const text = report('2024年，“八五”普法工作全面推进，全民法治素养显著提升。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['显著提升']);
  });

  it('reads the word list from the options', () => {
    const text = report('（一）强化复议。行政复议工作再创新高，群众知晓率大幅提升。');
    assert.deepEqual(findings(text, RULE, { rules: { [RULE]: ['info', { words: ['再创新高'] }] } }).map((f) => covered(text, f)), ['再创新高']);
    assert.deepEqual(findings(text, RULE, { rules: { [RULE]: ['info', { extraWords: ['再创新高'] }] } }).map((f) => covered(text, f)), ['再创新高', '大幅提升']);
  });

  it('maps spans across pasted line breaks', () => {
    const text = report('（一）强化复议。行政复议工作扎实推进，群众知晓率大幅\n提升，复议公信力不断增强。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['大幅\n提升', '不断增强']);
  });

  it('checks the leaders\' part too, in Markdown', () => {
    const text = '# XX县2024年法治政府建设情况报告\n\n## 一、主要举措和成效\n\n全年受理案件10件。\n\n## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n县委书记带头述法，领导干部法治素养明显提高。\n\n## 三、存在的问题\n\n一是人员不足。\n\n## 四、2025年工作计划\n\n加强培训。\n';
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), ['明显提高']);
  });
});

describe(`${RULE}: documentation`, () => {
  it('the doc page lists the built-in word list', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'metrics', 'vague-claim.md'), 'utf8');
    assert.ok(page.includes(`内置词表：${VAGUE_WORDS.join('、')}。`));
  });
});
