/**
 * Relaxations of the cardinality model (41) available to the §5.1 study, by name.
 * - `l1`: ℓ1-approx (5) = the natural big-M relaxation (ours: ν-dual, cardinality.ts);
 * - `persp`: the perspective relaxation (8) (ours: ν-dual; a reference point, not in §5.1);
 * - `decomp`: decomp (23) with C̄ = {Σz ≤ k} by Algorithm 1 — src/signal/relax, via decomp-card.ts.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { cardinalityChainBound, type CardinalityBound } from './cardinality.ts';
import { decompCardinality } from './decomp-card.ts';

/** A relaxation of (41): lower bound and x̂ for (y, λ, k). */
export type CardinalityRelaxation = (y: Float64Array, lambda: number, k: number) => CardinalityBound;

export const CARDINALITY_RELAXATIONS = ['l1', 'persp', 'decomp'] as const;
export type CardinalityRelaxationName = (typeof CARDINALITY_RELAXATIONS)[number];

const registry: Record<CardinalityRelaxationName, CardinalityRelaxation> = {
  l1: (y, lambda, k) => cardinalityChainBound('l1', y, lambda, k),
  persp: (y, lambda, k) => cardinalityChainBound('persp', y, lambda, k),
  decomp: decompCardinality,
};

/** The relaxation registered under `name`. */
export function getCardinalityRelaxation(name: string): CardinalityRelaxation {
  if (!(CARDINALITY_RELAXATIONS as readonly string[]).includes(name)) {
    throw new InvalidArgumentError('relaxation', name, `one of ${CARDINALITY_RELAXATIONS.join(', ')}`);
  }
  return registry[name as CardinalityRelaxationName];
}
