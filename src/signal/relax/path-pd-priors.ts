/**
 * The primal–dual path solver of path-pd.ts for the decomp model (32) WITH affine priors on z — ours, for
 * Decomp-prior (43) of AGH21 §5.2.2: the same model, layout, method and loop, with the priors' rows added
 * by path-pd-model.ts ({@link priorModel}):
 *   - every linear prior Σ_t coef_t z_{i_t} (≤ | ≥) rhs as one more row (the windows (43d) have 2h + 1 terms);
 *   - the switch count (43c) Σ_e |z_{e+1} − z_e| ≤ max through two variables per edge and local rows;
 *   - the dense row Σz ≤ k in the Newton system by a Sherman–Morrison update, as without priors.
 *
 * Method and certificate as in path-pd.ts (Nesterov–Todd scaling, Mehrotra predictor–corrector, profile
 * Cholesky; the bound is the dual objective less the dual residual's effect at the iterate, taken only from
 * nearly dual-feasible iterates and never above the value). Cold start: z_i = z₀ constant (strictly inside
 * every window row when n > h), t_e small, central duals at μ₀ = 1. Warm start (ours, as in path-pd.ts): an
 * iterate of an earlier solve with prefix cut sets and the same priors ({@link PathPdWarm} with `vExtra`,
 * `lExtra`); the layout's part is mapped as without priors, the priors' variables and row duals are copied
 * (z is copied, so the prior rows keep their slacks). Only the start changes. Checked against the conic solver
 * in test/unit/signal-stats.test.ts and test/unit/signal-relax-pd-priors.test.ts.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import { priorModel, type PdModel } from './path-pd-model.ts';
import { PdPoint } from './path-pd-state.ts';
import { applyWarm, pathSolution, primalDual, warmMatches, type PathPdSolution, type PathPdWarm } from './path-pd.ts';

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
  /** Start from this iterate of an earlier solve with the same priors (ignored unless it matches). */
  warm?: PathPdWarm;
  /** Record `pdSnapshots[i]` at the first iterate with gap ≤ snapshotGaps[i]·max(1, |ζ|) and ‖r_d‖∞ ≤ 1e-3 [none]. */
  snapshotGaps?: number[];
  /** Called after every iteration (diagnostics). */
  onIteration?: (info: { iteration: number; value: number; lowerBound: number; gap: number; dualResidual: number; stepPrimal: number; stepDual: number; sigma: number }) => void;
}

/**
 * Solve (32) with priors on a path by the primal–dual method (see the module comment):
 *
 *   ζ = ‖y‖² + min −2y′x + νΣx + μΣz + Σ Q_ii Γ_ii − 2λ Σ_e Γ_e
 *       s.t. (23b), 0 ≤ x ≤ u z, 0 ≤ z ≤ 1, Σz ≤ k (if set), the cuts (33), z satisfies every prior (6c),
 *
 * model with the priors' rows → cold start, central duals at μ₀ = 1 → the loop of path-pd.ts → the point and its bound.
 */
export function solveDecompPathPriors(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathPdPriorsOptions = {}): PathPdSolution {
  if (!pathPriorsApplies(p)) throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, ‖y‖∞ > 0, k ≥ 1 if set, linear (≤/≥) priors and at most one switch count with max > 0');
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const M = priorModel(p, cuts);
  const n = p.n;
  const gaps = opts.snapshotGaps ?? [];
  if (M === null) {
    return {
      status: 'failed', x: new Float64Array(n), z: new Float64Array(n), gDiag: new Float64Array(n), gOff: new Float64Array(n - 1), value: NaN, lowerBound: -Infinity, gap: Infinity,
      newtonSteps: 0, timeMs: performance.now() - t0, dualResidual: Infinity, warmStarted: false, pdSnapshots: gaps.map(() => undefined),
    };
  }
  const pt = new PdPoint(M, Float64Array.from(M.v0));
  const warmUsed = opts.warm !== undefined && warmPriors(M, pt, cuts, opts.warm);
  if (!warmUsed) {
    pt.v.set(M.v0);
    pt.refresh();
    pt.centralDuals(1);
  }
  const r = primalDual(M, p.yNorm2, pt, opts, { cuts, card: p.k, gaps });
  return { ...pathSolution(M, pt.v, r, t0), dualResidual: r.bestRd, warmStarted: warmUsed, pdSnapshots: r.snapshots };
}

/**
 * Fill pt from the snapshot ws (see the module comment): the layout's part by path-pd.ts's mapping, then the
 * priors' variables and row duals copied; false (pt to be reset) unless it matches and is strictly interior.
 */
function warmPriors(M: PdModel, pt: PdPoint, cuts: ReadonlyArray<ReadonlyArray<number>>, ws: PathPdWarm): boolean {
  const lay = M.layout;
  if (lay === undefined || ws.vExtra === undefined || ws.lExtra === undefined) return false;
  const { L, vMap, extra } = lay;
  if (ws.vExtra.length !== extra.length || ws.lExtra.length !== M.nRows - L.nRows || !warmMatches(ws, cuts, L.card)) return false;
  const vL = new Float64Array(L.N);
  const lL = new Float64Array(L.nRows);
  const slL = new Float64Array(L.nRows);
  if (!applyWarm(ws, L, cuts, vL, lL, pt.y, slL)) return false;
  for (let j = 0; j < L.N; j++) pt.v[vMap[j]] = vL[j];
  for (let t = 0; t < extra.length; t++) pt.v[extra[t]] = ws.vExtra[t];
  pt.l.set(lL);
  pt.l.set(ws.lExtra, L.nRows);
  pt.lc = ws.lc;
  pt.refresh();
  // the prior rows and Σz ≤ k keep the snapshot's slacks (z copied); checked anyway
  for (let k = 0; k < M.nRows; k++) if (!(pt.sl[k] > 0) || !(pt.l[k] > 0)) return false;
  return M.card === null || (pt.sc > 0 && pt.lc > 0);
}
