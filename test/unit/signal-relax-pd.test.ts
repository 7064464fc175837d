/**
 * The primal–dual path solver of (32) (src/signal/relax/path-pd.ts): agreement with the barrier solver
 * on accelerometer windows (penalty and cardinality forms, cut sets with d ≠ 1), the certificate
 * (lower bound ≤ the other solver's feasible value), its use inside Algorithm 1 with the fallback
 * chain, the profile Cholesky's lost-pivot rule, and bad input. The agreement with the conic solver on
 * random small paths is the claim agh21.relax.pd-equals-conic (test/claims/agh21-relax.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { loadAccelerometer } from '../../src/signal/accelerometer.ts';
import { gridGraph, signalProblem } from '../../src/signal/model.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { solveDecompPath } from '../../src/signal/relax/path-barrier.ts';
import { buildPathLayout, profileCholesky } from '../../src/signal/relax/path-layout.ts';
import { solveDecompPathPD } from '../../src/signal/relax/path-pd.ts';

const window = (start: number, n: number): Float64Array => loadAccelerometer().y.slice(start, start + n);

describe('primal–dual path solver of (32)', () => {
  const y = window(2000, 160);
  const cuts = Array.from({ length: y.length - 1 }, (_, e) => (e % 7 === 0 ? [1, 0.3, 4] : [1]));
  for (const [name, k, mu] of [['penalty form', undefined, 0.01], ['cardinality form', 12, 0]] as const) {
    it(`${name}: same value as the barrier solver; each lower bound ≤ the other's feasible value`, () => {
      const p = signalProblem({ y, lambda: 0.3, k, mu });
      const pd = solveDecompPathPD(p, cuts);
      const br = solveDecompPath(p, cuts, k === undefined ? {} : { tFactor: 2 });
      expect(pd.status).toBe('optimal');
      expect(br.status).toBe('optimal');
      const scale = Math.max(1, Math.abs(br.value));
      // both to 1e-7 (pd) / 1e-9 (barrier) relative: agreement within 2e-7
      expect(Math.abs(pd.value - br.value) / scale).toBeLessThan(2e-7);
      expect(pd.lowerBound).toBeLessThanOrEqual(br.value + 1e-12);
      expect(br.lowerBound).toBeLessThanOrEqual(pd.value + 1e-12);
      expect(pd.value - pd.lowerBound).toBeLessThanOrEqual(1e-7 * scale);
      expect(pd.newtonSteps).toBeLessThan(150);
      // primal iterate feasible: 0 ≤ x ≤ u z, z ∈ [0, 1], Σz ≤ k
      let sz = 0;
      for (let i = 0; i < y.length; i++) {
        expect(pd.x[i]).toBeLessThanOrEqual(p.u * pd.z[i] + 1e-12);
        sz += pd.z[i];
      }
      if (k !== undefined) expect(sz).toBeLessThanOrEqual(k);
    });
  }
  it('regression: no bound from an iterate far from dual feasibility (5 nodes, k = 1: was 0.027 above OPT)', () => {
    const p = signalProblem({ y: new Float64Array([0, 0, 0, 1, 0]), lambda: 0.1, k: 1 });
    const r = solveDecompPathPD(p, [[1], [1], [1], [1]]);
    expect(r.status).toBe('optimal');
    expect(r.lowerBound).toBeLessThanOrEqual(r.value);
    expect(r.lowerBound).toBeLessThanOrEqual(1 / 6 + 1e-12); // OPT = 1/6 (brute force)
    expect(decompRelaxation(p).lowerBound).toBeLessThanOrEqual(1 / 6 + 1e-12);
  });
  it('warm start with a new cut on every edge (x_a ≈ x_b/d ≈ 0 on most): small starting dual residual, same value as cold', () => {
    // regression: the new cuts' s got ≈ 1e-15 where x_a ≈ x_b/d ≈ 0, their central duals μ/s ≈ 1e5 and the
    // warm solve started at ‖r_d‖∞ = 6.9e5 (95 iterations, against 42 cold)
    const y = window(2000, 300);
    const p = signalProblem({ y, lambda: 0.3, k: 20 });
    const c1 = Array.from({ length: y.length - 1 }, () => [1]);
    const first = solveDecompPathPD(p, c1, { snapshotGaps: [1e-2] });
    expect(first.pdSnapshots[0]).toBeDefined();
    const c2 = c1.map(() => [1, 2]);
    const rd0: number[] = [];
    const warm = solveDecompPathPD(p, c2, { warm: first.pdSnapshots[0], onIteration: (i) => rd0.push(i.dualResidual) });
    const cold = solveDecompPathPD(p, c2);
    expect(warm.warmStarted).toBe(true);
    expect(warm.status).toBe('optimal');
    expect(cold.status).toBe('optimal');
    expect(rd0[0]).toBeLessThan(1);
    const scale = Math.max(1, Math.abs(cold.value));
    expect(Math.abs(warm.value - cold.value) / scale).toBeLessThan(2e-7);
    expect(warm.lowerBound).toBeLessThanOrEqual(cold.value + 1e-12);
    expect(warm.newtonSteps).toBeLessThan(cold.newtonSteps);
  });
  it('reports every iteration; an iteration limit gives status failed with no bound', () => {
    const p = signalProblem({ y: window(500, 60), lambda: 0.5, k: 6 });
    const its: number[] = [];
    const c = Array.from({ length: 59 }, () => [1]);
    const ok = solveDecompPathPD(p, c, { onIteration: (i) => its.push(i.iteration) });
    expect(its.length).toBe(ok.newtonSteps);
    const cut = solveDecompPathPD(p, c, { maxIterations: 3 });
    expect(cut.status).toBe('failed');
    expect(cut.lowerBound).toBe(-Infinity);
  });
  it('inside Algorithm 1: the default is primal–dual; a failed solve falls back to the barrier with the same bound', () => {
    const p = signalProblem({ y: window(900, 80), lambda: 0.2, k: 8 });
    const pd = decompRelaxation(p);
    const fb = decompRelaxation(p, { pdOptions: { maxIterations: 2 } });
    const br = decompRelaxation(p, { method: 'barrier' });
    const onlyPd = decompRelaxation(p, { method: 'pd' });
    expect(Math.abs(pd.lowerBound - br.lowerBound)).toBeLessThan(1e-6);
    expect(Math.abs(fb.lowerBound - br.lowerBound)).toBeLessThan(1e-6);
    expect(onlyPd.lowerBound).toBe(pd.lowerBound);
    expect(() => decompRelaxation(signalProblem({ y: new Float64Array([1, 2, 3, 4]), graph: gridGraph(2, 2) }), { method: 'pd' })).toThrow(InvalidArgumentError);
  });
  it('profile Cholesky: a lost pivot is replaced by 1e64 only when asked', () => {
    const p = signalProblem({ y: new Float64Array([0.5, 1, 0.2]), lambda: 1 });
    const L = buildPathLayout(p, [[1], [1]]);
    const H = new Float64Array(L.rowStart[L.N]);
    const dInv = new Float64Array(L.N);
    expect(profileCholesky(L, H, dInv)).toBe(false);
    expect(profileCholesky(L, H, dInv, true)).toBe(true);
    expect(dInv[0]).toBe(1e-64);
  });
  it('bad input: wrong cut-set length, a grid, k = 0', () => {
    const p = signalProblem({ y: new Float64Array([0.5, 1, 0.2]), lambda: 1 });
    expect(() => solveDecompPathPD(p, [[1]])).toThrow(InvalidArgumentError);
    expect(() => solveDecompPathPD(signalProblem({ y: new Float64Array([1, 2, 3, 4]), graph: gridGraph(2, 2) }), [[1], [1], [1]])).toThrow(InvalidArgumentError);
    expect(() => solveDecompPathPD(signalProblem({ y: new Float64Array([0.5, 1, 0.2]), k: 0 }), [[1], [1]])).toThrow(InvalidArgumentError);
  });
});
