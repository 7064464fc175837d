/**
 * Table 3 of AGH21 (§5.3, pp. 34–36): the Lagrangian decomposition at n = 100,000.
 *
 * Instance: the §5.2.1 generator (src/signal/generator.ts) with n = 100,000, s = 10, h = 100,
 * σ = 0.5 under the σ² noise reading (noise std 0.25; the reading is recorded in the output).
 * Model (44) with λ = 0.3, μ (ℓ1) = 0: min ‖y − x‖² + λΣ(x_{i+1}−x_i)² + κ‖x‖₀, 0 ≤ x ≤ ‖y‖∞ z.
 * Grid κ ∈ {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02} × m ∈ {1, 10, 100, 1000} (m = 1: plain block solver
 * on the whole path). Per cell: error = ‖ŷ − x*‖²/‖ŷ‖² (relative, vs the true signal, §5.2.4),
 * ‖x*‖₀ (|x| > 1e-3, footnote 3), time, #iter, #sub (Table 3's counting), and — ours — the dual
 * bound, the thresholded upper bound, the certified gap and, optionally, the exact optimum from the
 * path DP (src/signal/exact/path-dp.ts) to show LB ≤ OPT ≤ UB.
 */
import type { Series } from '../../claims/claim.ts';
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange } from '../../core/validate.ts';
import { pathExactL0 } from '../exact/path-dp.ts';
import { generateSpikes, type NoiseReading, type SpikeInstance } from '../generator.ts';
import { lagrangianDecompositionSync, type LagrangianResult } from '../lagrangian/method.ts';
import { lagrangianDecomposition } from '../lagrangian/pool.ts';
import { getSegmentSolver } from '../lagrangian/solvers.ts';
import type { SegmentSolver } from '../lagrangian/segments.ts';
import { signalProblem } from '../model.ts';

export const TABLE3_KAPPAS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02];
export const TABLE3_MS = [1, 10, 100, 1000];

/** The paper's time/#iter/#sub columns (Table 3, p. 36), for side-by-side reporting. */
export const TABLE3_PAPER: Record<string, { time: number; iter: number; resolves: number }> = {
  '0.0005/1': { time: 172, iter: 1, resolves: 0 }, '0.0005/10': { time: 1825, iter: 89, resolves: 362 },
  '0.0005/100': { time: 656, iter: 100, resolves: 3252 }, '0.0005/1000': { time: 631, iter: 100, resolves: 31932 },
  '0.001/1': { time: 506, iter: 1, resolves: 0 }, '0.001/10': { time: 3391, iter: 62, resolves: 257 },
  '0.001/100': { time: 613, iter: 100, resolves: 2455 }, '0.001/1000': { time: 475, iter: 100, resolves: 23174 },
  '0.002/1': { time: 1390, iter: 1, resolves: 0 }, '0.002/10': { time: 1703, iter: 22, resolves: 94 },
  '0.002/100': { time: 280, iter: 100, resolves: 848 }, '0.002/1000': { time: 173, iter: 100, resolves: 7861 },
  '0.005/1': { time: 5579, iter: 1, resolves: 0 }, '0.005/10': { time: 309, iter: 12, resolves: 20 },
  '0.005/100': { time: 51, iter: 17, resolves: 54 }, '0.005/1000': { time: 31, iter: 61, resolves: 480 },
  '0.01/1': { time: 2141, iter: 1, resolves: 0 }, '0.01/10': { time: 174, iter: 1, resolves: 0 },
  '0.01/100': { time: 81, iter: 18, resolves: 38 }, '0.01/1000': { time: 49, iter: 71, resolves: 347 },
  '0.02/1': { time: 2184, iter: 1, resolves: 0 }, '0.02/10': { time: 185, iter: 1, resolves: 0 },
  '0.02/100': { time: 89, iter: 14, resolves: 27 }, '0.02/1000': { time: 44, iter: 62, resolves: 275 },
};

/** Options (defaults = the paper's setting). */
export interface Table3Options {
  n?: number;
  s?: number;
  h?: number;
  sigma?: number;
  noise?: NoiseReading;
  lambda?: number;
  seed?: number;
  kappas?: number[];
  ms?: number[];
  /** Cells to run as [κ, m] (default: the full κ × m grid). */
  cells?: [number, number][];
  /** Block solver name (default `decomp`). */
  solver?: string;
  /** Block solver function overriding `solver` (in-thread driver only; negative controls). */
  solverFn?: SegmentSolver;
  /** Worker threads (0: in-thread; async driver only). */
  jobs?: number;
  /** Iteration cap (paper 100). */
  hMax?: number;
  /** Re-solve tolerance of the Lagrangian loop (ours, default 0 = multipliers compared exactly; see `LagrangianOptions.xiTol`). */
  xiTol?: number;
  /** Also compute the exact optimum per κ by the path DP (default true). */
  exact?: boolean;
  /**
   * Run on the window [start, start + length) of the generated instance, not rescaled (miniatures that keep
   * the full instance's noise level relative to κ; the path's ‖y‖∞ is the window's).
   */
  window?: { start: number; length: number };
}

/** One cell. */
export interface Table3Row {
  kappa: number;
  m: number;
  error: number;
  support: number;
  timeMs: number;
  iterations: number;
  subproblems: number;
  resolves: number;
  converged: boolean;
  /** ‖ξ‖∞ at the first evaluation (γ = 0): below ε = 1e-3 means no subgradient iteration was needed. */
  firstXiInf: number;
  lowerBound: number;
  upperBound: number;
  gapPercent: number;
  /** Exact optimum of the MIQO (path DP), when computed. */
  opt?: number;
  /** Paper's time (s), #iter and re-solves for the same cell. */
  paper?: { time: number; iter: number; resolves: number };
}

export interface Table3Study {
  instance: {
    n: number; s: number; h: number; sigma: number; noise: NoiseReading; noiseStd: number; seed: number; lambda: number; nnzTruth: number;
    /** The window of the generated path that was solved (absent: the whole path). */
    window?: { start: number; length: number };
  };
  solver: string;
  rows: Table3Row[];
  series: Series[];
}

interface Setup {
  inst: Pick<SpikeInstance, 'y' | 'truth' | 'n' | 's' | 'h' | 'sigma' | 'noise' | 'noiseStd'>;
  window?: { start: number; length: number };
  o: Required<Omit<Table3Options, 'cells' | 'jobs' | 'solverFn' | 'window'>> & { jobs?: number };
  cells: [number, number][];
  truthNorm2: number;
}

function setup(opts: Table3Options): Setup {
  const o = {
    n: opts.n ?? 100_000, s: opts.s ?? 10, h: opts.h ?? 100, sigma: opts.sigma ?? 0.5,
    noise: opts.noise ?? ('sigma-squared' as NoiseReading), lambda: opts.lambda ?? 0.3, seed: opts.seed ?? 53,
    kappas: opts.kappas ?? TABLE3_KAPPAS, ms: opts.ms ?? TABLE3_MS, solver: opts.solver ?? 'decomp',
    hMax: opts.hMax ?? 100, xiTol: opts.xiTol ?? 0, exact: opts.exact ?? true, jobs: opts.jobs,
  };
  getSegmentSolver(o.solver);
  const cells = opts.cells ?? o.kappas.flatMap((k) => o.ms.map((m) => [k, m] as [number, number]));
  if (cells.length === 0) throw new InvalidArgumentError('cells', cells, 'at least one [κ, m]');
  const w = opts.window;
  if (w !== undefined) {
    if (w === null || typeof w !== 'object') throw new InvalidArgumentError('window', w, 'an object {start, length}');
    integerInRange('window.start', w.start, 0, o.n - 1);
    integerInRange('window.length', w.length, 1, o.n - w.start);
  }
  const nRun = w?.length ?? o.n;
  for (const [, m] of cells) if (!Number.isInteger(m) || m < 1 || m > nRun) throw new InvalidArgumentError('m', m, `an integer in [1, ${nRun}]`);
  const full = generateSpikes({ n: o.n, s: o.s, h: o.h, sigma: o.sigma, noise: o.noise, seed: o.seed });
  const inst = w ? { ...full, n: w.length, y: full.y.slice(w.start, w.start + w.length), truth: full.truth.slice(w.start, w.start + w.length) } : full;
  let truthNorm2 = 0;
  for (const v of inst.truth) truthNorm2 += v * v;
  return { inst, window: w ? { start: w.start, length: w.length } : undefined, o, cells, truthNorm2 };
}

function row(S: Setup, kappa: number, m: number, r: LagrangianResult, timeMs: number, opt?: number): Table3Row {
  let err = 0;
  for (let i = 0; i < S.inst.n; i++) {
    const d = S.inst.truth[i] - r.x[i];
    err += d * d;
  }
  return {
    kappa, m, error: err / S.truthNorm2, support: r.support, timeMs, iterations: r.iterations, subproblems: r.subproblems,
    resolves: r.resolves, converged: r.converged, firstXiInf: r.trace[0].xiInf, lowerBound: r.lowerBound, upperBound: r.upperBound, gapPercent: r.gapPercent,
    opt, paper: TABLE3_PAPER[`${kappa}/${m}`],
  };
}

function finish(S: Setup, rows: Table3Row[]): Table3Study {
  const { inst, o } = S;
  let nnz = 0;
  for (const v of inst.truth) if (v !== 0) nnz++;
  const series: Series[] = [
    {
      title: 'Table 3: Lagrangian time vs κ, one line per m', mark: 'line', x: 'κ', y: 'time (s)', logX: true, logY: true, timing: true,
      points: rows.map((r) => ({ x: r.kappa, y: Math.max(r.timeMs / 1000, 1e-4), group: `m=${r.m}` })),
    },
    {
      title: 'Table 3: relative error vs κ, one line per m', mark: 'line', x: 'κ', y: '‖ŷ − x*‖²/‖ŷ‖²', logX: true,
      points: rows.map((r) => ({ x: r.kappa, y: r.error, group: `m=${r.m}` })),
    },
  ];
  return {
    instance: {
      n: inst.n, s: inst.s, h: inst.h, sigma: inst.sigma, noise: inst.noise, noiseStd: inst.noiseStd, seed: o.seed, lambda: o.lambda, nnzTruth: nnz,
      ...(S.window ? { window: S.window } : {}),
    },
    solver: o.solver, rows, series,
  };
}

function exactOpt(S: Setup, kappa: number, cache: Map<number, number>): number | undefined {
  if (!S.o.exact) return undefined;
  if (!cache.has(kappa)) cache.set(kappa, pathExactL0(signalProblem({ y: S.inst.y, lambda: S.o.lambda, mu: kappa })).objective);
  return cache.get(kappa);
}

/** Run the Table 3 grid in the calling thread (used by claim checks). */
export function table3Sync(opts: Table3Options = {}): Table3Study {
  const S = setup(opts);
  const solver = opts.solverFn ?? getSegmentSolver(S.o.solver);
  const cache = new Map<number, number>();
  const rows = S.cells.map(([kappa, m]) => {
    const t0 = performance.now();
    const r = lagrangianDecompositionSync({ y: S.inst.y, lambda: S.o.lambda, kappa }, { m, hMax: S.o.hMax, xiTol: S.o.xiTol }, solver);
    return row(S, kappa, m, r, performance.now() - t0, exactOpt(S, kappa, cache));
  });
  return finish(S, rows);
}

/** Run the Table 3 grid with the worker pool (`jobs` threads; used by the benchmark). */
export async function table3(opts: Table3Options = {}): Promise<Table3Study> {
  const S = setup(opts);
  const cache = new Map<number, number>();
  const rows: Table3Row[] = [];
  for (const [kappa, m] of S.cells) {
    const t0 = performance.now();
    const r = await lagrangianDecomposition({ y: S.inst.y, lambda: S.o.lambda, kappa }, { m, hMax: S.o.hMax, xiTol: S.o.xiTol, solver: S.o.solver, jobs: S.o.jobs });
    rows.push(row(S, kappa, m, r, performance.now() - t0, exactOpt(S, kappa, cache)));
  }
  return finish(S, rows);
}
