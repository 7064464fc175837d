/**
 * Unit tests of src/relu: arrangement enumeration, cone projection, the three
 * solvers of the convex program and their certificates, the network maps, bad input.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { ConicModel } from '../../src/conic/index.ts';
import {
  projectSimplex, vertexNeuron,
  ConeProjector, certify, convexFromNetwork, convexObjective, coverCount, coverUpperBound, enumeratePatterns, givenPatterns, maskKey,
  networkFromConvex, networkObjective, networkOutput, patternOf, patterns1dWithBias, pathNormPenalty, reluProblem, rescaleNetwork,
  samplePatterns, solveConicProgram, trainNetwork, solveFirstOrder, solveWorkingSet, withBiasColumn, zeroSolution, dualCheck, type ReluProblem,
} from '../../src/relu/index.ts';

function gaussian(n: number, d: number, seed: number): Float64Array {
  return createRng(seed).fillNormal(new Float64Array(n * d));
}

function randomProblem(n: number, d: number, seed: number, beta = 0.1, intercept = false): ReluProblem {
  const rng = createRng(seed);
  const X = rng.fillNormal(new Float64Array(n * d));
  const y = rng.fillNormal(new Float64Array(n));
  return reluProblem({ X, d, y, beta, intercept });
}

function expectArgError(f: () => unknown, part: string): InvalidArgumentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).argument).toContain(part);
    return e as InvalidArgumentError;
  }
  throw new Error(`expected an InvalidArgumentError naming ${part}`);
}

describe('relu: hyperplane arrangements', () => {
  it('exact enumeration matches Cover\'s count for generic data', () => {
    for (const [n, d, P] of [[6, 2, 12], [8, 3, 58], [10, 3, 92], [9, 5, 326], [5, 8, 32], [4, 1, 2]] as const) {
      const X = gaussian(n, d, n * 31 + d);
      const set = enumeratePatterns(X, n, d);
      expect(set.masks.length).toBe(P);
      expect(coverCount(n, Math.min(n, d))).toBe(P);
      expect(set.exact).toBe(true);
      // distinct, and each realised by its witness
      expect(new Set(set.masks.map(maskKey)).size).toBe(P);
      for (let i = 0; i < P; i++) expect(maskKey(patternOf(X, n, d, set.witnesses!.subarray(i * d, (i + 1) * d)))).toBe(maskKey(set.masks[i]));
    }
  });
  it('Cover\'s bound and small cases', () => {
    expect(coverUpperBound(8, 3)).toBeCloseTo(1531.0, 0);
    expect(coverCount(8, 3)).toBeLessThanOrEqual(coverUpperBound(8, 3));
    expect(coverCount(3, 0)).toBe(1);
    const zero = enumeratePatterns(new Float64Array(6), 3, 2);
    expect(zero.masks.length).toBe(1);
  });
  it('1-D data with a bias column: 2n patterns, the same set as the general enumeration', () => {
    const a = [0.3, -1.2, 2, 0.7, -0.1, 1.4];
    const closed = patterns1dWithBias(a);
    const general = enumeratePatterns(Float64Array.from(withBiasColumn(a).flat()), a.length, 2);
    expect(closed.masks.length).toBe(2 * a.length);
    expect(new Set(closed.masks.map(maskKey))).toEqual(new Set(general.masks.map(maskKey)));
    expectArgError(() => patterns1dWithBias([1, 2, 1]), 'a');
    expectArgError(() => patterns1dWithBias([1, NaN]), 'a[1]');
  });
  it('rank-deficient data are enumerated in the row space', () => {
    // rank 2 in ℝ³: third column = first + second
    const rng = createRng(5);
    const n = 7;
    const X = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      X[i * 3] = rng.normal();
      X[i * 3 + 1] = rng.normal();
      X[i * 3 + 2] = X[i * 3] + X[i * 3 + 1];
    }
    expect(enumeratePatterns(X, n, 3).masks.length).toBe(coverCount(n, 2));
  });
  it('sampled patterns are a subset of the exact ones and are labelled inexact', () => {
    const n = 10;
    const d = 3;
    const X = gaussian(n, d, 77);
    const exact = new Set(enumeratePatterns(X, n, d).masks.map(maskKey));
    const s = samplePatterns(X, n, d, 200, createRng(3));
    expect(s.exact).toBe(false);
    for (const m of s.masks) expect(exact.has(maskKey(m))).toBe(true);
  });
  it('degenerate and too-large data give typed errors that suggest sampling', () => {
    // three collinear points with a bias column: three hyperplanes through one ray
    const X = Float64Array.from([0, 0, 1, 1, 1, 1, 2, 2, 1, 0.3, -1, 1]);
    const e = expectArgError(() => enumeratePatterns(X, 4, 3), 'X');
    expect(e.message).toContain('samplePatterns');
    const big = gaussian(200, 6, 1);
    expect(expectArgError(() => enumeratePatterns(big, 200, 6), 'X').message).toContain('samplePatterns');
  });
  it('given patterns are validated', () => {
    expectArgError(() => givenPatterns([], 3), 'patterns');
    expectArgError(() => givenPatterns([[1, 0]], 3), 'patterns[0].length');
    expectArgError(() => givenPatterns([[1, 0, 2]], 3), 'patterns[0][2]');
    expect(givenPatterns([[1, 0, 1]], 3).masks.length).toBe(1);
  });
});

describe('relu: projection onto a pattern cone', () => {
  it('agrees with the conic solver on max gᵀu over K ∩ B₂ and returns a point of K', () => {
    const rng = createRng(11);
    const n = 8;
    const d = 3;
    const X = rng.fillNormal(new Float64Array(n * d));
    const set = enumeratePatterns(X, n, d);
    const proj = new ConeProjector(X, n, d);
    const out = new Float64Array(d);
    for (let trial = 0; trial < 12; trial++) {
      const mask = set.masks[trial * 3];
      const g = rng.fillNormal(new Float64Array(d));
      const ours = proj.project(mask, g, out);
      // feasibility of the projection
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += X[j * d + k] * out[k];
        expect((mask[j] ? s : -s)).toBeGreaterThanOrEqual(-1e-12);
      }
      const m = new ConicModel();
      const u = m.variable('u', d);
      for (let k = 0; k < d; k++) m.addObjective(u.at(k), -g[k]);
      for (let j = 0; j < n; j++) m.addLinear(Array.from({ length: d }, (_, k) => [(mask[j] ? 1 : -1) * X[j * d + k], u.at(k)] as [number, number]), '>=', 0);
      m.secondOrderCone({ constant: 1 }, Array.from({ length: d }, (_, k) => u.at(k)));
      const res = m.solve();
      expect(Math.abs(ours - Math.max(0, -res.objective))).toBeLessThan(1e-7);
    }
  });
});

describe('relu: solvers of the convex program and their certificates', () => {
  it('conic, first-order and working-set agree, each certified over all patterns', () => {
    const problem = randomProblem(6, 3, 42);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const a = solveConicProgram(problem, patterns);
    const b = solveFirstOrder(problem, patterns, { tolGap: 1e-5 });
    const c = solveWorkingSet(problem, patterns);
    const cf = solveWorkingSet(problem, patterns, { inner: 'first-order', tolGap: 1e-5 });
    for (const r of [a, b, c, cf]) {
      expect(r.status).toBe('certified');
      expect(r.certificate.scope).toBe('all-networks');
      expect(r.certificate.relGap).toBeLessThanOrEqual(r === a || r === c ? 1e-6 : 1e-5);
      expect(r.certificate.dualValue).toBeLessThanOrEqual(r.certificate.networkValue);
      expect(r.certificate.coneViolation).toBeLessThan(1e-9);
      expect(Math.abs(r.certificate.networkValue - r.certificate.convexValue)).toBeLessThan(1e-9);
    }
    const lo = Math.max(a.certificate.dualValue, b.certificate.dualValue, c.certificate.dualValue);
    const hi = Math.min(a.certificate.networkValue, b.certificate.networkValue, c.certificate.networkValue);
    expect(lo).toBeLessThanOrEqual(hi + 1e-12);
  });
  it('an intercept is fitted and the certificate centres the residual', () => {
    const problem = randomProblem(6, 2, 8, 0.2, true);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const a = solveConicProgram(problem, patterns);
    const b = solveFirstOrder(problem, patterns, { tolGap: 1e-7 });
    expect(a.status).toBe('certified');
    expect(b.status).toBe('certified');
    expect(Math.abs(a.certificate.networkValue - b.certificate.networkValue)).toBeLessThan(1e-5 * a.certificate.networkValue);
  });
  it('the gated relaxation (no cone constraints) is not certified for the network problem', () => {
    const problem = randomProblem(8, 2, 3, 0.05);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const exact = solveConicProgram(problem, patterns);
    const gated = solveConicProgram(problem, patterns, { gated: true });
    expect(gated.certificate.convexValue).toBeLessThanOrEqual(exact.certificate.networkValue + 1e-9);
    expect(gated.certificate.coneViolation).toBeGreaterThan(0);
  });
  it('limits and warm starts', () => {
    const problem = randomProblem(6, 2, 9);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const short = solveFirstOrder(problem, patterns, { maxIterations: 2, checkEvery: 1, tolGap: 0 });
    expect(short.status).toBe('max_iterations');
    expect(short.certificate.dualValue).toBeLessThanOrEqual(short.certificate.networkValue);
    const warm = solveFirstOrder(problem, patterns, { warmStart: short.solution, tolGap: 1e-6 });
    expect(warm.status).toBe('certified');
    expectArgError(() => solveFirstOrder(problem, patterns, { warmStart: zeroSolution(problem, 1) }), 'warmStart');
    const zero = certify(problem, patterns, zeroSolution(problem, patterns.masks.length));
    expect(zero.networkValue).toBeCloseTo(0.5 * problem.y.reduce((s, v) => s + v * v, 0), 12);
  });
});

describe('relu: network maps', () => {
  it('convex → network reproduces the convex objective; network → convex never exceeds the network objective', () => {
    const problem = randomProblem(7, 3, 21);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const res = solveConicProgram(problem, patterns);
    const net = networkFromConvex(problem, patterns, res.solution);
    expect(Math.abs(networkObjective(problem, net) - convexObjective(problem, patterns, res.solution))).toBeLessThan(1e-10);
    const back = convexFromNetwork(problem, net);
    expect(convexObjective(problem, back.patterns, back.solution)).toBeLessThanOrEqual(networkObjective(problem, net) + 1e-10);
  });
  it('rescaling keeps the output and turns the weight decay into the path norm', () => {
    const rng = createRng(4);
    const problem = randomProblem(5, 3, 2);
    const net = { m: 4, d: 3, U: rng.fillNormal(new Float64Array(12)), alpha: rng.fillNormal(new Float64Array(4)), c: 0 };
    const re = rescaleNetwork(net);
    const f0 = networkOutput(problem, net);
    const f1 = networkOutput(problem, re);
    for (let j = 0; j < problem.n; j++) expect(Math.abs(f0[j] - f1[j])).toBeLessThan(1e-12 * (1 + Math.abs(f0[j])));
    let wd = 0;
    for (const v of re.U) wd += v * v;
    for (const v of re.alpha) wd += v * v;
    expect(0.5 * problem.beta * wd).toBeCloseTo(pathNormPenalty(net, problem.beta), 12);
    expectArgError(() => networkOutput(problem, { ...net, d: 2 }), 'network.d');
  });
});

describe('relu: bad input gives typed errors naming the argument', () => {
  it('problem data', () => {
    expectArgError(() => reluProblem({ X: [[1, NaN]], y: [1], beta: 1 }), 'X[0][1]');
    expectArgError(() => reluProblem({ X: [[1, 2]], y: [Infinity], beta: 1 }), 'y[0]');
    expectArgError(() => reluProblem({ X: [[1, 2], [3]], y: [1, 2], beta: 1 }), 'X[1].length');
    expectArgError(() => reluProblem({ X: [[1, 2]], y: [1, 2], beta: 1 }), 'y.length');
    expectArgError(() => reluProblem({ X: [[1, 2]], y: [1], beta: 0 }), 'beta');
    expectArgError(() => reluProblem({ X: [[1, 2]], y: [1], beta: -1 }), 'beta');
    expectArgError(() => reluProblem({ X: [], y: [], beta: 1 }), 'X');
    expectArgError(() => reluProblem({ X: new Float64Array(3), y: [1], beta: 1 }), 'd');
    expectArgError(() => reluProblem({ X: new Float64Array(3), d: 2, y: [1], beta: 1 }), 'X.length');
    expectArgError(() => reluProblem({ X: [[1, 2]], d: 3, y: [1], beta: 1 }), 'd');
    expectArgError(() => reluProblem({ X: [[1, 2]], y: [1], beta: 1, intercept: 'yes' as never }), 'intercept');
    expectArgError(() => reluProblem(null as never), 'problem');
  });
  it('empty or mismatched pattern sets', () => {
    const problem = randomProblem(4, 2, 1);
    const empty = { n: 4, masks: [], exact: false, method: 'given' as const };
    expectArgError(() => solveFirstOrder(problem, empty), 'patterns');
    expectArgError(() => solveConicProgram(problem, empty), 'patterns');
    expectArgError(() => solveWorkingSet(problem, empty), 'patterns');
    expectArgError(() => certify(problem, givenPatterns([[1, 0, 1]], 3), zeroSolution(problem, 1)), 'patterns.masks[0].length');
  });
});

describe('relu: Lemma 7 helpers', () => {
  it('simplex projection and a vertex neuron', () => {
    const v = projectSimplex(Float64Array.from([0.5, 2, -1]));
    expect(v[0] + v[1] + v[2]).toBeCloseTo(1, 14);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Array.from(projectSimplex(Float64Array.from([0.2, 0.3, 0.5])))).toEqual([0.2, 0.3, 0.5].map((x) => expect.closeTo(x, 14)));
    // square corners: each corner is at distance √2/2 from the segment... of the two neighbours' hull
    const X = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1]);
    const nb = vertexNeuron(X, 4, 2, 0);
    expect(nb.residualNorm).toBeCloseTo(Math.SQRT1_2, 10);
    expect(nb.b + nb.u[0] * 0 + nb.u[1] * 0).toBeGreaterThan(0);
    expect(() => vertexNeuron(X, 4, 2, 4)).toThrow(InvalidArgumentError);
  });
});

describe('relu: non-convex baseline', () => {
  it('Adam and Armijo gradient descent end at or above the certified p* and report their objective', () => {
    const problem = randomProblem(6, 2, 13, 0.1, true);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const lower = solveConicProgram(problem, patterns).certificate.dualValue;
    for (const optimizer of ['adam', 'gd'] as const) {
      const r = trainNetwork(problem, { m: 6, rng: createRng(5), optimizer, iterations: 400 });
      expect(r.objective).toBeGreaterThanOrEqual(lower - 1e-9);
      expect(r.objective).toBeCloseTo(networkObjective(problem, r.network), 12);
      expect(r.objective).toBeLessThan(0.5 * problem.y.reduce((a, v) => a + v * v, 0) + 1e-12);
    }
    expectArgError(() => trainNetwork(problem, { m: 0, rng: createRng(1) }), 'm');
  });
});

describe('relu: working-set pruning', () => {
  it('dropping zero blocks reaches the same certified value as keeping every pattern, in fewer patterns per solve', () => {
    const problem = randomProblem(9, 3, 21, 0.1, false);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const kept = solveWorkingSet(problem, patterns, { prune: false });
    const pruned = solveWorkingSet(problem, patterns);
    expect(kept.status).toBe('certified');
    expect(pruned.status).toBe('certified');
    // both values are within their certified gaps (1e-6) of the same optimum
    expect(Math.abs(kept.certificate.networkValue - pruned.certificate.networkValue) / kept.certificate.networkValue).toBeLessThan(2e-6);
    expect(pruned.certificate.scope).toBe('all-networks');
    expectArgError(() => solveWorkingSet(problem, patterns, { prune: 'yes' as never }), 'prune');
  });
  it('the pricing bound: patterns with ‖XᵀD_i r‖ ≤ boundBelow are priced by that norm, ρ stays exact above it', () => {
    const problem = randomProblem(8, 3, 4, 0.1, false);
    const patterns = enumeratePatterns(problem.X, problem.n, problem.d);
    const r = Float64Array.from(problem.y);
    const exact = dualCheck(problem, patterns, r, undefined, { perPattern: true });
    const bounded = dualCheck(problem, patterns, r, undefined, { perPattern: true, boundBelow: exact.rho / 2 });
    expect(bounded.rho).toBe(exact.rho);
    for (let i = 0; i < patterns.masks.length; i++) {
      expect(bounded.perPattern![i]).toBeGreaterThanOrEqual(exact.perPattern![i]);
      if (bounded.perPattern![i] > exact.rho / 2) expect(bounded.perPattern![i]).toBe(exact.perPattern![i]);
    }
  });
});
