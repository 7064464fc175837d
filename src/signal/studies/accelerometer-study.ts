/**
 * The relaxation-quality study of AGH21 §5.1 on the accelerometer series (§5.1, pp. 25–28).
 *
 * For each cell (λ, k) of the grid λ = 0.1t, k = 500t (t = 1..10): each relaxation's lower bound
 * ζ_LB of (41), the thresholding upper bound ζ_UB (k largest entries of that relaxation's x̂, no
 * refit), the gap (42) = 100 (ζ_UB − ζ_LB)/ζ_UB and the time; then the averages per λ and per k
 * (Figure 3's two curves) and over the grid. Each method uses its own x̂ and its own bound. Ours: the
 * exact optimum OPT of each cell (cardinality-form path DP), so LB ≤ OPT ≤ UB can be checked.
 *
 * Budgets (documented): `thorough` = all 100 cells; `default` = the 4 corner cells
 * (λ, k) ∈ {0.1, 1.0} × {500, 5000}; tests use a truncated series (first `nTruncate` values, k scaled).
 */
import type { Series } from '../../claims/claim.ts';
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange, positive } from '../../core/validate.ts';
import { loadAccelerometer } from '../accelerometer.ts';
import { heuristicGap } from '../heuristic.ts';
import { pathExactCardinalityLarge } from '../exact/cardinality-exact.ts';
import { signalProblem } from '../model.ts';
import { getCardinalityRelaxation, type CardinalityRelaxation } from './relaxations.ts';

/** The paper's grid axes. */
export const PAPER_LAMBDAS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
export const PAPER_KS = [500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000];
/** The default-budget subset: the four corners. */
export const CORNER_CELLS: [number, number][] = [[0.1, 500], [0.1, 5000], [1.0, 500], [1.0, 5000]];

/** One method's numbers on one cell. */
export interface MethodCell {
  lowerBound: number;
  upperBound: number;
  gapPercent: number;
  timeMs: number;
  work: number;
}

/** One cell of the grid. */
export interface AccelerometerCell {
  lambda: number;
  k: number;
  methods: Record<string, MethodCell>;
  /** Exact optimum of (41) (src/signal/exact/cardinality-exact.ts), when computed: LB ≤ OPT ≤ UB. */
  opt?: number;
}

/** Options of {@link accelerometerStudy}. */
export interface AccelerometerStudyOptions {
  /** Cells (λ, k) to run; default the full 10×10 grid. */
  cells?: [number, number][];
  /** Relaxations by name (default ['l1', 'decomp']). */
  methods?: string[];
  /** Data (default: the shipped series). */
  y?: Float64Array;
  /** Relaxations by name overriding the registry (negative controls plug wrong ones in here). */
  relaxations?: Record<string, CardinalityRelaxation>;
  /** Also compute the exact optimum of each cell (cheap: 0.07 s mean at n = 13,800) [true]. */
  exact?: boolean;
}

/** Output: cells, averages and series for the reporter. */
export interface AccelerometerStudy {
  n: number;
  cells: AccelerometerCell[];
  /** Average gap per method over all cells. */
  averageGap: Record<string, number>;
  /** Average gap per method per λ / per k (Figure 3). */
  perLambda: Record<string, { lambda: number; gap: number }[]>;
  perK: Record<string, { k: number; gap: number }[]>;
  /** Time per cell per method: mean, median, max (ms). */
  times: Record<string, { meanMs: number; medianMs: number; maxMs: number }>;
  series: Series[];
}

/** The full grid as (λ, k) pairs. */
export function fullGrid(): [number, number][] {
  const out: [number, number][] = [];
  for (const l of PAPER_LAMBDAS) for (const k of PAPER_KS) out.push([l, k]);
  return out;
}

/** Run one cell with one relaxation. */
export function accelerometerCell(y: Float64Array, lambda: number, k: number, method: string | CardinalityRelaxation): MethodCell {
  positive('lambda', lambda);
  integerInRange('k', k, 0, y.length);
  const relax = typeof method === 'function' ? method : getCardinalityRelaxation(method);
  const t0 = performance.now();
  const r = relax(y, lambda, k);
  const timeMs = performance.now() - t0;
  const h = heuristicGap(signalProblem({ y, lambda, k }), r.x, r.lowerBound);
  return { lowerBound: r.lowerBound, upperBound: h.upper, gapPercent: h.gap, timeMs, work: r.work };
}

const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : 0.5 * (s[h - 1] + s[h]);
};

/** Run the §5.1 study (see the module comment). */
export function accelerometerStudy(opts: AccelerometerStudyOptions = {}): AccelerometerStudy {
  const y = opts.y ?? loadAccelerometer().y;
  const cells = opts.cells ?? fullGrid();
  const methods = opts.methods ?? ['l1', 'decomp'];
  if (!Array.isArray(cells) || cells.length === 0) throw new InvalidArgumentError('cells', cells, 'a non-empty array of [λ, k]');
  const solvers: Record<string, CardinalityRelaxation> = {};
  for (const m of methods) solvers[m] = opts.relaxations?.[m] ?? getCardinalityRelaxation(m);
  const out: AccelerometerCell[] = [];
  for (const [lambda, k] of cells) {
    const row: AccelerometerCell = { lambda, k, methods: {} };
    for (const m of methods) row.methods[m] = accelerometerCell(y, lambda, k, solvers[m]);
    if (opts.exact !== false) row.opt = pathExactCardinalityLarge(signalProblem({ y, lambda, k })).objective;
    out.push(row);
  }
  const averageGap: Record<string, number> = {};
  const perLambda: AccelerometerStudy['perLambda'] = {};
  const perK: AccelerometerStudy['perK'] = {};
  const times: AccelerometerStudy['times'] = {};
  const series: Series[] = [];
  const lambdas = [...new Set(out.map((c) => c.lambda))].sort((a, b) => a - b);
  const ks = [...new Set(out.map((c) => c.k))].sort((a, b) => a - b);
  for (const m of methods) {
    averageGap[m] = mean(out.map((c) => c.methods[m].gapPercent));
    perLambda[m] = lambdas.map((l) => ({ lambda: l, gap: mean(out.filter((c) => c.lambda === l).map((c) => c.methods[m].gapPercent)) }));
    perK[m] = ks.map((k) => ({ k, gap: mean(out.filter((c) => c.k === k).map((c) => c.methods[m].gapPercent)) }));
    const t = out.map((c) => c.methods[m].timeMs);
    times[m] = { meanMs: mean(t), medianMs: median(t), maxMs: Math.max(...t) };
  }
  series.push({
    title: '§5.1 accelerometer: average gap (42) vs λ (Figure 3a)', mark: 'line', x: 'λ', y: 'gap %', logY: true,
    points: methods.flatMap((m) => perLambda[m].map((p) => ({ x: p.lambda, y: Math.max(p.gap, 1e-6), group: m }))),
  });
  series.push({
    title: '§5.1 accelerometer: average gap (42) vs k (Figure 3b)', mark: 'line', x: 'k', y: 'gap %', logY: true,
    points: methods.flatMap((m) => perK[m].map((p) => ({ x: p.k, y: Math.max(p.gap, 1e-6), group: m }))),
  });
  return { n: y.length, cells: out, averageGap, perLambda, perK, times, series };
}
