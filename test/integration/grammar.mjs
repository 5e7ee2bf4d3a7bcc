// Tokenizes sample lines with syntaxes/fazhi-report.tmLanguage.json using the very
// vscode-textmate + vscode-oniguruma that VS Code ships (from the code-server toolchain), and
// checks the scopes of headings, enumerations, figures and 《titles》.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** [line, text of a token, a scope it must have] — or `!scope` for a scope it must NOT have. */
const CASES = [
  ['海东市2024年度法治政府建设工作情况的报告', '海东市2024年度法治政府建设工作情况的报告', 'markup.heading.title.fazhi-report'],
  ['一、主要举措和工作成效', '一、', 'markup.heading.1.fazhi-report'],
  ['一、主要举措和工作成效', '主要举措和工作成效', 'entity.name.section.level-1.fazhi-report'],
  ['## 三、2025年工作计划', '三、', 'markup.heading.1.fazhi-report'],
  ['（一）坚持党的领导，落实责任。市委常委会开展会前学法13次。', '（一）', 'markup.heading.2.fazhi-report'],
  ['（一）坚持党的领导，落实责任。市委常委会开展会前学法13次。', '坚持党的领导，落实责任。', 'entity.name.section.level-2.fazhi-report'],
  ['（一）坚持党的领导，落实责任。市委常委会开展会前学法13次。', '13', 'constant.numeric.fazhi-report'],
  ['(三)半角括号的二级标题。', '(三)', 'markup.heading.2.fazhi-report'],
  ['1.健全依法决策机制。', '1.', 'markup.heading.3.fazhi-report'],
  ['（1）审核规范性文件。', '（1）', 'markup.heading.4.fazhi-report'],
  ['1.5万人次参加普法活动。', '1.5万', '!markup.heading.3.fazhi-report'],
  ['**一是强化思想引领。**将习近平法治思想纳入学习内容。', '一是', 'keyword.other.enumeration.fazhi-report'],
  ['深入推进改革。二是加强制度建设。', '二是', 'keyword.other.enumeration.fazhi-report'],
  ['受理案件5559件，调解成功5553件，化解率达99.8%。', '99.8%', 'constant.numeric.percentage.fazhi-report'],
  ['受理案件5559件，调解成功5553件，化解率达99.8%。', '5559', 'constant.numeric.fazhi-report'],
  ['同比提高20个百分点。', '20个百分点', 'constant.numeric.points.fazhi-report'],
  ['办理18,439件。', '18,439', 'constant.numeric.fazhi-report'],
  ['印发《海东市2024年法治政府建设工作要点》。', '海东市2024年法治政府建设工作要点', 'string.other.document-title.fazhi-report'],
  ['2024年，海东市坚持依法行政。', '2024年', 'constant.other.date.year.fazhi-report'],
  ['<!-- fazhi-report-disable-next-line figures/ratio -->', ' fazhi-report-disable-next-line figures/ratio ', 'comment.block.fazhi-report'],
  ['他们说这是一个好的做法。', '这是', '!keyword.other.enumeration.fazhi-report'],
];

export async function checkGrammar(root, vscodeModules) {
  if (!vscodeModules) throw new Error('no vscode-textmate: run scripts/integration/setup.sh');
  const req = createRequire(join(vscodeModules, 'x.js'));
  const tm = req('vscode-textmate');
  const onig = req('vscode-oniguruma');
  const wasm = readFileSync(join(vscodeModules, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer;
  await onig.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'text.fazhi-report' ? tm.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'fazhi-report.tmLanguage.json'), 'utf8'), 'fazhi-report.tmLanguage.json') : null),
  });
  const grammar = await registry.loadGrammar('text.fazhi-report');
  const failures = [];
  let passed = 0;
  for (const [line, text, scope] of CASES) {
    const { tokens } = grammar.tokenizeLine(line, tm.INITIAL);
    const toks = tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    const negative = scope.startsWith('!');
    const want = negative ? scope.slice(1) : scope;
    const covering = toks.filter((t) => text.includes(t.text) && t.text.length > 0 && line.indexOf(text) >= 0);
    const exact = toks.find((t) => t.text === text);
    const ok = negative
      ? !covering.some((t) => t.scopes.includes(want))
      : !!exact && exact.scopes.includes(want);
    if (ok) passed++;
    else failures.push(`${JSON.stringify(line)}: ${JSON.stringify(text)} ${negative ? 'must not be' : 'should be'} ${want}; tokens: ${toks.map((t) => `${JSON.stringify(t.text)}=${t.scopes.slice(1).join(' ')}`).join(', ')}`);
  }
  // every seed tokenizes line by line; each numbered heading gets its level's scope
  const seedsDir = [join(root, '..', 'shared', 'corpus', 'seeds'), join(root, 'test', 'fixtures', 'seeds')].find((d) => existsSync(d));
  for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).sort()) {
    let state = tm.INITIAL;
    const bad = [];
    let headings = 0;
    for (const line of readFileSync(join(seedsDir, f), 'utf8').split(/\r?\n/u)) {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      const level = /^[一二三四五六七八九十]{1,3}、/u.test(line) ? 1 : /^[（(][一二三四五六七八九十]{1,3}[）)]/u.test(line) ? 2 : 0;
      if (!level) continue;
      headings++;
      if (!r.tokens[0].scopes.includes(`markup.heading.${level}.fazhi-report`)) bad.push(`${line.slice(0, 20)}… is not markup.heading.${level}`);
    }
    if (!bad.length) passed++;
    else failures.push(`${f} (${headings} headings): ${bad.slice(0, 3).join('; ')}`);
  }
  return { passed, failed: failures.length, failures };
}
