/**
 * The quasi-definite KKT system of the conic solver (solver.ts):
 *     [P + εI   Aᵀ        ] [Δx]   [r₁]
 *     [A        −W² − εI  ] [Δz] = [r₂]
 * its sparsity pattern (built once), the value slots of the scaling blocks −W², the sparse LDLᵀ factor
 * (ldl.ts) and iterative refinement against the unregularised matrix. Second-order cones of dimension
 * ≤ SOC_DENSE_MAX are dense blocks; larger ones use the sparse expansion of ECOS (two extra nodes each).
 */
import { NONNEG, SOC, ZERO, type ConeLayout } from './cones.ts';
import { LdlFactor, type UpperCsc } from './ldl.ts';
import { type CscMatrix, transpose } from './sparse.ts';

/** Second-order cones of dimension above this use the sparse (ECOS-style) expansion in the KKT matrix. */
export const SOC_DENSE_MAX = 16;

/** The KKT system: pattern, value slots, factor, refinement. */
export class Kkt {
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
  /** K's rows in the pivot ordering of the factor, for the refinement's products (see {@link PivotRows}). */
  private readonly rows: PivotRows;
  /** The off-diagonal entries setScaling rewrites (the factor refreshes these and the diagonal). */
  private readonly changed: Int32Array;
  /** Refinement states of the first and second right-hand side (solve uses the first). */
  private readonly stA: Refinement;
  private readonly stB: Refinement;
  /** ‖rb‖∞ of the last residualPermuted2. */
  private rnB = 0;
  maxResidual = 0;
  /** Largest relative KKT residual since the last reset (per-iteration log). */
  iterResidual = 0;

  constructor(readonly n: number, readonly m: number, P: CscMatrix | undefined, A: CscMatrix, readonly L: ConeLayout, reg: number, private readonly refine: number) {
    this.N = n + m;
    const pat = kktPattern(n, m, P, A, L, reg);
    this.NN = pat.NN;
    this.expanded = pat.expanded;
    this.diagPos = pat.diagPos;
    this.blockPos = pat.blockPos;
    this.shift = pat.shift;
    this.K = pat.K;
    this.vals = pat.K.values;
    this.factor = new LdlFactor(this.K, pat.signs);
    const dyn = scalingSlots(n, m, this.N, this.K, pat.blockPos);
    this.rows = pivotRows(this.K, this.factor.perm, this.factor.pinv, dyn);
    this.changed = offDiagonal(this.K, dyn);
    this.stA = new Refinement(pat.NN);
    this.stB = new Refinement(pat.NN);
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
    const { val, slot, entry } = this.rows;
    for (let t = 0; t < slot.length; t++) val[slot[t]] = v[entry[t]];
  }

  factorise(): boolean {
    return this.factor.factor(this.vals, this.shift, this.diagPos, this.changed);
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
   * r = rhs − K x with the unregularised values, all in the pivot ordering; returns ‖r‖∞. Each row's
   * sum is formed in the order of {@link mul} (diagonal, then the column's entries above it summed
   * apart, then the entries right of it by column), so r is the permuted r of mul, bit for bit.
   */
  private residualPermuted(x: Float64Array, rhs: Float64Array, r: Float64Array): number {
    const { ptr, diagEnd, colEnd, col, val, oneDiagonal } = this.rows;
    let m = 0;
    for (let k = 0; k < this.NN; k++) {
      let t = ptr[k];
      const ce = colEnd[k];
      const e = ptr[k + 1];
      let y = 0;
      if (oneDiagonal) y += val[t++] * x[k];
      else for (const de = diagEnd[k]; t < de; t++) y += val[t] * x[col[t]];
      let s = 0;
      for (; t < ce; t++) s += val[t] * x[col[t]];
      y += s;
      for (; t < e; t++) y += val[t] * x[col[t]];
      const rk = rhs[k] - y;
      r[k] = rk;
      const a = Math.abs(rk);
      if (a > m || a !== a) m = a;
    }
    return m;
  }

  /** {@link residualPermuted} for two vectors in one pass; returns ‖ra‖∞ and leaves ‖rb‖∞ in rnB. */
  private residualPermuted2(xa: Float64Array, ba: Float64Array, ra: Float64Array, xb: Float64Array, bb: Float64Array, rb: Float64Array): number {
    const { ptr, diagEnd, colEnd, col, val, oneDiagonal } = this.rows;
    let ma = 0;
    let mb = 0;
    for (let k = 0; k < this.NN; k++) {
      let t = ptr[k];
      const ce = colEnd[k];
      const e = ptr[k + 1];
      let ya = 0;
      let yb = 0;
      if (oneDiagonal) {
        const v = val[t++];
        ya += v * xa[k];
        yb += v * xb[k];
      } else {
        for (const de = diagEnd[k]; t < de; t++) {
          const c = col[t];
          ya += val[t] * xa[c];
          yb += val[t] * xb[c];
        }
      }
      let sa = 0;
      let sb = 0;
      for (; t < ce; t++) {
        const v = val[t];
        const c = col[t];
        sa += v * xa[c];
        sb += v * xb[c];
      }
      ya += sa;
      yb += sb;
      for (; t < e; t++) {
        const v = val[t];
        const c = col[t];
        ya += v * xa[c];
        yb += v * xb[c];
      }
      const rka = ba[k] - ya;
      const rkb = bb[k] - yb;
      ra[k] = rka;
      rb[k] = rkb;
      const aa = Math.abs(rka);
      if (aa > ma || aa !== aa) ma = aa;
      const ab = Math.abs(rkb);
      if (ab > mb || ab !== ab) mb = ab;
    }
    this.rnB = mb;
    return ma;
  }

  /**
   * Solve K x = rhs with iterative refinement against the unregularised K;
   * a refinement step that increases the residual is undone. The refinement runs in the factor's pivot
   * ordering (rhs permuted in and x out once per solve, neighbouring entries stay close in memory).
   */
  solve(rhsIn: Float64Array, xOut: Float64Array, refine = this.refine): void {
    const A = this.stA;
    A.start(this.gather(rhsIn, A.rhs, A.x));
    this.factor.solvePermuted(A.x);
    for (let it = 0; it <= refine && A.active; it++) {
      if (A.next(this.residualPermuted(A.x, A.rhs, A.res), it, refine)) {
        this.factor.solvePermuted(A.res, A.x); // res ← K⁻¹res, x += res
        A.swap();
      }
    }
    this.finish(A, xOut);
  }

  /**
   * Two independent solves K x = rhs (as {@link solve}, each with its own refinement and the same
   * arithmetic), sharing the passes over L and K while both refine.
   */
  solvePair(rhsA: Float64Array, outA: Float64Array, rhsB: Float64Array, outB: Float64Array, refine = this.refine): void {
    const A = this.stA;
    const B = this.stB;
    A.start(this.gather(rhsA, A.rhs, A.x));
    B.start(this.gather(rhsB, B.rhs, B.x));
    this.factor.solvePermuted2(A.x, B.x);
    for (let it = 0; it <= refine && (A.active || B.active); it++) {
      let goA = false;
      let goB = false;
      if (A.active && B.active) {
        const rnA = this.residualPermuted2(A.x, A.rhs, A.res, B.x, B.rhs, B.res);
        goA = A.next(rnA, it, refine);
        goB = B.next(this.rnB, it, refine);
      } else if (A.active) goA = A.next(this.residualPermuted(A.x, A.rhs, A.res), it, refine);
      else goB = B.next(this.residualPermuted(B.x, B.rhs, B.res), it, refine);
      if (goA && goB) this.factor.solvePermuted2(A.res, B.res, A.x, B.x);
      else if (goA) this.factor.solvePermuted(A.res, A.x);
      else if (goB) this.factor.solvePermuted(B.res, B.x);
      if (goA) A.swap();
      if (goB) B.swap();
    }
    this.finish(A, outA);
    this.finish(B, outB);
  }

  /** rhs and x ← rhsIn in the pivot ordering (zero on expansion nodes); returns ‖rhs‖∞. */
  private gather(rhsIn: Float64Array, rhs: Float64Array, x: Float64Array): number {
    const N = this.N;
    const perm = this.factor.perm;
    let bn = 0;
    for (let k = 0; k < this.NN; k++) {
      const o = perm[k];
      const v = o < N ? rhsIn[o] : 0;
      rhs[k] = v;
      x[k] = v;
      const a = Math.abs(v);
      if (a > bn || a !== a) bn = a;
    }
    return bn;
  }

  /** xOut ← the solution in the original ordering; the residual statistics. */
  private finish(st: Refinement, xOut: Float64Array): void {
    const N = this.N;
    const perm = this.factor.perm;
    const x = st.x;
    for (let k = 0; k < this.NN; k++) {
      const o = perm[k];
      if (o < N) xOut[o] = x[k];
    }
    const rel = st.last / (1 + st.bn);
    if (rel > this.maxResidual && Number.isFinite(rel)) this.maxResidual = rel;
    if (rel > this.iterResidual && Number.isFinite(rel)) this.iterResidual = rel;
  }
}

/** One right-hand side's refinement state, in the pivot ordering. */
class Refinement {
  readonly rhs: Float64Array;
  readonly x: Float64Array;
  /** res receives the residual, which becomes the next correction in place; cor holds the last one. */
  res: Float64Array;
  cor: Float64Array;
  bn = 0;
  last = Infinity;
  active = true;

  constructor(NN: number) {
    this.rhs = new Float64Array(NN);
    this.x = new Float64Array(NN);
    this.res = new Float64Array(NN);
    this.cor = new Float64Array(NN);
  }

  start(bn: number): void {
    this.bn = bn;
    this.last = Infinity;
    this.active = true;
  }

  /**
   * The refinement rule for the residual norm rn at step it: undo the last correction if rn did not
   * decrease (or is NaN); stop when accurate (abs 1e-12 + rel 1e-13), when a step gained less than a
   * factor 5, or after `refine` steps. Returns whether to apply a correction K⁻¹res.
   */
  next(rn: number, it: number, refine: number): boolean {
    if (!(rn < this.last)) {
      if (it > 0) {
        const x = this.x;
        const cor = this.cor;
        for (let i = 0; i < x.length; i++) x[i] -= cor[i];
      }
      this.active = false;
      return false;
    }
    const slow = rn > this.last / 5;
    this.last = rn;
    if (it === refine || rn <= 1e-12 + 1e-13 * this.bn || slow) {
      this.active = false;
      return false;
    }
    return true;
  }

  swap(): void {
    const t = this.cor;
    this.cor = this.res;
    this.res = t;
  }
}

/**
 * K's rows in the pivot ordering, each in the order in which {@link Kkt.mul} sums it: row k (original
 * row perm[k]) holds its diagonal entries [ptr[k], diagEnd[k]), the other entries of its column of the
 * upper triangle in storage order [diagEnd[k], colEnd[k]), then its entries right of the diagonal by
 * increasing original column [colEnd[k], ptr[k+1]); col holds pivot indices. val[slot[t]] = K.values[entry[t]]
 * for the entries the scaling rewrites (the rest are copied once).
 */
interface PivotRows {
  /** Whether every row has exactly one diagonal entry (KKT patterns do). */
  oneDiagonal: boolean;
  ptr: Int32Array;
  diagEnd: Int32Array;
  colEnd: Int32Array;
  col: Int32Array;
  val: Float64Array;
  slot: Int32Array;
  entry: Int32Array;
}

/** Marks the entries of K that setScaling rewrites: the cone blocks' slots and the expansion columns. */
function scalingSlots(n: number, m: number, N: number, K: UpperCsc, blockPos: Int32Array): Uint8Array {
  const dyn = new Uint8Array(K.colPtr[K.n]);
  for (let i = 0; i < m; i++) for (let p = blockPos[i]; p < K.colPtr[n + i + 1]; p++) dyn[p] = 1;
  for (let p = K.colPtr[N]; p < K.colPtr[K.n]; p++) dyn[p] = 1;
  return dyn;
}

/** The entries marked in `dyn` that are not on the diagonal, in storage order. */
function offDiagonal(K: UpperCsc, dyn: Uint8Array): Int32Array {
  let c = 0;
  for (let j = 0; j < K.n; j++) for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) if (dyn[p] && K.rowIdx[p] !== j) c++;
  const out = new Int32Array(c);
  c = 0;
  for (let j = 0; j < K.n; j++) for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) if (dyn[p] && K.rowIdx[p] !== j) out[c++] = p;
  return out;
}

/** Build {@link PivotRows} from the upper CSC K and the factor's permutation. */
function pivotRows(K: UpperCsc, perm: Int32Array, pinv: Int32Array, dyn: Uint8Array): PivotRows {
  const NN = K.n;
  const { colPtr, rowIdx, values } = K;
  const nDiag = new Int32Array(NN);
  const nCol = new Int32Array(NN);
  const nRight = new Int32Array(NN);
  let nDyn = 0;
  for (let j = 0; j < NN; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      const twice = i === j ? 1 : 2;
      if (i === j) nDiag[j]++;
      else {
        nCol[j]++;
        nRight[i]++;
      }
      if (dyn[p]) nDyn += twice;
    }
  }
  const ptr = new Int32Array(NN + 1);
  const diagEnd = new Int32Array(NN);
  const colEnd = new Int32Array(NN);
  for (let k = 0; k < NN; k++) {
    const o = perm[k];
    diagEnd[k] = ptr[k] + nDiag[o];
    colEnd[k] = diagEnd[k] + nCol[o];
    ptr[k + 1] = colEnd[k] + nRight[o];
  }
  const nz = ptr[NN];
  const col = new Int32Array(nz);
  const val = new Float64Array(nz);
  const slot = new Int32Array(nDyn);
  const entry = new Int32Array(nDyn);
  // the strict upper triangle by rows (row i by increasing column): pivot index of the column rc,
  // value rv, entry re (−1 when the scaling never rewrites it)
  const rp = new Int32Array(NN + 1);
  for (let i = 0; i < NN; i++) rp[i + 1] = rp[i] + nRight[i];
  const rc = new Int32Array(rp[NN]);
  const rv = new Float64Array(rp[NN]);
  const re = new Int32Array(rp[NN]);
  const cur = rp.slice(0, NN);
  for (let j = 0; j < NN; j++) {
    const pj = pinv[j];
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i !== j) {
        const q = cur[i]++;
        rc[q] = pj;
        rv[q] = values[p];
        re[q] = dyn[p] ? p : -1;
      }
    }
  }
  // row o (pivot row k = pinv[o]): diagonal, the rest of column o in storage order, row o of the upper
  // triangle; filled by original row (sequential reads)
  let w = 0;
  for (let o = 0; o < NN; o++) {
    const k = pinv[o];
    let t = ptr[k];
    const c0 = colPtr[o];
    const c1 = colPtr[o + 1];
    for (let p = c0; p < c1; p++) {
      if (rowIdx[p] !== o) continue;
      col[t] = k;
      val[t] = values[p];
      if (dyn[p]) {
        slot[w] = t;
        entry[w++] = p;
      }
      t++;
    }
    for (let p = c0; p < c1; p++) {
      const i = rowIdx[p];
      if (i === o) continue;
      col[t] = pinv[i];
      val[t] = values[p];
      if (dyn[p]) {
        slot[w] = t;
        entry[w++] = p;
      }
      t++;
    }
    for (let q = rp[o]; q < rp[o + 1]; q++) {
      col[t] = rc[q];
      val[t] = rv[q];
      if (re[q] >= 0) {
        slot[w] = t;
        entry[w++] = re[q];
      }
      t++;
    }
  }
  let oneDiagonal = true;
  for (let j = 0; j < NN; j++) if (nDiag[j] !== 1) oneDiagonal = false;
  return { oneDiagonal, ptr, diagEnd, colEnd, col, val, slot, entry };
}

/** The KKT matrix's pattern with the values of P and Aᵀ, its slots, pivot signs and static regularisation. */
interface KktPattern {
  K: UpperCsc;
  NN: number;
  expanded: Int32Array;
  diagPos: Int32Array;
  blockPos: Int32Array;
  signs: Float64Array;
  shift: Float64Array;
}

/**
 * Upper triangle of [P Aᵀ; A −W²] (columns 0..n−1: P with a diagonal slot each; column n+i: row i of A,
 * then the cone block's slots down to the diagonal), plus two columns per expanded cone (p: +1, r: −1).
 */
function kktPattern(n: number, m: number, P: CscMatrix | undefined, A: CscMatrix, L: ConeLayout, reg: number): KktPattern {
  const N = n + m;
  const At = transpose(A); // column i of At = row i of A
  const coneOf = new Int32Array(m);
  for (let c = 0; c < L.kind.length; c++) for (let i = 0; i < L.dim[c]; i++) coneOf[L.start[c] + i] = c;
  // second-order cones larger than SOC_DENSE_MAX get the sparse expansion (two extra nodes each)
  const expanded = new Int32Array(L.kind.length).fill(-1);
  let nexp = 0;
  for (let c = 0; c < L.kind.length; c++) if (L.kind[c] === SOC && L.dim[c] > SOC_DENSE_MAX) expanded[c] = nexp++;
  const NN = N + 2 * nexp;
  const colPtr = columnPointers(n, m, P, At, L, coneOf, expanded, NN);
  const nnz = colPtr[NN];
  const K: UpperCsc = { n: NN, colPtr, rowIdx: new Int32Array(nnz), values: new Float64Array(nnz) };
  const pat: KktPattern = { K, NN, expanded, diagPos: new Int32Array(NN), blockPos: new Int32Array(m), signs: new Float64Array(NN), shift: new Float64Array(NN) };
  fillP(pat, n, P);
  fillConstraints(pat, n, m, At, L, coneOf);
  for (let j = 0; j < N; j++) {
    pat.signs[j] = j < n ? 1 : -1;
    pat.shift[j] = j < n ? reg : -reg;
  }
  fillExpansions(pat, n, N, L, reg);
  return pat;
}

/** Column pointers: P's column (plus a diagonal slot if absent), Aᵀ's column plus the cone block, the expansion columns. */
function columnPointers(n: number, m: number, P: CscMatrix | undefined, At: CscMatrix, L: ConeLayout, coneOf: Int32Array, expanded: Int32Array, NN: number): Int32Array {
  const colPtr = new Int32Array(NN + 1);
  for (let j = 0; j < n; j++) {
    let c = 0;
    let hasDiag = false;
    if (P) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
      c++;
      if (P.rowIdx[p] === j) hasDiag = true;
    }
    colPtr[j + 1] = c + (hasDiag ? 0 : 1);
  }
  for (let i = 0; i < m; i++) {
    const c = coneOf[i];
    const blk = L.kind[c] === SOC && expanded[c] < 0 ? i - L.start[c] + 1 : 1;
    colPtr[n + i + 1] = At.colPtr[i + 1] - At.colPtr[i] + blk;
  }
  const N = n + m;
  for (let c = 0; c < L.kind.length; c++) {
    const k = expanded[c];
    if (k < 0) continue;
    colPtr[N + 2 * k + 1] = L.dim[c] + 1; // column p: η·u over the cone rows + diagonal +1
    colPtr[N + 2 * k + 2] = L.dim[c] + 1; // column r: η·v over the cone rows + diagonal −1
  }
  for (let j = 0; j < NN; j++) colPtr[j + 1] += colPtr[j];
  return colPtr;
}

/** Columns 0..n−1: P's entries, a zero diagonal where P has none. */
function fillP(pat: KktPattern, n: number, P: CscMatrix | undefined): void {
  const { colPtr, rowIdx, values } = pat.K;
  for (let j = 0; j < n; j++) {
    let w = colPtr[j];
    let hasDiag = false;
    if (P) for (let p = P.colPtr[j]; p < P.colPtr[j + 1]; p++) {
      rowIdx[w] = P.rowIdx[p];
      values[w] = P.values[p];
      if (P.rowIdx[p] === j) {
        hasDiag = true;
        pat.diagPos[j] = w;
      }
      w++;
    }
    if (!hasDiag) {
      rowIdx[w] = j;
      values[w] = 0;
      pat.diagPos[j] = w;
    }
  }
}

/** Column n+i: row i of A, then the slots of the cone block (dense SOC: rows start..i; else the diagonal). */
function fillConstraints(pat: KktPattern, n: number, m: number, At: CscMatrix, L: ConeLayout, coneOf: Int32Array): void {
  const { colPtr, rowIdx, values } = pat.K;
  for (let i = 0; i < m; i++) {
    let w = colPtr[n + i];
    for (let p = At.colPtr[i]; p < At.colPtr[i + 1]; p++) {
      rowIdx[w] = At.rowIdx[p];
      values[w] = At.values[p];
      w++;
    }
    pat.blockPos[i] = w;
    const c = coneOf[i];
    if (L.kind[c] === SOC && pat.expanded[c] < 0) {
      for (let r = L.start[c]; r <= i; r++) rowIdx[w++] = n + r;
    } else rowIdx[w++] = n + i;
    pat.diagPos[n + i] = w - 1;
  }
}

/** The two columns of each expanded cone: the cone's rows, then the diagonal (+1 for p, −1 for r). */
function fillExpansions(pat: KktPattern, n: number, N: number, L: ConeLayout, reg: number): void {
  const { colPtr, rowIdx, values } = pat.K;
  for (let c = 0; c < L.kind.length; c++) {
    const k = pat.expanded[c];
    if (k < 0) continue;
    for (let e = 0; e < 2; e++) {
      const col = N + 2 * k + e;
      let w = colPtr[col];
      for (let r = 0; r < L.dim[c]; r++) rowIdx[w++] = n + L.start[c] + r;
      rowIdx[w] = col;
      pat.diagPos[col] = w;
      values[w] = e === 0 ? 1 : -1;
      pat.signs[col] = e === 0 ? 1 : -1;
      pat.shift[col] = e === 0 ? reg : -reg;
    }
  }
}
