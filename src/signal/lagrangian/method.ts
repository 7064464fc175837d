/**
 * The tailored Lagrangian decomposition of AGH21 §4.3 (pp. 23–25), as published.
 *
 * Problem (37)/(44) on a path (see segments.ts). Split into m blocks at
 * ℓ_j = 1 + (j−1)⌊n/m⌋, dualise only the m−1 coupling constraints (38b)
 * w_j = x_{ℓ_j} − x_{ℓ_j−1} with multipliers γ_j; w_j = −γ_j/(2λ) in closed form
 * (contributing −γ_j²/(4λ)). The dual function (40a) is
 *   L(γ) = Σ_j B_j(γ_j, γ_{j+1}) − Σ_{j=2}^m γ_j²/(4λ),
 * B_j = block j's relaxation value with linear terms −γ_j x_{ℓ_j} + γ_{j+1} x_{ℓ_{j+1}−1}.
 * Subgradient ξ_j = −γ_j/(2λ) + x*_{ℓ_j−1} − x*_{ℓ_j}; step γ^{h+1} = γ^h + (1/h) ξ(γ^h)
 * from γ¹ = 0 (the paper's γ⁰; its index starts at h = 0, which would make the first step 1/0, so the first step is 1/1);
 * stop when ‖ξ‖∞ < ε = 1e-3 or after h_max = 100 evaluations.
 * Only blocks whose boundary multipliers changed are re-solved (compared exactly by default).
 *
 * Option (ours, off by default): `xiTol` > 0 leaves γ_j as it is when |ξ_j| ≤ xiTol. The interior-point
 * block solvers stop at relative accuracy 1e-9, so where the relaxation's optimum is 0 on both sides of
 * a boundary they return x ≈ 1e-13…1e-10, not 0, and compared exactly every such boundary moves γ_j by
 * that noise: at small κ every block is re-solved in every iteration. {@link XI_TOL_RELATIVE}·max(1, u)
 * ignores changes below the solvers' accuracy. The stopping test always uses ξ as is.
 *
 * Counting as in Table 3: #iter = number of dual evaluations h at the stop
 * (1 when γ = 0 already satisfies the test, e.g. m = 1); #sub = m + block
 * re-solves after the first evaluation.
 *
 * Beyond the paper (ours): the dual bound is the best L(γ^h) seen (valid
 * because each block value is a certified lower bound of its relaxation);
 * the primal estimate is x* of the last evaluation (the paper's estimator);
 * the upper bound is the objective of (37)/(44) at the thresholded estimate
 * x̄_i = x*_i·1[x*_i > τ] (τ = 1e-3, the paper's nonzero threshold of §5.2,
 * footnote 3), which is integer-feasible; gap = 100 (UB − LB)/UB as in (42).
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange, nonNegative, positive } from '../../core/validate.ts';
import {
  pathPenaltyObjective,
  segmentStarts,
  validatePath,
  type PathPenaltyProblem,
  type SegmentProblem,
  type SegmentResult,
  type SegmentSolver,
  type ValidatedPath,
} from './segments.ts';

/** Options of the method (paper defaults). */
export interface LagrangianOptions {
  /** Number of blocks m, 1 ≤ m ≤ n. */
  m: number;
  /** Stopping tolerance on ‖ξ‖∞ (paper: 1e-3). */
  eps?: number;
  /** Iteration cap h_max (paper: 100). */
  hMax?: number;
  /** Nonzero threshold τ for the support and the upper bound (paper footnote 3: 1e-3). */
  supportTol?: number;
  /**
   * Ours, off by default [0]: γ_j is updated (and its two blocks re-solved) only if |ξ_j| > xiTol.
   * {@link XI_TOL_RELATIVE}·max(1, u) ignores changes below the block solvers' accuracy.
   */
  xiTol?: number;
}

/** Per-evaluation trace row. */
export interface LagrangianTraceRow {
  h: number;
  dual: number;
  xiInf: number;
  resolved: number;
}

/** Result of the method. */
export interface LagrangianResult {
  /** Best dual value max_h L(γ^h): a lower bound on the relaxation (and on OPT). */
  lowerBound: number;
  /** L(γ) at the last evaluation. */
  finalDual: number;
  /** The paper's estimator: x* at the last evaluation. */
  x: Float64Array;
  /** z* at the last evaluation (if the block solver returns z). */
  z?: Float64Array;
  /** Final multipliers γ_2..γ_m (length m − 1). */
  gamma: Float64Array;
  /** ‖ξ‖∞ at the last evaluation. */
  xiInf: number;
  /** Table 3's #iter: dual evaluations. */
  iterations: number;
  /** Table 3's #sub: m + re-solves after the first evaluation. */
  subproblems: number;
  /** Re-solves after the first evaluation (the "+" part of #sub). */
  resolves: number;
  /** Whether ‖ξ‖∞ < ε was reached (false: h_max stopped it). */
  converged: boolean;
  /** Objective of (37)/(44) at the thresholded estimate (ours). */
  upperBound: number;
  /** The thresholded integer-feasible point behind `upperBound`. */
  xUpper: Float64Array;
  /** 100 (UB − LB)/UB, eq. (42) applied to this pair (ours). */
  gapPercent: number;
  /** ‖x̄‖₀ with the threshold τ. */
  support: number;
  m: number;
  trace: LagrangianTraceRow[];
}

/** A batch of block problems to solve, and where their results go. */
export type Batch = SegmentProblem[];

/** Validated options. */
interface Opts {
  m: number;
  eps: number;
  hMax: number;
  supportTol: number;
  xiTol: number;
}

/** The block solvers' relative accuracy: times max(1, u), a {@link LagrangianOptions.xiTol} below what they resolve. */
export const XI_TOL_RELATIVE = 1e-9;

function validateOptions(o: LagrangianOptions, n: number): Opts {
  if (o === null || typeof o !== 'object') throw new InvalidArgumentError('options', o, 'an object {m}');
  const m = integerInRange('m', o.m, 1, n);
  const eps = o.eps === undefined ? 1e-3 : positive('eps', o.eps);
  const hMax = o.hMax === undefined ? 100 : integerInRange('hMax', o.hMax, 1);
  const supportTol = o.supportTol === undefined ? 1e-3 : nonNegative('supportTol', o.supportTol);
  const xiTol = o.xiTol === undefined ? 0 : nonNegative('xiTol', o.xiTol);
  return { m, eps, hMax, supportTol, xiTol };
}

/**
 * The loop as a generator: yields batches of block problems, receives their
 * results (same order), returns the result. Drivers: {@link lagrangianDecompositionSync}
 * (in-thread) and `lagrangianDecomposition` in pool.ts (worker threads).
 */
export function* lagrangianSteps(problem: PathPenaltyProblem, options: LagrangianOptions): Generator<Batch, LagrangianResult, SegmentResult[]> {
  const P: ValidatedPath = validatePath(problem);
  const o = validateOptions(options, P.n);
  const { n, lambda, y } = P;
  const m = o.m;
  const start = segmentStarts(n, m);
  // gamma[j] for boundary j = 1..m−1 (0-based block j starts at start[j]); gamma[0] = gamma[m] = 0 unused
  const gamma = new Float64Array(m + 1);
  const xi = new Float64Array(m + 1);
  const blockValue = new Float64Array(m);
  const x = new Float64Array(n);
  let z: Float64Array | undefined = new Float64Array(n);
  const needs = new Uint8Array(m).fill(1);
  const state: unknown[] = new Array(m).fill(undefined);
  const makeProblem = (j: number): SegmentProblem => ({
    index: j,
    y: y.slice(start[j], start[j + 1]),
    lambda,
    kappa: P.kappa,
    mu1: P.mu1,
    u: P.u,
    cFirst: j > 0 ? -gamma[j] : 0,
    cLast: j < m - 1 ? gamma[j + 1] : 0,
    warm: state[j],
  });
  const trace: LagrangianTraceRow[] = [];
  let best = -Infinity;
  let dual = -Infinity;
  let resolves = 0;
  let h = 0;
  let xiInf = Infinity;
  let converged = false;
  while (true) {
    h++;
    const batch: SegmentProblem[] = [];
    for (let j = 0; j < m; j++) if (needs[j]) batch.push(makeProblem(j));
    const results = yield batch;
    if (!Array.isArray(results) || results.length !== batch.length) {
      throw new Error(`lagrangian: expected ${batch.length} block results, got ${Array.isArray(results) ? results.length : typeof results}`);
    }
    for (let b = 0; b < batch.length; b++) {
      const j = batch[b].index;
      const r = checkBlockResult(batch[b], results[b]);
      blockValue[j] = r.value;
      state[j] = r.state;
      x.set(r.x, start[j]);
      if (r.z && z) z.set(r.z, start[j]);
      else z = undefined;
    }
    if (h > 1) resolves += batch.length;
    dual = 0;
    for (let j = 0; j < m; j++) dual += blockValue[j];
    xiInf = 0;
    for (let j = 1; j < m; j++) {
      dual -= (gamma[j] * gamma[j]) / (4 * lambda);
      xi[j] = subgradientXi(gamma[j], x[start[j] - 1], x[start[j]], lambda);
      xiInf = Math.max(xiInf, Math.abs(xi[j]));
    }
    if (dual > best) best = dual;
    trace.push({ h, dual, xiInf, resolved: batch.length });
    if (xiInf < o.eps) {
      converged = true;
      break;
    }
    if (h >= o.hMax) break;
    needs.fill(0);
    for (let j = 1; j < m; j++) {
      if (o.xiTol > 0 && Math.abs(xi[j]) <= o.xiTol) continue; // below what the block solvers resolve
      const next = gamma[j] + xi[j] / h;
      if (next !== gamma[j]) {
        gamma[j] = next;
        needs[j - 1] = 1;
        needs[j] = 1;
      }
    }
  }
  // upper bound (ours): threshold the estimate at τ, evaluate (37)/(44)
  const xUpper = new Float64Array(n);
  let support = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] > o.supportTol) {
      xUpper[i] = Math.min(x[i], P.u);
      support++;
    }
  }
  const upperBound = pathPenaltyObjective(y, xUpper, lambda, P.kappa, P.mu1);
  const gapPercent = (100 * (upperBound - best)) / upperBound;
  return {
    lowerBound: best,
    finalDual: dual,
    x,
    z,
    gamma: gamma.slice(1, m),
    xiInf,
    iterations: h,
    subproblems: m + resolves,
    resolves,
    converged,
    upperBound,
    xUpper,
    gapPercent,
    support,
    m,
    trace,
  };
}

/** ξ(γ)_j = −γ_j/(2λ) + x*_{ℓ_j−1} − x*_{ℓ_j} (§4.3, p. 24), from the two nodes on either side of boundary j. */
export function subgradientXi(gammaJ: number, xLeft: number, xRight: number, lambda: number): number {
  return -gammaJ / (2 * lambda) + xLeft - xRight;
}

/** A block solve failed: names the block, its range and its boundary multipliers. */
export class SegmentSolveError extends Error {
  override name = 'SegmentSolveError';
  constructor(
    readonly segment: number,
    readonly gammaLeft: number,
    readonly gammaRight: number,
    readonly reason: string,
  ) {
    super(`block subproblem ${segment} failed (γ_left = ${gammaLeft}, γ_right = ${gammaRight}): ${reason}`);
  }
}

/**
 * A block solver's result, checked before it enters the dual bound: a finite value (a NaN value made
 * the lower bound −∞), x of the block's length with finite entries in [0, u], z (if any) of the same
 * length. Throws {@link SegmentSolveError} naming the block otherwise.
 */
export function checkBlockResult(p: SegmentProblem, r: SegmentResult): SegmentResult {
  const bad = (why: string): never => {
    const [gl, gr] = boundaryGammas(p);
    throw new SegmentSolveError(p.index, gl, gr, `the block solver returned ${why}`);
  };
  if (r === null || typeof r !== 'object') return bad(`${String(r)} instead of {value, x}`);
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) bad(`value ${String(r.value)} (expected a finite lower bound)`);
  const len = p.y.length;
  const vec = (name: string, v: unknown, lo: number, hi: number): void => {
    if (!(v instanceof Float64Array || Array.isArray(v)) || v.length !== len) {
      bad(`${name} of length ${(v as { length?: unknown })?.length ?? typeof v} (expected ${len})`);
    }
    const a = v as ArrayLike<number>;
    for (let i = 0; i < len; i++) if (!(a[i] >= lo && a[i] <= hi)) bad(`${name}[${i}] = ${a[i]} (expected a number in [${lo}, ${hi}])`);
  };
  // 0 ≤ x ≤ u z by (7), up to an interior-point solver's accuracy (1e-6 relative: far from garbage).
  vec('x', r.x, -1e-6 * p.u, p.u * (1 + 1e-6));
  if (r.z !== undefined) vec('z', r.z, -1e-6, 1 + 1e-6);
  return r;
}

/** γ_j and γ_{j+1} of a block problem, from its boundary coefficients. */
export function boundaryGammas(p: SegmentProblem): [number, number] {
  return [p.cFirst === 0 ? 0 : -p.cFirst, p.cLast];
}

/** Run the method in the calling thread with `solver` for every block. */
export function lagrangianDecompositionSync(problem: PathPenaltyProblem, options: LagrangianOptions, solver: SegmentSolver): LagrangianResult {
  if (typeof solver !== 'function') throw new InvalidArgumentError('solver', solver, 'a block solver function');
  const gen = lagrangianSteps(problem, options);
  let step = gen.next();
  while (!step.done) {
    const batch = step.value;
    const out: SegmentResult[] = batch.map((p) => {
      try {
        return solver(p);
      } catch (e) {
        const [gl, gr] = boundaryGammas(p);
        throw new SegmentSolveError(p.index, gl, gr, (e as Error)?.message ?? String(e));
      }
    });
    step = gen.next(out);
  }
  return step.value;
}
