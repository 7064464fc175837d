/**
 * The result record of one claim — what the runner produces and reporters read.
 * Part of the versioned report schema (see reports/README.md).
 */
import type { Asserts, BudgetName, ClaimKind, Comparison, FailureMeaning, MetricSpec, PaperKey, Provenance, Series, Verdict } from '../claims/claim.ts';

/** Outcome of a claim. */
export type ClaimStatus = 'pass' | 'fail' | 'error' | 'timeout';

/** A comparison with its verdict, as recorded in a report. */
export interface RecordedComparison extends Comparison {
  pass: boolean;
  /** Signed slack: ≥ 0 iff it holds. */
  slack: number;
}

/** A published value beside ours (one row per value the paper prints). */
export interface PublishedRow {
  key: string;
  quantity: string;
  /** Where the paper prints it (table, figure, text; page). */
  source: string;
  unit?: string;
  /** The printed value. */
  paper: number;
  /** Our measured value (from the run with the least slack on this row). */
  ours: number;
  absDiff: number;
  /** |ours − paper| / |paper| (Infinity when the paper prints 0 and ours differs). */
  relDiff: number;
  /** Allowed absolute difference. */
  tolerance: number;
  /** Whether the tolerance was given relative to |paper|. */
  relativeTolerance: boolean;
  reason: string;
  /** `misprint`: the claim asserts that ours differs from the printed value. */
  printed: 'correct' | 'misprint';
  /** |ours − paper| ≤ tolerance. */
  within: boolean;
}

/** The scale a claim ran at against the paper's setting. */
export interface RunScale {
  /** The paper's setting (null: the statement is about every instance). */
  paper: Record<string, number> | null;
  /** The smallest value of each key over the executed runs (null: not reported). */
  run: Record<string, number> | null;
  /** Every key of the paper's setting reached. */
  full: boolean;
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
  /** What a passing check shows about the paper's statement. */
  asserts: Asserts;
  /** What a failure means. */
  onFailure: FailureMeaning;
  /** Computed from the status, the scale and `asserts` (src/runner/verdict.ts). */
  verdict: Verdict;
  /** The scale run against the paper's setting. */
  scale: RunScale;
  /** The paper's printed values beside ours. */
  published: PublishedRow[];
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
  /** Wall-clock times (seconds) reported by the same run (a timing field). */
  timings?: Record<string, number>;
  counterexample?: Counterexample;
  /** Message of an error or timeout. */
  error?: string;
  /** The same claim's verdict in the reference report (full-scale run), when one was given. */
  reference?: ReferenceVerdict;
  /** Timing (excluded from determinism comparisons). */
  timeMs: number;
}

/** A claim's verdict as measured in a reference report: usually the thorough, full-scale run. */
export interface ReferenceVerdict {
  verdict: Verdict;
  status: ClaimStatus;
  budget: BudgetName;
  scale: RunScale;
  /** Commit the reference was measured at. */
  gitCommit: string | null;
}

/** Which reference report a run's results were annotated from. */
export interface ReferenceMeta {
  /** The file as given (`built-in` for the package's own reference). */
  file: string;
  gitCommit: string | null;
  budget: BudgetName;
  /** The day the reference run started (YYYY-MM-DD). */
  measuredOn: string;
  /** Where and under what load it was measured, when the reference says so. */
  machine?: string;
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
  /** Display names of the papers in the results, by key (from the catalogue's `papers` export). */
  papers?: Record<string, string>;
  /** The reference report the results' `reference` verdicts come from. */
  reference?: ReferenceMeta;
  startedAt: string;
  finishedAt: string;
  timeMs: number;
}

/** The whole report. */
export interface Report {
  meta: RunMeta;
  summary: { total: number; pass: number; fail: number; error: number; timeout: number; verdicts: Partial<Record<Verdict, number>> };
  results: ClaimResult[];
}

/** Fields that vary between identical runs (timing); stripped for determinism checks. */
export const TIMING_FIELDS = ['timeMs', 'startedAt', 'finishedAt', 'timings'] as const;
