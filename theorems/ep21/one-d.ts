/**
 * One-dimensional claims of Ergen & Pilanci (JMLR 2021): Proposition 1's
 * interpolation example and its dual certificate, the regularized example of
 * Appendix 11 (eq. (51)), and the equivalence of the network with the ℓ1
 * problem over ramps with knots at data points (Section 4.1, Lemma 6,
 * Corollary 8, Remark 4). The knot-sweep certificate is derived in
 * docs/claims/ep21.md#knot-sweep.
 */
import fc from 'fast-check';
import { defineClaim, le, type Comparison } from '../../src/claims/claim.ts';
import { createRng } from '../../src/core/random.ts';
import { knotCertificate, lassoCD, lassoValue, rampDictionary } from '../../src/relu/closed-forms.ts';
import { scaledDualValue } from '../../src/relu/convex.ts';
import { appendix11, PROP1_VALUE, prop1Data, prop1OffKnot, prop1Spline } from '../../src/relu/examples.ts';
import { trainNetwork } from '../../src/relu/nonconvex.ts';
import { reluProblem } from '../../src/relu/problem.ts';
import { oneDInstance } from '../../src/arbitraries/relu.ts';

const { a: A1, y: Y1 } = prop1Data;

/** Output of a ramp network Σ_j w_j(x u_j + b_j)_+ at x. */
function rampOutput(x: number, u: readonly number[], b: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < u.length; j++) s += w[j] * Math.max(0, x * u[j] + b[j]);
  return s;
}

/** Exact evaluation of the interpolation dual constraint max_{s=±1, b} |vᵀ(s·a + b)_+| over knots at the data and b → ∞. */
function interpolationDualMax(a: readonly number[], v: readonly number[]): { max: number; sumV: number; slope: number } {
  let max = 0;
  for (const s of [1, -1]) for (const ai of a) {
    let t = 0;
    for (let i = 0; i < a.length; i++) t += v[i] * Math.max(0, s * (a[i] - ai));
    max = Math.max(max, Math.abs(t));
  }
  const sumV = v.reduce((p, q) => p + q, 0);
  const slope = v.reduce((p, q, i) => p + q * a[i], 0); // value s·vᵀa + b·1ᵀv as b → ∞
  return { max, sumV, slope };
}

const FRACTION_TOL = 1e-12;
const FRACTION_REASON =
  'the printed weights are exact fractions; evaluating them in float64 over 5 samples and 8 columns rounds each product once ' +
  '(values ≤ 10), so errors are ≤ ~40·ε_mach·10 ≈ 1e-13; 1e-12 leaves a margin of 10';

/** The printed example under test (a negative control swaps in a misread one). */
export interface Prop1Subject {
  spline: { u: readonly number[]; b: readonly number[]; w: readonly number[]; v: readonly number[] };
  offKnot: { u: readonly number[]; b: readonly number[]; w: readonly number[]; v: readonly number[] };
}

export const prop1Subject: Prop1Subject = { spline: prop1Spline, offKnot: prop1OffKnot };

export const prop1Certificate = defineClaim({
  id: 'ep21.interp.prop1-certificate',
  paper: 'ep21',
  location: 'Proposition 1 and Appendix 11 (the worked interpolation example)',
  title: 'Proposition 1: two interpolating networks of ℓ1 cost 8, both optimal by the printed dual certificates',
  statement:
    'On a = (−2, −1, 0, 1, 2), y = (1, −1, 1, 1, −1) the printed w* (knots at data points) and ŵ (a knot at 0.5) interpolate y ' +
    'with ‖w‖₁ = 8; the printed duals satisfy vᵀy = 8 and are feasible for the LP over their own dictionaries; v* is moreover ' +
    'feasible for every neuron (max_{|u|≤1, b} |v*ᵀ(au + b)_+| = 1, 1ᵀv* = 0), so by weak duality both networks are optimal for ' +
    'min ‖w‖₁ s.t. f(a) = y over all networks. (v̂ alone certifies only its own dictionary: over all knots it reaches 1.25.)',
  hypotheses: ['the printed data and weights, evaluated in float64'],
  kind: 'published-number',
  provenance: 'paper',
  published: [
    { key: 'l1Spline', quantity: '‖w*‖₁ (knots at data points)', value: PROP1_VALUE, source: 'Proposition 1, Appendix 11', tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON } },
    { key: 'l1OffKnot', quantity: '‖ŵ‖₁ (knot at x = 0.5)', value: PROP1_VALUE, source: 'Proposition 1, Appendix 11', tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON } },
    { key: 'dualSpline', quantity: 'v*ᵀy', value: PROP1_VALUE, source: 'Proposition 1, Appendix 11', tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON } },
    { key: 'dualOffKnot', quantity: 'v̂ᵀy', value: PROP1_VALUE, source: 'Proposition 1, Appendix 11', tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON } },
  ],
  tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: prop1Subject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const comparisons: Comparison[] = [];
    const published: Record<string, number> = {};
    const values: Record<string, number> = {};
    for (const [name, ex] of [['spline', s.spline], ['offKnot', s.offKnot]] as const) {
      let res = 0;
      for (let i = 0; i < A1.length; i++) res = Math.max(res, Math.abs(rampOutput(A1[i], ex.u, ex.b, ex.w) - Y1[i]));
      comparisons.push(le(`${name}: max |f(a_i) − y_i|`, res, FRACTION_TOL));
      // the printed dual of each example is feasible for the LP over that example's dictionary: max_j |vᵀ A_e[:, j]| ≤ 1
      let dictMax = 0;
      for (let j = 0; j < ex.u.length; j++) dictMax = Math.max(dictMax, Math.abs(ex.v.reduce((p, q, i) => p + q * Math.max(0, A1[i] * ex.u[j] + ex.b[j]), 0)));
      comparisons.push(le(`${name}: max_j |vᵀ A_e[:, j]| − 1 (dual of its dictionary's LP)`, dictMax - 1, FRACTION_TOL));
      const l1 = ex.w.reduce((p, q) => p + Math.abs(q), 0);
      const vy = ex.v.reduce((p, q, i) => p + q * Y1[i], 0);
      comparisons.push(le(`${name}: |‖w‖₁ − vᵀy| (weak duality gap)`, Math.abs(l1 - vy), FRACTION_TOL));
      published[name === 'spline' ? 'l1Spline' : 'l1OffKnot'] = l1;
      published[name === 'spline' ? 'dualSpline' : 'dualOffKnot'] = vy;
      values[`${name}GlobalDualMax`] = interpolationDualMax(A1, ex.v).max;
    }
    // v* is feasible for the dual over EVERY neuron (all knots, both directions, b → ∞), so 8 = v*ᵀy bounds every
    // interpolating network and both printed networks (‖w‖₁ = 8) are globally optimal
    const global = interpolationDualMax(A1, s.spline.v);
    comparisons.push(le('v*: max_{s, knot} |v*ᵀ(s(a − knot))_+| − 1 (all neurons)', global.max - 1, FRACTION_TOL));
    comparisons.push(le('v*: |1ᵀv*| (bias direction)', Math.abs(global.sumV), FRACTION_TOL));
    comparisons.push(le('v*: |v*ᵀa| (b → ∞ slope)', Math.abs(global.slope), FRACTION_TOL));
    return { comparisons, published, values };
  },
});

export const prop1NonUnique = defineClaim({
  id: 'ep21.interp.non-unique-outputs',
  paper: 'ep21',
  location: 'Proposition 1 (optimal networks need not be the linear spline)',
  title: 'The two optimal interpolants of Proposition 1 differ between data points: f(0.5) = 1 versus 2',
  statement:
    'The spline optimum w* gives f(0.5) = 1 and the off-knot optimum ŵ gives f(0.5) = 2, although both interpolate the data ' +
    'with the optimal ‖w‖₁ = 8: the optimal output is not unique.',
  hypotheses: ['the printed weights of Proposition 1 / Appendix 11'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#non-unique-outputs',
  tolerance: { value: FRACTION_TOL, reason: FRACTION_REASON },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: prop1Subject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const f1 = rampOutput(0.5, s.spline.u, s.spline.b, s.spline.w);
    const f2 = rampOutput(0.5, s.offKnot.u, s.offKnot.b, s.offKnot.w);
    return {
      comparisons: [le('|f_{w*}(0.5) − 1|', Math.abs(f1 - 1), FRACTION_TOL), le('|f_ŵ(0.5) − 2|', Math.abs(f2 - 2), FRACTION_TOL)],
      values: { fSpline: f1, fOffKnot: f2 },
    };
  },
});

const APPX_SOLVER_TOL = 1e-10;
const APPX_SOLVER_REASON =
  'coordinate descent stopped when no weight moves more than 1e-15 on a 10-column dictionary with entries ≤ 4: the value is ' +
  'then within ~1e-13 of the minimum of a strongly convex restriction; 1e-10 absolute (1.3e-7 relative to 7.996e-4) leaves a margin of 1000';
const APPX_EXACT_TOL = 1e-15;
const APPX_EXACT_REASON =
  'the printed w1, w2 are exact fractions: the value (1/10)‖A_e w − y‖² + β‖w‖₁ ≈ 8e-4 is computed with ~100 roundings of ' +
  'numbers ≤ 4, an absolute error ≤ ~1e-17; 1e-15 leaves a margin of 100';
const CERT_REL = 1e-9;

/** The Appendix 11 solver under test: the loss scaling κ of (1/(2κ))‖·‖². */
export interface Appendix11Subject {
  kappa(n: number): number;
}

export const appendix11Subject: Appendix11Subject = { kappa: (n) => n };

export const appendix11Value = defineClaim({
  id: 'ep21.reg1d.appendix11',
  paper: 'ep21',
  location: 'Appendix 11, eq. (51) (the regularized 1-D example, β = 1e-4)',
  title: 'Appendix 11: optimal value 7.996e-4, attained by the printed w1 and w2 and certified over all networks',
  statement:
    'For β‖w‖₁ + (1/(2n))‖A_e w − y‖² on the data of Proposition 1 with β = 1e-4, the printed w1 and w2 (knot parameter c = 0.5) ' +
    'both give 1999/2 500 000 = 7.996e-4; the optimum over the dictionaries with c = 0.2 and c = 0.8 and over the 2n ramps with ' +
    'knots at the data is the same value; and the residual passes the knot sweep (max_t |Σ r_i(s(a_i − t))_+|/n ≤ β, Σ r_i = 0), ' +
    'which certifies optimality over ramps with arbitrary knots.',
  hypotheses: ['the printed data, dictionaries and weights'],
  kind: 'published-number',
  provenance: 'paper',
  published: [
    { key: 'w1', quantity: 'objective at the printed w1', value: appendix11.value, source: 'Appendix 11, eq. (51)', tolerance: { value: APPX_EXACT_TOL, reason: APPX_EXACT_REASON } },
    { key: 'w2', quantity: 'objective at the printed w2', value: appendix11.value, source: 'Appendix 11, eq. (51)', tolerance: { value: APPX_EXACT_TOL, reason: APPX_EXACT_REASON } },
    { key: 'optimumRamps', quantity: 'optimum over the 2n ramps with knots at data points', value: appendix11.value, source: 'Appendix 11, eq. (51)', tolerance: { value: APPX_SOLVER_TOL, reason: APPX_SOLVER_REASON } },
    { key: 'optimumC02', quantity: 'optimum over the dictionary with c = 0.2', value: appendix11.value, source: 'Appendix 11 (the continuum c ∈ [0, 1])', tolerance: { value: APPX_SOLVER_TOL, reason: APPX_SOLVER_REASON } },
    { key: 'optimumC08', quantity: 'optimum over the dictionary with c = 0.8', value: appendix11.value, source: 'Appendix 11 (the continuum c ∈ [0, 1])', tolerance: { value: APPX_SOLVER_TOL, reason: APPX_SOLVER_REASON } },
  ],
  tolerance: { value: CERT_REL, reason: 'knot-sweep certificate: ≤ β(1 + 1e-9) — coordinate descent to 1e-15 moves leaves a residual accurate to ~1e-13 relative; 1e-9 is a margin of 10⁴' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: appendix11Subject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const n = A1.length;
    const kappa = s.kappa(n);
    const beta = appendix11.beta;
    const D05 = rampDictionary(A1, appendix11.u, appendix11.bias(0.5));
    const published: Record<string, number> = {
      w1: lassoValue(D05, n, 10, Y1, appendix11.w1, 0, beta, kappa),
      w2: lassoValue(D05, n, 10, Y1, appendix11.w2, 0, beta, kappa),
    };
    for (const [key, c] of [['optimumC02', 0.2], ['optimumC08', 0.8]] as const) {
      published[key] = lassoCD(rampDictionary(A1, appendix11.u, appendix11.bias(c)), n, 10, Y1, { beta, kappa }).value;
    }
    const u: number[] = [];
    const b: number[] = [];
    for (const ai of A1) {
      u.push(1, -1);
      b.push(-ai, ai);
    }
    const ramps = lassoCD(rampDictionary(A1, u, b), n, 2 * n, Y1, { beta, kappa });
    published.optimumRamps = ramps.value;
    const cert = knotCertificate(A1, ramps.residual, kappa);
    return {
      comparisons: [
        le('knot sweep max_t |Σ r_i (s(a_i − t))_+|/n ÷ β', cert.maxRamp / beta, 1 + CERT_REL),
        le('|Σ r_i|', Math.abs(cert.sumResidual), 1e-12),
      ],
      published,
      values: { knotSweepOverBeta: cert.maxRamp / beta, sumResidual: cert.sumResidual },
    };
  },
});

/** The 1-D pipeline under test: the ramp dictionary of the convex side. */
export interface OneDSubject {
  /** Knots and directions of the dictionary for sorted data a. */
  ramps(a: readonly number[]): { u: number[]; b: number[] };
}

export const oneDSubject: OneDSubject = {
  ramps: (a) => {
    const u: number[] = [];
    const b: number[] = [];
    for (const ai of a) {
      u.push(1, -1);
      b.push(-ai, ai);
    }
    return { u, b };
  },
};

const EQUIV_RTOL = 1e-10;

export const oneDEquivalence = defineClaim({
  id: 'ep21.oned.equivalence',
  paper: 'ep21',
  location: 'Section 4.1: Lemma 6 (kinks at data points), Corollary 8 and Remark 4 (regularized training = ℓ1 over extreme-point ramps)',
  title: '1-D networks with weight decay: the ℓ1 problem over data-knot ramps gives p*, certified; local training ends above it',
  statement:
    'For 1-D data with an unregularized hidden bias and output intercept, min ½‖Φz + c − y‖² + β‖z‖₁ over the 2n ramps (x − a_i)_+, ' +
    '(a_i − x)_+ equals the weight-decay training optimum p*: the mapped network (u = s√|z|, b = −s a_i√|z|, w = sign(z)√|z|) ' +
    'attains it, the knot sweep certifies it over all networks, and non-convex training from random initialisations ends at or above it.',
  hypotheses: ['n ∈ {6, 8, 10} sorted points a_i ~ U(−2, 2), y ~ N(0, I)', 'β ∈ {0.05, 0.2}', 'Adam runs: m = 2n neurons, 1500 steps'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: EQUIV_RTOL, reason: 'network objective vs Lasso value: the map is exact algebra (one square root per neuron), ~n·ε_mach relative; 1e-10 leaves room for the Lasso value itself' },
  budget: { quick: 3, default: 15, thorough: 100 },
  subject: oneDSubject,
  instances: oneDInstance([6, 8, 10], [0.05, 0.2]),
  check: ({ a, y, beta }, s, ctx) => {
    const n = a.length;
    const { u, b } = s.ramps(a);
    const p = u.length;
    const Phi = rampDictionary(a, u, b);
    const lasso = lassoCD(Phi, n, p, y, { beta, intercept: true, tol: 1e-14 });
    // network with hidden bias as a second input column [a, 1] — the bias is NOT penalised here,
    // so evaluate the objective directly: ½‖Σ w_j(u_j a + b_j)_+ + c − y‖² + (β/2)Σ(u_j² + w_j²)
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let f = lasso.c;
      for (let j = 0; j < p; j++) {
        const z = lasso.w[j];
        if (z === 0) continue;
        const r = Math.sqrt(Math.abs(z));
        const uj = u[j] * r;
        const bj = b[j] * r;
        f += Math.sign(z) * r * Math.max(0, uj * a[i] + bj);
      }
      loss += (f - y[i]) ** 2;
    }
    let reg = 0;
    for (let j = 0; j < p; j++) reg += 2 * Math.abs(lasso.w[j]); // u_j² + w_j² = 2|z_j| (|u| = 1 directions)
    const netValue = 0.5 * loss + 0.5 * beta * reg;
    const cert = knotCertificate(a, lasso.residual, 1);
    const lower = scaledDualValue(y, lasso.residual, cert.maxRamp, beta);
    // non-convex runs: a network with an unpenalised hidden bias is X = [a, 1] with the bias column scaled by a large
    // factor L (penalty on the bias weight β/2·(b/L)² → 0); L = 1e3 keeps the bias penalty ≤ 1e-6 of the objective
    const Lb = 1e3;
    const problem = reluProblem({ X: a.map((ai) => [ai, Lb]), y, beta, intercept: true });
    let worstBelow = -Infinity;
    let bestRun = Infinity;
    for (let run = 0; run < 2; run++) {
      const tr = trainNetwork(problem, { m: 2 * n, rng: createRng(ctx.rng.int(2 ** 31)), iterations: 1500, stepSize: 2e-2 });
      worstBelow = Math.max(worstBelow, lower - tr.objective);
      bestRun = Math.min(bestRun, tr.objective);
    }
    return {
      comparisons: [
        le('|network objective − Lasso value| (relative)', Math.abs(netValue - lasso.value) / Math.max(1, lasso.value), EQUIV_RTOL),
        le('knot sweep ÷ β', cert.maxRamp / beta, 1 + 1e-6),
        le('|Σ r_i|', Math.abs(cert.sumResidual), 1e-8),
        le('(Lasso value − certified lower bound) / Lasso value', (lasso.value - lower) / lasso.value, 1e-6),
        le('certified lower bound − best non-convex run', worstBelow, 1e-9),
      ],
      values: { pStar: lasso.value, lowerBound: lower, bestNonConvex: bestRun, nonConvexExcess: bestRun - lasso.value },
    };
  },
});

export const oneDClaims = [prop1Certificate, prop1NonUnique, appendix11Value, oneDEquivalence];
