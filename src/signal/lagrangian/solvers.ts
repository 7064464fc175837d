/**
 * Registry of block solvers for the Lagrangian decomposition, by name, so
 * worker threads can load the same solver as the main thread.
 *
 * - `decomp-alg1`: the paper's block solver — the decomp relaxation of the block by
 *   Algorithm 1 (src/signal/relax), through the adapter in decomp-block.ts.
 * - `decomp` (default): the same relaxation with OUR certified shortcut (decomp-block.ts): blocks
 *   where persp already equals the block's exact optimum skip Algorithm 1 (decomp is pinned between
 *   them), and re-solved blocks warm-start round 1's barrier solve from the block's previous centred
 *   iterate (decomp-block.ts `BlockWarmState`): same bound rule, about 3–4× fewer Newton steps.
 * - `decomp-warm`: an alias of `decomp`, kept for callers that named the warm start explicitly.
 * - `l1`, `persp`: STAND-INS (not the paper's block solver): the natural big-M
 *   relaxation and the perspective relaxation of the block, solved exactly
 *   with z minimised out in closed form (chain-qp.ts). With these blocks the
 *   Lagrangian dual converges to the whole-path ℓ1 / persp value, since
 *   neither relaxation strengthens the smoothing edges (note §3.4 [D]).
 * - `test-throw`, `test-exit`, `test-hang`: fault injection for the crash
 *   reporting tests only (they behave like `l1` except on block 1 once its
 *   left multiplier is non-zero, where they throw, kill the worker thread, or
 *   loop forever). Never use them for results.
 */
import { isMainThread } from 'node:worker_threads';
import { InvalidArgumentError } from '../../core/errors.ts';
import { solveChainBlock } from './chain-qp.ts';
import { decompBlock, decompBlockAlg1 } from './decomp-block.ts';
import { validateSegment, type SegmentProblem, type SegmentSolver } from './segments.ts';

/** Names of the registered block solvers. */
export const SEGMENT_SOLVERS = ['decomp', 'decomp-warm', 'decomp-alg1', 'l1', 'persp', 'test-throw', 'test-exit', 'test-hang'] as const;
export type SegmentSolverName = (typeof SEGMENT_SOLVERS)[number];

const l1: SegmentSolver = (p) => solveChainBlock('l1', validateSegment(p));
const persp: SegmentSolver = (p) => solveChainBlock('persp', validateSegment(p));
const faulty = (mode: 'throw' | 'exit' | 'hang'): SegmentSolver => (p: SegmentProblem) => {
  if (p.index === 1 && p.cFirst !== 0) {
    if (mode === 'throw' || isMainThread) throw new Error(`injected fault (${mode}) in block ${p.index}`);
    if (mode === 'exit') process.exit(7);
    for (;;) {
      /* injected hang */
    }
  }
  return l1(p);
};

const registry: Record<SegmentSolverName, SegmentSolver> = {
  decomp: (p) => decompBlock(validateSegment(p), true),
  'decomp-warm': (p) => decompBlock(validateSegment(p), true),
  'decomp-alg1': (p) => decompBlockAlg1(validateSegment(p)),
  l1,
  persp,
  'test-throw': faulty('throw'),
  'test-exit': faulty('exit'),
  'test-hang': faulty('hang'),
};

/** The block solver registered under `name`. */
export function getSegmentSolver(name: string): SegmentSolver {
  if (!(SEGMENT_SOLVERS as readonly string[]).includes(name)) {
    throw new InvalidArgumentError('solver', name, `one of ${SEGMENT_SOLVERS.join(', ')}`);
  }
  return registry[name as SegmentSolverName];
}
