/**
 * The command line: `fazhi-report check [options] PATH...` — files, folders and globs of reports
 * (.md, .txt, .docx; UTF-8 or GBK), output as text, JSON, SARIF or a summary table.
 */
import { existsSync, statSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { RULES, RULES_BY_ID } from '../engine/rules';
import { BUILTIN_PROFILES } from '../engine/profile';
import { SEVERITIES, Severity } from '../engine/types';
import { checkFile, clearConfigCache, configFor, FileResult, Overrides } from './checkfile';
import { expandInputs, InputFile } from './files';
import { assemble, formatJson, formatText, RenderedFile, renderedCounts, renderFile, severityCounts } from './format';
import type { WorkerRequest, WorkerResponse } from './worker';
// a named import: the bundle keeps only the version string, not the whole package.json
import { version as pkgVersion } from '../../../package.json';

import { readReport } from './read';

export { decode, readReport } from './read';

export const VERSION: string = pkgVersion ?? '0.0.0';

// Loaded on first use, so that the common path (text output, a few files, one thread) does not pay for them.
/* eslint-disable @typescript-eslint/no-require-imports */
const sarif = (): typeof import('./sarif') => require('./sarif') as typeof import('./sarif');
const summary = (): typeof import('./summary') => require('./summary') as typeof import('./summary');
/* eslint-enable @typescript-eslint/no-require-imports */

const USAGE = `用法: fazhi-report check [选项] 路径...
      fazhi-report text 文件...      输出检查器读到的文字（.docx 提取的文字、GBK 解码后的文字），行号与检查结果一致
检查法治政府建设年度报告的结构、编号、数据与用语。路径可以是文件、目录（递归查找 .md、.txt、
.docx，遵循 .fazhi-reportignore，跳过 node_modules 与 .git）或通配模式（如 "报告/**/*.docx"）。

选项:
  -f, --format text|json|sarif   输出格式（默认 text）
  -s, --summary                  输出汇总表（每份报告一行，末尾合计与最常见的问题）；可与 --format json 合用
      --profile 名称             使用的配置方案（内置：${Object.keys(BUILTIN_PROFILES).join('、')}）
  -c, --config 文件              使用指定的配置文件（默认按每个报告所在目录查找 .fazhi-report.json）
      --no-config                不读取任何 .fazhi-report.json
  -r, --rule 规则=级别           调整规则级别（off、error、warning、info、hint），可重复；
                                 规则可写作“类别/*”，如 --rule "wording/*=off"
      --max-warnings 数量        警告多于此数时退出码为 1
  -q, --quiet                    只报告错误级问题
  -j, --jobs 数量                并行检查的线程数（默认：文件多时按 CPU 数）
  -o, --output 文件              把结果写入文件而不是标准输出（如 -f sarif -o fazhi.sarif）
      --no-color                 不使用颜色（也可设置环境变量 NO_COLOR）
  -h, --help                     显示帮助
  -v, --version                  显示版本

退出码: 0 没有错误级问题且警告不超过上限；1 有错误级问题、警告超过上限或有文件无法检查；
        2 用法错误，或没有任何可读取的输入。`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal and colours are wanted (main() folds NO_COLOR in). */
  isTTY: boolean;
  /** stderr is a terminal (progress allowed). */
  stderrIsTTY?: boolean;
  /** Working directory for relative paths (default process.cwd()). */
  cwd?: string;
}

type Format = 'text' | 'json' | 'sarif';

interface Parsed {
  format: Format;
  summary: boolean;
  paths: string[];
  overrides: Overrides;
  maxWarnings: number;
  jobs?: number;
  color: boolean;
  /** `-o FILE`: write the output there instead of stdout. */
  output?: string;
}

class UsageError extends Error {}

const RULE_SEVERITIES = ['off', ...SEVERITIES] as const;

function parseArgs(args: string[], io: CliIO, cwd: string): Parsed | number {
  const p: Parsed = { format: 'text', summary: false, paths: [], overrides: {}, maxWarnings: -1, color: io.isTTY };
  const rules: Record<string, Severity | 'off'> = {};
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (endOfOptions || !a.startsWith('-') || a === '-') {
      p.paths.push(a);
      continue;
    }
    if (a === '--') {
      endOfOptions = true;
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`选项 ${a} 需要一个值。`);
      return v;
    };
    switch (a) {
      case '-f':
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif，而不是“${f}”。`);
        p.format = f;
        break;
      }
      case '-s':
      case '--summary':
        p.summary = true;
        break;
      case '--profile': {
        p.overrides.profile = value();
        break;
      }
      case '-c':
      case '--config': {
        const file = resolve(cwd, value());
        if (!existsSync(file) || statSync(file).isDirectory()) throw new UsageError(`找不到配置文件“${file}”。`);
        p.overrides.configFile = file;
        break;
      }
      case '--no-config':
        p.overrides.noConfig = true;
        break;
      case '-r':
      case '--rule': {
        const v = value();
        const m = /^\s*([^=\s]+)\s*[=:]\s*([a-z]+)\s*$/.exec(v);
        if (!m) throw new UsageError(`--rule 的格式是 规则=级别，如 figures/sum=error，而不是“${v}”。`);
        const sev = m[2] as Severity | 'off';
        if (!(RULE_SEVERITIES as readonly string[]).includes(sev)) throw new UsageError(`级别只能是 ${RULE_SEVERITIES.join('、')}，而不是“${m[2]}”。`);
        if (m[1].endsWith('/*')) {
          const cat = m[1].slice(0, -2);
          const ids = RULES.filter((r) => r.meta.category === cat).map((r) => r.meta.id);
          if (!ids.length) throw new UsageError(`没有类别为“${cat}”的规则。`);
          for (const id of ids) rules[id] = sev;
        } else {
          if (!RULES_BY_ID.has(m[1])) throw new UsageError(`未知的规则“${m[1]}”。规则 id 形如 figures/sum，见 docs/rules/。`);
          rules[m[1]] = sev;
        }
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`--max-warnings 需要一个非负整数，而不是“${v}”。`);
        p.maxWarnings = Number(v);
        break;
      }
      case '-q':
      case '--quiet':
        p.overrides.quiet = true;
        break;
      case '-j':
      case '--jobs': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--jobs 需要一个非负整数，而不是“${v}”。`);
        p.jobs = Number(v);
        break;
      }
      case '--no-color':
        p.color = false;
        break;
      case '-o':
      case '--output':
        p.output = value();
        break;
      case '--color':
        p.color = true;
        break;
      case '-h':
      case '--help':
        io.stdout(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(`未知选项“${a}”。`);
    }
  }
  if (Object.keys(rules).length) p.overrides.rules = rules;
  if (p.overrides.profile && !BUILTIN_PROFILES[p.overrides.profile]) {
    // custom profiles: from --config, else from the configuration that applies in the working folder
    const custom = configFor(p.overrides.configFile ?? join(cwd, 'report.md'), p.overrides).options.profiles;
    if (!custom?.[p.overrides.profile]) {
      throw new UsageError(`未知的配置方案“${p.overrides.profile}”（内置：${Object.keys(BUILTIN_PROFILES).join('、')}；自定义方案请在配置文件的 profiles 中定义）。`);
    }
  }
  if (!p.paths.length) throw new UsageError('请指定要检查的文件、目录或通配模式。');
  return p;
}

/** The bundled worker script, when running from dist/ (from sources, files are checked in this thread). */
function workerScript(): string | undefined {
  const p = join(__dirname, 'cli-worker.js');
  return existsSync(p) ? p : undefined;
}

/** Files checked per batch before threads pay off. */
const PARALLEL_THRESHOLD = 24;

type Render = NonNullable<WorkerRequest['render']>;

interface Checked {
  results: FileResult[];
  /** With `render` and worker threads: each file's part of the output (the results are then slim: no text, no findings). */
  rendered?: RenderedFile[];
}

async function checkAll(files: InputFile[], o: Overrides, jobs: number | undefined, render: Render | undefined, progress: (done: number) => void): Promise<Checked> {
  const results: FileResult[] = new Array(files.length);
  const script = workerScript();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const n = jobs ?? (files.length >= PARALLEL_THRESHOLD ? Math.min((require('os') as typeof import('os')).availableParallelism(), 8) : 1);
  let done = 0;
  if (!script || n <= 1 || files.length < 2) {
    for (let i = 0; i < files.length; i++) {
      results[i] = await checkFile(files[i].path, files[i].display, o);
      progress(++done);
    }
    return { results };
  }
  const rendered: RenderedFile[] | undefined = render ? new Array(files.length) : undefined;
  await new Promise<void>((resolveAll) => {
    let next = 0;
    let live = 0;
    // files handed back by a worker that stopped before checking them
    const again: number[] = [];
    const take = (): number => (again.length ? (again.shift() as number) : next < files.length ? next++ : -1);
    const start = (): void => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker } = require('worker_threads') as typeof import('worker_threads');
      const w = new Worker(script);
      // Sent and not answered yet, in order: each worker has its next file waiting while it checks
      // one, so that it does not sit idle while this thread answers (on a busy machine that wait
      // can take a scheduler tick per file).
      const pending: number[] = [];
      let failed = false;
      live++;
      const feed = (): void => {
        const id = take();
        if (id < 0) {
          if (!pending.length) void w.terminate();
          return;
        }
        pending.push(id);
        const req: WorkerRequest = { id, path: files[id].path, display: files[id].display, overrides: o, ...(render ? { render } : {}) };
        w.postMessage(req);
      };
      w.on('message', (res: WorkerResponse) => {
        const k = pending.indexOf(res.id);
        if (k >= 0) pending.splice(k, 1);
        results[res.id] = res.result;
        if (rendered && res.rendered) rendered[res.id] = res.rendered;
        progress(++done);
        feed();
      });
      w.on('error', (err) => {
        // the file being checked is the oldest one sent; the others go to another worker
        failed = true;
        const current = pending.shift();
        if (current !== undefined && !results[current]) {
          results[current] = { file: files[current].display, path: files[current].path, findings: [], error: `检查时出错：${err.message}` };
          progress(++done);
        }
      });
      w.on('exit', (code) => {
        live--;
        // stopped without an 'error' event while checking: that file fails, the others go on
        const current = failed ? undefined : pending.shift();
        if (current !== undefined && !results[current]) {
          results[current] = { file: files[current].display, path: files[current].path, findings: [], error: `检查时出错：检查线程意外退出（退出码 ${code}）` };
          progress(++done);
        }
        for (const id of pending) if (!results[id]) again.push(id);
        pending.length = 0;
        if (again.length || next < files.length) start();
        else if (live === 0) resolveAll();
      });
      feed();
      feed();
    };
    for (let i = 0; i < Math.min(n, files.length); i++) start();
  });
  if (rendered && render) {
    // a file a worker failed on has a full (error) result from this thread: rendered here
    for (let i = 0; i < files.length; i++) if (!rendered[i]) rendered[i] = renderFile(results[i], render.format, render.color);
  }
  return { results, rendered };
}

/** `fazhi-report text FILE...`: the text the checker reads (decoded, or extracted from a .docx), to look up a line. */
async function printText(paths: string[], io: CliIO, cwd: string): Promise<number> {
  if (!paths.length) {
    io.stderr('fazhi-report: 请指定文件。用法: fazhi-report text 文件...\n');
    return 2;
  }
  let ok = 0;
  for (const p of paths) {
    const r = await readReport(resolve(cwd, p));
    if ('error' in r) io.stderr(`fazhi-report: ${p}: ${r.error}\n`);
    else {
      ok++;
      io.stdout(r.text.endsWith('\n') ? r.text : r.text + '\n');
    }
  }
  return ok === paths.length ? 0 : ok ? 1 : 2;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = [...argv];
  const cwd = io.cwd ?? process.cwd();
  if (!args.length || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') {
    io.stdout(USAGE + '\n');
    return args.length ? 0 : 2;
  }
  if (args[0] === '-v' || args[0] === '--version') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (args[0] === 'text') return printText(args.slice(1), io, cwd);
  if (args[0] !== 'check') {
    io.stderr(`fazhi-report: 未知命令“${args[0]}”。\n${USAGE}\n`);
    return 2;
  }
  args.shift();
  clearConfigCache();
  let p: Parsed;
  try {
    const r = parseArgs(args, io, cwd);
    if (typeof r === 'number') return r;
    p = r;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`fazhi-report: ${e.message}\n（fazhi-report --help 查看用法）\n`);
      return 2;
    }
    throw e;
  }

  const { files, notices } = expandInputs(p.paths, cwd);
  for (const n of notices) io.stderr(`fazhi-report: ${n.display}: ${n.message}\n`);
  if (!files.length) {
    io.stderr('fazhi-report: 没有找到可检查的报告。\n');
    return 2;
  }

  const showProgress = !!io.stderrIsTTY && files.length >= 10;
  let lastDraw = 0;
  const progress = (done: number): void => {
    if (!showProgress) return;
    const now = Date.now();
    if (done < files.length && now - lastDraw < 100) return;
    lastDraw = now;
    io.stderr(`\r检查中… ${done}/${files.length}`);
  };
  const color = p.color && !p.output;
  // json and text without --summary: with worker threads, each file's part is formatted in its thread
  const render: Render | undefined = p.format !== 'sarif' && !p.summary ? { format: p.format, color } : undefined;
  const { results, rendered } = await checkAll(files, p.overrides, p.jobs, render, progress);
  if (showProgress) io.stderr('\r\x1b[K');

  // Problems outside the findings: one line each, on stderr.
  const seenConfig = new Set<string>();
  const seenRuleErrors = new Set<string>();
  for (const r of results) {
    for (const cp of r.configProblems ?? []) {
      const key = `${cp.file}\u0000${cp.message}`;
      if (seenConfig.has(key)) continue;
      seenConfig.add(key);
      io.stderr(`fazhi-report: 配置 ${cp.file}: ${cp.message}\n`);
    }
    for (const re of r.ruleErrors ?? []) {
      if (seenRuleErrors.has(re.ruleId)) continue;
      seenRuleErrors.add(re.ruleId);
      io.stderr(`fazhi-report: 规则 ${re.ruleId} 出错（已跳过其结果）：${re.message}（首次出现于 ${r.file}）\n`);
    }
  }
  const machine = p.format !== 'text';
  if (machine) for (const r of results) if (r.error) io.stderr(`fazhi-report: ${r.file}: ${r.error}\n`);

  const output = rendered && render ? assemble(render.format, results, rendered)
    : p.format === 'sarif' ? sarif().formatSarif(results, cwd, VERSION)
    : p.summary
      ? p.format === 'json' ? summary().formatSummaryJson(summary().buildSummary(results)) : summary().formatSummaryText(summary().buildSummary(results), color)
      : p.format === 'json' ? formatJson(results) : formatText(results, color);
  if (p.output) {
    try {
      writeFileSync(resolve(cwd, p.output), output + '\n');
    } catch (e) {
      io.stderr(`fazhi-report: 无法写入 ${p.output}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
  } else io.stdout(output + '\n');

  if (results.every((r) => r.error)) return 2;
  const totals = rendered ? renderedCounts(rendered) : severityCounts(results);
  if (p.maxWarnings >= 0 && totals.warning > p.maxWarnings) {
    io.stderr(`fazhi-report: 警告 ${totals.warning} 处，超过 --max-warnings ${p.maxWarnings}。\n`);
    return 1;
  }
  return totals.error > 0 || results.some((r) => r.error) ? 1 : 0;
}

/** Entry used by `bin/fazhi-report.js`. */
export function main(): void {
  // `fazhi-report check … | head`: a closed pipe ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
    stderrIsTTY: !!process.stderr.isTTY,
  }).then((code) => {
    process.exitCode = code;
  }, (err: unknown) => {
    process.stderr.write(`fazhi-report: 内部错误：${(err as Error)?.stack ?? err}\n`);
    process.exitCode = 2;
  });
}
