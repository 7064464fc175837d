/**
 * Seeded randomness. One root seed derives every random choice: a claim's seed
 * is `deriveSeed(root, claimId)`, and each property run gets its own stream
 * from a seed drawn by fast-check (so replaying a run by its path replays its
 * random numbers too). Math.random is never used.
 */
import seedrandom from 'seedrandom';
import { integerInRange } from './validate.ts';

/** A seeded stream of random numbers. */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fill `out` with i.i.d. N(0, 1) draws; returns `out`. */
  fillNormal(out: Float64Array): Float64Array;
}

/** FNV-1a 32-bit hash of a string, as an unsigned integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Seed of a named sub-stream of `root`: a 31-bit non-negative integer
 * (fast-check seeds are 32-bit signed), deterministic in (root, name).
 */
export function deriveSeed(root: number, name: string): number {
  integerInRange('root', root, 0, 2 ** 32 - 1);
  return hash32(`${root}:${name}`) & 0x7fffffff;
}

/** A seeded random stream (Alea generator from seedrandom). */
export function createRng(seed: number | string): Rng {
  const prng = seedrandom.alea(String(seed));
  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * prng() - 1;
      v = 2 * prng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  };
  return {
    uniform: () => prng(),
    normal,
    int: (n: number) => Math.floor(prng() * n),
    fillNormal(out: Float64Array): Float64Array {
      for (let i = 0; i < out.length; i++) out[i] = normal();
      return out;
    },
  };
}
