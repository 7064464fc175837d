/**
 * Monte Carlo versions of the population quantities of ./model.ts (docs/claims/dinh-xin.md#model):
 * n i.i.d. draws Z ∈ ℝ^{k×d}, Z_ij ~ N(0, 1), from a seeded stream; each estimate comes with its
 * standard error SE = s/√n (s the sample standard deviation). Inner loops reuse preallocated
 * Float64Array buffers (no allocation per draw).
 *
 * Sample quantities (r = f(Z,w) − f(Z,w*), f(Z,w) = (1/k)Σ_j σ(Z_jᵀw)):
 *   ReLU loss (c₀ = 1):           r²
 *   ReLU sample gradient:          2r·(1/k)Σ_j 1{Z_jᵀw > 0} Z_j
 *   binary loss (c₀ = ½):          ½r²                          (σ = 1{x > 0})
 *   coarse gradient (STE μ′):      r·(1/k)Σ_j μ′(Z_jᵀw) Z_j     (σ = 1{x > 0}, μ′ = 1{x>0} or 1)
 */
import { InvalidArgumentError } from '../core/errors.ts';
import type { Rng } from '../core/random.ts';
import { integerInRange } from '../core/validate.ts';
import { type Ste, validateK, validateNonzero, validateWeights } from './model.ts';

/** A scalar Monte Carlo estimate. */
export interface McEstimate {
  /** Sample mean. */
  mean: number;
  /** Standard error of the mean, s/√n. */
  se: number;
  /** Number of draws. */
  n: number;
}

/** A vector Monte Carlo estimate (per-coordinate mean and standard error). */
export interface McVectorEstimate {
  mean: Float64Array;
  se: Float64Array;
  n: number;
}

type Activation = 'relu' | 'binary';

function validateRng(rng: unknown): Rng {
  if (!rng || typeof (rng as Rng).fillNormal !== 'function') throw new InvalidArgumentError('rng', rng, 'an Rng (createRng)');
  return rng as Rng;
}

function validateCommon(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng, wNonzero: boolean): void {
  if (wNonzero) validateNonzero('w', w);
  else validateWeights('w', w);
  validateNonzero('wStar', wStar, w.length);
  validateK(k);
  integerInRange('n', n, 2);
  validateRng(rng);
}

/**
 * One draw: fills z (k·d), writes the pre-activations of w into zw (k) and returns r.
 * Unchecked.
 */
function drawResidual(
  w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, d: number, act: Activation,
  z: Float64Array, zw: Float64Array, rng: Rng,
): number {
  rng.fillNormal(z);
  let fw = 0;
  let fs = 0;
  for (let j = 0; j < k; j++) {
    const o = j * d;
    let a = 0;
    let b = 0;
    for (let i = 0; i < d; i++) {
      const zi = z[o + i];
      a += zi * w[i];
      b += zi * wStar[i];
    }
    zw[j] = a;
    if (act === 'relu') {
      if (a > 0) fw += a;
      if (b > 0) fs += b;
    } else {
      if (a > 0) fw += 1;
      if (b > 0) fs += 1;
    }
  }
  return (fw - fs) / k;
}

function mcScalar(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng, act: Activation, c0: number): McEstimate {
  const d = w.length;
  const z = new Float64Array(k * d);
  const zw = new Float64Array(k);
  // Welford's update: stable when the mean is large relative to the spread.
  let mean = 0;
  let m2 = 0;
  for (let s = 1; s <= n; s++) {
    const r = drawResidual(w, wStar, k, d, act, z, zw, rng);
    const x = c0 * r * r;
    const delta = x - mean;
    mean += delta / s;
    m2 += delta * (x - mean);
  }
  return { mean, se: Math.sqrt(m2 / (n - 1) / n), n };
}

function mcVector(
  w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng, act: Activation, scale: number, ste: Ste,
): McVectorEstimate {
  const d = w.length;
  const z = new Float64Array(k * d);
  const zw = new Float64Array(k);
  const g = new Float64Array(d);
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  for (let s = 1; s <= n; s++) {
    const r = drawResidual(w, wStar, k, d, act, z, zw, rng);
    g.fill(0);
    const c = (scale * r) / k;
    for (let j = 0; j < k; j++) {
      if (ste === 'relu' && !(zw[j] > 0)) continue;
      const o = j * d;
      for (let i = 0; i < d; i++) g[i] += c * z[o + i];
    }
    for (let i = 0; i < d; i++) {
      const delta = g[i] - mean[i];
      mean[i] += delta / s;
      m2[i] += delta * (g[i] - mean[i]);
    }
  }
  const se = new Float64Array(d);
  for (let i = 0; i < d; i++) se[i] = Math.sqrt(m2[i] / (n - 1) / n);
  return { mean, se, n };
}

/** MC estimate of the ReLU loss E[(f(Z,w) − f(Z,w*))²] (c₀ = 1). */
export function mcLossRelu(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng): McEstimate {
  validateCommon(w, wStar, k, n, rng, false);
  return mcScalar(w, wStar, k, n, rng, 'relu', 1);
}

/** MC mean of the ReLU sample gradient 2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j (gradient of the c₀ = 1 loss). */
export function mcGradRelu(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng): McVectorEstimate {
  validateCommon(w, wStar, k, n, rng, true);
  return mcVector(w, wStar, k, n, rng, 'relu', 2, 'relu');
}

/** MC estimate of the binary-activation loss E[½(f(Z,w) − f(Z,w*))²] (c₀ = ½, σ = 1{x > 0}). */
export function mcLossBinary(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, n: number, rng: Rng): McEstimate {
  validateCommon(w, wStar, k, n, rng, false);
  return mcScalar(w, wStar, k, n, rng, 'binary', 0.5);
}

/** MC mean of the coarse gradient r·(1/k)Σ_j μ′(Z_jᵀw)Z_j with the given STE (σ = 1{x > 0}). */
export function mcCoarseGrad(
  w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, ste: Ste, n: number, rng: Rng,
): McVectorEstimate {
  validateCommon(w, wStar, k, n, rng, true);
  if (ste !== 'relu' && ste !== 'identity') throw new InvalidArgumentError('ste', ste, 'relu or identity');
  return mcVector(w, wStar, k, n, rng, 'binary', 1, ste);
}
