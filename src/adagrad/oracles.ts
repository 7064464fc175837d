/**
 * Stochastic first-order oracles g_t with E[g_t | F_{t−1}] = ∇F(w_t) (A2) and
 * coordinate-wise variance E|g_{t,i} − ∇_iF(w_t)|² ≤ σ_i² (A3b).
 */
import type { Rng } from '../core/random.ts';
import { InvalidArgumentError } from '../core/errors.ts';
import { nonNegativeVec, positiveVector } from './validate.ts';

/** An oracle writes g_t into `out` from the true gradient at w_t. */
export interface Oracle {
  /** Noise levels σ_i for which A3b holds. */
  readonly sigma: Float64Array;
  sample(t: number, w: Float64Array, grad: Float64Array, out: Float64Array, rng: Rng): void;
}

/** Exact gradients (σ = 0): gradient descent is SGD with this oracle. */
export function exactOracle(d: number): Oracle {
  if (!Number.isInteger(d) || d < 1) throw new InvalidArgumentError('d', d, 'an integer >= 1');
  return {
    sigma: new Float64Array(d),
    sample(_t, _w, grad, out) {
      out.set(grad);
    },
  };
}

/** g_{t,i} = ∇_iF(w_t) + σ_i z_{t,i}, z i.i.d. N(0, 1) (coordinates with σ_i = 0 draw nothing). */
export function gaussianOracle(sigma: ArrayLike<number>): Oracle {
  const s = nonNegativeVec('sigma', sigma);
  const d = s.length;
  return {
    sigma: s,
    sample(_t, _w, grad, out, rng) {
      for (let i = 0; i < d; i++) out[i] = s[i] === 0 ? grad[i] : grad[i] + s[i] * rng.normal();
    },
  };
}

/** The law of one coordinate of the two-point oracle at a gradient value: P(g = value) = probability, else g = 0. */
export interface TwoPointLaw {
  value: number;
  probability: number;
}

/** The two-point oracle, with its exact law (used by checks of unbiasedness and variance). */
export interface TwoPointOracle extends Oracle {
  /** Target slope magnitudes ε_i at which the variance equals σ_i² exactly. */
  readonly eps: Float64Array;
  law(i: number, gradI: number): TwoPointLaw;
}

/**
 * Two-point oracle of eqs. (37)/(41) (and (42) with ε → 2ε), independently per coordinate:
 * g_i = (1 + σ_i²/ε_i²)·∇_iF w.p. ε_i²/(σ_i² + ε_i²), and g_i = 0 otherwise (exact when σ_i = 0).
 * E g_i = ∇_iF and E(g_i − ∇_iF)² = (σ_i²/ε_i²)(∇_iF)², which is σ_i² exactly where |∇_iF| = ε_i.
 */
export function twoPointOracle(sigma: ArrayLike<number>, eps: ArrayLike<number>): TwoPointOracle {
  const s = nonNegativeVec('sigma', sigma);
  const e = positiveVector('eps', eps, s.length);
  const d = s.length;
  const pMove = new Float64Array(d);
  const gain = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    pMove[i] = (e[i] * e[i]) / (s[i] * s[i] + e[i] * e[i]);
    gain[i] = 1 + (s[i] * s[i]) / (e[i] * e[i]);
  }
  return {
    sigma: s,
    eps: e,
    law: (i, gradI) => ({ value: gain[i] * gradI, probability: pMove[i] }),
    sample(_t, _w, grad, out, rng) {
      for (let i = 0; i < d; i++) {
        if (s[i] === 0) out[i] = grad[i];
        else out[i] = rng.uniform() < pMove[i] ? gain[i] * grad[i] : 0;
      }
    },
  };
}

/** Replays prescribed gradients g_t (t = 1…T, row-major T×d), ignoring w: for pathwise checks of step-size sums. */
export function replayOracle(d: number, gradients: Float64Array): Oracle {
  if (!Number.isInteger(d) || d < 1) throw new InvalidArgumentError('d', d, 'an integer >= 1');
  if (gradients.length % d !== 0) throw new InvalidArgumentError('gradients.length', gradients.length, `a multiple of d = ${d}`);
  const T = gradients.length / d;
  return {
    sigma: new Float64Array(d),
    sample(t, _w, _grad, out) {
      if (t > T) throw new InvalidArgumentError('t', t, `at most ${T} (replayed gradients)`);
      for (let i = 0; i < d; i++) out[i] = gradients[(t - 1) * d + i];
    },
  };
}
