/**
 * Claims on the thresholding (proximal) operators used by RVSM and RVSCGD
 * (docs/claims/dinh-xin.md, sections thresholding-maps … tl1-limits).
 *
 * Provenance: the soft/hard forms are textbook; the TL1 closed form and
 * thresholds are Zhang & Xin (2017) [A: authors' code; S], re-derived [D];
 * the interpolation rates are derived [D]. None is a statement of Dinh & Xin.
 */
import fc from 'fast-check';
import { defineClaim, eq, ge, le, type Comparison } from '../../src/claims/claim.ts';
import { type Penalty, penaltyValue, proxThreshold, proxVector } from '../../src/prox/prox.ts';
import { hardScalar, softScalar, tl1Scalar, tl1Threshold } from '../../src/prox/scalar.ts';
import { bruteForceProx, minOverPositive, numericalThreshold } from '../../src/prox/brute-force.ts';
import { logUniformDouble, uniformDouble } from '../../src/arbitraries/numbers.ts';
import { offThresholdPoint, smallVector, tauArb, tl1Instance, tl1Params } from '../../src/arbitraries/prox.ts';
import { abstractOf, derivation, projectSource } from './cite.ts';

const EPS = Number.EPSILON;

/** A scalar prox under test: prox(x, τ, a) (a ignored for ℓ1/ℓ0) and its threshold. */
export interface ScalarProxSubject {
  prox(x: number, tau: number, a: number): number;
  threshold(tau: number, a: number): number;
}

export const softSubject: ScalarProxSubject = { prox: (x, t) => softScalar(x, t), threshold: (t) => t };
export const hardSubject: ScalarProxSubject = {
  prox: (x, t) => hardScalar(x, proxThreshold({ kind: 'l0' }, t)),
  threshold: (t) => proxThreshold({ kind: 'l0' }, t),
};
export const tl1Subject: ScalarProxSubject = { prox: (x, t, a) => tl1Scalar(x, t, a), threshold: tl1Threshold };

/** Tolerance of brute-force agreement, relative to max(1, |x|). */
const BF_TOL = 1e-6;
const BF_REASON =
  'golden-section refinement locates a minimiser to about √ε_mach ≈ 1.5e-8 relative; ×~60 for conditioning of the ' +
  'objective near the threshold (curvature down to 1 − τ/τ_c ≥ 0.05); points within 2e-3 (relative) of the threshold are ' +
  'excluded because there two minimisers have objective values closer than the grid resolves. Objective values must agree to 16 ε_mach.';

function bruteForceComparisons(p: (y: number) => number, x: number, tau: number, y: number): Comparison[] {
  const bf = bruteForceProx(p, x, tau);
  const F = (v: number): number => 0.5 * (v - x) * (v - x) + tau * p(v);
  const scale = Math.max(1, Math.abs(x));
  return [
    le('|prox(x) − brute force| / max(1,|x|)', Math.abs(y - bf.y) / scale, BF_TOL),
    le('F(prox(x)) − F(brute force), relative', (F(y) - bf.value) / Math.max(1, bf.value), 16 * EPS),
  ];
}

const common = {
  paper: 'dx' as const,
  kind: 'identity' as const,
  tolerance: { value: BF_TOL, reason: BF_REASON },
};

export const softBruteForce = defineClaim({
  ...common,
  id: 'dx.prox.soft-brute-force',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'Soft thresholding is the prox of τ|·|',
  statement: 'S_τ(x) = sgn(x)·max(|x| − τ, 0) equals the brute-force minimiser of ½(y − x)² + τ|y|, away from the threshold.',
  tex: 'S_\\tau(x)=\\operatorname{sgn}(x)\\max(|x|-\\tau,0)=\\arg\\min_y \\tfrac12(y-x)^2+\\tau|y|',
  hypotheses: ['τ > 0', '||x| − τ| > 2e-3·τ'],
  provenance: 'derived',
  source: projectSource('thresholding-maps', 'textbook closed form, checked against brute force'),
  budget: { quick: 100, default: 500, thorough: 5000 },
  subject: softSubject,
  instances: tauArb().chain((tau) => offThresholdPoint(tau).map((x) => ({ tau, x }))),
  check: ({ tau, x }, s) => bruteForceComparisons(Math.abs, x, tau, s.prox(x, tau, 1)),
});

export const hardBruteForce = defineClaim({
  ...common,
  id: 'dx.prox.hard-brute-force',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'Hard thresholding at √(2τ) is the prox of τ‖·‖₀',
  statement: 'H(x) = x·1{|x| > √(2τ)} equals the brute-force minimiser of ½(y − x)² + τ·1{y ≠ 0}, away from the threshold.',
  tex: 'H_{\\sqrt{2\\tau}}(x)=x\\,\\mathbb 1\\{|x|>\\sqrt{2\\tau}\\}=\\arg\\min_y \\tfrac12(y-x)^2+\\tau\\,\\mathbb 1\\{y\\neq0\\}',
  hypotheses: ['τ > 0', '||x| − √(2τ)| > 2e-3·√(2τ)'],
  provenance: 'derived',
  source: projectSource('thresholding-maps', 'textbook closed form, checked against brute force'),
  budget: { quick: 100, default: 500, thorough: 5000 },
  subject: hardSubject,
  instances: tauArb().chain((tau) => offThresholdPoint(Math.sqrt(2 * tau)).map((x) => ({ tau, x }))),
  check: ({ tau, x }, s) => bruteForceComparisons((y) => (y === 0 ? 0 : 1), x, tau, s.prox(x, tau, 1)),
});

export const tl1BruteForce = defineClaim({
  ...common,
  id: 'dx.prox.tl1-brute-force',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'The TL1 Cardano formula is the prox of τρ_a',
  statement:
    'For ρ_a(y) = (a+1)|y|/(a+|y|), g_τ(x) = 0 for |x| ≤ t* and sgn(x)[(2/3)(a+|x|)cos(φ/3) − 2a/3 + |x|/3] otherwise, ' +
    'φ = arccos(1 − 27τa(a+1)/(2(a+|x|)³)), equals the brute-force minimiser of ½(y − x)² + τρ_a(y), in both regimes.',
  tex: 'g_\\tau(x)=\\operatorname{sgn}(x)\\Big[\\tfrac23(a+|x|)\\cos\\tfrac{\\varphi}{3}-\\tfrac{2a}{3}+\\tfrac{|x|}{3}\\Big],\\ \\varphi=\\arccos\\Big(1-\\tfrac{27\\tau a(a+1)}{2(a+|x|)^3}\\Big)',
  hypotheses: ['a ∈ [1e-2, 1e2]', 'τ = r·a²/(2(a+1)), r ∈ [0.05, 0.95] ∪ [1.05, 20]', '||x| − t*| > 2e-3·t*'],
  provenance: 'secondary',
  source: `Zhang & Xin, Comm. Math. Sci. 15(2):511–537, 2017 (TL1 closed form); re-derived in ${derivation('thresholding-maps')}`,
  budget: { quick: 100, default: 500, thorough: 5000 },
  subject: tl1Subject,
  instances: tl1Instance(),
  check: ({ tau, a, x }, s) => bruteForceComparisons((y) => penaltyValue({ kind: 'tl1', a }, y), x, tau, s.prox(x, tau, a)),
});

const THRESH_TOL = 1e-6;
export const tl1ThresholdClaim = defineClaim({
  id: 'dx.prox.tl1-threshold',
  paper: 'dx',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'TL1 threshold t* and continuity/jump at t*',
  statement:
    't* = τ(a+1)/a when τ ≤ a²/(2(a+1)), else √(2τ(a+1)) − a/2; the prox leaves 0 exactly at t* (located by brute force); ' +
    'g(t*⁺) = 0 (continuous) in the subcritical regime and g(t*⁺) > 0 (a jump, equal to the brute-force minimiser at t*) in the supercritical one.',
  tex: 't^*=\\begin{cases}\\tau\\frac{a+1}{a} & \\tau\\le\\frac{a^2}{2(a+1)}\\\\ \\sqrt{2\\tau(a+1)}-\\frac a2 & \\text{otherwise}\\end{cases}',
  hypotheses: ['a ∈ [1e-2, 1e2]', 'τ = r·a²/(2(a+1)), r ∈ [0.05, 0.95] ∪ [1.05, 20]'],
  kind: 'identity',
  provenance: 'secondary',
  source: `Zhang & Xin, Comm. Math. Sci. 15(2):511–537, 2017 (thresholds); continuity and jump in ${derivation('tl1-threshold')}`,
  tolerance: {
    value: THRESH_TOL,
    reason:
      'bisection on the sign of the brute-force objective gap D(x) = min_{y>0}F − F(0); D is resolved to ~ε_mach·F and vanishes ' +
      'linearly (supercritical, slope −g(t*)) or quadratically (subcritical) at t*, so t* is located to ~√ε_mach relative; 1e-6 relative leaves a margin of ~60.',
  },
  budget: { quick: 20, default: 100, thorough: 1000 },
  subject: tl1Subject,
  instances: tl1Params(),
  check: ({ tau, a, regime }, s) => {
    const t = s.threshold(tau, a);
    const rho = (y: number): number => penaltyValue({ kind: 'tl1', a }, y);
    const tNum = numericalThreshold(rho, tau, 4 * Math.max(tl1Threshold(tau, a), t, 1e-12));
    const scale = Math.max(t, tNum, 1e-300);
    const out: Comparison[] = [le('|t* − numerical threshold| / t*', Math.abs(t - tNum) / scale, THRESH_TOL)];
    const gPlus = Math.abs(s.prox(t * (1 + 1e-9), tau, a));
    if (regime === 'subcritical') {
      out.push(le('g(t*⁺)/t* (continuity)', gPlus / scale, THRESH_TOL));
    } else {
      const F = (y: number): number => 0.5 * (y - t) * (y - t) + tau * rho(y);
      const jump = minOverPositive(F, t).y;
      out.push(ge('g(t*⁺)/t* (jump)', gPlus / scale, 10 * THRESH_TOL));
      out.push(le('|g(t*⁺) − brute-force jump| / t*', Math.abs(gPlus - jump) / scale, 100 * THRESH_TOL));
    }
    return out;
  },
});

/** log-spaced grid of a over [1e-6, 1e6], 20 points per decade, plus extra points, sorted. */
function aGrid(extra: number[]): number[] {
  const g = Array.from({ length: 241 }, (_, i) => 10 ** (-6 + i / 20));
  return [...g, ...extra.filter((a) => a > 1e-6 && a < 1e6)].sort((x, y) => x - y);
}

const SHAPE_TOL = 1e-12;
export const tl1ThresholdShape = defineClaim({
  id: 'dx.prox.tl1-threshold-shape',
  paper: 'dx',
  location: abstractOf('B', 'the transformed-ℓ1 penalty, between ℓ0 and ℓ1'),
  title: 'TL1 threshold t*(a): decreasing from √(2τ) to τ for τ ≤ ½, peaked at a = 2τ − 1 with value τ + ½ for τ > ½, continuous at the regime change',
  statement:
    'For fixed τ, a ↦ t*(τ, a) is continuous, with t*(a_c) = a_c/2 at the regime change a_c = τ + √(τ² + 2τ) (where τ = a²/(2(a+1))); ' +
    '|t* − √(2τ)| = a·|√(2τ) − 1|/2 + O(a²) at a = 1e-6 and t* − τ = τ/a at a = 1e6. For τ ≤ ½, t* is strictly decreasing in a (log grid of [1e-6, 1e6]); ' +
    'for τ > ½ it is strictly increasing for a < 2τ − 1 and strictly decreasing for a > 2τ − 1, with maximum t*(2τ − 1) = τ + ½.',
  tex: 't^*(a)\\searrow\\ (\\tau\\le\\tfrac12),\\quad \\max_a t^*(a)=t^*(2\\tau-1)=\\tau+\\tfrac12\\ (\\tau>\\tfrac12),\\quad t^*(a_c)=\\tfrac{a_c}2',
  hypotheses: ['τ ∈ [0.02, 0.5] or [0.55, 5]', 'a on a log grid of [1e-6, 1e6] (20 points per decade) plus a_c(1 ± 1e-9); the peak 2τ − 1 is evaluated separately'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('tl1-threshold-shape', 'thresholds of Zhang & Xin, Comm. Math. Sci. 15(2), 2017'),
  tolerance: {
    value: SHAPE_TOL,
    reason:
      'the identities t*(a_c) = a_c/2 and t*(2τ − 1) = τ + ½ are exact up to rounding of a square root and a few products (≲ 8 ε_mach relative), ' +
      'so 1e-12 relative leaves a margin > 500; monotonicity is strict with gaps ≥ τ·1e-6·0.1 between grid points, far above rounding; the ' +
      'continuity step at a_c(1 ± 1e-9) is bounded by |dt*/da| ≤ 1 times 2e-9·a_c, asserted ≤ 4e-9·a_c; at a = 1e-6 the O(a²) term ' +
      'is ~1e-6 of the linear one and rounding of √(2τ) adds ≲ 1e-9 to the ratio, covered by the factor 1 + 1e-3 and 1e-6.',
  },
  budget: { quick: 20, default: 100, thorough: 1000 },
  subject: tl1Subject,
  instances: fc.oneof(uniformDouble(0.02, 0.5), uniformDouble(0.55, 5)),
  check: (tau, s) => {
    const t = (a: number): number => s.threshold(tau, a);
    const aC = tau + Math.sqrt(tau * tau + 2 * tau);
    const peak = 2 * tau - 1;
    const grid = aGrid([aC * (1 - 1e-9), aC, aC * (1 + 1e-9)]);
    // Worst violation of the expected monotonicity (≥ 0 means a step that is not strictly in the
    // expected direction); the one grid step that straddles the peak 2τ − 1 has no expected direction.
    let wrongWay = -Infinity;
    let maxT = -Infinity;
    for (let i = 0; i < grid.length; i++) {
      maxT = Math.max(maxT, t(grid[i]));
      if (i + 1 === grid.length || (tau > 0.5 && grid[i] < peak && grid[i + 1] > peak)) continue;
      const d = t(grid[i + 1]) - t(grid[i]);
      const rising = tau > 0.5 && grid[i + 1] <= peak;
      wrongWay = Math.max(wrongWay, rising ? -d : d);
    }
    const out: Comparison[] = [
      le(`max step against the expected direction (${tau > 0.5 ? 'up to 2τ − 1, down after' : 'strictly down'})`, wrongWay, -Number.MIN_VALUE),
      le('|t*(a_c) − a_c/2| / a_c', Math.abs(t(aC) - aC / 2) / aC, SHAPE_TOL),
      le('|t*(a_c(1 + 1e-9)) − t*(a_c(1 − 1e-9))| / a_c (continuity)', Math.abs(t(aC * (1 + 1e-9)) - t(aC * (1 - 1e-9))) / aC, 4e-9),
      le(
        '|t*(1e-6) − √(2τ)| / 1e-6 vs the slope |√(2τ) − 1|/2 (a → 0)',
        Math.abs(t(1e-6) - Math.sqrt(2 * tau)) / 1e-6,
        (Math.abs(Math.sqrt(2 * tau) - 1) / 2) * (1 + 1e-3) + 1e-6,
      ),
      le('|(t*(1e6) − τ) − τ/1e6| / t*', Math.abs(t(1e6) - tau - tau / 1e6) / t(1e6), SHAPE_TOL),
    ];
    if (tau > 0.5) {
      out.push(le('|t*(2τ − 1) − (τ + ½)| / (τ + ½)', Math.abs(t(peak) - (tau + 0.5)) / (tau + 0.5), SHAPE_TOL));
      out.push(le('max_a t*(a) − (τ + ½), relative', (maxT - (tau + 0.5)) / (tau + 0.5), SHAPE_TOL));
    }
    const values: Record<string, number> = { tau, aC };
    if (tau > 0.5) values.peakAt = peak;
    return { comparisons: out, values };
  },
});

/** Max |f − g| over x on a grid of [−4, 4], skipping x within δ of any point in `skip`. */
function maxGap(f: (x: number) => number, g: (x: number) => number, skipLo: number, skipHi: number, delta = 2e-3): number {
  let m = 0;
  for (let i = 0; i <= 8000; i++) {
    const x = -4 + i * 1e-3;
    const ax = Math.abs(x);
    if (ax >= skipLo - delta && ax <= skipHi + delta) continue;
    m = Math.max(m, Math.abs(f(x) - g(x)));
  }
  return m;
}

const rateSlope = (e1: number, e2: number, a1: number, a2: number): number => Math.log(e1 / e2) / Math.log(a1 / a2);

export const tl1Limits = defineClaim({
  id: 'dx.prox.tl1-limits',
  paper: 'dx',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'TL1 → hard thresholding as a → 0 and → soft thresholding as a → ∞, at rate O(a) and O(1/a)',
  statement:
    'a → 0: |t* − √(2τ)| and the off-threshold max|g − H_{√(2τ)}| are O(a) (log-log slope 1 between a = 1e-3 and 1e-4, both < 1e-4 at a = 1e-4 for τ ≤ 0.6). ' +
    'a → ∞: t* − τ = τ/a exactly, and max|g − S_τ| is O(1/a) (slope 1 between 1e3 and 1e4, < 1e-3 at a = 1e4).',
  hypotheses: ['τ ∈ [0.05, 0.6]', 'x on a grid of [−4, 4] with step 1e-3, off both thresholds by 2e-3'],
  kind: 'convergence',
  provenance: 'derived',
  source: projectSource('tl1-limits', 'the limits themselves are in Zhang & Xin 2017'),
  tolerance: {
    value: 0.1,
    reason:
      'rates are asserted as log-log slopes in [0.9, 1.1]: the next term of the expansion is O(a²) (resp. O(1/a²)), i.e. a relative ' +
      'correction of ≤ 1e-3 at these a, so ±0.1 covers it with margin while rejecting O(√a) or O(1) behaviour; the t* − τ = τ/a identity is exact up to 8 ε_mach·t*.',
  },
  budget: { quick: 5, default: 20, thorough: 100 },
  subject: tl1Subject,
  instances: uniformDouble(0.05, 0.6),
  check: (tau, s) => {
    const gamma = Math.sqrt(2 * tau);
    const small = [1e-3, 1e-4].map((a) => {
      const t = s.threshold(tau, a);
      return {
        dt: Math.abs(t - gamma),
        dg: maxGap((x) => s.prox(x, tau, a), (x) => hardScalar(x, gamma), Math.min(t, gamma), Math.max(t, gamma)),
      };
    });
    const large = [1e3, 1e4].map((a) => {
      const t = s.threshold(tau, a);
      return {
        a,
        t,
        dg: maxGap((x) => s.prox(x, tau, a), (x) => softScalar(x, tau), Math.min(t, tau), Math.max(t, tau)),
      };
    });
    return {
      comparisons: [
        le('|slope(|t* − √(2τ)|) − 1|, a → 0', Math.abs(rateSlope(small[0].dt, small[1].dt, 1e-3, 1e-4) - 1), 0.1),
        le('|slope(max|g − H|) − 1|, a → 0', Math.abs(rateSlope(small[0].dg, small[1].dg, 1e-3, 1e-4) - 1), 0.1),
        le('|t* − √(2τ)| at a = 1e-4', small[1].dt, 1e-4),
        le('max|g − H| at a = 1e-4', small[1].dg, 1e-4),
        le('|(t* − τ) − τ/a| at a = 1e4', Math.abs(large[1].t - tau - tau / 1e4), 8 * EPS * large[1].t),
        le('|slope(max|g − S_τ|) + 1|, a → ∞', Math.abs(rateSlope(large[0].dg, large[1].dg, 1e3, 1e4) + 1), 0.1),
        le('max|g − S_τ| at a = 1e4', large[1].dg, 1e-3),
      ],
      values: { tau },
    };
  },
});

/** A vector prox under test (componentwise map of a penalty's prox). */
export interface VectorProxSubject {
  prox(penalty: Penalty, x: ArrayLike<number>, tau: number): Float64Array;
  threshold(penalty: Penalty, tau: number): number;
}

export const vectorSubject: VectorProxSubject = {
  prox: (penalty, x, tau) => proxVector(penalty, x, tau),
  // The threshold the prox itself uses (ℓ0: √2·√τ; √(2τ) can differ from it by an ulp, and the check includes x = ±t).
  threshold: proxThreshold,
};

const penaltyArb: fc.Arbitrary<Penalty> = fc.oneof(
  fc.constant<Penalty>({ kind: 'l1' }),
  fc.constant<Penalty>({ kind: 'l0' }),
  logUniformDouble(1e-2, 1e2).map<Penalty>((a) => ({ kind: 'tl1', a })),
);

export const proxStructure = defineClaim({
  id: 'dx.prox.structure',
  paper: 'dx',
  location: abstractOf('B', 'ℓ1, ℓ0 and transformed-ℓ1 penalties handled by thresholding'),
  title: 'Thresholding maps are odd, monotone, shrinking, zero below the threshold, and componentwise',
  statement:
    'For p ∈ {ℓ1, ℓ0, TL1}: prox(−x) = −prox(x); x ≤ x′ ⇒ prox(x) ≤ prox(x′); |prox(x)| ≤ |x|; prox(x) = 0 for |x| ≤ t; ' +
    'the vector prox is the scalar prox applied to each component.',
  hypotheses: ['τ ∈ [1e-3, 10]', 'a ∈ [1e-2, 1e2] for TL1', 'x ∈ [−5, 5]^n, n ≤ 12'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('thresholding-maps', 'properties of proximal maps of even penalties non-decreasing in |y|'),
  tolerance: {
    value: 0,
    reason:
      'oddness, shrinkage, zeroing and componentwise evaluation are exact in floating point (sign-symmetric formulas); monotonicity allows 4 ε_mach·|x| for rounding in the Cardano branch.',
  },
  budget: { quick: 100, default: 500, thorough: 5000 },
  subject: vectorSubject,
  instances: fc.record({ penalty: penaltyArb, tau: tauArb(), x: smallVector(), extra: smallVector() }),
  check: ({ penalty, tau, x, extra }, s) => {
    const t = s.threshold(penalty, tau);
    // Include points just below and at the threshold.
    const pts = [...x, ...extra.map((e) => e * t / 5), t, -t, t * (1 - 1e-12)];
    const px = s.prox(penalty, pts, tau);
    const pneg = s.prox(penalty, pts.map((v) => -v), tau);
    let odd = 0;
    let shrink = 0;
    let zero = 0;
    let comp = 0;
    for (let i = 0; i < pts.length; i++) {
      odd = Math.max(odd, Math.abs(px[i] + pneg[i]));
      shrink = Math.max(shrink, Math.abs(px[i]) - Math.abs(pts[i]));
      if (Math.abs(pts[i]) <= t) zero = Math.max(zero, Math.abs(px[i]));
      comp = Math.max(comp, Math.abs(px[i] - s.prox(penalty, [pts[i]], tau)[0]));
    }
    const order = pts.map((v, i) => [v, px[i]] as const).sort((p, q) => p[0] - q[0]);
    let mono = 0;
    for (let i = 1; i < order.length; i++) {
      mono = Math.max(mono, (order[i - 1][1] - order[i][1]) / (4 * EPS * Math.max(1, Math.abs(order[i][0]))));
    }
    return [
      eq('max |prox(−x) + prox(x)|', odd, 0),
      le('max (prox(x) − prox(x′)) / (4ε|x|) for x < x′', mono, 1),
      le('max |prox(x)| − |x|', shrink, 0),
      eq('max |prox(x)| for |x| ≤ t', zero, 0),
      eq('max |vector prox − scalar prox|', comp, 0),
    ];
  },
});

/** The prox claims, in catalogue order. */
export const proxClaims = [softBruteForce, hardBruteForce, tl1BruteForce, tl1ThresholdClaim, tl1ThresholdShape, tl1Limits, proxStructure];
