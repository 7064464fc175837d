/**
 * The primal–dual path solver of path-pd.ts for the decomp model (32) WITH affine priors on z — ours, for
 * Decomp-prior (43) of AGH21 §5.2.2: the same model, layout and method, plus
 *   - every linear prior Σ_t coef_t z_{i_t} (≤ | ≥) rhs as one more row (the windows (43d) have 2h + 1 terms);
 *   - the switch count (43c) Σ_e |z_{e+1} − z_e| ≤ max through two variables per edge, placed right after the
 *     edge's cut variables: t_e with rows ±(z_{e+1} − z_e) − t_e ≤ 0, and a running sum S_e ≥ S_{e−1} + t_e with
 *     S_{n−2} ≤ max (local rows only: as a dense row Σt ≤ max next to Σz ≤ k, the rank-2 update lost the
 *     iteration near the end at n = 1,000);
 *   - the dense row Σz ≤ k in the Newton system by a Woodbury (Sherman–Morrison) update, as in path-pd.ts.
 * The windows make each z_i's row of the normal matrix reach back 2h nodes, so its profile holds about
 * 2h·(4 + 3|Δ|) entries per z row; every other row keeps the path's short profile.
 *
 * Method and certificate as in path-pd.ts (Nesterov–Todd scaling, Mehrotra predictor–corrector, profile
 * Cholesky; the bound is the dual objective less the dual residual's effect at the iterate, taken only from
 * nearly dual-feasible iterates and never above the value). Cold starts only: z_i = z₀ constant (strictly
 * inside every window row when n > h), t_e small. Checked against the conic solver in test/unit/signal-stats.test.ts.
 */
import { socBoundaryHit } from '../../conic/cones.ts';
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import type { PathBarrierSolution } from './path-barrier.ts';
import { buildPathLayout, feasibleStart, profileCholesky, profileSolve, type PathLayout } from './path-layout.ts';
import { RD_BOUND_TOL, STALL } from './path-pd.ts';

/** Whether {@link solveDecompPathPriors} takes p: a path, n ≥ 2, ‖y‖∞ > 0, k ≥ 1 if set, priors linear (≤ / ≥) or one switch count with max > 0. */
export function pathPriorsApplies(p: SignalProblem): boolean {
  if (p.graph.kind !== 'path' || p.n < 2 || !(p.u > 0) || (p.k !== null && p.k < 1) || p.priors.length === 0) return false;
  let switches = 0;
  for (const pr of p.priors) {
    if (pr.kind === 'switches') {
      if (!(pr.max > 0)) return false;
      switches++;
    } else if (pr.sense === '=') return false;
  }
  return switches <= 1;
}

/** Options of {@link solveDecompPathPriors} (as path-pd.ts). */
export interface PathPdPriorsOptions {
  relTol?: number;
  maxIterations?: number;
  acceptTol?: number;
  /** Called after every iteration (diagnostics). */
  onIteration?: (info: { iteration: number; value: number; lowerBound: number; gap: number; dualResidual: number; stepPrimal: number; stepDual: number; sigma: number }) => void;
}

/** The model: rows in compressed form, cones, dense rows, cost, profile. */
interface PriorModel {
  n: number;
  N: number;
  /** x_i, z_i, Γ_ii at base[i], base[i]+1, base[i]+2; Γ_e at gOff[e]; t_e at tIdx[e] (−1 without a switch prior). */
  base: Int32Array;
  gOff: Int32Array;
  nRows: number;
  rp: Int32Array;
  ri: Int32Array;
  rc: Float64Array;
  rb: Float64Array;
  nCones: number;
  cU: Int32Array;
  cS: Int32Array;
  cT: Int32Array;
  c: Float64Array;
  /** Dense rows: Σ_{j ∈ idx} v_j ≤ rhs. */
  dense: { idx: Int32Array; rhs: number }[];
  first: Int32Array;
  rowStart: Int32Array;
  /** Row k's Hessian pairs at pp[k]..pp[k+1]: positions and coefficient products. */
  pp: Int32Array;
  pairPos: Int32Array;
  pairCoef: Float64Array;
  conePos: Int32Array;
  v0: Float64Array;
}

/** Build the model from the prior-free layout of path-layout.ts, inserting t_e, S_e and adding the prior rows. */
function buildModel(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>): PriorModel | null {
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
  // rows: the layout's, then switch rows, then the linear priors
  const rowsI: number[][] = [];
  const rowsC: number[][] = [];
  const rb: number[] = [];
  for (let k = 0; k < L.nRows; k++) {
    const I: number[] = [];
    const C: number[] = [];
    for (let t = 0; t < 4; t++) {
      const j = L.rIdx[4 * k + t];
      if (j < 0) continue;
      I.push(map(j));
      C.push(L.rCoef[4 * k + t]);
    }
    rowsI.push(I);
    rowsC.push(C);
    rb.push(L.rB[k]);
  }
  const Z = (i: number): number => base[i] + 1;
  if (hasT) {
    for (let e = 0; e < n - 1; e++) {
      rowsI.push([Z(e), Z(e + 1), tIdx[e]], [Z(e), Z(e + 1), tIdx[e]]);
      rowsC.push([-1, 1, -1], [1, -1, -1]);
      rb.push(0, 0);
      // running sum S_e ≥ S_{e−1} + t_e (S_{−1} = 0), and S_{n−2} ≤ max: Σ t ≤ max with local rows only
      rowsI.push(e > 0 ? [sIdx[e - 1], tIdx[e], sIdx[e]] : [tIdx[e], sIdx[e]]);
      rowsC.push(e > 0 ? [1, 1, -1] : [1, -1]);
      rb.push(0);
    }
    rowsI.push([sIdx[n - 2]]);
    rowsC.push([1]);
    rb.push(sw!.kind === 'switches' ? sw!.max : 0);
  }
  for (const pr of p.priors) {
    if (pr.kind !== 'linear') continue;
    // merge repeated indices; a '≥' row is negated to '≤'
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
    rowsI.push(I);
    rowsC.push(C);
    rb.push(sign * pr.rhs);
  }
  const nRows = rowsI.length;
  const rp = new Int32Array(nRows + 1);
  for (let k = 0; k < nRows; k++) rp[k + 1] = rp[k] + rowsI[k].length;
  const ri = new Int32Array(rp[nRows]);
  const rc = new Float64Array(rp[nRows]);
  for (let k = 0; k < nRows; k++) {
    ri.set(rowsI[k], rp[k]);
    rc.set(rowsC[k], rp[k]);
  }
  const cU = Int32Array.from(L.cU, map);
  const cS = Int32Array.from(L.cS, map);
  const cT = Int32Array.from(L.cT, map);
  const c = new Float64Array(N);
  for (let j = 0; j < L.N; j++) c[map(j)] = L.c[j];
  const dense: PriorModel['dense'] = [];
  if (p.k !== null) dense.push({ idx: Int32Array.from({ length: n }, (_, i) => Z(i)), rhs: p.k });
  // profile of the normal matrix
  const first = new Int32Array(N);
  for (let j = 0; j < N; j++) first[j] = j;
  const touch = (idx: ArrayLike<number>, from: number, to: number): void => {
    let mn = Infinity;
    for (let t = from; t < to; t++) if (idx[t] < mn) mn = idx[t];
    for (let t = from; t < to; t++) if (mn < first[idx[t]]) first[idx[t]] = mn;
  };
  for (let k = 0; k < nRows; k++) touch(ri, rp[k], rp[k + 1]);
  for (let k = 0; k < L.nCones; k++) touch([cU[k], cS[k], cT[k]], 0, 3);
  const rowStart = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) rowStart[i + 1] = rowStart[i] + (i - first[i] + 1);
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
  const conePos = new Int32Array(6 * L.nCones);
  for (let k = 0; k < L.nCones; k++) {
    const u = cU[k], s = cS[k], t = cT[k];
    conePos.set([posH(u, u), posH(s, s), posH(t, t), posH(u, s), posH(u, t), posH(s, t)], 6 * k);
  }
  // start: the layout's feasible point with a constant z₀ (inside Σz ≤ k, budget rows and every window row when n > h),
  // t_e = |z_{e+1} − z_e| + ε_t with Σ t < max; null if some prior row is not strictly satisfied
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
  if (sw && sw.kind === 'switches') {
    const epsT = (0.25 * sw.max) / (n - 1);
    let run = 0;
    for (let e = 0; e < n - 1; e++) {
      v0[tIdx[e]] = Math.abs(v0[Z(e + 1)] - v0[Z(e)]) + epsT;
      run += v0[tIdx[e]] + epsT;
      v0[sIdx[e]] = run;
    }
  }
  for (let k = 0; k < nRows; k++) {
    let s = rb[k];
    for (let t = rp[k]; t < rp[k + 1]; t++) s -= rc[t] * v0[ri[t]];
    if (!(s > 0)) return null;
  }
  for (const d of dense) {
    let s = d.rhs;
    for (const j of d.idx) s -= v0[j];
    if (!(s > 0)) return null;
  }
  return { n, N, base, gOff, nRows, rp, ri, rc, rb: Float64Array.from(rb), nCones: L.nCones, cU, cS, cT, c, dense, first, rowStart, pp, pairPos, pairCoef, conePos, v0 };
}

/** Solve (32) with priors on a path by the primal–dual method (see the module comment). */
export function solveDecompPathPriors(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathPdPriorsOptions = {}): PathBarrierSolution {
  if (!pathPriorsApplies(p)) throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, ‖y‖∞ > 0, k ≥ 1 if set, linear (≤/≥) priors and at most one switch count with max > 0');
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const relTol = opts.relTol ?? 1e-7;
  const acceptTol = Math.max(relTol, opts.acceptTol ?? 1e-5);
  const maxIt = opts.maxIterations ?? 150;
  const M = buildModel(p, cuts);
  const n = p.n;
  const fail = (): PathBarrierSolution => ({ status: 'failed', x: new Float64Array(n), z: new Float64Array(n), gDiag: new Float64Array(n), gOff: new Float64Array(n - 1), value: NaN, lowerBound: -Infinity, gap: Infinity, newtonSteps: 0, timeMs: performance.now() - t0 });
  if (M === null) return fail();
  const { N, nRows, rp, ri, rc, rb, nCones, cU, cS, cT, c, dense, pp, pairPos, pairCoef, conePos, rowStart } = M;
  const prof = { N, first: M.first, rowStart } as PathLayout; // the profile routines read these three fields only
  const nD = dense.length;
  const v = Float64Array.from(M.v0);
  const sl = new Float64Array(nRows);
  const l = new Float64Array(nRows);
  const w = new Float64Array(3 * nCones);
  const y = new Float64Array(3 * nCones);
  const sd = new Float64Array(nD);
  const ld = new Float64Array(nD);
  const refresh = (): void => {
    for (let k = 0; k < nRows; k++) {
      let s = rb[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) s -= rc[t] * v[ri[t]];
      sl[k] = s;
    }
    for (let k = 0; k < nCones; k++) {
      const S = v[cS[k]], T = v[cT[k]];
      w[3 * k] = 0.5 * (S + T);
      w[3 * k + 1] = 0.5 * (S - T);
      w[3 * k + 2] = v[cU[k]];
    }
    for (let r = 0; r < nD; r++) {
      let s = dense[r].rhs;
      for (const j of dense[r].idx) s -= v[j];
      sd[r] = s;
    }
  };
  refresh();
  // central duals at μ₀ = 1 (as path-pd.ts)
  for (let k = 0; k < nRows; k++) l[k] = 1 / sl[k];
  for (let k = 0; k < nCones; k++) {
    const a = w[3 * k], b = w[3 * k + 1], d = w[3 * k + 2];
    const det = a * a - b * b - d * d;
    y[3 * k] = a / det;
    y[3 * k + 1] = -b / det;
    y[3 * k + 2] = -d / det;
  }
  for (let r = 0; r < nD; r++) ld[r] = 1 / sd[r];
  const deg = nRows + nCones + nD;
  // work arrays
  const rd = new Float64Array(N);
  const H = new Float64Array(rowStart[N]);
  const dInv = new Float64Array(N);
  const Wm = new Float64Array(6 * nCones);
  const Wi = new Float64Array(6 * nCones);
  const lam = new Float64Array(3 * nCones);
  const rhs = new Float64Array(N);
  const res = new Float64Array(N);
  const Y = Array.from({ length: nD }, () => new Float64Array(N)); // H₀⁻¹ a_r
  const cap = new Float64Array(4); // (R⁻¹ + AᵀH₀⁻¹A)⁻¹, at most 2 × 2
  const dv = new Float64Array(N);
  const dl = new Float64Array(nRows);
  const dsR = new Float64Array(nRows);
  const dw = new Float64Array(3 * nCones);
  const dy = new Float64Array(3 * nCones);
  const dld = new Float64Array(nD);
  const dsd = new Float64Array(nD);
  const dlA = new Float64Array(nRows);
  const dsA = new Float64Array(nRows);
  const dwA = new Float64Array(3 * nCones);
  const dyA = new Float64Array(3 * nCones);
  const dldA = new Float64Array(nD);
  const dsdA = new Float64Array(nD);
  const rRow = new Float64Array(nRows);
  const qC = new Float64Array(3 * nCones);
  const rD = new Float64Array(nD);
  const t3 = new Float64Array(3);
  const sym3 = (Mx: Float64Array, k: number, x0: number, x1: number, x2: number, out: Float64Array, o: number): void => {
    const m = 6 * k;
    out[o] = Mx[m] * x0 + Mx[m + 3] * x1 + Mx[m + 4] * x2;
    out[o + 1] = Mx[m + 3] * x0 + Mx[m + 1] * x1 + Mx[m + 5] * x2;
    out[o + 2] = Mx[m + 4] * x0 + Mx[m + 5] * x1 + Mx[m + 2] * x2;
  };
  /** vec ← (H₀ + Σ_r ρ_r a_r a_rᵀ)⁻¹ vec (Woodbury with the precomputed Y_r = H₀⁻¹a_r and capacitance inverse). */
  const solveH = (vec: Float64Array): void => {
    profileSolve(prof, H, dInv, vec);
    if (nD === 0) return;
    const g = [0, 0];
    for (let r = 0; r < nD; r++) for (const j of dense[r].idx) g[r] += vec[j];
    const c0 = nD === 1 ? cap[0] * g[0] : cap[0] * g[0] + cap[1] * g[1];
    const c1 = nD === 1 ? 0 : cap[2] * g[0] + cap[3] * g[1];
    for (let j = 0; j < N; j++) vec[j] -= c0 * Y[0][j] + (nD > 1 ? c1 * Y[1][j] : 0);
  };
  let rdMaxNow = 0;
  const recover = (): void => {
    for (let k = 0; k < nRows; k++) {
      let ds = 0;
      for (let t = rp[k]; t < rp[k + 1]; t++) ds -= rc[t] * dv[ri[t]];
      dsR[k] = ds;
      dl[k] = (rRow[k] - l[k] * ds) / sl[k];
    }
    for (let r = 0; r < nD; r++) {
      let ds = 0;
      for (const j of dense[r].idx) ds -= dv[j];
      dsd[r] = ds;
      dld[r] = (rD[r] - ld[r] * ds) / sd[r];
    }
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      dw[o] = 0.5 * (dv[cS[k]] + dv[cT[k]]);
      dw[o + 1] = 0.5 * (dv[cS[k]] - dv[cT[k]]);
      dw[o + 2] = dv[cU[k]];
      sym3(Wm, k, dw[o], dw[o + 1], dw[o + 2], t3, 0);
      sym3(Wm, k, qC[o] - t3[0], qC[o + 1] - t3[1], qC[o + 2] - t3[2], dy, o);
    }
  };
  const direction = (refine: number): void => {
    for (let j = 0; j < N; j++) rhs[j] = -rd[j];
    for (let k = 0; k < nRows; k++) {
      const f = rRow[k] / sl[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) rhs[ri[t]] -= rc[t] * f;
    }
    for (let r = 0; r < nD; r++) for (const j of dense[r].idx) rhs[j] -= rD[r] / sd[r];
    for (let k = 0; k < nCones; k++) {
      sym3(Wm, k, qC[3 * k], qC[3 * k + 1], qC[3 * k + 2], t3, 0);
      rhs[cU[k]] += t3[2];
      rhs[cS[k]] += 0.5 * (t3[0] + t3[1]);
      rhs[cT[k]] += 0.5 * (t3[0] - t3[1]);
    }
    dv.set(rhs);
    solveH(dv);
    recover();
    for (let ref = 0; ref < refine; ref++) {
      res.set(rd);
      for (let k = 0; k < nRows; k++) for (let t = rp[k]; t < rp[k + 1]; t++) res[ri[t]] += rc[t] * dl[k];
      for (let r = 0; r < nD; r++) for (const j of dense[r].idx) res[j] += dld[r];
      for (let k = 0; k < nCones; k++) {
        const o = 3 * k;
        res[cU[k]] -= dy[o + 2];
        res[cS[k]] -= 0.5 * (dy[o] + dy[o + 1]);
        res[cT[k]] -= 0.5 * (dy[o] - dy[o + 1]);
      }
      let eMax = 0;
      for (let j = 0; j < N; j++) eMax = Math.max(eMax, Math.abs(res[j]));
      if (eMax <= 1e-13 * (1 + rdMaxNow)) break;
      solveH(res);
      for (let j = 0; j < N; j++) dv[j] -= res[j];
      recover();
    }
  };
  const socStep = (x0: number, x1: number, x2: number, d0: number, d1: number, d2: number): number => {
    const t = socBoundaryHit(d0 * d0 - d1 * d1 - d2 * d2, 2 * (x0 * d0 - x1 * d1 - x2 * d2), x0 * x0 - x1 * x1 - x2 * x2);
    return d0 < 0 ? Math.min(t, -x0 / d0) : t;
  };
  const step = (s: Float64Array, ds: Float64Array, cone: Float64Array, dcone: Float64Array, sdn: Float64Array, dsdn: Float64Array): number => {
    let a = Infinity;
    for (let k = 0; k < nRows; k++) if (ds[k] < 0 && -s[k] / ds[k] < a) a = -s[k] / ds[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      a = Math.min(a, socStep(cone[o], cone[o + 1], cone[o + 2], dcone[o], dcone[o + 1], dcone[o + 2]));
    }
    for (let r = 0; r < nD; r++) if (dsdn[r] < 0) a = Math.min(a, -sdn[r] / dsdn[r]);
    return a;
  };
  let cMax = 0;
  for (let j = 0; j < N; j++) cMax = Math.max(cMax, Math.abs(c[j]));
  let status: 'optimal' | 'failed' = 'failed';
  let it = 0;
  let val = NaN;
  let bestLb = -Infinity;
  let stalled = 0;
  for (; it <= maxIt; it++) {
    // dual residual, gap, objectives, bound
    rd.set(c);
    let gap = 0;
    for (let k = 0; k < nRows; k++) {
      for (let t = rp[k]; t < rp[k + 1]; t++) rd[ri[t]] += rc[t] * l[k];
      gap += sl[k] * l[k];
    }
    for (let r = 0; r < nD; r++) {
      for (const j of dense[r].idx) rd[j] += ld[r];
      gap += sd[r] * ld[r];
    }
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      rd[cU[k]] -= y[o + 2];
      rd[cS[k]] -= 0.5 * (y[o] + y[o + 1]);
      rd[cT[k]] -= 0.5 * (y[o] - y[o + 1]);
      gap += w[o] * y[o] + w[o + 1] * y[o + 1] + w[o + 2] * y[o + 2];
    }
    val = p.yNorm2;
    for (let j = 0; j < N; j++) val += c[j] * v[j];
    let dualObj = p.yNorm2;
    for (let k = 0; k < nRows; k++) dualObj -= l[k] * rb[k];
    for (let r = 0; r < nD; r++) dualObj -= ld[r] * dense[r].rhs;
    let rdMax = 0;
    let corr = 0;
    for (let j = 0; j < N; j++) {
      const a = Math.abs(rd[j]);
      if (a > rdMax) rdMax = a;
      corr += a * Math.abs(v[j]);
    }
    const lb = dualObj - corr;
    if (rdMax <= RD_BOUND_TOL * (1 + cMax) && lb > bestLb && lb <= val) bestLb = lb;
    if (val - bestLb <= relTol * Math.max(1, Math.abs(val))) {
      status = 'optimal';
      break;
    }
    if (it === maxIt || !Number.isFinite(gap)) break;
    const mu = gap / deg;
    rdMaxNow = rdMax;
    // NT scaling per cone and the normal matrix
    H.fill(0);
    let bad = false;
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      const s0 = w[o], s1 = w[o + 1], s2 = w[o + 2];
      const z0 = y[o], z1 = y[o + 1], z2 = y[o + 2];
      const detS = s0 * s0 - s1 * s1 - s2 * s2;
      const detZ = z0 * z0 - z1 * z1 - z2 * z2;
      if (!(detS > 0 && detZ > 0)) {
        bad = true;
        break;
      }
      const rs = Math.sqrt(detS), rz = Math.sqrt(detZ);
      const a0 = s0 / rs, a1 = s1 / rs, a2 = s2 / rs;
      const b0 = z0 / rz, b1 = z1 / rz, b2 = z2 / rz;
      const gam = Math.sqrt(0.5 * (1 + a0 * b0 + a1 * b1 + a2 * b2));
      const wb0 = (a0 + b0) / (2 * gam), wb1 = (-a1 + b1) / (2 * gam), wb2 = (-a2 + b2) / (2 * gam);
      const nrm = Math.sqrt(2 * (wb0 + 1));
      const u0 = (wb0 + 1) / nrm, u1 = wb1 / nrm, u2 = wb2 / nrm;
      const beta = Math.sqrt(rz / rs);
      const m = 6 * k;
      Wm[m] = beta * (2 * u0 * u0 - 1);
      Wm[m + 1] = beta * (2 * u1 * u1 + 1);
      Wm[m + 2] = beta * (2 * u2 * u2 + 1);
      Wm[m + 3] = beta * 2 * u0 * u1;
      Wm[m + 4] = beta * 2 * u0 * u2;
      Wm[m + 5] = beta * 2 * u1 * u2;
      const ib = 1 / beta;
      Wi[m] = ib * (2 * u0 * u0 - 1);
      Wi[m + 1] = ib * (2 * u1 * u1 + 1);
      Wi[m + 2] = ib * (2 * u2 * u2 + 1);
      Wi[m + 3] = -ib * 2 * u0 * u1;
      Wi[m + 4] = -ib * 2 * u0 * u2;
      Wi[m + 5] = ib * 2 * u1 * u2;
      sym3(Wm, k, s0, s1, s2, lam, o);
      const W00 = Wm[m], W11 = Wm[m + 1], W22 = Wm[m + 2], W01 = Wm[m + 3], W02 = Wm[m + 4], W12 = Wm[m + 5];
      const M00 = W00 * W00 + W01 * W01 + W02 * W02;
      const M11 = W01 * W01 + W11 * W11 + W12 * W12;
      const M22 = W02 * W02 + W12 * W12 + W22 * W22;
      const M01 = W00 * W01 + W01 * W11 + W02 * W12;
      const M02 = W00 * W02 + W01 * W12 + W02 * W22;
      const M12 = W01 * W02 + W11 * W12 + W12 * W22;
      H[conePos[m]] += M22;
      H[conePos[m + 1]] += 0.25 * (M00 + 2 * M01 + M11);
      H[conePos[m + 2]] += 0.25 * (M00 - 2 * M01 + M11);
      H[conePos[m + 3]] += 0.5 * (M02 + M12);
      H[conePos[m + 4]] += 0.5 * (M02 - M12);
      H[conePos[m + 5]] += 0.25 * (M00 - M11);
    }
    if (bad) break;
    for (let k = 0; k < nRows; k++) {
      const dk = l[k] / sl[k];
      for (let q = pp[k]; q < pp[k + 1]; q++) H[pairPos[q]] += pairCoef[q] * dk;
    }
    for (let i = 0; i < N; i++) H[rowStart[i + 1] - 1] *= 1 + 1e-14;
    if (!profileCholesky(prof, H, dInv, true)) break;
    if (nD > 0) {
      // Woodbury: Y_r = H₀⁻¹a_r, capacitance C = R⁻¹ + AᵀY (R = diag(l_r/s_r)), cap = C⁻¹
      const C = [0, 0, 0, 0];
      for (let r = 0; r < nD; r++) {
        Y[r].fill(0);
        for (const j of dense[r].idx) Y[r][j] = 1;
        profileSolve(prof, H, dInv, Y[r]);
      }
      for (let r = 0; r < nD; r++) {
        for (let q = 0; q < nD; q++) {
          let s = 0;
          for (const j of dense[r].idx) s += Y[q][j];
          C[2 * r + q] = s + (r === q ? sd[r] / ld[r] : 0);
        }
      }
      if (nD === 1) cap[0] = 1 / C[0];
      else {
        const det = C[0] * C[3] - C[1] * C[2];
        cap[0] = C[3] / det;
        cap[1] = -C[1] / det;
        cap[2] = -C[2] / det;
        cap[3] = C[0] / det;
      }
    }
    // predictor
    for (let k = 0; k < nRows; k++) rRow[k] = -sl[k] * l[k];
    for (let j = 0; j < 3 * nCones; j++) qC[j] = -lam[j];
    for (let r = 0; r < nD; r++) rD[r] = -sd[r] * ld[r];
    direction(0);
    dlA.set(dl); dsA.set(dsR); dwA.set(dw); dyA.set(dy); dldA.set(dld); dsdA.set(dsd);
    const apA = Math.min(1, step(sl, dsA, w, dwA, sd, dsdA));
    const adA = Math.min(1, step(l, dlA, y, dyA, ld, dldA));
    let gapA = 0;
    for (let k = 0; k < nRows; k++) gapA += (sl[k] + apA * dsA[k]) * (l[k] + adA * dlA[k]);
    for (let j = 0; j < 3 * nCones; j++) gapA += (w[j] + apA * dwA[j]) * (y[j] + adA * dyA[j]);
    for (let r = 0; r < nD; r++) gapA += (sd[r] + apA * dsdA[r]) * (ld[r] + adA * dldA[r]);
    const sigma = Math.min(1, Math.max(0, Math.pow(Math.max(gapA, 0) / gap, 3)));
    // corrector
    const smu = sigma * mu;
    for (let k = 0; k < nRows; k++) rRow[k] = smu - sl[k] * l[k] - dsA[k] * dlA[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      sym3(Wi, k, dyA[o], dyA[o + 1], dyA[o + 2], t3, 0);
      const p0 = t3[0], p1 = t3[1], p2 = t3[2];
      sym3(Wm, k, dwA[o], dwA[o + 1], dwA[o + 2], t3, 0);
      const q0 = t3[0], q1 = t3[1], q2 = t3[2];
      const L0 = lam[o], L1 = lam[o + 1], L2 = lam[o + 2];
      const r0 = smu - (L0 * L0 + L1 * L1 + L2 * L2) - (p0 * q0 + p1 * q1 + p2 * q2);
      const r1 = -2 * L0 * L1 - (p0 * q1 + q0 * p1);
      const r2 = -2 * L0 * L2 - (p0 * q2 + q0 * p2);
      const detL = L0 * L0 - L1 * L1 - L2 * L2;
      const x0 = (L0 * r0 - L1 * r1 - L2 * r2) / detL;
      qC[o] = x0;
      qC[o + 1] = (r1 - L1 * x0) / L0;
      qC[o + 2] = (r2 - L2 * x0) / L0;
    }
    for (let r = 0; r < nD; r++) rD[r] = smu - sd[r] * ld[r] - dsdA[r] * dldA[r];
    direction(2);
    const ap = Math.min(1, 0.99 * step(sl, dsR, w, dw, sd, dsd));
    const ad = Math.min(1, 0.99 * step(l, dl, y, dy, ld, dld));
    opts.onIteration?.({ iteration: it, value: val, lowerBound: bestLb, gap, dualResidual: rdMax, stepPrimal: ap, stepDual: ad, sigma });
    if (!(ap > 0 && ad > 0)) break;
    stalled = Math.max(ap, ad) < 1e-2 && gap <= 1e-4 * Math.max(1, Math.abs(val)) ? stalled + 1 : 0;
    if (stalled >= STALL) break;
    for (let j = 0; j < N; j++) v[j] += ap * dv[j];
    for (let k = 0; k < nRows; k++) l[k] += ad * dl[k];
    for (let j = 0; j < 3 * nCones; j++) y[j] += ad * dy[j];
    for (let r = 0; r < nD; r++) ld[r] += ad * dld[r];
    refresh();
  }
  if (status === 'failed' && val - bestLb <= acceptTol * Math.max(1, Math.abs(val))) status = 'optimal';
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const gd = new Float64Array(n);
  const go = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    x[i] = Math.max(0, v[M.base[i]]);
    z[i] = Math.min(1, Math.max(0, v[M.base[i] + 1]));
    gd[i] = v[M.base[i] + 2];
  }
  for (let e = 0; e < n - 1; e++) go[e] = v[M.gOff[e]];
  return { status, x, z, gDiag: gd, gOff: go, value: val, lowerBound: status === 'optimal' ? bestLb : -Infinity, gap: val - bestLb, newtonSteps: it, timeMs: performance.now() - t0 };
}
