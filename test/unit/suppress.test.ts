import { strict as assert } from 'assert';
import { covered } from '../helpers/util';
import { applySuppressions, SUPPRESSION_RULE_ID } from '../../server/src/engine/suppress';
import { parseDocument } from '../../server/src/engine/document';
import type { Finding } from '../../server/src/engine/types';
import { ALL_RULE_IDS, check } from '../../server/src/engine/check';

const VAGUE = 'metrics/vague-claim';

/** A report whose measures part has one vague claim per line after `lines`. */
function report(lines: string[]): string {
  return ['XX县2024年法治政府建设情况报告', '', '一、主要举措和成效', '', ...lines, '', '二、存在的问题', '', '一是执法人员不足。', '', '三、2025年工作计划', '', '加强执法队伍建设。', ''].join('\n');
}

function vague(text: string): string[] {
  return check(text).filter((f) => f.ruleId === VAGUE).map((f) => covered(text, f));
}

function problems(text: string) {
  return check(text).filter((f) => f.ruleId === SUPPRESSION_RULE_ID);
}

describe('inline suppression', () => {
  const A = '复议工作成效显著。';
  const B = '普法工作成效明显。';
  const C = '调解工作效果显著。';

  it('reports everything without comments', () => {
    assert.deepEqual(vague(report([A, B, C])), ['成效显著', '成效明显', '效果显著']);
  });

  it('disable … enable a rule', () => {
    const text = report([A, `<!-- fazhi-report-disable ${VAGUE} -->`, B, `<!-- fazhi-report-enable ${VAGUE} -->`, C]);
    assert.deepEqual(vague(text), ['成效显著', '效果显著']);
    assert.deepEqual(problems(text), []);
  });

  it('disable with no ids applies to every rule, to the end', () => {
    const text = report([A, '<!-- fazhi-report-disable -->', B, C]);
    assert.deepEqual(vague(text), ['成效显著']);
    assert.ok(!check(text).some((f) => f.start > text.indexOf('fazhi-report-disable')));
  });

  it('enable one rule after disabling all', () => {
    const text = report(['<!-- fazhi-report-disable -->', A, `<!-- fazhi-report-enable ${VAGUE} -->`, B]);
    assert.deepEqual(vague(text), ['成效明显']);
  });

  it('disable-next-line: the next line with text, skipping blank lines', () => {
    const text = report([A, `<!-- fazhi-report-disable-next-line ${VAGUE} -->`, '', B, C]);
    assert.deepEqual(vague(text), ['成效显著', '效果显著']);
  });

  it('disable-line at the end of a line', () => {
    const text = report([A, `${B}<!-- fazhi-report-disable-line ${VAGUE} -->`, C]);
    assert.deepEqual(vague(text), ['成效显著', '效果显著']);
  });

  it('a category, `category/*`, several ids and an explanation after --', () => {
    assert.deepEqual(vague(report([A, '<!-- fazhi-report-disable-next-line metrics -->', B])), ['成效显著']);
    assert.deepEqual(vague(report([A, '<!-- fazhi-report-disable-next-line metrics/* -->', B])), ['成效显著']);
    assert.deepEqual(vague(report([A, `<!-- fazhi-report-disable-next-line wording/idiom, ${VAGUE} -- 已核实 -->`, B])), ['成效显著']);
  });

  it('another rule id does not hide the finding', () => {
    const text = report([A, '<!-- fazhi-report-disable-next-line figures/ratio -->', B]);
    assert.deepEqual(vague(text), ['成效显著', '成效明显']);
  });

  it('reports an unknown rule id at the id, with a suggestion, and does not disable everything', () => {
    const text = report([A, '<!-- fazhi-report-disable-next-line metrics/vauge-claim -->', B]);
    assert.deepEqual(vague(text), ['成效显著', '成效明显']);
    const ps = problems(text);
    assert.equal(ps.length, 1);
    assert.equal(covered(text, ps[0]), 'metrics/vauge-claim');
    assert.equal(ps[0].data?.suggestion, VAGUE);
    assert.match(ps[0].message, /metrics\/vauge-claim.*不存在/);
  });

  it('suggests the full id for a bare rule name', () => {
    const text = report(['<!-- fazhi-report-disable-line missing-part -->', A]);
    assert.equal(problems(text)[0].data?.suggestion, 'structure/missing-part');
  });

  it('reports a misspelt directive and ignores the comment', () => {
    const text = report([A, '<!-- fazhi-report-disabel -->', B]);
    assert.deepEqual(vague(text), ['成效显著', '成效明显']);
    const ps = problems(text);
    assert.equal(ps.length, 1);
    assert.equal(covered(text, ps[0]), 'fazhi-report-disabel');
  });

  it('leaves other comments alone, and the problem rule can be turned off', () => {
    const text = report(['<!-- 注意：本段待核实 -->', A, '<!-- fazhi-report-disable-line nope/rule -->']);
    assert.deepEqual(vague(text), ['成效显著']);
    assert.equal(problems(text).length, 1);
    assert.equal(check(text, { rules: { [SUPPRESSION_RULE_ID]: 'off' } }).filter((f) => f.ruleId === SUPPRESSION_RULE_ID).length, 0);
    assert.equal(check(text, { rules: { [SUPPRESSION_RULE_ID]: 'info' } }).find((f) => f.ruleId === SUPPRESSION_RULE_ID)?.severity, 'info');
  });

  it('works in plain text with CRLF line ends and in Markdown', () => {
    const crlf = report([A, `<!-- fazhi-report-disable-next-line ${VAGUE} -->`, B]).replace(/\n/g, '\r\n');
    assert.deepEqual(vague(crlf), ['成效显著']);
    const md = ['# XX县2024年法治政府建设情况报告', '', '## 一、主要举措和成效', '', A, '', `<!-- fazhi-report-disable-next-line ${VAGUE} -->`, B, '', '## 二、存在的问题', '', '一是人员不足。', '', '## 三、2025年工作计划', '', '加强队伍建设。', ''].join('\n');
    assert.deepEqual(vague(md), ['成效显著']);
  });

  it('can be switched off with suppress: false', () => {
    const text = report(['<!-- fazhi-report-disable -->', A]);
    assert.deepEqual(check(text, { suppress: false }).filter((f) => f.ruleId === VAGUE).length, 1);
  });

  it('ignores an unclosed comment and a comment spanning lines', () => {
    const text = report([A, '<!-- fazhi-report-disable', '-->', B, '<!-- fazhi-report-disable']);
    assert.deepEqual(vague(text), ['成效显著', '成效明显']);
  });

  it('disable a category, then enable one of its rules', () => {
    const text = report(['<!-- fazhi-report-disable metrics -->', `（一）加强领导。${A}`, `<!-- fazhi-report-enable ${VAGUE} -->`, B]);
    assert.deepEqual(vague(text), ['成效明显']);
    const at = text.indexOf('<!-- fazhi-report-disable metrics');
    assert.ok(check(text, { suppress: false }).some((f) => f.start > at && f.ruleId === 'metrics/no-figures'));
    assert.ok(!check(text).some((f) => f.start > at && f.ruleId.startsWith('metrics/') && f.ruleId !== VAGUE));
  });

  it('a line directive applies to the line a finding starts on', () => {
    const text = report([`复议工作${'扎实推进，'.repeat(3)}`, `成效显著。<!-- fazhi-report-disable-line ${VAGUE} -->`]);
    // the finding starts on the second line of the paragraph: suppressed
    assert.deepEqual(vague(text), []);
  });

  it('a run of disable-next-line comments all apply to the first line with text after the run', () => {
    const text = report([
      A,
      '<!-- fazhi-report-disable-next-line metrics/vague-claim -->',
      '<!-- fazhi-report-disable-next-line wording -->',
      '',
      '<!-- fazhi-report-disable-next-line figures -->',
      B,
      C,
      '<!-- fazhi-report-disable-next-line metrics/vague-claim -->',
      '<!-- fazhi-report-disable-next-line -->',
      A,
    ]);
    assert.deepEqual(vague(text), ['成效显著', '效果显著']);
  });

  it('applySuppressions keeps the order of unsorted findings and hides by position', () => {
    const text = 'XX县2024年法治政府建设情况报告\n\n第一行文字。\n<!-- fazhi-report-disable wording/idiom -->\n第二行文字。\n';
    const doc = parseDocument(text);
    const at2 = text.indexOf('第二行');
    const at1 = text.indexOf('第一行');
    const f = (ruleId: string, start: number): Finding => ({ ruleId, severity: 'warning', message: '', start, end: start + 1 });
    const input = [f('wording/idiom', at2), f('wording/jiezhi', at2), f('wording/idiom', at1)];
    const out = applySuppressions(doc, input, { ruleIds: ALL_RULE_IDS });
    assert.deepEqual(out.map((x) => [x.ruleId, x.start]), [['wording/jiezhi', at2], ['wording/idiom', at1]]);
  });
});

