/**
 * JMF-1 … JMF-3: the analysed AdaGrad variant pinned by exact properties (§2), its scale invariance
 * at δ = 0, Lemma 12 and the pathwise form of (20), and Lemma 13 along trajectories (App. B).
 */
import fc from 'fast-check';
import { defineClaim, le } from '../../src/claims/claim.ts';
import { createRng } from '../../src/core/random.ts';
import { lemma12, norm1, normInf, replayOracle, run, separableSum, phiScalar, gaussianOracle, diagonalQuadratic } from '../../src/adagrad/index.ts';
import { logUniformDouble } from '../../src/arbitraries/numbers.ts';
import { runConfig } from '../../src/arbitraries/adagrad.ts';
import { DOC, EPS, jmm, oracleOf, paperAdagrad, problemOf, type AdagradSubject } from './common.ts';

/** 1 if the run did not complete its T steps (a diverged run fails every pathwise check). */
const divergedFlag = (status: string): number => (status === 'diverged' ? 1 : 0);

export const updateRule = defineClaim({
  ...jmm,
  id: 'jmm25.adagrad.update-rule',
  location: '§2 (AdaGrad, coordinate-wise); proof of Lemma 13 (App. B) for |w_{t+1,i} − w_{t,i}| ≤ η',
  title: 'AdaGrad as analysed: first step η g/(|g| + δ), every coordinate moves by at most η',
  statement:
    'w_{t+1,i} = w_{t,i} − η g_{t,i}/(b_{t,i} + δ) with b_{t,i} = √(Σ_{s≤t} g_{s,i}²): the current gradient is in the accumulator and δ is ' +
    'outside the root, so the first step is w_{2,i} = w_{1,i} − η g_{1,i}/(|g_{1,i}| + δ) (a sign step when δ = 0) and every step moves ' +
    'every coordinate by at most η.',
  tex: 'w_{t+1,i}=w_{t,i}-\\frac{\\eta\\,g_{t,i}}{\\sqrt{\\sum_{s\\le t}g_{s,i}^2}+\\delta},\\quad |w_{t+1,i}-w_{t,i}|\\le\\eta',
  hypotheses: ['η > 0, δ ≥ 0', 'any objective and oracle (the properties are pathwise)'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: {
    value: 4 * EPS,
    reason:
      'first step: the check evaluates w₁ − ηg/(|g| + δ) while the solver divides by √(g²) + δ; √(fl(g²)) is within 1 ulp of |g|, so the ' +
      'steps differ by ≤ 2ε relative and the subtraction adds ≤ ε·|w₁|: 4ε·(|w₁| + η) covers both. Step bound: |g|/√(Σg²) ≤ 1 exactly, ' +
      'rounded to ≤ 1 + 2ε, and measuring w_{t+1} − w_t in floating point adds ≤ 2ε|w_t|.',
  },
  budget: { quick: 40, default: 200, thorough: 2000 },
  subject: paperAdagrad as AdagradSubject,
  instances: fc.record({
    cfg: runConfig({ maxD: 8, etaLo: 1e-2, etaHi: 10, uLo: 1e-6, uHi: 1, tLo: 2, tHi: 60 }),
    zeroDelta: fc.boolean(),
  }),
  check: ({ cfg, zeroDelta }, s, ctx) => {
    const delta = zeroDelta ? 0 : cfg.delta;
    const P = problemOf(cfg);
    let firstErr = 0;
    let maxStep = 0;
    const g1 = new Float64Array(P.d);
    const w1 = Float64Array.from(cfg.w1);
    let prev: Float64Array | null = null;
    const r = run(P, oracleOf(cfg), s.method(cfg.eta, delta), {
      T: cfg.T,
      w1,
      rng: ctx.rng,
      observer: (t, w, _grad, g) => {
        if (t === 1) g1.set(g);
        if (t === 2) {
          for (let i = 0; i < P.d; i++) {
            const want = g1[i] === 0 ? w1[i] : w1[i] - (cfg.eta * g1[i]) / (Math.abs(g1[i]) + delta);
            firstErr = Math.max(firstErr, Math.abs(w[i] - want) / (Math.abs(w1[i]) + cfg.eta));
          }
        }
        if (prev) for (let i = 0; i < P.d; i++) maxStep = Math.max(maxStep, (Math.abs(w[i] - prev[i]) - 2 * EPS * Math.abs(prev[i])) / cfg.eta);
        prev = Float64Array.from(w);
      },
    });
    return [
      le('run diverged (1) or completed (0)', divergedFlag(r.status), 0),
      le('max_i |w₂ − (w₁ − ηg₁/(|g₁| + δ))| / (|w₁| + η)', firstErr, 4 * EPS),
      le('max_{t,i} (|w_{t+1,i} − w_{t,i}| − 2ε|w_{t,i}|) / η', maxStep, 1 + 4 * EPS),
    ];
  },
});

export const scaleInvariance = defineClaim({
  ...jmm,
  id: 'jmm25.adagrad.scale-invariance',
  location: '§2 (AdaGrad with δ = 0, as in Theorem 4); derived',
  title: 'With δ = 0, AdaGrad ignores per-coordinate scaling of the objective',
  statement:
    'For F(w) = Σ c_i φ_i(w_i) and F′(w) = Σ s_i c_i φ_i(w_i) with oracle noise scaled by s_i too, AdaGrad with δ = 0 produces the same ' +
    'iterates (g_{t,i}/b_{t,i} is invariant under g_{·,i} ↦ s_i g_{·,i}). With power-of-two s_i this holds bit for bit in binary floating point.',
  hypotheses: ['δ = 0', 's_i = 2^k_i, k_i ∈ [−8, 8]', 'the same random stream for both runs'],
  kind: 'identity',
  provenance: 'derived',
  source: `${DOC}#scale-invariance-at-delta-0`,
  tolerance: {
    value: 0,
    reason: 'scaling by a power of two commutes with every rounded operation of the update (products, sums, squares, √ of a power of four times x, quotients) away from overflow and underflow, so the iterates agree exactly',
  },
  budget: { quick: 30, default: 200, thorough: 2000 },
  subject: paperAdagrad as AdagradSubject,
  instances: fc.record({
    cfg: runConfig({ maxD: 6, etaLo: 1e-2, etaHi: 5, uLo: 1e-3, uHi: 1, tLo: 2, tHi: 60, families: ['phi'] }),
    k: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }),
    runSeed: fc.integer({ min: 0, max: 2 ** 30 }),
  }),
  check: ({ cfg, k, runSeed }, s) => {
    const d = cfg.c.length;
    const scale = cfg.c.map((_, i) => 2 ** k[i]);
    const pieces = (sc: number[]) => cfg.c.map((ci, i) => ({ p: phiScalar, a: ci * sc[i], b: 1 }));
    const A = separableSum(pieces(Array(d).fill(1)));
    const B = separableSum(pieces(scale));
    let diverged = 0;
    const traj = (P: typeof A, sigma: number[]): Float64Array[] => {
      const out: Float64Array[] = [];
      const rng = createRng(runSeed);
      const r = run(P, gaussianOracle(sigma), s.method(cfg.eta, 0), { T: cfg.T, w1: cfg.w1, rng, observer: (_t, w) => out.push(Float64Array.from(w)) });
      diverged = Math.max(diverged, divergedFlag(r.status));
      return out;
    };
    const a = traj(A, cfg.sigma);
    const b = traj(B, cfg.sigma.map((x, i) => x * scale[i]));
    let diff = a.length === b.length ? 0 : Infinity;
    for (let t = 0; t < Math.min(a.length, b.length); t++) for (let i = 0; i < d; i++) diff = Math.max(diff, Math.abs(a[t][i] - b[t][i]));
    return [le('either run diverged (1) or both completed (0)', diverged, 0), le('max_{t,i} |w_t − w′_t|', diff, 0)];
  },
});




/** A heavy-tailed non-negative sequence with zeros: a_t = 0 w.p. 0.3, else |Cauchy|·scale. */
const heavySequence = fc.record({
  T: fc.integer({ min: 1, max: 400 }),
  scale: logUniformDouble(1e-4, 1e4),
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
});

export const lemma12Pathwise = defineClaim({
  ...jmm,
  id: 'jmm25.adagrad.lemma12-pathwise',
  location: 'Lemma 12, eq. (26); Lemma 8, eq. (20) (App. B.1)',
  title: 'Lemma 12, and Σ_t η_{t,i}² g_{t,i}² ≤ η² log(1 + b_{T,i}²/δ²) along every run',
  statement:
    'For a_t ≥ 0 and A_t = Σ_{s≤t} a_s: Σ_{t≤T} a_t/(A_t + δ²) ≤ log(1 + A_T/δ²). Applied with a_t = g_{t,i}², since ' +
    '(b_{t,i} + δ)² ≥ b_{t,i}² + δ², AdaGrad\'s squared moves satisfy Σ_t (w_{t+1,i} − w_{t,i})² ≤ η² log(1 + b_{T,i}²/δ²) on every path — the ' +
    'only place where log h(T) enters Theorem 2.',
  hypotheses: ['δ > 0 (any size: Lemma 12 does not need δ < 1/d)', 'heavy-tailed gradients with zeros, replayed coordinate-wise'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: {
    value: 1e-12,
    reason:
      'both sides are sums of ≤ 400 positive terms computed in float64: each term carries ≤ 4ε relative error and the sum ≤ Tε, so the ' +
      'relative error is ≤ 500ε ≈ 1.1e-13; 1e-12 leaves a margin of ~10',
  },
  budget: { quick: 40, default: 300, thorough: 3000 },
  subject: paperAdagrad as AdagradSubject,
  instances: fc.record({ seq: heavySequence, delta: logUniformDouble(1e-3, 10), eta: logUniformDouble(1e-2, 10), d: fc.integer({ min: 1, max: 4 }) }),
  check: ({ seq, delta, eta, d }, s) => {
    const rng = createRng(seq.seed);
    const g = new Float64Array(seq.T * d);
    for (let k = 0; k < g.length; k++) {
      if (rng.uniform() < 0.3) continue;
      const cauchy = Math.tan(Math.PI * (rng.uniform() - 0.5));
      g[k] = (rng.uniform() < 0.5 ? -1 : 1) * Math.min(Math.abs(cauchy), 1e6) * seq.scale;
    }
    let lemmaRatio = 0;
    let pathRatio = 0;
    const sq = new Float64Array(d);
    const acc = new Float64Array(d);
    let prev: Float64Array | null = null;
    const r = run(diagonalQuadratic(Array(d).fill(1)), replayOracle(d, g), s.method(eta, delta), {
      T: seq.T,
      w1: Array(d).fill(0),
      observer: (_t, w, _grad, gt) => {
        if (prev) for (let i = 0; i < d; i++) sq[i] += (w[i] - prev[i]) ** 2;
        for (let i = 0; i < d; i++) acc[i] += gt[i] * gt[i];
        prev = Float64Array.from(w);
      },
    });
    for (let i = 0; i < d; i++) {
      if (prev) sq[i] += (r.w[i] - (prev as Float64Array)[i]) ** 2;
      const a = Array.from({ length: seq.T }, (_, t) => g[t * d + i] ** 2);
      const l = lemma12(a, delta);
      if (l.bound > 0) lemmaRatio = Math.max(lemmaRatio, l.sum / l.bound);
      const bound = eta * eta * Math.log1p(acc[i] / (delta * delta));
      if (bound > 0) pathRatio = Math.max(pathRatio, sq[i] / bound);
      else if (sq[i] > 0) pathRatio = Infinity;
    }
    return [
      le('run diverged (1) or completed (0)', divergedFlag(r.status), 0),
      le('Σ a_t/(A_t + δ²) / log(1 + A_T/δ²)', lemmaRatio, 1 + 1e-12),
      le('max_i Σ_t (w_{t+1,i} − w_{t,i})² / (η² log(1 + b_{T,i}²/δ²))', pathRatio, 1 + 1e-12),
    ];
  },
});

export const lemma13Trajectory = defineClaim({
  ...jmm,
  id: 'jmm25.adagrad.lemma13',
  location: 'Lemma 13, eqs. (27)–(28) (App. B)',
  title: 'Lemma 13: gradients change by at most η√(L_i‖L‖₁) per AdaGrad step',
  statement:
    'Under A4b, along AdaGrad: |∇_iF(w_{t+1}) − ∇_iF(w_t)| ≤ η√(L_i‖L‖₁) (27), hence |∇_iF(w_t)| ≤ ‖∇F(w₁)‖∞ + η√(‖L‖∞‖L‖₁)·t (28).',
  tex: '|\\nabla_iF(w_{t+1})-\\nabla_iF(w_t)|\\le\\eta\\sqrt{L_i\\|L\\|_1},\\quad |\\nabla_iF(w_t)|\\le\\|\\nabla F(w_1)\\|_\\infty+\\eta\\sqrt{\\|L\\|_\\infty\\|L\\|_1}\\,t',
  hypotheses: ['A4b with the separable test functions (L_i = 1.3c_i for Σc_iφ, L_i = c_i for ½Σc_iw_i²)', 'δ ∈ (0, 1/d)', 'Gaussian coordinate noise'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: {
    value: 1e-12,
    reason: 'the gradient differences are evaluated in float64 from iterates of size ≤ ~10⁴: absolute rounding ≤ 1e-12·(1 + |∇_iF|) covers them (≥ 100 ulps)',
  },
  budget: { quick: 40, default: 200, thorough: 2000 },
  subject: paperAdagrad as AdagradSubject,
  instances: runConfig({ maxD: 8, etaLo: 1e-2, etaHi: 5, uLo: 1e-4, uHi: 0.99, tLo: 2, tHi: 100 }),
  check: (cfg, s, ctx) => {
    const P = problemOf(cfg);
    const L1 = norm1(P.L);
    const Linf = normInf(P.L);
    let worst27 = -Infinity;
    let worst28 = -Infinity;
    let g1Inf = 0;
    let prevGrad: Float64Array | null = null;
    const r = run(P, oracleOf(cfg), s.method(cfg.eta, cfg.delta), {
      T: cfg.T,
      w1: cfg.w1,
      rng: ctx.rng,
      observer: (t, _w, grad) => {
        if (t === 1) g1Inf = normInf(grad);
        for (let i = 0; i < P.d; i++) {
          const slackTol = 1e-12 * (1 + Math.abs(grad[i]));
          if (prevGrad) worst27 = Math.max(worst27, Math.abs(grad[i] - prevGrad[i]) - cfg.eta * Math.sqrt(P.L[i] * L1) - slackTol);
          worst28 = Math.max(worst28, Math.abs(grad[i]) - (g1Inf + cfg.eta * Math.sqrt(Linf * L1) * t) - slackTol);
        }
        prevGrad = Float64Array.from(grad);
      },
    });
    return [
      le('run diverged (1) or completed (0)', divergedFlag(r.status), 0),
      le('max_{t,i} |∇_iF(w_{t+1}) − ∇_iF(w_t)| − η√(L_i‖L‖₁) (eq. 27)', worst27, 0),
      le('max_{t,i} |∇_iF(w_t)| − ‖∇F(w₁)‖∞ − η√(‖L‖∞‖L‖₁)t (eq. 28)', worst28, 0),
    ];
  },
});

export const updateClaims = [updateRule, scaleInvariance, lemma12Pathwise, lemma13Trajectory];
