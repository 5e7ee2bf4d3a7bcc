import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { parseConfig, CONFIG_FILE } from '../../server/src/engine/config';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'fazhi-report.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: true, strictTuples: false, allErrors: true });
ajv.addKeyword('markdownDescription');
const validate = ajv.compile(schema);

describe('configuration: JSON schema', () => {
  for (const dir of ['valid', 'custom-profile']) {
    it(`accepts test/fixtures/config/${dir}`, () => {
      const text = readFileSync(join(ROOT, 'test', 'fixtures', 'config', dir, CONFIG_FILE), 'utf8');
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
      assert.deepEqual(parseConfig(text, dir).problems, []);
    });
  }

  const invalid: [string, unknown][] = [
    ['an unknown rule', { rules: { 'metrics/vauge-claim': 'off' } }],
    ['a wrong severity', { rules: { 'metrics/no-figures': 'warn' } }],
    ['options that are not an object', { rules: { 'metrics/no-figures': ['info', 'x'] } }],
    ['a wrong rounding', { rounding: 'floor' }],
    ['a word list that is not an array', { rules: { 'metrics/vague-claim': ['info', { words: '大幅提升' }] } }],
    ['an unknown key', { colour: 'red' }],
    ['an indicator without terms', { profiles: { a: { indicators: [{ id: 'a', name: 'A' }] } } }],
    ['an unknown part', { profiles: { a: { requiredParts: ['epilogue'] } } }],
  ];
  for (const [what, config] of invalid) {
    it(`rejects ${what}, as parseConfig does`, () => {
      assert.equal(validate(config), false);
      assert.ok(parseConfig(JSON.stringify(config), 'x').problems.length > 0);
    });
  }
});
