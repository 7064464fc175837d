/**
 * Claims on RVSM (paper B) and RVSCGD (paper D): descent of the relaxed Lagrangian, the two update
 * orderings, normalisation invariance, stationarity and the closed form of the limits, exact ℓ0
 * recovery, the RVSCGD error bounds and angle recursion, minibatch versions
 * (derivations in docs/claims/dinh-xin.md).
 *
 * Provenance: the full texts of B and D were not available. The algorithm forms follow a later
 * restatement by the same group (RVSCGD's normalisation is our reconstruction), and every statement
 * below is the project's derivation, checked numerically here — none is a theorem quoted from B or D.
 */
import fc from 'fast-check';
import { defineClaim, eq, ge, le, type Comparison } from '../../src/claims/claim.ts';
import type { BudgetName } from '../../src/claims/claim.ts';
import {
  angle, coarseConstant, distance, dot, expectedCoarseGrad, gradRelu, norm, reluCoefficients, reluCurvatureAtOptimum,
} from '../../src/nets/model.ts';
import { rvscgd, rvsm, type RvscgdOptions, type SplittingOptions, type SplittingResult } from '../../src/nets/splitting.ts';
import { sameSupport } from '../../src/nets/teacher.ts';
import { type Penalty, proxVector } from '../../src/prox/prox.ts';
import { softScalar, tl1Threshold } from '../../src/prox/scalar.ts';
import { netPair, penaltyOf, splittingInstance, type SplittingInstance } from '../../src/arbitraries/nets.ts';
import { uniformDouble } from '../../src/arbitraries/numbers.ts';
import { abstractOf, projectSource } from './cite.ts';

const EPS = Number.EPSILON;
const K = 5;


/** The solvers under test (negative controls wrap them). */
export interface SplittingSubject {
  rvsm(opts: SplittingOptions): SplittingResult;
  rvscgd(opts: RvscgdOptions): SplittingResult;
}

export const splittingSubject: SplittingSubject = { rvsm, rvscgd };

/** max_t (L^{t+1} − L^t) over a trace (−∞ for a single entry). */
export function maxIncrease(L: ArrayLike<number>): number {
  let m = -Infinity;
  for (let t = 1; t < L.length; t++) m = Math.max(m, L[t] - L[t - 1]);
  return m;
}

/** ‖∇ℓ(w) + β(w − prox_{(λ/β)P}(w))‖, the RVSM fixed-point residual, computed independently of the solver. */
export function rvsmResidual(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, penalty: Penalty, lambda: number, beta: number): number {
  const g = gradRelu(w, wStar, k);
  const u = proxVector(penalty, w, lambda / beta);
  for (let i = 0; i < g.length; i++) g[i] += beta * (w[i] - u[i]);
  return norm(g);
}

/** ‖(I − ŵŵᵀ)(c(ŵ − ŵ*) + β(w − prox(w)))‖, the normalised RVSCGD residual (tangential), independent of the solver. */
export function rvscgdResidual(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, penalty: Penalty, lambda: number, beta: number): number {
  const g = expectedCoarseGrad(w, wStar, k, 'relu');
  const u = proxVector(penalty, w, lambda / beta);
  for (let i = 0; i < g.length; i++) g[i] += beta * (w[i] - u[i]);
  const nw = norm(w);
  const p = dot(g, w) / (nw * nw);
  for (let i = 0; i < g.length; i++) g[i] -= p * w[i];
  return norm(g);
}

/** max_i ‖v_i − v_0‖_∞ over a list of vectors. */
export function spread(vs: ArrayLike<number>[]): number {
  let m = 0;
  for (const v of vs) for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] - vs[0][i]));
  return m;
}

/** Descent-test iterations per budget (3,000–20,000). */
const descentIterations = (b: BudgetName): number => (b === 'quick' ? 3000 : b === 'default' ? 5000 : 20000);

// ---------------------------------------------------------------------------
// RVSM descent (u-first ordering) and the two orderings.

const B_BETA = 0.5;
const B_LAMBDA = 1e-3;
const DESCENT_TOL = 1e-12;
/** β values of the descent and ordering claims. */
const ORDER_BETAS = [0.2, 0.5, 1] as const;

/** Step limits of the two orderings with L = L* (docs/claims/dinh-xin.md#orderings): η_U = 2/(L + β), η_G = min(1/β, 2/(L + 2β)). */
export function stepLimits(beta: number, k = K): { uFirst: number; lagged: number } {
  const L = reluCurvatureAtOptimum(k);
  return { uFirst: 2 / (L + beta), lagged: Math.min(1 / beta, 2 / (L + 2 * beta)) };
}

/** Largest one-step increase of the Lagrangian trace, +∞ for a run that left the finite range. */
function increaseOrInfinity(r: SplittingResult): number {
  return r.stopReason === 'non-finite' || r.stopReason === 'zero-iterate' ? Infinity : maxIncrease(r.trace!.lagrangian);
}

export const rvsmDescent = defineClaim({
  id: 'dx.nets.rvsm-descent',
  paper: 'dx',
  location: abstractOf('B', 'RVSM combines thresholding with gradient descent; convergence'),
  title: 'RVSM (u-first ordering): the relaxed Lagrangian L_β is non-increasing for every η < 2/(β + L*)',
  statement:
    'Derived (not from B; the η < 2/(β + L) condition is the form of the group\'s later restatement): population ReLU loss ' +
    '(c₀ = 1), k = 5, λ = 1e-3, u-first ordering (u^{t+1} = prox(w^t) before the w-step) with u⁰ = prox(w⁰); for β ∈ {0.2, 0.5, 1} ' +
    'and η ∈ {0.95η_G, 1.05η_G, 0.95η_U}, where η_U = 2/(L* + β) and η_G = min(1/β, 2/(L* + 2β)) (L* = (1 + (k−1)/π)/k), the sequence ' +
    'L_β(w^t, u^t) is non-increasing (to 1e-12) for ℓ1, ℓ0 and TL1 (a = 1). The steps between η_G and η_U are where the lagged ' +
    'ordering (the restatement\'s pseudo-code read literally) is already unstable: it is this claim\'s negative control.',
  tex: 'L_\\beta(w^{t+1},u^{t+1})\\le L_\\beta(w^t,u^t)\\quad(\\eta<2/(\\beta+L^*),\\ u\\text{-first})',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1 with 10 zeros', 'w⁰ᵀw* > 0, ‖w⁰‖ ∈ [0.5, 2]', 'β ∈ {0.2, 0.5, 1}, λ = 1e-3, η ∈ {0.95η_G, 1.05η_G, 0.95η_U}', '3,000 (quick) to 20,000 (thorough) iterations per η'],
  kind: 'bound',
  provenance: 'derived',
  source: projectSource('descent', 'step limits in docs/claims/dinh-xin.md#orderings'),
  tolerance: {
    value: DESCENT_TOL,
    reason:
      'L_β ≈ 0.1–1 is a sum of ~40 rounded terms: evaluation error ≲ 40 ε_mach·|L_β| ≈ 1e-14; measured increases ≤ 2e-16. ' +
      '1e-12 leaves a margin of 100 while the lagged ordering at 1.05η_G increases by 0.08 (β = 0.2) to 0.23 (β = 1).',
  },
  budget: { quick: 3, default: 9, thorough: 30 },
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ inits: 1 }), fc.constantFrom(...ORDER_BETAS)),
  check: ([inst, beta], s, ctx) => {
    const { uFirst, lagged } = stepLimits(beta);
    const etas = [0.95 * lagged, 1.05 * lagged, 0.95 * uFirst];
    const runs = etas.map((eta) =>
      s.rvsm({
        wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: penaltyOf(inst.penalty),
        lambda: B_LAMBDA, beta, eta, iterations: descentIterations(ctx.budget),
      }),
    );
    const inc = runs.map(increaseOrInfinity);
    return {
      comparisons: [
        le('max over η, t of L_β(t+1) − L_β(t)', Math.max(...inc), DESCENT_TOL),
        eq('runs completed', runs.filter((r) => r.stopReason === 'completed').length, etas.length),
      ],
      values: { beta, penalty: inst.penalty, etaLagged: lagged, etaUFirst: uFirst, increaseAt105Lagged: inc[1], finalLagrangian: runs[2].trace!.lagrangian.at(-1)! },
    };
  },
  metrics: [{ name: 'max over η, t of L_β(t+1) − L_β(t)', direction: 'lower-is-better' }],
});

const ORDER_TOL = 1e-12;
export const rvsmOrderings = defineClaim({
  id: 'dx.nets.rvsm-orderings',
  paper: 'dx',
  location: abstractOf('B', 'RVSM combines thresholding with gradient descent'),
  title: 'RVSM orderings: the lagged ordering shares the u-first limit below its own step limit η_G = min(1/β, 2/(L* + 2β)) and is unstable above it',
  statement:
    'Derived (not from B): the lagged ordering w^{t+1} = w^t − η(∇ℓ(w^t) + β(w^t − u^t)), u^{t+1} = prox(w^t) has the fixed points of ' +
    'the u-first ordering but the step limit η_G = min(1/β, 2/(L* + 2β)) instead of η_U = 2/(L* + β). For β ∈ {0.2, 0.5, 1}, λ = 1e-3, ' +
    'ℓ1 or TL1 (a = 1): at η = 0.95η_G both orderings end at the same w̄ (to 1e-12) and the lagged Lagrangian is non-increasing (to 1e-12); ' +
    'at η = 1.05η_G the lagged Lagrangian increases by more than 1e-3 (or the run overflows), while the u-first ordering ends at the same ' +
    'w̄ as at 0.95η_G (to 1e-12).',
  tex: '\\eta_G=\\min\\big(\\tfrac1\\beta,\\tfrac2{L^*+2\\beta}\\big)<\\eta_U=\\tfrac2{L^*+\\beta}',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1 with 10 zeros', 'w⁰ᵀw* > 0, ‖w⁰‖ ∈ [0.5, 2]', 'ℓ1 or TL1 (ℓ0 limits depend on the path)', 'β ∈ {0.2, 0.5, 1}, λ = 1e-3', '3,000 (quick) to 20,000 (thorough) iterations'],
  kind: 'convergence',
  provenance: 'derived',
  source: projectSource('orderings', 'linearisation at a fixed point and Jury\'s stability conditions'),
  tolerance: {
    value: ORDER_TOL,
    reason:
      'both orderings contract linearly at 0.95η_G (measured last steps ≤ 5e-15 after 5,000 iterations), so their end points agree to ' +
      'rounding (measured ≤ 1e-15); 1e-12 leaves a margin of 1000. Instability is asserted as an increase > 1e-3, while measured increases ' +
      'at 1.05η_G are 0.08–0.23 and stable runs stay ≤ 2e-16.',
  },
  budget: { quick: 3, default: 9, thorough: 30 },
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ inits: 1, penalties: ['l1', 'tl1'] }), fc.constantFrom(...ORDER_BETAS)),
  check: ([inst, beta], s, ctx) => {
    const { lagged: etaG } = stepLimits(beta);
    const base = {
      wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: penaltyOf(inst.penalty), lambda: B_LAMBDA, beta, iterations: descentIterations(ctx.budget),
    };
    const uBelow = s.rvsm({ ...base, eta: 0.95 * etaG, ordering: 'u-first' });
    const gBelow = s.rvsm({ ...base, eta: 0.95 * etaG, ordering: 'lagged' });
    const uAbove = s.rvsm({ ...base, eta: 1.05 * etaG, ordering: 'u-first' });
    const gAbove = s.rvsm({ ...base, eta: 1.05 * etaG, ordering: 'lagged' });
    const gap = (a: SplittingResult, b: SplittingResult): number => spread([a.w, b.w]);
    return {
      comparisons: [
        le('‖w̄_lagged − w̄_u-first‖_∞ at 0.95η_G', gap(gBelow, uBelow), ORDER_TOL),
        le('max_t L_β(t+1) − L_β(t), lagged at 0.95η_G', increaseOrInfinity(gBelow), ORDER_TOL),
        ge('max_t L_β(t+1) − L_β(t), lagged at 1.05η_G (+∞ if it overflows)', increaseOrInfinity(gAbove), 1e-3),
        le('‖w̄_u-first(1.05η_G) − w̄_u-first(0.95η_G)‖_∞', gap(uAbove, uBelow), ORDER_TOL),
      ],
      values: { beta, etaLagged: etaG, penalty: inst.penalty, laggedIncreaseAbove: increaseOrInfinity(gAbove) },
    };
  },
});

const INVARIANCE_TOL = 1e-12;
export const normalisationInvariance = defineClaim({
  id: 'dx.nets.normalisation-invariance',
  paper: 'dx',
  location: abstractOf('B, D', 'convergence of RVSM and RVSCGD (loss normalisation not stated)'),
  title: 'Normalisation invariance: (s·f, sλ, sβ, η/s) runs the same iterates as (f, λ, β, η), with L_β multiplied by s',
  statement:
    'Derived: multiplying the loss by s > 0 (s = ½ converts c₀ = 1 into ½; s = k² converts averaged into summed outputs) and running with ' +
    '(sλ, sβ, η/s) leaves the thresholds λ/β and √(2λ/β) and every iterate unchanged and multiplies the Lagrangian by s. Checked for RVSM ' +
    '(λ = 1e-3, β = 0.5, η = 0.5) and normalised RVSCGD (λ = 1e-4, β = 1, η = 1), ℓ1, ℓ0 and TL1, s ∈ {0.5, 2, 25}, 3,000 iterations: ' +
    'angle traces and end points agree to 1e-12 and L_β^{(s)}(t) = s·L_β(t) to 1e-12 relative. So every dx check transfers exactly to ' +
    'whatever normalisation B and D use.',
  tex: '(s f,\\ s\\lambda,\\ s\\beta,\\ \\eta/s)\\ \\Rightarrow\\ w^t\\ \\text{unchanged},\\ L^{(s)}_\\beta=s\\,L_\\beta',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1 with 10 zeros', 'w⁰ᵀw* > 0', 's ∈ {0.5, 2, 25}', '3,000 iterations'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('normalisation-invariance'),
  tolerance: {
    value: INVARIANCE_TOL,
    reason:
      'in exact arithmetic the iterates coincide; in floating point (η/s)·(s·g) differs from η·g by ≤ 2 ulps per step and the ' +
      'iteration is contractive near its limit, so differences stay at rounding level (measured ≤ 1e-15); 1e-12 leaves a margin of 1000, ' +
      'while thresholding at λ instead of λ/β changes the limit by ≈ |s − 1|·λ.',
  },
  budget: { quick: 3, default: 9, thorough: 30 },
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ inits: 1 }), fc.constantFrom(0.5, 2, 25)),
  check: ([inst, sc], s) => {
    const penalty = penaltyOf(inst.penalty);
    const common = { wStar: inst.wStar, k: K, w0: inst.inits[0], penalty, iterations: 3000 };
    const pairs = [
      ['RVSM', s.rvsm({ ...common, lambda: B_LAMBDA, beta: B_BETA, eta: 0.5 }), s.rvsm({ ...common, lambda: sc * B_LAMBDA, beta: sc * B_BETA, eta: 0.5 / sc, lossScale: sc })],
      ['RVSCGD', s.rvscgd({ ...common, lambda: 1e-4, beta: 1, eta: 1 }), s.rvscgd({ ...common, lambda: sc * 1e-4, beta: sc, eta: 1 / sc, lossScale: sc })],
    ] as const;
    const out: Comparison[] = [];
    for (const [name, a, b] of pairs) {
      const La = a.trace!.lagrangian;
      const Lb = b.trace!.lagrangian;
      let ratio = 0;
      let dAngle = 0;
      for (let t = 0; t < Math.min(La.length, Lb.length); t++) {
        ratio = Math.max(ratio, Math.abs(Lb[t] - sc * La[t]) / (sc * Math.abs(La[t])));
        dAngle = Math.max(dAngle, Math.abs(b.trace!.angle[t] - a.trace!.angle[t]));
      }
      out.push(
        le(`${name}: max_t |L^(s)(t) − s·L(t)| / (s·L(t))`, ratio, INVARIANCE_TOL),
        le(`${name}: max_t |θ^(s)(t) − θ(t)|`, dAngle, INVARIANCE_TOL),
        le(`${name}: ‖w̄^(s) − w̄‖_∞`, spread([a.w, b.w]), INVARIANCE_TOL),
        eq(`${name}: trace lengths equal`, La.length, Lb.length),
      );
    }
    return { comparisons: out, values: { scale: sc, penalty: inst.penalty } };
  },
});

// ---------------------------------------------------------------------------
// RVSM limits (ℓ1, TL1) and exact ℓ0 recovery.

const LIMIT_ITERS = 20_000;
const B_ETA = 0.5;

/** ū = (1/α)S_{λ(1+α/β)}(B·w*) with α, B evaluated at w̄ (docs/claims/dinh-xin.md#rvsm-limits). */
export function l1LimitClosedForm(wBar: ArrayLike<number>, wStar: ArrayLike<number>, k: number, lambda: number, beta: number): Float64Array {
  const { alpha, B } = reluCoefficients(wBar, wStar, k);
  return Float64Array.from(wStar, (x) => softScalar(B * x, lambda * (1 + alpha / beta)) / alpha);
}

export const rvsmLimit = defineClaim({
  id: 'dx.nets.rvsm-limit',
  paper: 'dx',
  location: abstractOf('B', 'RVSM combines thresholding with gradient descent; convergence to a global limit, a transformation of the true weight under a thresholding operation'),
  title: 'RVSM limit: stationary, ℓ1 limit = rescaled soft-thresholding of w*, independent of the initialisation, with supp(ū) = supp(w*)',
  statement:
    'Derived (not from B): after 2·10⁴ iterations (η = 0.5, β = 0.5, λ = 1e-3, k = 5) from 5 random half-space initialisations, ' +
    '‖∇ℓ(w̄) + β(w̄ − prox(w̄))‖ < 1e-10; for ℓ1, ū = (1/α)S_{λ(1+α/β)}(B·w*) to 1e-10 with α = (1/k²)[k + (k²−k)/π − ' +
    '((k²−k)/π + (k/π)sin θ)‖w*‖/‖w̄‖], B = (π − θ)/(πk) at w̄; for ℓ1 and TL1 (a = 1) the limits agree to 1e-8 and supp(ū) = supp(w*).',
  tex: '\\bar u=\\tfrac1\\alpha S_{\\lambda(1+\\alpha/\\beta)}(B\\,w^*),\\quad \\nabla\\ell(\\bar w)+\\beta(\\bar w-\\bar u)=0',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros, min nonzero |w*_i| ≥ 0.05', 'w⁰ᵀw* > 0', 'β = 0.5, λ = 1e-3, η = 0.5, 2·10⁴ iterations'],
  kind: 'convergence',
  provenance: 'derived',
  source: projectSource('rvsm-limits'),
  tolerance: {
    value: 1e-10,
    reason:
      'linear convergence with contraction ≤ 1 − η·min(α + β) ≈ 0.65 per step reaches rounding level (~1e-16) within ~100 iterations; ' +
      'the residual and the closed form are then exact to ~100 ε_mach, so 1e-10 is a margin of 1e4; the initialisation spread ' +
      'allows 1e-8 for the TL1 Cardano branch (cos/acos rounding ≈ 1e-14 at the limit).',
  },
  budget: { quick: 2, default: 8, thorough: 30 },
  timeoutMs: 300_000,
  subject: splittingSubject,
  instances: splittingInstance({ penalties: ['l1', 'tl1'], minAbs: 0.05 }),
  check: (inst, s) => {
    const penalty = penaltyOf(inst.penalty);
    const runs = inst.inits.map((w0) =>
      s.rvsm({ wStar: inst.wStar, k: K, w0, penalty, lambda: B_LAMBDA, beta: B_BETA, eta: B_ETA, iterations: LIMIT_ITERS, trace: false }),
    );
    const residual = Math.max(...runs.map((r) => rvsmResidual(r.w, inst.wStar, K, penalty, B_LAMBDA, B_BETA)));
    const out: Comparison[] = [
      le('max residual ‖∇ℓ(w̄) + β(w̄ − prox(w̄))‖', residual, 1e-10),
      le('spread of ū over initialisations (∞-norm)', spread(runs.map((r) => r.u)), 1e-8),
      eq('initialisations with supp(ū) ≠ supp(w*)', runs.filter((r) => !sameSupport(r.u, inst.wStar)).length, 0),
    ];
    if (inst.penalty === 'l1') {
      const cf = l1LimitClosedForm(runs[0].w, inst.wStar, K, B_LAMBDA, B_BETA);
      let m = 0;
      for (let i = 0; i < cf.length; i++) m = Math.max(m, Math.abs(cf[i] - runs[0].u[i]));
      out.push(le('‖ū − (1/α)S_{λ(1+α/β)}(Bw*)‖_∞', m, 1e-10));
    }
    const { alpha, B } = reluCoefficients(runs[0].w, inst.wStar, K);
    return { comparisons: out, values: { penalty: inst.penalty, distU: runs[0].distU, alpha, B } };
  },
});

/** ℓ0 recovery subject: the solvers and the λ used. */
export interface L0RecoverySubject extends SplittingSubject {
  /** λ for the recovery test (3e-4 puts (1+kβ)γ = 0.121 below min|w*_i| = 0.174). */
  lambda: number;
}

export const rvsmL0Subject: L0RecoverySubject = { ...splittingSubject, lambda: 3e-4 };
const MIN_ABS = 0.174;

export const rvsmL0Recovery = defineClaim({
  id: 'dx.nets.rvsm-l0-recovery',
  paper: 'dx',
  location: abstractOf('B', 'RVSM combines thresholding with gradient descent; convergence to a global limit, a transformation of the true weight under a thresholding operation'),
  title: 'RVSM with ℓ0: exact recovery ū = w* when every nonzero |w*_i| exceeds (1 + kβ)γ',
  statement:
    'Derived (not from B): with γ = √(2λ/β), if min_{i ∈ supp} |w*_i| > (1 + kβ)γ (here min = 0.174, λ = 3e-4, β = 0.5: ' +
    '(1 + kβ)γ = 0.121) then RVSM with hard thresholding ends at ū = w* (to 1e-10) from every half-space initialisation. ' +
    'Inside the bistable band γ < |w*_i| ≤ (1 + kβ)γ the limit depends on the initialisation (negative control).',
  tex: '\\min_{i\\in\\operatorname{supp}}|w^*_i|>(1+k\\beta)\\sqrt{2\\lambda/\\beta}\\ \\Rightarrow\\ \\bar u=w^*',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros, min nonzero |w*_i| = 0.174', 'β = 0.5, η = 0.5, 2·10⁴ iterations, 5 initialisations'],
  kind: 'convergence',
  provenance: 'derived',
  source: projectSource('l0-recovery'),
  tolerance: { value: 1e-10, reason: 'at the kept fixed point ū = w̄ = w* exactly; linear convergence reaches rounding (~1e-16); 1e-10 is a margin of 1e6.' },
  budget: { quick: 2, default: 8, thorough: 30 },
  timeoutMs: 300_000,
  subject: rvsmL0Subject,
  instances: splittingInstance({ penalties: ['l0'], minAbs: MIN_ABS }),
  check: (inst, s) => {
    const lambda = s.lambda;
    const gamma = Math.sqrt((2 * lambda) / B_BETA);
    const runs = inst.inits.map((w0) =>
      s.rvsm({ wStar: inst.wStar, k: K, w0, penalty: { kind: 'l0' }, lambda, beta: B_BETA, eta: B_ETA, iterations: LIMIT_ITERS, trace: false }),
    );
    let err = 0;
    for (const r of runs) for (let i = 0; i < r.u.length; i++) err = Math.max(err, Math.abs(r.u[i] - inst.wStar[i]));
    return {
      comparisons: [
        ge('min|w*_i| − (1 + kβ)γ (hypothesis)', MIN_ABS - (1 + K * B_BETA) * gamma, 0),
        le('max over initialisations ‖ū − w*‖_∞', err, 1e-10),
      ],
      values: { lambda, gamma, band: (1 + K * B_BETA) * gamma, spread: spread(runs.map((r) => r.u)) },
    };
  },
});

// ---------------------------------------------------------------------------
// RVSCGD (normalised) limits and error bounds.

const D_BETA = 1;
const D_ETA = 1;
const D_ITERS = 5000;

export const rvscgdLimit = defineClaim({
  id: 'dx.nets.rvscgd-limit',
  paper: 'dx',
  location: abstractOf('D', 'RVSCGD: relaxed variable splitting with thresholding and coarse gradient descent; convergence to a global limit; explicit error estimates'),
  title: 'Normalised RVSCGD: sphere Lagrangian non-increasing, tangential fixed point, sin θ ≤ √d·λ/c (ℓ1) and the TL1 bound',
  statement:
    'Derived (not from D; the normalisation step is a reconstruction [R]): with the expected ReLU-STE coarse gradient c(ŵ − w*), ' +
    'c = 1/(2√(2π)k), β = 1, η = 1, the sphere Lagrangian c(1 − wᵀw*) + λP(u) + (β/2)‖w − u‖² is non-increasing, the limit satisfies ' +
    '(I − w̄w̄ᵀ)[c(w̄ − w*) + β(w̄ − prox(w̄))] = 0 to 1e-10, c·sin θ(w̄,w*) ≤ β‖w̄ − prox(w̄)‖, hence sin θ ≤ √d·λ/c for ℓ1 and ' +
    'sin θ ≤ (β/c)√d·max(t*, τ(a+1)/a) for TL1 (τ = λ/β), and the limits from 5 initialisations agree to 1e-8.',
  tex: 'c\\sin\\theta(\\bar w,w^*)\\le\\beta\\|\\bar w-\\operatorname{prox}(\\bar w)\\|\\le\\sqrt d\\,\\lambda\\ (\\ell_1),\\quad c=\\tfrac1{2\\sqrt{2\\pi}k}',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros', 'λ ∈ {1e-4, 1e-3}, β = 1, η = 1, 5,000 iterations', 'penalty ℓ1 or TL1 (a = 1)', 'w⁰ᵀw* > 0'],
  kind: 'bound',
  provenance: 'derived',
  source: projectSource('rvscgd-bounds', 'the normalisation step is our reconstruction, docs/claims/dinh-xin.md#splitting'),
  tolerance: {
    value: 1e-10,
    reason:
      'descent to 1e-12 (rounding of L_s ≈ 1e-15); the fixed point is reached linearly (contraction ≈ 1 − ηc ≈ 0.96 tangentially, ' +
      'rounding level after ~900 of 5,000 iterations) so the residual (1e-10) and spread (1e-8) have margins ≥ 1e4; the bound ' +
      'c·sin θ ≤ β‖w̄ − prox(w̄)‖ is compared with the residual added as slack.',
  },
  budget: { quick: 2, default: 8, thorough: 30 },
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ penalties: ['l1', 'tl1'] }), fc.constantFrom(1e-4, 1e-3)),
  check: ([inst, lambda], s) => {
    const penalty = penaltyOf(inst.penalty);
    const d = inst.wStar.length;
    const c = coarseConstant(K);
    const tau = lambda / D_BETA;
    const runs = inst.inits.map((w0) =>
      s.rvscgd({ wStar: inst.wStar, k: K, w0, penalty, lambda, beta: D_BETA, eta: D_ETA, iterations: D_ITERS }),
    );
    const r = runs[0];
    const residual = Math.max(...runs.map((x) => rvscgdResidual(x.w, inst.wStar, K, penalty, lambda, D_BETA)));
    const sinT = Math.sin(angle(r.w, inst.wStar));
    const gap = distance(r.w, proxVector(penalty, r.w, tau));
    const bound =
      inst.penalty === 'l1' ? (Math.sqrt(d) * lambda) / c : ((D_BETA / c) * Math.sqrt(d) * Math.max(tl1Threshold(tau, 1), tau * 2));
    return {
      comparisons: [
        le('max_t L_s(t+1) − L_s(t)', Math.max(...runs.map((x) => maxIncrease(x.trace!.lagrangian))), DESCENT_TOL),
        le('max tangential residual', residual, 1e-10),
        le('c·sin θ(w̄,w*) − β‖w̄ − prox(w̄)‖ − residual', c * sinT - D_BETA * gap - residual, 0),
        le(`sin θ(w̄,w*) vs ${inst.penalty === 'l1' ? '√d·λ/c' : '(β/c)√d·max(t*, τ(a+1)/a)'}`, sinT, bound),
        le('spread of ū over initialisations (∞-norm)', spread(runs.map((x) => x.u)), 1e-8),
        le('|‖w̄‖ − 1|', Math.abs(norm(r.w) - 1), 4 * EPS),
      ],
      values: { penalty: inst.penalty, lambda, sinTheta: sinT, bound, distW: distance(r.w, inst.wStar), distU: r.distU },
    };
  },
  metrics: [{ name: 'sin θ(w̄,w*)', direction: 'lower-is-better' }],
});

/** (β, λ) pairs of the exact-recovery checks for RVSCGD with ℓ0. */
const D_L0_PARAMS: [number, number][] = [[0.02, 1e-5], [1, 1e-5]];

export const rvscgdL0Recovery = defineClaim({
  id: 'dx.nets.rvscgd-l0-recovery',
  paper: 'dx',
  location: abstractOf('D', 'RVSCGD: relaxed variable splitting with thresholding and coarse gradient descent; convergence to a global limit; explicit error estimates'),
  title: 'Normalised RVSCGD with ℓ0 recovers w* exactly when min|w*_i| > (1 + β/c)γ; the ℓ0 error-bound form holds',
  statement:
    'Derived (not from D): with γ = √(2λ/β), c = 1/(2√(2π)k), if every nonzero |w*_i| > (1 + β/c)γ (min = 0.174; (β, λ) = (0.02, 1e-5) ' +
    'or (1, 1e-5)) then normalised RVSCGD with hard thresholding ends at ū = w* (to 1e-10) from 5 half-space initialisations; ' +
    'the ℓ0 form of the error bound, sin θ(w̄,w*) ≤ (β/c)·γ·√#{i : 0 < |w̄_i| ≤ γ}, holds (to 1e-12 for rounding of sin θ).',
  tex: '\\min_{i\\in\\operatorname{supp}}|w^*_i|>(1+\\beta/c)\\sqrt{2\\lambda/\\beta}\\ \\Rightarrow\\ \\bar u=w^*',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros, min nonzero |w*_i| = 0.174', 'η = 1, 2·10⁴ iterations'],
  kind: 'convergence',
  provenance: 'derived',
  source: projectSource('l0-recovery', 'the normalisation step is our reconstruction'),
  tolerance: { value: 1e-10, reason: 'the kept fixed point is w̄ = ū = w* exactly; tangential contraction 1 − ηc ≈ 0.96 reaches rounding within ~1,000 of 2·10⁴ iterations.' },
  budget: { quick: 2, default: 6, thorough: 20 },
  timeoutMs: 300_000,
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ penalties: ['l0'], minAbs: MIN_ABS }), fc.constantFrom(...D_L0_PARAMS)),
  check: ([inst, [beta, lambda]], s) => {
    const c = coarseConstant(K);
    const gamma = Math.sqrt((2 * lambda) / beta);
    const runs = inst.inits.map((w0) =>
      s.rvscgd({ wStar: inst.wStar, k: K, w0, penalty: { kind: 'l0' }, lambda, beta, eta: D_ETA, iterations: LIMIT_ITERS, trace: false }),
    );
    let err = 0;
    let l0Form = -Infinity;
    for (const r of runs) {
      for (let i = 0; i < r.u.length; i++) err = Math.max(err, Math.abs(r.u[i] - inst.wStar[i]));
      // ℓ0 form of the error bound (docs/claims/dinh-xin.md#rvscgd-bounds): sin θ ≤ (β/c)·γ·√#{i : 0 < |w̄_i| ≤ γ}.
      const small = Array.prototype.filter.call(r.w, (x: number) => x !== 0 && Math.abs(x) <= gamma).length;
      l0Form = Math.max(l0Form, Math.sin(angle(r.w, inst.wStar)) - (beta / c) * gamma * Math.sqrt(small));
    }
    return {
      comparisons: [
        ge('min|w*_i| − (1 + β/c)γ (hypothesis)', MIN_ABS - (1 + beta / c) * gamma, 0),
        le('max over initialisations ‖ū − w*‖_∞', err, 1e-10),
        le('sin θ(w̄,w*) − (β/c)γ√#{0 < |w̄_i| ≤ γ} (ℓ0 bound)', l0Form, 1e-12),
      ],
      values: { beta, lambda, gamma, spread: spread(runs.map((r) => r.u)) },
    };
  },
});

// ---------------------------------------------------------------------------
// RVSCGD at λ = 0: the exact angle recursion.

const REC_STEPS = 300;
const REC_TOL = 1e-10;
export const rvscgdAngleRecursion = defineClaim({
  id: 'dx.nets.rvscgd-angle-recursion',
  paper: 'dx',
  location: abstractOf('D', 'coarse gradient descent for the binarized activation network (the penalty-free case)'),
  title: 'Normalised RVSCGD at λ = 0 follows θ_{t+1} = atan2((1 − a) sin θ_t, (1 − a) cos θ_t + a), a = ηc, exactly',
  statement:
    'Derived: with λ = 0 the prox is the identity and one normalised step with the expected ReLU-STE coarse gradient c(ŵ − w*), ' +
    'c = 1/(2√(2π)k), maps w to the direction of (1 − a)w + aw*, a = ηc < 1. Over 300 steps from θ₀ ∈ (0.05, π − 0.05), k ∈ [2, 8], ' +
    'η ∈ [0.25, 1], the angles of the run equal the recursion to 1e-10 relative plus an absolute 100ε_mach/a, decrease strictly, and the last ratio θ_T/θ_{T−1} is ' +
    '(1 − a)(1 + a(1/6 − a/3)θ²) + O(θ⁴), so within a·θ²/6 (plus twice the angle accuracy) of 1 − a. Any reading of RVSCGD must reduce to this at λ = 0; it pins c ' +
    '(the identity STE or a c₀ = 1 coarse gradient contracts at 1 − 2a).',
  tex: '\\theta_{t+1}=\\operatorname{atan2}\\big((1-a)\\sin\\theta_t,\\ (1-a)\\cos\\theta_t+a\\big),\\quad a=\\eta c=\\frac{\\eta}{2\\sqrt{2\\pi}k}',
  hypotheses: ['d = 20, ‖w*‖ = 1, ‖w⁰‖ = 1', 'k ∈ [2, 8], η ∈ [0.25, 1], θ₀ ∈ (0.05, π − 0.05)', 'λ = 0, β = 1, 300 steps'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('angle-recursion', 'the normalisation step is our reconstruction'),
  tolerance: {
    value: REC_TOL,
    reason:
      'each step rounds w and its norm to a few ulps, an absolute angle error of ~ε_mach per step that the recursion contracts by 1 − a, ' +
      'so errors stay below ~ε_mach/a absolute (floor 100ε_mach/a, ≤ 4e-12) on top of the recursion\'s own rounding (1e-10 relative is a ' +
      'margin of ~10 over the 1.2e-11 measured at θ ≈ 5e-6); a wrong contraction (1 − 2a) is off by a·t ≥ 6e-3 relative after one step.',
  },
  budget: { quick: 5, default: 20, thorough: 100 },
  subject: splittingSubject,
  instances: fc.tuple(netPair({ k: [2, 8], regimes: ['any'], ratio: [1, 1] }), uniformDouble(0.25, 1)),
  check: ([pair, eta], s) => {
    const { w, wStar, k, theta } = pair;
    const a = eta * coarseConstant(k);
    const r = s.rvscgd({ wStar, k, w0: w, penalty: { kind: 'l1' }, lambda: 0, beta: 1, eta, iterations: REC_STEPS });
    const sim = r.trace!.angle;
    // Rounding of the iterates adds ~ε_mach of angle per step, contracted by 1 − a: an absolute floor 100·ε_mach/a.
    const floor = (100 * Number.EPSILON) / a;
    let rel = 0;
    let rise = -Infinity;
    let pred = theta;
    for (let t = 1; t < sim.length; t++) {
      pred = Math.atan2((1 - a) * Math.sin(pred), (1 - a) * Math.cos(pred) + a);
      rel = Math.max(rel, Math.abs(sim[t] - pred) / (REC_TOL * pred + floor));
      rise = Math.max(rise, sim[t] - sim[t - 1]);
    }
    const T = sim.length - 1;
    const ratio = sim[T] / sim[T - 1];
    const th = sim[T - 1];
    return {
      comparisons: [
        eq('steps run', T, REC_STEPS),
        le('max_t |θ_t − recursion_t| / (1e-10·recursion_t + 100ε_mach/a)', rel, 1),
        le('max_t θ_{t+1} − θ_t (strict decrease)', rise, -Number.MIN_VALUE),
        le('|θ_T/θ_{T−1} − (1 − a)| vs a·θ²/6 + twice the angle accuracy', Math.abs(ratio - (1 - a)), (a * th * th) / 6 + 2 * (REC_TOL + floor / th)),
      ],
      values: { k, eta, a, theta0: theta, thetaT: sim[T], ratio },
    };
  },
});

// ---------------------------------------------------------------------------
// Finite samples.

const MB_ITERS = 3000;
/**
 * Iterations of the minibatch claims: 3,000 at the thorough budget, 1,000 at default, and at quick 300
 * (RVSM) or 1,000 (RVSCGD) — both population runs are stationary by then (fixed-point residual ≤ 1e-16
 * at 1,000 on sampled teachers; RVSM ≤ 2e-14 at 300), and the minibatch error is the stationary noise,
 * which does not depend on the count (docs/claims/dinh-xin.md#minibatch).
 */
const mbIterations = (b: BudgetName, quick: number): number => (b === 'thorough' ? MB_ITERS : b === 'quick' ? quick : 1000);
const MB_TOL = 2e-3;

export const rvsmMinibatch = defineClaim({
  id: 'dx.nets.rvsm-minibatch',
  paper: 'dx',
  location: abstractOf('B', 'RVSM combines thresholding with gradient descent; convergence to a global limit, a transformation of the true weight under a thresholding operation'),
  title: 'Minibatch RVSM (batch 4,000, 3,000 iterations) ends within 2e-3 of the population limit ū',
  statement:
    'Derived (not from B): RVSM with the minibatch sample gradient 2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j (batch 4,000, drawn cyclically from a ' +
    'seeded pool of 40,000 Gaussian inputs), ℓ1, β = 0.5, λ = 1e-3, η = 0.5, 3,000 iterations, ends with ‖ū_mb − ū_pop‖ ≤ 2e-3 and supp(ū_mb) = supp(w*).',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros, min nonzero |w*_i| ≥ 0.05', 'same w⁰ for both runs', '300 iterations at the quick budget, 1,000 at default (both runs stationary)'],
  kind: 'statistical',
  provenance: 'derived',
  source: projectSource('minibatch'),
  tolerance: {
    value: MB_TOL,
    reason:
      'stationary SGD noise: per-coordinate sample-gradient s.d. ≈ ‖w̄ − w*‖-scaled residuals / √4000 ≈ 1e-4, averaged over ~1/(η(α+β)) ≈ 3 steps, ' +
      'gives ‖ū_mb − ū_pop‖ ≈ 2e-4 (measured 1.7e-4 to 2.7e-4); the pool of 40,000 adds a finite-sample bias ~√(d/40000)·(noise scale) ≲ 5e-4. ' +
      '2e-3 is ~7× the measured value.',
  },
  budget: { quick: 1, default: 1, thorough: 6 },
  timeoutMs: 300_000,
  subject: splittingSubject,
  instances: splittingInstance({ penalties: ['l1'], inits: 1, minAbs: 0.05 }),
  check: (inst, s, ctx) => {
    const base = { wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: { kind: 'l1' } as Penalty, lambda: B_LAMBDA, beta: B_BETA, eta: B_ETA, iterations: mbIterations(ctx.budget, 300), trace: false };
    const pop = s.rvsm(base);
    const mb = s.rvsm({ ...base, minibatch: { batch: 4000, rng: ctx.rng } });
    const dist = distance(mb.u, pop.u);
    return {
      comparisons: [le('‖ū_mb − ū_pop‖', dist, MB_TOL), eq('supp(ū_mb) = supp(w*) (1 = yes)', sameSupport(mb.u, inst.wStar) ? 1 : 0, 1)],
      values: { distance: dist, angle: mb.angle },
    };
  },
  metrics: [{ name: '‖ū_mb − ū_pop‖', direction: 'lower-is-better' }],
});

const MB_D_TOL = 2e-2;
export const rvscgdMinibatch = defineClaim({
  id: 'dx.nets.rvscgd-minibatch',
  paper: 'dx',
  location: abstractOf('D', 'RVSCGD: relaxed variable splitting with thresholding and coarse gradient descent; convergence to a global limit; explicit error estimates'),
  title: 'Minibatch RVSCGD (batch 2,000, 3,000 iterations): our first guess 2e-3 does not hold; measured 2–7e-3, asserted ≤ 2e-2',
  statement:
    'Derived (not from D); a first guess was: minibatch normalised RVSCGD (ReLU-STE coarse gradient, batch 2,000, ℓ1, β = 1, η = 1, λ = 1e-4, ' +
    '3,000 iterations) ends within 2e-3 of the population ū. That guess FAILS: in 20 seeded runs (pool 20,000 inputs) ‖ū_mb − ū_pop‖ ' +
    'was 2.2e-3 to 7.4e-3 (none ≤ 2e-3) and θ(w̄_mb, w*) up to 1.03e-2. Derived explanation: on the sphere the tangential contraction ' +
    'per step is only 1 − ηc (c = 1/(2√(2π)k) ≈ 0.04), so the per-step minibatch noise (≈ 6e-4) is accumulated over ~1/(2c) ≈ 12 steps ' +
    '(amplified ≈ 3.5×). The check asserts what was measured: ‖ū_mb − ū_pop‖ ≤ 2e-2 and θ(w̄_mb, w*) ≤ 2e-2; the value against 2e-3 is reported.',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros, min nonzero |w*_i| ≥ 0.05', 'minibatches drawn cyclically from a seeded pool of 20,000 inputs', 'same w⁰ for both runs', '1,000 iterations at the quick and default budgets (both runs stationary)'],
  kind: 'statistical',
  provenance: 'derived',
  source: projectSource('minibatch'),
  tolerance: {
    value: MB_D_TOL,
    reason:
      'predicted stationary error ≈ 3.5 × 5.6e-4 ≈ 2e-3 (per-coordinate coarse-gradient s.d. ≈ √((kθ/π)·2.5/k⁴/2000) ≈ 1.3e-4 at θ ≈ 5e-3, ' +
      'over d = 20 coordinates, amplified by 1/√(2ηc)); measured 2.2e-3 to 7.4e-3 (angle ≤ 1.03e-2) in 20 runs. 2e-2 is 2.7× the largest ' +
      'measured distance and 2× the largest angle, while a batch of 5 gives errors ≫ 2e-2.',
  },
  budget: { quick: 1, default: 2, thorough: 6 },
  timeoutMs: 300_000,
  subject: splittingSubject,
  instances: splittingInstance({ penalties: ['l1'], inits: 1, minAbs: 0.05 }),
  check: (inst, s, ctx) => {
    const base = { wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: { kind: 'l1' } as Penalty, lambda: 1e-4, beta: D_BETA, eta: D_ETA, iterations: mbIterations(ctx.budget, 1000), trace: false };
    const pop = s.rvscgd(base);
    const mb = s.rvscgd({ ...base, minibatch: { batch: 2000, rng: ctx.rng } });
    const dist = distance(mb.u, pop.u);
    return {
      comparisons: [le('‖ū_mb − ū_pop‖', dist, MB_D_TOL), le('θ(w̄_mb, w*)', mb.angle, MB_D_TOL)],
      values: { distance: dist, withinNote2e3: dist <= 2e-3, angle: mb.angle, populationAngle: pop.angle },
    };
  },
  metrics: [{ name: '‖ū_mb − ū_pop‖', direction: 'lower-is-better' }],
});

/** The splitting claims, in catalogue order. */
export const netsSplittingClaims = [
  rvsmDescent, rvsmOrderings, normalisationInvariance, rvsmLimit, rvsmL0Recovery, rvscgdLimit, rvscgdL0Recovery, rvscgdAngleRecursion,
  rvsmMinibatch, rvscgdMinibatch,
];

export type { SplittingInstance };
