/**
 * Compressed sparse column (CSC) matrices on typed arrays, and the few
 * kernels the conic solver needs (triplet assembly, transpose, products).
 */
import { InvalidArgumentError } from '../core/errors.ts';

/** An m×n matrix in CSC: column j holds rows rowIdx[colPtr[j]..colPtr[j+1]) with values. */
export interface CscMatrix {
  nrows: number;
  ncols: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

/** Build a CSC matrix from triplets (duplicates are summed, rows sorted within columns). */
export function cscFromTriplets(
  nrows: number,
  ncols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  vals: ArrayLike<number>,
  name = 'matrix',
): CscMatrix {
  const nnz = rows.length;
  if (cols.length !== nnz || vals.length !== nnz) {
    throw new InvalidArgumentError(`${name} triplets`, [rows.length, cols.length, vals.length], 'rows, cols and values of equal length');
  }
  // validate, then counting sort by row, then a stable counting sort by column:
  // rows end up sorted within each column; adjacent duplicates are summed.
  const rcnt = new Int32Array(nrows + 1);
  const ccnt = new Int32Array(ncols + 1);
  for (let e = 0; e < nnz; e++) {
    const i = rows[e];
    const j = cols[e];
    if (!Number.isInteger(i) || i < 0 || i >= nrows) throw new InvalidArgumentError(`${name}.row[${e}]`, i, `an integer in [0, ${nrows - 1}]`);
    if (!Number.isInteger(j) || j < 0 || j >= ncols) throw new InvalidArgumentError(`${name}.col[${e}]`, j, `an integer in [0, ${ncols - 1}]`);
    if (!Number.isFinite(vals[e])) throw new InvalidArgumentError(`${name}.value[${e}]`, vals[e], 'a finite number');
    rcnt[i + 1]++;
    ccnt[j + 1]++;
  }
  for (let i = 0; i < nrows; i++) rcnt[i + 1] += rcnt[i];
  for (let j = 0; j < ncols; j++) ccnt[j + 1] += ccnt[j];
  const byRow = new Int32Array(nnz);
  for (let e = 0; e < nnz; e++) byRow[rcnt[rows[e]]++] = e;
  const colPtr = new Int32Array(ncols + 1);
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const next = ccnt.slice(0, ncols);
  for (let k = 0; k < nnz; k++) {
    const e = byRow[k];
    const q = next[cols[e]]++;
    rowIdx[q] = rows[e];
    values[q] = vals[e];
  }
  let w = 0;
  for (let j = 0; j < ncols; j++) {
    colPtr[j] = w;
    const start = w;
    for (let p = ccnt[j]; p < ccnt[j + 1]; p++) {
      if (w > start && rowIdx[w - 1] === rowIdx[p]) values[w - 1] += values[p];
      else {
        rowIdx[w] = rowIdx[p];
        values[w] = values[p];
        w++;
      }
    }
  }
  colPtr[ncols] = w;
  return { nrows, ncols, colPtr, rowIdx: w === nnz ? rowIdx : rowIdx.slice(0, w), values: w === nnz ? values : values.slice(0, w) };
}

/** Transpose (CSC of Aᵀ, i.e. CSR of A). */
export function transpose(A: CscMatrix): CscMatrix {
  const cnt = new Int32Array(A.nrows + 1);
  const nnz = A.colPtr[A.ncols];
  for (let p = 0; p < nnz; p++) cnt[A.rowIdx[p] + 1]++;
  for (let i = 0; i < A.nrows; i++) cnt[i + 1] += cnt[i];
  const next = cnt.slice(0, A.nrows);
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let j = 0; j < A.ncols; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const q = next[A.rowIdx[p]]++;
      rowIdx[q] = j;
      values[q] = A.values[p];
    }
  }
  return { nrows: A.ncols, ncols: A.nrows, colPtr: cnt, rowIdx, values };
}

/** y (+)= A x. */
export function matVec(A: CscMatrix, x: ArrayLike<number>, y: Float64Array, accumulate = false): void {
  if (!accumulate) y.fill(0);
  for (let j = 0; j < A.ncols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) y[A.rowIdx[p]] += A.values[p] * xj;
  }
}

/** y (+)= Aᵀ x. */
export function matTVec(A: CscMatrix, x: ArrayLike<number>, y: Float64Array, accumulate = false): void {
  for (let j = 0; j < A.ncols; j++) {
    let s = accumulate ? y[j] : 0;
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) s += A.values[p] * x[A.rowIdx[p]];
    y[j] = s;
  }
}

/** y (+)= P x for symmetric P stored as its upper triangle. */
export function symUpperMatVec(P: CscMatrix, x: ArrayLike<number>, y: Float64Array, accumulate = false): void {
  if (!accumulate) y.fill(0);
  for (let j = 0; j < P.ncols; j++) {
    const xj = x[j];
    let s = 0;
    for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
      const i = P.rowIdx[p];
      const v = P.values[p];
      y[i] += v * xj;
      if (i !== j) s += v * x[i];
    }
    y[j] += s;
  }
}

/** ‖v‖∞ */
export function normInf(v: ArrayLike<number>, from = 0, to = v.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(v[i]);
    if (a > m || a !== a) m = a;
  }
  return m;
}

/** uᵀv */
export function dot(u: ArrayLike<number>, v: ArrayLike<number>, from = 0, to = u.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += u[i] * v[i];
  return s;
}
