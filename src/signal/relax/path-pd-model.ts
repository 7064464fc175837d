/**
 * The model the primal–dual path solver (path-pd.ts) works on: the decomp model (32) on a PATH, with or
 * without affine priors on z (Decomp-prior (43) of AGH21 §5.2.2), as
 *
 *   ζ = ‖y‖² + min c′v  s.t.  a_k′v ≤ b_k (sparse rows),  S_k·T_k ≥ U_k² (rotated cones),  Σ_{j∈J} v_j ≤ k (optional dense row),
 *
 * with the profile (envelope) of its normal matrix and the positions of every row's and cone's terms in it.
 * Two builders: {@link layoutModel} from the prior-free layout of path-layout.ts, and {@link priorModel},
 * which adds the priors' rows:
 *   - every linear prior Σ_t coef_t z_{i_t} (≤ | ≥) rhs as one more row (the windows (43d) have 2h + 1 terms);
 *   - the switch count (43c) Σ_e |z_{e+1} − z_e| ≤ max through two variables per edge, placed right after the
 *     edge's cut variables: t_e with rows ±(z_{e+1} − z_e) − t_e ≤ 0, and a running sum S_e ≥ S_{e−1} + t_e with
 *     S_{n−2} ≤ max (local rows only: as a dense row Σt ≤ max next to Σz ≤ k, the rank-2 update lost the
 *     iteration near the end at n = 1,000).
 * The windows make each z_i's row of the normal matrix reach back 2h nodes, so its profile holds about
 * 2h·(4 + 3|Δ|) entries per z row; every other row keeps the path's short profile.
 */
import type { SignalProblem } from '../model.ts';
import { buildPathLayout, feasibleStart, type PathLayout, type Profile } from './path-layout.ts';

/** See the module comment. Arrays are indexed by variable (N), row (nRows) or cone (nCones). */
export interface PdModel {
  n: number;
  N: number;
  /** x_i, z_i, Γ_ii at base[i], base[i]+1, base[i]+2; Γ_e at gOff[e]. */
  base: Int32Array;
  gOff: Int32Array;
  /** Row k: a_k′v ≤ b_k with terms rc[t]·v[ri[t]], t ∈ [rp[k], rp[k+1]). */
  nRows: number;
  rp: Int32Array;
  ri: Int32Array;
  rc: Float64Array;
  rb: Float64Array;
  /** Cone k: S·T ≥ U² with U = v[cU[k]], S = v[cS[k]], T = v[cT[k]]. */
  nCones: number;
  cU: Int32Array;
  cS: Int32Array;
  cT: Int32Array;
  /** Cost: ζ = ‖y‖² + c′v. */
  c: Float64Array;
  /**
   * The dense row Σ_{j ∈ idx} v_j ≤ rhs (Σz ≤ k), or null. `capacitance`: its Sherman–Morrison update is
   * evaluated in capacitance form, coefficient (1/(1_Jᵀ H₀⁻¹ 1_J + s_c/l_c))·1_Jᵀx, and its complementarity
   * term is added to the gap before the cones' — the same quantities as without it, rounded in another
   * order: the order of the former separate priors solver, kept so that its results stay bitwise the same.
   */
  card: { idx: Int32Array; rhs: number; capacitance: boolean } | null;
  /** Profile of the normal matrix. */
  prof: Profile;
  /** Row k's Hessian pairs at pp[k]..pp[k+1]: positions in the profile and coefficient products. */
  pp: Int32Array;
  pairPos: Int32Array;
  pairCoef: Float64Array;
  /** Positions of cone k's (UU, SS, TT, US, UT, ST) at conePos[6k..6k+5]. */
  conePos: Int32Array;
  /** A strictly feasible start. */
  v0: Float64Array;
  /**
   * Models with priors: the prior-free layout they extend, where its variables went (`vMap[j]` = index of
   * layout variable j), and the indices of the variables the priors added (t_e, S_e), ascending. The layout's
   * rows come first (same order) and its cones are the model's cones (same order).
   */
  layout?: { L: PathLayout; vMap: Int32Array; extra: Int32Array };
}

/**
 * The prior-free model from the path layout: rows in compressed form (the layout's 4 slots per row are
 * 2.3 used on average), each row's Hessian pairs (position, a_i·a_j), and the start v0.
 */
export function layoutModel(L: PathLayout, v0: Float64Array): PdModel {
  const { nRows, rIdx, rCoef, rowPos } = L;
  const rp = new Int32Array(nRows + 1);
  for (let k = 0; k < nRows; k++) {
    let m = 0;
    for (let t = 0; t < 4; t++) if (rIdx[4 * k + t] >= 0) m++;
    rp[k + 1] = rp[k] + m;
  }
  const ri = new Int32Array(rp[nRows]);
  const rc = new Float64Array(rp[nRows]);
  const pp = new Int32Array(nRows + 1);
  for (let k = 0; k < nRows; k++) {
    let o = rp[k];
    let m = 0;
    for (let t = 0; t < 4; t++) {
      if (rIdx[4 * k + t] < 0) continue;
      ri[o] = rIdx[4 * k + t];
      rc[o++] = rCoef[4 * k + t];
      m++;
    }
    pp[k + 1] = pp[k] + (m * (m + 1)) / 2;
  }
  const pairPos = new Int32Array(pp[nRows]);
  const pairCoef = new Float64Array(pp[nRows]);
  for (let k = 0; k < nRows; k++) {
    let o = pp[k];
    for (let a = 0; a < 4; a++) {
      if (rIdx[4 * k + a] < 0) continue;
      for (let b = 0; b <= a; b++) {
        if (rIdx[4 * k + b] < 0) continue;
        pairPos[o] = rowPos[10 * k + (a * (a + 1)) / 2 + b];
        pairCoef[o++] = rCoef[4 * k + a] * rCoef[4 * k + b];
      }
    }
  }
  const card = L.card === null ? null : { idx: Int32Array.from(L.base, (b) => b + 1), rhs: L.card, capacitance: false };
  return {
    n: L.n, N: L.N, base: L.base, gOff: L.gOffIdx, nRows, rp, ri, rc, rb: L.rB, nCones: L.nCones, cU: L.cU, cS: L.cS, cT: L.cT, c: L.c,
    card, prof: L, pp, pairPos, pairCoef, conePos: L.conePos, v0,
  };
}

/** Rows under construction: variables, coefficients, right-hand sides. */
interface RowList {
  I: number[][];
  C: number[][];
  b: number[];
}

/**
 * The model with priors: the prior-free layout with t_e, S_e inserted and the prior rows added (see the
 * module comment); null if the start is not strictly feasible for some prior row.
 */
export function priorModel(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>): PdModel | null {
  const n = p.n;
  const L: PathLayout = buildPathLayout({ ...p, priors: [] }, cuts);
  const sw = p.priors.find((pr) => pr.kind === 'switches');
  const hasT = sw !== undefined;
  // new index of a layout variable: each t_e sits right before node e+1's block
  const owner = new Int32Array(L.N);
  for (let i = 0; i < n; i++) {
    const end = i + 1 < n ? L.base[i + 1] : L.N;
    for (let j = L.base[i]; j < end; j++) owner[j] = i;
  }
  const map = (j: number): number => (hasT ? j + 2 * owner[j] : j);
  const N = L.N + (hasT ? 2 * (n - 1) : 0);
  const base = Int32Array.from(L.base, map);
  const gOff = Int32Array.from(L.gOffIdx, map);
  const tIdx = new Int32Array(n - 1).fill(-1);
  const sIdx = new Int32Array(n - 1).fill(-1);
  if (hasT) {
    for (let e = 0; e < n - 1; e++) {
      tIdx[e] = base[e + 1] - 2;
      sIdx[e] = base[e + 1] - 1;
    }
  }
  const Z = (i: number): number => base[i] + 1;
  // rows: the layout's, then switch rows, then the linear priors
  const rows: RowList = { I: [], C: [], b: [] };
  layoutRows(L, map, rows);
  if (sw && sw.kind === 'switches') switchRows(n, Z, tIdx, sIdx, sw.max, rows);
  priorRows(p, Z, rows);
  const card = p.k === null ? null : { idx: Int32Array.from({ length: n }, (_, i) => Z(i)), rhs: p.k, capacitance: true };
  const cU = Int32Array.from(L.cU, map);
  const cS = Int32Array.from(L.cS, map);
  const cT = Int32Array.from(L.cT, map);
  const c = new Float64Array(N);
  for (let j = 0; j < L.N; j++) c[map(j)] = L.c[j];
  const M = compressedModel(N, rows, cU, cS, cT);
  const v0 = priorStart(p, L, cuts, map, N, Z, tIdx, sIdx);
  const vMap = Int32Array.from({ length: L.N }, (_, j) => map(j));
  const isLayout = new Uint8Array(N);
  for (let j = 0; j < L.N; j++) isLayout[vMap[j]] = 1;
  const extra = Int32Array.from([...isLayout.keys()].filter((j) => isLayout[j] === 0));
  const model: PdModel = { n, N, base, gOff, ...M, nCones: L.nCones, cU, cS, cT, c, card, v0, layout: { L, vMap, extra } };
  return strictlyFeasible(model, v0) ? model : null;
}

/** The layout's rows, renumbered by `map`. */
function layoutRows(L: PathLayout, map: (j: number) => number, rows: RowList): void {
  for (let k = 0; k < L.nRows; k++) {
    const I: number[] = [];
    const C: number[] = [];
    for (let t = 0; t < 4; t++) {
      const j = L.rIdx[4 * k + t];
      if (j < 0) continue;
      I.push(map(j));
      C.push(L.rCoef[4 * k + t]);
    }
    rows.I.push(I);
    rows.C.push(C);
    rows.b.push(L.rB[k]);
  }
}

/** The switch count (43c): ±(z_{e+1} − z_e) ≤ t_e, S_e ≥ S_{e−1} + t_e (S_{−1} = 0), S_{n−2} ≤ max. */
function switchRows(n: number, Z: (i: number) => number, tIdx: Int32Array, sIdx: Int32Array, max: number, rows: RowList): void {
  for (let e = 0; e < n - 1; e++) {
    rows.I.push([Z(e), Z(e + 1), tIdx[e]], [Z(e), Z(e + 1), tIdx[e]]);
    rows.C.push([-1, 1, -1], [1, -1, -1]);
    rows.b.push(0, 0);
    // running sum S_e ≥ S_{e−1} + t_e (S_{−1} = 0), and S_{n−2} ≤ max: Σ t ≤ max with local rows only
    rows.I.push(e > 0 ? [sIdx[e - 1], tIdx[e], sIdx[e]] : [tIdx[e], sIdx[e]]);
    rows.C.push(e > 0 ? [1, 1, -1] : [1, -1]);
    rows.b.push(0);
  }
  rows.I.push([sIdx[n - 2]]);
  rows.C.push([1]);
  rows.b.push(max);
}

/** Every linear prior as a row on z (repeated indices merged, a '≥' row negated to '≤'). */
function priorRows(p: SignalProblem, Z: (i: number) => number, rows: RowList): void {
  for (const pr of p.priors) {
    if (pr.kind !== 'linear') continue;
    const sign = pr.sense === '>=' ? -1 : 1;
    const acc = new Map<number, number>();
    for (const { index, coef } of pr.terms) acc.set(index, (acc.get(index) ?? 0) + sign * coef);
    const I: number[] = [];
    const C: number[] = [];
    for (const [i, cf] of [...acc].sort((a, b) => a[0] - b[0])) {
      if (cf === 0) continue;
      I.push(Z(i));
      C.push(cf);
    }
    rows.I.push(I);
    rows.C.push(C);
    rows.b.push(sign * pr.rhs);
  }
}

/** Compressed rows, the profile of the normal matrix they and the cones span, and the term positions in it. */
function compressedModel(N: number, rows: RowList, cU: Int32Array, cS: Int32Array, cT: Int32Array): Pick<PdModel, 'nRows' | 'rp' | 'ri' | 'rc' | 'rb' | 'prof' | 'pp' | 'pairPos' | 'pairCoef' | 'conePos'> {
  const nRows = rows.I.length;
  const rp = new Int32Array(nRows + 1);
  for (let k = 0; k < nRows; k++) rp[k + 1] = rp[k] + rows.I[k].length;
  const ri = new Int32Array(rp[nRows]);
  const rc = new Float64Array(rp[nRows]);
  for (let k = 0; k < nRows; k++) {
    ri.set(rows.I[k], rp[k]);
    rc.set(rows.C[k], rp[k]);
  }
  const prof = envelope(N, ri, rp, cU, cS, cT);
  const { first, rowStart } = prof;
  const posH = (i: number, j: number): number => (i < j ? rowStart[j] + i - first[j] : rowStart[i] + j - first[i]);
  const pp = new Int32Array(nRows + 1);
  for (let k = 0; k < nRows; k++) {
    const m = rp[k + 1] - rp[k];
    pp[k + 1] = pp[k] + (m * (m + 1)) / 2;
  }
  const pairPos = new Int32Array(pp[nRows]);
  const pairCoef = new Float64Array(pp[nRows]);
  for (let k = 0; k < nRows; k++) {
    let o = pp[k];
    for (let a = rp[k]; a < rp[k + 1]; a++) {
      for (let b = rp[k]; b <= a; b++) {
        pairPos[o] = posH(ri[a], ri[b]);
        pairCoef[o++] = rc[a] * rc[b];
      }
    }
  }
  const conePos = new Int32Array(6 * cU.length);
  for (let k = 0; k < cU.length; k++) {
    const u = cU[k], s = cS[k], t = cT[k];
    conePos.set([posH(u, u), posH(s, s), posH(t, t), posH(u, s), posH(u, t), posH(s, t)], 6 * k);
  }
  return { nRows, rp, ri, rc, rb: Float64Array.from(rows.b), prof, pp, pairPos, pairCoef, conePos };
}

/** The envelope of the normal matrix: row j reaches back to the smallest index sharing a row or cone with j. */
function envelope(N: number, ri: Int32Array, rp: Int32Array, cU: Int32Array, cS: Int32Array, cT: Int32Array): Profile {
  const first = new Int32Array(N);
  for (let j = 0; j < N; j++) first[j] = j;
  const touch = (idx: ArrayLike<number>, from: number, to: number): void => {
    let mn = Infinity;
    for (let t = from; t < to; t++) if (idx[t] < mn) mn = idx[t];
    for (let t = from; t < to; t++) if (mn < first[idx[t]]) first[idx[t]] = mn;
  };
  for (let k = 0; k + 1 < rp.length; k++) touch(ri, rp[k], rp[k + 1]);
  for (let k = 0; k < cU.length; k++) touch([cU[k], cS[k], cT[k]], 0, 3);
  const rowStart = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) rowStart[i + 1] = rowStart[i] + (i - first[i] + 1);
  return { N, first, rowStart };
}

/**
 * The start: the layout's feasible point with a constant z₀ (inside Σz ≤ k, budget rows and every window
 * row when n > h), t_e = |z_{e+1} − z_e| + ε_t with Σ t < max.
 */
function priorStart(p: SignalProblem, L: PathLayout, cuts: ReadonlyArray<ReadonlyArray<number>>, map: (j: number) => number, N: number, Z: (i: number) => number, tIdx: Int32Array, sIdx: Int32Array): Float64Array {
  const n = p.n;
  let z0 = p.k !== null ? Math.min(0.5, (0.5 * p.k) / n) : 0.5;
  for (const pr of p.priors) {
    // a budget row Σ coef·z ≤ rhs (coef ≥ 0, e.g. (43b)) holds strictly at z₀ ≤ ½·rhs/Σcoef
    if (pr.kind !== 'linear' || pr.sense !== '<=' || pr.terms.some((t) => t.coef < 0)) continue;
    const sum = pr.terms.reduce((acc, t) => acc + t.coef, 0);
    if (sum > 0 && pr.rhs > 0) z0 = Math.min(z0, (0.5 * pr.rhs) / sum);
  }
  const vL = feasibleStart(L, p.u, cuts, z0, z0);
  const v0 = new Float64Array(N);
  for (let j = 0; j < L.N; j++) v0[map(j)] = vL[j];
  const sw = p.priors.find((pr) => pr.kind === 'switches');
  if (sw && sw.kind === 'switches') {
    const epsT = (0.25 * sw.max) / (n - 1);
    let run = 0;
    for (let e = 0; e < n - 1; e++) {
      v0[tIdx[e]] = Math.abs(v0[Z(e + 1)] - v0[Z(e)]) + epsT;
      run += v0[tIdx[e]] + epsT;
      v0[sIdx[e]] = run;
    }
  }
  return v0;
}

/** Whether v satisfies every row and the dense row strictly. */
function strictlyFeasible(M: PdModel, v: Float64Array): boolean {
  for (let k = 0; k < M.nRows; k++) {
    let s = M.rb[k];
    for (let t = M.rp[k]; t < M.rp[k + 1]; t++) s -= M.rc[t] * v[M.ri[t]];
    if (!(s > 0)) return false;
  }
  if (M.card) {
    let s = M.card.rhs;
    for (const j of M.card.idx) s -= v[j];
    if (!(s > 0)) return false;
  }
  return true;
}
