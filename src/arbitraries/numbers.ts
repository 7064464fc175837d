/**
 * Number arbitraries with the distributions numerical claims need.
 *
 * `fc.double({min, max})` draws over the bit patterns of doubles, so most
 * draws are tiny (e.g. 1e-300) or at the bounds — useless for exercising a
 * formula across its range. These map a 53-bit integer to the interval
 * instead: uniform (or log-uniform) over [min, max], shrinking towards min.
 */
import fc from 'fast-check';

const TWO53 = 2 ** 53;

/** Uniform double on [min, max]. */
export function uniformDouble(min: number, max: number): fc.Arbitrary<number> {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new RangeError(`uniformDouble: bad range [${min}, ${max}]`);
  return fc.bigInt({ min: 0n, max: BigInt(TWO53) }).map((i) => {
    const u = Number(i) / TWO53;
    return Math.min(max, min + u * (max - min));
  });
}

/** Log-uniform double on [lo, hi] (0 < lo ≤ hi). */
export function logUniformDouble(lo: number, hi: number): fc.Arbitrary<number> {
  if (!(lo > 0 && hi >= lo)) throw new RangeError(`logUniformDouble: bad range [${lo}, ${hi}]`);
  const a = Math.log(lo);
  const b = Math.log(hi);
  return uniformDouble(a, b).map((l) => Math.min(hi, Math.max(lo, Math.exp(l))));
}

/** A vector of i.i.d. uniform doubles on [min, max], length in [minLength, maxLength]. */
export function uniformVector(min: number, max: number, minLength: number, maxLength: number): fc.Arbitrary<number[]> {
  return fc.array(uniformDouble(min, max), { minLength, maxLength });
}
