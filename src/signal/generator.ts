/**
 * Synthetic instance generator of AGH21 §5.2.1 (p. 29), seeded.
 *
 * 1. ŷ = 0 ∈ ℝⁿ. Repeat s times: draw ℓ uniformly from {0, …, n−h} (0-indexed; the paper's indices
 *    ŷ_{ℓ+i}, i = 1..h, ℓ ≤ n+1−h, overrun by one — docs/claims/agh21.md#generator-spike-indices — so positions ℓ..ℓ+h−1 are used);
 *    draw v ~ N(0, B), B_ij = i(h+1−j)/(h+1) for i ≤ j (a Brownian bridge on 1..h, sampled as
 *    v_t = W_t − (t/(h+1))W_{h+1} for a Gaussian random walk W); set ŷ_{ℓ+t} += |v_t|.
 *    Spikes may overlap: nnz(ŷ) ≤ hs and ŷ has at most s runs of nonzeros.
 * 2. y_i = ŷ_i + ε_i, ε_i ~ N(0, τ²) truncated below at −ŷ_i (so y ≥ 0), sampled by rejection
 *    (acceptance probability ≥ 1/2 since −ŷ_i ≤ 0). The noise standard deviation is
 *    - τ = σ² under the reading `'sigma-squared'` (DEFAULT — reproduces Table 2, p. 31; docs/claims/agh21.md#generator-noise-reading);
 *    - τ = σ under the literal reading `'sigma'` ("variance σ²" as printed).
 *    The reading is recorded in every {@link SpikeInstance}.
 * 3. Scale y and ŷ by the same factor so that ‖y‖∞ = 1.
 *
 * SNR (§5.2.4) = ‖ŷ‖² / ‖ŷ − y‖², invariant under the scaling.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/random.ts';
import { integerInRange, oneOf, positive } from '../core/validate.ts';

/** How σ sets the noise: standard deviation σ² (default, matches Table 2) or σ (literal text). */
export type NoiseReading = 'sigma-squared' | 'sigma';

/** Parameters of {@link generateSpikes}. */
export interface SpikeParams {
  /** Length n ≥ 1. */
  n: number;
  /** Number of spikes s ≥ 0. */
  s: number;
  /** Spike length h, 1 ≤ h ≤ n. */
  h: number;
  /** Noise parameter σ > 0 (σ = 0.1t, t = 1..10 in §5.2.3). */
  sigma: number;
  /** Noise reading (default 'sigma-squared'). */
  noise?: NoiseReading;
  /** Seed, an integer ≥ 0 (default 0), or a random stream. */
  seed?: number;
  rng?: Rng;
}

/** A generated instance. */
export interface SpikeInstance {
  /** Noisy observations, y ≥ 0, max y = 1. */
  y: Float64Array;
  /** The true signal ŷ (scaled by the same factor). */
  truth: Float64Array;
  /** Factor applied to both (1 / max of the unscaled y). */
  scale: number;
  /** Noise standard deviation τ used before scaling (σ² or σ). */
  noiseStd: number;
  /** The reading used — record it with every result. */
  noise: NoiseReading;
  /** Spike start positions ℓ (0-indexed). */
  starts: number[];
  /** The parameters. */
  n: number;
  s: number;
  h: number;
  sigma: number;
}

/** Largest noise standard deviation τ accepted (y = ŷ + τe must stay finite). */
export const MAX_NOISE_STD = 1e300;

/** Draw a truncated normal N(0, τ²) conditioned on ≥ lo, lo ≤ 0 (rejection; acceptance ≥ 1/2). */
function truncNormalAbove(rng: Rng, tau: number, lo: number): number {
  for (;;) {
    const e = tau * rng.normal();
    if (e >= lo) return e;
  }
}

/** Generate one §5.2.1 instance (see the module comment). */
export function generateSpikes(params: SpikeParams): SpikeInstance {
  if (params === null || typeof params !== 'object') throw new InvalidArgumentError('params', params, 'an object');
  const n = integerInRange('n', params.n, 1);
  const s = integerInRange('s', params.s, 0);
  const h = integerInRange('h', params.h, 1, n);
  const sigma = positive('sigma', params.sigma);
  const noise = oneOf('noise', params.noise ?? 'sigma-squared', ['sigma-squared', 'sigma'] as const);
  const tau = noise === 'sigma-squared' ? sigma * sigma : sigma;
  // y_i = ŷ_i + τ e_i with |e_i| below ~40 for any double the normal sampler can return: τ ≤ 1e300
  // keeps y finite (above it σ² = 1e400 overflowed and every y_i became NaN after scaling).
  if (!(tau <= MAX_NOISE_STD)) {
    throw new InvalidArgumentError('sigma', sigma, `a noise level whose standard deviation (${noise === 'sigma-squared' ? 'σ²' : 'σ'} = ${tau}) is at most ${MAX_NOISE_STD}, so the noisy data stay finite`);
  }
  if (params.rng === undefined && params.seed !== undefined) integerInRange('seed', params.seed, 0);
  const rng = params.rng ?? createRng(params.seed ?? 0);
  const truth = new Float64Array(n);
  const walk = new Float64Array(h + 2);
  const starts: number[] = [];
  for (let r = 0; r < s; r++) {
    const l = rng.int(n - h + 1);
    starts.push(l);
    walk[0] = 0;
    for (let t = 1; t <= h + 1; t++) walk[t] = walk[t - 1] + rng.normal();
    const end = walk[h + 1];
    for (let t = 1; t <= h; t++) truth[l + t - 1] += Math.abs(walk[t] - (t / (h + 1)) * end);
  }
  const y = new Float64Array(n);
  let mx = 0;
  for (let i = 0; i < n; i++) {
    y[i] = truth[i] + truncNormalAbove(rng, tau, -truth[i]);
    if (y[i] < 0) y[i] = 0; // only −0 / roundoff: e ≥ −ŷ_i
    if (y[i] > mx) mx = y[i];
  }
  const scale = mx > 0 ? 1 / mx : 1;
  if (!Number.isFinite(scale)) {
    // only spike-free data of noise std τ near the underflow threshold: max y is subnormal
    throw new InvalidArgumentError('sigma', sigma, `a noise level whose data do not underflow: max y = ${mx} (std ${tau}) cannot be scaled to 1; use s >= 1 or a larger σ`);
  }
  for (let i = 0; i < n; i++) {
    y[i] /= mx > 0 ? mx : 1;
    truth[i] /= mx > 0 ? mx : 1;
  }
  return { y, truth, scale, noiseStd: tau, noise, starts, n, s, h, sigma };
}

/** SNR = ‖ŷ‖² / ‖ŷ − y‖² (§5.2.4). */
export function snr(truth: ArrayLike<number>, y: ArrayLike<number>): number {
  if (truth.length !== y.length) throw new InvalidArgumentError('y.length', y.length, `${truth.length}`);
  let a = 0;
  let b = 0;
  for (let i = 0; i < y.length; i++) {
    a += truth[i] * truth[i];
    const d = truth[i] - y[i];
    b += d * d;
  }
  return a / b;
}

/** Number of maximal runs of nonzeros of v. */
export function runCount(v: ArrayLike<number>): number {
  let runs = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0 && (i === 0 || v[i - 1] === 0)) runs++;
  return runs;
}
