/**
 * The non-convex network f(X) = Σ_j (Xu_j)_+ α_j + c and the maps between it and
 * the convex program.
 *
 * - Convex → network (Pilanci & Ergen, ICML 2020): each v_i ≠ 0 gives the neuron
 *   u = v_i/√‖v_i‖, α = +√‖v_i‖; each w_i ≠ 0 gives u = w_i/√‖w_i‖, α = −√‖w_i‖.
 *   When v_i is in its cone, (Xu)_+α = D_iXv_i and (β/2)(‖u‖² + α²) = β‖v_i‖, so
 *   the network's objective equals the convex objective.
 * - Rescaling (Ergen & Pilanci, Lemma 1): u_j ← γ_j u_j, α_j ← α_j/γ_j with
 *   γ_j = (|α_j|/‖u_j‖)^{1/2} keeps f and makes ½(‖u_j‖² + α_j²) = |α_j|‖u_j‖.
 * - Network → convex: each neuron's pattern 1[Xu_j ≥ 0] and block |α_j|u_j.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { type PatternSet, maskKey, patternOf } from './arrangements.ts';
import type { ConvexSolution } from './convex.ts';
import type { ReluProblem } from './problem.ts';

/** A two-layer ReLU network with m neurons: U (m×d, row j = u_j), α (m), intercept c. */
export interface ReluNetwork {
  readonly m: number;
  readonly d: number;
  readonly U: Float64Array;
  readonly alpha: Float64Array;
  c: number;
}

/** Network output Σ_j (Xu_j)_+α_j + c. */
export function networkOutput(problem: ReluProblem, net: ReluNetwork, out = new Float64Array(problem.n)): Float64Array {
  const { n, d, X } = problem;
  if (net.d !== d) throw new InvalidArgumentError('network.d', net.d, `${d} (columns of X)`);
  out.fill(net.c);
  for (let q = 0; q < net.m; q++) {
    const a = net.alpha[q];
    if (a === 0) continue;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X[j * d + k] * net.U[q * d + k];
      if (s > 0) out[j] += s * a;
    }
  }
  return out;
}

/** The weight-decay objective ½‖f(X) − y‖² + (β/2)Σ_j(‖u_j‖² + α_j²). */
export function networkObjective(problem: ReluProblem, net: ReluNetwork): number {
  const f = networkOutput(problem, net);
  let loss = 0;
  for (let j = 0; j < problem.n; j++) loss += (f[j] - problem.y[j]) ** 2;
  let reg = 0;
  for (let q = 0; q < net.m * net.d; q++) reg += net.U[q] ** 2;
  for (let q = 0; q < net.m; q++) reg += net.alpha[q] ** 2;
  return 0.5 * loss + 0.5 * problem.beta * reg;
}

/** The network of a convex solution: one neuron per non-zero block (exponent ½ on both layers). */
export function networkFromConvex(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): ReluNetwork {
  const d = problem.d;
  const U: number[] = [];
  const alpha: number[] = [];
  for (let i = 0; i < patterns.masks.length; i++) {
    for (const [blk, sg] of [[sol.v, 1], [sol.w, -1]] as const) {
      let s = 0;
      for (let k = 0; k < d; k++) s += blk[i * d + k] ** 2;
      const nv = Math.sqrt(s);
      if (nv === 0) continue;
      const root = Math.sqrt(nv);
      for (let k = 0; k < d; k++) U.push(blk[i * d + k] / root);
      alpha.push(sg * root);
    }
  }
  return { m: alpha.length, d, U: Float64Array.from(U), alpha: Float64Array.from(alpha), c: sol.c };
}

/** The convex point of a network: pattern 1[Xu_j ≥ 0] and block |α_j|u_j (v if α_j > 0, w if α_j < 0). */
export function convexFromNetwork(problem: ReluProblem, net: ReluNetwork): { patterns: PatternSet; solution: ConvexSolution } {
  const { n, d, X } = problem;
  const index = new Map<string, number>();
  const masks: Uint8Array[] = [];
  const v: number[][] = [];
  const w: number[][] = [];
  for (let q = 0; q < net.m; q++) {
    const u = net.U.subarray(q * d, (q + 1) * d);
    const mask = patternOf(X, n, d, u);
    const key = maskKey(mask);
    let i = index.get(key);
    if (i === undefined) {
      i = masks.length;
      index.set(key, i);
      masks.push(mask);
      v.push(new Array(d).fill(0));
      w.push(new Array(d).fill(0));
    }
    const a = net.alpha[q];
    const blk = a >= 0 ? v[i] : w[i];
    for (let k = 0; k < d; k++) blk[k] += Math.abs(a) * u[k];
  }
  return {
    patterns: { n, masks, exact: false, method: 'given' },
    solution: { v: Float64Array.from(v.flat()), w: Float64Array.from(w.flat()), c: net.c },
  };
}

/** Lemma 1's optimal rescaling: γ_j = (|α_j|/‖u_j‖)^{1/2}, u_j ← γ_j u_j, α_j ← α_j/γ_j (dead neurons are zeroed). */
export function rescaleNetwork(net: ReluNetwork): ReluNetwork {
  const { m, d } = net;
  const U = Float64Array.from(net.U);
  const alpha = Float64Array.from(net.alpha);
  for (let q = 0; q < m; q++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += U[q * d + k] ** 2;
    const nu = Math.sqrt(s);
    const a = Math.abs(alpha[q]);
    if (nu === 0 || a === 0) {
      for (let k = 0; k < d; k++) U[q * d + k] = 0;
      alpha[q] = 0;
      continue;
    }
    const gamma = Math.sqrt(a / nu);
    for (let k = 0; k < d; k++) U[q * d + k] *= gamma;
    alpha[q] /= gamma;
  }
  return { m, d, U, alpha, c: net.c };
}

/** β Σ_j |α_j|‖u_j‖ (the path-norm penalty, eq. (16) right-hand side). */
export function pathNormPenalty(net: ReluNetwork, beta: number): number {
  let s = 0;
  for (let q = 0; q < net.m; q++) {
    let t = 0;
    for (let k = 0; k < net.d; k++) t += net.U[q * net.d + k] ** 2;
    s += Math.abs(net.alpha[q]) * Math.sqrt(t);
  }
  return beta * s;
}
