/**
 * Relaxed variable splitting (docs/claims/dinh-xin.md#splitting): with the relaxed augmented Lagrangian
 *
 *   L_β(w, u) = f(w) + λ·P(u) + (β/2)‖w − u‖²,
 *
 * iterate, from w⁰ and u⁰ = prox_{(λ/β)P}(w⁰), in the u-first ordering (the default):
 *   u^{t+1} = prox_{(λ/β)P}(w^t)                       (soft; hard at √(2λ/β); TL1 with parameter a)
 *   w^{t+1} = w^t − η(g(w^t) + β(w^t − u^{t+1}))
 *   RVSCGD only: w^{t+1} ← w^{t+1}/‖w^{t+1}‖           (normalisation; optional for negative controls)
 * or in the lagged ordering (the w-step uses the previous threshold):
 *   w^{t+1} = w^t − η(g(w^t) + β(w^t − u^t)),   u^{t+1} = prox_{(λ/β)P}(w^t).
 * Both share their fixed points; the u-first ordering is stable for η < 2/(L + β), the lagged one only
 * for η < min(1/β, 2/(L + 2β)) (docs/claims/dinh-xin.md#orderings).
 *
 * `lossScale` s multiplies f and g (s·f): the normalisation c₀ of the loss (s = ½ turns the ReLU
 * loss's c₀ = 1 into c₀ = ½). Running (s·f, sλ, sβ, η/s) gives the same iterates as (f, λ, β, η)
 * (docs/claims/dinh-xin.md#normalisation-invariance).
 *
 * RVSM (paper B): f = ReLU population loss ℓ (c₀ = 1), g = ∇ℓ (population) or the minibatch mean of
 * the sample gradient 2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j.
 * RVSCGD (paper D): f = binary loss, g = expected coarse gradient c(ŵ − ŵ*) (ReLU STE; 2c for the
 * identity STE), or the minibatch mean of r·(1/k)Σ_j μ′(Z_jᵀw)Z_j; its trace uses the surrogate
 * F(w) = c(‖w‖ − ⟨w, ŵ*⟩), which is c(1 − cos θ) on the sphere (docs/claims/dinh-xin.md#coarse-gradients).
 * The form of RVSCGD, including the normalisation, is a reconstruction (docs/claims/dinh-xin.md#splitting).
 *
 * Minibatches: B samples taken cyclically, from a uniformly random offset, out of a seeded pool of
 * `pool` i.i.d. inputs drawn once (pool = batch: full-batch descent on a fixed training set).
 * Optional label noise σ: targets f(Z, w*) + σ·N(0,1) (the trade-off experiment).
 * The trace (L_β, θ, |supp u|, ‖u − w*‖) is always evaluated with the population f.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import type { Rng } from '../core/random.ts';
import { integerInRange, nonNegative, positive } from '../core/validate.ts';
import { type Penalty, scalarProx, validatePenalty } from '../prox/prox.ts';
import {
  type Ste, angleRaw, coarseConstant, distance, dot, gradReluRaw, lossReluRaw, norm, validateK, validateNonzero,
} from './model.ts';
import { batchGradient, batchWork, makePool, type Model, type Pool } from './minibatch.ts';
import { support } from './teacher.ts';

/** Minibatch sampling (see the module comment). */
export interface MinibatchOptions {
  /** Samples per step, ≥ 1. */
  batch: number;
  /** Size of the seeded input pool, ≥ batch (default 10·batch). */
  pool?: number;
  /** Stream for the pool and the minibatch offsets. */
  rng: Rng;
  /** Label noise σ ≥ 0: the pool's targets are f(Z, w*) + σ·N(0,1) (default 0, a realisable teacher). */
  labelNoise?: number;
}

/** Options shared by {@link rvsm} and {@link rvscgd}. */
export interface SplittingOptions {
  /** Teacher w* ≠ 0 (length d). */
  wStar: ArrayLike<number>;
  /** Number of patches k ≥ 1. */
  k: number;
  /** Initial w⁰ ≠ 0 (length d). */
  w0: ArrayLike<number>;
  /** ℓ1, ℓ0 or TL1 (a > 0). */
  penalty: Penalty;
  /** Penalty weight λ ≥ 0. */
  lambda: number;
  /** Coupling β > 0. */
  beta: number;
  /** Step size η > 0. */
  eta: number;
  /** Number of iterations T ≥ 0. */
  iterations: number;
  /** Sample-based gradients; population gradient when omitted. */
  minibatch?: MinibatchOptions;
  /** Record the per-iteration trace (default true). */
  trace?: boolean;
  /** Stop early once ‖w^{t+1} − w^t‖ ≤ stopTol (stopReason 'converged'); off when omitted. */
  stopTol?: number;
  /** Update ordering (default 'u-first'; see the module comment). */
  ordering?: Ordering;
  /** Multiplier s > 0 of the loss and its gradient (default 1; see the module comment). */
  lossScale?: number;
}

/** Update orderings of the splitting iteration. */
export type Ordering = 'u-first' | 'lagged';

/** Options of {@link rvscgd}. */
export interface RvscgdOptions extends SplittingOptions {
  /** Straight-through estimator (default 'relu'). */
  ste?: Ste;
  /** Normalise w after each step (default true; false only for negative controls: without it ℓ1/TL1 have no nonzero fixed point, docs/claims/dinh-xin.md#splitting). */
  normalize?: boolean;
}

/** Per-iteration trace, index t = 0..T (entry t is (w^t, u^t)). */
export interface SplittingTrace {
  /** L_β(w^t, u^t) (population f; the surrogate F for RVSCGD). */
  lagrangian: Float64Array;
  /** θ(w^t, w*). */
  angle: Float64Array;
  /** |supp(u^t)|. */
  supportSize: Int32Array;
  /** ‖u^t − w*‖. */
  distU: Float64Array;
  /** ‖w^t‖. */
  normW: Float64Array;
  /** ‖w^t − w^{t−1}‖ (0 at t = 0). */
  step: Float64Array;
}

/** Why the iteration stopped. */
export type StopReason = 'completed' | 'converged' | 'non-finite' | 'zero-iterate';

/** Result of a splitting run. */
export interface SplittingResult {
  /** Final w̄ (the last finite iterate if the run diverged). */
  w: Float64Array;
  /** ū = prox_{(λ/β)P}(w̄). */
  u: Float64Array;
  /** Iterations performed (the iteration at which divergence or convergence was detected, if any). */
  iterations: number;
  stopReason: StopReason;
  /** Iteration t at which w^t was non-finite or zero (only for 'non-finite' and 'zero-iterate'). */
  divergedAt?: number;
  /**
   * Fixed-point residual with the population gradient g: RVSM ‖∇ℓ(w̄) + β(w̄ − ū)‖;
   * normalised RVSCGD ‖(I − ŵŵᵀ)(g(w̄) + β(w̄ − ū))‖ (tangential); unnormalised RVSCGD ‖g(w̄) + β(w̄ − ū)‖.
   */
  residual: number;
  /** θ(w̄, w*). */
  angle: number;
  /** supp(ū). */
  support: number[];
  /** ‖ū − w*‖. */
  distU: number;
  trace?: SplittingTrace;
}

interface Config {
  model: Model;
  ste: Ste;
  normalize: boolean;
}

function validate(opts: SplittingOptions): { d: number; ns: number } {
  if (!opts || typeof opts !== 'object') throw new InvalidArgumentError('options', opts, 'an options object');
  const ns = validateNonzero('wStar', opts.wStar);
  const d = opts.wStar.length;
  validateNonzero('w0', opts.w0, d);
  validateK(opts.k);
  if (!opts.penalty || !['l1', 'l0', 'tl1'].includes(opts.penalty.kind)) {
    throw new InvalidArgumentError('penalty', opts.penalty, "{kind: 'l1' | 'l0' | 'tl1'}");
  }
  validatePenalty('penalty', opts.penalty);
  nonNegative('lambda', opts.lambda);
  positive('beta', opts.beta);
  positive('eta', opts.eta);
  integerInRange('iterations', opts.iterations, 0);
  if (opts.stopTol !== undefined) nonNegative('stopTol', opts.stopTol);
  if (opts.ordering !== undefined && opts.ordering !== 'u-first' && opts.ordering !== 'lagged') {
    throw new InvalidArgumentError('ordering', opts.ordering, "'u-first' or 'lagged'");
  }
  if (opts.lossScale !== undefined) positive('lossScale', opts.lossScale);
  if (opts.minibatch !== undefined) {
    const mb = opts.minibatch;
    integerInRange('minibatch.batch', mb.batch, 1);
    if (mb.pool !== undefined) integerInRange('minibatch.pool', mb.pool, mb.batch);
    if (!mb.rng || typeof mb.rng.fillNormal !== 'function') throw new InvalidArgumentError('minibatch.rng', mb.rng, 'an Rng');
    if (mb.labelNoise !== undefined) nonNegative('minibatch.labelNoise', mb.labelNoise);
  }
  return { d, ns };
}

function run(opts: SplittingOptions, cfg: Config): SplittingResult {
  const { d, ns } = validate(opts);
  const { wStar, k, penalty, lambda, beta, eta, iterations: T } = opts;
  const tau = lambda / beta;
  const prox = scalarProx(penalty, tau);
  const scale = opts.lossScale ?? 1;
  const lagged = opts.ordering === 'lagged';
  const cg = cfg.model === 'binary' ? scale * (cfg.ste === 'relu' ? 1 : 2) * coarseConstant(k) : 0;
  const withTrace = opts.trace !== false;

  const w = Float64Array.from(opts.w0);
  if (cfg.normalize) {
    const n0 = norm(w);
    for (let i = 0; i < d; i++) w[i] /= n0;
  }
  const u = new Float64Array(d);
  const uNext = new Float64Array(d);
  const g = new Float64Array(d);
  const bw = batchWork(k);
  const last = new Float64Array(d);

  let pool: Pool | undefined;
  let batch = 0;
  let mbRng: Rng | undefined;
  if (opts.minibatch) {
    batch = opts.minibatch.batch;
    mbRng = opts.minibatch.rng;
    pool = makePool(opts.minibatch.pool ?? 10 * batch, k, d, wStar, cfg.model, mbRng, opts.minibatch.labelNoise ?? 0);
  }

  const trace: SplittingTrace | undefined = withTrace
    ? {
        lagrangian: new Float64Array(T + 1),
        angle: new Float64Array(T + 1),
        supportSize: new Int32Array(T + 1),
        distU: new Float64Array(T + 1),
        normW: new Float64Array(T + 1),
        step: new Float64Array(T + 1),
      }
    : undefined;

  /** f(w) (ReLU loss or surrogate F) from ‖w‖ and θ. */
  const fValue = (nw: number, theta: number): number =>
    cfg.model === 'relu' ? scale * lossReluRaw(nw, ns, theta, k) : cg * (nw - dot(w, wStar) / ns);

  // Σ_i p(u_i) accumulated in the trace loop: ℓ1 |u|, ℓ0 1{u ≠ 0}, TL1 (a+1)|u|/(a+|u|).
  const pa = penalty.kind === 'tl1' ? penalty.a : 0;
  const record = (t: number, nw: number, theta: number): void => {
    if (!trace) return;
    let gap = 0;
    let dist = 0;
    let nnz = 0;
    let pen = 0;
    for (let i = 0; i < d; i++) {
      const ui = u[i];
      const a = w[i] - ui;
      gap += a * a;
      const b = ui - wStar[i];
      dist += b * b;
      if (ui !== 0) {
        nnz++;
        const au = Math.abs(ui);
        pen += penalty.kind === 'l1' ? au : penalty.kind === 'l0' ? 1 : ((pa + 1) * au) / (pa + au);
      }
    }
    trace.lagrangian[t] = fValue(nw, theta) + lambda * pen + 0.5 * beta * gap;
    trace.angle[t] = theta;
    trace.supportSize[t] = nnz;
    trace.distU[t] = Math.sqrt(dist);
    trace.normW[t] = nw;
  };

  /** Population gradient g(w) into `out`. */
  const populationGradient = (nw: number, theta: number, out: Float64Array): void => {
    if (cfg.model === 'relu') {
      gradReluRaw(w, wStar, k, nw, ns, theta, out);
      if (scale !== 1) for (let i = 0; i < d; i++) out[i] *= scale;
    } else for (let i = 0; i < d; i++) out[i] = cg * (w[i] / nw - wStar[i] / ns);
  };

  for (let i = 0; i < d; i++) u[i] = prox(w[i]);
  let nw = norm(w);
  let theta = angleRaw(w, wStar, nw, ns);
  record(0, nw, theta);

  let stopReason: StopReason = 'completed';
  let t = 0;
  while (t < T) {
    // u-first: u ← prox(w^t) before the step; lagged: the step uses u^t, then u ← prox(w^t).
    for (let i = 0; i < d; i++) uNext[i] = prox(w[i]);
    if (!lagged) u.set(uNext);
    if (pool) batchGradient(pool, mbRng!.int(pool.n), batch, w, k, cfg.model, cfg.ste, bw, g, scale);
    else populationGradient(nw, theta, g);
    last.set(w);
    for (let i = 0; i < d; i++) w[i] -= eta * (g[i] + beta * (w[i] - u[i]));
    if (lagged) u.set(uNext);
    let n = norm(w);
    if (cfg.normalize && n > 0 && Number.isFinite(n)) {
      for (let i = 0; i < d; i++) w[i] /= n;
      n = norm(w);
    }
    t++;
    if (!Number.isFinite(n)) stopReason = 'non-finite';
    else if (n === 0) stopReason = 'zero-iterate';
    if (stopReason !== 'completed') {
      w.set(last);
      break;
    }
    nw = n;
    theta = angleRaw(w, wStar, nw, ns);
    record(t, nw, theta);
    const step = distance(w, last);
    if (trace) trace.step[t] = step;
    if (opts.stopTol !== undefined && step <= opts.stopTol) {
      stopReason = 'converged';
      break;
    }
  }

  // Final state: w̄ (last finite iterate), ū = prox(w̄), residual with the population gradient.
  nw = norm(w);
  theta = angleRaw(w, wStar, nw, ns);
  for (let i = 0; i < d; i++) u[i] = prox(w[i]);
  populationGradient(nw, theta, g);
  for (let i = 0; i < d; i++) g[i] += beta * (w[i] - u[i]);
  if (cfg.model === 'binary' && cfg.normalize) {
    const p = dot(g, w) / (nw * nw);
    for (let i = 0; i < d; i++) g[i] -= p * w[i];
  }
  const result: SplittingResult = {
    w,
    u,
    iterations: t,
    stopReason,
    residual: norm(g),
    angle: theta,
    support: support(u),
    distU: distance(u, wStar),
  };
  const diverged = stopReason === 'non-finite' || stopReason === 'zero-iterate';
  if (diverged) result.divergedAt = t;
  if (trace) {
    const len = diverged ? t : t + 1;
    result.trace = {
      lagrangian: trace.lagrangian.subarray(0, len),
      angle: trace.angle.subarray(0, len),
      supportSize: trace.supportSize.subarray(0, len),
      distU: trace.distU.subarray(0, len),
      normW: trace.normW.subarray(0, len),
      step: trace.step.subarray(0, len),
    };
  }
  return result;
}

/**
 * RVSM (paper B; form in docs/claims/dinh-xin.md#splitting): ReLU network, population gradient ∇ℓ (c₀ = 1) or
 * minibatch sample gradients. Returns the final (w̄, ū), the fixed-point residual and the trace.
 */
export function rvsm(opts: SplittingOptions): SplittingResult {
  return run(opts, { model: 'relu', ste: 'relu', normalize: false });
}

/**
 * RVSCGD (paper D; reconstructed form, docs/claims/dinh-xin.md#splitting): binary activation, expected coarse gradient
 * c(ŵ − ŵ*) (ReLU STE) or minibatch coarse gradients, followed by w ← w/‖w‖ unless normalize = false.
 */
export function rvscgd(opts: RvscgdOptions): SplittingResult {
  const ste = opts?.ste ?? 'relu';
  if (ste !== 'relu' && ste !== 'identity') throw new InvalidArgumentError('ste', ste, 'relu or identity');
  return run(opts, { model: 'binary', ste, normalize: opts?.normalize ?? true });
}
