import { strict as assert } from 'assert';
import { mkdtempSync, writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadConfigFor, parseConfig, findConfigFile, CONFIG_FILE } from '../../server/src/engine/config';
import { check } from '../../server/src/engine/check';
import { getProfile } from '../../server/src/engine/profile';

const FIX = join(__dirname, '..', 'fixtures', 'config');
const F = '/p/.fazhi-report.json';

function problemsOf(text: string): string[] {
  return parseConfig(text, F).problems.map((p) => p.message);
}

describe('configuration: parseConfig', () => {
  it('reads profile, profiles, rules and rounding (JSON with comments and trailing commas)', () => {
    const c = parseConfig(readFileSync(join(FIX, 'valid', CONFIG_FILE), 'utf8'), F);
    assert.deepEqual(c.problems, []);
    assert.equal(c.options.profile, 'county-justice');
    assert.deepEqual(c.options.rules, {
      'metrics/vague-claim': ['hint', { extraWords: ['再创新高'] }],
      'metrics/no-figures': 'off',
    });
    assert.deepEqual(c.options.shared, { rounding: 'round' });
    const p = getProfile(c.options.profile as string, c.options.profiles)!;
    assert.equal(p.name, 'county-justice');
    assert.deepEqual(p.requiredParts, ['measures', 'problems', 'plans']);
    const ids = p.indicators.map((i) => i.id);
    assert.ok(ids.includes('sqjz') && ids.includes('pufa') && !ids.includes('falv-yuanzhu'));
  });

  it('an empty object is valid and gives default options', () => {
    assert.deepEqual(parseConfig('{}', F), { options: {}, file: F, problems: [] });
  });

  it('malformed JSON: one problem with line and column, all defaults', () => {
    const c = parseConfig('{\n  "profile": "fazhi-zhengfu"\n  "rules": {}\n}\n', F);
    assert.equal(c.problems.length, 1);
    assert.deepEqual(c.options, {});
    const p = c.problems[0];
    assert.equal(p.file, F);
    assert.equal(p.line, 2);
    assert.match(p.message, /^第 3 行第 3 列：配置文件不是有效的 JSON：此处缺少逗号/);
  });

  it('empty file, array root: one problem each, defaults', () => {
    for (const t of ['', '  \n', '[1, 2]', '"x"']) {
      const c = parseConfig(t, F);
      assert.equal(c.problems.length, 1, t);
      assert.deepEqual(c.options, {});
    }
  });

  it('unknown rule: a problem at the key with a suggestion; the other rules still apply', () => {
    const text = '{ "rules": { "metrics/vauge-claim": "off", "metrics/no-figures": "info" } }';
    const c = parseConfig(text, F);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /规则“metrics\/vauge-claim”不存在，是否应为“metrics\/vague-claim”/);
    assert.equal(c.problems[0].offset, text.indexOf('"metrics/vauge-claim"'));
    assert.deepEqual(c.options.rules, { 'metrics/no-figures': 'info' });
  });

  it('wrong rule settings and option types fall back to the defaults', () => {
    const c = parseConfig(JSON.stringify({
      rules: {
        'metrics/no-figures': 'warn',
        'metrics/rate-without-base': ['info', 'x'],
        'metrics/vague-claim': ['info', { words: '大幅提升', extraWords: ['再创新高'] }],
        'figures/ratio': 3,
      },
    }), F);
    assert.equal(c.problems.length, 4);
    assert.ok(c.problems.some((p) => /metrics\/no-figures.*而不是“warn”/.test(p.message)));
    assert.ok(c.problems.some((p) => /选项“words”应为数组，而不是字符串/.test(p.message)));
    assert.deepEqual(c.options.rules, {
      'metrics/rate-without-base': ['info'],
      'metrics/vague-claim': ['info', { extraWords: ['再创新高'] }],
    });
  });

  it('a profile that does not exist: a problem naming the available ones, default profile', () => {
    const c = parseConfig('{ "profile": "nope" }', F);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /报告类型“nope”不存在（可用：fazhi-zhengfu、gongzuo-zongjie）/);
    assert.equal(c.options.profile, undefined);
    assert.deepEqual(problemsOf('{ "profile": 3 }').length, 1);
  });

  it('unknown keys, bad rounding, bad profiles: one problem each, the rest applies', () => {
    const msgs = problemsOf(JSON.stringify({
      colour: 'red',
      rounding: 'floor',
      profile: 'mine',
      profiles: {
        mine: {
          extends: 'nothing',
          requiredParts: ['measures', 'epilogue'],
          indicators: [{ id: 'a', name: 'A', terms: [] }, { id: 'b', name: 'B', terms: ['培训'], scope: 'town' }],
          removeIndicators: ['zz'],
        },
        loop1: { extends: 'loop2' },
        loop2: { extends: 'loop1' },
        bad: 5,
      },
    }));
    const expect = [/未知的设置项“colour”/, /“rounding”只能是/, /继承的报告类型“nothing”不存在/, /“epilogue”不是报告部分的名称/,
      /第 1 项无效/, /scope 只能是/, /要移除的指标“zz”不存在/, /extends 形成了循环/, /报告类型“bad”的定义应为对象/];
    for (const re of expect) assert.ok(msgs.some((m) => re.test(m)), `${re} in ${msgs.join('\n')}`);
    const c = parseConfig(JSON.stringify({ profile: 'mine', profiles: { mine: { requiredParts: ['measures', 'epilogue'] } } }), F);
    assert.deepEqual(c.options.profiles?.mine.requiredParts, ['measures']);
    assert.equal(c.options.profile, 'mine');
  });

  it('never throws and never evaluates anything', () => {
    for (const t of ['{"__proto__": {"x": 1}}', '{"profile": "constructor"}', '{"rules": {"toString": "off"}}', '{"profiles": {"a": {"extends": "__proto__"}}}', '\u0000', '{"rules": [1]}']) {
      const c = parseConfig(t, F);
      assert.ok(Array.isArray(c.problems));
      assert.equal(({} as Record<string, unknown>).x, undefined);
    }
    assert.equal(parseConfig('{"profile": "constructor"}', F).options.profile, undefined);
    const proto = parseConfig('{"profiles": {"__proto__": {"indicators": []}}, "profile": "__proto__"}', F);
    assert.equal(proto.problems.length, 2);
    assert.equal(Object.getPrototypeOf(proto.options.profiles ?? {}), Object.prototype);
  });

  it('keeps offsets after a BOM', () => {
    const c = parseConfig('\ufeff{ "profile": "nope" }', F);
    assert.equal(c.problems[0].offset, '\ufeff{ "profile": '.length);
  });
});

describe('configuration: loadConfigFor', () => {
  it('finds the file in the nearest parent folder and applies it', () => {
    const report = join(FIX, 'valid', 'sub', 'deeper', 'report.txt');
    const c = loadConfigFor(report);
    assert.equal(c.file, join(FIX, 'valid', CONFIG_FILE));
    assert.deepEqual(c.problems, []);
    const text = readFileSync(report, 'utf8');
    const fs = check(text, c.options);
    assert.ok(!fs.some((f) => f.ruleId === 'metrics/no-figures'));
    const v = fs.filter((f) => f.ruleId === 'metrics/vague-claim');
    assert.deepEqual(v.map((f) => [text.slice(f.start, f.end), f.severity]), [['再创新高', 'hint']]);
    assert.ok(fs.some((f) => f.ruleId === 'metrics/missing-indicator' && f.data?.indicator === 'sqjz'));
    assert.ok(!fs.some((f) => f.ruleId === 'metrics/missing-indicator' && f.data?.indicator === 'falv-yuanzhu'));
  });

  it('a malformed file: one problem, defaults, checking goes on', () => {
    const report = join(FIX, 'malformed', 'report.txt');
    const c = loadConfigFor(report);
    assert.equal(c.problems.length, 1);
    assert.equal(c.problems[0].file, join(FIX, 'malformed', CONFIG_FILE));
    assert.match(c.problems[0].message, /^第 3 行第 3 列：/);
    assert.ok(check(readFileSync(report, 'utf8'), c.options).some((f) => f.ruleId === 'metrics/no-figures'));
  });

  it('a config path that is a directory: one problem, defaults', () => {
    const c = loadConfigFor(join(FIX, 'isdir', 'report.txt'));
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /这是一个目录/);
    assert.equal(c.problems[0].file, join(FIX, 'isdir', CONFIG_FILE));
    assert.deepEqual(c.options, {});
  });

  it('a file that is not UTF-8: one problem, defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-cfg-'));
    writeFileSync(join(dir, CONFIG_FILE), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const c = loadConfigFor(join(dir, 'r.txt'));
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0].message, /不是有效的 UTF-8/);
    assert.deepEqual(c.options, {});
  });

  it('no config anywhere: defaults, no problem; a folder path works too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-none-'));
    if (findConfigFile(dir) === undefined) assert.deepEqual(loadConfigFor(join(dir, 'r.txt')), { options: {}, problems: [] });
    assert.equal(loadConfigFor(join(FIX, 'valid', 'sub')).file, join(FIX, 'valid', CONFIG_FILE));
  });

  it('reloads a changed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-reload-'));
    const file = join(dir, CONFIG_FILE);
    writeFileSync(file, '{ "profile": "gongzuo-zongjie" }');
    assert.equal(loadConfigFor(join(dir, 'r.txt')).options.profile, 'gongzuo-zongjie');
    writeFileSync(file, '{ "profile": "fazhi-zhengfu", "rounding": "round" }');
    assert.equal(loadConfigFor(join(dir, 'r.txt')).options.profile, 'fazhi-zhengfu');
  });

  it('a custom profile without extends', () => {
    const c = loadConfigFor(join(FIX, 'custom-profile', 'r.txt'));
    assert.deepEqual(c.problems, []);
    const p = getProfile(c.options.profile as string, c.options.profiles)!;
    assert.deepEqual(p.requiredParts, ['measures', 'plans']);
    assert.deepEqual(p.indicators.map((i) => [i.id, i.figure !== false]), [['peixun', true], ['zhidu', false]]);
  });
});

describe('configuration: bundled', () => {
  it('parses JSONC inside an esbuild bundle (jsonc-parser UMD main cannot be bundled)', async () => {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-bundle-'));
    const entry = join(dir, 'entry.ts');
    const out = join(dir, 'out.js');
    const config = join(__dirname, '..', '..', 'server', 'src', 'engine', 'config').replace(/\\/g, '/');
    writeFileSync(entry, `import { parseConfig } from '${config}';\nmodule.exports = parseConfig('{ /* c */ "profile": "gongzuo-zongjie", }', 'x');\n`);
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', absWorkingDir: join(__dirname, '..', '..') });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const result = require(out);
    assert.deepEqual(result, { options: { profile: 'gongzuo-zongjie' }, file: 'x', problems: [] });
  });
});
