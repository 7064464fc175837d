/**
 * Exact solution of the MIQO (6)/(11) by enumeration of the indicator vector z ∈ {0,1}ⁿ (n ≤ 20).
 *
 *   OPT = min_{z ∈ C} min_{x ≥ 0, x_i(1−z_i)=0}  ‖y − x‖² + λΣ_A(x_i − x_j)² + μΣz + νΣx
 *
 * where C = {z : Σz ≤ k (if set), every prior holds}. For each z the inner minimum is the support
 * problem: with ν = 0 it is x_S = Q_SS⁻¹ y_S (docs/claims/agh21.md#big-m-valid: nonnegative automatically since y ≥ 0) with
 * value ‖y‖² − y_Sᵀ Q_SS⁻¹ y_S + μ|S|; with ν > 0 it is the exact nonnegative solve
 * {@link supportSolutionNonneg}. Works for any graph. Objective includes ‖y‖².
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import {
  buildQ,
  objective,
  type SignalProblem,
  type SignalSolution,
  solveOnSupport,
  supportSolutionNonneg,
  zFeasible,
} from '../model.ts';

/** Largest n accepted by {@link bruteForce} (2ⁿ supports). */
export const BRUTE_FORCE_MAX_N = 20;

/** Result of {@link bruteForce}: the optimum and how many feasible z were evaluated. */
export interface BruteForceResult extends SignalSolution {
  /** Number of indicator vectors z ∈ C evaluated. */
  evaluated: number;
}

/** Exact optimum by enumerating every z ∈ {0,1}ⁿ ∩ C (n ≤ 20); any graph, penalty/cardinality/priors/ℓ1. */
export function bruteForce(p: SignalProblem): BruteForceResult {
  const n = p.n;
  if (n > BRUTE_FORCE_MAX_N) throw new InvalidArgumentError('problem.n', n, `at most ${BRUTE_FORCE_MAX_N} for brute force`);
  const q = buildQ(p);
  const z = new Uint8Array(n);
  const x = new Float64Array(n);
  let best = Infinity;
  let bestX = new Float64Array(n);
  let bestZ = new Uint8Array(n);
  let evaluated = 0;
  const total = 1 << n;
  for (let code = 0; code < total; code++) {
    let card = 0;
    for (let i = 0; i < n; i++) {
      z[i] = (code >>> i) & 1;
      card += z[i];
    }
    if (p.k !== null && card > p.k) continue;
    if (p.priors.length > 0 && !zFeasible(p, z)) continue;
    evaluated++;
    let v: number;
    let xs: Float64Array;
    if (p.l1 === 0) {
      solveOnSupport(p, z, p.y, x, q);
      v = p.yNorm2 + p.mu * card;
      for (let i = 0; i < n; i++) v -= p.y[i] * x[i];
      xs = x;
    } else {
      xs = supportSolutionNonneg(p, z, q);
      v = objective(p, xs, z);
    }
    if (v < best) {
      best = v;
      bestX = Float64Array.from(xs);
      bestZ = Uint8Array.from(z);
    }
  }
  if (evaluated === 0) throw new InvalidArgumentError('problem.priors', p.priors, 'constraints with at least one feasible z');
  return { x: bestX, z: bestZ, objective: best, evaluated };
}
