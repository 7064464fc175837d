/**
 * Unit tests of the signal model, the exact solvers' argument handling, the generator, the
 * heuristic and the factor-width decomposition (bad input, priors, ℓ1, grids).
 */
import { describe, expect, it } from 'vitest';
import * as math from 'mathjs';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import {
  buildQ,
  denseQ,
  edgeGraph,
  gap42,
  gridGraph,
  objective,
  pathGraph,
  priors43,
  signalProblem,
  smoothness,
  supportSolution,
  supportSolutionNonneg,
  supportValue,
  toMask,
  validateY,
  zFeasible,
} from '../../src/signal/model.ts';
import { bruteForce } from '../../src/signal/exact/brute-force.ts';
import { pathExactCardinality, pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { factorWidthTwo, choleskySolve } from '../../src/signal/exact/factor-width.ts';
import { pathCardinalityBounds } from '../../src/signal/exact/cardinality-lagrangian.ts';
import { pathExactCardinalityLarge } from '../../src/signal/exact/cardinality-exact.ts';
import { generateSpikes, runCount, snr } from '../../src/signal/generator.ts';
import { heuristicGap, thresholdHeuristic, thresholdRefit } from '../../src/signal/heuristic.ts';

const bad = (f: () => unknown, arg: string | RegExp): void => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    if (typeof arg === 'string') expect((e as InvalidArgumentError).argument).toBe(arg);
    else expect((e as Error).message).toMatch(arg);
    return;
  }
  throw new Error('expected an InvalidArgumentError');
};

describe('signal model: validation', () => {
  it('rejects negative y with a message saying the model needs y ≥ 0', () => {
    bad(() => signalProblem({ y: [0.2, -0.1] }), /y ∈ ℝⁿ₊/);
    bad(() => signalProblem({ y: [0.2, -0.1] }), 'y[1]');
  });
  it('rejects non-finite, empty or non-array y', () => {
    bad(() => signalProblem({ y: [0.2, NaN] }), 'y[1]');
    bad(() => signalProblem({ y: [Infinity] }), 'y[0]');
    bad(() => signalProblem({ y: [] }), 'y.length');
    bad(() => validateY('abc'), 'y');
    bad(() => signalProblem(null as never), 'input');
  });
  it('rejects bad λ, μ, ν, k', () => {
    bad(() => signalProblem({ y: [1], lambda: 0 }), 'lambda');
    bad(() => signalProblem({ y: [1], lambda: -1 }), 'lambda');
    bad(() => signalProblem({ y: [1], mu: -1 }), 'mu');
    bad(() => signalProblem({ y: [1], l1: -0.1 }), 'l1');
    bad(() => signalProblem({ y: [1, 2], k: 3 }), 'k');
    bad(() => signalProblem({ y: [1, 2], k: 1.5 }), 'k');
  });
  it('rejects bad graphs: wrong size, self-loops, out-of-range edges, malformed', () => {
    bad(() => signalProblem({ y: [1, 2], graph: pathGraph(3) }), 'graph.n');
    bad(() => edgeGraph(3, [[0, 0]]), 'edges[0]');
    bad(() => edgeGraph(3, [[0, 3]]), 'edges[0][1]');
    bad(() => edgeGraph(3, [[0] as unknown as [number, number]]), 'edges[0]');
    bad(() => edgeGraph(3, 'x' as never), 'edges');
    bad(() => pathGraph(0), 'n');
    bad(() => gridGraph(0, 2), 'rows');
    bad(() => signalProblem({ y: [1, 2, 3], graph: { n: 3, kind: 'general', edges: [[0, 5]] } }), 'edges[0][1]');
  });
  it('rejects malformed priors', () => {
    bad(() => signalProblem({ y: [1, 2], priors: 'x' as never }), 'priors');
    bad(() => signalProblem({ y: [1, 2], priors: [null as never] }), 'priors[0]');
    bad(() => signalProblem({ y: [1, 2], priors: [{ kind: 'other' } as never] }), 'priors[0].kind');
    bad(() => signalProblem({ y: [1, 2], priors: [{ kind: 'linear', terms: 'x', sense: '<=', rhs: 1 } as never] }), 'priors[0].terms');
    bad(() => signalProblem({ y: [1, 2], priors: [{ kind: 'linear', terms: [{ index: 2, coef: 1 }], sense: '<=', rhs: 1 }] }), 'priors[0].terms[0].index');
    bad(() => signalProblem({ y: [1, 2], priors: [{ kind: 'linear', terms: [], sense: '<' as never, rhs: 1 }] }), 'priors[0].sense');
    bad(() => signalProblem({ y: [1, 2], priors: [{ kind: 'switches', max: -1 }] }), 'priors[0].max');
  });
});

describe('signal model: structure', () => {
  it('builds Q = I + λL for path, grid and edge-list graphs', () => {
    const p = signalProblem({ y: [1, 0, 0.5], lambda: 2 });
    expect(denseQ(p)).toEqual([
      [3, -2, 0],
      [-2, 5, -2],
      [0, -2, 3],
    ]);
    const g = gridGraph(2, 3);
    expect(g.edges.length).toBe(7);
    expect(g.n).toBe(6);
    const eg = edgeGraph(3, [[1, 0], [0, 1], [2, 1]]);
    expect(eg.kind).toBe('path');
    expect(eg.edges).toEqual([[0, 1], [1, 2]]);
    expect(edgeGraph(3, [[0, 2]]).kind).toBe('general');
    // a grid with one row is a path
    expect(signalProblem({ y: [1, 1, 1], graph: gridGraph(1, 3) }).graph.kind).toBe('path');
    expect(signalProblem({ y: [1, 1, 1, 1], graph: gridGraph(2, 2) }).graph.kind).toBe('grid');
    const q = buildQ(signalProblem({ y: [1, 1, 1, 1], graph: gridGraph(2, 2), lambda: 0.5 }));
    expect(Array.from(q.diag)).toEqual([2, 2, 2, 2]);
  });

  it('objective includes ‖y‖² and the optional terms', () => {
    const p = signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5, l1: 0.2 });
    const x = [0, 0.5, 0.5];
    const expected = 0.09 + 0.04 + 0.25 + 1 * (0.25 + 0) + 0.5 * 2 + 0.2 * 1;
    expect(objective(p, x)).toBeCloseTo(expected, 14);
    expect(objective(p, x, [1, 1, 1])).toBeCloseTo(expected + 0.5, 14);
    expect(smoothness(p, x)).toBeCloseTo(0.25, 15);
    bad(() => objective(p, [1]), 'x.length');
    bad(() => objective(p, x, [1]), 'z.length');
  });

  it('Example 2 support solution (0.48, 0.74), value 1.504', () => {
    const p = signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5 });
    const x = supportSolution(p, [1, 2]);
    expect(x[0]).toBe(0);
    expect(x[1]).toBeCloseTo(0.48, 14);
    expect(x[2]).toBeCloseTo(0.74, 14);
    expect(supportValue(p, [1, 2])).toBeCloseTo(1.504, 14);
    expect(Array.from(toMask(p, Uint8Array.from([0, 1, 1])))).toEqual([0, 1, 1]);
    bad(() => toMask(p, [3]), 'support[0]');
  });

  it('grid support solutions match mathjs', () => {
    const rng = createRng(3);
    const y = Array.from({ length: 9 }, () => rng.uniform());
    const p = signalProblem({ y, graph: gridGraph(3, 3), lambda: 0.7 });
    const S = [0, 1, 2, 4, 5, 8];
    const x = supportSolution(p, S);
    const Q = denseQ(p);
    const ref = (math.lusolve(S.map((i) => S.map((j) => Q[i][j])), S.map((i) => y[i])) as number[][]).map((r) => r[0]);
    S.forEach((i, t) => expect(x[i]).toBeCloseTo(ref[t], 12));
    expect(x[3]).toBe(0);
  });

  it('supportSolutionNonneg satisfies the KKT conditions of the nonnegative support problem', () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(9);
      const y = Array.from({ length: n }, () => (rng.uniform() < 0.3 ? 0 : rng.uniform()));
      const graph = rng.uniform() < 0.5 ? pathGraph(n) : edgeGraph(n, n > 1 ? [[0, n - 1], ...pathGraph(n).edges] : []);
      const p = signalProblem({ y, graph, lambda: 0.1 + 3 * rng.uniform(), l1: rng.uniform() });
      const S = Array.from({ length: n }, (_, i) => i).filter(() => rng.uniform() < 0.7);
      const x = supportSolutionNonneg(p, S);
      const Q = denseQ(p);
      for (let i = 0; i < n; i++) {
        const g = 2 * (Q[i].reduce((s, q, j) => s + q * x[j], 0) - (y[i] - p.l1 / 2));
        if (!S.includes(i)) expect(x[i]).toBe(0);
        else if (x[i] > 0) expect(Math.abs(g)).toBeLessThan(1e-10);
        else expect(g).toBeGreaterThan(-1e-10);
        expect(x[i]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('with ν = 0 the nonnegative solve equals the plain support solution', () => {
    const p = signalProblem({ y: [0.2, 0, 0.9, 0, 0, 0.4], lambda: 1.3 });
    const a = supportSolution(p, [0, 1, 2, 4, 5]);
    const b = supportSolutionNonneg(p, [0, 1, 2, 4, 5]);
    for (let i = 0; i < 6; i++) expect(b[i]).toBeCloseTo(a[i], 14);
  });

  it('priors43 encodes (43b)–(43d) and shows (43d) admits isolated ones (note §1.4 [N])', () => {
    const pr = priors43(6, 1, 2);
    expect(pr.length).toBe(2 + 6);
    const p = signalProblem({ y: [1, 1, 1, 1, 1, 1], priors: pr });
    expect(zFeasible(p, [0, 1, 1, 0, 0, 0])).toBe(true);
    expect(zFeasible(p, [1, 1, 1, 0, 0, 0])).toBe(false); // Σz = 3 > hs = 2
    expect(zFeasible(p, [0, 1, 0, 0, 0, 0])).toBe(false); // window sum 1 < h·1
    const q = signalProblem({ y: [1, 1, 1, 1, 1, 1], priors: priors43(6, 3, 2).filter((x) => x.label?.startsWith('(43d)')) });
    expect(zFeasible(q, [1, 0, 1, 0, 1, 0])).toBe(true); // runs of length 1 pass (43d) with h = 2
    const sw = signalProblem({ y: [1, 1, 1, 1], priors: [{ kind: 'switches', max: 2 }] });
    expect(zFeasible(sw, [0, 1, 1, 0])).toBe(true);
    expect(zFeasible(sw, [1, 0, 1, 0])).toBe(false);
    const eqp = signalProblem({ y: [1, 1], priors: [{ kind: 'linear', terms: [{ index: 0, coef: 1 }], sense: '=', rhs: 1 }] });
    expect(zFeasible(eqp, [1, 0])).toBe(true);
    expect(zFeasible(eqp, [0, 1])).toBe(false);
    expect(zFeasible(signalProblem({ y: [1, 1], k: 1 }), [1, 1])).toBe(false);
  });

  it('gap (42)', () => {
    expect(gap42(2, 1.5)).toBeCloseTo(25, 14);
    bad(() => gap42(0, 1), 'upper');
    bad(() => gap42(NaN, 1), 'upper');
  });
});

describe('exact solvers', () => {
  it('brute force honours priors, cardinality and ℓ1, and rejects n > 20 or infeasible priors', () => {
    const y = [0.1, 0.8, 0.9, 0.05, 0.7, 0.6];
    const pr = priors43(6, 1, 2);
    const p = signalProblem({ y, lambda: 0.5, mu: 0.01, priors: pr });
    const r = bruteForce(p);
    expect(zFeasible(p, r.z)).toBe(true);
    const free = bruteForce(signalProblem({ y, lambda: 0.5, mu: 0.01 }));
    expect(r.objective).toBeGreaterThanOrEqual(free.objective - 1e-12);
    expect(r.evaluated).toBeLessThan(64);
    const l1 = bruteForce(signalProblem({ y, lambda: 0.5, mu: 0.01, l1: 0.3, k: 3 }));
    expect(l1.z.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    expect(objective(signalProblem({ y, lambda: 0.5, mu: 0.01, l1: 0.3, k: 3 }), l1.x, l1.z)).toBeCloseTo(l1.objective, 12);
    bad(() => bruteForce(signalProblem({ y: new Array(21).fill(1) })), 'problem.n');
    bad(() => bruteForce(signalProblem({ y: [1, 1], priors: [{ kind: 'linear', terms: [{ index: 0, coef: 1 }], sense: '>=', rhs: 2 }] })), 'problem.priors');
  });

  it('brute force on a grid equals the minimum over supports computed independently', () => {
    const rng = createRng(11);
    const y = Array.from({ length: 6 }, () => rng.uniform());
    const p = signalProblem({ y, graph: gridGraph(2, 3), lambda: 0.8, mu: 0.1 });
    const r = bruteForce(p);
    let best = Infinity;
    for (let code = 0; code < 64; code++) {
      const S = [0, 1, 2, 3, 4, 5].filter((i) => (code >> i) & 1);
      best = Math.min(best, supportValue(p, S));
    }
    expect(r.objective).toBeCloseTo(best, 12);
  });

  it('path DPs reject what they do not handle', () => {
    bad(() => pathExactL0(signalProblem({ y: [1, 1, 1], graph: edgeGraph(3, [[0, 2]]) })), 'problem.graph.kind');
    bad(() => pathExactL0(signalProblem({ y: [1, 1], l1: 0.1 })), 'problem.l1');
    bad(() => pathExactL0(signalProblem({ y: [1, 1], priors: [{ kind: 'switches', max: 1 }] })), 'problem.priors');
    bad(() => pathExactL0(signalProblem({ y: [1, 1], k: 1 })), 'problem.k');
  });

  it('cardinality DP with k = null is the unconstrained optimum; k = 0 gives x = 0', () => {
    const p = signalProblem({ y: [0.3, 0.9, 0.2, 0.8], lambda: 0.4, mu: 0.02 });
    expect(pathExactCardinality(p).objective).toBeCloseTo(pathExactL0(p).objective, 12);
    const z = pathExactCardinality(signalProblem({ y: [0.3, 0.9], lambda: 0.4, k: 0 }));
    expect(Array.from(z.x)).toEqual([0, 0]);
    expect(z.objective).toBeCloseTo(0.9, 14);
  });

  it('pruned DP is exact and much cheaper on a generator instance (n = 3000)', () => {
    const g = generateSpikes({ n: 3000, s: 10, h: 10, sigma: 0.5, seed: 4 });
    const p = signalProblem({ y: g.y, lambda: 0.3, mu: 0.01 });
    const a = pathExactL0(p);
    const b = pathExactL0(p, { prune: false });
    expect(Math.abs(a.objective - b.objective)).toBeLessThan(1e-9 * Math.max(1, b.objective));
    expect(a.segmentEvaluations).toBeLessThan(b.segmentEvaluations / 20);
  });

  it('cardinality Lagrangian bounds: argument check, trivial cases, call cap', () => {
    bad(() => pathCardinalityBounds(signalProblem({ y: [1, 2] })), 'problem.k');
    const p0 = signalProblem({ y: [0.5, 0.9, 0.1], lambda: 0.5, k: 3 });
    const b0 = pathCardinalityBounds(p0);
    expect(b0.exact).toBe(true);
    expect(b0.dpCalls).toBe(1);
    const pk0 = signalProblem({ y: [0.5, 0.9, 0.1], lambda: 0.5, k: 0 });
    const bk0 = pathCardinalityBounds(pk0);
    expect(bk0.upperBound).toBeCloseTo(pk0.yNorm2, 14);
    expect(bk0.exact).toBe(true);
    const g = generateSpikes({ n: 400, s: 5, h: 10, sigma: 0.6, seed: 2 });
    const pc = signalProblem({ y: g.y, lambda: 0.4, k: 37 });
    const capped = pathCardinalityBounds(pc, { maxCalls: 3 });
    expect(capped.dpCalls).toBe(3);
    expect(capped.lowerBound).toBeLessThanOrEqual(capped.upperBound);
    const full = pathCardinalityBounds(pc);
    expect(full.lowerBound).toBeGreaterThanOrEqual(capped.lowerBound - 1e-12);
    const plain = pathCardinalityBounds(pc, { repair: false });
    expect(plain.lowerBound).toBeCloseTo(full.lowerBound, 12);
    expect(full.upperBound).toBeLessThanOrEqual(plain.upperBound + 1e-12);
  });

  it('bound-restricted cardinality DP: argument check and agreement on a non-trivial instance', () => {
    bad(() => pathExactCardinalityLarge(signalProblem({ y: [1, 2] })), 'problem.k');
    const rng = createRng(21);
    let nontrivial = 0;
    for (let t = 0; t < 300; t++) {
      const n = 4 + rng.int(9);
      const y = Array.from({ length: n }, () => (rng.uniform() < 0.3 ? 0 : rng.uniform()));
      const p = signalProblem({ y, lambda: Math.exp(-3 + 5 * rng.uniform()), k: 1 + rng.int(n - 1) });
      const r = pathExactCardinalityLarge(p);
      if (r.states > 0) nontrivial++;
      expect(r.objective).toBeCloseTo(pathExactCardinality(p).objective, 10);
    }
    expect(nontrivial).toBeGreaterThan(10);
  });

  it('factorWidthTwo rejects non-M-matrices', () => {
    bad(() => factorWidthTwo([]), 'Q');
    bad(() => factorWidthTwo([[1, 0.5], [0.5, 1]]), 'Q[0][1]');
    bad(() => factorWidthTwo([[1, -0.5], [-0.4, 1]]), 'Q[0][1]');
    bad(() => factorWidthTwo([[1, NaN], [NaN, 1]]), 'Q[0][1]');
    bad(() => factorWidthTwo([[1, -1]] as never), 'Q[0].length');
    bad(() => factorWidthTwo([[1, -2], [-2, 1]]), 'Q');
    for (const v of choleskySolve([[4, -1], [-1, 4]], [3, 3])) expect(v).toBeCloseTo(1, 14);
  });
});

describe('generator and heuristic', () => {
  it('generator validates, is seeded and records the noise reading', () => {
    bad(() => generateSpikes({ n: 0, s: 1, h: 1, sigma: 0.1 }), 'n');
    bad(() => generateSpikes({ n: 5, s: 1, h: 6, sigma: 0.1 }), 'h');
    bad(() => generateSpikes({ n: 5, s: 1, h: 2, sigma: 0 }), 'sigma');
    bad(() => generateSpikes({ n: 5, s: 1, h: 2, sigma: 0.1, noise: 'var' as never }), 'noise');
    bad(() => generateSpikes(null as never), 'params');
    const a = generateSpikes({ n: 50, s: 2, h: 5, sigma: 0.3, seed: 7 });
    const b = generateSpikes({ n: 50, s: 2, h: 5, sigma: 0.3, seed: 7 });
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(a.noise).toBe('sigma-squared');
    expect(a.noiseStd).toBeCloseTo(0.09, 15);
    expect(generateSpikes({ n: 50, s: 2, h: 5, sigma: 0.3, noise: 'sigma' }).noiseStd).toBe(0.3);
    expect(runCount([0, 1, 1, 0, 2, 0, 3])).toBe(3);
    expect(snr([1, 0], [1, 1])).toBe(1);
    bad(() => snr([1], [1, 2]), 'y.length');
    const empty = generateSpikes({ n: 3, s: 0, h: 1, sigma: 1e-9, seed: 1 });
    expect(Math.max(...empty.y)).toBeCloseTo(1, 12);
  });

  it('thresholding keeps the k largest entries without refit; refit (ours) is never worse', () => {
    const p = signalProblem({ y: [0.3, 0.9, 0.2, 0.8], lambda: 0.4, k: 2 });
    const xhat = [0.1, 0.7, 0.7, 0.5];
    const t = thresholdHeuristic(p, xhat);
    expect(Array.from(t.x)).toEqual([0, 0.7, 0.7, 0]); // tie at 0.7: both kept (k = 2)
    const t1 = thresholdHeuristic(p, [0.1, 0.7, 0.7, 0.7], 2);
    expect(Array.from(t1.z)).toEqual([0, 1, 1, 0]); // ties broken by index
    const r = thresholdRefit(p, xhat);
    expect(r.objective).toBeLessThanOrEqual(t.objective);
    const h = heuristicGap(p, xhat, 0.5);
    expect(h.variant).toBe('paper');
    expect(h.gap).toBeCloseTo((100 * (t.objective - 0.5)) / t.objective, 12);
    expect(heuristicGap(p, xhat, 0.5, { refit: true }).variant).toBe('ours-refit');
    const pl = signalProblem({ y: [0.3, 0.9, 0.2, 0.8], lambda: 0.4, l1: 0.1 });
    expect(thresholdRefit(pl, xhat, 2).x[0]).toBe(0);
    bad(() => thresholdHeuristic(signalProblem({ y: [1, 2] }), [1, 2]), 'k');
    bad(() => thresholdHeuristic(p, [1, 2]), 'xhat.length');
    bad(() => thresholdHeuristic(p, [1, 2, 3, 4], 5), 'k');
  });
});
