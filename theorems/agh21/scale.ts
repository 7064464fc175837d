/**
 * AGH21 at scale: the tailored Lagrangian decomposition (§4.3, pp. 23–25), the accelerometer study
 * (§5.1, pp. 25–28) and Table 3 (§5.3, pp. 34–36).
 *
 * Every study claim declares the paper's setting (`paperScale`) and returns the scale it ran, so the
 * runner labels quick/default miniatures `consistent-at-reduced-scale` and only the thorough budget can
 * confirm. Each miniature is chosen so that it rejects the next-weaker method (persp in place of decomp);
 * the reasons and the measured numbers are in docs/claims/agh21.md#at-scale-51-table-3 and in each claim. Three Table 3
 * statements are about the loop and hold with persp blocks too (m = 10 needs no iteration, few subproblems, comparable
 * errors); on their cells `agh21.scale.table3-bound-strength` is the check that persp blocks fail.
 *
 * Budgets (each claim runs ONE fixed study per budget, shared between claims through a memo):
 * - accelerometer (§5.1): `thorough` = the paper's full 10 × 10 grid on the 13,800-value series;
 *   `default`/`quick` = the first 460 values rescaled to max 1, k scaled by 1/30, the high-λ low-k cells
 *   (docs/claims/agh21.md#scale-accelerometer-miniature).
 * - Table 3 (§5.3): `thorough` = the paper's grid (n = 100,000, s = 10, h = 100, σ = 0.5 σ²-reading,
 *   λ = 0.3, κ × m = 6 × 4); `default`/`quick` = miniatures (docs/claims/agh21.md#scale-table3-miniature).
 * Decomp is Algorithm 1 of src/signal/relax, as in the paper, its subproblems (32) solved by our primal–dual
 * path solver (path-pd.ts; barrier, then conic IPM as fallbacks; certified against src/conic); the Lagrangian
 * blocks use it behind our certified persp = OPT shortcut (src/signal/lagrangian/decomp-block.ts, checked
 * by `agh21.scale.decomp-block-shortcut`).
 */
import fc from 'fast-check';
import type { BudgetName } from '../../src/claims/claim.ts';
import { defineClaim, ge, le, timed, type Comparison } from '../../src/claims/claim.ts';
import { pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { loadAccelerometer } from '../../src/signal/accelerometer.ts';
import { blockObjective, decompBlock, decompBlockAlg1 } from '../../src/signal/lagrangian/decomp-block.ts';
import { solveChainBlock } from '../../src/signal/lagrangian/chain-qp.ts';
import { lagrangianDecompositionSync } from '../../src/signal/lagrangian/method.ts';
import type { SegmentProblem, SegmentSolver } from '../../src/signal/lagrangian/segments.ts';
import { accelerometerStudy, fullGrid, type AccelerometerStudy } from '../../src/signal/studies/accelerometer-study.ts';
import { getCardinalityRelaxation, type CardinalityRelaxation } from '../../src/signal/studies/relaxations.ts';
import { table3Sync, TABLE3_KAPPAS, TABLE3_MS, TABLE3_PAPER, type Table3Row, type Table3Study } from '../../src/signal/studies/table3.ts';
import { blockBatchInstance, lagrangianInstance, type BlockBatch, type LagrangianInstance } from '../../src/arbitraries/signal-scale.ts';

// ---------------------------------------------------------------------------------------------
// Subjects and memoised studies

/** Subject of the accelerometer claims: the two relaxations compared. */
export interface AccelSubject {
  decomp: CardinalityRelaxation;
  l1: CardinalityRelaxation;
}
/**
 * Memoise a relaxation per (data, λ, k) so that claims sharing a budget (and their negative controls,
 * which swap one of the two relaxations) solve each cell once. The elapsed time of the first solve is
 * kept in `firstSolveMs` (benchmarks time the relaxations directly).
 */
export function memoRelaxation(fn: CardinalityRelaxation): CardinalityRelaxation {
  const cache = new Map<string, ReturnType<CardinalityRelaxation>>();
  const ids = new WeakMap<Float64Array, number>();
  let next = 0;
  return (y, lambda, k) => {
    if (!ids.has(y)) ids.set(y, next++);
    const key = `${ids.get(y)}/${lambda}/${k}`;
    let r = cache.get(key);
    if (!r) {
      r = fn(y, lambda, k);
      cache.set(key, r);
    }
    return r;
  };
}
export const accelSubject: AccelSubject = { decomp: memoRelaxation(getCardinalityRelaxation('decomp')), l1: memoRelaxation(getCardinalityRelaxation('l1')) };

const seriesCache = new Map<number, Float64Array>();
/** The accelerometer series truncated to its first n values and rescaled to max 1 (n = 13,800: as shipped). */
export function accelData(n: number): Float64Array {
  let y = seriesCache.get(n);
  if (y) return y;
  const full = loadAccelerometer().y;
  y = full.slice(0, n);
  if (n < full.length) {
    let mx = 0;
    for (const v of y) mx = Math.max(mx, v);
    y = y.map((v) => v / mx);
  }
  seriesCache.set(n, y);
  return y;
}

/** Subject of the Table 3 claims: the block solver of the Lagrangian method. */
export interface Table3Subject {
  block: SegmentSolver;
}
export const table3Subject: Table3Subject = { block: decompBlock };

/** The paper's §5.1 setting: the 13,800-value series and its 10 × 10 grid. */
export const ACCEL_PAPER_SCALE = { n: 13800, cells: 100 };

/**
 * The accelerometer setting per budget (docs/claims/agh21.md#scale-accelerometer-miniature): thorough = the
 * paper's grid; default/quick = the first 460 values, k scaled by 1/30, the cells with λ ≥ 0.8 and the
 * smallest k, where persp's gap (42) exceeds 1 % (measured 1.13–1.30 %) and decomp's does not (≤ 0.5 %).
 */
export function accelSetting(budget: BudgetName): { n: number; cells: [number, number][] } {
  if (budget === 'thorough') return { n: ACCEL_PAPER_SCALE.n, cells: fullGrid() };
  if (budget === 'default') return { n: 460, cells: [0.8, 0.9, 1.0].flatMap((l) => [17, 25].map((k) => [l, k] as [number, number])) };
  return { n: 460, cells: [[0.9, 17], [1.0, 25]] };
}

const accelMemo = new Map<string, { subject: AccelSubject; study: AccelerometerStudy }[]>();
/** Run (or reuse) the accelerometer study for a budget and subject. */
export function accelStudyFor(budget: BudgetName, subject: AccelSubject): AccelerometerStudy {
  const hit = accelMemo.get(budget)?.find((e) => e.subject.decomp === subject.decomp && e.subject.l1 === subject.l1);
  if (hit) return hit.study;
  const { n, cells } = accelSetting(budget);
  const y = accelData(n);
  const study = accelerometerStudy({ y, cells, methods: ['l1', 'decomp'], relaxations: { l1: subject.l1, decomp: subject.decomp } });
  const list = accelMemo.get(budget) ?? [];
  list.push({ subject, study });
  accelMemo.set(budget, list);
  return study;
}

/** A Table 3 run: the generated instance (n, s, seed), optionally a window of it, and the cells. */
export interface Table3Setting {
  n: number;
  s: number;
  seed: number;
  window?: { start: number; length: number };
  kappas: number[];
  ms: number[];
  /** The largest m run (the paper's 1000; 30 in a 3,000-node window: blocks of 100 either way). */
  mBig: number;
}

/** Seed of the Table 3 instances (fixed; the paper reports none). */
export const TABLE3_SEED = 53;
/** The paper's instance size (Table 3, p. 36). */
export const TABLE3_PAPER_N = 100_000;

/** The window of the paper's instance the grid miniatures solve: its first 3,000 values (one spike), not rescaled. */
export const TABLE3_WINDOW = { start: 0, length: 3000 };

/**
 * The Table 3 grid per budget (docs/claims/agh21.md#scale-table3-miniature): thorough = the paper's grid;
 * default = the first 3,000 values of the paper's instance (not rescaled, so the noise stands to κ as at
 * full scale), κ ∈ {0.002, 0.005, 0.01, 0.02}, m ∈ {1, 30} (blocks of 100 as m = 1000 has); quick = the
 * same window at κ = 0.01.
 */
export function table3Setting(budget: BudgetName): Table3Setting {
  const paper = { n: TABLE3_PAPER_N, s: 10, seed: TABLE3_SEED };
  if (budget === 'thorough') return { ...paper, kappas: TABLE3_KAPPAS, ms: TABLE3_MS, mBig: 1000 };
  if (budget === 'default') return { ...paper, window: TABLE3_WINDOW, kappas: [0.002, 0.005, 0.01, 0.02], ms: [1, 30], mBig: 30 };
  return { ...paper, window: TABLE3_WINDOW, kappas: [0.01], ms: [1, 30], mBig: 30 };
}

/**
 * Setting of the timing claim: thorough = every κ ≥ 0.005 cell with m = 1000 at n = 100,000; default = the
 * κ = 0.01 cell at that size (a miniature would time fixed overheads, not the method); quick, the test
 * suite's budget, reads the κ = 0.01 cell with blocks of 100 of the quick grid (the 3,000-value window,
 * m = 30), which the other Table 3 claims run anyway — a run of the loop, whose time says little about
 * the method.
 */
export function minuteSetting(budget: BudgetName): Table3Setting {
  if (budget === 'quick') return { ...table3Setting('quick'), kappas: [0.01], ms: [30], mBig: 30 };
  const kappas = budget === 'thorough' ? [0.005, 0.01, 0.02] : [0.01];
  return { n: TABLE3_PAPER_N, s: 10, seed: TABLE3_SEED, kappas, ms: [1000], mBig: 1000 };
}

/**
 * The setting of the "m = 10 needs no iteration" claim: the statement's own cells (κ ∈ {0.01, 0.02}, m = 10);
 * thorough runs them inside the paper's whole grid at n = 100,000; quick and default run them on a fresh
 * n = 10,000, s = 1 instance (the paper's spike density, blocks of 1,000: about 4 CPU-s for both cells; at
 * n = 100,000 the two solves with blocks of 10,000 took about 24 CPU-s, too much for the everyday run).
 */
export function noIterationSetting(budget: BudgetName): Table3Setting {
  if (budget === 'thorough') return { n: TABLE3_PAPER_N, s: 10, seed: TABLE3_SEED, kappas: TABLE3_KAPPAS, ms: TABLE3_MS, mBig: 1000 };
  if (budget === 'default') return { n: 10_000, s: 1, seed: TABLE3_SEED, kappas: [0.01, 0.02], ms: [10], mBig: 10 };
  return { n: 10_000, s: 1, seed: TABLE3_SEED, kappas: [0.01, 0.02], ms: [10], mBig: 10 };
}

const t3Memo = new Map<string, { block: SegmentSolver; study: Table3Study }[]>();
/** Run (or reuse) the Table 3 grid for a budget and block solver. */
export function table3StudyFor(budget: BudgetName, subject: Table3Subject, which: 'grid' | 'm10' | 'minute' = 'grid'): Table3Study {
  // thorough runs everything inside the paper's grid; quick times its κ = 0.01, m = 30 cell (minuteSetting)
  const ownStudy = which === 'm10' ? budget !== 'thorough' : which === 'minute' ? budget === 'default' : false;
  const key = ownStudy ? `${budget}/${which}` : budget;
  const hit = t3Memo.get(key)?.find((e) => e.block === subject.block);
  if (hit) return hit.study;
  const s = key.endsWith('/m10') ? noIterationSetting(budget) : key.endsWith('/minute') ? minuteSetting(budget) : table3Setting(budget);
  // the exact optimum (path DP) is only reported; the m = 10 cells do not need it
  const study = table3Sync({ n: s.n, s: s.s, kappas: s.kappas, ms: s.ms, seed: s.seed, window: s.window, solverFn: subject.block, exact: !key.endsWith('/m10') });
  const list = t3Memo.get(key) ?? [];
  list.push({ block: subject.block, study });
  t3Memo.set(key, list);
  return study;
}

/** The scale a Table 3 study ran: the path length solved and how many of the claim's κ values it covered. */
function t3Scale(st: Table3Study, kappasRun: number): Record<string, number> {
  return { n: solvedLength(st), kappas: kappasRun };
}

/** The length of the path a Table 3 study solved: its window's, else the generated instance's. */
const solvedLength = (st: Table3Study): number => st.instance.window?.length ?? st.instance.n;

const cell = (st: Table3Study, kappa: number, m: number): Table3Row | undefined => st.rows.find((r) => r.kappa === kappa && r.m === m);

function accelValues(st: AccelerometerStudy): Record<string, number> {
  const v: Record<string, number> = { n: st.n, cells: st.cells.length, 'paper: decomp mean s/cell (Mosek, laptop; §5.1.3, p. 28)': 54 };
  for (const m of Object.keys(st.averageGap)) v[`${m} average gap %`] = st.averageGap[m];
  // the per-cell table (§5.1's grid): bounds, exact optimum, gaps (42), decomp time
  for (const c of st.cells) {
    const key = `λ=${c.lambda} k=${c.k}`;
    const d = c.methods.decomp;
    const l1 = c.methods.l1;
    if (d) {
      v[`${key} decomp LB`] = d.lowerBound;
      v[`${key} decomp UB`] = d.upperBound;
      v[`${key} decomp gap %`] = d.gapPercent;
    }
    if (l1) v[`${key} ℓ1 gap %`] = l1.gapPercent;
    if (c.opt !== undefined) v[`${key} OPT`] = c.opt;
  }
  return v;
}

/** The accelerometer study's wall-clock times (seconds): per method mean/median/max per cell, and decomp's per cell. */
function accelTimings(st: AccelerometerStudy): Record<string, number> {
  const v: Record<string, number> = {};
  for (const m of Object.keys(st.times)) {
    v[`${m} mean s/cell`] = st.times[m].meanMs / 1000;
    v[`${m} median s/cell`] = st.times[m].medianMs / 1000;
    v[`${m} max s/cell`] = st.times[m].maxMs / 1000;
  }
  for (const c of st.cells) if (c.methods.decomp) v[`λ=${c.lambda} k=${c.k} decomp s`] = c.methods.decomp.timeMs / 1000;
  return v;
}

/** A Table 3 study's wall-clock time per cell (seconds). */
function table3Timings(st: Table3Study): Record<string, number> {
  const v: Record<string, number> = {};
  for (const r of st.rows) v[`κ=${r.kappa} m=${r.m} time s`] = r.timeMs / 1000;
  return v;
}

function table3Values(st: Table3Study): Record<string, number | string | boolean> {
  const v: Record<string, number | string | boolean> = { n: st.instance.n, noise: `${st.instance.noise} (std ${st.instance.noiseStd})`, seed: st.instance.seed };
  for (const r of st.rows) {
    const key = `κ=${r.kappa} m=${r.m}`;
    v[`${key} error`] = r.error;
    v[`${key} ‖x*‖₀`] = r.support;
    v[`${key} #iter`] = r.iterations;
    v[`${key} #sub`] = `${r.m}+${r.resolves}`;
    v[`${key} converged`] = r.converged;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// The Lagrangian method (derived / ours)

/** The Lagrangian method as a function (the subject; negative controls put a wrong loop in its place). */
export type LagrangianMethod = typeof lagrangianDecompositionSync;

/** Subject of the Lagrangian bound claim: the loop and its block solver. */
export interface LagrangianSubject {
  block: SegmentSolver;
  method: LagrangianMethod;
}

const perspBlock: SegmentSolver = (p) => solveChainBlock('persp', p);

const LB_TOL = 1e-6;
const STRENGTH = 0.5;
/** Algorithm 1's stopping rule (Remark 13): a relative improvement ≤ 5e-5 per round. */
const ALG1_STOP = 5e-5;
export const lagrangianValidBound = defineClaim({
  id: 'agh21.scale.lagrangian-valid-bound',
  paper: 'agh21',
  location: '§4.3, eqs. (38)–(40), pp. 23–24',
  title: 'The Lagrangian dual bound with decomp blocks is valid (≤ OPT) and closes at least half of persp\'s gap',
  statement:
    'For any multipliers γ, L(γ) = Σ_j B_j(γ) − Σ γ_j²/(4λ) with B_j the block decomp values is ≤ OPT of (37) (weak duality, each block ' +
    'relaxation ≤ its MIQO), and the thresholded estimate is feasible (OPT ≤ UB). Beyond validity, decomp blocks strengthen every edge ' +
    'inside a block, so the best L(γ^h) closes at least half of the gap the whole-path persp bound leaves to OPT — which a Lagrangian with ' +
    'persp blocks (limit: persp) cannot do wherever persp leaves a gap; pairwise (9) blocks, the next weaker relaxation, leave more ' +
    'than half of it on about a third of the drawn instances. Checked on random generator paths with m ∈ [2, 6] and h_max = 30.',
  tex: '\\max_h L(\\gamma^h) \\le \\mathrm{OPT}_{(37)} \\le \\zeta_{UB},\\quad \\mathrm{OPT} - \\max_h L(\\gamma^h) \\le \\tfrac12(\\mathrm{OPT} - \\zeta_{persp})',
  hypotheses: ['path, penalty form (37), μ₁ = 0', 'blocks solved by decomp (Algorithm 1 behind the certified shortcut)', 'n ∈ [24, 60], m ∈ [2, 6]'],
  kind: 'bound',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#scale-lagrangian-weak-duality (validity) and #scale-lagrangian-strength (the ½ of persp\'s gap)',
  tolerance: {
    value: LB_TOL,
    reason: 'validity: block bounds are conic dual values at relative accuracy 1e-8 (RELAX_SOLVER_OPTIONS) summed over ≤ 6 blocks of values ≤ n; 1e-6 relative to max(1, OPT) leaves a margin of ~10². Strength: Algorithm 1 stops at a relative improvement ≤ 5e-5 (Remark 13), so a block bound may sit that far below decomp; the ½ of persp\'s gap is ours (see the source).',
  },
  // quick = 4 runs: with 3, pairwise (9) blocks passed for 2 of 6 root seeds; with 4 they are rejected for 8 of 8 (and persp for all)
  budget: { quick: 4, default: 10, thorough: 60 },
  timeoutMs: 600_000,
  subject: { block: decompBlock, method: lagrangianDecompositionSync } as LagrangianSubject,
  instances: lagrangianInstance(),
  check: (inst: LagrangianInstance, s) => {
    const y = Float64Array.from(inst.y);
    const r = s.method({ y, lambda: inst.lambda, kappa: inst.kappa }, { m: inst.m, hMax: inst.hMax }, s.block);
    const opt = pathExactL0(signalProblem({ y, lambda: inst.lambda, mu: inst.kappa })).objective;
    const persp = solveChainBlock('persp', { index: 0, y, lambda: inst.lambda, kappa: inst.kappa, mu1: 0, u: 1, cFirst: 0, cLast: 0 }).value;
    const scale = Math.max(1, Math.abs(opt));
    return {
      comparisons: [
        le('(dual bound − OPT)/max(1, OPT)', (r.lowerBound - opt) / scale, LB_TOL),
        ge('(UB − OPT)/max(1, OPT)', (r.upperBound - opt) / scale, -LB_TOL),
        le('[(OPT − dual bound) − ½(OPT − persp)]/max(1, OPT)', (opt - r.lowerBound - STRENGTH * (opt - persp)) / scale, ALG1_STOP),
      ],
      values: {
        m: inst.m,
        iterations: r.iterations,
        converged: r.converged,
        'certified gap %': r.gapPercent,
        'dual bound gap to OPT %': (100 * (opt - r.lowerBound)) / opt,
        'persp gap to OPT %': (100 * (opt - persp)) / opt,
      },
    };
  },
});

/** Subject of the shortcut claim: our block solver and the reference it must agree with where it fires. */
export interface ShortcutSubject {
  /** Returns `work = 0` when the shortcut fired (no Algorithm 1 round). */
  fast: SegmentSolver;
  reference: SegmentSolver;
}

const SHORTCUT_TOL = 1e-6;
export const decompBlockShortcut = defineClaim({
  id: 'agh21.scale.decomp-block-shortcut',
  paper: 'agh21',
  location: '§4.3, "Subproblems" (blocks solved by Algorithm 1), p. 24; the shortcut is ours',
  title: 'Where our certified block shortcut fires, it returns Algorithm 1\'s block decomp value (hit rate reported)',
  statement:
    'On the blocks of a generator path as the Lagrangian loop cuts them (boundary terms cFirst·x_first + cLast·x_last), whenever the ' +
    'block solver takes the persp = OPT shortcut (no Algorithm 1 round), its value is within 1e-6 (relative) of plain Algorithm 1\'s and ' +
    'its x is integral with objective equal to the block optimum. The other blocks are solved by Algorithm 1 itself and are not compared ' +
    'with it; the share of blocks where the shortcut fires is reported.',
  hypotheses: ['a generator path of 6 blocks of b ∈ [8, 20] nodes, 1–2 spikes', 'u = 1', '|γ| ≤ 0.3', 'κ ∈ {0.005, 0.01, 0.02, 0.05}'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/agh21.md#scale-block-shortcut',
  tolerance: { value: SHORTCUT_TOL, reason: 'Algorithm 1 stops at a relative improvement ≤ 5e-5 (Remark 13) but on these blocks it stops at no-violated-cut with conic accuracy 1e-8; the sandwich tolerance is 1e-9; 1e-6 relative covers both with margin.' },
  budget: { quick: 3, default: 12, thorough: 120 },
  timeoutMs: 600_000,
  subject: { fast: decompBlock as SegmentSolver, reference: decompBlockAlg1 as SegmentSolver } as ShortcutSubject,
  instances: blockBatchInstance(),
  check: (batch: BlockBatch, s) => {
    let hits = 0;
    let worst = 0;
    let worstIntegral = 0;
    for (const b of batch.blocks) {
      const p: SegmentProblem = { index: 0, y: Float64Array.from(b.y), lambda: batch.lambda, kappa: batch.kappa, mu1: 0, u: 1, cFirst: b.cFirst, cLast: b.cLast };
      const fast = s.fast(p);
      if (fast.work !== 0) continue;
      hits++;
      const ref = s.reference(p).value;
      const scale = Math.max(1, Math.abs(ref));
      worst = Math.max(worst, Math.abs(fast.value - ref) / scale);
      // the shortcut's x is the block optimum: its objective equals the value it returns
      worstIntegral = Math.max(worstIntegral, Math.abs(blockObjective(p, fast.x) - fast.value) / scale);
    }
    return {
      comparisons: [
        le('max over shortcut blocks |shortcut − Algorithm 1| / max(1, |Alg1|)', worst, SHORTCUT_TOL),
        le('max over shortcut blocks |objective(x) − value| / max(1, |Alg1|)', worstIntegral, SHORTCUT_TOL),
      ],
      values: { blocks: batch.blocks.length, 'shortcut hits': hits, 'hit rate': hits / batch.blocks.length, kappa: batch.kappa },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// §5.1 accelerometer (pp. 25–28)

const accelCommon = {
  paper: 'agh21' as const,
  provenance: 'paper' as const,
  paperScale: ACCEL_PAPER_SCALE,
  budget: { quick: 1, default: 1, thorough: 1 },
  timeoutMs: 48 * 3600_000,
  subject: accelSubject,
  instances: fc.constant(null),
};
const accelHyp = [
  'UCI accelerometer series, participant 2, x axis, windows of 10, mean |Δ|, ‖y‖∞ = 1 (§5.1.1; n = 13,800, the paper does not print n)',
  'model (41); UB = top-k thresholding without refit; gap (42) with ‖y‖² included (§5.1.2)',
  'decomp by Algorithm 1 (subproblems by our primal–dual path solver, certified against the conic IPM), ℓ1 = natural relaxation',
  'quick/default: the first 460 values, k scaled by 1/30, λ ∈ {0.8, 0.9, 1.0} × k ∈ {17, 25} (default) or (0.9, 17), (1.0, 25) (quick) — ' +
    'cells where persp\'s gap exceeds 1 % (docs/claims/agh21.md#scale-accelerometer-miniature)',
];
const accelScale = (st: AccelerometerStudy) => ({ n: st.n, cells: st.cells.length });

const GAP_LIMIT = 1;
export const accelDecompGap = defineClaim({
  ...accelCommon,
  id: 'agh21.scale.accel-decomp-gap',
  study: 'agh21.scale.accelerometer',
  location: '§5.1.3, p. 27 and Figure 3; abstract, p. 1 ("within 1% of the exact ℓ0-approach")',
  title: 'decomp certifies gaps within 1 % on the accelerometer grid (average, per λ, per k)',
  statement:
    'The average decomp gap (42) over the grid λ = 0.1t, k = 500t is below 1 %, and so is every per-λ and per-k average (Figure 3). ' +
    'The miniatures run the high-λ, low-k cells where the perspective relaxation\'s gap is above 1 %, so persp in decomp\'s place fails.',
  tex: '\\overline{\\mathrm{gap}}_{\\text{decomp}} < 1\\%,\\ \\max_\\lambda \\overline{\\mathrm{gap}}(\\lambda) < 1\\%,\\ \\max_k \\overline{\\mathrm{gap}}(k) < 1\\%',
  hypotheses: accelHyp,
  kind: 'bound',
  onFailure: 'not-reproduced',
  tolerance: { value: GAP_LIMIT, reason: 'the paper\'s threshold "within 1%" taken literally (strict), no slack' },
  check: (_i: null, s, ctx) => {
    const st = accelStudyFor(ctx.budget, s);
    const d = 'decomp';
    return {
      comparisons: [
        le('average decomp gap %', st.averageGap[d], GAP_LIMIT),
        le('max per-λ average decomp gap %', Math.max(...st.perLambda[d].map((p) => p.gap)), GAP_LIMIT),
        le('max per-k average decomp gap %', Math.max(...st.perK[d].map((p) => p.gap)), GAP_LIMIT),
      ],
      series: st.series,
      values: accelValues(st),
      timings: accelTimings(st),
      scale: accelScale(st),
    };
  },
  metrics: [{ name: 'average decomp gap %', direction: 'lower-is-better', unit: '%' }],
});

export const accelAverageGaps = defineClaim({
  ...accelCommon,
  id: 'agh21.scale.accel-average-gaps',
  study: 'agh21.scale.accelerometer',
  location: '§5.1.3, p. 27 (text beside Figure 3)',
  title: 'The printed grid averages: ℓ1 66.7 %, decomp 0.4 %',
  statement:
    'Over the 100 cells, "the gaps from the ℓ1 relaxation are 66.7% on average … the strong relaxations … yield optimality gaps of 0.4% on ' +
    'average". Our averages on the same grid are compared with the printed numbers; a miniature\'s averages are over other cells and are ' +
    'not expected to match.',
  hypotheses: accelHyp,
  kind: 'published-number',
  tolerance: { value: 0.05, reason: 'the paper prints one decimal: ±0.05 percentage points' },
  published: [
    { key: 'l1-average-gap', quantity: 'average ℓ1 gap (42) over the grid', value: 66.7, unit: '%', source: '§5.1.3, p. 27', tolerance: { value: 0.05, reason: 'printed to one decimal (±0.05)' } },
    { key: 'decomp-average-gap', quantity: 'average decomp gap (42) over the grid', value: 0.4, unit: '%', source: '§5.1.3, p. 27', tolerance: { value: 0.05, reason: 'printed to one decimal (±0.05)' } },
  ],
  check: (_i: null, s, ctx) => {
    const st = accelStudyFor(ctx.budget, s);
    return {
      // the printed ordering of the two averages; the printed values themselves are the published rows
      comparisons: [le('average decomp gap − average ℓ1 gap (%)', st.averageGap.decomp - st.averageGap.l1, 0, '%')],
      published: { 'l1-average-gap': st.averageGap.l1, 'decomp-average-gap': st.averageGap.decomp },
      series: st.series,
      values: accelValues(st),
      timings: accelTimings(st),
      scale: accelScale(st),
    };
  },
});

const FAR_RATIO = 10;
export const accelL1FarLarger = defineClaim({
  ...accelCommon,
  id: 'agh21.scale.accel-l1-far-larger',
  study: 'agh21.scale.accelerometer',
  location: '§5.1.3, p. 27 and Figure 3 ("decomp substantially improves upon the natural ℓ1 relaxation")',
  title: 'ℓ1 gaps are far larger than decomp gaps on every cell',
  statement:
    'On every cell of the accelerometer grid, ℓ1-approx\'s gap (42) is far larger than decomp\'s — read (fixed in advance) as at least 10 ' +
    'times larger. This tells ℓ1 from the perspective relaxation (persp as ℓ1 fails) but not decomp from persp: ℓ1\'s gaps are 10–20 times ' +
    'persp\'s on the miniature cells; accel-decomp-gap tells decomp from persp.',
  hypotheses: accelHyp,
  kind: 'bound',
  onFailure: 'not-reproduced',
  tolerance: { value: FAR_RATIO, reason: '"far larger" made concrete before measuring: a factor ≥ 10 on every cell (an order of magnitude)' },
  check: (_i: null, s, ctx) => {
    const st = accelStudyFor(ctx.budget, s);
    let minRatio = Infinity;
    for (const c of st.cells) minRatio = Math.min(minRatio, c.methods.l1.gapPercent / Math.max(c.methods.decomp.gapPercent, 1e-9));
    return {
      comparisons: [ge('min over cells of gap(ℓ1)/max(gap(decomp), 1e-9 %)', minRatio, FAR_RATIO)],
      series: st.series,
      values: accelValues(st),
      timings: accelTimings(st),
      scale: accelScale(st),
    };
  },
});

const VALID_TOL = 1e-6;
export const accelLowerBoundValid = defineClaim({
  ...accelCommon,
  id: 'agh21.scale.accel-lb-valid',
  study: 'agh21.scale.accelerometer',
  location: '§5.1.2–5.1.3, pp. 26–27 (ζ_LB of each relaxation, gap (42))',
  title: 'decomp\'s lower bound never exceeds a feasible value or the exact optimum, and dominates ℓ1\'s',
  statement:
    'On every cell, ζ_LB(decomp) ≤ every feasible objective found (the thresholded points of both relaxations) and ≤ the exact optimum ' +
    '(our cardinality-form path DP), and ζ_LB(ℓ1) ≤ ζ_LB(decomp): the certificates of our solvers on the paper\'s data.',
  hypotheses: accelHyp,
  kind: 'bound',
  provenance: 'ours',
  source: 'docs/claims/agh21.md#scale-accelerometer-miniature (setting); validity: each relaxation is a relaxation of (41), decomp ⊂ ℓ1\'s feasible set',
  tolerance: { value: VALID_TOL, reason: 'a bound is valid up to its solver\'s dual residual (path solvers: the residual\'s effect is subtracted, ≲ 1e-9 left; conic: residuals ≤ 1e-8 relative); 1e-6 relative to the objective leaves a margin of 10²' },
  check: (_i: null, s, ctx) => {
    const st = accelStudyFor(ctx.budget, s);
    let worstValid = -Infinity;
    let worstOrder = -Infinity;
    let worstOpt = -Infinity;
    for (const c of st.cells) {
      const lb = c.methods.decomp.lowerBound;
      const ub = Math.min(c.methods.decomp.upperBound, c.methods.l1.upperBound);
      worstValid = Math.max(worstValid, (lb - ub) / Math.max(1, ub));
      worstOrder = Math.max(worstOrder, (c.methods.l1.lowerBound - lb) / Math.max(1, Math.abs(lb)));
      if (c.opt !== undefined) worstOpt = Math.max(worstOpt, (lb - c.opt) / Math.max(1, c.opt));
    }
    return {
      comparisons: [
        le('max over cells (ζ_LB(decomp) − min feasible)/max(1, ·)', worstValid, VALID_TOL),
        le('max over cells (ζ_LB(decomp) − OPT)/max(1, OPT) (exact optimum, cardinality DP)', worstOpt, VALID_TOL),
        le('max over cells (ζ_LB(ℓ1) − ζ_LB(decomp))/max(1, ·)', worstOrder, VALID_TOL),
      ],
      values: accelValues(st),
      timings: accelTimings(st),
      scale: accelScale(st),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// §5.3 Table 3 (pp. 34–36)

const t3Common = {
  paper: 'agh21' as const,
  provenance: 'paper' as const,
  budget: { quick: 1, default: 1, thorough: 1 },
  timeoutMs: 48 * 3600_000,
  subject: table3Subject,
  instances: fc.constant(null),
};
const t3Hyp = [
  '§5.2.1 generator, n = 100,000, s = 10 spikes of length h = 100, σ = 0.5 with the σ² reading (noise std 0.25), seed 53 (§5.3, p. 35)',
  'model (44), λ = 0.3, μ = 0; Lagrangian of §4.3 (γ⁰ = 0, 1/h steps, ‖ξ‖∞ < 1e-3 or h_max = 100), blocks by decomp (Algorithm 1)',
  'thorough: the paper\'s grid; quick/default: the first 3,000 values of the same instance (one spike, not rescaled), m ∈ {1, 30} ' +
    '(blocks of 100 as with m = 1000), κ ∈ {0.002, 0.005, 0.01, 0.02} (default) or {0.01} (quick)',
];
/** The paper's #iter/#sub/time of a cell, for the values table. */
function paperCell(v: Record<string, number | string | boolean>, kappa: number, m: number): void {
  const p = TABLE3_PAPER[`${kappa}/${m}`];
  if (p) v[`κ=${kappa} m=${m} paper time s / #iter / #sub`] = `${p.time} / ${p.iter} / ${m}+${p.resolves}`;
}

export const table3DecompositionWins = defineClaim({
  ...t3Common,
  id: 'agh21.scale.table3-decomposition-wins',
  study: 'agh21.scale.table3',
  location: '§5.3, p. 35 (text) and Table 3, p. 36 (bold: fastest m per κ)',
  title: 'Decomposition beats m = 1 once κ ≥ 0.002 (time, relative)',
  statement:
    'time(largest m: blocks of 100) < time(m = 1) for every κ ≥ 0.002 run (Table 3 marks m = 1000 fastest for κ ≥ 0.001; the text: "as the ' +
    'value of the ℓ0 regularization parameter κ increases, the Lagrangian methods solve the problems increasingly faster"). The default ' +
    'miniature and the thorough grid both run κ = 0.002, where ours does NOT reproduce it: m = 1 is one solve of our path solver ' +
    '(the paper: 1,390 s with Mosek), while the largest m runs all 100 iterations without meeting ‖ξ‖∞ < 1e-3 (full scale: 1,000 + 98,802 ' +
    're-solves, the paper 1,000 + 7,861 in 173 s; window: 30 + 2,970), ten times slower than m = 1 on one core (the run\'s times are in ' +
    'its timings). It holds at κ ≥ 0.005.',
  hypotheses: t3Hyp,
  kind: 'bound',
  onFailure: 'not-reproduced',
  paperScale: { n: TABLE3_PAPER_N, kappas: 4 },
  tolerance: { value: 1, reason: 'a strict ratio < 1 of wall-clock times measured in the same run (no slack: the paper\'s ratios at κ ≥ 0.002 are ≤ 0.22)' },
  check: (_i: null, s, ctx) => {
    const st = table3StudyFor(ctx.budget, s);
    const { mBig, kappas } = table3Setting(ctx.budget);
    const run = kappas.filter((k) => k >= 0.002);
    const out: Comparison[] = [];
    const values = table3Values(st);
    for (const k of run) {
      const a = cell(st, k, mBig);
      const b = cell(st, k, 1);
      if (a && b) out.push(timed(le(`time(m=${mBig})/time(m=1) at κ=${k}`, a.timeMs / b.timeMs, 1)));
      paperCell(values, k, 1);
      paperCell(values, k, 1000);
    }
    return { comparisons: out, series: st.series, values, timings: table3Timings(st), scale: t3Scale(st, run.length) };
  },
});

export const table3NoIterations = defineClaim({
  ...t3Common,
  id: 'agh21.scale.table3-m10-no-iterations',
  study: 'agh21.scale.table3',
  location: '§5.3, p. 35 ("if κ ≥ 0.01, the Lagrangian method with m = 10 is solved to optimality without performing any subgradient iterations") and Table 3, p. 36 (1 and 10+0)',
  title: 'For κ ≥ 0.01, m = 10 needs no subgradient iteration',
  statement:
    'With m = 10 and κ ∈ {0.01, 0.02} the multipliers γ⁰ = 0 already satisfy ‖ξ‖∞ < 1e-3: #iter = 1 and #sub = 10 + 0 (the printed values), ' +
    'run at the paper\'s size at the thorough budget (quick and default: n = 10,000, s = 1, blocks of 1,000). It tells decomp and persp blocks from ℓ1 ' +
    'blocks and from blocks without the ℓ0 term (dense estimates: 5 iterations, 10 + 40) ' +
    'but not from each other: persp blocks also need no iteration on this instance (measured), because both leave the noise at the nine ' +
    'boundaries at zero. It is a statement about the loop (γ⁰ = 0 stops it when every boundary is zero), which no block relaxation ' +
    'that zeros the boundaries changes; agh21.scale.table3-bound-strength checks the same two cells\' dual bounds, which persp blocks ' +
    'cannot reach (persp in decomp\'s place is rejected there at quick and default).',
  hypotheses: [...t3Hyp.slice(0, 2), 'thorough: n = 100,000, s = 10, seed 53, m = 10, κ ∈ {0.01, 0.02}; quick/default: n = 10,000, s = 1, seed 53'],
  kind: 'identity',
  paperScale: { n: TABLE3_PAPER_N, kappas: 2 },
  tolerance: { value: 0, reason: 'counts are exact' },
  published: [0.01, 0.02].flatMap((k) => [
    { key: `iter-m10-k${k}`, quantity: `#iter, m = 10, κ = ${k}`, value: 1, source: 'Table 3, p. 36', tolerance: { value: 0, reason: 'a count: exact' } },
    { key: `resolves-m10-k${k}`, quantity: `re-solves after the first iteration (the "+0" of #sub), m = 10, κ = ${k}`, value: 0, source: 'Table 3, p. 36', tolerance: { value: 0, reason: 'a count: exact' } },
  ]),
  check: (_i: null, s, ctx) => {
    const st = table3StudyFor(ctx.budget, s, 'm10');
    const published: Record<string, number> = {};
    const out: Comparison[] = [];
    for (const k of [0.01, 0.02]) {
      const r = cell(st, k, 10);
      if (!r) throw new Error(`the m = 10, κ = ${k} cell was not run`);
      published[`iter-m10-k${k}`] = r.iterations;
      published[`resolves-m10-k${k}`] = r.resolves;
      out.push(le(`‖ξ(γ⁰ = 0)‖∞ at m=10, κ=${k} (first evaluation)`, r.firstXiInf, 1e-3));
    }
    return { comparisons: out, published, values: table3Values(st), timings: table3Timings(st), scale: t3Scale(st, 2) };
  },
});

const SUB_FRACTION = 0.1;
export const table3FewSubproblems = defineClaim({
  ...t3Common,
  id: 'agh21.scale.table3-few-subproblems',
  study: 'agh21.scale.table3',
  location: '§4.3 "Additional considerations", p. 24 (re-solve only blocks whose multipliers changed) and Table 3, p. 36 (# sub)',
  title: 'Re-solving only changed blocks keeps #sub ≪ m·h_max for κ ≥ 0.005',
  statement:
    'For κ ≥ 0.005 and the largest m, #sub = m + re-solves ≤ 0.1·m·h_max (the paper: 1,000 + 275…480 ≪ 100,000). A statement about the ' +
    'loop, not the block relaxation: persp blocks re-solve even fewer blocks (their dual is smoother; window: 30 + 12 against decomp\'s ' +
    '30 + 18…24), so it is no evidence about decomp. Measured before this record: full scale 1,000 + 693 / 741 / 3,762 (κ = 0.005 / 0.01 / 0.02). ' +
    'What tells decomp blocks from persp blocks on these cells is agh21.scale.table3-bound-strength.',
  hypotheses: t3Hyp,
  kind: 'bound',
  onFailure: 'not-reproduced',
  paperScale: { n: TABLE3_PAPER_N, kappas: 3 },
  tolerance: { value: SUB_FRACTION, reason: '"≪" made concrete before measuring: at most 10 % of the m·h_max solves a method without reuse would need' },
  check: (_i: null, s, ctx) => {
    const st = table3StudyFor(ctx.budget, s);
    const { mBig, kappas } = table3Setting(ctx.budget);
    const run = kappas.filter((k) => k >= 0.005);
    const out: Comparison[] = [];
    const values = table3Values(st);
    for (const k of run) {
      const r = cell(st, k, mBig);
      if (r) out.push(le(`#sub/(m·h_max) at κ=${k}, m=${mBig}`, r.subproblems / (mBig * 100), SUB_FRACTION));
      paperCell(values, k, 1000);
    }
    return { comparisons: out, values, timings: table3Timings(st), scale: t3Scale(st, run.length) };
  },
});

const ERR_REL = 0.1;
export const table3ErrorsComparable = defineClaim({
  ...t3Common,
  id: 'agh21.scale.table3-errors-comparable',
  study: 'agh21.scale.table3',
  location: '§5.3, p. 35 ("all methods return comparable estimation errors, (except for κ = 0.0005 …)") and Table 3, p. 36 (error)',
  title: 'Errors are comparable across m (except κ = 0.0005)',
  statement:
    'For every κ run except 0.0005 and every m: |error(m) − error(m=1)| ≤ 0.1·error(m=1), error = ‖ŷ − x*‖²/‖ŷ‖², whether or not the loop ' +
    'stopped at h_max (the paper exempts only κ = 0.0005). A statement about the loop: with persp blocks the estimate is persp\'s for every m, ' +
    'so it is no evidence about decomp (persp\'s errors differ from the exact ℓ0 estimator\'s by 4–10 % in the window, decomp\'s by ≤ 2 %, ' +
    'too close to a 10 % reading to tell them apart). What tells decomp blocks from persp blocks on these cells is ' +
    'agh21.scale.table3-bound-strength.',
  hypotheses: t3Hyp,
  kind: 'bound',
  onFailure: 'not-reproduced',
  paperScale: { n: TABLE3_PAPER_N, kappas: 5 },
  tolerance: { value: ERR_REL, reason: '"comparable" made concrete before measuring: within 10 % relative of the m = 1 error (the paper\'s own spread at κ ≥ 0.001 is ≤ 7 %: 0.028 vs 0.030)' },
  check: (_i: null, s, ctx) => {
    const st = table3StudyFor(ctx.budget, s);
    const out: Comparison[] = [];
    for (const r of st.rows) {
      if (r.m === 1 || r.kappa === 0.0005) continue;
      const base = cell(st, r.kappa, 1);
      if (!base) continue;
      out.push(le(`|error(m=${r.m}) − error(1)|/error(1) at κ=${r.kappa}`, Math.abs(r.error - base.error) / base.error, ERR_REL));
    }
    const kappasRun = new Set(st.rows.filter((r) => r.kappa !== 0.0005).map((r) => r.kappa)).size;
    return { comparisons: out, series: st.series, values: table3Values(st), timings: table3Timings(st), scale: t3Scale(st, kappasRun) };
  },
});

/** The path a Table 3 setting solves (the window of the generated instance when there is one), memoised. */
const t3PathMemo = new Map<string, Float64Array>();
export function table3Path(s: Table3Setting): Float64Array {
  const key = `${s.n}/${s.s}/${s.seed}/${s.window?.start ?? 0}/${s.window?.length ?? s.n}`;
  let y = t3PathMemo.get(key);
  if (!y) {
    // the generator as table3Sync calls it: h = 100, σ = 0.5, σ² noise reading
    const full = generateSpikes({ n: s.n, s: s.s, h: 100, sigma: 0.5, seed: s.seed }).y;
    y = s.window ? full.slice(s.window.start, s.window.start + s.window.length) : full;
    t3PathMemo.set(key, y);
  }
  return y;
}

/** OPT (exact path DP) and the whole-path persp bound of a Table 3 path at κ (λ = 0.3), memoised. */
const t3RefMemo = new Map<string, { opt: number; persp: number }>();
function table3References(s: Table3Setting, kappa: number): { opt: number; persp: number } {
  const y = table3Path(s);
  const key = `${s.n}/${s.s}/${s.seed}/${s.window?.start ?? 0}/${y.length}/${kappa}`;
  let r = t3RefMemo.get(key);
  if (!r) {
    let u = 0;
    for (const v of y) u = Math.max(u, v);
    r = {
      opt: pathExactL0(signalProblem({ y, lambda: 0.3, mu: kappa })).objective,
      persp: solveChainBlock('persp', { index: 0, y, lambda: 0.3, kappa, mu1: 0, u, cFirst: 0, cLast: 0 }).value,
    };
    t3RefMemo.set(key, r);
  }
  return r;
}

export const table3BoundStrength = defineClaim({
  id: 'agh21.scale.table3-bound-strength',
  study: 'agh21.scale.table3',
  paper: 'agh21',
  location: '§4.3, (40a), p. 24 and §5.3, Table 3, p. 36 (the cells); the bound and its strength are ours',
  title: 'On the Table 3 cells the Lagrangian bound with decomp blocks is ≤ OPT and closes at least half of persp\'s gap',
  statement:
    'On every cell the Table 3 miniatures run — the grid (κ × m ∈ {1, 30} in the 3,000-node window) and the "m = 10" cells — the ' +
    'method\'s best dual bound LB satisfies LB ≤ OPT (exact path DP) and OPT − LB ≤ ½(OPT − persp) + 5e-5·max(1, OPT), persp the ' +
    'whole-path perspective bound. A Lagrangian with persp blocks converges to persp and cannot close any of that gap: this is what ' +
    'tells decomp blocks from persp blocks on the instances where table3-m10-no-iterations, table3-few-subproblems and ' +
    'table3-errors-comparable (statements about the loop) cannot. It does not tell decomp from pairwise (9) blocks, which close 94 % ' +
    'of persp\'s gap in the window at κ = 0.01; agh21.lagrangian.converges-to-unstrengthened-decomp and ' +
    'agh21.scale.lagrangian-valid-bound do.',
  tex: 'LB \\le \\mathrm{OPT},\\quad \\mathrm{OPT} - LB \\le \\tfrac12(\\mathrm{OPT} - \\zeta_{persp}) + 5\\cdot10^{-5}\\max(1,\\mathrm{OPT})',
  hypotheses: [
    ...t3Hyp,
    'the m = 10 cells at table3-m10-no-iterations\' setting (n = 100,000 at thorough; n = 10,000, s = 1 at quick and default)',
  ],
  kind: 'bound',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#scale-lagrangian-weak-duality (validity) and #scale-table3-bound-strength',
  paperScale: { n: TABLE3_PAPER_N },
  tolerance: {
    value: ALG1_STOP,
    reason:
      'validity: block bounds are certified dual values (relative accuracy ≤ 1e-8) summed over the blocks, 1e-6 relative to max(1, OPT). ' +
      'Strength: Algorithm 1 stops at a relative improvement ≤ 5e-5 (Remark 13), so a block bound (and the m = 1 bound) may sit that ' +
      'far below decomp; the factor ½ is ours (docs/claims/agh21.md#scale-lagrangian-strength), fixed before these cells were measured',
  },
  budget: { quick: 1, default: 1, thorough: 1 },
  timeoutMs: 48 * 3600_000,
  subject: table3Subject,
  instances: fc.constant(null),
  check: (_i: null, s, ctx) => {
    const runs: [Table3Setting, Table3Study][] = [[table3Setting(ctx.budget), table3StudyFor(ctx.budget, s)]];
    if (ctx.budget !== 'thorough') runs.push([noIterationSetting(ctx.budget), table3StudyFor(ctx.budget, s, 'm10')]);
    const out: Comparison[] = [];
    const values: Record<string, number | string | boolean> = {};
    let nMax = 0;
    for (const [setting, st] of runs) {
      nMax = Math.max(nMax, st.instance.n);
      for (const r of st.rows) {
        const { opt, persp } = table3References(setting, r.kappa);
        const scale = Math.max(1, Math.abs(opt));
        const at = `κ=${r.kappa}, m=${r.m}, n=${st.instance.n}`;
        out.push(le(`(LB − OPT)/max(1, OPT) at ${at}`, (r.lowerBound - opt) / scale, LB_TOL));
        out.push(le(`[(OPT − LB) − ½(OPT − persp)]/max(1, OPT) at ${at}`, (opt - r.lowerBound - STRENGTH * (opt - persp)) / scale, ALG1_STOP));
        values[`${at}: (OPT − LB)/OPT`] = (opt - r.lowerBound) / opt;
        values[`${at}: (OPT − persp)/OPT`] = (opt - persp) / opt;
        values[`${at}: converged`] = r.converged;
      }
    }
    return { comparisons: out, values, scale: { n: nMax } };
  },
});

const MINUTE = 60;
export const table3UnderMinute = defineClaim({
  ...t3Common,
  id: 'agh21.scale.table3-under-minute',
  location: '§5.3, p. 35 ("for values of κ ≥ 0.005 … m = 1,000 solves the problems in under one minute"), Table 3, p. 36 (31, 49, 44 s); abstract, p. 1',
  title: 'κ ≥ 0.005 with m = 1000 solves n = 100,000 in under a minute',
  statement:
    'Every Table 3 cell with κ ≥ 0.005 and m = 1000 finishes in under 60 s at n = 100,000 (paper, 8 threads + Mosek: 31, 49, 44 s). ' +
    'Checked at full size in one thread: the κ = 0.01 cell (default) or all three (thorough); quick times the κ = 0.01 cell of the 3,000-value window. ' +
    'The run\'s times are in its timings.',
  hypotheses: [...t3Hyp.slice(0, 2), 'default and thorough at n = 100,000 (a miniature would time fixed overheads); quick: the quick grid\'s 3,000-value window, m = 30 (blocks of 100); one thread'],
  kind: 'bound',
  onFailure: 'not-reproduced',
  paperScale: { n: TABLE3_PAPER_N, kappas: 3 },
  tolerance: { value: MINUTE, reason: 'the paper\'s bound (60 s at n = 100,000) with no slack; measured on one core of a quiet machine: 2.7–12.6 s over two reference runs, 24.9 s (κ = 0.01) with the machine\'s two cores under a load of ~22 — a heavily loaded run can approach the bound, an idle one cannot' },
  check: (_i: null, s, ctx) => {
    const st = table3StudyFor(ctx.budget, s, 'minute');
    const { mBig, kappas } = minuteSetting(ctx.budget);
    const n = solvedLength(st);
    let worst = 0;
    const values = table3Values(st);
    for (const k of kappas) {
      const r = cell(st, k, mBig);
      if (r) worst = Math.max(worst, r.timeMs / 1000);
      if (n === TABLE3_PAPER_N) paperCell(values, k, mBig); // the paper's cell only beside a run of its size
    }
    return {
      comparisons: [timed(le(`max over κ ∈ {${kappas.join(', ')}} (m=${mBig}, n=${n}) of time (s), one thread`, worst, MINUTE, 's'))],
      values,
      timings: table3Timings(st),
      scale: t3Scale(st, kappas.length),
    };
  },
});

export const scaleClaims = [
  lagrangianValidBound,
  decompBlockShortcut,
  accelDecompGap,
  accelAverageGaps,
  accelL1FarLarger,
  accelLowerBoundValid,
  table3DecompositionWins,
  table3NoIterations,
  table3FewSubproblems,
  table3ErrorsComparable,
  table3UnderMinute,
  table3BoundStrength,
];
