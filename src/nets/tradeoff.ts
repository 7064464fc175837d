/**
 * The accuracy–sparsity trade-off among the penalties (the experiment B's abstract describes; its
 * settings are unknown, docs/claims/dinh-xin.md#trade-off-experiment): for a sparse teacher w* and a sampled training
 * set, run RVSM for each penalty over a grid of λ, and record for the sparse output ū
 *   nnz(ū), ‖ū − w*‖, θ(ū, w*) (π/2 when ū = 0), and the test loss ℓ(ū) = E[(f(Z,ū) − f(Z,w*))²]
 *   estimated on fresh samples (c₀ = 1).
 * Training: full-batch RVSM on the empirical loss of `train.n` seeded inputs (minibatch = pool = n)
 * with targets f(Z, w*) + σ·N(0,1) (σ = `train.noise`; without noise w* minimises the empirical loss
 * exactly and every penalty recovers it at small λ, so there is no trade-off to measure);
 * population gradients when `train` is omitted. Every λ starts from the same w⁰ (no warm start, so
 * ℓ0's path dependence does not leak between grid points).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/random.ts';
import { integerInRange, nonNegative } from '../core/validate.ts';
import type { Penalty } from '../prox/prox.ts';
import { angleRaw, distance, norm, validateNonzero } from './model.ts';
import { mcLossRelu } from './monte-carlo.ts';
import { rvsm } from './splitting.ts';

/** Options of {@link tradeoffSweep}. */
export interface TradeoffOptions {
  wStar: ArrayLike<number>;
  k: number;
  w0: ArrayLike<number>;
  penalties: Penalty[];
  /** λ grid of {@link tradeoffSweep} (each ≥ 0). */
  lambdas: number[];
  beta: number;
  eta: number;
  iterations: number;
  /** Early stop once ‖w^{t+1} − w^t‖ ≤ stopTol (see SplittingOptions); off when omitted. */
  stopTol?: number;
  /** Training-set size, label noise σ (default 0) and seed; population gradient when omitted. */
  train?: { n: number; noise?: number; seed: number };
  /** Test-set size (fresh samples per point) and stream. */
  test: { n: number; rng: Rng };
}

/** One (penalty, λ) point of the sweep. */
export interface TradeoffPoint {
  /** 'l1', 'l0' or 'tl1'. */
  penalty: Penalty['kind'];
  lambda: number;
  /** nnz(ū). */
  nnz: number;
  /** ‖ū − w*‖. */
  error: number;
  /** θ(ū, w*) (π/2 when ū = 0). */
  angle: number;
  /** Test loss ℓ(ū) on fresh samples, with its standard error. */
  testLoss: number;
  testLossSe: number;
  /** |supp(ū) Δ supp(w*)|. */
  supportErrors: number;
}

function validateTradeoff(opts: TradeoffOptions): number {
  const ns = validateNonzero('wStar', opts.wStar);
  if (!Array.isArray(opts.penalties) || opts.penalties.length === 0) throw new InvalidArgumentError('penalties', opts.penalties, 'a non-empty array');
  if (!Array.isArray(opts.lambdas)) throw new InvalidArgumentError('lambdas', opts.lambdas, 'an array');
  opts.lambdas.forEach((l, i) => nonNegative(`lambdas[${i}]`, l));
  if (opts.train) integerInRange('train.seed', opts.train.seed, 0);
  integerInRange('test.n', opts.test?.n, 2);
  return ns;
}

/** One RVSM run of the sweep at (penalty, λ); the training set is re-created from `train.seed`. */
export function tradeoffPoint(opts: TradeoffOptions, penalty: Penalty, lambda: number): TradeoffPoint {
  const ns = validateTradeoff(opts);
  nonNegative('lambda', lambda);
  return withTestLoss(opts, trainedPoint(opts, ns, penalty, lambda));
}

/** A point without its test loss: ū and the quantities read from it (validated options). */
interface TrainedPoint {
  point: Omit<TradeoffPoint, 'testLoss' | 'testLossSe'>;
  u: Float64Array;
}

/** RVSM at (penalty, λ); ns = ‖w*‖ as validated. */
function trainedPoint(opts: TradeoffOptions, ns: number, penalty: Penalty, lambda: number): TrainedPoint {
  const r = rvsm({
    wStar: opts.wStar, k: opts.k, w0: opts.w0, penalty, lambda, beta: opts.beta, eta: opts.eta,
    iterations: opts.iterations, trace: false, stopTol: opts.stopTol,
    minibatch: opts.train
      ? { batch: opts.train.n, pool: opts.train.n, rng: createRng(opts.train.seed), labelNoise: opts.train.noise ?? 0 }
      : undefined,
  });
  const nu = norm(r.u);
  let supportErrors = 0;
  for (let i = 0; i < r.u.length; i++) if ((r.u[i] !== 0) !== (opts.wStar[i] !== 0)) supportErrors++;
  const point = {
    penalty: penalty.kind,
    lambda,
    nnz: r.support.length,
    error: distance(r.u, opts.wStar),
    angle: nu === 0 ? Math.PI / 2 : angleRaw(r.u, opts.wStar, nu, ns),
    supportErrors,
  };
  return { point, u: r.u };
}

/** The test loss ℓ(ū) on `test.n` fresh samples from `test.rng`. */
function withTestLoss(opts: TradeoffOptions, t: TrainedPoint): TradeoffPoint {
  const test = mcLossRelu(t.u, opts.wStar, opts.k, opts.test.n, opts.test.rng);
  return { ...t.point, testLoss: test.mean, testLossSe: test.se };
}

/** Run the sweep; returns one point per (penalty, λ), penalties outermost. */
export function tradeoffSweep(opts: TradeoffOptions): TradeoffPoint[] {
  validateTradeoff(opts);
  const points: TradeoffPoint[] = [];
  for (const penalty of opts.penalties) for (const lambda of opts.lambdas) points.push(tradeoffPoint(opts, penalty, lambda));
  return points;
}

/**
 * Matched sparsity by bisection on log10 λ ∈ [lo, hi]: the point at the smallest λ found with
 * nnz(ū) ≤ target (`steps` halvings). nnz(ū) is not exactly monotone in λ (ℓ0 limits are path
 * dependent), so the returned nnz may differ from target; callers compare it. Only the returned
 * point's test loss is estimated (the bisection reads nnz alone).
 */
export function matchedSparsity(
  opts: TradeoffOptions, penalty: Penalty, target: number, range: [number, number] = [-6, 0], steps = 14,
): TradeoffPoint {
  const ns = validateTradeoff(opts);
  integerInRange('target', target, 0);
  integerInRange('steps', steps, 1);
  let [lo, hi] = range;
  let best = trainedPoint(opts, ns, penalty, 10 ** hi);
  if (best.point.nnz > target) return withTestLoss(opts, best);
  for (let s = 0; s < steps; s++) {
    const mid = 0.5 * (lo + hi);
    const p = trainedPoint(opts, ns, penalty, 10 ** mid);
    if (p.point.nnz <= target) {
      hi = mid;
      best = p;
    } else lo = mid;
  }
  return withTestLoss(opts, best);
}

/**
 * Error at matched sparsity: for each penalty, the smallest ‖ū − w*‖ among the points with
 * nnz(ū) = s, where s is the level reached by that penalty closest to `target` (ties: the sparser).
 */
export function errorAtSparsity(points: TradeoffPoint[], penalty: Penalty['kind'], target: number): { nnz: number; error: number; lambda: number } {
  const own = points.filter((p) => p.penalty === penalty);
  if (own.length === 0) throw new InvalidArgumentError('penalty', penalty, 'a penalty present in the sweep');
  let best = own[0];
  for (const p of own) {
    const dp = Math.abs(p.nnz - target);
    const db = Math.abs(best.nnz - target);
    if (dp < db || (dp === db && (p.nnz < best.nnz || (p.nnz === best.nnz && p.error < best.error)))) best = p;
  }
  return { nnz: best.nnz, error: best.error, lambda: best.lambda };
}
