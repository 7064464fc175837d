/**
 * Working-set (column-generation) solve of the convex program over a large
 * pattern set: solve the program over a few patterns, price every pattern with
 * the exact dual check ρ_i(r) = max(‖Π_{K_i}(XᵀD_i r)‖, ‖Π_{K_i}(−XᵀD_i r)‖) at
 * the current residual, add the patterns with ρ_i > β (most violated first) and
 * repeat. A pattern outside the working set has zero blocks, so when no pattern
 * is violated the restricted optimum is optimal for the full set — and the
 * certificate is computed over the FULL pattern set, as for every solve.
 * The pricing step is the separation step of a cutting-plane method
 * (Ergen & Pilanci, Section 3.6, Algorithm 1) with the exact arrangement in
 * place of the spike-free relaxation.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange, nonNegative } from '../core/validate.ts';
import type { PatternSet } from './arrangements.ts';
import { certify } from './certificate.ts';
import { ConeProjector } from './cone.ts';
import { solveConicProgram } from './conic-program.ts';
import { type ConvexSolution, checkPatterns, dualCandidate, dualCheck, zeroSolution } from './convex.ts';
import { type ReluSolveResult, solveFirstOrder } from './first-order.ts';
import type { ReluProblem } from './problem.ts';

/** Options of {@link solveWorkingSet}. */
export interface WorkingSetOptions {
  /** Inner solver of the restricted programs ['conic']. */
  inner?: 'conic' | 'first-order';
  /** Target certified relative gap over the full pattern set [1e-6]. */
  tolGap?: number;
  /** Patterns added per round [25]. */
  addPerRound?: number;
  /** Round limit [100]. */
  maxRounds?: number;
  /** Indices of patterns to start the working set with (e.g. D = I for spike-free data) [none]. */
  initial?: number[];
  /**
   * Drop patterns whose blocks are zero after an inner solve [true with conic inner solves,
   * false with first-order ones (warm-started, where a large set costs little)]. The restricted optimum
   * stays feasible, so the restricted value still decreases; a dropped pattern that is
   * priced violated again comes back and is never dropped a second time.
   */
  prune?: boolean;
}

/** Solve over `patterns` by column generation; the returned certificate covers all of `patterns`. */
export function solveWorkingSet(problem: ReluProblem, patterns: PatternSet, options: WorkingSetOptions = {}): ReluSolveResult {
  checkPatterns(problem, patterns);
  const tolGap = nonNegative('tolGap', options.tolGap ?? 1e-6);
  const add = integerInRange('addPerRound', options.addPerRound ?? 25, 1);
  const maxRounds = integerInRange('maxRounds', options.maxRounds ?? 100, 1);
  const inner = options.inner ?? 'conic';
  const prune = options.prune ?? inner === 'conic';
  if (typeof prune !== 'boolean') throw new InvalidArgumentError('prune', prune, 'a boolean');
  const t0 = performance.now();
  const { d, beta } = problem;
  const P = patterns.masks.length;
  const proj = new ConeProjector(problem.X, problem.n, d);
  const full = zeroSolution(problem, P);
  const inSet = new Uint8Array(P);
  const dropped = new Uint8Array(P);
  let work: number[] = [];
  let iterations = 0;
  let innerSol: ConvexSolution | undefined;
  /** Solve the program restricted to the working set (warm from the last inner solution) and embed it in `full`. */
  const solveWork = (tol: number): void => {
    const sub: PatternSet = { n: problem.n, masks: work.map((i) => patterns.masks[i]), exact: false, method: 'given' };
    const warm = innerSol ? embed(innerSol, work.length, d) : undefined;
    const res = inner === 'conic'
      ? solveConicProgram(problem, sub, { tolGap: tol })
      : solveFirstOrder(problem, sub, { tolGap: tol, warmStart: warm });
    iterations += res.iterations;
    innerSol = res.solution;
    full.v.fill(0);
    full.w.fill(0);
    work.forEach((i, q) => {
      full.v.set(res.solution.v.subarray(q * d, (q + 1) * d), i * d);
      full.w.set(res.solution.w.subarray(q * d, (q + 1) * d), i * d);
    });
    full.c = res.solution.c;
    if (prune) pruneZeroBlocks();
  };
  /** Remove patterns with zero blocks (each at most once) from the working set, keeping innerSol aligned. */
  const pruneZeroBlocks = (): void => {
    const keep: number[] = [];
    work.forEach((i, q) => {
      let nz = false;
      for (let k = 0; k < d && !nz; k++) nz = full.v[i * d + k] !== 0 || full.w[i * d + k] !== 0;
      if (nz || dropped[i]) keep.push(q);
      else {
        dropped[i] = 1;
        inSet[i] = 0;
      }
    });
    if (keep.length === work.length) return;
    const s = innerSol!;
    const v = new Float64Array(keep.length * d);
    const w = new Float64Array(keep.length * d);
    keep.forEach((q, k) => {
      v.set(s.v.subarray(q * d, (q + 1) * d), k * d);
      w.set(s.w.subarray(q * d, (q + 1) * d), k * d);
    });
    innerSol = { v, w, c: s.c };
    work = keep.map((q) => work[q]);
  };
  if (options.initial !== undefined) {
    if (!Array.isArray(options.initial)) throw new InvalidArgumentError('initial', options.initial, 'an array of pattern indices');
    for (const i of options.initial) {
      integerInRange('initial[]', i, 0, P - 1);
      if (inSet[i]) continue;
      inSet[i] = 1;
      work.push(i);
    }
    if (work.length > 0) solveWork(Math.max(tolGap / 10, 1e-9));
  }
  for (let round = 0; round < maxRounds; round++) {
    const r = dualCandidate(problem, patterns, full);
    // a pattern violated by less than tolGap/10 costs the scaled dual point less than tolGap/10: not worth adding
    const margin = Math.max(1e-12, tolGap / 10);
    // patterns with ‖XᵀD_i r‖ ≤ β(1 + margin) cannot be candidates: priced by that bound, not projected
    const { perPattern, rho } = dualCheck(problem, patterns, r, proj, { perPattern: true, boundBelow: beta * (1 + margin) });
    // the full certificate repeats this pricing: compute it only when the dual check is nearly met
    if (rho <= beta * (1 + Math.max(10 * tolGap, 1e-9)) || round === maxRounds - 1) {
      const cert = certify(problem, patterns, full, proj);
      if (cert.relGap <= tolGap) return done(cert, 'certified');
    }
    // most violated patterns not yet in the working set
    const cand: number[] = [];
    for (let i = 0; i < P; i++) if (!inSet[i] && perPattern![i] > beta * (1 + margin)) cand.push(i);
    cand.sort((a, b) => perPattern![b] - perPattern![a]);
    for (const i of cand.slice(0, add)) {
      inSet[i] = 1;
      work.push(i);
    }
    solveWork(cand.length === 0 ? tolGap / 10 : Math.max(tolGap / 10, 1e-9));
    if (cand.length === 0) break;
  }
  const cert = certify(problem, patterns, full, proj);
  return done(cert, cert.relGap <= tolGap ? 'certified' : 'max_iterations');

  function done(cert: ReturnType<typeof certify>, status: ReluSolveResult['status']): ReluSolveResult {
    return { solution: full, certificate: cert, status, iterations, timeMs: performance.now() - t0, method: 'working-set' };
  }
}

/** A solution over the first `m` working patterns padded with zero blocks to `size` patterns. */
function embed(s: ConvexSolution, size: number, d: number): ConvexSolution {
  const v = new Float64Array(size * d);
  const w = new Float64Array(size * d);
  v.set(s.v.subarray(0, Math.min(s.v.length, size * d)));
  w.set(s.w.subarray(0, Math.min(s.w.length, size * d)));
  return { v, w, c: s.c };
}
