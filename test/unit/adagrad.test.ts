/**
 * Unit tests of src/adagrad: the update rules, oracles, objectives, hard functions, bounds and
 * bad-input errors (each naming its argument).
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import * as A from '../../src/adagrad/index.ts';

const argOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidArgumentError) return e.argument;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('update rules', () => {
  it('AdaGrad: first step is η g/(|g| + δ) per coordinate; then the accumulator holds the current gradient', () => {
    const g = Float64Array.from([3, -4, 0, 0.5, 2, 1]);
    const oracle = A.replayOracle(3, g);
    const P = A.diagonalQuadratic([1, 1, 1]);
    const ws: number[][] = [];
    const r = A.run(P, oracle, A.adagrad(0.5, 0.1), { T: 2, w1: [1, 2, 3], observer: (_t, w) => ws.push(Array.from(w)) });
    expect(r.status).toBe('completed');
    expect(ws[1][0]).toBeCloseTo(1 - (0.5 * 3) / (3 + 0.1), 15);
    expect(ws[1][1]).toBeCloseTo(2 + (0.5 * 4) / (4 + 0.1), 15);
    expect(ws[1][2]).toBe(3);
    expect(r.w[0]).toBeCloseTo(ws[1][0] - (0.5 * 0.5) / (Math.sqrt(9 + 0.25) + 0.1), 15);
    expect(r.w[2]).toBeCloseTo(3 - (0.5 * 1) / (1 + 0.1), 15);
  });
  it('the variants differ from the paper rule as documented', () => {
    const g = Float64Array.from([2, 1]);
    const P = A.diagonalQuadratic([1]);
    const inside = A.run(P, A.replayOracle(1, g), A.adagrad(1, 0.25, 'delta-inside-root'), { T: 2, w1: [0] });
    expect(inside.w[0]).toBeCloseTo(-2 / Math.sqrt(4 + 0.25) - 1 / Math.sqrt(5 + 0.25), 14);
    const lagged = A.run(P, A.replayOracle(1, g), A.adagrad(1, 0.25, 'lagged-accumulator'), { T: 2, w1: [0] });
    expect(lagged.w[0]).toBeCloseTo(-2 / 0.25 - 1 / (2 + 0.25), 14);
  });
  it('AdaGrad-Norm, SGD and GD', () => {
    const P = A.diagonalQuadratic([2, 1]);
    const norm = A.run(P, A.replayOracle(2, Float64Array.from([3, 4])), A.adagradNorm(1, 0), { T: 1, w1: [0, 0] });
    expect(Array.from(norm.w)).toEqual([-0.6, -0.8]);
    const gd = A.run(P, A.exactOracle(2), A.sgd(0.25), { T: 200, w1: [1, 1], target: 1e-6 });
    expect(gd.minL1).toBeLessThan(1e-6);
    expect(gd.hitTime).not.toBeNull();
    const hit = A.run(P, A.exactOracle(2), A.sgd(0.25), { T: 200, w1: [1, 1], target: 1e-3, stopAtHit: true });
    expect(hit.status).toBe('hit');
    expect(hit.steps).toBe(hit.hitTime);
    expect(hit.avgL2).toBeGreaterThan(0);
  });
  it('zero gradients with δ = 0 leave the coordinate in place (no 0/0)', () => {
    const r = A.run(A.diagonalQuadratic([1]), A.replayOracle(1, Float64Array.from([0, 0, 1])), A.adagrad(1, 0), { T: 3, w1: [0] });
    expect(Array.from(r.w)).toEqual([-1]);
    const rn = A.run(A.diagonalQuadratic([1]), A.replayOracle(1, Float64Array.from([0])), A.adagradNorm(1, 0), { T: 1, w1: [0] });
    expect(Array.from(rn.w)).toEqual([0]);
  });
  it('a diverging run stops and reports the step, with finite results', () => {
    const r = A.run(A.diagonalQuadratic([1]), A.exactOracle(1), A.sgd(3), { T: 1000, w1: [1] });
    expect(r.status).toBe('diverged');
    expect(r.divergedAt).toBeGreaterThan(100);
    expect(Number.isFinite(r.avgL1) && Number.isFinite(r.minL1) && Number.isFinite(r.w[0])).toBe(true);
    const lag = A.run(A.diagonalQuadratic([1]), A.exactOracle(1), A.adagrad(1, 0, 'lagged-accumulator'), { T: 10, w1: [1] });
    expect(lag.status).toBe('diverged');
    expect(lag.divergedAt).toBe(1);
    expect(lag.w[0]).toBe(1);
    const inf = A.run(A.separableSum([{ p: { value: () => 0, deriv: () => Infinity, curvature: 1, infimum: 0 }, a: 1, b: 1 }]), A.exactOracle(1), A.sgd(1), { T: 3, w1: [0] });
    expect(inf.status).toBe('diverged');
    expect(inf.divergedAt).toBe(1);
    expect(inf.steps).toBe(0);
  });
});

describe('oracles', () => {
  it('Gaussian oracle: mean ∇F, variance σ², exact where σ_i = 0', () => {
    const o = A.gaussianOracle([2, 0]);
    const rng = createRng(5);
    const out = new Float64Array(2);
    let m = 0;
    let v = 0;
    const n = 20000;
    for (let k = 0; k < n; k++) {
      o.sample(1, out, Float64Array.from([1, 3]), out, rng);
      expect(out[1]).toBe(3);
      m += out[0] / n;
      v += (out[0] - 1) ** 2 / n;
    }
    expect(Math.abs(m - 1)).toBeLessThan(5 * (2 / Math.sqrt(n)));
    expect(Math.abs(v - 4)).toBeLessThan(0.2);
  });
  it('two-point oracle: law (1 + σ²/ε²)∇ w.p. ε²/(σ² + ε²), unbiased with variance σ² at |∇| = ε', () => {
    const o = A.twoPointOracle([0.5, 0], [0.2, 1]);
    const law = o.law(0, -0.2);
    expect(law.probability * law.value).toBeCloseTo(-0.2, 15);
    expect(law.probability * law.value ** 2 - 0.04).toBeCloseTo(0.25, 14);
    const rng = createRng(1);
    const out = new Float64Array(2);
    let moves = 0;
    for (let k = 0; k < 1000; k++) {
      o.sample(1, out, Float64Array.from([-0.2, 7]), out, rng);
      expect(out[1]).toBe(7);
      if (out[0] !== 0) {
        moves++;
        expect(out[0]).toBeCloseTo(law.value, 15);
      }
    }
    expect(Math.abs(moves / 1000 - law.probability)).toBeLessThan(0.05);
  });
  it('replay oracle refuses to run past its data', () => {
    expect(argOf(() => A.run(A.diagonalQuadratic([1]), A.replayOracle(1, Float64Array.from([1])), A.sgd(1), { T: 2, w1: [0] }))).toBe('t');
  });
});

describe('objectives', () => {
  it('separable φ family: value, gradient, L = 1.3c, F* = −0.3Σc', () => {
    const P = A.separablePhi([1, 0.1]);
    expect(Array.from(P.L)).toEqual([1.3, 0.13]);
    expect(P.infimum).toBeCloseTo(-0.33, 15);
    expect(P.value([0, 0])).toBeCloseTo(-0.33, 15);
    const g = new Float64Array(2);
    P.gradient([5, 5], g);
    expect(g[0]).toBeCloseTo(0.692903, 5);
    const h = 1e-6;
    expect((P.value([5 + h, 5]) - P.value([5 - h, 5])) / (2 * h)).toBeCloseTo(g[0], 8);
  });
  it('diagonal quadratic with a centre', () => {
    const P = A.diagonalQuadratic([2, 4], [1, -1]);
    expect(P.value([1, -1])).toBe(0);
    expect(P.value([2, 0])).toBe(3);
    const g = new Float64Array(2);
    P.gradient([2, 0], g);
    expect(Array.from(g)).toEqual([2, 4]);
  });
});

describe('hard functions', () => {
  it('Lemma 14 chain: slope −ε at every point, continuous, 1-Lipschitz derivative, exact infimum', () => {
    const pts = [0.3, -1, 2, 0.3, 0.5, 5];
    const p = A.bumpChain(pts, 0.4, 1);
    for (const x of pts) expect(p.deriv(x)).toBeCloseTo(-0.4, 15);
    let inf = Infinity;
    let lip = 0;
    for (let k = -3000; k <= 9000; k++) {
      const x = k * 1e-3;
      inf = Math.min(inf, p.value(x));
      lip = Math.max(lip, Math.abs(p.deriv(x + 1e-3) - p.deriv(x)) / 1e-3);
      expect(Math.abs(p.value(x + 1e-7) - p.value(x))).toBeLessThan(1e-6);
    }
    expect(lip).toBeLessThanOrEqual(1 + 1e-9);
    expect(Math.abs(inf - p.infimum)).toBeLessThan(1e-6);
    expect(p.infimum).toBeLessThanOrEqual(inf);
    expect(Array.from(p.knots)).toEqual([0.3, 0.5, 2, 5]);
  });
  it('huber, mirror, rescale', () => {
    const h = A.huber(2, 1);
    expect(h.value(0.5)).toBe(0.25);
    expect(h.value(2)).toBe(1.75);
    expect(h.deriv(-3)).toBe(-1);
    const m = A.mirror(h);
    expect(m.deriv(3)).toBe(1); // huber is even: the mirror keeps it
    const r = A.rescale(h, 2, 3);
    expect(r.curvature).toBe(36);
    expect(r.deriv(1)).toBe(6);
  });
  it('Theorem 6 instance: per-coordinate cases and the sum of Lemma 19 bounds', () => {
    const inst = A.theorem6Instance([4, 1, 0.01], [0, 0.5, 0.01], 3, 0.6, 100);
    expect(inst.pieces.map((p) => p.which)).toEqual(['large-step', 'construction-I', 'construction-II']);
    expect(inst.bound).toBeCloseTo(A.theorem6PerEta([4, 1, 0.01], [0, 0.5, 0.01], 3, 100, 0.6), 14);
  });
  it('resisting oracle: capacity, answer, and a built function matching the answers', () => {
    const ro = A.resistingOracle('theorem5', [1, 2], 1, 0.5);
    expect(ro.capacity).toBe(Math.floor(3 / 0.25 + 0.5));
    A.run(ro.problem, A.exactOracle(2), A.sgd(0.3), { T: 5, w1: [0, 0] });
    expect(ro.count()).toBe(5);
    const { problem, gap } = ro.build();
    expect(gap).toBeLessThanOrEqual(1);
    const g = new Float64Array(2);
    problem.gradient([0, 0], g);
    expect(g[0]).toBeCloseTo(0.5 / 3, 14);
    expect(g[1]).toBeCloseTo(1 / 3, 14);
    expect(argOf(() => A.run(ro.problem, A.exactOracle(2), A.sgd(0.3), { T: 20, w1: [0, 0] }))).toBe('queries');
    const r1 = A.resistingOracle('theorem1', [1, 2], 1, 0.5);
    expect(Array.from(r1.answer)).toEqual([0, 0.5]);
    expect(argOf(() => r1.build())).toBe('queries');
    expect(r1.problem.value([0, 0])).toBeNaN();
  });
});

describe('bounds', () => {
  it('ϕ, ϕ̃, R and the Hölder constant on small cases', () => {
    expect(A.phi([1, 0, 0, 0])).toBe(0.25);
    expect(A.phi([1, 1])).toBe(1);
    expect(A.phiTilde([2, 1])).toBe(0.75);
    expect(A.alignment([1, 2], [1, 4])).toBeCloseTo(1, 15);
    expect(A.holderConstant([1, 1], [1, 1])).toBeCloseTo(8, 13);
    expect(A.norm2([3, 4])).toBe(5);
  });
  it('Theorem 2 bound reproduces a hand-computed configuration', () => {
    const b = A.theorem2Bound({ L: [1.3, 0.13], sigma: [0.5, 0], eta: 1, delta: 0.25, T: 10, DeltaF: 2, grad1Inf: 0.7 });
    const logH = Math.log(1 + (10 * 0.25) / 0.0625 + (10 * (0.7 + Math.sqrt(1.3 * 1.43) * 10) ** 2) / 0.0625);
    expect(b.logH).toBeCloseTo(logH, 12);
    expect(b.Q).toBeCloseTo(2 + (1 + 1.43 / 2) * logH, 12);
  });
  it('Lemma 12, Lemma 19 cases, Theorem 6, Corollary 17, complexities', () => {
    const l = A.lemma12([1, 0, 4, 2], 0.5);
    expect(l.sum).toBeLessThanOrEqual(l.bound);
    expect(A.lemma19Bound(1, 1, 1, 3, 10).which).toBe('large-step');
    expect(A.lemma19Bound(1, 1, 1, 0.5, 10).value).toBeCloseTo(0.5, 15);
    expect(A.lemma19Bound(1, 1, 0, 0.5, 10).which).toBe('construction-II');
    const t6 = A.theorem6Bound([1, 1e-3, 1e-3], [0.5, 0, 0], 4, 1e4);
    expect(t6.value).toBe(Math.min(t6.first, t6.second));
    expect(A.corollary17(1, 1, 0, 100)).toBeCloseTo(Math.sqrt(Math.log(201) / 100) / 32, 15);
    expect(A.corollary17(1, 1, 1, 100)).toBeGreaterThan(0);
    const c = A.complexityTerms([1, 1e-9, 1e-9], [1, 0, 0], 1, 0.1);
    expect(c.noiselessGain).toBeCloseTo(3, 6);
    expect(c.noiseGain).toBeCloseTo(3, 6);
    expect(A.complexityTerms([1, 1], [0, 0], 1, 0.1).noiseGain).toBeNaN();
    expect(A.adagradQueryPoints(2, 3)[2]).toBeCloseTo(2 + 2 / Math.SQRT2, 15);
    expect(A.lemma15SlopeCap(1, 1)).toBe(0.25);
  });
});

describe('bad input: typed errors naming the argument', () => {
  const P = A.diagonalQuadratic([1, 2]);
  const o = A.exactOracle(2);
  it.each([
    ['eta', () => A.run(P, o, A.adagrad(0, 0.1), { T: 1, w1: [0, 0] })],
    ['eta', () => A.run(P, o, A.sgd(-1), { T: 1, w1: [0, 0] })],
    ['delta', () => A.run(P, o, A.adagrad(1, -0.1), { T: 1, w1: [0, 0] })],
    ['delta', () => A.run(P, o, A.adagradNorm(1, NaN), { T: 1, w1: [0, 0] })],
    ['variant', () => A.run(P, o, A.adagrad(1, 0.1, 'other' as never), { T: 1, w1: [0, 0] })],
    ['method.kind', () => A.run(P, o, { kind: 'adam' } as never, { T: 1, w1: [0, 0] })],
    ['T', () => A.run(P, o, A.sgd(1), { T: 0, w1: [0, 0] })],
    ['w1.length', () => A.run(P, o, A.sgd(1), { T: 1, w1: [0] })],
    ['oracle.sigma.length', () => A.run(P, A.exactOracle(3), A.sgd(1), { T: 1, w1: [0, 0] })],
    ['target', () => A.run(P, o, A.sgd(1), { T: 1, w1: [0, 0], target: -1 })],
    ['h[1]', () => A.diagonalQuadratic([1, 0])],
    ['h.length', () => A.diagonalQuadratic([])],
    ['c[0]', () => A.separablePhi([-1])],
    ['center.length', () => A.diagonalQuadratic([1], [0, 0])],
    ['sigma[0]', () => A.gaussianOracle([-0.1])],
    ['eps.length', () => A.twoPointOracle([1, 1], [1])],
    ['d', () => A.exactOracle(0)],
    ['d', () => A.replayOracle(0, new Float64Array(1))],
    ['gradients.length', () => A.replayOracle(2, new Float64Array(3))],
    ['L[0]', () => A.theorem2Bound({ L: [0], sigma: [0], eta: 1, delta: 0.1, T: 1, DeltaF: 1, grad1Inf: 1 })],
    ['sigma.length', () => A.theorem2Bound({ L: [1], sigma: [0, 0], eta: 1, delta: 0.1, T: 1, DeltaF: 1, grad1Inf: 1 })],
    ['T', () => A.theorem2Bound({ L: [1], sigma: [0], eta: 1, delta: 0.1, T: 0.5, DeltaF: 1, grad1Inf: 1 })],
    ['v', () => A.phi([0, 0])],
    ['sigma', () => A.alignment([0, 0], [1, 1])],
    ['slope', () => A.bumpChain([0], 0)],
    ['points.length', () => A.bumpChain([], 1)],
    ['points[1]', () => A.bumpChain([0, NaN], 1)],
    ['eps', () => A.lemma16Instance(0.1, 1, 1)],
    ['eps', () => A.resistingOracle('theorem1', [1], 1, 10)],
    ['pieces[0].a', () => A.separableSum([{ p: A.phiScalar, a: 0, b: 1 }])],
    ['d', () => A.separableSum([])],
  ])('%s', (name, f) => {
    expect(argOf(f)).toBe(name);
  });
});

describe('Theorem 4 instance', () => {
  it('rescaled Lemma 16 pieces: smoothness L, gap ≤ Δ, slope 2ε√(LΔ) at AdaGrad\'s first points, bad ε named', () => {
    const inst = A.theorem4Instance([2, 0.5], [0.5, 0.3], [0.03, 0.04], 3, 0.7);
    expect(inst.problem.L[0]).toBeCloseTo(2, 12);
    expect(inst.problem.L[1]).toBeCloseTo(0.5, 12);
    expect(inst.problem.value([0, 0]) - inst.problem.infimum).toBeLessThanOrEqual(3);
    const g = new Float64Array(2);
    inst.problem.gradient([0, 0], g);
    expect(-g[0]).toBeCloseTo(inst.coords[0].slope, 14);
    expect(inst.T).toBe(Math.min(inst.coords[0].T, inst.coords[1].T));
    expect(argOf(() => A.theorem4Instance([1], [1], [0.1], 1, 1))).toBe('eps');
  });
});
