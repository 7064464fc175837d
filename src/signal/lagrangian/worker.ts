/**
 * Worker thread of the Lagrangian block pool: solves chunks of block problems
 * with a registered solver. Before each block it stores the block index in the
 * shared `progress` cell, so the pool can name the block if this thread dies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSegmentSolver } from './solvers.ts';
import type { SegmentProblem, SegmentResult } from './segments.ts';

interface Task {
  id: number;
  solver: string;
  solverModule?: string;
  problems: SegmentProblem[];
}

const progress = new Int32Array(workerData.progress as SharedArrayBuffer);
const port = parentPort!;
port.on('message', async (task: Task) => {
  const out: SegmentResult[] = [];
  let current = -1;
  try {
    const solve = await loadSegmentSolver(task.solver, task.solverModule);
    for (const p of task.problems) {
      current = p.index;
      Atomics.store(progress, 0, p.index);
      out.push(solve(p));
    }
    port.postMessage({ id: task.id, results: out });
  } catch (e) {
    port.postMessage({ id: task.id, error: { index: current, message: (e as Error)?.message ?? String(e) } });
  }
});
port.postMessage({ type: 'ready' });
