/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, Algorithm 7.4
 * and 7.5): the two-loop recursion applies the inverse-Hessian approximation
 * built from the last `memory` pairs (s, y) = (x₊ − x, ∇f₊ − ∇f) to the
 * gradient, scaled by γ = sᵀy/yᵀy; a backtracking line search enforces the
 * Armijo condition f(x + t p) ≤ f(x) + 10⁻⁴ t ∇fᵀp. Pairs with sᵀy ≤ 10⁻¹²‖s‖‖y‖
 * are skipped (the objective may be non-smooth, as a ReLU network's is), and a
 * non-descent direction falls back to −∇f.
 */
import { integerInRange, nonNegative } from '../core/validate.ts';

/** Objective f(x), writing ∇f(x) into `grad`. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  /** Iteration limit [500]. */
  iterations?: number;
  /** Number of stored pairs [10]. */
  memory?: number;
  /** Stop when ‖∇f‖∞ ≤ this [1e-10]. */
  tolGrad?: number;
}

/** What {@link lbfgs} returns (x is updated in place to the last accepted iterate). */
export interface LbfgsResult {
  f: number;
  iterations: number;
  evaluations: number;
  status: 'converged' | 'max_iterations' | 'line_search_failed';
}

/** Minimise f from x (updated in place) by L-BFGS with backtracking. */
export function lbfgs(fg: ObjectiveWithGradient, x: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIt = integerInRange('iterations', options.iterations ?? 500, 1);
  const mem = integerInRange('memory', options.memory ?? 10, 1);
  const tolGrad = nonNegative('tolGrad', options.tolGrad ?? 1e-10);
  const N = x.length;
  const S = Array.from({ length: mem }, () => new Float64Array(N));
  const Yv = Array.from({ length: mem }, () => new Float64Array(N));
  const rhoS = new Float64Array(mem);
  const alphaS = new Float64Array(mem);
  let stored = 0;
  let head = 0; // index of the next slot
  const g = new Float64Array(N);
  const gNew = new Float64Array(N);
  const p = new Float64Array(N);
  const xNew = new Float64Array(N);
  let f = fg(x, g);
  let evaluations = 1;
  let status: LbfgsResult['status'] = 'max_iterations';
  let it = 0;
  for (; it < maxIt; it++) {
    let gInf = 0;
    for (let i = 0; i < N; i++) gInf = Math.max(gInf, Math.abs(g[i]));
    if (gInf <= tolGrad) {
      status = 'converged';
      break;
    }
    twoLoop(g, p);
    let slope = 0;
    for (let i = 0; i < N; i++) slope += g[i] * p[i];
    let t = 1;
    if (!(slope < 0) || stored === 0) {
      // first step or a non-descent direction: steepest descent with a unit-length first trial
      let gn = 0;
      for (let i = 0; i < N; i++) gn += g[i] * g[i];
      gn = Math.sqrt(gn);
      for (let i = 0; i < N; i++) p[i] = -g[i];
      slope = -gn * gn;
      t = stored === 0 ? 1 / gn : 1;
    }
    let fNew = Infinity;
    let accepted = false;
    for (let bt = 0; bt < 60; bt++) {
      for (let i = 0; i < N; i++) xNew[i] = x[i] + t * p[i];
      fNew = fg(xNew, gNew);
      evaluations++;
      if (fNew <= f + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      status = 'line_search_failed';
      break;
    }
    // store the pair (s, y) when the curvature condition holds
    const s = S[head];
    const yv = Yv[head];
    let sy = 0;
    let ss = 0;
    let yy = 0;
    for (let i = 0; i < N; i++) {
      s[i] = xNew[i] - x[i];
      yv[i] = gNew[i] - g[i];
      sy += s[i] * yv[i];
      ss += s[i] * s[i];
      yy += yv[i] * yv[i];
    }
    if (sy > 1e-12 * Math.sqrt(ss * yy)) {
      rhoS[head] = 1 / sy;
      head = (head + 1) % mem;
      stored = Math.min(stored + 1, mem);
    }
    x.set(xNew);
    g.set(gNew);
    f = fNew;
  }
  return { f, iterations: it, evaluations, status };

  /** p = −H g by the two-loop recursion over the stored pairs (newest first). */
  function twoLoop(grad: Float64Array, out: Float64Array): void {
    out.set(grad);
    for (let q = 0; q < stored; q++) {
      const k = (head - 1 - q + mem) % mem;
      let a = 0;
      for (let i = 0; i < N; i++) a += S[k][i] * out[i];
      a *= rhoS[k];
      alphaS[k] = a;
      for (let i = 0; i < N; i++) out[i] -= a * Yv[k][i];
    }
    if (stored > 0) {
      const k = (head - 1 + mem) % mem;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < N; i++) {
        sy += S[k][i] * Yv[k][i];
        yy += Yv[k][i] * Yv[k][i];
      }
      const gamma = sy / yy;
      for (let i = 0; i < N; i++) out[i] *= gamma;
    }
    for (let q = stored - 1; q >= 0; q--) {
      const k = (head - 1 - q + mem) % mem;
      let b = 0;
      for (let i = 0; i < N; i++) b += Yv[k][i] * out[i];
      b *= rhoS[k];
      for (let i = 0; i < N; i++) out[i] += (alphaS[k] - b) * S[k][i];
    }
    for (let i = 0; i < N; i++) out[i] = -out[i];
  }
}
