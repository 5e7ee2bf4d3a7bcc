/**
 * Text of a Word (.docx) report, as the engine reads text: one line per paragraph, Word's automatic
 * numbering written out (`一、`, `（一）`, `1.` as Word shows them), headings without a number as
 * Markdown headings, tables as `| a | b |` rows. mammoth reads the document; the numbering
 * definitions, which mammoth does not expose, are read from `word/numbering.xml` here.
 */
import mammoth from 'mammoth';
import { zipEntries, zipRead, ZipError } from './zip';

export class DocxError extends Error {}

/** Largest XML part we inflate (a 20k-character report's document.xml is ~200 KB). */
const MAX_PART = 24 * 1024 * 1024;
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

// ---------------------------------------------------------------------------------------------
// Numbering definitions.

interface Level {
  fmt: string;
  text: string;
  start: number;
  legal: boolean;
  /** The paragraph style this level is linked to (numbered headings). */
  pStyle?: string;
}

interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

const RE_ABSTRACT = /<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g;
const RE_LVL = /<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g;
const RE_NUM = /<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g;
const RE_OVERRIDE = /<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g;
/** A paragraph: self-closing (empty) first, else its body up to `</w:p>`. */
const RE_PARA = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
const RE_T = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;
const RE_NUMPR = /<w:numPr>([\s\S]*?)<\/w:numPr>/;
const RE_PPR = /<w:pPr>([\s\S]*?)<\/w:pPr>/;
const RE_STYLE = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
const RE_SPACE = /\s+/g;

function attr(tagAttrs: string, name: string): string | undefined {
  const i = tagAttrs.indexOf(`${name}="`);
  if (i < 0) return undefined;
  const s = i + name.length + 2;
  const e = tagAttrs.indexOf('"', s);
  return e < 0 ? undefined : tagAttrs.slice(s, e);
}

function childVal(xml: string, tag: string): string | undefined {
  const i = xml.indexOf(`<${tag} `);
  if (i < 0) return undefined;
  const e = xml.indexOf('>', i);
  return attr(xml.slice(i, e), 'w:val');
}

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(RE_ABSTRACT)) {
    const id = attr(m[1], 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(RE_LVL)) {
      const ilvl = Number(attr(l[1], 'w:ilvl') ?? '0');
      levels.set(ilvl, {
        fmt: childVal(l[2], 'w:numFmt') ?? 'decimal',
        text: decodeXml(childVal(l[2], 'w:lvlText') ?? ''),
        start: Number(childVal(l[2], 'w:start') ?? '1') || 0,
        legal: l[2].includes('<w:isLgl'),
        pStyle: childVal(l[2], 'w:pStyle'),
      });
    }
    abstract.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const m of xml.matchAll(RE_NUM)) {
    const id = attr(m[1], 'w:numId');
    const abstractId = childVal(m[2], 'w:abstractNumId');
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, number>();
    for (const o of m[2].matchAll(RE_OVERRIDE)) {
      const start = childVal(o[2], 'w:startOverride');
      if (start !== undefined) overrides.set(Number(attr(o[1], 'w:ilvl') ?? '0'), Number(start));
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstract, nums };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the way Word's chineseCounting writes them). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += CN_DIGITS[h] + '百';
  if (t) s += (t === 1 && !h ? '' : CN_DIGITS[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += CN_DIGITS[u];
  return s;
}

function letters(n: number, upper: boolean): string {
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) while (n >= v) { s += r; n -= v; }
  return s;
}

/** One counter value in a Word number format. */
export function formatCounter(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographTraditional':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Numbering given by paragraph styles (`标题 1` numbered `一、` by the template): styleId → numId, ilvl. */
function styleNumbering(stylesXml: string | undefined): Map<string, { numId: string; ilvl?: number }> {
  const out = new Map<string, { numId: string; ilvl?: number }>();
  if (!stylesXml) return out;
  const basedOn = new Map<string, string>();
  for (const m of stylesXml.matchAll(RE_STYLE)) {
    const id = attr(m[1], 'w:styleId');
    if (id === undefined) continue;
    const parent = childVal(m[2], 'w:basedOn');
    if (parent) basedOn.set(id, parent);
    const pr = RE_NUMPR.exec(m[2]);
    if (!pr) continue;
    const numId = childVal(pr[1], 'w:numId');
    if (numId === undefined) continue;
    const ilvl = childVal(pr[1], 'w:ilvl');
    out.set(id, { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl) });
  }
  // styles based on a numbered style inherit its numbering
  for (const [id] of basedOn) {
    let p = basedOn.get(id);
    for (let depth = 0; p && depth < 10 && !out.has(id); depth++) {
      const n = out.get(p);
      if (n) out.set(id, n);
      p = basedOn.get(p);
    }
  }
  for (const v of out.values()) if (v.numId === '0') v.numId = '';
  return out;
}

/** The level whose `w:pStyle` names the style, else the style's own `w:ilvl`, else 0. */
function styleLevel(numbering: Numbering, numId: string, styleId: string, own: number | undefined): number {
  if (own !== undefined) return own;
  const num = numbering.nums.get(numId);
  const levels = num && numbering.abstract.get(num.abstractId);
  if (levels) for (const [ilvl, l] of levels) if (l.pStyle === styleId) return ilvl;
  return 0;
}

/** The label Word shows for each numbered paragraph of document.xml, in document order. */
function numberLabels(documentXml: string, numbering: Numbering | undefined, stylesXml?: string): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  if (!numbering) return out;
  const byStyle = styleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  const seenNum = new Set<string>();
  for (const m of documentXml.matchAll(RE_PARA)) {
    const body = m[1];
    if (!body) continue;
    const pr = RE_NUMPR.exec(body);
    let numId = pr ? childVal(pr[1], 'w:numId') : undefined;
    const ownLevel = pr ? childVal(pr[1], 'w:ilvl') : undefined;
    let ilvl = Number(ownLevel ?? '0');
    if (numId === undefined) {
      // numbering from the paragraph style (the paragraph may still set its own level)
      const pPr = RE_PPR.exec(body);
      const styleId = pPr ? childVal(pPr[1], 'w:pStyle') : undefined;
      const sn = styleId ? byStyle.get(styleId) : undefined;
      if (!sn || !sn.numId || !styleId) continue;
      numId = sn.numId;
      ilvl = ownLevel !== undefined ? ilvl : styleLevel(numbering, numId, styleId, sn.ilvl);
    }
    if (numId === undefined || numId === '0') continue;
    const num = numbering.nums.get(numId);
    const levels = num && numbering.abstract.get(num.abstractId);
    let label = '';
    if (num && levels && levels.has(ilvl)) {
      let c = counters.get(num.abstractId);
      if (!c) counters.set(num.abstractId, (c = []));
      if (!seenNum.has(numId)) {
        seenNum.add(numId);
        for (const [lv, start] of num.overrides) {
          c[lv] = start - 1;
          c.length = Math.max(c.length, lv + 1);
        }
      }
      for (let l = 0; l < ilvl; l++) if (c[l] === undefined) c[l] = levels.get(l)?.start ?? 1;
      c[ilvl] = c[ilvl] === undefined ? levels.get(ilvl)!.start : c[ilvl] + 1;
      c.length = ilvl + 1;
      const lvl = levels.get(ilvl)!;
      label = lvl.fmt === 'bullet' || lvl.fmt === 'none' ? '' : lvl.text.replace(/%([1-9])/g, (_, d: string) => {
        const l = Number(d) - 1;
        const def = levels.get(l);
        return formatCounter(c![l] ?? 1, lvl.legal ? 'decimal' : def?.fmt ?? 'decimal');
      });
      if (/[0-9A-Za-z]$/.test(label)) label += ' ';
    }
    let text = '';
    for (const t of body.matchAll(RE_T)) text += t[1];
    out.push({ key: decodeXml(text).replace(RE_SPACE, ''), label });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// mammoth's document tree → text.

interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  breakType?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

const RE_HEADING_STYLE = /^(?:heading|标题)\s*([1-9])$/i;
const RE_TITLE_STYLE = /^(?:title|标题|主标题)$/i;
/** A paragraph that already starts with a GB/T 9704 number (then it is not marked as a heading). */
const RE_HAS_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、，,．.]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[）)]|[0-9０-９]{1,2}[.．、])/;

function inlineText(n: MNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return '\t';
  if (n.type === 'break') return n.breakType === 'line' || !n.breakType ? ' ' : '';
  let s = '';
  if (n.children) for (const c of n.children) s += inlineText(c);
  return s;
}

function clean(s: string): string {
  // No line breaks inside one paragraph: one Word paragraph is one line of the extracted text.
  return s.replace(/[\r\n\u2028\u2029\v\f]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

function toLines(root: MNode, labels: { key: string; label: string }[]): string[] {
  const lines: string[] = [];
  let li = 0;
  /** Labels are matched by text; a paragraph mammoth sees as numbered may skip a few unmatched ones. */
  const labelFor = (text: string, numbered: boolean): string => {
    const key = text.replace(RE_SPACE, '');
    for (let j = li; j < Math.min(labels.length, li + (numbered ? 8 : 1)); j++) {
      if (labels[j].key === key) {
        li = j + 1;
        return labels[j].label;
      }
    }
    return '';
  };
  const paragraph = (p: MNode): void => {
    const text = clean(inlineText(p));
    const label = labelFor(text, !!p.numbering);
    if (!text && !label) return;
    const style = p.styleName ?? '';
    const hm = RE_HEADING_STYLE.exec(style);
    const level = hm ? Number(hm[1]) : RE_TITLE_STYLE.test(style) ? 1 : 0;
    if (level && !label && !RE_HAS_MARKER.test(text)) lines.push(`${'#'.repeat(Math.min(level, 6))} ${text}`);
    else lines.push(label + text);
  };
  const table = (t: MNode): void => {
    for (const row of t.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells = (row.children ?? []).map((cell) => {
        const parts: string[] = [];
        const walkCell = (n: MNode): void => {
          if (n.type === 'paragraph') {
            const text = clean(inlineText(n));
            parts.push(labelFor(text, !!n.numbering) + text);
          }
          else if (n.type === 'table') parts.push('（表格）');
          else for (const c of n.children ?? []) walkCell(c);
        };
        walkCell(cell);
        return parts.filter(Boolean).join(' ').replace(/\|/g, '｜');
      });
      if (cells.some(Boolean)) lines.push(`| ${cells.join(' | ')} |`);
    }
  };
  const walk = (n: MNode): void => {
    if (n.type === 'paragraph') paragraph(n);
    else if (n.type === 'table') table(n);
    else for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return lines;
}

/** Extracts the text of a .docx file; throws DocxError with a Chinese message when it cannot. */
export async function extractDocx(buf: Buffer): Promise<string> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new DocxError('这是旧版 Word（.doc）格式的文件，请在 Word 中另存为 .docx 后再检查');
  let numbering: Numbering | undefined;
  let documentXml: string;
  let stylesXml: string | undefined;
  try {
    const entries = zipEntries(buf);
    const doc = entries.get('word/document.xml');
    if (!doc) throw new DocxError('不是 Word 文档：压缩包中没有 word/document.xml');
    documentXml = zipRead(buf, doc, MAX_PART).toString('utf8');
    const num = entries.get('word/numbering.xml');
    if (num) numbering = readNumbering(zipRead(buf, num, MAX_PART).toString('utf8'));
    const styles = entries.get('word/styles.xml');
    if (num && styles) stylesXml = zipRead(buf, styles, MAX_PART).toString('utf8');
  } catch (e) {
    if (e instanceof DocxError) throw e;
    if (e instanceof ZipError) throw new DocxError('.docx 文件已损坏，无法解压（不是有效的 ZIP 压缩包）');
    throw e;
  }
  const labels = numberLabels(documentXml, numbering, stylesXml);
  let root: MNode | undefined;
  try {
    await mammoth.convertToHtml({ buffer: buf }, {
      // pictures are not read (mammoth would otherwise base64-encode every photo into the HTML)
      convertImage: NO_IMAGES,
      transformDocument: (d: MNode) => {
        root = d;
        return d;
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (e) {
    throw new DocxError(`.docx 文件已损坏，无法读取（${(e as Error).message?.slice(0, 80) ?? e}）`);
  }
  if (!root) throw new DocxError('.docx 文件无法读取');
  return toLines(root, labels).join('\n') + '\n';
}
