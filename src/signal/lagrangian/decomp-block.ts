/**
 * The decomp relaxation of one block (θ_j of (40a)), two ways.
 *
 * 1. {@link decompBlockAlg1} — as published: Algorithm 1 (`decompRelaxation`, src/signal/relax/decomp.ts)
 *    on the block. Block j's objective is Σ(y_i² − 2y_i x_i) + θ_j(z,x) + κΣz + μ₁Σx + cFirst·x_first +
 *    cLast·x_last with the big-M u of the WHOLE path. Algorithm 1's model puts the cost −2y_i + ν on x_i
 *    and the constant ‖y‖², so we hand it the block's validated problem with y replaced by the effective
 *    data ỹ_i = y_i − c_i/2 (only the end nodes change; ỹ may be negative there — the model's validation
 *    would refuse that, but the conic model only uses y in the linear cost), the constant kept at Σ y_i²
 *    and u = ‖y‖∞ of the whole path. Value: the last round's dual bound.
 *
 * 2. {@link decompBlock} — OURS, a certified shortcut in front of (1). For every block,
 *      persp_j ≤ decomp_j ≤ OPT_j          (decomp dominates persp; any relaxation ≤ the block MIQO).
 *    persp_j is computed exactly (chain-qp.ts, certified lower bound). OPT_j is computed by the exact
 *    path DP (src/signal/exact/path-dp.ts) over supports with sign-free x on each run: a relaxation of
 *    the block MIQO, so when its minimiser happens to satisfy 0 ≤ x ≤ u it IS the block optimum. If then
 *    OPT_j − persp_j ≤ 1e-9·(1 + |OPT_j|), decomp_j is pinned to that interval: we return value
 *    persp_j (a valid lower bound within 1e-9 relative of decomp_j) and x = the DP's integral optimum,
 *    which is an optimal point of decomp_j as well (θ is exact at integer points, so its decomp
 *    objective equals OPT_j = decomp_j). Otherwise Algorithm 1 runs as in (1) and the value is
 *    max(its bound, persp_j). Typical hits: blocks of pure noise under a large ℓ0 weight, where all
 *    three values equal ‖y_block‖². The DP runs unpruned (its pruning proof needs ỹ ≥ 0) except when
 *    the block has no boundary terms and μ₁ = 0.
 */
import { pathExactL0 } from '../exact/path-dp.ts';
import { signalProblem, type SignalProblem } from '../model.ts';
import { decompRelaxation } from '../relax/decomp.ts';
import type { PathBarrierWarm } from '../relax/path-barrier.ts';
import type { PathPdWarm } from '../relax/path-pd.ts';
import { solveChainBlock } from './chain-qp.ts';
import type { SegmentProblem, SegmentResult } from './segments.ts';

/** Relative tolerance of the persp = OPT sandwich. */
export const SANDWICH_TOL = 1e-9;

/** The block as the SignalProblem Algorithm 1 sees (see module comment). */
export function blockSignalProblem(p: SegmentProblem): SignalProblem {
  const base = signalProblem({ y: p.y, lambda: p.lambda, mu: p.kappa, l1: p.mu1 });
  const n = p.y.length;
  const yEff = Float64Array.from(p.y);
  yEff[0] -= p.cFirst / 2;
  yEff[n - 1] -= p.cLast / 2;
  return { ...base, y: yEff, u: p.u };
}

/** Block objective at an integer-feasible x (z = support of x), Σ y_i² included. */
export function blockObjective(p: SegmentProblem, x: ArrayLike<number>): number {
  const n = p.y.length;
  let f = p.cFirst * x[0] + p.cLast * x[n - 1];
  for (let i = 0; i < n; i++) {
    const r = p.y[i] - x[i];
    f += r * r;
    if (x[i] !== 0) f += p.kappa + p.mu1 * x[i];
    if (i > 0) f += p.lambda * (x[i] - x[i - 1]) ** 2;
  }
  return f;
}

/** Exact block optimum if the sign-free DP's minimiser is feasible (0 ≤ x ≤ u), else null. */
export function blockExact(p: SegmentProblem): { value: number; x: Float64Array; z: Float64Array } | null {
  const n = p.y.length;
  const base = signalProblem({ y: p.y, lambda: p.lambda, mu: p.kappa });
  const yEff = Float64Array.from(p.y);
  for (let i = 0; i < n; i++) yEff[i] -= p.mu1 / 2;
  yEff[0] -= p.cFirst / 2;
  yEff[n - 1] -= p.cLast / 2;
  const clean = p.cFirst === 0 && p.cLast === 0 && p.mu1 === 0;
  const r = pathExactL0({ ...base, y: yEff, u: p.u }, { prune: clean });
  const x = r.x;
  for (let i = 0; i < n; i++) if (!(x[i] >= 0 && x[i] <= p.u)) return null;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = x[i] !== 0 ? 1 : 0;
  return { value: blockObjective(p, x), x: Float64Array.from(x), z };
}

/** Block length above which Algorithm 1 on a block uses the primal–dual path solver (a re-solved block of 1000: 0.3–0.6 s vs 2.6–4 s with the warm barrier; of 100: 38–42 ms vs 12–42 ms). */
export const PD_BLOCK_MIN = 500;

/**
 * Algorithm 1 on the block, as published (see module comment). With `barrierWarm` (ours, see
 * {@link BlockWarmState}) round 1's barrier solve starts from the previous solve's snapshot.
 */
export function decompBlockAlg1(p: SegmentProblem, barrierWarm = false): SegmentResult {
  const ws = warmState(p.warm, p.y.length - 1);
  const r = decompRelaxation(blockSignalProblem(p), {
    // short blocks keep the barrier (its snapshots warm-start the re-solves); long ones (Table 3, m ≤ 100)
    // use the primal–dual solver
    pathSolver: p.y.length <= PD_BLOCK_MIN ? 'barrier' : 'pd',
    ...(ws ? { initialCuts: ws.cuts, ...(barrierWarm && ws.barrier ? { barrierWarm: ws.barrier } : {}), ...(barrierWarm && ws.pd ? { pdWarm: ws.pd } : {}) } : {}),
  });
  if (!Number.isFinite(r.lowerBound)) throw new Error(`Algorithm 1 returned no usable bound (status ${r.status}, stop ${r.stop})`);
  const state: BlockWarmState = { cuts: r.cutSets, ...(r.barrierSnapshot ? { barrier: r.barrierSnapshot } : {}), ...(r.pdSnapshot ? { pd: r.pdSnapshot } : {}) };
  return { value: r.lowerBound, x: r.x, z: r.z, work: r.rounds, state };
}

/**
 * Warm start (ours) of a re-solved block: Algorithm 1 starts from the block's previous cut sets Δ_ij
 * instead of {1}, and round 1's barrier solve from the previous solve's centred iterate at
 * ν/t ≈ 1e-3·|ζ| (the constraints do not depend on the boundary terms, which only change the cost).
 * Any cut set gives a relaxation of decomp (each cut is valid), and Algorithm 1 then adds violated
 * cuts until its stopping rule as usual; the barrier's bound ζ − 2ν/t is certified at a centred point
 * whatever the start. So the bound stays valid; only rounds and Newton steps are saved.
 */
export interface BlockWarmState {
  cuts: number[][];
  barrier?: PathBarrierWarm;
  /** Blocks longer than PD_BLOCK_MIN: the primal–dual iterate at relative gap 1e-2 (same cut sets). */
  pd?: PathPdWarm;
}

function isCutSets(w: unknown, edges: number): w is number[][] {
  return Array.isArray(w) && w.length === edges && w.every((c) => Array.isArray(c) && c.length > 0 && c.every((d) => typeof d === 'number' && d > 0 && Number.isFinite(d)));
}

/** The warm state in `w` (a {@link BlockWarmState} or, as before, bare cut sets), or null. */
function warmState(w: unknown, edges: number): BlockWarmState | null {
  if (isCutSets(w, edges)) return { cuts: w };
  if (w === null || typeof w !== 'object') return null;
  const o = w as { cuts?: unknown; barrier?: { v?: unknown; t?: unknown }; pd?: Partial<PathPdWarm> };
  if (!isCutSets(o.cuts, edges)) return null;
  const b = o.barrier;
  const ok = b !== undefined && b !== null && b.v instanceof Float64Array && typeof b.t === 'number' && Number.isFinite(b.t) && b.t > 0;
  const d = o.pd;
  // the primal–dual snapshot is checked for shape here and for size/interiority by the solver (cold start otherwise)
  const pdOk = d !== undefined && d !== null && d.v instanceof Float64Array && d.l instanceof Float64Array && d.y instanceof Float64Array &&
    isCutSets(d.cuts, edges) && typeof d.mu === 'number' && typeof d.lc === 'number' && (d.card === null || typeof d.card === 'number');
  return {
    cuts: o.cuts,
    ...(ok ? { barrier: { v: b.v as Float64Array, t: b.t as number } } : {}),
    ...(pdOk ? { pd: d as PathPdWarm } : {}),
  };
}

/**
 * decomp of the block with the certified persp = OPT shortcut (see module comment); re-solves start
 * the barrier from the previous solve's centred point unless `barrierWarm` is false.
 */
export function decompBlock(p: SegmentProblem, barrierWarm = true): SegmentResult {
  const persp = solveChainBlock('persp', p);
  const ex = blockExact(p);
  if (ex && ex.value - persp.value <= SANDWICH_TOL * (1 + Math.abs(ex.value))) {
    return { value: persp.value, x: ex.x, z: ex.z, work: 0, state: p.warm };
  }
  const r = decompBlockAlg1(p, barrierWarm);
  return { ...r, value: Math.max(r.value, persp.value) };
}
