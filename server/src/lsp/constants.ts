/** Names shared by the language server and its client (part B renders what these identify). */

/** `source` of every diagnostic the server publishes. */
export const SOURCE = 'fazhi-report';

/** Base of the rules' documentation pages; a rule's page is `DOCS_BASE + meta.docs`. */
export const DOCS_BASE = 'https://github.com/fazhi-report/fazhi-report/blob/main/';

/** Section of the VS Code settings read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'fazhiReport';

/** The project configuration file name watched by the server. */
export const CONFIG_GLOB = '**/.fazhi-report.json';

/** The language id of report files (`*.fzbg` etc., contributed by the client). */
export const LANGUAGE_ID = 'fazhi-report';

/** Code action kind of "fix all" (so `editor.codeActionsOnSave: {"source.fixAll.fazhiReport": …}` works). */
export const FIX_ALL_KIND = 'source.fixAll.fazhiReport';

/** Commands. `showRuleDoc` is implemented by the client; the server only names it in code actions. */
export const COMMANDS = {
  /** Arguments: `[ruleId: string, url: string]`. */
  showRuleDoc: 'fazhiReport.showRuleDoc',
} as const;

/** Custom protocol (documented in `structure.ts` and `server.ts`). */
export const REQUESTS = {
  /** `{ uri }` → `StructureResult` (see `structure.ts`). */
  structure: 'fazhiReport/structure',
  /** `{ uri }` → `{ checked: boolean }`: check this document whatever `fazhiReport.documents` says. */
  checkDocument: 'fazhiReport/checkDocument',
} as const;

export const NOTIFICATIONS = {
  /**
   * Server → client after each check of a document, for the status bar:
   * `{ uri, version, state: 'ready' | 'off', counts: {error, warning, info, hint}, ms }`.
   */
  status: 'fazhiReport/status',
} as const;

/** Documentation URL of a rule's page (`docs/rules/<category>/<name>.md`). */
export function ruleDocUrl(docs: string): string {
  return DOCS_BASE + docs.replace(/^\/+/, '');
}
