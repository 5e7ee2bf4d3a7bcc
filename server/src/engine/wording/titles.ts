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

const RE_DIGIT = /\d/;
const RE_CLOSE_AHEAD = /^\s*[)）]/;
const DASHES = new Set(['—', '–', '-', '－', '~', '～', '至', '‑', '−']);
const DROP = new Set(['“', '”', '"', '‘', '’', "'", '「', '」', '〈', '〉', '<', '>', '《', '》']);

/** Spaces, quotes and inner marks dropped; brackets, dashes and digits unified; `年）` → `)`. */
export function normalise(raw: string): Normal {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    let c = raw[i];
    const k = c.charCodeAt(0);
    if (c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0' || DROP.has(c)) continue;
    if (k >= 0xff10 && k <= 0xff19) c = String.fromCharCode(k - 0xfee0);
    else if (c === '（') c = '(';
    else if (c === '）') c = ')';
    else if (DASHES.has(c) && RE_DIGIT.test(chars[chars.length - 1] ?? '')) c = '-';
    else if (c === '年' && RE_DIGIT.test(chars[chars.length - 1] ?? '') && RE_CLOSE_AHEAD.test(raw.slice(i + 1, i + 4)) && chars.includes('(')) continue;
    chars.push(c);
    map.push(i);
  }
  map.push(raw.length);
  return { text: chars.join(''), map };
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

const RE_PERIOD = /\(\d{4}-\d{4}\)$/;
const RE_TYPE = /(?:(?:实施|指导|若干|暂行|试行)?(?:意见|方案|办法|细则|规定|条例|决定|决议|通知|规划|纲要|计划|指标体系)|法)$/;

export function splitTitle(core: string): { head: string; type: string; period: string; base: string } {
  const pm = RE_PERIOD.exec(core);
  const period = pm ? pm[0] : '';
  const base = pm ? core.slice(0, pm.index) : core;
  const tm = RE_TYPE.exec(base);
  const type = tm ? tm[0] : '';
  return { head: tm ? base.slice(0, tm.index) : base, type, period, base };
}

function known(doc: KnownDocument): KnownNormal {
  const n = normalise(doc.title).text;
  const core = n.startsWith(PRC) ? n.slice(PRC.length) : n;
  return { doc, core, ...splitTitle(core) };
}

export const KNOWN: readonly KnownNormal[] = DOCUMENTS.map(known);

let lastExtra: { key: string; list: KnownNormal[] } | undefined;
/** Known entries for titles a project adds (the last list is cached). */
export function knownFromTitles(titles: readonly string[]): KnownNormal[] {
  const key = titles.join('\n');
  if (lastExtra?.key !== key) lastExtra = { key, list: titles.map((title) => known({ title })) };
  return lastExtra.list;
}
