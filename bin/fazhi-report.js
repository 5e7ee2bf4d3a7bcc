#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');

let stat;
try {
  stat = fs.statSync(cli);
} catch {
  process.stderr.write('fazhi-report: 未找到构建产物 dist/cli.js，请先运行 npm install 或 npm run build。\n');
  process.exit(2);
}

// `fazhi-report --version` answers from package.json without loading the bundle (what `run()` prints
// too: the version the bundle was built with, taken from the same file).
if (process.argv[2] === '-v' || process.argv[2] === '--version') {
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    // no package.json next to bin/: the bundle answers
  }
  if (typeof version === 'string' && version) {
    process.stdout.write(version + '\n');
    return;
  }
}

// A check is a short run: TurboFan compiles functions it has barely used, on CPU the check needs.
// Capping the tiers at Maglev (in Node 20 that means the interpreter and Sparkplug) measured faster
// on every input size we tried, from one report to a 1,000-report folder and a 3 MB file
// (bench/RESULTS.md). Regular expressions: compiled to machine code on their first use instead of
// being interpreted once first (most run many times per report; measured faster on one report and
// the five seeds, no slower on the batch). Set before any code is compiled; the code cache below is
// made under them too. FAZHI_REPORT_FULL_OPT=1 keeps V8's defaults.
const v8 = require('v8');
if (!process.env.FAZHI_REPORT_FULL_OPT) {
  try {
    v8.setFlagsFromString('--max-opt=2');
    v8.setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // not fatal
  }
}

/**
 * Loads dist/cli.js like require() would, with V8's code cache (`dist/cli.js.cache`): compiling the
 * bundle and its functions on every start is a good part of a short run. The cache is tagged with
 * the bundle's size and mtime (V8 itself checks only the source length), rebuilt when missing or
 * rejected, written atomically, and ignored on any problem (read-only installs included).
 *
 * V8 rejects a cache made under other V8 flags (`--max-old-space-size`, `--stack-size`, often in
 * NODE_OPTIONS; FAZHI_REPORT_FULL_OPT): the cache's second line holds the flags' tag
 * (v8.cachedDataVersionTag()), and a run under other flags keeps its own cache
 * (`cli.js.cache-<tag>`) instead of replacing the usual one at every run.
 */
function load() {
  const vm = require('vm');
  const Module = require('module');
  const tag = `fazhi-report-cc:${stat.size}:${Math.round(stat.mtimeMs)}:${process.version}\n`;
  const flags = `${v8.cachedDataVersionTag()}\n`;
  const head = Buffer.from(tag + flags);
  const source = fs.readFileSync(cli, 'utf8');
  let cacheFile = cli + '.cache';
  let cachedData;
  const read = (file) => {
    try {
      return fs.readFileSync(file);
    } catch {
      return undefined; // no cache yet
    }
  };
  let buf = read(cacheFile);
  if (buf && buf.length > head.length && buf.subarray(0, head.length).equals(head)) {
    cachedData = buf.subarray(head.length);
  } else if (buf && buf.subarray(0, tag.length).toString('latin1') === tag) {
    const nl = buf.indexOf(10, tag.length);
    if (nl > tag.length && /^\d+$/.test(buf.subarray(tag.length, nl).toString('latin1'))) {
      // the usual cache, made under other V8 flags: this run's flags have their own file
      cacheFile = `${cli}.cache-${flags.trim()}`;
      buf = read(cacheFile);
      if (buf && buf.length > head.length && buf.subarray(0, head.length).equals(head)) cachedData = buf.subarray(head.length);
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: cli, cachedData });
  const mod = new Module(cli, module);
  mod.filename = cli;
  mod.paths = Module._nodeModulePaths(path.dirname(cli));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(cli), mod, cli, path.dirname(cli));
  mod.loaded = true;
  if ((!cachedData || script.cachedDataRejected) && !process.env.FAZHI_REPORT_NO_CODE_CACHE) {
    // written at exit, so that it holds the functions this run compiled
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, Buffer.concat([head, script.createCachedData()]));
        fs.renameSync(tmp, cacheFile);
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          // nothing to clean
        }
      }
    });
  }
  return mod.exports;
}

let mod;
try {
  mod = process.env.FAZHI_REPORT_NO_CODE_CACHE ? require(cli) : load();
} catch (e) {
  process.stderr.write(`fazhi-report: 无法加载 dist/cli.js（${e && e.message ? e.message.split('\n')[0] : e}），请重新运行 npm run build。\n`);
  process.exit(2);
}
mod.main();
