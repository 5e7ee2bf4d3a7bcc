/**
 * Project configuration: `.fazhi-report.json` (JSON with comments), found in the document's folder
 * or the nearest parent. (First version: the interface; the configuration work fills it in.)
 */
import type { CheckOptions } from './check';

export interface ConfigProblem {
  /** The config file the problem is in. */
  file: string;
  /** Chinese message saying what is wrong and where. */
  message: string;
  /** UTF-16 offset in the config file, when known. */
  offset?: number;
}

export interface LoadedConfig {
  /** Options for `check()`, defaults where the file is missing or invalid. */
  options: CheckOptions;
  /** The config file used, if any. */
  file?: string;
  problems: ConfigProblem[];
}

export const CONFIG_FILE = '.fazhi-report.json';

/** Finds and loads the configuration that applies to a document at `filePath`. Never throws. */
export function loadConfigFor(_filePath: string): LoadedConfig {
  return { options: {}, problems: [] };
}

/** Parses a configuration text (JSONC). Never throws. */
export function parseConfig(_text: string, file: string): LoadedConfig {
  return { options: {}, file, problems: [] };
}
