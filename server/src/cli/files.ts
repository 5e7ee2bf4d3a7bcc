/**
 * From command-line paths to the list of reports: files as given, folders walked recursively
 * (skipping `node_modules` and `.git`, honouring `.fazhi-reportignore` files with gitignore-like
 * patterns) and globs (`reports/**\/*.docx`, `{a,b}`, `?`, `[...]`).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'path';
import { REPORT_EXTENSIONS, UNSUPPORTED_EXTENSIONS } from './read';

export const IGNORE_FILE = '.fazhi-reportignore';
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The path as the user should see it: as given, or the folder as given joined with the file's relative path. */
  display: string;
}

export interface Expansion {
  files: InputFile[];
  /** One line each: a folder with no reports, a glob matching nothing, a file type that is skipped. */
  notices: { display: string; message: string }[];
}

// ---------------------------------------------------------------------------------------------
// Glob patterns → regular expressions (paths with `/`).

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Converts a glob (`*`, `**`, `?`, `[...]`, `{a,b}`) into a regular-expression source, unanchored. */
export function globSource(glob: string): string {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      re += escapeRe(glob[++i]);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        let j = i + 2;
        if (atStart && glob[j] === '/') {
          re += '(?:[^/]*/)*';
          i = j;
        } else if (atStart && j === glob.length) {
          re += '.*';
          i = j - 1;
        } else {
          re += '[^/]*';
          i++;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        const neg = body[0] === '!' || body[0] === '^';
        if (neg) body = body.slice(1);
        re += `[${neg ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces) {
      braces--;
      re += ')';
    } else if (c === ',' && braces) re += '|';
    else re += escapeRe(c);
  }
  while (braces-- > 0) re += ')';
  return re;
}

export function isGlob(s: string): boolean {
  return /[*?[{]/.test(s);
}

// ---------------------------------------------------------------------------------------------
// `.fazhi-reportignore`: gitignore-like patterns relative to the folder holding the file.

interface IgnoreRule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export class IgnoreFile {
  readonly rules: IgnoreRule[] = [];

  /** `base`: the absolute folder the patterns are relative to. */
  constructor(readonly base: string, text: string) {
    for (let line of text.split(/\r?\n|\r/)) {
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      line = line.replace(/(?<!\\)\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      let negate = false;
      if (line.startsWith('!')) {
        negate = true;
        line = line.slice(1);
      } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
      let dirOnly = false;
      if (line.endsWith('/')) {
        dirOnly = true;
        line = line.replace(/\/+$/, '');
      }
      if (!line) continue;
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      const src = globSource(line);
      this.rules.push({ re: new RegExp(anchored ? `^${src}$` : `(?:^|/)${src}$`), negate, dirOnly });
    }
  }

  /** undefined when no rule speaks about the path; else whether it is ignored. */
  verdict(absPath: string, isDir: boolean): boolean | undefined {
    const rel = relative(this.base, absPath).split(sep).join('/');
    if (!rel || rel.startsWith('..')) return undefined;
    let v: boolean | undefined;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(rel)) v = !r.negate;
    }
    return v;
  }
}

function loadIgnore(dir: string, cache: Map<string, IgnoreFile | null>): IgnoreFile | null {
  let f = cache.get(dir);
  if (f === undefined) {
    const p = join(dir, IGNORE_FILE);
    try {
      f = new IgnoreFile(dir, readFileSync(p, 'utf8'));
    } catch {
      f = null;
    }
    cache.set(dir, f);
  }
  return f;
}

function ignored(stack: IgnoreFile[], abs: string, isDir: boolean): boolean {
  let v = false;
  for (const f of stack) {
    const r = f.verdict(abs, isDir);
    if (r !== undefined) v = r;
  }
  return v;
}

/** Ignore files from `cwd` down to `dir` (inclusive) when `dir` is inside `cwd`; else `dir`'s own. */
function ancestorIgnores(dir: string, cwd: string, cache: Map<string, IgnoreFile | null>): IgnoreFile[] {
  const out: IgnoreFile[] = [];
  const rel = relative(cwd, dir);
  const chain = !rel ? [cwd] : rel.startsWith('..') || isAbsolute(rel) ? [dir] : [cwd, ...rel.split(sep).map((_, i, a) => join(cwd, ...a.slice(0, i + 1)))];
  for (const d of chain) {
    const f = loadIgnore(d, cache);
    if (f) out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function isReport(name: string): boolean {
  return (REPORT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !name.startsWith('~$');
}

function joinDisplay(base: string, rel: string): string {
  if (!base || base === '.') return rel;
  return base.replace(/[\\/]+$/, '') + '/' + rel;
}

interface WalkOut {
  files: InputFile[];
  skipped: { display: string; message: string }[];
}

/** Walks `root` (absolute) recursively; `filter` gets the path relative to root, with `/`. */
function walk(root: string, display: string, cwd: string, cache: Map<string, IgnoreFile | null>, filter?: RegExp): WalkOut {
  const out: WalkOut = { files: [], skipped: [] };
  const seen = new Set<string>();
  const visit = (dir: string, relDir: string, stack: IgnoreFile[]): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.skipped.push({ display: joinDisplay(display, relDir) || display, message: `无法读取目录（${(e as NodeJS.ErrnoException).code ?? 'error'}）` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const abs = join(dir, ent.name);
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(ent.name) || ignored(stack, abs, true)) continue;
        const own = loadIgnore(abs, cache);
        visit(abs, rel, own ? [...stack, own] : stack);
      } else if (isFile) {
        if (ignored(stack, abs, false)) continue;
        if (filter && !filter.test(rel)) continue;
        const ext = extname(ent.name).toLowerCase();
        if (isReport(ent.name)) out.files.push({ path: abs, display: joinDisplay(display, rel) });
        else if (!filter && UNSUPPORTED_EXTENSIONS[ext] && !ent.name.startsWith('~$')) {
          out.skipped.push({ display: joinDisplay(display, rel), message: `已跳过：${UNSUPPORTED_EXTENSIONS[ext]}` });
        }
      }
    }
  };
  visit(root, '', ancestorIgnores(root, cwd, cache));
  return out;
}

/** Expands command-line paths into reports; never throws. */
export function expandInputs(args: string[], cwd: string): Expansion {
  const files: InputFile[] = [];
  const notices: Expansion['notices'] = [];
  const have = new Set<string>();
  const cache = new Map<string, IgnoreFile | null>();
  const add = (f: InputFile): void => {
    if (have.has(f.path)) return;
    have.add(f.path);
    files.push(f);
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const w = walk(abs, arg, cwd, cache);
      w.files.forEach(add);
      notices.push(...w.skipped);
      if (!w.files.length) notices.push({ display: arg, message: '目录中没有可检查的报告（.md、.txt、.docx）' });
    } else if (!st && isGlob(arg)) {
      const norm = arg.split('\\').join('/');
      const segs = norm.split('/');
      let k = 0;
      while (k < segs.length - 1 && !isGlob(segs[k])) k++;
      const baseDisplay = segs.slice(0, k).join('/') || (norm.startsWith('/') ? '/' : '');
      const base = resolve(cwd, baseDisplay || '.');
      const pattern = segs.slice(k).join('/');
      const re = new RegExp(`^${globSource(pattern)}$`);
      const w = existsSync(base) ? walk(base, baseDisplay, cwd, cache, re) : { files: [], skipped: [] };
      w.files.forEach(add);
      notices.push(...w.skipped);
      if (!w.files.length) notices.push({ display: arg, message: '没有文件与此模式匹配' });
    } else {
      // a file, or a path that does not exist: reading it gives the per-file error
      add({ path: abs, display: arg });
    }
  }
  return { files, notices };
}
