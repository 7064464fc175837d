/**
 * Arbitraries for the AGH21 scale claims (Lagrangian decomposition, §4.3).
 */
import fc from 'fast-check';
import { generateSpikes } from '../../src/signal/generator.ts';

/**
 * A small path instance for the Lagrangian method:
 * - `y`: a §5.2.1 generator signal (n nodes, s spikes of length h, σ² noise reading, ‖y‖∞ = 1);
 * - `n` ∈ [24, 60], `s` ∈ {1, 2}, `h` ∈ [4, 10], σ ∈ [0.3, 0.7] (noise std σ²);
 * - `lambda` ∈ [0.1, 1], `kappa` (ℓ0 weight) ∈ [0.002, 0.05];
 * - `m` ∈ [1, 6] blocks; `hMax` = 30 (a bound is valid after any number of iterations).
 */
export interface LagrangianInstance {
  y: number[];
  n: number;
  lambda: number;
  kappa: number;
  m: number;
  hMax: number;
  seed: number;
}

export function lagrangianInstance(): fc.Arbitrary<LagrangianInstance> {
  return fc
    .record({
      n: fc.integer({ min: 24, max: 60 }),
      s: fc.integer({ min: 1, max: 2 }),
      h: fc.integer({ min: 4, max: 10 }),
      sigma: fc.integer({ min: 3, max: 7 }).map((t) => t / 10),
      lambda: fc.integer({ min: 1, max: 10 }).map((t) => t / 10),
      kappa: fc.constantFrom(0.002, 0.005, 0.01, 0.02, 0.05),
      m: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map(({ n, s, h, sigma, lambda, kappa, m, seed }) => ({
      y: Array.from(generateSpikes({ n, s, h, sigma, seed }).y),
      n,
      lambda,
      kappa,
      m,
      hMax: 30,
      seed,
    }));
}

/**
 * One block subproblem as the Lagrangian loop produces it: a window of a generator signal around a
 * spike, with boundary coefficients cFirst = −γ_j, cLast = γ_{j+1} ∈ [−0.3, 0.3] (or 0).
 * - `y` of length b ∈ [8, 30]; `u` = 1 (‖y‖∞ of the whole path); λ ∈ [0.1, 1]; κ ∈ {0.002 … 0.05}.
 */
export function blockInstance(): fc.Arbitrary<{ y: number[]; lambda: number; kappa: number; cFirst: number; cLast: number }> {
  return fc
    .record({
      b: fc.integer({ min: 8, max: 30 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      lambda: fc.integer({ min: 1, max: 10 }).map((t) => t / 10),
      kappa: fc.constantFrom(0.002, 0.005, 0.01, 0.02, 0.05),
      cFirst: fc.oneof(fc.constant(0), fc.integer({ min: -30, max: 30 }).map((t) => t / 100)),
      cLast: fc.oneof(fc.constant(0), fc.integer({ min: -30, max: 30 }).map((t) => t / 100)),
    })
    .map(({ b, seed, lambda, kappa, cFirst, cLast }) => {
      const g = generateSpikes({ n: 3 * b, s: 1, h: b, sigma: 0.5, seed });
      const a = Math.max(0, Math.min(g.starts[0] - 2, 2 * b));
      return { y: Array.from(g.y.slice(a, a + b)), lambda, kappa, cFirst, cLast };
    });
}
