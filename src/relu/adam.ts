/**
 * Full-batch Adam (Kingma & Ba, ICLR 2015, Algorithm 1; β₁ = 0.9, β₂ = 0.999,
 * ε = 1e-12), the optimiser of both non-convex baselines (nonconvex.ts,
 * vector-train.ts):
 *
 *   m ← β₁m + (1 − β₁)g,  s ← β₂s + (1 − β₂)g²,  θ ← θ − η (m/(1 − β₁ᵗ)) / (√(s/(1 − β₂ᵗ)) + ε).
 *
 * It keeps the iterate with the smallest objective among those it evaluated
 * (θ₀ … θ_{T−1}); the last update's result θ_T is left in `theta`, unevaluated.
 */
import type { ObjectiveWithGradient } from './lbfgs.ts';

/** Options of {@link adam} (validated by the callers). */
export interface AdamOptions {
  /** Number of steps T. */
  iterations: number;
  /** Step size η. */
  stepSize: number;
  /** Called at step 1 and every `every` steps with (step, objective). */
  onProgress?: (iteration: number, objective: number) => void;
  every?: number;
}

/** Run T Adam steps from `theta` (updated in place); `grad` is the gradient buffer fg writes. */
export function adam(fg: ObjectiveWithGradient, theta: Float64Array, grad: Float64Array, options: AdamOptions): { best: Float64Array; bestF: number } {
  const size = theta.length;
  const lr = options.stepSize;
  const every = options.every ?? 1;
  const m1 = new Float64Array(size);
  const m2 = new Float64Array(size);
  const b1 = 0.9;
  const b2 = 0.999;
  const best = Float64Array.from(theta);
  let bestF = Infinity;
  for (let it = 1; it <= options.iterations; it++) {
    const f = fg(theta, grad);
    if (f < bestF) {
      bestF = f;
      best.set(theta);
    }
    if (options.onProgress && (it === 1 || it % every === 0)) options.onProgress(it, f);
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let p = 0; p < size; p++) {
      m1[p] = b1 * m1[p] + (1 - b1) * grad[p];
      m2[p] = b2 * m2[p] + (1 - b2) * grad[p] * grad[p];
      theta[p] -= (lr * (m1[p] / c1)) / (Math.sqrt(m2[p] / c2) + 1e-12);
    }
  }
  return { best, bestF };
}
