/**
 * theorycheck inside a user's own vitest suite: declare a claim next to the
 * solver and get the same seeded, shrinking, reportable check the CLI runs.
 *
 *   import { defineClaim, le } from 'theorycheck/claim';
 *   import { claimTest, reportCollector } from 'theorycheck/vitest';
 *   const collector = reportCollector();           // optional: write a report
 *   claimTest(myClaim, { collector });             // registers one vitest test
 *   afterAll(() => collector.write('reports/my-solver'));
 *
 * Seeds: `opts.seed`, else env THEORYCHECK_SEED, else 1. A failure message
 * carries the shrunk counterexample and how to replay it
 * (THEORYCHECK_SEED=<s> THEORYCHECK_PATH=<p> npx vitest run -t '<id>').
 * Saved fixtures (test/fixtures/counterexamples/<id>.json by default) are replayed first.
 */
import { test } from 'vitest';
import type { BudgetName, Claim } from '../claims/claim.ts';
import { InvalidArgumentError } from '../core/errors.ts';
import { packageVersion } from '../core/modules.ts';
import { integerInRange, oneOf } from '../core/validate.ts';
import { BUDGETS, DEFAULT_TIMEOUT_MS, runClaim } from '../runner/run-claim.ts';
import type { ClaimResult, Report } from '../runner/result.ts';
import { SCHEMA_VERSION, summarise } from '../runner/run-catalogue.ts';
import { fmtComparison, formatFailure } from '../report/format.ts';
import { reportSetFiles, writeReportSet } from '../report/write.ts';
import { defaultFixtureDir, replayFixtures } from '../report/fixtures.ts';

export { defineClaim, eq, ge, le, withSubject } from '../claims/claim.ts';
export type { Claim, CheckContext, CheckOutput, Comparison, MetricSpec, Series, PublishedValue } from '../claims/claim.ts';

/** Options of {@link checkClaim} / {@link claimTest}. */
export interface ClaimTestOptions {
  /** Root seed (default: env THEORYCHECK_SEED, else 1). */
  seed?: number;
  /** Budget (default `quick`). */
  budget?: BudgetName;
  /** Override the number of runs. */
  runs?: number;
  /** Replay one fast-check path (default: env THEORYCHECK_PATH). */
  path?: string;
  /** Fixture directory replayed before random cases; `false` to skip (default: env THEORYCHECK_FIXTURE_DIR, else theorycheck's test/fixtures/counterexamples). */
  fixtures?: string | false;
  /** Collects results for a report. */
  collector?: ReportCollector;
}

/** The root seed from options or the environment. */
export function resolveSeed(seed?: number): number {
  if (seed !== undefined) return integerInRange('seed', seed, 0, 2 ** 32 - 1);
  const env = process.env.THEORYCHECK_SEED;
  if (env === undefined || env === '') return 1;
  if (!/^\d+$/.test(env)) throw new InvalidArgumentError('THEORYCHECK_SEED', env, 'an integer in [0, 2^32 - 1]');
  return integerInRange('THEORYCHECK_SEED', Number(env), 0, 2 ** 32 - 1);
}

/** Failure message of a result: status, error, counterexample, comparisons, replay. */
export function describeFailure(r: ClaimResult, rootSeed: number): string {
  const replay = r.counterexample ? `THEORYCHECK_SEED=${rootSeed} THEORYCHECK_PATH=${r.counterexample.path} npx vitest run -t '${r.id}'` : undefined;
  return formatFailure(r, { replay, maxInstance: 2000 });
}

/**
 * Run a claim (fixtures first, then the seeded property) and throw an Error
 * describing the failure unless it passes. Returns the result.
 */
export function checkClaim(claim: Claim, opts: ClaimTestOptions = {}): ClaimResult {
  const budget = oneOf('budget', opts.budget ?? 'quick', BUDGETS);
  const rootSeed = resolveSeed(opts.seed);
  const path = opts.path ?? (process.env.THEORYCHECK_PATH || undefined);
  if (opts.fixtures !== false) {
    for (const c of replayFixtures(claim, opts.fixtures ?? defaultFixtureDir(), budget)) {
      if (!c.pass) {
        const why = c.error ?? c.comparisons.filter((x) => !x.pass).map(fmtComparison).join('; ');
        throw new Error(`${claim.id}: saved counterexample ${c.index} of ${c.file} fails again: ${why}`);
      }
    }
  }
  const r = runClaim(claim, { rootSeed, budget, runs: opts.runs, path });
  opts.collector?.add(r, rootSeed, budget);
  if (r.status !== 'pass') throw new Error(describeFailure(r, rootSeed));
  return r;
}

/** Register a vitest test `<id> — <title>` that runs {@link checkClaim}. */
export function claimTest(claim: Claim, opts: ClaimTestOptions = {}): void {
  const timeout = (claim.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 10_000;
  test(`${claim.id} — ${claim.title}`, () => {
    checkClaim(claim, opts);
  }, timeout);
}

/** Collects claim results of a test file into a theorycheck report. */
export interface ReportCollector {
  add(result: ClaimResult, rootSeed: number, budget: BudgetName): void;
  /** The report so far (version: theorycheck's, by default). */
  report(version?: string): Report;
  /** Write report.json, report.md, junit.xml and index.html into `dir`; returns the HTML path. */
  write(dir: string, version?: string): Promise<string>;
}

/** A new result collector. */
export function reportCollector(): ReportCollector {
  const results: ClaimResult[] = [];
  let seed = 1;
  let budget: BudgetName = 'quick';
  const started = new Date();
  const collector: ReportCollector = {
    add(r, rootSeed, b) {
      const i = results.findIndex((x) => x.id === r.id);
      if (i >= 0) results[i] = r;
      else results.push(r);
      seed = rootSeed;
      budget = b;
    },
    report(version = packageVersion()) {
      const finished = new Date();
      return {
        meta: {
          tool: 'theorycheck',
          version,
          schemaVersion: SCHEMA_VERSION,
          gitCommit: null,
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          seed,
          budget,
          runsOverride: null,
          selection: [],
          shard: null,
          startedAt: started.toISOString(),
          finishedAt: finished.toISOString(),
          timeMs: finished.getTime() - started.getTime(),
        },
        summary: summarise(results),
        results: [...results],
      };
    },
    async write(dir, version) {
      const rep = collector.report(version);
      return writeReportSet(dir, await reportSetFiles(rep)).html!;
    },
  };
  return collector;
}
