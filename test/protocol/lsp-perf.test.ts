/**
 * What the language server's performance work must not change: diagnostics exactly as before
 * (compared with the earlier conversion, kept here as the reference), stale analyses dropped on a
 * change and never a current one, and the server started with the client's V8 flags.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding } from '../../server/src/engine/types';
import { analyze } from '../../server/src/engine/check';
import { RULES_BY_ID } from '../../server/src/engine/rules';
import { toDiagnostic, relatedOf, docUrlOf, toRange, toLspEdit, SEVERITY } from '../../server/src/lsp/convert';
import { SOURCE, ruleDocUrl } from '../../server/src/lsp/constants';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';
import { IdleCollector } from '../../server/src/lsp/memory';
import { ROOT, SERVER, buildServer, fileUri, seedText, TestServer } from './harness';
import { REPORT } from './fixtures';

// ------------------------------------------------------------------ the conversion before the round

const RELATED_NAMES: Record<string, string> = {
  numerator: '分子', bases: '可能的基数', base: '基数', usedBase: '所用基数', nearestBase: '最近的基数', parts: '分项', total: '总数',
};

function referenceDocUrl(ruleId: string): string | undefined {
  const meta = RULES_BY_ID.get(ruleId)?.meta;
  if (meta) return ruleDocUrl(meta.docs);
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId) ? ruleDocUrl(`docs/rules/${ruleId}.md`) : undefined;
}

function referenceRelated(doc: TextDocument, f: Finding): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  if (!f.data) return out;
  const textLength = doc.getText().length;
  const visit = (key: string, v: unknown): void => {
    if (!v || typeof v !== 'object' || out.length >= 12) return;
    const o = v as { start?: unknown; end?: unknown; label?: unknown; raw?: unknown; value?: unknown };
    if (typeof o.start !== 'number' || typeof o.end !== 'number' || o.start < 0 || o.end > textLength || o.end < o.start) return;
    const what = typeof o.label === 'string' ? o.label : typeof o.raw === 'string' ? o.raw : undefined;
    if (what === undefined) return;
    const value = typeof o.value === 'number' && typeof o.label === 'string' ? ` ${o.value}` : '';
    out.push({ location: { uri: doc.uri, range: toRange(doc, o.start, o.end) }, message: `${RELATED_NAMES[key] ?? '相关数据'}：${what}${value}` });
  };
  for (const [key, v] of Object.entries(f.data)) {
    if (Array.isArray(v)) for (const x of v) visit(key, x);
    else visit(key, v);
  }
  return out;
}

function referenceDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = { range: toRange(doc, f.start, f.end), severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning, source: SOURCE, code: f.ruleId, message: f.message };
  const href = referenceDocUrl(f.ruleId);
  if (href) d.codeDescription = { href };
  const related = referenceRelated(doc, f);
  if (related.length) d.relatedInformation = related;
  const data: { ruleId: string; version: number; fix?: unknown } = { ruleId: f.ruleId, version: doc.version };
  if (f.fix && f.fix.edits.length) data.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => toLspEdit(doc, e)) };
  d.data = data;
  return d;
}

// ------------------------------------------------------------------ tests

describe('lsp performance: same diagnostics, less kept, production flags', function () {
  this.timeout(60000);

  it('converts every finding of every seed exactly as before, related information and doc links included', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'seeds');
    let n = 0;
    let related = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const profile of [undefined, 'fazhi-zhengfu']) {
        const doc = TextDocument.create(`file:///virtual/${name}`, 'fazhi-report', 7, text);
        for (const f of analyze(text, profile ? { profile } : {}).findings) {
          const full = { relatedInformation: true, codeDescription: true, data: true };
          assert.deepEqual(toDiagnostic(doc, f, full), referenceDiagnostic(doc, f), `${name}: ${f.ruleId} at ${f.start}`);
          // twice: the second conversion of a rule reads its cached doc link
          assert.deepEqual(toDiagnostic(doc, f, full), referenceDiagnostic(doc, f));
          assert.deepEqual(relatedOf(doc, f), referenceRelated(doc, f));
          related += relatedOf(doc, f).length;
          n++;
        }
      }
    }
    assert.ok(n > 100, `${n} findings compared`);
    assert.ok(related > 0, 'some findings carry related information');
  });

  it('gives the same doc link as before for registered, conventional and unknown rule ids, cached or not', () => {
    const ids = [...RULES_BY_ID.keys(), 'suppress/unused-directive', 'no-such/rule-here', 'Not A Rule', '', 'a/b/c', 'x/y'];
    for (let round = 0; round < 2; round++) {
      for (const id of ids) assert.equal(docUrlOf(id), referenceDocUrl(id), id);
    }
    assert.equal(docUrlOf('Not A Rule'), undefined);
  });

  it('keeps the same related information for hand-made data: arrays, bounds, the 12 limit, labels and raw values', () => {
    const text = '甲'.repeat(100);
    const doc = TextDocument.create('file:///virtual/x.md', 'markdown', 1, text);
    const point = (start: number, end: number, extra: Record<string, unknown> = {}) => ({ start, end, ...extra });
    const cases: Array<Record<string, unknown>> = [
      { numerator: point(1, 3, { label: '办结', value: 118 }), bases: [point(4, 6, { label: 'A', value: 1 }), point(7, 9, { raw: '9件' }), point(90, 120, { label: '越界' })] },
      { parts: Array.from({ length: 20 }, (_, i) => point(i, i + 1, { raw: `${i}件` })), total: point(50, 52, { label: '总数', value: 20 }) },
      { other: point(3, 2, { label: '反向' }), base: point(-1, 2, { label: '负数' }), usedBase: point(5, 8, { value: 3 }), nearestBase: point(5, 8, { raw: 'r', value: 3 }) },
      { unknownKey: point(10, 12, { label: '相关' }), n: 5, s: 'x', nil: null, list: [null, 1, 'a', point(0, 100, { label: '整段' })] },
    ];
    for (const data of cases) {
      const f: Finding = { ruleId: 'figures/sum', severity: 'warning', message: 'm', start: 0, end: 1, data };
      assert.deepEqual(relatedOf(doc, f), referenceRelated(doc, f));
      assert.deepEqual(toDiagnostic(doc, f, true), referenceDiagnostic(doc, f));
    }
  });

  it('drops a document\'s analysis and model when it changes, and nothing current', () => {
    const cache = new AnalysisCache(() => undefined, 4);
    const options = {};
    const a = TextDocument.create('file:///virtual/a.md', 'markdown', 1, REPORT);
    const b = TextDocument.create('file:///virtual/b.md', 'markdown', 1, REPORT);
    const first = cache.get(a, options);
    cache.get(b, options);
    assert.deepEqual(cache.size, { analyses: 2, parsed: 2 });
    cache.dropStale(a); // same version: kept
    assert.equal(cache.get(a, options), first);
    TextDocument.update(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（修改稿）' }], 2);
    cache.dropStale(a);
    assert.deepEqual(cache.size, { analyses: 1, parsed: 1 }, 'only b is left');
    assert.equal(cache.peek(a), undefined);
    const second = cache.get(a, options);
    assert.equal(second.version, 2);
    assert.notEqual(second, first);
    assert.ok(cache.peek(b), 'the other document is untouched');
    // a model parsed for the new version is kept too
    const c = TextDocument.create('file:///virtual/c.md', 'markdown', 3, REPORT);
    const model = cache.parse(c);
    cache.dropStale(c);
    assert.equal(cache.parse(c), model);
  });

  it('starts the server with the client\'s V8 flags, which this Node accepts', () => {
    assert.ok(Array.isArray(SERVER_EXEC_ARGV));
    for (const flag of SERVER_EXEC_ARGV) assert.match(flag, /^--[a-z][a-z0-9-]*(=[0-9a-z.-]+)?$/, flag);
    const r = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'ok');
    assert.equal(r.stderr, '', 'no warning about the flags');
  });

  it('checks a seed, then edits it back and forth, with the server started with those flags', async () => {
    buildServer();
    assert.ok(SERVER.endsWith('server.js'));
    const s = await TestServer.start({ settings: { debounceMs: 0 } });
    try {
      const uri = fileUri('perf-seed.fzbg');
      s.open(uri, seedText('pingan-2023-report.txt'));
      const d1 = (await s.diagnostics(uri, 1)).diagnostics;
      assert.ok(d1.length > 0);
      const at = { line: 3, character: 0 };
      let v = 1;
      for (let i = 0; i < 6; i++) {
        const from = s.mark();
        v = i % 2 ? s.edit(uri, [{ range: { start: at, end: { line: 3, character: 7 } }, newText: '' }]) : s.edit(uri, [{ range: { start: at, end: at }, newText: '受理案件10件。' }]);
        await s.diagnostics(uri, v, from);
      }
      const d2 = (await s.diagnostics(uri, v)).diagnostics;
      const strip = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));
      assert.deepEqual(strip(d2), strip(d1), 'the same text again: the same diagnostics');
      assert.ok(!s.logs().some((m) => /错误/.test(m)), s.logs().join('\n'));
    } finally {
      await s.stop();
    }
  });

  it('analyses a version once when a code action asks for it before the debounced check', async () => {
    // a rule that throws logs one line per analysis: the count tells how many times version 2 was analysed
    const s = await TestServer.start({ settings: { debounceMs: 400 }, env: { FAZHI_REPORT_TEST_FAULTY_RULES: 'wording/jiezhi' } });
    try {
      const uri = fileUri('perf-once.fzbg');
      s.open(uri, REPORT);
      await s.diagnostics(uri, 1);
      const from = s.mark();
      const v = s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '（修改稿）' }]);
      const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } };
      await s.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      const p = await s.diagnostics(uri, v, from);
      assert.ok(p.diagnostics.length > 0);
      const lines = s.logs().filter((m) => m.includes('wording/jiezhi') && m.includes(`（版本 ${v}）`));
      assert.equal(lines.length, 1, lines.join('\n'));
    } finally {
      await s.stop();
    }
  });

  it('runs one full GC once idle after work, never while work keeps coming, and only when it can', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let runs = 0;
    const idle = new IdleCollector(60, () => runs++);
    idle.arm();
    for (let i = 0; i < 5; i++) {
      await sleep(20);
      idle.arm(); // more work: the wait starts again
    }
    assert.equal(runs, 0, 'not while busy');
    assert.equal(idle.pending, true);
    await sleep(150);
    assert.equal(runs, 1, 'once idle');
    assert.equal(idle.pending, false);
    await sleep(100);
    assert.equal(runs, 1, 'once per idle period');
    idle.arm();
    idle.dispose();
    await sleep(100);
    assert.equal(runs, 1, 'disposed: nothing more');
    const throwing = new IdleCollector(10, () => {
      throw new Error('gc failed');
    });
    throwing.arm();
    await sleep(40);
    assert.equal(throwing.pending, false, 'an error is swallowed');
    // without --expose-gc (this test process) and no function given: nothing is scheduled
    if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
      const none = new IdleCollector(10);
      none.arm();
      assert.equal(none.pending, false);
    }
  });
});
