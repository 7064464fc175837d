/**
 * Arbitraries for the AdaGrad claims: configurations (d, L via the test function, σ, η, δ, T, w₁).
 */
import fc from 'fast-check';
import { logUniformDouble, uniformDouble } from './numbers.ts';

/** A test-function family with known smoothness vector. */
export type Family = 'phi' | 'quadratic';

/** One configuration of a run. */
export interface RunConfig {
  family: Family;
  /** Per-coordinate scales: c_i for the φ family (L_i = 1.3c_i), h_i = L_i for the quadratic. */
  c: number[];
  sigma: number[];
  eta: number;
  delta: number;
  T: number;
  w1: number[];
}

/** σ_i: zero with probability ~0.3, else log-uniform on [lo, hi]. */
export const sigmaEntry = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: logUniformDouble(lo, hi), weight: 7 });

/**
 * A run configuration: d ∈ [1, maxD], c_i log-uniform on [cLo, 10], σ_i as `sigmaEntry(0.01, 2)`,
 * η log-uniform on [etaLo, etaHi], δ = u/d with u log-uniform on [uLo, uHi], T ∈ [tLo, tHi], w₁ ∈ [−5, 5]^d.
 */
export function runConfig(o: {
  maxD: number;
  cLo?: number;
  etaLo: number;
  etaHi: number;
  uLo: number;
  uHi: number;
  tLo: number;
  tHi: number;
  families?: Family[];
  noise?: boolean;
}): fc.Arbitrary<RunConfig> {
  return fc.integer({ min: 1, max: o.maxD }).chain((d) =>
    fc.record({
      family: fc.constantFrom(...(o.families ?? (['phi', 'quadratic'] as Family[]))),
      c: fc.array(logUniformDouble(o.cLo ?? 0.01, 10), { minLength: d, maxLength: d }),
      sigma: o.noise === false ? fc.constant(Array<number>(d).fill(0)) : fc.array(sigmaEntry(0.01, 2), { minLength: d, maxLength: d }),
      eta: logUniformDouble(o.etaLo, o.etaHi),
      delta: logUniformDouble(o.uLo, o.uHi).map((u) => u / d),
      T: fc.integer({ min: o.tLo, max: o.tHi }),
      w1: fc.array(uniformDouble(-5, 5), { minLength: d, maxLength: d }),
    }),
  );
}
