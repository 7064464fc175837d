/**
 * Argument validation shared by every public entry. Each function throws an
 * {@link InvalidArgumentError} naming the argument and the offending value.
 */
import { InvalidArgumentError } from './errors.ts';

/** A finite number (not NaN, not ±∞). */
export function finiteNumber(name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidArgumentError(name, x, 'a finite number');
  return x;
}

/** A finite number ≥ 0. */
export function nonNegative(name: string, x: unknown): number {
  finiteNumber(name, x);
  if ((x as number) < 0) throw new InvalidArgumentError(name, x, 'a finite number >= 0');
  return x as number;
}

/** A finite number > 0. */
export function positive(name: string, x: unknown): number {
  finiteNumber(name, x);
  if ((x as number) <= 0) throw new InvalidArgumentError(name, x, 'a finite number > 0');
  return x as number;
}

/** An integer in [min, max]. */
export function integerInRange(name: string, x: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new InvalidArgumentError(name, x, `an integer ${range}`);
  }
  return x;
}

/** A vector (array or Float64Array) of finite numbers, optionally of a given length. */
export function finiteVector(name: string, v: unknown, length?: number): ArrayLike<number> {
  if (!(Array.isArray(v) || v instanceof Float64Array || v instanceof Float32Array)) {
    throw new InvalidArgumentError(name, v, 'an array of finite numbers');
  }
  const arr = v as ArrayLike<unknown>;
  if (length !== undefined && arr.length !== length) {
    throw new InvalidArgumentError(`${name}.length`, arr.length, `${length}`);
  }
  for (let i = 0; i < arr.length; i++) {
    const xi = arr[i];
    if (typeof xi !== 'number' || !Number.isFinite(xi)) throw new InvalidArgumentError(`${name}[${i}]`, xi, 'a finite number');
  }
  return arr as ArrayLike<number>;
}

/** A vector of finite numbers ≥ 0. */
export function nonNegativeVector(name: string, v: unknown, length?: number): ArrayLike<number> {
  const arr = finiteVector(name, v, length);
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] < 0) throw new InvalidArgumentError(`${name}[${i}]`, arr[i], 'a finite number >= 0');
  }
  return arr;
}

/** One of a fixed set of string values. */
export function oneOf<T extends string>(name: string, x: unknown, values: readonly T[]): T {
  if (typeof x !== 'string' || !values.includes(x as T)) {
    throw new InvalidArgumentError(name, x, `one of ${values.join(', ')}`);
  }
  return x as T;
}
