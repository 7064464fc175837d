/**
 * Negative controls for the relaxation claims (theorems/agh21/relax*.ts): each claim, given a
 * plausible wrong implementation (a weaker relaxation, a wrong formula, a dropped inequality or cone
 * block), is rejected with a counterexample. Every relaxation-quality claim rejects the next-weaker
 * method (ℓ1 for persp, persp for pairwise, pairwise for decomp) at the quick AND default budgets.
 */
import { describe, it } from 'vitest';
import type { BudgetName } from '../../src/claims/claim.ts';
import { withSubject } from '../../src/claims/claim.ts';
import type { SignalProblem } from '../../src/signal/model.ts';
import { addG } from '../../src/signal/relax/build.ts';
import { cuttingSurface, decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { ineq12, pairF, pairGExplicit, separatePair } from '../../src/signal/relax/pair.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { decompositionValue } from '../../src/signal/relax/separation.ts';
import { pairwiseRelaxation, perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { solveSpec } from '../../src/signal/relax/solve.ts';
import { ConicSpec } from '../../src/signal/relax/spec.ts';
import { branchAndBound } from '../../src/signal/bnb.ts';
import { solveDecompPath } from '../../src/signal/relax/path-barrier.ts';
import { solveDecompPathPD } from '../../src/signal/relax/path-pd.ts';
import {
  example2Problem, example2SeparationMisprint, example2SepSubject, example2ThetaFlat, gExplicitClaim, gTightClaim, homogeneityClaim, pairFormsSubject,
  prop11Claim,
} from '../../theorems/agh21/relax-pair.ts';
import {
  alg1FirstRoundClaim, barrierCertClaim, pdCertClaim, bnbClaim, example1Claim, example1Misprint, example2Claim, example2Decomp1Misprint, example2IteratesClaim,
  example1As44, example2ZetaLabelMisprint, orderingClaim, prop1Claim, prop6Claim, relaxSubject, theorem4Claim,
} from '../../theorems/agh21/relax.ts';
import type { PairObjective } from '../../src/arbitraries/signal-relax.ts';
import { assertRejected } from '../support.ts';

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

/**
 * persp in place of the pairwise hull: the separable parts (d₂ − 1/d₁)x₂² and (d₁ − 1/d₂)x₁² get their perspective,
 * the squared differences d₁(x₁ − x₂/d₁)² and d₂(x₁/d₂ − x₂)² stay plain squares (no z). With `form = 'f'` (X²) only the
 * plain (x₁ − x₂)² ≤ s remains.
 */
function hullPersp(o: PairObjective, form: 'g' | 'f'): number {
  const spec = new ConicSpec();
  const x1 = spec.variable('x1', 0, Infinity, o.b1);
  const x2 = spec.variable('x2', 0, Infinity, o.b2);
  const z1 = spec.variable('z1', 0, 1, o.a1);
  const z2 = spec.variable('z2', 0, 1, o.a2);
  const one = spec.variable('one', 1, 1);
  const plain = (ca: number, cb: number, tag: string): number => {
    const s = spec.variable(`s${tag}`, 0, Infinity);
    const v = spec.variable(`v${tag}`, 0, Infinity);
    spec.row([v, x1, x2], [1, -ca, cb], '>=', 0);
    spec.row([v, x2, x1], [1, -cb, ca], '>=', 0);
    spec.rotated(v, s, one);
    return s;
  };
  if (form === 'f') {
    spec.cost(plain(1, 1, 'f'), 1);
    return solveSpec(spec).primal;
  }
  const p1 = spec.variable('p1', 0, Infinity);
  const p2 = spec.variable('p2', 0, Infinity);
  spec.rotated(x1, p1, z1);
  spec.rotated(x2, p2, z2);
  const tau = spec.variable('tau', -Infinity, Infinity, 1);
  spec.row([plain(1, 1 / o.d1, 'a'), p2, tau], [o.d1, o.d2 - 1 / o.d1, -1], '<=', 0);
  spec.row([plain(1 / o.d2, 1, 'b'), p1, tau], [o.d2, o.d1 - 1 / o.d2, -1], '<=', 0);
  return solveSpec(spec).primal;
}

/** The next-weaker relaxation in place of each one (ℓ1 for persp, persp for pairwise, pairwise for decomp). */
const weaker = {
  'ℓ1 for persp': { ...relaxSubject, persp: relaxSubject.l1 },
  'persp for pairwise': { ...relaxSubject, pairwise: relaxSubject.persp },
  'pairwise for decomp': { ...relaxSubject, decomp: relaxSubject.pairwise },
};
const BUDGETS: BudgetName[] = ['quick', 'default'];

describe('weaker-method controls: every relaxation-quality claim rejects the next-weaker method at quick and default budgets', () => {
  for (const budget of BUDGETS) {
    for (const [name, subject] of Object.entries(weaker)) {
      it(`ordering rejects ${name} (${budget})`, () => void assertRejected(withSubject(orderingClaim, subject), budget));
      it(`example2 rejects ${name} (${budget})`, () => void assertRejected(withSubject(example2Claim, subject), budget));
    }
    it(`example1 rejects ℓ1 for persp (${budget})`, () => void assertRejected(withSubject(example1Claim, weaker['ℓ1 for persp']), budget));
    it(`example1 rejects persp for pairwise (${budget})`, () => void assertRejected(withSubject(example1Claim, weaker['persp for pairwise']), budget));
    it(`alg1-first-round rejects persp for pairwise (${budget})`, () => {
      assertRejected(withSubject(alg1FirstRoundClaim, { ...alg1FirstRoundClaim.subject, pairwise: (p: SignalProblem) => perspRelaxation(p).value }), budget);
    });
    it(`alg1-first-round rejects persp for round 1 of Algorithm 1 (${budget})`, () => {
      assertRejected(withSubject(alg1FirstRoundClaim, { ...alg1FirstRoundClaim.subject, round1: (p: SignalProblem) => perspRelaxation(p).value }), budget);
    });
    it(`prop6-decomp-equals-23 rejects pairwise for decomp (Δ = {1} only, the pairwise relaxation (9)) (${budget})`, () => {
      assertRejected(withSubject(prop6Claim, { ...prop6Claim.subject, alg1: (p: SignalProblem) => pairwiseRelaxation(p).lowerBound }), budget);
    });
    it(`prop6-decomp-equals-23 rejects persp for the θ-form decomp (no cut added) (${budget})`, () => {
      assertRejected(withSubject(prop6Claim, { ...prop6Claim.subject, simple: (p: SignalProblem) => cuttingSurface(p, { decompositions: [] }).values[0] }), budget);
    });
    it(`theorem4-exact rejects persp for the pairwise hull (squared differences without z) (${budget})`, () => {
      assertRejected(withSubject(theorem4Claim, { hullMin: (o: PairObjective) => hullPersp(o, 'g') }), budget);
    });
    it(`prop1-exact rejects persp for f (plain (x₁ − x₂)² ≤ s) (${budget})`, () => {
      assertRejected(withSubject(prop1Claim, { hullMin: (o: PairObjective) => hullPersp(o, 'f') }), budget);
    });
  }
});

describe('negative controls: relaxation claims reject wrong subjects', () => {
  it('barrier-equals-conic rejects a barrier solve that drops the cut blocks d ≠ 1 (pairwise in place of (32))', () => {
    assertRejected(withSubject(barrierCertClaim, {
      ...barrierCertClaim.subject,
      barrier: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPath(p, cuts.map(() => [1]));
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }), 'default');
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
  it('pd-equals-conic rejects a primal–dual solve that drops the cut blocks d ≠ 1 (pairwise in place of (32))', () => {
    assertRejected(withSubject(pdCertClaim, {
      ...pdCertClaim.subject,
      pd: (p: SignalProblem, cuts: number[][]) => {
        const r = solveDecompPathPD(p, cuts.map(() => [1]));
        return { value: r.value, lowerBound: r.lowerBound };
      },
    }), 'default');
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
  it('alg1-first-round rejects a first round that already adds the Proposition-11 cuts (rounds counted from 0)', () => {
    assertRejected(withSubject(alg1FirstRoundClaim, {
      round1: (p: SignalProblem) => decompRelaxation(p, { maxRounds: 2 }).value,
      pairwise: (p: SignalProblem) => pairwiseRelaxation(p).value,
    }), 'default');
  });
  it('ordering rejects swapped persp and pairwise', () => {
    assertRejected(withSubject(orderingClaim, { ...relaxSubject, persp: relaxSubject.pairwise, pairwise: relaxSubject.persp }));
  });
  it('bnb-equals-bruteforce rejects a branch-and-bound that prunes nodes within 5 % of the incumbent (a heuristic tolerance in place of an exact one)', () => {
    assertRejected(withSubject(bnbClaim, { ...relaxSubject, bnb: (p: SignalProblem) => branchAndBound(p, { gapTol: 0.05, relaxation: 'persp' }) }), 'default');
  });
  it('example2-theta-flat rejects θ built from inequality (12) alone (no max with (13))', () => {
    assertRejected(withSubject(example2ThetaFlat, {
      ...example2SepSubject,
      theta: (z, x, a) => ineq12(z[0], z[1], x[0], x[1], 2, a) + ineq12(z[1], z[2], x[1], x[2], 3 - a, 2),
    }));
  });
  it('example1-problem-reference rejects Example 1 solved as the (44) reading (μ as ℓ1 weight)', () => {
    assertRejected(withSubject(example1Misprint, {
      ...relaxSubject,
      exact: () => ({ objective: example1As44().objective, x: Float64Array.from(example1As44().x), z: [1, 1] }),
    }));
  });
});

