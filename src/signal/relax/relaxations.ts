/**
 * The convex relaxations of AGH21 on a {@link SignalProblem}, each returning its lower bound,
 * the relaxed (x, z) and the conic solver's certificate:
 *
 * - {@link l1Relaxation}: the natural big-M relaxation of (6)+(7), z ∈ [0,1]ⁿ — ℓ1-approx (5) (§2.1);
 * - {@link perspRelaxation}: persp (8) (§2.3);
 * - {@link pairwiseRelaxation}: (9) with Proposition 9's extended formulation (§2.4, §4.2.1);
 * - decomp by Algorithm 1 and the simple cutting-surface method: see decomp.ts.
 *
 * All objective values include ‖y‖² (and μΣz, νΣx). C̄ = conv(C): the cardinality row Σz ≤ k and
 * the affine priors as linear rows (build.ts).
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { Certificate, SolveStatus, SolverOptions } from '../../conic/solver.ts';
import type { SignalProblem } from '../model.ts';
import { type BaseVars, buildL1, buildPairwise, buildPersp, type RelaxKind, type ZBounds } from './build.ts';
import { RELAX_SOLVER_OPTIONS, solveSpec, type SpecSolution } from './solve.ts';

/** Result of a relaxation solve. */
export interface RelaxationResult {
  kind: RelaxKind;
  /** Solver status; the bound is certified only when 'optimal'. */
  status: SolveStatus;
  /**
   * Lower bound on the MIQO optimum: the dual objective of the (last) conic solve, ‖y‖² included.
   * With the default tolerances it agrees with `value` to a relative 1e-9.
   */
  lowerBound: number;
  /** Primal objective value of the relaxation at (x, z). */
  value: number;
  x: Float64Array;
  z: Float64Array;
  certificate: Certificate;
}

/** Options common to the relaxations. */
export interface RelaxOptions extends ZBounds {
  /** Conic solver options (default {@link RELAX_SOLVER_OPTIONS}). */
  solver?: SolverOptions;
}

/** Extract (x, z) and the result record from a solved model. */
export function toResult(kind: RelaxKind, vars: BaseVars, sol: SpecSolution): RelaxationResult {
  const n = vars.x.length;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.max(0, sol.v[vars.x[i]]);
    z[i] = Math.min(1, Math.max(0, sol.v[vars.z[i]]));
  }
  return { kind, status: sol.status, lowerBound: sol.dual, value: sol.primal, x, z, certificate: sol.certificate };
}

function checkProblem(p: SignalProblem): void {
  if (p === null || typeof p !== 'object' || !(p.y instanceof Float64Array)) {
    throw new InvalidArgumentError('p', p, 'a SignalProblem built by signalProblem()');
  }
}

/** ℓ1-approx / big-M relaxation: ‖y‖² + min −2y′x + x′Qx + μΣz + νΣx, 0 ≤ x ≤ u z, z ∈ [0,1]ⁿ ∩ C̄. */
export function l1Relaxation(p: SignalProblem, opts: RelaxOptions = {}): RelaxationResult {
  checkProblem(p);
  const vars = buildL1(p, opts);
  return toResult('l1', vars, solveSpec(vars.spec, opts.solver ?? RELAX_SOLVER_OPTIONS));
}

/** persp (8): ‖y‖² + min Σ(−2y_ix_i + x_i²/z_i) + λΣ_A(x_i − x_j)² + μΣz + νΣx, x ≤ u z, z ∈ C̄. */
export function perspRelaxation(p: SignalProblem, opts: RelaxOptions = {}): RelaxationResult {
  checkProblem(p);
  const vars = buildPersp(p, opts);
  return toResult('persp', vars, solveSpec(vars.spec, opts.solver ?? RELAX_SOLVER_OPTIONS));
}

/** pairwise (9): ‖y‖² + min Σ(−2y_ix_i + x_i²/z_i) + λΣ_A f(z_i,z_j,x_i,x_j) + μΣz + νΣx, (9b), (9c). */
export function pairwiseRelaxation(p: SignalProblem, opts: RelaxOptions = {}): RelaxationResult {
  checkProblem(p);
  const vars = buildPairwise(p, opts);
  return toResult('pairwise', vars, solveSpec(vars.spec, opts.solver ?? RELAX_SOLVER_OPTIONS));
}
