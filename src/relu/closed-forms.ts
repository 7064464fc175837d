/**
 * Closed forms and one-dimensional tools of Ergen & Pilanci (JMLR 2021).
 *
 * - Ramp dictionaries (a_i u_j + b_j)_+ and the ℓ1 problem over them
 *   (Section 4.1, Corollary 8 "fix the neurons, solve an ℓ1 problem"):
 *     min_w (1/(2κ))‖A_e w + c·1 − y‖² + β‖w‖₁,
 *   by cyclic coordinate descent (κ = n is Appendix 11's scaling, κ = 1 the ½-form (16)).
 * - The knot sweep: for 1-D data, max over a knot t and direction s = ±1 of
 *   |Σ_i r_i (s(a_i − t))_+| / κ. It is piecewise linear in t with breakpoints at
 *   the data, so t ∈ {a_i} suffices, provided Σ r_i = 0 (outside the data range
 *   the value is affine in t with slope ∓Σr). Together the two numbers certify
 *   optimality over ramps with arbitrary knots.
 * - Whitened data XXᵀ = I (Theorem 9): the optimal network in closed form and its dual.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, integerInRange, positive } from '../core/validate.ts';
import type { ReluNetwork } from './network.ts';
import { symmetricEigen } from './linalg.ts';
import type { ReluProblem } from './problem.ts';

/** The n×p ramp dictionary A_e[i][j] = (a_i u_j + b_j)_+ (row-major). */
export function rampDictionary(a: ArrayLike<number>, u: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  finiteVector('a', a);
  finiteVector('u', u);
  finiteVector('b', b, u.length);
  const n = a.length;
  const p = u.length;
  const A = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) A[i * p + j] = Math.max(0, a[i] * u[j] + b[j]);
  return A;
}

/** Options of {@link lassoCD}. */
export interface LassoOptions {
  beta: number;
  /** Loss scaling κ in (1/(2κ))‖·‖² [1]. */
  kappa?: number;
  /** Free intercept c [false]. */
  intercept?: boolean;
  /** Sweep limit [200 000]. */
  maxSweeps?: number;
  /** Stop when no coordinate moves more than this [1e-15]. */
  tol?: number;
}

/** Value (1/(2κ))‖Aw + c − y‖² + β‖w‖₁. */
export function lassoValue(A: Float64Array, n: number, p: number, y: ArrayLike<number>, w: ArrayLike<number>, c: number, beta: number, kappa = 1): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let s = c - y[i];
    for (let j = 0; j < p; j++) s += A[i * p + j] * w[j];
    loss += s * s;
  }
  let l1 = 0;
  for (let j = 0; j < p; j++) l1 += Math.abs(w[j]);
  return loss / (2 * kappa) + beta * l1;
}

/** Cyclic coordinate descent for min (1/(2κ))‖Aw + c − y‖² + β‖w‖₁ (A row-major n×p). */
export function lassoCD(A: Float64Array, n: number, p: number, y: ArrayLike<number>, options: LassoOptions): { w: Float64Array; c: number; value: number; residual: Float64Array; sweeps: number } {
  const beta = positive('beta', options.beta);
  const kappa = positive('kappa', options.kappa ?? 1);
  finiteVector('y', y, n);
  const maxSweeps = integerInRange('maxSweeps', options.maxSweeps ?? 200_000, 1);
  const tol = options.tol ?? 1e-15;
  const w = new Float64Array(p);
  const r = Float64Array.from(y); // r = y − Aw − c
  const colSq = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) colSq[j] += A[i * p + j] ** 2;
  let c = 0;
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let moved = 0;
    if (options.intercept) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += r[i];
      mean /= n;
      c += mean;
      for (let i = 0; i < n; i++) r[i] -= mean;
      moved = Math.max(moved, Math.abs(mean));
    }
    for (let j = 0; j < p; j++) {
      if (colSq[j] === 0) continue;
      let rho = 0;
      for (let i = 0; i < n; i++) rho += A[i * p + j] * r[i];
      rho += colSq[j] * w[j];
      // minimise (1/(2κ))(colSq w² − 2ρ w) + β|w|
      const t = kappa * beta;
      const wNew = rho > t ? (rho - t) / colSq[j] : rho < -t ? (rho + t) / colSq[j] : 0;
      const dw = wNew - w[j];
      if (dw !== 0) {
        for (let i = 0; i < n; i++) r[i] -= A[i * p + j] * dw;
        w[j] = wNew;
        moved = Math.max(moved, Math.abs(dw));
      }
    }
    if (moved <= tol) break;
  }
  return { w, c, value: lassoValue(A, n, p, y, w, c, beta, kappa), residual: r, sweeps };
}

/** The knot sweep of 1-D data: max_{t ∈ {a_i}, s = ±1} |Σ r_i (s(a_i − t))_+| / κ, and Σ r_i. */
export function knotCertificate(a: ArrayLike<number>, r: ArrayLike<number>, kappa = 1): { maxRamp: number; sumResidual: number } {
  finiteVector('a', a);
  finiteVector('r', r, a.length);
  const n = a.length;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += r[i];
  for (let k = 0; k < n; k++) {
    const t = a[k];
    for (const s of [1, -1]) {
      let v = 0;
      for (let i = 0; i < n; i++) v += r[i] * Math.max(0, s * (a[i] - t));
      max = Math.max(max, Math.abs(v) / kappa);
    }
  }
  return { maxRamp: max, sumResidual: sum };
}

/** Theorem 9's closed form for whitened data (XXᵀ = Iₙ). */
export interface WhitenedSolution {
  /** The optimal network (weight-decay form: each neuron rescaled so ‖u‖ = |α|). */
  network: ReluNetwork;
  /** Primal value ½‖ŷ − y‖² + β Σ|w_j| (ℓ1 form, ‖u_j‖ = 1). */
  primal: number;
  /** Dual value −½‖v − y‖² + ½‖y‖² at the closed-form v*. */
  dual: number;
  /** The dual point v* = β(y)_+/p − β(−y)_+/q (a part is the raw (±y)_+ when β exceeds its norm). */
  v: Float64Array;
  /** Output weights in the ℓ1 form: (p − β)_+ and −(q − β)_+ (zero entries are absent neurons). */
  weights: [number, number];
  /** p = ‖(y)_+‖, q = ‖(−y)_+‖. */
  p: number;
  q: number;
}

/** Theorem 9: for XXᵀ = Iₙ, U* = [Xᵀ(y)_+/p, Xᵀ(−y)_+/q] and w* = ((p − β)_+, −(q − β)_+). */
export function whitenedClosedForm(problem: ReluProblem): WhitenedSolution {
  const { n, d, X, y, beta } = problem;
  if (problem.intercept) throw new InvalidArgumentError('intercept', true, 'false (Theorem 9 has no output intercept)');
  let dev = 0;
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[a * d + k] * X[b * d + k];
    dev = Math.max(dev, Math.abs(s - (a === b ? 1 : 0)));
  }
  if (dev > 1e-10) throw new InvalidArgumentError('X', `max |XXᵀ − I| = ${dev.toExponential(2)}`, 'whitened data, XXᵀ = I (n ≤ d)');
  const yp = Float64Array.from(y, (v) => Math.max(v, 0));
  const ym = Float64Array.from(y, (v) => Math.max(-v, 0));
  const p = Math.hypot(...yp);
  const q = Math.hypot(...ym);
  const U: number[] = [];
  const alpha: number[] = [];
  const weights: [number, number] = [Math.max(p - beta, 0), -Math.max(q - beta, 0)];
  const v = new Float64Array(n);
  for (const [part, norm, w, sg] of [[yp, p, weights[0], 1], [ym, q, weights[1], -1]] as const) {
    if (Math.abs(w) > 0) {
      // u = Xᵀ part / norm (unit), rescaled by √|w| so that (β/2)(‖u‖² + α²) = β|w|
      const root = Math.sqrt(Math.abs(w));
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += X[j * d + k] * part[j];
        U.push((s / norm) * root);
      }
      alpha.push(sg * root);
      for (let j = 0; j < n; j++) v[j] += (sg * beta * part[j]) / norm;
    } else {
      for (let j = 0; j < n; j++) v[j] += sg * part[j];
    }
  }
  const network: ReluNetwork = { m: alpha.length, d, U: Float64Array.from(U), alpha: Float64Array.from(alpha), c: 0 };
  // ŷ = (1 − β/p)_+ (y)_+ − (1 − β/q)_+ (−y)_+ (group soft-thresholding)
  let loss = 0;
  let vy = 0;
  let vv = 0;
  for (let j = 0; j < n; j++) {
    const yh = (p > 0 ? Math.max(1 - beta / p, 0) * yp[j] : 0) - (q > 0 ? Math.max(1 - beta / q, 0) * ym[j] : 0);
    loss += (yh - y[j]) ** 2;
    vy += v[j] * y[j];
    vv += v[j] * v[j];
  }
  const primal = 0.5 * loss + beta * (Math.abs(weights[0]) + Math.abs(weights[1]));
  const dual = vy - 0.5 * vv;
  return { network, primal, dual, v, weights, p, q };
}

/** Euclidean projection of v onto the probability simplex {λ ≥ 0, 1ᵀλ = 1} (sort-based, in place). */
export function projectSimplex(v: Float64Array): Float64Array {
  const s = Float64Array.from(v).sort().reverse();
  let cum = 0;
  let theta = 0;
  for (let k = 0; k < s.length; k++) {
    cum += s[k];
    const t = (cum - 1) / (k + 1);
    if (s[k] - t > 0) theta = t;
  }
  for (let k = 0; k < v.length; k++) v[k] = Math.max(v[k] - theta, 0);
  return v;
}

/** Lemma 7's neuron of sample i: λ on the simplex, u_i, b_i and ‖a_i − Σλ_j a_j‖. */
export interface VertexNeuron {
  /** Weights on the other samples (length n − 1, in index order skipping i). */
  lambda: Float64Array;
  /** Unit direction u_i = (a_i − Σλ_j a_j)/‖·‖. */
  u: Float64Array;
  /** b_i = min_{j≠i}(−a_jᵀu_i). */
  b: number;
  /** ‖a_i − Σ_{j≠i} λ_j a_j‖ ≥ the distance from a_i to the hull of the other samples. */
  residualNorm: number;
}

/**
 * Lemma 7 (eq. (10)): λ* = argmin_{λ ∈ simplex} ‖a_i − Σ_{j≠i} λ_j a_j‖ by accelerated projected gradient
 * (step 1/λ_max of the Gram matrix of the other samples), u_i the normalised residual and
 * b_i = min_{j≠i}(−a_jᵀu_i), so that (a_jᵀu_i + b_i)_+ = 0 for every j ≠ i.
 */
export function vertexNeuron(X: Float64Array, n: number, d: number, i: number, iterations = 20_000): VertexNeuron {
  integerInRange('i', i, 0, n - 1);
  const others: number[] = [];
  for (let j = 0; j < n; j++) if (j !== i) others.push(j);
  const m = others.length;
  const G = new Float64Array(m * m);
  const c = new Float64Array(m); // a_jᵀa_i
  for (let p = 0; p < m; p++) {
    for (let k = 0; k < d; k++) c[p] += X[others[p] * d + k] * X[i * d + k];
    for (let q = 0; q < m; q++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X[others[p] * d + k] * X[others[q] * d + k];
      G[p * m + q] = s;
    }
  }
  let L = 0;
  for (let p = 0; p < m; p++) {
    let row = 0;
    for (let q = 0; q < m; q++) row += Math.abs(G[p * m + q]);
    L = Math.max(L, row); // Gershgorin bound on λ_max
  }
  const lam = new Float64Array(m).fill(1 / m);
  const prev = Float64Array.from(lam);
  const yk = Float64Array.from(lam);
  const grad = new Float64Array(m);
  let t = 1;
  for (let it = 0; it < iterations; it++) {
    // ∇ ½‖a_i − Gλ‖² = Gλ − c (in the Gram form)
    for (let p = 0; p < m; p++) {
      let s = -c[p];
      for (let q = 0; q < m; q++) s += G[p * m + q] * yk[q];
      grad[p] = s;
    }
    prev.set(lam);
    for (let p = 0; p < m; p++) lam[p] = yk[p] - grad[p] / L;
    projectSimplex(lam);
    let moved = 0;
    for (let p = 0; p < m; p++) moved = Math.max(moved, Math.abs(lam[p] - prev[p]));
    const tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let p = 0; p < m; p++) yk[p] = lam[p] + ((t - 1) / tn) * (lam[p] - prev[p]);
    t = tn;
    if (moved <= 1e-16) break;
  }
  const u = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    let s = X[i * d + k];
    for (let p = 0; p < m; p++) s -= lam[p] * X[others[p] * d + k];
    u[k] = s;
  }
  const residualNorm = Math.hypot(...u);
  for (let k = 0; k < d; k++) u[k] /= residualNorm;
  let b = Infinity;
  for (const j of others) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[j * d + k] * u[k];
    b = Math.min(b, -s);
  }
  return { lambda: lam, u, b, residualNorm };
}

/** Result of {@link linearGroupLasso}. */
export interface LinearGroupLasso {
  /** The weight vector u and intercept c. */
  u: Float64Array;
  c: number;
  /** ½‖Xu + c1 − y‖² + β‖u‖₂. */
  value: number;
}

/**
 * min_{u, c} ½‖Xu + c1 − y‖² + β‖u‖₂ (a linear model with a free intercept and a
 * group-lasso penalty), in closed form up to one scalar equation. With X̃, ỹ centred
 * (c = ȳ − x̄ᵀu) and G = X̃ᵀX̃ = VΛVᵀ, h = X̃ᵀỹ: u = 0 when ‖h‖ ≤ β; otherwise
 * u = (G + λI)⁻¹h with λ = β/‖u‖, i.e. λ solves φ(λ) = ‖λ(G + λI)⁻¹h‖ = β, and
 * φ(λ)² = Σ_k (λ/(λ_k + λ))²(v_kᵀh)² increases from φ(0⁺) to ‖h‖: bisection in log λ.
 * The optimum of the spike-free relaxation with unregularised hidden biases
 * (docs/claims/ep21.md#cutting-plane-relaxation).
 */
export function linearGroupLasso(problem: ReluProblem): LinearGroupLasso {
  const { n, d, X, y, beta } = problem;
  const xbar = new Float64Array(d);
  let ybar = 0;
  for (let j = 0; j < n; j++) {
    ybar += y[j] / n;
    for (let k = 0; k < d; k++) xbar[k] += X[j * d + k] / n;
  }
  const G = new Float64Array(d * d);
  const h = new Float64Array(d);
  for (let j = 0; j < n; j++) {
    const yt = y[j] - ybar;
    for (let k = 0; k < d; k++) {
      const xk = X[j * d + k] - xbar[k];
      h[k] += xk * yt;
      for (let l = 0; l < d; l++) G[k * d + l] += xk * (X[j * d + l] - xbar[l]);
    }
  }
  const u = new Float64Array(d);
  if (Math.hypot(...h) > beta) {
    const { values, V } = symmetricEigen(G, d);
    const ht = new Float64Array(d); // Vᵀh
    for (let k = 0; k < d; k++) for (let l = 0; l < d; l++) ht[k] += V[l * d + k] * h[l];
    const phi = (lam: number): number => {
      let s = 0;
      for (let k = 0; k < d; k++) s += ((lam / (Math.max(values[k], 0) + lam)) * ht[k]) ** 2;
      return Math.sqrt(s);
    };
    let lo = 1e-300;
    let hi = 1;
    while (phi(hi) < beta) hi *= 2;
    for (let it = 0; it < 2000 && hi - lo > 1e-15 * hi; it++) {
      const mid = lo < 1e-250 ? hi / 2 : Math.sqrt(lo * hi);
      if (phi(mid) < beta) lo = mid;
      else hi = mid;
    }
    const lam = hi;
    for (let k = 0; k < d; k++) {
      const coef = ht[k] / (Math.max(values[k], 0) + lam);
      for (let l = 0; l < d; l++) u[l] += V[l * d + k] * coef;
    }
  }
  let c = ybar;
  for (let k = 0; k < d; k++) c -= xbar[k] * u[k];
  let loss = 0;
  for (let j = 0; j < n; j++) {
    let f = c - y[j];
    for (let k = 0; k < d; k++) f += X[j * d + k] * u[k];
    loss += f * f;
  }
  return { u, c, value: 0.5 * loss + beta * Math.hypot(...u) };
}
