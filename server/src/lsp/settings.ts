/** The `fazhiReport.*` settings the server reads, with defaults and validation. */

export type RunMode = 'onType' | 'onSave';
export type DocumentsMode = 'auto' | 'all' | 'off';

export interface Settings {
  /** Check documents at all. */
  enable: boolean;
  /** Check as the author types (debounced) or only when the document is saved. */
  run: RunMode;
  /** Delay after the last keystroke before checking (`run: onType`). */
  debounceMs: number;
  /** Profile used when the project file names none. */
  profile?: string;
  /**
   * Which Markdown / plain-text documents are checked: `auto` (those that look like a report),
   * `all`, `off` (only the `fazhi-report` language). Documents of the `fazhi-report` language are
   * always checked while `enable` is true.
   */
  documents: DocumentsMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  enable: true,
  run: 'onType',
  debounceMs: 300,
  documents: 'auto',
};

const MAX_DEBOUNCE = 10_000;

/** Reads whatever the client sent (possibly null, partial or of the wrong types) into valid settings. */
export function normaliseSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) {
    s.debounceMs = Math.max(0, Math.min(MAX_DEBOUNCE, Math.round(r.debounceMs)));
  }
  if (typeof r.profile === 'string' && r.profile.trim()) s.profile = r.profile.trim();
  if (r.documents === 'auto' || r.documents === 'all' || r.documents === 'off') s.documents = r.documents;
  return s;
}
