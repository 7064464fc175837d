/**
 * The statistical study of AGH21 §5.2 (Figures 1 and 5–11): L1 against Decomp-sparse and Decomp-prior.
 *
 * Protocol (§5.2.3): n = 1,000, s = 10, h = 10; σ = 0.1t, t = 1..10 (noise standard deviation σ² by
 * default, the reading that reproduces Table 2; recorded in every result); for each σ, `instances`
 * instances, each a training and a testing signal drawn independently by the §5.2.1 generator. On the
 * training signal every method is solved on the λ × μ grid; a selection criterion picks one pair:
 * - **error**: min ‖ŷ − x*‖²;
 * - **sparsity**: min Σ_i | 1[ŷ_i > 10⁻³] − 1[x*_i > 10⁻³] | (footnote 3's "nonzero", applied to both).
 * The testing signal is then solved with the selected pair. Metrics on the testing signal: SNR =
 * ‖ŷ‖²/‖ŷ − y‖², relative error ‖ŷ − x*‖²/‖ŷ‖² (the zero estimator's is 1), false positives and false
 * negatives of the support (same threshold), and the solve time.
 *
 * **No peeking, by construction.** A selector receives a {@link SelectionInput}: the training truth and the
 * training fits, nothing else; the testing signal of an instance is generated only after every selector of
 * that instance has returned (the `onPhase` hook reports the order; test/unit/signal-stats.test.ts checks it).
 *
 * Warm start (ours, default on): along the grid (λ outer, μ inner, both ascending) each Decomp solve
 * starts Algorithm 1 with the previous pair's cut sets (valid cuts for every λ, μ; see stats-estimators.ts).
 */
import type { Series } from '../../claims/claim.ts';
import { InvalidArgumentError } from '../../core/errors.ts';
import { createRng, deriveSeed } from '../../core/random.ts';
import { workerUrl } from '../../core/modules.ts';
import { runUnits, type PoolKnobs } from '../../core/sync-pool.ts';
import { integerInRange, nonNegative, positive } from '../../core/validate.ts';
import { generateSpikes, snr, type NoiseReading, type SpikeInstance } from '../generator.ts';
import { checkSpikePrior, EstimatorFailedError, STATS_ESTIMATORS, STATS_METHODS, type StatsEstimate, type StatsEstimator, type StatsMethod } from './stats-estimators.ts';

/** The two selection criteria of §5.2.3. */
export const CRITERIA = ['error', 'sparsity'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Footnote 3: x_i counts as nonzero when |x_i| > 10⁻³. */
export const NONZERO = 1e-3;

/** The (λ, μ) grid. */
export interface StatsGrid {
  lambdas: number[];
  mus: number[];
}

/**
 * The grid used for the full protocol (the paper does not report its grid; footnote 4 shows (0.32, 0) is on
 * it): λ = 0.32·2^{j−6}, j = 0..9 (0.005 … 2.56, a factor-2 log grid through 0.32) and μ ∈ {0} ∪
 * {0.004·2^{j−1}, j = 1..9} (0.004 … 1.024, a factor-2 log grid; μ/2 is the shift the ℓ1 term subtracts
 * from y, up to about half of max y = 1).
 */
export const PAPER_GRID: StatsGrid = {
  lambdas: Array.from({ length: 10 }, (_, j) => 0.32 * 2 ** (j - 6)),
  mus: [0, ...Array.from({ length: 9 }, (_, j) => 0.004 * 2 ** j)],
};

/** One grid pair's fit on the training signal. */
export interface TrainingFit {
  lambda: number;
  mu: number;
  x: Float64Array;
}

/** Everything a selector may see: the training signal's truth and the fits on it. */
export interface SelectionInput {
  readonly truth: Float64Array;
  readonly fits: ReadonlyArray<TrainingFit>;
}

/** A selection rule: the index of the chosen fit. */
export type Selector = (input: SelectionInput) => number;

/** Squared error ‖ŷ − x‖². */
export function squaredError(truth: ArrayLike<number>, x: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < truth.length; i++) e += (truth[i] - x[i]) ** 2;
  return e;
}

/** Support mismatch Σ | 1[|ŷ_i| > 10⁻³] − 1[|x_i| > 10⁻³] |, split into false positives and false negatives. */
export function supportErrors(truth: ArrayLike<number>, x: ArrayLike<number>): { fp: number; fn: number } {
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = Math.abs(truth[i]) > NONZERO;
    const e = Math.abs(x[i]) > NONZERO;
    if (e && !t) fp++;
    else if (t && !e) fn++;
  }
  return { fp, fn };
}

const argmin = (v: number[]): number => v.reduce((b, x, i) => (x < v[b] ? i : b), 0);

/** The two criteria of §5.2.3 (ties: the first pair in grid order). */
export const SELECTORS: Record<Criterion, Selector> = {
  error: ({ truth, fits }) => argmin(fits.map((f) => squaredError(truth, f.x))),
  sparsity: ({ truth, fits }) => argmin(fits.map((f) => { const s = supportErrors(truth, f.x); return s.fp + s.fn; })),
};

/** Options of {@link statsStudy}. */
export interface StatsStudyOptions {
  n: number;
  s: number;
  h: number;
  sigmas: number[];
  instances: number;
  grid: StatsGrid;
  seed: number;
  /** Noise reading of the generator (default 'sigma-squared'). */
  noise?: NoiseReading;
  /** Methods to run (default all three). */
  methods?: StatsMethod[];
  /** Estimators by method, overriding the real ones (negative controls plug wrong ones in). */
  estimators?: Partial<Record<StatsMethod, StatsEstimator>>;
  /** Selection rules by criterion (default {@link SELECTORS}). */
  selectors?: Partial<Record<Criterion, Selector>>;
  /** Warm-start Decomp along the grid (default true). */
  warm?: boolean;
  /** Keep the instance and estimates of the first instance at this σ for Figure 1's analogue. */
  figureSigma?: number;
  /** Called at each phase (diagnostics, and the no-peeking test). */
  onPhase?: (phase: StudyPhase) => void;
  /**
   * Threads to run the independent (σ, instance) units on, the calling thread included (default 1; at most 256).
   * Used only with the built-in estimators and selectors (every entry of `estimators`/`selectors` given, if any,
   * identical to {@link STATS_ESTIMATORS}/{@link SELECTORS}) and no `onPhase` hook: other functions cannot cross
   * threads, so such a study (a negative control's) runs in the calling thread. The result does not depend on
   * the number of threads (timings apart); on threads, a unit's error is re-thrown as a `UnitFailedError` naming σ
   * and the instance.
   */
  threads?: number;
}

/** A phase of the protocol, in the order it happens. */
export type StudyPhase =
  | { kind: 'train-generated'; sigma: number; instance: number }
  | { kind: 'fit'; sigma: number; instance: number; method: StatsMethod }
  | { kind: 'selected'; sigma: number; instance: number; method: StatsMethod; criterion: Criterion; lambda: number; mu: number }
  | { kind: 'test-generated'; sigma: number; instance: number };

/** One test-set outcome. */
export interface StatsRecord {
  sigma: number;
  instance: number;
  method: StatsMethod;
  criterion: Criterion;
  lambda: number;
  mu: number;
  /** SNR of the testing signal. */
  snr: number;
  /** ‖ŷ − x*‖²/‖ŷ‖² on the testing signal. */
  error: number;
  fp: number;
  fn: number;
  /** Time of the test solve (s). */
  seconds: number;
}

/** One row of the per-σ table. */
export interface StatsRow {
  sigma: number;
  snr: number;
  method: StatsMethod;
  criterion: Criterion;
  errorMean: number;
  errorMedian: number;
  errorQ1: number;
  errorQ3: number;
  fp: number;
  fn: number;
  seconds: number;
  secondsSd: number;
}

/** Training-solve statistics per method. */
export interface SolveStats {
  solves: number;
  meanMs: number;
  /** Mean Algorithm 1 rounds. */
  meanRounds: number;
}

/** Output of {@link statsStudy}. */
export interface StatsStudy {
  setting: { n: number; s: number; h: number; sigmas: number[]; instances: number; grid: StatsGrid; seed: number; noise: NoiseReading };
  records: StatsRecord[];
  table: StatsRow[];
  /** Training solves per method (grid × instances × σ). */
  training: Record<string, SolveStats>;
  /** Mean training-solve time per method and σ (ms), in `setting.sigmas` order (Fig. 8's time against SNR, from 100× more solves than the test set). */
  trainingMsBySigma: Record<string, number[]>;
  /** Median training-solve time per method and σ (ms), robust to GC pauses and machine noise. */
  trainingMedianMsBySigma: Record<string, number[]>;
  /** Median training-solve time per method over the whole study (ms). */
  trainingMedianMs: Record<string, number>;
  /** Every training-solve time per method and σ (ms), in solve order (what the statistics above are computed from). */
  trainingTimesMs: Record<string, number[][]>;
  /** Figure 1's analogue: one instance's data, truth and the three estimates (selected by the error criterion). */
  figure?: { sigma: number; y: Float64Array; truth: Float64Array; estimates: Record<string, Float64Array> };
  series: Series[];
}

/** Validate the grid: non-empty arrays of λ > 0 and μ ≥ 0. */
export function checkGrid(grid: StatsGrid): void {
  if (grid === null || typeof grid !== 'object') throw new InvalidArgumentError('grid', grid, 'an object { lambdas, mus }');
  if (!Array.isArray(grid.lambdas) || grid.lambdas.length === 0) throw new InvalidArgumentError('grid.lambdas', grid.lambdas, 'a non-empty array of λ > 0');
  if (!Array.isArray(grid.mus) || grid.mus.length === 0) throw new InvalidArgumentError('grid.mus', grid.mus, 'a non-empty array of μ ≥ 0');
  grid.lambdas.forEach((l, i) => positive(`grid.lambdas[${i}]`, l));
  grid.mus.forEach((m, i) => nonNegative(`grid.mus[${i}]`, m));
}

function checkOptions(o: StatsStudyOptions): void {
  if (o === null || typeof o !== 'object') throw new InvalidArgumentError('options', o, 'an object');
  integerInRange('n', o.n, 2);
  checkSpikePrior({ s: o.s, h: o.h }, o.n);
  if (!Array.isArray(o.sigmas) || o.sigmas.length === 0) throw new InvalidArgumentError('sigmas', o.sigmas, 'a non-empty array of σ > 0');
  o.sigmas.forEach((s, i) => positive(`sigmas[${i}]`, s));
  integerInRange('instances', o.instances, 1);
  checkGrid(o.grid);
  integerInRange('seed', o.seed, 0, 2 ** 32 - 1);
  for (const m of o.methods ?? []) if (!(STATS_METHODS as readonly string[]).includes(m)) throw new InvalidArgumentError('methods', m, STATS_METHODS.join(', '));
  if (o.methods && new Set(o.methods).size !== o.methods.length) throw new InvalidArgumentError('methods', o.methods, 'distinct methods');
  if (o.threads !== undefined) integerInRange('threads', o.threads, 1, 256);
}

/** The training or testing signal of instance `i` at σ (independent seeded streams; deterministic in the seed). */
export function studySignal(o: Pick<StatsStudyOptions, 'n' | 's' | 'h' | 'seed' | 'noise'>, sigma: number, i: number, role: 'train' | 'test'): SpikeInstance {
  const rng = createRng(deriveSeed(o.seed, `agh21-stats/σ=${sigma}/i=${i}/${role}`));
  return generateSpikes({ n: o.n, s: o.s, h: o.h, sigma, noise: o.noise ?? 'sigma-squared', rng });
}

/** Solve, retrying a failed warm-started solve cold once; a solve that still fails stops the study with its certificate. */
function solveChecked(method: string, est: StatsEstimator, y: Float64Array, lambda: number, mu: number, prior: { s: number; h: number }, warm?: StatsEstimate): StatsEstimate {
  let r = est(y, lambda, mu, prior, warm);
  if (r.status !== 'optimal' && warm) {
    const cold = est(y, lambda, mu, prior);
    r = { ...cold, timeMs: r.timeMs + cold.timeMs };
  }
  if (r.status !== 'optimal') throw new EstimatorFailedError(method, r);
  return r;
}

/** Fit one method on the whole grid (λ outer, μ inner), warm-starting Decomp along it; with each solve's time (ms) and the rounds' sum. */
function fitGrid(method: StatsMethod, est: StatsEstimator, y: Float64Array, o: StatsStudyOptions): { fits: TrainingFit[]; ms: number[]; rounds: number } {
  const fits: TrainingFit[] = [];
  const ms: number[] = [];
  let rounds = 0;
  let warm: StatsEstimate | undefined;
  for (const lambda of o.grid.lambdas) {
    for (const mu of o.grid.mus) {
      const r = solveChecked(method, est, y, lambda, mu, o, o.warm === false ? undefined : warm);
      warm = r;
      fits.push({ lambda, mu, x: r.x });
      ms.push(r.timeMs);
      rounds += r.rounds;
    }
  }
  return { fits, ms, rounds };
}

const quantile = (sorted: number[], q: number): number => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const meanOf = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

/** The per-σ × method × criterion table of the records. */
export function statsTable(records: StatsRecord[]): StatsRow[] {
  const rows: StatsRow[] = [];
  const sigmas = [...new Set(records.map((r) => r.sigma))].sort((a, b) => a - b);
  const methods = STATS_METHODS.filter((m) => records.some((r) => r.method === m));
  for (const sigma of sigmas) {
    for (const method of methods) {
      for (const criterion of CRITERIA) {
        const rs = records.filter((r) => r.sigma === sigma && r.method === method && r.criterion === criterion);
        if (!rs.length) continue;
        const err = rs.map((r) => r.error).sort((a, b) => a - b);
        const sec = rs.map((r) => r.seconds);
        const ms = meanOf(sec);
        rows.push({
          sigma, snr: meanOf(rs.map((r) => r.snr)), method, criterion,
          errorMean: meanOf(err), errorMedian: quantile(err, 0.5), errorQ1: quantile(err, 0.25), errorQ3: quantile(err, 0.75),
          fp: meanOf(rs.map((r) => r.fp)), fn: meanOf(rs.map((r) => r.fn)), seconds: ms,
          secondsSd: Math.sqrt(meanOf(sec.map((s) => (s - ms) ** 2))),
        });
      }
    }
  }
  return rows;
}

/** What one (σ, instance) unit of the protocol gives the aggregation. */
export interface StudyUnit {
  /** The unit's test-set records (method, then criterion, as selected). */
  records: StatsRecord[];
  /** Training-solve times per method (ms, grid order). */
  trainingMs: Record<string, number[]>;
  /** Sum of the training solves' Algorithm 1 rounds per method. */
  rounds: Record<string, number>;
  /** Figure 1's data, truth and estimates (error criterion), on the figure's unit only. */
  figure?: { y: Float64Array; truth: Float64Array; estimates: Record<string, Float64Array> };
}

/**
 * One unit of the protocol: instance `i` at σ — training signal, grid fits and selection (warm starts within the
 * unit only), then the testing signal and the selected pairs' solves. Independent of every other unit.
 */
export function studyUnit(o: StatsStudyOptions, estimators: Record<string, StatsEstimator>, selectors: Record<Criterion, Selector>, sigma: number, i: number): StudyUnit {
  const methods = o.methods ?? STATS_METHODS;
  const train = studySignal(o, sigma, i, 'train');
  o.onPhase?.({ kind: 'train-generated', sigma, instance: i });
  const trainingMs: Record<string, number[]> = {};
  const rounds: Record<string, number> = {};
  // 1. fit every method on the grid and select, seeing the training signal only
  const chosen: { method: StatsMethod; criterion: Criterion; lambda: number; mu: number }[] = [];
  for (const method of methods) {
    const { fits, ms, rounds: r } = fitGrid(method, estimators[method], train.y, o);
    trainingMs[method] = ms;
    rounds[method] = r;
    o.onPhase?.({ kind: 'fit', sigma, instance: i, method });
    const input: SelectionInput = Object.freeze({ truth: train.truth, fits: Object.freeze(fits) });
    for (const criterion of CRITERIA) {
      const k = selectors[criterion](input);
      integerInRange(`selectors.${criterion} result`, k, 0, fits.length - 1);
      chosen.push({ method, criterion, lambda: fits[k].lambda, mu: fits[k].mu });
      o.onPhase?.({ kind: 'selected', sigma, instance: i, method, criterion, lambda: fits[k].lambda, mu: fits[k].mu });
    }
  }
  // 2. only now the testing signal exists
  const test = studySignal(o, sigma, i, 'test');
  o.onPhase?.({ kind: 'test-generated', sigma, instance: i });
  const testSnr = snr(test.truth, test.y);
  const truthNorm = squaredError(test.truth, new Float64Array(o.n));
  const solved = new Map<string, StatsEstimate>();
  const records: StatsRecord[] = [];
  const isFigure = i === 0 && sigma === (o.figureSigma ?? o.sigmas[0]);
  let figure: StudyUnit['figure'];
  for (const c of chosen) {
    const key = `${c.method}/${c.lambda}/${c.mu}`;
    let r = solved.get(key);
    if (!r) {
      r = solveChecked(c.method, estimators[c.method], test.y, c.lambda, c.mu, o);
      solved.set(key, r);
    }
    const { fp, fn } = supportErrors(test.truth, r.x);
    records.push({ sigma, instance: i, method: c.method, criterion: c.criterion, lambda: c.lambda, mu: c.mu, snr: testSnr, error: squaredError(test.truth, r.x) / truthNorm, fp, fn, seconds: r.timeMs / 1000 });
    if (isFigure && c.criterion === 'error') {
      figure ??= { y: test.y, truth: test.truth, estimates: {} };
      figure.estimates[c.method] = r.x;
    }
  }
  return { records, trainingMs, rounds, ...(figure ? { figure } : {}) };
}

/** The estimators and selectors of a study, and whether they are all the built-in ones (the units can then run on worker threads). */
function studyFunctions(o: Pick<StatsStudyOptions, 'methods' | 'estimators' | 'selectors'>): { estimators: Record<string, StatsEstimator>; selectors: Record<Criterion, Selector>; builtIn: boolean } {
  const estimators: Record<string, StatsEstimator> = {};
  for (const m of o.methods ?? STATS_METHODS) estimators[m] = o.estimators?.[m] ?? STATS_ESTIMATORS[m];
  const selectors: Record<Criterion, Selector> = { ...SELECTORS, ...o.selectors };
  const builtIn = Object.entries(estimators).every(([m, e]) => e === STATS_ESTIMATORS[m as StatsMethod]) && CRITERIA.every((c) => selectors[c] === SELECTORS[c]);
  return { estimators, selectors, builtIn };
}

/** What a worker thread needs to run units: the options as data (the built-in estimators and selectors are implied). */
export type StatsUnitData = Omit<StatsStudyOptions, 'estimators' | 'selectors' | 'onPhase' | 'threads'>;

/** Unit `u` of the (σ, instance) order: σ = sigmas[⌊u / instances⌋], instance u mod instances. */
const unitAt = (o: Pick<StatsStudyOptions, 'sigmas' | 'instances'>, u: number): { sigma: number; i: number } => ({ sigma: o.sigmas[Math.floor(u / o.instances)], i: u % o.instances });

/** Run unit `u` with the built-in estimators and selectors (the worker threads' side). */
export function builtInUnit(o: StatsUnitData, u: number): StudyUnit {
  const { sigma, i } = unitAt(o, u);
  return studyUnit(o, studyFunctions(o).estimators, SELECTORS, sigma, i);
}

/** Every unit in (σ, instance) order: on `o.threads` threads when the study may (see {@link StatsStudyOptions.threads}), else here. */
function runStudyUnits(o: StatsStudyOptions, knobs: PoolKnobs): StudyUnit[] {
  const { estimators, selectors, builtIn } = studyFunctions(o);
  const count = o.sigmas.length * o.instances;
  const run = (u: number): StudyUnit => {
    const { sigma, i } = unitAt(o, u);
    return studyUnit(o, estimators, selectors, sigma, i);
  };
  const threads = o.threads ?? 1;
  if (threads === 1 || !builtIn || o.onPhase) return Array.from({ length: count }, (_, u) => run(u));
  const data: StatsUnitData = { n: o.n, s: o.s, h: o.h, sigmas: o.sigmas, instances: o.instances, grid: o.grid, seed: o.seed, noise: o.noise, methods: o.methods, warm: o.warm, figureSigma: o.figureSigma };
  const label = (u: number): string => {
    const { sigma, i } = unitAt(o, u);
    return `AGH21 §5.2 study, σ = ${sigma}, instance ${i}`;
  };
  return runUnits({ count, threads, run, label, worker: workerUrl(import.meta.url, 'stats-worker'), data }, knobs);
}

/**
 * Run the §5.2 protocol (see the module comment): every (σ, instance) unit, aggregated in (σ, instance) order.
 * `knobs` are internal test knobs of the threaded path.
 */
export function statsStudy(o: StatsStudyOptions, knobs: PoolKnobs = {}): StatsStudy {
  checkOptions(o);
  const methods = o.methods ?? [...STATS_METHODS];
  const units = runStudyUnits(o, knobs);
  const rounds: Record<string, number> = {};
  for (const m of methods) rounds[m] = 0;
  let figure: StatsStudy['figure'];
  const slices = o.sigmas.map((sigma, t) => {
    const own = units.slice(t * o.instances, (t + 1) * o.instances);
    const trainingMs: Record<string, number[]> = {};
    for (const m of methods) {
      trainingMs[m] = own.flatMap((u) => u.trainingMs[m]);
      for (const u of own) rounds[m] += u.rounds[m];
    }
    for (const u of own) {
      if (!u.figure) continue;
      figure ??= { sigma, y: u.figure.y, truth: u.figure.truth, estimates: {} };
      Object.assign(figure.estimates, u.figure.estimates);
    }
    return { sigma, records: own.flatMap((u) => u.records), trainingMs };
  });
  const setting = { n: o.n, s: o.s, h: o.h, sigmas: [...o.sigmas], instances: o.instances, grid: o.grid, seed: o.seed, noise: o.noise ?? ('sigma-squared' as const) };
  return assembleStudy(setting, methods, slices, rounds, figure);
}

/** One σ level of a study: its test records and every training-solve time per method (ms, in solve order). */
export interface SigmaSlice {
  sigma: number;
  records: StatsRecord[];
  trainingMs: Record<string, number[]>;
}

/**
 * The study from its σ slices (in the order given) and each method's total Algorithm 1 rounds: training
 * statistics by running sums in solve order, medians, the table and the figures (also used by stats-merge.ts).
 */
export function assembleStudy(setting: StatsStudy['setting'], methods: readonly string[], slices: SigmaSlice[], rounds: Record<string, number>, figure?: StatsStudy['figure']): StatsStudy {
  const training: Record<string, SolveStats> = {};
  const trainingMsBySigma: Record<string, number[]> = {};
  const times: Record<string, number[][]> = {};
  for (const m of methods) {
    training[m] = { solves: 0, meanMs: 0, meanRounds: 0 };
    trainingMsBySigma[m] = [];
    times[m] = [];
  }
  for (const sl of slices) {
    for (const m of methods) {
      const t = training[m];
      const before = t.meanMs;
      for (const ms of sl.trainingMs[m]) t.meanMs += ms;
      t.solves += sl.trainingMs[m].length;
      trainingMsBySigma[m].push((t.meanMs - before) / Math.max(1, sl.trainingMs[m].length));
      times[m].push([...sl.trainingMs[m]]);
    }
  }
  const trainingMedianMsBySigma: Record<string, number[]> = {};
  const trainingMedianMs: Record<string, number> = {};
  for (const m of methods) {
    const t = training[m];
    if (t.solves) {
      t.meanMs /= t.solves;
      t.meanRounds = rounds[m] / t.solves;
    }
    trainingMedianMsBySigma[m] = times[m].map((x) => quantile([...x].sort((a, b) => a - b), 0.5));
    trainingMedianMs[m] = quantile(times[m].flat().sort((a, b) => a - b), 0.5);
  }
  const records = slices.flatMap((sl) => sl.records);
  const table = statsTable(records);
  return { setting, records, table, training, trainingMsBySigma, trainingMedianMsBySigma, trainingMedianMs, trainingTimesMs: times, ...(figure ? { figure } : {}), series: statsSeries(table, records, figure) };
}

/** Figures 1 and 5–11 as series (one group per method; the criterion in the title). */
export function statsSeries(table: StatsRow[], records: StatsRecord[], figure?: StatsStudy['figure']): Series[] {
  const out: Series[] = [];
  if (figure) {
    const pts = (v: Float64Array, g: string) => Array.from(v, (y, i) => ({ x: i + 1, y, group: g }));
    out.push({
      title: `Figure 1 analogue: one instance (σ = ${figure.sigma}), data, truth and the estimates (error criterion)`, mark: 'line', x: 'i', y: 'value',
      points: [...pts(figure.y, 'data y'), ...pts(figure.truth, 'truth ŷ'), ...Object.entries(figure.estimates).flatMap(([m, x]) => pts(x, m))],
    });
  }
  for (const criterion of CRITERIA) {
    const rows = table.filter((r) => r.criterion === criterion);
    const tag = criterion === 'error' ? 'Error criterion' : 'Sparsity criterion';
    const figs = criterion === 'error' ? ['5', '6', '7', '8'] : ['9', '10', '11'];
    out.push({ title: `${tag}: mean out-of-sample error vs SNR (Fig. ${figs[0]})`, mark: 'line', x: 'SNR', y: '‖ŷ − x*‖²/‖ŷ‖²', logX: true, points: rows.map((r) => ({ x: r.snr, y: r.errorMean, group: r.method })) });
    out.push({
      title: `${tag}: mean false positives and false negatives vs SNR (Fig. ${figs[1]})`, mark: 'line', x: 'SNR', y: 'count', logX: true,
      points: rows.flatMap((r) => [{ x: r.snr, y: r.fp, group: `${r.method} FP` }, { x: r.snr, y: r.fn, group: `${r.method} FN` }]),
    });
    out.push({
      title: `${tag}: error distribution per σ (Fig. ${figs[2]}; one point per instance)`, mark: 'point', x: 'σ', y: '‖ŷ − x*‖²/‖ŷ‖²',
      points: records.filter((r) => r.criterion === criterion).map((r) => ({ x: r.sigma, y: r.error, group: r.method })),
    });
    if (criterion === 'error') {
      out.push({ title: 'Error criterion: mean test-solve time vs SNR (Fig. 8)', mark: 'line', x: 'SNR', y: 'seconds', logX: true, logY: true, timing: true, points: rows.map((r) => ({ x: r.snr, y: Math.max(r.seconds, 1e-6), group: r.method })) });
    }
  }
  return out;
}

/** The table as flat values (one key per row and column) for claim records, so `compare` can diff runs. */
export function statsValues(st: StatsStudy): Record<string, number | string> {
  const v: Record<string, number | string> = {
    n: st.setting.n, s: st.setting.s, h: st.setting.h, instances: st.setting.instances, seed: st.setting.seed,
    noise: st.setting.noise === 'sigma-squared' ? 'noise std σ² (Table 2 reading)' : 'noise std σ (literal reading)',
    sigmas: st.setting.sigmas.join(', '), 'grid λ': st.setting.grid.lambdas.map((x) => +x.toPrecision(4)).join(', '), 'grid μ': st.setting.grid.mus.map((x) => +x.toPrecision(4)).join(', '),
  };
  for (const [m, t] of Object.entries(st.training)) {
    v[`${m} training solves`] = t.solves;
    v[`${m} training mean rounds`] = t.meanRounds;
  }
  for (const r of st.table) {
    const k = `σ=${r.sigma} ${r.method} ${r.criterion}`;
    v[`${k}: SNR`] = r.snr;
    v[`${k}: error mean`] = r.errorMean;
    v[`${k}: error median`] = r.errorMedian;
    v[`${k}: error q1`] = r.errorQ1;
    v[`${k}: error q3`] = r.errorQ3;
    v[`${k}: FP`] = r.fp;
    v[`${k}: FN`] = r.fn;
  }
  return v;
}

/** The table's wall-clock columns (seconds), kept apart from {@link statsValues}: they differ between identical runs. */
export function statsTimings(st: StatsStudy): Record<string, number> {
  const v: Record<string, number> = {};
  for (const m of Object.keys(st.training)) {
    st.setting.sigmas.forEach((sg, i) => {
      v[`σ=${sg} ${m} training mean s/solve`] = st.trainingMsBySigma[m][i] / 1000;
      v[`σ=${sg} ${m} training median s/solve`] = st.trainingMedianMsBySigma[m][i] / 1000;
    });
    v[`${m} training median s/solve`] = st.trainingMedianMs[m] / 1000;
    v[`${m} training mean s/solve`] = st.training[m].meanMs / 1000;
  }
  for (const r of st.table) {
    const k = `σ=${r.sigma} ${r.method} ${r.criterion}`;
    v[`${k}: seconds`] = r.seconds;
    v[`${k}: seconds sd`] = r.secondsSd;
  }
  return v;
}
