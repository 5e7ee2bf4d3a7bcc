/**
 * Checking one report file: read (text, GBK, .docx), configure (`.fazhi-report.json` or `--config`,
 * then `--profile`/`--rule`), analyse, and collect what the summary needs. Shared by the main
 * thread and the worker threads; the result is plain data (structured-clone safe).
 */
import { readFileSync } from 'fs';
import { dirname } from 'path';
import { analyze, CheckOptions, RuleSetting } from '../engine/check';
import { loadConfigFor, parseConfig, LoadedConfig, ConfigProblem } from '../engine/config';
import { allQuantities } from '../engine/figures/quantities';
import type { Finding, Severity } from '../engine/types';
import type { PartKind } from '../engine/classify';
import { readReport, Encoding, ReadLimits } from './read';

export interface Overrides {
  profile?: string;
  /** `--rule id=severity`, applied over the configuration. */
  rules?: Record<string, Severity | 'off'>;
  /** Report error-level findings only. */
  quiet?: boolean;
  /** `--config FILE`: one configuration for every report instead of the per-folder lookup. */
  configFile?: string;
  /** Skip per-folder `.fazhi-report.json` lookup. */
  noConfig?: boolean;
  limits?: ReadLimits;
}

export interface ReportStats {
  /** The reporting body named in the title (`某某县`). */
  body?: string;
  title?: string;
  year?: number;
  /** Kinds of the top-level parts, in order. */
  parts: PartKind[];
  /** 第一责任人 duties mentioned somewhere (when they have no part of their own). */
  leadershipMentioned: boolean;
  /** Figures the engine read (quantities). */
  figures: number;
  /** Findings of the figures/* rules. */
  inconsistent: number;
}

export interface FileResult {
  /** The path as the user gave it (or folder + relative path). */
  file: string;
  /** Absolute path (for SARIF and config lookup). */
  path?: string;
  text?: string;
  encoding?: Encoding;
  findings: Finding[];
  /** Set when the file could not be read or checked. */
  error?: string;
  stats?: ReportStats;
  /** Configuration problems met for this file (deduplicated by the caller). */
  configProblems?: ConfigProblem[];
  /** Rules that threw on this file. */
  ruleErrors?: { ruleId: string; message: string }[];
}

const configCache = new Map<string, LoadedConfig>();

/** The configuration for one file: `--config` if given, else the per-folder lookup (cached per folder). */
export function configFor(path: string, o: Overrides): LoadedConfig {
  if (o.configFile) {
    let c = configCache.get(`file:${o.configFile}`);
    if (!c) {
      let text: string;
      try {
        text = readFileSync(o.configFile, 'utf8');
        c = parseConfig(text, o.configFile);
      } catch (e) {
        c = { options: {}, file: o.configFile, problems: [{ file: o.configFile, message: `无法读取配置文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` }] };
      }
      configCache.set(`file:${o.configFile}`, c);
    }
    return c;
  }
  if (o.noConfig) return { options: {}, problems: [] };
  const dir = dirname(path);
  let c = configCache.get(dir);
  if (!c) {
    try {
      c = loadConfigFor(path);
    } catch (e) {
      c = { options: {}, problems: [{ file: dir, message: `读取配置时出错：${(e as Error).message}` }] };
    }
    configCache.set(dir, c);
  }
  return c;
}

/** Clears cached configurations (tests change files between runs). */
export function clearConfigCache(): void {
  configCache.clear();
}

export function mergeOptions(base: CheckOptions, o: Overrides): CheckOptions {
  const options: CheckOptions = { ...base };
  if (o.profile) options.profile = o.profile;
  if (o.rules && Object.keys(o.rules).length) {
    const rules: Record<string, RuleSetting> = { ...(base.rules ?? {}) };
    for (const [id, sev] of Object.entries(o.rules)) {
      const cur = rules[id];
      rules[id] = Array.isArray(cur) && cur.length > 1 ? [sev, cur[1] as Record<string, unknown>] : sev;
    }
    options.rules = rules;
  }
  return options;
}

const LEADERSHIP = /第一责任人/;

/** Reads and checks one report. Never throws. */
export async function checkFile(path: string, display: string, o: Overrides = {}): Promise<FileResult> {
  const read = await readReport(path, o.limits);
  if ('error' in read) return { file: display, path, findings: [], error: read.error };
  const config = configFor(path, o);
  const ruleErrors: { ruleId: string; message: string }[] = [];
  const options = mergeOptions(config.options, o);
  options.onRuleError = (ruleId, err) => ruleErrors.push({ ruleId, message: String((err as Error)?.message ?? err).slice(0, 200) });
  try {
    const a = analyze(read.text, options);
    const findings = o.quiet ? a.findings.filter((f) => f.severity === 'error') : a.findings;
    const doc = a.doc;
    const stats: ReportStats = {
      body: doc.title?.body,
      title: doc.title?.text,
      year: doc.reportYear,
      parts: doc.parts.map((p) => p.kind ?? 'other'),
      leadershipMentioned: LEADERSHIP.test(read.text),
      figures: allQuantities(doc).length,
      inconsistent: findings.filter((f) => f.ruleId.startsWith('figures/')).length,
    };
    return {
      file: display,
      path,
      text: read.text,
      encoding: read.encoding,
      findings,
      stats,
      ...(config.problems.length ? { configProblems: config.problems } : {}),
      ...(ruleErrors.length ? { ruleErrors } : {}),
    };
  } catch (e) {
    return { file: display, path, findings: [], error: `检查时出错：${String((e as Error)?.message ?? e).slice(0, 200)}` };
  }
}
