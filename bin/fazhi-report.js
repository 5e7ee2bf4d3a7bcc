#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('fazhi-report: 未找到构建产物 dist/cli.js，请先运行 npm install 或 npm run build。\n');
  process.exit(2);
}
let mod;
try {
  mod = require(cli);
} catch (e) {
  process.stderr.write(`fazhi-report: 无法加载 dist/cli.js（${e && e.message ? e.message.split('\n')[0] : e}），请重新运行 npm run build。\n`);
  process.exit(2);
}
mod.main();
