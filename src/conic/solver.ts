/**
 * Primal-dual interior-point method for conic quadratic programs
 *
 *   minimize ½xᵀPx + qᵀx   subject to   Ax + s = b,  s ∈ K,
 *
 * K a product of zero cones (equalities), nonnegative orthants and
 * second-order cones (cones.ts). The dual is
 *   maximize −½xᵀPx − bᵀz   subject to   Px + Aᵀz + q = 0,  z ∈ K*,
 * (K* = ℝ on zero cones, K elsewhere).
 *
 * Algorithm (in the style of ECOS / Clarabel; our own code):
 * - homogeneous self-dual embedding with τ, κ ≥ 0:
 *     Px + Aᵀz + qτ = 0,  Ax + s − bτ = 0,  κ = −qᵀx − bᵀz − xᵀPx/τ,
 *   so that τ → 0 with bᵀz < 0 (or qᵀx < 0) yields a Farkas certificate;
 * - Nesterov–Todd scaling W (cones.ts), μ = (sᵀz + τκ)/(ν + 1);
 * - Mehrotra predictor–corrector: affine direction (σ = 0), σ = (1 − α_aff)³,
 *   combined direction with the second-order term (W⁻¹Δs_a)∘(WΔz_a);
 * - each direction from the quasi-definite KKT system
 *     [P + εI   Aᵀ        ] [Δx]   [r₁]
 *     [A        −W² − εI  ] [Δz] = [r₂]
 *   solved twice per factorisation (the constant right-hand side [−q; b] and the
 *   direction one), by the sparse LDLᵀ of ldl.ts (symbolic analysis once,
 *   static regularisation ε, dynamic pivot regularisation, iterative
 *   refinement against the unregularised matrix).
 * Each second-order cone block −W² of dimension d ≤ SOC_DENSE_MAX (16) is stored
 * dense in the KKT matrix (d(d+1)/2 entries): cheap for the small cones of the AGH
 * relaxations (d = 3). Larger cones use the sparse expansion of ECOS (Domahidi,
 * Chu & Boyd 2013): W² = η²(D + uuᵀ − vvᵀ) with D diagonal, stored as −η²D plus two
 * extra KKT nodes per cone (signs +1 and −1), so a cone costs O(d) entries.
 * Rotated cones are converted to second-order cones by the modelling layer (an
 * exact linear map, model.ts). Data are Ruiz-equilibrated first; all reported
 * residuals, objectives and certificates are in the original units.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, integerInRange, nonNegative, positive } from '../core/validate.ts';
import {
  NONNEG, SOC, ZERO, applyW, jordanDivide, jordanProduct, makeLayout, maxStep, ntScaling, setIdentity, shiftToInterior,
  type ConeLayout,
} from './cones.ts';
import { psdTest } from './psd.ts';
import { LdlFactor, type UpperCsc } from './ldl.ts';
import { type CscMatrix, dot, matTVec, matVec, normInf, symUpperMatVec, transpose } from './sparse.ts';

/** A cone of the product K, in row order. */
export interface ConeSpec {
  /** `zero`: equality rows; `nonneg`: s ≥ 0; `soc`: s₀ ≥ ‖s₁..‖₂. */
  kind: 'zero' | 'nonneg' | 'soc';
  /** Number of rows (≥ 1). */
  dim: number;
}

/** The standard form: minimize ½xᵀPx + qᵀx s.t. Ax + s = b, s ∈ K. */
export interface ConicProblem {
  /** n×n symmetric PSD: its upper triangle (entries with row ≤ col) or the full symmetric matrix; omit for P = 0. */
  P?: CscMatrix;
  /** Linear objective (length n). */
  q: ArrayLike<number>;
  /** m×n constraint matrix. */
  A: CscMatrix;
  /** Right-hand side (length m). */
  b: ArrayLike<number>;
  /** Cones in row order; dimensions sum to m. */
  cones: ConeSpec[];
}

/** Solver options (defaults in brackets). */
export interface SolverOptions {
  /** Absolute duality-gap tolerance [1e-8]. */
  epsAbs?: number;
  /** Relative gap and (relative) residual tolerance [1e-8]. */
  epsRel?: number;
  /** Infeasibility-certificate tolerance [1e-8]. */
  epsInfeasible?: number;
  /** Iteration limit [100]. */
  maxIterations?: number;
  /** Wall-clock limit in ms [∞]. */
  timeLimitMs?: number;
  /** Static regularisation ε [1e-8]. */
  staticReg?: number;
  /** Iterative-refinement steps per solve [6]. */
  refinementSteps?: number;
  /** Ruiz equilibration of [P Aᵀ; A 0] and cost scaling before solving [true]. */
  equilibrate?: boolean;
  /** Print a per-iteration log through `logger` [false]. */
  verbose?: boolean;
  /** Log sink [console.log]. */
  logger?: (line: string) => void;
  /** Relaxation of the tolerances for status almost_optimal [100]. */
  reducedFactor?: number;
  /** Testing hook: stop after this many iterations and report `optimal` anyway (a deliberately broken solver). */
  unsafeStopAfter?: number;
}

/**
 * Solver status. `almost_optimal`: the iteration stopped on numerical trouble or
 * the iteration limit, and the best iterate meets the tolerances relaxed by
 * `reducedFactor` (default 100, i.e. 1e-6) — reduced accuracy, as ECOS's
 * "optimal (inaccurate)" or Clarabel's AlmostSolved; `certificate.stopReason`
 * says why it stopped.
 */
export type SolveStatus = 'optimal' | 'almost_optimal' | 'primal_infeasible' | 'dual_infeasible' | 'max_iterations' | 'numerical_error' | 'time_limit';

/** What a solve certifies about its answer. */
export interface Certificate {
  /** ‖Ax + s − b‖∞ (absolute). */
  primalResidual: number;
  /** ‖Px + Aᵀz + q‖∞ (absolute). */
  dualResidual: number;
  /** primalResidual / max(1, ‖b‖∞ + ‖s‖∞). */
  primalResidualRel: number;
  /** dualResidual / max(1, ‖q‖∞ + ‖Px‖∞). */
  dualResidualRel: number;
  /** |primal objective − dual objective|. */
  gapAbs: number;
  /** gapAbs / max(1, min(|pobj|, |dobj|)). */
  gapRel: number;
  /** sᵀz. */
  complementarity: number;
  primalObjective: number;
  dualObjective: number;
  iterations: number;
  /** Nonzeros of L (strict lower triangle) and of the KKT upper triangle. */
  nnzL: number;
  nnzKkt: number;
  /** (nnz L + dim) / nnz(triu KKT). */
  fillRatio: number;
  kktDim: number;
  /** Time of the symbolic analysis (ordering + etree), ms. */
  analysisMs: number;
  /** Total time, ms. */
  timeMs: number;
  /** Why the iteration stopped (equals status except for almost_optimal, where it is numerical_error or max_iterations). */
  stopReason: SolveStatus;
  /** Largest relative KKT residual ‖K x − rhs‖∞ / (1 + ‖rhs‖∞) after refinement over the solve. */
  maxKktResidual: number;
}

/** Farkas certificates. */
export interface Farkas {
  /** Primal infeasibility: z ∈ K* with Aᵀz = 0, bᵀz = −1 (normalised). */
  z?: Float64Array;
  /** Dual infeasibility: x with Px = 0, −Ax ∈ K (Ax + s = 0, s ∈ K), qᵀx = −1 (normalised). */
  x?: Float64Array;
  s?: Float64Array;
  /** The residual of the certificate: ‖Aᵀz‖∞ or max(‖Px‖∞, ‖Ax + s‖∞). */
  residual: number;
}

/** Result of {@link solveConic}. */
export interface ConicSolution {
  status: SolveStatus;
  /** Primal solution (best iterate when not optimal). */
  x: Float64Array;
  /** Slack s = b − Ax ∈ K. */
  s: Float64Array;
  /** Dual solution z ∈ K* (multipliers of Ax + s = b: Px + q + Aᵀz = 0). */
  z: Float64Array;
  /** ½xᵀPx + qᵀx at x. */
  objective: number;
  certificate: Certificate;
  /** Present when status is primal_infeasible or dual_infeasible. */
  farkas?: Farkas;
}

function validateCsc(name: string, M: CscMatrix, nrows: number, ncols: number): void {
  if (!M || typeof M !== 'object') throw new InvalidArgumentError(name, M, 'a CSC matrix');
  if (M.nrows !== nrows) throw new InvalidArgumentError(`${name}.nrows`, M.nrows, String(nrows));
  if (M.ncols !== ncols) throw new InvalidArgumentError(`${name}.ncols`, M.ncols, String(ncols));
  if (!(M.colPtr instanceof Int32Array) || M.colPtr.length !== ncols + 1) throw new InvalidArgumentError(`${name}.colPtr`, M.colPtr, `an Int32Array of length ${ncols + 1}`);
  const nnz = M.colPtr[ncols];
  if (M.colPtr[0] !== 0 || M.rowIdx.length < nnz || M.values.length < nnz) throw new InvalidArgumentError(`${name}.colPtr`, M.colPtr, 'colPtr[0] = 0 and rowIdx/values of length colPtr[ncols]');
  for (let j = 0; j < ncols; j++) {
    if (M.colPtr[j + 1] < M.colPtr[j]) throw new InvalidArgumentError(`${name}.colPtr[${j + 1}]`, M.colPtr[j + 1], 'nondecreasing column pointers');
    for (let p = M.colPtr[j]; p < M.colPtr[j + 1]; p++) {
      const i = M.rowIdx[p];
      if (!(i >= 0 && i < nrows)) throw new InvalidArgumentError(`${name}.rowIdx[${p}]`, i, `a row index in [0, ${nrows - 1}]`);
      if (p > M.colPtr[j] && i <= M.rowIdx[p - 1]) throw new InvalidArgumentError(`${name}.rowIdx[${p}]`, i, 'strictly increasing row indices within a column');
      if (!Number.isFinite(M.values[p])) throw new InvalidArgumentError(`${name}.values[${p}] (row ${i}, col ${j})`, M.values[p], 'a finite number');
    }
  }
}

/** Validate a problem; throws InvalidArgumentError naming the part. */
export function validateProblem(p: ConicProblem): void {
  if (!p || typeof p !== 'object') throw new InvalidArgumentError('problem', p, 'a ConicProblem');
  const qv = finiteVector('q', p.q);
  const n = qv.length;
  if (n === 0) throw new InvalidArgumentError('q.length', 0, 'at least one variable');
  if (!p.A) throw new InvalidArgumentError('A', p.A, 'a CSC matrix');
  const m = p.A.nrows;
  finiteVector('b', p.b, m);
  validateCsc('A', p.A, m, n);
  if (!Array.isArray(p.cones)) throw new InvalidArgumentError('cones', p.cones, 'an array of {kind, dim}');
  let total = 0;
  p.cones.forEach((c, k) => {
    if (!c || !['zero', 'nonneg', 'soc'].includes(c.kind)) throw new InvalidArgumentError(`cones[${k}].kind`, c?.kind, 'zero, nonneg or soc');
    integerInRange(`cones[${k}].dim`, c.dim, 1);
    total += c.dim;
  });
  if (total !== m) throw new InvalidArgumentError('cones (sum of dims)', total, `A.nrows = ${m}`);
  if (p.P) {
    validateCsc('P', p.P, n, n);
    const P = p.P;
    const lookup = (i: number, j: number): number | undefined => {
      for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) if (P.rowIdx[q] === i) return P.values[q];
      return undefined;
    };
    for (let j = 0; j < n; j++) {
      for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) {
        const i = p.P.rowIdx[q];
        if (i > j) {
          // a full (both triangles) P must be symmetric
          const u = lookup(j, i) ?? 0;
          const v = p.P.values[q];
          if (Math.abs(u - v) > 1e-12 * Math.max(1, Math.abs(u), Math.abs(v))) {
            throw new InvalidArgumentError(`P(${i},${j})`, v, `P symmetric: P(${j},${i}) = ${u}`);
          }
        }
        if (i === j && p.P.values[q] < 0) throw new InvalidArgumentError(`P(${i},${i})`, p.P.values[q], 'a nonnegative diagonal (P must be PSD)');
      }
    }
    // a detectable 2×2 PSD violation: P_ij² > P_ii P_jj
    const diag = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) if (p.P.rowIdx[q] === j) diag[j] = p.P.values[q];
    for (let j = 0; j < n; j++) {
      for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) {
        const i = p.P.rowIdx[q];
        const v = p.P.values[q];
        if (i < j && v * v > diag[i] * diag[j] * (1 + 1e-12) + 1e-300) {
          throw new InvalidArgumentError(`P(${i},${j})`, v, `|P_ij| <= sqrt(P_ii P_jj) = ${Math.sqrt(diag[i] * diag[j])} (P must be PSD)`);
        }
      }
    }
    // the full test: 2×2 minors miss e.g. [[1, .9, .9], [.9, 1, −.9], [.9, −.9, 1]] (eigenvalue −0.8)
    const t = psdTest(p.P);
    if (!t.psd) {
      throw new InvalidArgumentError('P', p.P, `a positive semidefinite matrix: the LDLᵀ factorisation of the diagonally scaled P + ${t.delta.toExponential(1)}·I has a nonpositive pivot (at variable ${t.index}), so P has a negative eigenvalue and the objective is not convex`);
    }
  }
}

/** Resolved options. */
interface Opts {
  epsAbs: number;
  epsRel: number;
  epsInf: number;
  maxIter: number;
  timeLimit: number;
  reg: number;
  refine: number;
  verbose: boolean;
  equilibrate: boolean;
  log: (s: string) => void;
  stopAfter: number;
  reducedFactor: number;
}

function resolveOptions(o: SolverOptions = {}): Opts {
  return {
    epsAbs: o.epsAbs === undefined ? 1e-8 : positive('options.epsAbs', o.epsAbs),
    epsRel: o.epsRel === undefined ? 1e-8 : positive('options.epsRel', o.epsRel),
    epsInf: o.epsInfeasible === undefined ? 1e-8 : positive('options.epsInfeasible', o.epsInfeasible),
    maxIter: o.maxIterations === undefined ? 100 : integerInRange('options.maxIterations', o.maxIterations, 0, 10000),
    timeLimit: o.timeLimitMs === undefined ? Infinity : nonNegative('options.timeLimitMs', o.timeLimitMs),
    reg: o.staticReg === undefined ? 1e-8 : nonNegative('options.staticReg', o.staticReg),
    refine: o.refinementSteps === undefined ? 6 : integerInRange('options.refinementSteps', o.refinementSteps, 0, 100),
    verbose: !!o.verbose,
    equilibrate: o.equilibrate === undefined ? true : !!o.equilibrate,
    log: o.logger ?? ((s: string) => console.log(s)),
    reducedFactor: o.reducedFactor === undefined ? 100 : positive('options.reducedFactor', o.reducedFactor),
    stopAfter: o.unsafeStopAfter === undefined ? Infinity : integerInRange('options.unsafeStopAfter', o.unsafeStopAfter, 0),
  };
}

/** Second-order cones of dimension above this use the sparse (ECOS-style) expansion in the KKT matrix. */
export const SOC_DENSE_MAX = 16;

function grow(a: Int32Array, len: number): Int32Array {
  if (a.length >= len) return a;
  const b = new Int32Array(len);
  b.set(a);
  return b;
}

/** The KKT system: pattern, value slots, factor, refinement. */
class Kkt {
  readonly N: number;
  readonly K: UpperCsc;
  /** Values without static regularisation. */
  readonly vals: Float64Array;
  readonly diagPos: Int32Array;
  readonly shift: Float64Array;
  /** Per row i of A (constraint), position of the first cone-block entry in column n+i. */
  readonly blockPos: Int32Array;
  readonly factor: LdlFactor;
  /** Dimension with the expansion nodes (N + 2 per expanded cone). */
  readonly NN: number;
  /** Per cone: index of its expansion (−1 for a dense block). */
  readonly expanded: Int32Array;
  private readonly r: Float64Array;
  private readonly dx: Float64Array;
  private readonly bx: Float64Array;
  private readonly xx: Float64Array;
  maxResidual = 0;
  /** Largest relative KKT residual since the last reset (per-iteration log). */
  iterResidual = 0;

  constructor(readonly n: number, readonly m: number, P: CscMatrix | undefined, A: CscMatrix, readonly L: ConeLayout, reg: number, private readonly refine: number) {
    const N = n + m;
    this.N = N;
    const At = transpose(A); // column i of At = row i of A
    // column sizes
    let colPtr: Int32Array = new Int32Array(N + 1);
    for (let j = 0; j < n; j++) {
      let c = 0;
      let hasDiag = false;
      if (P) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
        c++;
        if (P.rowIdx[p] === j) hasDiag = true;
      }
      colPtr[j + 1] = c + (hasDiag ? 0 : 1);
    }
    const coneOf = new Int32Array(m);
    for (let c = 0; c < L.kind.length; c++) for (let i = 0; i < L.dim[c]; i++) coneOf[L.start[c] + i] = c;
    // second-order cones larger than SOC_DENSE_MAX get the sparse expansion (two extra nodes each)
    this.expanded = new Int32Array(L.kind.length).fill(-1);
    let nexp = 0;
    for (let c = 0; c < L.kind.length; c++) if (L.kind[c] === SOC && L.dim[c] > SOC_DENSE_MAX) this.expanded[c] = nexp++;
    const NN = N + 2 * nexp;
    this.NN = NN;
    colPtr = grow(colPtr, NN + 1);
    for (let i = 0; i < m; i++) {
      const c = coneOf[i];
      const blk = L.kind[c] === SOC && this.expanded[c] < 0 ? i - L.start[c] + 1 : 1;
      colPtr[n + i + 1] = At.colPtr[i + 1] - At.colPtr[i] + blk;
    }
    for (let c = 0; c < L.kind.length; c++) {
      const k = this.expanded[c];
      if (k < 0) continue;
      colPtr[N + 2 * k + 1] = L.dim[c] + 1; // column p: η·u over the cone rows + diagonal +1
      colPtr[N + 2 * k + 2] = L.dim[c] + 1; // column r: η·v over the cone rows + diagonal −1
    }
    for (let j = 0; j < NN; j++) colPtr[j + 1] += colPtr[j];
    const nnz = colPtr[NN];
    const rowIdx = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    this.diagPos = new Int32Array(NN);
    this.blockPos = new Int32Array(m);
    for (let j = 0; j < n; j++) {
      let w = colPtr[j];
      let hasDiag = false;
      if (P) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
        rowIdx[w] = P.rowIdx[p];
        values[w] = P.values[p];
        if (P.rowIdx[p] === j) {
          hasDiag = true;
          this.diagPos[j] = w;
        }
        w++;
      }
      if (!hasDiag) {
        rowIdx[w] = j;
        values[w] = 0;
        this.diagPos[j] = w;
      }
    }
    for (let i = 0; i < m; i++) {
      let w = colPtr[n + i];
      for (let p = At.colPtr[i]; p < At.colPtr[i + 1]; p++) {
        rowIdx[w] = At.rowIdx[p];
        values[w] = At.values[p];
        w++;
      }
      this.blockPos[i] = w;
      const c = coneOf[i];
      if (L.kind[c] === SOC && this.expanded[c] < 0) {
        for (let r = L.start[c]; r <= i; r++) rowIdx[w++] = n + r;
      } else rowIdx[w++] = n + i;
      this.diagPos[n + i] = w - 1;
    }
    const signs = new Float64Array(NN);
    this.shift = new Float64Array(NN);
    for (let j = 0; j < N; j++) {
      signs[j] = j < n ? 1 : -1;
      this.shift[j] = j < n ? reg : -reg;
    }
    for (let c = 0; c < L.kind.length; c++) {
      const k = this.expanded[c];
      if (k < 0) continue;
      for (let e = 0; e < 2; e++) {
        const col = N + 2 * k + e;
        let w = colPtr[col];
        for (let r = 0; r < L.dim[c]; r++) rowIdx[w++] = n + L.start[c] + r;
        rowIdx[w] = col;
        this.diagPos[col] = w;
        values[w] = e === 0 ? 1 : -1;
        signs[col] = e === 0 ? 1 : -1;
        this.shift[col] = e === 0 ? reg : -reg;
      }
    }
    this.K = { n: NN, colPtr, rowIdx, values };
    this.vals = values;
    this.factor = new LdlFactor(this.K, signs);
    this.r = new Float64Array(NN);
    this.dx = new Float64Array(NN);
    this.bx = new Float64Array(NN);
    this.xx = new Float64Array(NN);
  }

  /** Write −W² (or −I when `identity`) into the cone blocks. */
  setScaling(w: Float64Array, eta: Float64Array, identity: boolean): void {
    const L = this.L;
    const v = this.vals;
    for (let c = 0; c < L.kind.length; c++) {
      const o = L.start[c];
      const d = L.dim[c];
      const k = L.kind[c];
      if (k === ZERO) {
        for (let i = 0; i < d; i++) v[this.blockPos[o + i]] = 0;
      } else if (k === NONNEG) {
        for (let i = 0; i < d; i++) v[this.blockPos[o + i]] = identity ? -1 : -w[o + i] * w[o + i];
      } else if (this.expanded[c] >= 0) {
        // W² = η²(D + uuᵀ − vvᵀ), D = diag(δ, 1, …, 1), u = (u₀, u₁w̄₁), v = (0, v₁w̄₁) with
        // u₁² = 8w̄₀²/(2w̄₀² − 1), u₀ = 2w̄₀/u₁, v₁² = u₁² − 2, δ = (2w̄₀² − 1)/2 ≥ ½
        // (checked entrywise against 2w̄w̄ᵀ − J); stored as −η²D on the cone rows and two
        // extra nodes p (+1, column ηu) and r (−1, column ηv).
        const k = this.expanded[c];
        const pc = this.K.colPtr[this.N + 2 * k];
        const rc = this.K.colPtr[this.N + 2 * k + 1];
        if (identity) {
          for (let i = 0; i < d; i++) {
            v[this.blockPos[o + i]] = -1;
            v[pc + i] = 0;
            v[rc + i] = 0;
          }
        } else {
          const w0 = w[o];
          const e = eta[c];
          const a = 2 * w0 * w0 - 1;
          const u1 = Math.sqrt((8 * w0 * w0) / a);
          const u0 = (2 * w0) / u1;
          const v1 = Math.sqrt(u1 * u1 - 2);
          v[this.blockPos[o]] = -e * e * (a / 2);
          for (let i = 1; i < d; i++) v[this.blockPos[o + i]] = -e * e;
          v[pc] = e * u0;
          v[rc] = 0;
          for (let i = 1; i < d; i++) {
            v[pc + i] = e * u1 * w[o + i];
            v[rc + i] = e * v1 * w[o + i];
          }
        }
      } else {
        const e2 = identity ? 1 : eta[c] * eta[c];
        for (let a = 0; a < d; a++) {
          const base = this.blockPos[o + a];
          for (let b = 0; b <= a; b++) {
            let val: number;
            if (identity) val = a === b ? 1 : 0;
            else {
              const jab = a === b ? (a === 0 ? 1 : -1) : 0;
              val = e2 * (2 * w[o + a] * w[o + b] - jab);
            }
            v[base + b] = -val;
          }
        }
      }
    }
  }

  factorise(): boolean {
    return this.factor.factor(this.vals, this.shift, this.diagPos);
  }

  /** y = K x with the unregularised values. */
  mul(x: Float64Array, y: Float64Array): void {
    const { colPtr, rowIdx } = this.K;
    const v = this.vals;
    y.fill(0);
    for (let j = 0; j < this.NN; j++) {
      const xj = x[j];
      let s = 0;
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const i = rowIdx[p];
        y[i] += v[p] * xj;
        if (i !== j) s += v[p] * x[i];
      }
      y[j] += s;
    }
  }

  /**
   * Solve K x = rhs with iterative refinement against the unregularised K;
   * a refinement step that increases the residual is undone.
   */
  solve(rhsIn: Float64Array, xOut: Float64Array, refine = this.refine): void {
    const r = this.r;
    const dx = this.dx;
    const rhs = this.bx;
    const x = this.xx;
    rhs.fill(0);
    rhs.set(rhsIn.subarray(0, this.N));
    this.factor.solve(rhs, x);
    dx.fill(0);
    const bn = normInf(rhs);
    let last = Infinity;
    for (let it = 0; it <= refine; it++) {
      this.mul(x, r);
      for (let i = 0; i < this.NN; i++) r[i] = rhs[i] - r[i];
      const rn = normInf(r);
      if (!(rn < last)) {
        // the last correction made things worse (or produced NaN): undo it
        for (let i = 0; i < this.NN; i++) x[i] -= dx[i];
        break;
      }
      // stop when accurate (abs 1e-12 + rel 1e-13) or when a step gained less than a factor 5
      const slow = rn > last / 5;
      last = rn;
      if (it === refine || rn <= 1e-12 + 1e-13 * bn || slow) break;
      this.factor.solve(r, dx);
      for (let i = 0; i < this.NN; i++) x[i] += dx[i];
    }
    for (let i = 0; i < this.N; i++) xOut[i] = x[i];
    const rel = last / (1 + bn);
    if (rel > this.maxResidual && Number.isFinite(rel)) this.maxResidual = rel;
    if (rel > this.iterResidual && Number.isFinite(rel)) this.iterResidual = rel;
  }
}

/** The upper triangle of a symmetric CSC matrix (the matrix itself when it has no lower entries). */
function upperTriangle(P: CscMatrix): CscMatrix {
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
interface Scaling {
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
  const D = new Float64Array(n).fill(1);
  const E = new Float64Array(m).fill(1);
  const Pv = P ? Float64Array.from(P.values) : undefined;
  const Av = Float64Array.from(A.values);
  const dn = new Float64Array(n);
  const en = new Float64Array(m);
  const clip = (v: number): number => (v === 0 || !Number.isFinite(v) ? 1 : Math.min(1e4, Math.max(1e-4, 1 / Math.sqrt(v))));
  for (let it = 0; it < iters; it++) {
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
    // cumulative factors stay in [1e-4, 1e4] (a near-zero column must not be blown up)
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
    if (maxDev < 0.05) break; // norms already within 5% of 1
  }
  const qs = new Float64Array(n);
  for (let j = 0; j < n; j++) qs[j] = D[j] * q[j];
  const bs = new Float64Array(m);
  for (let i = 0; i < m; i++) bs[i] = E[i] * b[i];
  // cost scaling
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
  const c = cmax === 0 || !Number.isFinite(cmax) ? 1 : Math.min(1e4, Math.max(1e-4, 1 / cmax));
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

/**
 * Solve a conic quadratic program in standard form (see the file comment).
 * Throws InvalidArgumentError for malformed data; numerical trouble ends in
 * status `numerical_error` with the best iterate.
 */
export function solveConic(problem: ConicProblem, options: SolverOptions = {}): ConicSolution {
  validateProblem(problem);
  const o = resolveOptions(options);
  const t0 = performance.now();
  const n = problem.A.ncols;
  const m = problem.A.nrows;
  const q0 = Float64Array.from(problem.q);
  const b0 = Float64Array.from(problem.b);
  const L = makeLayout(problem.cones);
  const nu = L.degree;
  const P0 = problem.P && upperTriangle(problem.P);
  const sc: Scaling = o.equilibrate
    ? equilibrate(P0, q0, problem.A, b0, L, 5)
    : { D: new Float64Array(n).fill(1), E: new Float64Array(m).fill(1), c: 1, P: P0, A: problem.A, q: q0, b: b0 };
  const P = sc.P;
  const A = sc.A;
  const q = sc.q;
  const b = sc.b;
  const Dsc = sc.D;
  const Esc = sc.E;
  const csc = sc.c;

  const tA = performance.now();
  const kkt = new Kkt(n, m, P, A, L, o.reg, o.refine);
  const analysisMs = performance.now() - tA;
  const N = n + m;

  const x = new Float64Array(n);
  const z = new Float64Array(m);
  const s = new Float64Array(m);
  let tau = 1;
  let kappa = 1;
  const w = new Float64Array(m);
  const eta = new Float64Array(L.kind.length);
  const lam = new Float64Array(m);
  const rhs = new Float64Array(N);
  const sol1 = new Float64Array(N);
  const sol2 = new Float64Array(N);
  const rx = new Float64Array(n);
  const rz = new Float64Array(m);
  const Px = new Float64Array(n);
  const Atz = new Float64Array(n);
  const Ax = new Float64Array(m);
  const dx = new Float64Array(n);
  const dz = new Float64Array(m);
  const ds = new Float64Array(m);
  const dsA = new Float64Array(m);
  const dzA = new Float64Array(m);
  const ds_ = new Float64Array(m); // d_s
  const t1 = new Float64Array(m);
  const t2 = new Float64Array(m);
  const t3 = new Float64Array(m);
  const xi = new Float64Array(n);
  const tn = new Float64Array(n);
  const e = new Float64Array(m);
  setIdentity(L, e);

  const normB = normInf(b0);
  const normQ = normInf(q0);

  // ---- initial point, as Clarabel does, with W = I:
  //   QP (P ≠ 0): K₀[x; z] = [−q; b], s = −z;
  //   LP: K₀[x; ·] = [0; b] gives x and s = b − Ax, K₀[·; z] = [−q; 0] gives z;
  //   then s and z are shifted into the interior of K (z free on zero cones).
  // (no refinement here: the true matrix may be singular — free directions of an
  // LP — and refining against it would grow the iterate along its null space)
  kkt.setScaling(w, eta, true);
  const initOk = kkt.factorise();
  rhs.fill(0);
  for (let i = 0; i < m; i++) rhs[n + i] = b[i];
  if (P) for (let j = 0; j < n; j++) rhs[j] = -q[j];
  kkt.solve(rhs, sol1, 0);
  for (let j = 0; j < n; j++) x[j] = sol1[j];
  for (let i = 0; i < m; i++) {
    s[i] = -sol1[n + i];
    z[i] = sol1[n + i];
  }
  if (!P) {
    rhs.fill(0);
    for (let j = 0; j < n; j++) rhs[j] = -q[j];
    kkt.solve(rhs, sol1, 0);
    for (let i = 0; i < m; i++) z[i] = sol1[n + i];
  }
  shiftToInterior(L, s);
  {
    const zz = Float64Array.from(z);
    shiftToInterior(L, zz);
    for (let c = 0; c < L.kind.length; c++) {
      if (L.kind[c] === ZERO) continue;
      for (let i = L.start[c]; i < L.start[c] + L.dim[c]; i++) z[i] = zz[i];
    }
  }

  // best iterate bookkeeping
  const best = { x: new Float64Array(n), z: new Float64Array(m), s: new Float64Array(m), tau: 1, merit: Infinity };
  let info = computeInfo();
  let status: SolveStatus | undefined;
  let iter = 0;
  let farkas: Farkas | undefined;
  if (!initOk) return finish('numerical_error');

  function computeInfo() {
    symUpperMatVecMaybe(x, Px);
    matTVec(A, z, Atz);
    matVec(A, x, Ax);
    const xPx = dot(x, Px);
    const qx = dot(q, x);
    const bz = dot(b, z);
    // residuals of the SCALED embedding drive the iteration; the reported (and
    // tested) quantities are those of the original problem: r_p = E⁻¹r̂_p, r_d = (cD)⁻¹r̂_d.
    let pres = 0;
    let ns = 0;
    let nz = 0;
    for (let i = 0; i < m; i++) {
      const r = Ax[i] + s[i] - b[i] * tau;
      rz[i] = r;
      pres = Math.max(pres, Math.abs(r / Esc[i]));
      ns = Math.max(ns, Math.abs(s[i] / Esc[i]));
      nz = Math.max(nz, Math.abs(z[i] * Esc[i]));
    }
    let dres = 0;
    let nx = 0;
    let npx = 0;
    for (let j = 0; j < n; j++) {
      const r = Px[j] + Atz[j] + q[j] * tau;
      rx[j] = r;
      dres = Math.max(dres, Math.abs(r / Dsc[j]));
      nx = Math.max(nx, Math.abs(x[j] * Dsc[j]));
      npx = Math.max(npx, Math.abs(Px[j] / Dsc[j]));
    }
    dres /= csc;
    npx /= csc;
    nz /= csc;
    const rtau = qx + bz + xPx / tau + kappa;
    const sz = dot(s, z);
    const mu = (sz + tau * kappa) / (nu + 1);
    const pobj = (0.5 * xPx / tau + qx) / tau / csc;
    const dobj = (-0.5 * xPx / tau - bz) / tau / csc;
    nx /= tau;
    ns /= tau;
    nz /= tau;
    const presAbs = pres / tau;
    const dresAbs = dres / tau;
    // normalisations without ‖x‖ and ‖z‖ (a huge iterate must not make a residual look small)
    const presRel = presAbs / Math.max(1, normB + ns);
    const dresRel = dresAbs / Math.max(1, normQ + npx / tau);
    const gapAbs = Math.abs(pobj - dobj);
    const gapRel = gapAbs / Math.max(1, Math.min(Math.abs(pobj), Math.abs(dobj)));
    return { presAbs, dresAbs, presRel, dresRel, gapAbs, gapRel, pobj, dobj, mu, rtau, qx, bz, sz: sz / (tau * tau * csc) };
  }
  function symUpperMatVecMaybe(v: Float64Array, out: Float64Array): void {
    if (P) symUpperMatVec(P, v, out);
    else out.fill(0);
  }

  function converged(): boolean {
    return info.presRel <= o.epsRel && info.dresRel <= o.epsRel && (info.gapAbs <= o.epsAbs || info.gapRel <= o.epsRel);
  }

  function checkInfeasible(): boolean {
    // primal infeasibility: z = Eẑ with bᵀz = b̂ᵀẑ < 0 and ‖Aᵀz‖ = ‖D⁻¹Âᵀẑ‖ small relative to −bᵀz
    if (info.bz < 0) {
      const scale = -info.bz;
      let res = 0;
      for (let j = 0; j < n; j++) res = Math.max(res, Math.abs(Atz[j] / Dsc[j]));
      res /= scale;
      let zn = 0;
      for (let i = 0; i < m; i++) zn = Math.max(zn, Math.abs(z[i] * Esc[i]));
      zn /= scale;
      if (res <= o.epsInf * Math.max(1, zn) && tau < 1e-3 * Math.max(1, kappa)) {
        const zc = new Float64Array(m);
        for (let i = 0; i < m; i++) zc[i] = (z[i] * Esc[i]) / scale;
        farkas = { z: zc, residual: res };
        status = 'primal_infeasible';
        return true;
      }
    }
    // dual infeasibility: x = Dx̂, s = ŝ/E with qᵀx = q̂ᵀx̂/c < 0, Px = D⁻¹P̂x̂/c ≈ 0, Ax + s = E⁻¹(Âx̂ + ŝ) ≈ 0
    if (info.qx < 0) {
      const scale = -info.qx / csc;
      let res = 0;
      for (let j = 0; j < n; j++) res = Math.max(res, Math.abs(Px[j] / (Dsc[j] * csc)));
      for (let i = 0; i < m; i++) res = Math.max(res, Math.abs((Ax[i] + s[i]) / Esc[i]));
      res /= scale;
      let xn = 0;
      for (let j = 0; j < n; j++) xn = Math.max(xn, Math.abs(x[j] * Dsc[j]));
      xn /= scale;
      if (res <= o.epsInf * Math.max(1, xn) && tau < 1e-3 * Math.max(1, kappa)) {
        const xc = new Float64Array(n);
        const sc = new Float64Array(m);
        for (let j = 0; j < n; j++) xc[j] = (x[j] * Dsc[j]) / scale;
        for (let i = 0; i < m; i++) sc[i] = s[i] / (Esc[i] * scale);
        farkas = { x: xc, s: sc, residual: res };
        status = 'dual_infeasible';
        return true;
      }
    }
    return false;
  }

  function saveBest(): void {
    const merit = Math.max(info.presRel, info.dresRel, Math.min(info.gapRel, info.gapAbs));
    if (merit < best.merit && Number.isFinite(merit)) {
      best.merit = merit;
      best.x.set(x);
      best.z.set(z);
      best.s.set(s);
      best.tau = tau;
    }
  }

  if (o.verbose) o.log(`iter   pobj          dobj          gap       pres      dres      mu        step     (n=${n}, m=${m}, nnzL=${kkt.factor.stats.nnzL})`);
  let stalls = 0;
  for (;;) {
    if (!Number.isFinite(info.mu) || !Number.isFinite(info.pobj)) {
      status = 'numerical_error';
      break;
    }
    saveBest();
    if (converged()) {
      status = 'optimal';
      break;
    }
    if (iter >= o.stopAfter) {
      status = 'optimal';
      break;
    }
    if (checkInfeasible()) break;
    if (iter >= o.maxIter) {
      status = 'max_iterations';
      break;
    }
    if (performance.now() - t0 > o.timeLimit) {
      status = 'time_limit';
      break;
    }
    iter++;
    // ---- scaling and factorisation ----
    if (!ntScaling(L, s, z, w, eta, lam)) {
      status = 'numerical_error';
      break;
    }
    kkt.setScaling(w, eta, false);
    kkt.iterResidual = 0;
    if (!kkt.factorise()) {
      status = 'numerical_error';
      break;
    }
    // constant system: K [x1; z1] = [−q; b]
    for (let j = 0; j < n; j++) rhs[j] = -q[j];
    for (let i = 0; i < m; i++) rhs[n + i] = b[i];
    kkt.solve(rhs, sol1);
    // denominator of Δτ: (q + 2Pξ)ᵀx1 + bᵀz1 − ξᵀPξ − κ/τ, ξ = x/τ. For the exact
    // solve it equals −((x1 − ξ)ᵀP(x1 − ξ) + ‖W z1‖² + κ/τ) < 0; it is computed
    // directly so that it stays consistent with the regularised solve (which adds
    // −ε‖x1‖² when the true KKT matrix is singular, e.g. free directions of an LP).
    for (let j = 0; j < n; j++) xi[j] = x[j] / tau;
    symUpperMatVecMaybe(xi, tn);
    const xiPxi = dot(xi, tn);
    for (let j = 0; j < n; j++) tn[j] = q[j] + 2 * tn[j];
    let denom = -xiPxi - kappa / tau;
    for (let j = 0; j < n; j++) denom += tn[j] * sol1[j];
    for (let i = 0; i < m; i++) denom += b[i] * sol1[n + i];
    if (!(denom < 0)) {
      for (let j = 0; j < n; j++) dx[j] = sol1[j] - xi[j];
      symUpperMatVecMaybe(dx, Px);
      for (let i = 0; i < m; i++) t1[i] = sol1[n + i];
      applyW(L, w, eta, t1, t2, false);
      denom = -(dot(dx, Px) + dot(t2, t2) + kappa / tau);
    }

    const mu = info.mu;
    // direction solver: given d_s (in ds_), d_κ, and residual factor f, compute Δ
    const direction = (dkappa: number, f: number): number => {
      // rhs₂ = −f rz + W(λ \ d_s)
      jordanDivide(L, lam, ds_, t1);
      applyW(L, w, eta, t1, t2, false);
      for (let j = 0; j < n; j++) rhs[j] = -f * rx[j];
      for (let i = 0; i < m; i++) rhs[n + i] = -f * rz[i] + t2[i];
      kkt.solve(rhs, sol2);
      let num = -f * info.rtau + dkappa / tau;
      for (let j = 0; j < n; j++) num -= tn[j] * sol2[j];
      for (let i = 0; i < m; i++) num -= b[i] * sol2[n + i];
      const dtau = num / denom;
      for (let j = 0; j < n; j++) dx[j] = sol2[j] + dtau * sol1[j];
      for (let i = 0; i < m; i++) dz[i] = sol2[n + i] + dtau * sol1[n + i];
      // Δs = −W(λ\d_s + W Δz)
      applyW(L, w, eta, dz, t2, false);
      for (let i = 0; i < m; i++) t3[i] = t1[i] + t2[i];
      applyW(L, w, eta, t3, ds, false);
      for (let i = 0; i < m; i++) ds[i] = -ds[i];
      return dtau;
    };
    const stepLength = (dtau: number, dkappa: number): number => {
      let a = maxStep(L, s, ds, 1e30);
      a = maxStep(L, z, dz, a);
      if (dtau < 0) a = Math.min(a, -tau / dtau);
      if (dkappa < 0) a = Math.min(a, -kappa / dkappa);
      return a;
    };
    // ---- affine (predictor) step ----
    jordanProduct(L, lam, lam, ds_);
    const dkA = tau * kappa;
    const dtauA = direction(dkA, 1);
    const dkappaA = -(dkA + kappa * dtauA) / tau;
    const aAff = Math.min(1, stepLength(dtauA, dkappaA));
    const sigma = Math.min(1, Math.max(0, (1 - aAff) ** 3));
    // ---- combined (corrector) step ----
    // d_s = λ∘λ + (W⁻¹Δs_a)∘(WΔz_a) − σμe
    applyW(L, w, eta, ds, dsA, true);
    applyW(L, w, eta, dz, dzA, false);
    jordanProduct(L, dsA, dzA, t3);
    for (let i = 0; i < m; i++) ds_[i] += t3[i] - sigma * mu * e[i];
    const dkC = tau * kappa + dtauA * dkappaA - sigma * mu;
    const dtau = direction(dkC, 1 - sigma);
    const dkappa = -(dkC + kappa * dtau) / tau;
    const amax = stepLength(dtau, dkappa);
    const alpha = Math.min(1, 0.99 * amax);
    if (!Number.isFinite(alpha) || !Number.isFinite(dtau)) {
      status = 'numerical_error';
      break;
    }
    for (let j = 0; j < n; j++) x[j] += alpha * dx[j];
    for (let i = 0; i < m; i++) {
      z[i] += alpha * dz[i];
      s[i] += alpha * ds[i];
    }
    tau += alpha * dtau;
    kappa += alpha * dkappa;
    info = computeInfo();
    if (o.verbose) {
      o.log(
        `${String(iter).padStart(4)}  ${info.pobj.toExponential(6).padStart(13)} ${info.dobj.toExponential(6).padStart(13)} ` +
          `${info.gapAbs.toExponential(2)}  ${info.presRel.toExponential(2)}  ${info.dresRel.toExponential(2)}  ${info.mu.toExponential(2)}  ${alpha.toFixed(4)}  ` +
          `kkt ${kkt.iterResidual.toExponential(1)} dynreg ${kkt.factor.stats.dynamicRegularisations} tau ${tau.toExponential(2)} kappa ${kappa.toExponential(2)} sigma ${sigma.toFixed(3)}`,
      );
    }
    if (alpha < 1e-10) {
      if (++stalls >= 3) {
        status = 'numerical_error';
        break;
      }
    } else stalls = 0;
  }

  const stopReason: SolveStatus = status!;
  if (status === 'numerical_error' || status === 'max_iterations' || status === 'time_limit') {
    if (best.merit < Infinity) {
      x.set(best.x);
      z.set(best.z);
      s.set(best.s);
      tau = best.tau;
      info = computeInfo();
      const f = o.reducedFactor;
      if (
        status !== 'time_limit' && info.presRel <= f * o.epsRel && info.dresRel <= f * o.epsRel &&
        (info.gapAbs <= f * o.epsAbs || info.gapRel <= f * o.epsRel)
      ) status = 'almost_optimal';
    }
  }
  return finish(status!);

  function finish(st: SolveStatus): ConicSolution {
    const xs = new Float64Array(n);
    const zs = new Float64Array(m);
    const ss = new Float64Array(m);
    const sc = st === 'primal_infeasible' || st === 'dual_infeasible' ? 1 : tau;
    for (let j = 0; j < n; j++) xs[j] = (x[j] * Dsc[j]) / sc;
    for (let i = 0; i < m; i++) {
      zs[i] = (z[i] * Esc[i]) / (csc * sc);
      ss[i] = s[i] / (Esc[i] * sc);
    }
    const Pxs = new Float64Array(n);
    if (P0) symUpperMatVec(P0, xs, Pxs);
    const objective = 0.5 * dot(xs, Pxs) + dot(q0, xs);
    const st_ = kkt.factor.stats;
    return {
      status: st,
      x: xs,
      s: ss,
      z: zs,
      objective,
      certificate: {
        primalResidual: info.presAbs,
        dualResidual: info.dresAbs,
        primalResidualRel: info.presRel,
        dualResidualRel: info.dresRel,
        gapAbs: info.gapAbs,
        gapRel: info.gapRel,
        complementarity: info.sz,
        primalObjective: info.pobj,
        dualObjective: info.dobj,
        iterations: iter,
        nnzL: st_.nnzL,
        nnzKkt: st_.nnzK,
        fillRatio: st_.fillRatio,
        kktDim: kkt.NN,
        analysisMs,
        timeMs: performance.now() - t0,
        maxKktResidual: kkt.maxResidual,
        stopReason,
      },
      farkas,
    };
  }
}
