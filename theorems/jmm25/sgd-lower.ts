/**
 * JMF-5 and JMF-6: SGD with a constant step on Lemma 19's constructions (App. C.4) and Theorem 6's
 * final inequality (§4, end of App. C.4), checked by arithmetic over configurations and step sizes,
 * and by running SGD (and, for comparison, AdaGrad) on Theorem 6's instance.
 */
import fc from 'fast-check';
import { defineClaim, ge, le, type Comparison, type Series } from '../../src/claims/claim.ts';
import {
  adagrad, lemma19Piece, run, sgd, theorem6Bound, theorem6Instance, theorem6PerEta, twoPointOracle, type Lemma19Piece, type Method,
  type TwoPointOracle,
} from '../../src/adagrad/index.ts';
import { logUniformDouble } from '../../src/arbitraries/numbers.ts';
import { sigmaEntry } from '../../src/arbitraries/adagrad.ts';
import { EPS, jmm, meanSE } from './common.ts';

/** The implementation under test: SGD, Lemma 19's per-coordinate construction and its two-point oracle. */
export interface Lemma19Subject {
  method(eta: number): Method;
  piece(L: number, Delta: number, sigma: number, eta: number, T: number): Lemma19Piece;
  oracle(sigma: number[], eps: number[]): TwoPointOracle;
}
export const lemma19Subject: Lemma19Subject = { method: sgd, piece: lemma19Piece, oracle: twoPointOracle };

const PATH_TOL = 1e-10;
const PATH_REASON =
  'the iterates alternate x ↦ x − s ↦ x (or step along the knots) in float64: each step adds ≤ 1 ulp of (|x| + s), so after T ≤ 2000 steps ' +
  'the drift is ≤ T·ε·(|x| + s); inside the quadratic part this moves p′ by L·drift, ≤ T·(Lη + 3)·ε·ε_slope ≤ 4e-12 relative; 1e-10 leaves 25×. ' +
  'Law identities: E g = P·v and E g² = P·v² are a few roundings from p′ and σ² + p′² (≤ 8ε, 16ε relative to σ² + p′², which the variance is computed against because of the cancellation of p′²)';

export const lemma19Constructions = defineClaim({
  ...jmm,
  id: 'jmm25.lemma19.sgd-constructions',
  location: 'Lemma 19 and its proof, eqs. (39)–(42) (App. C.4)',
  title: "Lemma 19: SGD with a constant step keeps |p′(x_t)| at the construction's slope in every realisation",
  statement:
    'η ≥ 2/L: p = (L/2)x² on |x| ≤ √(2Δ/L), √(2LΔ)|x| − Δ outside, x₁ = −√(2Δ/L), exact gradients: |p′(x_t)| = √(2LΔ) for all t. ' +
    'Construction I (η < 2/L): ε = min{σ√(Lη/2), √(2LΔ)}, p from (40), oracle (41) [g = (1 + σ²/ε²)p′ w.p. ε²/(σ² + ε²), else 0; unbiased, ' +
    'variance (σ²/ε²)p′² = σ² at |p′| = ε], x₁ = ε/L: |p′(x_t)| = ε for all t in every realisation. Construction II: while fewer than N moves ' +
    'were made, x_t is the next point q_{M+1} and |p′(x_t)| = 2ε. In every case p′ is L-Lipschitz and p(x₁) − inf p ≤ Δ.',
  hypotheses: ['L, Δ ∈ [0.1, 10], σ ∈ [0.05, 5]', 'η = u·2/L with u ∈ [0.01, 3]', 'T ∈ [20, 2000], 3 realisations per instance'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: PATH_TOL, reason: PATH_REASON },
  budget: { quick: 40, default: 200, thorough: 2000 },
  subject: lemma19Subject as Lemma19Subject,
  instances: fc.record({
    L: logUniformDouble(0.1, 10),
    Delta: logUniformDouble(0.1, 10),
    sigma: logUniformDouble(0.05, 5),
    u: fc.oneof(logUniformDouble(0.01, 0.99), logUniformDouble(1, 3)),
    T: fc.integer({ min: 20, max: 2000 }),
  }),
  check: ({ L, Delta, sigma, u, T }, s, ctx) => {
    const eta = (u * 2) / L;
    const pc = s.piece(L, Delta, sigma, eta, T);
    const oracle = s.oracle([pc.sigma], [pc.eps]);
    const slope = pc.slope;
    let slopeErr = 0;
    let posErr = 0;
    const spacing = eta * (pc.eps + (pc.sigma * pc.sigma) / pc.eps);
    for (let r = 0; r < 3; r++) {
      let moves = 0;
      const res = run({ d: 1, L: Float64Array.of(L), infimum: pc.p.infimum, value: (w) => pc.p.value(w[0]), gradient: (w, out) => void (out[0] = pc.p.deriv(w[0])) }, oracle, s.method(eta), {
        T,
        w1: [pc.x1],
        rng: ctx.rng,
        observer: (_t, w, grad, g) => {
          if (pc.which !== 'construction-II' || moves < pc.N) {
            slopeErr = Math.max(slopeErr, Math.abs(Math.abs(grad[0]) - slope) / slope);
            if (pc.which === 'construction-II') posErr = Math.max(posErr, Math.abs(w[0] - moves * spacing) / (1 + moves * spacing));
          }
          if (g[0] !== 0) moves++;
        },
      });
      if (res.status !== 'completed') slopeErr = Infinity;
    }
    // Law of the oracle at p′ = ±slope (exact arithmetic on the declared law).
    let lawMean = 0;
    let lawVar = 0;
    for (const gp of [slope, -slope]) {
      const law = oracle.law(0, gp);
      lawMean = Math.max(lawMean, Math.abs(law.probability * law.value - gp) / slope);
      if (pc.sigma > 0) lawVar = Math.max(lawVar, Math.abs(law.probability * law.value * law.value - gp * gp - pc.sigma * pc.sigma) / (pc.sigma * pc.sigma + gp * gp));
    }
    // p′ is L-Lipschitz and the gap is ≤ Δ (grid over the visited range and beyond).
    const lo = Math.min(pc.x1, -2 * Math.abs(pc.x1)) - 1;
    const hi = Math.max(pc.x1, pc.N * spacing) + 2 * Math.abs(pc.x1) + 1;
    let lip = 0;
    const n = 4000;
    for (let k = 0; k < n; k++) {
      const x = lo + ((hi - lo) * k) / n;
      const y = lo + ((hi - lo) * (k + 1)) / n;
      lip = Math.max(lip, Math.abs(pc.p.deriv(y) - pc.p.deriv(x)) / (y - x));
    }
    const gap = pc.p.value(pc.x1) - pc.p.infimum;
    return {
      comparisons: [
        le('max_t ||p′(x_t)| − slope| / slope (pathwise, 3 realisations)', slopeErr, PATH_TOL),
        le('construction II: max |x_t − q_{M+1}| / (1 + q_{M+1})', posErr, PATH_TOL),
        le('|E g − p′| / slope (two-point law)', lawMean, 8 * EPS),
        le('|Var g − σ²| / (σ² + p′²) at |p′| = slope (two-point law)', lawVar, 16 * EPS),
        le('grid Lipschitz constant of p′ / L', lip / L, 1 + PATH_TOL),
        le('(p(x₁) − inf p) / Δ', gap / Delta, 1 + PATH_TOL),
      ],
      values: { which: pc.which, eta, slope, N: pc.N },
    };
  },
});

/** The implementation under test: Lemma 19 summed over coordinates, and Theorem 6's explicit bound. */
export interface Theorem6Subject {
  perEta(L: number[], sigma: number[], Delta: number, T: number, eta: number): number;
  bound(L: number[], sigma: number[], Delta: number, T: number): { value: number };
}
export const theorem6Subject: Theorem6Subject = { perEta: theorem6PerEta, bound: theorem6Bound };

/** η grid: 4,000 log-spaced points on [1e-9, 100] plus the jumps 2/L_i (just below and at). */
function etaGrid(L: number[]): number[] {
  const grid: number[] = [];
  for (let k = 0; k < 4000; k++) grid.push(1e-9 * 1e11 ** (k / 3999));
  for (const Li of L) grid.push((2 / Li) * (1 - 1e-12), 2 / Li);
  return grid;
}

export const theorem6FinalInequality = defineClaim({
  ...jmm,
  id: 'jmm25.theorem6.final-inequality',
  location: 'Theorem 6 (§4), final inequality of its proof (end of App. C.4, p. 35), from Lemma 19 per coordinate with Δ/d each',
  title: "Theorem 6's explicit lower bound is below Lemma 19's per-coordinate bounds for every constant step η",
  statement:
    'For every η > 0: Σ_i lb_i(η) ≥ min{(1/16)√(d‖L‖∞Δ/(2T)) + d^{1/4}Δ^{1/4}(Σσ_i√L_i)^{1/2}/(8·2^{1/4}T^{1/4}), (1/4)√(L_minΔ/d)}, where lb_i is ' +
    "Lemma 19's bound for coordinate i with L_i, σ_i, Δ/d and the shared η — checked as min over an η grid (with the jumps at 2/L_i).",
  tex: '\\min_\\eta\\sum_i \\mathrm{lb}_i(\\eta)\\ \\ge\\ \\min\\Big\\{\\tfrac1{16}\\sqrt{\\tfrac{d\\|L\\|_\\infty\\Delta}{2T}}+\\tfrac{d^{1/4}\\Delta^{1/4}(\\sum_i\\sigma_i\\sqrt{L_i})^{1/2}}{8\\cdot2^{1/4}T^{1/4}},\\ \\tfrac14\\sqrt{\\tfrac{L_{\\min}\\Delta}{d}}\\Big\\}',
  hypotheses: ['d ∈ {1, 2, 10, 100}, L_i ∈ [e⁻⁴, e²], σ_i ∈ {0} ∪ [0.01, 2], Δ ∈ [0.1, 10], T ∈ [10, 10⁶]'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: { value: 1e-12, reason: 'both sides are sums of ≤ 100 float64 terms with √ and fourth roots: relative error ≤ 1e-13; 1e-12 relative margin (the bound is not tight: the measured slack is a factor ≥ 2)' },
  budget: { quick: 15, default: 100, thorough: 1000 },
  subject: theorem6Subject as Theorem6Subject,
  instances: fc.constantFrom(1, 2, 10, 100).chain((d) =>
    fc.record({
      L: fc.array(logUniformDouble(Math.exp(-4), Math.exp(2)), { minLength: d, maxLength: d }),
      sigma: fc.array(sigmaEntry(0.01, 2), { minLength: d, maxLength: d }),
      Delta: logUniformDouble(0.1, 10),
      T: logUniformDouble(10, 1e6).map(Math.round),
    }),
  ),
  check: ({ L, sigma, Delta, T }, s) => {
    let best = Infinity;
    let bestEta = NaN;
    for (const eta of etaGrid(L)) {
      const v = s.perEta(L, sigma, Delta, T, eta);
      if (v < best) {
        best = v;
        bestEta = eta;
      }
    }
    const b = s.bound(L, sigma, Delta, T).value;
    return { comparisons: [ge('min_η Σ_i lb_i(η) / bound', best / b, 1 - 1e-12)], values: { minLB: best, bestEta, bound: b, ratio: best / b } };
  },
});

const SGD_RUNS = { quick: 12, default: 24, thorough: 100 } as const;

export const theorem6OnConstruction = defineClaim({
  ...jmm,
  id: 'jmm25.theorem6.sgd-on-construction',
  location: 'Theorem 6 (§4) and Lemma 19 (App. C.4): f = Σ_i p_{Δ/d, L_i, σ_i, η, T}(x_i) with a shared step',
  title: "SGD with step η on Theorem 6's instance for η: E[min_t‖∇f(x_t)‖₁] ≥ Σ_i lb_i(η) (Monte Carlo)",
  statement:
    "Running SGD with step η on the separable instance built for η (Δ split equally, Lemma 19's construction per coordinate) gives " +
    'E[min_{t≤T}‖∇f(x_t)‖₁] ≥ Σ_i lb_i(η): checked as Monte Carlo mean + 5·SE ≥ Σ_i lb_i(η) and f(x₁) − inf f ≤ Δ.',
  hypotheses: ['d ∈ [1, 6], L_i ∈ [0.1, 10], σ_i ∈ {0} ∪ [0.01, 2], Δ ∈ [0.1, 10], η ∈ [1e-3, 10], T ∈ [20, 500]'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: { value: 5, reason: 'Monte Carlo mean of 12–100 realisations: a lower bound is contradicted only if mean + 5·SE < bound (normal tail ≲ 3e-7); where every realisation is pinned exactly (SE = 0) the comparison allows 1e-10 relative rounding, as in jmm25.lemma19.sgd-constructions' },
  budget: { quick: 15, default: 60, thorough: 500 },
  subject: lemma19Subject as Lemma19Subject,
  instances: fc.integer({ min: 1, max: 6 }).chain((d) =>
    fc.record({
      L: fc.array(logUniformDouble(0.1, 10), { minLength: d, maxLength: d }),
      sigma: fc.array(sigmaEntry(0.01, 2), { minLength: d, maxLength: d }),
      Delta: logUniformDouble(0.1, 10),
      eta: logUniformDouble(1e-3, 10),
      T: fc.integer({ min: 20, max: 500 }),
    }),
  ),
  check: ({ L, sigma, Delta, eta, T }, s, ctx) => {
    const inst = theorem6Instance(L, sigma, Delta, eta, T);
    const gap = inst.problem.value(inst.w1) - inst.problem.infimum;
    const mins: number[] = [];
    for (let r = 0; r < SGD_RUNS[ctx.budget]; r++) mins.push(run(inst.problem, inst.oracle, s.method(eta), { T, w1: inst.w1, rng: ctx.rng }).minL1);
    const m = meanSE(mins);
    return {
      comparisons: [ge('(mean + 5·SE of min_t‖∇f(x_t)‖₁) / Σ_i lb_i(η)', (m.mean + 5 * m.se) / inst.bound, 1 - PATH_TOL), le('(f(x₁) − inf f) / Δ', gap / Delta, 1 + 1e-10)],
      values: { meanMin: m.mean, se: m.se, bound: inst.bound },
    };
  },
});

/** Reference configuration for the series and the README example. */
export const THEOREM6_REFERENCE = { L: [1, ...Array<number>(9).fill(1e-3)], sigma: [0.5, ...Array<number>(9).fill(0)], Delta: 4 };

export const theorem6AcrossT = defineClaim({
  ...jmm,
  id: 'jmm25.theorem6.across-t',
  location: 'Theorem 6 (§4, App. C.4)',
  title: "SGD vs AdaGrad on Theorem 6's instance across T (the instance is built against SGD's step)",
  statement:
    "On L = (1, 10⁻³ ×9), σ = (0.5, 0 ×9), Δ = 4, for each T the SGD step η*(T) minimising Σ_i lb_i(η) over the grid is taken, the instance is " +
    "built for it, and SGD's measured E[min_t‖∇f(x_t)‖₁] is ≥ Theorem 6's bound; AdaGrad (η = η*, δ = 10⁻³/d) on the same instance is recorded beside it.",
  hypotheses: ['the reference configuration', 'T ∈ {100, 1000, 10000}'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: { value: 5, reason: 'Monte Carlo mean + 5·SE against a lower bound, as for jmm25.theorem6.sgd-on-construction' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: lemma19Subject as Lemma19Subject,
  instances: fc.constant(THEOREM6_REFERENCE),
  check: ({ L, sigma, Delta }, s, ctx) => {
    const comparisons: Comparison[] = [];
    const series: Series = { title: "Theorem 6's instance: min_t‖∇f(x_t)‖₁ vs T", mark: 'line', x: 'T', y: 'min ℓ1 gradient norm', logX: true, logY: true, points: [] };
    const values: Record<string, number> = {};
    for (const T of [100, 1000, 10000]) {
      let eta = NaN;
      let best = Infinity;
      for (const e of etaGrid(L)) {
        const v = theorem6PerEta(L, sigma, Delta, T, e);
        if (v < best) [best, eta] = [v, e];
      }
      const inst = theorem6Instance(L, sigma, Delta, eta, T);
      const bound = theorem6Bound(L, sigma, Delta, T).value;
      const sgdMins: number[] = [];
      const adaMins: number[] = [];
      const runs = ctx.budget === 'quick' ? 6 : ctx.budget === 'default' ? 20 : 100;
      for (let r = 0; r < runs; r++) {
        sgdMins.push(run(inst.problem, inst.oracle, s.method(eta), { T, w1: inst.w1, rng: ctx.rng }).minL1);
        adaMins.push(run(inst.problem, inst.oracle, adagrad(eta, 1e-3 / L.length), { T, w1: inst.w1, rng: ctx.rng }).minL1);
      }
      const sg = meanSE(sgdMins);
      const ad = meanSE(adaMins);
      comparisons.push(ge(`T = ${T}: (SGD mean + 5·SE) / Theorem 6 bound`, (sg.mean + 5 * sg.se) / bound, 1 - PATH_TOL));
      series.points.push({ x: T, y: sg.mean, group: 'SGD (measured)' }, { x: T, y: ad.mean, group: 'AdaGrad (measured)' }, { x: T, y: bound, group: 'Theorem 6 bound' });
      Object.assign(values, { [`sgd@${T}`]: sg.mean, [`adagrad@${T}`]: ad.mean, [`bound@${T}`]: bound, [`eta@${T}`]: eta });
    }
    return { comparisons, series: [series], values };
  },
});

export const sgdLowerClaims = [lemma19Constructions, theorem6FinalInequality, theorem6OnConstruction, theorem6AcrossT];
