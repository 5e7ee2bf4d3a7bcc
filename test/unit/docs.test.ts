import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { allRuleMetas } from '../../server/src/engine/check';
import { rulesTable, configSchema, withTable } from '../../scripts/gen-rules-table';

const ROOT = join(__dirname, '..', '..');
const HAN = /[\u4e00-\u9fff]/g;

describe('docs', () => {
  const metas = allRuleMetas();

  it('every registered rule has a doc page with Chinese text first, then English', () => {
    const missing: string[] = [];
    for (const m of metas) {
      const file = join(ROOT, 'docs', 'rules', m.category, `${m.name}.md`);
      assert.equal(m.docs, `docs/rules/${m.category}/${m.name}.md`);
      if (!existsSync(file)) {
        missing.push(m.docs);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      assert.ok((text.match(HAN) ?? []).length >= 40, `${m.docs}: no Chinese text`);
      assert.ok(text.includes(m.id), `${m.docs}: does not name ${m.id}`);
      const en = text.search(/^#+\s*English/m);
      const zh = text.search(HAN);
      assert.ok(zh >= 0 && (en < 0 || zh < en), `${m.docs}: Chinese must come first`);
    }
    assert.deepEqual(missing, [], `rules without a doc page: ${missing.join(', ')}`);
  });

  it('every rule has Chinese and English descriptions and a unique id', () => {
    const ids = new Set<string>();
    for (const m of metas) {
      assert.ok(!ids.has(m.id), m.id);
      ids.add(m.id);
      assert.match(m.id, /^(structure|numbering|figures|metrics|wording|dates)\/[a-z0-9-]+$/);
      assert.ok(HAN.test(m.description), m.id);
      HAN.lastIndex = 0;
      assert.ok(m.descriptionEn.length > 0, m.id);
    }
  });

  it('the rules table lists every rule with a link to its page', () => {
    const table = rulesTable();
    const rows = table.trim().split('\n').slice(2);
    assert.equal(rows.length, metas.length);
    for (const m of metas) assert.ok(rows.some((r) => r.startsWith(`| \`${m.id}\` |`) && r.includes(`](${m.docs})`)), m.id);
  });

  it('README.md carries exactly the generated table between the markers', function () {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    if (start < 0 && end < 0) {
      // The markers are pasted by the maintainers; until then there is nothing to compare.
      console.warn('    README.md has no <!-- rules:start --> / <!-- rules:end --> markers yet');
      return;
    }
    assert.ok(start >= 0 && end > start, 'README.md: both markers, start before end');
    const inside = readme.slice(start + '<!-- rules:start -->'.length, end).trim();
    assert.equal(inside, rulesTable().trim(), 'README rules table is out of date: run node -r esbuild-register scripts/gen-rules-table.ts');
  });

  it('withTable replaces exactly the text between the markers', () => {
    const before = '# x\n\n<!-- rules:start -->\nold\n<!-- rules:end -->\n\nafter\n';
    const after = withTable(before)!;
    assert.equal(after, `# x\n\n<!-- rules:start -->\n${rulesTable()}<!-- rules:end -->\n\nafter\n`);
    assert.equal(withTable(after), after);
    assert.equal(withTable('no markers'), undefined);
  });

  it('the JSON schema names every rule and is what the generator writes', () => {
    const file = join(ROOT, 'schemas', 'fazhi-report.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    const ruleProps = Object.keys(schema.properties.rules.properties).sort();
    assert.deepEqual(ruleProps, metas.map((m) => m.id).sort());
    // the per-rule entries copy other engineers' metadata (descriptions, options) and may lag
    // behind a rewording; the ids and everything else must match the generator exactly
    const strip = (s: { properties: { rules: { properties: Record<string, unknown> } } }) => {
      const c = JSON.parse(JSON.stringify(s));
      for (const k of Object.keys(c.properties.rules.properties)) c.properties.rules.properties[k] = true;
      return c;
    };
    assert.deepEqual(strip(schema), strip(configSchema() as never), 'schema out of date: run node -r esbuild-register scripts/gen-rules-table.ts --schema > schemas/fazhi-report.schema.json');
  });

  it('docs/configuration.md documents the file, the profiles and the suppression comments', () => {
    const text = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    for (const w of ['.fazhi-report.json', 'profile', 'profiles', 'rules', 'rounding', 'fazhi-report-disable-next-line', 'fazhi-report-disable-line', 'fazhi-report-enable', 'structure/suppression-comment']) {
      assert.ok(text.includes(w), w);
    }
  });
});
