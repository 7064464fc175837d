/**
 * Claims on the one-hidden-layer no-overlap CNN of Dinh & Xin: closed-form population losses and
 * gradients against Monte Carlo and finite differences, the ReLU landscape, the binary loss and the
 * expected coarse gradients (docs/claims/dinh-xin.md, sections relu-population-loss … coarse-gradients).
 *
 * Provenance: the full texts of B (arXiv:1812.05719) and D (arXiv:1901.09731) were not available.
 * Every formula here is the project's derivation (from Brutzkus–Globerson and Yin et al.), checked
 * numerically; none is quoted from B or D.
 */
import fc from 'fast-check';
import { mathjs } from '../../src/core/mathjs.ts';
import { defineClaim, eq, ge, le, type Comparison } from '../../src/claims/claim.ts';
import { createRng } from '../../src/core/random.ts';
import { logUniformDouble } from '../../src/arbitraries/numbers.ts';
import type { BudgetName } from '../../src/claims/claim.ts';
import {
  type Ste, angle, coarseConstant, dot, expectedCoarseGrad, gradBinaryTrue, gradRelu, lossBinary, lossRelu, norm,
  reluCurvatureAtOptimum, reluSaddlePoint,
} from '../../src/nets/model.ts';
import { mcCoarseGrad, mcGradRelu, mcLossBinary, mcLossRelu } from '../../src/nets/monte-carlo.ts';
import { netPair } from '../../src/arbitraries/nets.ts';
import { abstractOf, projectSource } from './cite.ts';

const EPS = Number.EPSILON;
/** Monte Carlo tolerance in standard errors. */
const Z_TOL = 5;
const MC_REASON =
  'Monte Carlo: |closed form − MC mean| ≤ 5·SE (SE = s/√n from the same draws). Under the claim the ratio is ~N(0,1), ' +
  'so a false alarm has probability 5.7e-7 per comparison; a wrong constant of relative size δ is detected once δ·|value| > 5·SE.';

/** Monte Carlo sample size per budget (quick stays fast; thorough 4e5: relative errors ≈ 0.4 %). */
export function mcSize(budget: BudgetName): number {
  return budget === 'quick' ? 20_000 : budget === 'default' ? 50_000 : 400_000;
}


/** Max over coordinates of |a_i − b_i| / se_i. */
function maxZ(a: ArrayLike<number>, b: ArrayLike<number>, se: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / se[i]);
  return m;
}

// ---------------------------------------------------------------------------
// ReLU population loss.

/** A ReLU population loss under test, ℓ(w; w*, k). */
export interface ReluLossSubject {
  loss(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number;
}

export const reluLossSubject: ReluLossSubject = { loss: lossRelu };

export const reluLossMc = defineClaim({
  id: 'dx.nets.relu-loss-mc',
  paper: 'dx',
  location: abstractOf('B', 'one-hidden-layer no-overlap CNN with ReLU activation and Gaussian inputs'),
  title: 'Derived closed-form ReLU population loss (Brutzkus–Globerson form) agrees with Monte Carlo',
  statement:
    'Derived (not from B): for Z ∈ ℝ^{k×d} with i.i.d. N(0,1) entries and f(Z,w) = (1/k)Σ_j ReLU(Z_jᵀw), ' +
    'E[(f(Z,w) − f(Z,w*))²] = (1/k²)[a_k(‖w‖² + ‖w*‖²) − 2k·g(w,w*) − ((k²−k)/π)‖w‖‖w*‖], a_k = k/2 + (k²−k)/(2π), ' +
    'g(w,v) = (‖w‖‖v‖/(2π))(sin θ + (π − θ)cos θ); normalisation c₀ = 1. Checked within 5 SE of a Monte Carlo mean.',
  tex:
    '\\ell(w)=\\tfrac1{k^2}\\big[a_k(\\|w\\|^2+\\|w^*\\|^2)-2k\\,g(w,w^*)-\\tfrac{k^2-k}{\\pi}\\|w\\|\\|w^*\\|\\big],\\ a_k=\\tfrac k2+\\tfrac{k^2-k}{2\\pi}',
  hypotheses: ['k ∈ [1, 8], d = 20', 'θ near 0, π/2, π or anywhere', '‖w‖/‖w*‖ ∈ [0.5, 2], ‖w*‖ ∈ [0.5, 2]'],
  kind: 'statistical',
  provenance: 'derived',
  source: projectSource('relu-population-loss', 'Cho–Saul kernel; Brutzkus & Globerson, arXiv:1702.07966'),
  tolerance: { value: Z_TOL, reason: MC_REASON },
  budget: { quick: 5, default: 6, thorough: 50 },
  subject: reluLossSubject,
  instances: netPair({ k: [1, 8], unitTeacher: false }),
  check: ({ w, wStar, k }, s, ctx) => {
    const mc = mcLossRelu(w, wStar, k, mcSize(ctx.budget), ctx.rng);
    const closed = s.loss(w, wStar, k);
    return {
      comparisons: [le('|ℓ(w) − MC| / SE', Math.abs(closed - mc.mean) / mc.se, Z_TOL)],
      values: { closed, mc: mc.mean, se: mc.se, k },
    };
  },
  metrics: [{ name: '|ℓ(w) − MC| / SE', direction: 'lower-is-better' }],
});

// ---------------------------------------------------------------------------
// ReLU gradient.

/** A ReLU loss and its gradient under test. */
export interface ReluGradSubject extends ReluLossSubject {
  grad(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): Float64Array;
}

export const reluGradSubject: ReluGradSubject = { loss: lossRelu, grad: (w, ws, k) => gradRelu(w, ws, k) };

const FD_TOL = 1e-6;
export const reluGradient = defineClaim({
  id: 'dx.nets.relu-gradient',
  paper: 'dx',
  location: abstractOf('B', 'gradient descent on the ReLU network with Gaussian inputs'),
  title: 'Derived closed-form ReLU gradient agrees with finite differences and with the Monte Carlo sample gradient',
  statement:
    'Derived (not from B): for w ≠ 0, ∇ℓ(w) = (1/k²)[(k + (k²−k)/π)w − (k/π)(π − θ)w* − ((k²−k)/π + (k/π)sin θ)(‖w*‖/‖w‖)w]. ' +
    'It equals central differences of the closed-form ℓ to 1e-6 relative to G = (‖w‖ + ‖w*‖)/k, and the Monte Carlo mean of ' +
    '2r·(1/k)Σ_j 1{Z_jᵀw > 0}Z_j (r = f(Z,w) − f(Z,w*)) within 5 SE per coordinate.',
  tex:
    '\\nabla\\ell(w)=\\tfrac1{k^2}\\Big[\\big(k+\\tfrac{k^2-k}{\\pi}\\big)w-\\tfrac k\\pi(\\pi-\\theta)w^*-\\big(\\tfrac{k^2-k}{\\pi}+\\tfrac k\\pi\\sin\\theta\\big)\\tfrac{\\|w^*\\|}{\\|w\\|}w\\Big]',
  hypotheses: ['k ∈ [1, 8], d = 20', 'θ ∈ (0.05, π − 0.05)', '‖w‖ ≥ 0.25'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('relu-gradient'),
  tolerance: {
    value: FD_TOL,
    reason:
      'finite differences, step h = 1e-5·‖w‖: truncation h²·M₃/6 with M₃ ≲ 10·G/‖w‖² gives ≤ 2e-10·G; rounding ε_mach·|ℓ|/h ≤ 1e-10·G ' +
      '(|ℓ| ≤ (‖w‖ + ‖w*‖)²/k); 1e-6·G leaves a margin > 1000. Monte Carlo part: 5 SE per coordinate (P(false alarm) ≤ 20·5.7e-7 per instance).',
  },
  budget: { quick: 4, default: 5, thorough: 40 },
  subject: reluGradSubject,
  instances: netPair({ k: [1, 8], regimes: ['right', 'any'], unitTeacher: false }),
  check: ({ w, wStar, k }, s, ctx) => {
    const g = s.grad(w, wStar, k);
    const d = w.length;
    const nw = norm(w);
    const G = (nw + norm(wStar)) / k;
    const h = 1e-5 * nw;
    const x = Float64Array.from(w);
    let fd = 0;
    for (let i = 0; i < d; i++) {
      x[i] = w[i] + h;
      const fp = s.loss(x, wStar, k);
      x[i] = w[i] - h;
      const fm = s.loss(x, wStar, k);
      x[i] = w[i];
      fd = Math.max(fd, Math.abs((fp - fm) / (2 * h) - g[i]));
    }
    const mc = mcGradRelu(w, wStar, k, mcSize(ctx.budget), ctx.rng);
    return {
      comparisons: [
        le('max_i |∂ℓ/∂w_i (central FD) − ∇ℓ_i| / G', fd / G, FD_TOL),
        le('max_i |∇ℓ_i − MC_i| / SE_i', maxZ(g, mc.mean, mc.se), Z_TOL),
      ],
      values: { normGrad: norm(g), k },
    };
  },
});

// ---------------------------------------------------------------------------
// ReLU landscape.

/** Landscape facts under test: the gradient, the saddle point and the curvature constant. */
export interface LandscapeSubject {
  grad(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): Float64Array;
  saddle(wStar: ArrayLike<number>, k: number): Float64Array;
  curvature(k: number): number;
}

export const landscapeSubject: LandscapeSubject = {
  grad: (w, ws, k) => gradRelu(w, ws, k),
  saddle: reluSaddlePoint,
  curvature: reluCurvatureAtOptimum,
};

/** Largest eigenvalue of the symmetrised central-difference Hessian of `grad` at w (step h). */
export function fdHessianMaxEig(grad: (w: Float64Array) => Float64Array, w: ArrayLike<number>, h: number): number {
  const d = w.length;
  const H: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const x = Float64Array.from(w);
  for (let j = 0; j < d; j++) {
    x[j] = w[j] + h;
    const gp = grad(x);
    x[j] = w[j] - h;
    const gm = grad(x);
    x[j] = w[j];
    for (let i = 0; i < d; i++) H[i][j] = (gp[i] - gm[i]) / (2 * h);
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
  const values = mathjs().eigs(H).values as unknown as number[];
  return Math.max(...values.map(Number));
}

const CURV_TOL = 1e-6;
export const reluLandscape = defineClaim({
  id: 'dx.nets.relu-landscape',
  paper: 'dx',
  location: abstractOf('B', 'learning the no-overlap ReLU network (landscape of its population loss)'),
  title: 'ReLU landscape: w* and the saddle are critical; the largest Hessian eigenvalue is (1 + (k−1)/π)/k',
  statement:
    'Derived (not from B; Brutzkus–Globerson landscape rechecked): ∇ℓ(w*) = 0 (to 1e-12·‖w*‖), ∇ℓ(w_s) = 0 for ' +
    'w_s = −((k²−k)/(k² + (π−1)k))w* (to 1e-10·‖w*‖), and the largest eigenvalue of the finite-difference Hessian ' +
    '(step 1e-5) at w = s·w* + 0.05ξ, s ∈ {0.5, 1, 1.5}, ξ ~ N(0, I), equals the radial curvature (1 + (k−1)/π)/k = 2a_k/k² to 1e-6.',
  tex: 'L^*=\\lambda_{\\max}\\nabla^2\\ell=\\frac{1+(k-1)/\\pi}{k},\\quad \\nabla\\ell(w^*)=\\nabla\\ell\\big(-\\tfrac{k^2-k}{k^2+(\\pi-1)k}w^*\\big)=0',
  hypotheses: ['k ∈ [2, 8], d = 20', '‖w*‖ = 1', 'not exactly at w* (the tangential FD curvature is ill-conditioned at θ = 0)'],
  kind: 'identity',
  provenance: 'derived',
  source: projectSource('relu-landscape', 'saddle from Brutzkus & Globerson, arXiv:1702.07966'),
  tolerance: {
    value: CURV_TOL,
    reason:
      'gradient at critical points: closed-form rounding ~10 ε_mach·|terms| (≤ 1e-14), tolerances 1e-12/1e-10 (margins ≥ 100); ' +
      'Hessian by central differences of the closed-form gradient, h = 1e-5: truncation h²·M₃/6 ≲ 1e-10, rounding ε_mach·‖∇ℓ‖/h ≲ 1e-11, ' +
      'so the eigenvalue is exact to ~1e-10; 1e-6 (relative) leaves a margin of 1e4.',
  },
  budget: { quick: 3, default: 10, thorough: 40 },
  subject: landscapeSubject,
  instances: netPair({ k: [2, 8], regimes: ['any'] }),
  check: ({ wStar, k }, s, ctx) => {
    const ns = norm(wStar);
    const out: Comparison[] = [
      le('‖∇ℓ(w*)‖ / ‖w*‖', norm(s.grad(wStar, wStar, k)) / ns, 1e-12),
      le('‖∇ℓ(w_s)‖ / ‖w*‖ (saddle)', norm(s.grad(s.saddle(wStar, k), wStar, k)) / ns, 1e-10),
    ];
    const claimed = s.curvature(k);
    const d = wStar.length;
    const xi = ctx.rng.fillNormal(new Float64Array(d));
    const values: Record<string, number> = { k, claimedCurvature: claimed };
    for (const sc of [0.5, 1, 1.5]) {
      const w = Float64Array.from(wStar, (x, i) => sc * x + 0.05 * xi[i]);
      const lmax = fdHessianMaxEig((x) => s.grad(x, wStar, k), w, 1e-5);
      values[`lambdaMax_s${sc}`] = lmax;
      out.push(le(`|λ_max(H_FD) − L*| / L* at s = ${sc}`, Math.abs(lmax - claimed) / claimed, CURV_TOL));
    }
    return { comparisons: out, values };
  },
});

// ---------------------------------------------------------------------------
// binary loss.

/** A binary-activation population loss under test. */
export interface BinaryLossSubject {
  loss(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number;
}

export const binaryLossSubject: BinaryLossSubject = { loss: lossBinary };

export const binaryLoss = defineClaim({
  id: 'dx.nets.binary-loss',
  paper: 'dx',
  location: abstractOf('D', 'binarized activation, one-hidden-layer CNN, Gaussian data'),
  title: 'Binary-activation population loss θ/(2πk), and its scale invariance',
  statement:
    'Derived (not from D; Yin et al. Lemma 1 specialised [S]): with σ = 1{x > 0}, E[½(f(Z,w) − f(Z,w*))²] = θ(w,w*)/(2πk) ' +
    '(normalisation c₀ = ½), within 5 SE of Monte Carlo at w and, with independent draws, at s·w (s > 0); and the formula under ' +
    'test is invariant under w → s·w to rounding. (The sample loss is scale invariant draw by draw, so comparing a Monte Carlo ' +
    'estimate at s·w with the same draws at w could not fail; the formula is tested against fresh draws instead.)',
  tex: '\\mathbb E\\big[\\tfrac12(f(Z,w)-f(Z,w^*))^2\\big]=\\frac{\\theta(w,w^*)}{2\\pi k}',
  hypotheses: ['k ∈ [1, 8], d = 20', 'w, w* ≠ 0', 's ∈ [1e-3, 1e3] log-uniform'],
  kind: 'statistical',
  provenance: 'derived',
  source: projectSource('binary-loss', 'Yin et al., arXiv:1903.05662, Lemma 1 with second layer 1/k'),
  tolerance: { value: Z_TOL, reason: MC_REASON + ' Scale invariance of the formula: 64 ε_mach relative (normalising s·w and w differ by a few ulps). The check at s·w uses independent draws (the sample loss is scale invariant draw by draw).' },
  budget: { quick: 5, default: 6, thorough: 50 },
  subject: binaryLossSubject,
  instances: netPair({ k: [1, 8], unitTeacher: false }),
  check: ({ w, wStar, k }, s, ctx) => {
    const n = mcSize(ctx.budget);
    const mc = mcLossBinary(w, wStar, k, n, ctx.rng);
    const sc = 10 ** (6 * ctx.rng.uniform() - 3);
    const ws = Float64Array.from(w, (x) => sc * x);
    const mcScaled = mcLossBinary(ws, wStar, k, n, ctx.rng);
    const closed = s.loss(w, wStar, k);
    const closedScaled = s.loss(ws, wStar, k);
    return {
      comparisons: [
        le('|f(w) − MC(w)| / SE', Math.abs(closed - mc.mean) / mc.se, Z_TOL),
        le('|f(s·w) − MC(s·w)| / SE (independent draws)', Math.abs(closedScaled - mcScaled.mean) / mcScaled.se, Z_TOL),
        le('|f(s·w) − f(w)| / f(w) (formula)', Math.abs(closedScaled - closed) / closed, 64 * EPS),
      ],
      values: { closed, mc: mc.mean, se: mc.se, scale: sc },
    };
  },
});

// ---------------------------------------------------------------------------
// expected coarse gradients.

/** Expected coarse gradients and the true gradient under test. */
export interface CoarseSubject {
  expected(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, ste: Ste): Float64Array;
  trueGrad(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): Float64Array;
}

export const coarseSubject: CoarseSubject = {
  expected: (w, ws, k, ste) => expectedCoarseGrad(w, ws, k, ste),
  trueGrad: (w, ws, k) => gradBinaryTrue(w, ws, k),
};

export const coarseGradients = defineClaim({
  id: 'dx.nets.coarse-gradients',
  paper: 'dx',
  location: abstractOf('D', 'coarse gradient (straight-through estimator) descent'),
  title: 'Expected ReLU-STE and identity-STE coarse gradients, positively correlated with the true gradient',
  statement:
    'Derived (not from D; Yin et al. eqs. (11), (14) specialised [S]): with ‖w*‖ = 1, E[g_relu] = (ŵ − w*)/(2√(2π)k) and ' +
    'E[g_id] = (ŵ − w*)/(√(2π)k), within 5 SE per coordinate of Monte Carlo, where g_μ = r·(1/k)Σ_j μ′(Z_jᵀw)Z_j; and ' +
    '⟨E g, ∇f⟩ = (const)·sin θ/(2πk‖w‖) ≥ 0 for the true gradient ∇f = −(1/(2πk‖w‖))(I − ŵŵᵀ)w*/‖(I − ŵŵᵀ)w*‖.',
  tex: '\\mathbb E[g_{\\rm relu}]=\\frac{\\hat w-w^*}{2\\sqrt{2\\pi}k},\\quad \\mathbb E[g_{\\rm id}]=\\frac{\\hat w-w^*}{\\sqrt{2\\pi}k},\\quad \\langle\\mathbb E g,\\nabla f\\rangle\\ge0',
  hypotheses: ['k ∈ [1, 8], d = 20', '‖w*‖ = 1', 'θ ∈ (0.05, π − 0.05)', '‖w‖ ∈ [0.5, 2]'],
  kind: 'statistical',
  provenance: 'derived',
  source: projectSource('coarse-gradients', 'Yin et al., arXiv:1903.05662, eqs. (11), (14), Lemmas 2 and 5'),
  tolerance: {
    value: Z_TOL,
    reason: MC_REASON + ' The inner-product identity is checked to 1e-12 relative (closed-form rounding).',
  },
  budget: { quick: 4, default: 5, thorough: 40 },
  subject: coarseSubject,
  instances: netPair({ k: [1, 8], regimes: ['right', 'any'] }),
  check: ({ w, wStar, k, theta }, s, ctx) => {
    const n = mcSize(ctx.budget);
    const tg = s.trueGrad(w, wStar, k);
    const c = coarseConstant(k);
    const nw = norm(w);
    const out: Comparison[] = [];
    for (const [ste, mult] of [['relu', 1], ['identity', 2]] as const) {
      const e = s.expected(w, wStar, k, ste);
      const mc = mcCoarseGrad(w, wStar, k, ste, n, ctx.rng);
      const ip = dot(e, tg);
      const predicted = (mult * c * Math.sin(angle(w, wStar))) / (2 * Math.PI * k * nw);
      out.push(
        le(`max_i |E g_${ste} − MC| / SE (${ste} STE)`, maxZ(e, mc.mean, mc.se), Z_TOL),
        ge(`⟨E g_${ste}, ∇f⟩ (${ste} STE)`, ip, 0),
        le(`|⟨E g_${ste}, ∇f⟩ − ${mult}c·sinθ/(2πk‖w‖)| / that`, Math.abs(ip - predicted) / predicted, 1e-12),
      );
    }
    return { comparisons: out, values: { theta, k } };
  },
});

// ---------------------------------------------------------------------------
// Angles: the cancellation-free formula.

/** An angle function under test. */
export interface AngleSubject {
  angle(a: ArrayLike<number>, b: ArrayLike<number>): number;
}

export const angleSubject: AngleSubject = { angle };

export const angleNumerics = defineClaim({
  id: 'dx.nets.angle-numerics',
  paper: 'dx',
  location: abstractOf('B, D', 'convergence of the weights to a limit (measured by angles to the true weight)'),
  title: 'Angles by 2·atan2(‖â − b̂‖, ‖â + b̂‖): exact at 0 and π, relative accuracy 1e-6 down to angles of 1e-9',
  statement:
    'Ours: θ(w*, s·w*) = 0 exactly for s = 2^j and ≤ 4ε_mach for any s > 0; θ(w*, −s·w*) = π to 4ε_mach·π; and for a pair at a prescribed ' +
    'angle ε ∈ [1e-9, 1e-2] (built exactly in two coordinates, permuted, with signs and norms in [0.5, 2]) |θ − ε| ≤ 1e-6·ε + 4e-16. ' +
    'arccos of the clipped cosine fails this: its error is ~1e-16/ε, and it returns angles ~1e-8 at θ = 0.',
  tex: '\\theta(a,b)=2\\operatorname{atan2}\\big(\\|\\hat a-\\hat b\\|,\\ \\|\\hat a+\\hat b\\|\\big)',
  hypotheses: ['d = 20', 'w* dense N(0, I) for the 0 and π cases', 's ∈ [1e-3, 1e3] log-uniform, j ∈ [−10, 10]', 'ε ∈ [1e-9, 1e-2] log-uniform'],
  kind: 'identity',
  provenance: 'ours',
  source: projectSource('angles'),
  tolerance: {
    value: 1e-6,
    reason:
      'â and b̂ carry ≤ 1 ulp per component, so ‖â − b̂‖ has absolute error ≲ 2ε_mach·√d·|â| ≈ 1e-15 relative to its own size when the ' +
      'vectors differ only in two coordinates, and atan2 is well conditioned: relative error ≲ 1e-15 plus an absolute floor 4e-16 from ' +
      'rounding cos ε and sin ε; 1e-6 relative leaves a margin of 1e9 at ε = 1e-2 and ~1e3 at ε = 1e-9, where arccos is off by 100 %.',
  },
  budget: { quick: 50, default: 200, thorough: 2000 },
  subject: angleSubject,
  instances: fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    s: logUniformDouble(1e-3, 1e3),
    j: fc.integer({ min: -10, max: 10 }),
    eps: logUniformDouble(1e-9, 1e-2),
  }),
  check: ({ seed, s, j, eps }, sub) => {
    const rng = createRng(seed);
    const d = 20;
    const ws = rng.fillNormal(new Float64Array(d));
    const scaled = ws.map((x) => s * x);
    const pow2 = ws.map((x) => 2 ** j * x);
    const neg = ws.map((x) => -s * x);
    // A pair at angle eps: coordinates p, q, random signs and norms (all exact operations but cos/sin).
    const p = rng.int(d);
    const q = (p + 1 + rng.int(d - 1)) % d;
    const sp = rng.uniform() < 0.5 ? -1 : 1;
    const sq = rng.uniform() < 0.5 ? -1 : 1;
    const ra = 0.5 + 1.5 * rng.uniform();
    const rb = 0.5 + 1.5 * rng.uniform();
    const a = new Float64Array(d);
    const b = new Float64Array(d);
    a[p] = sp * ra;
    b[p] = sp * rb * Math.cos(eps);
    b[q] = sq * rb * Math.sin(eps);
    const small = sub.angle(a, b);
    return {
      comparisons: [
        eq('θ(w*, 2^j·w*)', sub.angle(ws, pow2), 0),
        le('θ(w*, s·w*) / ε_mach', sub.angle(ws, scaled) / EPS, 4),
        le('|θ(w*, −s·w*) − π| / (π ε_mach)', Math.abs(sub.angle(ws, neg) - Math.PI) / (Math.PI * EPS), 4),
        le('|θ − ε| / (1e-6·ε + 4e-16) at a prescribed angle ε', Math.abs(small - eps) / (1e-6 * eps + 4e-16), 1),
      ],
      values: { eps, measured: small },
    };
  },
});

/** The model claims, in catalogue order. */
export const netsModelClaims = [reluLossMc, reluGradient, reluLandscape, binaryLoss, coarseGradients, angleNumerics];
