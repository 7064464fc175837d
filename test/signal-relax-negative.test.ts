/**
 * Negative controls for the relaxation claims (theorems/agh21/relax*.ts): each claim, given a
 * deliberately wrong subject (wrong formula, wrong relaxation, missing inequality, early stop),
 * is rejected with a counterexample.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../src/claims/claim.ts';
import type { SignalProblem } from '../src/signal/model.ts';
import { addG } from '../src/signal/relax/build.ts';
import { cuttingSurface, decompRelaxation } from '../src/signal/relax/decomp.ts';
import { ineq12, pairF, pairGExplicit, separatePair } from '../src/signal/relax/pair.ts';
import { pairwiseRelaxation, perspRelaxation } from '../src/signal/relax/relaxations.ts';
import { solveSpec } from '../src/signal/relax/solve.ts';
import { ConicSpec } from '../src/signal/relax/spec.ts';
import { branchAndBound } from '../src/signal/bnb.ts';
import { solveDecompPath } from '../src/signal/relax/path-barrier.ts';
import { solveDecompPathPD } from '../src/signal/relax/path-pd.ts';
import {
  example2SeparationMisprint, example2SepSubject, gExplicitClaim, gTightClaim, homogeneityClaim, pairFormsSubject, prop11Claim,
} from '../theorems/agh21/relax-pair.ts';
import {
  alg1FirstRoundClaim, barrierCertClaim, pdCertClaim, bnbClaim, example1Claim, example1Misprint, example2Claim, example2Decomp1Misprint, example2IteratesClaim,
  example2ZetaLabelMisprint, orderingClaim, prop1Claim, prop6Claim, relaxSubject, theorem4Claim,
} from '../theorems/agh21/relax.ts';
import type { PairObjective } from '../properties/arbitraries/signal-relax.ts';
import { assertRejected } from '../properties/support.ts';

/** Hull minimum with only inequality (12) — a relaxation weaker than cl conv(Z²). */
function hullOnly12(o: PairObjective): number {
  const spec = new ConicSpec();
  const x1 = spec.variable('x1', 0, Infinity, o.b1);
  const x2 = spec.variable('x2', 0, Infinity, o.b2);
  const z1 = spec.variable('z1', 0, 1, o.a1);
  const z2 = spec.variable('z2', 0, 1, o.a2);
  const p1 = spec.variable('p1', 0, Infinity);
  const p2 = spec.variable('p2', 0, Infinity);
  spec.rotated(x1, p1, z1);
  spec.rotated(x2, p2, z2);
  spec.cost(addG(spec, x1, x2, z1, z2, p1, p2, o.d1, o.d2, 'g', '12'), 1);
  return solveSpec(spec).primal;
}

/** The sign-free rank-one hull (x₁ − x₂)² ≤ s·min(1, z₁ + z₂) (note §8.8): weaker than f for x ≥ 0. */
function hullRankOne(o: PairObjective): number {
  const spec = new ConicSpec();
  const x1 = spec.variable('x1', 0, Infinity, o.b1);
  const x2 = spec.variable('x2', 0, Infinity, o.b2);
  const z1 = spec.variable('z1', 0, 1, o.a1);
  const z2 = spec.variable('z2', 0, 1, o.a2);
  const s = spec.variable('s', 0, Infinity, 1);
  const w = spec.variable('w', 0, 1);
  const dlt = spec.variable('dlt');
  spec.row([w, z1, z2], [1, -1, -1], '<=', 0);
  spec.row([dlt, x1, x2], [1, -1, 1], '=', 0);
  spec.rotated(dlt, s, w);
  return solveSpec(spec).primal;
}

describe('negative controls: relaxation claims reject wrong subjects', () => {
  it('prop6-decomp-equals-23 rejects a cutting-surface method stopped at persp (no cut)', () => {
    assertRejected(withSubject(prop6Claim, { ...prop6Claim.subject, simple: (p: SignalProblem) => cuttingSurface(p, { decompositions: [] }).values[0] }));
  });
  it('barrier-equals-conic rejects a barrier solve stopped at relative gap 1e-3', () => {
    assertRejected(withSubject(barrierCertClaim, {
      ...barrierCertClaim.subject,
      barrier: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPath(p, cuts, { relTol: 1e-3 });
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }));
  });
  it('barrier-equals-conic rejects a barrier solve of the wrong cuts (d ↦ 1/d)', () => {
    assertRejected(withSubject(barrierCertClaim, {
      ...barrierCertClaim.subject,
      barrier: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPath(p, cuts.map((c) => c.map((d) => 1 / d)));
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }), 'default');
  });
  it('pd-equals-conic rejects a primal–dual solve stopped at relative gap 1e-2', () => {
    assertRejected(withSubject(pdCertClaim, {
      ...pdCertClaim.subject,
      pd: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPathPD(p, cuts, { relTol: 1e-2 });
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }));
  });
  it('pd-equals-conic rejects a primal–dual solve of the wrong cuts (d ↦ 1/d)', () => {
    assertRejected(withSubject(pdCertClaim, {
      ...pdCertClaim.subject,
      pd: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPathPD(p, cuts.map((c) => c.map((d) => 1 / d)));
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }), 'default');
  });
  it('g-explicit rejects an explicit g that always uses the z₁ ≥ z₂ branches', () => {
    assertRejected(withSubject(gExplicitClaim, {
      ...pairFormsSubject,
      gExplicit: (z1, z2, x1, x2, d1, d2) => pairGExplicit(Math.max(z1, z2), Math.min(z1, z2), x1, x2, d1, d2),
    }));
  });
  it('g-tight-integer rejects g without its separable part (d₁ f(z, x₁, x₂/d₁) only)', () => {
    assertRejected(withSubject(gTightClaim, { ...pairFormsSubject, g: (z1, z2, x1, x2, d1) => d1 * pairF(z1, z2, x1, x2 / d1) }));
  });
  it('g-tight-integer also rejects a g scaled by 0.9 (not an overestimate at fractional points)', () => {
    assertRejected(withSubject(gTightClaim, { ...pairFormsSubject, g: (z1, z2, x1, x2, d1, d2) => 0.9 * ineq12(z1, z2, x1, x2, d1, d2) }));
  });
  it('prop11-closed-form rejects the inverted d* = √(A/B)', () => {
    assertRejected(withSubject(prop11Claim, {
      ...pairFormsSubject,
      separate: (zi, zj, xi, xj, gii, gij, gjj) => {
        const s = separatePair(zi, zj, xi, xj, gii, gij, gjj);
        return { ...s, dStar: 1 / s.dStar, violation: s.violation };
      },
    }));
  });
  it('homogeneity rejects f + x₁', () => {
    assertRejected(withSubject(homogeneityClaim, { ...pairFormsSubject, f: (z1, z2, a, b) => pairF(z1, z2, a, b) + a }));
  });
  it('example2-iter2-separation rejects a separation that returns the printed 1.06', () => {
    assertRejected(withSubject(example2SeparationMisprint, { ...example2SepSubject, separate: () => 1.06 }));
  });
  it('example1 rejects persp in place of ℓ1', () => {
    assertRejected(withSubject(example1Claim, { ...relaxSubject, l1: relaxSubject.persp }));
  });
  it('example1-problem-reference rejects the pairwise relaxation as "exact"', () => {
    assertRejected(withSubject(example1Misprint, {
      ...relaxSubject,
      exact: (p: SignalProblem) => {
        const r = pairwiseRelaxation(p);
        return { objective: r.value, x: r.x, z: r.z };
      },
    }));
  });
  it('example2 rejects persp in place of pairwise', () => {
    assertRejected(withSubject(example2Claim, { ...relaxSubject, pairwise: relaxSubject.persp }));
  });
  it('example2 rejects Algorithm 1 stopped after its first round', () => {
    assertRejected(withSubject(example2Claim, { ...relaxSubject, decomp: (p: SignalProblem) => decompRelaxation(p, { maxRounds: 1 }) }));
  });
  it('example2-decomp1-point rejects the decomp.2 decomposition in place of decomp.1', () => {
    assertRejected(withSubject(example2Decomp1Misprint, { ...relaxSubject, iterate: (p: SignalProblem) => cuttingSurface(p, { decompositions: [[2, 2, 1, 2]] }) }));
  });
  it('example2-iterates rejects a method that ignores the given cuts (adds d = 1 everywhere)', () => {
    assertRejected(withSubject(example2IteratesClaim, {
      ...relaxSubject,
      iterate: (p: SignalProblem, ds: number[][]) => cuttingSurface(p, { decompositions: ds.map(() => [1, 1, 1, 1]) }),
    }));
  });
  it('example2-zeta4-label rejects a sequence that reaches 1.504 at the third model', () => {
    assertRejected(withSubject(example2ZetaLabelMisprint, {
      ...relaxSubject,
      iterate: (p: SignalProblem) => cuttingSurface(p, { decompositions: [[2, 0.51, 2.49, 2], [2, 2.5, 0.5, 2], [2, 2.5, 0.5, 2]] }),
    }));
  });
  it('theorem4-exact rejects the relaxation with inequality (12) only', () => {
    assertRejected(withSubject(theorem4Claim, { hullMin: (o: PairObjective) => hullOnly12(o) }));
  });
  it('prop1-exact rejects the sign-free rank-one hull (x₁ − x₂)²/min(1, z₁ + z₂)', () => {
    assertRejected(withSubject(prop1Claim, { hullMin: (o: PairObjective) => hullRankOne(o) }));
  });
  it('alg1-first-round rejects two rounds of Algorithm 1', () => {
    assertRejected(withSubject(alg1FirstRoundClaim, {
      round1: (p: SignalProblem) => decompRelaxation(p, { maxRounds: 2 }).value,
      pairwise: (p: SignalProblem) => pairwiseRelaxation(p).value,
    }), 'default');
  });
  it('ordering rejects swapped persp and pairwise', () => {
    assertRejected(withSubject(orderingClaim, { ...relaxSubject, persp: relaxSubject.pairwise, pairwise: relaxSubject.persp }));
  });
  it('ordering rejects a "decomp" that is the exact optimum plus 1e-3 (an invalid bound)', () => {
    assertRejected(withSubject(orderingClaim, {
      ...relaxSubject,
      decomp: (p: SignalProblem) => {
        const r = perspRelaxation(p);
        return { ...r, lowerBound: relaxSubject.exact(p).objective + 1e-3 };
      },
    }));
  });
  it('bnb-equals-bruteforce rejects a branch-and-bound stopped at its root node', () => {
    assertRejected(withSubject(bnbClaim, { ...relaxSubject, bnb: (p: SignalProblem) => branchAndBound(p, { maxNodes: 1, relaxation: 'persp' }) }), 'default');
  });
});

