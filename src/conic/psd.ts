/**
 * Positive-semidefiniteness test of the quadratic objective matrix P of a
 * conic problem, by a sparse LDLᵀ factorisation (ldl.ts).
 *
 * With D = diag(P) (zero diagonal entries left unscaled) and the scaled matrix
 * S = D^{-1/2} P D^{-1/2} (unit diagonal, entries in [−1, 1] when the 2×2
 * minors are PSD), P is accepted iff S + δI has an LDLᵀ factorisation with
 * every pivot > 0, i.e. iff λ_min(S) > −δ up to rounding. δ = 16·n·ε·r, r the
 * largest absolute row sum of S, covers the backward error of the
 * factorisation (Higham, Accuracy and Stability, Thm 10.5: |ΔS| ≤ c n ε |L||Lᵀ|),
 * so a PSD matrix with rounding-level negative eigenvalues (a singular
 * Laplacian, a rank-one yyᵀ) passes, and an indefinite one fails whatever its
 * 2×2 minors.
 */
import { LdlFactor } from './ldl.ts';
import type { CscMatrix } from './sparse.ts';

/** Outcome of {@link psdTest}. */
export interface PsdTest {
  psd: boolean;
  /** The shift δ used. */
  delta: number;
  /** Index (original ordering) of the first nonpositive pivot, when not PSD. */
  index?: number;
}

/**
 * Whether the symmetric matrix P (its upper triangle, or both triangles — only
 * entries with row ≤ col are read) is positive semidefinite up to rounding.
 * P must be a valid square CSC matrix with finite values and a nonnegative
 * diagonal (checked by the caller).
 */
export function psdTest(P: CscMatrix): PsdTest {
  const n = P.ncols;
  // the upper triangle with every diagonal entry present, diagonally scaled
  const diag = new Float64Array(n);
  for (let j = 0; j < n; j++) for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) if (P.rowIdx[q] === j) diag[j] = P.values[q];
  const scale = new Float64Array(n);
  for (let j = 0; j < n; j++) scale[j] = diag[j] > 0 ? 1 / Math.sqrt(diag[j]) : 1;
  const colPtr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    let c = 1; // the diagonal
    for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) if (P.rowIdx[q] < j) c++;
    colPtr[j + 1] = colPtr[j] + c;
  }
  const nnz = colPtr[n];
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const diagPos = new Int32Array(n);
  const rowSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let w = colPtr[j];
    for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) {
      const i = P.rowIdx[q];
      if (i >= j) continue;
      const v = P.values[q] * scale[i] * scale[j];
      rowIdx[w] = i;
      values[w++] = v;
      rowSum[i] += Math.abs(v);
      rowSum[j] += Math.abs(v);
    }
    rowIdx[w] = j;
    diagPos[j] = w;
    values[w] = diag[j] * scale[j] * scale[j];
    rowSum[j] += Math.abs(values[w]);
  }
  // a PSD matrix with P_ii = 0 has row i zero (exactly: the 2×2 minors of the caller miss P_ij² underflowing)
  for (let j = 0; j < n; j++) {
    for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) {
      const i = P.rowIdx[q];
      if (i < j && P.values[q] !== 0 && (diag[i] === 0 || diag[j] === 0)) return { psd: false, delta: 0, index: diag[i] === 0 ? i : j };
    }
  }
  let r = 0;
  let band = 0;
  for (let j = 0; j < n; j++) {
    r = Math.max(r, rowSum[j]);
    if (colPtr[j + 1] - colPtr[j] > 1) band = Math.max(band, j - rowIdx[colPtr[j]]);
  }
  if (band === 0) return { psd: true, delta: 0 }; // diagonal: PSD iff diag ≥ 0, checked by the caller
  const delta = 16 * Math.max(1, n) * Number.EPSILON * Math.max(1, r);
  // A banded P (bandwidth ≤ 16: the path and chain objectives of src/signal) fills only inside its
  // band in the natural order; otherwise a minimum-degree ordering.
  const perm = band <= 16 ? Int32Array.from({ length: n }, (_, k) => k) : undefined;
  const factor = new LdlFactor({ n, colPtr, rowIdx, values }, new Float64Array(n).fill(1), perm);
  factor.dynEps = 0; // any pivot ≤ 0 is counted (and replaced, so the factorisation runs on)
  const ok = factor.factor(values, new Float64Array(n).fill(delta), diagPos);
  if (ok && factor.stats.dynamicRegularisations === 0) return { psd: true, delta };
  let index: number | undefined;
  for (let k = 0; k < n; k++) {
    if (!(factor.d[k] > 0) || factor.d[k] === factor.dynDelta) {
      index = factor.perm[k];
      break;
    }
  }
  return { psd: false, delta, index };
}
