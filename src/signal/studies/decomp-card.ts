/**
 * Adapter: decomp for the cardinality model (41) by Algorithm 1 (`decompRelaxation`,
 * src/signal/relax/decomp.ts) with C̄ = {z ∈ [0,1]ⁿ : Σz ≤ k}; lower bound = the last round's
 * dual bound, x̂ = the last round's x.
 */
import { signalProblem } from '../model.ts';
import { decompRelaxation } from '../relax/decomp.ts';
import type { CardinalityBound } from './cardinality.ts';

export function decompCardinality(y: Float64Array, lambda: number, k: number): CardinalityBound {
  const r = decompRelaxation(signalProblem({ y, lambda, k }));
  if (!Number.isFinite(r.lowerBound)) throw new Error(`Algorithm 1 returned no usable bound (status ${r.status}, stop ${r.stop})`);
  return { lowerBound: r.lowerBound, x: r.x, work: r.rounds };
}
