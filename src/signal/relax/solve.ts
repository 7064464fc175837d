/**
 * Hand a {@link ConicSpec} to the project's conic interior-point solver (src/conic/solver.ts),
 * in its standard form  min ½vᵀPv + qᵀv  s.t. Av + s = b, s ∈ K:
 * - '=' rows → zero cone; '≤' rows and finite bounds → nonnegative cone ('≥' rows negated);
 * - a rotated cone u² ≤ s·t (s, t ≥ 0) → the second-order cone ‖(2u, s − t)‖₂ ≤ s + t.
 */
import { cscFromTriplets } from '../../conic/sparse.ts';
import { solveConic, type Certificate, type SolveStatus, type SolverOptions } from '../../conic/solver.ts';
import type { ConicSpec } from './spec.ts';

/** Result of solving a relaxation model. */
export interface SpecSolution {
  status: SolveStatus;
  /** Primal values of the spec's variables. */
  v: Float64Array;
  /** Primal objective (constant included). */
  primal: number;
  /** Dual objective (constant included): a valid lower bound when the dual iterate is feasible. */
  dual: number;
  /** The solver's certificate (residuals, gap, iterations, time). */
  certificate: Certificate;
}

/**
 * Solver options used by every relaxation: the solver's defaults (absolute and relative gap and
 * residual tolerances 1e-8). Tighter tolerances (1e-9) stall on the degenerate integral optima of
 * (32) (Example 2, round 2) and end in `numerical_error`.
 */
export const RELAX_SOLVER_OPTIONS: SolverOptions = { epsAbs: 1e-8, epsRel: 1e-8, maxIterations: 150 };

/** Relative accuracy of an 'optimal' solve under {@link RELAX_SOLVER_OPTIONS}. */
export const RELAX_SOLVER_REL_ACCURACY = 1e-8;

/**
 * Whether a solve can be used although the solver did not report 'optimal': it stopped
 * (almost_optimal, numerical_error, max_iterations) with a relative gap ≤ 1e-6 and absolute residuals ≤ 1e-6.
 */
export function usable(s: SpecSolution): boolean {
  if (s.status === 'optimal') return true;
  if (s.status !== 'almost_optimal' && s.status !== 'numerical_error' && s.status !== 'max_iterations') return false;
  const c = s.certificate;
  // the solver's relative residuals are normalised by ‖x‖∞, which blows up on failed solves: require absolute ones too
  return c.gapRel <= 1e-6 && c.primalResidual <= 1e-6 && c.dualResidual <= 1e-6;
}

/** Solve the spec; `options` are passed to solveConic. */
export function solveSpec(spec: ConicSpec, options: SolverOptions = RELAX_SOLVER_OPTIONS): SpecSolution {
  const n = spec.n;
  const rI: number[] = [];
  const rJ: number[] = [];
  const rV: number[] = [];
  const b: number[] = [];
  let m = 0;
  const pushRow = (idx: number[], coef: number[], rhs: number, sign: number): void => {
    for (let t = 0; t < idx.length; t++) {
      rI.push(m);
      rJ.push(idx[t]);
      rV.push(sign * coef[t]);
    }
    b.push(sign * rhs);
    m++;
  };
  // zero cone
  for (const r of spec.rows) if (r.sense === '=') pushRow(r.idx, r.coef, r.rhs, 1);
  const nZero = m;
  for (const r of spec.rows) {
    if (r.sense === '<=') pushRow(r.idx, r.coef, r.rhs, 1);
    else if (r.sense === '>=') pushRow(r.idx, r.coef, r.rhs, -1);
  }
  for (let j = 0; j < n; j++) {
    if (spec.lb[j] === spec.ub[j]) continue; // handled below as an equality
    if (Number.isFinite(spec.lb[j])) pushRow([j], [1], spec.lb[j], -1);
    if (Number.isFinite(spec.ub[j])) pushRow([j], [1], spec.ub[j], 1);
  }
  const nNonneg = m - nZero;
  // fixed variables: move to the zero cone block by re-labelling is awkward; use two inequalities
  let nFixed = 0;
  for (let j = 0; j < n; j++) {
    if (spec.lb[j] === spec.ub[j]) {
      pushRow([j], [1], spec.lb[j], -1);
      pushRow([j], [1], spec.ub[j], 1);
      nFixed += 2;
    }
  }
  const socStart = m;
  for (const [u, s, t] of spec.cones) {
    // slack = (s + t, 2u, s − t) = 0 − A v
    pushRow([s, t], [1, 1], 0, -1);
    pushRow([u], [2], 0, -1);
    pushRow([s, t], [1, -1], 0, -1);
  }
  const cones: { kind: 'zero' | 'nonneg' | 'soc'; dim: number }[] = [];
  if (nZero) cones.push({ kind: 'zero', dim: nZero });
  if (nNonneg + nFixed) cones.push({ kind: 'nonneg', dim: nNonneg + nFixed });
  for (let c = 0; c < spec.cones.length; c++) cones.push({ kind: 'soc', dim: 3 });
  void socStart;
  const A = cscFromTriplets(m, n, rI, rJ, rV, 'A');
  const P = spec.pI.length ? cscFromTriplets(n, n, spec.pI, spec.pJ, spec.pV, 'P') : undefined;
  const sol = solveConic({ P, q: spec.c, A, b, cones }, options);
  return {
    status: sol.status,
    v: sol.x,
    primal: sol.certificate.primalObjective + spec.constant,
    dual: sol.certificate.dualObjective + spec.constant,
    certificate: sol.certificate,
  };
}
