/**
 * The verdict of a run, measured from its outcome: the status, the scale run
 * against the paper's setting, and what the claim's check asserts. A claim
 * never declares its verdict; a failing, erroring or timed-out run never
 * carries a confirming one.
 */
import type { Asserts, Claim, Comparison, FailureMeaning, PublishedValue, Verdict } from '../claims/claim.ts';
import type { ClaimStatus, PublishedRow, RunScale } from './result.ts';

/** Verdicts that speak for a statement (never given to a run that did not pass). */
export const CONFIRMING: readonly Verdict[] = ['confirmed', 'consistent-at-reduced-scale', 'paper-misprint', 'holds'];

/** Provenances whose statements are the paper's own (the rest are the project's or a third party's). */
const PAPER_PROVENANCE = new Set(['paper', 'abstract', 'misprint']);

/** What a passing check shows (default `statement`; `misprint` for provenance `misprint`). */
export function assertsOf(claim: Claim): Asserts {
  return claim.asserts ?? (claim.provenance === 'misprint' ? 'misprint' : 'statement');
}

/** What a failure means (default: a counterexample refutes an identity, bound or convergence statement). */
export function failureMeaningOf(claim: Claim): FailureMeaning {
  return claim.onFailure ?? (claim.kind === 'statistical' || claim.kind === 'published-number' ? 'not-reproduced' : 'refuted');
}

/** Compute the verdict of a claim's run. */
export function verdictOf(claim: Claim, status: ClaimStatus, scale: RunScale): Verdict {
  if (status === 'error' || status === 'timeout') return 'inconclusive';
  const passed = status === 'pass';
  if (!PAPER_PROVENANCE.has(claim.provenance)) return passed ? 'holds' : 'fails';
  const asserts = assertsOf(claim);
  // a printed value is about the paper's instance: only a run at its scale can show it wrong
  if (asserts === 'misprint') return passed && scale.full ? 'paper-misprint' : 'inconclusive';
  if (asserts === 'counterevidence') return passed && scale.full ? 'refuted' : 'inconclusive';
  if (passed) return scale.full ? 'confirmed' : 'consistent-at-reduced-scale';
  return failureMeaningOf(claim) === 'refuted' && scale.full ? 'refuted' : 'not-reproduced';
}

/**
 * The scale of a run: per key of the paper's setting, the smallest value any
 * run used. Full when every key reaches the paper's value (or when the claim
 * is about every instance and has no paper setting).
 */
export function runScale(claim: Claim, ran: Record<string, number> | null): RunScale {
  const paper = claim.paperScale ?? null;
  if (!paper) return { paper: null, run: ran, full: true };
  const full = ran !== null && Object.entries(paper).every(([k, v]) => (ran[k] ?? -Infinity) >= v);
  return { paper, run: ran, full };
}

/** Merge the scale of one run into the smallest so far, key by key. */
export function smallerScale(a: Record<string, number> | null, b: Record<string, number> | null): Record<string, number> | null {
  if (!a) return b;
  if (!b) return a;
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? Math.min(out[k], v) : v;
  return out;
}

/** Allowed |ours − paper| of a published value. */
export function allowedDifference(p: PublishedValue): number {
  return p.tolerance.relative ? p.tolerance.value * Math.abs(p.value) : p.tolerance.value;
}

/** The row of a published value: paper and source beside ours, the difference and the tolerance. */
export function publishedRow(p: PublishedValue, ours: number): PublishedRow {
  const absDiff = Math.abs(ours - p.value);
  const allowed = allowedDifference(p);
  return {
    key: p.key,
    quantity: p.quantity,
    source: p.source,
    unit: p.unit,
    paper: p.value,
    ours,
    absDiff,
    relDiff: p.value === 0 ? (absDiff === 0 ? 0 : Infinity) : absDiff / Math.abs(p.value),
    tolerance: allowed,
    relativeTolerance: p.tolerance.relative ?? false,
    reason: p.tolerance.reason,
    printed: p.printed ?? 'correct',
    // NaN never agrees and never differs: both tests fail.
    within: absDiff <= allowed,
  };
}

/**
 * The comparison a published value adds to its run: ours agrees with the
 * printed number within the tolerance, or (a misprint) differs by more.
 */
export function publishedComparison(row: PublishedRow): Comparison {
  const misprint = row.printed === 'misprint';
  return {
    quantity: `|ours − paper| ${row.key} (${row.source})${misprint ? ', printed value wrong' : ''}`,
    measured: row.absDiff,
    relation: misprint ? '>=' : '<=',
    claimed: misprint ? nextUp(row.tolerance) : row.tolerance,
    unit: row.unit,
  };
}

function nextUp(x: number): number {
  return x === 0 ? Number.MIN_VALUE : x * (1 + Number.EPSILON);
}
