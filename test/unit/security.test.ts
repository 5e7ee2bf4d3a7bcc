/**
 * Security properties of the extension, the language server and the CLI (issue 8).
 *
 * 1. Configuration is data only. Our sources (server/src, client/src) are parsed with the
 *    TypeScript parser: every `require(…)` / `import(…)` names a string literal; there is no
 *    `eval`, no `Function` constructor, no `vm`, `child_process` or `module` (createRequire), no
 *    string given to a timer, and a worker thread runs only a script whose path is built from
 *    `__dirname` and literals. So nothing read from a workspace (a config file, a report) can
 *    become code. And a config file that names a script (as a profile to extend, a rule, a
 *    profile) is refused with a message without the script ever running.
 * 2. No network. The bundles dist/client.js, dist/server.js, dist/cli.js (and the CLI's worker)
 *    are rebuilt in memory with esbuild's metafile, which lists every input file of each bundle and
 *    every Node built-in module each input imports. The check:
 *    - our own inputs import no network module (http, https, http2, net, tls, dgram, dns, and the
 *      usual client libraries) and use no network global (fetch, XMLHttpRequest, WebSocket,
 *      EventSource, navigator), found by parsing them (comments and strings do not count);
 *    - dependency inputs: the only network module any of them imports is `net`, by
 *      vscode-jsonrpc's Node transport (for the `--pipe` / `--socket` LSP transports, local
 *      named pipes and sockets the launching client chooses on the command line; our client
 *      starts the server over node IPC), and none uses a network global (parsed the same way);
 *      esbuild reports every `require` it cannot resolve statically, and there is none;
 *    - at run time: the CLI bundle checks the seeds, and the server bundle serves an LSP session
 *      (initialize, open, diagnostics, a code action, shutdown) with every network entry point of
 *      Node (net/tls/dgram/http/https/http2/dns and fetch/WebSocket) replaced by a trap that
 *      records the call: none is called.
 *    Dependency files that merely mention a URL or the word "fetch" in a comment or string pass:
 *    only module imports and code references count.
 * 3. Writes. The extension writes a file only through edits the user applies (WorkspaceEdit) or the
 *    config file the user asked for: in the client, the single call of any file-writing API is in
 *    `openConfig`, and only when the file does not exist yet; the language server and the engine
 *    write no file at all; the CLI writes only the `--output` file the user names.
 * 4. Bad configuration (a directory, an unreadable file, malformed JSON, wrong types, an unknown rule,
 *    an unknown profile): one clear Chinese message each, and the defaults.
 */
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, chmodSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, sep } from 'path';
import { pathToFileURL } from 'url';
import * as ts from 'typescript';
import type { BuildResult, Metafile } from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { check } from '../../server/src/engine/check';
import { CONFIG_FILE, loadConfigFor } from '../../server/src/engine/config';
import { seed, SEEDS } from '../helpers/util';

const ROOT = join(__dirname, '..', '..');

// ------------------------------------------------------------------------------------------------
// Source analysis (with its own tests below).

interface Violation {
  file: string;
  line: number;
  what: string;
}

const NET_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises', 'undici', 'ws', 'node-fetch', 'axios', 'got', 'request', 'cross-fetch', 'isomorphic-fetch']);
const NET_GLOBALS = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator']);
const CODE_MODULES = new Set(['vm', 'child_process', 'module', 'repl', 'inspector']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

const bare = (spec: string): string => spec.replace(/^node:/u, '');

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** Whether an identifier is a reference to a value (not a property name, a declared name or a type). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return true;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if ((ts.isBindingElement(p) && p.propertyName === id) || ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p)) && p.name === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  for (let a: ts.Node | undefined = p; a; a = a.parent) if (ts.isTypeNode(a) && !ts.isTypeQueryNode(a)) return false;
  return true;
}

/** Module specifiers a file loads: import/export declarations, import-equals, require(), import(). */
function moduleLoads(sf: ts.SourceFile): Array<{ spec: string | undefined; node: ts.Node }> {
  const out: Array<{ spec: string | undefined; node: ts.Node }> = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(n) ? !!n.importClause?.isTypeOnly : n.isTypeOnly;
      if (!typeOnly) out.push({ spec: n.moduleSpecifier.text, node: n });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const e = n.moduleReference.expression;
      out.push({ spec: ts.isStringLiteralLike(e) ? e.text : undefined, node: n });
    } else if (ts.isCallExpression(n) && ((ts.isIdentifier(n.expression) && n.expression.text === 'require') || n.expression.kind === ts.SyntaxKind.ImportKeyword)) {
      const a = n.arguments;
      out.push({ spec: a.length === 1 && ts.isStringLiteralLike(a[0]) ? a[0].text : undefined, node: n });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Parses and binds one file on its own (no lib, no imports followed): scopes resolve, nothing else. */
function bound(fileName: string, text: string): { sf: ts.SourceFile; checker: () => ts.TypeChecker } {
  const kind = /\.[cm]?js$/u.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  let checker: ts.TypeChecker | undefined;
  // bound only when a name must be resolved (the program binds this very tree)
  return {
    sf,
    checker: () => {
      if (!checker) {
        const options: ts.CompilerOptions = { noLib: true, noResolve: true, allowJs: true, types: [] };
        const host = ts.createCompilerHost(options);
        host.getSourceFile = (name) => (name === fileName ? sf : undefined);
        host.fileExists = (name) => name === fileName;
        host.readFile = (name) => (name === fileName ? text : undefined);
        const program = ts.createProgram({ rootNames: [fileName], options, host });
        assert.equal(program.getSourceFile(fileName), sf);
        checker = program.getTypeChecker();
      }
      return checker;
    },
  };
}

/**
 * Whether an expression is a value fixed by the program (literals, `__dirname`, `path.join` of such,
 * constants and local functions returning such), resolving names by scope: conservative — anything
 * else (a parameter, a variable assigned later, an import, a property) is "computed".
 */
function staticValue(checker: ts.TypeChecker): (e: ts.Expression) => boolean {
  const PATH_FNS = new Set(['join', 'resolve', 'dirname', 'basename', 'normalize']);
  const declsOf = (id: ts.Identifier): ts.Declaration[] => checker.getSymbolAtLocation(id)?.declarations ?? [];
  const isStatic = (e: ts.Expression, depth: number): boolean => {
    if (depth > 8) return false;
    if (ts.isStringLiteralLike(e)) return true;
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) return isStatic(e.expression, depth);
    if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isStatic(s.expression, depth + 1));
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return isStatic(e.left, depth + 1) && isStatic(e.right, depth + 1);
    if (ts.isConditionalExpression(e)) return isStatic(e.whenTrue, depth + 1) && isStatic(e.whenFalse, depth + 1);
    if (ts.isIdentifier(e)) {
      const ds = declsOf(e);
      if (!ds.length) return e.text === '__dirname' || e.text === '__filename' || e.text === 'undefined';
      return ds.every((d) => ts.isVariableDeclaration(d) && !!d.initializer && (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0 && isStatic(d.initializer, depth + 1));
    }
    if (ts.isCallExpression(e)) {
      const c = e.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'path' ? c.name.text : undefined;
      if (name && PATH_FNS.has(name) && e.arguments.length && e.arguments.every((a) => isStatic(a, depth + 1))) return true;
      if (ts.isIdentifier(c) && !e.arguments.length) {
        const ds = declsOf(c);
        return ds.length > 0 && ds.every((d) => ts.isFunctionDeclaration(d) && returnsStatic(d, depth + 1));
      }
    }
    return false;
  };
  const returnsStatic = (f: ts.FunctionDeclaration, depth: number): boolean => {
    let ok = !!f.body;
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) && n !== f) return;
      if (ts.isReturnStatement(n)) ok = ok && !!n.expression && isStatic(n.expression, depth);
      ts.forEachChild(n, visit);
    };
    if (f.body) visit(f.body);
    return ok;
  };
  return (e) => isStatic(e, 0);
}

/** Code loaded or evaluated from anything but a literal (configuration must stay data). */
function codeLoading(fileName: string, text: string): Violation[] {
  const { sf, checker } = bound(fileName, text);
  const out: Violation[] = [];
  const v = (node: ts.Node, what: string): void => void out.push({ file: fileName, line: lineOf(sf, node), what });
  let judge: ((e: ts.Expression) => boolean) | undefined;
  const isStatic = (e: ts.Expression): boolean => (judge ??= staticValue(checker()))(e);
  for (const { spec, node } of moduleLoads(sf)) {
    // a path the program fixes (`join(__dirname, 'x.js')`) is not computed from any input
    const fixed = ts.isCallExpression(node) && node.arguments.length === 1 && isStatic(node.arguments[0]);
    if (spec === undefined && !fixed) v(node, `loads a computed module: ${node.getText(sf).slice(0, 80)}`);
    else if (spec !== undefined && CODE_MODULES.has(bare(spec))) v(node, `imports ${spec}`);
  }
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && isReference(n)) {
      if (n.text === 'eval') v(n, 'uses eval');
      if (n.text === 'Function' && (ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent)) && n.parent.expression === n) v(n, 'calls the Function constructor');
    }
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
      if (GLOBAL_OBJECTS.has(n.expression.text) && (n.name.text === 'eval' || n.name.text === 'Function')) v(n, `uses ${n.getText(sf)}`);
      if (n.expression.text === 'process' && (n.name.text === 'dlopen' || n.name.text === 'binding')) v(n, `uses ${n.getText(sf)}`);
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['setTimeout', 'setInterval', 'setImmediate'].includes(n.expression.text) && n.arguments[0] && (ts.isStringLiteralLike(n.arguments[0]) || ts.isTemplateExpression(n.arguments[0]))) {
      v(n, `gives ${n.expression.text} a string to evaluate`);
    }
    if (ts.isNewExpression(n) && ((ts.isIdentifier(n.expression) && n.expression.text === 'Worker') || (ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'Worker'))) {
      const [script, opts] = n.arguments ?? [];
      if (!script || !isStatic(script)) v(n, `starts a worker from a computed script: ${n.getText(sf).slice(0, 80)}`);
      if (opts && ts.isObjectLiteralExpression(opts) && opts.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'eval')) v(n, 'starts a worker from source text (eval: true)');
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Network modules imported and network globals referenced (comments and strings do not count). */
function networkUse(fileName: string, text: string): Violation[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, /\.[cm]?js$/u.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: Violation[] = [];
  const v = (node: ts.Node, what: string): void => void out.push({ file: fileName, line: lineOf(sf, node), what });
  for (const { spec, node } of moduleLoads(sf)) if (spec !== undefined && NET_MODULES.has(bare(spec))) v(node, `imports ${spec}`);
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && NET_GLOBALS.has(n.text) && isReference(n)) v(n, `uses the global ${n.text}`);
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && GLOBAL_OBJECTS.has(n.expression.text) && NET_GLOBALS.has(n.name.text)) v(n, `uses ${n.getText(sf)}`);
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.expression) && GLOBAL_OBJECTS.has(n.expression.text) && ts.isStringLiteralLike(n.argumentExpression) && NET_GLOBALS.has(n.argumentExpression.text)) v(n, `uses ${n.getText(sf)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const WRITE_FNS = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'write', 'writeSync', 'writev', 'writevSync',
  'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync',
  'copyFile', 'copyFileSync', 'cp', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync',
  'open', 'openSync', 'utimes', 'utimesSync',
]);
const VSCODE_FS_WRITES = new Set(['writeFile', 'delete', 'rename', 'copy', 'createDirectory']);

/**
 * Calls that write files, with the enclosing function's name: Node's `fs` (named imports, `fs.x`,
 * `fs.promises.x`) and `vscode.workspace.fs`. (`process.stdout.write` and a stream's `write` are not
 * file writes: only names imported from or called on `fs` count.)
 */
function fileWrites(fileName: string, text: string): Array<Violation & { fn: string; node: ts.Node; sf: ts.SourceFile }> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const fsNames = new Map<string, string>(); // local name → fs's writing function
  const fsObjects = new Set<string>(['fs']); // local names of the fs module
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const m = bare(st.moduleSpecifier.text);
    if (m !== 'fs' && m !== 'fs/promises') continue;
    const b = st.importClause?.namedBindings;
    if (st.importClause?.name) fsObjects.add(st.importClause.name.text);
    if (b && ts.isNamespaceImport(b)) fsObjects.add(b.name.text);
    if (b && ts.isNamedImports(b)) {
      for (const e of b.elements) {
        const original = (e.propertyName ?? e.name).text;
        if (original === 'promises') fsObjects.add(e.name.text);
        else if (WRITE_FNS.has(original)) fsNames.set(e.name.text, original);
      }
    }
  }
  const out: Array<Violation & { fn: string; node: ts.Node; sf: ts.SourceFile }> = [];
  const enclosing = (n: ts.Node): string => {
    for (let a: ts.Node | undefined = n.parent; a; a = a.parent) {
      if ((ts.isFunctionDeclaration(a) || ts.isMethodDeclaration(a)) && a.name) return a.name.getText(sf);
      if ((ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && ts.isVariableDeclaration(a.parent) && ts.isIdentifier(a.parent.name)) return a.parent.name.text;
    }
    return '(top level)';
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const c = n.expression;
      let what: string | undefined;
      if (ts.isIdentifier(c) && fsNames.has(c.text)) what = `fs ${fsNames.get(c.text)}`;
      if (ts.isPropertyAccessExpression(c) && WRITE_FNS.has(c.name.text)) {
        const o = c.expression;
        if (ts.isIdentifier(o) && fsObjects.has(o.text)) what = `${o.text}.${c.name.text}`;
        if (ts.isPropertyAccessExpression(o) && o.name.text === 'promises' && ts.isIdentifier(o.expression) && fsObjects.has(o.expression.text)) what = `${o.getText(sf)}.${c.name.text}`;
      }
      if (ts.isPropertyAccessExpression(c) && VSCODE_FS_WRITES.has(c.name.text) && ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === 'fs' && /workspace$/u.test(c.expression.expression.getText(sf))) {
        what = `workspace.fs.${c.name.text}`;
      }
      if (what) out.push({ file: fileName, line: lineOf(sf, n), what, fn: enclosing(n), node: n, sf });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const rel = (p: string): string => relative(ROOT, p).split(sep).join('/');
const show = (vs: Violation[]): string => vs.map((x) => `${x.file}:${x.line}: ${x.what}`).join('\n');

// ------------------------------------------------------------------------------------------------
// The bundles.

/** The bundles of scripts/build.mjs (the .docx reader is a bundle of its own when it exists). */
const BUNDLES = [
  { name: 'client', entry: 'client/src/extension.ts', external: ['vscode'] },
  { name: 'server', entry: 'server/src/server.ts', external: [] as string[] },
  { name: 'cli', entry: 'server/src/cli/main.ts', external: [] as string[] },
  { name: 'cli-worker', entry: 'server/src/cli/worker.ts', external: [] as string[] },
  { name: 'cli-docx', entry: 'server/src/cli/docx.ts', external: [] as string[] },
].filter((b) => existsSync(join(ROOT, b.entry)));
/** As scripts/build.mjs sets it (read.ts then loads the .docx reader from its own bundle). */
const DEFINE = { __FAZHI_BUNDLE__: 'true' };

/**
 * Dependency files allowed to import a network module, with why. vscode-jsonrpc's Node entry offers
 * the pipe and socket transports of LSP (`--pipe=NAME`, `--socket=PORT` on 127.0.0.1): local IPC
 * that the launching client chooses; our client launches the server over node IPC.
 */
const DEPENDENCY_NET_ALLOWED: Array<{ file: RegExp; module: string }> = [{ file: /(?:^|\/)node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/u, module: 'net' }];

interface Built {
  name: string;
  meta: Metafile;
  warnings: BuildResult['warnings'];
}

let builtCache: Promise<Built[]> | undefined;
/** The four bundles, built in memory as scripts/build.mjs builds them, with their metafiles. */
function bundles(): Promise<Built[]> {
  builtCache ??= (async () => {
    const { build } = await import('esbuild');
    return Promise.all(BUNDLES.map(async (b) => {
      const r = await build({
        absWorkingDir: ROOT, entryPoints: [b.entry], outfile: join(ROOT, 'dist', `${b.name}.js`), bundle: true, platform: 'node', target: 'node20', format: 'cjs',
        external: b.external, write: false, metafile: true, mainFields: ['module', 'main'], define: DEFINE, logLevel: 'silent',
      });
      return { name: b.name, meta: r.metafile!, warnings: r.warnings };
    }));
  })();
  return builtCache;
}

// ------------------------------------------------------------------------------------------------

describe('security: the source analysis finds what it looks for', () => {
  it('flags computed require/import(), eval, Function, vm/child_process, string timers and computed workers', () => {
    const src = `
      import * as vm from 'vm';
      import { exec } from 'node:child_process';
      const name = cfg.plugin;
      require(name);
      import(\`./rules/\${name}\`);
      eval(code);
      (0, globalThis.eval)(code);
      new Function('a', code);
      setTimeout('alert(1)', 10);
      function pick(p: string) { return p; }
      new Worker(pick(cfg.path));
      new Worker(join(__dirname, 'w.js'), { eval: true });
    `;
    const whats = codeLoading('x.ts', src).map((v) => v.what);
    for (const re of [/imports vm/, /imports node:child_process/, /computed module: require\(name\)/, /computed module: import\(/, /uses eval/, /globalThis\.eval/, /Function constructor/, /setTimeout a string/, /computed script: new Worker\(pick/, /eval: true/]) {
      assert.ok(whats.some((w) => re.test(w)), `${re} in\n${whats.join('\n')}`);
    }
  });

  it('passes literal requires, type-only imports and workers from __dirname', () => {
    const src = `
      import type { X } from 'vm';
      const jsonc = require('jsonc-parser');
      type T = typeof import('./profile');
      const obj = { eval: 1, fetch: 2 };
      obj.eval; obj.fetch;
      function workerScript(): string | undefined { const p = join(__dirname, 'cli-worker.js'); return existsSync(p) ? p : undefined; }
      const script = workerScript();
      new Worker(script!);
      // eval(x) in a comment, and 'eval(x)' in a string
      const s = 'eval(x) fetch(http://x)';
    `;
    assert.deepEqual(codeLoading('x.ts', src), []);
    assert.deepEqual(networkUse('x.ts', src), []);
  });

  it('flags network modules and globals, but not names, comments or strings', () => {
    const src = `
      import * as https from 'node:https';
      const net = require('net');
      const r = await fetch(url);
      new globalThis.WebSocket(u);
      const x = new XMLHttpRequest();
      window['fetch'](u);
      // fetch(u) in a comment
      const o = { fetch: 1 }; o.fetch; const msg = 'fetch the settings';
    `;
    const whats = networkUse('x.ts', src).map((v) => v.what);
    assert.deepEqual(whats.sort(), ['imports net', 'imports node:https', 'uses globalThis.WebSocket', "uses window['fetch']", 'uses the global XMLHttpRequest', 'uses the global fetch'].sort());
  });

  it('finds fs and workspace.fs writes with the function they are in', () => {
    const src = `
      import { readFileSync, writeFileSync as wfs } from 'fs';
      import * as fs from 'fs';
      function save() { wfs('a', 'b'); }
      const keep = () => fs.promises.appendFile('a', 'b');
      async function make() { await vscode.workspace.fs.writeFile(uri, data); await vscode.workspace.fs.delete(uri); }
      function fine() { readFileSync('a'); process.stdout.write('x'); stream.write('y'); }
    `;
    assert.deepEqual(fileWrites('x.ts', src).map((w) => `${w.fn}: ${w.what}`), ['save: fs writeFileSync', 'keep: fs.promises.appendFile', 'make: workspace.fs.writeFile', 'make: workspace.fs.delete']);
  });
});

describe('security: configuration is data only', () => {
  const sources = [...tsFiles(join(ROOT, 'server', 'src')), ...tsFiles(join(ROOT, 'client', 'src'))];

  it('our sources load no computed module and evaluate no text (engine, server, CLI, client)', () => {
    assert.ok(sources.length > 50, `${sources.length} source files`);
    const found = sources.flatMap((f) => codeLoading(rel(f), readFileSync(f, 'utf8')));
    assert.equal(show(found), '');
  });

  it('a config file that names a script never runs it: as a profile, a profile to extend, a rule or rule options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-sec-'));
    try {
      const marker = join(dir, 'ran.txt');
      const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`;
      for (const f of ['evil.js', 'evil.json', 'index.js']) writeFileSync(join(dir, f), script);
      mkdirSync(join(dir, 'node_modules', 'evil'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'evil', 'index.js'), script);
      writeFileSync(join(dir, CONFIG_FILE), JSON.stringify({
        $schema: './evil.js',
        profile: './evil.js',
        profiles: { mine: { extends: './evil.js' }, other: { extends: 'evil' } },
        rules: { './evil.js': 'error', evil: 'warning', 'metrics/vague-claim': ['info', { extraWords: ['./evil.js'], plugin: './evil.js' }] },
      }));
      const c = loadConfigFor(join(dir, 'report.txt'));
      const text = seed('haidong-2024-report.txt');
      check(text, c.options);
      assert.equal(existsSync(marker), false, 'the script ran');
      const msgs = c.problems.map((p) => p.message).join('\n');
      for (const re of [/报告类型“\.\/evil\.js”不存在/, /继承的报告类型“\.\/evil\.js”不存在/, /继承的报告类型“evil”不存在/, /规则“\.\/evil\.js”不存在/, /规则“evil”不存在/]) assert.match(msgs, re);
      assert.equal(c.options.profile, undefined);
      assert.equal(Object.keys(c.options.rules ?? {}).some((k) => k.includes('evil')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: no network', function () {
  this.timeout(60_000);

  it('our own files in the bundles import no network module and use no network global', async () => {
    const built = await bundles();
    const own = new Set<string>();
    for (const b of built) for (const f of Object.keys(b.meta.inputs)) if (!f.includes('node_modules/')) own.add(f);
    assert.ok([...own].some((f) => f.startsWith('client/src/')) && [...own].some((f) => f.startsWith('server/src/engine/')) && own.has('server/src/lsp/pid.ts'), [...own].join(', '));
    const found = [...own].flatMap((f) => networkUse(f, readFileSync(join(ROOT, f), 'utf8')));
    assert.equal(show(found), '');
    // and the source analysis covers every file of our own that is bundled
    const scanned = new Set([...tsFiles(join(ROOT, 'server', 'src')), ...tsFiles(join(ROOT, 'client', 'src'))].map(rel));
    assert.deepEqual([...own].filter((f) => !scanned.has(f) && !f.endsWith('.json')), []);
  });

  it('dependency code in the bundles: only vscode-jsonrpc\'s local transports import net; no network global; no unresolved require', async () => {
    const built = await bundles();
    const imports: string[] = [];
    const deps = new Set<string>();
    for (const b of built) {
      for (const [f, input] of Object.entries(b.meta.inputs)) {
        if (!f.includes('node_modules/')) continue;
        deps.add(f);
        for (const i of input.imports) {
          if (!i.external || !NET_MODULES.has(bare(i.path))) continue;
          if (!DEPENDENCY_NET_ALLOWED.some((a) => a.file.test(f) && a.module === bare(i.path))) imports.push(`${b.name}: ${f} imports ${i.path}`);
        }
      }
      // esbuild warns of every require it cannot follow; in our own files the source analysis judges them
      const depWarnings = b.warnings.filter((w) => !w.location || w.location.file.includes('node_modules/'));
      assert.deepEqual(depWarnings.map((w) => `${w.location?.file}: ${w.text}`), [], `${b.name}: esbuild warnings in dependency code`);
    }
    assert.deepEqual(imports, []);
    // the allowance is needed (the check sees the imports it allows)
    const allowed = built.flatMap((b) => Object.entries(b.meta.inputs).filter(([f, input]) => DEPENDENCY_NET_ALLOWED.some((a) => a.file.test(f)) && input.imports.some((i) => bare(i.path) === 'net')));
    assert.ok(allowed.length >= 1, 'vscode-jsonrpc imports net');
    const globals = [...deps].flatMap((f) => networkUse(f, readFileSync(join(ROOT, f), 'utf8')).filter((v) => !v.what.startsWith('imports ')));
    assert.equal(show(globals), '');
    assert.ok(deps.size > 100, `${deps.size} dependency files checked`);
  });

  describe('at run time, with every network entry point of Node trapped', () => {
    let dir: string;
    let trap: string;
    let log: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fazhi-net-'));
      const { build } = await import('esbuild');
      await Promise.all(BUNDLES.filter((b) => b.name !== 'client').map((b) => build({
        absWorkingDir: ROOT, entryPoints: [b.entry], outfile: join(dir, `${b.name}.js`), bundle: true, platform: 'node', target: 'node20', format: 'cjs',
        external: b.external, mainFields: ['module', 'main'], define: DEFINE, logLevel: 'silent',
      })));
      writeFileSync(join(dir, 'cli-main.js'), "require('./cli.js').main();\n");
      trap = join(dir, 'trap.cjs');
      log = join(dir, 'net.log');
      writeFileSync(trap, `
        const fs = require('fs');
        const hit = (what) => { fs.appendFileSync(process.env.FAZHI_NET_LOG, what + '\\n'); throw new Error('network access blocked by the test: ' + what); };
        const traps = { net: ['connect', 'createConnection', 'createServer'], tls: ['connect', 'createServer'], dgram: ['createSocket'],
          http: ['request', 'get', 'createServer'], https: ['request', 'get', 'createServer'], http2: ['connect', 'createServer', 'createSecureServer'],
          dns: ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'] };
        for (const [m, fns] of Object.entries(traps)) { const mod = require(m); for (const f of fns) mod[f] = () => hit(m + '.' + f); }
        require('net').Socket.prototype.connect = function () { hit('net.Socket.connect'); };
        for (const g of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) Object.defineProperty(globalThis, g, { configurable: true, get: () => () => hit(g) });
        fs.appendFileSync(process.env.FAZHI_NET_LOG, 'trap loaded' + (require('worker_threads').isMainThread ? '' : ' in a worker') + '\\n');
      `);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const env = () => ({ ...process.env, FAZHI_NET_LOG: log });
    const hits = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l && !l.startsWith('trap loaded')) : ['(no log: the trap did not load)']);

    it('the trap itself catches a request', () => {
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['-r', trap, '-e', "require('https').get('https://example.invalid/')"], { env: env(), encoding: 'utf8' });
      assert.notEqual(r.status, 0);
      assert.deepEqual(hits(), ['https.get']);
    });

    it('the CLI checks the seeds (also in worker threads) without touching the network', () => {
      writeFileSync(log, '');
      const files = SEEDS.map((s) => join(dir, s));
      for (const [i, s] of SEEDS.entries()) writeFileSync(files[i], seed(s));
      const r = spawnSync(process.execPath, ['-r', trap, join(dir, 'cli-main.js'), 'check', '--format', 'json', '--jobs', '2', ...files], { env: env(), encoding: 'utf8', cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.includes('"ruleId"'), 'findings printed');
      assert.match(readFileSync(log, 'utf8'), /^trap loaded$/mu);
      assert.match(readFileSync(log, 'utf8'), /^trap loaded in a worker$/mu, 'the files were checked in worker threads, trapped too');
      assert.deepEqual(hits(), []);
    });

    it('the language server serves a session (initialize, open, diagnostics, code action, shutdown) without touching the network', async () => {
      writeFileSync(log, '');
      const child = spawn(process.execPath, ['-r', trap, join(dir, 'server.js'), '--stdio'], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      try {
        const uri = pathToFileURL(join(dir, 'report.fzbg')).href;
        const diagnostics = new Promise<Array<{ range: unknown }>>((resolve) => {
          conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ range: unknown }> }) => {
            if (p.uri === uri) resolve(p.diagnostics);
          });
        });
        conn.listen();
        await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
        conn.sendNotification('initialized', {});
        conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fazhi-report', version: 1, text: seed('pingan-2023-report.txt') } });
        const d = await diagnostics;
        assert.ok(d.length > 0, 'diagnostics published');
        await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: (d[0] as { range: unknown }).range, context: { diagnostics: d } });
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
        assert.equal(await exited, 0);
      } finally {
        conn.dispose();
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      assert.match(readFileSync(log, 'utf8'), /trap loaded/);
      assert.deepEqual(hits(), []);
    });
  });
});

describe('security: the client\'s views load nothing from the network', () => {
  const text = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  const sf = ts.createSourceFile('extension.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

  it('every webview runs no script, and its HTML has a Content-Security-Policy of default-src \'none\' allowing nothing remote', () => {
    const panels: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['createWebviewPanel', 'registerWebviewViewProvider', 'registerWebviewPanelSerializer'].includes(n.expression.name.text)) panels.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    assert.ok(panels.length >= 1, 'the structure view is a webview');
    for (const p of panels) {
      const opts = p.arguments[3];
      assert.ok(opts && ts.isObjectLiteralExpression(opts), `${p.expression.getText(sf)} has options`);
      const scripts = opts.properties.find((q) => q.name?.getText(sf) === 'enableScripts');
      assert.ok(scripts && ts.isPropertyAssignment(scripts) && scripts.initializer.kind === ts.SyntaxKind.FalseKeyword, 'enableScripts: false');
    }
    const csps = [...text.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/gu)].map((m) => m[1]);
    assert.ok(csps.length >= 1, 'a CSP in the HTML');
    for (const csp of csps) {
      assert.match(csp, /(?:^|;)\s*default-src 'none'/u);
      assert.doesNotMatch(csp, /https?:|\*|data:/u, `nothing remote allowed: ${csp}`);
    }
  });

  it('hovers render untrusted Markdown without HTML (no command links, no remote images through HTML)', () => {
    assert.match(text, /markdown: \{ isTrusted: false, supportHtml: false \}/u);
  });
});

describe('security: files are written only through edits or the config file the user asked for', () => {
  it('the client: the only file write is in openConfig (the command that creates .fazhi-report.json), and only when the file is missing', () => {
    const writes = tsFiles(join(ROOT, 'client', 'src')).flatMap((f) => fileWrites(rel(f), readFileSync(f, 'utf8')));
    assert.deepEqual(writes.map((w) => `${w.file} ${w.fn}: ${w.what}`), ['client/src/extension.ts openConfig: workspace.fs.writeFile']);
    // guarded by "the file does not exist yet": the write sits in an `if (!exists)` block
    const w = writes[0];
    let guard: ts.Node | undefined;
    for (let a: ts.Node | undefined = w.node.parent; a && !guard; a = a.parent) if (ts.isIfStatement(a)) guard = a;
    assert.ok(guard && /^!\s*exists/u.test((guard as ts.IfStatement).expression.getText(w.sf)), 'the write is under if (!exists)');
    // and its target is the config file in the workspace folder
    assert.match(w.node.getText(w.sf), /writeFile\(uri,/u);
    const fn = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(fn, /const uri = vscode\.Uri\.joinPath\(folder\.uri, CONFIG_FILE\);/u);
  });

  it('the language server and the engine write no file', () => {
    const files = [join(ROOT, 'server', 'src', 'server.ts'), ...tsFiles(join(ROOT, 'server', 'src', 'lsp')), ...tsFiles(join(ROOT, 'server', 'src', 'engine'))];
    assert.deepEqual(files.flatMap((f) => fileWrites(rel(f), readFileSync(f, 'utf8'))).map((w) => `${w.file}:${w.line} ${w.fn}: ${w.what}`), []);
  });

  it('the CLI writes only the --output file the user names', () => {
    const writes = tsFiles(join(ROOT, 'server', 'src', 'cli')).flatMap((f) => fileWrites(rel(f), readFileSync(f, 'utf8')));
    for (const w of writes) assert.match(w.node.getText(w.sf), /\.output\b/u, `${w.file}:${w.line} ${w.what} writes something other than --output`);
  });
});

describe('configuration problems: one clear message each, and the defaults', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'fazhi-badcfg-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const REPORT = seed('huangzhong-2024-report.txt');
  const defaults = JSON.stringify(check(REPORT, {}));

  /** A folder whose config file is made by `make`; returns what the loader gives for a report there. */
  function load(name: string, make: (file: string) => void) {
    const d = join(dir, name);
    mkdirSync(d);
    make(join(d, CONFIG_FILE));
    return loadConfigFor(join(d, 'report.txt'));
  }

  /** An unreadable file: no read permission; as root (who may read anything) a file whose read fails (Linux /proc). */
  function unreadable(file: string): void {
    writeFileSync(file, '{ "profile": "gongzuo-zongjie" }');
    chmodSync(file, 0o000);
    try {
      readFileSync(file);
    } catch {
      return;
    }
    rmSync(file);
    symlinkSync('/proc/self/mem', file);
    assert.throws(() => readFileSync(file), 'a file that cannot be read');
  }

  it('a config file that cannot be read: one message, the defaults', () => {
    const c = load('unreadable', unreadable);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /^(?:没有读取权限|无法读取（[A-Z]+）)。按默认设置检查。$/u);
    assert.deepEqual(c.options, {});
    assert.equal(JSON.stringify(check(REPORT, c.options)), defaults);
  });

  const cases: Array<[string, (file: string) => void, RegExp, boolean]> = [
    ['a directory', (f) => mkdirSync(f), /这是一个目录/u, true],
    ['malformed JSON', (f) => writeFileSync(f, '{\n  "profile": "fazhi-zhengfu"\n  "rules": {}\n}\n'), /第 3 行第 3 列：配置文件不是有效的 JSON/u, true],
    ['a wrong type', (f) => writeFileSync(f, '{ "rules": { "metrics/no-figures": 3 } }'), /metrics\/no-figures/u, true],
    ['an unknown rule', (f) => writeFileSync(f, '{ "rules": { "metrics/vauge-claim": "off" } }'), /规则“metrics\/vauge-claim”不存在/u, true],
    ['an unknown profile', (f) => writeFileSync(f, '{ "profile": "xian-fazhi" }'), /报告类型“xian-fazhi”不存在/u, true],
    ['a wrong type beside a valid setting', (f) => writeFileSync(f, '{ "rounding": 5, "rules": { "wording/jiezhi": "off" } }'), /“rounding”/u, false],
  ];
  for (const [what, make, re, allDefault] of cases) {
    it(`${what}: one message in Chinese, and the defaults`, () => {
      const c = load(what.replace(/\W+/gu, '-'), make);
      assert.equal(c.problems.length, 1, c.problems.map((p) => p.message).join('\n'));
      const p = c.problems[0];
      assert.match(p.message, re);
      assert.match(p.message, /[\u4e00-\u9fff]/u);
      assert.ok(p.file.endsWith(CONFIG_FILE));
      if (allDefault) {
        assert.deepEqual(c.options.profile, undefined);
        assert.equal(JSON.stringify(check(REPORT, c.options)), defaults, 'checked with the defaults');
      } else {
        // the faulty part falls back, the rest applies
        assert.equal(c.options.shared?.rounding, undefined);
        assert.deepEqual(c.options.rules, { 'wording/jiezhi': 'off' });
      }
    });
  }
});
