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
 *   neither relaxation strengthens the smoothing edges (docs/claims/agh21.md#scale-lagrangian-strength).
 * Other block solvers (e.g. fault injection in tests) are loaded from a module named by the
 * pool's `solverModule` option, never registered here.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { solveChainBlock } from './chain-qp.ts';
import { decompBlock, decompBlockAlg1 } from './decomp-block.ts';
import { validateSegment, type SegmentSolver } from './segments.ts';

/** Names of the registered block solvers. */
export const SEGMENT_SOLVERS = ['decomp', 'decomp-warm', 'decomp-alg1', 'l1', 'persp'] as const;
export type SegmentSolverName = (typeof SEGMENT_SOLVERS)[number];

const l1: SegmentSolver = (p) => solveChainBlock('l1', validateSegment(p));
const persp: SegmentSolver = (p) => solveChainBlock('persp', validateSegment(p));
const registry: Record<SegmentSolverName, SegmentSolver> = {
  decomp: (p) => decompBlock(validateSegment(p), true),
  'decomp-warm': (p) => decompBlock(validateSegment(p), true),
  'decomp-alg1': (p) => decompBlockAlg1(validateSegment(p)),
  l1,
  persp,
};

/** The block solver registered under `name`. */
export function getSegmentSolver(name: string): SegmentSolver {
  if (!(SEGMENT_SOLVERS as readonly string[]).includes(name)) {
    throw new InvalidArgumentError('solver', name, `one of ${SEGMENT_SOLVERS.join(', ')}`);
  }
  return registry[name as SegmentSolverName];
}

/**
 * The block solver `name`: a registered one, or — when `module` (a module URL) is given — the
 * function exported by that module's `segmentSolvers` record under `name`.
 */
export async function loadSegmentSolver(name: string, module?: string): Promise<SegmentSolver> {
  if (module === undefined) return getSegmentSolver(name);
  if (typeof module !== 'string' || module === '') throw new InvalidArgumentError('solverModule', module, 'a module URL');
  const mod = (await import(module)) as { segmentSolvers?: Record<string, SegmentSolver> };
  const table = mod.segmentSolvers;
  const solver = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (typeof solver !== 'function') {
    throw new InvalidArgumentError('solver', name, `a block solver exported by ${module} (segmentSolvers: ${Object.keys(table ?? {}).join(', ') || 'none'})`);
  }
  return solver;
}
