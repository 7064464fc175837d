/**
 * Negative controls of theorems/agh21/lagrangian.ts: breakpoints by rounding j·n/m (blocks of
 * near-equal size), ξ with the wrong sign, ξ without −γ_j/(2λ) (the dual missing −Σγ²/(4λ)), and
 * block solvers that drop the ℓ0 weight κ are rejected by the same checks. The convergence claim rejects the
 * next-weaker block relaxations — persp, and pairwise (9) (Algorithm 1 stopped after its first round) — and a
 * loop whose ξ has the boundary difference reversed, at quick and default.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { solveChainBlock } from '../../src/signal/lagrangian/chain-qp.ts';
import { blockSignalProblem, decompBlockAlg1 } from '../../src/signal/lagrangian/decomp-block.ts';
import { lagrangianDecompositionSync, type LagrangianResult } from '../../src/signal/lagrangian/method.ts';
import { segmentStarts, type SegmentSolver } from '../../src/signal/lagrangian/segments.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import {
  breakpointsClaim,
  convergesToUnstrengthenedClaim,
  limitSubject,
  oneIterationStopClaim,
  subgradientClaim,
  subgradientSubject,
  type LimitSubject,
} from '../../theorems/agh21/lagrangian.ts';
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

const perspBlock: SegmentSolver = (p) => solveChainBlock('persp', p);
/** pairwise (9) on the block: Algorithm 1's first round (Δ = {1} on every edge; docs/claims/agh21.md#algorithm-1-first-round). */
const pairwiseBlock: SegmentSolver = (p) => {
  const r = decompRelaxation(blockSignalProblem(p), { maxRounds: 1 });
  return { value: r.lowerBound, x: r.x, z: r.z };
};

/**
 * The method with ξ_j = −γ_j/(2λ) + x*_{ℓ_j} − x*_{ℓ_j−1} (the boundary difference reversed), otherwise as
 * published: γ⁰ = 0, 1/h steps, stop at ‖ξ‖∞ < 1e-3 or h_max.
 */
const wrongSignLoop: LimitSubject['run'] = (problem, { m, hMax }, block) => {
  const y = Float64Array.from(problem.y);
  const n = y.length;
  const { lambda, kappa } = problem;
  const st = segmentStarts(n, m);
  const u = Math.max(...y);
  const gamma = new Float64Array(m + 1);
  const xi = new Float64Array(m + 1);
  const x = new Float64Array(n);
  let best = -Infinity;
  let h = 0;
  let converged = false;
  while (h < hMax) {
    h++;
    let L = 0;
    for (let j = 0; j < m; j++) {
      const r = block({ index: j, y: y.slice(st[j], st[j + 1]), lambda, kappa, mu1: 0, u, cFirst: j > 0 ? -gamma[j] : 0, cLast: j < m - 1 ? gamma[j + 1] : 0 });
      L += r.value;
      x.set(r.x, st[j]);
    }
    let xiInf = 0;
    for (let j = 1; j < m; j++) {
      L -= (gamma[j] * gamma[j]) / (4 * lambda);
      xi[j] = -gamma[j] / (2 * lambda) + x[st[j]] - x[st[j] - 1];
      xiInf = Math.max(xiInf, Math.abs(xi[j]));
    }
    best = Math.max(best, L);
    if (xiInf < 1e-3) {
      converged = true;
      break;
    }
    for (let j = 1; j < m; j++) gamma[j] += xi[j] / h;
  }
  return { lowerBound: best, x, gamma: gamma.slice(1, m), iterations: h, converged } as LagrangianResult;
};

describe('negative controls: convergence to decomp with the cut edges unstrengthened', () => {
  for (const budget of ['quick', 'default'] as const) {
    it(`persp blocks stop below U (${budget})`, () => {
      const r = assertRejected(withSubject(convergesToUnstrengthenedClaim, { ...limitSubject, block: perspBlock }), budget);
      expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/^U − max_h/);
    }, 300_000);
    it(`pairwise (9) blocks stop below U (${budget})`, () => {
      const r = assertRejected(withSubject(convergesToUnstrengthenedClaim, { ...limitSubject, block: pairwiseBlock }), budget);
      expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/^U − max_h/);
    }, 300_000);
  }
  // a wrong loop, not a weaker relaxation: quick only (default draws the same first instance; each evaluation runs ~40 iterations)
  it('ξ with the boundary difference reversed stops below U (quick)', () => {
    const r = assertRejected(withSubject(convergesToUnstrengthenedClaim, { ...limitSubject, run: wrongSignLoop }));
    expect(r.counterexample!.comparisons.find((c) => !c.pass)!.quantity).toMatch(/^U − max_h/);
  }, 300_000);
});
