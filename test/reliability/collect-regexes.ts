/**
 * Collects every regular expression the engine uses: literals found in the engine's source with the
 * TypeScript parser, and every `RegExp` constructed while the engine loads and checks the seeds
 * (recorded through a proxy installed before the engine is required). Prints JSON to stdout.
 * Run in a child process so that the proxy sees the engine's first load.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

interface Found { source: string; flags: string; where: string }
const found: Found[] = [];
const root = join(__dirname, '..', '..');

const Orig = RegExp;
const record = (args: unknown[], where: string) => {
  const [p, f] = args;
  if (p instanceof Orig) found.push({ source: p.source, flags: typeof f === 'string' ? f : p.flags, where });
  else if (typeof p === 'string') found.push({ source: p, flags: typeof f === 'string' ? f : '', where });
};
(globalThis as { RegExp: RegExpConstructor }).RegExp = new Proxy(Orig, {
  construct(target, args, newTarget) {
    const stack = new Error().stack?.split('\n')[2]?.trim() ?? '';
    if (/server[\\/]src[\\/]engine/.test(stack)) record(args, stack);
    return Reflect.construct(target, args, newTarget);
  },
  apply(target, thisArg, args) {
    const stack = new Error().stack?.split('\n')[2]?.trim() ?? '';
    if (/server[\\/]src[\\/]engine/.test(stack)) record(args, stack);
    return Reflect.apply(target, thisArg, args);
  },
});

function walk(dir: string, out: string[]): void {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
}
const files: string[] = [];
walk(join(root, 'server', 'src', 'engine'), files);
for (const file of files) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const last = text.lastIndexOf('/');
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push({ source: text.slice(1, last), flags: text.slice(last + 1), where: `${relative(root, file)}:${line + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// Load the engine through the proxy and exercise it, so regexes built at run time are seen too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check } = require('../../server/src/engine/check') as typeof import('../../server/src/engine/check');
const seeds = join(root, 'test', 'fixtures', 'seeds');
for (const n of readdirSync(seeds)) check(readFileSync(join(seeds, n), 'utf8'));

const seen = new Set<string>();
const unique = found.filter((f) => {
  const k = f.source + '/' + f.flags.replace(/[gy]/g, '');
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
});
process.stdout.write(JSON.stringify(unique));
