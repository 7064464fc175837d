/**
 * Worker process: loads the catalogue module named in its environment
 * (THEORYCHECK_CATALOGUE, export THEORYCHECK_CATALOGUE_EXPORT), runs the
 * claims the parent sends over IPC, and sends progress and results back.
 * Isolation lets the parent enforce hard time limits (it kills a worker that
 * overruns) and survive a worker that dies. The worker exits when the parent
 * closes the channel (or dies).
 */
import type { Claim } from '../claims/claim.ts';
import { runClaim, type RunClaimOptions } from './run-claim.ts';

interface Job {
  id: string;
  opts: Omit<RunClaimOptions, 'onProgress'>;
}

const send = (m: unknown): void => {
  if (process.connected) process.send!(m);
};

let byId: Map<string, Claim>;
try {
  const mod = (await import(process.env.THEORYCHECK_CATALOGUE!)) as Record<string, Claim[]>;
  byId = new Map(mod[process.env.THEORYCHECK_CATALOGUE_EXPORT ?? 'catalogue'].map((c) => [c.id, c]));
} catch (e) {
  send({ type: 'fatal', error: `cannot load the catalogue: ${(e as Error)?.message ?? String(e)}` });
  process.exit(1);
}

process.on('message', (job: Job) => {
  const claim = byId.get(job.id);
  if (!claim) {
    send({ type: 'fatal', id: job.id, error: `unknown claim ${job.id} in worker` });
    return;
  }
  try {
    const result = runClaim(claim, {
      ...job.opts,
      onProgress: (done, total) => send({ type: 'progress', id: job.id, done, total }),
    });
    send({ type: 'result', id: job.id, result });
  } catch (e) {
    // e.g. an arbitrary that throws while generating: the claim errors, the worker lives on
    const err = e as Error;
    send({ type: 'fatal', id: job.id, error: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` });
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
