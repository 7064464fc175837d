/**
 * Vector-output networks (Ergen & Pilanci, JMLR 2021, §4.5 and Theorem 15): the
 * whitened one-hot closed form certified over all vector networks; the separable
 * per-output convex program with its two-sided certificate; and the real-data study
 * in the shape of Figure 11 on the shipped Fashion-MNIST subsample.
 *
 * The lower bounds are computed by the checks from the network they are handed
 * (docs/claims/ep21.md#vector-output-dual), never taken from the subject.
 */
import fc from 'fast-check';
import { defineClaim, ge, le, type Comparison, type Series } from '../../src/claims/claim.ts';
import { createRng, type Rng } from '../../src/core/random.ts';
import { enumeratePatterns, type PatternSet } from '../../src/relu/arrangements.ts';
import { ConeProjector } from '../../src/relu/cone.ts';
import { dualCheck, scaledDualValue } from '../../src/relu/convex.ts';
import {
  type ConvexSide, FIGURE11_SCALES, type Figure11Result, type Figure11Trials, runFigure11, runFigure11Trials, separableWithAllActive, STUDY_TOL_GAP,
} from '../../src/relu/figure11.ts';
import {
  type VectorNetwork, type VectorProblem, certifyVectorNetwork, oneHot, outputProblem, solveSeparable, vectorNetworkObjective, vectorNetworkOutput,
  vectorProblem, whitenedOneHotNetwork,
} from '../../src/relu/vector.ts';
import { trainVectorNetwork } from '../../src/relu/vector-train.ts';
import { gramSchmidtRows } from '../../src/arbitraries/relu.ts';

// ---------------------------------------------------------------------------------------------
// instances

/** Whitened X (first n rows of a random orthogonal d×d matrix), one-hot labels with every class present, β < 1 ≤ min √n_k. */
export interface WhitenedOneHotInstance {
  X: number[][];
  labels: number[];
  K: number;
  beta: number;
}

function orthonormalRows(rng: Rng, n: number, d: number): number[][] {
  return gramSchmidtRows(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
}

export const whitenedOneHotInstance: fc.Arbitrary<WhitenedOneHotInstance> = fc
  .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.constantFrom(10, 20, 30), extra: fc.constantFrom(5, 20), K: fc.constantFrom(2, 3, 5), beta: fc.constantFrom(1e-3, 0.1, 0.5, 0.9) })
  .map(({ seed, n, extra, K, beta }) => {
    const rng = createRng(seed);
    const X = orthonormalRows(rng, n, n + extra);
    const labels = Array.from({ length: n }, (_, j) => (j < K ? j : rng.int(K)));
    return { X, labels, K, beta };
  });

/** 2-D points with a bias column (d = 3), Y ~ N(0, I) with K columns. */
export interface VectorInstance {
  X: number[][];
  Y: number[][];
  beta: number;
}

export const planeVectorInstance: fc.Arbitrary<VectorInstance> = fc
  .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.constantFrom(5, 6, 7), K: fc.constantFrom(2, 3), beta: fc.constantFrom(0.05, 0.1, 0.5) })
  .map(({ seed, n, K, beta }) => {
    const rng = createRng(seed);
    const X = Array.from({ length: n }, () => [rng.normal(), rng.normal(), 1]);
    const Y = Array.from({ length: n }, () => Array.from({ length: K }, () => rng.normal()));
    return { X, Y, beta };
  });

// ---------------------------------------------------------------------------------------------
// Theorem 15

/** The closed form under test: a vector network for whitened one-hot data. */
export interface ClosedFormSubject {
  network(problem: VectorProblem): VectorNetwork;
}

export const theorem15Subject: ClosedFormSubject = { network: whitenedOneHotNetwork };

const CERT_TOL = 1e-8;

export const whitenedOneHot = defineClaim({
  id: 'ep21.vector.whitened-one-hot',
  paper: 'ep21',
  location: 'Theorem 15 (whitened data, one-hot multiclass outputs); the vector-output model of §4.5',
  title: 'Whitened one-hot data: one neuron per class, u_k ∝ Xᵀy_k with output weight (√n_k − β)e_k, is optimal over all vector-output networks',
  statement:
    'For XXᵀ = Iₙ and one-hot Y with class sizes n_k ≥ 1 > β, the network with u_k = Xᵀy_k/‖Xᵀy_k‖ and w_k = (√n_k − β)e_k (balanced by ' +
    'Lemma 1) attains p*_K of the vector-output weight-decay problem: its objective equals a dual lower bound valid for networks of any width.',
  tex: 'p^*_K = \\sum_k \\bigl(\\beta\\sqrt{n_k} - \\tfrac12\\beta^2\\bigr)',
  hypotheses: ['X = the first n rows of a random orthogonal d×d matrix, n ∈ {10, 20, 30}, d = n + {5, 20}', 'K ∈ {2, 3, 5} classes, every class present', 'β ∈ {1e-3, 0.1, 0.5, 0.9} (below every √n_k)'],
  kind: 'identity',
  provenance: 'paper',
  source: 'JMLR 2021 Theorem 15; the certificate: docs/claims/ep21.md#whitened-one-hot and #vector-output-dual',
  tolerance: {
    value: CERT_TOL,
    reason:
      'the lower bound scales the residual by β/ρ̄ with ρ̄ = ‖R‖₂‖X‖₂ from two certified spectral norms, each started 1e-9 relative above the ' +
      'computed eigenvalue (plus Cholesky margins ~1e-13); D(tR) then sits ≤ ~2e-9 relative below the optimum; 1e-8 covers that and the ' +
      'float64 evaluation (~1e-14)',
  },
  budget: { quick: 5, default: 30, thorough: 200 },
  subject: theorem15Subject,
  instances: whitenedOneHotInstance,
  check: (inst: WhitenedOneHotInstance, s: ClosedFormSubject) => {
    const problem = vectorProblem({ X: inst.X, Y: oneHot(inst.labels, inst.K), K: inst.K, beta: inst.beta });
    const net = s.network(problem);
    const cert = certifyVectorNetwork(problem, net);
    const counts = new Array<number>(inst.K).fill(0);
    for (const l of inst.labels) counts[l]++;
    const formula = counts.reduce((acc, nk) => acc + inst.beta * Math.sqrt(nk) - 0.5 * inst.beta ** 2, 0);
    return {
      comparisons: [
        le('(network objective − certified lower bound on p*_K) / objective', cert.relGap, CERT_TOL),
        le('|objective − Σ_k(β√n_k − β²/2)| / objective', Math.abs(cert.networkValue - formula) / formula, CERT_TOL),
        le('neurons − K (one per class)', Math.abs(net.m - inst.K), 0),
      ],
      values: { objective: cert.networkValue, lowerBound: cert.dualValue, rhoOverBeta: cert.rhoUpper / inst.beta, neurons: net.m },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// the separable program

/** A separable pipeline under test: a vector network over the given patterns and the value it claims. */
export interface SeparableSubject {
  solve(problem: VectorProblem, patterns: PatternSet): { network: VectorNetwork; value: number };
}

export const separableConic: SeparableSubject = {
  solve: (problem, patterns) => {
    const res = solveSeparable(problem, patterns, { solver: 'working-set', inner: 'conic', tolGap: 1e-7 });
    return { network: res.network, value: res.outputs.reduce((s, o) => s + o.certificate.convexValue, 0) };
  },
};

/** Σ_k of the exact per-output dual bounds at the network's residuals: a lower bound on the separable optimum over all patterns. */
function separableLowerBound(problem: VectorProblem, net: VectorNetwork, reference: PatternSet): number {
  const { n, K } = problem;
  const F = vectorNetworkOutput(problem.X, n, net);
  const proj = new ConeProjector(problem.X, n, problem.d);
  let total = 0;
  for (let k = 0; k < K; k++) {
    const pk = outputProblem(problem, k);
    const r = new Float64Array(n);
    for (let j = 0; j < n; j++) r[j] = pk.y[j] - F[j * K + k];
    const { rho } = dualCheck(pk, reference, r, proj);
    total += scaledDualValue(pk.y, r, rho, problem.beta);
  }
  return total;
}

const SEP_TOL = 1e-6;

export const separableCertified = defineClaim({
  id: 'ep21.vector.separable-certified',
  paper: 'ep21',
  location: '§4.5 (vector outputs); the per-output convex program of the ICML 2020 companion',
  title: 'The separable per-output convex program: its network is certified optimal among per-output networks, and every trained vector network stays above the certified p*_K',
  statement:
    'Solving the convex program per output over every pattern gives a vector network (each neuron feeds one output) whose objective is within ' +
    '1e-6 (relative) of the sum of the per-output dual bounds; the dual bound of the vector problem at its residual is a lower bound on p*_K, ' +
    'and vector networks trained by Adam and L-BFGS (m = m_sep and 2m_sep + 2 neurons, shared across outputs) end at or above it. How far ' +
    'the separable value is above the best shared-neuron network is reported, not asserted.',
  hypotheses: ['n ∈ {5, 6, 7} points in ℝ² with a bias column, Y ~ N(0, I) with K ∈ {2, 3} columns, β ∈ {0.05, 0.1, 0.5}', 'every pattern enumerated'],
  kind: 'bound',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#separable-program and #vector-output-dual',
  tolerance: {
    value: SEP_TOL,
    reason: 'each output is solved to a certified relative gap of 1e-7 by the conic working-set solver; summed over ≤ 3 outputs the separable gap is ≤ ~3e-7 < 1e-6',
  },
  budget: { quick: 2, default: 10, thorough: 60 },
  subject: separableConic,
  instances: planeVectorInstance,
  check: (inst: VectorInstance, s: SeparableSubject, ctx) => {
    const problem = vectorProblem({ X: inst.X, Y: inst.Y, beta: inst.beta });
    const reference = enumeratePatterns(problem.X, problem.n, problem.d);
    const { network, value } = s.solve(problem, reference);
    const upper = vectorNetworkObjective(problem, network);
    const sepLower = separableLowerBound(problem, network, reference);
    const vec = certifyVectorNetwork(problem, network, reference);
    let minAbove = Infinity;
    let best = Infinity;
    const mSep = Math.max(1, network.m);
    for (const optimizer of ['adam', 'lbfgs'] as const) for (const m of [mSep, 2 * mSep + 2]) {
      const run = trainVectorNetwork(problem, { m, optimizer, rng: createRng(ctx.rng.int(2 ** 31)), iterations: optimizer === 'adam' ? 1500 : 300, stepSize: 2e-2 });
      minAbove = Math.min(minAbove, run.objective - vec.dualValue);
      best = Math.min(best, run.objective);
    }
    return {
      comparisons: [
        le('(separable network objective − Σ_k per-output certified lower bound) / objective', (upper - sepLower) / upper, SEP_TOL),
        le('|claimed value − objective of the mapped vector network| / objective', Math.abs(value - upper) / upper, SEP_TOL),
        ge('trained vector network objective − certified lower bound on p*_K (min over runs)', minAbove, -1e-9),
      ],
      values: { separable: upper, separableLower: sepLower, vectorLower: vec.dualValue, rhoBy: vec.rhoBy, bestTrained: best, separableMinusBestTrained: upper - best, neurons: network.m },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// the real-data study (Figure 11's shape)

const trialRuns = new Map<string, Figure11Trials>();
const studies = new Map<string, Figure11Result>();
/** The study for a budget and a convex side; the data and the Adam trials (independent of the side) are computed once per budget. */
export function figure11Study(budget: 'quick' | 'default' | 'thorough', side: ConvexSide): Figure11Result {
  const isDefault = side === separableWithAllActive;
  const hit = isDefault ? studies.get(budget) : undefined;
  if (hit) return hit;
  let trials = trialRuns.get(budget);
  if (!trials) {
    trials = runFigure11Trials(FIGURE11_SCALES[budget]);
    trialRuns.set(budget, trials);
  }
  const res = runFigure11(FIGURE11_SCALES[budget], side, 1e-3, trials);
  if (isDefault) studies.set(budget, res);
  return res;
}

const FIG11_PAPER_SCALE = { n: 200, d: 250, K: 10, m: 100, trials: 5, mnistData: 1 };
const fig11Hyp = [
  'Fashion-MNIST subsample shipped in src/relu/data (the paper used MNIST; mnistData = 0 in the run scale, so the verdict is at most consistent-at-reduced-scale)',
  'pixels/255, seeded Gaussian projection 784 → d, whitened so that XXᵀ = I (src/relu/fashion-mnist.ts)',
  'β = 1e-3, K = 10 one-hot outputs, squared loss; m = 100; 5 trials of full-batch Adam (step 1e-2) from seeded initialisations (the paper: SGD)',
  'convex side: the per-output program over D = I plus seeded sampled patterns (an upper bound on p*), each output to a certified 1e-4 relative gap',
  'quick: (n, d) = (50, 60), 300 Adam steps; default: (60, 75), 500 steps; thorough: (200, 250), 1000 steps',
];

function fig11Series(st: Figure11Result): Series[] {
  const points = st.curves.map((c) => ({ x: c.iteration, y: c.objective, group: `Adam trial ${c.trial + 1}` }));
  for (const x of [1, st.scale.iterations]) points.push({ x, y: st.convex.objective, group: 'convex (sampled patterns)' });
  return [{ title: `Training objective, (n, d) = (${st.scale.n}, ${st.scale.d}), K = 10, m = ${st.scale.m}`, mark: 'line', x: 'iteration', y: 'objective', logY: true, points }];
}

function fig11Values(st: Figure11Result): Record<string, number | string> {
  const out: Record<string, number | string> = {
    convexObjective: st.convex.objective,
    certifiedLowerBound: st.convex.certificate.dualValue,
    convexRelGap: st.convex.certificate.relGap,
    convexTestAccuracy: st.convex.testAccuracy,
    convexTrainAccuracy: st.convex.trainAccuracy,
    convexNeurons: st.convex.neurons,
    closedFormObjective: st.closedForm.objective,
    closedFormTestAccuracy: st.closedForm.testAccuracy,
    patterns: st.scale.patterns,
    status: st.convex.status,
  };
  st.trials.forEach((t, i) => {
    out[`trial${i + 1}Objective`] = t.objective;
    out[`trial${i + 1}TestAccuracy`] = t.testAccuracy;
  });
  out.bestTrialObjective = Math.min(...st.trials.map((t) => t.objective));
  out.meanTrialTestAccuracy = st.trials.reduce((a, t) => a + t.testAccuracy, 0) / st.trials.length;
  return out;
}

const fig11Scale = (st: Figure11Result) => ({ n: st.scale.n, d: st.scale.d, K: st.scale.K, m: st.scale.m, trials: st.scale.trials, mnistData: 0 });

export const fig11ConvexLowest = defineClaim({
  id: 'ep21.real.fig11-convex-lowest',
  study: 'ep21.real.figure11',
  paper: 'ep21',
  location: 'Numerical experiments, Figure 11 (whitened, subsampled MNIST; qualitative)',
  title: 'Real images, whitened: the convex solution reaches a lower training objective than each of 5 trials of the non-convex network',
  statement:
    'On whitened, subsampled images ((n, d) = (200, 250), K = 10 one-hot outputs, β = 1e-3), the convex solution\'s training objective is ' +
    'below that of each of 5 seeded trials of the m = 100 network. Measured here on Fashion-MNIST; test accuracies are reported beside it.',
  hypotheses: fig11Hyp,
  kind: 'bound',
  provenance: 'paper',
  onFailure: 'not-reproduced',
  paperScale: FIG11_PAPER_SCALE,
  tolerance: { value: 0, reason: 'Figure 11 is qualitative ("lowest training objective"): the strict ordering is asserted with no slack' },
  budget: { quick: 1, default: 1, thorough: 1 },
  timeoutMs: 3600_000,
  subject: separableWithAllActive as ConvexSide,
  instances: fc.constant(null),
  check: (_i: null, s: ConvexSide, ctx) => {
    const st = figure11Study(ctx.budget, s);
    const comparisons: Comparison[] = st.trials.map((t, i) => le(`convex objective − trial ${i + 1} objective`, st.convex.objective - t.objective, 0));
    return { comparisons, series: fig11Series(st), values: fig11Values(st), timings: { convexSeconds: st.convex.timeMs / 1000 }, scale: fig11Scale(st) };
  },
});

export const fig11Certified = defineClaim({
  id: 'ep21.real.fig11-certified',
  study: 'ep21.real.figure11',
  paper: 'ep21',
  location: 'Numerical experiments, Figure 11 setting; certificate of the vector problem (Theorem 8 and Remark 4 with vector outputs)',
  title: 'Real images, whitened: the sampled-pattern convex solution is certified optimal for the vector problem, and every trial stays above the certified bound',
  statement:
    'The network of the convex solution over D = I and sampled patterns has a training objective within 1e-4 (relative) of the pattern-free ' +
    'dual lower bound on p*_K, its claimed value is its network\'s objective, and each Adam trial ends at or above the lower bound.',
  hypotheses: fig11Hyp,
  kind: 'bound',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#fashion-mnist-study and #vector-output-dual',
  paperScale: FIG11_PAPER_SCALE,
  tolerance: {
    value: STUDY_TOL_GAP,
    reason:
      'the 1e-4 relative dual gap asked of the Figure 11 solve; each output is solved to a certified 1e-5, a tenth, because the vector bound ' +
      'scales the whole residual by one factor ‖R‖₂‖X‖₂ (tight at the optimum on whitened data, docs/claims/ep21.md#whitened-one-hot) and a ' +
      'first-order point\'s residual is off by O(√gap) (docs/claims/ep21.md#certificate)',
  },
  budget: { quick: 1, default: 1, thorough: 1 },
  timeoutMs: 3600_000,
  subject: separableWithAllActive as ConvexSide,
  instances: fc.constant(null),
  check: (_i: null, s: ConvexSide, ctx) => {
    const st = figure11Study(ctx.budget, s);
    const lower = st.convex.certificate.dualValue;
    return {
      comparisons: [
        le('(convex network objective − certified lower bound on p*_K) / objective', st.convex.certificate.relGap, STUDY_TOL_GAP),
        le('|claimed value − network objective| / objective', Math.abs(st.convex.claimed - st.convex.objective) / st.convex.objective, 1e-9),
        ge('min over trials of (trial objective − certified lower bound)', Math.min(...st.trials.map((t) => t.objective - lower)), 0),
      ],
      values: fig11Values(st),
      timings: { convexSeconds: st.convex.timeMs / 1000 },
      scale: fig11Scale(st),
    };
  },
});

export const vectorClaims = [whitenedOneHot, separableCertified, fig11ConvexLowest, fig11Certified];
