/**
 * Unit tests of src/signal/relax and src/signal/bnb.ts: bad input, the model pieces (spec,
 * priors, fixings), solver fallbacks, and small behaviours the claims do not reach.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { edgeGraph, gridGraph, priors43, signalProblem } from '../../src/signal/model.ts';
import { bruteForce } from '../../src/signal/exact/brute-force.ts';
import { branchAndBound } from '../../src/signal/bnb.ts';
import { addDecompCut, buildBase, buildDecomp, buildL1 } from '../../src/signal/relax/build.ts';
import { cuttingSurface, decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { pairF, pairG, persp, separatePair } from '../../src/signal/relax/pair.ts';
import { pathBarrierApplies, solveDecompPath } from '../../src/signal/relax/path-barrier.ts';
import { l1Relaxation, pairwiseRelaxation, perspRelaxation } from '../../src/signal/relax/relaxations.ts';
import { decompositionInfeasibility, decompositionValue, separatePath } from '../../src/signal/relax/separation.ts';
import { solveSpec, usable } from '../../src/signal/relax/solve.ts';
import { ConicSpec } from '../../src/signal/relax/spec.ts';

const ex2 = () => signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5 });

describe('pair closed forms', () => {
  it('perspective convention 0/0 = 0, a/0 = ∞', () => {
    expect(persp(0, 0)).toBe(0);
    expect(persp(1, 0)).toBe(Infinity);
    expect(persp(2, 4)).toBe(1);
    expect(pairF(0, 1, 0, 0.5)).toBeCloseTo(0.25, 15);
    expect(pairF(0, 1, 0.5, 0)).toBe(Infinity);
  });
  it('separation limiting cases give a finite violated d in the clip range', () => {
    // A = 0 (Γ_ii = x_i²/z_i) and a violated Γ_ij
    const s = separatePair(0.5, 0.5, 0.5, 0.2, 0.5, 1, 0.3);
    expect(s.dStar).toBe(Infinity);
    expect(s.dCut).toBeGreaterThanOrEqual(1e-3);
    expect(s.dCut).toBeLessThanOrEqual(1e3);
    // B = 0
    const t = separatePair(0.5, 0.5, 0.2, 0.5, 0.3, 1, 0.5);
    expect(t.dCut).toBeGreaterThan(0);
    // z* = 0 with x = 0
    const u = separatePair(0, 0, 0, 0, 1, 0, 1);
    expect(u.violation).toBeCloseTo(-2, 12);
  });
});

describe('decompositions and (21)', () => {
  it('decompositionValue / infeasibility validate lengths and measure (21b)-(21c)', () => {
    const p = ex2();
    expect(() => decompositionValue(p, [0, 1, 1], [0, 0.48, 0.74], [2, 1, 2])).toThrow(InvalidArgumentError);
    expect(decompositionInfeasibility(p, [2, 1, 2, 2])).toBeCloseTo(0, 12);
    expect(decompositionInfeasibility(p, [2, 1, 1, 2])).toBeCloseTo(1, 12);
    expect(decompositionInfeasibility(p, [2, 0.4, 2.6, 2])).toBeGreaterThan(0);
  });
  it('separatePath rejects non-paths and handles n = 1', () => {
    const g = signalProblem({ y: [0.1, 0.2, 0.3, 0.4], graph: gridGraph(2, 2), lambda: 1 });
    expect(() => separatePath(g, [1, 1, 1, 1], [0, 0, 0, 0])).toThrow(InvalidArgumentError);
    const one = signalProblem({ y: [0.5], lambda: 1 });
    expect(separatePath(one, [1], [0.5]).theta).toBe(0);
  });
  it('cutting surface solves (21) itself on Example 2 and reaches 1.504', () => {
    const r = cuttingSurface(ex2(), { maxIterations: 5 });
    expect(r.values[r.values.length - 1]).toBeCloseTo(1.504, 6);
    expect(r.decompositions.length).toBeGreaterThanOrEqual(1);
  });
  it('cutting surface validates its input', () => {
    const g = signalProblem({ y: [0.1, 0.2, 0.3, 0.4], graph: gridGraph(2, 2), lambda: 1 });
    expect(() => cuttingSurface(g)).toThrow(InvalidArgumentError);
    expect(() => cuttingSurface(ex2(), { decompositions: [[2, 1, 2]] })).toThrow(InvalidArgumentError);
    expect(() => cuttingSurface(null as never)).toThrow(InvalidArgumentError);
  });
});

describe('models and solves', () => {
  it('ConicSpec evaluates objectives and infeasibility', () => {
    const s = new ConicSpec();
    const a = s.variable('a', 0, 1, 1);
    const b = s.variable('b', 0, 2);
    const c = s.variable('c', 0, 3);
    s.squareTerm(2, [a, b], [1, -1]);
    s.row([a, b], [1, 1], '=', 1);
    s.row([a], [1], '>=', 0.5);
    s.rotated(a, b, c);
    s.constant = 3;
    expect(s.objective([1, 0, 0])).toBeCloseTo(3 + 1 + 1, 12);
    expect(s.infeasibility([1, 0, 0])).toBeCloseTo(1, 12);
    expect(s.infeasibility([0.6, 0.4, 1])).toBeCloseTo(0, 12);
    const sol = solveSpec(s);
    expect(usable(sol)).toBe(true);
  });
  it('bounds on z are validated and fixings are respected', () => {
    const p = ex2();
    expect(() => buildBase(p, { zLo: [0, 0] })).toThrow(InvalidArgumentError);
    expect(() => buildBase(p, { zHi: [1, 1] })).toThrow(InvalidArgumentError);
    expect(() => buildBase(p, { zLo: [0, 0.5, 0], zHi: [1, 0.4, 1] })).toThrow(InvalidArgumentError);
    const r = pairwiseRelaxation(p, { zLo: [0, 1, 1], zHi: [0, 1, 1] });
    expect(r.value).toBeCloseTo(1.504, 6); // integral fixing: the relaxation is exact
    const d = decompRelaxation(p, { zLo: [0, 0, 0], zHi: [0, 1, 1] });
    expect(d.lowerBound).toBeLessThanOrEqual(1.504 + 1e-6);
  });
  it('priors (43b)–(43d), including the switch count, are valid for every relaxation', () => {
    const y = [0, 0.2, 0.9, 1, 0.8, 0.1, 0, 0.3];
    const p = signalProblem({ y, lambda: 0.5, mu: 0.05, priors: priors43(y.length, 1, 2) });
    const opt = bruteForce(p).objective;
    for (const f of [l1Relaxation, perspRelaxation, pairwiseRelaxation]) expect(f(p).lowerBound).toBeLessThanOrEqual(opt + 1e-6);
    const d = decompRelaxation(p);
    expect(d.lowerBound).toBeLessThanOrEqual(opt + 1e-6);
    expect(d.rounds).toBeGreaterThanOrEqual(1);
    expect(buildL1(p).spec.rows.length).toBeGreaterThan(y.length);
  });
  it('decomp on a general graph (grid) uses the conic solver and stays below OPT', () => {
    const p = signalProblem({ y: [0.1, 0.9, 0.8, 0, 0.7, 1], graph: gridGraph(2, 3), lambda: 0.5, mu: 0.1 });
    const d = decompRelaxation(p);
    expect(d.lowerBound).toBeLessThanOrEqual(bruteForce(p).objective + 1e-6);
    expect(() => decompRelaxation(p, { method: 'barrier' })).toThrow(InvalidArgumentError);
  });
  it('Algorithm 1 options are validated; conic and barrier agree on Example 2', () => {
    const p = ex2();
    expect(() => decompRelaxation(p, { relTol: 0 })).toThrow(InvalidArgumentError);
    expect(() => decompRelaxation(p, { maxRounds: 0 })).toThrow(InvalidArgumentError);
    expect(() => decompRelaxation(p, { initialCuts: [[1]] })).toThrow(InvalidArgumentError);
    expect(() => decompRelaxation(null as never)).toThrow(InvalidArgumentError);
    const a = decompRelaxation(p, { method: 'conic' });
    const b = decompRelaxation(p, { method: 'barrier' });
    // the conic path may stop early on a failed solve (it keeps the last usable round's bound)
    expect(a.lowerBound).toBeLessThanOrEqual(1.504 + 1e-6);
    expect(a.lowerBound).toBeGreaterThanOrEqual(1.4877);
    expect(b.lowerBound).toBeCloseTo(1.504, 6);
    expect(b.history[0].solverIterations).toBeGreaterThan(0);
  });
  it('addDecompCut rejects non-positive d; buildDecomp checks the cut-set count', () => {
    const p = ex2();
    const v = buildDecomp(p, [[1], [1]]);
    expect(() => addDecompCut(v.spec, v, v.gDiag, v.gOff, 0, 1, 0, 0, 'bad')).toThrow(InvalidArgumentError);
    expect(() => buildDecomp(p, [[1]])).toThrow(InvalidArgumentError);
  });
  it('relaxations reject objects that are not problems', () => {
    expect(() => l1Relaxation({} as never)).toThrow(InvalidArgumentError);
    expect(() => perspRelaxation(null as never)).toThrow(InvalidArgumentError);
  });
});

describe('path barrier solver', () => {
  it('applies only to paths without priors with u > 0 and k ≥ 1', () => {
    expect(pathBarrierApplies(ex2())).toBe(true);
    expect(pathBarrierApplies(signalProblem({ y: [0, 0, 0], lambda: 1 }))).toBe(false);
    expect(pathBarrierApplies(signalProblem({ y: [0.1, 0.2, 0.3], lambda: 1, k: 0 }))).toBe(false);
    expect(pathBarrierApplies(signalProblem({ y: [0.1, 0.2, 0.3], graph: edgeGraph(3, [[0, 2], [1, 2]]), lambda: 1 }))).toBe(false);
    expect(() => solveDecompPath(signalProblem({ y: [0, 0, 0], lambda: 1 }), [[1], [1]])).toThrow(InvalidArgumentError);
    expect(() => solveDecompPath(ex2(), [[1]])).toThrow(InvalidArgumentError);
  });
  it('cardinality form with ℓ1 shrinkage: value between pairwise and OPT', () => {
    const y = [0.2, 0.9, 1, 0.4, 0, 0.6];
    const p = signalProblem({ y, lambda: 0.5, k: 2, l1: 0.1 });
    const b = solveDecompPath(p, p.graph.edges.map(() => [1]));
    expect(b.status).toBe('optimal');
    expect(Math.abs(b.value - pairwiseRelaxation(p).value)).toBeLessThan(1e-6);
    expect(decompRelaxation(p).lowerBound).toBeLessThanOrEqual(bruteForce(p).objective + 1e-6);
  });
  it('reports failure when the Newton budget is exhausted, and Algorithm 1 falls back to the conic solver', () => {
    const p = ex2();
    const b = solveDecompPath(p, [[1], [1]], { maxNewton: 2 });
    expect(b.status).toBe('failed');
    const r = decompRelaxation(p, { method: 'barrier', maxRounds: 1 });
    expect(r.status).toBe('optimal');
  });
});

describe('branch-and-bound', () => {
  it('validates options and solves penalty, cardinality, priors and grid instances', () => {
    const p = signalProblem({ y: [0.1, 0.8, 1, 0.3, 0], lambda: 0.5, k: 2 });
    expect(() => branchAndBound(p, { relaxation: 'x' as never })).toThrow(InvalidArgumentError);
    expect(() => branchAndBound(p, { maxNodes: 0 })).toThrow(InvalidArgumentError);
    expect(() => branchAndBound(null as never)).toThrow(InvalidArgumentError);
    for (const relaxation of ['persp', 'pairwise', 'decomp'] as const) {
      const r = branchAndBound(p, { relaxation });
      expect(r.status).toBe('optimal');
      expect(r.upperBound).toBeCloseTo(bruteForce(p).objective, 9);
      expect(r.gap).toBeLessThanOrEqual(1e-4);
    }
  });
  it('reports infeasible priors and node limits', () => {
    const p = signalProblem({
      y: [0.5, 0.6, 0.7], lambda: 1, priors: [{ kind: 'linear', terms: [{ index: 0, coef: 1 }, { index: 1, coef: 1 }], sense: '>=', rhs: 3 }],
    });
    expect(branchAndBound(p).status).toBe('infeasible');
    const q = signalProblem({ y: [0.2, 0.9, 0.1, 0.8, 0.3, 0.7, 0.05, 1], lambda: 0.1, k: 3 });
    const r = branchAndBound(q, { maxNodes: 1, relaxation: 'persp' });
    expect(r.nodes).toBe(1);
    expect(r.lowerBound).toBeLessThanOrEqual(r.upperBound);
  });
});
