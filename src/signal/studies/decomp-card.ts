/**
 * Adapter: decomp for the cardinality model (41) by Algorithm 1 (src/signal/relax).
 * Placeholder until src/signal/relax's decomp lands.
 */
import type { CardinalityBound } from './cardinality.ts';

export function decompCardinality(y: Float64Array, lambda: number, k: number): CardinalityBound {
  throw new Error(`decomp relaxation not available yet (n = ${y.length}, λ = ${lambda}, k = ${k})`);
}
