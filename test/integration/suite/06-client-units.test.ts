/** The client's plain functions (no server needed), run in the real extension host too. */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { defaultReportYear, looksLikeReport, reportYear, shouldCheck } from '../../../client/src/detect';
import { fillSnippet, partSnippets, partsBefore } from '../../../client/src/snippets';
import { renderStructure, RenderStrings } from '../../../client/src/structure';
import { configTemplate } from '../../../client/src/configTemplate';
import { parseConfig } from '../../../server/src/engine/config';

const STRINGS: RenderStrings = {
  heading: 'Report structure', title: 'Title', year: 'Reporting year', profile: 'Profile', parts: 'Parts',
  prescribed: 'Prescribed parts', inDocument: 'Parts in the document', present: 'present', folded: 'folded',
  missing: 'missing', required: 'required', optional: 'optional', inOrder: 'in order', outOfOrder: 'out of order',
  noParts: 'no parts', byHeading: 'by heading', byContent: 'by content',
  partStats: (a, b, c) => `${a}/${b}/${c}`, figures: 'Figures',
  figuresLine: (q, c, h, i) => `q=${q} c=${c} h=${h} i=${i}`, noFigures: 'no figures', findings: 'Findings',
  noFindings: 'no findings', rule: 'Rule', description: 'What', severity: 'Sev', count: 'Count',
  line: (n) => `L${n}`, total: (n) => `total ${n}`, failedRules: (ids) => `failed ${ids}`,
};

describe('client functions', () => {
  it('looksLikeReport: a title (also wrapped over two lines), or two prescribed part headings', () => {
    assert.ok(looksLikeReport('海东市 2024 年度法治政府建设 工作情况的报告\n\n2024 年，海东市坚持……'));
    assert.ok(looksLikeReport('湟中区司法局\n2024年法治政府建设情况报告\n正文'));
    assert.ok(looksLikeReport(' 海东市平安区人民政府\n关于海东市平安区 2023年法治政府建设\n工作开展情况的报告\n海东市人民政府：'));
    assert.ok(looksLikeReport('# 某市2024年度法治政府建设工作情况的报告\n\n正文'));
    assert.ok(looksLikeReport('**某县司法局2023年度依法行政工作总结**\n\n正文'));
    assert.ok(looksLikeReport('前言。\n\n一、主要举措和成效\n\n正文。\n\n二、存在的问题\n\n正文。'));
    assert.ok(looksLikeReport('## 一、工作开展情况\n正文\n## 二、下一步工作打算\n正文'));
  });

  it('looksLikeReport: not a README, a sentence naming a report, or one prescribed part', () => {
    assert.ok(!looksLikeReport('# fazhi-report · 法治政府建设报告助手\n\n```sh\nnpm test\n```'));
    assert.ok(!looksLikeReport('# 项目说明\n\n这是一个普通的 Markdown 文档，不是法治政府建设年度报告。\n\n一、安装\n\n二、使用'));
    assert.ok(!looksLikeReport('本工具用于检查法治政府建设年度报告。\n一、安装\n二、常见问题\n三、许可'));
    assert.ok(!looksLikeReport('一、主要成效\n正文'));
    assert.ok(!looksLikeReport(''));
  });

  it('shouldCheck: the language, the documents mode and “check anyway”', () => {
    const readme = () => '# 说明\n\n一、安装';
    assert.strictEqual(shouldCheck('fazhi-report', readme, 'off', false), true);
    assert.strictEqual(shouldCheck('markdown', readme, 'auto', false), false);
    assert.strictEqual(shouldCheck('markdown', readme, 'auto', true), true);
    assert.strictEqual(shouldCheck('markdown', readme, 'all', false), true);
    assert.strictEqual(shouldCheck('plaintext', () => '某县2024年度法治政府建设工作情况的报告', 'auto', false), true);
    assert.strictEqual(shouldCheck('plaintext', () => '某县2024年度法治政府建设工作情况的报告', 'off', false), false);
    assert.strictEqual(shouldCheck('typescript', () => '某县2024年度法治政府建设工作情况的报告', 'all', false), false);
  });

  it('reportYear: the title year, else the first 20xx年度, else none', () => {
    assert.strictEqual(reportYear('海东市 2024 年度法治政府建设 工作情况的报告\n\n2024 年，海东市……'), 2024);
    assert.strictEqual(reportYear('\n\n某区司法局2023年法治政府建设工作报告\n正文'), 2023);
    assert.strictEqual(reportYear('关于报送工作情况的函\n\n现将2022年度有关情况报告如下。'), 2022);
    assert.strictEqual(reportYear('一、主要举措\n二、存在问题'), undefined);
  });

  it('defaultReportYear: last year in the first half of the year, this year after', () => {
    assert.strictEqual(defaultReportYear(new Date(2025, 0, 15)), 2024);
    assert.strictEqual(defaultReportYear(new Date(2025, 2, 31)), 2024);
    assert.strictEqual(defaultReportYear(new Date(2025, 11, 1)), 2025);
  });

  it('partSnippets: each prescribed part and the whole report, with pinyin and Chinese prefixes', () => {
    const all = partSnippets();
    const byPrefix = (p: string) => all.find((s) => s.prefixes.includes(p));
    for (const [py, zh] of [['jucuo', '举措'], ['wenti', '问题'], ['zeren', '责任'], ['jihua', '计划'], ['qita', '其他'], ['baogao', '报告']]) {
      const s = byPrefix(py);
      assert.ok(s, `snippet ${py}`);
      assert.strictEqual(byPrefix(zh), s, `${zh} is the same snippet as ${py}`);
    }
    assert.strictEqual(all[all.length - 1].prefixes.includes('baogao'), true, 'the whole report comes last');
    assert.ok(!all.some((s) => s.prefixes.includes('yingsu')), 'indicator phrases are not parts');
  });

  it('fillSnippet: reporting year, next year for the plans, and the part numeral', () => {
    const jihua = partSnippets().find((s) => s.prefixes.includes('jihua'))!;
    const filled = fillSnippet(jihua.body, 2024, 4);
    assert.ok(filled.startsWith('${1:四}、${2:2025}年度推进法治政府建设的主要安排'), filled);
    const jucuo = partSnippets().find((s) => s.prefixes.includes('jucuo'))!;
    assert.ok(fillSnippet(jucuo.body, 2023, 1).startsWith('${1:一}、${2:2023}年度法治政府建设的主要举措和成效'));
    const whole = partSnippets().find((s) => s.whole)!;
    const w = fillSnippet(whole.body, 2024);
    assert.ok(w.startsWith('${1:XX市}${2:2024}年度法治政府建设工作情况的报告'), w.slice(0, 60));
    assert.ok(w.includes('四、2025年度推进法治政府建设的主要安排'));
    assert.ok(!w.includes('CURRENT_YEAR') && !/\$\{\d+:XXXX\}/u.test(w));
  });

  it('partsBefore: level-1 headings before the cursor, Markdown and bold too', () => {
    const text = '标题\n一、主要举措\n（一）正文。\n## 二、存在的问题\n**三、工作计划**\n正文一、不是标题';
    assert.strictEqual(partsBefore(text, 0), 0);
    assert.strictEqual(partsBefore(text, text.indexOf('（一）')), 1);
    assert.strictEqual(partsBefore(text, text.length), 3);
  });

  it('renderStructure: parts in order, missing parts, figures with arithmetic, findings by rule', () => {
    const mdText = renderStructure({
      title: { text: '某县2024年度法治政府建设工作情况的报告', year: 2024 },
      reportYear: 2024,
      profile: 'fazhi-zhengfu',
      parts: [
        { kind: 'measures', name: '主要举措和成效', marker: '一、', title: '主要举措和工作成效', source: 'heading', line: 6, items: 5, enumerations: 18, figures: 90 },
        { kind: 'plans', name: '下一年度工作安排', marker: '二、', title: '2025年工作计划', source: 'heading', line: 40, items: 2, enumerations: 0, figures: 1 },
      ],
      expected: [
        { kind: 'measures', name: '主要举措和成效', required: true, present: true, line: 6 },
        { kind: 'problems', name: '存在的不足和原因', required: true, present: false },
        { kind: 'leadership', name: '党政主要负责人履行推进法治建设第一责任人职责情况', required: false, present: true, folded: true },
        { kind: 'plans', name: '下一年度工作安排', required: true, present: true, line: 40 },
      ],
      inOrder: true,
      figures: { quantities: 92, checked: 13, hold: 10, inconsistent: 3, flagged: [{ ruleId: 'figures/comparison', message: '高出幅度应为49.64%', range: { start: { line: 20 } }, arithmetic: ['(416 − 278) ÷ 278 = 49.64%'] }] },
      findings: [
        { ruleId: 'wording/jiezhi', description: '截止/截至', severity: 'warning', count: 1 },
        { ruleId: 'metrics/rate-without-base', description: '比率无基数', severity: 'info', count: 3 },
      ],
    }, 'r.fzbg', STRINGS);
    assert.ok(mdText.startsWith('# Report structure: r.fzbg'));
    assert.ok(mdText.includes('- ✅ 主要举措和成效 — present (L7)'), mdText);
    assert.ok(mdText.includes('- ❌ 存在的不足和原因 — missing (required)'), mdText);
    assert.ok(mdText.includes('- ☑️ 党政主要负责人履行推进法治建设第一责任人职责情况 — folded'), mdText);
    assert.ok(mdText.includes('1. **一、主要举措和工作成效** — *主要举措和成效* (by heading) · L7 · 5/18/90'), mdText);
    assert.ok(mdText.includes('q=92 c=13 h=10 i=3'));
    assert.ok(mdText.includes('  - `(416 − 278) ÷ 278 = 49.64%`'));
    const rows = mdText.split('\n').filter((l) => l.startsWith('| `'));
    assert.deepStrictEqual(rows, ['| `metrics/rate-without-base` | 比率无基数 | info | 3 |', '| `wording/jiezhi` | 截止/截至 | warning | 1 |']);
    assert.ok(mdText.includes('total 4'));
  });

  it('renderStructure: an empty answer still renders', () => {
    const mdText = renderStructure({}, 'x.md', STRINGS);
    assert.ok(mdText.includes('no parts') && mdText.includes('no figures') && mdText.includes('no findings'));
  });

  it('configTemplate: commented JSON naming the profile', () => {
    const t = configTemplate('gongzuo-zongjie');
    assert.ok(t.includes('"profile": "gongzuo-zongjie"'));
    const json = t.replace(/^\s*\/\/.*$/gmu, '');
    assert.deepStrictEqual(Object.keys(JSON.parse(json)), ['profile', 'rules', 'rounding']);
    // the engine's own configuration parser accepts it as it is
    const loaded = parseConfig(configTemplate(), '/ws/.fazhi-report.json');
    assert.deepStrictEqual(loaded.problems, []);
  });
});

describe('localisation', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const read = (f: string) => readFileSync(join(root, f), 'utf8');

  it('every runtime string of the client has its zh-cn translation, and no translation is stale', () => {
    const used = new Set<string>();
    for (const f of readdirSync(join(root, 'client', 'src'))) {
      if (!f.endsWith('.ts')) continue;
      for (const m of read(`client/src/${f}`).matchAll(/\bt\('((?:[^'\\]|\\.)*)'/gu)) used.add(m[1]);
    }
    assert.ok(used.size > 20, `found ${used.size} strings`);
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    assert.deepStrictEqual([...used].filter((k) => !(k in bundle)), [], 'untranslated');
    assert.deepStrictEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'stale');
    for (const [k, v] of Object.entries(bundle)) {
      assert.deepStrictEqual(v.match(/\{\d\}/gu)?.sort() ?? [], k.match(/\{\d\}/gu)?.sort() ?? [], `placeholders of “${k}”`);
    }
  });

  it('package.nls.json and package.nls.zh-cn.json have exactly the keys package.json uses', () => {
    const used = new Set([...read('package.json').matchAll(/"%([\w.]+)%"/gu)].map((m) => m[1]));
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const keys = Object.keys(JSON.parse(read(f)) as object);
      assert.deepStrictEqual(keys.filter((k) => !used.has(k)), [], `${f}: stale keys`);
      assert.deepStrictEqual([...used].filter((k) => !keys.includes(k)), [], `${f}: missing keys`);
    }
  });
});
