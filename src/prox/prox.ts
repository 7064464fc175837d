/**
 * Validated proximal operators, scalar and componentwise on vectors.
 * prox_{τp}(x) = argmin_y ½‖y − x‖² + τ·Σᵢ p(yᵢ) separates over components.
 */
import { finiteNumber, finiteVector, nonNegative, positive } from '../core/validate.ts';
import { hardScalar, softScalar, tl1Scalar, tl1Threshold } from './scalar.ts';

/** Penalties with a closed-form prox. */
export type Penalty = { kind: 'l1' } | { kind: 'l0' } | { kind: 'tl1'; a: number };

/** Soft thresholding S_τ(x), prox of τ|·|. */
export function softThreshold(x: number, tau: number): number {
  return softScalar(finiteNumber('x', x), nonNegative('tau', tau));
}

/** Hard thresholding: prox of τ·1{·≠0}, threshold γ = √(2τ). Takes τ, not γ. */
export function hardThreshold(x: number, tau: number): number {
  return hardScalar(finiteNumber('x', x), Math.SQRT2 * Math.sqrt(nonNegative('tau', tau))); // √2·√τ: 2τ overflows for τ > 9e307
}

/** TL1 threshold t*(τ, a). */
export function tl1ThresholdValue(tau: number, a: number): number {
  return tl1Threshold(nonNegative('tau', tau), positive('a', a));
}

/** TL1 prox g_τ(x) for ρ_a. */
export function tl1Prox(x: number, tau: number, a: number): number {
  return tl1Scalar(finiteNumber('x', x), nonNegative('tau', tau), positive('a', a));
}

/** Scalar penalty value p(y). */
export function penaltyValue(penalty: Penalty, y: number): number {
  switch (penalty.kind) {
    case 'l1':
      return Math.abs(y);
    case 'l0':
      return y === 0 ? 0 : 1;
    case 'tl1': {
      const ay = Math.abs(y);
      return ay * ((penalty.a / 2 + 0.5) / (penalty.a / 2 + ay / 2)); // (a+1)|y|/(a+|y|) without overflow
    }
  }
}

/** Σᵢ p(vᵢ). */
export function penaltySum(penalty: Penalty, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += penaltyValue(penalty, v[i]);
  return s;
}

/** Validate a penalty descriptor. */
export function validatePenalty(name: string, penalty: Penalty): Penalty {
  if (penalty.kind === 'tl1') positive(`${name}.a`, penalty.a);
  return penalty;
}

/**
 * The threshold of prox_{τp}: below it (in absolute value) the prox is 0. ℓ1: τ; ℓ0: √(2τ), formed as
 * √2·√τ (2τ overflows for τ > 9e307); TL1: t*(τ, a). The same value the prox compares against.
 */
export function proxThreshold(penalty: Penalty, tau: number): number {
  switch (penalty.kind) {
    case 'l1':
      return tau;
    case 'l0':
      return Math.SQRT2 * Math.sqrt(tau);
    case 'tl1':
      return tl1Threshold(tau, penalty.a);
  }
}

/**
 * A scalar prox function for (penalty, τ), with the threshold precomputed.
 * Unvalidated: callers validate once, then call it in hot loops.
 */
export function scalarProx(penalty: Penalty, tau: number): (x: number) => number {
  switch (penalty.kind) {
    case 'l1':
      return (x) => softScalar(x, tau);
    case 'l0': {
      const gamma = proxThreshold(penalty, tau);
      return (x) => hardScalar(x, gamma);
    }
    case 'tl1': {
      const a = penalty.a;
      const t = tl1Threshold(tau, a);
      return (x) => tl1Scalar(x, tau, a, t);
    }
  }
}

/**
 * Componentwise prox of τ·Σp into `out` (allocated if omitted).
 * Validates x, τ and the penalty.
 */
export function proxVector(penalty: Penalty, x: ArrayLike<number>, tau: number, out?: Float64Array): Float64Array {
  finiteVector('x', x);
  nonNegative('tau', tau);
  validatePenalty('penalty', penalty);
  const res = out ?? new Float64Array(x.length);
  if (res.length !== x.length) finiteVector('out', res, x.length);
  const p = scalarProx(penalty, tau);
  for (let i = 0; i < x.length; i++) res[i] = p(x[i]);
  return res;
}
