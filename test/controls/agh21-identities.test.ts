/**
 * Negative controls of theorems/agh21/identities.ts: plausible wrong implementations (a shift by ν
 * instead of ν/2, the weight μ instead of μ/M, persp in place of the big-M relaxation, ℓ1 in place of
 * persp, the reverse-Huber threshold at μ/r instead of √(μ/r)) are rejected by the same checks.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { l1Relaxation, perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { bigMIsL1, bigMSubject, l1ShiftedSmoothing, reverseHuber, reverseHuberSubject, shiftSubject } from '../../theorems/agh21/identities.ts';
import { assertRejected } from '../support.ts';

describe('negative controls: agh21 identities', () => {
  for (const budget of ['quick', 'default'] as const) {
    it(`l1-shifted-smoothing rejects a shift by ν (the factor 1/2 of ‖y − x‖² dropped) (${budget})`, () => {
      assertRejected(withSubject(l1ShiftedSmoothing, { ...shiftSubject, shift: (y, nu) => Array.from(y, (v) => v - nu) }), budget);
    });
    it(`bigm-equals-l1 rejects the weight μ (not divided by M) (${budget})`, () => {
      assertRejected(withSubject(bigMIsL1, { ...bigMSubject, weight: (mu) => mu }), budget);
    });
    it(`bigm-equals-l1 rejects persp in place of the big-M relaxation (${budget})`, () => {
      assertRejected(withSubject(bigMIsL1, { ...bigMSubject, relax: (p) => perspRelaxation(p) }), budget);
    });
    it(`persp-reverse-huber rejects ℓ1 in place of persp (${budget})`, () => {
      assertRejected(withSubject(reverseHuber, { ...reverseHuberSubject, persp: (p) => l1Relaxation(p) }), budget);
    });
  }
  it('persp-reverse-huber rejects the threshold μ/r in place of √(μ/r)', () => {
    assertRejected(withSubject(reverseHuber, { ...reverseHuberSubject, rh: (x, r, mu) => (x <= mu / r ? 2 * Math.sqrt(r * mu) * x : r * x * x + mu) }), 'default');
  });
});
