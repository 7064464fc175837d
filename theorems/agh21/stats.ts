/**
 * AGH21 §5.2: the statistical study — sparsity priors against ℓ1 (Figures 1 and 5–11).
 *
 * Every claim reads ONE study per budget and subject (memoised; the study is in
 * src/signal/studies/stats-study.ts, the estimators in stats-estimators.ts):
 * - `thorough` — the paper's protocol (§5.2.3): n = 1,000, s = 10, h = 10, σ = 0.1t (t = 1..10, noise std σ²),
 *   10 instances per σ (training + testing signal), the 10 × 10 grid PAPER_GRID (λ = 0.32·2^{j−6},
 *   μ ∈ {0} ∪ 0.004·2^{0..8}), both selection criteria, three methods;
 * - `default` — a miniature with the paper's density (hs/n = 10 %): n = 200, s = 2, h = 10,
 *   σ ∈ {0.2, 0.4, 0.7, 1.0}, 2 instances, λ ∈ {0.08, 0.32, 1.28} × μ ∈ {0, 0.128, 1.024} (about 20 CPU-s;
 *   3 instances took 34 and gave the same pass/fail outcomes but for the wall-clock time-ratios);
 * - `quick` — n = 100, s = 1, h = 10, σ ∈ {0.3, 0.9}, 2 instances, λ ∈ {0.08, 0.32} × μ ∈ {0, 0.128, 1.024}.
 * The miniature grids are subsets of PAPER_GRID around λ = 0.32 that keep its whole μ range (0 and the largest,
 * 1.024, at which L1 returns 0 at every σ), so every selection can reach what the full grid offers at its ends.
 * Every check returns `scale` (n, number of σ levels, instances, grid pairs) against `paperScale`, so only the
 * full protocol can confirm a statement; a miniature that passes is consistent at reduced scale.
 *
 * The assertions are the paper's qualitative statements (§5.2.4, text around Figures 5–11), each made
 * concrete before measuring; every slack is in the claim's tolerance with its reason. Assertions are on
 * means over instances per σ, as the paper plots them. "SNR ≥ 3" is decided by the mean SNR of the testing
 * signals at that σ.
 */
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import type { BudgetName, CheckOutput, Claim, Comparison } from '../../src/claims/claim.ts';
import { defineClaim, ge, le, timed } from '../../src/claims/claim.ts';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { priors43, signalProblem, type SignalProblem } from '../../src/signal/model.ts';
import { buildDecomp } from '../../src/signal/relax/build.ts';
import { solveDecompPathPriors } from '../../src/signal/relax/path-pd-priors.ts';
import { solveSpec } from '../../src/signal/relax/solve.ts';
import { STATS_ESTIMATORS, type StatsEstimator, type StatsMethod } from '../../src/signal/studies/stats-estimators.ts';
import { PAPER_GRID, statsStudy, statsTimings, statsValues, type Criterion, type StatsGrid, type StatsRow, type StatsStudy } from '../../src/signal/studies/stats-study.ts';

/** The implementation under test: the three estimators. */
export type StatsSubject = Record<StatsMethod, StatsEstimator>;
export const statsSubject: StatsSubject = { ...STATS_ESTIMATORS };

/** Seed of the study's instances (fixed; the paper reports none). */
export const STATS_SEED = 52;

/** The study setting per budget (see the module comment). */
export function statsSetting(budget: BudgetName): { n: number; s: number; h: number; sigmas: number[]; instances: number; grid: StatsGrid } {
  if (budget === 'thorough') return { n: 1000, s: 10, h: 10, sigmas: Array.from({ length: 10 }, (_, t) => +(0.1 * (t + 1)).toFixed(1)), instances: 10, grid: PAPER_GRID };
  if (budget === 'default') return { n: 200, s: 2, h: 10, sigmas: [0.2, 0.4, 0.7, 1.0], instances: 2, grid: { lambdas: [0.08, 0.32, 1.28], mus: [0, 0.128, 1.024] } };
  return { n: 100, s: 1, h: 10, sigmas: [0.3, 0.9], instances: 2, grid: { lambdas: [0.08, 0.32], mus: [0, 0.128, 1.024] } };
}

/** The paper's scale, as numbers (the runner compares it with each check's `scale`). */
export const STATS_PAPER_SCALE = { n: 1000, sigmas: 10, instances: 10, grid: 100 };

const memo = new Map<BudgetName, { subject: StatsSubject; study: StatsStudy; source?: string }[]>();
/** Run (or reuse) the study for a budget and subject (claims sharing a subject solve once). */
export function statsStudyFor(budget: BudgetName, subject: StatsSubject): StatsStudy {
  const same = (a: StatsSubject): boolean => a.L1 === subject.L1 && a['Decomp-sparse'] === subject['Decomp-sparse'] && a['Decomp-prior'] === subject['Decomp-prior'];
  const hit = memo.get(budget)?.find((e) => same(e.subject));
  if (hit) return hit.study;
  const study = statsStudy({ ...statsSetting(budget), seed: STATS_SEED, estimators: subject, threads: budget === 'thorough' ? availableParallelism() : 1 });
  const list = memo.get(budget) ?? [];
  list.push({ subject, study });
  memo.set(budget, list);
  return study;
}

/**
 * Let the claims of `budget` read a study computed elsewhere by the real estimators — the full protocol run
 * σ level by σ level (scripts/stats-protocol.ts) and merged by `mergeStatsStudies`. Its setting must be the
 * budget's, seed included; `source` (how, where and at which commit it was computed) is recorded in every
 * claim's values. Only that script calls this; `verify` always computes its own study. Returns a function that
 * puts back the budget's previous studies.
 */
export function useStatsStudy(budget: BudgetName, study: StatsStudy, source: string): () => void {
  const want = { ...statsSetting(budget), seed: STATS_SEED };
  const got = { n: study.setting.n, s: study.setting.s, h: study.setting.h, sigmas: study.setting.sigmas, instances: study.setting.instances, grid: study.setting.grid, seed: study.setting.seed };
  if (JSON.stringify(got) !== JSON.stringify(want) || study.setting.noise !== 'sigma-squared') {
    throw new InvalidArgumentError('study.setting', JSON.stringify(got), `the ${budget} setting ${JSON.stringify(want)} with noise std σ²`);
  }
  if (typeof source !== 'string' || source.trim() === '') throw new InvalidArgumentError('source', source, 'a description of where the study was computed');
  const before = memo.get(budget);
  const list = (before ?? []).filter((e) => e.subject !== statsSubject);
  list.push({ subject: statsSubject, study, source });
  memo.set(budget, list);
  return () => {
    if (before) memo.set(budget, before);
    else memo.delete(budget);
  };
}

function scaleOf(st: StatsStudy): Record<string, number> {
  return { n: st.setting.n, sigmas: st.setting.sigmas.length, instances: st.setting.instances, grid: st.setting.grid.lambdas.length * st.setting.grid.mus.length };
}

/** Rows of one criterion and method, in σ order. */
const rowsOf = (st: StatsStudy, criterion: Criterion, method: StatsMethod): StatsRow[] => st.table.filter((r) => r.criterion === criterion && r.method === method);

/**
 * The output every check returns: comparisons, the figures it is about (series whose title contains one of
 * `figures`), the table as values (every claim, so `compare` can diff any of them), and the run's scale.
 */
function output(st: StatsStudy, comparisons: Comparison[], figures: string[]): CheckOutput {
  const series = st.series.filter((s) => figures.some((f) => s.title.includes(f)));
  const source = [...memo.values()].flat().find((e) => e.study === st)?.source;
  return { comparisons, series, values: { ...statsValues(st), ...(source ? { 'study computed by': source } : {}) }, timings: statsTimings(st), scale: scaleOf(st) };
}

type StatsClaimInput = Omit<Claim<null, StatsSubject>, 'paper' | 'kind' | 'provenance' | 'onFailure' | 'paperScale' | 'budget' | 'subject' | 'instances' | 'timeoutMs'>;
/** A §5.2 claim: one study per budget, the paper's scale declared; a failing check means not reproduced. */
function statsClaim(c: StatsClaimInput): Claim<null, StatsSubject> {
  return defineClaim({
    paper: 'agh21',
    kind: 'statistical',
    provenance: 'paper',
    onFailure: 'not-reproduced',
    paperScale: STATS_PAPER_SCALE,
    budget: { quick: 1, default: 1, thorough: 1 },
    timeoutMs: 48 * 3600_000,
    study: 'agh21.stats.protocol',
    subject: statsSubject,
    instances: fc.constant(null),
    ...c,
  });
}

const hyp = [
  '§5.2.1 generator (noise std σ², the reading that reproduces Table 2), seed 52, training and testing signals drawn independently',
  'estimators: L1 exact (Z-matrix pivoting, certified); Decomp-sparse / Decomp-prior = x* of Algorithm 1 (no rounding), certified gap ≤ 1e-5, cut sets warm-started along the grid (ours: docs/claims/agh21.md#stats-warm-cuts)',
  'selection on the training signal only; metrics on the testing signal; nonzero = |·| > 1e-3 (footnote 3); grid and other readings: docs/claims/agh21.md#stats-protocol-readings',
  'thorough = the paper\'s protocol (n = 1,000, 10 σ, 10 instances, 10 × 10 grid through (0.32, 0)); default/quick = miniatures with the same spike density',
];

const HIGH_SNR = 3;
const highRows = (rows: StatsRow[]): StatsRow[] => rows.filter((r) => r.snr >= HIGH_SNR);

const HALF = 0.6;
export const statsErrorHalved = statsClaim({
  id: 'agh21.stats.error-halved',
  location: '§5.2.4, Figure 5 and text ("reduces the error by half or more for SNR ≥ 3")',
  title: 'Error criterion, SNR ≥ 3: Decomp-sparse\'s error is about half of L1\'s or less',
  statement: 'Under the Error criterion, at every σ whose mean SNR is ≥ 3, mean error(Decomp-sparse) ≤ 0.6 · mean error(L1) (at least one such σ must be run).',
  tex: '\\overline{\\mathrm{err}}_{\\text{Decomp-sparse}}(\\sigma) \\le 0.6\\,\\overline{\\mathrm{err}}_{L1}(\\sigma)\\quad \\forall \\sigma:\\ \\overline{\\mathrm{SNR}}(\\sigma) \\ge 3',
  hypotheses: hyp,
  tolerance: { value: HALF, reason: '"half or more" read off a figure of means over 10 instances: "about half" fixed before measuring as a ratio ≤ 0.6 (20 % above one half), no further slack' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const l1 = highRows(rowsOf(st, 'error', 'L1'));
    const d = rowsOf(st, 'error', 'Decomp-sparse');
    const cmp: Comparison[] = [ge('number of σ levels with mean SNR ≥ 3', l1.length, 1)];
    for (const r of l1) {
      const dr = d.find((x) => x.sigma === r.sigma)!;
      cmp.push(le(`σ=${r.sigma} (SNR ${r.snr.toPrecision(3)}): error(Decomp-sparse)/error(L1)`, dr.errorMean / r.errorMean, HALF));
    }
    return output(st, cmp, ['Figure 1', 'Fig. 5)']);
  },
});

const FP_FACTOR = 0.2;
export const statsFpOrderLower = statsClaim({
  id: 'agh21.stats.fp-order-lower',
  location: '§5.2.4, Figure 6 and text (support "an order of magnitude" better for SNR ≥ 3)',
  title: 'Error criterion, SNR ≥ 3: Decomp-sparse has roughly an order of magnitude fewer false positives than L1',
  statement: 'Under the Error criterion, at every σ whose mean SNR is ≥ 3, mean FP(Decomp-sparse) ≤ 0.2 · mean FP(L1), and L1\'s mean FP is ≥ 1 (L1 is dense).',
  hypotheses: hyp,
  tolerance: { value: FP_FACTOR, reason: '"roughly an order of magnitude" fixed before measuring as a factor ≥ 5 (within a factor 2 of 10 on a log scale)' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const l1 = highRows(rowsOf(st, 'error', 'L1'));
    const d = rowsOf(st, 'error', 'Decomp-sparse');
    const cmp: Comparison[] = [ge('number of σ levels with mean SNR ≥ 3', l1.length, 1)];
    for (const r of l1) {
      const dr = d.find((x) => x.sigma === r.sigma)!;
      cmp.push(ge(`σ=${r.sigma}: FP(L1)`, r.fp, 1));
      cmp.push(le(`σ=${r.sigma} (SNR ${r.snr.toPrecision(3)}): FP(Decomp-sparse)/FP(L1)`, dr.fp / Math.max(r.fp, 1e-300), FP_FACTOR));
    }
    return output(st, cmp, ['Fig. 6)']);
  },
});

const IMPROVE = 0.01;
export const statsPriorImproves = statsClaim({
  id: 'agh21.stats.prior-improves',
  location: '§5.2.4, Figures 5 and 7 and text ("further improvement, especially at low SNR")',
  title: 'Error criterion: Decomp-prior improves on Decomp-sparse on average, most at low SNR',
  statement:
    'Under the Error criterion: (a) averaged over σ, 1 − error(Decomp-prior)/error(Decomp-sparse) ≥ 0.01; (b) the mean absolute improvement ' +
    'error(Decomp-sparse) − error(Decomp-prior) over the σ levels with SNR < 3 is ≥ that over the levels with SNR ≥ 3 (both sets must be run).',
  hypotheses: hyp,
  tolerance: { value: IMPROVE, reason: '"improves on average" fixed before measuring as a mean relative improvement of at least 1 % (smaller differences are within solver tolerance and Monte Carlo noise of a handful of instances); (b) is a strict ordering of two means, no slack' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const sp = rowsOf(st, 'error', 'Decomp-sparse');
    const pr = rowsOf(st, 'error', 'Decomp-prior');
    const rel = sp.map((r, t) => 1 - pr[t].errorMean / r.errorMean);
    const gain = sp.map((r, t) => ({ snr: r.snr, g: r.errorMean - pr[t].errorMean }));
    const mean = (v: number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);
    const low = gain.filter((x) => x.snr < HIGH_SNR).map((x) => x.g);
    const high = gain.filter((x) => x.snr >= HIGH_SNR).map((x) => x.g);
    return output(st, [
      ge('mean over σ of 1 − error(Decomp-prior)/error(Decomp-sparse)', mean(rel), IMPROVE),
      ge('number of σ levels with SNR < 3', low.length, 1),
      ge('number of σ levels with SNR ≥ 3', high.length, 1),
      ge('mean improvement at SNR < 3 − mean improvement at SNR ≥ 3', mean(low) - mean(high), 0),
    ], ['Fig. 7;']);
  },
});

const ZERO_CLOSE = 0.1;
const FN_FP = 5;
export const statsSparsityL1Zero = statsClaim({
  id: 'agh21.stats.sparsity-l1-zero',
  location: '§5.2.4, Figures 9 and 10 and text (at low SNR L1 returns x ≈ 0)',
  title: 'Sparsity criterion, lowest SNR: L1\'s error is close to the zero estimator\'s, with FN ≫ FP',
  statement: 'Under the Sparsity criterion, at the σ with the lowest mean SNR: |mean error(L1) − 1| ≤ 0.1 (the zero estimator\'s error is 1), mean FN(L1) ≥ 5 · mean FP(L1) and mean FN(L1) ≥ 1.',
  hypotheses: hyp,
  tolerance: { value: ZERO_CLOSE, reason: '"close to the zero estimator" fixed before measuring as within 0.1 of its relative error 1; "≫" fixed as a factor ≥ 5' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const rows = rowsOf(st, 'sparsity', 'L1');
    const r = rows.reduce((a, b) => (b.snr < a.snr ? b : a));
    return output(st, [
      le(`σ=${r.sigma} (SNR ${r.snr.toPrecision(3)}): |error(L1) − 1|`, Math.abs(r.errorMean - 1), ZERO_CLOSE),
      ge(`σ=${r.sigma}: FN(L1) − 5·FP(L1)`, r.fn - FN_FP * r.fp, 0),
      ge(`σ=${r.sigma}: FN(L1)`, r.fn, 1),
    ], ['Fig. 10)']);
  },
});

export const statsSparsityDecompBeatsL1 = statsClaim({
  id: 'agh21.stats.sparsity-decomp-beats-l1',
  location: '§5.2.4, Figures 9 and 11 and text (the prior-based methods lower the error at every SNR)',
  title: 'Sparsity criterion: both Decomp variants have lower mean error than L1 at every SNR',
  statement: 'Under the Sparsity criterion, at every σ: mean error(Decomp-sparse) < mean error(L1) and mean error(Decomp-prior) < mean error(L1).',
  hypotheses: hyp,
  tolerance: { value: 0, reason: 'a strict ordering of means, as the paper states it; no slack' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const l1 = rowsOf(st, 'sparsity', 'L1');
    const cmp: Comparison[] = [];
    for (const m of ['Decomp-sparse', 'Decomp-prior'] as const) {
      const d = rowsOf(st, 'sparsity', m);
      for (const r of l1) {
        const dr = d.find((x) => x.sigma === r.sigma)!;
        // strict: error(L1) − error(Decomp) > 0, written as ≥ the smallest positive gap a double can show
        cmp.push(ge(`σ=${r.sigma} (SNR ${r.snr.toPrecision(3)}): error(L1) − error(${m})`, r.errorMean - dr.errorMean, Number.MIN_VALUE));
      }
    }
    return output(st, cmp, ['Fig. 9)', 'Fig. 11;']);
  },
});

const SLOWER = 1.5;
export const statsTimeRatios = statsClaim({
  id: 'agh21.stats.time-ratios',
  location: '§5.2.4, Figure 8 and text (Decomp-sparse under 2 s, Decomp-prior under 10 s; time grows as SNR falls); Figure 1',
  title: 'Time: Decomp-prior is slower than Decomp-sparse, and both slow down as SNR falls (ratios)',
  statement:
    'Over the training solves (the grid × instances per σ): median time(Decomp-prior)/median time(Decomp-sparse) ≥ 1.5; for each Decomp variant, ' +
    'median time at the lowest-SNR σ / median time at the highest-SNR σ ≥ 1.5.',
  hypotheses: [...hyp, 'times are wall-clock on a shared 2-core machine: only ratios within one run are asserted'],
  tolerance: { value: SLOWER, reason: '"slower" fixed before measuring as a ratio ≥ 1.5 of medians of ≥ 12 solves: identical solves varied up to 7× under load on this machine (GC pauses, JIT, other jobs); medians discard those outliers and a margin of 1.5 separates a real slow-down from the remaining noise (the paper\'s ratios are about 5)' },
  check: (_i, s, ctx) => {
    const st = statsStudyFor(ctx.budget, s);
    const t = st.trainingMedianMs;
    const bySnr = st.setting.sigmas.map((sg, i) => ({ sg, snr: rowsOf(st, 'error', 'L1').find((r) => r.sigma === sg)?.snr ?? NaN, i }));
    const lo = bySnr.reduce((a, b) => (b.snr < a.snr ? b : a));
    const hi = bySnr.reduce((a, b) => (b.snr > a.snr ? b : a));
    const cmp: Comparison[] = [timed(ge('median time(Decomp-prior)/median time(Decomp-sparse), training solves', t['Decomp-prior'] / t['Decomp-sparse'], SLOWER))];
    for (const m of ['Decomp-sparse', 'Decomp-prior'] as const) {
      const ms = st.trainingMedianMsBySigma[m];
      cmp.push(timed(ge(`${m}: time at σ=${lo.sg} (lowest SNR) / time at σ=${hi.sg} (highest SNR)`, ms[lo.i] / ms[hi.i], SLOWER)));
    }
    return output(st, cmp, ['Fig. 8)']);
  },
});

/** A solver of (32) with priors: value and certified lower bound. */
export type PriorsSolver = (p: SignalProblem, cuts: number[][]) => { value: number; lowerBound: number };
const PD_PRIORS_TOL = 1e-5;
export const statsPdPriorsEqualsConic = defineClaim({
  id: 'agh21.stats.pd-priors-equals-conic',
  paper: 'agh21',
  location: 'model (43) with (32) of §4.2.2 (our primal–dual path solver with prior rows, src/signal/relax/path-pd-priors.ts)',
  title: 'The primal–dual path solver with priors (43c), (43d) agrees with the generic conic solver on (32)',
  statement:
    'On generator paths with the priors of (43) (with or without Σz ≤ hs as the cardinality row) and cut sets Δ_e ∋ 1, the value of (32) ' +
    'computed by path-pd-priors equals the conic interior-point value, and each solver\'s lower bound is ≤ the other\'s value.',
  hypotheses: ['§5.2.1 generator paths, n = 20–40, s ∈ {1, 2}, h = 3–6, priors43(n, s, h)', 'Δ_e = {1}, or {1, 2} on every third edge'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/agh21.md#stats-pd-priors',
  tolerance: { value: PD_PRIORS_TOL, reason: 'as for the prior-free path solvers: the primal–dual solver stops at value − bound ≤ 1e-7·max(1,|ζ|) (1e-5 if it stalls), the conic one at residuals ≤ 1e-8 relative to ‖x‖∞; 1e-5 relative to max(1,|ζ|)' },
  budget: { quick: 5, default: 40, thorough: 200 },
  subject: {
    pd: ((p, cuts) => {
      const r = solveDecompPathPriors(p, cuts);
      return { value: r.status === 'optimal' ? r.value : NaN, lowerBound: r.lowerBound };
    }) as PriorsSolver,
    conic: ((p, cuts) => {
      const r = solveSpec(buildDecomp(p, cuts).spec);
      return { value: r.primal, lowerBound: r.dual };
    }) as PriorsSolver,
  },
  instances: fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    n: fc.integer({ min: 20, max: 40 }),
    s: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 3, max: 6 }),
    sigma: fc.double({ min: 0.2, max: 1, noNaN: true }),
    lambda: fc.double({ min: 0.05, max: 2, noNaN: true }),
    l1: fc.double({ min: 0, max: 0.1, noNaN: true }),
    withK: fc.boolean(),
    extraCuts: fc.boolean(),
  }),
  check: (i, s) => {
    const g = generateSpikes({ n: i.n, s: i.s, h: i.h, sigma: i.sigma, seed: i.seed });
    const p = signalProblem({ y: g.y, lambda: i.lambda, l1: i.l1, k: i.withK ? i.h * i.s : null, priors: priors43(i.n, i.s, i.h).slice(i.withK ? 1 : 0) });
    const cuts = p.graph.edges.map((_, e) => (i.extraCuts && e % 3 === 0 ? [1, 2] : [1]));
    const a = s.pd(p, cuts);
    const b = s.conic(p, cuts);
    const scale = Math.max(1, Math.abs(b.value));
    return [
      le('|path-pd-priors − conic| / max(1,|ζ|)', Math.abs(a.value - b.value) / scale, PD_PRIORS_TOL),
      le('(path-pd-priors lower bound − conic value) / max(1,|ζ|)', (a.lowerBound - b.value) / scale, PD_PRIORS_TOL),
      le('(conic lower bound − path-pd-priors value) / max(1,|ζ|)', (b.lowerBound - a.value) / scale, PD_PRIORS_TOL),
    ];
  },
});

export const statsClaims = [statsErrorHalved, statsFpOrderLower, statsPriorImproves, statsSparsityL1Zero, statsSparsityDecompBeatsL1, statsTimeRatios, statsPdPriorsEqualsConic];
