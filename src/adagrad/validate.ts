/**
 * Argument checks of the AdaGrad domain (typed errors naming the argument),
 * on top of the shared helpers of src/core/validate.ts.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, nonNegativeVector } from '../core/validate.ts';

/** A vector of finite numbers > 0 (e.g. smoothness constants L_i > 0), optionally of a given length. */
export function positiveVector(name: string, v: unknown, length?: number): Float64Array {
  const arr = finiteVector(name, v, length);
  if (arr.length < 1) throw new InvalidArgumentError(`${name}.length`, arr.length, 'at least 1 (d >= 1)');
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] <= 0) throw new InvalidArgumentError(`${name}[${i}]`, arr[i], 'a finite number > 0');
  }
  return Float64Array.from(arr);
}

/** A vector of finite numbers ≥ 0 (e.g. noise levels σ_i ≥ 0), copied to a Float64Array. */
export function nonNegativeVec(name: string, v: unknown, length?: number): Float64Array {
  const arr = nonNegativeVector(name, v, length);
  if (arr.length < 1) throw new InvalidArgumentError(`${name}.length`, arr.length, 'at least 1 (d >= 1)');
  return Float64Array.from(arr);
}

/** A vector of finite numbers, copied to a Float64Array. */
export function finiteVec(name: string, v: unknown, length?: number): Float64Array {
  const arr = finiteVector(name, v, length);
  if (arr.length < 1) throw new InvalidArgumentError(`${name}.length`, arr.length, 'at least 1 (d >= 1)');
  return Float64Array.from(arr);
}
