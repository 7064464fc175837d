/**
 * The minibatch sample gradients of RVSM and RVSCGD (splitting.ts): a seeded pool of inputs
 * Z ∈ ℝ^{k×d} with their targets, and the mean over B pool samples, taken cyclically, of
 * ReLU: 2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j or binary: r·(1/k)Σ_j μ′(Z_jᵀw)Z_j, r = f(Z, w) − target.
 */
import type { Rng } from '../core/random.ts';
import type { Ste } from './model.ts';

/** ReLU (RVSM) or binary (RVSCGD) activation. */
export type Model = 'relu' | 'binary';

/** A seeded pool of inputs and their targets. */
export interface Pool {
  n: number;
  z: Float64Array;
  yStar: Float64Array;
}

/** Draw a pool of n inputs Z ∈ ℝ^{k×d} and the teacher outputs f(Z, w*) (plus σ·N(0,1) label noise when noise > 0). */
export function makePool(n: number, k: number, d: number, wStar: ArrayLike<number>, model: Model, rng: Rng, noise: number): Pool {
  const z = rng.fillNormal(new Float64Array(n * k * d));
  const yStar = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let f = 0;
    for (let j = 0; j < k; j++) {
      const o = (s * k + j) * d;
      let b = 0;
      for (let i = 0; i < d; i++) b += z[o + i] * wStar[i];
      if (b > 0) f += model === 'relu' ? b : 1;
    }
    yStar[s] = f / k;
  }
  if (noise > 0) for (let s = 0; s < n; s++) yStar[s] += noise * rng.normal();
  return { n, z, yStar };
}

/** Workspace of {@link batchGradient}: pre-activations of one sample, and up to eight pending terms c·Z_j. */
export interface BatchWork {
  zw: Float64Array;
  coef: Float64Array;
  offset: Int32Array;
}

/** The workspace for k patches. */
export function batchWork(k: number): BatchWork {
  return { zw: new Float64Array(k), coef: new Float64Array(8), offset: new Int32Array(8) };
}

/**
 * Minibatch mean of the sample gradient into `out`, samples start, start+1, … (cyclic):
 * ReLU: 2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j; binary: r·(1/k)Σ_j μ′(Z_jᵀw)Z_j. Allocation-free.
 * Two patches per pass over w, and the terms c·Z_j added to `out` eight per pass, in sample-then-patch
 * order: every sum is accumulated in the order of the plain loops (Z_jᵀw as four interleaved partial
 * sums added in order, then one term at a time into `out`), so the grouping changes no bit.
 */
export function batchGradient(
  pool: Pool, start: number, batch: number, w: Float64Array, k: number, model: Model, ste: Ste, bw: BatchWork, out: Float64Array,
  scale: number,
): void {
  const d = w.length;
  const z = pool.z;
  const { zw, coef, offset } = bw;
  out.fill(0);
  let s = start;
  let pending = 0;
  const relu = model === 'relu';
  const all = !relu && ste === 'identity';
  for (let b = 0; b < batch; b++) {
    const base = s * k * d;
    const f = preActivations(z, base, w, k, zw, relu);
    const c = (scale * (relu ? 2 : 1) * (f / k - pool.yStar[s])) / k;
    if (c !== 0) {
      for (let j = 0; j < k; j++) {
        if (!all && !(zw[j] > 0)) continue;
        coef[pending] = c;
        offset[pending] = base + j * d;
        if (++pending === 8) {
          addEight(out, z, coef, offset);
          pending = 0;
        }
      }
    }
    s++;
    if (s === pool.n) s = 0;
  }
  for (let p = 0; p < pending; p++) {
    const c = coef[p];
    const o = offset[p];
    for (let i = 0; i < d; i++) out[i] += c * z[o + i];
  }
  for (let i = 0; i < d; i++) out[i] /= batch;
}

/**
 * zw[j] = Z_jᵀw for the k patches of the sample at z[base…], each as four partial sums over
 * i ≡ 0, 1, 2, 3 (mod 4) (the remainder into the first) added in that order; two patches per pass.
 * Returns k·f(Z, w) = Σ_j σ(zw[j]) (ReLU, or 1{zw[j] > 0}), summed over j in order.
 */
function preActivations(z: Float64Array, base: number, w: Float64Array, k: number, zw: Float64Array, relu: boolean): number {
  const d = w.length;
  let f = 0;
  const d4 = d - (d % 4);
  let j = 0;
  for (; j + 1 < k; j += 2) {
    const o = base + j * d;
    const p = o + d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let i = 0;
    for (; i < d4; i += 4) {
      const w0 = w[i];
      const w1 = w[i + 1];
      const w2 = w[i + 2];
      const w3 = w[i + 3];
      a0 += z[o + i] * w0;
      a1 += z[o + i + 1] * w1;
      a2 += z[o + i + 2] * w2;
      a3 += z[o + i + 3] * w3;
      b0 += z[p + i] * w0;
      b1 += z[p + i + 1] * w1;
      b2 += z[p + i + 2] * w2;
      b3 += z[p + i + 3] * w3;
    }
    for (; i < d; i++) {
      a0 += z[o + i] * w[i];
      b0 += z[p + i] * w[i];
    }
    const a = a0 + a1 + a2 + a3;
    const b = b0 + b1 + b2 + b3;
    zw[j] = a;
    zw[j + 1] = b;
    if (a > 0) f += relu ? a : 1;
    if (b > 0) f += relu ? b : 1;
  }
  if (j < k) {
    const o = base + j * d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let i = 0;
    for (; i < d4; i += 4) {
      a0 += z[o + i] * w[i];
      a1 += z[o + i + 1] * w[i + 1];
      a2 += z[o + i + 2] * w[i + 2];
      a3 += z[o + i + 3] * w[i + 3];
    }
    for (; i < d; i++) a0 += z[o + i] * w[i];
    const a = a0 + a1 + a2 + a3;
    zw[j] = a;
    if (a > 0) f += relu ? a : 1;
  }
  return f;
}

/** out[i] += c₀z[o₀ + i], then += c₁z[o₁ + i], …, += c₇z[o₇ + i] (in that order), i < out.length. */
function addEight(out: Float64Array, z: Float64Array, coef: Float64Array, offset: Int32Array): void {
  const c0 = coef[0];
  const c1 = coef[1];
  const c2 = coef[2];
  const c3 = coef[3];
  const c4 = coef[4];
  const c5 = coef[5];
  const c6 = coef[6];
  const c7 = coef[7];
  const o0 = offset[0];
  const o1 = offset[1];
  const o2 = offset[2];
  const o3 = offset[3];
  const o4 = offset[4];
  const o5 = offset[5];
  const o6 = offset[6];
  const o7 = offset[7];
  for (let i = 0; i < out.length; i++) {
    out[i] = out[i] + c0 * z[o0 + i] + c1 * z[o1 + i] + c2 * z[o2 + i] + c3 * z[o3 + i] + c4 * z[o4 + i] + c5 * z[o5 + i] + c6 * z[o6 + i] + c7 * z[o7 + i];
  }
}
