/**
 * Negative controls of theorems/agh21/lagrangian.ts: breakpoints by rounding j·n/m (blocks of
 * near-equal size), ξ with the wrong sign, ξ without −γ_j/(2λ) (the dual missing −Σγ²/(4λ)), and
 * block solvers that drop the ℓ0 weight κ are rejected by the same checks.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { decompBlockAlg1 } from '../../src/signal/lagrangian/decomp-block.ts';
import { lagrangianDecompositionSync } from '../../src/signal/lagrangian/method.ts';
import { breakpointsClaim, oneIterationStopClaim, subgradientClaim, subgradientSubject } from '../../theorems/agh21/lagrangian.ts';
import { assertRejected } from '../support.ts';

describe('negative controls: §4.3 mechanics', () => {
  it('breakpoints by rounding j·n/m (near-equal blocks) are rejected', () => {
    assertRejected(withSubject(breakpointsClaim, {
      starts: (n: number, m: number) => {
        const s = new Int32Array(m + 1);
        for (let j = 0; j < m; j++) s[j] = Math.round((j * n) / m);
        s[m] = n;
        return s;
      },
    }));
  });
  for (const budget of ['quick', 'default'] as const) {
    it(`ξ with the wrong sign (x*_{ℓ_j} − x*_{ℓ_j−1}) is not a supergradient (${budget})`, () => {
      assertRejected(withSubject(subgradientClaim, { ...subgradientSubject, xi: (g, xl, xr, l) => -g / (2 * l) - xl + xr }), budget);
    });
    it(`ξ without −γ_j/(2λ) (the dual's −Σγ²/(4λ) forgotten) is not a supergradient (${budget})`, () => {
      assertRejected(withSubject(subgradientClaim, { ...subgradientSubject, xi: (_g, xl, xr) => xl - xr }), budget);
    });
    it(`blocks solved without the ℓ0 weight κ leave the boundaries nonzero and need more iterations (${budget})`, () => {
      assertRejected(withSubject(oneIterationStopClaim, {
        run: (y: number[], lambda: number, kappa: number, m: number) =>
          lagrangianDecompositionSync({ y, lambda, kappa }, { m }, (p) => decompBlockAlg1({ ...p, kappa: 0 })),
      }), budget);
    });
  }
});
