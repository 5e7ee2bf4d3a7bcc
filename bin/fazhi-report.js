#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');

// A check is a short run: TurboFan compiles functions it has barely used, on CPU the check needs.
// Capping the tiers at Maglev (in Node 20 that means the interpreter and Sparkplug) measured faster
// on every input size we tried, from one report to a 1,000-report folder and a 3 MB file
// (bench/RESULTS.md). Set before any code is compiled; the code cache below is made under it too.
// FAZHI_REPORT_FULL_OPT=1 keeps V8's defaults.
if (!process.env.FAZHI_REPORT_FULL_OPT) {
  try {
    require('v8').setFlagsFromString('--max-opt=2');
  } catch {
    // not fatal
  }
}

let stat;
try {
  stat = fs.statSync(cli);
} catch {
  process.stderr.write('fazhi-report: 未找到构建产物 dist/cli.js，请先运行 npm install 或 npm run build。\n');
  process.exit(2);
}

/**
 * Loads dist/cli.js like require() would, with V8's code cache (`dist/cli.js.cache`): compiling the
 * bundle and its functions on every start is a good part of a short run. The cache is tagged with
 * the bundle's size and mtime (V8 itself checks only the source length), rebuilt when missing or
 * rejected, written atomically, and ignored on any problem (read-only installs included).
 */
function load() {
  const vm = require('vm');
  const Module = require('module');
  const cacheFile = cli + '.cache';
  const tag = Buffer.from(`fazhi-report-cc:${stat.size}:${Math.round(stat.mtimeMs)}:${process.version}\n`);
  const source = fs.readFileSync(cli, 'utf8');
  let cachedData;
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.length > tag.length && buf.subarray(0, tag.length).equals(tag)) cachedData = buf.subarray(tag.length);
  } catch {
    // no cache yet
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
        fs.writeFileSync(tmp, Buffer.concat([tag, script.createCachedData()]));
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
