/**
 * A primal–dual interior-point solver for the decomp model (32) on a PATH (AGH21 §4.2.2) — ours,
 * the fast alternative to the primal log-barrier of path-barrier.ts, same model and layout
 * (path-layout.ts):
 *
 *   ζ = ‖y‖² + min c′v  s.t.  a_k′v ≤ b_k (rows),  S_k·T_k ≥ U_k² (rotated cones),  Σz ≤ k (optional).
 *
 * Each rotated cone is the second-order cone Q = {w : w₀ ≥ ‖(w₁, w₂)‖} in the coordinates
 * w = P(U, S, T) = ((S+T)/2, (S−T)/2, U), since w₀² − w₁² − w₂² = ST − U². The dual is
 *   max ‖y‖² − Σ l_k b_k  s.t.  c + Σ l_k a_k − Σ P_kᵀ y_k = 0,  l ≥ 0,  y_k ∈ Q.
 * Method: infeasible-dual path following with Nesterov–Todd scaling and Mehrotra's predictor–corrector
 * (the primal iterate stays strictly feasible: row slacks and cone points are computed from v).
 * Newton system in v only: (Σ (l_k/s_k) a_k a_kᵀ + Σ P_kᵀ W_k² P_k + (l_c/s_c) 1_z 1_zᵀ) Δv = r, with
 * the same profile as the barrier Hessian (profile Cholesky, O(n·b²), a lost pivot replaced by 1e64);
 * the cardinality row's rank-one term by Sherman–Morrison; up to two steps of iterative refinement on
 * the linearised dual equation for the corrector (none for the predictor, used only for step lengths).
 *
 * Certificate: every iterate's dual point gives the bound
 *   lowerBound = ‖y‖² − Σ l_k b_k − Σ_j |r_d,j|·|v_j|,   r_d = c + Σ l_k a_k − Σ P_kᵀ y_k,
 * the dual objective less the dual residual's effect at the current point (exactly valid when r_d = 0;
 * the residual term is our first-order allowance for r_d ≠ 0, a few units of 1e-9 here). The best bound
 * over the nearly dual-feasible iterates (‖r_d‖∞ ≤ 1e-6·(1 + ‖c‖∞), bound ≤ value) is returned. Stops when ζ − lowerBound ≤ relTol·max(1, |ζ|); a stalled solve
 * (rounding near the end) is accepted within acceptTol. Checked against the barrier solver and the
 * conic solver in test/unit/signal-relax-pd.test.ts.
 */
import { socBoundaryHit } from '../../conic/cones.ts';
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import { pathBarrierApplies, type PathBarrierSolution } from './path-barrier.ts';
import { buildPathLayout, feasibleStart, profileCholesky, profileSolve, type PathLayout } from './path-layout.ts';

/** Options of {@link solveDecompPathPD}. */
export interface PathPdOptions {
  /** Stop when ζ − lowerBound ≤ relTol·max(1, |ζ|) [1e-7]. */
  relTol?: number;
  /** Iteration limit [150]. */
  maxIterations?: number;
  /**
   * When the iteration stalls near the end (both steps < 1e-2 for {@link STALL} iterations at a gap
   * ≤ 1e-4·max(1, |ζ|): the normal matrix has lost its accuracy), or stops otherwise (iteration limit,
   * lost factorisation), the solve still counts as optimal if ζ − lowerBound ≤ acceptTol·max(1, |ζ|) [1e-5].
   */
  acceptTol?: number;
  /** Start from this iterate of an earlier solve (ignored unless it matches; see {@link PathPdWarm}). */
  warm?: PathPdWarm;
  /** Record `pdSnapshots[i]` at the first iterate with gap ≤ snapshotGaps[i]·max(1, |ζ|) and ‖r_d‖∞ ≤ 1e-3 [none]. */
  snapshotGaps?: number[];
  /** Called after every iteration (diagnostics). */
  onIteration?: (info: { iteration: number; value: number; lowerBound: number; gap: number; dualResidual: number; stepPrimal: number; stepDual: number; sigma: number }) => void;
}

/** Result: the barrier solver's shape; `newtonSteps` counts interior-point iterations. */
export type PathPdSolution = PathBarrierSolution & {
  /** ‖r_d‖∞ at the iterate of the returned bound. */
  dualResidual: number;
  /** Whether the solve started from `warm`. */
  warmStarted: boolean;
  /** The iterates recorded at `snapshotGaps` (warm starts for a solve with more cuts; undefined if not reached). */
  pdSnapshots: (PathPdWarm | undefined)[];
};

/**
 * A primal–dual iterate of an earlier solve of the same problem (same y, λ, μ, k) with cut sets that the
 * new solve's extend (each Δ_e a prefix of the new one, as Algorithm 1 appends cuts). The new cuts' s, v, w
 * are set strictly feasible (Γ_e lowered where the new row needs it), their duals central at the
 * snapshot's μ; everything else is copied. Only the start changes: the stopping test and the bound are as
 * for a cold start.
 */
export interface PathPdWarm {
  cuts: number[][];
  card: number | null;
  v: Float64Array;
  l: Float64Array;
  y: Float64Array;
  lc: number;
  mu: number;
}

/** Largest dual residual ‖r_d‖∞/(1 + ‖c‖∞) at which an iterate's dual objective is taken as a bound. */
export const RD_BOUND_TOL = 1e-6;

/**
 * Warm starts: new cut rows' slacks, v, w and s are at least WARM_FLOOR·μ (μ of the snapshot; v, w divided by
 * the row scale min(1, d)), so the new cuts' central duals μ/slack stay ≤ 1/WARM_FLOOR on the rows and
 * moderate on the cones, against a cost of scale 1. Newton iterations of Algorithm 1 over 12 accelerometer
 * cells (n = 1,380; λ ∈ {0.1, 0.3, 0.6, 1}, k ∈ {50, 200, 400}): no floor 1506, floor 1: 1358, 10: 1309,
 * 100: 1420; an additive floor on s (s ≥ x²/z + floor): 1345.
 */
export const WARM_FLOOR = 10;

/** Consecutive iterations with both step lengths < 1e-2 after which a solve stops (stalled). */
export const STALL = 3;


/** Solve (32) on a path for the cut sets Δ by the primal–dual method (see module comment). */
export function solveDecompPathPD(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathPdOptions = {}): PathPdSolution {
  if (!pathBarrierApplies(p)) {
    throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, no priors, ‖y‖∞ > 0 and k ≥ 1 if set');
  }
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const relTol = opts.relTol ?? 1e-7;
  const acceptTol = Math.max(relTol, opts.acceptTol ?? 1e-5);
  const maxIt = opts.maxIterations ?? 150;
  const L = buildPathLayout(p, cuts);
  const { n, N, base, gOffIdx, nRows, rIdx, rCoef, rB, nCones, cU, cS, cT, c, card, rowStart, rowPos, conePos } = L;
  // start: the layout's point with offsets ε = z₀ (the barrier's ε = 1 makes s ~ 1/z₀ when z₀ = k/2n is small)
  const v = feasibleStart(L, p.u, cuts, p.k !== null ? Math.min(0.5, (0.5 * p.k) / p.n) : 0.5);
  const Zi = (i: number): number => base[i] + 1;
  // ---- duals, centred at μ₀ for the start point: l = μ₀/s, y = μ₀ w⁻¹ (w⁻¹ = Jw/det w)
  const sl = new Float64Array(nRows);
  const l = new Float64Array(nRows);
  const w = new Float64Array(3 * nCones);
  const y = new Float64Array(3 * nCones);
  let sc = 0;
  let lc = 0;
  // rows in compressed form (the layout's 4 slots per row are 2.3 used on average), and each row's
  // Hessian pairs (position, a_i·a_j) for the normal-matrix assembly
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
  const slackRow = (vec: Float64Array, k: number): number => {
    let s = rB[k];
    for (let t = rp[k]; t < rp[k + 1]; t++) s -= rc[t] * vec[ri[t]];
    return s;
  };
  /** out += sign·Σ_k a_k·f[k] (/div[k] if given). */
  const addAtF = (out: Float64Array, f: Float64Array, sign: number, div: Float64Array | null): void => {
    for (let k = 0; k < nRows; k++) {
      const fk = div ? (sign * f[k]) / div[k] : sign * f[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) out[ri[t]] += rc[t] * fk;
    }
  };
  const slackCard = (vec: Float64Array): number => {
    let s = card as number;
    for (let i = 0; i < n; i++) s -= vec[Zi(i)];
    return s;
  };
  const refresh = (): void => {
    for (let k = 0; k < nRows; k++) sl[k] = slackRow(v, k);
    for (let k = 0; k < nCones; k++) {
      const S = v[cS[k]], T = v[cT[k]];
      w[3 * k] = 0.5 * (S + T);
      w[3 * k + 1] = 0.5 * (S - T);
      w[3 * k + 2] = v[cU[k]];
    }
    if (card !== null) sc = slackCard(v);
  };
  refresh();
  const deg = nRows + nCones + (card !== null ? 1 : 0);
  /** Central duals for rows k0.. and cones c0..: l = μ/s, y = μ w⁻¹ (w⁻¹ = Jw/det w). */
  const centralDuals = (mu: number, k0: number, c0: number): void => {
    for (let k = k0; k < nRows; k++) l[k] = mu / sl[k];
    for (let k = c0; k < nCones; k++) {
      const a = w[3 * k], b = w[3 * k + 1], d = w[3 * k + 2];
      const det = a * a - b * b - d * d;
      y[3 * k] = (mu * a) / det;
      y[3 * k + 1] = (-mu * b) / det;
      y[3 * k + 2] = (-mu * d) / det;
    }
  };
  let warmUsed = false;
  const ws = opts.warm;
  if (ws && ws.card === card && ws.cuts.length === cuts.length && ws.cuts.every((c, e) => c.length <= cuts[e].length && c.every((d, k) => d === cuts[e][k]))) {
    warmUsed = applyWarm(ws, L, p.u, cuts, v, l, y, sl);
    if (warmUsed) {
      refresh();
      lc = ws.lc;
    } else v.set(feasibleStart(L, p.u, cuts, p.k !== null ? Math.min(0.5, (0.5 * p.k) / p.n) : 0.5));
    refresh();
  }
  if (!warmUsed) {
    // μ₀ = 1: duals of the order of the cost entries (|c_j| ≤ 2 + 2λ); a μ₀ of the order of the gap
    // per pair (~1e-4) makes the normal matrix tiny and the first steps huge
    centralDuals(1, 0, 0);
    if (card !== null) lc = 1 / sc;
  }
  // ---- work arrays
  const rd = new Float64Array(N);
  const H = new Float64Array(rowStart[N]);
  const dInv = new Float64Array(N);
  const Wm = new Float64Array(6 * nCones); // NT scaling W (symmetric 3×3: 00 11 22 01 02 12)
  const Wi = new Float64Array(6 * nCones); // W⁻¹
  const lam = new Float64Array(3 * nCones); // λ = W w = W⁻¹ y
  const rhs = new Float64Array(N);
  const res = new Float64Array(N);
  const tmpA = new Float64Array(N);
  let aHa = 0;
  let rho = 0;
  const dv = new Float64Array(N);
  const dl = new Float64Array(nRows);
  const dsR = new Float64Array(nRows);
  const dw = new Float64Array(3 * nCones);
  const dy = new Float64Array(3 * nCones);
  let dlc = 0;
  let dsc = 0;
  const dvA = new Float64Array(N);
  const dlA = new Float64Array(nRows);
  const dsA = new Float64Array(nRows);
  const dwA = new Float64Array(3 * nCones);
  const dyA = new Float64Array(3 * nCones);
  let dlcA = 0;
  let dscA = 0;
  const rRow = new Float64Array(nRows);
  const qC = new Float64Array(3 * nCones);
  let rCard = 0;
  /** out = M·x for the symmetric 3×3 stored at M[6k..]. */
  const sym3 = (M: Float64Array, k: number, x0: number, x1: number, x2: number, out: Float64Array, o: number): void => {
    const m = 6 * k;
    out[o] = M[m] * x0 + M[m + 3] * x1 + M[m + 4] * x2;
    out[o + 1] = M[m + 3] * x0 + M[m + 1] * x1 + M[m + 5] * x2;
    out[o + 2] = M[m + 4] * x0 + M[m + 5] * x1 + M[m + 2] * x2;
  };
  const t3 = new Float64Array(3);
  /** vec ← (H₀ + ρ 1_z 1_zᵀ)⁻¹ vec: profile factor of H₀, Sherman–Morrison for the cardinality row. */
  const solveH = (vec: Float64Array): void => {
    profileSolve(L, H, dInv, vec);
    if (card === null) return;
    let aV = 0;
    for (let i = 0; i < n; i++) aV += vec[Zi(i)];
    const coef = aV / (1 / rho + aHa);
    for (let j = 0; j < N; j++) vec[j] -= coef * tmpA[j];
  };
  /** Solve the Newton system for the complementarity right-hand sides rRow, qC (= λ \ r_cone), rCard. */
  const direction = (refine: number): void => {
    for (let j = 0; j < N; j++) rhs[j] = -rd[j];
    addAtF(rhs, rRow, -1, sl);
    if (card !== null) for (let i = 0; i < n; i++) rhs[Zi(i)] -= rCard / sc;
    for (let k = 0; k < nCones; k++) {
      sym3(Wm, k, qC[3 * k], qC[3 * k + 1], qC[3 * k + 2], t3, 0);
      rhs[cU[k]] += t3[2];
      rhs[cS[k]] += 0.5 * (t3[0] + t3[1]);
      rhs[cT[k]] += 0.5 * (t3[0] - t3[1]);
    }
    dv.set(rhs);
    solveH(dv);
    recover();
    // iterative refinement on the linearised dual equation Σ a Δl + 1_z Δl_c − Σ PᵀΔy = −r_d, whose
    // residual e equals H·Δv − rhs when Δl, Δy are recovered from Δv: Δv ← Δv − H⁻¹e
    for (let ref = 0; ref < refine; ref++) {
      for (let j = 0; j < N; j++) res[j] = rd[j];
      addAtF(res, dl, 1, null);
      if (card !== null) for (let i = 0; i < n; i++) res[Zi(i)] += dlc;
      for (let k = 0; k < nCones; k++) {
        const o = 3 * k;
        res[cU[k]] -= dy[o + 2];
        res[cS[k]] -= 0.5 * (dy[o] + dy[o + 1]);
        res[cT[k]] -= 0.5 * (dy[o] - dy[o + 1]);
      }
      let eMax = 0;
      for (let j = 0; j < N; j++) eMax = Math.max(eMax, Math.abs(res[j]));
      // stop refining once the equation holds to rounding (a looser 1e-9 saved solves but cost iterations:
      // 33 → 37 on an n = 1380 cell; no refinement: 39)
      if (eMax <= 1e-13 * (1 + rdMaxNow)) break;
      solveH(res);
      for (let j = 0; j < N; j++) dv[j] -= res[j];
      recover();
    }
  };
  /** Δs, Δl, Δw, Δy (and the cardinality pair) from Δv. */
  const recover = (): void => {
    for (let k = 0; k < nRows; k++) {
      let ds = 0;
      for (let t = rp[k]; t < rp[k + 1]; t++) ds -= rc[t] * dv[ri[t]];
      dsR[k] = ds;
      dl[k] = (rRow[k] - l[k] * ds) / sl[k];
    }
    if (card !== null) {
      dsc = 0;
      for (let i = 0; i < n; i++) dsc -= dv[Zi(i)];
      dlc = (rCard - lc * dsc) / sc;
    }
    for (let k = 0; k < nCones; k++) {
      const dS = dv[cS[k]], dT = dv[cT[k]];
      const o = 3 * k;
      dw[o] = 0.5 * (dS + dT);
      dw[o + 1] = 0.5 * (dS - dT);
      dw[o + 2] = dv[cU[k]];
      // Δy = W(q − W Δw)
      sym3(Wm, k, dw[o], dw[o + 1], dw[o + 2], t3, 0);
      const e0 = qC[o] - t3[0], e1 = qC[o + 1] - t3[1], e2 = qC[o + 2] - t3[2];
      sym3(Wm, k, e0, e1, e2, dy, o);
    }
  };
  /** Largest α with x + αd in the interior of Q (3-dim), or ∞. */
  const socStep = (x0: number, x1: number, x2: number, d0: number, d1: number, d2: number): number => {
    const t = socBoundaryHit(d0 * d0 - d1 * d1 - d2 * d2, 2 * (x0 * d0 - x1 * d1 - x2 * d2), x0 * x0 - x1 * x1 - x2 * x2);
    return d0 < 0 ? Math.min(t, -x0 / d0) : t;
  };

  const stepPrimal = (dS: Float64Array, dW: Float64Array, dSc: number): number => {
    let a = Infinity;
    for (let k = 0; k < nRows; k++) if (dS[k] < 0 && -sl[k] / dS[k] < a) a = -sl[k] / dS[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      a = Math.min(a, socStep(w[o], w[o + 1], w[o + 2], dW[o], dW[o + 1], dW[o + 2]));
    }
    if (card !== null && dSc < 0) a = Math.min(a, -sc / dSc);
    return a;
  };
  const stepDual = (dL: Float64Array, dY: Float64Array, dLc: number): number => {
    let a = Infinity;
    for (let k = 0; k < nRows; k++) if (dL[k] < 0 && -l[k] / dL[k] < a) a = -l[k] / dL[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      a = Math.min(a, socStep(y[o], y[o + 1], y[o + 2], dY[o], dY[o + 1], dY[o + 2]));
    }
    if (card !== null && dLc < 0) a = Math.min(a, -lc / dLc);
    return a;
  };
  // ---- main loop
  let status: 'optimal' | 'failed' = 'failed';
  let it = 0;
  let val = p.yNorm2;
  for (let j = 0; j < N; j++) val += c[j] * v[j];
  let gap = Infinity;
  let rdMax = Infinity;
  let dualObj = -Infinity;
  let rdMaxNow = 0;
  let bestLb = -Infinity;
  let cMax = 0;
  for (let j = 0; j < N; j++) cMax = Math.max(cMax, Math.abs(c[j]));
  let stalled = 0;
  const snapGaps = opts.snapshotGaps ?? [];
  const snapshots: (PathPdWarm | undefined)[] = snapGaps.map(() => undefined);
  let bestRd = Infinity;
  for (; it <= maxIt; it++) {
    // dual residual, gap, objectives
    rd.set(c);
    addAtF(rd, l, 1, null);
    if (card !== null) for (let i = 0; i < n; i++) rd[Zi(i)] += lc;
    gap = 0;
    for (let k = 0; k < nRows; k++) gap += sl[k] * l[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      rd[cU[k]] -= y[o + 2];
      rd[cS[k]] -= 0.5 * (y[o] + y[o + 1]);
      rd[cT[k]] -= 0.5 * (y[o] - y[o + 1]);
      gap += w[o] * y[o] + w[o + 1] * y[o + 1] + w[o + 2] * y[o + 2];
    }
    if (card !== null) gap += sc * lc;
    val = p.yNorm2;
    for (let j = 0; j < N; j++) val += c[j] * v[j];
    dualObj = p.yNorm2;
    for (let k = 0; k < nRows; k++) dualObj -= l[k] * rB[k];
    if (card !== null) dualObj -= lc * card;
    rdMax = 0;
    let corr = 0;
    for (let j = 0; j < N; j++) {
      const a = Math.abs(rd[j]);
      if (a > rdMax) rdMax = a;
      corr += a * Math.abs(v[j]);
    }
    const lb = dualObj - corr;
    // the residual allowance is a first-order estimate: bounds are taken only from nearly dual-feasible
    // iterates (at ‖r_d‖∞ = 0.77 it put a "bound" 0.027 above the optimum of a 5-node instance), and never
    // above the primal value
    if (rdMax <= RD_BOUND_TOL * (1 + cMax) && lb > bestLb && lb <= val) {
      bestLb = lb;
      bestRd = rdMax;
    }
    if (val - bestLb <= relTol * Math.max(1, Math.abs(val))) {
      status = 'optimal';
      break;
    }
    if (it === maxIt || !Number.isFinite(gap)) break;
    const mu = gap / deg;
    rdMaxNow = rdMax;
    for (let q = 0; q < snapGaps.length; q++) {
      if (snapshots[q] === undefined && gap <= snapGaps[q] * Math.max(1, Math.abs(val)) && rdMax <= 1e-3) {
        snapshots[q] = { cuts: cuts.map((c) => [...c]), card, v: Float64Array.from(v), l: Float64Array.from(l), y: Float64Array.from(y), lc, mu };
      }
    }
    // NT scaling per cone (W s = W⁻¹ z, W = β(2uuᵀ − J), u = (w̄ + e)/√(2(w̄₀+1)), w̄ = (Jŝ + ẑ)/(2γ))
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
      // W = β(2uuᵀ − J), J = diag(1, −1, −1)
      Wm[m] = beta * (2 * u0 * u0 - 1);
      Wm[m + 1] = beta * (2 * u1 * u1 + 1);
      Wm[m + 2] = beta * (2 * u2 * u2 + 1);
      Wm[m + 3] = beta * 2 * u0 * u1;
      Wm[m + 4] = beta * 2 * u0 * u2;
      Wm[m + 5] = beta * 2 * u1 * u2;
      // W⁻¹ = β⁻¹(2Juuᵀ J − J): (Ju) = (u0, −u1, −u2)
      const ib = 1 / beta;
      Wi[m] = ib * (2 * u0 * u0 - 1);
      Wi[m + 1] = ib * (2 * u1 * u1 + 1);
      Wi[m + 2] = ib * (2 * u2 * u2 + 1);
      Wi[m + 3] = -ib * 2 * u0 * u1;
      Wi[m + 4] = -ib * 2 * u0 * u2;
      Wi[m + 5] = ib * 2 * u1 * u2;
      sym3(Wm, k, s0, s1, s2, lam, o);
      // W² (symmetric), then G = Pᵀ W² P in (U, S, T)
      const W00 = Wm[m], W11 = Wm[m + 1], W22 = Wm[m + 2], W01 = Wm[m + 3], W02 = Wm[m + 4], W12 = Wm[m + 5];
      const M00 = W00 * W00 + W01 * W01 + W02 * W02;
      const M11 = W01 * W01 + W11 * W11 + W12 * W12;
      const M22 = W02 * W02 + W12 * W12 + W22 * W22;
      const M01 = W00 * W01 + W01 * W11 + W02 * W12;
      const M02 = W00 * W02 + W01 * W12 + W02 * W22;
      const M12 = W01 * W02 + W11 * W12 + W12 * W22;
      // P columns: U → (0,0,1), S → (½,½,0), T → (½,−½,0)
      const GUU = M22;
      const GSS = 0.25 * (M00 + 2 * M01 + M11);
      const GTT = 0.25 * (M00 - 2 * M01 + M11);
      const GUS = 0.5 * (M02 + M12);
      const GUT = 0.5 * (M02 - M12);
      const GST = 0.25 * (M00 - M11);
      const cp = 6 * k;
      H[conePos[cp]] += GUU;
      H[conePos[cp + 1]] += GSS;
      H[conePos[cp + 2]] += GTT;
      H[conePos[cp + 3]] += GUS;
      H[conePos[cp + 4]] += GUT;
      H[conePos[cp + 5]] += GST;
    }
    if (bad) break;
    for (let k = 0; k < nRows; k++) {
      const dk = l[k] / sl[k];
      for (let q = pp[k]; q < pp[k + 1]; q++) H[pairPos[q]] += pairCoef[q] * dk;
    }
    for (let i = 0; i < N; i++) H[rowStart[i + 1] - 1] *= 1 + 1e-14;
    if (!profileCholesky(L, H, dInv, true)) break;
    if (card !== null) {
      rho = lc / sc;
      tmpA.fill(0);
      for (let i = 0; i < n; i++) tmpA[Zi(i)] = 1;
      profileSolve(L, H, dInv, tmpA);
      aHa = 0;
      for (let i = 0; i < n; i++) aHa += tmpA[Zi(i)];
    }
    // predictor (affine): r = −s∘l, q = λ \ (−λ∘λ) = −λ
    for (let k = 0; k < nRows; k++) rRow[k] = -sl[k] * l[k];
    for (let j = 0; j < 3 * nCones; j++) qC[j] = -lam[j];
    rCard = -sc * lc;
    direction(0); // predictor: step lengths and the second-order term only
    dvA.set(dv); dlA.set(dl); dsA.set(dsR); dwA.set(dw); dyA.set(dy);
    dlcA = dlc; dscA = dsc;
    const apA = Math.min(1, stepPrimal(dsA, dwA, dscA));
    const adA = Math.min(1, stepDual(dlA, dyA, dlcA));
    let gapA = 0;
    for (let k = 0; k < nRows; k++) gapA += (sl[k] + apA * dsA[k]) * (l[k] + adA * dlA[k]);
    for (let j = 0; j < 3 * nCones; j++) gapA += (w[j] + apA * dwA[j]) * (y[j] + adA * dyA[j]);
    if (card !== null) gapA += (sc + apA * dscA) * (lc + adA * dlcA);
    const sigma = Math.min(1, Math.max(0, Math.pow(Math.max(gapA, 0) / gap, 3)));
    // corrector: r = σμ − s∘l − Δs_a∘Δl_a; cones r = σμe − λ∘λ − (W⁻¹Δy_a)∘(WΔw_a), q = λ \ r
    const smu = sigma * mu;
    for (let k = 0; k < nRows; k++) rRow[k] = smu - sl[k] * l[k] - dsA[k] * dlA[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      sym3(Wi, k, dyA[o], dyA[o + 1], dyA[o + 2], t3, 0);
      const p0 = t3[0], p1 = t3[1], p2 = t3[2];
      sym3(Wm, k, dwA[o], dwA[o + 1], dwA[o + 2], t3, 0);
      const q0 = t3[0], q1 = t3[1], q2 = t3[2];
      const L0 = lam[o], L1 = lam[o + 1], L2 = lam[o + 2];
      // r = σμe − λ∘λ − p∘q, x∘y = (xᵀy, x₀y₁ + y₀x₁, x₀y₂ + y₀x₂)
      const r0 = smu - (L0 * L0 + L1 * L1 + L2 * L2) - (p0 * q0 + p1 * q1 + p2 * q2);
      const r1 = -2 * L0 * L1 - (p0 * q1 + q0 * p1);
      const r2 = -2 * L0 * L2 - (p0 * q2 + q0 * p2);
      // λ \ r: u₀ = (λ₀r₀ − λ₁ᵀr₁)/det λ, u₁ = (r₁ − λ₁u₀)/λ₀
      const detL = L0 * L0 - L1 * L1 - L2 * L2;
      const x0 = (L0 * r0 - L1 * r1 - L2 * r2) / detL;
      qC[o] = x0;
      qC[o + 1] = (r1 - L1 * x0) / L0;
      qC[o + 2] = (r2 - L2 * x0) / L0;
    }
    rCard = smu - sc * lc - dscA * dlcA;
    direction(2);
    const ap = Math.min(1, 0.99 * stepPrimal(dsR, dw, dsc));
    const ad = Math.min(1, 0.99 * stepDual(dl, dy, dlc));
    opts.onIteration?.({ iteration: it, value: val, lowerBound: bestLb, gap, dualResidual: rdMax, stepPrimal: ap, stepDual: ad, sigma });
    if (!(ap > 0 && ad > 0)) break;
    // stall: steps blocked by rounding near the end (the normal matrix has lost its accuracy)
    // (only near the end: early short steps, e.g. after a warm start, are not a rounding stall)
    stalled = Math.max(ap, ad) < 1e-2 && gap <= 1e-4 * Math.max(1, Math.abs(val)) ? stalled + 1 : 0;
    if (stalled >= STALL) {
      // accept the best certified bound if it is within acceptTol
      if (val - bestLb <= acceptTol * Math.max(1, Math.abs(val))) status = 'optimal';
      break;
    }
    for (let j = 0; j < N; j++) v[j] += ap * dv[j];
    for (let k = 0; k < nRows; k++) l[k] += ad * dl[k];
    for (let j = 0; j < 3 * nCones; j++) y[j] += ad * dy[j];
    if (card !== null) lc += ad * dlc;
    refresh();
  }
  // any other exit (iteration limit, lost factorisation, blocked step) still counts if the best bound is
  // within acceptTol (an n = 13,800 cell's round reached 6.8e-6 at iteration 50, then crept to the limit)
  if (status === 'failed' && val - bestLb <= acceptTol * Math.max(1, Math.abs(val))) status = 'optimal';
  const lowerBound = bestLb;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const gd = new Float64Array(n);
  const go = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    x[i] = Math.max(0, v[base[i]]);
    z[i] = Math.min(1, Math.max(0, v[base[i] + 1]));
    gd[i] = v[base[i] + 2];
  }
  for (let e = 0; e < n - 1; e++) go[e] = v[gOffIdx[e]];
  return {
    status, x, z, gDiag: gd, gOff: go, value: val, lowerBound: status === 'optimal' ? lowerBound : -Infinity, gap: val - lowerBound,
    newtonSteps: it, timeMs: performance.now() - t0, dualResidual: bestRd, warmStarted: warmUsed,
    pdSnapshots: snapshots,
  };
}

/**
 * Fill v, l, y of the layout L (cut sets `cuts`) from the snapshot ws (see {@link PathPdWarm}); the row
 * slacks `sl` are used as scratch. False if the mapped point is not strictly feasible.
 */
function applyWarm(ws: PathPdWarm, L: PathLayout, u: number, cuts: ReadonlyArray<ReadonlyArray<number>>, v: Float64Array, l: Float64Array, y: Float64Array, sl: Float64Array): boolean {
  const { n, base, gOffIdx, nRows, rIdx, rCoef, rB, nCones, cU, cS, cT } = L;
  const mu = ws.mu;
  if (!(mu > 0) || !Number.isFinite(mu)) return false;
  // old layout offsets
  let oldN = 0;
  const oldBase = new Int32Array(n);
  const oldG = new Int32Array(n - 1);
  let oldCuts = 0;
  for (let i = 0; i < n; i++) {
    oldBase[i] = oldN;
    oldN += 3;
    if (i < n - 1) {
      oldG[i] = oldN;
      oldN += 1 + 3 * ws.cuts[i].length;
      oldCuts += ws.cuts[i].length;
    }
  }
  if (ws.v.length !== oldN || ws.l.length !== 4 * n + 3 * oldCuts || ws.y.length !== 3 * (n + 2 * oldCuts)) return false;
  // primal: nodes, Γ_e, old cuts copied
  for (let i = 0; i < n; i++) for (let t = 0; t < 3; t++) v[base[i] + t] = ws.v[oldBase[i] + t];
  for (let e = 0; e < n - 1; e++) {
    v[gOffIdx[e]] = ws.v[oldG[e]];
    for (let k = 0; k < ws.cuts[e].length; k++) for (let t = 1; t <= 3; t++) v[gOffIdx[e] + 3 * k + t] = ws.v[oldG[e] + 3 * k + t];
  }
  // new cuts: v, w above |x_a − x_b/d| by a margin, s inside both cones, Γ_e lowered if the cut row needs it
  for (let e = 0; e < n - 1; e++) {
    const a = e, b = e + 1;
    for (let k = ws.cuts[e].length; k < cuts[e].length; k++) {
      const d = cuts[e][k];
      const xa = v[base[a]], xb = v[base[b]], za = v[base[a] + 1], zb = v[base[b] + 1];
      const delta = xa - xb / d;
      // tight margins (relative 1e-3): a loose start inside the new cones costs Γ_e (and objective) a lot
      // when d is extreme (d = 1e2: the row d·s ≤ dΓ_aa − … is nearly tight at s = x_a²/z_a ≈ Γ_aa);
      // but every new row slack and s at least WARM_FLOOR·μ, so the new duals μ/slack stay ≤ 1/WARM_FLOOR
      // (a cut with x_a ≈ x_b/d ≈ 0 got s ≈ 1e-15 and a dual of 1e4; its round took 48 + 78 iterations)
      const tiny = 1e-9 * (xa + xb / d) + 1e-15;
      const m = Math.min(1, d);
      const fl = WARM_FLOOR * mu;
      const dp = Math.max(delta, 0), dn = Math.max(-delta, 0);
      const V = dp + Math.max(1e-3 * dp + tiny, fl / m);
      const W = dn + Math.max(1e-3 * dn + tiny, fl / m);
      const s0 = Math.max(Math.max((V * V) / za, (W * W) / zb) * (1 + 1e-3) + tiny, fl);
      const o = gOffIdx[e] + 1 + 3 * k;
      v[o] = s0;
      v[o + 1] = V;
      v[o + 2] = W;
      const gaa = v[base[a] + 2], gbb = v[base[b] + 2];
      // d·s ≤ dΓ_aa − 2Γ_e + Γ_bb/d with slack ≥ 1e-3·d·s and ≥ the floor (the row is scaled by 1/max(d, 1/d))
      const gMax = (d * gaa + gbb / d - d * s0 - Math.max(1e-3 * d * s0, fl * Math.max(d, 1 / d))) / 2;
      if (v[gOffIdx[e]] > gMax) v[gOffIdx[e]] = gMax;
    }
  }
  // slacks: all must be interior
  for (let k = 0; k < nRows; k++) {
    let sk = rB[k];
    for (let t = 0; t < 4; t++) {
      const j = rIdx[4 * k + t];
      if (j >= 0) sk -= rCoef[4 * k + t] * v[j];
    }
    if (!(sk > 0)) return false;
    sl[k] = sk;
  }
  for (let k = 0; k < nCones; k++) {
    const S = v[cS[k]], T = v[cT[k]], U = v[cU[k]];
    if (!(S > 0 && T > 0 && S * T - U * U > 0)) return false;
  }
  // duals: node rows and old cut rows / cones copied; new ones central at μ
  for (let k = 0; k < 4 * n; k++) l[k] = ws.l[k];
  for (let i = 0; i < n; i++) for (let t = 0; t < 3; t++) y[3 * i + t] = ws.y[3 * i + t];
  let rNew = 4 * n;
  let cNew = n;
  let rOld = 4 * n;
  let cOld = n;
  for (let e = 0; e < n - 1; e++) {
    for (let k = 0; k < cuts[e].length; k++) {
      if (k < ws.cuts[e].length) {
        for (let t = 0; t < 3; t++) l[rNew + t] = ws.l[rOld + t];
        for (let t = 0; t < 6; t++) y[3 * cNew + t] = ws.y[3 * cOld + t];
        rOld += 3;
        cOld += 2;
      } else {
        for (let t = 0; t < 3; t++) l[rNew + t] = mu / sl[rNew + t];
        for (let q = 0; q < 2; q++) {
          const kc = cNew + q;
          const S = v[cS[kc]], T = v[cT[kc]];
          const w0 = 0.5 * (S + T), w1 = 0.5 * (S - T), w2 = v[cU[kc]];
          const det = w0 * w0 - w1 * w1 - w2 * w2;
          y[3 * kc] = (mu * w0) / det;
          y[3 * kc + 1] = (-mu * w1) / det;
          y[3 * kc + 2] = (-mu * w2) / det;
        }
      }
      rNew += 3;
      cNew += 2;
    }
  }
  return rOld === ws.l.length && cOld * 3 === ws.y.length;
}
