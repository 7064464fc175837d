import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { blockExact, blockSignalProblem, decompBlock, decompBlockAlg1, type BlockWarmState } from '../../src/signal/lagrangian/decomp-block.ts';
import { lagrangianDecompositionSync } from '../../src/signal/lagrangian/method.ts';
import type { SegmentProblem } from '../../src/signal/lagrangian/segments.ts';
import { getSegmentSolver } from '../../src/signal/lagrangian/solvers.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { solveDecompPath, STALL_STAGES } from '../../src/signal/relax/path-barrier.ts';
import { loadAccelerometer } from '../../src/signal/accelerometer.ts';

// a 60-node block with a spike, noise and boundary terms (as the Lagrangian hands it over)
function block(cFirst: number, cLast: number): SegmentProblem {
  const rng = createRng(7);
  const y = new Float64Array(60);
  for (let i = 0; i < 60; i++) y[i] = Math.abs((i >= 20 && i < 35 ? 0.8 : 0) + 0.15 * (rng.uniform() - 0.5));
  return { index: 3, y, lambda: 0.3, kappa: 0.02, mu1: 0, u: 1, cFirst, cLast };
}

describe('barrier warm start (ours)', () => {
  it('a warm solve from a snapshot reaches the cold solve’s value in fewer Newton steps', () => {
    const sp0 = blockSignalProblem(block(-0.05, 0.04));
    const cuts = sp0.graph.edges.map(() => [1]);
    const b0 = solveDecompPath(sp0, cuts, { snapshotGap: 1e-3 });
    expect(b0.status).toBe('optimal');
    expect(b0.snapshot).toBeDefined();
    const sp1 = blockSignalProblem(block(-0.06, 0.05));
    const cold = solveDecompPath(sp1, cuts);
    const warm = solveDecompPath(sp1, cuts, { warm: b0.snapshot });
    expect(warm.status).toBe('optimal');
    expect(Math.abs(warm.value - cold.value)).toBeLessThan(1e-8 * (1 + Math.abs(cold.value)));
    expect(warm.lowerBound).toBeLessThanOrEqual(warm.value);
    expect(warm.newtonSteps).toBeLessThan(cold.newtonSteps);
  });
  it('a warm point that is not interior (or of the wrong size) is ignored: cold start', () => {
    const sp = blockSignalProblem(block(0, 0));
    const cuts = sp.graph.edges.map(() => [1]);
    const cold = solveDecompPath(sp, cuts);
    const bad = solveDecompPath(sp, cuts, { warm: { v: new Float64Array(cold.x.length * 10), t: 5 } });
    const short = solveDecompPath(sp, cuts, { warm: { v: new Float64Array(3), t: 5 } });
    expect(bad.value).toBe(cold.value);
    expect(bad.newtonSteps).toBe(cold.newtonSteps);
    expect(short.value).toBe(cold.value);
  });
  it('decompRelaxation passes the snapshot through and uses barrierWarm in round 1', () => {
    const sp = blockSignalProblem(block(-0.05, 0.04));
    const r0 = decompRelaxation(sp, { pathSolver: 'barrier' });
    expect(r0.barrierSnapshot).toBeDefined();
    // the primal–dual solver (the default first choice) keeps no barrier snapshot
    expect(decompRelaxation(sp).barrierSnapshot).toBeUndefined();
    const sp1 = blockSignalProblem(block(-0.06, 0.05));
    const cold = decompRelaxation(sp1, { initialCuts: r0.cutSets, pathSolver: 'barrier' });
    const warm = decompRelaxation(sp1, { initialCuts: r0.cutSets, barrierWarm: r0.barrierSnapshot });
    expect(Math.abs(warm.lowerBound - cold.lowerBound)).toBeLessThan(1e-8);
    expect(warm.history[0].solverIterations).toBeLessThan(cold.history[0].solverIterations);
    // the conic solver keeps no snapshot
    expect(decompRelaxation(sp1, { method: 'conic' }).barrierSnapshot).toBeUndefined();
  });
  it('block solver: warm re-solve is a valid bound (≤ block optimum) equal to the cold one; state formats', () => {
    const p0 = block(-0.05, 0.04);
    const a = decompBlockAlg1(p0, true);
    const st = a.state as BlockWarmState;
    expect(Array.isArray(st.cuts)).toBe(true);
    expect(st.barrier?.v).toBeInstanceOf(Float64Array);
    const p1 = { ...block(-0.06, 0.05), warm: a.state };
    const w = decompBlockAlg1(p1, true);
    const c = decompBlockAlg1(p1, false);
    const ex = blockExact(p1);
    expect(Math.abs(w.value - c.value)).toBeLessThan(1e-8);
    if (ex) expect(w.value).toBeLessThanOrEqual(ex.value + 1e-9);
    // bare cut sets (the earlier state format) and malformed barrier parts are accepted as cut sets only
    expect(Math.abs(decompBlockAlg1({ ...p1, warm: st.cuts }, true).value - c.value)).toBeLessThan(1e-8);
    expect(Math.abs(decompBlockAlg1({ ...p1, warm: { cuts: st.cuts, barrier: { v: [1, 2], t: 1 } } }, true).value - c.value)).toBeLessThan(1e-8);
    expect(Math.abs(decompBlockAlg1({ ...p1, warm: { cuts: 'x' } }, true).value - decompBlockAlg1({ ...p1, warm: undefined }).value)).toBeLessThan(1e-8);
    expect(decompBlock(p1, true).value).toBeGreaterThanOrEqual(w.value - 1e-12);
  });
  it('long blocks (primal–dual): the state carries the iterate; a warm re-solve gives the cold bound in fewer iterations', () => {
    const y = generateSpikes({ n: 600, s: 2, h: 100, sigma: 0.5, seed: 3 }).y;
    const p0 = { index: 0, y, lambda: 0.3, kappa: 0.002, mu1: 0, u: 1, cFirst: 0, cLast: 0 };
    const a = decompBlockAlg1(p0, true);
    const st = a.state as BlockWarmState;
    expect(st.pd?.v).toBeInstanceOf(Float64Array);
    expect(st.barrier).toBeUndefined();
    const p1 = { ...p0, cFirst: 0.02, cLast: -0.01, warm: st };
    const w = decompBlockAlg1(p1, true);
    const c = decompBlockAlg1({ ...p1, warm: { cuts: st.cuts } }, true);
    expect(Math.abs(w.value - c.value)).toBeLessThan(1e-6);
    const sp1 = blockSignalProblem(p1);
    const cold = decompRelaxation(sp1, { initialCuts: st.cuts });
    const warm = decompRelaxation(sp1, { initialCuts: st.cuts, pdWarm: st.pd });
    expect(warm.history[0].solverIterations).toBeLessThan(cold.history[0].solverIterations);
    // a malformed primal–dual part is ignored (cut sets only)
    expect(Math.abs(decompBlockAlg1({ ...p1, warm: { cuts: st.cuts, pd: { v: [1], l: 2 } } }, true).value - c.value)).toBeLessThan(1e-6);
  });
  it('Lagrangian with decomp-warm: same dual bound as decomp within solver tolerance, LB ≤ UB', () => {
    const inst = generateSpikes({ n: 600, s: 1, h: 100, sigma: 0.5, seed: 5 });
    const prob = { y: inst.y, lambda: 0.3, kappa: 0.02 };
    const cold = lagrangianDecompositionSync(prob, { m: 6, hMax: 8 }, getSegmentSolver('decomp'));
    const warm = lagrangianDecompositionSync(prob, { m: 6, hMax: 8 }, getSegmentSolver('decomp-warm'));
    expect(Math.abs(warm.lowerBound - cold.lowerBound)).toBeLessThan(1e-6 * (1 + Math.abs(cold.lowerBound)));
    expect(warm.lowerBound).toBeLessThanOrEqual(warm.upperBound + 1e-9);
    expect(() => getSegmentSolver('decomp-warm')({ ...block(0, 0), lambda: -1 })).toThrow();
    expect(signalProblem({ y: inst.y, lambda: 0.3, mu: 0.02 }).n).toBe(600);
  });
  it('a stalled cardinality-row solve is given up after STALL_STAGES uncentred stages; auto falls back to conic', () => {
    const raw = loadAccelerometer().y.slice(0, 400);
    const mx = raw.reduce((a: number, b: number) => Math.max(a, b), 0);
    const p = signalProblem({ y: Float64Array.from(raw, (v: number) => v / mx), lambda: 0.1, k: 5 });
    const b = solveDecompPath(p, p.graph.edges.map(() => [1]), { tFactor: 3 });
    expect(STALL_STAGES).toBe(3);
    expect(b.status).toBe('failed');
    expect(b.newtonSteps).toBeLessThan(1500);
    const auto = decompRelaxation(p, { maxRounds: 1 });
    const conic = decompRelaxation(p, { maxRounds: 1, method: 'conic' });
    expect(Math.abs(auto.lowerBound - conic.lowerBound)).toBeLessThan(1e-6);
  });
});
