/** CLI inputs: folders, `.fazhi-reportignore`, globs. */
import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { expandInputs, globSource, IgnoreFile } from '../../server/src/cli/files';

function tree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

describe('cli: globs and ignore patterns', () => {
  const m = (glob: string, path: string): boolean => new RegExp(`^${globSource(glob)}$`).test(path);

  it('matches *, **, ?, [..] and {a,b}', () => {
    assert.ok(m('*.md', 'a.md'));
    assert.ok(!m('*.md', 'x/a.md'), '* does not cross folders');
    assert.ok(m('**/*.docx', 'a.docx'));
    assert.ok(m('**/*.docx', '2024/县区/a.docx'));
    assert.ok(m('2024/**', '2024/a/b.txt'));
    assert.ok(m('报告?.txt', '报告1.txt'));
    assert.ok(!m('报告?.txt', '报告12.txt'));
    assert.ok(m('[ab]*.md', 'b1.md') && !m('[!ab]*.md', 'b1.md'));
    assert.ok(m('*.{md,txt}', 'x.txt') && !m('*.{md,txt}', 'x.docx'));
  });

  it('reads gitignore-like patterns: comments, negation, folders only, anchored', () => {
    const ig = new IgnoreFile('/r', '# drafts\n草稿/\n*.bak.md\n/top.md\n!keep.bak.md\n\\#hash.md\n');
    assert.equal(ig.verdict('/r/草稿', true), true);
    assert.equal(ig.verdict('/r/草稿', false), undefined, 'a trailing slash matches folders only');
    assert.equal(ig.verdict('/r/a/b.bak.md', false), true, 'no slash: any depth');
    assert.equal(ig.verdict('/r/a/keep.bak.md', false), false, 'negation re-includes');
    assert.equal(ig.verdict('/r/top.md', false), true);
    assert.equal(ig.verdict('/r/a/top.md', false), undefined, 'a leading slash anchors');
    assert.equal(ig.verdict('/r/#hash.md', false), true);
    assert.equal(ig.verdict('/elsewhere/x.bak.md', false), undefined);
  });
});

describe('cli: expanding paths', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'fzr-files-'));
    tree(root, {
      'reports/a.md': 'x',
      'reports/b.txt': 'x',
      'reports/县区/c.docx': 'x',
      'reports/县区/~$c.docx': 'x',
      'reports/县区/old.doc': 'x',
      'reports/notes.json': '{}',
      'reports/node_modules/x.md': 'x',
      'reports/.git/y.md': 'x',
      'reports/草稿/d.md': 'x',
      'reports/草稿/keep.md': 'x',
      'reports/e.bak.md': 'x',
      'reports/.fazhi-reportignore': '草稿/\n*.bak.md\n',
      'reports/sub/.fazhi-reportignore': 'f.md\n',
      'reports/sub/f.md': 'x',
      'reports/sub/g.md': 'x',
      'empty/readme.json': '{}',
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks a folder recursively, skipping node_modules, .git, Word lock files and ignored paths', () => {
    const { files, notices } = expandInputs(['reports'], root);
    assert.deepEqual(files.map((f) => f.display), ['reports/a.md', 'reports/b.txt', 'reports/sub/g.md', 'reports/县区/c.docx']);
    assert.equal(files[0].path, join(root, 'reports', 'a.md'));
    assert.deepEqual(notices, [{ display: 'reports/县区/old.doc', message: '已跳过：旧版 Word（.doc）格式不受支持，请另存为 .docx' }]);
  });

  it('an ignore file in the working folder applies to the folders below it', () => {
    writeFileSync(join(root, '.fazhi-reportignore'), 'b.txt\n');
    try {
      const { files } = expandInputs(['reports'], root);
      assert.ok(!files.some((f) => f.display.endsWith('b.txt')));
    } finally {
      rmSync(join(root, '.fazhi-reportignore'));
    }
  });

  it('follows a symbolic link to a folder once, without looping', () => {
    const loop = join(root, 'loop');
    mkdirSync(join(loop, 'a'), { recursive: true });
    writeFileSync(join(loop, 'a', 'r.md'), 'x');
    symlinkSync(loop, join(loop, 'a', 'back'), 'dir');
    try {
      const { files } = expandInputs(['loop'], root);
      assert.deepEqual(files.map((f) => f.display), ['loop/a/r.md']);
    } finally {
      rmSync(loop, { recursive: true, force: true });
    }
  });

  it('a folder with no reports, a glob matching nothing: one notice each', () => {
    const { files, notices } = expandInputs(['empty', 'reports/*.pdf'], root);
    assert.equal(files.length, 0);
    assert.deepEqual(notices.map((n) => n.display), ['empty', 'reports/*.pdf']);
    assert.match(notices[0].message, /没有可检查的报告/);
  });

  it('expands globs relative to their fixed prefix, honouring ignore files', () => {
    const { files } = expandInputs(['reports/**/*.{md,docx}'], root);
    assert.deepEqual(files.map((f) => f.display), ['reports/a.md', 'reports/sub/g.md', 'reports/县区/c.docx']);
    const top = expandInputs(['reports/*.txt'], root);
    assert.deepEqual(top.files.map((f) => f.display), ['reports/b.txt']);
  });

  it('files as given are kept (even ignored ones), once each; a missing path is left to the reader', () => {
    const { files, notices } = expandInputs(['reports/e.bak.md', 'reports/a.md', 'reports', 'nope.md'], root);
    assert.deepEqual(files.map((f) => f.display).slice(0, 2), ['reports/e.bak.md', 'reports/a.md']);
    assert.equal(files.filter((f) => f.display.endsWith('a.md')).length, 1);
    assert.equal(files[files.length - 1].display, 'nope.md');
    assert.equal(notices.length, 1);
  });
});
