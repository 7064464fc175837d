/**
 * Upper bounds from a relaxation's solution and the gap (42) of AGH21 §5.1.
 *
 * The paper's thresholding heuristic (§5.1, p. 26): with x̂ the relaxation's x and x̂_(k) its k-th
 * largest entry, x̄_i = x̂_i if x̂_i ≥ x̂_(k), else 0 — **no refit** — and ζ_UB is the objective at x̄
 * (‖y‖² included). Ties at x̂_(k) are broken by index so that exactly k entries are kept (x̄ stays
 * feasible for ‖x‖₀ ≤ k); zero entries are never counted as kept.
 *
 * {@link thresholdRefit} (OURS, not the paper's) re-solves x on the same support (x_S = Q_SS⁻¹y_S,
 * or the exact nonnegative solve when ν > 0); it is never worse than the plain heuristic.
 *
 * gap (42) = 100·(ζ_UB − ζ_LB)/ζ_UB, see {@link gap42}.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, integerInRange } from '../core/validate.ts';
import {
  gap42,
  objective,
  type SignalProblem,
  type SignalSolution,
  supportSolution,
  supportSolutionNonneg,
} from './model.ts';

/** Resolve k: the argument, else the problem's cardinality bound. */
function resolveK(p: SignalProblem, k: number | undefined): number {
  if (k !== undefined) return integerInRange('k', k, 0, p.n);
  if (p.k === null) throw new InvalidArgumentError('k', k, 'an integer in [0, n] (the problem has no cardinality bound)');
  return p.k;
}

/** Indices of the k largest positive entries of v (ties by lower index). */
function topK(v: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] > 0) idx.push(i);
  idx.sort((a, b) => v[b] - v[a] || a - b);
  return idx.slice(0, k);
}

/**
 * The paper's heuristic: keep the k largest entries of x̂, zero the rest, no refit (§5.1).
 * Negative entries of x̂ (solver roundoff) are treated as zero.
 */
export function thresholdHeuristic(p: SignalProblem, xhat: ArrayLike<number>, k?: number): SignalSolution {
  finiteVector('xhat', xhat, p.n);
  const kk = resolveK(p, k);
  const keep = topK(xhat, kk);
  const x = new Float64Array(p.n);
  const z = new Uint8Array(p.n);
  for (const i of keep) {
    x[i] = xhat[i];
    z[i] = 1;
  }
  return { x, z, objective: objective(p, x, z) };
}

/** OURS (labelled as such): the same support as {@link thresholdHeuristic}, with x refitted on it. */
export function thresholdRefit(p: SignalProblem, xhat: ArrayLike<number>, k?: number): SignalSolution {
  finiteVector('xhat', xhat, p.n);
  const kk = resolveK(p, k);
  const keep = topK(xhat, kk);
  const x = p.l1 === 0 ? supportSolution(p, keep) : supportSolutionNonneg(p, keep);
  const z = new Uint8Array(p.n);
  for (const i of keep) z[i] = 1;
  return { x, z, objective: objective(p, x, z) };
}

/** Upper bound, lower bound and gap (42) from a relaxation (x̂, ζ_LB). */
export interface HeuristicGap {
  upper: number;
  lower: number;
  /** 100·(ζ_UB − ζ_LB)/ζ_UB, percent. */
  gap: number;
  solution: SignalSolution;
  /** 'paper' (no refit) or 'ours-refit'. */
  variant: 'paper' | 'ours-refit';
}

/** ζ_UB by thresholding (paper or refit variant), ζ_LB given, and gap (42). */
export function heuristicGap(
  p: SignalProblem,
  xhat: ArrayLike<number>,
  lower: number,
  opts: { k?: number; refit?: boolean } = {},
): HeuristicGap {
  const solution = opts.refit ? thresholdRefit(p, xhat, opts.k) : thresholdHeuristic(p, xhat, opts.k);
  return {
    upper: solution.objective,
    lower,
    gap: gap42(solution.objective, lower),
    solution,
    variant: opts.refit ? 'ours-refit' : 'paper',
  };
}
