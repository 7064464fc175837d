/**
 * Unit tests of src/nets: closed forms at special points, validation (typed errors naming the
 * argument), Monte Carlo determinism, teachers, splitting traces and divergence reporting, trade-off.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import {
  angle, coarseConstant, expectedCoarseGrad, gradBinaryTrue, gradRelu, lossBinary, lossRelu, norm, reluCoefficients,
  reluCurvatureAtOptimum, reluKernel, reluSaddlePoint,
} from '../../src/nets/model.ts';
import { mcCoarseGrad, mcGradRelu, mcLossBinary, mcLossRelu } from '../../src/nets/monte-carlo.ts';
import { randomInit, sameSupport, sparseTeacher, support } from '../../src/nets/teacher.ts';
import { batchGradient, batchWork, makePool, type Model, type Pool } from '../../src/nets/minibatch.ts';
import { rvscgd, rvsm, type SplittingOptions } from '../../src/nets/splitting.ts';
import { errorAtSparsity, matchedSparsity, tradeoffPoint, tradeoffSweep, type TradeoffOptions } from '../../src/nets/tradeoff.ts';
import { proxVector } from '../../src/prox/prox.ts';

/** Expect an InvalidArgumentError naming `arg`. */
function expectArg(f: () => unknown, arg: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InvalidArgumentError);
  expect((err as InvalidArgumentError).argument).toBe(arg);
}

const ws = Float64Array.from([0.6, 0, -0.8, 0]);
const w = Float64Array.from([0.5, 0.2, -0.3, 0.1]);

describe('nets model closed forms', () => {
  it('angle is accurate at 0, π/2, π and tiny angles', () => {
    expect(angle([1, 0], [0, 2])).toBeCloseTo(Math.PI / 2, 15);
    expect(angle([1, 0], [-3, 0])).toBe(Math.PI);
    expect(angle([1, 2, 3], [2, 4, 6])).toBe(0);
    expect(angle([1, 1e-9], [1, 0])).toBeCloseTo(1e-9, 20);
  });

  it('ReLU kernel: g(w,w) = ‖w‖²/2, zero for a zero vector', () => {
    expect(reluKernel(w, w)).toBeCloseTo(norm(w) ** 2 / 2, 15);
    expect(reluKernel([0, 0, 0, 0], w)).toBe(0);
  });

  it('ReLU loss vanishes at w*, matches k = 1 by hand, and accepts w = 0', () => {
    expect(Math.abs(lossRelu(ws, ws, 5))).toBeLessThan(1e-15);
    // k = 1: ℓ = ½‖w‖² + ½‖w*‖² − 2g(w, w*).
    expect(lossRelu(w, ws, 1)).toBeCloseTo(0.5 * norm(w) ** 2 + 0.5 - 2 * reluKernel(w, ws), 14);
    const k = 4;
    const ak = k / 2 + (k * k - k) / (2 * Math.PI);
    expect(lossRelu([0, 0, 0, 0], ws, k)).toBeCloseTo((ak * 1) / (k * k), 15);
  });

  it('gradient: zero at w* and at the saddle, coefficients 1/k at w*, out buffer reused', () => {
    expect(norm(gradRelu(ws, ws, 5))).toBeLessThan(1e-15);
    expect(norm(gradRelu(reluSaddlePoint(ws, 5), ws, 5))).toBeLessThan(1e-15);
    const c = reluCoefficients(ws, ws, 5);
    expect(c.alpha).toBeCloseTo(0.2, 15);
    expect(c.B).toBeCloseTo(0.2, 15);
    const out = new Float64Array(4);
    expect(gradRelu(w, ws, 3, out)).toBe(out);
    expect(reluCurvatureAtOptimum(1)).toBe(1);
  });

  it('binary loss, true gradient (zero at θ = 0) and coarse gradients', () => {
    expect(lossBinary(w, ws, 2)).toBeCloseTo(angle(w, ws) / (4 * Math.PI), 15);
    expect(norm(gradBinaryTrue(ws, ws, 5))).toBe(0);
    const tg = gradBinaryTrue(w, ws, 5);
    expect(norm(tg)).toBeCloseTo(1 / (2 * Math.PI * 5 * norm(w)), 14);
    const r = expectedCoarseGrad(w, ws, 5, 'relu');
    const id = expectedCoarseGrad(w, ws, 5, 'identity');
    for (let i = 0; i < 4; i++) expect(id[i]).toBeCloseTo(2 * r[i], 15);
    expect(coarseConstant(5)).toBeCloseTo(1 / (2 * Math.sqrt(2 * Math.PI) * 5), 15);
  });

  it('bad input: typed errors naming the argument', () => {
    expectArg(() => angle([0, 0], [1, 0]), 'w');
    expectArg(() => angle([1, 0], [0, 0]), 'v');
    expectArg(() => lossRelu([NaN, 0], [1, 0], 2), 'w[0]');
    expectArg(() => lossRelu([1, 0], [Infinity, 0], 2), 'wStar[0]');
    expectArg(() => lossRelu([1, 0], [1, 0], 0), 'k');
    expectArg(() => lossRelu([1, 0], [1, 0], 1.5), 'k');
    expectArg(() => lossRelu([], [], 2), 'w.length (d)');
    expectArg(() => lossRelu([1, 0], [1, 0, 0], 2), 'wStar.length');
    expectArg(() => gradRelu([0, 0], [1, 0], 2), 'w');
    expectArg(() => gradRelu([1, 0], [0, 0], 2), 'wStar');
    expectArg(() => gradRelu([1, 0], [1, 0], 2, new Float64Array(3)), 'out.length');
    expectArg(() => lossBinary([0, 0], [1, 0], 2), 'w');
    expectArg(() => expectedCoarseGrad([1, 0], [1, 1], 2, 'tanh' as never), 'ste');
    expectArg(() => reluKernel([1], [1, 2]), 'v.length');
    expectArg(() => reluSaddlePoint([0, 0], 2), 'wStar');
    expectArg(() => reluCurvatureAtOptimum(0), 'k');
    expectArg(() => coarseConstant(-1), 'k');
    expectArg(() => reluCoefficients([0, 0], [1, 0], 2), 'w');
    expectArg(() => gradBinaryTrue([1, 0], [1, 0], 0), 'k');
  });
});

describe('nets Monte Carlo', () => {
  it('is deterministic per seed, with positive standard errors', () => {
    const a = mcLossRelu(w, ws, 3, 500, createRng(1));
    const b = mcLossRelu(w, ws, 3, 500, createRng(1));
    expect(a).toEqual(b);
    expect(a.se).toBeGreaterThan(0);
    expect(mcLossBinary(w, ws, 3, 200, createRng(2)).n).toBe(200);
    const g = mcGradRelu(w, ws, 3, 200, createRng(3));
    expect(g.mean.length).toBe(4);
    expect(Math.min(...g.se)).toBeGreaterThan(0);
    expect(mcCoarseGrad(w, ws, 3, 'identity', 200, createRng(4)).se.length).toBe(4);
  });

  it('bad input', () => {
    expectArg(() => mcLossRelu(w, ws, 3, 1, createRng(1)), 'n');
    expectArg(() => mcLossRelu(w, ws, 3, 10, {} as never), 'rng');
    expectArg(() => mcGradRelu([0, 0, 0, 0], ws, 3, 10, createRng(1)), 'w');
    expectArg(() => mcCoarseGrad(w, ws, 3, 'x' as never, 10, createRng(1)), 'ste');
    expectArg(() => mcLossBinary(w, ws, 0, 10, createRng(1)), 'k');
  });
});

describe('nets teachers', () => {
  it('sparse unit-norm teachers with an exact minimum magnitude', () => {
    const t = sparseTeacher({ d: 20, nnz: 10, minAbs: 0.174, rng: createRng(5) });
    expect(norm(t)).toBeCloseTo(1, 14);
    expect(support(t).length).toBe(10);
    expect(Math.min(...support(t).map((i) => Math.abs(t[i])))).toBeCloseTo(0.174, 14);
    const g = sparseTeacher({ d: 8, nnz: 3, rng: createRng(6) });
    expect(support(g).length).toBe(3);
    expect(norm(g)).toBeCloseTo(1, 14);
    const one = sparseTeacher({ d: 4, nnz: 1, minAbs: 0.5, rng: createRng(7) });
    expect(norm(one)).toBe(1);
    expect(sameSupport(t, t)).toBe(true);
    expect(sameSupport(t, g)).toBe(false);
    expect(sameSupport([1, 0], [0, 1])).toBe(false);
  });

  it('random initialisations lie in the half-space and have the requested norm', () => {
    for (let s = 0; s < 10; s++) {
      const w0 = randomInit(6, createRng(s), [1, 0, 0, 0, 0, 0], 2);
      expect(w0[0]).toBeGreaterThanOrEqual(0);
      expect(norm(w0)).toBeCloseTo(2, 14);
    }
    expect(norm(randomInit(3, createRng(1)))).toBeCloseTo(1, 14);
  });

  it('without a teacher the initialiser is rotation invariant: P(w⁰ᵀw* > 0) = ½ within 5 SE', () => {
    // The "probability ½" of a half-space hypothesis is a property of the initialiser, not of RVSM.
    const rng = createRng(11);
    const wStar = sparseTeacher({ d: 20, nnz: 10, rng });
    const n = 4000;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const w0 = randomInit(20, rng);
      let d = 0;
      for (let j = 0; j < 20; j++) d += w0[j] * wStar[j];
      if (d > 0) hits++;
    }
    expect(Math.abs(hits / n - 0.5) / (0.5 / Math.sqrt(n))).toBeLessThanOrEqual(5);
  });

  it('bad input', () => {
    expectArg(() => sparseTeacher({ d: 0, nnz: 1, rng: createRng(1) }), 'd');
    expectArg(() => sparseTeacher({ d: 4, nnz: 5, rng: createRng(1) }), 'nnz');
    expectArg(() => sparseTeacher({ d: 20, nnz: 10, minAbs: 0.5, rng: createRng(1) }), 'minAbs');
    expectArg(() => sparseTeacher({ d: 20, nnz: 1, minAbs: 1.5, rng: createRng(1) }), 'minAbs');
    expectArg(() => sparseTeacher({ d: 20, nnz: 3, minAbs: -1, rng: createRng(1) }), 'minAbs');
    expectArg(() => randomInit(0, createRng(1)), 'd');
    expectArg(() => randomInit(3, createRng(1), undefined, 0), 'scale');
  });
});

describe('nets splitting (RVSM / RVSCGD)', () => {
  const base: SplittingOptions = {
    wStar: ws, k: 3, w0: w, penalty: { kind: 'l1' }, lambda: 1e-3, beta: 0.5, eta: 0.5, iterations: 50,
  };

  it('records a trace of length T + 1 starting from u⁰ = prox(w⁰)', () => {
    const r = rvsm(base);
    expect(r.stopReason).toBe('completed');
    expect(r.iterations).toBe(50);
    expect(r.trace!.lagrangian.length).toBe(51);
    const u0 = proxVector({ kind: 'l1' }, w, 1e-3 / 0.5);
    let gap = 0;
    for (let i = 0; i < 4; i++) gap += (w[i] - u0[i]) ** 2;
    const L0 = lossRelu(w, ws, 3) + 1e-3 * u0.reduce((s, x) => s + Math.abs(x), 0) + 0.25 * gap;
    expect(r.trace!.lagrangian[0]).toBeCloseTo(L0, 14);
    expect(r.trace!.angle[0]).toBeCloseTo(angle(w, ws), 14);
    expect(r.trace!.normW[0]).toBeCloseTo(norm(w), 14);
    expect(r.trace!.supportSize[0]).toBe(4);
    expect(r.trace!.step[0]).toBe(0);
    expect(r.trace!.step[1]).toBeGreaterThan(0);
    expect(r.divergedAt).toBeUndefined();
    expect(rvsm({ ...base, trace: false }).trace).toBeUndefined();
    expect(rvsm({ ...base, iterations: 0 }).w).toEqual(Float64Array.from(w));
  });

  it('stops early once a step is below stopTol', () => {
    const r = rvsm({ ...base, iterations: 10_000, stopTol: 1e-12 });
    expect(r.stopReason).toBe('converged');
    expect(r.iterations).toBeLessThan(10_000);
    expect(r.trace!.lagrangian.length).toBe(r.iterations + 1);
    expect(r.trace!.step[r.iterations]).toBeLessThanOrEqual(1e-12);
    expect(r.divergedAt).toBeUndefined();
  });

  it('a diverging run stops at the first non-finite iterate and reports it', () => {
    const r = rvsm({ ...base, eta: 1e300, iterations: 100 });
    expect(r.stopReason).toBe('non-finite');
    expect(r.divergedAt).toBeGreaterThan(0);
    expect(r.iterations).toBe(r.divergedAt);
    expect(r.w.every(Number.isFinite)).toBe(true);
    expect(r.trace!.lagrangian.length).toBe(r.divergedAt);
    expect(r.trace!.lagrangian.every(Number.isFinite)).toBe(true);
  });

  it('a run that hits w = 0 stops (an angle is needed) and reports the iteration', () => {
    // d = 1, k = 1, w⁰ = −w*: θ = π, ∇ℓ(w) = w, λ = 0 so u = w; η = 1 sends w to 0 exactly.
    const r = rvsm({ wStar: [1], k: 1, w0: [-1], penalty: { kind: 'l1' }, lambda: 0, beta: 1, eta: 1, iterations: 5 });
    expect(r.stopReason).toBe('zero-iterate');
    expect(r.divergedAt).toBe(1);
    expect(r.w[0]).toBe(-1);
  });

  it('RVSCGD keeps ‖w‖ = 1, supports the identity STE and the unnormalised variant', () => {
    const r = rvscgd({ ...base, beta: 1, eta: 1, lambda: 1e-4, iterations: 1000 });
    expect(norm(r.w)).toBeCloseTo(1, 15);
    expect(r.residual).toBeLessThan(1e-12);
    const id = rvscgd({ ...base, beta: 1, eta: 1, lambda: 1e-4, iterations: 200, ste: 'identity' });
    expect(id.angle).toBeLessThan(0.05);
    const un = rvscgd({ ...base, beta: 1, eta: 1, lambda: 1e-4, iterations: 3000, normalize: false });
    expect(norm(un.w)).toBeLessThan(0.2); // the norm collapses (note §5.4(f))
  });

  it('minibatch runs are seeded; label noise and the identity STE are accepted', () => {
    const mb = { batch: 50, pool: 100, rng: createRng(3) };
    const a = rvsm({ ...base, minibatch: mb });
    const b = rvsm({ ...base, minibatch: { ...mb, rng: createRng(3) } });
    expect(a.w).toEqual(b.w);
    const c = rvsm({ ...base, minibatch: { batch: 20, rng: createRng(4), labelNoise: 0.1 } });
    expect(c.stopReason).toBe('completed');
    const d = rvscgd({ ...base, ste: 'identity', minibatch: { batch: 20, rng: createRng(5) } });
    expect(norm(d.w)).toBeCloseTo(1, 14);
  });

  it('bad input: typed errors naming the argument', () => {
    expectArg(() => rvsm(undefined as never), 'options');
    expectArg(() => rvsm({ ...base, w0: [0, 0, 0, 0] }), 'w0');
    expectArg(() => rvsm({ ...base, w0: [1, NaN, 0, 0] }), 'w0[1]');
    expectArg(() => rvsm({ ...base, wStar: [0, 0, 0, 0] }), 'wStar');
    expectArg(() => rvsm({ ...base, wStar: [], w0: [] }), 'wStar.length (d)');
    expectArg(() => rvsm({ ...base, w0: [1, 2] }), 'w0.length');
    expectArg(() => rvsm({ ...base, k: 0 }), 'k');
    expectArg(() => rvsm({ ...base, eta: 0 }), 'eta');
    expectArg(() => rvsm({ ...base, eta: -1 }), 'eta');
    expectArg(() => rvsm({ ...base, beta: 0 }), 'beta');
    expectArg(() => rvsm({ ...base, lambda: -1e-3 }), 'lambda');
    expectArg(() => rvsm({ ...base, penalty: { kind: 'tl1', a: 0 } }), 'penalty.a');
    expectArg(() => rvsm({ ...base, penalty: { kind: 'tl1', a: -1 } }), 'penalty.a');
    expectArg(() => rvsm({ ...base, penalty: { kind: 'l2' } as never }), 'penalty');
    expectArg(() => rvsm({ ...base, iterations: -1 }), 'iterations');
    expectArg(() => rvsm({ ...base, stopTol: -1 }), 'stopTol');
    expectArg(() => rvsm({ ...base, minibatch: { batch: 0, rng: createRng(1) } }), 'minibatch.batch');
    expectArg(() => rvsm({ ...base, minibatch: { batch: 10, pool: 5, rng: createRng(1) } }), 'minibatch.pool');
    expectArg(() => rvsm({ ...base, minibatch: { batch: 10, rng: undefined as never } }), 'minibatch.rng');
    expectArg(() => rvsm({ ...base, minibatch: { batch: 10, rng: createRng(1), labelNoise: -1 } }), 'minibatch.labelNoise');
    expectArg(() => rvscgd({ ...base, ste: 'x' as never }), 'ste');
    expectArg(() => rvsm({ ...base, ordering: 'late' as never }), 'ordering');
    expectArg(() => rvsm({ ...base, lossScale: 0 }), 'lossScale');
    expectArg(() => rvsm({ ...base, lossScale: NaN }), 'lossScale');
  });

  it('orderings: same fixed point, the lagged step uses the previous threshold; lossScale rescales f and g', () => {
    const long = { ...base, iterations: 4000 };
    const u = rvsm(long);
    const g = rvsm({ ...long, ordering: 'lagged' });
    for (let i = 0; i < 4; i++) expect(g.w[i]).toBeCloseTo(u.w[i], 12);
    // After one step the two orderings differ (u⁰ = prox(w⁰) in both, but the lagged step uses u⁰ and the u-first step u¹).
    const u1 = rvsm({ ...base, iterations: 1 });
    const g1 = rvsm({ ...base, iterations: 1, ordering: 'lagged' });
    expect(u1.trace!.lagrangian[1]).toBeCloseTo(g1.trace!.lagrangian[1], 15); // u¹ = u⁰ = prox(w⁰): identical first step
    const u2 = rvsm({ ...base, iterations: 2 });
    const g2 = rvsm({ ...base, iterations: 2, ordering: 'lagged' });
    expect(Math.abs(u2.w[0] - g2.w[0])).toBeGreaterThan(0);
    // (s·f, sλ, sβ, η/s): same iterates, Lagrangian times s (RVSM and RVSCGD, minibatch included).
    const s2 = rvsm({ ...base, lossScale: 2, lambda: 2 * base.lambda, beta: 2 * base.beta, eta: base.eta / 2 });
    const s1 = rvsm(base);
    for (let i = 0; i < 4; i++) expect(s2.w[i]).toBeCloseTo(s1.w[i], 14);
    expect(s2.trace!.lagrangian[10]).toBeCloseTo(2 * s1.trace!.lagrangian[10], 14);
    const c2 = rvscgd({ ...base, lossScale: 2, lambda: 2 * base.lambda, beta: 2 * base.beta, eta: base.eta / 2 });
    const c1 = rvscgd(base);
    for (let i = 0; i < 4; i++) expect(c2.w[i]).toBeCloseTo(c1.w[i], 14);
    const m2 = rvsm({ ...base, lossScale: 2, lambda: 2 * base.lambda, beta: 2 * base.beta, eta: base.eta / 2, minibatch: { batch: 8, rng: createRng(3) } });
    const m1 = rvsm({ ...base, minibatch: { batch: 8, rng: createRng(3) } });
    for (let i = 0; i < 4; i++) expect(m2.w[i]).toBeCloseTo(m1.w[i], 12);
  });
});

describe('nets minibatch gradient', () => {
  /** The plain loops: per sample, Z_jᵀw as four interleaved partial sums, then each active c·Z_j added to out. */
  function plainBatchGradient(pool: Pool, start: number, batch: number, w: Float64Array, k: number, model: Model, ste: 'relu' | 'identity', out: Float64Array, scale: number): void {
    const d = w.length;
    const zw = new Float64Array(k);
    out.fill(0);
    let s = start;
    for (let b = 0; b < batch; b++) {
      const base = s * k * d;
      let f = 0;
      for (let j = 0; j < k; j++) {
        const o = base + j * d;
        const a4 = [0, 0, 0, 0];
        let i = 0;
        for (; i + 3 < d; i += 4) for (let r = 0; r < 4; r++) a4[r] += pool.z[o + i + r] * w[i + r];
        for (; i < d; i++) a4[0] += pool.z[o + i] * w[i];
        zw[j] = a4[0] + a4[1] + a4[2] + a4[3];
        if (zw[j] > 0) f += model === 'relu' ? zw[j] : 1;
      }
      const c = (scale * (model === 'relu' ? 2 : 1) * (f / k - pool.yStar[s])) / k;
      if (c !== 0) for (let j = 0; j < k; j++) {
        if ((model === 'relu' || ste === 'relu') && !(zw[j] > 0)) continue;
        for (let i = 0; i < d; i++) out[i] += c * pool.z[base + j * d + i];
      }
      s = (s + 1) % pool.n;
    }
    for (let i = 0; i < d; i++) out[i] /= batch;
  }

  it('the grouped minibatch gradient equals the plain loops bit for bit (k odd and even, d off multiples of 4, both models and STEs)', () => {
    let seed = 70;
    for (const [k, d, n, batch] of [[1, 1, 3, 2], [2, 4, 7, 7], [5, 20, 30, 13], [6, 7, 9, 20], [3, 9, 5, 1]]) {
      for (const [model, ste] of [['relu', 'relu'], ['binary', 'relu'], ['binary', 'identity']] as const) {
        const rng = createRng(seed++);
        const wStar = Float64Array.from({ length: d }, () => rng.normal());
        const w = Float64Array.from({ length: d }, () => rng.normal());
        const pool = makePool(n, k, d, wStar, model, rng, 0.1);
        for (const start of [0, n - 1]) {
          const a = new Float64Array(d);
          const b = new Float64Array(d);
          batchGradient(pool, start, batch, w, k, model, ste, batchWork(k), a, 0.5);
          plainBatchGradient(pool, start, batch, w, k, model, ste, b, 0.5);
          expect(Array.from(a).every((v, i) => Object.is(v, b[i]))).toBe(true);
        }
      }
    }
  });
});

describe('nets trade-off sweep', () => {
  const opts: TradeoffOptions = {
    wStar: ws, k: 3, w0: w, penalties: [{ kind: 'l1' }, { kind: 'l0' }], lambdas: [1e-4, 1e-1],
    beta: 0.5, eta: 0.5, iterations: 100, test: { n: 100, rng: createRng(1) },
  };

  it('sweeps every (penalty, λ) and finds matched sparsity', () => {
    const pts = tradeoffSweep(opts);
    expect(pts.length).toBe(4);
    expect(pts[0].nnz).toBe(2);
    expect(pts[0].supportErrors).toBe(0);
    const zero = pts.find((p) => p.nnz === 0);
    expect(zero?.angle).toBe(Math.PI / 2);
    expect(errorAtSparsity(pts, 'l0', 2).nnz).toBe(2);
    const m = matchedSparsity({ ...opts, train: { n: 30, noise: 0.01, seed: 3 } }, { kind: 'l1' }, 1, [-6, 0], 6);
    expect(m.nnz).toBeLessThanOrEqual(1);
    // Target unreachable at the top of the range: the top point is returned.
    expect(matchedSparsity(opts, { kind: 'l1' }, 0, [-6, -5], 3).lambda).toBeCloseTo(1e-5, 18);
    expect(tradeoffPoint(opts, { kind: 'l1' }, 0).nnz).toBe(4);
  });

  it('matched sparsity estimates the test loss of the returned point only, and the same as tradeoffPoint at its λ', () => {
    const o = { ...opts, train: { n: 30, noise: 0.01, seed: 3 } };
    const a = createRng(9);
    const m = matchedSparsity({ ...o, test: { n: 100, rng: a } }, { kind: 'l1' }, 1, [-6, 0], 6);
    const b = createRng(9);
    const p = tradeoffPoint({ ...o, test: { n: 100, rng: b } }, { kind: 'l1' }, m.lambda);
    expect(p).toEqual(m); // one estimate drawn from the stream, as a single point draws it
    expect(a.uniform()).toBe(b.uniform());
  });

  it('bad input', () => {
    expectArg(() => tradeoffSweep({ ...opts, penalties: [] }), 'penalties');
    expectArg(() => tradeoffSweep({ ...opts, lambdas: [-1] }), 'lambdas[0]');
    expectArg(() => tradeoffSweep({ ...opts, lambdas: 3 as never }), 'lambdas');
    expectArg(() => tradeoffSweep({ ...opts, test: { n: 1, rng: createRng(1) } }), 'test.n');
    expectArg(() => tradeoffSweep({ ...opts, train: { n: 10, seed: -1 } }), 'train.seed');
    expectArg(() => tradeoffPoint(opts, { kind: 'l1' }, -1), 'lambda');
    expectArg(() => matchedSparsity(opts, { kind: 'l1' }, -1), 'target');
    expectArg(() => errorAtSparsity([], 'l1', 3), 'penalty');
  });
});
