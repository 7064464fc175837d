/**
 * Claims on the closed forms of the pairwise convexifications (AGH21 §2.4, §3.1, §4.1–§4.2: f, g,
 * Proposition 11, the homogeneity identity of Proposition 7's proof) and on the separation problem
 * (21) at Example 2's iterates (p. 15). None of these needs a conic solver.
 */
import fc from 'fast-check';
import { defineClaim, ge, le, type Comparison, type PublishedValue } from '../../src/claims/claim.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { cutFunction, ineq12, ineq13, pairF, pairG, pairGExplicit, pairQuadratic, separatePair } from '../../src/signal/relax/pair.ts';
import { decompositionValue, separatePath } from '../../src/signal/relax/separation.ts';
import { perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { integerPairPoint, liftedPair, pairPoint, scaleFactor } from '../../src/arbitraries/signal-relax.ts';

const EPS = Number.EPSILON;

/** The closed forms under test (negative controls swap one of them). */
export interface PairFormsSubject {
  g: typeof pairG;
  gExplicit: typeof pairGExplicit;
  f: typeof pairF;
  separate: typeof separatePair;
}
export const pairFormsSubject: PairFormsSubject = { g: pairG, gExplicit: pairGExplicit, f: pairF, separate: separatePair };

/**
 * Magnitude S of the terms summed in g (sum of absolute values). A sum of m terms, each a
 * product/quotient of a few factors, carries a rounding error ≤ ~(m + 4)·ε·S; 64ε·S covers it.
 */
function gScale(z1: number, z2: number, x1: number, x2: number, d1: number, d2: number): number {
  const quad = d1 * x1 * x1 + 2 * x1 * x2 + d2 * x2 * x2 + (x1 * x1) / d2 + (x2 * x2) / d1;
  // floor: at x = 0 every term is 0 and both sides are exactly 0
  return Math.max(1e-300, quad * (1 / z1 + 1 / z2) + ((x1 * x1) / z1) * Math.abs(d1 - 1 / d2) + ((x2 * x2) / z2) * Math.abs(d2 - 1 / d1));
}

export const gExplicitClaim = defineClaim({
  id: 'agh21.relax.g-explicit',
  paper: 'agh21',
  location: '§3.1, Theorem 4, (19) on p. 12 and the explicit form of g on p. 13',
  title: 'Explicit g equals max{(12),(13)}, and the branch rule',
  statement:
    'For d₁, d₂ > 0 with d₁d₂ ≥ 1, z ∈ (0,1]², x ∈ ℝ²₊: the four-branch formula of p. 13 equals g = max{(12),(13)}; ' +
    '(12) is the active inequality when z₁ ≥ z₂ and (13) when z₁ ≤ z₂.',
  tex: 'g(z,x;d)=\\max\\{d_1 f(z,x_1,\\tfrac{x_2}{d_1})+\\tfrac{x_2^2}{z_2}(d_2-\\tfrac1{d_1}),\\ d_2 f(z,\\tfrac{x_1}{d_2},x_2)+\\tfrac{x_1^2}{z_1}(d_1-\\tfrac1{d_2})\\}',
  hypotheses: ['d₁ = e^U[−2,2], d₂ = e^U[ln(1/d₁), ln(1/d₁)+3] (so d₁d₂ ≥ 1)', 'z ∈ [0.01, 1]²', 'x ∈ [0, 2]²'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: {
    value: 64 * EPS,
    reason: 'relative to the sum S of absolute term values: each side is a sum of ≤ 6 rounded products/quotients (error ≤ ~10ε·S); 64ε·S leaves a margin',
  },
  budget: { quick: 300, default: 3000, thorough: 30000 },
  subject: pairFormsSubject,
  instances: pairPoint(),
  check: ({ z1, z2, x1, x2, d1, d2 }, s): Comparison[] => {
    const S = gScale(z1, z2, x1, x2, d1, d2);
    const g = s.g(z1, z2, x1, x2, d1, d2);
    const ge12 = ineq12(z1, z2, x1, x2, d1, d2);
    const ge13 = ineq13(z1, z2, x1, x2, d1, d2);
    const active = z1 >= z2 ? ge12 - ge13 : ge13 - ge12;
    return [
      le('|g_explicit − max((12),(13))| / S', Math.abs(s.gExplicit(z1, z2, x1, x2, d1, d2) - g) / S, 64 * EPS),
      ge('(active − other) / S  [branch rule]', active / S, -64 * EPS),
    ];
  },
});

export const gTightClaim = defineClaim({
  id: 'agh21.relax.g-tight-integer',
  paper: 'agh21',
  location: '§3.1, Theorem 4, p. 10 (validity of (12)–(13))',
  title: 'g is tight at the integer points of Z² and a valid underestimator elsewhere',
  statement:
    'At z ∈ {0,1}² with x_i(1 − z_i) = 0, g(z,x;d) = d₁x₁² − 2x₁x₂ + d₂x₂² (0/0 = 0); for z ∈ (0,1]², g ≥ d₁x₁² − 2x₁x₂ + d₂x₂².',
  hypotheses: ['d as in agh21.relax.g-explicit', 'x ∈ [0, 2]²'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#g-tight-at-integer-points',
  tolerance: { value: 64 * EPS, reason: 'relative to the term magnitude S, as in agh21.relax.g-explicit' },
  budget: { quick: 300, default: 3000, thorough: 30000 },
  subject: pairFormsSubject,
  instances: fc.tuple(integerPairPoint(), pairPoint()),
  check: ([ip, fp], s): Comparison[] => {
    const qi = pairQuadratic(ip.x1, ip.x2, ip.d1, ip.d2);
    const gi = s.g(ip.z1, ip.z2, ip.x1, ip.x2, ip.d1, ip.d2);
    const Sint = (ip.d1 + 1 / ip.d2) * ip.x1 * ip.x1 + 2 * ip.x1 * ip.x2 + (ip.d2 + 1 / ip.d1) * ip.x2 * ip.x2 + 1e-300;
    const qf = pairQuadratic(fp.x1, fp.x2, fp.d1, fp.d2);
    const gf = s.g(fp.z1, fp.z2, fp.x1, fp.x2, fp.d1, fp.d2);
    return [
      le('|g − q| / S at an integer point', Math.abs(gi - qi) / Math.max(Sint, 1e-300), 64 * EPS),
      ge('(g − q) / S at a fractional point', (gf - qf) / gScale(fp.z1, fp.z2, fp.x1, fp.x2, fp.d1, fp.d2), -64 * EPS),
    ];
  },
});

/** Scale of h(d) near d: |terms| of −d(Γ_ii − x_i²/z) − (Γ_jj − x_j²/z)/d + 2(Γ_ij − x_ix_j/z). */
function hScale(l: { zi: number; zj: number; xi: number; xj: number; gii: number; gjj: number; gij: number }, d: number): number {
  const z = Math.min(l.zi, l.zj);
  return d * (l.gii + (l.xi * l.xi) / z) + (l.gjj + (l.xj * l.xj) / z) / d + 2 * (Math.abs(l.gij) + (l.xi * l.xj) / z);
}

export const prop11Claim = defineClaim({
  id: 'agh21.relax.prop11-closed-form',
  paper: 'agh21',
  location: '§4.2.2, Proposition 11, p. 21, and Remark 12, (36), p. 22',
  title: 'Closed-form separation d* maximises (23c), and the maximum is twice (36)',
  statement:
    'At (z, x, Γ) with Γ_ii z_i ≥ x_i², h(d) = d·f(z_i,z_j,x_i,x_j/d) − (dΓ_ii − 2Γ_ij + Γ_jj/d) is maximised over d > 0 by ' +
    'd* = √((Γ_jj − x_j²/z*)/(Γ_ii − x_i²/z*)), z* = z_i if x_i²/Γ_ii ≥ x_j²/Γ_jj else z_j, with maximum ' +
    '2(Γ_ij − x_ix_j/z* − √((Γ_ii − x_i²/z*)(Γ_jj − x_j²/z*))).',
  tex: '\\max_{d>0} h(d)=2\\Big(\\Gamma_{ij}-\\frac{x_ix_j}{z^*}-\\sqrt{(\\Gamma_{ii}-\\tfrac{x_i^2}{z^*})(\\Gamma_{jj}-\\tfrac{x_j^2}{z^*})}\\Big)',
  hypotheses: ['z ∈ [0.05,1]²', 'x ∈ [0,1]²', 'Γ_ii = (x_i²/z_i)(1 + Exp(0.5)) + 1e-3', 'Γ_ij ∈ [−2, 2]'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: {
    value: 64 * EPS,
    reason: 'relative to the magnitude of the terms of h at d* (h is a sum of 3 products; its value at d* cancels terms of size d*Γ_ii)',
  },
  budget: { quick: 100, default: 1000, thorough: 10000 },
  subject: pairFormsSubject,
  instances: liftedPair(),
  check: (l, s): Comparison[] => {
    const sep = s.separate(l.zi, l.zj, l.xi, l.xj, l.gii, l.gij, l.gjj);
    const h = (d: number): number => cutFunction(l.zi, l.zj, l.xi, l.xj, l.gii, l.gij, l.gjj, d);
    let gridMax = -Infinity;
    for (let t = 0; t <= 4000; t++) gridMax = Math.max(gridMax, h(Math.exp(-8 + (16 * t) / 4000)));
    const dStar = sep.dStar;
    const hStar = Number.isFinite(dStar) && dStar > 0 ? h(dStar) : sep.violation;
    const S = hScale(l, Number.isFinite(dStar) && dStar > 0 ? dStar : 1) + Math.abs(gridMax);
    return [
      ge('(h(d*) − max over log-grid of d ∈ [e⁻⁸, e⁸]) / S', (hStar - gridMax) / S, -64 * EPS),
      le('|h(d*) − 2·(36)| / S', Math.abs(hStar - sep.violation) / S, 64 * EPS),
    ];
  },
});

export const homogeneityClaim = defineClaim({
  id: 'agh21.relax.homogeneity',
  paper: 'agh21',
  location: '§4.1, proof of Proposition 7, p. 19',
  title: 'Homogeneity identity (1/d) f(z, d x_i, x_j) = d f(z, x_i, x_j/d)',
  statement: 'For d > 0: (1/d)·f(z_i, z_j, d·x_i, x_j) = d·f(z_i, z_j, x_i, x_j/d).',
  tex: '\\tfrac1d f(z_i,z_j,d\\,x_i,x_j)=d\\,f(z_i,z_j,x_i,x_j/d)',
  hypotheses: ['z ∈ [0.01,1]²', 'x ∈ [0,2]²', 'd ∈ [1e-2, 1e2] log-uniform'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: 16 * EPS, reason: 'both sides are (a − b)²/(d z) with a, b rounded once each: relative error ≤ ~8ε' },
  budget: { quick: 300, default: 3000, thorough: 30000 },
  subject: pairFormsSubject,
  instances: fc.tuple(pairPoint(), scaleFactor()),
  check: ([pt, d], s) => {
    const lhs = s.f(pt.z1, pt.z2, d * pt.x1, pt.x2) / d;
    const rhs = d * s.f(pt.z1, pt.z2, pt.x1, pt.x2 / d);
    const scale = ((d * pt.x1) ** 2 + pt.x2 ** 2) / (d * Math.min(pt.z1, pt.z2)) + 1e-300;
    return le('|lhs − rhs| / scale', Math.abs(lhs - rhs) / scale, 16 * EPS);
  },
});

/** Example 2 (p. 13): y = (0.3, 0.7, 1.0), λ = 1, μ = 0.5, path 1–2–3. */
export const example2Problem = () => signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5 });

/** θ_d at a point of Example 2 for the decomposition (d¹₁₂, d²₁₂, d²₂₃, d³₂₃) = (2, a, 3 − a, 2). */
export interface Example2SepSubject {
  theta(z: ArrayLike<number>, x: ArrayLike<number>, a: number): number;
  /** The separating d²₁₂ returned by (21). */
  separate(z: ArrayLike<number>, x: ArrayLike<number>): number;
}
export const example2SepSubject: Example2SepSubject = {
  theta: (z, x, a) => decompositionValue(example2Problem(), z, x, [2, a, 3 - a, 2]),
  separate: (z, x) => separatePath(example2Problem(), z, x).d[1],
};

export const example2SeparationMisprint = defineClaim({
  id: 'agh21.relax.example2-iter2-separation',
  paper: 'agh21',
  location: 'Example 2 (continued), iter.2, p. 15 ("The corresponding separation problem has solution (2, 1.06, 1.94, 2)")',
  title: 'At the iteration-2 point the separation (21) returns d²₁₂ = 2.5, d²₂₃ = 0.5, not the printed 1.06, 1.94',
  statement:
    'At the printed iteration-2 point (z; x) = (0.15, 0.70, 1.00; 0.12, 0.43, 0.71) of Example 2, θ_d over the feasible decompositions ' +
    '(2, a, 3 − a, 2), a ∈ [0.5, 2.5], is maximised at a = d²₁₂ = 2.5 (θ = 1.1648), and θ(2.5) ≥ θ(1.06) + 0.04: the printed (d²₁₂, d²₂₃) = ' +
    '(1.06, 1.94) is not a maximiser of (21). (The printed sequence 1.413 → 1.452 → 1.499 is nevertheless reproduced with the printed d’s, ' +
    'agh21.relax.example2-iterates.)',
  hypotheses: ['Example 2 data', 'the paper’s rounded point'],
  kind: 'published-number',
  provenance: 'misprint',
  source: 'docs/claims/agh21.md#example-2-separation',
  published: [
    { key: 'd²₁₂', quantity: 'd²₁₂ returned by (21) at iter.2', value: 1.06, source: 'Example 2 (continued), iter.2, p. 15', printed: 'misprint', tolerance: { value: 0.005, reason: 'printed with 2 decimals: half a unit' } },
    { key: 'd²₂₃', quantity: 'd²₂₃ returned by (21) at iter.2', value: 1.94, source: 'Example 2 (continued), iter.2, p. 15', printed: 'misprint', tolerance: { value: 0.005, reason: 'printed with 2 decimals: half a unit' } },
  ] satisfies PublishedValue[],
  tolerance: { value: 1e-6, reason: 'golden section on the one free variable d²₁₂ resolves the maximiser to ~√ε relative at a kink-free maximum at the bound' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: example2SepSubject,
  instances: fc.constant({ z: [0.15, 0.7, 1.0], x: [0.12, 0.43, 0.71] }),
  check: ({ z, x }, s) => {
    const a = s.separate(z, x);
    return {
      comparisons: [
        le('|separating d²₁₂ − 2.5|', Math.abs(a - 2.5), 1e-6),
        ge('θ(2.5) − θ(1.06)', s.theta(z, x, 2.5) - s.theta(z, x, 1.06), 0.04),
        le('|θ(separating d) − θ(2.5)|', Math.abs(s.theta(z, x, a) - s.theta(z, x, 2.5)), 1e-9),
        le('|θ(2.5) − 1.1648|', Math.abs(s.theta(z, x, 2.5) - 1.1648), 5e-5),
      ],
      published: { 'd²₁₂': a, 'd²₂₃': 3 - a },
      values: { dSeparating: a, theta106: s.theta(z, x, 1.06), theta25: s.theta(z, x, 2.5) },
    };
  },
});

/** The printed persp point (z, x)¹ of Example 2 (p. 15) and θ there. */
const EX2_PERSP_POINT = { z: [0, 0.4, 0.82], x: [0, 0.29, 0.58] };

/** θ_d at (z, x) over a grid of the feasible a = d²₁₂ ∈ [0.5, 2.5]: its range and the value at the printed 0.51. */
function thetaOverFeasible(s: Example2SepSubject, z: number[], x: number[]): { min: number; max: number; at051: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t <= 40; t++) {
    const v = s.theta(z, x, 0.5 + (2 * t) / 40);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { min, max, at051: s.theta(z, x, 0.51) };
}

export const example2ThetaFlat = defineClaim({
  id: 'agh21.relax.example2-theta-flat',
  paper: 'agh21',
  location: 'Example 2 (continued), p. 15 (separation (21) at (z, x)¹ "to obtain the optimal parameters d¹₁₂ = 2.00, d²₁₂ = 0.51, d²₂₃ = 2.49, d³₂₃ = 2.00")',
  title: 'At the persp point of Example 2, θ_d is flat over every feasible d²₁₂ ∈ [0.5, 2.5]: the printed 0.51 is one maximiser of many',
  statement:
    'For Q of Example 2, (21b)–(21c) leave one free parameter a = d²₁₂ ∈ [0.5, 2.5] (d = (2, a, 3 − a, 2)). At the printed persp point ' +
    '(0, 0.40, 0.82; 0, 0.29, 0.58), θ_d does not depend on a (0.98715 to machine precision), and at the persp solution itself it is ' +
    '0.96932 for every a (to solver accuracy): the printed d²₁₂ = 0.51 is a maximiser, as the paper says, but so is every feasible a.',
  hypotheses: ['Example 2 data', 'a on a grid of 41 points of [0.5, 2.5] and the printed 0.51'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#example-2-theta-flat',
  tolerance: {
    value: 1e-6,
    reason:
      'at the printed point θ is a sum of 4 closed-form terms: flat to 64ε relative; at the re-solved persp point z₁ ≈ 2e-9 instead of 0 (interior-point ' +
      'solution), which moves θ by ~1e-9; 1e-6 relative covers it, and 1e-5 absolute on the value 0.96932 (its 5th decimal)',
  },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: example2SepSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const printed = thetaOverFeasible(s, EX2_PERSP_POINT.z, EX2_PERSP_POINT.x);
    const pe = perspRelaxation(example2Problem());
    const solved = thetaOverFeasible(s, Array.from(pe.z), Array.from(pe.x));
    return {
      comparisons: [
        le('printed point: (max − min of θ over a ∈ [0.5, 2.5]) / θ', (printed.max - printed.min) / printed.max, 64 * EPS),
        le('persp solution: (max − min of θ over a ∈ [0.5, 2.5]) / θ', (solved.max - solved.min) / solved.max, 1e-6),
        le('persp solution: |θ − 0.96932|', Math.abs(solved.max - 0.96932), 1e-5),
        le('persp solution: (max θ − θ(0.51)) / θ (0.51 is a maximiser)', (solved.max - solved.at051) / solved.max, 1e-6),
      ],
      values: { thetaPrintedPoint: printed.max, thetaPerspSolution: solved.max },
    };
  },
});

export const pairClaims = [gExplicitClaim, gTightClaim, prop11Claim, homogeneityClaim, example2SeparationMisprint, example2ThetaFlat];
