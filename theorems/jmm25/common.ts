/**
 * Shared pieces of the jmm25 claims: building a configuration's problem and oracle, Monte Carlo
 * means with standard errors, and the subject type of claims about the AdaGrad implementation.
 */
import { adagrad, diagonalQuadratic, gaussianOracle, separablePhi, type Method, type Problem } from '../../src/adagrad/index.ts';
import type { RunConfig } from '../../src/arbitraries/adagrad.ts';

export const EPS = Number.EPSILON;

/** The implementation under test: builds the AdaGrad method for (η, δ). */
export interface AdagradSubject {
  method(eta: number, delta: number): Method;
}

/** AdaGrad exactly as analysed (current gradient in the accumulator, δ outside the root). */
export const paperAdagrad: AdagradSubject = { method: (eta, delta) => adagrad(eta, delta) };

/** The configuration's objective: Σ c_i φ(w_i) (L_i = 1.3c_i) or ½Σ c_i w_i² (L_i = c_i). */
export function problemOf(cfg: Pick<RunConfig, 'family' | 'c'>): Problem {
  return cfg.family === 'phi' ? separablePhi(cfg.c) : diagonalQuadratic(cfg.c);
}

export const oracleOf = (cfg: Pick<RunConfig, 'sigma'>) => gaussianOracle(cfg.sigma);

/** Mean and standard error of a sample. */
export function meanSE(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, se: Infinity };
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(v / n) };
}

export const jmm = { paper: 'jmm25' as const };
export const DOC = 'docs/claims/jmm25.md';
