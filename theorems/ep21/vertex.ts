/**
 * Extreme-point neurons in closed form (Ergen & Pilanci, JMLR 2021, Section 4.3):
 * Lemma 7's vertex neurons with Theorems 6 and 7, and the rank-one reduction of
 * Corollary 5 to a 1-D problem (checked with the knot sweep of
 * docs/claims/ep21.md#knot-sweep).
 */
import fc from 'fast-check';
import { defineClaim, eq, le, type Comparison } from '../../src/claims/claim.ts';
import { createRng } from '../../src/core/random.ts';
import { knotCertificate, lassoCD, rampDictionary, vertexNeuron, type VertexNeuron } from '../../src/relu/closed-forms.ts';

/** Lemma 7's construction under test. */
export interface VertexSubject {
  neuron(X: Float64Array, n: number, d: number, i: number): VertexNeuron;
}

export const vertexSubject: VertexSubject = { neuron: (X, n, d, i) => vertexNeuron(X, n, d, i) };

const V_TOL = 1e-8;

export const vertexLemma7 = defineClaim({
  id: 'ep21.vertex.lemma7',
  paper: 'ep21',
  location: 'Section 4.3: Lemma 7 (eq. (10)), Theorem 6 (diagonal activations), Theorem 7 (Gaussian data, d > 2n log(n − 1))',
  title: 'Lemma 7\'s neurons make (AU + 1bᵀ)_+ diagonal with the distances to the hull of the other samples; n neurons fit any y',
  statement:
    'For A ~ N(0, 1)^{10×50}, λ* = argmin_{λ ∈ simplex} ‖a_i − Σ_{j≠i} λ_j a_j‖, u_i the normalised residual and b_i = min_{j≠i}(−a_jᵀu_i) ' +
    'give H = (AU + 1bᵀ)_+ diagonal with H_ii = dist(a_i, conv{a_j : j ≠ i}) > 0 (every sample a vertex), so w = y./diag(H) fits y exactly.',
  hypotheses: ['A with i.i.d. N(0, 1) entries, n = 10, d = 50 (d > 2n log(n − 1) ≈ 43.9)', 'y ~ N(0, I)'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: {
    value: V_TOL,
    reason:
      'H_ii = min_j (a_i − a_j)ᵀu_i is a lower bound on the hull distance for any unit u and ‖a_i − Σλa_j‖ an upper bound for any λ in the ' +
      'simplex; accelerated projected gradient stopped at moves ≤ 1e-16 makes the two agree to ~1e-10 relative on distances ≈ 6–10 ' +
      '(condition of the 9×9 Gram ≈ 10); 1e-8 relative leaves a margin of 100. Off-diagonals are exact zeros by construction (≤ 1e-12 in float64).',
  },
  budget: { quick: 2, default: 10, thorough: 100 },
  subject: vertexSubject,
  instances: fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => {
    const rng = createRng(seed);
    return { n: 10, d: 50, X: Array.from(rng.fillNormal(new Float64Array(500))), y: Array.from(rng.fillNormal(new Float64Array(10))) };
  }),
  check: ({ n, d, X: Xa, y }, s) => {
    const X = Float64Array.from(Xa);
    const H = new Float64Array(n * n);
    let offDiag = 0;
    let sandwich = 0;
    let simplex = 0;
    let minDiag = Infinity;
    for (let i = 0; i < n; i++) {
      const v = s.neuron(X, n, d, i);
      let sum = 0;
      for (const l of v.lambda) {
        simplex = Math.max(simplex, -l);
        sum += l;
      }
      simplex = Math.max(simplex, Math.abs(sum - 1));
      for (let j = 0; j < n; j++) {
        let t = v.b;
        for (let k = 0; k < d; k++) t += X[j * d + k] * v.u[k];
        H[j * n + i] = Math.max(0, t);
        if (j !== i) offDiag = Math.max(offDiag, H[j * n + i]);
      }
      minDiag = Math.min(minDiag, H[i * n + i]);
      sandwich = Math.max(sandwich, (v.residualNorm - H[i * n + i]) / v.residualNorm);
    }
    let fit = 0;
    for (let j = 0; j < n; j++) {
      let f = 0;
      for (let i = 0; i < n; i++) f += H[j * n + i] * (y[i] / H[i * n + i]);
      fit = Math.max(fit, Math.abs(f - y[j]));
    }
    const out: Comparison[] = [
      le('max off-diagonal of (AU + 1bᵀ)_+', offDiag, 1e-12),
      le('λ off the simplex (max(−λ), |1ᵀλ − 1|)', simplex, 1e-12),
      le('max (‖a_i − Σλa_j‖ − H_ii)/‖a_i − Σλa_j‖ (hull-distance sandwich)', sandwich, V_TOL),
      le('max |Hw − y| with w = y./diag(H)', fit, 1e-12),
      eq('samples that are not vertices (H_ii ≤ 0)', minDiag > 0 ? 0 : 1, 0),
    ];
    return { comparisons: out, values: { minHullDistance: minDiag } };
  },
});

/** Rank-one reduction under test: the 1-D coordinates of the samples along a. */
export interface RankOneSubject {
  coordinates(c: readonly number[], a: readonly number[]): number[];
}

export const rankOneSubject: RankOneSubject = { coordinates: (c, a) => c.map((ci) => ci * Math.hypot(...a)) };

export const rankOneCorollary5 = defineClaim({
  id: 'ep21.rankone.corollary5',
  paper: 'ep21',
  location: 'Section 4.3, Corollary 5 (rank-one data: extreme points u = ±a/‖a‖, b = −s c_i‖a‖)',
  title: 'Rank-one data reduce to 1-D: the ℓ1 problem over the 2n extreme neurons is optimal over all networks',
  statement:
    'For A = c aᵀ, (Au + b1)_+ depends on u only through t = aᵀu ∈ [−‖a‖, ‖a‖]; the neurons u = ±a/‖a‖, b = −s c_i‖a‖ (knots at c_i‖a‖) ' +
    'give an ℓ1 problem whose solution, mapped to a network on A with unpenalised hidden bias and output intercept, has the same ' +
    'weight-decay objective and passes the 1-D knot-sweep certificate.',
  hypotheses: ['c_i ~ U(−2, 2), a ~ N(0, I₅), n = 8', 'y ~ N(0, I)', 'β ∈ {0.05, 0.2}'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: 1e-10, reason: 'as for ep21.oned.equivalence: exact algebra of the map (~n·ε_mach relative) plus the Lasso value accuracy' },
  budget: { quick: 3, default: 15, thorough: 100 },
  subject: rankOneSubject,
  instances: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), beta: fc.constantFrom(0.05, 0.2) }).map(({ seed, beta }) => {
    const rng = createRng(seed);
    const c = Array.from({ length: 8 }, () => -2 + 4 * rng.uniform());
    const a = Array.from({ length: 5 }, () => rng.normal());
    const y = Array.from({ length: 8 }, () => rng.normal());
    return { c, a, y, beta };
  }),
  check: ({ c, a, y, beta }, s) => {
    const n = c.length;
    const d = a.length;
    const na = Math.hypot(...a);
    const t = s.coordinates(c, a);
    const u1: number[] = [];
    const b1: number[] = [];
    for (const tk of t) {
      u1.push(1, -1);
      b1.push(-tk, tk);
    }
    const lasso = lassoCD(rampDictionary(t, u1, b1), n, 2 * n, y, { beta, intercept: true, tol: 1e-14 });
    // network on the d-dimensional data A = c aᵀ: u_j = s·(a/‖a‖)·√|z|, b_j = b1_j·√|z|, α_j = sign(z)√|z|
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let f = lasso.c;
      for (let j = 0; j < 2 * n; j++) {
        const z = lasso.w[j];
        if (z === 0) continue;
        const r = Math.sqrt(Math.abs(z));
        let pre = b1[j] * r;
        for (let k = 0; k < d; k++) pre += c[i] * a[k] * ((u1[j] * a[k]) / na) * r;
        f += Math.sign(z) * r * Math.max(0, pre);
      }
      loss += (f - y[i]) ** 2;
    }
    let reg = 0;
    for (const z of lasso.w) reg += 2 * Math.abs(z);
    const netValue = 0.5 * loss + 0.5 * beta * reg;
    const cert = knotCertificate(t, lasso.residual, 1);
    return {
      comparisons: [
        le('|network objective on A − ℓ1 value| (relative)', Math.abs(netValue - lasso.value) / Math.max(1, lasso.value), 1e-10),
        le('knot sweep ÷ β', cert.maxRamp / beta, 1 + 1e-6),
        le('|Σ r_i|', Math.abs(cert.sumResidual), 1e-8),
      ],
      values: { value: lasso.value },
    };
  },
});

export const vertexClaims = [vertexLemma7, rankOneCorollary5];
