/**
 * Reading one report: `.md`/`.txt` as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK
 * (detected); `.docx` through mammoth. Every failure is a short Chinese reason, never an exception.
 */
import { readFileSync, statSync } from 'fs';
import { extname, join } from 'path';

/** Set by scripts/build.mjs in the bundles: the .docx reader is a separate file there (`dist/cli-docx.js`). */
declare const __FAZHI_BUNDLE__: boolean | undefined;

type DocxModule = typeof import('./docx');
let docxModule: DocxModule | undefined;

/**
 * The .docx reader (mammoth, XML, zip: most of the CLI's code) is loaded only when a .docx is met,
 * so checking text files does not pay for compiling it.
 */
function docxReader(): DocxModule {
  if (!docxModule) {
    docxModule = typeof __FAZHI_BUNDLE__ !== 'undefined' && __FAZHI_BUNDLE__
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ? (require(join(__dirname, 'cli-docx.js')) as DocxModule)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      : (require('./docx') as DocxModule);
  }
  return docxModule;
}

/** Extensions checked when a folder or a glob is given. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'] as const;
/** Files met in folders that look like reports but cannot be read: each gets a notice. */
export const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  '.doc': '旧版 Word（.doc）格式不受支持，请另存为 .docx',
  '.wps': 'WPS 格式不受支持，请另存为 .docx',
  '.pdf': 'PDF 不受支持，请提供 .docx 或文本文件',
};

/** Default size limits (bytes). A year's report is 20–100 KB of text; a .docx with photos a few MB. */
export const DEFAULT_MAX_TEXT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_DOCX_BYTES = 40 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'docx';

export interface ReadOk {
  text: string;
  encoding: Encoding;
}
export interface ReadFail {
  error: string;
}
export type ReadResult = ReadOk | ReadFail;

export interface ReadLimits {
  maxTextBytes?: number;
  maxDocxBytes?: number;
}

/** Decodes a file's bytes: UTF-8 (with or without BOM); the BOM stays in the text so offsets are exact. */
export function decode(buf: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
}

/** Share of a decoded text made of characters a Chinese report is written with. */
function plausibleChinese(text: string): boolean {
  let odd = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n++;
    const ok = (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x2460 && c <= 0x24ff) || c === 0xb7 || c === 0xd7 || c === 0xfeff;
    if (!ok) odd++;
  }
  return n === 0 || odd / n < 0.05;
}

/** Decodes text bytes, detecting the encoding; throws an Error with a Chinese reason when it cannot. */
export function decodeText(buf: Buffer): { text: string; encoding: Encoding } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(buf), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(buf), encoding: 'utf-16be' };
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw new Error('这是二进制文件，不是文本报告');
  try {
    return { text: decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 (a superset of GBK and GB2312)
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
  } catch {
    throw new Error('编码无法识别：既不是 UTF-8 也不是 GB18030/GBK，请转存为 UTF-8');
  }
  if (!plausibleChinese(text)) throw new Error('编码无法识别：既不是 UTF-8 也不是 GB18030/GBK，请转存为 UTF-8');
  return { text, encoding: 'gb18030' };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads and decodes one report. Never throws. */
export async function readReport(path: string, limits: ReadLimits = {}): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  const docx = ext === '.docx';
  const max = docx ? limits.maxDocxBytes ?? DEFAULT_MAX_DOCX_BYTES : limits.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  try {
    // Synchronous reads: checking is CPU-bound, and awaiting each read only leaves the thread idle.
    const st = statSync(path);
    if (st.isDirectory()) return { error: '这是一个目录' };
    if (!st.isFile()) return { error: '不是普通文件' };
    if (st.size > max) return { error: `文件过大（${mb(st.size)}，上限 ${mb(max)}），未检查` };
    if (st.size === 0) return { error: '文件为空' };
    const buf = readFileSync(path);
    if (docx) {
      let reader: DocxModule;
      try {
        reader = docxReader();
      } catch (e) {
        return { error: `无法加载 .docx 读取模块（${String((e as Error)?.message ?? e).split('\n')[0].slice(0, 100)}），请重新运行 npm run build` };
      }
      try {
        const text = await reader.extractDocx(buf);
        if (text.length > (limits.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES)) return { error: '.docx 中的文字过多，未检查' };
        if (!text.trim()) return { error: '.docx 中没有文字' };
        return { text, encoding: 'docx' };
      } catch (e) {
        return { error: e instanceof reader.DocxError ? e.message : `.docx 无法读取：${String((e as Error)?.message ?? e).slice(0, 100)}` };
      }
    }
    if (UNSUPPORTED_EXTENSIONS[ext]) return { error: UNSUPPORTED_EXTENSIONS[ext] };
    if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return { error: '这是压缩文件（ZIP/.docx），不是文本报告；Word 文件请使用 .docx 扩展名' };
    try {
      return decodeText(buf);
    } catch (e) {
      return { error: (e as Error).message };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      error: code === 'ENOENT' ? '文件不存在'
        : code === 'EACCES' || code === 'EPERM' ? '没有读取权限'
          : code === 'EISDIR' ? '这是一个目录'
            : `无法读取（${code ?? (e as Error).message}）`,
    };
  }
}
