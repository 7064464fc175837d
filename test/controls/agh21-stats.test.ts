/**
 * Negative controls for the agh21.stats claims (§5.2): plausible wrong implementations that the same
 * checks must reject. The main one — "Decomp" estimators that return the L1 estimate — is run at the
 * quick AND default budgets (it only solves L1, so both are cheap); the thorough run is recorded in the README.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { l1Estimator, decompSparseEstimator, type StatsEstimator } from '../../src/signal/studies/stats-estimators.ts';
import {
  statsErrorHalved,
  statsFpOrderLower,
  statsPriorImproves,
  statsSparsityDecompBeatsL1,
  statsSparsityL1Zero,
  statsSubject,
  statsTimeRatios,
} from '../../theorems/agh21/stats.ts';
import { assertRejected } from '../support.ts';
import { solveDecompPathPD } from '../../src/signal/relax/path-pd.ts';
import { statsPdPriorsEqualsConic, type PriorsSolver } from '../../theorems/agh21/stats.ts';

/** "Decomp" that returns the L1 estimate (same λ, μ), e.g. a relaxation whose cuts and priors were lost. */
const decompAsL1: StatsEstimator = (y, lambda, mu, prior) => l1Estimator(y, lambda, mu, prior);
const l1Control = { ...statsSubject, 'Decomp-sparse': decompAsL1, 'Decomp-prior': decompAsL1 };

/** L1 with its ℓ1 term dropped (μ ignored): a dropped term. */
const l1NoShrink: StatsEstimator = (y, lambda, _mu, prior) => l1Estimator(y, lambda, 0, prior);

/** Decomp-prior solved without its priors (43c), (43d): Decomp-sparse under the other name. */
const priorDropped: StatsEstimator = (y, lambda, mu, prior, warm) => decompSparseEstimator(y, lambda, mu, prior, warm);

describe('agh21.stats negative controls', () => {
  for (const budget of ['quick', 'default'] as const) {
    it(`[${budget}] error-halved rejects Decomp estimators that return the L1 estimate`, () => {
      assertRejected(withSubject(statsErrorHalved, l1Control), budget);
    }, 600_000);
    it(`[${budget}] fp-order-lower rejects Decomp estimators that return the L1 estimate`, () => {
      assertRejected(withSubject(statsFpOrderLower, l1Control), budget);
    }, 600_000);
    it(`[${budget}] sparsity-decomp-beats-l1 rejects Decomp estimators that return the L1 estimate`, () => {
      assertRejected(withSubject(statsSparsityDecompBeatsL1, l1Control), budget);
    }, 600_000);
    it(`[${budget}] prior-improves rejects Decomp estimators that return the L1 estimate`, () => {
      assertRejected(withSubject(statsPriorImproves, l1Control), budget);
    }, 600_000);
    it(`[${budget}] time-ratios rejects Decomp estimators that return the L1 estimate`, () => {
      assertRejected(withSubject(statsTimeRatios, l1Control), budget);
    }, 600_000);
    it(`[${budget}] sparsity-l1-zero rejects an L1 without its ℓ1 term`, () => {
      assertRejected(withSubject(statsSparsityL1Zero, { ...statsSubject, L1: l1NoShrink, 'Decomp-sparse': decompAsL1, 'Decomp-prior': decompAsL1 }), budget);
    }, 600_000);
  }
  it('[quick] prior-improves and time-ratios reject a Decomp-prior that drops (43c) and (43d)', () => {
    const c = { ...statsSubject, 'Decomp-prior': priorDropped };
    assertRejected(withSubject(statsPriorImproves, c), 'quick');
    assertRejected(withSubject(statsTimeRatios, c), 'quick');
  }, 600_000);
});

describe('agh21.stats.pd-priors-equals-conic negative control', () => {
  it('rejects the prior-free primal–dual solver (priors (43c), (43d) dropped)', () => {
    const dropped: PriorsSolver = (p, cuts) => {
      const r = solveDecompPathPD({ ...p, priors: [] }, cuts);
      return { value: r.value, lowerBound: r.lowerBound };
    };
    assertRejected(withSubject(statsPdPriorsEqualsConic, { ...statsPdPriorsEqualsConic.subject, pd: dropped }), 'quick', 20);
  }, 600_000);
});
