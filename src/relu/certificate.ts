/**
 * The certificate of a solution of the convex program (see convex.ts): the
 * mapped network's objective (upper bound), the exact dual check ρ(r) against β,
 * the dual value of the scaled residual (lower bound) and the gap between them.
 */
import type { PatternSet } from './arrangements.ts';
import { ConeProjector } from './cone.ts';
import {
  type ConvexSolution, type ReluCertificate, checkPatterns, coneViolation, convexObjective, dualCandidate, dualCheck, scaledDualValue,
} from './convex.ts';
import { networkFromConvex, networkObjective } from './network.ts';
import type { ReluProblem } from './problem.ts';

/** Certify a solution of the convex program over `patterns` (never trusts the solver that produced it). */
export function certify(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution, projector?: ConeProjector): ReluCertificate {
  checkPatterns(problem, patterns);
  const proj = projector ?? new ConeProjector(problem.X, problem.n, problem.d);
  const r = dualCandidate(problem, patterns, sol);
  const { rho } = dualCheck(problem, patterns, r, proj);
  const dualValue = scaledDualValue(problem.y, r, rho, problem.beta);
  const net = networkFromConvex(problem, patterns, sol);
  const networkValue = networkObjective(problem, net);
  const gap = networkValue - dualValue;
  return {
    convexValue: convexObjective(problem, patterns, sol),
    networkValue,
    dualValue,
    dualCheck: rho,
    beta: problem.beta,
    gap,
    relGap: gap / Math.max(networkValue, 1e-300),
    coneViolation: coneViolation(problem, patterns, sol),
    scope: patterns.exact ? 'all-networks' : 'these-patterns',
    neurons: net.m,
  };
}
