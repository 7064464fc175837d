/**
 * Claims on the one-hidden-layer no-overlap CNN of Dinh & Xin: closed-form population losses and
 * gradients against Monte Carlo and finite differences, the ReLU landscape, the binary loss and the
 * expected coarse gradients (note dx-rvsm-rvscgd.md §2.2, §2.3; executable claims 1–5).
 *
 * Provenance: the full texts of B (arXiv:1812.05719) and D (Front. Appl. Math. Stat. 6:13) were not
 * available. Every formula here is DERIVED in the note [D] (from Brutzkus–Globerson and Yin et al.
 * [S]) and checked numerically; none is quoted from B or D.
 */
import { mathjs } from '../../src/core/mathjs.ts';
import { defineClaim, eq, ge, le, type Comparison } from '../../src/claims/claim.ts';
import type { BudgetName } from '../../src/claims/claim.ts';
import {
  type Ste, angle, coarseConstant, dot, expectedCoarseGrad, gradBinaryTrue, gradRelu, lossBinary, lossRelu, norm,
  reluCurvatureAtOptimum, reluSaddlePoint,
} from '../../src/nets/model.ts';
import { mcCoarseGrad, mcGradRelu, mcLossBinary, mcLossRelu } from '../../src/nets/monte-carlo.ts';
import { createRng } from '../../src/core/random.ts';
import { netPair } from '../../properties/arbitraries/nets.ts';

const EPS = Number.EPSILON;
/** Monte Carlo tolerance in standard errors. */
const Z_TOL = 5;
const MC_REASON =
  'Monte Carlo: |closed form − MC mean| ≤ 5·SE (SE = s/√n from the same draws). Under the claim the ratio is ~N(0,1), ' +
  'so a false alarm has probability 5.7e-7 per comparison; a wrong constant of relative size δ is detected once δ·|value| > 5·SE.';

/** Monte Carlo sample size per budget (quick stays fast; thorough matches the note's 4e5). */
export function mcSize(budget: BudgetName): number {
  return budget === 'quick' ? 20_000 : budget === 'default' ? 50_000 : 400_000;
}

const source = (s: string): string => `dx-rvsm-rvscgd.md ${s} [D]; not a statement of Dinh & Xin (full texts unavailable)`;

/** Max over coordinates of |a_i − b_i| / se_i. */
function maxZ(a: ArrayLike<number>, b: ArrayLike<number>, se: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / se[i]);
  return m;
}

// ---------------------------------------------------------------------------
// Claim 1: ReLU population loss.

/** A ReLU population loss under test, ℓ(w; w*, k). */
export interface ReluLossSubject {
  loss(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number;
}

export const reluLossSubject: ReluLossSubject = { loss: lossRelu };

export const reluLossMc = defineClaim({
  id: 'dx.nets.relu-loss-mc',
  paper: 'dx',
  location: 'note §2.2 (loss, c₀ = 1), executable claim 1',
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
  source: source('§2.2 (Cho–Saul kernel; Brutzkus & Globerson arXiv:1702.07966 [S])'),
  tolerance: { value: Z_TOL, reason: MC_REASON },
  budget: { quick: 5, default: 12, thorough: 50 },
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
// Claim 2: ReLU gradient.

/** A ReLU loss and its gradient under test. */
export interface ReluGradSubject extends ReluLossSubject {
  grad(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): Float64Array;
}

export const reluGradSubject: ReluGradSubject = { loss: lossRelu, grad: (w, ws, k) => gradRelu(w, ws, k) };

const FD_TOL = 1e-6;
export const reluGradient = defineClaim({
  id: 'dx.nets.relu-gradient',
  paper: 'dx',
  location: 'note §2.2 (gradient), executable claim 2',
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
  source: source('§2.2 (∇_w g from the Cho–Saul kernel)'),
  tolerance: {
    value: FD_TOL,
    reason:
      'finite differences, step h = 1e-5·‖w‖: truncation h²·M₃/6 with M₃ ≲ 10·G/‖w‖² gives ≤ 2e-10·G; rounding ε_mach·|ℓ|/h ≤ 1e-10·G ' +
      '(|ℓ| ≤ (‖w‖ + ‖w*‖)²/k); 1e-6·G leaves a margin > 1000. Monte Carlo part: 5 SE per coordinate (P(false alarm) ≤ 20·5.7e-7 per instance).',
  },
  budget: { quick: 4, default: 8, thorough: 40 },
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
// Claim 3: ReLU landscape.

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
  location: 'note §2.2 (landscape for k > 1), executable claim 3',
  title: 'ReLU landscape: w* and the saddle are critical; the largest Hessian eigenvalue is (1 + (k−1)/π)/k',
  statement:
    'Derived (not from B; Brutzkus–Globerson landscape rechecked): ∇ℓ(w*) = 0 (to 1e-12·‖w*‖), ∇ℓ(w_s) = 0 for ' +
    'w_s = −((k²−k)/(k² + (π−1)k))w* (to 1e-10·‖w*‖), and the largest eigenvalue of the finite-difference Hessian ' +
    '(step 1e-5) at w = s·w* + 0.05ξ, s ∈ {0.5, 1, 1.5}, ξ ~ N(0, I), equals the radial curvature (1 + (k−1)/π)/k = 2a_k/k² to 1e-6.',
  tex: 'L^*=\\lambda_{\\max}\\nabla^2\\ell=\\frac{1+(k-1)/\\pi}{k},\\quad \\nabla\\ell(w^*)=\\nabla\\ell\\big(-\\tfrac{k^2-k}{k^2+(\\pi-1)k}w^*\\big)=0',
  hypotheses: ['k ∈ [2, 8], d = 20', '‖w*‖ = 1', 'not exactly at w* (the tangential FD curvature is ill-conditioned at θ = 0)'],
  kind: 'identity',
  provenance: 'derived',
  source: source('§2.2 (landscape; Brutzkus & Globerson [S]; curvature derived: ŵ is an eigenvector with eigenvalue 2a_k/k² at every w ≠ 0)'),
  tolerance: {
    value: CURV_TOL,
    reason:
      'gradient at critical points: closed-form rounding ~10 ε_mach·|terms| (≤ 1e-14), tolerances 1e-12/1e-10 from the note; ' +
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
// Claim 4: binary loss.

/** A binary-activation population loss under test. */
export interface BinaryLossSubject {
  loss(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number;
}

export const binaryLossSubject: BinaryLossSubject = { loss: lossBinary };

export const binaryLoss = defineClaim({
  id: 'dx.nets.binary-loss',
  paper: 'dx',
  location: 'note §2.3 (loss), executable claim 4',
  title: 'Binary-activation population loss θ/(2πk), and its scale invariance',
  statement:
    'Derived (not from D; Yin et al. Lemma 1 specialised [S]): with σ = 1{x > 0}, E[½(f(Z,w) − f(Z,w*))²] = θ(w,w*)/(2πk) ' +
    '(normalisation c₀ = ½), within 5 SE of Monte Carlo; the loss is invariant under w → s·w (s > 0): exactly for a fixed Monte Carlo ' +
    'sample and to rounding for the closed form.',
  tex: '\\mathbb E\\big[\\tfrac12(f(Z,w)-f(Z,w^*))^2\\big]=\\frac{\\theta(w,w^*)}{2\\pi k}',
  hypotheses: ['k ∈ [1, 8], d = 20', 'w, w* ≠ 0', 's ∈ [1e-3, 1e3] log-uniform'],
  kind: 'statistical',
  provenance: 'derived',
  source: source('§2.3 (Yin et al. arXiv:1903.05662, Lemma 1 with v = v* = 1/k [S])'),
  tolerance: { value: Z_TOL, reason: MC_REASON + ' Scale invariance of the closed form: 64 ε_mach (normalising s·w and w differ by a few ulps).' },
  budget: { quick: 5, default: 12, thorough: 50 },
  subject: binaryLossSubject,
  instances: netPair({ k: [1, 8], unitTeacher: false }),
  check: ({ w, wStar, k }, s, ctx) => {
    const n = mcSize(ctx.budget);
    const seed = ctx.rng.int(0x7fffffff);
    const mc = mcLossBinary(w, wStar, k, n, createRng(seed));
    const sc = 10 ** (6 * ctx.rng.uniform() - 3);
    const ws = Float64Array.from(w, (x) => sc * x);
    const mcScaled = mcLossBinary(ws, wStar, k, n, createRng(seed));
    const closed = s.loss(w, wStar, k);
    return {
      comparisons: [
        le('|θ/(2πk) − MC| / SE', Math.abs(closed - mc.mean) / mc.se, Z_TOL),
        eq('MC(s·w) − MC(w) (same sample)', mcScaled.mean - mc.mean, 0),
        le('|f(s·w) − f(w)| (closed form)', Math.abs(s.loss(ws, wStar, k) - closed), 64 * EPS),
      ],
      values: { closed, mc: mc.mean, se: mc.se, scale: sc },
    };
  },
});

// ---------------------------------------------------------------------------
// Claim 5: expected coarse gradients.

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
  location: 'note §2.3 (expected coarse gradients), executable claim 5',
  title: 'Expected ReLU-STE and identity-STE coarse gradients, positively correlated with the true gradient',
  statement:
    'Derived (not from D; Yin et al. eqs. (11), (14) specialised [S]): with ‖w*‖ = 1, E[g_relu] = (ŵ − w*)/(2√(2π)k) and ' +
    'E[g_id] = (ŵ − w*)/(√(2π)k), within 5 SE per coordinate of Monte Carlo, where g_μ = r·(1/k)Σ_j μ′(Z_jᵀw)Z_j; and ' +
    '⟨E g, ∇f⟩ = (const)·sin θ/(2πk‖w‖) ≥ 0 for the true gradient ∇f = −(1/(2πk‖w‖))(I − ŵŵᵀ)w*/‖(I − ŵŵᵀ)w*‖.',
  tex: '\\mathbb E[g_{\\rm relu}]=\\frac{\\hat w-w^*}{2\\sqrt{2\\pi}k},\\quad \\mathbb E[g_{\\rm id}]=\\frac{\\hat w-w^*}{\\sqrt{2\\pi}k},\\quad \\langle\\mathbb E g,\\nabla f\\rangle\\ge0',
  hypotheses: ['k ∈ [1, 8], d = 20', '‖w*‖ = 1', 'θ ∈ (0.05, π − 0.05)', '‖w‖ ∈ [0.5, 2]'],
  kind: 'statistical',
  provenance: 'derived',
  source: source('§2.3 (Yin et al. arXiv:1903.05662 eqs. (11), (14), Lemmas 2 and 5 [S])'),
  tolerance: {
    value: Z_TOL,
    reason: MC_REASON + ' The inner-product identity is checked to 1e-12 relative (closed-form rounding).',
  },
  budget: { quick: 4, default: 8, thorough: 40 },
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

/** The model claims (executable claims 1–5), in catalogue order. */
export const netsModelClaims = [reluLossMc, reluGradient, reluLandscape, binaryLoss, coarseGradients];
