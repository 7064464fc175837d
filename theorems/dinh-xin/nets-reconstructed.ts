/**
 * UNVERIFIED claims: our reconstructions of what B and D probably state
 * (docs/claims/dinh-xin.md#reconstructions). The full texts were not available; the hypotheses and
 * constants below are reconstructions (with the constants filled in by derived values), NOT quotations
 * of B or D. Each is checked numerically on the reconstructed algorithms of src/nets.
 */
import fc from 'fast-check';
import { defineClaim, eq, le } from '../../src/claims/claim.ts';
import type { BudgetName } from '../../src/claims/claim.ts';
import { angle, coarseConstant, distance, dot, reluCurvatureAtOptimum } from '../../src/nets/model.ts';
import { penaltyOf, splittingInstance } from '../../src/arbitraries/nets.ts';
import { rvsmResidual, spread, splittingSubject } from './nets-splitting.ts';
import { abstractOf, projectSource } from './cite.ts';

const K = 5;
const BETA = 0.5;
const LAMBDA = 1e-3;
const source = (section: string): string =>
  projectSource(section, 'a reconstruction of what the paper may state, not checked against its text; constants filled in from derived values');

const iterations = (b: BudgetName): number => (b === 'quick' ? 3000 : b === 'default' ? 5000 : 20000);

export const rvsmSufficientDecrease = defineClaim({
  id: 'dx.nets.rvsm-sufficient-decrease',
  paper: 'dx',
  location: abstractOf('B', 'convergence of RVSM (a descent lemma is reconstructed; the group\'s later restatement has η < 2/(β + L))'),
  title: 'Unverified reconstruction of B\'s descent lemma: L_β decreases by (1/η − (L+β)/2)‖w^{t+1} − w^t‖² with L = L*',
  statement:
    'UNVERIFIED (reconstructed from the setting, not read in B): if η < 2/(β + L), then L_β(w^{t+1},u^{t+1}) ≤ L_β(w^t,u^t) − ' +
    '(1/η − (L+β)/2)‖w^{t+1} − w^t‖². Checked with L = L* = (1 + (k−1)/π)/k (the radial curvature, derived), k = 5, β = 0.5, λ = 1e-3, ' +
    'η = 0.5 and 2 (u-first ordering), ℓ1/ℓ0/TL1, from initialisations of norm 0.5–2 in any half-space (∇ℓ is not globally Lipschitz; B\'s L is unknown).',
  tex: 'L_\\beta(w^{t+1},u^{t+1})\\le L_\\beta(w^t,u^t)-\\big(\\tfrac1\\eta-\\tfrac{L^*+\\beta}2\\big)\\|w^{t+1}-w^t\\|^2',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros', 'w⁰ random, ‖w⁰‖ ∈ [0.5, 2] (no half-space condition)', 'β = 0.5, λ = 1e-3, η ∈ {0.5, 2}'],
  kind: 'bound',
  provenance: 'unverified',
  source: source('reconstructions'),
  tolerance: {
    value: 1e-12,
    reason: 'both sides are O(1) sums of ~40 rounded terms (≈ 1e-14); measured worst slack +1.9e-16 over 240 runs of 3,000 iterations.',
  },
  budget: { quick: 3, default: 12, thorough: 30 },
  subject: splittingSubject,
  instances: splittingInstance({ inits: 1, halfSpace: false }),
  check: (inst, s, ctx) => {
    let worst = -Infinity;
    let completed = 0;
    for (const eta of [0.5, 2.0]) {
      const r = s.rvsm({
        wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: penaltyOf(inst.penalty), lambda: LAMBDA, beta: BETA, eta,
        iterations: iterations(ctx.budget),
      });
      if (r.stopReason === 'completed') completed++;
      const L = r.trace!.lagrangian;
      const step = r.trace!.step;
      const coef = 1 / eta - (reluCurvatureAtOptimum(K) + BETA) / 2;
      for (let t = 1; t < L.length; t++) worst = Math.max(worst, L[t] - L[t - 1] + coef * step[t] * step[t]);
    }
    return {
      comparisons: [
        le('max over η, t of L_β(t+1) − L_β(t) + (1/η − (L*+β)/2)‖Δw‖²', worst, 1e-12),
        eq('runs completed (η = 0.5 and 2)', completed, 2),
      ],
      values: { penalty: inst.penalty, initialCosine: dot(inst.inits[0], inst.wStar) },
    };
  },
});

export const rvsmTheoremB = defineClaim({
  id: 'dx.nets.rvsm-theorem-b',
  paper: 'dx',
  location: abstractOf('B', 'with high probability the iterates converge to a global limit'),
  title: 'Unverified reconstruction of B\'s theorem: from half-space initialisations RVSM converges to one stationary (w̄, ū = prox(w̄)), the same for every initialisation',
  statement:
    'UNVERIFIED shape of B\'s theorem: for ℓ1, ℓ0 and TL1, if w⁰ᵀw* > 0 (probability ½ under a rotation-invariant initialisation; the ' +
    '"probability ≥ ½" reading is ours) and η, λ, β are small (here η = β = 0.5, λ = 1e-3), then (w^t, u^t) converges to (w̄, ū) with ' +
    'ū = prox_{(λ/β)P}(w̄) and ∇ℓ(w̄) + β(w̄ − ū) = 0 — a global limit: for ℓ1 and TL1 the same from every initialisation. Checked ' +
    'after 2·10⁴ iterations from 3 half-space initialisations: residual ≤ 1e-10 (computed from the closed-form gradient and prox, ' +
    'independently of the solver), last step ≤ 1e-12, and for ℓ1/TL1 the spread of ū ≤ 1e-8. (ℓ0 limits can depend on the ' +
    'initialisation inside the bistable band, docs/claims/dinh-xin.md#l0-recovery, so only stationarity is asserted for ℓ0.)',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros', 'w⁰ᵀw* > 0, ‖w⁰‖ ∈ [0.5, 2]', 'η = β = 0.5, λ = 1e-3, 2·10⁴ iterations, 3 initialisations'],
  kind: 'convergence',
  provenance: 'unverified',
  source: source('reconstructions'),
  tolerance: {
    value: 1e-10,
    reason:
      'linear convergence reaches rounding (~1e-16) within a few hundred of 2·10⁴ iterations, so residual 1e-10 / step 1e-12 have margins ≥ 1e4; ' +
      'the spread of ū allows 1e-8 for the TL1 Cardano branch (cos/acos rounding ≈ 1e-14 at the limit).',
  },
  budget: { quick: 3, default: 9, thorough: 30 },
  timeoutMs: 300_000,
  subject: splittingSubject,
  instances: splittingInstance({ inits: 3 }),
  check: (inst, s) => {
    const penalty = penaltyOf(inst.penalty);
    const runs = inst.inits.map((w0) => s.rvsm({ wStar: inst.wStar, k: K, w0, penalty, lambda: LAMBDA, beta: BETA, eta: 0.5, iterations: 20_000 }));
    const residual = Math.max(...runs.map((r) => rvsmResidual(r.w, inst.wStar, K, penalty, LAMBDA, BETA)));
    const lastStep = Math.max(...runs.map((r) => r.trace!.step.at(-1)!));
    const out = [
      le('max residual ‖∇ℓ(w̄) + β(w̄ − prox(w̄))‖', residual, 1e-10),
      le('max last step ‖w^T − w^{T−1}‖', lastStep, 1e-12),
    ];
    const spreadU = spread(runs.map((r) => r.u));
    if (inst.penalty !== 'l0') out.push(le('spread of ū over initialisations (∞-norm)', spreadU, 1e-8));
    return { comparisons: out, values: { penalty: inst.penalty, spreadU } };
  },
});

export const rvscgdErrorEstimate = defineClaim({
  id: 'dx.nets.rvscgd-error-estimate',
  paper: 'dx',
  location: abstractOf('D', 'explicit error estimates between the sparse weights and the true weights'),
  title: 'Unverified form of D\'s error estimates: ‖w̄ − w*‖ and ‖ū − w*‖ bounded by O(√d·λ/c) (+ √d·τ for ū)',
  statement:
    'UNVERIFIED form (D\'s constants unknown): for normalised RVSCGD with ℓ1, ‖w̄ − w*‖ = 2 sin(θ/2) ≤ 2 sin(½ arcsin(min(1, √d·λ/c))) ' +
    'and ‖ū − w*‖ ≤ that + √d·λ/β, with c = 1/(2√(2π)k) (constants derived in docs/claims/dinh-xin.md#rvscgd-bounds); k = 5, β = 1, η = 1, λ ∈ {1e-4, 1e-3}.',
  tex: '\\|\\bar u-w^*\\|\\le 2\\sin\\big(\\tfrac12\\arcsin\\min(1,\\sqrt d\\lambda/c)\\big)+\\sqrt d\\,\\lambda/\\beta',
  hypotheses: ['d = 20, k = 5, ‖w*‖ = 1, 10 zeros', 'ℓ1, β = 1, η = 1, 5,000 iterations, λ ∈ {1e-4, 1e-3}', 'w⁰ᵀw* > 0'],
  kind: 'bound',
  provenance: 'unverified',
  source: source('rvscgd-bounds'),
  tolerance: { value: 0, reason: 'an inequality between computed quantities; the limit is reached to rounding (~1e-15) long before 5,000 iterations and the bounds have slack ≥ 2× (e.g. 3.96e-3 ≤ 1.12e-2 at λ = 1e-4).' },
  budget: { quick: 2, default: 8, thorough: 30 },
  subject: splittingSubject,
  instances: fc.tuple(splittingInstance({ penalties: ['l1'], inits: 1 }), fc.constantFrom(1e-4, 1e-3)),
  check: ([inst, lambda], s) => {
    const d = inst.wStar.length;
    const c = coarseConstant(K);
    const r = s.rvscgd({ wStar: inst.wStar, k: K, w0: inst.inits[0], penalty: { kind: 'l1' }, lambda, beta: 1, eta: 1, iterations: 5000 });
    const wBound = 2 * Math.sin(0.5 * Math.asin(Math.min(1, (Math.sqrt(d) * lambda) / c)));
    const uBound = wBound + Math.sqrt(d) * lambda;
    return {
      comparisons: [
        le('‖w̄ − w*‖ − bound', distance(r.w, inst.wStar) - wBound, 0),
        le('‖ū − w*‖ − bound', distance(r.u, inst.wStar) - uBound, 0),
        eq('run completed (1 = yes)', r.stopReason === 'completed' ? 1 : 0, 1),
      ],
      values: { lambda, distW: distance(r.w, inst.wStar), distU: distance(r.u, inst.wStar), wBound, uBound, angle: angle(r.w, inst.wStar) },
    };
  },
});

export const netsReconstructedClaims = [rvsmSufficientDecrease, rvsmTheoremB, rvscgdErrorEstimate];
