/**
 * RVSM speed (issue targets): population RVSM, d = 20, k = 5, 2·10⁴ iterations (≤ 50 ms), and
 * minibatch RVSM, batch 4,000, 3,000 iterations (≤ 3 s, pool generation included). Each is also
 * given as a ratio to a reference loop measured in the same run:
 * - population: 2·10⁴ iterations of a plain d = 20 update w ← w − η(αw − Bw* + β(w − u));
 * - minibatch: 3,000 passes of the forward products Z_jᵀw over a 4,000-sample window of the pool
 *   (the least work any minibatch gradient must do).
 */
import type { Benchmark } from './main.ts';
import { createRng } from '../core/random.ts';
import { rvscgd, rvsm } from '../nets/splitting.ts';
import { randomInit, sparseTeacher } from '../nets/teacher.ts';

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
  name: 'nets',
  description: 'population RVSM (d=20, k=5, 2e4 it.) and minibatch RVSM (batch 4000, 3000 it.) vs reference loops',
  run({ quick }) {
    const d = 20;
    const k = 5;
    const rng = createRng(1);
    const wStar = sparseTeacher({ d, nnz: 10, rng });
    const w0 = randomInit(d, rng, wStar);
    const T = 20_000;
    const common = { wStar, k, w0, penalty: { kind: 'l1' as const }, lambda: 1e-3, beta: 0.5, eta: 0.5 };
    const reps = quick ? 3 : 10;

    // Reference for the population run: the bare update loop.
    const w = Float64Array.from(w0);
    const u = new Float64Array(d);
    const popRefMs = best(() => {
      w.set(w0);
      for (let t = 0; t < T; t++) for (let i = 0; i < d; i++) w[i] -= 0.5 * (0.2 * w[i] - 0.2 * wStar[i] + 0.5 * (w[i] - u[i]));
    }, reps);
    const popMs = best(() => void rvsm({ ...common, iterations: T }), reps);
    const popNoTraceMs = best(() => void rvsm({ ...common, iterations: T, trace: false }), reps);
    const cgdMs = best(() => void rvscgd({ ...common, beta: 1, eta: 1, lambda: 1e-4, iterations: T }), reps);

    // Minibatch: batch 4000, 3000 iterations (fewer in quick mode), pool 40,000 inputs.
    const batch = 4000;
    const iters = quick ? 300 : 3000;
    const pool = 10 * batch;
    const z = createRng(2).fillNormal(new Float64Array(pool * k * d));
    const offs = createRng(3);
    let sink = 0;
    const mbRefMs = best(() => {
      for (let t = 0; t < iters; t++) {
        let s = offs.int(pool);
        for (let b = 0; b < batch; b++) {
          const base = s * k * d;
          for (let j = 0; j < k; j++) {
            let a = 0;
            for (let i = 0; i < d; i++) a += z[base + j * d + i] * w[i];
            if (a > 0) sink += a;
          }
          if (++s === pool) s = 0;
        }
      }
    }, 1);
    const poolMs = best(() => void createRng(4).fillNormal(new Float64Array(pool * k * d)), 1);
    const mbMs = best(() => void rvsm({ ...common, iterations: iters, trace: false, minibatch: { batch, rng: createRng(5) } }), 1);

    return {
      d, k,
      population: {
        iterations: T,
        ms: popMs,
        msWithoutTrace: popNoTraceMs,
        referenceMs: popRefMs,
        ratioToReference: popMs / popRefMs,
        target: '<= 50 ms',
        meetsTarget: popMs <= 50,
        rvscgdMs: cgdMs,
      },
      minibatch: {
        batch,
        iterations: iters,
        pool,
        ms: mbMs,
        poolGenerationMs: poolMs,
        referenceForwardMs: mbRefMs,
        ratioToReference: mbMs / mbRefMs,
        target: quick ? 'n/a (quick: 300 iterations)' : '<= 3000 ms',
        meetsTarget: quick ? null : mbMs <= 3000,
        sink: sink > 0,
      },
    };
  },
};
export default bench;
