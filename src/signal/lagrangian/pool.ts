/**
 * Parallel driver of the Lagrangian decomposition: the independent block
 * problems of one dual evaluation are solved by a pool of worker threads.
 * Every block solve is a deterministic function of its problem, and results
 * are re-assembled in block order, so the output does not depend on the
 * number of workers (`jobs`).
 *
 * Failure handling: a block solver that throws, a worker thread that dies
 * (uncaught error or exit), or a block exceeding `taskTimeoutMs` rejects the
 * run with a {@link SegmentSolveError} naming the block and its boundary
 * multipliers (γ_j, γ_{j+1}); all workers are terminated — never a hang.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { integerInRange, nonNegative } from '../../core/validate.ts';
import { boundaryGammas, lagrangianSteps, SegmentSolveError, type LagrangianOptions, type LagrangianResult, lagrangianDecompositionSync } from './method.ts';
import type { PathPenaltyProblem, SegmentProblem, SegmentResult } from './segments.ts';
import { loadSegmentSolver } from './solvers.ts';
import { workerUrl } from '../../core/modules.ts';

/** Options of the parallel driver. */
export interface ParallelLagrangianOptions extends LagrangianOptions {
  /** Registered block solver name (see solvers.ts); default `decomp`. */
  solver?: string;
  /** URL of a module exporting `segmentSolvers: Record<name, SegmentSolver>` to take `solver` from (tests). */
  solverModule?: string;
  /** Worker threads; 0 = solve in the calling thread. Default: available parallelism. */
  jobs?: number;
  /** Per-chunk wall-clock limit in ms (0 = none). A chunk exceeding it fails the run. */
  taskTimeoutMs?: number;
}

interface Lane {
  worker: Worker;
  progress: Int32Array;
}

async function spawn(): Promise<Lane> {
  const sab = new SharedArrayBuffer(4);
  const progress = new Int32Array(sab);
  const worker = new Worker(workerUrl(import.meta.url), { workerData: { progress: sab }, execArgv: [] });
  await new Promise<void>((resolve, reject) => {
    const onMsg = (m: { type?: string }): void => {
      if (m?.type === 'ready') {
        worker.off('message', onMsg);
        worker.off('error', reject);
        resolve();
      }
    };
    worker.on('message', onMsg);
    worker.once('error', reject);
  });
  return { worker, progress };
}

let taskIds = 0;

function runChunk(lane: Lane, solver: string, solverModule: string | undefined, problems: SegmentProblem[], timeoutMs: number): Promise<SegmentResult[]> {
  const id = ++taskIds;
  const byIndex = new Map(problems.map((p) => [p.index, p]));
  const fail = (index: number, why: string): SegmentSolveError => {
    const p = byIndex.get(index) ?? problems[0];
    const [gl, gr] = boundaryGammas(p);
    return new SegmentSolveError(p.index, gl, gr, why);
  };
  return new Promise((resolve, reject) => {
    const w = lane.worker;
    let timer: NodeJS.Timeout | undefined;
    const cleanup = (): void => {
      if (timer) clearTimeout(timer);
      w.off('message', onMsg);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMsg = (m: { id: number; results?: SegmentResult[]; error?: { index: number; message: string } }): void => {
      if (m.id !== id) return;
      cleanup();
      if (m.error) reject(fail(m.error.index, m.error.message));
      else resolve(m.results!);
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(fail(Atomics.load(lane.progress, 0), `worker thread crashed: ${e?.message ?? String(e)}`));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(fail(Atomics.load(lane.progress, 0), `worker thread exited with code ${code}`));
    };
    w.on('message', onMsg);
    w.once('error', onError);
    w.once('exit', onExit);
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        cleanup();
        reject(fail(Atomics.load(lane.progress, 0), `block solve exceeded ${timeoutMs} ms`));
      }, timeoutMs);
    }
    Atomics.store(lane.progress, 0, problems[0].index);
    w.postMessage({ id, solver, solverModule, problems });
  });
}

/**
 * Run the Lagrangian decomposition with block solver `options.solver` on
 * `options.jobs` worker threads (0: in the calling thread).
 */
export async function lagrangianDecomposition(problem: PathPenaltyProblem, options: ParallelLagrangianOptions): Promise<LagrangianResult> {
  const solverName = options?.solver ?? 'decomp';
  const solver = await loadSegmentSolver(solverName, options?.solverModule);
  const jobs = options?.jobs === undefined ? availableParallelism() : integerInRange('jobs', options.jobs, 0, 256);
  const timeoutMs = options?.taskTimeoutMs === undefined ? 0 : nonNegative('taskTimeoutMs', options.taskTimeoutMs);
  if (jobs === 0) return lagrangianDecompositionSync(problem, options, solver);
  const gen = lagrangianSteps(problem, options); // validates before any worker starts
  let step = gen.next();
  if (step.done) return step.value;
  const lanes: Lane[] = [];
  try {
    // start the workers concurrently (each one boots the TypeScript loader: ~0.5–1 s)
    const started = await Promise.allSettled(Array.from({ length: jobs }, () => spawn()));
    for (const s of started) if (s.status === 'fulfilled') lanes.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    while (!step.done) {
      const batch = step.value;
      // contiguous chunks, a few per lane for balance; order restored by concatenation
      // (16 per lane: Algorithm 1 blocks cost ~100× a shortcut block and cluster around the spikes)
      const nChunks = Math.min(batch.length, lanes.length * 16);
      const size = Math.ceil(batch.length / nChunks);
      const chunks: SegmentProblem[][] = [];
      for (let c = 0; c < batch.length; c += size) chunks.push(batch.slice(c, c + size));
      const out: SegmentResult[][] = new Array(chunks.length);
      let next = 0;
      let aborted = false;
      await Promise.all(
        lanes.map(async (lane) => {
          while (next < chunks.length && !aborted) {
            const c = next++;
            try {
              out[c] = await runChunk(lane, solverName, options.solverModule, chunks[c], timeoutMs);
            } catch (e) {
              aborted = true;
              throw e;
            }
          }
        }),
      );
      step = gen.next(out.flat());
    }
    return step.value;
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}
