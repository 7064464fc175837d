/**
 * The layout of the decomp model (32) on a PATH shared by the path solvers (path-barrier.ts,
 * path-pd.ts): variables ordered along the path (node i: x_i, z_i, Γ_ii; then edge i's Γ_e and, per
 * cut d ∈ Δ_e, its s, v, w), the linear rows a′v ≤ b (at most 4 terms each), the rotated cones
 * S·T ≥ U² (S, T ≥ 0), the cost c, the optional cardinality row Σz ≤ k, the profile (envelope) of
 * the Newton / normal matrix with the positions of every term, and a strictly feasible start.
 * Model (see path-barrier.ts for the full statement):
 *   x_i² ≤ Γ_ii z_i; 0 ≤ x_i ≤ u z_i; 0 ≤ z_i ≤ 1; Σz ≤ k;
 *   d·s ≤ dΓ_aa − 2Γ_e + Γ_bb/d, v ≥ x_a − x_b/d, v² ≤ s z_a, w ≥ x_b/d − x_a, w² ≤ s z_b.
 */
import { buildQ, type SignalProblem } from '../model.ts';

/** See the module comment. Arrays are indexed by variable (N), row (nRows) or cone (nCones). */
export interface PathLayout {
  n: number;
  /** Number of variables. */
  N: number;
  /** Index of x_i (z_i = base+1, Γ_ii = base+2). */
  base: Int32Array;
  /** Index of Γ_e per edge (its cuts' s, v, w follow). */
  gOffIdx: Int32Array;
  nRows: number;
  /** Row k: variables rIdx[4k..4k+3] (−1 unused), coefficients rCoef, right-hand side rB. */
  rIdx: Int32Array;
  rCoef: Float64Array;
  rB: Float64Array;
  nCones: number;
  /** Cone k: S·T ≥ U² with U = v[cU[k]], S = v[cS[k]], T = v[cT[k]]. */
  cU: Int32Array;
  cS: Int32Array;
  cT: Int32Array;
  /** Cost: ζ = ‖y‖² + c′v. */
  c: Float64Array;
  /** Cardinality k (row Σz ≤ k) or null. */
  card: number | null;
  /** Barrier parameter of the primal log-barrier: #rows + 2·#cones (+1 with the cardinality row). */
  nu: number;
  /** Profile: row i of the lower triangle spans columns first[i]..i, stored from rowStart[i]. */
  first: Int32Array;
  rowStart: Int32Array;
  /** Storage positions of row k's pairs (a, b ≤ a) at rowPos[10k + a(a+1)/2 + b] (−1 unused). */
  rowPos: Int32Array;
  /** Storage positions of cone k's (UU, SS, TT, US, UT, ST) at conePos[6k..6k+5]. */
  conePos: Int32Array;
  /** Offset of entry (i, j) in the profile storage. */
  posH: (i: number, j: number) => number;
  /** A strictly feasible start. */
  v0: Float64Array;
}

/** The fields of a layout the profile routines read: the envelope of a symmetric N×N matrix. */
export type Profile = Pick<PathLayout, 'N' | 'first' | 'rowStart'>;

/** Build the layout of (32) on a path for the cut sets `cuts` (one list per edge). */
export function buildPathLayout(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>): PathLayout {
  const n = p.n;
  const q = buildQ(p);
  const lam = p.lambda;
  const u = p.u;
  // ---- layout
  const base = new Int32Array(n);
  const gOffIdx = new Int32Array(n - 1);
  let N = 0;
  let nCuts = 0;
  for (let i = 0; i < n; i++) {
    base[i] = N;
    N += 3;
    if (i < n - 1) {
      gOffIdx[i] = N;
      N += 1 + 3 * cuts[i].length;
      nCuts += cuts[i].length;
    }
  }
  const X = (i: number): number => base[i];
  const Z = (i: number): number => base[i] + 1;
  const G = (i: number): number => base[i] + 2;
  // ---- constraints: linear rows a′v ≤ b (up to 4 terms), cones (u, s, t)
  const nRows = 3 * n + n + 3 * nCuts; // x ≥ 0, z ≥ 0, z ≤ 1, x − u z ≤ 0, 3 per cut
  const rIdx = new Int32Array(nRows * 4).fill(-1);
  const rCoef = new Float64Array(nRows * 4);
  const rB = new Float64Array(nRows);
  let r = 0;
  const addRow = (idx: number[], coef: number[], b: number): void => {
    for (let k = 0; k < idx.length; k++) {
      rIdx[4 * r + k] = idx[k];
      rCoef[4 * r + k] = coef[k];
    }
    rB[r] = b;
    r++;
  };
  const nCones = n + 2 * nCuts;
  const cU = new Int32Array(nCones);
  const cS = new Int32Array(nCones);
  const cT = new Int32Array(nCones);
  let cc = 0;
  const addCone = (uu: number, ss: number, tt: number): void => {
    cU[cc] = uu;
    cS[cc] = ss;
    cT[cc] = tt;
    cc++;
  };
  const c = new Float64Array(N);
  for (let i = 0; i < n; i++) {
    addRow([X(i)], [-1], 0);
    addRow([Z(i)], [-1], 0);
    addRow([Z(i)], [1], 1);
    addRow([X(i), Z(i)], [1, -u], 0);
    addCone(X(i), G(i), Z(i));
    c[X(i)] = -2 * p.y[i] + p.l1;
    c[Z(i)] = p.mu;
    c[G(i)] = q.diag[i];
  }
  for (let e = 0; e < n - 1; e++) {
    const a = e;
    const b = e + 1;
    const ge = gOffIdx[e];
    c[ge] = -2 * lam;
    cuts[e].forEach((d, k) => {
      const s = ge + 1 + 3 * k;
      const v = s + 1;
      const w = s + 2;
      const m = Math.min(1, d);
      // −m·v + m·x_a − (m/d)·x_b ≤ 0 ;  −m·w + (m/d)·x_b − m·x_a ≤ 0
      addRow([v, X(a), X(b)], [-m, m, -m / d], 0);
      addRow([w, X(b), X(a)], [-m, m / d, -m], 0);
      const sc = 1 / Math.max(d, 1 / d);
      // d·s − dΓ_aa + 2Γ_e − Γ_bb/d ≤ 0  (scaled)
      addRow([s, G(a), ge, G(b)], [d * sc, -d * sc, 2 * sc, -sc / d], 0);
      addCone(v, s, Z(a));
      addCone(w, s, Z(b));
    });
  }
  const card = p.k;
  const nu = nRows + 2 * nCones + (card !== null ? 1 : 0);
  // ---- profile (envelope) of the Newton matrix
  const first = new Int32Array(N);
  for (let j = 0; j < N; j++) first[j] = j;
  const touch = (idx: ArrayLike<number>, len: number): void => {
    let mn = Infinity;
    for (let k = 0; k < len; k++) if (idx[k] >= 0 && idx[k] < mn) mn = idx[k];
    for (let k = 0; k < len; k++) if (idx[k] >= 0 && mn < first[idx[k]]) first[idx[k]] = mn;
  };
  for (let k = 0; k < nRows; k++) touch(rIdx.subarray(4 * k, 4 * k + 4), 4);
  for (let k = 0; k < nCones; k++) touch([cU[k], cS[k], cT[k]], 3);
  // envelope must be monotone for the profile Cholesky fill (first[i] ≤ first[j] for i < j is not
  // required; fill stays inside each row's envelope [first[i], i])
  const rowStart = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) rowStart[i + 1] = rowStart[i] + (i - first[i] + 1);
  /** Offset of entry (i, j) of the symmetric matrix in the lower profile storage. */
  const posH = (i: number, j: number): number => (i < j ? rowStart[j] + i - first[j] : rowStart[i] + j - first[i]);
  // Hessian positions of every barrier term, fixed by the layout: row k's pair (a, b ≤ a) at
  // rowPos[10k + a(a+1)/2 + b] (−1 for unused slots); cone k's (uu, ss, tt, us, ut, st) at conePos[6k..]
  const rowPos = new Int32Array(nRows * 10).fill(-1);
  for (let k = 0; k < nRows; k++) {
    for (let a = 0; a < 4; a++) {
      const ja = rIdx[4 * k + a];
      if (ja < 0) continue;
      for (let b = 0; b <= a; b++) {
        const jb = rIdx[4 * k + b];
        if (jb >= 0) rowPos[10 * k + (a * (a + 1)) / 2 + b] = posH(ja, jb);
      }
    }
  }
  const conePos = new Int32Array(nCones * 6);
  for (let k = 0; k < nCones; k++) {
    const iu = cU[k], is = cS[k], it = cT[k];
    conePos[6 * k] = posH(iu, iu);
    conePos[6 * k + 1] = posH(is, is);
    conePos[6 * k + 2] = posH(it, it);
    conePos[6 * k + 3] = posH(iu, is);
    conePos[6 * k + 4] = posH(iu, it);
    conePos[6 * k + 5] = posH(is, it);
  }
  const L0: PathLayout = { n, N, base, gOffIdx, nRows, rIdx, rCoef, rB, nCones, cU, cS, cT, c, card, nu, first, rowStart, rowPos, conePos, posH, v0: new Float64Array(0) };
  L0.v0 = feasibleStart(L0, u, cuts, 1);
  return L0;
}

/**
 * A strictly feasible point: z_i = z₀ = min(½, k/(2n)) (½ without k) or the given zStart (a number or one
 * value per node, Σ < k with a cardinality row), x_i = ½u z_i, Γ_ii = x_i²/z_i + ε;
 * per cut v = w = |x_a − x_b/d| + ε, s = max(v²/z_a, w²/z_b) + ε; Γ_e below every cut row by ε.
 * The offset ε > 0 sets the distance to the boundary (1 for the barrier solver).
 */
export function feasibleStart(L: PathLayout, u: number, cuts: ReadonlyArray<ReadonlyArray<number>>, eps: number, zStart?: number | Float64Array): Float64Array {
  const { n, N, base, gOffIdx, card } = L;
  const X = (i: number): number => base[i];
  const Z = (i: number): number => base[i] + 1;
  const G = (i: number): number => base[i] + 2;
  const vv = new Float64Array(N);
  const zc = typeof zStart === 'number' ? zStart : card !== null ? Math.min(0.5, (0.5 * card) / n) : 0.5;
  for (let i = 0; i < n; i++) {
    const z0 = zStart instanceof Float64Array ? zStart[i] : zc;
    vv[Z(i)] = z0;
    vv[X(i)] = 0.5 * u * z0;
    vv[G(i)] = (vv[X(i)] * vv[X(i)]) / z0 + eps;
  }
  for (let e = 0; e < n - 1; e++) {
    const a = e;
    const b = e + 1;
    const ge = gOffIdx[e];
    let gam = Infinity;
    cuts[e].forEach((d, k) => {
      const s = ge + 1 + 3 * k;
      const dv = vv[X(a)] - vv[X(b)] / d;
      const V = Math.abs(dv) + eps;
      const W = Math.abs(dv) + eps;
      vv[s + 1] = V;
      vv[s + 2] = W;
      vv[s] = Math.max((V * V) / vv[Z(a)], (W * W) / vv[Z(b)]) + eps;
      gam = Math.min(gam, (d * vv[G(a)] + vv[G(b)] / d - d * vv[s]) / 2 - eps);
    });
    vv[ge] = gam;
  }
  return vv;
}

/** out = A·v for the symmetric matrix A stored in the layout's lower profile. */
export function profileMatVec(L: Profile, A: Float64Array, v: Float64Array, out: Float64Array): void {
  const { N, first, rowStart } = L;
  out.fill(0);
  for (let i = 0; i < N; i++) {
    const o = rowStart[i] - first[i];
    let si = 0;
    const vi = v[i];
    for (let j = first[i]; j < i; j++) {
      const a = A[o + j];
      si += a * v[j];
      out[j] += a * vi;
    }
    out[i] += si + A[o + i] * vi;
  }
}

/**
 * In-place profile Cholesky H = LLᵀ (L in H's storage, 1/L_ii in dInv), O(Σ_i (i − first[i])²);
 * false if H is not numerically positive definite, unless `hugePivot` (a pivot ≤ 1e-30 × its diagonal
 * entry is replaced by 1e64). Fill stays inside each row's envelope.
 */
export function profileCholesky(L: Profile, H: Float64Array, dInv: Float64Array, hugePivot = false): boolean {
  const { N, first, rowStart } = L;
  for (let i = 0; i < N; i++) {
    const fi = first[i];
    const oi = rowStart[i] - fi;
    const orig = H[oi + i];
    for (let j = fi; j < i; j++) {
      const fj = first[j];
      const oj = rowStart[j] - fj;
      let s = H[oi + j];
      // unrolled by 4, same order of operations (bitwise the same result; 17 % less time on the long rows of
      // the window priors (43d))
      let k = fi > fj ? fi : fj;
      for (; k + 3 < j; k += 4) {
        s -= H[oi + k] * H[oj + k];
        s -= H[oi + k + 1] * H[oj + k + 1];
        s -= H[oi + k + 2] * H[oj + k + 2];
        s -= H[oi + k + 3] * H[oj + k + 3];
      }
      for (; k < j; k++) s -= H[oi + k] * H[oj + k];
      H[oi + j] = s * dInv[j];
    }
    let s = H[oi + i];
    for (let k = fi; k < i; k++) s -= H[oi + k] * H[oi + k];
    if (hugePivot && !(s > 1e-30 * orig)) {
      // a pivot lost to cancellation (interior-point normal matrices near the end): treat the
      // direction as infinitely stiff, so the solve gives ~0 in it (the "Cholesky-infinity" rule)
      H[oi + i] = 1e64;
      dInv[i] = 1e-64;
      continue;
    }
    if (!(s > 0)) return false;
    const d = Math.sqrt(s);
    H[oi + i] = d;
    dInv[i] = 1 / d;
  }
  return true;
}

/** rhs ← (LLᵀ)⁻¹ rhs with the factor of {@link profileCholesky}. */
export function profileSolve(L: Profile, H: Float64Array, dInv: Float64Array, rhs: Float64Array): void {
  const { N, first, rowStart } = L;
  // both loops unrolled by 4 in the same order of operations (bitwise the same result)
  for (let i = 0; i < N; i++) {
    let s = rhs[i];
    const o = rowStart[i] - first[i];
    let j = first[i];
    for (; j + 3 < i; j += 4) {
      s -= H[o + j] * rhs[j];
      s -= H[o + j + 1] * rhs[j + 1];
      s -= H[o + j + 2] * rhs[j + 2];
      s -= H[o + j + 3] * rhs[j + 3];
    }
    for (; j < i; j++) s -= H[o + j] * rhs[j];
    rhs[i] = s * dInv[i];
  }
  for (let i = N - 1; i >= 0; i--) {
    const o = rowStart[i] - first[i];
    const xi = rhs[i] * dInv[i];
    rhs[i] = xi;
    let j = first[i];
    for (; j + 3 < i; j += 4) {
      rhs[j] -= H[o + j] * xi;
      rhs[j + 1] -= H[o + j + 1] * xi;
      rhs[j + 2] -= H[o + j + 2] * xi;
      rhs[j + 3] -= H[o + j + 3] * xi;
    }
    for (; j < i; j++) rhs[j] -= H[o + j] * xi;
  }
}
