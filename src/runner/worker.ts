/**
 * Worker thread: loads the catalogue module it is given, runs the claims the
 * parent sends, and posts progress and results back. Isolation lets the
 * parent enforce hard time limits (it terminates a worker that overruns).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Claim } from '../claims/claim.ts';
import { runClaim, type RunClaimOptions } from './run-claim.ts';

interface Job {
  id: string;
  opts: Omit<RunClaimOptions, 'onProgress'>;
}

const { catalogueModule, exportName } = workerData as { catalogueModule: string; exportName: string };
const mod = (await import(catalogueModule)) as Record<string, Claim[]>;
const byId = new Map(mod[exportName].map((c) => [c.id, c]));

parentPort!.on('message', (job: Job) => {
  const claim = byId.get(job.id);
  if (!claim) {
    parentPort!.postMessage({ type: 'fatal', id: job.id, error: `unknown claim ${job.id} in worker` });
    return;
  }
  const result = runClaim(claim, {
    ...job.opts,
    onProgress: (done, total) => parentPort!.postMessage({ type: 'progress', id: job.id, done, total }),
  });
  parentPort!.postMessage({ type: 'result', id: job.id, result });
});
parentPort!.postMessage({ type: 'ready' });
