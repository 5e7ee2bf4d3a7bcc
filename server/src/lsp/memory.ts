/**
 * The server's memory between bursts of work (see `launch.ts` for the V8 flags the client starts it
 * with).
 *
 * - `tuneHeap()`: the old generation grows by at most 100 % over what a full GC left alive (V8's
 *   own factor goes up to 4× on a small heap: an old generation of ~40 MB for ~12 MB of live data).
 *   Set at run time rather than in the client's `execArgv`: it is an internal V8 flag, and an
 *   unknown flag on the command line would stop Node from starting the server at all, whereas
 *   here an unknown flag is ignored. It applies to every client, with or without those flags.
 * - `IdleCollector`: once the server has been idle for a few seconds after checking (a burst of
 *   edits or of opened documents), a full collection gives back the garbage of that burst (about
 *   15 MB with 50 reports open). V8's memory reducer does not do it on its own for a heap this
 *   small. It is two full GCs back to back (`collectTwice`): the first one often only completes
 *   the incremental marking V8 started during the burst, whose pages to compact were chosen
 *   before most of the burst's objects died, so the old generation stays at 11–20 MB committed
 *   for ~7.5 MB alive; the second one compacts those now sparse pages and releases them (measured
 *   with 51 reports open: old space 9 MB committed, idle RSS 62–64 MB every run instead of 63–74).
 *   Cost: once per idle period, the second GC's pause (7–20 ms on a shared 2-core machine; a
 *   change arriving during it waits that long). Needs `--expose-gc` (in
 *   `SERVER_EXEC_ARGV`); without it, nothing happens.
 */
import { setFlagsFromString } from 'v8';

export const HEAP_GROWING_PERCENT = 100;

export function tuneHeap(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    /* not this V8: its default growth */
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

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private readonly collect: (() => void) | undefined;

  /** `collect`: the full GC (default: `gc` exposed by `--expose-gc`, if it is). */
  constructor(private readonly delayMs = IDLE_GC_MS, collect?: () => void) {
    const g = (globalThis as { gc?: unknown }).gc;
    this.collect = collect ?? (typeof g === 'function' ? collectTwice(g as () => void) : undefined);
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
