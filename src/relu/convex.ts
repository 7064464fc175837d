/**
 * The finite convex program of Pilanci & Ergen (ICML 2020) over a pattern set {D_i}:
 *
 *   min_{v_i, w_i ∈ ℝ^d, c}  ½‖Σ_i D_iX(v_i − w_i) + c·1 − y‖² + β Σ_i (‖v_i‖₂ + ‖w_i‖₂)
 *   s.t. (2D_i − I)Xv_i ≥ 0,  (2D_i − I)Xw_i ≥ 0,
 *
 * (c only when the problem has an output intercept), and the certificate every
 * solve returns. Its dual is max_r  rᵀy − ½‖r‖² subject to (1ᵀr = 0 with an intercept)
 *
 *   ρ(r) = max_i max(‖Π_{K_i}(XᵀD_i r)‖, ‖Π_{K_i}(−XᵀD_i r)‖) ≤ β,   K_i = {u : (2D_i − I)Xu ≥ 0}.
 *
 * The certificate takes the residual r = y − ŷ of the solution (centred when
 * there is an intercept), evaluates ρ(r) exactly (cone.ts), scales r into the
 * dual feasible set and returns the dual value D as a lower bound. When the
 * pattern set is exact, ρ(r) ≤ β means |rᵀ(Xu)_+| ≤ β‖u‖ for EVERY u, so D is a
 * lower bound on p* of the network problem itself; the upper bound is the
 * objective of the network mapped from the solution (mapping.ts).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import type { PatternSet } from './arrangements.ts';
import { ConeProjector } from './cone.ts';
import type { ReluProblem } from './problem.ts';

/** A point of the convex program: blocks v_i, w_i (row-major P×d) and the intercept c. */
export interface ConvexSolution {
  readonly v: Float64Array;
  readonly w: Float64Array;
  c: number;
}

/** What every solve certifies. */
export interface ReluCertificate {
  /** Convex objective at the solution. */
  convexValue: number;
  /** Objective of the network mapped from the solution: an upper bound on p* (an actual network). */
  networkValue: number;
  /** Dual value D(r̃) of the scaled residual: a lower bound on the program's optimum over these patterns (on p* when exact). */
  dualValue: number;
  /** ρ(r) = max_i max(‖Π_{K_i}(XᵀD_i r)‖, ‖Π_{K_i}(−XᵀD_i r)‖) at the unscaled residual r. */
  dualCheck: number;
  beta: number;
  /** networkValue − dualValue. */
  gap: number;
  /** gap / max(networkValue, 1e-300). */
  relGap: number;
  /** Largest relative violation of the cone constraints, max −((2D_i − I)Xv_i)_j / (‖x_j‖‖v_i‖), ≥ 0. */
  coneViolation: number;
  /** Whether dualValue bounds p* of the network problem (exact pattern set) or only the sampled program. */
  scope: 'all-networks' | 'these-patterns';
  /** Number of neurons of the mapped network (non-zero blocks). */
  neurons: number;
}

/** Check a pattern set against a problem: non-empty, masks of length n. */
export function checkPatterns(problem: ReluProblem, patterns: PatternSet): void {
  if (!patterns || !Array.isArray(patterns.masks) || patterns.masks.length === 0) {
    throw new InvalidArgumentError('patterns', patterns?.masks?.length ?? patterns, 'a non-empty pattern set');
  }
  for (let i = 0; i < patterns.masks.length; i++) {
    if (patterns.masks[i].length !== problem.n) throw new InvalidArgumentError(`patterns.masks[${i}].length`, patterns.masks[i].length, `${problem.n} (the number of samples)`);
  }
}

/** A zero solution for `P` patterns. */
export function zeroSolution(problem: ReluProblem, P: number): ConvexSolution {
  return { v: new Float64Array(P * problem.d), w: new Float64Array(P * problem.d), c: 0 };
}

/** ŷ = Σ_i D_iX(v_i − w_i) + c (into `out`). */
export function convexPrediction(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution, out = new Float64Array(problem.n)): Float64Array {
  const { n, d, X } = problem;
  out.fill(sol.c);
  const P = patterns.masks.length;
  for (let i = 0; i < P; i++) {
    const m = patterns.masks[i];
    const o = i * d;
    let nonzero = false;
    for (let k = 0; k < d; k++) if (sol.v[o + k] !== 0 || sol.w[o + k] !== 0) nonzero = true;
    if (!nonzero) continue;
    for (let j = 0; j < n; j++) {
      if (!m[j]) continue;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[j * d + k] * (sol.v[o + k] - sol.w[o + k]);
      out[j] += s;
    }
  }
  return out;
}

function blockNorm(a: Float64Array, o: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[o + k] * a[o + k];
  return Math.sqrt(s);
}

/** Σ_i (‖v_i‖ + ‖w_i‖). */
export function groupNorm(sol: ConvexSolution, P: number, d: number): number {
  let s = 0;
  for (let i = 0; i < P; i++) s += blockNorm(sol.v, i * d, d) + blockNorm(sol.w, i * d, d);
  return s;
}

/** The convex objective ½‖ŷ − y‖² + βΣ(‖v_i‖ + ‖w_i‖). */
export function convexObjective(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): number {
  const yhat = convexPrediction(problem, patterns, sol);
  let s = 0;
  for (let j = 0; j < problem.n; j++) s += (yhat[j] - problem.y[j]) ** 2;
  return 0.5 * s + problem.beta * groupNorm(sol, patterns.masks.length, problem.d);
}

/** Largest relative cone violation of the solution (0 when feasible). */
export function coneViolation(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): number {
  const { n, d, X } = problem;
  let worst = 0;
  for (let i = 0; i < patterns.masks.length; i++) {
    const m = patterns.masks[i];
    for (const blk of [sol.v, sol.w]) {
      const nb = blockNorm(blk, i * d, d);
      if (nb === 0) continue;
      for (let j = 0; j < n; j++) {
        let s = 0;
        let nx = 0;
        for (let k = 0; k < d; k++) {
          s += X[j * d + k] * blk[i * d + k];
          nx += X[j * d + k] ** 2;
        }
        const a = m[j] ? s : -s;
        if (nx > 0) worst = Math.max(worst, -a / (Math.sqrt(nx) * nb));
      }
    }
  }
  return worst;
}

/** Result of the exact dual check. */
export interface DualCheck {
  /** ρ(r). */
  rho: number;
  /** Pattern index and sign (+1: v-block, −1: w-block) attaining ρ. */
  argmax: number;
  sign: 1 | -1;
  /** Per pattern: max(‖Π_{K_i}(g_i)‖, ‖Π_{K_i}(−g_i)‖) (only when `perPattern` is asked for). */
  perPattern?: Float64Array;
}

/**
 * ρ(r) = max_i max(‖Π_{K_i}(XᵀD_i r)‖, ‖Π_{K_i}(−XᵀD_i r)‖), exactly (NNLS per cone).
 * Patterns with ‖XᵀD_i r‖ ≤ `skipBelow` are not projected (‖Π_K g‖ ≤ ‖g‖).
 * With `perPattern`, patterns with ‖XᵀD_i r‖ ≤ `boundBelow` are not projected either: their
 * entry is the upper bound ‖XᵀD_i r‖ (ρ is then exact whenever it exceeds `boundBelow`).
 */
export function dualCheck(problem: ReluProblem, patterns: PatternSet, r: ArrayLike<number>, projector = new ConeProjector(problem.X, problem.n, problem.d), opts: { perPattern?: boolean; skipBelow?: number; boundBelow?: number } = {}): DualCheck {
  const { n, d, X } = problem;
  const g = new Float64Array(d);
  const tmp = new Float64Array(d);
  let rho = 0;
  let argmax = -1;
  let sign: 1 | -1 = 1;
  const per = opts.perPattern ? new Float64Array(patterns.masks.length) : undefined;
  const skip = opts.skipBelow ?? -1;
  const bound = opts.boundBelow ?? -1;
  for (let i = 0; i < patterns.masks.length; i++) {
    const m = patterns.masks[i];
    g.fill(0);
    for (let j = 0; j < n; j++) {
      if (!m[j] || r[j] === 0) continue;
      for (let k = 0; k < d; k++) g[k] += X[j * d + k] * r[j];
    }
    let gn = 0;
    for (let k = 0; k < d; k++) gn += g[k] * g[k];
    gn = Math.sqrt(gn);
    if (gn <= skip && !per) continue;
    if (per && gn <= bound) {
      per[i] = gn;
      continue;
    }
    const a = gn === 0 ? 0 : projector.project(m, g, tmp, 1);
    const b = gn === 0 ? 0 : projector.project(m, g, tmp, -1);
    if (per) per[i] = Math.max(a, b);
    if (a > rho) {
      rho = a;
      argmax = i;
      sign = 1;
    }
    if (b > rho) {
      rho = b;
      argmax = i;
      sign = -1;
    }
  }
  return { rho, argmax, sign, perPattern: per };
}

/** Best dual value along the ray t·r, t ∈ [0, β/ρ]: D(t r) = t rᵀy − ½t²‖r‖². */
export function scaledDualValue(y: ArrayLike<number>, r: ArrayLike<number>, rho: number, beta: number): number {
  let ry = 0;
  let rr = 0;
  for (let j = 0; j < r.length; j++) {
    ry += r[j] * y[j];
    rr += r[j] * r[j];
  }
  if (rr === 0) return 0;
  const tMax = rho > 0 ? beta / rho : Infinity;
  const t = Math.min(Math.max(ry / rr, 0), tMax);
  return t * ry - 0.5 * t * t * rr;
}

/** The residual r = y − ŷ of a solution, centred (1ᵀr = 0) when the problem has an intercept. */
export function dualCandidate(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): Float64Array {
  const yhat = convexPrediction(problem, patterns, sol);
  const r = new Float64Array(problem.n);
  let mean = 0;
  for (let j = 0; j < problem.n; j++) {
    r[j] = problem.y[j] - yhat[j];
    mean += r[j];
  }
  mean /= problem.n;
  if (problem.intercept) for (let j = 0; j < problem.n; j++) r[j] -= mean;
  return r;
}
