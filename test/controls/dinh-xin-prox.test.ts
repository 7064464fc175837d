/**
 * Negative controls for the prox claims: each claim, given a deliberately
 * wrong operator, is rejected by the same check with a shrunk counterexample.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { hardScalar, softScalar, tl1Scalar, tl1Threshold } from '../../src/prox/scalar.ts';
import {
  hardBruteForce,
  proxStructure,
  softBruteForce,
  tl1BruteForce,
  tl1Limits,
  tl1ThresholdClaim,
  tl1ThresholdShape,
  vectorSubject,
  type ScalarProxSubject,
} from '../../theorems/dinh-xin/prox.ts';
import { assertRejected } from '../support.ts';

/** TL1 that always uses the subcritical threshold τ(a+1)/a, even in the supercritical regime. */
const tl1WrongThreshold: ScalarProxSubject = {
  threshold: (t, a) => (t * (a + 1)) / a,
  prox: (x, t, a) => tl1Scalar(x, t, a, (t * (a + 1)) / a),
};

describe('negative controls: prox claims reject wrong operators', () => {
  it('soft thresholding at 1.1τ is rejected', () => {
    const r = assertRejected(withSubject(softBruteForce, { prox: (x, t) => softScalar(x, 1.1 * t), threshold: (t) => 1.1 * t }));
    expect(r.counterexample!.shrinks).toBeGreaterThanOrEqual(0);
  });
  it('hard thresholding at τ instead of √(2τ) is rejected', () => {
    assertRejected(withSubject(hardBruteForce, { prox: (x, t) => hardScalar(x, t), threshold: (t) => t }));
  });
  it('TL1 with the subcritical threshold in the supercritical regime is rejected (brute force)', () => {
    assertRejected(withSubject(tl1BruteForce, tl1WrongThreshold));
  });
  it('TL1 with the subcritical threshold in the supercritical regime is rejected (threshold claim)', () => {
    assertRejected(withSubject(tl1ThresholdClaim, tl1WrongThreshold));
  });
  it('the TL1 threshold shape claim rejects the subcritical threshold τ(a+1)/a used in both regimes (no a → 0 limit)', () => {
    assertRejected(withSubject(tl1ThresholdShape, tl1WrongThreshold));
  });
  it('the TL1 threshold shape claim rejects a regime switch at τ ≤ a²/(a+1) (a dropped ½: t* jumps up at the switch)', () => {
    const threshold = (t: number, a: number): number => (t <= (a * a) / (a + 1) ? (t * (a + 1)) / a : Math.sqrt(2 * t * (a + 1)) - a / 2);
    assertRejected(withSubject(tl1ThresholdShape, { threshold, prox: (x, t, a) => tl1Scalar(x, t, a, threshold(t, a)) }));
  });
  it('a TL1 map whose threshold lags √(2τ) by O(√a) is rejected by the rate claim', () => {
    assertRejected(
      withSubject(tl1Limits, {
        threshold: (t, a) => tl1Threshold(t, a) + Math.sqrt(a) * 0.01,
        prox: (x, t, a) => tl1Scalar(x, t, a, tl1Threshold(t, a) + Math.sqrt(a) * 0.01),
      }),
    );
  });
  it('a non-odd, expanding operator is rejected by the structure claim', () => {
    assertRejected(
      withSubject(proxStructure, {
        ...vectorSubject,
        prox: (p, x, tau) => {
          const out = vectorSubject.prox(p, x, tau);
          for (let i = 0; i < out.length; i++) if (x[i] > 0) out[i] *= 1.01;
          return out;
        },
      }),
    );
  });
  it('an operator that is not zero below its threshold is rejected by the structure claim', () => {
    assertRejected(
      withSubject(proxStructure, {
        ...vectorSubject,
        threshold: (p, tau) => 1.5 * vectorSubject.threshold(p, tau),
      }),
    );
  });
});
