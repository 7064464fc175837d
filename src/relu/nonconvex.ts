/**
 * The non-convex baseline: the network of problem.ts trained directly on
 *
 *   ½‖Σ_j (Xu_j)_+ α_j + c − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²)
 *
 * from a seeded random initialisation, by Adam (adam.ts), by gradient descent with
 * Armijo backtracking (monotone) or by L-BFGS (lbfgs.ts). At a kink (x_iᵀu_j = 0) the ReLU's
 * derivative is taken as 0. Whatever it returns is a network, so its objective
 * is an upper bound on p*; local runs typically stop above p*.
 */
import { integerInRange, oneOf, positive } from '../core/validate.ts';
import type { Rng } from '../core/random.ts';
import { adam } from './adam.ts';
import { lbfgs } from './lbfgs.ts';
import { type ReluNetwork, networkObjective } from './network.ts';
import type { ReluProblem } from './problem.ts';

/** Options of {@link trainNetwork}. */
export interface TrainOptions {
  /** Number of neurons m. */
  m: number;
  /** Seeded random stream for the initialisation. */
  rng: Rng;
  /** 'adam' [default], 'gd' (gradient descent with Armijo backtracking) or 'lbfgs' (memory 10, Armijo backtracking). */
  optimizer?: 'adam' | 'gd' | 'lbfgs';
  /** Iterations [2000]. */
  iterations?: number;
  /** Adam step size [1e-2]; initial step of 'gd' [1]. */
  stepSize?: number;
  /** Standard deviation of the initial weights [1/√d]. */
  initScale?: number;
}

/** Result of a training run. */
export interface TrainResult {
  network: ReluNetwork;
  /** Objective of the returned network. */
  objective: number;
  /** Smallest objective seen along the way (the returned network attains it). */
  iterations: number;
}

/** Objective and gradient at θ = (U, α, c) (grad has the same layout: U, then α, then c). */
function objectiveAndGradient(problem: ReluProblem, m: number, theta: Float64Array, grad: Float64Array, Z: Float64Array, e: Float64Array): number {
  const { n, d, X, y, beta, intercept } = problem;
  const aOff = m * d;
  const c = intercept ? theta[aOff + m] : 0;
  for (let j = 0; j < n; j++) e[j] = c - y[j];
  for (let q = 0; q < m; q++) {
    const a = theta[aOff + q];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X[j * d + k] * theta[q * d + k];
      Z[q * n + j] = s;
      if (s > 0) e[j] += s * a;
    }
  }
  let f = 0;
  for (let j = 0; j < n; j++) f += e[j] * e[j];
  f *= 0.5;
  let reg = 0;
  for (let p = 0; p < aOff + m; p++) reg += theta[p] * theta[p];
  f += 0.5 * beta * reg;
  grad.fill(0);
  for (let q = 0; q < m; q++) {
    const a = theta[aOff + q];
    let ga = 0;
    for (let j = 0; j < n; j++) {
      const s = Z[q * n + j];
      if (s <= 0) continue;
      ga += s * e[j];
      const coef = a * e[j];
      for (let k = 0; k < d; k++) grad[q * d + k] += coef * X[j * d + k];
    }
    grad[aOff + q] = ga + beta * a;
    for (let k = 0; k < d; k++) grad[q * d + k] += beta * theta[q * d + k];
  }
  if (intercept) {
    let gc = 0;
    for (let j = 0; j < n; j++) gc += e[j];
    grad[aOff + m] = gc;
  }
  return f;
}

/** Train the network from a random initialisation; returns the network with the smallest objective seen. */
export function trainNetwork(problem: ReluProblem, options: TrainOptions): TrainResult {
  const m = integerInRange('m', options.m, 1);
  const iterations = integerInRange('iterations', options.iterations ?? 2000, 1);
  const optimizer = oneOf('optimizer', options.optimizer ?? 'adam', ['adam', 'gd', 'lbfgs'] as const);
  const { n, d } = problem;
  const init = positive('initScale', options.initScale ?? 1 / Math.sqrt(d));
  const size = m * d + m + 1;
  const theta = new Float64Array(size);
  for (let p = 0; p < m * d + m; p++) theta[p] = init * options.rng.normal();
  const grad = new Float64Array(size);
  const Z = new Float64Array(m * n);
  const e = new Float64Array(n);
  const best = Float64Array.from(theta);
  if (optimizer === 'adam') {
    const stepSize = positive('stepSize', options.stepSize ?? 1e-2);
    const run = adam((x, g) => objectiveAndGradient(problem, m, x, g, Z, e), theta, grad, { iterations, stepSize });
    best.set(run.best);
  } else if (optimizer === 'lbfgs') {
    const size0 = problem.intercept ? size : size - 1;
    const x = theta.subarray(0, size0);
    const gView = grad.subarray(0, size0);
    const full = new Float64Array(size);
    lbfgs((xx, gg) => {
      full.set(xx);
      const f = objectiveAndGradient(problem, m, full, grad, Z, e);
      if (gg !== gView) gg.set(grad.subarray(0, size0));
      return f;
    }, x, { iterations });
    best.set(theta);
  } else {
    let step = positive('stepSize', options.stepSize ?? 1);
    const trial = new Float64Array(size);
    const g2 = new Float64Array(size);
    let f = objectiveAndGradient(problem, m, theta, grad, Z, e);
    for (let it = 1; it <= iterations; it++) {
      let gg = 0;
      for (let p = 0; p < size; p++) gg += grad[p] * grad[p];
      if (gg === 0) break;
      let accepted = false;
      for (let bt = 0; bt < 60; bt++) {
        for (let p = 0; p < size; p++) trial[p] = theta[p] - step * grad[p];
        const ft = objectiveAndGradient(problem, m, trial, g2, Z, e);
        if (ft <= f - 1e-4 * step * gg) {
          theta.set(trial);
          grad.set(g2);
          f = ft;
          accepted = true;
          step *= 2;
          break;
        }
        step /= 2;
      }
      if (!accepted) break;
    }
    best.set(theta);
  }
  const network: ReluNetwork = {
    m, d,
    U: best.slice(0, m * d),
    alpha: best.slice(m * d, m * d + m),
    c: problem.intercept ? best[m * d + m] : 0,
  };
  return { network, objective: networkObjective(problem, network), iterations };
}
