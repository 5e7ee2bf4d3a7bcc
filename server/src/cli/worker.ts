/**
 * Worker thread of the CLI (bundled as dist/cli-worker.js): checks the files the main thread sends,
 * one message per file, and answers with the plain-data result. For `--format json` and `text`
 * (`render`), it also formats the file's part of the output and leaves the report's text and the
 * findings out of the answer: the main thread then only joins the parts.
 */
import { parentPort } from 'worker_threads';
import { checkFile, FileResult, Overrides } from './checkfile';
import { renderFile, RenderedFile } from './format';

export interface WorkerRequest {
  id: number;
  path: string;
  display: string;
  overrides: Overrides;
  render?: { format: 'json' | 'text'; color: boolean };
}

export interface WorkerResponse {
  id: number;
  result: FileResult;
  rendered?: RenderedFile;
}

/** What the main thread still needs of a rendered file: its name, error and the problems for stderr. */
export function slim(r: FileResult): FileResult {
  return {
    file: r.file,
    path: r.path,
    findings: [],
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.encoding !== undefined ? { encoding: r.encoding } : {}),
    ...(r.configProblems ? { configProblems: r.configProblems } : {}),
    ...(r.ruleErrors ? { ruleErrors: r.ruleErrors } : {}),
  };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: WorkerRequest) => {
    void checkFile(req.path, req.display, req.overrides).then((result) => {
      const res: WorkerResponse = req.render
        ? { id: req.id, result: slim(result), rendered: renderFile(result, req.render.format, req.render.color) }
        : { id: req.id, result };
      port.postMessage(res);
    });
  });
}
