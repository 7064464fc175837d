/**
 * Branch-and-bound for the MIQO (6)/(11) of AGH21 on any graph, in penalty and cardinality forms
 * and with affine sparsity priors:
 *
 *   min ‖y − x‖² + λΣ_A(x_i − x_j)² + μΣz + νΣx   s.t. 0 ≤ x ≤ u z, z ∈ C ⊆ {0,1}ⁿ.
 *
 * Nodes fix indicators (z_i ∈ {0}, {1} or [0,1]); the node bound is a convex relaxation of AGH21
 * (persp, pairwise — the default — or decomp by Algorithm 1) with those bounds on z. These
 * relaxations are exact when every z is fixed (the perspective x²/z, f and g coincide with the
 * quadratic at integer z), so a node whose relaxed z is integral is solved. Incumbents come from
 * the supports {z_i ≥ ½} and {x_i > 0} of each node's relaxed solution, refitted exactly
 * (model.ts/supportSolutionNonneg) when they satisfy C. Best-first search; a node is pruned when
 * its bound ≥ UB − tol·max(1, |UB|). Bounds are the conic solver's dual objectives lowered by the
 * solver accuracy (1e-6 relative), so pruning is safe up to that accuracy.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange, nonNegative, oneOf } from '../core/validate.ts';
import { objective, supportSolutionNonneg, zFeasible, type SignalProblem } from './model.ts';
import { decompRelaxation } from './relax/decomp.ts';
import { pairwiseRelaxation, perspRelaxation, type RelaxationResult, type RelaxOptions } from './relax/relaxations.ts';

/** Options of {@link branchAndBound}. */
export interface BnbOptions {
  /** Node relaxation [pairwise]. */
  relaxation?: 'persp' | 'pairwise' | 'decomp';
  /** Node limit [20000]. */
  maxNodes?: number;
  /** Relative optimality tolerance [1e-6]. */
  gapTol?: number;
}

/** Result of {@link branchAndBound}. */
export interface BnbResult {
  /** 'optimal' (gap ≤ gapTol), 'node-limit', or 'infeasible' (C has no point). */
  status: 'optimal' | 'node-limit' | 'infeasible';
  /** Best solution found (objective = upper bound, ‖y‖² included). */
  x: Float64Array;
  z: Uint8Array;
  upperBound: number;
  /** Global lower bound (min over open nodes, or the upper bound when solved). */
  lowerBound: number;
  /** gap (42) in percent: 100·(UB − LB)/UB. */
  gap: number;
  /** Nodes whose relaxation was solved. */
  nodes: number;
}

/** Relative accuracy assumed for the conic bounds (residuals 1e-8 relative to ‖x‖∞ allow ~1e-6, see theorems/agh21/relax.ts). */
const BOUND_SLACK = 1e-6;

interface Node {
  zLo: Float64Array;
  zHi: Float64Array;
  bound: number;
}

function solveNode(p: SignalProblem, kind: 'persp' | 'pairwise' | 'decomp', o: RelaxOptions): RelaxationResult {
  if (kind === 'persp') return perspRelaxation(p, o);
  if (kind === 'pairwise') return pairwiseRelaxation(p, o);
  return decompRelaxation(p, o);
}

/** Branch-and-bound (see module comment). */
export function branchAndBound(p: SignalProblem, opts: BnbOptions = {}): BnbResult {
  if (p === null || typeof p !== 'object' || !(p.y instanceof Float64Array)) throw new InvalidArgumentError('p', p, 'a SignalProblem');
  const kind = oneOf('relaxation', opts.relaxation ?? 'pairwise', ['persp', 'pairwise', 'decomp'] as const);
  const maxNodes = integerInRange('maxNodes', opts.maxNodes ?? 20000, 1);
  const gapTol = nonNegative('gapTol', opts.gapTol ?? 1e-6);
  const n = p.n;
  let ubX: Float64Array = new Float64Array(n);
  let ubZ: Uint8Array = new Uint8Array(n);
  let ub = Infinity;
  const tryMask = (mask: Uint8Array): void => {
    if (!zFeasible(p, mask)) return;
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (mask[i]) idx.push(i);
    const x = supportSolutionNonneg(p, idx);
    const v = objective(p, x, mask);
    if (v < ub) {
      ub = v;
      ubX = x;
      ubZ = Uint8Array.from(mask);
    }
  };
  tryMask(new Uint8Array(n));
  const open: Node[] = [{ zLo: new Float64Array(n), zHi: new Float64Array(n).fill(1), bound: -Infinity }];
  let nodes = 0;
  const tolAbs = (): number => gapTol * Math.max(1, Math.abs(ub));
  while (open.length && nodes < maxNodes) {
    // best-first: the open node with the smallest bound
    let bi = 0;
    for (let t = 1; t < open.length; t++) if (open[t].bound < open[bi].bound) bi = t;
    const node = open[bi];
    open[bi] = open[open.length - 1];
    open.pop();
    if (node.bound >= ub - tolAbs()) continue;
    const r = solveNode(p, kind, { zLo: node.zLo, zHi: node.zHi });
    nodes++;
    if (r.status === 'primal_infeasible') continue;
    const ok = r.status === 'optimal' || (r.certificate.gapRel <= 1e-6 && r.certificate.primalResidual <= 1e-6 && r.certificate.dualResidual <= 1e-6);
    const bound = ok ? Math.max(node.bound, r.lowerBound - BOUND_SLACK * Math.max(1, Math.abs(r.lowerBound))) : node.bound;
    // incumbents from the relaxed solution
    const m1 = new Uint8Array(n);
    const m2 = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      m1[i] = node.zLo[i] === 1 || (node.zHi[i] === 1 && r.z[i] >= 0.5) ? 1 : 0;
      m2[i] = node.zLo[i] === 1 || (node.zHi[i] === 1 && r.x[i] > 1e-9) ? 1 : 0;
    }
    tryMask(m1);
    tryMask(m2);
    if (bound >= ub - tolAbs()) continue;
    // branch on the most fractional free indicator
    let bj = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (node.zLo[i] === node.zHi[i]) continue;
      const frac = Math.abs(r.z[i] - 0.5);
      if (frac < best) {
        best = frac;
        bj = i;
      }
    }
    if (bj < 0) continue; // every z fixed: the relaxation is exact and m1 was tried
    for (const val of [0, 1]) {
      const zLo = Float64Array.from(node.zLo);
      const zHi = Float64Array.from(node.zHi);
      zLo[bj] = val;
      zHi[bj] = val;
      open.push({ zLo, zHi, bound });
    }
  }
  if (ub === Infinity) {
    return { status: 'infeasible', x: ubX, z: ubZ, upperBound: Infinity, lowerBound: Infinity, gap: 0, nodes };
  }
  let lb = ub;
  for (const nd of open) if (nd.bound < lb) lb = nd.bound;
  const gap = ub > 0 ? (100 * (ub - lb)) / ub : 0;
  const status = open.every((nd) => nd.bound >= ub - tolAbs()) ? 'optimal' : 'node-limit';
  return { status, x: ubX, z: ubZ, upperBound: ub, lowerBound: Math.min(lb, ub), gap: Math.max(0, gap), nodes };
}
