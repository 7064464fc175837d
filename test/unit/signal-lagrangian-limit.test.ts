/**
 * The direct solver of the Lagrangian method's limit (src/signal/studies/lagrangian-limit.ts): decomp of the path
 * with the cut edges left unstrengthened.
 */
import { describe, expect, it } from 'vitest';
import { pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { unstrengthenedDecomp } from '../../src/signal/studies/lagrangian-limit.ts';

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
});
