/**
 * Worker thread of the CLI (bundled as dist/cli-worker.js): checks the files the main thread sends,
 * one message per file, and answers with the plain-data result.
 */
import { parentPort } from 'worker_threads';
import { checkFile, Overrides } from './checkfile';

export interface WorkerRequest {
  id: number;
  path: string;
  display: string;
  overrides: Overrides;
}

export interface WorkerResponse {
  id: number;
  result: Awaited<ReturnType<typeof checkFile>>;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: WorkerRequest) => {
    void checkFile(req.path, req.display, req.overrides).then((result) => {
      const res: WorkerResponse = { id: req.id, result };
      port.postMessage(res);
    });
  });
}
