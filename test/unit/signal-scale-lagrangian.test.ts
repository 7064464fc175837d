import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import {
  getSegmentSolver,
  lagrangianDecomposition,
  lagrangianDecompositionSync,
  lagrangianSteps,
  pathPenaltyObjective,
  SegmentSolveError,
  segmentStarts,
  solveChainBlock,
  validateSegment,
  type SegmentProblem,
  type SegmentSolver,
} from '../../src/signal/lagrangian/index.ts';
import { segmentSolvers } from '../fixtures/faulty-blocks.ts';

const FAULTY = new URL('../fixtures/faulty-blocks.ts', import.meta.url).href;

function instance(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.max(0, Math.sin((i * 6) / n) * 0.8 + 0.15 * rng.normal());
  let mx = 0;
  for (const v of y) mx = Math.max(mx, v);
  for (let i = 0; i < n; i++) y[i] /= mx;
  return y;
}

/** Slow reference for a chain block: projected gradient to high accuracy. */
function projectedGradient(kind: 'l1' | 'persp', p: SegmentProblem): number {
  const n = p.y.length;
  const x = new Float64Array(n);
  const sk = Math.sqrt(p.kappa);
  const phi = (v: number): number =>
    kind === 'l1' ? v * v + (p.kappa / p.u) * v : p.u >= sk ? (v <= sk ? 2 * sk * v : v * v + p.kappa) : (p.u + p.kappa / p.u) * v;
  const dphi = (v: number): number =>
    kind === 'l1' ? 2 * v + p.kappa / p.u : p.u >= sk ? (v <= sk ? 2 * sk : 2 * v) : p.u + p.kappa / p.u;
  const F = (): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      f += p.y[i] * p.y[i] - 2 * p.y[i] * x[i] + p.mu1 * x[i] + phi(x[i]);
      if (i > 0) f += p.lambda * (x[i] - x[i - 1]) ** 2;
    }
    return f + p.cFirst * x[0] + p.cLast * x[n - 1];
  };
  const L = 2 + 8 * p.lambda;
  for (let it = 0; it < 20000; it++) {
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      g[i] = -2 * p.y[i] + p.mu1 + dphi(x[i]) + (i > 0 ? 2 * p.lambda * (x[i] - x[i - 1]) : 0) + (i < n - 1 ? 2 * p.lambda * (x[i] - x[i + 1]) : 0);
    }
    g[0] += p.cFirst;
    g[n - 1] += p.cLast;
    for (let i = 0; i < n; i++) x[i] = Math.min(p.u, Math.max(0, x[i] - g[i] / L));
  }
  return F();
}

describe('segments and validation', () => {
  it('breakpoints ℓ_j = 1 + (j−1)⌊n/m⌋, last block takes the remainder', () => {
    expect(Array.from(segmentStarts(10, 3))).toEqual([0, 3, 6, 10]);
    expect(Array.from(segmentStarts(5, 5))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(segmentStarts(7, 1))).toEqual([0, 7]);
  });
  const y = instance(20, 1);
  it('rejects m > n, m < 1, non-integer m, λ ≤ 0, κ < 0, negative y, y = 0', () => {
    const bad: [object, object][] = [
      [{ y, lambda: 0.3, kappa: 0.1 }, { m: 21 }],
      [{ y, lambda: 0.3, kappa: 0.1 }, { m: 0 }],
      [{ y, lambda: 0.3, kappa: 0.1 }, { m: 2.5 }],
      [{ y, lambda: 0, kappa: 0.1 }, { m: 2 }],
      [{ y, lambda: -1, kappa: 0.1 }, { m: 2 }],
      [{ y, lambda: 0.3, kappa: -0.1 }, { m: 2 }],
      [{ y: [0.5, -0.1], lambda: 0.3, kappa: 0.1 }, { m: 1 }],
      [{ y: [0, 0], lambda: 0.3, kappa: 0.1 }, { m: 1 }],
      [{ y: [], lambda: 0.3, kappa: 0.1 }, { m: 1 }],
      [{ y, lambda: 0.3, kappa: 0.1 }, { m: 2, eps: 0 }],
      [{ y, lambda: 0.3, kappa: 0.1 }, { m: 2, hMax: 0 }],
      [null as unknown as object, { m: 2 }],
      [{ y, lambda: 0.3, kappa: 0.1 }, null as unknown as object],
    ];
    for (const [p, o] of bad) {
      expect(() => lagrangianDecompositionSync(p as never, o as never, getSegmentSolver('l1'))).toThrow(InvalidArgumentError);
    }
    expect(() => segmentStarts(3, 4)).toThrow(/m = 4/);
    expect(() => getSegmentSolver('nope')).toThrow(InvalidArgumentError);
    expect(() => lagrangianDecompositionSync({ y, lambda: 1, kappa: 0 }, { m: 1 }, 3 as never)).toThrow(InvalidArgumentError);
  });
  it('the async driver rejects bad input before starting workers', async () => {
    await expect(lagrangianDecomposition({ y, lambda: 0.3, kappa: 0.1 }, { m: 21, solver: 'l1', jobs: 2 })).rejects.toThrow(InvalidArgumentError);
    await expect(lagrangianDecomposition({ y, lambda: 0.3, kappa: 0.1 }, { m: 2, solver: 'l1', jobs: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(lagrangianDecomposition({ y, lambda: 0, kappa: 0.1 }, { m: 2, solver: 'l1', jobs: 0 })).rejects.toThrow(InvalidArgumentError);
  });
  it('validates block problems', () => {
    const p: SegmentProblem = { index: 0, y: new Float64Array([0.2]), lambda: 1, kappa: 0, mu1: 0, u: 1, cFirst: 0, cLast: 0 };
    expect(validateSegment(p)).toBe(p);
    expect(() => validateSegment({ ...p, u: 0 })).toThrow(InvalidArgumentError);
    expect(() => validateSegment({ ...p, cFirst: NaN })).toThrow(InvalidArgumentError);
    expect(() => validateSegment({ ...p, y: new Float64Array(0) })).toThrow(InvalidArgumentError);
  });
});

describe('chain block solvers (stand-ins)', () => {
  it('match a slow projected-gradient reference; value is a certified lower bound', () => {
    const rng = createRng(7);
    for (let t = 0; t < 12; t++) {
      const n = 3 + rng.int(12);
      const y = new Float64Array(n).map(() => rng.uniform());
      const p: SegmentProblem = {
        index: 0, y, lambda: 0.05 + 2 * rng.uniform(), kappa: t % 4 === 3 ? 2 : 0.3 * rng.uniform(), mu1: t % 3 === 0 ? 0.1 : 0,
        u: 1, cFirst: rng.normal() * 0.5, cLast: rng.normal() * 0.5,
      };
      for (const kind of ['l1', 'persp'] as const) {
        const r = solveChainBlock(kind, p);
        const ref = projectedGradient(kind, p);
        expect(r.value).toBeLessThanOrEqual(ref + 1e-9);
        expect(ref - r.value).toBeLessThan(1e-7 * Math.max(1, Math.abs(ref)));
      }
    }
  });
  it('single-node blocks work (no smoothing edge)', () => {
    const p: SegmentProblem = { index: 0, y: new Float64Array([0.6]), lambda: 1, kappa: 0.04, mu1: 0, u: 1, cFirst: 0.1, cLast: 0 };
    const r = solveChainBlock('persp', p);
    expect(r.value).toBeCloseTo(projectedGradient('persp', p), 8);
  });
});

describe('Lagrangian decomposition', () => {
  const y = instance(400, 3);
  const problem = { y, lambda: 0.5, kappa: 0.02 };
  it('m = 1: one evaluation, one subproblem, equals the whole-path block value', () => {
    const r = lagrangianDecompositionSync(problem, { m: 1 }, getSegmentSolver('l1'));
    expect(r.iterations).toBe(1);
    expect(r.subproblems).toBe(1);
    expect(r.converged).toBe(true);
    const full = solveChainBlock('l1', { index: 0, y, lambda: 0.5, kappa: 0.02, mu1: 0, u: 1, cFirst: 0, cLast: 0 });
    expect(r.lowerBound).toBe(full.value);
  });
  it('with l1 / persp blocks the dual converges to the whole-path relaxation (no edge is strengthened)', () => {
    for (const kind of ['l1', 'persp'] as const) {
      const full = solveChainBlock(kind, { index: 0, y, lambda: 0.5, kappa: 0.02, mu1: 0, u: 1, cFirst: 0, cLast: 0 }).value;
      for (const m of [4, 40]) {
        const r = lagrangianDecompositionSync(problem, { m, hMax: 300 }, getSegmentSolver(kind));
        expect(r.lowerBound).toBeLessThanOrEqual(full + 1e-9);
        expect(full - r.lowerBound).toBeLessThan(1e-4 * full);
        expect(r.subproblems).toBe(m + r.resolves);
        expect(r.trace.length).toBe(r.iterations);
        expect(r.upperBound).toBeGreaterThanOrEqual(r.lowerBound);
        expect(r.upperBound).toBeCloseTo(pathPenaltyObjective(y, r.xUpper, 0.5, 0.02), 10);
        expect(r.gamma.length).toBe(m - 1);
      }
    }
  });
  it('zero data at every boundary: no multiplier moves, #iter = 1, #sub = m', () => {
    const yz = new Float64Array(100);
    for (let i = 0; i < 100; i++) if (i % 25 >= 5 && i % 25 <= 20) yz[i] = 0.5 + 0.4 * Math.sin(i);
    const r = lagrangianDecompositionSync({ y: yz, lambda: 0.3, kappa: 0.01 }, { m: 4 }, getSegmentSolver('persp'));
    expect(r.iterations).toBe(1);
    expect(r.subproblems).toBe(4);
    expect(r.resolves).toBe(0);
  });
  it('h_max stops early and counts re-solves', () => {
    const r = lagrangianDecompositionSync(problem, { m: 40, hMax: 2, eps: 1e-12 }, getSegmentSolver('l1'));
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
    expect(r.resolves).toBeGreaterThan(0);
    expect(r.resolves).toBeLessThanOrEqual(40);
  });
  it('the generator rejects a wrong number of block results', () => {
    const g = lagrangianSteps(problem, { m: 3 });
    g.next();
    expect(() => g.next([])).toThrow(/expected 3 block results/);
  });
  it('results do not depend on the number of workers (0, 1, 2)', async () => {
    const runs = await Promise.all([0, 1, 2].map((jobs) => lagrangianDecomposition(problem, { m: 20, solver: 'persp', jobs })));
    for (const r of runs.slice(1)) {
      expect(Array.from(r.x)).toEqual(Array.from(runs[0].x));
      expect(r.lowerBound).toBe(runs[0].lowerBound);
      expect(r.iterations).toBe(runs[0].iterations);
      expect(r.subproblems).toBe(runs[0].subproblems);
      expect(Array.from(r.gamma)).toEqual(Array.from(runs[0].gamma));
    }
  });
  it('a failing block is reported with its index and multipliers — in-thread and in workers', async () => {
    expect(() => lagrangianDecompositionSync(problem, { m: 10 }, segmentSolvers['test-throw'])).toThrow(SegmentSolveError);
    for (const [solver, re] of [
      ['test-throw', /injected fault/],
      ['test-exit', /exited with code 7/],
      ['test-hang', /exceeded 1500 ms/],
    ] as const) {
      const err = await lagrangianDecomposition(problem, { m: 10, solver, solverModule: FAULTY, jobs: 2, taskTimeoutMs: 1500 }).catch((e) => e);
      expect(err).toBeInstanceOf(SegmentSolveError);
      expect(err.segment).toBe(1);
      expect(err.gammaLeft).not.toBe(0);
      expect(err.message).toMatch(re);
      expect(err.message).toMatch(/block subproblem 1 failed \(γ_left = [-0-9.e]+, γ_right = [-0-9.e]+\)/);
    }
  });
});

describe('re-solve tolerance xiTol (ours, off by default)', () => {
  // persp blocks whose zero entries come back as 1e-12 or 2e-12 (alternating by block), as an
  // interior-point block solver returns them: noise at every boundary inside a zero region
  const noisy: SegmentSolver = (p) => {
    const r = solveChainBlock('persp', p);
    return { ...r, x: Float64Array.from(r.x, (v) => (v === 0 ? 1e-12 * (1 + (p.index % 2)) : v)) };
  };
  const y = instance(400, 3); // its second half is mostly 0
  const problem = { y, lambda: 0.3, kappa: 0.05 };

  it('compared exactly, boundary noise re-solves blocks; with xiTol it does not, and the bound and estimate agree', () => {
    const exact = lagrangianDecompositionSync(problem, { m: 10, hMax: 30 }, noisy);
    const tol = lagrangianDecompositionSync(problem, { m: 10, hMax: 30, xiTol: 1e-9 }, noisy);
    expect(tol.resolves).toBeLessThan(exact.resolves);
    for (const r of [exact, tol]) expect(r.lowerBound).toBeLessThanOrEqual(r.upperBound * (1 + 1e-12));
    // the noise moves γ by ~1e-12 per step: bounds and estimates differ only at that level
    expect(Math.abs(tol.lowerBound - exact.lowerBound)).toBeLessThanOrEqual(1e-9 * Math.abs(exact.lowerBound));
    for (let i = 0; i < y.length; i++) expect(Math.abs(tol.x[i] - exact.x[i])).toBeLessThanOrEqual(1e-8);
    // without noise (exact zeros) the tolerance changes nothing
    const clean = (p: SegmentProblem) => solveChainBlock('persp', p);
    const a = lagrangianDecompositionSync(problem, { m: 10, hMax: 30 }, clean);
    const b = lagrangianDecompositionSync(problem, { m: 10, hMax: 30, xiTol: 1e-9 }, clean);
    expect([b.resolves, b.iterations, b.lowerBound]).toEqual([a.resolves, a.iterations, a.lowerBound]);
  });

  it('refuses a negative or non-finite xiTol, naming it', () => {
    for (const xiTol of [-1e-9, Number.NaN]) {
      expect(() => lagrangianDecompositionSync(problem, { m: 10, xiTol }, noisy)).toThrow(/xiTol/);
      expect(() => lagrangianDecompositionSync(problem, { m: 10, xiTol }, noisy)).toThrow(InvalidArgumentError);
    }
  });
});
