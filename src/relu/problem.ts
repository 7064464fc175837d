/**
 * The training problem of a two-layer ReLU network with weight decay
 * (Ergen & Pilanci, JMLR 2021, eq. (2) in its ½-scaled form (16); Pilanci & Ergen, ICML 2020):
 *
 *   p* = min_{u_j, α_j}  ½‖Σ_j (X u_j)_+ α_j + c·1 − y‖² + (β/2) Σ_j (‖u_j‖² + α_j²),
 *
 * X ∈ ℝ^{n×d} (rows x_iᵀ; a bias is a column of ones in X and is then penalised
 * like any weight), y ∈ ℝⁿ, β > 0, and an optional free (unpenalised) output
 * intercept c. X is stored row-major in a Float64Array.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteNumber, positive } from '../core/validate.ts';

/** A validated instance of the training problem. */
export interface ReluProblem {
  /** Number of samples. */
  readonly n: number;
  /** Number of features (columns of X). */
  readonly d: number;
  /** X, row-major n×d. */
  readonly X: Float64Array;
  /** Targets (length n). */
  readonly y: Float64Array;
  /** Weight-decay parameter β > 0. */
  readonly beta: number;
  /** Whether the model has a free, unpenalised output intercept c. */
  readonly intercept: boolean;
}

/** Input of {@link reluProblem}: X as rows (arrays) or a row-major Float64Array with `d`. */
export interface ReluProblemInput {
  X: ArrayLike<number>[] | Float64Array;
  /** Required when X is a flat row-major array. */
  d?: number;
  y: ArrayLike<number>;
  beta: number;
  intercept?: boolean;
}

/** Copy a matrix given as rows into a row-major Float64Array, validating shape and finiteness. */
export function matrixFromRows(name: string, rows: ArrayLike<number>[] | Float64Array, d?: number): { n: number; d: number; data: Float64Array } {
  if (rows instanceof Float64Array) {
    if (d === undefined || !Number.isInteger(d) || d < 1) throw new InvalidArgumentError('d', d, 'the number of columns (integer >= 1) of the flat row-major X');
    if (rows.length === 0 || rows.length % d !== 0) throw new InvalidArgumentError(`${name}.length`, rows.length, `a positive multiple of d = ${d}`);
    for (let k = 0; k < rows.length; k++) if (!Number.isFinite(rows[k])) throw new InvalidArgumentError(`${name}[${Math.floor(k / d)}][${k % d}]`, rows[k], 'a finite number');
    return { n: rows.length / d, d, data: Float64Array.from(rows) };
  }
  if (!Array.isArray(rows) || rows.length === 0) throw new InvalidArgumentError(name, rows, 'a non-empty array of rows');
  const n = rows.length;
  const first = rows[0];
  if (!first || typeof first.length !== 'number' || first.length === 0) throw new InvalidArgumentError(`${name}[0]`, first, 'a non-empty row of numbers');
  const dd = first.length;
  if (d !== undefined && d !== dd) throw new InvalidArgumentError('d', d, `${dd} (the length of ${name}[0])`);
  const data = new Float64Array(n * dd);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!r || r.length !== dd) throw new InvalidArgumentError(`${name}[${i}].length`, r?.length, `${dd} (every row of ${name} has the same length)`);
    for (let j = 0; j < dd; j++) {
      const v = r[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`${name}[${i}][${j}]`, v, 'a finite number');
      data[i * dd + j] = v;
    }
  }
  return { n, d: dd, data };
}

/** Validate and build a {@link ReluProblem}: finite X and y, matching lengths, β > 0. */
export function reluProblem(input: ReluProblemInput): ReluProblem {
  if (!input || typeof input !== 'object') throw new InvalidArgumentError('problem', input, 'an object { X, y, beta }');
  const { n, d, data } = matrixFromRows('X', input.X, input.d);
  const yIn = input.y;
  if (!yIn || typeof yIn.length !== 'number') throw new InvalidArgumentError('y', yIn, 'an array of finite numbers');
  if (yIn.length !== n) throw new InvalidArgumentError('y.length', yIn.length, `${n} (the number of rows of X)`);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = yIn[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`y[${i}]`, v, 'a finite number');
    y[i] = v;
  }
  finiteNumber('beta', input.beta);
  positive('beta', input.beta);
  if (input.intercept !== undefined && typeof input.intercept !== 'boolean') throw new InvalidArgumentError('intercept', input.intercept, 'a boolean');
  return { n, d, X: data, y, beta: input.beta, intercept: input.intercept ?? false };
}

/** The 1-D data matrix with a bias column, X = [a, 1] (n×2). */
export function withBiasColumn(a: ArrayLike<number>): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < a.length; i++) rows.push([a[i], 1]);
  return rows;
}
