import { strict as assert } from 'assert';
import { analyze, check } from '../../server/src/engine/check';
import { parseDocument } from '../../server/src/engine/document';
import { seed } from '../helpers/util';

describe('analyze() with an already-parsed document', () => {
  it('uses the given model for the same text and gives the same findings', () => {
    const text = seed('huangzhong-2024-report.txt');
    const model = parseDocument(text);
    const a = analyze(text, {}, model);
    assert.equal(a.doc, model);
    assert.deepEqual(a.findings, check(text));
  });

  it('parses again when the model is of another text', () => {
    const text = seed('haidong-2024-report.txt');
    const stale = parseDocument(text + '\n补充一句。');
    const a = analyze(text, {}, stale);
    assert.notEqual(a.doc, stale);
    assert.equal(a.doc.text, text);
    assert.deepEqual(a.findings, check(text));
  });
});
