/**
 * Negative controls for the agh21.scale claims: each claim with a plausible wrong implementation (a weaker
 * relaxation, a dropped term, a missing constant, an uncertified shortcut) must be rejected. The weaker-method
 * controls (persp in decomp's place) run at the quick AND default budgets where the claim can tell them apart;
 * docs/claims/agh21.md#at-scale-51-table-3 says which claims cannot, and why.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { solveChainBlock } from '../../src/signal/lagrangian/chain-qp.ts';
import { blockExact, blockSignalProblem, decompBlock, decompBlockAlg1 } from '../../src/signal/lagrangian/decomp-block.ts';
import { lagrangianSteps, type LagrangianResult } from '../../src/signal/lagrangian/method.ts';
import type { SegmentResult, SegmentSolver } from '../../src/signal/lagrangian/segments.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { getCardinalityRelaxation, type CardinalityRelaxation } from '../../src/signal/studies/relaxations.ts';
import {
  accelDecompGap,
  accelL1FarLarger,
  accelLowerBoundValid,
  accelSubject,
  decompBlockShortcut,
  lagrangianValidBound,
  memoRelaxation,
  table3BoundStrength,
  table3DecompositionWins,
  table3ErrorsComparable,
  table3FewSubproblems,
  table3NoIterations,
  type LagrangianMethod,
} from '../../theorems/agh21/scale.ts';
import { assertRejected } from '../support.ts';

const persp: SegmentSolver = (p) => solveChainBlock('persp', p);
/** pairwise (9) on the block: Algorithm 1's first round (Δ = {1}; docs/claims/agh21.md#algorithm-1-first-round). */
const pairwise: SegmentSolver = (p) => {
  const r = decompRelaxation(blockSignalProblem(p), { maxRounds: 1 });
  return { value: r.lowerBound, x: r.x, z: r.z };
};
const perspRelaxation = memoRelaxation(getCardinalityRelaxation('persp'));

/**
 * The Lagrangian loop with the dual missing −Σγ_j²/(4λ) (w_j's closed-form minimum forgotten): the same
 * multiplier trajectory (the subgradient is right), but the "bound" is Σ_j B_j(γ) at each iteration.
 */
const dualWithoutGammaSquared: LagrangianMethod = (problem, options, block) => {
  const gen = lagrangianSteps(problem, options);
  const values = new Map<number, number>();
  let best = -Infinity;
  let step = gen.next();
  while (!step.done) {
    const out: SegmentResult[] = step.value.map((p) => block(p));
    step.value.forEach((p, i) => values.set(p.index, out[i].value));
    let dual = 0;
    for (const v of values.values()) dual += v;
    best = Math.max(best, dual);
    step = gen.next(out);
  }
  const r: LagrangianResult = step.value;
  return { ...r, lowerBound: best };
};

/** A shortcut without its certificate: returns persp's value and the DP's point whenever that point is feasible. */
const uncertifiedShortcut: SegmentSolver = (p) => {
  const ex = blockExact(p);
  if (ex) return { value: persp(p).value, x: ex.x, z: ex.z, work: 0, state: p.warm };
  return decompBlock(p);
};

/** decomp's bound without the constant ‖y‖² of (41) (the gap (42) needs it included). */
const decompWithoutConstant: CardinalityRelaxation = (y, lambda, k) => {
  const r = accelSubject.decomp(y, lambda, k);
  let c = 0;
  for (const v of y) c += v * v;
  return { ...r, lowerBound: r.lowerBound - c };
};

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* wait */
  }
}

describe('agh21.scale negative controls', () => {
  for (const budget of ['quick', 'default'] as const) {
    it(`lagrangian-valid-bound rejects persp blocks (the next weaker relaxation) at ${budget}`, () => {
      const r = assertRejected(withSubject(lagrangianValidBound, { ...lagrangianValidBound.subject, block: persp }), budget);
      expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/½\(OPT − persp\)/);
    }, 300_000);
    it(`lagrangian-valid-bound rejects pairwise (9) blocks (the next weaker than decomp) at ${budget}`, () => {
      const r = assertRejected(withSubject(lagrangianValidBound, { ...lagrangianValidBound.subject, block: pairwise }), budget);
      expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/½\(OPT − persp\)/);
    }, 300_000);
    it(`table3-bound-strength rejects persp blocks on every cell at ${budget} (the control of the three loop claims)`, () => {
      const r = assertRejected(withSubject(table3BoundStrength, { block: persp }), budget);
      const failed = r.counterexample!.comparisons.filter((c) => !c.pass);
      // every cell's strength comparison fails, no validity comparison does
      expect(failed.length).toBe(r.counterexample!.comparisons.length / 2);
      expect(failed.every((c) => /½\(OPT − persp\)/.test(c.quantity))).toBe(true);
    }, 600_000);
    it(`accel-decomp-gap rejects persp in place of decomp at ${budget}`, () => {
      const r = assertRejected(withSubject(accelDecompGap, { ...accelSubject, decomp: perspRelaxation }), budget);
      // persp fails the average, the per-λ and the per-k comparisons alike
      expect(r.counterexample!.comparisons.filter((c) => !c.pass).length).toBe(3);
    }, 300_000);
  }
  it('lagrangian-valid-bound rejects a dual missing −Σγ²/(4λ)', () => {
    const r = assertRejected(withSubject(lagrangianValidBound, { ...lagrangianValidBound.subject, method: dualWithoutGammaSquared }), 'quick', 10);
    expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/dual bound − OPT/);
  }, 300_000);
  it('decomp-block-shortcut rejects a shortcut without its persp = OPT certificate', () => {
    assertRejected(withSubject(decompBlockShortcut, { fast: uncertifiedShortcut, reference: decompBlockAlg1 }), 'quick', 8);
  }, 300_000);
  it('accel-decomp-gap rejects ℓ1 in place of decomp', () => {
    assertRejected(withSubject(accelDecompGap, { ...accelSubject, decomp: accelSubject.l1 }));
  });
  it('accel-l1-far-larger rejects decomp, and persp, in place of ℓ1', () => {
    assertRejected(withSubject(accelL1FarLarger, { ...accelSubject, l1: accelSubject.decomp }));
    assertRejected(withSubject(accelL1FarLarger, { ...accelSubject, l1: perspRelaxation }));
  }, 300_000);
  it('accel-lb-valid rejects a decomp bound without the constant ‖y‖²', () => {
    assertRejected(withSubject(accelLowerBoundValid, { ...accelSubject, decomp: decompWithoutConstant }));
  }, 300_000);
  it('table3-decomposition-wins rejects a block solver with a 50 ms setup per call (a solver process per block)', () => {
    assertRejected(withSubject(table3DecompositionWins, { block: (p) => (busyWait(50), persp(p)) }));
  }, 300_000);
  it('table3-few-subproblems rejects blocks without the ℓ0 term and multiplier terms of the wrong sign, 50× too large', () => {
    assertRejected(withSubject(table3FewSubproblems, { block: (p) => persp({ ...p, kappa: 0, cFirst: -50 * p.cFirst, cLast: -50 * p.cLast }) }));
  }, 300_000);
  it('table3-m10-no-iterations rejects blocks that drop the ℓ0 term (κ not passed to the blocks)', () => {
    const r = assertRejected(withSubject(table3NoIterations, { block: (p) => persp({ ...p, kappa: 0 }) }));
    expect(r.published.find((p) => p.key === 'iter-m10-k0.01')!.ours).toBeGreaterThan(1);
  }, 300_000);
  it('table3-errors-comparable rejects a loop that keeps only the first block of each solve', () => {
    assertRejected(
      withSubject(table3ErrorsComparable, {
        block: (p) => {
          const r = persp(p);
          return p.index === 0 ? r : { ...r, x: new Float64Array(p.y.length) };
        },
      }),
    );
  }, 300_000);
});
