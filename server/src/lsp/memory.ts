/**
 * The server's memory between bursts of work (see `launch.ts` for the V8 flags the client starts it
 * with).
 *
 * - `tuneHeap()` sets `RUNTIME_V8_FLAGS` on the server's own V8 as it starts. Set at run time
 *   rather than in the client's `execArgv`: they are internal V8 flags, and an unknown flag on the
 *   command line would stop Node from starting the server at all, whereas here an unknown flag is
 *   ignored (V8 prints a line on stderr). They apply to every client, with or without those flags.
 *   - `--heap-growing-percent`: the old generation grows by at most 100 % over what a full GC left
 *     alive (V8's own factor goes up to 4× on a small heap: an old generation of ~40 MB for ~12 MB
 *     of live data).
 *   - `--interrupt-budget` (Node 20's V8 default: 67584) and `--no-sparkplug`: the server optimises
 *     only the functions that are really hot (the engine's inner loops) and keeps the rest in the
 *     interpreter, with no baseline machine code in between. Measured with 51 reports open (bench,
 *     Node 20, back to back): idle RSS 61.6–62.1 → 59.1–59.3 MB (less optimised code and deopt
 *     data, fewer pages of the compilers touched); didChange → publishDiagnostics on the 20k report,
 *     first 200 edits p95 21.6–23.5 → 13.4–16.4 ms (fewer optimisations thrown away and redone
 *     while the edits warm it up), median 6.6–8.0 → 7.5–8.5 ms; steady state unchanged within noise.
 * - `IdleCollector`: once the server has been idle for a few seconds after checking (a burst of
 *   edits or of opened documents), a full collection gives back the garbage of that burst (about
 *   15 MB with 50 reports open). V8's memory reducer does not do it on its own for a heap this
 *   small. It is two full GCs back to back (`collectTwice`): the first one often only completes
 *   the incremental marking V8 started during the burst, whose pages to compact were chosen
 *   before most of the burst's objects died, so the old generation stays at 11–20 MB committed
 *   for ~7.5 MB alive; the second one compacts those now sparse pages and releases them (measured
 *   with 51 reports open: old space 9 MB committed, idle RSS 62–64 MB every run instead of 63–74).
 *   Cost: once per idle period, the second GC's pause (7–20 ms on a shared 2-core machine; a
 *   change arriving during it waits that long). On V8 12 and later it is one "last resort"
 *   collection instead (`idleCollection`). Needs `--expose-gc` (in `SERVER_EXEC_ARGV`); without
 *   it, nothing happens.
 */
import { setFlagsFromString } from 'v8';

export const HEAP_GROWING_PERCENT = 100;
export const INTERRUPT_BUDGET = 400000;

/** The major version of a V8 (`process.versions.v8`, e.g. `11.3.244.8-node.38` → 11); 0 if unknown. */
export function v8Major(version: string | undefined = process.versions.v8): number {
  const m = /^(\d+)\./.exec(version ?? '');
  return m ? Number(m[1]) : 0;
}

/**
 * The V8 flags the server sets on itself (see above). `--interrupt-budget` only on V8 11 and older
 * (Node 20, where it was measured): V8 12 and later tier up through Maglev and count invocations
 * instead (the flag is gone from V8 13, where it would print an error). `--no-sparkplug` on both:
 * on Node 24 (V8 13.6) idle RSS 71.7–72.0 → 68.7–69.8 MB, latency unchanged within noise. (Also
 * measured there and left out: `--no-maglev`, idle RSS −6 MB but the first 200 edits' median
 * 5.6 → 8.3 ms.) A V8 of unknown version gets only the heap's growth.
 */
export function runtimeV8Flags(major: number = v8Major()): readonly string[] {
  const flags = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
  if (major > 0 && major <= 11) flags.push(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  if (major > 0) flags.push('--no-sparkplug');
  return flags;
}

export const RUNTIME_V8_FLAGS: readonly string[] = runtimeV8Flags();

/** Sets `RUNTIME_V8_FLAGS` (`set`: V8's `setFlagsFromString`; a flag this V8 refuses is skipped). */
export function tuneHeap(set: (flag: string) => void = setFlagsFromString, flags: readonly string[] = RUNTIME_V8_FLAGS): void {
  for (const flag of flags) {
    try {
      set(flag);
    } catch {
      /* not this V8: its default */
    }
  }
}

/** Idle time after the last check before the full GC. */
export const IDLE_GC_MS = 3000;

/** Two full GCs in a row (see above: the second one compacts what the first one left sparse). */
export function collectTwice(gc: () => void): () => void {
  return () => {
    gc();
    gc();
  };
}

/** The options of V8's `gc()` for a "last resort" collection (V8 12 and later). */
export const LAST_RESORT = { type: 'major', execution: 'sync', flavor: 'last-resort' } as const;

/**
 * The idle collection for this V8. From V8 12 on, one "last resort" collection: a full GC repeated
 * until nothing more is freed, which also gives back the pages V8 keeps pooled for reuse — a plain
 * `gc()` keeps them (measured on Node 24 with 51 reports open: idle RSS 91.5 MB after two plain
 * GCs, 72.6 MB after it). V8 11 (Node 20) has no such flavor (its `gc()` with options runs a
 * scavenge), so there it is `collectTwice`.
 */
export function idleCollection(gc: (options?: typeof LAST_RESORT) => void, major: number = v8Major()): () => void {
  return major >= 12 ? () => gc(LAST_RESORT) : collectTwice(gc);
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private readonly collect: (() => void) | undefined;

  /** `collect`: the full GC (default: `gc` exposed by `--expose-gc`, if it is). */
  constructor(private readonly delayMs = IDLE_GC_MS, collect?: () => void) {
    const g = (globalThis as { gc?: unknown }).gc;
    this.collect = collect ?? (typeof g === 'function' ? idleCollection(g as () => void) : undefined);
  }

  /** Work was done: (re)starts the wait; the GC runs once the server has been idle that long. */
  arm(): void {
    if (!this.collect) return;
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.collect!();
      } catch {
        /* never fatal */
      }
    }, this.delayMs);
    this.timer.unref(); // never keeps the process alive
  }

  /** Whether a GC is waiting for idle time (for tests). */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
