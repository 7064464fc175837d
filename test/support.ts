/**
 * Assert a catalogue claim inside vitest with the same runner the CLI uses,
 * so `npm test` and `theorycheck verify` share one source of truth.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { BudgetName, Claim } from '../src/claims/claim.ts';
import { runClaim } from '../src/runner/run-claim.ts';
import type { ClaimResult } from '../src/runner/result.ts';
import { replayFixtures } from '../src/report/fixtures.ts';
import { formatFailure } from '../src/report/format.ts';

/** Root seed of the vitest suite (fixed: tests are deterministic). */
export const TEST_SEED = 20211;

/** Run a claim and return its result (budget `quick` by default). */
export function runForTest(claim: Claim, budget: BudgetName = 'quick', runs?: number): ClaimResult {
  return runClaim(claim, { rootSeed: TEST_SEED, budget, runs });
}

/** Assert that a claim passes; on failure the message carries the counterexample and replay command. */
export function assertClaim(claim: Claim, budget: BudgetName = 'quick', runs?: number): ClaimResult {
  // Saved counterexamples (test/fixtures/counterexamples/<id>.json, `verify --save-counterexamples`) first, forever after.
  for (const c of replayFixtures(claim, undefined, budget)) {
    const bad = c.error ?? c.comparisons.filter((x) => !x.pass).map((x) => `${x.quantity}: ${x.measured} ${x.relation} ${x.claimed}`).join('; ');
    expect(c.pass, `${claim.id}: saved counterexample ${c.index} of ${c.file} fails again: ${bad}`).toBe(true);
  }
  const r = runForTest(claim, budget, runs);
  const why = r.status === 'pass' ? '' : formatFailure(r, { maxInstance: 2000 });
  expect(r.status, why).toBe('pass');
  return r;
}

/**
 * A claim whose comparisons are wall-clock times: its outcome depends on the machine and its load (a
 * ratio measured at 0.48 alone reached 1.01 under coverage with a second worker), so the suite asserts
 * that it runs and measures, not its verdict — that is `verify`'s, with the load it ran under.
 */
export function assertTimingRun(claim: Claim, budget: BudgetName = 'quick'): ClaimResult {
  const r = runForTest(claim, budget);
  expect(['pass', 'fail'], `${claim.id}: ${r.error ?? ''}`).toContain(r.status);
  expect(r.verdict).toBe(r.status === 'pass' ? 'consistent-at-reduced-scale' : 'not-reproduced');
  expect(r.worst.length).toBeGreaterThan(0);
  for (const c of r.worst) {
    expect(c.timing, `${claim.id}: ${c.quantity} is not a wall-clock comparison`).toBe(true);
    expect(Number.isFinite(c.measured) && c.measured > 0, `${claim.id}: ${c.quantity} = ${c.measured}`).toBe(true);
  }
  return r;
}

/**
 * Assert that a claim with a wrong subject (a negative control) is rejected
 * with a counterexample, i.e. the check can fail.
 */
export function assertRejected(claim: Claim, budget: BudgetName = 'quick', runs?: number): ClaimResult {
  // The first failing instance, unshrunk: a control asserts the rejection, and shrinking re-ran some checks
  // thousands of times (the runner's shrinking is tested on its own). fc.noShrink draws the same instances.
  const r = runForTest({ ...claim, instances: fc.noShrink(claim.instances) }, budget, runs);
  expect(r.status, `${r.id}: negative control was not rejected`).toBe('fail');
  expect(r.counterexample).toBeDefined();
  expect(r.counterexample!.comparisons.some((c) => !c.pass)).toBe(true);
  return r;
}
