/**
 * Negative controls for the agh21.scale claims: each claim with a wrong subject must be rejected.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../src/claims/claim.ts';
import { solveChainBlock } from '../src/signal/lagrangian/chain-qp.ts';
import type { SegmentSolver } from '../src/signal/lagrangian/segments.ts';
import { getCardinalityRelaxation } from '../src/signal/studies/relaxations.ts';
import {
  accelDecompGap,
  accelL1FarLarger,
  accelLowerBoundValid,
  accelSubject,
  decompBlockShortcut,
  lagrangianValidBound,
  table3DecompositionWins,
  table3ErrorsComparable,
  table3FewSubproblems,
  table3NoIterations,
  table3UnderMinute,
} from '../theorems/agh21/scale.ts';
import { decompBlockAlg1 } from '../src/signal/lagrangian/decomp-block.ts';
import { assertRejected } from '../properties/support.ts';

const persp: SegmentSolver = (p) => solveChainBlock('persp', p);
const l1: SegmentSolver = (p) => solveChainBlock('l1', p);

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* wait */
  }
}

describe('agh21.scale negative controls', () => {
  it('valid-bound rejects block values overestimated by 1 (wrong constant)', () => {
    assertRejected(withSubject(lagrangianValidBound, { block: (p) => ({ ...persp(p), value: persp(p).value + 1 }) }));
  });
  it('decomp-block-shortcut rejects persp in place of the certified decomp block', () => {
    assertRejected(withSubject(decompBlockShortcut, { fast: persp, reference: decompBlockAlg1 }), 'quick', 8);
  });
  it('accel-decomp-gap rejects ℓ1 in place of decomp', () => {
    assertRejected(withSubject(accelDecompGap, { ...accelSubject, decomp: accelSubject.l1 }));
  });
  it('accel-l1-far-larger rejects decomp in place of ℓ1', () => {
    assertRejected(withSubject(accelL1FarLarger, { ...accelSubject, l1: accelSubject.decomp }));
  });
  it('accel-lb-valid rejects a decomp bound raised by 10 %', () => {
    const raised = (y: Float64Array, lambda: number, k: number) => {
      const r = accelSubject.decomp(y, lambda, k);
      return { ...r, lowerBound: r.lowerBound * 1.1 };
    };
    assertRejected(withSubject(accelLowerBoundValid, { ...accelSubject, decomp: raised }));
  });
  it('accel claims also reject the persp relaxation labelled as ℓ1 only where it must (sanity: persp is not ℓ1)', () => {
    // persp's gaps are small (≈ 1 %), so "ℓ1 far larger" must fail with persp as ℓ1
    assertRejected(withSubject(accelL1FarLarger, { ...accelSubject, l1: getCardinalityRelaxation('persp') }));
  });
  it('table3-decomposition-wins rejects a block solver with a fixed 50 ms cost per call', () => {
    assertRejected(withSubject(table3DecompositionWins, { block: (p) => (busyWait(50), persp(p)) }));
  });
  it('table3-m10-no-iterations rejects the ℓ1 stand-in (dense x, boundaries never agree)', () => {
    assertRejected(withSubject(table3NoIterations, { block: l1 }));
  });
  it('table3-few-subproblems rejects a block solver without the ℓ0 term and with multiplier terms of the wrong sign', () => {
    assertRejected(withSubject(table3FewSubproblems, { block: (p) => persp({ ...p, kappa: 0, cFirst: -50 * p.cFirst, cLast: -50 * p.cLast }) }));
  });
  it('table3-errors-comparable rejects a block solver that drops every block but the first', () => {
    assertRejected(
      withSubject(table3ErrorsComparable, {
        block: (p) => {
          const r = persp(p);
          return p.index === 0 ? r : { ...r, x: new Float64Array(p.y.length) };
        },
      }),
    );
  });
  it('table3-under-minute rejects a wrong bound (0.5 s instead of 60 s)', () => {
    assertRejected(withSubject(table3UnderMinute, { ...table3UnderMinute.subject, minuteBoundSeconds: 0.5 }));
  });
});
