/**
 * Row kernels shared by the relu solvers: a dot product and a scaled row update, unrolled by 4 with a
 * single accumulator, so every sum is taken in the order of the plain loop (no bit changes).
 */

/** Σ_t a[ao + t]·b[bo + t] for t < d, summed in order of t. */
export function rowDot(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let s = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s += a[ao + t] * b[bo + t];
    s += a[ao + t + 1] * b[bo + t + 1];
    s += a[ao + t + 2] * b[bo + t + 2];
    s += a[ao + t + 3] * b[bo + t + 3];
  }
  for (; t < d; t++) s += a[ao + t] * b[bo + t];
  return s;
}

/** v[vo + t] += c·X[xo + t] for t < d. */
export function addScaledRow(v: Float64Array, vo: number, c: number, X: Float64Array, xo: number, d: number): void {
  let t = 0;
  for (; t + 3 < d; t += 4) {
    v[vo + t] += c * X[xo + t];
    v[vo + t + 1] += c * X[xo + t + 1];
    v[vo + t + 2] += c * X[xo + t + 2];
    v[vo + t + 3] += c * X[xo + t + 3];
  }
  for (; t < d; t++) v[vo + t] += c * X[xo + t];
}
