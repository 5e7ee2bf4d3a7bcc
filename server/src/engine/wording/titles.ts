/** Cited titles `《……》` in a paragraph and their normal form for comparison with known titles. */
import type { Paragraph } from '../document';
import { CENTRAL_ISSUERS, DOCUMENTS, KnownDocument } from './documents';
import * as scanning from './scan';
import type { WordingScan } from './scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { wordingScan } = scanning;

export interface CitedTitle {
  /** Title as written (logical text, without the marks). */
  raw: string;
  /** Logical offsets of the title text (inside the marks). */
  from: number;
  to: number;
  /** Nested inside another title (`《关于贯彻〈……〉的实施方案》`). */
  nested: boolean;
}

const MAX_TITLE = 100;
const BOOK_OPEN = 0x300a; // 《
const BOOK_CLOSE = 0x300b; // 》

/** The closing mark of a title opener `《` `〈` `<` (0: not an opener). */
function closerOf(code: number): number {
  return code === 0x300a ? 0x300b : code === 0x3008 ? 0x3009 : code === 0x3c ? 0x3e : 0;
}

/** Titles in book-title marks, outer and nested. `scan`: the paragraph's wording scan, when the caller has it. */
export function citedTitles(p: Paragraph, scan: WordingScan = wordingScan(p)): CitedTitle[] {
  const t = p.text;
  const out: CitedTitle[] = [];
  // the `《` come from the shared wording scan (in order); `next`: where the next one may start
  const marks = scan.quote;
  let next = 0;
  /** Index in `marks` of the first `》` after the current `《` (only moves forward). */
  let fc = 0;
  for (let h = 0; h < marks.length; h++) {
    const i = marks[h];
    if (i < next || t.charCodeAt(i) !== BOOK_OPEN) continue;
    next = i + 1;
    if (fc <= h) fc = h + 1;
    while (fc < marks.length && t.charCodeAt(marks[fc]) !== BOOK_CLOSE) fc++;
    if (fc >= marks.length) break;
    const firstClose = marks[fc];
    if (firstClose - i > MAX_TITLE) {
      // resume after the last `《` before that `》`
      let last = fc - 1;
      while (t.charCodeAt(marks[last]) !== BOOK_OPEN) last--;
      next = marks[last] + 1;
      continue;
    }
    // its closing `》` (every `《` and `》` is in `marks`)
    let depth = 0;
    let eh = -1;
    for (let x = h; x < marks.length; x++) {
      const k = marks[x];
      if (k - i > MAX_TITLE) break;
      const c = t.charCodeAt(k);
      if (c === BOOK_OPEN) depth++;
      else if (c === BOOK_CLOSE && --depth === 0) {
        eh = x;
        break;
      }
    }
    if (eh < 0) continue;
    const end = marks[eh];
    out.push({ raw: t.slice(i + 1, end), from: i + 1, to: end, nested: false });
    // nested titles (their openers `《` `〈` `<` are in `marks` too)
    let from = i + 1;
    for (let x = h + 1; x < eh; x++) {
      const j = marks[x];
      if (j < from) continue;
      const open = t.charCodeAt(j);
      const close = closerOf(open);
      if (close === 0) continue;
      const e2 = findClose(t, j, open, close);
      if (e2 > j && e2 < end) {
        out.push({ raw: t.slice(j + 1, e2), from: j + 1, to: e2, nested: true });
        from = e2 + 1;
      }
    }
    next = end + 1;
  }
  return out;
}

function findClose(t: string, at: number, open: number, close: number): number {
  let depth = 0;
  for (let k = at; k < t.length && k - at <= MAX_TITLE; k++) {
    const c = t.charCodeAt(k);
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

export interface Normal {
  text: string;
  /** map[i]: index in the raw string of normal char i; map[text.length] = raw length. */
  map: number[];
}

const RE_CLOSE_AHEAD = /^\s*[)）]/;

/** Characters dropped: spaces and quote and inner title marks (“ ” " ‘ ’ ' 「 」 〈 〉 < > 《 》). */
function dropped(k: number): boolean {
  switch (k) {
    case 0x20: case 0x09: case 0x3000: case 0xa0:
    case 0x201c: case 0x201d: case 0x22: case 0x2018: case 0x2019: case 0x27:
    case 0x300c: case 0x300d: case 0x3008: case 0x3009: case 0x3c: case 0x3e: case 0x300a: case 0x300b:
      return true;
    default:
      return false;
  }
}
/** Dashes between two years (— – - － ~ ～ 至 ‑ −). */
function isDash(k: number): boolean {
  return k === 0x2014 || k === 0x2013 || k === 0x2d || k === 0xff0d || k === 0x7e || k === 0xff5e || k === 0x81f3 || k === 0x2011 || k === 0x2212;
}

/** The characters normalise drops or may change: a title without any is its own normal form. */
const RE_SPECIAL = /[ \t\u3000\u00a0“”"‘’'「」〈〉<>《》０-９（）—–\-－~～至‑−年]/;

/** Spaces, quotes and inner marks dropped; brackets, dashes and digits unified; `年）` → `)`. */
export function normalise(raw: string): Normal {
  const map: number[] = [];
  if (!RE_SPECIAL.test(raw)) {
    for (let i = 0; i <= raw.length; i++) map.push(i);
    return { text: raw, map };
  }
  let text = '';
  /** The last character kept (0: none) and whether a `(` was kept. */
  let last = 0;
  let open = false;
  for (let i = 0; i < raw.length; i++) {
    let k = raw.charCodeAt(i);
    if (dropped(k)) continue;
    const afterDigit = last >= 0x30 && last <= 0x39;
    if (k >= 0xff10 && k <= 0xff19) k -= 0xfee0;
    else if (k === 0xff08) k = 0x28; // （
    else if (k === 0xff09) k = 0x29; // ）
    else if (afterDigit && isDash(k)) k = 0x2d;
    else if (k === 0x5e74 && afterDigit && open && RE_CLOSE_AHEAD.test(raw.slice(i + 1, i + 4))) continue; // 年 before the closing bracket
    if (k === 0x28) open = true;
    text += String.fromCharCode(k);
    map.push(i);
    last = k;
  }
  map.push(raw.length);
  return { text, map };
}

const PRC = '中华人民共和国';
const NORMAL_ISSUERS = CENTRAL_ISSUERS.map((s) => normalise(s).text).sort((a, b) => b.length - a.length);

/** Strips a central issuer (and 中华人民共和国) from the front; returns the normal index where the core starts. */
export function coreStart(n: string): number {
  let at = 0;
  for (const iss of NORMAL_ISSUERS) {
    if (n.startsWith(iss) && n.length > iss.length + 2 && n.slice(iss.length).startsWith('关于')) {
      at = iss.length;
      break;
    }
  }
  if (n.startsWith(PRC, at)) at += PRC.length;
  return at;
}

export interface KnownNormal {
  doc: KnownDocument;
  /** Normal core (without 中华人民共和国). */
  core: string;
  /** Core without a trailing period `(2021-2025)`. */
  base: string;
  /** Head, type word and period: `法治政府建设` + `实施纲要` + `(2021-2025)`. */
  head: string;
  type: string;
  period: string;
}

const RE_TYPE = /(?:(?:实施|指导|若干|暂行|试行)?(?:意见|方案|办法|细则|规定|条例|决定|决议|通知|规划|纲要|计划|指标体系)|法)$/;

function isDigitAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}
/** Where a trailing period `(2021-2025)` starts (-1: none). */
function periodStart(core: string): number {
  const n = core.length;
  const s = n - 11;
  if (s < 0 || core.charCodeAt(n - 1) !== 0x29 || core.charCodeAt(s) !== 0x28 || core.charCodeAt(s + 5) !== 0x2d) return -1;
  for (let k = 1; k <= 9; k++) if (k !== 5 && !isDigitAt(core, s + k)) return -1;
  return s;
}

export function splitTitle(core: string): { head: string; type: string; period: string; base: string } {
  const at = periodStart(core);
  const period = at >= 0 ? core.slice(at) : '';
  const base = at >= 0 ? core.slice(0, at) : core;
  const tm = RE_TYPE.exec(base);
  const type = tm ? tm[0] : '';
  return { head: tm ? base.slice(0, tm.index) : base, type, period, base };
}

function known(doc: KnownDocument): KnownNormal {
  const n = normalise(doc.title).text;
  const core = n.startsWith(PRC) ? n.slice(PRC.length) : n;
  const at = periodStart(core);
  // head and type (a regular expression) only when a comparison needs them
  let split: ReturnType<typeof splitTitle> | undefined;
  return {
    doc,
    core,
    base: at >= 0 ? core.slice(0, at) : core,
    period: at >= 0 ? core.slice(at) : '',
    get head(): string {
      return (split ??= splitTitle(core)).head;
    },
    get type(): string {
      return (split ??= splitTitle(core)).type;
    },
  };
}

export const KNOWN: readonly KnownNormal[] = DOCUMENTS.map(known);

let lastExtra: { key: string; list: KnownNormal[] } | undefined;
/** Known entries for titles a project adds (the last list is cached). */
export function knownFromTitles(titles: readonly string[]): KnownNormal[] {
  const key = titles.join('\n');
  if (lastExtra?.key !== key) lastExtra = { key, list: titles.map((title) => known({ title })) };
  return lastExtra.list;
}
