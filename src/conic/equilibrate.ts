/**
 * Scaling of the conic solver's data (solver.ts): the upper triangle of P and Ruiz equilibration.
 */
import { SOC, makeLayout, type ConeLayout } from './cones.ts';
import { type CscMatrix, normInf } from './sparse.ts';
import type { ConeSpec } from './solver.ts';

/** The upper triangle of a symmetric CSC matrix (the matrix itself when it has no lower entries). */
export function upperTriangle(P: CscMatrix): CscMatrix {
  let lower = 0;
  for (let j = 0; j < P.ncols; j++) for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) if (P.rowIdx[q] > j) lower++;
  if (lower === 0) return P;
  const nnz = P.colPtr[P.ncols] - lower;
  const colPtr = new Int32Array(P.ncols + 1);
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let w = 0;
  for (let j = 0; j < P.ncols; j++) {
    for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) {
      if (P.rowIdx[q] <= j) {
        rowIdx[w] = P.rowIdx[q];
        values[w++] = P.values[q];
      }
    }
    colPtr[j + 1] = w;
  }
  return { nrows: P.nrows, ncols: P.ncols, colPtr, rowIdx, values };
}

/** Scalings of {@link equilibrate}: x = D x̂, s = ŝ / E, z = E ẑ / c. */
export interface Scaling {
  D: Float64Array;
  E: Float64Array;
  c: number;
  P?: CscMatrix;
  A: CscMatrix;
  q: Float64Array;
  b: Float64Array;
}

/**
 * Ruiz equilibration (Ruiz 2001; as used by OSQP/Clarabel): repeatedly divide
 * each column of P and A and each row of A by the square root of its ∞-norm in
 * [P Aᵀ; A 0], with the row factors of a second-order cone block replaced by their
 * mean (so the cone is preserved), then scale the cost by
 * c = 1/max(mean column ∞-norm of P̂, ‖q̂‖∞). Cumulative factors are clipped to [1e-4, 1e4].
 * Scaled problem: P̂ = cDPD, q̂ = cDq, Â = EAD, b̂ = Eb.
 */
export function equilibrate(P: CscMatrix | undefined, q: Float64Array, A: CscMatrix, b: Float64Array, L: ConeLayout, iters: number): Scaling {
  const n = A.ncols;
  const m = A.nrows;
  const r: Ruiz = {
    P, A, L, D: new Float64Array(n).fill(1), E: new Float64Array(m).fill(1),
    Pv: P ? Float64Array.from(P.values) : undefined, Av: Float64Array.from(A.values), dn: new Float64Array(n), en: new Float64Array(m),
  };
  for (let it = 0; it < iters; it++) {
    const maxDev = ruizPass(r);
    if (maxDev < 0.05) break; // norms already within 5% of 1
  }
  const { D, E, Pv, Av } = r;
  const qs = new Float64Array(n);
  for (let j = 0; j < n; j++) qs[j] = D[j] * q[j];
  const bs = new Float64Array(m);
  for (let i = 0; i < m; i++) bs[i] = E[i] * b[i];
  const c = costScaling(r, qs);
  for (let j = 0; j < n; j++) qs[j] *= c;
  if (Pv) for (let p = 0; p < Pv.length; p++) Pv[p] *= c;
  return {
    D,
    E,
    c,
    P: P && Pv ? { ...P, values: Pv } : undefined,
    A: { ...A, values: Av },
    q: qs,
    b: bs,
  };
}

/** The state of the equilibration: data, the scaled values, cumulative factors D, E, and per-pass work arrays. */
interface Ruiz {
  P: CscMatrix | undefined;
  A: CscMatrix;
  L: ConeLayout;
  D: Float64Array;
  E: Float64Array;
  Pv: Float64Array | undefined;
  Av: Float64Array;
  dn: Float64Array;
  en: Float64Array;
}

/** 1/√(norm) clipped to [1e-4, 1e4] (1 for a zero or non-finite norm). */
const clip = (v: number): number => (v === 0 || !Number.isFinite(v) ? 1 : Math.min(1e4, Math.max(1e-4, 1 / Math.sqrt(v))));

/** One Ruiz pass: column and row ∞-norms of [P Aᵀ; A 0], factors (cone rows averaged), applied; returns max |1 − norm|. */
function ruizPass(r: Ruiz): number {
  const { P, A, L, D, E, Pv, Av, dn, en } = r;
  const n = A.ncols;
  const m = A.nrows;
  dn.fill(0);
  en.fill(0);
  if (P && Pv) for (let j = 0; j < n; j++) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
    const a = Math.abs(Pv[p]);
    const i = P.rowIdx[p];
    if (a > dn[j]) dn[j] = a;
    if (a > dn[i]) dn[i] = a;
  }
  for (let j = 0; j < n; j++) for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
    const a = Math.abs(Av[p]);
    const i = A.rowIdx[p];
    if (a > dn[j]) dn[j] = a;
    if (a > en[i]) en[i] = a;
  }
  let maxDev = 0;
  for (let j = 0; j < n; j++) {
    if (dn[j] > 0) maxDev = Math.max(maxDev, Math.abs(1 - dn[j]));
    dn[j] = clip(dn[j]);
  }
  for (let i = 0; i < m; i++) {
    if (en[i] > 0) maxDev = Math.max(maxDev, Math.abs(1 - en[i]));
    en[i] = clip(en[i]);
  }
  for (let c = 0; c < L.kind.length; c++) {
    if (L.kind[c] !== SOC) continue;
    let s = 0;
    for (let i = L.start[c]; i < L.start[c] + L.dim[c]; i++) s += en[i];
    s /= L.dim[c];
    for (let i = L.start[c]; i < L.start[c] + L.dim[c]; i++) en[i] = s;
  }
  applyFactors(r);
  return maxDev;
}

/** Clip the cumulative factors to [1e-4, 1e4] (a near-zero column must not be blown up), scale P and A, update D and E. */
function applyFactors(r: Ruiz): void {
  const { P, A, D, E, Pv, Av, dn, en } = r;
  const n = A.ncols;
  const m = A.nrows;
  for (let j = 0; j < n; j++) {
    const nd = Math.min(1e4, Math.max(1e-4, D[j] * dn[j]));
    dn[j] = nd / D[j];
  }
  for (let i = 0; i < m; i++) {
    const ne = Math.min(1e4, Math.max(1e-4, E[i] * en[i]));
    en[i] = ne / E[i];
  }
  if (P && Pv) for (let j = 0; j < n; j++) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) Pv[p] *= dn[j] * dn[P.rowIdx[p]];
  for (let j = 0; j < n; j++) for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) Av[p] *= dn[j] * en[A.rowIdx[p]];
  for (let j = 0; j < n; j++) D[j] *= dn[j];
  for (let i = 0; i < m; i++) E[i] *= en[i];
}

/** Cost scaling c = 1/max(mean column ∞-norm of P̂, ‖q̂‖∞), clipped to [1e-4, 1e4] (1 if that is 0 or not finite). */
function costScaling(r: Ruiz, qs: Float64Array): number {
  const { P, Pv, dn } = r;
  const n = qs.length;
  let pmean = 0;
  if (P && Pv) {
    dn.fill(0);
    for (let j = 0; j < n; j++) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
      const a = Math.abs(Pv[p]);
      if (a > dn[j]) dn[j] = a;
      if (a > dn[P.rowIdx[p]]) dn[P.rowIdx[p]] = a;
    }
    for (let j = 0; j < n; j++) pmean += dn[j] / n;
  }
  const cmax = Math.max(pmean, normInf(qs));
  return cmax === 0 || !Number.isFinite(cmax) ? 1 : Math.min(1e4, Math.max(1e-4, 1 / cmax));
}

/**
 * The data the iteration works on: the equilibrated problem (P̂, q̂, Â, b̂ with x = D x̂, s = ŝ / E,
 * z = E ẑ / c), the cone layout, and the original P, q with ‖b‖∞, ‖q‖∞ for the reported (unscaled)
 * residuals and objective.
 */
export interface ScaledProblem {
  n: number;
  m: number;
  /** Cone layout of K and its degree ν. */
  L: ConeLayout;
  nu: number;
  P?: CscMatrix;
  A: CscMatrix;
  q: Float64Array;
  b: Float64Array;
  D: Float64Array;
  E: Float64Array;
  c: number;
  /** The original upper triangle of P and q. */
  P0?: CscMatrix;
  q0: Float64Array;
  normB: number;
  normQ: number;
}

/** Copy the data of a validated problem and equilibrate it (5 Ruiz passes) when asked. */
export function scaleProblem(problem: { P?: CscMatrix; q: ArrayLike<number>; A: CscMatrix; b: ArrayLike<number>; cones: ConeSpec[] }, equilibrateData: boolean): ScaledProblem {
  const n = problem.A.ncols;
  const m = problem.A.nrows;
  const q0 = Float64Array.from(problem.q);
  const b0 = Float64Array.from(problem.b);
  const L = makeLayout(problem.cones);
  const P0 = problem.P && upperTriangle(problem.P);
  const sc: Scaling = equilibrateData
    ? equilibrate(P0, q0, problem.A, b0, L, 5)
    : { D: new Float64Array(n).fill(1), E: new Float64Array(m).fill(1), c: 1, P: P0, A: problem.A, q: q0, b: b0 };
  return { n, m, L, nu: L.degree, P: sc.P, A: sc.A, q: sc.q, b: sc.b, D: sc.D, E: sc.E, c: sc.c, P0, q0, normB: normInf(b0), normQ: normInf(q0) };
}
