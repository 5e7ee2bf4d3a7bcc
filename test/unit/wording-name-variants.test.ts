import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';

const RULE = 'wording/name-variants';
const doc = (body: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds 苏尔吉村 / 苏吉尔村 in huangzhong, on the rarer spelling', () => {
    const text = seed('huangzhong-2024-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '苏尔吉村');
    assert.equal(fs[0].severity, 'info');
    assert.equal(fs[0].data?.variant, '苏吉尔村');
    assert.match(fs[0].message, /苏吉尔村/);
  });

  it('is quiet on the other seeds', () => {
    for (const name of SEEDS) if (name !== 'huangzhong-2024-report.txt') assert.deepEqual(findings(seed(name), RULE).map((f) => f.message), [], name);
  });

  it('finds reordered characters at any level and one wrong character in a village name', () => {
    const text = doc('在拉脊山乡开展普法，到脊拉山乡调研。在马家营村建立工作室，到马家英村开展调解，马家营村群众满意。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['脊拉山乡', '马家英村']);
  });

  it('does not take different places or ordinary words for variants', () => {
    const text = doc(
      '在李家庄村、王家庄村、张家庄村开展试点。创建省级示范村、市级示范村、县级示范村。' +
      '推进城市建设，推动城市发展。城东区、城西区、城北区同步推进。在上新庄镇、下新庄镇开展活动。' +
      '在湟源县、湟中县开展督察。到卡阳村、下卡阳村调研。在民主法治示范村开展评选。' +
      '在马家营村、马家英村、马家莹村开展普法。',
    );
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
  });

  it('needs the name to stand after a boundary somewhere in the report', () => {
    // 行苏尔吉 / 行苏吉尔 are never names on their own: both always follow 进行
    const text = doc('进行苏尔吉村调研，进行苏吉尔村调研。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 0);
  });

  it('takes names differing in a generic place-name character, or both in steady use, for two places', () => {
    const text = doc('在马家沟村、马家湾村、石板桥村开展普法，到石板坡村调研。在红崖子沟乡和红崖子湾乡开展活动。');
    assert.deepEqual(findings(text, RULE), []);
    const both = doc('在拉脊山乡开展普法，到脊拉山乡调研。拉脊山乡群众满意，脊拉山乡群众满意。');
    assert.deepEqual(findings(both, RULE), []);
    // a homophone slip is still found, on the rarer spelling
    const slip = doc('在石家营村建立工作室，到石家英村开展调解，石家营村群众满意。');
    const fs = findings(slip, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(slip, fs[0]), '石家英村');
  });
});

