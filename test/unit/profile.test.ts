import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, getProfile, profileNames, PART_KINDS, Profile } from '../../server/src/engine/profile';
import { analyze } from '../../server/src/engine/check';
import { seed } from '../helpers/util';

describe('profiles', () => {
  it('the default profile carries the core indicators of domain.md', () => {
    const p = BUILTIN_PROFILES[DEFAULT_PROFILE];
    assert.equal(p.name, 'fazhi-zhengfu');
    assert.deepEqual(p.requiredParts, ['measures', 'problems', 'plans']);
    assert.deepEqual(p.optionalParts, ['leadership']);
    const names = p.indicators.map((i) => i.name).join('|');
    for (const w of ['出庭应诉率', '行政复议', '行政诉讼', '规范性文件', '重大行政决策', '法律顾问', '行政执法', '矛盾纠纷', '法律援助', '普法']) {
      assert.ok(names.includes(w), w);
    }
  });

  it('gongzuo-zongjie has no indicators', () => {
    assert.deepEqual(BUILTIN_PROFILES['gongzuo-zongjie'].indicators, []);
  });

  it('every built-in profile is well formed data', () => {
    for (const [name, p] of Object.entries(BUILTIN_PROFILES)) {
      assert.equal(p.name, name);
      assert.ok(p.description.length > 0);
      for (const k of [...p.requiredParts, ...p.optionalParts]) assert.ok(PART_KINDS.includes(k), k);
      const ids = new Set<string>();
      for (const i of p.indicators) {
        assert.ok(/^[a-z0-9-]+$/.test(i.id), i.id);
        assert.ok(!ids.has(i.id), `duplicate ${i.id}`);
        ids.add(i.id);
        assert.ok(i.terms.length > 0 && i.terms.every((t) => typeof t === 'string' && t.length > 0), i.id);
        assert.ok(i.scope === undefined || i.scope === 'government' || i.scope === 'any');
      }
    }
  });

  it('getProfile: custom first, then built-in, undefined when unknown (no prototype keys)', () => {
    const mine: Profile = { name: 'fazhi-zhengfu', description: 'x', requiredParts: [], optionalParts: [], indicators: [] };
    assert.equal(getProfile(undefined), BUILTIN_PROFILES[DEFAULT_PROFILE]);
    assert.equal(getProfile('fazhi-zhengfu', { 'fazhi-zhengfu': mine }), mine);
    assert.equal(getProfile('nope'), undefined);
    assert.equal(getProfile('constructor'), undefined);
    assert.equal(getProfile('toString', {}), undefined);
    assert.deepEqual(profileNames({ a: mine }), ['fazhi-zhengfu', 'gongzuo-zongjie', 'a']);
  });

  it('check() uses the named profile, a profile object, and falls back to the default', () => {
    const text = seed('huangzhong-2024-report.txt');
    assert.equal(analyze(text).profile.name, 'fazhi-zhengfu');
    assert.equal(analyze(text, { profile: 'gongzuo-zongjie' }).profile.name, 'gongzuo-zongjie');
    assert.equal(analyze(text, { profile: 'nope' }).profile.name, 'fazhi-zhengfu');
    const p: Profile = { name: 'x', description: '', requiredParts: ['measures'], optionalParts: [], indicators: [] };
    assert.equal(analyze(text, { profile: p }).profile, p);
  });
});

describe('profiles: documentation', () => {
  it('the missing-indicator page lists every indicator of the default profile with its terms', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'metrics', 'missing-indicator.md'), 'utf8');
    for (const i of BUILTIN_PROFILES[DEFAULT_PROFILE].indicators) {
      const row = page.split('\n').find((l) => l.startsWith(`| \`${i.id}\` |`));
      assert.ok(row, i.id);
      assert.equal(row, `| \`${i.id}\` | ${i.name} | ${i.terms.join('、')} |`);
    }
  });
});
