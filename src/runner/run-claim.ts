/**
 * Run one claim as a fast-check property: draw `runs` instances, check each,
 * keep the worst comparison per quantity, and on failure record the shrunk
 * counterexample with the command that replays it.
 *
 * Each run's random stream is seeded by an integer drawn alongside the
 * instance (not shrunk), so `--seed s --path p` replays a run exactly.
 */
import fc from 'fast-check';
import {
  type BudgetName,
  type Claim,
  type Comparison,
  type Series,
  type Verdict,
  holds,
  normaliseOutput,
  slack,
} from '../claims/claim.ts';
import { createRng, deriveSeed } from '../core/random.ts';
import { COMPILED } from '../core/modules.ts';
import { integerInRange, oneOf } from '../core/validate.ts';
import type { ClaimResult, ClaimStatus, Counterexample, PublishedRow, RecordedComparison, RunScale } from './result.ts';
import { assertsOf, failureMeaningOf, publishedComparison, publishedRow, runScale, smallerScale, verdictOf } from './verdict.ts';

export const BUDGETS: readonly BudgetName[] = ['quick', 'default', 'thorough'];
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Options of {@link runClaim}. */
export interface RunClaimOptions {
  /** Root seed of the whole run; the claim's seed is derived from it and the id. */
  rootSeed: number;
  /** Budget (number of runs per the claim's `budget`). */
  budget: BudgetName;
  /** Override the number of runs. */
  runs?: number;
  /** Replay only this fast-check path (from a counterexample). */
  path?: string;
  /** Soft time limit in ms: no new run starts after it (default: the claim's). */
  timeoutMs?: number;
  /** A user's catalogue module, named in the replay command (`--catalogue`). */
  replayCatalogue?: string;
  /** Called after each run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Convert a value to JSON-safe data (typed arrays to arrays, non-finite numbers to strings). */
export function toJsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => toJsonSafe(x));
  if (Array.isArray(v)) return v.map(toJsonSafe);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    // defineProperty: an own "__proto__" key stays data (an assignment would replace the prototype)
    for (const [k, x] of Object.entries(v)) Object.defineProperty(o, k, { value: toJsonSafe(x), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

function record(c: Comparison): RecordedComparison {
  return { ...c, pass: holds(c), slack: slack(c) };
}

/** One run's output with the runner's additions (published-value comparisons), recorded. */
export interface Evaluated {
  comparisons: RecordedComparison[];
  series: Series[];
  values: Record<string, number | string | boolean>;
  timings: Record<string, number>;
  published: PublishedRow[];
  scale: Record<string, number> | null;
}

/**
 * Check one instance; add a comparison per published value; require the scale where the claim has a paper setting.
 * Throws when the check throws, returns no comparison, or omits a published value or the scale.
 */
export function evaluate(claim: Claim, instance: unknown, runSeed: number, budget: BudgetName): Evaluated {
  const out = normaliseOutput(claim.check(instance, claim.subject, { rng: createRng(runSeed), seed: runSeed, budget }));
  if (out.comparisons.length === 0) throw new Error(`claim ${claim.id} returned no comparison`);
  const published = (claim.published ?? []).map((p) => {
    const ours = out.published[p.key];
    if (typeof ours !== 'number') throw new Error(`claim ${claim.id}: the check did not measure published value ${p.key}`);
    return publishedRow(p, ours);
  });
  if (claim.paperScale) {
    const missing = Object.keys(claim.paperScale).filter((k) => typeof out.scale?.[k] !== 'number');
    if (missing.length) throw new Error(`claim ${claim.id}: the check did not report its scale (${missing.join(', ')})`);
  }
  const comparisons = [...out.comparisons, ...published.map(publishedComparison)].map(record);
  return { comparisons, series: out.series, values: out.values, timings: out.timings, published, scale: out.scale };
}

/** The outcome of one instance checked the way a run checks it (see {@link checkInstance}). */
export interface InstanceOutcome {
  status: 'pass' | 'fail' | 'error';
  /** Every comparison of the check, then one per published value. */
  comparisons: RecordedComparison[];
  published: PublishedRow[];
  scale: RunScale;
  verdict: Verdict;
  error?: string;
}

/**
 * One given instance (e.g. a saved counterexample) checked as a run checks its instances:
 * {@link evaluate} (comparisons, published values, scale), then the status and the verdict
 * computed as for a whole run — a throwing check is an error, any failed comparison a failure.
 */
export function checkInstance(claim: Claim, instance: unknown, runSeed: number, budget: BudgetName): InstanceOutcome {
  let out: Evaluated;
  try {
    out = evaluate(claim, instance, runSeed, budget);
  } catch (e) {
    const err = e as Error;
    const scale = runScale(claim, null);
    return { status: 'error', comparisons: [], published: [], scale, verdict: verdictOf(claim, 'error', scale), error: `${err?.name ?? 'Error'}: ${err?.message ?? String(err)}` };
  }
  const status = out.comparisons.every((c) => c.pass) ? 'pass' : 'fail';
  const scale = runScale(claim, out.scale);
  return { status, comparisons: out.comparisons, published: out.published, scale, verdict: verdictOf(claim, status, scale) };
}

/**
 * The replay command of a counterexample: `npm run theorycheck --` in a
 * theorycheck checkout, `npx theorycheck` for the installed package or a
 * user's catalogue (named with `--catalogue`).
 */
export function replayCommand(id: string, rootSeed: number, path: string, catalogue?: string): string {
  const cmd = catalogue !== undefined || COMPILED ? 'npx theorycheck verify' : 'npm run theorycheck -- verify';
  return `${cmd}${catalogue !== undefined ? ` --catalogue ${shellWord(catalogue)}` : ''} --only ${id} --seed ${rootSeed} --path ${path}`;
}

/** A word safe to paste into a POSIX shell. */
function shellWord(s: string): string {
  return /^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Run one claim; never throws for a failing or throwing check (status error). */
export function runClaim(claim: Claim, opts: RunClaimOptions): ClaimResult {
  oneOf('budget', opts.budget, BUDGETS);
  integerInRange('rootSeed', opts.rootSeed, 0, 2 ** 32 - 1);
  const runs = opts.runs ?? claim.budget[opts.budget];
  integerInRange('runs', runs, 1);
  const seed = deriveSeed(opts.rootSeed, claim.id);
  const timeoutMs = opts.timeoutMs ?? claim.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const t0 = performance.now();

  const worst = new Map<string, RecordedComparison>();
  const worstPublished = new Map<string, { row: PublishedRow; slack: number }>();
  let worstValues: Record<string, number | string | boolean> = {};
  let worstTimings: Record<string, number> = {};
  let lastSeries: Series[] = [];
  let ranScale: Record<string, number> | null = null;
  let executed = 0;

  // The last failing run's drawn value and output: when it is the (shrunk) counterexample, its
  // output is recorded as is rather than computed again (a run of a study claim costs seconds).
  let lastFailure: { drawn: unknown; out: Evaluated } | undefined;
  const arb = fc.tuple(claim.instances, fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff })));
  const property = fc.property(arb, (drawn) => {
    const [instance, runSeed] = drawn;
    const out = evaluate(claim, instance, runSeed, opts.budget);
    const recorded = out.comparisons;
    const ok = recorded.every((c) => c.pass);
    if (!ok) lastFailure = { drawn, out };
    executed++;
    opts.onProgress?.(Math.min(executed, runs), runs);
    if (ok) {
      for (const c of recorded) {
        const w = worst.get(c.quantity);
        if (!w || c.slack < w.slack) {
          worst.set(c.quantity, c);
          if (c.quantity === recorded[0].quantity) {
            worstValues = out.values;
            worstTimings = out.timings;
          }
        }
      }
      keepWorstPublished(worstPublished, out.published, recorded);
      ranScale = smallerScale(ranScale, out.scale);
      if (out.series.length) lastSeries = out.series;
    }
    return ok;
  });

  const details = fc.check(property, {
    seed,
    numRuns: runs,
    path: opts.path,
    endOnFailure: false,
    interruptAfterTimeLimit: timeoutMs,
    markInterruptAsFailure: false,
  });
  const timeMs = performance.now() - t0;

  const header = claimHeader(claim);
  const base = { ...header, seed, runs, timeMs };
  const finish = (status: ClaimStatus, scale: Record<string, number> | null, published: PublishedRow[]) => {
    const sc: RunScale = runScale(claim, scale);
    return { status, scale: sc, published, verdict: verdictOf(claim, status, sc) };
  };

  if (details.failed && details.counterexample) {
    const [drawn] = details.counterexample as [[unknown, number]];
    const [instance, runSeed] = drawn;
    const cxPath = details.counterexamplePath ?? '';
    // The counterexample's output: that of its failing run, or (when that run threw) checked again —
    // if it throws, the claim errored (not refuted).
    let cx: Evaluated;
    try {
      cx = lastFailure?.drawn === drawn ? lastFailure.out : evaluate(claim, instance, runSeed, opts.budget);
    } catch (e) {
      const err = e as Error;
      return {
        ...base,
        ...finish('error', ranScale, [...worstPublished.values()].map((w) => w.row)),
        runsExecuted: executed,
        worst: [...worst.values()],
        series: [],
        values: {},
        error: `${err?.name ?? 'Error'}: ${err?.message ?? String(err)}`,
        counterexample: counterexampleOf(claim.id, opts, seed, cxPath, instance, runSeed, [], details.numShrinks),
      };
    }
    const comps = cx.comparisons;
    keepWorstPublished(worstPublished, cx.published, comps);
    return {
      ...base,
      ...finish('fail', smallerScale(ranScale, cx.scale), [...worstPublished.values()].map((w) => w.row)),
      runsExecuted: executed,
      worst: mergeWorst(worst, comps),
      series: cx.series,
      values: cx.values,
      ...timingsOf(cx.timings),
      counterexample: counterexampleOf(claim.id, opts, seed, cxPath, instance, runSeed, comps, details.numShrinks),
    };
  }
  // The limit holds for runs that finish too: a slow last run is a timeout, not a pass. fast-check
  // reports an interrupt before the first run as a failure without counterexample.
  if (details.interrupted || timeMs > timeoutMs) {
    return {
      ...base,
      ...finish('timeout', ranScale, [...worstPublished.values()].map((w) => w.row)),
      runsExecuted: details.numRuns,
      worst: [...worst.values()],
      series: lastSeries,
      values: worstValues,
      ...timingsOf(worstTimings),
      error:
        details.numRuns < runs
          ? `time limit ${timeoutMs} ms reached after ${details.numRuns} of ${runs} runs`
          : `time limit ${timeoutMs} ms exceeded: the ${runs} runs took ${Math.round(timeMs)} ms`,
    };
  }
  if (details.numRuns === 0 || details.failed) {
    // e.g. a replay path beyond the runs of this claim: nothing was checked, so nothing passed
    return {
      ...base,
      ...finish('error', ranScale, []),
      runsExecuted: 0,
      worst: [],
      series: [],
      values: {},
      error:
        opts.path !== undefined && details.numRuns === 0
          ? `replay path ${opts.path} selects no run of this claim (check --seed and --only)`
          : 'no run was checked',
    };
  }
  return {
    ...base,
    ...finish('pass', ranScale, [...worstPublished.values()].map((w) => w.row)),
    runsExecuted: details.numRuns,
    worst: [...worst.values()],
    series: lastSeries,
    values: worstValues,
    ...timingsOf(worstTimings),
  };
}

/** `{ timings }` when the check reported any (results of checks without timings do not carry the field). */
function timingsOf(t: Record<string, number>): { timings?: Record<string, number> } {
  return Object.keys(t).length ? { timings: t } : {};
}

/** The descriptive fields of a claim's result record (everything but the outcome). */
export function claimHeader(claim: Claim): Pick<
  ClaimResult,
  'id' | 'paper' | 'location' | 'title' | 'statement' | 'tex' | 'hypotheses' | 'kind' | 'provenance' | 'source' | 'asserts' | 'onFailure' | 'tolerance' | 'metrics'
> {
  return {
    id: claim.id,
    paper: claim.paper,
    location: claim.location,
    title: claim.title,
    statement: claim.statement,
    tex: claim.tex,
    hypotheses: claim.hypotheses,
    kind: claim.kind,
    provenance: claim.provenance,
    source: claim.source,
    asserts: assertsOf(claim),
    onFailure: failureMeaningOf(claim),
    tolerance: claim.tolerance,
    metrics: claim.metrics,
  };
}

/** Per published key, keep the row whose comparison has the least slack. */
function keepWorstPublished(into: Map<string, { row: PublishedRow; slack: number }>, rows: PublishedRow[], recorded: RecordedComparison[]): void {
  const tail = recorded.slice(recorded.length - rows.length);
  rows.forEach((row, i) => {
    const w = into.get(row.key);
    const sl = tail[i].slack;
    if (!w || sl < w.slack) into.set(row.key, { row, slack: sl });
  });
}

function mergeWorst(worst: Map<string, RecordedComparison>, comps: RecordedComparison[]): RecordedComparison[] {
  const m = new Map(worst);
  for (const c of comps) {
    const w = m.get(c.quantity);
    if (!w || c.slack < w.slack) m.set(c.quantity, c);
  }
  return [...m.values()];
}

function counterexampleOf(
  id: string,
  opts: RunClaimOptions,
  seed: number,
  path: string,
  instance: unknown,
  runSeed: number,
  comparisons: RecordedComparison[],
  shrinks: number,
): Counterexample {
  const replay = replayCommand(id, opts.rootSeed, path, opts.replayCatalogue);
  return { seed, path, instance: toJsonSafe(instance), runSeed, comparisons, shrinks, replay };
}
