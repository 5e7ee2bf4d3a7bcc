/**
 * Runs the engine on a document, once per version and options, and keeps the result for code
 * actions, hover, the outline and the structure request. A rule that throws is reported through
 * `onRuleError` and its findings are dropped for that run; the others still count.
 *
 * Memory: a full analysis (the parsed document with its offset maps, sentences, cached quantities,
 * findings) is several times the size of the text, and most open documents are only looked at
 * again when they change. So only the analyses and parsed documents of the few most recently used
 * documents are kept (least recently used first out); a request on another document recomputes
 * its analysis, which costs one check (a few milliseconds).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, CheckOptions } from '../engine/check';
import { parseDocument, ReportDocument } from '../engine/document';

export interface RuleFailure {
  ruleId: string;
  message: string;
  stack?: string;
}

export interface DocAnalysis {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Rules that threw during this run (their findings are not in `analysis.findings`). */
  failures: RuleFailure[];
  /** The options used (compared by identity to reuse the cache). */
  options: CheckOptions;
  ms: number;
}

export type Logger = (message: string) => void;

/** Documents whose analyses (and parsed models) are kept by default. */
export const DEFAULT_KEEP = 4;

/** Moves `key` to the most recent end of `map` (a Map iterates in insertion order), evicting the oldest beyond `max`. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
  }
}

export class AnalysisCache {
  private readonly cache = new Map<string, DocAnalysis>();
  /** Parsed-only documents for features that need no findings (outline, folding, completion). */
  private readonly parsed = new Map<string, { version: number; doc: ReportDocument }>();
  /** Rule failures already logged with their stack. */
  private readonly logged = new Set<string>();
  private readonly keep: number;

  /** `keep`: how many documents' analyses are kept (at least 1). */
  constructor(private readonly log: Logger, keep = DEFAULT_KEEP) {
    this.keep = Math.max(1, Math.floor(keep));
  }

  /** Number of analyses and parsed documents currently held (for tests). */
  get size(): { analyses: number; parsed: number } {
    return { analyses: this.cache.size, parsed: this.parsed.size };
  }

  /** The analysis of the document's current version with these options (cached). */
  get(doc: TextDocument, options: CheckOptions): DocAnalysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.options === options) {
      touch(this.cache, doc.uri, hit, this.keep);
      return hit;
    }
    const failures: RuleFailure[] = [];
    const t0 = performance.now();
    let analysis: Analysis;
    const model = this.parsed.get(doc.uri);
    try {
      analysis = analyze(doc.getText(), {
        ...options,
        onRuleError: (ruleId, error) => {
          const e = error instanceof Error ? error : new Error(String(error));
          failures.push({ ruleId, message: e.message, stack: e.stack });
        },
      }, model && model.version === doc.version ? model.doc : undefined);
    } catch (err) {
      // The parser itself failed: nothing to report for this version, but the server lives on.
      const e = err instanceof Error ? err : new Error(String(err));
      this.log(`[错误] 无法分析 ${doc.uri}（版本 ${doc.version}）：${e.stack ?? e.message}`);
      analysis = { doc: safeParse(''), findings: [], profile: { name: '', description: '', requiredParts: [], optionalParts: [], indicators: [] } };
    }
    const ms = performance.now() - t0;
    for (const f of failures) {
      // the stack once per rule and message; after that one line per run
      const key = `${f.ruleId}\u0000${f.message}`;
      const detail = this.logged.has(key) ? f.message : f.stack ?? f.message;
      if (this.logged.size > 500) this.logged.clear();
      this.logged.add(key);
      this.log(`[错误] 规则 ${f.ruleId} 在检查 ${doc.uri}（版本 ${doc.version}）时出错，本次结果已舍弃：${detail}`);
    }
    const result: DocAnalysis = { uri: doc.uri, version: doc.version, analysis, failures, options, ms };
    touch(this.cache, doc.uri, result, this.keep);
    touch(this.parsed, doc.uri, { version: doc.version, doc: analysis.doc }, this.keep);
    return result;
  }

  /** The cached analysis if it is for the document's current version (any options). */
  peek(doc: TextDocument): DocAnalysis | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version ? hit : undefined;
  }

  /** The document model only (no rules run). */
  parse(doc: TextDocument): ReportDocument {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) {
      touch(this.parsed, doc.uri, hit, this.keep);
      return hit.doc;
    }
    const parsed = safeParse(doc.getText());
    touch(this.parsed, doc.uri, { version: doc.version, doc: parsed }, this.keep);
    return parsed;
  }

  /**
   * Forgets the document's analysis and model if they are for another version (called on each
   * change): they can never be used again, and dropping them now, before the next check, saves
   * the garbage collector copying and promoting them while that check allocates.
   */
  dropStale(doc: TextDocument): void {
    const a = this.cache.get(doc.uri);
    if (a && a.version !== doc.version) this.cache.delete(doc.uri);
    const p = this.parsed.get(doc.uri);
    if (p && p.version !== doc.version) this.parsed.delete(doc.uri);
  }

  /**
   * Keeps only the analyses and parsed models of the `n` most recently used documents (the
   * others are recomputed if a request needs them, like any document beyond `keep`). Called when
   * the server has been idle for a while (`server.ts`): the document being edited or looked at
   * keeps its analysis for code actions and hover, and the few hundred KB per other document
   * (about 0.4 MB for a 20k-character report) go back with the idle GC.
   */
  trim(n: number): void {
    const max = Math.max(0, Math.floor(n));
    for (const map of [this.cache, this.parsed] as Map<string, unknown>[]) {
      while (map.size > max) map.delete(map.keys().next().value as string);
    }
  }

  delete(uri: string): void {
    this.cache.delete(uri);
    this.parsed.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.parsed.clear();
  }
}

function safeParse(text: string): ReportDocument {
  try {
    return parseDocument(text);
  } catch {
    return parseDocument('');
  }
}
