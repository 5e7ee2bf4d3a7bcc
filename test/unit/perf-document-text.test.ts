import { strict as assert } from 'assert';
import { inSequence } from '../../server/src/engine/text';

/** inSequence as first written (a table of the last stop character before every offset): the reference. */
function reference(text: string, steps: readonly RegExp[], gaps: readonly number[], stop = '。'): boolean {
  const ends0 = matchEnds(text, steps[0], () => true);
  if (!ends0.length || steps.length === 1) return ends0.length > 0;
  const lastStop = new Int32Array(text.length + 1);
  let ls = -1;
  for (let i = 0; i <= text.length; i++) {
    lastStop[i] = ls;
    if (i < text.length && stop && text[i] === stop) ls = i;
  }
  let ends = ends0;
  for (let k = 1; k < steps.length && ends.length; k++) {
    const prev = ends;
    const gap = gaps[k - 1] ?? 0;
    ends = matchEnds(text, steps[k], (s) => {
      let best = -1;
      for (const e of prev) if (e <= s) best = e;
      return best >= 0 && s - best <= gap && lastStop[s] < best;
    });
  }
  return ends.length > 0;
}

function matchEnds(text: string, re: RegExp, accept: (start: number) => boolean): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept(m.index)) out.push(m.index + m[0].length);
  }
  return out;
}

describe('inSequence (stop characters checked between the matches)', () => {
  it('agrees with the table-based reference on random texts, short and long gaps, any stop', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alpha = ['但', '仍', '存在', '不足', '。', '还', '有', '问题', 'x', '，', '同时', '也', '短板', 'ab'];
    const sets: Array<[RegExp[], number[], string | undefined]> = [
      [[/但|然而|同时/g, /仍|还|也|依然|仍然/g, /存在|有/g, /不足|问题|短板|差距|薄弱/g], [40, 30, 40], undefined],
      [[/还|仍|也/g, /存在|面临/g, /不足|问题|短板/g], [4, 24], undefined],
      [[/但/g, /不足/g], [300], undefined],
      [[/但/g, /不足/g], [1000], '，'],
      [[/但/g, /x*/g, /不足/g], [5, 5], '。'],
      [[/仍/g, /有/g], [3], ''],
      [[/仍/g, /有/g], [3], 'ab'],
      [[/仍/g, /有/g], [NaN], '。'],
      [[/存在/g], [], '。'],
    ];
    let yes = 0;
    for (let r = 0; r < 3000; r++) {
      let t = '';
      const len = rnd(r % 10 === 0 ? 400 : 40);
      for (let i = 0; i < len; i++) t += alpha[rnd(alpha.length)];
      for (const [steps, gaps, stop] of sets) {
        const expected = reference(t, steps, gaps, stop);
        if (expected) yes++;
        assert.equal(inSequence(t, steps, gaps, stop), expected, `${t} / ${steps.join(' ')} / ${stop}`);
      }
    }
    assert.ok(yes > 100);
  });
});
