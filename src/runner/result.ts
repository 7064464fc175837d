/**
 * The result record of one claim — what the runner produces and reporters read.
 * Part of the versioned report schema (see reports/README.md).
 */
import type { BudgetName, ClaimKind, Comparison, MetricSpec, PaperKey, Provenance, Series, Verdict } from '../claims/claim.ts';

/** Outcome of a claim. */
export type ClaimStatus = 'pass' | 'fail' | 'error' | 'timeout';

/** A comparison with its verdict, as recorded in a report. */
export interface RecordedComparison extends Comparison {
  pass: boolean;
  /** Signed slack: ≥ 0 iff it holds. */
  slack: number;
}

/** Everything needed to reproduce a failure. */
export interface Counterexample {
  /** fast-check seed of the claim (derived from the root seed and the id). */
  seed: number;
  /** fast-check path of the shrunk counterexample. */
  path: string;
  /** The shrunk instance, JSON-encoded (typed arrays as arrays). */
  instance: unknown;
  /** Seed of the run's random stream. */
  runSeed: number;
  /** Comparisons at the counterexample. */
  comparisons: RecordedComparison[];
  /** Number of shrink steps. */
  shrinks: number;
  /** The command that replays it. */
  replay: string;
}

/** One claim's record in a report. */
export interface ClaimResult {
  id: string;
  paper: PaperKey;
  location: string;
  title: string;
  statement: string;
  tex?: string;
  hypotheses: string[];
  kind: ClaimKind;
  provenance: Provenance;
  source?: string;
  verdict: Verdict;
  tolerance: { value: number; reason: string };
  /** Metrics the claim exposes for regression comparison (`compare`). */
  metrics?: MetricSpec[];
  status: ClaimStatus;
  /** fast-check seed used for this claim (derived from the root seed and the id). */
  seed: number;
  /** Runs requested and runs executed. */
  runs: number;
  runsExecuted: number;
  /** Per quantity, the comparison with the least slack over all runs. */
  worst: RecordedComparison[];
  /** Series attached by the last passing run (or the counterexample). */
  series: Series[];
  /** Values reported by the worst run of the first quantity. */
  values: Record<string, number | string | boolean>;
  counterexample?: Counterexample;
  /** Message of an error or timeout. */
  error?: string;
  /** Timing (excluded from determinism comparisons). */
  timeMs: number;
}

/** Run metadata of a report. */
export interface RunMeta {
  tool: 'theorycheck';
  version: string;
  schemaVersion: number;
  gitCommit: string | null;
  node: string;
  platform: string;
  seed: number;
  budget: BudgetName;
  runsOverride: number | null;
  selection: string[];
  shard: string | null;
  startedAt: string;
  finishedAt: string;
  timeMs: number;
}

/** The whole report. */
export interface Report {
  meta: RunMeta;
  summary: { total: number; pass: number; fail: number; error: number; timeout: number };
  results: ClaimResult[];
}

/** Fields that vary between identical runs (timing); stripped for determinism checks. */
export const TIMING_FIELDS = ['timeMs', 'startedAt', 'finishedAt'] as const;
