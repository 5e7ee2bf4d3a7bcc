import * as assert from 'assert';
import { CN_ORDINAL_CLASS, isOrdinalChar, ordinalValue, parseChineseNumber } from '../../server/src/engine/numerals';
import { firstStartingAt, isClauseMark } from '../../server/src/engine/text';

describe('shared character helpers', () => {
  it('isOrdinalChar is exactly CN_ORDINAL_CLASS, and ordinalValue agrees with parseChineseNumber', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.strictEqual(isOrdinalChar(c), CN_ORDINAL_CLASS.includes(ch), ch);
      if (isOrdinalChar(c)) assert.strictEqual(ordinalValue(c), parseChineseNumber(ch), ch);
    }
  });

  it('isClauseMark is exactly ，,。；;：:！？!?', () => {
    const marks = '，,。；;：:！？!?';
    for (let c = 0; c < 0x10000; c++) assert.strictEqual(isClauseMark(c), marks.includes(String.fromCharCode(c)), String.fromCharCode(c));
  });

  it('firstStartingAt finds the first item starting at or after a position', () => {
    const list = [{ start: 2 }, { start: 5 }, { start: 5 }, { start: 9 }];
    assert.deepStrictEqual([0, 2, 3, 5, 6, 9, 10].map((at) => firstStartingAt(list, at)), [0, 0, 1, 1, 3, 3, 4]);
    assert.strictEqual(firstStartingAt([], 3), 0);
  });
});
