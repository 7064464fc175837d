import { describe, expect, it } from 'vitest';
import { statsClaims } from '../../theorems/agh21/stats.ts';
import { assertClaim, assertTimingRun, runForTest } from '../support.ts';

/**
 * The §5.2 study claims at the quick budget (a miniature: n = 100, s = 1, σ ∈ {0.3, 0.9}, 2 instances,
 * 2 × 3 grid; one study shared by all claims). These are statistical statements about the paper, and a
 * miniature may legitimately not reproduce one: the outcomes measured at quick are pinned here (the study
 * is deterministic in its seed), so a change of verdict shows up and the README's table is updated with it.
 * The time claim measures wall-clock ratios, which depend on the machine: it must run, either way.
 */
const QUICK_OUTCOME: Record<string, 'pass' | 'fail' | 'timing'> = {
  'agh21.stats.error-halved': 'pass',
  'agh21.stats.fp-order-lower': 'pass',
  'agh21.stats.prior-improves': 'pass',
  // at σ = 0.9 (SNR 0.11) one of the two instances selects a dense L1 pair: mean FP 15.5 > FN 6.5 / 5
  'agh21.stats.sparsity-l1-zero': 'fail',
  // at σ = 0.9 (SNR 0.11) Decomp-sparse's mean error is above L1's (1.34 against 1.05)
  'agh21.stats.sparsity-decomp-beats-l1': 'fail',
  'agh21.stats.time-ratios': 'timing',
  'agh21.stats.pd-priors-equals-conic': 'pass',
};

describe('agh21.stats (§5.2 statistical study) — quick budget', () => {
  for (const claim of statsClaims) {
    it(claim.id, () => {
      const want = QUICK_OUTCOME[claim.id];
      // a miniature never confirms: a pass is consistent at reduced scale, a failure is not reproduced
      if (claim.provenance === 'ours') return void expect(assertClaim(claim).verdict).toBe('holds');
      if (want === 'pass') return void expect(assertClaim(claim).verdict).toBe('consistent-at-reduced-scale');
      if (want === 'timing') return void assertTimingRun(claim);
      const r = runForTest(claim, 'quick');
      expect(r.status, `${claim.id}: the quick outcome changed (update the README)`).toBe('fail');
      expect(r.verdict).toBe('not-reproduced');
    }, 600_000);
  }
});
