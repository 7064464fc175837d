/**
 * The non-convex baseline for vector outputs: the network of vector.ts trained
 * directly on
 *
 *   ½‖(XU)_+W + 1cᵀ − Y‖_F² + (β/2)(‖U‖_F² + ‖W‖_F²)
 *
 * from a seeded random initialisation (entries N(0, s²), s = 1/√d for U and 1/√m
 * for W), by full-batch Adam (adam.ts) or by L-BFGS. The ReLU's derivative at 0 is taken as 0.
 * Whatever it returns is a network, so its objective is an upper bound on p*_K.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import type { Rng } from '../core/random.ts';
import { integerInRange, oneOf, positive } from '../core/validate.ts';
import { adam } from './adam.ts';
import { addScaledRow, rowDot } from './kernels.ts';
import { lbfgs } from './lbfgs.ts';
import { type VectorNetwork, type VectorProblem, vectorNetworkObjective } from './vector.ts';

/** Options of {@link trainVectorNetwork}. */
export interface VectorTrainOptions {
  /** Number of hidden neurons m. */
  m: number;
  rng: Rng;
  /** 'adam' [default] or 'lbfgs'. */
  optimizer?: 'adam' | 'lbfgs';
  /** Iterations [1000]. */
  iterations?: number;
  /** Adam step size [1e-2]. */
  stepSize?: number;
  /** Called every `every` iterations of Adam with (iteration, objective) — for learning curves. */
  onProgress?: (iteration: number, objective: number) => void;
  every?: number;
}

/** Result of a training run. */
export interface VectorTrainResult {
  network: VectorNetwork;
  /** Objective of the returned network. */
  objective: number;
  iterations: number;
}

/** Workspace of the objective: hidden pre-activations Z (n×m) and residual E (n×K). */
interface Work {
  Z: Float64Array;
  E: Float64Array;
}

/**
 * f(θ) and ∇f(θ), θ = (U row-major m×d, W row-major m×K, c (K) with an intercept).
 * Every sum is accumulated in the same order as the plain loops (pre-activation Z_jq over t,
 * residual E_jk over q, gradient entries over j), so blocking changes no bit of the result.
 */
function objectiveAndGradient(problem: VectorProblem, m: number, theta: Float64Array, grad: Float64Array, w: Work): number {
  const { n, K, Y, beta, intercept } = problem;
  const cOff = m * problem.d + m * K;
  const { E } = w;
  for (let j = 0; j < n; j++) for (let k = 0; k < K; k++) E[j * K + k] = (intercept ? theta[cOff + k] : 0) - Y[j * K + k];
  forward(problem, m, theta, w);
  let f = 0;
  for (let i = 0; i < n * K; i++) f += E[i] * E[i];
  let reg = 0;
  for (let p = 0; p < cOff; p++) {
    const v = theta[p];
    reg += v * v;
    grad[p] = beta * v;
  }
  f = 0.5 * f + 0.5 * beta * reg;
  for (let p = cOff; p < grad.length; p++) grad[p] = 0;
  backward(problem, m, theta, grad, w);
  if (intercept) for (let j = 0; j < n; j++) for (let k = 0; k < K; k++) grad[cOff + k] += E[j * K + k];
  return f;
}

/** Z = XUᵀ (each Z_jq summed over t in order; four neurons per pass over two rows of X) and E += (Z)_+W in q order. */
function forward(problem: VectorProblem, m: number, theta: Float64Array, w: Work): void {
  const { n, d, K, X } = problem;
  const wOff = m * d;
  const { Z, E } = w;
  const m4 = m - (m % 4);
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const xa = j * d;
    const xb = xa + d;
    for (let q = 0; q < m4; q += 4) {
      const u0 = q * d;
      const u1 = u0 + d;
      const u2 = u1 + d;
      const u3 = u2 + d;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let t = 0; t < d; t++) {
        const x = X[xa + t];
        const y = X[xb + t];
        const v0 = theta[u0 + t];
        const v1 = theta[u1 + t];
        const v2 = theta[u2 + t];
        const v3 = theta[u3 + t];
        a0 += x * v0;
        a1 += x * v1;
        a2 += x * v2;
        a3 += x * v3;
        b0 += y * v0;
        b1 += y * v1;
        b2 += y * v2;
        b3 += y * v3;
      }
      const za = j * m + q;
      const zb = za + m;
      Z[za] = a0;
      Z[za + 1] = a1;
      Z[za + 2] = a2;
      Z[za + 3] = a3;
      Z[zb] = b0;
      Z[zb + 1] = b1;
      Z[zb + 2] = b2;
      Z[zb + 3] = b3;
    }
    for (let q = m4; q < m; q++) {
      Z[j * m + q] = rowDot(X, xa, theta, q * d, d);
      Z[(j + 1) * m + q] = rowDot(X, xb, theta, q * d, d);
    }
  }
  for (; j < n; j++) {
    for (let q = 0; q < m; q++) Z[j * m + q] = rowDot(X, j * d, theta, q * d, d);
  }
  for (j = 0; j < n; j++) {
    const eo = j * K;
    for (let q = 0; q < m; q++) {
      const s = Z[j * m + q];
      if (s > 0) for (let k = 0; k < K; k++) E[eo + k] += s * theta[wOff + q * K + k];
    }
  }
}

/** ∇_W += (Z)_+ᵀE and ∇_U += (1{Z > 0} ∘ EWᵀ)ᵀX, every entry accumulated over j in order. */
function backward(problem: VectorProblem, m: number, theta: Float64Array, grad: Float64Array, w: Work): void {
  const { n, d, K, X } = problem;
  const wOff = m * d;
  const { Z, E } = w;
  for (let j = 0; j < n; j++) {
    const xo = j * d;
    for (let q = 0; q < m; q++) {
      const s = Z[j * m + q];
      if (s <= 0) continue;
      let ew = 0;
      for (let k = 0; k < K; k++) {
        const ejk = E[j * K + k];
        grad[wOff + q * K + k] += s * ejk;
        ew += ejk * theta[wOff + q * K + k];
      }
      if (ew !== 0) addScaledRow(grad, q * d, ew, X, xo, d);
    }
  }
}

/** f(θ) and ∇f(θ) into `grad` (θ and grad of length md + mK (+ K with an intercept)); unchecked, for tests. */
export function vectorObjectiveAndGradient(problem: VectorProblem, m: number, theta: Float64Array, grad: Float64Array): number {
  return objectiveAndGradient(problem, m, theta, grad, { Z: new Float64Array(problem.n * m), E: new Float64Array(problem.n * problem.K) });
}

/** Train the vector-output network from a seeded random initialisation; returns the best network seen. */
export function trainVectorNetwork(problem: VectorProblem, options: VectorTrainOptions): VectorTrainResult {
  if (!options || typeof options !== 'object') throw new InvalidArgumentError('options', options, 'an object { m, rng }');
  const m = integerInRange('m', options.m, 1);
  const iterations = integerInRange('iterations', options.iterations ?? 1000, 1);
  const optimizer = oneOf('optimizer', options.optimizer ?? 'adam', ['adam', 'lbfgs'] as const);
  if (!options.rng || typeof options.rng.normal !== 'function') throw new InvalidArgumentError('rng', options.rng, 'a seeded Rng (createRng(seed))');
  const every = integerInRange('every', options.every ?? 50, 1);
  const { n, d, K } = problem;
  const size = m * d + m * K + (problem.intercept ? K : 0);
  const theta = new Float64Array(size);
  const su = 1 / Math.sqrt(d);
  const sw = 1 / Math.sqrt(m);
  for (let p = 0; p < m * d; p++) theta[p] = su * options.rng.normal();
  for (let p = m * d; p < m * d + m * K; p++) theta[p] = sw * options.rng.normal();
  const grad = new Float64Array(size);
  const work: Work = { Z: new Float64Array(n * m), E: new Float64Array(n * K) };
  const best = Float64Array.from(theta);
  if (optimizer === 'adam') {
    const stepSize = positive('stepSize', options.stepSize ?? 1e-2);
    const fg = (x: Float64Array, g: Float64Array): number => objectiveAndGradient(problem, m, x, g, work);
    const run = adam(fg, theta, grad, { iterations, stepSize, onProgress: options.onProgress, every });
    best.set(run.best);
    // the last iterate, which Adam leaves unevaluated
    if (fg(theta, grad) < run.bestF) best.set(theta);
  } else {
    lbfgs((x, g) => objectiveAndGradient(problem, m, x, g, work), theta, { iterations });
    best.set(theta);
  }
  const network: VectorNetwork = {
    m, d, K,
    U: best.slice(0, m * d),
    W: best.slice(m * d, m * d + m * K),
    c: problem.intercept ? best.slice(m * d + m * K) : new Float64Array(K),
  };
  return { network, objective: vectorNetworkObjective(problem, network), iterations };
}

/** Fraction of rows whose largest output is the largest entry of the one-hot row of Y (ties: first index). */
export function accuracy(F: Float64Array, labels: ArrayLike<number>, K: number): number {
  const n = labels.length;
  if (F.length !== n * K) throw new InvalidArgumentError('F.length', F.length, `${n * K} (labels × K)`);
  let right = 0;
  for (let j = 0; j < n; j++) {
    let arg = 0;
    for (let k = 1; k < K; k++) if (F[j * K + k] > F[j * K + arg]) arg = k;
    if (arg === labels[j]) right++;
  }
  return n === 0 ? 0 : right / n;
}
