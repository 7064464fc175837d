/**
 * Cardinality-form tools for the §5.1 study, model (41) on a path:
 *   min Σ (y_i − x_i)² + λ Σ (x_{i+1} − x_i)²  s.t. Σ z_i ≤ k, x ≤ u z, z ∈ {0,1}ⁿ, x ≥ 0  (u = ‖y‖∞ = 1 there).
 *
 * - {@link cardinalityChainBound}: the ℓ1-approx relaxation (5) (natural relaxation, z = x/u) or the
 *   persp relaxation (8) of (41), by dualising Σ z ≤ k with ν ≥ 0:
 *     g(ν) = min_{0≤x≤u} [Σ(y_i² − 2y_i x_i) + Σ φ_ν(x_i) + λΣ(x_{i+1}−x_i)²] − νk,
 *   φ_ν the closed-form z-minimisation of chain-qp.ts with ℓ0 weight κ = ν. Every g(ν) is a valid
 *   lower bound (weak duality; each inner value is certified, chain-qp.ts); we maximise the concave g
 *   by bisection on its derivative Σ z(ν) − k and return the best g found.
 * The thresholding heuristic and the gap (42) are src/signal/heuristic.ts (`heuristicGap`).
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange, nonNegativeVector, positive } from '../../core/validate.ts';
import { solveChainBlock, type ChainRelaxation } from '../lagrangian/chain-qp.ts';

/** A relaxation's answer for one cell of (41). */
export interface CardinalityBound {
  /** Valid lower bound ζ_LB (includes ‖y‖²). */
  lowerBound: number;
  /** The relaxation's x̂ (input of the thresholding heuristic). */
  x: Float64Array;
  /** Work: inner solves / rounds. */
  work: number;
}

/** ℓ1-approx or persp lower bound of (41) by the ν-dual (see module comment). */
export function cardinalityChainBound(kind: ChainRelaxation, y: ArrayLike<number>, lambda: number, k: number): CardinalityBound {
  const yy = Float64Array.from(nonNegativeVector('y', y));
  const n = yy.length;
  if (n < 1) throw new InvalidArgumentError('y.length', 0, 'at least 1');
  positive('lambda', lambda);
  integerInRange('k', k, 0, n);
  let u = 0;
  for (let i = 0; i < n; i++) u = Math.max(u, yy[i]);
  if (u === 0) throw new InvalidArgumentError('y', y, 'not identically zero');
  let work = 0;
  const evalAt = (nu: number): { g: number; sz: number; x: Float64Array } => {
    work++;
    const r = solveChainBlock(kind, { index: 0, y: yy, lambda, kappa: nu, mu1: 0, u, cFirst: 0, cLast: 0 });
    let sz = 0;
    for (let i = 0; i < n; i++) sz += r.z![i];
    return { g: r.value - nu * k, sz, x: r.x };
  };
  let best = evalAt(0);
  if (best.sz <= k) return { lowerBound: best.g, x: best.x, work };
  // bracket: increase ν until Σz(ν) ≤ k
  let lo = 0;
  let hi = 1e-3;
  let atHi = evalAt(hi);
  while (atHi.sz > k && hi < 1e8) {
    if (atHi.g > best.g) best = atHi;
    lo = hi;
    hi *= 4;
    atHi = evalAt(hi);
  }
  if (atHi.g > best.g) best = atHi;
  let feasible = atHi; // Σz ≤ k side
  for (let it = 0; it < 60 && hi - lo > 1e-8 * Math.max(1e-3, hi); it++) {
    const mid = 0.5 * (lo + hi);
    const r = evalAt(mid);
    if (r.g > best.g) best = r;
    if (r.sz > k) lo = mid;
    else {
      hi = mid;
      feasible = r;
    }
  }
  return { lowerBound: best.g, x: feasible.x, work };
}
