/**
 * The direct solver of the Lagrangian method's limit (src/signal/studies/lagrangian-limit.ts): decomp of the path
 * with the cut edges left unstrengthened.
 */
import { describe, expect, it } from 'vitest';
import { pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { accepted, unstrengthenedDecomp } from '../../src/signal/studies/lagrangian-limit.ts';
import type { SpecSolution } from '../../src/signal/relax/solve.ts';

describe('unstrengthenedDecomp (the limit solved directly)', () => {
  const y = Float64Array.from([0, 0.05, 0.1, 0.02, 0.3, 0.7, 1, 0.8, 0.4, 0.1, 0, 0.04]);
  it('m = 1 is decomp of the whole path: between persp and OPT, no cut edge', () => {
    const p = signalProblem({ y, lambda: 0.5, mu: 0.02 });
    const U = unstrengthenedDecomp(y, 0.5, 0.02, 1);
    expect(U.cutEdges).toEqual([]);
    expect(U.stop).toBe('no-violated-cut');
    expect(U.lowerBound).toBeLessThanOrEqual(U.value + 1e-6);
    expect(U.value).toBeGreaterThanOrEqual(perspRelaxation(p).lowerBound - 1e-6);
    expect(U.value).toBeLessThanOrEqual(pathExactL0(p).objective + 1e-6);
  });
  it('cutting edges weakens it (m = 4 ≤ m = 1), cut edges at ℓ_j − 1', () => {
    const U1 = unstrengthenedDecomp(y, 0.5, 0.02, 1);
    const U4 = unstrengthenedDecomp(y, 0.5, 0.02, 4);
    expect(U4.cutEdges).toEqual([[2, 3], [5, 6], [8, 9]]);
    expect(U4.value).toBeLessThanOrEqual(U1.value + 1e-6);
    expect(U4.x.length).toBe(12);
  });
  it('a round limit stops the cut loop with a value ≤ the converged one', () => {
    const U = unstrengthenedDecomp(y, 0.8, 0.01, 2);
    const U1 = unstrengthenedDecomp(y, 0.8, 0.01, 2, 1);
    expect(U1.rounds).toBe(1);
    expect(['max-rounds', 'no-violated-cut']).toContain(U1.stop);
    expect(U1.value).toBeLessThanOrEqual(U.value + 1e-7);
    expect(U.maxViolation).toBeLessThanOrEqual(1e-6);
  });
  it('takes a solve stopped on a degenerate optimum only with a small gap and small residuals', () => {
    const sol = (status: string, gapRel: number, primalResidualRel: number, dualResidual: number): SpecSolution =>
      ({ status, v: new Float64Array(0), primal: 0, dual: 0, certificate: { gapRel, primalResidualRel, dualResidual, primalResidual: 1e-6 * 100 } }) as unknown as SpecSolution;
    expect(accepted(sol('optimal', 1e-9, 1e-9, 1e-9))).toBe(true);
    expect(accepted(sol('numerical_error', 2e-10, 1e-8, 1.5e-9))).toBe(true);
    expect(accepted(sol('almost_optimal', 1.7e-6, 1e-8, 1e-8))).toBe(false);
    expect(accepted(sol('numerical_error', 1e-9, 1e-5, 1e-8))).toBe(false);
    expect(accepted(sol('max_iterations', 1e-9, 1e-8, 1e-8))).toBe(false);
  });
});
