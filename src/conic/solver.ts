/**
 * Primal-dual interior-point method for conic quadratic programs
 *
 *   minimize ½xᵀPx + qᵀx   subject to   Ax + s = b,  s ∈ K,
 *
 * K a product of zero cones (equalities), nonnegative orthants and
 * second-order cones (cones.ts). The dual is
 *   maximize −½xᵀPx − bᵀz   subject to   Px + Aᵀz + q = 0,  z ∈ K*,
 * (K* = ℝ on zero cones, K elsewhere).
 *
 * Algorithm (in the style of ECOS / Clarabel; our own code):
 * - homogeneous self-dual embedding with τ, κ ≥ 0:
 *     Px + Aᵀz + qτ = 0,  Ax + s − bτ = 0,  κ = −qᵀx − bᵀz − xᵀPx/τ,
 *   so that τ → 0 with bᵀz < 0 (or qᵀx < 0) yields a Farkas certificate;
 * - Nesterov–Todd scaling W (cones.ts), μ = (sᵀz + τκ)/(ν + 1);
 * - Mehrotra predictor–corrector: affine direction (σ = 0), σ = (1 − α_aff)³,
 *   combined direction with the second-order term (W⁻¹Δs_a)∘(WΔz_a);
 * - each direction from the quasi-definite KKT system
 *     [P + εI   Aᵀ        ] [Δx]   [r₁]
 *     [A        −W² − εI  ] [Δz] = [r₂]
 *   solved twice per factorisation (the constant right-hand side [−q; b] and the
 *   direction one), by the sparse LDLᵀ of ldl.ts (symbolic analysis once,
 *   static regularisation ε, dynamic pivot regularisation, iterative
 *   refinement against the unregularised matrix).
 * Each second-order cone block −W² of dimension d ≤ SOC_DENSE_MAX (16) is stored
 * dense in the KKT matrix (d(d+1)/2 entries): cheap for the small cones of the AGH
 * relaxations (d = 3). Larger cones use the sparse expansion of ECOS (Domahidi,
 * Chu & Boyd 2013): W² = η²(D + uuᵀ − vvᵀ) with D diagonal, stored as −η²D plus two
 * extra KKT nodes per cone (signs +1 and −1), so a cone costs O(d) entries.
 * Rotated cones are converted to second-order cones by the modelling layer (an
 * exact linear map, model.ts). Data are Ruiz-equilibrated first; all reported
 * residuals, objectives and certificates are in the original units.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, integerInRange, nonNegative, positive } from '../core/validate.ts';
import { ZERO, shiftToInterior } from './cones.ts';
import { Directions } from './direction.ts';
import { scaleProblem, type ScaledProblem } from './equilibrate.ts';
import { BestIterate, Iterate } from './iterate.ts';
import { Kkt } from './kkt.ts';
import { psdTest } from './psd.ts';
import { Residuals, type Info } from './residuals.ts';
import { type CscMatrix, dot, symUpperMatVec } from './sparse.ts';
import { converged, infeasibility } from './termination.ts';

/** A cone of the product K, in row order. */
export interface ConeSpec {
  /** `zero`: equality rows; `nonneg`: s ≥ 0; `soc`: s₀ ≥ ‖s₁..‖₂. */
  kind: 'zero' | 'nonneg' | 'soc';
  /** Number of rows (≥ 1). */
  dim: number;
}

/** The standard form: minimize ½xᵀPx + qᵀx s.t. Ax + s = b, s ∈ K. */
export interface ConicProblem {
  /** n×n symmetric PSD: its upper triangle (entries with row ≤ col) or the full symmetric matrix; omit for P = 0. */
  P?: CscMatrix;
  /** Linear objective (length n). */
  q: ArrayLike<number>;
  /** m×n constraint matrix. */
  A: CscMatrix;
  /** Right-hand side (length m). */
  b: ArrayLike<number>;
  /** Cones in row order; dimensions sum to m. */
  cones: ConeSpec[];
}

/** Solver options (defaults in brackets). */
export interface SolverOptions {
  /** Absolute duality-gap tolerance [1e-8]. */
  epsAbs?: number;
  /** Relative gap and (relative) residual tolerance [1e-8]. */
  epsRel?: number;
  /** Infeasibility-certificate tolerance [1e-8]. */
  epsInfeasible?: number;
  /** Iteration limit [100]. */
  maxIterations?: number;
  /** Wall-clock limit in ms [∞]. */
  timeLimitMs?: number;
  /** Static regularisation ε [1e-8]. */
  staticReg?: number;
  /** Iterative-refinement steps per solve [6]. */
  refinementSteps?: number;
  /** Ruiz equilibration of [P Aᵀ; A 0] and cost scaling before solving [true]. */
  equilibrate?: boolean;
  /** Print a per-iteration log through `logger` [false]. */
  verbose?: boolean;
  /** Log sink [console.log]. */
  logger?: (line: string) => void;
  /** Relaxation of the tolerances for status almost_optimal [100]. */
  reducedFactor?: number;
  /** Testing hook: stop after this many iterations and report `optimal` anyway (a deliberately broken solver). */
  unsafeStopAfter?: number;
}

/**
 * Solver status. `almost_optimal`: the iteration stopped on numerical trouble or
 * the iteration limit, and the best iterate meets the tolerances relaxed by
 * `reducedFactor` (default 100, i.e. 1e-6) — reduced accuracy, as ECOS's
 * "optimal (inaccurate)" or Clarabel's AlmostSolved; `certificate.stopReason`
 * says why it stopped.
 */
export type SolveStatus = 'optimal' | 'almost_optimal' | 'primal_infeasible' | 'dual_infeasible' | 'max_iterations' | 'numerical_error' | 'time_limit';

/** What a solve certifies about its answer. */
export interface Certificate {
  /** ‖Ax + s − b‖∞ (absolute). */
  primalResidual: number;
  /** ‖Px + Aᵀz + q‖∞ (absolute). */
  dualResidual: number;
  /** primalResidual / max(1, ‖b‖∞ + ‖s‖∞). */
  primalResidualRel: number;
  /** dualResidual / max(1, ‖q‖∞ + ‖Px‖∞). */
  dualResidualRel: number;
  /** |primal objective − dual objective|. */
  gapAbs: number;
  /** gapAbs / max(1, min(|pobj|, |dobj|)). */
  gapRel: number;
  /** sᵀz. */
  complementarity: number;
  primalObjective: number;
  dualObjective: number;
  iterations: number;
  /** Nonzeros of L (strict lower triangle) and of the KKT upper triangle. */
  nnzL: number;
  nnzKkt: number;
  /** (nnz L + dim) / nnz(triu KKT). */
  fillRatio: number;
  kktDim: number;
  /** Time of the symbolic analysis (ordering + etree), ms. */
  analysisMs: number;
  /** Total time, ms. */
  timeMs: number;
  /** Why the iteration stopped (equals status except for almost_optimal, where it is numerical_error or max_iterations). */
  stopReason: SolveStatus;
  /** Largest relative KKT residual ‖K x − rhs‖∞ / (1 + ‖rhs‖∞) after refinement over the solve. */
  maxKktResidual: number;
}

/** Farkas certificates. */
export interface Farkas {
  /** Primal infeasibility: z ∈ K* with Aᵀz = 0, bᵀz = −1 (normalised). */
  z?: Float64Array;
  /** Dual infeasibility: x with Px = 0, −Ax ∈ K (Ax + s = 0, s ∈ K), qᵀx = −1 (normalised). */
  x?: Float64Array;
  s?: Float64Array;
  /** The residual of the certificate: ‖Aᵀz‖∞ or max(‖Px‖∞, ‖Ax + s‖∞). */
  residual: number;
}

/** Result of {@link solveConic}. */
export interface ConicSolution {
  status: SolveStatus;
  /** Primal solution (best iterate when not optimal). */
  x: Float64Array;
  /** Slack s = b − Ax ∈ K. */
  s: Float64Array;
  /** Dual solution z ∈ K* (multipliers of Ax + s = b: Px + q + Aᵀz = 0). */
  z: Float64Array;
  /** ½xᵀPx + qᵀx at x. */
  objective: number;
  certificate: Certificate;
  /** Present when status is primal_infeasible or dual_infeasible. */
  farkas?: Farkas;
}

function validateCsc(name: string, M: CscMatrix, nrows: number, ncols: number): void {
  if (!M || typeof M !== 'object') throw new InvalidArgumentError(name, M, 'a CSC matrix');
  if (M.nrows !== nrows) throw new InvalidArgumentError(`${name}.nrows`, M.nrows, String(nrows));
  if (M.ncols !== ncols) throw new InvalidArgumentError(`${name}.ncols`, M.ncols, String(ncols));
  if (!(M.colPtr instanceof Int32Array) || M.colPtr.length !== ncols + 1) throw new InvalidArgumentError(`${name}.colPtr`, M.colPtr, `an Int32Array of length ${ncols + 1}`);
  const nnz = M.colPtr[ncols];
  if (M.colPtr[0] !== 0 || M.rowIdx.length < nnz || M.values.length < nnz) throw new InvalidArgumentError(`${name}.colPtr`, M.colPtr, 'colPtr[0] = 0 and rowIdx/values of length colPtr[ncols]');
  for (let j = 0; j < ncols; j++) {
    if (M.colPtr[j + 1] < M.colPtr[j]) throw new InvalidArgumentError(`${name}.colPtr[${j + 1}]`, M.colPtr[j + 1], 'nondecreasing column pointers');
    for (let p = M.colPtr[j]; p < M.colPtr[j + 1]; p++) {
      const i = M.rowIdx[p];
      if (!(i >= 0 && i < nrows)) throw new InvalidArgumentError(`${name}.rowIdx[${p}]`, i, `a row index in [0, ${nrows - 1}]`);
      if (p > M.colPtr[j] && i <= M.rowIdx[p - 1]) throw new InvalidArgumentError(`${name}.rowIdx[${p}]`, i, 'strictly increasing row indices within a column');
      if (!Number.isFinite(M.values[p])) throw new InvalidArgumentError(`${name}.values[${p}] (row ${i}, col ${j})`, M.values[p], 'a finite number');
    }
  }
}

/** Validate a problem; throws InvalidArgumentError naming the part. */
export function validateProblem(p: ConicProblem): void {
  if (!p || typeof p !== 'object') throw new InvalidArgumentError('problem', p, 'a ConicProblem');
  const qv = finiteVector('q', p.q);
  const n = qv.length;
  if (n === 0) throw new InvalidArgumentError('q.length', 0, 'at least one variable');
  if (!p.A) throw new InvalidArgumentError('A', p.A, 'a CSC matrix');
  const m = p.A.nrows;
  finiteVector('b', p.b, m);
  validateCsc('A', p.A, m, n);
  if (!Array.isArray(p.cones)) throw new InvalidArgumentError('cones', p.cones, 'an array of {kind, dim}');
  let total = 0;
  p.cones.forEach((c, k) => {
    if (!c || !['zero', 'nonneg', 'soc'].includes(c.kind)) throw new InvalidArgumentError(`cones[${k}].kind`, c?.kind, 'zero, nonneg or soc');
    integerInRange(`cones[${k}].dim`, c.dim, 1);
    total += c.dim;
  });
  if (total !== m) throw new InvalidArgumentError('cones (sum of dims)', total, `A.nrows = ${m}`);
  if (p.P) {
    validateCsc('P', p.P, n, n);
    const P = p.P;
    const lookup = (i: number, j: number): number | undefined => {
      for (let q = P.colPtr[j]; q < P.colPtr[j + 1]; q++) if (P.rowIdx[q] === i) return P.values[q];
      return undefined;
    };
    for (let j = 0; j < n; j++) {
      for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) {
        const i = p.P.rowIdx[q];
        if (i > j) {
          // a full (both triangles) P must be symmetric
          const u = lookup(j, i) ?? 0;
          const v = p.P.values[q];
          if (Math.abs(u - v) > 1e-12 * Math.max(1, Math.abs(u), Math.abs(v))) {
            throw new InvalidArgumentError(`P(${i},${j})`, v, `P symmetric: P(${j},${i}) = ${u}`);
          }
        }
        if (i === j && p.P.values[q] < 0) throw new InvalidArgumentError(`P(${i},${i})`, p.P.values[q], 'a nonnegative diagonal (P must be PSD)');
      }
    }
    // a detectable 2×2 PSD violation: P_ij² > P_ii P_jj
    const diag = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) if (p.P.rowIdx[q] === j) diag[j] = p.P.values[q];
    for (let j = 0; j < n; j++) {
      for (let q = p.P.colPtr[j]; q < p.P.colPtr[j + 1]; q++) {
        const i = p.P.rowIdx[q];
        const v = p.P.values[q];
        if (i < j && v * v > diag[i] * diag[j] * (1 + 1e-12) + 1e-300) {
          throw new InvalidArgumentError(`P(${i},${j})`, v, `|P_ij| <= sqrt(P_ii P_jj) = ${Math.sqrt(diag[i] * diag[j])} (P must be PSD)`);
        }
      }
    }
    // the full test: 2×2 minors miss e.g. [[1, .9, .9], [.9, 1, −.9], [.9, −.9, 1]] (eigenvalue −0.8)
    const t = psdTest(p.P);
    if (!t.psd) {
      throw new InvalidArgumentError('P', p.P, `a positive semidefinite matrix: the LDLᵀ factorisation of the diagonally scaled P + ${t.delta.toExponential(1)}·I has a nonpositive pivot (at variable ${t.index}), so P has a negative eigenvalue and the objective is not convex`);
    }
  }
}

/** Resolved options. */
interface Opts {
  epsAbs: number;
  epsRel: number;
  epsInf: number;
  maxIter: number;
  timeLimit: number;
  reg: number;
  refine: number;
  verbose: boolean;
  equilibrate: boolean;
  log: (s: string) => void;
  stopAfter: number;
  reducedFactor: number;
}

function resolveOptions(o: SolverOptions = {}): Opts {
  return {
    epsAbs: o.epsAbs === undefined ? 1e-8 : positive('options.epsAbs', o.epsAbs),
    epsRel: o.epsRel === undefined ? 1e-8 : positive('options.epsRel', o.epsRel),
    epsInf: o.epsInfeasible === undefined ? 1e-8 : positive('options.epsInfeasible', o.epsInfeasible),
    maxIter: o.maxIterations === undefined ? 100 : integerInRange('options.maxIterations', o.maxIterations, 0, 10000),
    timeLimit: o.timeLimitMs === undefined ? Infinity : nonNegative('options.timeLimitMs', o.timeLimitMs),
    reg: o.staticReg === undefined ? 1e-8 : nonNegative('options.staticReg', o.staticReg),
    refine: o.refinementSteps === undefined ? 6 : integerInRange('options.refinementSteps', o.refinementSteps, 0, 100),
    verbose: !!o.verbose,
    equilibrate: o.equilibrate === undefined ? true : !!o.equilibrate,
    log: o.logger ?? ((s: string) => console.log(s)),
    reducedFactor: o.reducedFactor === undefined ? 100 : positive('options.reducedFactor', o.reducedFactor),
    stopAfter: o.unsafeStopAfter === undefined ? Infinity : integerInRange('options.unsafeStopAfter', o.unsafeStopAfter, 0),
  };
}

export { SOC_DENSE_MAX } from './kkt.ts';
export { equilibrate } from './equilibrate.ts';

/** Where an iteration stands: status once stopped, iterations, the last residual report, certificate. */
interface Run {
  status?: SolveStatus;
  iter: number;
  info: Info;
  farkas?: Farkas;
  /** Consecutive steps with α < 1e-10. */
  stalls: number;
}

/**
 * Solve a conic quadratic program in standard form (see the file comment):
 *
 *   minimize ½xᵀPx + qᵀx   subject to   Ax + s = b,  s ∈ K.
 *
 * initialise (scale the data, analyse the KKT pattern, initial point) → loop { residuals → stopping
 * tests → NT scaling and factorisation → constant and predictor solves (together) → corrector and step length →
 * update } → best iterate if stopped early → solution and certificate in the original units.
 * Throws InvalidArgumentError for malformed data; numerical trouble ends in
 * status `numerical_error` with the best iterate.
 */
export function solveConic(problem: ConicProblem, options: SolverOptions = {}): ConicSolution {
  validateProblem(problem);
  const o = resolveOptions(options);
  const t0 = performance.now();
  const d = scaleProblem(problem, o.equilibrate);
  const tA = performance.now();
  const kkt = new Kkt(d.n, d.m, d.P, d.A, d.L, o.reg, o.refine);
  const analysisMs = performance.now() - tA;
  const v = new Iterate(d.n, d.m);
  const dir = new Directions(d, kkt);
  const r = new Residuals(d.n, d.m);
  const initOk = initialPoint(d, kkt, dir, v);
  const best = new BestIterate(d.n, d.m);
  const run: Run = { iter: 0, info: r.update(d, v), stalls: 0 };
  if (!initOk) return solution(d, v, kkt, run, 'numerical_error', 'numerical_error', analysisMs, t0);
  if (o.verbose) o.log(`iter   pobj          dobj          gap       pres      dres      mu        step     (n=${d.n}, m=${d.m}, nnzL=${kkt.factor.stats.nnzL})`);
  while (!stopped(d, v, r, best, run, o, t0)) {
    run.iter++;
    if (!dir.scaleAndFactor(v)) {
      run.status = 'numerical_error';
      break;
    }
    const pred = dir.constantAndPredictor(v, r, run.info, r.Px);
    const corr = dir.corrector(v, r, run.info, pred);
    if (!Number.isFinite(corr.alpha) || !Number.isFinite(corr.dtau)) {
      run.status = 'numerical_error';
      break;
    }
    v.step(corr.alpha, dir.dx, dir.dz, dir.ds, corr.dtau, corr.dkappa);
    run.info = r.update(d, v);
    if (o.verbose) logIteration(o, run, kkt, v, corr.alpha, pred.sigma);
    if (stalled(run, corr.alpha)) break;
  }
  const stopReason = run.status!;
  const status = fallBackToBest(d, v, r, best, run, o);
  return solution(d, v, kkt, run, status, stopReason, analysisMs, t0);
}

/**
 * The initial point, as Clarabel does, with W = I:
 *   QP (P ≠ 0): K₀[x; z] = [−q; b], s = −z;
 *   LP: K₀[x; ·] = [0; b] gives x and s = b − Ax, K₀[·; z] = [−q; 0] gives z;
 * then s and z are shifted into the interior of K (z free on zero cones). No refinement: the true
 * matrix may be singular (free directions of an LP), and refining against it would grow the iterate
 * along its null space. False if the factorisation failed.
 */
function initialPoint(d: ScaledProblem, kkt: Kkt, dir: Directions, v: Iterate): boolean {
  const { n, m, P, q, b, L } = d;
  const { rhs, sol1 } = dir;
  const { x, z, s } = v;
  kkt.setScaling(dir.w, dir.eta, true);
  const ok = kkt.factorise();
  rhs.fill(0);
  for (let i = 0; i < m; i++) rhs[n + i] = b[i];
  if (P) for (let j = 0; j < n; j++) rhs[j] = -q[j];
  kkt.solve(rhs, sol1, 0);
  for (let j = 0; j < n; j++) x[j] = sol1[j];
  for (let i = 0; i < m; i++) {
    s[i] = -sol1[n + i];
    z[i] = sol1[n + i];
  }
  if (!P) {
    rhs.fill(0);
    for (let j = 0; j < n; j++) rhs[j] = -q[j];
    kkt.solve(rhs, sol1, 0);
    for (let i = 0; i < m; i++) z[i] = sol1[n + i];
  }
  shiftToInterior(L, s);
  const zz = Float64Array.from(z);
  shiftToInterior(L, zz);
  for (let c = 0; c < L.kind.length; c++) {
    if (L.kind[c] === ZERO) continue;
    for (let i = L.start[c]; i < L.start[c] + L.dim[c]; i++) z[i] = zz[i];
  }
  return ok;
}

/**
 * The stopping tests at the top of an iteration, in order: non-finite μ or objective (numerical_error),
 * keep the best iterate, converged (optimal), the testing hook, a Farkas certificate, the iteration
 * limit, the time limit. Sets run.status and returns true when the iteration stops.
 */
function stopped(d: ScaledProblem, v: Iterate, r: Residuals, best: BestIterate, run: Run, o: Opts, t0: number): boolean {
  const info = run.info;
  if (!Number.isFinite(info.mu) || !Number.isFinite(info.pobj)) run.status = 'numerical_error';
  else {
    best.offer(v, info);
    if (converged(info, o)) run.status = 'optimal';
    else if (run.iter >= o.stopAfter) run.status = 'optimal';
    else {
      const inf = infeasibility(d, v, r, info, o.epsInf);
      if (inf) {
        run.status = inf.status;
        run.farkas = inf.farkas;
      } else if (run.iter >= o.maxIter) run.status = 'max_iterations';
      else if (performance.now() - t0 > o.timeLimit) run.status = 'time_limit';
    }
  }
  return run.status !== undefined;
}

/** Three consecutive steps α < 1e-10 end the iteration with numerical_error. */
function stalled(run: Run, alpha: number): boolean {
  if (alpha >= 1e-10) {
    run.stalls = 0;
    return false;
  }
  if (++run.stalls < 3) return false;
  run.status = 'numerical_error';
  return true;
}

/**
 * After numerical trouble, the iteration limit or the time limit: return to the best iterate, and
 * report almost_optimal if it meets the tolerances relaxed by reducedFactor (not after a time limit).
 */
function fallBackToBest(d: ScaledProblem, v: Iterate, r: Residuals, best: BestIterate, run: Run, o: Opts): SolveStatus {
  const status = run.status!;
  if (status !== 'numerical_error' && status !== 'max_iterations' && status !== 'time_limit') return status;
  if (!best.restore(v)) return status;
  run.info = r.update(d, v);
  return status !== 'time_limit' && converged(run.info, o, o.reducedFactor) ? 'almost_optimal' : status;
}

/** One line of the per-iteration log. */
function logIteration(o: Opts, run: Run, kkt: Kkt, v: Iterate, alpha: number, sigma: number): void {
  const info = run.info;
  o.log(
    `${String(run.iter).padStart(4)}  ${info.pobj.toExponential(6).padStart(13)} ${info.dobj.toExponential(6).padStart(13)} ` +
      `${info.gapAbs.toExponential(2)}  ${info.presRel.toExponential(2)}  ${info.dresRel.toExponential(2)}  ${info.mu.toExponential(2)}  ${alpha.toFixed(4)}  ` +
      `kkt ${kkt.iterResidual.toExponential(1)} dynreg ${kkt.factor.stats.dynamicRegularisations} tau ${v.tau.toExponential(2)} kappa ${v.kappa.toExponential(2)} sigma ${sigma.toFixed(3)}`,
  );
}

/** The answer in the original units: (D x, E z / c, s / E) / τ (τ = 1 for a Farkas certificate), and the certificate. */
function solution(d: ScaledProblem, v: Iterate, kkt: Kkt, run: Run, st: SolveStatus, stopReason: SolveStatus, analysisMs: number, t0: number): ConicSolution {
  const { n, m, D, E, c } = d;
  const xs = new Float64Array(n);
  const zs = new Float64Array(m);
  const ss = new Float64Array(m);
  const sc = st === 'primal_infeasible' || st === 'dual_infeasible' ? 1 : v.tau;
  for (let j = 0; j < n; j++) xs[j] = (v.x[j] * D[j]) / sc;
  for (let i = 0; i < m; i++) {
    zs[i] = (v.z[i] * E[i]) / (c * sc);
    ss[i] = v.s[i] / (E[i] * sc);
  }
  const Pxs = new Float64Array(n);
  if (d.P0) symUpperMatVec(d.P0, xs, Pxs);
  const objective = 0.5 * dot(xs, Pxs) + dot(d.q0, xs);
  const info = run.info;
  const fs = kkt.factor.stats;
  return {
    status: st,
    x: xs,
    s: ss,
    z: zs,
    objective,
    certificate: {
      primalResidual: info.presAbs,
      dualResidual: info.dresAbs,
      primalResidualRel: info.presRel,
      dualResidualRel: info.dresRel,
      gapAbs: info.gapAbs,
      gapRel: info.gapRel,
      complementarity: info.sz,
      primalObjective: info.pobj,
      dualObjective: info.dobj,
      iterations: run.iter,
      nnzL: fs.nnzL,
      nnzKkt: fs.nnzK,
      fillRatio: fs.fillRatio,
      kktDim: kkt.NN,
      analysisMs,
      timeMs: performance.now() - t0,
      maxKktResidual: kkt.maxResidual,
      stopReason,
    },
    farkas: run.farkas,
  };
}
