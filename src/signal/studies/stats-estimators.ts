/**
 * The three estimators of AGH21 §5.2.2, each returning the relaxation's x* (no rounding, as in the
 * paper) together with its certificate:
 *
 * - **L1**: min_{x ≥ 0} ‖y − x‖² + λΣ(x_{i+1} − x_i)² + μ‖x‖₁ — a strictly convex QP on a path, solved
 *   exactly by the Z-matrix pivoting of `supportSolutionNonneg` (src/signal/model.ts) with every node
 *   free; certificate: the objective, a strong-convexity lower bound and the KKT residual ({@link l1PathCertificate};
 *   derivation in docs/claims/agh21.md#stats-l1-certificate).
 * - **Decomp-sparse**: ‖y‖² + min −2y′x + θ(z, x) + μ‖x‖₁ s.t. Σz ≤ hs, 0 ≤ x ≤ ‖y‖∞ z, z ∈ [0,1]ⁿ — decomp
 *   with the cardinality prior (43b), by Algorithm 1 (src/signal/relax/decomp.ts).
 * - **Decomp-prior**: model (43) — Decomp-sparse plus (43c) Σ|z_{i+1} − z_i| ≤ 2s and the windows (43d).
 *
 * μ here is the paper's ℓ1 weight of §5.2 (the `l1` field ν of a {@link SignalProblem}); there is no ℓ0 term.
 * Warm start (ours): Decomp-sparse accepts the cut sets Δ of an earlier solve on the same data (a neighbouring
 * grid pair) together with its last primal–dual iterate (the constraints of (32) do not depend on λ, μ, so the
 * iterate is interior for the new pair; only the cost changes). Every cut (32c) is valid for every d > 0 whatever λ and μ are (the cuts do not
 * involve Q), so the relaxation stays a valid decomp relaxation — Algorithm 1 simply starts with more cuts
 * (docs/claims/agh21.md#stats-warm-cuts).
 */
import { InvalidArgumentError, TheorycheckError } from '../../core/errors.ts';
import { integerInRange, nonNegative, positive } from '../../core/validate.ts';
import { buildQ, objective, priors43, signalProblem, supportSolutionNonneg, type Prior, type SignalProblem } from '../model.ts';
import { decompRelaxation, type DecompOptions } from '../relax/decomp.ts';
import type { PathPdWarm } from '../relax/path-pd.ts';

/** The methods of §5.2.2. */
export const STATS_METHODS = ['L1', 'Decomp-sparse', 'Decomp-prior'] as const;
export type StatsMethod = (typeof STATS_METHODS)[number];

/** What every estimator returns: x* and the certificate of the solve that produced it. */
export interface StatsEstimate {
  /** The estimate x* ≥ 0 (the relaxation's x, no rounding). */
  x: Float64Array;
  /** 'optimal' when the certificate below meets its tolerance; anything else is a failed solve. */
  status: string;
  /** Objective value at x* (‖y‖² included). */
  value: number;
  /** Certified lower bound of the solved convex problem (‖y‖² included). */
  lowerBound: number;
  /** (value − lowerBound)/max(1, |value|). */
  relGap: number;
  /** Wall-clock time of the solve (ms). */
  timeMs: number;
  /** Algorithm 1 rounds (Decomp) or pivoting rounds (L1). */
  rounds: number;
  /** Decomp: the final cut sets Δ (a warm start for a neighbouring grid pair). */
  cutSets?: number[][];
  /** Decomp: why Algorithm 1 stopped. */
  stop?: string;
  /** Decomp: the last round's primal–dual iterate at relative gap 1e-2 (warm start of the next pair's first round). */
  pdSnapshot?: PathPdWarm;
}

/** The spike prior of §5.2.3 used by the Decomp estimators: s spikes of length h. */
export interface SpikePrior {
  s: number;
  h: number;
}

/** An estimator: data y, smoothing λ, ℓ1 weight μ, the spike prior, and an optional warm start. */
export type StatsEstimator = (y: Float64Array, lambda: number, mu: number, prior: SpikePrior, warm?: StatsEstimate) => StatsEstimate;

/** A solve whose certificate does not certify it: the study stops rather than use its x (never a silent zero). */
export class EstimatorFailedError extends TheorycheckError {
  override name = 'EstimatorFailedError';
  constructor(
    readonly method: string,
    readonly estimate: StatsEstimate,
  ) {
    super(`${method} failed: status ${estimate.status}, value ${estimate.value}, lower bound ${estimate.lowerBound}, relative gap ${estimate.relGap}`);
  }
}

/** Certificate of an L1 point x ≥ 0 (see {@link l1PathCertificate}). */
export interface L1Certificate {
  value: number;
  lowerBound: number;
  /** max_i |min(x_i, ∇f(x)_i)|: 0 exactly at the optimum of min_{x ≥ 0} f. */
  kktResidual: number;
}

/**
 * Certificate of x ≥ 0 for f(x) = ‖y − x‖² + λΣ(x_{i+1} − x_i)² + νΣx = ‖y‖² − 2b′x + x′Qx, b = y − ν/2,
 * Q = I + λL ⪰ I: f(x') ≥ f(x) + g′(x' − x) + ‖x' − x‖² with g = 2(Qx − b), so minimising the right side over
 * x' ≥ 0 coordinatewise gives the valid lower bound f(x) + Σ_i φ_i, φ_i = −g_i²/4 if x_i − g_i/2 ≥ 0,
 * else x_i² − g_i x_i.
 */
export function l1PathCertificate(p: SignalProblem, x: Float64Array): L1Certificate {
  const q = buildQ(p);
  const value = objective(p, x, new Float64Array(p.n));
  let lb = value;
  let kkt = 0;
  for (let i = 0; i < p.n; i++) {
    let qx = q.diag[i] * x[i];
    for (let t = q.ptr[i]; t < q.ptr[i + 1]; t++) qx += q.off * x[q.adj[t]];
    const g = 2 * (qx - (p.y[i] - p.l1 / 2));
    lb += x[i] - g / 2 >= 0 ? (-g * g) / 4 : x[i] * x[i] - g * x[i];
    kkt = Math.max(kkt, Math.abs(Math.min(x[i], g)));
  }
  return { value, lowerBound: lb, kktResidual: kkt };
}

/** Relative gap at which an L1 solve counts as exact (the pivoting is exact up to rounding: ~n·1e-16). */
export const L1_GAP_TOL = 1e-10;

function checkCommon(y: Float64Array, lambda: number, mu: number): void {
  if (!(y instanceof Float64Array) || y.length < 2) throw new InvalidArgumentError('y', y, 'a Float64Array of length ≥ 2');
  positive('lambda', lambda);
  nonNegative('mu', mu);
}

/** Validate the spike prior against n (hs ≤ n, h ≤ n). */
export function checkSpikePrior(prior: SpikePrior, n: number): void {
  if (prior === null || typeof prior !== 'object') throw new InvalidArgumentError('prior', prior, 'an object { s, h }');
  integerInRange('h', prior.h, 1, n);
  integerInRange('s', prior.s, 0);
  integerInRange('hs', prior.h * prior.s, 0, n);
}

/** The L1 estimator (exact; see the module comment). */
export const l1Estimator: StatsEstimator = (y, lambda, mu) => {
  checkCommon(y, lambda, mu);
  const t0 = performance.now();
  const p = signalProblem({ y, lambda, l1: mu });
  const all = new Uint8Array(p.n).fill(1);
  const x = supportSolutionNonneg(p, all);
  const timeMs = performance.now() - t0;
  const c = l1PathCertificate(p, x);
  const relGap = (c.value - c.lowerBound) / Math.max(1, Math.abs(c.value));
  return { x, status: relGap <= L1_GAP_TOL ? 'optimal' : 'inaccurate', value: c.value, lowerBound: c.lowerBound, relGap, timeMs, rounds: 1 };
};

/** Relative gap up to which a Decomp solve is accepted: Algorithm 1's stopping rule 5e-5 (Remark 13) is on ζ's improvement; the certified gap of each (32) solve is ≤ 1e-5 (path solver's acceptTol). */
export const DECOMP_GAP_TOL = 1e-5;

/**
 * What a warm start takes from a neighbouring grid pair's estimate: 'cuts' its cut sets Δ and its primal–dual
 * iterate (Algorithm 1 starts from more cuts than {1}), 'iterate' only the iterate (Algorithm 1 starts from
 * Δ = {1} as cold, its first interior-point solve from the neighbour's point: the iterate's cuts that are in Δ
 * keep their values, the others are dropped — the same relaxation as a cold solve, a different start), 'none'.
 */
export type DecompWarmMode = 'cuts' | 'iterate' | 'none';

function decompEstimate(p: SignalProblem, warm: StatsEstimate | undefined, opts: DecompOptions = {}, mode: DecompWarmMode = 'cuts'): StatsEstimate {
  const t0 = performance.now();
  const fits = warm?.cutSets !== undefined && warm.cutSets.length === p.n - 1;
  const initialCuts = mode === 'cuts' && fits ? warm!.cutSets : undefined;
  const pdWarm = mode !== 'none' && fits && warm!.pdSnapshot ? { pdWarm: warm!.pdSnapshot } : {};
  const r = decompRelaxation(p, { ...opts, ...(initialCuts ? { initialCuts } : {}), ...pdWarm });
  const timeMs = performance.now() - t0;
  const relGap = (r.value - r.lowerBound) / Math.max(1, Math.abs(r.value));
  const certified = (r.status === 'optimal' || r.status === 'almost_optimal') && relGap <= DECOMP_GAP_TOL;
  return {
    x: r.x, status: certified ? 'optimal' : r.status === 'optimal' ? 'inaccurate' : r.status, value: r.value, lowerBound: r.lowerBound, relGap, timeMs,
    rounds: r.rounds, cutSets: r.cutSets, stop: r.stop, ...(r.pdSnapshot ? { pdSnapshot: r.pdSnapshot } : {}),
  };
}

/** The Decomp-sparse problem: decomp with Σz ≤ hs (43b) and ℓ1 weight μ. */
export function decompSparseProblem(y: Float64Array, lambda: number, mu: number, prior: SpikePrior): SignalProblem {
  checkCommon(y, lambda, mu);
  checkSpikePrior(prior, y.length);
  return signalProblem({ y, lambda, l1: mu, k: prior.h * prior.s });
}

/**
 * Reject a linear prior that no z ∈ [0,1]ⁿ satisfies on its own (its largest left side below a '≥' right side,
 * its smallest above a '≤' one), naming it. Jointly infeasible priors are left to the solver, whose certificate
 * then reports the failure.
 */
export function checkPriorsSatisfiable(priors: ReadonlyArray<Prior>, name = 'priors'): void {
  priors.forEach((p, t) => {
    if (p.kind !== 'linear') return;
    let lo = 0;
    let hi = 0;
    for (const { coef } of p.terms) {
      if (coef > 0) hi += coef;
      else lo += coef;
    }
    const slack = 1e-12 * (1 + Math.abs(p.rhs));
    if ((p.sense !== '<=' && hi < p.rhs - slack) || (p.sense !== '>=' && lo > p.rhs + slack)) {
      throw new InvalidArgumentError(`${name}[${t}]`, p.label ?? p.rhs, `a prior some z ∈ [0,1]ⁿ satisfies (left side ranges over [${lo}, ${hi}], ${p.sense} ${p.rhs})`);
    }
  });
}

/** The Decomp-prior problem (43): Decomp-sparse plus (43c) and (43d) (priors43 without its (43b) row, which is Σz ≤ hs = k). */
export function decompPriorProblem(y: Float64Array, lambda: number, mu: number, prior: SpikePrior, extra: Prior[] = []): SignalProblem {
  checkCommon(y, lambda, mu);
  checkSpikePrior(prior, y.length);
  checkPriorsSatisfiable(extra, 'extra');
  const priors = [...priors43(y.length, prior.s, prior.h).slice(1), ...extra];
  return signalProblem({ y, lambda, l1: mu, k: prior.h * prior.s, priors });
}

/** Decomp-sparse by Algorithm 1. */
export const decompSparseEstimator: StatsEstimator = (y, lambda, mu, prior, warm) => decompEstimate(decompSparseProblem(y, lambda, mu, prior), warm);

/**
 * Decomp-prior (43) by Algorithm 1 (subproblems by the primal–dual path solver with prior rows, path-pd-priors.ts,
 * each round after the first started from the previous round's iterate; the conic solver as fallback). Cold
 * across grid pairs: started from a neighbour's cut sets it was slower in `bench stats` (n = 1,000, mean over two
 * σ: 7.2 s CPU per solve against 5.0 s cold), and from a neighbour's iterate ('iterate') it saved about 55
 * interior-point iterations per solve at σ = 0.3 but stalled (about 50 wasted before the cold solve) at σ = 0.8.
 */
export const decompPriorEstimator: StatsEstimator = (y, lambda, mu, prior) => decompEstimate(decompPriorProblem(y, lambda, mu, prior), undefined, {}, 'none');

/** Algorithm 1 on a Decomp problem built by the caller (e.g. with extra priors), same certificate rule. */
export function decompEstimateFor(p: SignalProblem, warm?: StatsEstimate, opts: DecompOptions = {}, mode: DecompWarmMode = 'cuts'): StatsEstimate {
  return decompEstimate(p, warm, opts, mode);
}

/** The three estimators by name. */
export const STATS_ESTIMATORS: Record<StatsMethod, StatsEstimator> = {
  L1: l1Estimator,
  'Decomp-sparse': decompSparseEstimator,
  'Decomp-prior': decompPriorEstimator,
};
