import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { execFileSync } from 'child_process';
import { collectTwice, idleCollection, IdleCollector, RUNTIME_V8_FLAGS, runtimeV8Flags, tuneHeap, v8Major } from '../../server/src/lsp/memory';
import { seed } from '../helpers/util';

describe('language server memory when idle (perf-srv)', () => {
  it('collectTwice runs the collector twice per call, and the idle collector calls it once per idle period', async () => {
    let gcs = 0;
    const collect = collectTwice(() => gcs++);
    collect();
    assert.equal(gcs, 2);
    const idle = new IdleCollector(20, collect);
    idle.arm();
    idle.arm();
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(gcs, 4);
    assert.equal(idle.pending, false);
  });

  it('AnalysisCache.trim keeps the most recently used documents, and a trimmed one is analysed again identically', () => {
    const cache = new AnalysisCache(() => undefined);
    const options = {};
    const docs = (['huangzhong-2024-report.txt', 'pingan-2023-report.txt', 'haixi-2024-feature-article.txt'] as const).map((f, i) =>
      TextDocument.create(`file:///r${i}.md`, 'markdown', 1, seed(f)));
    const first = docs.map((d) => cache.get(d, options));
    assert.deepEqual(cache.size, { analyses: 3, parsed: 3 });
    cache.get(docs[0], options); // r0 becomes the most recently used
    cache.trim(1);
    assert.deepEqual(cache.size, { analyses: 1, parsed: 1 });
    assert.equal(cache.peek(docs[0]), first[0], 'the most recent one is kept as is');
    assert.equal(cache.peek(docs[1]), undefined);
    assert.equal(cache.peek(docs[2]), undefined);
    const again = cache.get(docs[2], options);
    assert.notEqual(again, first[2]);
    assert.deepEqual(again.analysis.findings, first[2].analysis.findings);
    cache.trim(0);
    assert.deepEqual(cache.size, { analyses: 0, parsed: 0 });
    cache.trim(-3); // never throws
    assert.deepEqual(cache.size, { analyses: 0, parsed: 0 });
  });

  it('tuneHeap sets every runtime V8 flag, and one this V8 refuses does not stop the others', () => {
    const set: string[] = [];
    const flags = runtimeV8Flags(11);
    tuneHeap((f) => {
      if (f.startsWith('--interrupt-budget')) throw new Error('refused');
      set.push(f);
    }, flags);
    assert.deepEqual(set, flags.filter((f) => !f.startsWith('--interrupt-budget')));
    assert.deepEqual(flags, ['--heap-growing-percent=100', '--interrupt-budget=400000', '--no-sparkplug']);
  });

  it('--interrupt-budget only on V8 11 and older, --no-sparkplug on any known V8, nothing but the heap on an unknown one', () => {
    assert.equal(v8Major('11.3.244.8-node.38'), 11);
    assert.equal(v8Major('13.6.233.17-node.53'), 13);
    assert.equal(v8Major(''), 0);
    assert.deepEqual(runtimeV8Flags(13), ['--heap-growing-percent=100', '--no-sparkplug']);
    assert.deepEqual(runtimeV8Flags(12), ['--heap-growing-percent=100', '--no-sparkplug']);
    assert.deepEqual(runtimeV8Flags(0), ['--heap-growing-percent=100']);
    assert.deepEqual(RUNTIME_V8_FLAGS, runtimeV8Flags(v8Major(process.versions.v8)));
  });

  it('the V8 of this Node knows each of its runtime flags (an unknown one would print an error and do nothing)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of RUNTIME_V8_FLAGS) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      assert.match(options, new RegExp(`^\\s+--${name} \\(`, 'm'), name);
    }
  });

  it('idle collection: one "last resort" GC on V8 12 and later, two plain GCs before', () => {
    const calls: unknown[] = [];
    const gc = (o?: unknown) => void calls.push(o ?? 'plain');
    idleCollection(gc, 13)();
    assert.deepEqual(calls, [{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    calls.length = 0;
    idleCollection(gc, 11)();
    assert.deepEqual(calls, ['plain', 'plain']);
    calls.length = 0;
    idleCollection(gc, 0)();
    assert.deepEqual(calls, ['plain', 'plain']);
  });
});
