/**
 * Constructive Propositions 2–3 of AGH21 §3 (Plemmons 1977; Boman et al. 2005) for a symmetric
 * nonsingular M-matrix Q (Q_ij ≤ 0 off the diagonal, Q ≻ 0):
 *
 * - Proposition 2 (generalized diagonal dominance): with d = Q⁻¹1 > 0 (an M-matrix has Q⁻¹ ≥ 0 and no
 *   zero row, so d > 0) and D = diag(d), the matrix A = DQD has nonpositive off-diagonal entries and row
 *   sums (DQD1)_i = d_i(Qd)_i = d_i > 0, so A is strictly diagonally dominant.
 * - Proposition 3 (factor width ≤ 2): a symmetric diagonally dominant A with A_ij ≤ 0 is
 *   A = Σ_{i<j} |A_ij|(e_i − e_j)(e_i − e_j)ᵀ + Σ_i r_i e_i e_iᵀ, r_i = A_ii − Σ_{j≠i}|A_ij| = d_i ≥ 0.
 *   Hence Q = D⁻¹AD⁻¹ = VVᵀ with columns √|A_ij|(e_i/d_i − e_j/d_j) and e_i/√d_i: at most two nonzeros
 *   per column, so x′Qx = Σ_columns (vᵀx)² is a sum of quadratics in at most two variables.
 */
import { InvalidArgumentError } from '../../core/errors.ts';

/** One column of V: entries a at row i and b at row j (j = −1 for a single-entry column). */
export interface WidthTwoColumn {
  i: number;
  j: number;
  a: number;
  b: number;
}

/** Result of {@link factorWidthTwo}. */
export interface FactorWidthTwo {
  /** Positive scaling d with DQD diagonally dominant (Proposition 2). */
  scale: Float64Array;
  /** Columns of V with Q = VVᵀ (Proposition 3). */
  columns: WidthTwoColumn[];
}

/** Solve Qx = b for a dense SPD Q by Cholesky; throws if Q is not positive definite. */
export function choleskySolve(Q: number[][], b: ArrayLike<number>): Float64Array {
  const n = Q.length;
  const L = Q.map((row) => Float64Array.from(row));
  for (let j = 0; j < n; j++) {
    let d = L[j][j];
    for (let r = 0; r < j; r++) d -= L[j][r] * L[j][r];
    if (!(d > 0)) throw new InvalidArgumentError('Q', Q, 'a positive definite matrix');
    const ljj = Math.sqrt(d);
    L[j][j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = L[i][j];
      for (let r = 0; r < j; r++) s -= L[i][r] * L[j][r];
      L[i][j] = s / ljj;
    }
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let r = 0; r < i; r++) s -= L[i][r] * w[r];
    w[i] = s / L[i][i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = w[i];
    for (let r = i + 1; r < n; r++) s -= L[r][i] * w[r];
    w[i] = s / L[i][i];
  }
  return w;
}

/** Factor-width-two decomposition Q = VVᵀ of a symmetric nonsingular M-matrix (see module comment). */
export function factorWidthTwo(Q: number[][]): FactorWidthTwo {
  if (!Array.isArray(Q) || Q.length === 0) throw new InvalidArgumentError('Q', Q, 'a nonempty square matrix');
  const n = Q.length;
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(Q[i]) || Q[i].length !== n) throw new InvalidArgumentError(`Q[${i}].length`, Q[i]?.length, `${n}`);
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(Q[i][j])) throw new InvalidArgumentError(`Q[${i}][${j}]`, Q[i][j], 'a finite number');
      if (i !== j && Q[i][j] > 0) throw new InvalidArgumentError(`Q[${i}][${j}]`, Q[i][j], 'a number <= 0 (an M-matrix)');
      if (Q[i][j] !== Q[j][i]) throw new InvalidArgumentError(`Q[${i}][${j}]`, Q[i][j], `Q[${j}][${i}] = ${Q[j][i]} (symmetric)`);
    }
  }
  const d = choleskySolve(Q, new Float64Array(n).fill(1));
  for (let i = 0; i < n; i++) if (!(d[i] > 0)) throw new InvalidArgumentError('Q', Q, 'a nonsingular M-matrix (Q⁻¹1 > 0)');
  const columns: WidthTwoColumn[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const aij = d[i] * Q[i][j] * d[j];
      if (aij === 0) continue;
      const s = Math.sqrt(-aij);
      columns.push({ i, j, a: s / d[i], b: -s / d[j] });
    }
    // Diagonal excess of A = DQD is r_i = d_i(Qd)_i = d_i (computed from A to keep VVᵀ = Q exact in exact arithmetic).
    let r = d[i] * Q[i][i] * d[i];
    for (let j = 0; j < n; j++) if (j !== i) r += d[i] * Q[i][j] * d[j];
    columns.push({ i, j: -1, a: Math.sqrt(Math.max(0, r)) / d[i], b: 0 });
  }
  return { scale: d, columns };
}
