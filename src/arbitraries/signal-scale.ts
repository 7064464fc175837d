/**
 * Arbitraries for the AGH21 scale claims (Lagrangian decomposition, §4.3).
 */
import fc from 'fast-check';
import { generateSpikes } from '../signal/generator.ts';

/**
 * A small path instance for the Lagrangian method:
 * - `y`: a §5.2.1 generator signal (n nodes, s spikes of length h, σ² noise reading, ‖y‖∞ = 1);
 * - `n` ∈ [24, 60], `s` ∈ {1, 2}, `h` ∈ [4, 10], σ ∈ [0.3, 0.7] (noise std σ²);
 * - `lambda` ∈ [0.1, 1], `kappa` (ℓ0 weight) ∈ [0.002, 0.05];
 * - `m` ∈ [2, 6] blocks (m = 1 has no multiplier); `hMax` = 30 (a bound is valid after any number of iterations).
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
      m: fc.integer({ min: 2, max: 6 }),
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

/** A batch of consecutive blocks of one generator path, with the loop's boundary terms. */
export interface BlockBatch {
  lambda: number;
  kappa: number;
  blocks: { y: number[]; cFirst: number; cLast: number }[];
}

/**
 * Six consecutive blocks of b ∈ [8, 20] nodes cut from a §5.2.1 generator path of 6b nodes (1–2 spikes of
 * length h ∈ [4, b], σ = 0.5, σ² reading, ‖y‖∞ = 1), as the Lagrangian loop cuts them: block j gets
 * cFirst = −γ_j (j > 0) and cLast = γ_{j+1} (j < 5) with γ ∈ [−0.3, 0.3] (or 0); λ ∈ [0.1, 1],
 * κ ∈ {0.005, 0.01, 0.02, 0.05}. Pure-noise blocks are where the persp = OPT shortcut can fire.
 */
export function blockBatchInstance(): fc.Arbitrary<BlockBatch> {
  const gamma = fc.oneof(fc.constant(0), fc.integer({ min: -30, max: 30 }).map((t) => t / 100));
  return fc
    .record({
      b: fc.integer({ min: 8, max: 20 }),
      s: fc.integer({ min: 1, max: 2 }),
      hFrac: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      lambda: fc.integer({ min: 1, max: 10 }).map((t) => t / 10),
      kappa: fc.constantFrom(0.005, 0.01, 0.02, 0.05),
      gammas: fc.array(gamma, { minLength: 5, maxLength: 5 }),
    })
    .map(({ b, s, hFrac, seed, lambda, kappa, gammas }) => {
      const h = Math.max(4, Math.round((b * hFrac) / 4));
      const g = generateSpikes({ n: 6 * b, s, h, sigma: 0.5, seed });
      const blocks = Array.from({ length: 6 }, (_, j) => ({
        y: Array.from(g.y.slice(j * b, (j + 1) * b)),
        cFirst: j > 0 ? -gammas[j - 1] : 0,
        cLast: j < 5 ? gammas[j] : 0,
      }));
      return { lambda, kappa, blocks };
    });
}
