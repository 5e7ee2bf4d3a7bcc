/**
 * Project configuration: `.fazhi-report.json` (JSON with comments), found in the document's folder
 * or the nearest parent. Configuration is data only: nothing in it is ever required or evaluated.
 *
 * Every problem (malformed JSON, a wrong type, an unknown rule, a missing profile, a config path
 * that is a directory or cannot be read) gives one Chinese message saying what is wrong and where;
 * the part at fault falls back to its default and checking goes on.
 */
import { readFileSync, statSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { Node, ParseError } from 'jsonc-parser';
import type { CheckOptions, RuleSetting } from './check';
import { ALL_RULES, ALL_RULE_IDS } from './check';
import type { Indicator, Profile } from './profile';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, PART_KINDS } from './profile';
import type { PartKind } from './classify';
import { SEVERITIES } from './types';
import type { Severity } from './types';
import { suggestRuleId } from './suppress';
import { LineIndex } from './text';

type Jsonc = typeof import('jsonc-parser');

/**
 * jsonc-parser's `main` is a UMD build whose inner `require('./impl/…')` calls a bundler cannot
 * follow: in an esbuild bundle it throws at load time. Under Node (tests) the UMD build works; in a
 * bundle the ESM build (bundled from this second literal require) does. Loaded once, lazily.
 */
let jsoncModule: Jsonc | undefined;
function jsonc(): Jsonc {
  if (!jsoncModule) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jsoncModule = require('jsonc-parser') as Jsonc;
      jsoncModule.parseTree('{}');
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jsoncModule = require('jsonc-parser/lib/esm/main.js') as Jsonc;
    }
  }
  return jsoncModule;
}

function findNodeAtLocation(root: Node, path: (string | number)[]): Node | undefined {
  return jsonc().findNodeAtLocation(root, path);
}

function getNodeValue(node: Node): unknown {
  return jsonc().getNodeValue(node);
}

export interface ConfigProblem {
  /** The config file the problem is in (not repeated in `message`: show `file: message`). */
  file: string;
  /** Chinese message saying what is wrong and where in the file (`第 3 行第 5 列：…`). */
  message: string;
  /** UTF-16 offset in the config file, when known. */
  offset?: number;
  /** Length of the faulty text at `offset`. */
  length?: number;
  /** 0-based line and character of `offset`. */
  line?: number;
  character?: number;
}

export interface LoadedConfig {
  /** Options for `check()`, defaults where the file is missing or invalid. */
  options: CheckOptions;
  /** The config file used, if any. */
  file?: string;
  problems: ConfigProblem[];
}

export const CONFIG_FILE = '.fazhi-report.json';

const TOP_KEYS = ['$schema', 'profile', 'profiles', 'rules', 'rounding'];
const PROFILE_KEYS = ['extends', 'description', 'requiredParts', 'optionalParts', 'indicators', 'addIndicators', 'removeIndicators'];
const INDICATOR_KEYS = ['id', 'name', 'terms', 'figure', 'scope'];
const ROUNDING = ['round-or-truncate', 'round'];
const SETTINGS = ['off', ...SEVERITIES];

const PARSE_ERRORS_ZH: Record<string, string> = {
  InvalidSymbol: '无效的字符',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为属性名（用双引号括起）',
  ValueExpected: '此处应为一个值',
  ColonExpected: '此处缺少冒号“:”',
  CommaExpected: '此处缺少逗号“,”',
  CloseBraceExpected: '缺少右花括号“}”',
  CloseBracketExpected: '缺少右方括号“]”',
  EndOfFileExpected: '在文件结束处之后还有多余内容',
  InvalidCommentToken: '注释格式错误',
  UnexpectedEndOfComment: '注释没有结束（缺少“*/”）',
  UnexpectedEndOfString: '字符串没有结束（缺少右引号）',
  UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '字符串中有无效字符',
};

function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  switch (typeof v) {
    case 'string': return '字符串';
    case 'number': return '数字';
    case 'boolean': return '布尔值';
    case 'object': return '对象';
    default: return typeof v;
  }
}

class Reporter {
  readonly problems: ConfigProblem[] = [];
  private lines?: LineIndex;

  constructor(private readonly file: string, private readonly text: string, private readonly shift = 0) {}

  add(message: string, node?: Node, offset?: number, length?: number): void {
    const off = node ? node.offset : offset;
    const len = node ? node.length : length;
    if (off === undefined) {
      this.problems.push({ file: this.file, message });
      return;
    }
    const o = off + this.shift;
    this.lines ??= new LineIndex(this.text);
    const pos = this.lines.positionAt(o);
    this.problems.push({
      file: this.file,
      message: `第 ${pos.line + 1} 行第 ${pos.character + 1} 列：${message}`,
      offset: o,
      length: len,
      line: pos.line,
      character: pos.character,
    });
  }
}

function prop(obj: Node, key: string): Node | undefined {
  return findNodeAtLocation(obj, [key]);
}

function checkKeys(obj: Node, allowed: string[], where: string, r: Reporter): void {
  for (const p of obj.children ?? []) {
    const k = p.children?.[0];
    if (!k || typeof k.value !== 'string') continue;
    if (!allowed.includes(k.value)) r.add(`${where}中有未知的设置项“${k.value}”（可用：${allowed.filter((x) => x !== '$schema').join('、')}），已忽略。`, k);
  }
}

function stringArray(node: Node | undefined, what: string, r: Reporter): string[] | undefined {
  if (!node) return undefined;
  const v = getNodeValue(node);
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    r.add(`${what}应为字符串数组，而不是${typeName(v)}，已忽略。`, node);
    return undefined;
  }
  return v as string[];
}

function partList(node: Node | undefined, what: string, r: Reporter): PartKind[] | undefined {
  const v = stringArray(node, what, r);
  if (!v) return undefined;
  const bad = v.filter((x) => !(PART_KINDS as readonly string[]).includes(x));
  if (bad.length) {
    r.add(`${what}中的“${bad.join('、')}”不是报告部分的名称（可用：${PART_KINDS.join('、')}），已忽略。`, node);
    return v.filter((x) => !bad.includes(x)) as PartKind[];
  }
  return v as PartKind[];
}

function readIndicators(node: Node | undefined, what: string, r: Reporter): Indicator[] | undefined {
  if (!node) return undefined;
  if (node.type !== 'array') {
    r.add(`${what}应为指标数组，而不是${typeName(getNodeValue(node))}，已忽略。`, node);
    return undefined;
  }
  const out: Indicator[] = [];
  (node.children ?? []).forEach((n, i) => {
    const w = `${what}第 ${i + 1} 项`;
    if (n.type !== 'object') {
      r.add(`${w}应为对象（含 id、name、terms），已忽略。`, n);
      return;
    }
    checkKeys(n, INDICATOR_KEYS, w, r);
    const v = getNodeValue(n) as Record<string, unknown>;
    const terms = v.terms;
    if (typeof v.id !== 'string' || !v.id || typeof v.name !== 'string' || !v.name ||
      !Array.isArray(terms) || !terms.length || !terms.every((t) => typeof t === 'string' && t.length > 0)) {
      r.add(`${w}无效：需要非空的 id（字符串）、name（字符串）和 terms（非空字符串数组），已忽略。`, n);
      return;
    }
    if (v.figure !== undefined && typeof v.figure !== 'boolean') r.add(`${w}的 figure 应为 true 或 false，已按 true 处理。`, prop(n, 'figure'));
    if (v.scope !== undefined && v.scope !== 'any' && v.scope !== 'government') r.add(`${w}的 scope 只能是“any”或“government”，已按“any”处理。`, prop(n, 'scope'));
    out.push({
      id: v.id,
      name: v.name,
      terms: terms as string[],
      ...(v.figure === false ? { figure: false } : {}),
      ...(v.scope === 'government' ? { scope: 'government' as const } : {}),
    });
  });
  return out;
}

/** Resolves the project's profiles (with `extends`) into complete profiles. */
function readProfiles(node: Node | undefined, r: Reporter): Record<string, Profile> | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    r.add(`“profiles”应为对象（报告类型名 → 定义），而不是${typeName(getNodeValue(node))}，已忽略。`, node);
    return undefined;
  }
  const defs = new Map<string, Node>();
  for (const p of node.children ?? []) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (!k || !v || typeof k.value !== 'string') continue;
    if (k.value === '__proto__' || !k.value.trim()) {
      r.add(`“${k.value}”不能用作报告类型的名称，已忽略。`, k);
      continue;
    }
    if (v.type !== 'object') {
      r.add(`报告类型“${k.value}”的定义应为对象，已忽略。`, v);
      continue;
    }
    defs.set(k.value, v);
  }
  const done: Record<string, Profile> = {};
  const resolving = new Set<string>();
  const build = (name: string): Profile | undefined => {
    const ready = own(done, name);
    if (ready) return ready;
    const n = defs.get(name);
    if (!n) return undefined;
    if (resolving.has(name)) {
      r.add(`报告类型“${name}”的 extends 形成了循环，已忽略。`, prop(n, 'extends'));
      return undefined;
    }
    resolving.add(name);
    const w = `报告类型“${name}”`;
    checkKeys(n, PROFILE_KEYS, w, r);
    let base: Profile = { name, description: '', requiredParts: ['measures', 'problems', 'plans'], optionalParts: [], indicators: [] };
    const ext = prop(n, 'extends');
    if (ext) {
      const e = getNodeValue(ext);
      let found: Profile | undefined;
      if (typeof e !== 'string') r.add(`${w}的 extends 应为字符串，而不是${typeName(e)}，已忽略。`, ext);
      else {
        found = e !== name && defs.has(e) ? build(e) : own(BUILTIN_PROFILES, e);
        if (!found && !(e !== name && defs.has(e))) r.add(`${w}继承的报告类型“${e}”不存在（可用：${[...Object.keys(BUILTIN_PROFILES), ...defs.keys()].join('、')}），已忽略。`, ext);
      }
      if (found) base = found;
    }
    const desc = prop(n, 'description');
    const dv = desc ? getNodeValue(desc) : undefined;
    if (desc && typeof dv !== 'string') r.add(`${w}的 description 应为字符串。`, desc);
    let indicators = readIndicators(prop(n, 'indicators'), `${w}的 indicators`, r) ?? base.indicators;
    const add = readIndicators(prop(n, 'addIndicators'), `${w}的 addIndicators`, r);
    if (add) indicators = [...indicators.filter((i) => !add.some((a) => a.id === i.id)), ...add];
    const remove = stringArray(prop(n, 'removeIndicators'), `${w}的 removeIndicators`, r);
    if (remove) {
      const unknown = remove.filter((id) => !indicators.some((i) => i.id === id));
      if (unknown.length) r.add(`${w}要移除的指标“${unknown.join('、')}”不存在（现有：${indicators.map((i) => i.id).join('、') || '无'}）。`, prop(n, 'removeIndicators'));
      indicators = indicators.filter((i) => !remove.includes(i.id));
    }
    const profile: Profile = {
      name,
      description: typeof dv === 'string' ? dv : base.description,
      requiredParts: partList(prop(n, 'requiredParts'), `${w}的 requiredParts`, r) ?? base.requiredParts,
      optionalParts: partList(prop(n, 'optionalParts'), `${w}的 optionalParts`, r) ?? base.optionalParts,
      indicators,
    };
    resolving.delete(name);
    done[name] = profile;
    return profile;
  };
  for (const name of defs.keys()) build(name);
  return done;
}

/** The type of a default option value, to check a configured one against. */
function sameType(def: unknown, v: unknown): boolean {
  if (Array.isArray(def)) return Array.isArray(v);
  if (def === null || def === undefined) return true;
  if (typeof def === 'object') return !!v && typeof v === 'object' && !Array.isArray(v);
  return typeof def === typeof v;
}

function readRules(node: Node | undefined, r: Reporter): Record<string, RuleSetting> | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    r.add(`“rules”应为对象（规则编号 → 设置），而不是${typeName(getNodeValue(node))}，已忽略。`, node);
    return undefined;
  }
  const out: Record<string, RuleSetting> = {};
  for (const p of node.children ?? []) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (!k || !v || typeof k.value !== 'string') continue;
    const id = k.value;
    const rule = ALL_RULES.find((x) => x.meta.id === id);
    if (!rule) {
      const hint = suggestRuleId(id, ALL_RULE_IDS);
      r.add(`规则“${id}”不存在${hint ? `，是否应为“${hint}”` : ''}？该设置已忽略。`, k);
      continue;
    }
    const value = getNodeValue(v);
    const badSetting = `规则“${id}”的设置应为 "off"、"hint"、"info"、"warning"、"error"，或 ["warning", { 选项 }] 这样的数组`;
    if (typeof value === 'string') {
      if (!SETTINGS.includes(value)) {
        r.add(`${badSetting}，而不是“${value}”。已使用默认设置。`, v);
        continue;
      }
      out[id] = value as RuleSetting;
      continue;
    }
    if (!Array.isArray(value) || value.length < 1 || value.length > 2 || typeof value[0] !== 'string' || !SETTINGS.includes(value[0])) {
      r.add(`${badSetting}。已使用默认设置。`, v);
      continue;
    }
    const sev = value[0] as 'off' | Severity;
    if (value.length === 1) {
      out[id] = [sev];
      continue;
    }
    const opts = value[1];
    const optsNode = v.children?.[1];
    if (!opts || typeof opts !== 'object' || Array.isArray(opts)) {
      r.add(`规则“${id}”的选项应为对象，而不是${typeName(opts)}。已只采用严重程度。`, optsNode);
      out[id] = [sev];
      continue;
    }
    const clean: Record<string, unknown> = {};
    const defaults = rule.meta.defaultOptions ?? {};
    for (const [key, val] of Object.entries(opts as Record<string, unknown>)) {
      if (key in defaults && !sameType(defaults[key], val)) {
        const want = typeName(defaults[key]);
        r.add(`规则“${id}”的选项“${key}”应为${want}，而不是${typeName(val)}，已使用默认值。`, optsNode ? prop(optsNode, key) : v);
        continue;
      }
      if (key === 'rounding' && !ROUNDING.includes(val as string)) {
        r.add(`规则“${id}”的选项“rounding”只能是 ${ROUNDING.map((x) => `"${x}"`).join(' 或 ')}，已使用默认值。`, optsNode ? prop(optsNode, key) : v);
        continue;
      }
      clean[key] = val;
    }
    out[id] = [sev, clean];
  }
  return out;
}

/** Parses a configuration text (JSONC). Never throws. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  const r = new Reporter(file, text, shift);
  const options: CheckOptions = {};
  if (!body.trim()) {
    r.add('配置文件是空的（至少应为 {}），按默认设置检查。');
    return { options, file, problems: r.problems };
  }
  try {
    const errors: ParseError[] = [];
    const root = jsonc().parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length || !root) {
      const e = errors[0];
      if (e) {
        const code = jsonc().printParseErrorCode(e.error);
        r.add(`配置文件不是有效的 JSON：${PARSE_ERRORS_ZH[code] ?? code}。整个配置已忽略，按默认设置检查。`, undefined, e.offset, e.length);
      } else r.add('配置文件是空的，按默认设置检查。');
      return { options, file, problems: r.problems };
    }
    if (root.type !== 'object') {
      r.add(`配置文件的内容应为一个对象（{ … }），而不是${typeName(getNodeValue(root))}。整个配置已忽略，按默认设置检查。`, root);
      return { options, file, problems: r.problems };
    }
    checkKeys(root, TOP_KEYS, '配置文件', r);
    const profiles = readProfiles(prop(root, 'profiles'), r);
    if (profiles && Object.keys(profiles).length) options.profiles = profiles;
    const pn = prop(root, 'profile');
    if (pn) {
      const name = getNodeValue(pn);
      if (typeof name !== 'string') r.add(`“profile”应为报告类型的名称（字符串），而不是${typeName(name)}，已使用默认的“${DEFAULT_PROFILE}”。`, pn);
      else if (!own(profiles, name) && !own(BUILTIN_PROFILES, name)) {
        const names = [...Object.keys(BUILTIN_PROFILES), ...Object.keys(profiles ?? {})];
        r.add(`报告类型“${name}”不存在（可用：${[...new Set(names)].join('、')}），已使用默认的“${DEFAULT_PROFILE}”。`, pn);
      } else options.profile = name;
    }
    const rules = readRules(prop(root, 'rules'), r);
    if (rules && Object.keys(rules).length) options.rules = rules;
    const rn = prop(root, 'rounding');
    if (rn) {
      const v = getNodeValue(rn);
      if (typeof v !== 'string' || !ROUNDING.includes(v)) r.add(`“rounding”只能是 ${ROUNDING.map((x) => `"${x}"`).join(' 或 ')}，已使用默认的“round-or-truncate”。`, rn);
      else options.shared = { rounding: v };
    }
  } catch (err) {
    r.add(`读取配置时出错：${(err as Error).message}。按默认设置检查。`);
    return { options: {}, file, problems: r.problems };
  }
  r.problems.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
  return { options, file, problems: r.problems };
}

interface CacheEntry {
  key: string;
  config: LoadedConfig;
}

const cache = new Map<string, CacheEntry>();

/** Finds the config file for a document: its folder, then each parent up to the root. */
export function findConfigFile(filePath: string): string | undefined {
  let dir = resolve(filePath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    try {
      statSync(candidate);
      return candidate;
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Finds and loads the configuration that applies to a document at `filePath`. Never throws. */
export function loadConfigFor(filePath: string): LoadedConfig {
  let file: string | undefined;
  try {
    file = findConfigFile(filePath);
  } catch {
    file = undefined;
  }
  if (!file) return { options: {}, problems: [] };
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      return { options: {}, file, problems: [{ file, message: '这是一个目录，不是配置文件。按默认设置检查。' }] };
    }
    const key = `${st.mtimeMs}:${st.size}:${st.ino}`;
    const hit = cache.get(file);
    if (hit && hit.key === key) return hit.config;
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `无法读取（${code ?? (e as Error).message}）`;
      return { options: {}, file, problems: [{ file, message: `${why}。按默认设置检查。` }] };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return { options: {}, file, problems: [{ file, message: '不是有效的 UTF-8 文本（请以 UTF-8 编码保存）。按默认设置检查。' }] };
    }
    // decoded without the BOM: parseConfig offsets are then offsets of the decoded text
    const config = parseConfig(text, file);
    if (cache.size > 32) cache.clear();
    cache.set(file, { key, config });
    return config;
  } catch (e) {
    return { options: {}, file, problems: [{ file, message: `无法读取（${(e as Error).message}）。按默认设置检查。` }] };
  }
}
