/**
 * AdaGrad speed (issue targets): 10⁶ AdaGrad coordinate updates at d = 1,000 with Gaussian noise
 * (1,000 iterations; target ≤ 2 s), the steady-state cost per iteration (to extrapolate to 10⁶
 * iterations = 10⁹ coordinate updates), and the Theorem 2 Monte Carlo claim at the default budget
 * (target ≤ 5 s). The AdaGrad run is also given as a ratio to a reference loop measured in the same
 * run: the bare update w ← w − ηg/(√b² + δ) with g = hw + σz on a diagonal quadratic, no measures.
 */
import { loadavg } from 'node:os';
import type { Benchmark } from './main.ts';
import { createRng } from '../core/random.ts';
import { adagrad, diagonalQuadratic, gaussianOracle, run, separablePhi } from '../adagrad/index.ts';
import { runClaim } from '../runner/run-claim.ts';
import { theorem2MonteCarlo } from '../../theorems/jmm25/theorem2.ts';

function best(fn: () => void, reps: number): number {
  fn();
  let m = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    m = Math.min(m, performance.now() - t0);
  }
  return m;
}

const bench: Benchmark = {
  name: 'adagrad',
  description: 'AdaGrad at d = 1000 with Gaussian noise (1e6 coordinate updates; steady-state per iteration) vs a reference loop; Theorem 2 Monte Carlo claim at the default budget',
  run({ quick }) {
    const load0 = loadavg()[0];
    const d = 1000;
    const iters = 1000;
    const reps = quick ? 2 : 5;
    const h = Float64Array.from({ length: d }, (_, i) => 0.1 + (i % 10) / 10);
    const sigma = new Float64Array(d).fill(0.5);
    const w1 = new Float64Array(d).fill(1);
    const quad = diagonalQuadratic(h);
    const oracle = gaussianOracle(sigma);
    const eta = 0.1;
    const delta = 1e-3;

    const solverMs = best(() => void run(quad, oracle, adagrad(eta, delta), { T: iters, w1, rng: createRng(1) }), reps);
    const phiP = separablePhi(h);
    const solverPhiMs = best(() => void run(phiP, oracle, adagrad(eta, delta), { T: iters, w1, rng: createRng(1) }), reps);

    // Reference: the bare update, same noise generator, no gradient norms, no divergence checks.
    const w = new Float64Array(d);
    const acc = new Float64Array(d);
    const rng = createRng(1);
    let sink = 0;
    const refMs = best(() => {
      w.set(w1);
      acc.fill(0);
      for (let t = 0; t < iters; t++) {
        for (let i = 0; i < d; i++) {
          const g = h[i] * w[i] + sigma[i] * rng.normal();
          acc[i] += g * g;
          w[i] -= (eta * g) / (Math.sqrt(acc[i]) + delta);
        }
      }
      sink += w[0];
    }, reps);

    // Steady state: a longer run, per iteration.
    const longIters = quick ? 2000 : 20000;
    const longMs = best(() => void run(quad, oracle, adagrad(eta, delta), { T: longIters, w1, rng: createRng(2) }), quick ? 1 : 2);
    const perIterMs = longMs / longIters;

    // Theorem 2 Monte Carlo claim at the default budget (40 configurations × 48 runs).
    const t0 = performance.now();
    const claim = runClaim(theorem2MonteCarlo, { rootSeed: 20211, budget: quick ? 'quick' : 'default' });
    const claimMs = performance.now() - t0;

    return {
      loadAverage1mStart: load0,
      loadAverage1mEnd: loadavg()[0],
      note: 'timings taken on a shared 2-core machine under load from other jobs (see load averages)',
      adagrad1e6CoordinateUpdatesMs: solverMs,
      adagrad1e6CoordinateUpdatesPhiFamilyMs: solverPhiMs,
      targetMs: 2000,
      referenceLoopMs: refMs,
      ratioToReference: solverMs / refMs,
      steadyStateMsPerIteration: perIterMs,
      projected1e6IterationsSeconds: (perIterMs * 1e6) / 1000,
      nsPerCoordinateUpdate: (perIterMs * 1e6) / d,
      theorem2MonteCarloClaimMs: claimMs,
      theorem2MonteCarloStatus: claim.status,
      theorem2MonteCarloRuns: claim.runsExecuted,
      theorem2TargetMs: 5000,
      sink,
    };
  },
};

export default bench;
