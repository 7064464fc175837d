/**
 * Accelerated proximal gradient (FISTA with backtracking and function-value
 * restart) for the convex program of convex.ts:
 *
 *   min ½‖Σ_i D_iX(v_i − w_i) + c·1 − y‖² + β Σ_i (‖v_i‖ + ‖w_i‖)  s.t. v_i, w_i ∈ K_i.
 *
 * The non-smooth part is separable over blocks, and its prox is exact:
 *   prox_{t(β‖·‖ + ι_K)}(z) = (1 − tβ/‖Π_K(z)‖)_+ Π_K(z)
 * (for u = s·e, ‖e‖ = 1, e ∈ K, the best e is Π_K(z)/‖Π_K(z)‖ and the best s is
 * (‖Π_K(z)‖ − tβ)_+), with Π_K an NNLS solve (cone.ts). Blocks with ‖z‖ ≤ tβ are
 * zero without projecting. The iteration stops when the certificate
 * (certificate.ts) shows a relative gap ≤ tolGap.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { nonNegative, integerInRange, positive } from '../core/validate.ts';
import type { PatternSet } from './arrangements.ts';
import { certify } from './certificate.ts';
import { ConeProjector } from './cone.ts';
import { type ConvexSolution, type ReluCertificate, checkPatterns, zeroSolution } from './convex.ts';
import { addScaledRow, rowDot } from './kernels.ts';
import { largestEigenvalue } from './linalg.ts';
import type { ReluProblem } from './problem.ts';

/** Options of {@link solveFirstOrder}. */
export interface FirstOrderOptions {
  /** Stop when the certified relative gap is ≤ this [1e-6]. */
  tolGap?: number;
  /** Iteration limit [50 000]. */
  maxIterations?: number;
  /** Certify every this many iterations [25]. */
  checkEvery?: number;
  /** Wall-clock limit in ms [∞]. */
  timeLimitMs?: number;
  /** Starting point (blocks for the same pattern set). */
  warmStart?: ConvexSolution;
}

/** Result of a certified solve. */
export interface ReluSolveResult {
  solution: ConvexSolution;
  certificate: ReluCertificate;
  /** `certified`: relative gap ≤ tolGap; otherwise why it stopped (the certificate still holds what was reached). */
  status: 'certified' | 'max_iterations' | 'time_limit' | 'solver_error';
  iterations: number;
  timeMs: number;
  method: 'first-order' | 'conic' | 'working-set';
}

/** Rows of each pattern with D_i(j) = 1. */
function activeRows(patterns: PatternSet): Int32Array[] {
  return patterns.masks.map((m) => {
    const rows: number[] = [];
    for (let j = 0; j < m.length; j++) if (m[j]) rows.push(j);
    return Int32Array.from(rows);
  });
}

/** λ_max of MMᵀ = 2Σ_i D_iXXᵀD_i (+ 11ᵀ with an intercept): the Lipschitz constant of the smooth part. */
export function lipschitzConstant(problem: ReluProblem, patterns: PatternSet): number {
  const { n, d, X } = problem;
  const C = new Float64Array(n * n);
  for (const m of patterns.masks) for (let a = 0; a < n; a++) if (m[a]) for (let b = 0; b < n; b++) if (m[b]) C[a * n + b] += 1;
  const S = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
    let g = 0;
    for (let k = 0; k < d; k++) g += X[a * d + k] * X[b * d + k];
    S[a * n + b] = 2 * g * C[a * n + b] + (problem.intercept ? 1 : 0);
  }
  return largestEigenvalue(S, n);
}

/** Solve the convex program by FISTA; every return carries the certificate. */
export function solveFirstOrder(problem: ReluProblem, patterns: PatternSet, options: FirstOrderOptions = {}): ReluSolveResult {
  checkPatterns(problem, patterns);
  const tolGap = nonNegative('tolGap', options.tolGap ?? 1e-6);
  const maxIt = integerInRange('maxIterations', options.maxIterations ?? 50_000, 1);
  const every = integerInRange('checkEvery', options.checkEvery ?? 25, 1);
  const timeLimit = options.timeLimitMs === undefined ? Infinity : positive('timeLimitMs', options.timeLimitMs);
  const t0 = performance.now();
  const { n, d, X, y, beta } = problem;
  const P = patterns.masks.length;
  const rows = activeRows(patterns);
  const proj = new ConeProjector(X, n, d);
  let L = Math.max(1.01 * lipschitzConstant(problem, patterns), 1e-12);

  const x = options.warmStart ? copySol(options.warmStart) : zeroSolution(problem, P);
  if (x.v.length !== P * d || x.w.length !== P * d) throw new InvalidArgumentError('warmStart.v.length', x.v.length, `${P * d} (patterns × d)`);
  const xPrev = copySol(x);
  const yp = copySol(x); // momentum point
  const xNew = copySol(x);
  const gv = new Float64Array(P * d);
  const e = new Float64Array(n);
  const eNew = new Float64Array(n);
  const z = new Float64Array(d);
  const pz = new Float64Array(d);
  // multipliers of each block's last projection: ‖z + Aᵀλ‖ bounds ‖Π_K(z)‖ and lets zero blocks skip the NNLS
  const lamV = new Float64Array(P * n);
  const lamW = new Float64Array(P * n);
  let t = 1;

  const diff = new Float64Array(d);
  /** e = ŷ(s) − y; returns ½‖e‖². */
  const residual = (s: ConvexSolution, out: Float64Array): number => {
    for (let j = 0; j < n; j++) out[j] = s.c - y[j];
    for (let i = 0; i < P; i++) {
      const o = i * d;
      let nz = false;
      for (let k = 0; k < d; k++) {
        diff[k] = s.v[o + k] - s.w[o + k];
        if (s.v[o + k] !== s.w[o + k]) nz = true;
      }
      if (!nz) continue;
      const R = rows[i];
      for (let q = 0; q < R.length; q++) {
        const j = R[q];
        out[j] += rowDot(X, j * d, diff, 0, d);
      }
    }
    let f = 0;
    for (let j = 0; j < n; j++) f += out[j] * out[j];
    return 0.5 * f;
  };
  const penalty = (s: ConvexSolution): number => {
    let p = 0;
    for (let i = 0; i < P * d; i += d) {
      let a = 0;
      let b = 0;
      for (let k = 0; k < d; k++) {
        a += s.v[i + k] ** 2;
        b += s.w[i + k] ** 2;
      }
      p += Math.sqrt(a) + Math.sqrt(b);
    }
    return beta * p;
  };
  /** gv_i = XᵀD_i e (the gradient in v_i; the gradient in w_i is −gv_i). */
  const gradient = (res: Float64Array): number => {
    gv.fill(0);
    for (let i = 0; i < P; i++) {
      const R = rows[i];
      const o = i * d;
      for (let q = 0; q < R.length; q++) {
        const j = R[q];
        addScaledRow(gv, o, res[j], X, j * d, d);
      }
    }
    let gc = 0;
    for (let j = 0; j < n; j++) gc += res[j];
    return gc;
  };
  /** Block i of dst = prox_{(1/L)(β‖·‖+ι_K)}(src − sg·gv/L) (sg = 1 for v, −1 for w). */
  const proxBlock = (i: number, src: Float64Array, dst: Float64Array, sg: number, lamAll: Float64Array): void => {
    const o = i * d;
    let zn = 0;
    for (let k = 0; k < d; k++) {
      z[k] = src[o + k] - (sg * gv[o + k]) / L;
      zn += z[k] * z[k];
    }
    if (Math.sqrt(zn) <= beta / L) {
      for (let k = 0; k < d; k++) dst[o + k] = 0;
      return;
    }
    const lam = lamAll.subarray(i * n, (i + 1) * n);
    if (proj.bound(patterns.masks[i], z, lam) <= beta / L) {
      for (let k = 0; k < d; k++) dst[o + k] = 0;
      return;
    }
    const np = proj.project(patterns.masks[i], z, pz, 1, lam);
    const s = np > 0 ? 1 - beta / (L * np) : 0;
    for (let k = 0; k < d; k++) dst[o + k] = s > 0 ? s * pz[k] : 0;
  };
  /** xNew = prox_{(1/L)(β‖·‖+ι_K)}(yp − ∇/L). */
  const proxStep = (gc: number): void => {
    for (let i = 0; i < P; i++) {
      proxBlock(i, yp.v, xNew.v, 1, lamV);
      proxBlock(i, yp.w, xNew.w, -1, lamW);
    }
    xNew.c = problem.intercept ? yp.c - gc / L : 0;
  };

  let fx = residual(x, e) + penalty(x);
  let it = 0;
  let status: ReluSolveResult['status'] = 'max_iterations';
  let cert = certify(problem, patterns, x, proj);
  if (cert.relGap <= tolGap) status = 'certified';
  while (status !== 'certified' && it < maxIt) {
    it++;
    const fy = residual(yp, e);
    const gc = gradient(e);
    // backtracking: f(x⁺) ≤ f(y) + ⟨∇f(y), x⁺ − y⟩ + (L/2)‖x⁺ − y‖²
    let fSmooth = 0; // ½‖e‖² at the last x⁺ tried (the one kept)
    for (let bt = 0; bt < 60; bt++) {
      proxStep(gc);
      const fNew = residual(xNew, eNew);
      fSmooth = fNew;
      let lin = 0;
      let sq = 0;
      for (let q = 0; q < P * d; q++) {
        const dv = xNew.v[q] - yp.v[q];
        const dw = xNew.w[q] - yp.w[q];
        lin += gv[q] * (dv - dw);
        sq += dv * dv + dw * dw;
      }
      const dc = xNew.c - yp.c;
      lin += gc * dc;
      sq += dc * dc;
      if (fNew <= fy + lin + 0.5 * L * sq + 1e-15 * Math.abs(fy)) break;
      L *= 2;
    }
    const fNew = fSmooth + penalty(xNew);
    copyInto(xPrev, x);
    copyInto(x, xNew);
    if (fNew > fx) {
      // function-value restart (O'Donoghue & Candès 2015)
      t = 1;
      copyInto(yp, x);
    } else {
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      const mom = (t - 1) / tNext;
      for (let q = 0; q < P * d; q++) {
        yp.v[q] = x.v[q] + mom * (x.v[q] - xPrev.v[q]);
        yp.w[q] = x.w[q] + mom * (x.w[q] - xPrev.w[q]);
      }
      yp.c = x.c + mom * (x.c - xPrev.c);
      t = tNext;
    }
    fx = fNew;
    if (it % every === 0 || it === maxIt) {
      cert = certify(problem, patterns, x, proj);
      if (cert.relGap <= tolGap) status = 'certified';
      else if (performance.now() - t0 > timeLimit) {
        status = 'time_limit';
        break;
      }
    }
  }
  if (status !== 'certified') cert = certify(problem, patterns, x, proj);
  return { solution: x, certificate: cert, status, iterations: it, timeMs: performance.now() - t0, method: 'first-order' };
}

function copySol(s: ConvexSolution): ConvexSolution {
  return { v: Float64Array.from(s.v), w: Float64Array.from(s.w), c: s.c };
}

function copyInto(dst: ConvexSolution, src: ConvexSolution): void {
  dst.v.set(src.v);
  dst.w.set(src.w);
  dst.c = src.c;
}
