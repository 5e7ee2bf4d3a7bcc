/**
 * How the language server's Node process is started: the flags the client passes in its
 * `ServerOptions` (`execArgv`), imported by the client (`client/src/extension.ts`), the benchmark
 * (`bench/server.ts`) and the protocol tests, so that what is measured and tested is what users
 * run. No import here: the client bundles this file.
 *
 * - `--max-semi-space-size=4`: V8's young generation is at most 2 × 4 MB instead of 2 × 16 MB. A
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
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];
