/**
 * The decomp relaxation of AGH21 §3.2–§4.2:
 *
 *   ‖y‖² + min_{z,x} −2y′x + θ(z,x) + μΣz + νΣx   s.t. 0 ≤ x ≤ u z, z ∈ [0,1]ⁿ ∩ C̄,
 *
 * θ the optimal-decomposition function (21), represented by the Γ-lifted model (23)
 * (Propositions 5–7). Two solvers:
 *
 * - {@link decompRelaxation} — Algorithm 1 (§4.2.2): Δ_ij ← {1} on every edge (Remark 8); solve (32)
 *   (build.ts/buildDecomp); at (x̂, ẑ, Γ̂) test (23c) on every edge with the closed form (36) and add
 *   the maximiser d*_ij of Proposition 11 (pair.ts/separatePair; a finite d for the limiting cases 1(a)/2(a)
 *   of Proposition 11); stop when (ζ_new − ζ_old)/ζ_new ≤ 5e-5 (Remark 13) or no cut is violated.
 * - {@link cuttingSurface} — the simple cutting-surface method of p. 15: start from persp (8)/(22)
 *   with an epigraph t of the quadratic; at each iterate solve (21) for a decomposition d (or take
 *   it from a given list, to replicate Example 2) and add Σ_{ij}|Q_ij| g(z_i,z_j,x_i,x_j; d) ≤ t.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange, positive } from '../../core/validate.ts';
import type { Certificate, SolveStatus } from '../../conic/solver.ts';
import { buildQ, type SignalProblem } from '../model.ts';
import { addG, buildBase, buildDecomp, perspTerms } from './build.ts';
import { separatePair } from './pair.ts';
import type { RelaxationResult, RelaxOptions } from './relaxations.ts';
import { RELAX_SOLVER_OPTIONS, solveSpec, usable } from './solve.ts';
import { separatePath } from './separation.ts';
import { pathBarrierApplies, solveDecompPath, type PathBarrierSolution, type PathBarrierWarm } from './path-barrier.ts';
import { solveDecompPathPD, type PathPdOptions, type PathPdWarm } from './path-pd.ts';
import { pathPriorsApplies, solveDecompPathPriors } from './path-pd-priors.ts';

/** One round of Algorithm 1 (or one iteration of the simple method). */
export interface RoundRecord {
  round: number;
  /** Optimal value ζ of (32) in this round (primal), ‖y‖² included. */
  value: number;
  /** Dual objective of the round's solve (a valid lower bound). */
  lowerBound: number;
  /** Cuts in the model solved this round. */
  cuts: number;
  /** Violated cuts found at this round's solution (added for the next round). */
  added: number;
  /** Largest violation max_d h(d) found by (36) over the edges. */
  maxViolation: number;
  /** Conic solver iterations and time of this round (ms), and the separation time (ms). */
  solverIterations: number;
  solveMs: number;
  separationMs: number;
}

/** Options of {@link decompRelaxation}. */
export interface DecompOptions extends RelaxOptions {
  /** Relative improvement at which to stop (Remark 13) [5e-5]. */
  relTol?: number;
  /** Round limit [50]. */
  maxRounds?: number;
  /**
   * A cut is added when max_d h(d) > violationTol·(1 + Γ_ii + Γ_jj) [1e-7]: above the conic
   * solver's relative accuracy (1e-9) times the magnitude of the Γ entries.
   */
  violationTol?: number;
  /**
   * Clip range of the added d's [1e-2, 1e2] (limiting cases of Proposition 11, p. 21: any d > 0 gives a valid cut;
   * 1e±3 produced failed interior-point solves at n = 1000, coefficient spread 1e6 in (33b)).
   */
  dMin?: number;
  dMax?: number;
  /** Initial cut sets (default {1} on every edge). */
  initialCuts?: ReadonlyArray<ReadonlyArray<number>>;
  /**
   * Solver of (32): 'conic' (src/conic, any graph/priors/fixings), 'barrier' (path-barrier.ts: paths
   * without priors or fixings; multiplier 10 (3 with a cardinality row), retried with 3 (2) when a solve
   * stalls), 'pd' (path-pd.ts: the primal–dual method on the same paths, the barrier as its fallback), or
   * 'auto' [default]: on such paths the primal–dual method (the barrier when `barrierWarm` is given),
   * falling back to the barrier and then to the conic solver from the first round whose solves fail.
   */
  method?: 'auto' | 'conic' | 'barrier' | 'pd';
  /**
   * Ours: a centred barrier iterate of an earlier solve on the same layout (`barrierSnapshot` of a
   * previous result with the same cut sets), used to start round 1's barrier solve. Only the start
   * point changes — the stopping test and the bound ζ − 2ν/t are as for a cold start; if the warm
   * solve fails, round 1 is solved cold as usual.
   */
  barrierWarm?: PathBarrierWarm;
  /**
   * Which path solver 'auto' tries first: 'pd' (primal–dual, path-pd.ts) or 'barrier' (keeps the
   * barrier's warm-start snapshots, for re-solved Lagrangian blocks) [pd; barrier when barrierWarm is given].
   */
  pathSolver?: 'pd' | 'barrier';
  /** Options of the primal–dual path solvers (without and with priors). */
  pdOptions?: PathPdOptions;
  /**
   * Ours: a primal–dual iterate of an earlier solve of a problem with the same path, k and priors
   * (`pdSnapshot` of a previous result; the cost may differ — re-solved Lagrangian blocks change only
   * their boundary terms; its cuts whose d is in `initialCuts` keep their values, the others are dropped).
   * Round 1 starts from it; a failed warm solve is repeated cold. Later rounds start from the previous
   * round's iterate, with or without priors.
   */
  pdWarm?: PathPdWarm;
}

/**
 * Relative gap at which the primal–dual solves record the next round's warm start (round 2 of an
 * n = 1380 cell: 46 iterations from 1e-1, 21 from 1e-2, 9 from 1e-3; at n = 13,800 warm starts from 1e-3
 * failed in some rounds and cost a cold solve on top, so 1e-2).
 */
export const PD_SNAPSHOT_GAPS = [1e-2];

/** ν/t (relative) at which the barrier solves record their warm-start snapshot. */
export const BARRIER_SNAPSHOT_GAP = 1e-3;

/** Result of {@link decompRelaxation}. */
export interface DecompResult extends RelaxationResult {
  rounds: number;
  /** Total cuts (Σ|Δ_ij|) in the last model. */
  cuts: number;
  history: RoundRecord[];
  /** Γ̂_ii and Γ̂_ij (edges in graph order) of the last solve. */
  gammaDiag: Float64Array;
  gammaOff: Float64Array;
  /** Δ_ij per edge at the end. */
  cutSets: number[][];
  /** Why it stopped. */
  stop: 'rel-improvement' | 'no-violated-cut' | 'max-rounds' | 'solver';
  /** The last round's barrier snapshot (if that round was solved by the barrier), for `barrierWarm`. */
  barrierSnapshot?: PathBarrierWarm;
  /** The last round's primal–dual iterate at relative gap 1e-2 (if solved by a primal–dual path solver), for `pdWarm`. */
  pdSnapshot?: PathPdWarm;
}

/** Algorithm 1 of AGH21 (see module comment). */
export function decompRelaxation(p: SignalProblem, opts: DecompOptions = {}): DecompResult {
  if (p === null || typeof p !== 'object' || !(p.y instanceof Float64Array)) throw new InvalidArgumentError('p', p, 'a SignalProblem');
  const relTol = positive('relTol', opts.relTol ?? 5e-5);
  const maxRounds = integerInRange('maxRounds', opts.maxRounds ?? 50, 1);
  const violTol = positive('violationTol', opts.violationTol ?? 1e-7);
  const dMin = positive('dMin', opts.dMin ?? 1e-2);
  const dMax = positive('dMax', opts.dMax ?? 1e2);
  const edges = p.graph.edges;
  const cutSets: number[][] = opts.initialCuts ? opts.initialCuts.map((c) => [...c]) : edges.map(() => [1]);
  if (cutSets.length !== edges.length) throw new InvalidArgumentError('initialCuts.length', cutSets.length, `${edges.length}`);
  const history: RoundRecord[] = [];
  let prev = NaN;
  let stop: DecompResult['stop'] = 'max-rounds';
  let last: { status: SolveStatus; x: Float64Array; z: Float64Array; gd: Float64Array; go: Float64Array; value: number; lb: number; cert: Certificate } | null = null;
  const method = opts.method ?? 'auto';
  const fixings = opts.zLo !== undefined || opts.zHi !== undefined;
  const barrierOk = pathBarrierApplies(p) && !fixings;
  if ((method === 'barrier' || method === 'pd') && !barrierOk) {
    throw new InvalidArgumentError('method', method, "'auto' or 'conic' (the path solvers need a path without priors or fixings)");
  }
  let useBarrier = method !== 'conic' && method !== 'pd' && barrierOk;
  // primal–dual first ('auto' without a barrier warm start, or 'pd'); the barrier is the fallback
  const firstPath = opts.pathSolver ?? (opts.barrierWarm ? 'barrier' : 'pd');
  const usePd = barrierOk && (method === 'pd' || (method === 'auto' && firstPath === 'pd'));
  if (method === 'pd') useBarrier = barrierOk;
  // paths with priors ('auto'): the primal–dual solver with prior rows (path-pd-priors.ts), the conic solver as fallback
  const usePriorsPd = method === 'auto' && !fixings && !barrierOk && pathPriorsApplies(p);
  const n = p.n;
  let lastSnapshot: PathBarrierWarm | undefined;
  let pdWarm: PathPdWarm | undefined = opts.pdWarm;
  let lastPdSnapshot: PathPdWarm | undefined;
  for (let round = 1; round <= maxRounds; round++) {
    const x = new Float64Array(n);
    const z = new Float64Array(n);
    let gd: Float64Array = new Float64Array(n);
    let go: Float64Array = new Float64Array(edges.length);
    let sol: { status: SolveStatus; primal: number; dual: number; certificate: Certificate; iterations: number; ms: number } | null = null;
    let ok = false;
    let wastedMs = 0; // a failed primal–dual attempt, charged to the round
    /** Take a path solver's optimal solution as this round's. */
    const take = (b: PathBarrierSolution): void => {
      x.set(b.x);
      z.set(b.z);
      gd = b.gDiag;
      go = b.gOff;
      ok = true;
      sol = { status: 'optimal', primal: b.value, dual: b.lowerBound, certificate: barrierCertificate(b.value, b.lowerBound, b.newtonSteps, b.timeMs), iterations: b.newtonSteps, ms: b.timeMs };
    };
    if (usePd || usePriorsPd) {
      // warm start (ours) from the previous round's iterate at relative gap PD_SNAPSHOT_GAPS[0] (or opts.pdWarm;
      // its cuts are matched by d); a failed warm solve is repeated cold. Without priors, a failure falls back to
      // the barrier (then the conic solver); with priors, to the conic solver. The next round tries again.
      const solvePd = usePd ? solveDecompPathPD : solveDecompPathPriors;
      const snapOpt = { snapshotGaps: PD_SNAPSHOT_GAPS, ...opts.pdOptions };
      let d = solvePd(p, cutSets, { ...snapOpt, ...(pdWarm ? { warm: pdWarm } : {}) });
      if (d.status !== 'optimal' && d.warmStarted) {
        const cold = solvePd(p, cutSets, snapOpt);
        d = { ...cold, newtonSteps: d.newtonSteps + cold.newtonSteps, timeMs: d.timeMs + cold.timeMs };
      }
      pdWarm = d.pdSnapshots[0];
      lastPdSnapshot = d.status === 'optimal' ? pdWarm : undefined;
      if (d.status === 'optimal') take(d);
      else wastedMs = d.timeMs;
    }
    if (sol === null && useBarrier) {
      // barrier multiplier 10 first in the penalty form, 3 with the cardinality row (10 stalls there);
      // a stalled solve is retried with the gentler multiplier
      const [tf1, tf2] = p.k === null ? [10, 3] : [3, 2];
      const snap = { snapshotGap: BARRIER_SNAPSHOT_GAP };
      let bw: PathBarrierSolution | null = null;
      if (round === 1 && opts.barrierWarm) {
        // warm start (ours): capped, since a poor start only costs steps; cold start if it fails
        bw = solveDecompPath(p, cutSets, { tFactor: tf1, warm: opts.barrierWarm, maxNewton: 150, ...snap });
      }
      let b: PathBarrierSolution;
      if (bw && bw.status === 'optimal') b = bw;
      else {
        b = solveDecompPath(p, cutSets, { tFactor: tf1, ...snap });
        if (bw) b = { ...b, newtonSteps: bw.newtonSteps + b.newtonSteps, timeMs: bw.timeMs + b.timeMs };
        if (b.status !== 'optimal') {
          const b3 = solveDecompPath(p, cutSets, { tFactor: tf2, ...snap });
          b = { ...b3, newtonSteps: b.newtonSteps + b3.newtonSteps, timeMs: b.timeMs + b3.timeMs };
        }
      }
      lastSnapshot = b.status === 'optimal' ? b.snapshot : undefined;
      if (b.status === 'optimal') take(b);
      else if (method === 'barrier') {
        sol = { status: 'numerical_error', primal: b.value, dual: b.lowerBound, certificate: barrierCertificate(b.value, b.lowerBound, b.newtonSteps, b.timeMs), iterations: b.newtonSteps, ms: b.timeMs };
      } else {
        useBarrier = false; // fall back to the conic solver from now on
      }
    }
    if (sol === null) {
      lastSnapshot = undefined;
      const vars = buildDecomp(p, cutSets, opts);
      const cs = solveSpec(vars.spec, opts.solver ?? RELAX_SOLVER_OPTIONS);
      for (let i = 0; i < n; i++) {
        x[i] = Math.max(0, cs.v[vars.x[i]]);
        z[i] = Math.min(1, Math.max(0, cs.v[vars.z[i]]));
        gd[i] = cs.v[vars.gDiag[i]];
      }
      for (let e = 0; e < edges.length; e++) go[e] = cs.v[vars.gOff[e]];
      ok = usable(cs);
      sol = { status: cs.status, primal: cs.primal, dual: cs.dual, certificate: cs.certificate, iterations: cs.certificate.iterations, ms: cs.certificate.timeMs };
    }
    sol.ms += wastedMs;
    // keep the last usable round: an earlier round's bound is still a valid bound
    if (ok || last === null) last = { status: sol.status, x, z, gd, go, value: sol.primal, lb: sol.dual, cert: sol.certificate };
    const nCuts = cutSets.reduce((s, c) => s + c.length, 0);
    const rec: RoundRecord = {
      round, value: sol.primal, lowerBound: sol.dual, cuts: nCuts, added: 0, maxViolation: 0,
      solverIterations: sol.iterations, solveMs: sol.ms, separationMs: 0,
    };
    history.push(rec);
    if (!ok) {
      stop = 'solver';
      break;
    }
    if (round > 1 && (sol.primal - prev) / Math.max(Math.abs(sol.primal), 1e-300) <= relTol) {
      stop = 'rel-improvement';
      break;
    }
    prev = sol.primal;
    if (round === maxRounds) break;
    const t0 = performance.now();
    let added = 0;
    let maxV = 0;
    edges.forEach(([a, b], e) => {
      const sep = separatePair(z[a], z[b], x[a], x[b], Math.max(gd[a], 0), go[e], Math.max(gd[b], 0), dMin, dMax);
      if (sep.violation > maxV) maxV = sep.violation;
      if (!(sep.violation > violTol * (1 + Math.abs(gd[a]) + Math.abs(gd[b])))) return;
      const d = sep.dCut;
      if (cutSets[e].some((c) => Math.abs(c - d) <= 1e-6 * c)) return;
      cutSets[e].push(d);
      added++;
    });
    rec.added = added;
    rec.maxViolation = maxV;
    rec.separationMs = performance.now() - t0;
    if (added === 0) {
      stop = 'no-violated-cut';
      break;
    }
  }
  const L = last!;
  return {
    kind: 'decomp', status: L.status, lowerBound: L.lb, value: L.value, x: L.x, z: L.z, certificate: L.cert,
    rounds: history.length, cuts: history[history.length - 1].cuts, history, gammaDiag: L.gd, gammaOff: L.go, cutSets, stop,
    ...(lastSnapshot && last === L && L.status === 'optimal' ? { barrierSnapshot: lastSnapshot } : {}),
    ...(lastPdSnapshot && last === L && L.status === 'optimal' ? { pdSnapshot: lastPdSnapshot } : {}),
  };
}

/** Options of {@link cuttingSurface}. */
export interface CuttingSurfaceOptions extends RelaxOptions {
  /**
   * Decompositions to add, one per iteration (2 entries per edge: dⁱ_e, dʲ_e). When given, they are
   * used in order instead of solving (21) (Example 2 replication); otherwise (21) is solved by
   * {@link separatePath} (paths only).
   */
  decompositions?: ReadonlyArray<ArrayLike<number>>;
  /** Iteration limit when (21) is solved [20]. */
  maxIterations?: number;
  /** Stop when the bound improves by less than this (relative) [5e-5]. */
  relTol?: number;
}

/** Result of {@link cuttingSurface}. */
export interface CuttingSurfaceResult extends RelaxationResult {
  /** Values ζ₁ (persp), ζ₂, … of the successive models. */
  values: number[];
  /** Points (z, x) of the successive models. */
  points: { z: Float64Array; x: Float64Array }[];
  /** Decompositions added (as used). */
  decompositions: Float64Array[];
}

/**
 * The simple cutting-surface method (p. 15): persp with an explicit epigraph t,
 *   t ≥ Σ x_i²/z_i + λΣ_A(x_i − x_j)²,
 * then for each decomposition d (from `decompositions` or from (21) at the current point) the cut
 *   t ≥ Σ_A λ g(z_i, z_j, x_i, x_j; dⁱ, dʲ).
 */
export function cuttingSurface(p: SignalProblem, opts: CuttingSurfaceOptions = {}): CuttingSurfaceResult {
  if (p === null || typeof p !== 'object' || !(p.y instanceof Float64Array)) throw new InvalidArgumentError('p', p, 'a SignalProblem');
  const given = opts.decompositions;
  const maxIt = given ? given.length : integerInRange('maxIterations', opts.maxIterations ?? 20, 0);
  const relTol = positive('relTol', opts.relTol ?? 5e-5);
  if (!given && p.graph.kind !== 'path') throw new InvalidArgumentError('p.graph.kind', p.graph.kind, "'path' (or pass decompositions)");
  const edges = p.graph.edges;
  const ds: Float64Array[] = [];
  const values: number[] = [];
  const points: { z: Float64Array; x: Float64Array }[] = [];
  let result: RelaxationResult | null = null;
  buildQ(p);
  for (let it = 0; it <= maxIt; it++) {
    const base = buildBase(p, opts);
    const { spec, x, z } = base;
    const pv = perspTerms(p, base, () => 0);
    const t = spec.variable('t', -Infinity, Infinity, 1);
    // t ≥ Σ p_i + λ Σ r_e, r_e ≥ (x_a − x_b)²
    const one = spec.variable('one', 1, 1);
    const rowIdx: number[] = [t];
    const rowCoef: number[] = [-1];
    for (let i = 0; i < p.n; i++) {
      rowIdx.push(pv[i]);
      rowCoef.push(1);
    }
    edges.forEach(([a, b], e) => {
      const dlt = spec.variable(`dl${e}`);
      spec.row([dlt, x[a], x[b]], [1, -1, 1], '=', 0);
      const r = spec.variable(`r${e}`, 0, Infinity);
      spec.rotated(dlt, r, one);
      rowIdx.push(r);
      rowCoef.push(p.lambda);
    });
    spec.row(rowIdx, rowCoef, '<=', 0);
    ds.forEach((d, k) => {
      const idx: number[] = [t];
      const coef: number[] = [-1];
      edges.forEach(([a, b], e) => {
        const tau = addG(spec, x[a], x[b], z[a], z[b], pv[a], pv[b], d[2 * e], d[2 * e + 1], `k${k}e${e}`);
        idx.push(tau);
        coef.push(p.lambda);
      });
      spec.row(idx, coef, '<=', 0);
    });
    const sol = solveSpec(spec, opts.solver ?? RELAX_SOLVER_OPTIONS);
    const xs = new Float64Array(p.n);
    const zs = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) {
      xs[i] = Math.max(0, sol.v[x[i]]);
      zs[i] = Math.min(1, Math.max(0, sol.v[z[i]]));
    }
    values.push(sol.primal);
    points.push({ z: zs, x: xs });
    result = { kind: 'decomp', status: sol.status, lowerBound: sol.dual, value: sol.primal, x: xs, z: zs, certificate: sol.certificate };
    if (!usable(sol) || it === maxIt) break;
    if (!given && it > 0 && (values[it] - values[it - 1]) / Math.max(Math.abs(values[it]), 1e-300) <= relTol) break;
    const d = given ? Float64Array.from(given[it]) : separatePath(p, zs, xs).d;
    if (d.length !== 2 * edges.length) throw new InvalidArgumentError(`decompositions[${it}].length`, d.length, `${2 * edges.length}`);
    ds.push(d);
  }
  return { ...result!, values, points, decompositions: ds };
}

/**
 * A {@link Certificate}-shaped record for a barrier solve: the gap is ν/t (duality gap on the
 * central path); residuals are 0 because the barrier iterates are strictly feasible.
 */
function barrierCertificate(value: number, lb: number, steps: number, ms: number): Certificate {
  const gap = value - lb;
  return {
    primalResidual: 0, dualResidual: 0, primalResidualRel: 0, dualResidualRel: 0, gapAbs: gap, gapRel: gap / Math.max(1, Math.abs(value)),
    complementarity: gap, primalObjective: value, dualObjective: lb, iterations: steps, nnzL: 0, nnzKkt: 0, fillRatio: 0, kktDim: 0,
    analysisMs: 0, timeMs: ms, maxKktResidual: 0, stopReason: 'optimal',
  };
}
