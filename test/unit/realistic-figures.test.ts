import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../server/src/engine/check';

/**
 * Correct reports written in the style of real ones (a county government with dense figures, a
 * 司法局 report pasted from a PDF with hard line breaks and page numbers, a Markdown draft of a
 * 市场监管局 with ASCII punctuation and a table): every rate follows from its counts, so the
 * ratio family of figures rules must find nothing in them.
 */
const DIR = join(__dirname, '..', 'fixtures', 'realistic');
const FILES = ['p1-county-rates.txt', 'p1-sifaju-pdf.txt', 'p1-scjg-markdown.md'];
const RULES = ['figures/ratio', 'figures/ratio-base', 'figures/rate-over-100', 'figures/percent-vs-points', 'figures/conflict'];

describe('realistic reports: figures (ratio family)', () => {
  for (const file of FILES) {
    it(`finds nothing of the ratio family in ${file}`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const fs = check(text).filter((f) => RULES.includes(f.ruleId));
      assert.deepEqual(fs.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}: ${f.message}`), []);
    });
  }

  it('does check these rates: a changed figure in the county report is flagged at its span', () => {
    const text = readFileSync(join(DIR, 'p1-county-rates.txt'), 'utf8').replace('调解成功率98.92%', '调解成功率97.92%');
    const fs = check(text).filter((f) => f.ruleId === 'figures/ratio');
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].start, fs[0].end), '97.92%');
    assert.match(fs[0].message, /3389 ÷ 3426 = 98\.92%/);
  });

  it('does check these rates: a share over 100% and points written as % are flagged in the 司法局 report', () => {
    const text = readFileSync(join(DIR, 'p1-sifaju-pdf.txt'), 'utf8')
      .replace('其中公职律师86名，占20.87%', '其中公职律师86名，占全部律师的120.87%')
      .replace('下降2.82个百分点', '下降2.82%');
    const over = check(text).filter((f) => f.ruleId === 'figures/rate-over-100');
    assert.deepEqual(over.map((f) => text.slice(f.start, f.end)), ['120.87%']);
    const points = check(text).filter((f) => f.ruleId === 'figures/percent-vs-points');
    assert.deepEqual(points.map((f) => text.slice(f.start, f.end)), ['2.82%']);
  });

  describe('correct sentences in the style of these reports', () => {
    const wrap = (b: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${b}\n`;
    for (const sentence of [
      '全年共受理行政复议案件120件，较上年增长25%，审结115件，审结率95.83%，其中纠错17件，纠错率14.78%。',
      '受理信访事项860件，办结845件，按期办结率98.26%，群众满意率97.5%。',
      '新收案件1120件，旧存80件，结案1150件，结案率95.83%。',
      '全县行政机关负责人出庭应诉率达100%，其中主要负责人出庭应诉12次。',
      '全年办理行政许可事项4,512件，其中即办件2,820件，即办率62.5%；网上办理3,980件，网办率88.21%。',
      '行政执法案卷评查合格率由2023年的92.5%提高到2024年的96.3%，提高3.8个百分点。',
      '12345热线受理诉求5.8万件，办结5.76万件，办结率99.3%。',
      '全年开展执法检查560次，发现问题48个，整改45个，整改率93.75%。',
      '群众对法治政府建设满意率为95.6%，比2023年的93.2%提高2.4个百分点，提高幅度为2.58%。',
      '人民调解组织调解纠纷2,156件，成功2,124件，成功率98.52%，其中婚姻家庭纠纷占31.7%。',
      '一审行政诉讼案件97件，二审案件23件，行政机关负责人出庭应诉120次，出庭应诉率100%。',
      '完成年度立法计划的112%，超额完成任务。罚没收入完成预算的105.3%。',
      '行政复议案件受理数占行政争议总量的比重由2023年的48.2%上升至62.5%，提高14.3个百分点，增长29.67%。',
      '复议案件数量是诉讼案件的1.8倍，复议与诉讼案件比例为180%。',
      '城区人民调解委员会调解成功率为99.1%，农村人民调解委员会调解成功率为97.6%。',
      '2024年全县行政复议纠错率为12.5%，2023年全县行政复议纠错率为15.3%。',
      '市政府一审行政应诉案件58件，市长和副市长出庭应诉6次，行政机关负责人出庭应诉率100%。',
    ]) {
      it(`accepts ${sentence}`, () => {
        const text = wrap(sentence);
        assert.deepEqual(check(text).filter((f) => RULES.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), []);
      });
    }
  });
});

