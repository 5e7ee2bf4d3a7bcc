import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { collectTwice, IdleCollector } from '../../server/src/lsp/memory';
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
});
