/**
 * Segments and block subproblems of the tailored Lagrangian decomposition
 * (AGH21 §4.3, pp. 23–25).
 *
 * Problem (37)/(44) on a path, penalty form, n nodes:
 *   min ‖y − x‖² + λ Σ_{i=1}^{n−1} (x_{i+1} − x_i)² + κ Σ z_i + μ₁ Σ x_i
 *   s.t. 0 ≤ x ≤ u z,  z ∈ {0,1}ⁿ,  u = ‖y‖∞
 * (κ is the ℓ0 weight — μ in (37), κ in (44); μ₁ the ℓ1 shrinkage weight — μ in (44).)
 *
 * Breakpoints ℓ_j = 1 + (j − 1)⌊n/m⌋, j = 1..m (1-based); block j is
 * [ℓ_j, ℓ_{j+1} − 1] and the last block takes the remainder. Here 0-based:
 * `start[j] = j·⌊n/m⌋`, `start[m] = n`.
 *
 * Block j of (40a), for fixed multipliers γ (boundary j between blocks j−1 and j):
 *   min Σ_{i∈block} (y_i² − 2y_i x_i) + θ_j(z,x) + κ Σ z_i + μ₁ Σ x_i − γ_j x_{ℓ_j} + γ_{j+1} x_{ℓ_{j+1}−1}
 * where θ_j convexifies the block-local quadratic Σ x_i² + λ Σ_{inside} (x_{i+1} − x_i)².
 * In a {@link SegmentProblem} the two boundary terms are `cFirst·x_first + cLast·x_last`.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { finiteNumber, integerInRange, nonNegative, nonNegativeVector, positive } from '../../core/validate.ts';

/** One block subproblem (data of block j for fixed γ). */
export interface SegmentProblem {
  /** Block index j (0-based). */
  index: number;
  /** Block data y_i (≥ 0). */
  y: Float64Array;
  /** Smoothing weight λ > 0. */
  lambda: number;
  /** ℓ0 weight κ ≥ 0 (μ of (37)). */
  kappa: number;
  /** ℓ1 shrinkage weight μ₁ ≥ 0 (μ of (44)); 0 in (37). */
  mu1: number;
  /** Big-M u = ‖y‖∞ of the whole path. */
  u: number;
  /** Linear coefficient on the first node: −γ_j (0 for the first block). */
  cFirst: number;
  /** Linear coefficient on the last node: +γ_{j+1} (0 for the last block). */
  cLast: number;
  /**
   * Solver state returned by the previous solve of the same block (`SegmentResult.state`), for warm
   * starts — e.g. Algorithm 1's cut sets Δ_ij. Passed explicitly, so results do not depend on which
   * worker solves the block.
   */
  warm?: unknown;
}

/** What a block solver returns. */
export interface SegmentResult {
  /** A valid lower bound on the block relaxation's optimal value (includes Σ y_i²). */
  value: number;
  /** The block's (near-)optimal x. */
  x: Float64Array;
  /** The block's z, if the solver has one. */
  z?: Float64Array;
  /** Solver-specific work count (Newton steps, cutting-plane rounds...). */
  work?: number;
  /** State to hand back as `warm` when this block is solved again (structured-cloneable). */
  state?: unknown;
}

/** A block solver: a pure function of the block problem. */
export type SegmentSolver = (p: SegmentProblem) => SegmentResult;

/** 0-based block starts: start[j] = j·⌊n/m⌋ for j < m, start[m] = n (the paper's ℓ_j − 1). */
export function segmentStarts(n: number, m: number): Int32Array {
  integerInRange('n', n, 1);
  integerInRange('m', m, 1, n);
  const w = Math.floor(n / m);
  const start = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) start[j] = j * w;
  start[m] = n;
  return start;
}

/** The path problem (37)/(44) the decomposition targets. */
export interface PathPenaltyProblem {
  /** Data y ∈ ℝⁿ₊. */
  y: ArrayLike<number>;
  /** Smoothing λ > 0. */
  lambda: number;
  /** ℓ0 weight κ ≥ 0. */
  kappa: number;
  /** ℓ1 weight μ₁ ≥ 0 (default 0). */
  mu1?: number;
}

/** Validated problem with u = ‖y‖∞. */
export interface ValidatedPath {
  y: Float64Array;
  n: number;
  lambda: number;
  kappa: number;
  mu1: number;
  u: number;
}

/** Validate a {@link PathPenaltyProblem} (y finite ≥ 0, n ≥ 1, λ > 0, κ, μ₁ ≥ 0, y ≠ 0). */
export function validatePath(p: PathPenaltyProblem): ValidatedPath {
  if (p === null || typeof p !== 'object') throw new InvalidArgumentError('problem', p, 'an object {y, lambda, kappa}');
  const y = nonNegativeVector('y', p.y);
  if (y.length < 1) throw new InvalidArgumentError('y.length', 0, 'at least 1');
  const lambda = positive('lambda', p.lambda);
  const kappa = nonNegative('kappa', p.kappa);
  const mu1 = p.mu1 === undefined ? 0 : nonNegative('mu1', p.mu1);
  const yy = Float64Array.from(y);
  let u = 0;
  for (let i = 0; i < yy.length; i++) if (yy[i] > u) u = yy[i];
  if (u === 0) throw new InvalidArgumentError('y', p.y, 'not identically zero (u = ‖y‖∞ must be > 0)');
  return { y: yy, n: yy.length, lambda, kappa, mu1, u };
}

/** Validate a block problem handed to a solver. */
export function validateSegment(p: SegmentProblem): SegmentProblem {
  nonNegativeVector('segment.y', p.y);
  if (p.y.length < 1) throw new InvalidArgumentError('segment.y.length', 0, 'at least 1');
  positive('segment.lambda', p.lambda);
  nonNegative('segment.kappa', p.kappa);
  nonNegative('segment.mu1', p.mu1);
  positive('segment.u', p.u);
  finiteNumber('segment.cFirst', p.cFirst);
  finiteNumber('segment.cLast', p.cLast);
  return p;
}

/**
 * Objective of (37)/(44) at an integer-feasible point x with z_i = 1[x_i ≠ 0]:
 * ‖y − x‖² + λ Σ (x_{i+1} − x_i)² + κ‖x‖₀ + μ₁‖x‖₁. Requires 0 ≤ x ≤ u.
 */
export function pathPenaltyObjective(y: ArrayLike<number>, x: ArrayLike<number>, lambda: number, kappa: number, mu1 = 0): number {
  let f = 0;
  for (let i = 0; i < y.length; i++) {
    const r = y[i] - x[i];
    f += r * r;
    if (x[i] !== 0) f += kappa + mu1 * x[i];
    if (i > 0) {
      const d = x[i] - x[i - 1];
      f += lambda * d * d;
    }
  }
  return f;
}
