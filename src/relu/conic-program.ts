/**
 * The convex program of convex.ts written for the project's conic interior-point
 * solver (src/conic): residual variables e = ŷ − y as equalities, ½‖e‖² as the
 * quadratic objective, ‖v_i‖ ≤ s_i and ‖w_i‖ ≤ t_i as second-order cones, the
 * pattern constraints (2D_i − I)Xv_i ≥ 0 as linear rows. All-zero patterns are
 * left out (their blocks do not enter ŷ). The answer is certified by
 * certificate.ts, not by the solver's own residuals.
 */
import { ConicModel, type ConicSolver } from '../conic/index.ts';
import type { SolverOptions } from '../conic/solver.ts';
import type { PatternSet } from './arrangements.ts';
import { certify } from './certificate.ts';
import { type ConvexSolution, checkPatterns, zeroSolution } from './convex.ts';
import { ConeProjector } from './cone.ts';
import type { ReluSolveResult } from './first-order.ts';
import type { ReluProblem } from './problem.ts';

/** Options of {@link solveConicProgram}: conic-solver options and, for negative controls, the solver itself. */
export interface ConicProgramOptions extends SolverOptions {
  /**
   * Solve the gated-ReLU relaxation instead: no cone constraints (2D_i − I)Xv_i ≥ 0.
   * Its value is a lower bound on the program's; its blocks need not map to a network
   * with the same objective (the certificate shows the difference).
   */
  gated?: boolean;
  /** The solve counts as certified when the certificate's relative gap is ≤ this [1e-6]. */
  tolGap?: number;
  solver?: ConicSolver;
}

/** Solve the convex program with the conic interior-point solver (small instances). */
export function solveConicProgram(problem: ReluProblem, patterns: PatternSet, options: ConicProgramOptions = {}): ReluSolveResult {
  checkPatterns(problem, patterns);
  const t0 = performance.now();
  const { n, d, X, y, beta } = problem;
  const used: number[] = [];
  patterns.masks.forEach((m, i) => {
    if (m.some((b) => b === 1)) used.push(i);
  });
  const sol = zeroSolution(problem, patterns.masks.length);
  if (used.length === 0) {
    const cert = certify(problem, patterns, sol);
    return { solution: sol, certificate: cert, status: 'certified', iterations: 0, timeMs: performance.now() - t0, method: 'conic' };
  }
  const Pu = used.length;
  const model = new ConicModel();
  const v = model.variable('v', Pu * d);
  const w = model.variable('w', Pu * d);
  const s = model.variable('s', Pu);
  const t = model.variable('t', Pu);
  const e = model.variable('e', n);
  const c = problem.intercept ? model.variable('c', 1) : undefined;
  for (let j = 0; j < n; j++) model.addQuadratic(e.at(j), e.at(j), 1); // ½ e_j²
  for (let q = 0; q < Pu; q++) {
    model.addObjective(s.at(q), beta);
    model.addObjective(t.at(q), beta);
  }
  // e_j − Σ_i D_i(j) x_jᵀ(v_i − w_i) − c = −y_j
  for (let j = 0; j < n; j++) {
    const terms: [number, number][] = [[1, e.at(j)]];
    for (let q = 0; q < Pu; q++) {
      if (!patterns.masks[used[q]][j]) continue;
      for (let k = 0; k < d; k++) {
        const xk = X[j * d + k];
        if (xk === 0) continue;
        terms.push([-xk, v.at(q * d + k)], [xk, w.at(q * d + k)]);
      }
    }
    if (c) terms.push([-1, c.at(0)]);
    model.addLinear(terms, '==', -y[j]);
  }
  for (let q = 0; q < Pu; q++) {
    const m = patterns.masks[used[q]];
    if (!options.gated) {
      for (let j = 0; j < n; j++) {
        const sg = m[j] ? 1 : -1;
        const tv: [number, number][] = [];
        const tw: [number, number][] = [];
        for (let k = 0; k < d; k++) {
          const xk = X[j * d + k];
          if (xk === 0) continue;
          tv.push([sg * xk, v.at(q * d + k)]);
          tw.push([sg * xk, w.at(q * d + k)]);
        }
        if (tv.length === 0) continue;
        model.addLinear(tv, '>=', 0);
        model.addLinear(tw, '>=', 0);
      }
    }
    model.secondOrderCone(s.at(q), Array.from({ length: d }, (_, k) => v.at(q * d + k)));
    model.secondOrderCone(t.at(q), Array.from({ length: d }, (_, k) => w.at(q * d + k)));
  }
  const { solver, gated: _gated, tolGap = 1e-6, ...solverOptions } = options;
  const res = model.solve({ epsAbs: 1e-10, epsRel: 1e-10, maxIterations: 200, ...solverOptions }, solver);
  const vv = res.value('v');
  const ww = res.value('w');
  for (let q = 0; q < Pu; q++) for (let k = 0; k < d; k++) {
    sol.v[used[q] * d + k] = vv[q * d + k];
    sol.w[used[q] * d + k] = ww[q * d + k];
  }
  if (c) sol.c = res.value('c')[0];
  if (!options.gated) polish(problem, patterns, sol);
  const cert = certify(problem, patterns, sol);
  return {
    solution: sol,
    certificate: cert,
    status: cert.relGap <= tolGap ? 'certified' : res.status === 'time_limit' ? 'time_limit' : res.status === 'max_iterations' ? 'max_iterations' : 'solver_error',
    iterations: res.certificate.iterations,
    timeMs: performance.now() - t0,
    method: 'conic',
  };
}

/**
 * Interior-point answers leave every block slightly non-zero and slightly
 * outside its cone: zero the blocks below 1e-9 of the largest and project the
 * others onto their cones (the certificate is computed after this).
 */
function polish(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): void {
  const d = problem.d;
  const proj = new ConeProjector(problem.X, problem.n, d);
  const tmp = new Float64Array(d);
  let max = 0;
  const norms = (blk: Float64Array, i: number): number => {
    let q = 0;
    for (let k = 0; k < d; k++) q += blk[i * d + k] ** 2;
    return Math.sqrt(q);
  };
  for (let i = 0; i < patterns.masks.length; i++) max = Math.max(max, norms(sol.v, i), norms(sol.w, i));
  for (let i = 0; i < patterns.masks.length; i++) {
    for (const blk of [sol.v, sol.w]) {
      const b = blk.subarray(i * d, (i + 1) * d);
      if (norms(blk, i) <= 1e-9 * max) {
        b.fill(0);
        continue;
      }
      proj.project(patterns.masks[i], b, tmp, 1);
      b.set(tmp);
    }
  }
}
