/**
 * theorycheck — the package's main entry point: the claim record, the runner,
 * verdicts, the reporters and report I/O. Solvers have their own entry points
 * (`theorycheck/conic`, `theorycheck/signal`, `theorycheck/prox`, `theorycheck/nets`),
 * as do the vitest helper (`theorycheck/vitest`) and the arbitraries
 * (`theorycheck/arbitraries`).
 */
export {
  defineClaim, withSubject, validateClaim, normaliseOutput, holds, slack, le, ge, eq, timed, CatalogueError, VERDICTS,
} from './claims/claim.ts';
export type {
  Claim, CheckContext, CheckOutput, Comparison, MetricSpec, Series, Budget, BudgetName, Tolerance, Relation, PaperKey,
  ClaimKind, Provenance, Asserts, FailureMeaning, PublishedValue, Verdict,
} from './claims/claim.ts';
export { TheorycheckError, InvalidArgumentError, UsageError } from './core/errors.ts';
export { createRng, deriveSeed, type Rng } from './core/random.ts';
export { runClaim, replayCommand, BUDGETS, DEFAULT_TIMEOUT_MS, type RunClaimOptions } from './runner/run-claim.ts';
export { runCatalogue, summarise, SCHEMA_VERSION, type RunCatalogueOptions, type RunEnvironment } from './runner/run-catalogue.ts';
export { selectIds } from './runner/select.ts';
export { verdictOf, CONFIRMING } from './runner/verdict.ts';
export type { ClaimResult, ClaimStatus, Counterexample, PublishedRow, RecordedComparison, Report, RunMeta, RunScale } from './runner/result.ts';
export { reportToJson, stripTimings } from './report/json.ts';
export { reportToMarkdown } from './report/markdown.ts';
export { reportToJunit } from './report/junit.ts';
export { reportToHtml, type HtmlOptions } from './report/html.ts';
export { writeReports, writeReportSet, type WrittenReports } from './report/write.ts';
export { loadReport, parseReport, parseReportText, ReportFileError } from './report/load.ts';
export { compareReports, compareToJson, compareToMarkdown, type CompareOptions, type CompareResult } from './compare/compare.ts';
