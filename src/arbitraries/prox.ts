/**
 * Arbitraries for proximal-map instances: (τ, a, x) with the TL1 regime
 * controlled relative to the critical value τ_c(a) = a²/(2(a+1)).
 */
import fc from 'fast-check';
import { tl1Threshold } from '../prox/scalar.ts';
import { logUniformDouble, uniformDouble, uniformVector } from './numbers.ts';

/** TL1 regime: subcritical τ ≤ τ_c (continuous map) or supercritical τ > τ_c (jump). */
export type Tl1Regime = 'subcritical' | 'supercritical';

/** Constraints of {@link tl1Params}. */
export interface Tl1ParamsConstraints {
  /** Regime to draw; both when omitted. */
  regime?: Tl1Regime;
  /** log10 range of a (default [−2, 2]). */
  log10A?: [number, number];
}

/** A TL1 parameter pair. */
export interface Tl1Params {
  tau: number;
  a: number;
  regime: Tl1Regime;
}

/** Critical τ of TL1: below it the thresholding map is continuous. */
export const tl1CriticalTau = (a: number): number => (a * a) / (2 * (a + 1));

/**
 * (τ, a) with a log-uniform in 10^log10A and τ = r·τ_c(a), r ∈ [0.05, 0.95]
 * (subcritical) or r ∈ [1.05, 20] (supercritical): a 5% margin keeps the
 * regime unambiguous in floating point.
 */
export function tl1Params(c: Tl1ParamsConstraints = {}): fc.Arbitrary<Tl1Params> {
  const [lo, hi] = c.log10A ?? [-2, 2];
  const regimes: Tl1Regime[] = c.regime ? [c.regime] : ['subcritical', 'supercritical'];
  return fc
    .tuple(
      fc.constantFrom(...regimes),
      uniformDouble(lo, hi),
      uniformDouble(0, 1),
    )
    .map(([regime, la, u]) => {
      const a = 10 ** la;
      const r = regime === 'subcritical' ? 0.05 + 0.9 * u : 1.05 * (20 / 1.05) ** u;
      return { tau: r * tl1CriticalTau(a), a, regime };
    });
}

/** A positive τ, log-uniform in [1e-3, 10]. */
export const tauArb = (): fc.Arbitrary<number> => logUniformDouble(1e-3, 10);

/**
 * A point x = ±s·t with t the threshold and s ∈ [0, 4] kept at least
 * `margin` (relative) away from 1, so x is off the threshold.
 */
export function offThresholdPoint(threshold: number, margin = 2e-3): fc.Arbitrary<number> {
  return fc
    .tuple(uniformDouble(0, 4), fc.boolean())
    .map(([s, neg]) => {
      let ss = s;
      if (Math.abs(ss - 1) < margin) ss = ss < 1 ? 1 - margin : 1 + margin;
      const x = ss * threshold;
      return neg ? -x : x;
    });
}

/** Instance for TL1 brute-force checks: parameters and an off-threshold x. */
export const tl1Instance = (c: Tl1ParamsConstraints = {}): fc.Arbitrary<Tl1Params & { x: number }> =>
  tl1Params(c).chain((p) => offThresholdPoint(tl1Threshold(p.tau, p.a)).map((x) => ({ ...p, x })));

/** A small vector of finite doubles in [−5, 5]. */
export const smallVector = (maxLength = 12): fc.Arbitrary<number[]> => uniformVector(-5, 5, 1, maxLength);
