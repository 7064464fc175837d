/**
 * The cutting-plane training algorithm of Ergen & Pilanci (JMLR 2021, Section 3.6,
 * Algorithm 1; with a hidden bias, Appendix 9, Algorithm 3), in the regularized
 * form of Theorem 8 / Remark 4:
 *
 *   min_{û_j, w, c}  ½‖Σ_j w_j(Xû_j + b̂_j1)_+ + c·1 − y‖² + β Σ_j |w_j| ‖û_j‖,   ‖û_j‖ ≤ 1,
 *
 * whose dual is max_v −½‖v − y‖² + ½‖y‖² s.t. |vᵀ(Xu + b1)_+| ≤ β for all ‖u‖ ≤ 1
 * (and 1ᵀv = 0 with an intercept or hidden biases). Each round
 *
 * 1. separation by the spike-free relaxation (eq. (15)), two SOCPs solved by the
 *    project's conic solver:
 *      û₁ = argmax vᵀXu,  û₂ = argmin vᵀXu  over {Xu ≥ 0, ‖u‖ ≤ 1}
 *    (bias variant: over (u, b) with Xu + b1 ≥ 0, objective vᵀXu + b·1ᵀv);
 * 2. û₁, û₂ are appended to the hidden layer U;
 * 3. the restricted master problem over the current neurons, the Lasso
 *      min_{w, c} ½‖Zw + c1 − y‖² + βΣ_j|w_j|,  Z_j = (Xû_j + b̂_j1)_+,
 *    is solved (conic solver); its residual is the new dual point v (v = y − ŷ,
 *    the regularized form of step 5);
 * 4. stop when max vᵀXu < β and min vᵀXu > −β over the relaxed set (step 6).
 *
 * The relaxed set S = {Xu : Xu ≥ 0, ‖u‖ ≤ 1} is a subset of the rectified
 * ellipsoid {(Xu)_+ : ‖u‖ ≤ 1}, so the algorithm optimises over networks whose
 * neurons are active on every sample: its value is an UPPER bound on p*, equal to
 * p* when X is spike-free (Proposition 2, Theorem 4). With hidden biases and
 * 1ᵀv = 0 the bias term leaves the objective and any u is feasible with
 * b = −min_i x_iᵀu: the relaxation then trains a linear model
 * (docs/claims/ep21.md#cutting-plane-relaxation).
 *
 * Every result carries a certificate computed apart from the SOCPs: the value of
 * the returned network (evaluated through the ReLU), the exact check of the
 * relaxed dual constraint ρ_S(r) = max(‖Π_K(Xᵀr)‖, ‖Π_K(−Xᵀr)‖), K = {u : Xu ≥ 0}
 * (bias variant: ‖Xᵀr‖ for centred r), and the dual value of the residual scaled
 * into {ρ_S ≤ β}, a lower bound on the optimum over the relaxed set.
 */
import { ConicModel } from '../conic/index.ts';
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange, nonNegative } from '../core/validate.ts';
import { ConeProjector } from './cone.ts';
import { scaledDualValue } from './convex.ts';
import type { ReluNetwork } from './network.ts';
import type { ReluProblem } from './problem.ts';

/** Options of {@link cuttingPlaneTraining}. */
export interface CuttingPlaneOptions {
  /** Algorithm 3: hidden biases b_j (unregularized) and a free output intercept (1ᵀv = 0) [false]. */
  bias?: boolean;
  /** Stop when the certified relative gap over the relaxed set is ≤ this [1e-6]. */
  tolGap?: number;
  /** Round limit [100]. */
  maxIterations?: number;
  /**
   * Drop neurons whose output weight is zero after each master solve [true]. The previous
   * master optimum stays feasible, so the value still decreases monotonically; `false`
   * keeps every cut, as Algorithm 1 is printed.
   */
  prune?: boolean;
  /**
   * The separation step [spikeFreeCuts]: another oracle for the cuts of eq. (14) (e.g. a
   * Frank–Wolfe approximation). The certificate still measures the spike-free relaxation.
   */
  separation?: (problem: ReluProblem, v: Float64Array, bias: boolean) => SpikeFreeCuts;
  /**
   * After each master solve, merge the neurons of each sign into one (their weighted sum; the same
   * output at a penalty no larger) [false: Algorithm 1 as printed]. Valid because every neuron of the
   * relaxed set is active on all samples; it keeps two neurons and usually needs far fewer rounds.
   */
  merge?: boolean;
}

/** The two cuts of one separation step (eq. (15)). */
export interface SpikeFreeCuts {
  /** û₁ = argmax vᵀXu over the relaxed set (length d) and its value λ₁. */
  u1: Float64Array;
  max: number;
  /** û₂ = argmin vᵀXu over the relaxed set and its value λ₂. */
  u2: Float64Array;
  min: number;
  /** Hidden biases of û₁, û₂ (bias variant; 0 otherwise). */
  b1: number;
  b2: number;
}

/** What a cutting-plane run certifies. */
export interface CuttingPlaneCertificate {
  /** ½‖f(X) − y‖² + βΣ|w_j|‖û_j‖ of the returned network: an upper bound on p* (an actual network). */
  value: number;
  /** ρ_S(r) at the network's residual r: max |rᵀz| over the relaxed set S, computed exactly. */
  relaxedCheck: number;
  /** max(0, ρ_S/β − 1): the largest violation of the relaxed dual constraint. */
  violation: number;
  /** Dual value of r scaled into {ρ_S ≤ β}: a lower bound on the optimum over networks with neurons in S (on p* when X is spike-free). */
  lowerBound: number;
  beta: number;
  /** value − lowerBound, and relative to value. */
  gap: number;
  relGap: number;
  /** Neurons with w_j ≠ 0. */
  neurons: number;
  /** The bound holds over the relaxed set only (see the file comment). */
  scope: 'spike-free-relaxation';
}

/** Result of {@link cuttingPlaneTraining}. */
export interface CuttingPlaneResult {
  /** Hidden layer: m unit-norm neurons û_j (row-major m×d), the neurons with w_j ≠ 0. */
  U: Float64Array;
  /** Hidden biases b̂_j (zeros without the bias variant). */
  b: Float64Array;
  /** Output weights w_j. */
  w: Float64Array;
  /** Output intercept. */
  c: number;
  m: number;
  /** Without hidden biases: the same network in the weight-decay form of problem.ts (Lemma 1 rescaling, u = √|w|û, α = sign(w)√|w|). */
  network?: ReluNetwork;
  certificate: CuttingPlaneCertificate;
  /** ρ_S(v)/β at the start of each round (the separation values, from the SOCPs). */
  history: number[];
  status: 'certified' | 'no-violation' | 'max_iterations';
  iterations: number;
  /** Conic solves (two SOCPs and one master problem per round). */
  conicSolves: number;
  timeMs: number;
}

/** Largest row norm of X: a bias b ≥ −min_i x_iᵀu for every ‖u‖ ≤ 1 is at most this. */
function maxRowNorm(problem: ReluProblem): number {
  const { n, d, X } = problem;
  let r = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[j * d + k] ** 2;
    r = Math.max(r, Math.sqrt(s));
  }
  return r;
}

/**
 * One SOCP of eq. (15): extremise sign·(gᵀu + γb) over {Xu (+ b1) ≥ 0, ‖u‖ ≤ 1} with
 * g = Xᵀv, γ = 1ᵀv. With the bias, b is also bounded above by max_i ‖x_i‖, which
 * removes no (u, b) value when γ = 0 (b = −min_i x_iᵀu ≤ max_i ‖x_i‖ is always feasible).
 */
function relaxedSocp(problem: ReluProblem, g: Float64Array, gamma: number, sign: 1 | -1, bias: boolean): { u: Float64Array; b: number; value: number } {
  const { n, d, X } = problem;
  const model = new ConicModel();
  const u = model.variable('u', d);
  const b = bias ? model.variable('b', 1, { ub: maxRowNorm(problem) }) : undefined;
  for (let k = 0; k < d; k++) model.addObjective(u.at(k), -sign * g[k]);
  if (b) model.addObjective(b.at(0), -sign * gamma);
  for (let j = 0; j < n; j++) {
    const terms: [number, number][] = [];
    for (let k = 0; k < d; k++) if (X[j * d + k] !== 0) terms.push([X[j * d + k], u.at(k)]);
    if (b) terms.push([1, b.at(0)]);
    if (terms.length > 0) model.addLinear(terms, '>=', 0);
  }
  model.secondOrderCone({ constant: 1 }, Array.from({ length: d }, (_, k) => u.at(k)));
  const res = model.solve({ epsAbs: 1e-10, epsRel: 1e-10, maxIterations: 100 });
  const uu = res.value('u');
  let nu = 0;
  for (let k = 0; k < d; k++) nu += uu[k] * uu[k];
  nu = Math.sqrt(nu);
  let bb = b ? res.value('b')[0] : 0;
  // the relaxed set is {0} (or the maximum is 0): no cut
  if (nu < 1e-6) return { u: new Float64Array(d), b: 0, value: 0 };
  // unit norm (the optimum is on the sphere when its value is positive)
  {
    for (let k = 0; k < d; k++) uu[k] /= nu;
    bb /= nu;
  }
  let value = bias ? gamma * bb : 0;
  for (let k = 0; k < d; k++) value += g[k] * uu[k];
  return { u: uu, b: bb, value };
}

/** The separation step (eq. (15)): û₁ = argmax, û₂ = argmin of vᵀXu (+ b1ᵀv) over the spike-free relaxation. */
export function spikeFreeCuts(problem: ReluProblem, v: ArrayLike<number>, bias = false): SpikeFreeCuts {
  const { n, d, X } = problem;
  if (!v || v.length !== n) throw new InvalidArgumentError('v.length', v?.length, `${n} (the number of samples)`);
  const g = new Float64Array(d);
  let gamma = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(v[j])) throw new InvalidArgumentError(`v[${j}]`, v[j], 'a finite number');
    gamma += v[j];
    for (let k = 0; k < d; k++) g[k] += X[j * d + k] * v[j];
  }
  const hi = relaxedSocp(problem, g, gamma, 1, bias);
  const lo = relaxedSocp(problem, g, gamma, -1, bias);
  return { u1: hi.u, max: hi.value, b1: hi.b, u2: lo.u, min: lo.value, b2: lo.b };
}

/** Columns Z_j = (Xû_j + b̂_j1)_+ (n×m, column-major: column j at j·n). */
export function neuronColumns(problem: ReluProblem, U: ArrayLike<number>, b: ArrayLike<number>, m: number): Float64Array {
  const { n, d, X } = problem;
  const Z = new Float64Array(n * m);
  for (let q = 0; q < m; q++) for (let j = 0; j < n; j++) {
    let s = b[q];
    for (let k = 0; k < d; k++) s += X[j * d + k] * U[q * d + k];
    Z[q * n + j] = s > 0 ? s : 0;
  }
  return Z;
}

/**
 * The restricted master problem over fixed neurons (Corollary 8's "fix the
 * neurons, solve an ℓ1 problem", regularized): min ½‖Zw + c1 − y‖² + βΣ_j κ_j|w_j|
 * with κ_j = ‖û_j‖, w = w⁺ − w⁻, solved by the conic solver.
 */
export function cuttingPlaneMaster(problem: ReluProblem, Z: Float64Array, m: number, kappa: ArrayLike<number>, intercept: boolean): { w: Float64Array; c: number } {
  const { n, y, beta } = problem;
  const model = new ConicModel();
  const wp = model.variable('wp', m, { lb: 0 });
  const wm = model.variable('wm', m, { lb: 0 });
  const e = model.variable('e', n);
  const c = intercept ? model.variable('c', 1) : undefined;
  for (let j = 0; j < n; j++) model.addQuadratic(e.at(j), e.at(j), 1);
  for (let q = 0; q < m; q++) {
    model.addObjective(wp.at(q), beta * kappa[q]);
    model.addObjective(wm.at(q), beta * kappa[q]);
  }
  // e_j − Σ_q Z_jq (w⁺_q − w⁻_q) − c = −y_j
  for (let j = 0; j < n; j++) {
    const terms: [number, number][] = [[1, e.at(j)]];
    for (let q = 0; q < m; q++) {
      const z = Z[q * n + j];
      if (z !== 0) terms.push([-z, wp.at(q)], [z, wm.at(q)]);
    }
    if (c) terms.push([-1, c.at(0)]);
    model.addLinear(terms, '==', -y[j]);
  }
  const res = model.solve({ epsAbs: 1e-11, epsRel: 1e-11, maxIterations: 200 });
  const p = res.value('wp');
  const q = res.value('wm');
  const w = new Float64Array(m);
  let big = 0;
  for (let k = 0; k < m; k++) {
    w[k] = p[k] - q[k];
    big = Math.max(big, Math.abs(w[k]));
  }
  // interior-point weights are never exactly zero: drop those below 1e-10 of the largest
  for (let k = 0; k < m; k++) if (Math.abs(w[k]) <= 1e-10 * big) w[k] = 0;
  let cc = c ? res.value('c')[0] : 0;
  if (c) {
    // the optimal intercept for these weights: the mean of y − Zw
    let s = 0;
    for (let j = 0; j < n; j++) {
      let f = 0;
      for (let k = 0; k < m; k++) f += Z[k * n + j] * w[k];
      s += y[j] - f;
    }
    cc = s / n;
  }
  return { w, c: cc };
}

/** Residual r = y − Zw − c1 (centred when the model has an intercept). */
function residual(problem: ReluProblem, Z: Float64Array, m: number, w: ArrayLike<number>, c: number, centre: boolean): Float64Array {
  const { n, y } = problem;
  const r = new Float64Array(n);
  let mean = 0;
  for (let j = 0; j < n; j++) {
    let f = c;
    for (let q = 0; q < m; q++) f += Z[q * n + j] * w[q];
    r[j] = y[j] - f;
    mean += r[j] / n;
  }
  if (centre) for (let j = 0; j < n; j++) r[j] -= mean;
  return r;
}

/**
 * Certify a network with neurons (û_j, b̂_j), weights w and intercept c against the
 * relaxed dual: its value (upper bound on p*), ρ_S at its residual, the scaled dual
 * value (lower bound over the relaxed set). Recomputes everything from the network.
 */
export function certifyCuttingPlane(problem: ReluProblem, U: ArrayLike<number>, b: ArrayLike<number>, w: ArrayLike<number>, c: number, bias: boolean, projector?: ConeProjector): CuttingPlaneCertificate {
  const { n, d, X, y, beta } = problem;
  const m = w.length;
  const Z = neuronColumns(problem, U, b, m);
  const centre = bias || problem.intercept;
  const raw = residual(problem, Z, m, w, c, false);
  let loss = 0;
  for (let j = 0; j < n; j++) loss += raw[j] * raw[j];
  let pen = 0;
  let neurons = 0;
  for (let q = 0; q < m; q++) {
    if (w[q] === 0) continue;
    neurons++;
    let s = 0;
    for (let k = 0; k < d; k++) s += U[q * d + k] ** 2;
    pen += Math.abs(w[q]) * Math.sqrt(s);
  }
  const value = 0.5 * loss + beta * pen;
  const r = residual(problem, Z, m, w, c, centre);
  const g = new Float64Array(d);
  for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) g[k] += X[j * d + k] * r[j];
  let rho: number;
  if (bias) {
    // 1ᵀr = 0: max over {Xu + b1 ≥ 0, ‖u‖ ≤ 1} of |rᵀ(Xu + b1)| = max_{‖u‖≤1} |gᵀu| = ‖g‖
    rho = Math.hypot(...g);
  } else {
    const proj = projector ?? new ConeProjector(X, n, d);
    const allActive = new Uint8Array(n).fill(1);
    const tmp = new Float64Array(d);
    rho = Math.max(proj.project(allActive, g, tmp, 1), proj.project(allActive, g, tmp, -1));
  }
  const lowerBound = scaledDualValue(y, r, rho, beta);
  const gap = value - lowerBound;
  return {
    value, relaxedCheck: rho, violation: Math.max(0, rho / beta - 1), lowerBound, beta, gap, relGap: gap / Math.max(value, 1e-300), neurons, scope: 'spike-free-relaxation',
  };
}

/**
 * Algorithm 1 (or Algorithm 3 with `bias`): train a two-layer ReLU network by adding
 * the most violated neurons of the spike-free relaxation until none is violated.
 */
export function cuttingPlaneTraining(problem: ReluProblem, options: CuttingPlaneOptions = {}): CuttingPlaneResult {
  if (!problem || !(problem.X instanceof Float64Array)) throw new InvalidArgumentError('problem', problem, 'a ReluProblem (reluProblem({ X, y, beta }))');
  const bias = options.bias ?? false;
  if (typeof bias !== 'boolean') throw new InvalidArgumentError('bias', bias, 'a boolean');
  const tolGap = nonNegative('tolGap', options.tolGap ?? 1e-6);
  const maxIterations = integerInRange('maxIterations', options.maxIterations ?? 100, 1);
  const prune = options.prune ?? true;
  const separation = options.separation ?? spikeFreeCuts;
  const merge = options.merge ?? false;
  if (typeof merge !== 'boolean') throw new InvalidArgumentError('merge', merge, 'a boolean');
  if (typeof separation !== 'function') throw new InvalidArgumentError('separation', separation, 'a function (problem, v, bias) => SpikeFreeCuts');
  if (typeof prune !== 'boolean') throw new InvalidArgumentError('prune', prune, 'a boolean');
  const t0 = performance.now();
  const { n, d, y, beta } = problem;
  const centre = bias || problem.intercept;
  const proj = new ConeProjector(problem.X, n, d);
  const U: number[] = [];
  const B: number[] = [];
  let w: Float64Array = new Float64Array(0);
  let c = 0;
  // step 1: v = y (with 1ᵀv = 0 when there is an intercept or a hidden bias)
  let v: Float64Array = Float64Array.from(y);
  if (centre) {
    const mean = v.reduce((s, x) => s + x, 0) / n;
    for (let j = 0; j < n; j++) v[j] -= mean;
    c = y.reduce((s, x) => s + x, 0) / n;
  }
  const history: number[] = [];
  let conicSolves = 0;
  let status: CuttingPlaneResult['status'] = 'max_iterations';
  let iterations = 0;
  for (let round = 0; round < maxIterations; round++) {
    const cuts = separation(problem, v, bias);
    conicSolves += 2;
    const violation = Math.max(cuts.max, -cuts.min) / beta;
    history.push(violation);
    // step 6: no violating neuron over the relaxed set
    if (violation <= 1 + 1e-12) {
      status = 'no-violation';
      break;
    }
    if (round > 0) {
      const cert = certifyCuttingPlane(problem, U, B, w, c, bias, proj);
      if (cert.relGap <= tolGap) {
        status = 'certified';
        break;
      }
    }
    // step 4: U ← [U û₁ û₂]
    for (const [u, bq, val] of [[cuts.u1, cuts.b1, cuts.max], [cuts.u2, cuts.b2, cuts.min]] as const) {
      if (val === 0) continue; // the relaxed set gave u = 0
      U.push(...u);
      B.push(bq);
    }
    // step 5: the master problem over the current neurons; its residual is the new v
    const m = B.length;
    const Z = neuronColumns(problem, U, B, m);
    const kappa = new Float64Array(m);
    for (let q = 0; q < m; q++) kappa[q] = Math.hypot(...U.slice(q * d, (q + 1) * d));
    ({ w, c } = cuttingPlaneMaster(problem, Z, m, kappa, centre));
    conicSolves++;
    iterations = round + 1;
    v = residual(problem, Z, m, w, c, centre);
    if (merge) mergeNeurons();
    else if (prune) pruneZeroWeights();
  }
  return finish();

  /**
   * Replace the neurons of each sign by their weighted sum: a = Σ_{w_j>0} w_j(û_j, b̂_j) is one neuron
   * a/‖a_u‖ with weight ‖a_u‖ (Xa_u + a_b1 ≥ 0 as a positive combination), with the same output and a
   * penalty β‖a_u‖ ≤ βΣ_{w_j>0}|w_j|‖û_j‖ (docs/claims/ep21.md#cutting-plane-relaxation).
   */
  function mergeNeurons(): void {
    const Un: number[] = [];
    const Bn: number[] = [];
    const wn: number[] = [];
    for (const sg of [1, -1]) {
      const a = new Float64Array(d);
      let ab = 0;
      for (let q = 0; q < w.length; q++) {
        if (sg * w[q] <= 0) continue;
        const t = Math.abs(w[q]);
        for (let k = 0; k < d; k++) a[k] += t * U[q * d + k];
        ab += t * B[q];
      }
      const na = Math.hypot(...a);
      if (na === 0) continue;
      for (let k = 0; k < d; k++) Un.push(a[k] / na);
      Bn.push(ab / na);
      wn.push(sg * na);
    }
    U.length = 0;
    U.push(...Un);
    B.length = 0;
    B.push(...Bn);
    w = Float64Array.from(wn);
  }

  /** Drop the neurons the master gave zero weight: the master's optimum stays feasible, so its value never increases. */
  function pruneZeroWeights(): void {
    let keep = 0;
    for (let q = 0; q < w.length; q++) {
      if (w[q] === 0) continue;
      for (let k = 0; k < d; k++) U[keep * d + k] = U[q * d + k];
      B[keep] = B[q];
      w[keep] = w[q];
      keep++;
    }
    U.length = keep * d;
    B.length = keep;
    w = w.slice(0, keep);
  }

  function finish(): CuttingPlaneResult {
    // keep the neurons with w_j ≠ 0
    const keep: number[] = [];
    for (let q = 0; q < w.length; q++) if (w[q] !== 0) keep.push(q);
    const Uk = new Float64Array(keep.length * d);
    const bk = new Float64Array(keep.length);
    const wk = new Float64Array(keep.length);
    keep.forEach((q, i) => {
      for (let k = 0; k < d; k++) Uk[i * d + k] = U[q * d + k];
      bk[i] = B[q];
      wk[i] = w[q];
    });
    const certificate = certifyCuttingPlane(problem, Uk, bk, wk, c, bias, proj);
    if (status === 'max_iterations' && certificate.relGap <= tolGap) status = 'certified';
    return {
      U: Uk, b: bk, w: wk, c, m: keep.length,
      network: bias ? undefined : weightDecayForm(Uk, wk, c, d),
      certificate, history, status, iterations, conicSolves, timeMs: performance.now() - t0,
    };
  }
}

/** Lemma 1: neuron (û, w) with ‖û‖ = κ as u = √(|w|/κ)·û, α = sign(w)√(|w|κ): same output, (‖u‖² + α²)/2 = |w|κ. */
function weightDecayForm(U: Float64Array, w: Float64Array, c: number, d: number): ReluNetwork {
  const m = w.length;
  const Uo = new Float64Array(m * d);
  const alpha = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    let kappa = 0;
    for (let k = 0; k < d; k++) kappa += U[q * d + k] ** 2;
    kappa = Math.sqrt(kappa);
    const s = Math.sqrt(Math.abs(w[q]) / kappa);
    for (let k = 0; k < d; k++) Uo[q * d + k] = U[q * d + k] * s;
    alpha[q] = Math.sign(w[q]) * Math.sqrt(Math.abs(w[q]) * kappa);
  }
  return { m, d, U: Uo, alpha, c };
}
