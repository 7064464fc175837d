/**
 * Instances for the two-layer ReLU claims (ep21): Gaussian data drawn from a
 * seed inside the arbitrary, so a counterexample prints its data and replays.
 */
import fc from 'fast-check';
import { createRng } from '../core/random.ts';

/** Gaussian X (rows), y and β. */
export interface GaussianInstance {
  n: number;
  d: number;
  X: number[][];
  y: number[];
  beta: number;
}

function gaussianRows(seed: number, n: number, d: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const y = Array.from({ length: n }, () => rng.normal());
  return { X, y };
}

/** X ~ N(0, 1)^{n×d}, y ~ N(0, I) for (n, d) drawn from `sizes`, β from `betas`. */
export function gaussianInstance(sizes: readonly (readonly [number, number])[], betas: readonly number[]): fc.Arbitrary<GaussianInstance> {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), size: fc.constantFrom(...sizes), beta: fc.constantFrom(...betas) }).map(({ seed, size, beta }) => {
    const [n, d] = size;
    return { n, d, beta, ...gaussianRows(seed, n, d) };
  });
}

/** 2-D points with a bias column (d = 3): rows (p₁, p₂, 1), p ~ N(0, I₂); y ~ N(0, I). */
export function planeWithBias(ns: readonly number[], betas: readonly number[]): fc.Arbitrary<GaussianInstance> {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.constantFrom(...ns), beta: fc.constantFrom(...betas) }).map(({ seed, n, beta }) => {
    const { X, y } = gaussianRows(seed, n, 2);
    return { n, d: 3, beta, X: X.map((r) => [r[0], r[1], 1]), y };
  });
}

/** 1-D data: n sorted points a_i ~ U(−2, 2), y ~ N(0, 1). */
export function oneDInstance(ns: readonly number[], betas: readonly number[]): fc.Arbitrary<{ a: number[]; y: number[]; beta: number }> {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.constantFrom(...ns), beta: fc.constantFrom(...betas) }).map(({ seed, n, beta }) => {
    const rng = createRng(seed);
    const a = Array.from({ length: n }, () => -2 + 4 * rng.uniform()).sort((p, q) => p - q);
    const y = Array.from({ length: n }, () => rng.normal());
    return { a, y, beta };
  });
}

/** Gram–Schmidt (two passes) of the rows in order: orthonormal rows spanning the same nested subspaces. */
export function gramSchmidtRows(rows: readonly (readonly number[])[]): number[][] {
  const Q: number[][] = [];
  for (const row of rows) {
    const q = row.slice();
    for (let pass = 0; pass < 2; pass++) for (const p of Q) {
      const dot = p.reduce((s, v, k) => s + v * q[k], 0);
      for (let k = 0; k < q.length; k++) q[k] -= dot * p[k];
    }
    const nq = Math.hypot(...q);
    Q.push(q.map((v) => v / nq));
  }
  return Q;
}

/** Whitened data: the first n rows of a random orthogonal d×d matrix (Gram–Schmidt of a Gaussian matrix); y ~ N(0, I). */
export function whitenedInstance(sizes: readonly (readonly [number, number])[], betas: readonly number[]): fc.Arbitrary<GaussianInstance> {
  return gaussianInstance(sizes, betas).map((g) => ({ ...g, X: gramSchmidtRows(g.X) }));
}

/**
 * Spike-free data of the form X = ΣVᵀ (Ergen & Pilanci, Section 2.2.1): Vᵀ the first n rows of a random
 * orthogonal d×d matrix (n ≤ d) and Σ = diag(σ_i), σ_i ~ U(0.5, 2); with `whitened` drawn true, Σ = I (Lemma 4).
 */
export function spikeFreeInstance(sizes: readonly (readonly [number, number])[], betas: readonly number[]): fc.Arbitrary<GaussianInstance & { whitened: boolean }> {
  return fc.tuple(whitenedInstance(sizes, betas), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean()).map(([w, seed, whitened]) => {
    const rng = createRng(seed);
    const X = w.X.map((row) => {
      const s = whitened ? 1 : 0.5 + 1.5 * rng.uniform();
      return row.map((v) => v * s);
    });
    return { ...w, X, whitened };
  });
}

/**
 * Data that are not spike-free in general: Gaussian X with n ≤ d (full row rank, Xu ≥ 0 has interior) or
 * non-negative X = |N(0, 1)| entries with n > d (a positive orthant of directions keeps every sample active).
 */
export function generalInstance(gaussianSizes: readonly (readonly [number, number])[], positiveSizes: readonly (readonly [number, number])[], betas: readonly number[]): fc.Arbitrary<GaussianInstance & { family: 'gaussian' | 'non-negative' }> {
  return fc.oneof(
    gaussianInstance(gaussianSizes, betas).map((g) => ({ ...g, family: 'gaussian' as const })),
    gaussianInstance(positiveSizes, betas).map((g) => ({ ...g, X: g.X.map((r) => r.map(Math.abs)), family: 'non-negative' as const })),
  );
}

/** A random network: U (m×d) and α (m) with i.i.d. N(0, 1) entries, data X (n×d). */
export function networkInstance(): fc.Arbitrary<{ n: number; d: number; m: number; X: number[][]; U: number[]; alpha: number[]; beta: number }> {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.integer({ min: 2, max: 12 }), d: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 8 }), beta: fc.constantFrom(0.01, 0.1, 1) }).map(({ seed, n, d, m, beta }) => {
    const rng = createRng(seed);
    const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
    const U = Array.from({ length: m * d }, () => rng.normal());
    const alpha = Array.from({ length: m }, () => rng.normal());
    return { n, d, m, X, U, alpha, beta };
  });
}
