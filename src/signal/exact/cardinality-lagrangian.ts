/**
 * Certified bounds for the cardinality form (3)/(41) on a path at any n, from the exact penalty DP
 * (ours; not in the paper — the paper's cardinality experiments have no exact reference).
 *
 * With h(ν) = min_S ‖y‖² + F(S) + (μ + ν)|S| (the penalty optimum {@link pathExactL0} with ℓ0 weight
 * μ + ν, F(S) = −y_SᵀQ_SS⁻¹y_S) and k the cardinality bound, weak duality gives for every ν ≥ 0
 *
 *   g(ν) = h(ν) − νk ≤ OPT_k = min_{|S|≤k} ‖y‖² + F(S) + μ|S|,
 *
 * and every penalty minimiser S(ν) with |S(ν)| ≤ k is feasible, so its value ‖y‖² + F(S) + μ|S| is an
 * upper bound. If some |S(ν)| = k, both coincide (for |S'| ≤ k: F(S') + (μ+ν)|S'| ≥ F(S) + (μ+ν)k) and the
 * solution is optimal. Penalty minimisers with |S(ν)| > k are also repaired into feasible points
 * (k largest entries of x(S), refitted — {@link thresholdRefit}, ours) to tighten the upper bound
 * (`repair: false` disables it). g is concave and piecewise linear (a minimum of lines A_S + ν(|S| − k)); it is
 * maximised exactly by intersecting the supporting lines of a bracket (|S_lo| > k > |S_hi|), which
 * terminates after finitely many DP calls. The gap that may remain is the duality gap at k (k not
 * on the lower convex hull of the value-by-cardinality curve).
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem, SignalSolution } from '../model.ts';
import { pathExactL0 } from './path-dp.ts';
import { thresholdRefit } from '../heuristic.ts';

/** Result of {@link pathCardinalityBounds}. */
export interface CardinalityBounds {
  /** max_ν g(ν) found (≤ OPT_k), ‖y‖² included. */
  lowerBound: number;
  /** Best feasible value found (≥ OPT_k), ‖y‖² included. */
  upperBound: number;
  /** Feasible solution attaining the upper bound (‖x‖₀ ≤ k). */
  solution: SignalSolution;
  /** True when the bounds coincide up to 1e-12 relative (the solution is optimal). */
  exact: boolean;
  /** The multiplier ν of the lower bound. */
  nu: number;
  /** Number of penalty-DP calls. */
  dpCalls: number;
}

/** Certified lower/upper bounds for the cardinality form on a path (see module comment). */
export function pathCardinalityBounds(p: SignalProblem, opts: { maxCalls?: number; repair?: boolean } = {}): CardinalityBounds {
  if (p.k === null) throw new InvalidArgumentError('problem.k', p.k, 'an integer cardinality bound');
  const k = p.k;
  const maxCalls = opts.maxCalls ?? 200;
  let calls = 0;
  const solve = (nu: number): { S: SignalSolution; c: number; A: number; h: number } => {
    calls++;
    const r = pathExactL0({ ...p, k: null, mu: p.mu + nu });
    let c = 0;
    for (let i = 0; i < p.n; i++) c += r.z[i];
    return { S: r, c, A: r.objective - nu * c, h: r.objective };
  };
  let bestLB = -Infinity;
  let bestNu = 0;
  let bestUB = Infinity;
  let bestSol: SignalSolution | null = null;
  const record = (nu: number, r: { S: SignalSolution; c: number; A: number; h: number }): void => {
    const g = r.h - nu * k;
    if (g > bestLB) {
      bestLB = g;
      bestNu = nu;
    }
    if (r.c <= k && r.A < bestUB) {
      bestUB = r.A;
      bestSol = { x: r.S.x, z: r.S.z, objective: r.A };
    }
    if (r.c > k && opts.repair !== false) {
      // Repair (heuristic upper bound): keep the k largest entries of x(S), refit x on them.
      const t = thresholdRefit(p, r.S.x, k);
      if (t.objective < bestUB) {
        bestUB = t.objective;
        bestSol = t;
      }
    }
  };
  const finish = (): CardinalityBounds => {
    const lb = Math.min(bestLB, bestUB);
    return {
      lowerBound: lb,
      upperBound: bestUB,
      solution: bestSol!,
      exact: bestUB - lb <= 1e-12 * Math.max(1, Math.abs(bestUB)),
      nu: bestNu,
      dpCalls: calls,
    };
  };
  const r0 = solve(0);
  record(0, r0);
  if (r0.c <= k) return finish();
  // ν ≥ ‖y‖² + 1 makes the empty support optimal (F(S) ≥ −‖y‖²).
  const nuHi = p.yNorm2 + 1;
  let lo = { nu: 0, ...r0 };
  const rh = solve(nuHi);
  record(nuHi, rh);
  let hi = { nu: nuHi, ...rh };
  if (hi.c === k) return finish();
  while (calls < maxCalls) {
    // Lines A + ν·c of lo (c > k) and hi (c < k) intersect at ν*.
    const nu = (hi.A - lo.A) / (lo.c - hi.c);
    const r = solve(nu);
    record(nu, r);
    const lineValue = lo.A + nu * lo.c;
    if (r.c === k || r.h >= lineValue - 1e-12 * Math.max(1, Math.abs(lineValue))) break; // ν* maximises g
    if (r.c > k) lo = { nu, ...r };
    else hi = { nu, ...r };
  }
  return finish();
}
