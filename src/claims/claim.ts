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

/** Papers of the catalogue (keys used in claim ids and reports); users may declare their own key. */
export type PaperKey = 'agh21' | 'dx' | 'ep21' | 'jmm25' | 'conic' | (string & {});

/** What sort of statement a claim is. */
export type ClaimKind = 'identity' | 'bound' | 'convergence' | 'statistical' | 'published-number';

/**
 * Where the statement comes from (the tags of ../shared/papers/README.md):
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
 * The verdict a claim records about the paper's statement:
 * - `confirmed`: the statement holds as stated (the check passes);
 * - `paper-misprint`: the paper prints a wrong value; the check asserts the correct one;
 * - `refuted`: the statement is false; the check asserts the evidence against it;
 * - `not-reproduced`: a published number we could not reproduce; the check asserts what we measured.
 */
export type Verdict = 'confirmed' | 'paper-misprint' | 'refuted' | 'not-reproduced';

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
  /** For `secondary`/`derived`/`unverified`: where it comes from (note section). */
  source?: string;
  /** Verdict about the paper's statement (default `confirmed`). */
  verdict?: Verdict;
  tolerance: Tolerance;
  budget: Budget;
  /** Wall-clock limit for the whole claim in ms (default 120 000). */
  timeoutMs?: number;
  /** The implementation under test. */
  subject: S;
  /** Instances (fast-check arbitrary). Use `fc.constant(...)` for fixed examples. */
  instances: fc.Arbitrary<I>;
  /** Test one instance; pure apart from `ctx.rng`. */
  check(instance: I, subject: S, ctx: CheckContext): CheckOutput;
  /** Metrics for regression comparison. */
  metrics?: MetricSpec[];
}

/** Define a claim with its types inferred. */
export function defineClaim<I, S>(claim: Claim<I, S>): Claim<I, S> {
  return claim;
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
} {
  if (Array.isArray(out)) return { comparisons: out, series: [], values: {} };
  if ('comparisons' in out) return { comparisons: out.comparisons, series: out.series ?? [], values: out.values ?? {} };
  return { comparisons: [out], series: [], values: {} };
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
