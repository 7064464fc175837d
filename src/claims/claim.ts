/**
 * The claim record: a paper's statement as data plus the check that tests it.
 *
 * Data flows one way: instance (a fast-check arbitrary) → solver (`subject`)
 * → certificate → `check` → comparisons → result record (runner) → reporters.
 * A claim module (theorems/) imports only this file, the arbitraries and the
 * solvers; it never imports the runner or the reporters.
 */
import type * as fc from 'fast-check';
import type { Rng } from '../core/random.ts';
import { TheorycheckError } from '../core/errors.ts';

/** Papers of the catalogue (keys used in claim ids and reports); users may declare their own key. */
export type PaperKey = 'agh21' | 'dx' | 'ep21' | 'jmm25' | 'conic' | (string & {});

/** What sort of statement a claim is. */
export type ClaimKind = 'identity' | 'bound' | 'convergence' | 'statistical' | 'published-number';

/**
 * Where the statement comes from:
 * - `paper` [P]: read in the paper's text, at `location`;
 * - `abstract` [A]: the abstract, metadata or the authors' code;
 * - `secondary` [S]: a third party or related paper (named in `source`);
 * - `derived` [D]: the project's own calculation, checked numerically — not the paper's;
 * - `unverified` [R]: a reconstruction of what the paper may state;
 * - `misprint` [N]: the paper prints something inconsistent; the claim checks the correct value;
 * - `ours`: a property of this project's own code (e.g. the conic solver's KKT conditions).
 */
export type Provenance = 'paper' | 'abstract' | 'secondary' | 'derived' | 'unverified' | 'misprint' | 'ours';

/** Budget names: how many property runs each claim gets. */
export type BudgetName = 'quick' | 'default' | 'thorough';

/** Number of fast-check runs per budget. */
export interface Budget {
  /** Runs under `--budget quick` (smoke tests, the vitest suite). */
  quick: number;
  /** Runs under `--budget default`. */
  default: number;
  /** Runs under `--budget thorough`. */
  thorough: number;
}

/** A tolerance and why it is what it is (machine-epsilon multiples, solver accuracy, SE, rounding). */
export interface Tolerance {
  /** The number used by the check (absolute unless the reason says relative). */
  value: number;
  /** Why this value: derived, never tuned. */
  reason: string;
}

/** Relation a comparison asserts between measured and claimed values. */
export type Relation = '<=' | '>=' | '==';

/**
 * One measured-vs-claimed comparison (PEPit style). `pass` is computed by the
 * runner from the relation; `==` is exact equality (use it for discrete
 * quantities such as supports or counts; continuous agreement is an error ≤ tol).
 */
export interface Comparison {
  /** What is measured, e.g. `max |prox − brute force|`. */
  quantity: string;
  /** The measured value. */
  measured: number;
  /** The relation asserted: measured <relation> claimed. */
  relation: Relation;
  /** The claimed value or bound (tolerance already folded in). */
  claimed: number;
  /** Optional unit for display. */
  unit?: string;
  /**
   * The measured value is a wall-clock time (or a ratio of times): it varies from run to run, so
   * determinism checks (`stripTimings`) leave out its measured value and slack.
   */
  timing?: boolean;
}

/** A data series a claim attaches for plotting (the reporter draws it). */
export interface Series {
  /** Plot title. */
  title: string;
  /** Plot kind: a line (trace, scaling curve), points, or a histogram of a quantity. */
  mark: 'line' | 'point' | 'bar';
  /** Axis labels. */
  x: string;
  y: string;
  /** Use a log scale on these axes. */
  logX?: boolean;
  logY?: boolean;
  /** Rows: x, y and an optional group (one line per group). */
  points: { x: number; y: number; group?: string }[];
  /** The points are wall-clock times: left out of determinism checks (`stripTimings`). */
  timing?: boolean;
}

/** What a check returns: one or more comparisons, plus optional series and notes. */
export type CheckOutput =
  | Comparison
  | Comparison[]
  | {
      comparisons: Comparison[];
      series?: Series[];
      /** Values worth reporting that are not compared (e.g. iteration counts). */
      values?: Record<string, number | string | boolean>;
      /** Wall-clock times worth reporting (seconds), kept apart from `values`: they differ between identical runs. */
      timings?: Record<string, number>;
      /** Measured value per published key (see {@link PublishedValue}). */
      published?: Record<string, number>;
      /** The scale this run used, keyed as the claim's `paperScale`. */
      scale?: Record<string, number>;
    };

/** Context handed to a check: a seeded random stream private to this run. */
export interface CheckContext {
  /** Random stream seeded from this run's seed (replayed exactly by path). */
  rng: Rng;
  /** The seed behind `rng`. */
  seed: number;
  /** The budget the run uses (checks may scale Monte Carlo sizes with it). */
  budget: BudgetName;
}

/** A metric exposed for regression comparison of runs (`theorycheck compare`). */
export interface MetricSpec {
  /** Name matching a comparison quantity or a key of `values`. */
  name: string;
  /** Which direction is better. */
  direction: 'lower-is-better' | 'higher-is-better';
  unit?: string;
}

/**
 * What a passing check shows about the paper's statement:
 * - `statement`: the statement itself holds (the usual case);
 * - `misprint`: the paper prints a wrong value; the check asserts the correct one;
 * - `counterevidence`: the check asserts evidence that the statement is false.
 */
export type Asserts = 'statement' | 'misprint' | 'counterevidence';
export const ASSERTS: readonly Asserts[] = ['statement', 'misprint', 'counterevidence'];

/** What a failing check of a paper's statement means. */
export type FailureMeaning = 'refuted' | 'not-reproduced';
export const FAILURE_MEANINGS: readonly FailureMeaning[] = ['refuted', 'not-reproduced'];

/**
 * A number printed in the paper that the claim reproduces. The check returns
 * its measured value as `published[key]`; the runner compares the two and
 * records paper value, source, ours, the difference and the tolerance.
 */
export interface PublishedValue {
  /** Key of the measured value in the check's `published` output. */
  key: string;
  /** What the number is, e.g. `ζ_decomp of Example 1`. */
  quantity: string;
  /** The number as printed. */
  value: number;
  /** Where it is printed: table, figure, equation or text, and page. Required. */
  source: string;
  unit?: string;
  /** Allowed |ours − paper| (times |paper| when `relative`), with its reason (e.g. the paper's rounding). */
  tolerance: Tolerance & { relative?: boolean };
  /** `misprint`: the printed value is wrong — ours must differ from it by more than the tolerance. */
  printed?: 'correct' | 'misprint';
}

/**
 * The verdict of a run, computed by the runner (never declared by a claim):
 * - `confirmed`: a paper's statement checked at the paper's own scale and setting, passed;
 * - `consistent-at-reduced-scale`: passed on a documented miniature (the report shows the scale);
 * - `paper-misprint`: the printed value is wrong and the corrected one passed;
 * - `refuted`: the statement is false (a counterexample, or counterevidence at the paper's scale);
 * - `not-reproduced`: the paper's result was not reproduced;
 * - `holds` / `fails`: a statement of the project's own (derived, unverified, ours, secondary):
 *   it holds or fails, and never confirms a paper;
 * - `inconclusive`: error, timeout, or evidence that settles nothing about the paper.
 */
export type Verdict =
  | 'confirmed'
  | 'consistent-at-reduced-scale'
  | 'paper-misprint'
  | 'refuted'
  | 'not-reproduced'
  | 'holds'
  | 'fails'
  | 'inconclusive';
export const VERDICTS: readonly Verdict[] = [
  'confirmed', 'consistent-at-reduced-scale', 'paper-misprint', 'refuted', 'not-reproduced', 'holds', 'fails', 'inconclusive',
];

/**
 * A claim. `I` is the instance type drawn by `instances`; `S` is the subject —
 * the implementation under test — which negative controls replace by a wrong one.
 */
export interface Claim<I = any, S = any> {
  /** Dotted id, `<paper>.<area>.<name>`, e.g. `dx.prox.tl1-threshold`. */
  id: string;
  /** Paper key. */
  paper: PaperKey;
  /** Location in the paper: section, equation, theorem, table, page. */
  location: string;
  /** One-line title. */
  title: string;
  /** Plain-text statement. */
  statement: string;
  /** The statement in TeX (rendered by the HTML reporter). */
  tex?: string;
  /** Hypotheses under which the statement is claimed. */
  hypotheses: string[];
  kind: ClaimKind;
  provenance: Provenance;
  /** For `secondary`/`derived`/`unverified`/`ours`: where it comes from (a document of this repository, or the third party). */
  source?: string;
  /** What a passing check shows about the paper's statement (default `statement`; `misprint` for provenance `misprint`). */
  asserts?: Asserts;
  /** What a failure means (default `refuted` for identity/bound/convergence, `not-reproduced` otherwise). */
  onFailure?: FailureMeaning;
  /** Numbers printed in the paper that the check reproduces, each with its source. */
  published?: PublishedValue[];
  /**
   * The paper's setting as numbers (e.g. `{ n: 13800, cells: 100 }`). The check then returns
   * `scale` with the same keys; a run below any of them is a reduced-scale run. Omit for
   * statements about every instance (checked on drawn instances at the stated generality).
   */
  paperScale?: Record<string, number>;
  tolerance: Tolerance;
  budget: Budget;
  /** Wall-clock limit for the whole claim in ms (default 120 000). */
  timeoutMs?: number;
  /**
   * Claims that read one memoised study (e.g. one solve grid shared by several claims) name it
   * here; the runner runs claims of the same study in the same worker process, so the study is
   * computed once per run instead of once per worker.
   */
  study?: string;
  /** The implementation under test. */
  subject: S;
  /** Instances (fast-check arbitrary). Use `fc.constant(...)` for fixed examples. */
  instances: fc.Arbitrary<I>;
  /** Test one instance; pure apart from `ctx.rng`. */
  check(instance: I, subject: S, ctx: CheckContext): CheckOutput;
  /** Metrics for regression comparison. */
  metrics?: MetricSpec[];
}

/** Define a claim with its types inferred; rejects an ill-formed record (see {@link validateClaim}). */
export function defineClaim<I, S>(claim: Claim<I, S>): Claim<I, S> {
  validateClaim(claim);
  return claim;
}

/** A claim record that cannot be loaded; the message names the claim. */
export class CatalogueError extends TheorycheckError {
  override name = 'CatalogueError';
  constructor(readonly claimId: string, what: string) {
    super(`claim ${claimId}: ${what}`);
  }
}

const KINDS: readonly ClaimKind[] = ['identity', 'bound', 'convergence', 'statistical', 'published-number'];
const PROVENANCES: readonly Provenance[] = ['paper', 'abstract', 'secondary', 'derived', 'unverified', 'misprint', 'ours'];

/**
 * Check a claim record when the catalogue loads: known vocabulary, no declared
 * verdict, every published value with a source and a reasoned tolerance.
 */
export function validateClaim(claim: Claim): void {
  const id = typeof claim?.id === 'string' && claim.id ? claim.id : '(no id)';
  const bad = (what: string): never => {
    throw new CatalogueError(id, what);
  };
  if (id === '(no id)') bad('id must be a non-empty string');
  if ('verdict' in claim) bad('declares a verdict; verdicts are measured by the runner (use `asserts` and `onFailure`)');
  if (!KINDS.includes(claim.kind)) bad(`unknown kind ${JSON.stringify(claim.kind)} (expected one of ${KINDS.join(', ')})`);
  if (!PROVENANCES.includes(claim.provenance)) bad(`unknown provenance ${JSON.stringify(claim.provenance)} (expected one of ${PROVENANCES.join(', ')})`);
  if (claim.asserts !== undefined && !ASSERTS.includes(claim.asserts)) bad(`unknown asserts ${JSON.stringify(claim.asserts)} (expected one of ${ASSERTS.join(', ')})`);
  if (claim.onFailure !== undefined && !FAILURE_MEANINGS.includes(claim.onFailure)) {
    bad(`unknown onFailure ${JSON.stringify(claim.onFailure)} (expected one of ${FAILURE_MEANINGS.join(', ')})`);
  }
  if (!claim.tolerance || !Number.isFinite(claim.tolerance.value) || !claim.tolerance.reason?.trim()) bad('tolerance needs a finite value and a reason');
  const keys = new Set<string>();
  for (const [i, p] of (claim.published ?? []).entries()) {
    const at = `published[${i}]${p?.key ? ` (${p.key})` : ''}`;
    if (!p?.key) bad(`${at} has no key`);
    if (keys.has(p.key)) bad(`${at}: duplicate key`);
    keys.add(p.key);
    if (typeof p.source !== 'string' || !p.source.trim()) bad(`${at} has no source (table, figure or text, and page)`);
    if (!Number.isFinite(p.value)) bad(`${at}: the printed value must be a finite number`);
    if (!p.tolerance || !(p.tolerance.value >= 0) || !p.tolerance.reason?.trim()) bad(`${at} needs a tolerance >= 0 with a reason`);
    if (p.printed !== undefined && p.printed !== 'correct' && p.printed !== 'misprint') bad(`${at}: unknown printed ${JSON.stringify(p.printed)}`);
  }
  for (const [k, v] of Object.entries(claim.paperScale ?? {})) if (!(v > 0)) bad(`paperScale.${k} must be a positive number`);
  if (claim.study !== undefined && (typeof claim.study !== 'string' || !claim.study.trim())) bad('study must be a non-empty string');
}

/** The same claim with a different subject (used by negative controls). */
export function withSubject<I, S>(claim: Claim<I, S>, subject: S): Claim<I, S> {
  return { ...claim, subject };
}

/** Normalise a check output to its parts. */
export function normaliseOutput(out: CheckOutput): {
  comparisons: Comparison[];
  series: Series[];
  values: Record<string, number | string | boolean>;
  timings: Record<string, number>;
  published: Record<string, number>;
  scale: Record<string, number> | null;
} {
  if (Array.isArray(out)) return { comparisons: out, series: [], values: {}, timings: {}, published: {}, scale: null };
  if ('comparisons' in out) {
    return {
      comparisons: out.comparisons, series: out.series ?? [], values: out.values ?? {}, timings: out.timings ?? {}, published: out.published ?? {}, scale: out.scale ?? null,
    };
  }
  return { comparisons: [out], series: [], values: {}, timings: {}, published: {}, scale: null };
}

/** The comparison marked as a wall-clock measurement (see {@link Comparison.timing}). */
export function timed(c: Comparison): Comparison {
  return { ...c, timing: true };
}

/** Whether a comparison holds. NaN never passes. */
export function holds(c: Comparison): boolean {
  switch (c.relation) {
    case '<=':
      return c.measured <= c.claimed;
    case '>=':
      return c.measured >= c.claimed;
    case '==':
      return c.measured === c.claimed;
  }
}

/**
 * Signed slack of a comparison: ≥ 0 when it holds, larger is safer.
 * For `==`, 0 when equal and −|measured − claimed| otherwise.
 */
export function slack(c: Comparison): number {
  if (Number.isNaN(c.measured) || Number.isNaN(c.claimed)) return -Infinity;
  switch (c.relation) {
    case '<=':
      return c.claimed - c.measured;
    case '>=':
      return c.measured - c.claimed;
    case '==':
      return -Math.abs(c.measured - c.claimed);
  }
}

/** Convenience constructors. */
export const le = (quantity: string, measured: number, claimed: number, unit?: string): Comparison => ({
  quantity, measured, relation: '<=', claimed, unit,
});
export const ge = (quantity: string, measured: number, claimed: number, unit?: string): Comparison => ({
  quantity, measured, relation: '>=', claimed, unit,
});
export const eq = (quantity: string, measured: number, claimed: number, unit?: string): Comparison => ({
  quantity, measured, relation: '==', claimed, unit,
});
