/**
 * Whitened data (XXᵀ = Iₙ, n ≤ d): Theorem 9's closed-form network and dual,
 * and Lemma 4's spike-freeness (Ergen & Pilanci, JMLR 2021, Section 4).
 */
import { defineClaim, eq, le, type Comparison } from '../../src/claims/claim.ts';
import { enumeratePatterns } from '../../src/relu/arrangements.ts';
import { whitenedClosedForm, type WhitenedSolution } from '../../src/relu/closed-forms.ts';
import { ConeProjector } from '../../src/relu/cone.ts';
import { dualCheck } from '../../src/relu/convex.ts';
import { networkObjective } from '../../src/relu/network.ts';
import { type ReluProblem, reluProblem } from '../../src/relu/problem.ts';
import { whitenedInstance } from '../../src/arbitraries/relu.ts';

/** The closed form under test. */
export interface WhitenedSubject {
  solve(problem: ReluProblem): WhitenedSolution;
}

export const whitenedSubject: WhitenedSubject = { solve: whitenedClosedForm };

const W_TOL = 1e-12;
const W_REASON =
  'closed-form values computed from norms and inner products of n ≤ 10 numbers of size O(1): relative rounding ≤ ~10n·ε_mach ≈ 2e-14; ' +
  'the exact dual check is an NNLS solve of size n×d, accurate to ~1e-14 relative; 1e-12 leaves a margin of ~50';

export const whitenedTheorem9 = defineClaim({
  id: 'ep21.whitened.theorem9',
  paper: 'ep21',
  location: 'Section 4.2, Theorem 9 (closed form for whitened data), Lemma 4 (whitened data are spike-free), Corollary 7',
  title: 'Whitened data: the closed-form network is optimal, with a matching dual point feasible for every neuron',
  statement:
    'For XXᵀ = Iₙ, p = ‖(y)_+‖, q = ‖(−y)_+‖: the network u₁ ∝ Xᵀ(y)_+ with weight (p − β)_+ and u₂ ∝ Xᵀ(−y)_+ with weight −(q − β)_+ ' +
    'has primal value equal to the dual value of v* = β(y)_+/p − β(−y)_+/q (raw parts when β exceeds their norm); v* satisfies ' +
    'max_{‖u‖≤1} |v*ᵀ(Xu)_+| ≤ β (checked exactly over every activation pattern); the output is group soft-thresholding of y_± ' +
    'and the number of neurons is 2, 1 or 0 by β against p and q; ‖X†(Xu)_+‖ ≤ ‖u‖ (spike-free).',
  tex: '\\hat y=(1-\\beta/p)_+(y)_+-(1-\\beta/q)_+(-y)_+',
  hypotheses: ['X = first n rows of a random orthogonal d×d matrix, (n, d) ∈ {(5, 8), (6, 10), (8, 12)}', 'y ~ N(0, I)', 'β ∈ {0.1, 1, 5}'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: W_TOL, reason: W_REASON },
  budget: { quick: 6, default: 30, thorough: 300 },
  subject: whitenedSubject,
  instances: whitenedInstance([[5, 8], [6, 10], [8, 12]], [0.1, 1, 5]),
  check: (inst, s, ctx) => {
    const problem = reluProblem({ X: inst.X, y: inst.y, beta: inst.beta });
    const { n, d, X, beta } = problem;
    const sol = s.solve(problem);
    const P = networkObjective(problem, sol.network);
    const D = sol.dual;
    const patterns = enumeratePatterns(X, n, d);
    const { rho } = dualCheck(problem, patterns, sol.v, new ConeProjector(X, n, d));
    // spike-free: ‖X†(Xu)_+‖ = ‖Xᵀ(Xu)_+‖ = ‖(Xu)_+‖ ≤ ‖Xu‖ = ‖Π_row(u)‖ ≤ ‖u‖, checked on random u
    let spike = 0;
    const u = new Float64Array(d);
    for (let t = 0; t < 200; t++) {
      ctx.rng.fillNormal(u);
      const nu = Math.hypot(...u);
      const z = new Float64Array(d);
      for (let j = 0; j < n; j++) {
        let s2 = 0;
        for (let k = 0; k < d; k++) s2 += X[j * d + k] * u[k];
        if (s2 > 0) for (let k = 0; k < d; k++) z[k] += X[j * d + k] * s2;
      }
      spike = Math.max(spike, Math.hypot(...z) / nu);
    }
    const expectedNeurons = (sol.p > beta ? 1 : 0) + (sol.q > beta ? 1 : 0);
    // group soft-threshold of y_± against the network's output
    const f = new Float64Array(n);
    for (let q = 0; q < sol.network.m; q++) for (let j = 0; j < n; j++) {
      let s2 = 0;
      for (let k = 0; k < d; k++) s2 += X[j * d + k] * sol.network.U[q * d + k];
      if (s2 > 0) f[j] += s2 * sol.network.alpha[q];
    }
    let st = 0;
    for (let j = 0; j < n; j++) {
      const yj = problem.y[j];
      const target = yj > 0 ? Math.max(1 - beta / sol.p, 0) * yj : yj < 0 ? Math.max(1 - beta / sol.q, 0) * yj : 0;
      st = Math.max(st, Math.abs(f[j] - target));
    }
    const out: Comparison[] = [
      le('|P − D| / max(1, |P|) (network objective vs closed-form dual)', Math.abs(P - D) / Math.max(1, Math.abs(P)), W_TOL),
      le('exact dual check max_i ‖Π_{K_i}(±XᵀD_i v*)‖ ÷ β − 1', rho / beta - 1, W_TOL),
      le('max |ŷ − group soft-threshold of y_±|', st, W_TOL),
      eq('neurons − expected (2, 1 or 0 by β vs p, q)', sol.network.m - expectedNeurons, 0),
      le('max ‖X†(Xu)_+‖ / ‖u‖ − 1 (spike-free)', spike - 1, W_TOL),
    ];
    return { comparisons: out, values: { P, D, p: sol.p, q: sol.q, neurons: sol.network.m } };
  },
});

export const whitenedClaims = [whitenedTheorem9];
