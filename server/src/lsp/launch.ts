/**
 * How the language server's Node process is started: the flags the client passes in its
 * `ServerOptions` (`execArgv`), imported by the client (`client/src/extension.ts`), the benchmark
 * (`bench/server.ts`) and the protocol tests, so that what is measured and tested is what users
 * run. No import here: the client bundles this file.
 *
 * - `--max-semi-space-size=1`: V8's young generation is at most 2 × 1 MB instead of 2 × 16 MB. A
 *   check of a 20k-character report allocates a few MB of short-lived objects; a larger young
 *   generation only holds more garbage (RSS with 50 reports open: ~129 MB before, see
 *   bench/RESULTS.md), at the same cost per collection, which is the size of what survives.
 * - `--expose-gc`: lets the server run one full GC when it is idle after a burst of work
 *   (`lsp/memory.ts`); nothing else calls it.
 *
 * Both are long-standing, documented Node/V8 options: an unknown one would stop Node from starting
 * the server. Internal V8 tuning (the old generation's growth) is set by the server itself at run
 * time (`lsp/memory.ts`). No cap on the heap (`--max-old-space-size`): checking a 1 MB document
 * needs more than 64 MB, and the server must not run out of memory.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--expose-gc'];

/**
 * Environment added to the server process's (glibc's malloc; ignored by other C libraries). V8's
 * compilers work in malloc'd zones that are freed after each compilation, and glibc keeps freed
 * memory in its heap rather than giving it back: measured, about 10 MB of the server's RSS once it
 * is idle. Blocks from 32 KB up are mapped on their own (returned to the system when freed), and
 * the heap's free top is trimmed from 64 KB. Both are documented glibc tunables (mallopt(3)).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '32768',
  MALLOC_TRIM_THRESHOLD_: '65536',
};
