/**
 * A primal–dual interior-point solver for the decomp model (32) on a PATH (AGH21 §4.2.2) — ours,
 * the fast alternative to the primal log-barrier of path-barrier.ts, same model and layout
 * (path-layout.ts), with or without affine priors on z (Decomp-prior (43), §5.2.2; the extra rows are
 * built by path-pd-model.ts, the public entry for them is path-pd-priors.ts):
 *
 *   ζ = ‖y‖² + min c′v  s.t.  a_k′v ≤ b_k (rows),  S_k·T_k ≥ U_k² (rotated cones),  Σz ≤ k (optional).
 *
 * Each rotated cone is the second-order cone Q = {w : w₀ ≥ ‖(w₁, w₂)‖} in the coordinates
 * w = P(U, S, T) = ((S+T)/2, (S−T)/2, U), since w₀² − w₁² − w₂² = ST − U². The dual is
 *   max ‖y‖² − Σ l_k b_k  s.t.  c + Σ l_k a_k − Σ P_kᵀ y_k = 0,  l ≥ 0,  y_k ∈ Q.                      (PD1)
 * Method: infeasible-dual path following with Nesterov–Todd scaling and Mehrotra's predictor–corrector
 * (the primal iterate stays strictly feasible: row slacks and cone points are computed from v).
 * Newton system in v only:
 *   (Σ (l_k/s_k) a_k a_kᵀ + Σ P_kᵀ W_k² P_k + (l_c/s_c) 1_z 1_zᵀ) Δv = r,                              (PD2)
 * with the same profile as the barrier Hessian (profile Cholesky, O(n·b²), a lost pivot replaced by 1e64);
 * the cardinality row's rank-one term by Sherman–Morrison; up to two steps of iterative refinement on
 * the linearised dual equation for the corrector (none for the predictor, used only for step lengths).
 * Complementarity right-hand sides (rows r, cones q = λ \ r_cone, cardinality row r_c):
 *   predictor  r = −s∘l,  r_cone = −λ∘λ;                                                             (PD3)
 *   corrector  r = σμ − s∘l − Δs_a∘Δl_a,  r_cone = σμe − λ∘λ − (W⁻¹Δy_a)∘(WΔw_a),  σ = (gap_a/gap)³.  (PD4)
 *
 * Certificate: every iterate's dual point gives the bound
 *   lowerBound = ‖y‖² − Σ l_k b_k − Σ_j |r_d,j|·|v_j|,   r_d = c + Σ l_k a_k − Σ P_kᵀ y_k,             (PD5)
 * the dual objective less the dual residual's effect at the current point (exactly valid when r_d = 0;
 * the residual term is our first-order allowance for r_d ≠ 0, a few units of 1e-9 here). The best bound
 * over the nearly dual-feasible iterates (‖r_d‖∞ ≤ 1e-6·(1 + ‖c‖∞), bound ≤ value) is returned. Stops when ζ − lowerBound ≤ relTol·max(1, |ζ|); a stalled solve
 * (rounding near the end) is accepted within acceptTol. Checked against the barrier solver and the
 * conic solver in test/unit/signal-relax-pd.test.ts.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import { pathBarrierApplies, type PathBarrierSolution } from './path-barrier.ts';
import { buildPathLayout, feasibleStart, type PathLayout } from './path-layout.ts';
import { layoutModel, type PdModel } from './path-pd-model.ts';
import { NormalSystem, PdPoint, PdStep, sym3 } from './path-pd-state.ts';

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
 * A primal–dual iterate of an earlier solve on the same path with the same k (and priors), e.g. the previous
 * round of Algorithm 1 (its Δ_e a prefix of the new one, as Algorithm 1 appends cuts) or a neighbouring
 * (λ, μ) (the constraints do not depend on them). Cuts are matched by their d: a matched cut's s, v, w and
 * duals are copied, a new cut's s, v, w are set strictly feasible (Γ_e lowered where the new row needs it)
 * and its duals central at the snapshot's μ, an unmatched old cut is dropped; everything else is copied.
 * Only the start changes: the stopping test and the bound are as for a cold start.
 */
export interface PathPdWarm {
  cuts: number[][];
  card: number | null;
  v: Float64Array;
  l: Float64Array;
  y: Float64Array;
  lc: number;
  mu: number;
  /**
   * Models with priors (path-pd-priors.ts): v and l above are in the prior-free layout's indexing; these are
   * the values of the variables the priors add and the duals of their rows, in the model's order.
   */
  vExtra?: Float64Array;
  lExtra?: Float64Array;
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


/**
 * Solve (32) on a path for the cut sets Δ by the primal–dual method (see module comment):
 *
 *   ζ = ‖y‖² + min −2y′x + νΣx + μΣz + Σ Q_ii Γ_ii − 2λ Σ_e Γ_e
 *       s.t. (23b), 0 ≤ x ≤ u z, 0 ≤ z ≤ 1, Σz ≤ k (if set), the cuts (33) for d ∈ Δ_e,
 *
 * with the model of path-barrier.ts: layout → start (warm or central) → {@link primalDual} → the point and its bound.
 */
export function solveDecompPathPD(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathPdOptions = {}): PathPdSolution {
  if (!pathBarrierApplies(p)) {
    throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, no priors, ‖y‖∞ > 0 and k ≥ 1 if set');
  }
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const L = buildPathLayout(p, cuts);
  // start: the layout's point with offsets ε = z₀ (the barrier's ε = 1 makes s ~ 1/z₀ when z₀ = k/2n is small)
  const eps = p.k !== null ? Math.min(0.5, (0.5 * p.k) / p.n) : 0.5;
  const M = layoutModel(L, feasibleStart(L, p.u, cuts, eps));
  const pt = new PdPoint(M, M.v0);
  pt.refresh();
  const warmUsed = startPoint(pt, L, p.u, cuts, eps, opts.warm);
  const r = primalDual(M, p.yNorm2, pt, opts, { cuts, card: L.card, gaps: opts.snapshotGaps ?? [] });
  return { ...pathSolution(M, pt.v, r, t0), dualResidual: r.bestRd, warmStarted: warmUsed, pdSnapshots: r.snapshots };
}

/**
 * The duals of the start: from a matching warm snapshot (see {@link PathPdWarm}), else central at μ₀ = 1:
 * duals of the order of the cost entries (|c_j| ≤ 2 + 2λ); a μ₀ of the order of the gap per pair (~1e-4)
 * makes the normal matrix tiny and the first steps huge. True if the warm start was used.
 */
function startPoint(pt: PdPoint, L: PathLayout, u: number, cuts: ReadonlyArray<ReadonlyArray<number>>, eps: number, ws: PathPdWarm | undefined): boolean {
  let warmUsed = false;
  if (ws && ws.vExtra === undefined && warmMatches(ws, cuts, L.card)) {
    warmUsed = applyWarm(ws, L, cuts, pt.v, pt.l, pt.y, pt.sl);
    if (warmUsed) {
      pt.refresh();
      pt.lc = ws.lc;
    } else pt.v.set(feasibleStart(L, u, cuts, eps));
    pt.refresh();
  }
  if (!warmUsed) pt.centralDuals(1);
  return warmUsed;
}

/** Options of the shared loop: those of both public solvers. */
type LoopOptions = Pick<PathPdOptions, 'relTol' | 'maxIterations' | 'acceptTol' | 'onIteration'>;

/** Whether the snapshot ws is of a model with the same edges and k (its cut sets may be any: see {@link applyWarm}). */
export function warmMatches(ws: PathPdWarm, cuts: ReadonlyArray<ReadonlyArray<number>>, card: number | null): boolean {
  return ws.card === card && ws.cuts.length === cuts.length;
}

/** Where snapshots are recorded: the cut sets, k, and the relative gaps. */
export interface SnapshotSpec {
  cuts: ReadonlyArray<ReadonlyArray<number>>;
  card: number | null;
  gaps: number[];
}

/** What the loop returns besides the point. */
export interface PdOutcome {
  status: 'optimal' | 'failed';
  iterations: number;
  value: number;
  /** Best certified bound (PD5) and ‖r_d‖∞ at it. */
  bestLb: number;
  bestRd: number;
  snapshots: (PathPdWarm | undefined)[];
}

/**
 * The primal–dual iteration on model M from the point pt (slacks refreshed, duals set):
 * loop { residuals and bound (PD5) → stop? → NT scaling and normal matrix (PD2) → predictor (PD3) →
 * corrector (PD4) → step lengths → stall test → update } → accept within acceptTol.
 */
export function primalDual(M: PdModel, yNorm2: number, pt: PdPoint, opts: LoopOptions, snap: SnapshotSpec | null): PdOutcome {
  const relTol = opts.relTol ?? 1e-7;
  const acceptTol = Math.max(relTol, opts.acceptTol ?? 1e-5);
  const maxIt = opts.maxIterations ?? 150;
  const sys = new NormalSystem(M);
  const nt = new Newton(M, pt, sys);
  const deg = M.nRows + M.nCones + (M.card !== null ? 1 : 0);
  let cMax = 0;
  for (let j = 0; j < M.N; j++) cMax = Math.max(cMax, Math.abs(M.c[j]));
  const out: PdOutcome = { status: 'failed', iterations: 0, value: objective(M, yNorm2, pt.v), bestLb: -Infinity, bestRd: Infinity, snapshots: (snap?.gaps ?? []).map(() => undefined) };
  const within = (tol: number): boolean => out.value - out.bestLb <= tol * Math.max(1, Math.abs(out.value));
  let stalled = 0;
  let it = 0;
  for (; it <= maxIt; it++) {
    const res = nt.residuals(yNorm2);
    out.value = res.val;
    // the residual allowance is a first-order estimate: bounds are taken only from nearly dual-feasible
    // iterates (at ‖r_d‖∞ = 0.77 it put a "bound" 0.027 above the optimum of a 5-node instance), and never
    // above the primal value
    if (res.rdMax <= RD_BOUND_TOL * (1 + cMax) && res.lb > out.bestLb && res.lb <= res.val) {
      out.bestLb = res.lb;
      out.bestRd = res.rdMax;
    }
    if (within(relTol)) {
      out.status = 'optimal';
      break;
    }
    if (it === maxIt || !Number.isFinite(res.gap)) break;
    const mu = res.gap / deg;
    nt.rdMaxNow = res.rdMax;
    if (snap) recordSnapshots(M, snap, pt, res, mu, out.snapshots);
    if (!sys.assemble(pt) || !sys.factor(pt)) break;
    const sigma = nt.predictor(res.gap);
    nt.corrector(sigma * mu);
    const ap = Math.min(1, 0.99 * pt.stepPrimal(nt.step));
    const ad = Math.min(1, 0.99 * pt.stepDual(nt.step));
    opts.onIteration?.({ iteration: it, value: res.val, lowerBound: out.bestLb, gap: res.gap, dualResidual: res.rdMax, stepPrimal: ap, stepDual: ad, sigma });
    if (!(ap > 0 && ad > 0)) break;
    // stall: steps blocked by rounding near the end (the normal matrix has lost its accuracy)
    // (only near the end: early short steps, e.g. after a warm start, are not a rounding stall)
    stalled = Math.max(ap, ad) < 1e-2 && res.gap <= 1e-4 * Math.max(1, Math.abs(res.val)) ? stalled + 1 : 0;
    if (stalled >= STALL) break;
    pt.update(ap, ad, nt.step);
  }
  out.iterations = it;
  // any other exit (iteration limit, lost factorisation, blocked step, stall) still counts if the best bound
  // is within acceptTol (an n = 13,800 cell's round reached 6.8e-6 at iteration 50, then crept to the limit)
  if (out.status === 'failed' && within(acceptTol)) out.status = 'optimal';
  return out;
}

/** ζ = ‖y‖² + c′v. */
function objective(M: PdModel, yNorm2: number, v: Float64Array): number {
  let val = yNorm2;
  for (let j = 0; j < M.N; j++) val += M.c[j] * v[j];
  return val;
}

/** Record snapshot q at the first iterate with gap ≤ gaps[q]·max(1, |ζ|) and ‖r_d‖∞ ≤ 1e-3. */
function recordSnapshots(M: PdModel, snap: SnapshotSpec, pt: PdPoint, res: Residual, mu: number, snapshots: (PathPdWarm | undefined)[]): void {
  for (let q = 0; q < snap.gaps.length; q++) {
    if (snapshots[q] === undefined && res.gap <= snap.gaps[q] * Math.max(1, Math.abs(res.val)) && res.rdMax <= 1e-3) {
      const cuts = snap.cuts.map((c) => [...c]);
      const lay = M.layout;
      if (lay === undefined) {
        snapshots[q] = { cuts, card: snap.card, v: Float64Array.from(pt.v), l: Float64Array.from(pt.l), y: Float64Array.from(pt.y), lc: pt.lc, mu };
      } else {
        // priors: the layout's part in its own indexing, the priors' variables and rows beside it
        const nL = lay.L.nRows;
        snapshots[q] = {
          cuts, card: snap.card, v: Float64Array.from(lay.vMap, (j) => pt.v[j]), l: pt.l.slice(0, nL), y: Float64Array.from(pt.y), lc: pt.lc, mu,
          vExtra: Float64Array.from(lay.extra, (j) => pt.v[j]), lExtra: pt.l.slice(nL),
        };
      }
    }
  }
}

/** The residual evaluation at the top of an iteration. */
interface Residual {
  /** Complementarity gap sᵀl + wᵀy + s_c l_c. */
  gap: number;
  /** ζ at the point. */
  val: number;
  /** ‖r_d‖∞. */
  rdMax: number;
  /** The bound (PD5) at the point. */
  lb: number;
}

/** Residuals, right-hand sides and the direction solves of one iteration. */
class Newton {
  /** Dual residual r_d of (PD1)–(PD5). */
  readonly rd: Float64Array;
  /** ‖r_d‖∞ of this iteration (the refinement's stopping scale). */
  rdMaxNow = 0;
  /** The current direction and the predictor's. */
  readonly step: PdStep;
  private readonly aff: PdStep;
  private readonly rhs: Float64Array;
  private readonly res: Float64Array;
  /** Complementarity right-hand sides: rows, cones (q = λ \ r_cone), the dense row. */
  private readonly rRow: Float64Array;
  private readonly qC: Float64Array;
  private rCard = 0;
  private readonly t3 = new Float64Array(3);

  constructor(private readonly M: PdModel, private readonly pt: PdPoint, private readonly sys: NormalSystem) {
    this.rd = new Float64Array(M.N);
    this.rhs = new Float64Array(M.N);
    this.res = new Float64Array(M.N);
    this.rRow = new Float64Array(M.nRows);
    this.qC = new Float64Array(3 * M.nCones);
    this.step = new PdStep(M);
    this.aff = new PdStep(M);
  }

  /** r_d = c + Σ l_k a_k + l_c 1_z − Σ P_kᵀ y_k, the gap, ζ, the dual objective and the bound (PD5). */
  residuals(yNorm2: number): Residual {
    const { nRows, rp, ri, rc, rb, nCones, cU, cS, cT, c, card, N } = this.M;
    const { sl, l, w, y, v } = this.pt;
    const rd = this.rd;
    rd.set(c);
    for (let k = 0; k < nRows; k++) {
      const fk = l[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) rd[ri[t]] += rc[t] * fk;
    }
    if (card !== null) for (let i = 0; i < card.idx.length; i++) rd[card.idx[i]] += this.pt.lc;
    let gap = 0;
    for (let k = 0; k < nRows; k++) gap += sl[k] * l[k];
    if (card !== null && card.capacitance) gap += this.pt.sc * this.pt.lc;
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      rd[cU[k]] -= y[o + 2];
      rd[cS[k]] -= 0.5 * (y[o] + y[o + 1]);
      rd[cT[k]] -= 0.5 * (y[o] - y[o + 1]);
      gap += w[o] * y[o] + w[o + 1] * y[o + 1] + w[o + 2] * y[o + 2];
    }
    if (card !== null && !card.capacitance) gap += this.pt.sc * this.pt.lc;
    const val = objective(this.M, yNorm2, v);
    let dualObj = yNorm2;
    for (let k = 0; k < nRows; k++) dualObj -= l[k] * rb[k];
    if (card !== null) dualObj -= this.pt.lc * card.rhs;
    let rdMax = 0;
    let corr = 0;
    for (let j = 0; j < N; j++) {
      const a = Math.abs(rd[j]);
      if (a > rdMax) rdMax = a;
      corr += a * Math.abs(v[j]);
    }
    return { gap, val, rdMax, lb: dualObj - corr };
  }

  /**
   * Predictor (PD3): r = −s∘l, q = λ \ (−λ∘λ) = −λ, r_c = −s_c l_c, no refinement (step lengths and the
   * second-order term only); σ = (gap_a/gap)³ clipped to [0, 1], gap_a the gap after the affine steps.
   */
  predictor(gap: number): number {
    const { nRows, nCones } = this.M;
    const { sl, l, w, y, sc, lc } = this.pt;
    const lam = this.sys.lam;
    for (let k = 0; k < nRows; k++) this.rRow[k] = -sl[k] * l[k];
    for (let j = 0; j < 3 * nCones; j++) this.qC[j] = -lam[j];
    this.rCard = -sc * lc;
    this.direction(0);
    const A = this.aff;
    A.copyDualsAndSlacks(this.step);
    const apA = Math.min(1, this.pt.stepPrimal(A));
    const adA = Math.min(1, this.pt.stepDual(A));
    let gapA = 0;
    for (let k = 0; k < nRows; k++) gapA += (sl[k] + apA * A.ds[k]) * (l[k] + adA * A.dl[k]);
    for (let j = 0; j < 3 * nCones; j++) gapA += (w[j] + apA * A.dw[j]) * (y[j] + adA * A.dy[j]);
    if (this.M.card !== null) gapA += (sc + apA * A.dsc) * (lc + adA * A.dlc);
    return Math.min(1, Math.max(0, Math.pow(Math.max(gapA, 0) / gap, 3)));
  }

  /** Corrector (PD4) at σμ = smu, with two refinement steps. */
  corrector(smu: number): void {
    const { nRows, nCones } = this.M;
    const { sl, l, sc, lc } = this.pt;
    const { Wm, Wi, lam } = this.sys;
    const { aff: A, qC, t3 } = this;
    for (let k = 0; k < nRows; k++) this.rRow[k] = smu - sl[k] * l[k] - A.ds[k] * A.dl[k];
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      sym3(Wi, k, A.dy[o], A.dy[o + 1], A.dy[o + 2], t3, 0);
      const p0 = t3[0], p1 = t3[1], p2 = t3[2];
      sym3(Wm, k, A.dw[o], A.dw[o + 1], A.dw[o + 2], t3, 0);
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
    this.rCard = smu - sc * lc - A.dsc * A.dlc;
    this.direction(2);
  }

  /** Solve (PD2) for the right-hand sides rRow, qC, rCard, then `refine` refinement steps; the result in `step`. */
  private direction(refine: number): void {
    const { N, nRows, rp, ri, rc, nCones, cU, cS, cT, card } = this.M;
    const { sl, sc } = this.pt;
    const { rhs, rRow, qC, t3 } = this;
    for (let j = 0; j < N; j++) rhs[j] = -this.rd[j];
    for (let k = 0; k < nRows; k++) {
      const fk = (-1 * rRow[k]) / sl[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) rhs[ri[t]] += rc[t] * fk;
    }
    if (card !== null) for (let i = 0; i < card.idx.length; i++) rhs[card.idx[i]] -= this.rCard / sc;
    for (let k = 0; k < nCones; k++) {
      sym3(this.sys.Wm, k, qC[3 * k], qC[3 * k + 1], qC[3 * k + 2], t3, 0);
      rhs[cU[k]] += t3[2];
      rhs[cS[k]] += 0.5 * (t3[0] + t3[1]);
      rhs[cT[k]] += 0.5 * (t3[0] - t3[1]);
    }
    this.step.dv.set(rhs);
    this.sys.solve(this.step.dv);
    this.recover();
    for (let ref = 0; ref < refine; ref++) if (!this.refineOnce()) break;
  }

  /**
   * One step of iterative refinement on the linearised dual equation Σ a Δl + 1_z Δl_c − Σ PᵀΔy = −r_d,
   * whose residual e equals H·Δv − rhs when Δl, Δy are recovered from Δv: Δv ← Δv − H⁻¹e. False (no
   * step) once the equation holds to rounding (a looser 1e-9 saved solves but cost iterations: 33 → 37 on
   * an n = 1380 cell; no refinement: 39).
   */
  private refineOnce(): boolean {
    const { N, nRows, rp, ri, rc, nCones, cU, cS, cT, card } = this.M;
    const { dl, dy, dv } = this.step;
    const res = this.res;
    for (let j = 0; j < N; j++) res[j] = this.rd[j];
    for (let k = 0; k < nRows; k++) {
      const fk = dl[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) res[ri[t]] += rc[t] * fk;
    }
    if (card !== null) for (let i = 0; i < card.idx.length; i++) res[card.idx[i]] += this.step.dlc;
    for (let k = 0; k < nCones; k++) {
      const o = 3 * k;
      res[cU[k]] -= dy[o + 2];
      res[cS[k]] -= 0.5 * (dy[o] + dy[o + 1]);
      res[cT[k]] -= 0.5 * (dy[o] - dy[o + 1]);
    }
    let eMax = 0;
    for (let j = 0; j < N; j++) eMax = Math.max(eMax, Math.abs(res[j]));
    if (eMax <= 1e-13 * (1 + this.rdMaxNow)) return false;
    this.sys.solve(res);
    for (let j = 0; j < N; j++) dv[j] -= res[j];
    this.recover();
    return true;
  }

  /** Δs, Δl, Δw, Δy (and the dense row's pair) from Δv: Δl = (r − l∘Δs)/s, Δy = W(q − W Δw). */
  private recover(): void {
    const { nRows, rp, ri, rc, nCones, cU, cS, cT, card } = this.M;
    const { sl, l, sc, lc } = this.pt;
    const Wm = this.sys.Wm;
    const { dv, ds: dsR, dl, dw, dy } = this.step;
    const { rRow, qC, t3 } = this;
    for (let k = 0; k < nRows; k++) {
      let ds = 0;
      for (let t = rp[k]; t < rp[k + 1]; t++) ds -= rc[t] * dv[ri[t]];
      dsR[k] = ds;
      dl[k] = (rRow[k] - l[k] * ds) / sl[k];
    }
    if (card !== null) {
      let dsc = 0;
      for (let i = 0; i < card.idx.length; i++) dsc -= dv[card.idx[i]];
      this.step.dsc = dsc;
      this.step.dlc = (this.rCard - lc * dsc) / sc;
    }
    for (let k = 0; k < nCones; k++) {
      const dS = dv[cS[k]], dT = dv[cT[k]];
      const o = 3 * k;
      dw[o] = 0.5 * (dS + dT);
      dw[o + 1] = 0.5 * (dS - dT);
      dw[o + 2] = dv[cU[k]];
      sym3(Wm, k, dw[o], dw[o + 1], dw[o + 2], t3, 0);
      const e0 = qC[o] - t3[0], e1 = qC[o + 1] - t3[1], e2 = qC[o + 2] - t3[2];
      sym3(Wm, k, e0, e1, e2, dy, o);
    }
  }
}

/** The point of model M as a path solution (x clipped to ≥ 0, z to [0, 1]); no bound unless optimal. */
export function pathSolution(M: PdModel, v: Float64Array, r: PdOutcome, t0: number): PathBarrierSolution {
  const { n, base, gOff } = M;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const gd = new Float64Array(n);
  const go = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    x[i] = Math.max(0, v[base[i]]);
    z[i] = Math.min(1, Math.max(0, v[base[i] + 1]));
    gd[i] = v[base[i] + 2];
  }
  for (let e = 0; e < n - 1; e++) go[e] = v[gOff[e]];
  return {
    status: r.status, x, z, gDiag: gd, gOff: go, value: r.value, lowerBound: r.status === 'optimal' ? r.bestLb : -Infinity, gap: r.value - r.bestLb,
    newtonSteps: r.iterations, timeMs: performance.now() - t0,
  };
}

/**
 * Fill v, l, y of the layout L (cut sets `cuts`) from the snapshot ws (see {@link PathPdWarm}); the row
 * slacks `sl` are used as scratch. A cut of `cuts` whose d the snapshot's edge also has takes that cut's
 * s, v, w and duals; the other new cuts are set as in {@link newCutPrimal}; snapshot cuts absent from `cuts`
 * are dropped (dropping rows keeps the copied point feasible for the rest). False if the mapped point is
 * not strictly feasible.
 */
export function applyWarm(ws: PathPdWarm, L: PathLayout, cuts: ReadonlyArray<ReadonlyArray<number>>, v: Float64Array, l: Float64Array, y: Float64Array, sl: Float64Array): boolean {
  const mu = ws.mu;
  if (!(mu > 0) || !Number.isFinite(mu)) return false;
  const old = snapshotLayout(ws, L.n);
  if (ws.v.length !== old.N || ws.l.length !== 4 * L.n + 3 * old.cuts || ws.y.length !== 3 * (L.n + 2 * old.cuts)) return false;
  const match = cuts.map((c, e) => c.map((d) => ws.cuts[e].indexOf(d)));
  copyOldPrimal(ws, L, old, match, v);
  for (let e = 0; e < L.n - 1; e++) for (let k = 0; k < cuts[e].length; k++) if (match[e][k] < 0) newCutPrimal(L, v, e, k, cuts[e][k], mu);
  if (!interior(L, v, sl)) return false;
  warmDuals(ws, L, old, match, v, l, y, sl);
  return true;
}

/** Offsets of the snapshot's layout: node blocks, Γ_e, the number of variables and of cuts, each edge's first cut's number. */
function snapshotLayout(ws: PathPdWarm, n: number): { base: Int32Array; g: Int32Array; N: number; cuts: number; cut0: Int32Array } {
  let N = 0;
  const base = new Int32Array(n);
  const g = new Int32Array(n - 1);
  const cut0 = new Int32Array(n - 1);
  let cuts = 0;
  for (let i = 0; i < n; i++) {
    base[i] = N;
    N += 3;
    if (i < n - 1) {
      g[i] = N;
      N += 1 + 3 * ws.cuts[i].length;
      cut0[i] = cuts;
      cuts += ws.cuts[i].length;
    }
  }
  return { base, g, N, cuts, cut0 };
}

/** Primal: nodes, Γ_e and the matched cuts' s, v, w copied from the snapshot. */
function copyOldPrimal(ws: PathPdWarm, L: PathLayout, old: { base: Int32Array; g: Int32Array }, match: number[][], v: Float64Array): void {
  const { n, base, gOffIdx } = L;
  for (let i = 0; i < n; i++) for (let t = 0; t < 3; t++) v[base[i] + t] = ws.v[old.base[i] + t];
  for (let e = 0; e < n - 1; e++) {
    v[gOffIdx[e]] = ws.v[old.g[e]];
    match[e].forEach((m, k) => {
      if (m >= 0) for (let t = 1; t <= 3; t++) v[gOffIdx[e] + 3 * k + t] = ws.v[old.g[e] + 3 * m + t];
    });
  }
}

/**
 * New cut k (multiplier d) of edge e: v, w above |x_a − x_b/d| by a margin, s inside both cones, Γ_e
 * lowered if the cut row needs it.
 */
function newCutPrimal(L: PathLayout, v: Float64Array, e: number, k: number, d: number, mu: number): void {
  const { base, gOffIdx } = L;
  const a = e, b = e + 1;
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

/** Whether every row slack (written to sl) and every cone of v is strictly interior. */
function interior(L: PathLayout, v: Float64Array, sl: Float64Array): boolean {
  const { nRows, rIdx, rCoef, rB, nCones, cU, cS, cT } = L;
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
  return true;
}

/** Duals: node rows and matched cut rows / cones copied; new ones central at μ. */
function warmDuals(ws: PathPdWarm, L: PathLayout, old: { cut0: Int32Array }, match: number[][], v: Float64Array, l: Float64Array, y: Float64Array, sl: Float64Array): void {
  const { n, cS, cT, cU } = L;
  const mu = ws.mu;
  for (let k = 0; k < 4 * n; k++) l[k] = ws.l[k];
  for (let i = 0; i < n; i++) for (let t = 0; t < 3; t++) y[3 * i + t] = ws.y[3 * i + t];
  let rNew = 4 * n;
  let cNew = n;
  for (let e = 0; e < n - 1; e++) {
    for (const m of match[e]) {
      if (m >= 0) {
        const q = old.cut0[e] + m;
        for (let t = 0; t < 3; t++) l[rNew + t] = ws.l[4 * n + 3 * q + t];
        for (let t = 0; t < 6; t++) y[3 * cNew + t] = ws.y[3 * (n + 2 * q) + t];
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
}
