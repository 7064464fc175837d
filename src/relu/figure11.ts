/**
 * The real-data study in the shape of Ergen & Pilanci's Figure 11 (JMLR 2021, numerical experiments:
 * whitened, subsampled MNIST, (n, d) = (200, 250), K = 10 one-hot outputs, β = 1e-3,
 * m = 100, five SGD trials), on the shipped Fashion-MNIST subsample:
 *
 * - the convex solution: the separable program (vector.ts) over the pattern D = I
 *   (all rows active; whitened data are spike-free) plus seeded sampled patterns,
 *   solved by the working-set solver started from D = I (Theorem 4's single pattern;
 *   the pricing then checks every sampled pattern) — a sampled list, so its value is an upper bound
 *   on p*_K — and certified for the vector problem by the pattern-free dual bound
 *   (docs/claims/ep21.md#vector-output-dual);
 * - the closed form of Theorem 15 for the same data, for reference;
 * - `trials` seeded full-batch Adam runs of the m-neuron vector network;
 * - training objective and train/test accuracy of each.
 */
import { createRng } from '../core/random.ts';
import { integerInRange, positive } from '../core/validate.ts';
import { type PatternSet, samplePatterns } from './arrangements.ts';
import { type WhitenedData, whitenedStudyData } from './fashion-mnist.ts';
import {
  type VectorCertificate, type VectorNetwork, type VectorProblem, certifyVectorNetwork, oneHot, solveSeparable, vectorNetworkOutput, vectorProblem,
  whitenedOneHotNetwork,
} from './vector.ts';
import { accuracy, trainVectorNetwork } from './vector-train.ts';

/** The convex side of the study: a vector network and the value the solver claims for it. */
export interface ConvexSide {
  solve(problem: VectorProblem, sampled: number, seed: string): { network: VectorNetwork; value: number; patterns: number; status: string };
}

/** The default convex side: D = I plus `sampled` seeded patterns, separable working-set solve to PER_OUTPUT_GAP per output. */
export const separableWithAllActive: ConvexSide = {
  solve: (problem, sampled, seed) => {
    const patterns = allActivePlusSampled(problem, sampled, seed);
    const res = solveSeparable(problem, patterns, { solver: 'working-set', tolGap: PER_OUTPUT_GAP, addPerRound: 2, initial: [0] });
    const value = res.outputs.reduce((s, o) => s + o.certificate.networkValue, 0);
    const status = res.outputs.every((o) => o.status === 'certified') ? 'certified' : res.outputs.map((o) => o.status).join(',');
    return { network: res.network, value, patterns: patterns.masks.length, status };
  },
};

/** Relative dual gap of the vector problem the study asks of the convex side. */
export const STUDY_TOL_GAP = 1e-4;

/**
 * Relative gap asked of each output's solve: far below STUDY_TOL_GAP because the vector
 * bound scales the whole residual R by β/(‖R‖₂‖X‖₂), and a primal error ε moves R by up
 * to √(2ε) — against β = 1e-3 that needs per-output accuracy near machine precision.
 */
export const PER_OUTPUT_GAP = 1e-12;

/** The pattern D = I followed by `sampled` patterns of seeded Gaussian directions (duplicates of D = I dropped). */
export function allActivePlusSampled(problem: VectorProblem, sampled: number, seed: string): PatternSet {
  const { n, d, X } = problem;
  const ones = new Uint8Array(n).fill(1);
  const s = samplePatterns(X, n, d, sampled, createRng(seed));
  const masks = [ones, ...s.masks.filter((m) => m.some((b) => b === 0))];
  return { n, masks, exact: false, method: 'given' };
}

/** Sizes of one run of the study. */
export interface Figure11Scale {
  n: number;
  d: number;
  nTest: number;
  m: number;
  trials: number;
  iterations: number;
  sampled: number;
}

/** The budgets' settings: quick and default are slices, thorough the paper's (n, d) = (200, 250). */
export const FIGURE11_SCALES: Record<'quick' | 'default' | 'thorough', Figure11Scale> = {
  quick: { n: 50, d: 60, nTest: 200, m: 100, trials: 5, iterations: 300, sampled: 10 },
  default: { n: 60, d: 75, nTest: 500, m: 100, trials: 5, iterations: 500, sampled: 15 },
  thorough: { n: 200, d: 250, nTest: 500, m: 100, trials: 5, iterations: 1000, sampled: 50 },
};

/** One trained model's figures. */
export interface ModelFigures {
  objective: number;
  trainAccuracy: number;
  testAccuracy: number;
  timeMs: number;
}

/** Result of {@link runFigure11}. */
export interface Figure11Result {
  scale: Figure11Scale & { K: number; beta: number; patterns: number };
  /** Largest and smallest eigenvalue of the projected Gram matrix before whitening. */
  gramRange: [number, number];
  convex: ModelFigures & { claimed: number; certificate: VectorCertificate; status: string; neurons: number };
  closedForm: ModelFigures & { certificate: VectorCertificate };
  trials: (ModelFigures & { seed: string })[];
  /** Adam objective every 25 iterations per trial (learning curves). */
  curves: { trial: number; iteration: number; objective: number }[];
}

/** The non-convex side of the study (independent of the convex side): data, problem and the Adam trials. */
export interface Figure11Trials {
  data: WhitenedData;
  problem: VectorProblem;
  trials: (ModelFigures & { seed: string })[];
  curves: { trial: number; iteration: number; objective: number }[];
}

/** Prepare the data at `scale` and run the seeded Adam trials. */
export function runFigure11Trials(scale: Figure11Scale, beta = 1e-3, data?: WhitenedData): Figure11Trials {
  positive('beta', beta);
  integerInRange('trials', scale.trials, 1);
  const wd = data ?? whitenedStudyData({ nTrain: scale.n, d: scale.d, nTest: scale.nTest });
  const problem = vectorProblem({ X: wd.X, d: wd.d, Y: oneHot(wd.labels, wd.K), K: wd.K, beta });
  const trials: Figure11Trials['trials'] = [];
  const curves: Figure11Trials['curves'] = [];
  for (let t = 0; t < scale.trials; t++) {
    const seed = `ep21/fig11/trial/${t}`;
    const t0 = performance.now();
    const run = trainVectorNetwork(problem, {
      m: scale.m, rng: createRng(seed), iterations: scale.iterations, stepSize: 1e-2, every: 25,
      onProgress: (iteration, objective) => curves.push({ trial: t, iteration, objective }),
    });
    trials.push({ seed, ...modelFigures(problem, wd, run.network, performance.now() - t0, run.objective) });
  }
  return { data: wd, problem, trials, curves };
}

function modelFigures(problem: VectorProblem, wd: WhitenedData, net: VectorNetwork, timeMs: number, objective: number): ModelFigures {
  return {
    objective,
    trainAccuracy: accuracy(vectorNetworkOutput(problem.X, problem.n, net), wd.labels, wd.K),
    testAccuracy: accuracy(vectorNetworkOutput(wd.Xtest, wd.nTest, net), wd.testLabels, wd.K),
    timeMs,
  };
}

/** Run the study at `scale` (β = 1e-3 by default); `trials` from {@link runFigure11Trials} may be reused across convex sides. */
export function runFigure11(scale: Figure11Scale, side: ConvexSide = separableWithAllActive, beta = 1e-3, trials?: Figure11Trials): Figure11Result {
  const tr = trials ?? runFigure11Trials(scale, beta);
  const { problem, data: wd } = tr;
  const t0 = performance.now();
  const cvx = side.solve(problem, scale.sampled, `ep21/fig11/patterns/${scale.n}x${scale.d}`);
  const cvxMs = performance.now() - t0;
  const certificate = certifyVectorNetwork(problem, cvx.network);
  const cf = whitenedOneHotNetwork(problem);
  const cfCert = certifyVectorNetwork(problem, cf);
  return {
    scale: { ...scale, K: wd.K, beta: problem.beta, patterns: cvx.patterns },
    gramRange: wd.gramRange,
    convex: { ...modelFigures(problem, wd, cvx.network, cvxMs, certificate.networkValue), claimed: cvx.value, certificate, status: cvx.status, neurons: cvx.network.m },
    closedForm: { ...modelFigures(problem, wd, cf, 0, cfCert.networkValue), certificate: cfCert },
    trials: tr.trials,
    curves: tr.curves,
  };
}
