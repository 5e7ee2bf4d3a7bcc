import * as assert from 'assert';
import * as vscode from 'vscode';
import { existsSync } from 'fs';
import { join } from 'path';
import { api, EXTENSION_ID, closeAll, expected, open, openAndWait, ours, ruleOf, shown, waitFor, waitForFindings, wanted, withSetting } from './util';

describe('diagnostics', () => {
  after(closeAll);

  const seeds = ['haidong-2024-report', 'huangzhong-2024-report', 'haixi-2020-report', 'pingan-2023-report', 'haixi-2024-feature-article'];
  for (const seed of seeds) {
    it(`${seed}.fzbg shows exactly the engine's findings`, async () => {
      const name = `${seed}.fzbg`;
      const want = expected().files[name];
      assert.ok(want, `expectations for ${name}`);
      const { doc, diags } = await openAndWait(name);
      assert.deepStrictEqual(shown(doc, diags), wanted(want));
      const extPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
      for (const d of diags) {
        assert.strictEqual(d.source, 'fazhi-report');
        const code = d.code as { value: string; target: vscode.Uri };
        assert.ok(code && typeof code === 'object' && code.target, `diagnostic ${ruleOf(d)} links its rule's documentation`);
        if (existsSync(join(extPath, 'docs', 'rules', `${code.value}.md`))) {
          assert.strictEqual(code.target.fsPath, join(extPath, 'docs', 'rules', `${code.value}.md`), 'the link opens the page shipped with the extension');
        }
        assert.ok(/[\u4e00-\u9fff]/u.test(d.message), 'message in Chinese');
      }
      const messages = new Set(want.map((f) => f.message));
      assert.ok(diags.every((d) => messages.has(d.message) || [...messages].some((m) => d.message.includes(m))), 'messages are the engine\'s');
    });
  }

  it('a plain-text report (.txt) is recognised and checked', async () => {
    const want = expected().files['haidong-2024-report.txt'];
    const { doc, diags } = await openAndWait('haidong-2024-report.txt');
    assert.strictEqual(doc.languageId, 'plaintext');
    assert.strictEqual(diags.length, want.length);
  });

  it('a Markdown report is recognised and checked', async () => {
    const want = expected().files['draft-report.md'];
    assert.ok(want.length > 0, 'the engine finds something in draft-report.md');
    const { doc, diags } = await openAndWait('draft-report.md');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.deepStrictEqual(shown(doc, diags), wanted(want));
  });

  for (const name of ['README.md', 'project-readme.md']) {
    it(`a Markdown file that is not a report gets no diagnostics (${name})`, async () => {
      assert.ok(expected().files[name].length > 0, `the engine would find something in ${name} if asked`);
      const readme = await open(name);
      // a report opened after it: once its diagnostics are in, the server has seen the README too
      await openAndWait('draft-report.md');
      await waitFor(() => api().status(readme.doc.uri), `the server's status of ${name}`);
      assert.strictEqual(api().isChecked(readme.doc), false, `${name} is not taken for a report`);
      assert.deepStrictEqual(ours(readme.doc.uri).map((d) => d.message), []);
    });
  }

  it('documents: "all" checks a README, and "auto" hides its diagnostics again', async () => {
    const { doc } = await open('README.md');
    await waitFor(() => api().status(doc.uri), 'the server\'s status of README.md');
    assert.deepStrictEqual(ours(doc.uri), []);
    await withSetting('documents', 'all', doc.uri, async () => {
      await waitForFindings(doc, expected().files['README.md'], 'the README checked with documents: "all"');
    });
    await waitFor(() => ours(doc.uri).length === 0, 'no diagnostics with documents: "auto"');
  });

  it('run: onSave checks on save, not while typing', async () => {
    const { doc, diags } = await openAndWait('onsave.fzbg');
    const before = diags.length;
    const original = doc.getText();
    await withSetting('debounceMs', 0, doc.uri, () =>
      withSetting('run', 'onSave', doc.uri, async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, doc.positionAt(original.length), '\n截止目前，共办理案件10件。\n');
        assert.ok(await vscode.workspace.applyEdit(edit), 'edited');
        assert.ok(doc.isDirty, 'the edit is unsaved');
        // typing must not trigger a check: watch for a second (a check takes milliseconds here)
        const t0 = Date.now();
        while (Date.now() - t0 < 1000) {
          assert.strictEqual(ours(doc.uri).length, before, 'no check while typing with run: onSave');
          await new Promise((r) => setTimeout(r, 50));
        }
        // (in code-server a save occasionally reports false while the file model is busy: try again)
        let attempts = 0;
        await waitFor(async () => !doc.isDirty || ((attempts++, await doc.save()) && !doc.isDirty), 'the document saved');
        if (attempts > 1) console.log(`  (onsave.fzbg saved after ${attempts} attempts; closed: ${doc.isClosed})`);
        await waitFor(() => ours(doc.uri).length > before, 'a check after saving');
        assert.ok(ours(doc.uri).some((d) => ruleOf(d) === 'wording/jiezhi' && doc.getText(d.range) === '截止'), 'the new 截止 is reported');
      }),
    );
  });
});
