/**
 * Every regular expression in the engine is checked with the static analyser `recheck`: none may
 * backtrack exponentially or polynomially (a quadratic regex over a pasted 1 MB report hangs it).
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { checkSync } from 'recheck';

interface Found { source: string; flags: string; where: string }

describe('regular expressions in the engine', function () {
  this.timeout(0);
  let regexes: Found[] = [];

  before(() => {
    const out = execFileSync(process.execPath, ['-r', 'esbuild-register', join(__dirname, 'collect-regexes.ts')], {
      cwd: join(__dirname, '..', '..'),
      maxBuffer: 64 << 20,
      encoding: 'utf8',
    });
    regexes = JSON.parse(out) as Found[];
  });

  it('are found (literals and constructed ones)', () => {
    assert.ok(regexes.length >= 20, `only ${regexes.length} regexes found`);
    assert.ok(regexes.some((r) => r.where.includes('document.ts')), 'document.ts regexes are seen');
  });

  it('none can backtrack catastrophically (recheck)', () => {
    const bad: string[] = [];
    const unknown: string[] = [];
    for (const r of regexes) {
      const res = checkSync(r.source, r.flags.replace(/[gyd]/g, ''), { timeout: 10000 });
      if (res.status === 'vulnerable') {
        bad.push(`${r.where}: /${r.source}/${r.flags} — ${res.complexity.summary}, attack ${res.attack.pattern.slice(0, 60)}`);
      } else if (res.status === 'unknown') unknown.push(`${r.where}: /${r.source}/`);
    }
    console.log(`      ${regexes.length} regexes checked: ${regexes.length - bad.length - unknown.length} safe, ${bad.length} vulnerable, ${unknown.length} unknown`);
    assert.deepEqual(bad, []);
  });
});
