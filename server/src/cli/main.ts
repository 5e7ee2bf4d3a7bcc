/** The command line: `fazhi-report check [--format text|json] FILE...` */
import { readFileSync, statSync } from 'fs';
import { check } from '../engine/check';
import { formatJson, formatText, FileResult } from './format';

const USAGE = `用法: fazhi-report check [选项] 文件...
检查法治政府建设年度报告的结构、编号、数据与用语。

选项:
  --format text|json   输出格式（默认 text）
  -h, --help           显示帮助
  -v, --version        显示版本

退出码: 0 无错误级问题；1 有错误级问题；2 用法错误或没有可读取的输入。`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** Decodes a file's bytes: UTF-8 (with or without BOM); the BOM stays in the text so offsets are exact. */
export function decode(buf: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
}

export function readReport(path: string): { text?: string; error?: string } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: '这是一个目录' };
    const buf = readFileSync(path);
    try {
      return { text: decode(buf) };
    } catch {
      return { error: '文件不是有效的 UTF-8 文本' };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : String((e as Error).message) };
  }
}

export function run(argv: string[], io: CliIO): number {
  const args = [...argv];
  if (!args.length || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') {
    io.stdout(USAGE + '\n');
    return args.length ? 0 : 2;
  }
  if (args[0] === '-v' || args[0] === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  if (args[0] !== 'check') {
    io.stderr(`fazhi-report: 未知命令“${args[0]}”。\n${USAGE}\n`);
    return 2;
  }
  args.shift();
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      format = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? '';
      if (format !== 'text' && format !== 'json') {
        io.stderr(`fazhi-report: --format 只能是 text 或 json，而不是“${format}”。\n`);
        return 2;
      }
    } else if (a === '-h' || a === '--help') {
      io.stdout(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`fazhi-report: 未知选项“${a}”。\n`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    io.stderr('fazhi-report: 请指定要检查的文件。\n');
    return 2;
  }
  const results: FileResult[] = [];
  for (const file of files) {
    const { text, error } = readReport(file);
    if (text === undefined) {
      results.push({ file, findings: [], error });
      if (format === 'json') io.stderr(`fazhi-report: ${file}: ${error}\n`);
      continue;
    }
    results.push({ file, text, findings: check(text) });
  }
  io.stdout((format === 'json' ? formatJson(results) : formatText(results, io.isTTY)) + '\n');
  if (results.every((r) => r.error)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Entry used by `bin/fazhi-report.js`. */
export function main(): void {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}
