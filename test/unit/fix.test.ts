import { strict as assert } from 'assert';
import { applyEdits, fixAll, fixAllEdits } from '../../server/src/engine/fix';
import type { Finding, TextEdit } from '../../server/src/engine/types';

const finding = (ruleId: string, edits: TextEdit[]): Finding => ({
  ruleId,
  severity: 'warning',
  message: '',
  start: Math.min(...edits.map((e) => e.start)),
  end: Math.max(...edits.map((e) => e.end)),
  fix: { title: '', edits },
});

describe('fix: fix all', () => {
  it('takes every non-overlapping fix, first in document order wins, and returns the edits by position', () => {
    const fs = [
      finding('a', [{ start: 10, end: 12, text: 'X' }]),
      finding('b', [{ start: 0, end: 2, text: 'A' }, { start: 20, end: 21, text: 'B' }]),
      finding('c', [{ start: 11, end: 13, text: 'Y' }]), // overlaps a (10–12)
      finding('d', [{ start: 5, end: 6, text: 'D' }, { start: 20, end: 20, text: 'E' }]), // inserts where b edits
      finding('e', [{ start: 12, end: 12, text: 'Z' }]), // an insert right after a: no overlap
    ];
    const edits = fixAllEdits(fs);
    assert.deepEqual(edits.map((e) => e.text), ['A', 'X', 'Z', 'B']);
    assert.deepEqual(fixAllEdits(fs, 'c').map((e) => e.text), ['Y']);
  });

  it('stays fast and correct with thousands of fixes (one per character)', () => {
    const text = '甲,'.repeat(5000);
    const fs: Finding[] = [];
    for (let i = 1; i < text.length; i += 2) fs.push(finding('wording/ascii-punctuation', [{ start: i, end: i + 1, text: '，' }]));
    // a second, overlapping fix on every other comma is skipped
    for (let i = 1; i < text.length; i += 4) fs.push(finding('other', [{ start: i, end: i + 2, text: '' }]));
    assert.equal(fixAll(text, fs), '甲，'.repeat(5000));
  });

  it('applyEdits applies from the end', () => {
    assert.equal(applyEdits('abcdef', [{ start: 0, end: 1, text: 'X' }, { start: 3, end: 5, text: '' }, { start: 6, end: 6, text: '!' }]), 'Xbcf!');
  });
});
