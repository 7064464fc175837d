/**
 * AdaGrad versus SGD under coordinate-wise smoothness (Jiang, Maladkar, Mokhtari, COLT 2025):
 * the methods exactly as analysed, stochastic oracles, objectives with known smoothness vectors,
 * the paper's hard constructions and its bounds as arithmetic.
 */
export { run, adagrad, adagradNorm, sgd, checkMethod, ADAGRAD_VARIANTS } from './run.ts';
export type { AdagradVariant, Method, Observer, RunOptions, RunResult } from './run.ts';
export { exactOracle, gaussianOracle, twoPointOracle, replayOracle } from './oracles.ts';
export type { Oracle, TwoPointLaw, TwoPointOracle } from './oracles.ts';
export { separablePhi, diagonalQuadratic, separableSum, phiScalar } from './problems.ts';
export type { Piece, Problem } from './problems.ts';
export { bumpChain, huber, mirror, rescale } from './scalar.ts';
export type { BumpChain, Scalar1D } from './scalar.ts';
export {
  norm1, norm2, normInf, phi, phiTilde, alignment, holderConstant, theorem2Bound, lemma12, lemma19Bound,
  theorem6PerEta, theorem6Bound, corollary17, complexityTerms,
} from './bounds.ts';
export type { Lemma19Case, Theorem2Bound, Theorem2Input } from './bounds.ts';
export {
  adagradQueryPoints, adagradFloatPoints, sgdQueryPoints, lemma15SlopeCap, lemma16Instance, theorem4Instance, lemma19Piece, theorem6Instance, resistingOracle, exact,
} from './constructions.ts';
export type { Lemma16Instance, Theorem4Instance, Lemma19Piece, ResistingOracle, Theorem6Instance } from './constructions.ts';
export { positiveVector } from './validate.ts';
