import { strict as assert } from 'assert';
import { findings, seed, covered, SEEDS } from '../helpers/util';
import { IDIOMS } from '../../server/src/engine/wording/idioms';
import { applyFix } from './wording-helpers';

const RULE = 'wording/idiom';
const doc = (body: string): string => `XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n${body}\n`;

describe(RULE, () => {
  it('finds 突入其来 in haixi-2020 and fixes one character', () => {
    const text = seed('haixi-2020-report.txt');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '突入其来');
    assert.match(fs[0].message, /突如其来/);
    assert.deepEqual(fs[0].fix!.edits.map((e) => e.text), ['如']);
    assert.ok(applyFix(text, fs[0]).includes('面对突如其来的新冠肺炎疫情'));
  });

  it('is quiet on the other seeds', () => {
    for (const name of SEEDS) if (name !== 'haixi-2020-report.txt') assert.deepEqual(findings(seed(name), RULE), [], name);
  });

  it('has at least 60 entries, each a different same-length correction', () => {
    assert.ok(IDIOMS.length >= 60);
    const seen = new Set<string>();
    for (const e of IDIOMS) {
      assert.equal(e.wrong.length, e.right.length, e.wrong);
      assert.notEqual(e.wrong, e.right);
      assert.ok(!seen.has(e.wrong), `duplicate ${e.wrong}`);
      seen.add(e.wrong);
    }
  });

  it('never fires on the correct forms', () => {
    const text = doc(IDIOMS.map((e) => e.right).join('，') + '。');
    assert.deepEqual(findings(text, RULE).map((f) => covered(text, f)), []);
  });

  it('fires on every wrong form with its correction', () => {
    const text = doc(IDIOMS.map((e) => `要${e.wrong}地做好工作`).join('；') + '。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => covered(text, f)), IDIOMS.map((e) => e.wrong));
    for (let i = 0; i < fs.length; i++) assert.equal(applyFix(text, fs[i]).includes(IDIOMS[i].right + '地做好'), true, IDIOMS[i].wrong);
  });

  it('finds an idiom broken by a pasted line break and keeps the break', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n一、主要举措和成效\n\n全体干部职工发扬连续作战精神，不畏艰难，再接\n再励，推动各项工作取得新成效，全年受理案件10件。\n';
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '再接\n再励');
    assert.ok(applyFix(text, fs[0]).includes('再接\n再厉'));
  });

  it('reports common typos in the style of these reports', () => {
    const text = doc('坚持按步就班推进，迫不急待地开展工作，一如继往抓好落实，防范于未然，砥励前行。');
    assert.deepEqual(findings(text, RULE).map((f) => f.data?.right), ['按部就班', '迫不及待', '一如既往', '防患于未然', '砥砺前行']);
  });

  it('takes extra entries and ignores entries by option', () => {
    const text = doc('坚持按步就班推进，安排布署工作。');
    const opts = { rules: { 'wording/idiom': ['warning', { extra: [{ wrong: '布署', right: '部署' }, ['按步就班', '按部就班']], ignore: ['按步就班'] }] as ['warning', Record<string, unknown>] } };
    const fs = findings(text, RULE, opts);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['布署']);
    assert.ok(applyFix(text, fs[0]).includes('安排部署工作'));
  });

  it('does not take 把……防范于未然 (the verb 防范) for the idiom 防患于未然', () => {
    const text = doc('切实把风险隐患防范于未然。坚持防范于未然，将矛盾纠纷化解在基层。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(covered(text, fs[0]), '防范于未然');
    assert.equal(fs[0].start, text.indexOf('坚持防范于未然') + 2);
  });
});

