/**
 * The primal–dual path solver of path-pd.ts for the decomp model (32) WITH affine priors on z — ours, for
 * Decomp-prior (43) of AGH21 §5.2.2: the same model, layout, method and loop, with the priors' rows added
 * by path-pd-model.ts ({@link priorModel}):
 *   - every linear prior Σ_t coef_t z_{i_t} (≤ | ≥) rhs as one more row (the windows (43d) have 2h + 1 terms);
 *   - the switch count (43c) Σ_e |z_{e+1} − z_e| ≤ max through two variables per edge and local rows;
 *   - the dense row Σz ≤ k in the Newton system by a Sherman–Morrison update, as without priors.
 *
 * Method and certificate as in path-pd.ts (Nesterov–Todd scaling, Mehrotra predictor–corrector, profile
 * Cholesky; the bound is the dual objective less the dual residual's effect at the iterate, taken only from
 * nearly dual-feasible iterates and never above the value). Cold starts only: z_i = z₀ constant (strictly
 * inside every window row when n > h), t_e small. Checked against the conic solver in test/unit/signal-stats.test.ts.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import type { PathBarrierSolution } from './path-barrier.ts';
import { priorModel } from './path-pd-model.ts';
import { PdPoint } from './path-pd-state.ts';
import { pathSolution, primalDual } from './path-pd.ts';

/** Whether {@link solveDecompPathPriors} takes p: a path, n ≥ 2, ‖y‖∞ > 0, k ≥ 1 if set, priors linear (≤ / ≥) or one switch count with max > 0. */
export function pathPriorsApplies(p: SignalProblem): boolean {
  if (p.graph.kind !== 'path' || p.n < 2 || !(p.u > 0) || (p.k !== null && p.k < 1) || p.priors.length === 0) return false;
  let switches = 0;
  for (const pr of p.priors) {
    if (pr.kind === 'switches') {
      if (!(pr.max > 0)) return false;
      switches++;
    } else if (pr.sense === '=') return false;
  }
  return switches <= 1;
}

/** Options of {@link solveDecompPathPriors} (as path-pd.ts). */
export interface PathPdPriorsOptions {
  relTol?: number;
  maxIterations?: number;
  acceptTol?: number;
  /** Called after every iteration (diagnostics). */
  onIteration?: (info: { iteration: number; value: number; lowerBound: number; gap: number; dualResidual: number; stepPrimal: number; stepDual: number; sigma: number }) => void;
}

/**
 * Solve (32) with priors on a path by the primal–dual method (see the module comment):
 *
 *   ζ = ‖y‖² + min −2y′x + νΣx + μΣz + Σ Q_ii Γ_ii − 2λ Σ_e Γ_e
 *       s.t. (23b), 0 ≤ x ≤ u z, 0 ≤ z ≤ 1, Σz ≤ k (if set), the cuts (33), z satisfies every prior (6c),
 *
 * model with the priors' rows → cold start, central duals at μ₀ = 1 → the loop of path-pd.ts → the point and its bound.
 */
export function solveDecompPathPriors(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathPdPriorsOptions = {}): PathBarrierSolution {
  if (!pathPriorsApplies(p)) throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, ‖y‖∞ > 0, k ≥ 1 if set, linear (≤/≥) priors and at most one switch count with max > 0');
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const M = priorModel(p, cuts);
  const n = p.n;
  if (M === null) {
    return { status: 'failed', x: new Float64Array(n), z: new Float64Array(n), gDiag: new Float64Array(n), gOff: new Float64Array(n - 1), value: NaN, lowerBound: -Infinity, gap: Infinity, newtonSteps: 0, timeMs: performance.now() - t0 };
  }
  const pt = new PdPoint(M, Float64Array.from(M.v0));
  pt.refresh();
  pt.centralDuals(1);
  return pathSolution(M, pt.v, primalDual(M, p.yNorm2, pt, opts, null), t0);
}
