/**
 * The methods as analysed (§2) and one allocation-free run loop.
 *
 * AdaGrad (coordinate-wise):  w_{t+1,i} = w_{t,i} − η g_{t,i}/(b_{t,i} + δ),  b_{t,i} = √(Σ_{s=1}^{t} g_{s,i}²)
 *   — the current gradient is in the accumulator, δ ≥ 0 is outside the root, no initial b₀.
 *   Where b_{t,i} = 0 (only zero gradients so far) the step is 0.
 * AdaGrad-Norm:  w_{t+1} = w_t − η g_t/(b_t + δ),  b_t = √(Σ_{s≤t} ‖g_s‖²).
 * SGD:  w_{t+1} = w_t − η g_t (constant step); GD is SGD with the exact oracle.
 *
 * Two AdaGrad variants found in practice are kept for comparison (the analysis does not cover them):
 * 'delta-inside-root' uses η g/√(b_{t,i}² + δ); 'lagged-accumulator' uses η g/(b_{t−1,i} + δ).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/random.ts';
import { integerInRange, nonNegative, oneOf, positive } from '../core/validate.ts';
import type { Oracle } from './oracles.ts';
import type { Problem } from './problems.ts';
import { finiteVec } from './validate.ts';

export type AdagradVariant = 'paper' | 'delta-inside-root' | 'lagged-accumulator';
export const ADAGRAD_VARIANTS: readonly AdagradVariant[] = ['paper', 'delta-inside-root', 'lagged-accumulator'];

export type Method =
  | { kind: 'adagrad'; eta: number; delta: number; variant?: AdagradVariant }
  | { kind: 'adagrad-norm'; eta: number; delta: number }
  | { kind: 'sgd'; eta: number };

export const adagrad = (eta: number, delta: number, variant: AdagradVariant = 'paper'): Method => ({ kind: 'adagrad', eta, delta, variant });
export const adagradNorm = (eta: number, delta: number): Method => ({ kind: 'adagrad-norm', eta, delta });
export const sgd = (eta: number): Method => ({ kind: 'sgd', eta });

/** Called at every t = 1…T with w_t, ∇F(w_t) and g_t, before the update (the arrays are reused: copy what you keep). */
export type Observer = (t: number, w: Float64Array, grad: Float64Array, g: Float64Array) => void;

export interface RunOptions {
  /** Number of gradient queries T ≥ 1 (iterates w_1…w_T are measured; w_{T+1} is returned). */
  T: number;
  /** Start w₁. */
  w1: ArrayLike<number>;
  /** Random stream (required for stochastic oracles; default a fixed seed). */
  rng?: Rng;
  /** ℓ1 target for the hitting time min{t : ‖∇F(w_t)‖₁ ≤ target}. */
  target?: number;
  /** Stop at the hitting time. */
  stopAtHit?: boolean;
  observer?: Observer;
  /** |w_i| beyond this counts as divergence (default 1e150, so that squares stay finite). */
  divergenceBound?: number;
}

export interface RunResult {
  /** 'completed' (T steps), 'hit' (stopped at the hitting time) or 'diverged' (stopped at `divergedAt`). */
  status: 'completed' | 'hit' | 'diverged';
  /** Number of measured iterates (gradient queries with finite results). */
  steps: number;
  /** The step t whose update left the finite range (only when diverged). */
  divergedAt: number | null;
  /** (1/steps) Σ_t ‖∇F(w_t)‖₁ and ‖∇F(w_t)‖₂. */
  avgL1: number;
  avgL2: number;
  /** min_t ‖∇F(w_t)‖₁ and ‖∇F(w_t)‖₂. */
  minL1: number;
  minL2: number;
  /** First t with ‖∇F(w_t)‖₁ ≤ target (null if never or no target). */
  hitTime: number | null;
  /** The last finite iterate (w_{steps+1}, or w_{steps} when the next update diverged). */
  w: Float64Array;
}

/** Validate a method spec (η > 0, δ ≥ 0, a known variant). */
export function checkMethod(m: Method): void {
  oneOf('method.kind', m.kind, ['adagrad', 'adagrad-norm', 'sgd'] as const);
  positive('eta', m.eta);
  if (m.kind !== 'sgd') nonNegative('delta', m.delta);
  if (m.kind === 'adagrad' && m.variant !== undefined) oneOf('variant', m.variant, ADAGRAD_VARIANTS);
}

/** Run `method` on `problem` with `oracle` for T queries; every measure is accumulated in the loop. */
export function run(problem: Problem, oracle: Oracle, method: Method, opts: RunOptions): RunResult {
  checkMethod(method);
  const d = problem.d;
  const T = integerInRange('T', opts.T, 1);
  if (oracle.sigma.length !== d) throw new InvalidArgumentError('oracle.sigma.length', oracle.sigma.length, `${d} (problem.d)`);
  let w: Float64Array = finiteVec('w1', opts.w1, d);
  let wNext: Float64Array = new Float64Array(d);
  const grad = new Float64Array(d);
  const g = new Float64Array(d);
  const acc = new Float64Array(d); // Σ_{s≤t} g_{s,i}² (AdaGrad)
  let accNorm = 0; // Σ_{s≤t} ‖g_s‖² (AdaGrad-Norm)
  const rng = opts.rng ?? createRng(0);
  const target = opts.target === undefined ? -Infinity : nonNegative('target', opts.target);
  const bound = opts.divergenceBound ?? 1e150;
  const { eta } = method;
  const delta = method.kind === 'sgd' ? 0 : method.delta;
  const variant = method.kind === 'adagrad' ? (method.variant ?? 'paper') : 'paper';

  let sumL1 = 0, sumL2 = 0, minL1 = Infinity, minL2 = Infinity;
  let hitTime: number | null = null;
  let steps = 0;
  let status: RunResult['status'] = 'completed';
  let divergedAt: number | null = null;

  for (let t = 1; t <= T; t++) {
    problem.gradient(w, grad);
    let l1 = 0, l2 = 0;
    for (let i = 0; i < d; i++) {
      l1 += Math.abs(grad[i]);
      l2 += grad[i] * grad[i];
    }
    if (!Number.isFinite(l1) || !Number.isFinite(l2)) {
      status = 'diverged';
      divergedAt = t;
      break;
    }
    l2 = Math.sqrt(l2);
    steps = t;
    sumL1 += l1;
    sumL2 += l2;
    if (l1 < minL1) minL1 = l1;
    if (l2 < minL2) minL2 = l2;
    if (hitTime === null && l1 <= target) hitTime = t;
    oracle.sample(t, w, grad, g, rng);
    if (opts.observer) opts.observer(t, w, grad, g);
    if (hitTime !== null && opts.stopAtHit) {
      status = 'hit';
      break;
    }
    let ok = true;
    if (method.kind === 'sgd') {
      for (let i = 0; i < d; i++) wNext[i] = w[i] - eta * g[i];
    } else if (method.kind === 'adagrad-norm') {
      let gg = 0;
      for (let i = 0; i < d; i++) gg += g[i] * g[i];
      accNorm += gg;
      const denom = Math.sqrt(accNorm) + delta;
      for (let i = 0; i < d; i++) wNext[i] = denom === 0 ? w[i] : w[i] - (eta * g[i]) / denom;
    } else {
      ok = adagradStep(variant, eta, delta, w, g, acc, wNext);
    }
    for (let i = 0; i < d && ok; i++) if (!(Math.abs(wNext[i]) <= bound)) ok = false;
    if (!ok) {
      status = 'diverged';
      divergedAt = t;
      break;
    }
    const tmp = w;
    w = wNext;
    wNext = tmp;
  }
  return {
    status,
    steps,
    divergedAt,
    avgL1: steps > 0 ? sumL1 / steps : NaN,
    avgL2: steps > 0 ? sumL2 / steps : NaN,
    minL1,
    minL2,
    hitTime,
    w: Float64Array.from(w),
  };
}

/** One coordinate-wise AdaGrad update into wNext; false if a value is not finite. */
function adagradStep(
  variant: AdagradVariant,
  eta: number,
  delta: number,
  w: Float64Array,
  g: Float64Array,
  acc: Float64Array,
  wNext: Float64Array,
): boolean {
  const d = w.length;
  for (let i = 0; i < d; i++) {
    const gi = g[i];
    let denom: number;
    if (variant === 'lagged-accumulator') {
      denom = Math.sqrt(acc[i]) + delta; // b_{t−1,i} + δ
      acc[i] += gi * gi;
    } else {
      acc[i] += gi * gi;
      denom = variant === 'paper' ? Math.sqrt(acc[i]) + delta : Math.sqrt(acc[i] + delta);
    }
    wNext[i] = gi === 0 ? w[i] : w[i] - (eta * gi) / denom;
    if (!Number.isFinite(wNext[i])) return false;
  }
  return true;
}
