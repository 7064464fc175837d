/**
 * What the Lagrangian decomposition of AGH21 §4.3 (pp. 23–24) converges to, solved directly (ours;
 * docs/claims/agh21.md#lagrangian-limit-unstrengthened-decomp).
 *
 * With every block relaxed by decomp (θ_j of (40a)), the dual (40a) is the Lagrangian dual of the convex
 * problem in which the blocks keep their own θ_j and the m − 1 cut edges keep their plain quadratic:
 *
 *   U = ‖y‖² + min −2y′x + θ_B(z, x) + λ Σ_{j=2..m} (x_{ℓ_j} − x_{ℓ_j−1})² + κΣz
 *       s.t. 0 ≤ x ≤ u z, z ∈ [0, 1]ⁿ,
 *
 * θ_B the decomp function of Q_B = I + λL_B, L_B the Laplacian of the path without its cut edges (the
 * blocks' own edges; a block's diagonal is 1 + λ·its degree inside the block, as in (40a)). We solve U
 * directly: the Γ-lifted model (32) of Q_B (build.ts) plus the plain squares of the cut edges, by the conic
 * solver, with Algorithm 1's cut loop (Proposition 11 separation on the block edges) run until no cut is
 * violated (d in [0.1, 10], see D_MIN). Persp or pairwise blocks give the same problem with θ_B replaced by persp's or pairwise's terms.
 */
import { edgeGraph, signalProblem } from '../model.ts';
import { buildDecomp } from '../relax/build.ts';
import { separatePair } from '../relax/pair.ts';
import { RELAX_SOLVER_OPTIONS, solveSpec, usable, type SpecSolution } from '../relax/solve.ts';
import { segmentStarts } from '../lagrangian/segments.ts';

/**
 * A solve whose value we take: {@link usable}, or stopped on a degenerate optimum (the integral optima of (32)
 * stall the interior point; see solve.ts) with relative gap ≤ 1e-6, relative primal residual ≤ 1e-6 and absolute
 * dual residual ≤ 1e-6 (measured on such stops: gap 2e-10, primal residual 1e-6 absolute = 1e-8 relative).
 */
export function accepted(s: SpecSolution): boolean {
  if (usable(s)) return true;
  const c = s.certificate;
  return (s.status === 'almost_optimal' || s.status === 'numerical_error') && c.gapRel <= 1e-6 && c.primalResidualRel <= 1e-6 && c.dualResidual <= 1e-6;
}

/**
 * Options of the retry of a failed round: tolerances 1e-7. The stalls on degenerate optima happen while
 * closing the last digits of a 1e-8 gap (solve.ts); 1e-7 still puts U within 1e-7 relative of the model's value.
 */
/**
 * Range of the added d's: [0.1, 10] (Algorithm 1 uses [1e-2, 1e2]; on these models d's near 1e-2 or 40 left the
 * conic solver with primal residuals up to 1e-4). Every d > 0 gives a valid cut, so a narrower range can only
 * lower the value; the result reports the largest violation left over all d > 0.
 */
const D_MIN = 0.1;
const D_MAX = 10;

const RETRY_OPTIONS = { ...RELAX_SOLVER_OPTIONS, epsAbs: 1e-7, epsRel: 1e-7 };

/** U and how it was reached. */
export interface UnstrengthenedDecomp {
  /** Primal value of the last model (‖y‖² included). */
  value: number;
  /** Dual value of the last model: a lower bound on U. */
  lowerBound: number;
  rounds: number;
  /** Cut edges (0-based [ℓ_j − 2, ℓ_j − 1] pairs). */
  cutEdges: [number, number][];
  /** 'solver': a later round's conic solve failed and the previous round's model is returned (value ≤ U). */
  stop: 'no-violated-cut' | 'max-rounds' | 'solver';
  x: Float64Array;
  /** Largest violation max_d h(d) of (36) over the block edges at the last separation (over all d > 0). */
  maxViolation: number;
}

/**
 * U of the module comment for the path y with m blocks cut at ℓ_j = 1 + (j − 1)⌊n/m⌋ (as the method cuts).
 * `maxRounds` bounds the cut loop (default 60); a cut is added when its violation exceeds 1e-9·(1 + Γ_ii + Γ_jj).
 * Round 1 (every block edge with Δ = {1}) must solve; a later failed solve ends the loop with the previous round.
 */
export function unstrengthenedDecomp(y: ArrayLike<number>, lambda: number, kappa: number, m: number, maxRounds = 60): UnstrengthenedDecomp {
  const n = y.length;
  const starts = segmentStarts(n, m);
  const isCut = new Uint8Array(n);
  const cutEdges: [number, number][] = [];
  for (let j = 1; j < m; j++) {
    isCut[starts[j] - 1] = 1;
    cutEdges.push([starts[j] - 1, starts[j]]);
  }
  const blockEdges: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) if (!isCut[i]) blockEdges.push([i, i + 1]);
  const p = signalProblem({ y, lambda, mu: kappa, graph: edgeGraph(n, blockEdges) });
  const edges = p.graph.edges;
  const cuts: number[][] = edges.map(() => [1]);
  let value = NaN;
  let lowerBound = NaN;
  let x = new Float64Array(n);
  let stop: UnstrengthenedDecomp['stop'] = 'max-rounds';
  let round = 0;
  let maxViolation = 0;
  while (round < maxRounds) {
    round++;
    const vars = buildDecomp(p, cuts);
    for (const [a, b] of cutEdges) vars.spec.squareTerm(2 * lambda, [vars.x[a], vars.x[b]], [1, -1]);
    let s = solveSpec(vars.spec, RELAX_SOLVER_OPTIONS);
    if (!accepted(s)) s = solveSpec(vars.spec, RETRY_OPTIONS);
    if (!accepted(s)) {
      const why = `${s.status}, gap ${s.certificate.gapRel}, residuals ${s.certificate.primalResidualRel} / ${s.certificate.dualResidual}`;
      if (round === 1) throw new Error(`unstrengthened decomp: the conic solve of round 1 failed (${why})`);
      // as Algorithm 1 does: keep the last usable round (a model with fewer cuts, so a value ≤ U)
      stop = 'solver';
      break;
    }
    value = s.primal;
    lowerBound = s.dual;
    x = Float64Array.from(vars.x, (v) => Math.max(0, s.v[v]));
    let added = 0;
    maxViolation = 0;
    edges.forEach(([a, b], e) => {
      const gaa = Math.max(s.v[vars.gDiag[a]], 0);
      const gbb = Math.max(s.v[vars.gDiag[b]], 0);
      const za = Math.min(1, Math.max(0, s.v[vars.z[a]]));
      const zb = Math.min(1, Math.max(0, s.v[vars.z[b]]));
      const sep = separatePair(za, zb, x[a], x[b], gaa, s.v[vars.gOff[e]], gbb, D_MIN, D_MAX);
      maxViolation = Math.max(maxViolation, sep.violation);
      if (!(sep.violation > 1e-9 * (1 + gaa + gbb))) return;
      if (cuts[e].some((c) => Math.abs(c - sep.dCut) <= 1e-6 * c)) return;
      cuts[e].push(sep.dCut);
      added++;
    });
    if (added === 0) {
      stop = 'no-violated-cut';
      break;
    }
  }
  return { value, lowerBound, rounds: round, cutEdges, stop, x, maxViolation };
}
