/**
 * Vector-output two-layer ReLU networks (Ergen & Pilanci, JMLR 2021, §4.5):
 *
 *   p*_K = min_{U, W, c}  ½‖(XU)_+W + 1cᵀ − Y‖_F² + (β/2)(‖U‖_F² + ‖W‖_F²),
 *
 * X ∈ ℝ^{n×d}, Y ∈ ℝ^{n×K} (row-major), U ∈ ℝ^{d×m} (stored as m rows u_j),
 * W ∈ ℝ^{m×K} (rows w_j), an optional free output intercept c ∈ ℝ^K.
 *
 * The exact convex form of p*_K is a copositive program (the paper's eq. (31) in
 * the spike-free case), NP-hard in general. What is solved here:
 *
 * - the SEPARABLE program: one scalar convex program (convex.ts) per output k
 *   over a shared pattern set, i.e. the network class whose neurons each feed a
 *   single output (every row w_j has one non-zero). Its optimum is an upper bound
 *   on p*_K, attained by an actual vector network (the neurons of all outputs);
 * - a LOWER bound on p*_K for networks of any width from the dual of p*_K,
 *   max_R tr(RᵀY) − ½‖R‖_F² s.t. ‖Rᵀ(Xu)_+‖₂ ≤ β for all ‖u‖ ≤ 1 (and 1ᵀR = 0 with
 *   an intercept): the residual R of the solution is scaled by β/ρ̄, where ρ̄ is a
 *   certified upper bound on max_{‖u‖≤1} ‖Rᵀ(Xu)_+‖₂ (docs/claims/ep21.md#vector-output-dual).
 *
 * When the two bounds meet, the separable solution is optimal for p*_K itself
 * (e.g. whitened one-hot data, Theorem 15).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteNumber, positive } from '../core/validate.ts';
import type { PatternSet } from './arrangements.ts';
import { ConeProjector } from './cone.ts';
import { type ConvexSolution, checkPatterns, dualCheck } from './convex.ts';
import { type FirstOrderOptions, type ReluSolveResult, solveFirstOrder } from './first-order.ts';
import { spectralNormUpper } from './linalg.ts';
import { matrixFromRows, type ReluProblem } from './problem.ts';
import { solveWorkingSet } from './working-set.ts';

/** A validated vector-output instance. */
export interface VectorProblem {
  readonly n: number;
  readonly d: number;
  /** Number of outputs K. */
  readonly K: number;
  /** X, row-major n×d. */
  readonly X: Float64Array;
  /** Y, row-major n×K. */
  readonly Y: Float64Array;
  readonly beta: number;
  readonly intercept: boolean;
}

/** Input of {@link vectorProblem}: X and Y as rows, or flat row-major arrays with `d` and `K`. */
export interface VectorProblemInput {
  X: ArrayLike<number>[] | Float64Array;
  d?: number;
  Y: ArrayLike<number>[] | Float64Array;
  K?: number;
  beta: number;
  intercept?: boolean;
}

/** Validate and build a {@link VectorProblem}: finite X and Y, as many rows in Y as in X, β > 0. */
export function vectorProblem(input: VectorProblemInput): VectorProblem {
  if (!input || typeof input !== 'object') throw new InvalidArgumentError('problem', input, 'an object { X, Y, beta }');
  const x = matrixFromRows('X', input.X, input.d);
  if (input.Y instanceof Float64Array && input.K === undefined) throw new InvalidArgumentError('K', input.K, 'the number of outputs (columns of the flat row-major Y)');
  let y: { n: number; d: number; data: Float64Array };
  try {
    y = matrixFromRows('Y', input.Y, input.K);
  } catch (e) {
    if (e instanceof InvalidArgumentError && e.argument === 'd') throw new InvalidArgumentError('K', input.K, e.expected);
    throw e;
  }
  if (y.n !== x.n) throw new InvalidArgumentError('Y.length', y.n, `${x.n} (the number of rows of X)`);
  finiteNumber('beta', input.beta);
  positive('beta', input.beta);
  if (input.intercept !== undefined && typeof input.intercept !== 'boolean') throw new InvalidArgumentError('intercept', input.intercept, 'a boolean');
  return { n: x.n, d: x.d, K: y.d, X: x.data, Y: y.data, beta: input.beta, intercept: input.intercept ?? false };
}

/** One-hot targets Y (n×K, row-major) of integer labels in [0, K). */
export function oneHot(labels: ArrayLike<number>, K: number): Float64Array {
  if (!Number.isInteger(K) || K < 1) throw new InvalidArgumentError('K', K, 'an integer >= 1');
  const Y = new Float64Array(labels.length * K);
  for (let j = 0; j < labels.length; j++) {
    const c = labels[j];
    if (!Number.isInteger(c) || c < 0 || c >= K) throw new InvalidArgumentError(`labels[${j}]`, c, `an integer in [0, ${K})`);
    Y[j * K + c] = 1;
  }
  return Y;
}

/** The scalar problem of output k (column k of Y). */
export function outputProblem(problem: VectorProblem, k: number): ReluProblem {
  const { n, K } = problem;
  if (!Number.isInteger(k) || k < 0 || k >= K) throw new InvalidArgumentError('k', k, `an output index in [0, ${K})`);
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) y[j] = problem.Y[j * K + k];
  return { n, d: problem.d, X: problem.X, y, beta: problem.beta, intercept: problem.intercept };
}

/** A vector-output network: U (m×d, row j = u_j), W (m×K, row j = w_j), intercept c (K). */
export interface VectorNetwork {
  readonly m: number;
  readonly d: number;
  readonly K: number;
  readonly U: Float64Array;
  readonly W: Float64Array;
  readonly c: Float64Array;
}

/** F = (XU)_+W + 1cᵀ (n×K, row-major). */
export function vectorNetworkOutput(X: Float64Array, n: number, net: VectorNetwork, out = new Float64Array(n * net.K)): Float64Array {
  const { m, d, K, U, W, c } = net;
  for (let j = 0; j < n; j++) for (let k = 0; k < K; k++) out[j * K + k] = c[k];
  for (let q = 0; q < m; q++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += X[j * d + t] * U[q * d + t];
      if (s <= 0) continue;
      for (let k = 0; k < K; k++) out[j * K + k] += s * W[q * K + k];
    }
  }
  return out;
}

/** ½‖F − Y‖_F² + (β/2)(‖U‖_F² + ‖W‖_F²). */
export function vectorNetworkObjective(problem: VectorProblem, net: VectorNetwork): number {
  if (net.d !== problem.d) throw new InvalidArgumentError('network.d', net.d, `${problem.d} (columns of X)`);
  if (net.K !== problem.K) throw new InvalidArgumentError('network.K', net.K, `${problem.K} (columns of Y)`);
  const F = vectorNetworkOutput(problem.X, problem.n, net);
  let loss = 0;
  for (let i = 0; i < F.length; i++) loss += (F[i] - problem.Y[i]) ** 2;
  let reg = 0;
  for (let i = 0; i < net.U.length; i++) reg += net.U[i] ** 2;
  for (let i = 0; i < net.W.length; i++) reg += net.W[i] ** 2;
  return 0.5 * loss + 0.5 * problem.beta * reg;
}

/** Certified bounds on p*_K. */
export interface VectorCertificate {
  /** Objective of an actual vector network (the mapped separable solution): an upper bound on p*_K. */
  networkValue: number;
  /** Σ_k of the per-output dual values: a lower bound on the separable program over these patterns. */
  separableDual: number;
  /** D(tR) = t·tr(RᵀY) − ½t²‖R‖², t ≤ β/ρ̄: a lower bound on p*_K over networks of any width. */
  dualValue: number;
  /** The certified upper bound ρ̄ on max_{‖u‖≤1} ‖Rᵀ(Xu)_+‖₂ used for the scaling. */
  rhoUpper: number;
  /** Which bound gave ρ̄: ‖R‖₂‖X‖₂, or max_i (Σ_k ρ_{k,i}²)^{1/2} over an exact pattern set. */
  rhoBy: 'spectral' | 'patterns';
  beta: number;
  /** networkValue − dualValue and its ratio to networkValue. */
  gap: number;
  relGap: number;
}

/** Result of {@link solveSeparable}. */
export interface SeparableResult {
  /** Per output: the scalar solve (solution over `patterns`, its certificate). */
  outputs: ReluSolveResult[];
  /** The vector network of all outputs' neurons (each row of W has one non-zero). */
  network: VectorNetwork;
  certificate: VectorCertificate;
  timeMs: number;
}

/** Options of {@link solveSeparable}. */
export interface SeparableOptions {
  /** Scalar solver per output ['first-order']. */
  solver?: 'first-order' | 'working-set';
  /** Relative gap asked of each output's solve [1e-6]. */
  tolGap?: number;
  /** Further options of the first-order solver (iteration and time limits). */
  firstOrder?: Omit<FirstOrderOptions, 'tolGap' | 'warmStart'>;
  /** Patterns added per round by the working-set solver [25]. */
  addPerRound?: number;
  /** Inner solver of the working-set solver ['first-order']. */
  inner?: 'conic' | 'first-order';
  /** Patterns the working-set solver starts from [none]. */
  initial?: number[];
}

/** The neurons of one output's convex solution: u = v/√‖v‖, w = ±√‖v‖·e_k. */
function appendNeurons(d: number, K: number, k: number, P: number, sol: ConvexSolution, U: number[], W: number[]): void {
  for (let i = 0; i < P; i++) {
    for (const [blk, sg] of [[sol.v, 1], [sol.w, -1]] as const) {
      let s = 0;
      for (let t = 0; t < d; t++) s += blk[i * d + t] ** 2;
      const nv = Math.sqrt(s);
      if (nv === 0) continue;
      const root = Math.sqrt(nv);
      for (let t = 0; t < d; t++) U.push(blk[i * d + t] / root);
      for (let q = 0; q < K; q++) W.push(q === k ? sg * root : 0);
    }
  }
}

/**
 * Solve the separable program (one scalar convex program per output over the same
 * patterns) and certify the mapped vector network against the dual of p*_K.
 */
export function solveSeparable(problem: VectorProblem, patterns: PatternSet, options: SeparableOptions = {}): SeparableResult {
  const t0 = performance.now();
  const first = outputProblem(problem, 0);
  checkPatterns(first, patterns);
  const solver = options.solver ?? 'first-order';
  if (solver !== 'first-order' && solver !== 'working-set') throw new InvalidArgumentError('solver', solver, "'first-order' or 'working-set'");
  const tolGap = options.tolGap ?? 1e-6;
  const { K } = problem;
  const outputs: ReluSolveResult[] = [];
  let separableDual = 0;
  for (let k = 0; k < K; k++) {
    const pk = k === 0 ? first : outputProblem(problem, k);
    const res = solver === 'first-order'
      ? solveFirstOrder(pk, patterns, { ...options.firstOrder, tolGap })
      : solveWorkingSet(pk, patterns, { tolGap, inner: options.inner ?? 'first-order', addPerRound: options.addPerRound, initial: options.initial });
    outputs.push(res);
    separableDual += res.certificate.dualValue;
  }
  const network = separableNetwork(problem, patterns, outputs.map((o) => o.solution));
  const certificate = certifyVectorNetwork(problem, network, patterns.exact ? patterns : undefined);
  certificate.separableDual = separableDual;
  return { outputs, network, certificate, timeMs: performance.now() - t0 };
}

/** The vector network of per-output convex solutions over one pattern set (each neuron feeds one output). */
export function separableNetwork(problem: VectorProblem, patterns: PatternSet, solutions: ConvexSolution[]): VectorNetwork {
  const { d, K } = problem;
  if (solutions.length !== K) throw new InvalidArgumentError('solutions.length', solutions.length, `${K} (one per output)`);
  const U: number[] = [];
  const W: number[] = [];
  const c = new Float64Array(K);
  solutions.forEach((sol, k) => {
    appendNeurons(d, K, k, patterns.masks.length, sol, U, W);
    c[k] = sol.c;
  });
  return { m: W.length / K, d, K, U: Float64Array.from(U), W: Float64Array.from(W), c };
}

/** The residual R = Y − F of a network (column-centred with an intercept). */
export function vectorResidual(problem: VectorProblem, net: VectorNetwork): Float64Array {
  const { n, K } = problem;
  const F = vectorNetworkOutput(problem.X, n, net);
  const R = new Float64Array(n * K);
  for (let i = 0; i < R.length; i++) R[i] = problem.Y[i] - F[i];
  if (problem.intercept) {
    for (let k = 0; k < K; k++) {
      let mean = 0;
      for (let j = 0; j < n; j++) mean += R[j * K + k];
      mean /= n;
      for (let j = 0; j < n; j++) R[j * K + k] -= mean;
    }
  }
  return R;
}

/**
 * A certified upper bound ρ̄ on max_{‖u‖≤1} ‖Rᵀ(Xu)_+‖₂:
 * ‖Rᵀ(Xu)_+‖ ≤ ‖R‖₂‖(Xu)_+‖ ≤ ‖R‖₂‖X‖₂ always; with an exact pattern set also
 * max_i (Σ_k ρ_{k,i}²)^{1/2}, ρ_{k,i} = max(‖Π_{K_i}(XᵀD_i r_k)‖, ‖Π_{K_i}(−XᵀD_i r_k)‖)
 * (on K_i, (Xu)_+ = D_iXu and each |r_kᵀD_iXu| ≤ ρ_{k,i}). The smaller is returned.
 */
export function vectorDualCheck(problem: VectorProblem, R: Float64Array, exactPatterns?: PatternSet): { rhoUpper: number; rhoBy: 'spectral' | 'patterns' } {
  const { n, d, K, X } = problem;
  const spectral = spectralNormUpper(R, n, K) * spectralNormUpper(X, n, d);
  if (!exactPatterns || !exactPatterns.exact) return { rhoUpper: spectral, rhoBy: 'spectral' };
  const P = exactPatterns.masks.length;
  const sq = new Float64Array(P);
  const proj = new ConeProjector(X, n, d);
  const r = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < n; j++) r[j] = R[j * K + k];
    const { perPattern } = dualCheck(outputProblem(problem, k), exactPatterns, r, proj, { perPattern: true });
    for (let i = 0; i < P; i++) sq[i] += perPattern![i] ** 2;
  }
  let byPatterns = 0;
  for (let i = 0; i < P; i++) byPatterns = Math.max(byPatterns, Math.sqrt(sq[i]));
  return byPatterns < spectral ? { rhoUpper: byPatterns, rhoBy: 'patterns' } : { rhoUpper: spectral, rhoBy: 'spectral' };
}

/** Best dual value along t·R, t ∈ [0, β/ρ̄]: t·tr(RᵀY) − ½t²‖R‖_F². */
export function vectorScaledDual(Y: Float64Array, R: Float64Array, rhoUpper: number, beta: number): number {
  let ry = 0;
  let rr = 0;
  for (let i = 0; i < R.length; i++) {
    ry += R[i] * Y[i];
    rr += R[i] * R[i];
  }
  if (rr === 0) return 0;
  const tMax = rhoUpper > 0 ? beta / rhoUpper : Infinity;
  const t = Math.min(Math.max(ry / rr, 0), tMax);
  return t * ry - 0.5 * t * t * rr;
}

/**
 * Certify any vector network: its objective (upper bound on p*_K) and the dual
 * value of its scaled residual (lower bound on p*_K; with `exactPatterns` the
 * pattern bound on ρ is tried as well).
 */
export function certifyVectorNetwork(problem: VectorProblem, net: VectorNetwork, exactPatterns?: PatternSet): VectorCertificate {
  const networkValue = vectorNetworkObjective(problem, net);
  const R = vectorResidual(problem, net);
  const { rhoUpper, rhoBy } = vectorDualCheck(problem, R, exactPatterns);
  const dualValue = vectorScaledDual(problem.Y, R, rhoUpper, problem.beta);
  const gap = networkValue - dualValue;
  return { networkValue, separableDual: NaN, dualValue, rhoUpper, rhoBy, beta: problem.beta, gap, relGap: gap / Math.max(networkValue, 1e-300) };
}

/**
 * Theorem 15's network for whitened data (XXᵀ = I, n ≤ d) and one-hot Y:
 * for each class k with β < √n_k, u_k = Xᵀy_k/‖Xᵀy_k‖ and w_k = (√n_k − β)e_k (no intercept),
 * the form with ‖u_k‖ = 1 and the penalty β‖w_k‖; returned balanced by Lemma 1's
 * rescaling (u_k, w_k) ← (√a_k·u_k, w_k/√a_k), a_k = √n_k − β, so that the weight-decay
 * penalty (β/2)(‖u_k‖² + ‖w_k‖²) equals β a_k.
 */
export function whitenedOneHotNetwork(problem: VectorProblem): VectorNetwork {
  const { n, d, K, X, Y, beta } = problem;
  const U: number[] = [];
  const W: number[] = [];
  for (let k = 0; k < K; k++) {
    let nk = 0;
    const u = new Float64Array(d);
    for (let j = 0; j < n; j++) {
      const yk = Y[j * K + k];
      if (yk !== 0 && yk !== 1) throw new InvalidArgumentError(`Y[${j}][${k}]`, yk, '0 or 1 (one-hot targets)');
      if (yk === 0) continue;
      nk++;
      for (let t = 0; t < d; t++) u[t] += X[j * d + t];
    }
    if (nk === 0 || beta >= Math.sqrt(nk)) continue;
    let nu = 0;
    for (let t = 0; t < d; t++) nu += u[t] * u[t];
    nu = Math.sqrt(nu);
    const a = Math.sqrt(nk) - beta;
    const g = Math.sqrt(a);
    for (let t = 0; t < d; t++) U.push((g * u[t]) / nu);
    for (let q = 0; q < K; q++) W.push(q === k ? g : 0);
  }
  return { m: W.length / K, d, K, U: Float64Array.from(U), W: Float64Array.from(W), c: new Float64Array(K) };
}
