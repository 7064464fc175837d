import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { loadAccelerometer } from '../../src/signal/accelerometer.ts';
import { pathExactCardinality } from '../../src/signal/exact/path-dp.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { blockExact, blockObjective, blockSignalProblem, decompBlock, decompBlockAlg1 } from '../../src/signal/lagrangian/decomp-block.ts';
import { solveChainBlock } from '../../src/signal/lagrangian/chain-qp.ts';
import type { SegmentProblem } from '../../src/signal/lagrangian/segments.ts';
import { accelerometerCell, accelerometerStudy, fullGrid, PAPER_KS, PAPER_LAMBDAS } from '../../src/signal/studies/accelerometer-study.ts';
import { cardinalityChainBound } from '../../src/signal/studies/cardinality.ts';
import { getCardinalityRelaxation } from '../../src/signal/studies/relaxations.ts';
import { table3, table3Sync, TABLE3_PAPER } from '../../src/signal/studies/table3.ts';

const acc = loadAccelerometer().y;
const small = (() => {
  const y = acc.slice(0, 120);
  const mx = y.reduce((a, b) => Math.max(a, b), 0);
  return y.map((v) => v / mx);
})();

describe('cardinality-form bounds (§5.1 tools)', () => {
  it('ℓ1 ≤ persp ≤ exact cardinality optimum (DP) on a short accelerometer window', () => {
    const y = small.slice(0, 40);
    for (const [lambda, k] of [[0.1, 3], [1, 10], [0.5, 40]] as [number, number][]) {
      const opt = pathExactCardinality(signalProblem({ y, lambda, k })).objective;
      const l1 = cardinalityChainBound('l1', y, lambda, k);
      const persp = cardinalityChainBound('persp', y, lambda, k);
      expect(l1.lowerBound).toBeLessThanOrEqual(persp.lowerBound + 1e-9);
      expect(persp.lowerBound).toBeLessThanOrEqual(opt + 1e-9);
    }
  });
  it('rejects bad input', () => {
    expect(() => cardinalityChainBound('l1', [0.1, -1], 1, 1)).toThrow(InvalidArgumentError);
    expect(() => cardinalityChainBound('l1', [0.1, 0.2], 0, 1)).toThrow(InvalidArgumentError);
    expect(() => cardinalityChainBound('l1', [0.1, 0.2], 1, 3)).toThrow(InvalidArgumentError);
    expect(() => cardinalityChainBound('l1', [0, 0], 1, 1)).toThrow(InvalidArgumentError);
    expect(() => cardinalityChainBound('l1', [], 1, 0)).toThrow(InvalidArgumentError);
    expect(() => getCardinalityRelaxation('nope')).toThrow(InvalidArgumentError);
  });
});

describe('§5.1 study', () => {
  it('the paper grid is 10 × 10', () => {
    expect(fullGrid().length).toBe(100);
    expect(PAPER_LAMBDAS[9]).toBe(1);
    expect(PAPER_KS[0]).toBe(500);
  });
  it('runs cells with ℓ1 and persp, averages per λ and k, series for the reporter', () => {
    const st = accelerometerStudy({ y: small, cells: [[0.1, 5], [0.1, 50], [1, 5], [1, 50]], methods: ['l1', 'persp'] });
    expect(st.cells.length).toBe(4);
    expect(st.perLambda.l1.length).toBe(2);
    expect(st.perK.persp.length).toBe(2);
    expect(st.series.length).toBe(2);
    for (const c of st.cells) {
      expect(c.methods.l1.lowerBound).toBeLessThanOrEqual(c.methods.persp.lowerBound + 1e-9);
      expect(c.methods.persp.lowerBound).toBeLessThanOrEqual(c.methods.persp.upperBound + 1e-9);
      expect(c.methods.l1.gapPercent).toBeGreaterThanOrEqual(c.methods.persp.gapPercent - 1e-9);
    }
    expect(st.times.l1.maxMs).toBeGreaterThanOrEqual(st.times.l1.medianMs);
    // the exact optimum of each cell sits between every lower and upper bound
    for (const c of st.cells) {
      expect(c.opt).toBeDefined();
      for (const m of ['l1', 'persp']) {
        expect(c.methods[m].lowerBound).toBeLessThanOrEqual(c.opt! + 1e-9);
        expect(c.opt!).toBeLessThanOrEqual(c.methods[m].upperBound + 1e-9);
      }
    }
    expect(accelerometerStudy({ y: small, cells: [[0.1, 5]], methods: ['l1'], exact: false }).cells[0].opt).toBeUndefined();
    expect(() => accelerometerStudy({ y: small, cells: [] })).toThrow(InvalidArgumentError);
    expect(() => accelerometerCell(small, 0, 5, 'l1')).toThrow(InvalidArgumentError);
    expect(() => accelerometerCell(small, 1, 500, 'l1')).toThrow(InvalidArgumentError);
  });
  it('decomp (Algorithm 1) lies between persp and the exact optimum on a 30-value window', () => {
    const y = small.slice(0, 30);
    const opt = pathExactCardinality(signalProblem({ y, lambda: 0.3, k: 6 })).objective;
    const c = accelerometerCell(y, 0.3, 6, 'decomp');
    const p = accelerometerCell(y, 0.3, 6, 'persp');
    expect(c.lowerBound).toBeGreaterThanOrEqual(p.lowerBound - 1e-6);
    expect(c.lowerBound).toBeLessThanOrEqual(opt + 1e-6);
  });
});

describe('decomp blocks', () => {
  const y = Float64Array.from([0, 0.05, 0.3, 0.7, 0.9, 0.6, 0.2, 0.02, 0, 0.01]);
  const p: SegmentProblem = { index: 2, y, lambda: 0.5, kappa: 0.02, mu1: 0, u: 1, cFirst: 0.1, cLast: -0.2 };
  it('the block problem handed to Algorithm 1 carries the boundary terms and the global big-M', () => {
    const sp = blockSignalProblem(p);
    expect(sp.y[0]).toBeCloseTo(-0.05, 12);
    expect(sp.y[9]).toBeCloseTo(0.11, 12);
    expect(sp.u).toBe(1);
    expect(sp.yNorm2).toBeCloseTo(y.reduce((a, v) => a + v * v, 0), 12);
  });
  it('persp ≤ Algorithm 1 ≤ block optimum; shortcut agrees', () => {
    const ex = blockExact(p)!;
    expect(ex).not.toBeNull();
    expect(ex.value).toBeCloseTo(blockObjective(p, ex.x), 12);
    const a = decompBlockAlg1(p);
    const persp = solveChainBlock('persp', p);
    expect(persp.value).toBeLessThanOrEqual(a.value + 1e-7);
    expect(a.value).toBeLessThanOrEqual(ex.value + 1e-7);
    expect(Math.abs(decompBlock(p).value - a.value)).toBeLessThan(1e-6);
    // warm start from the cut sets returned
    const w = decompBlockAlg1({ ...p, warm: a.state });
    expect(Math.abs(w.value - a.value)).toBeLessThan(1e-6);
  });
  it('shortcut on a pure-noise block under a large ℓ0 weight: persp = OPT, no Algorithm 1', () => {
    const q: SegmentProblem = { ...p, y: Float64Array.from([0.01, 0.02, 0, 0.03]), kappa: 0.05, cFirst: 0, cLast: 0, warm: [[1], [1], [1]] };
    const r = decompBlock(q);
    expect(r.work).toBe(0);
    expect(Array.from(r.x)).toEqual([0, 0, 0, 0]);
    expect(r.state).toEqual([[1], [1], [1]]);
  });
  it('with an ℓ1 term the exact block DP folds μ₁ into the data', () => {
    const q: SegmentProblem = { ...p, mu1: 0.1 };
    const ex = blockExact(q);
    if (ex) expect(ex.value).toBeCloseTo(blockObjective(q, ex.x), 12);
  });
  it('blockExact returns null when the sign-free optimum leaves [0, u]', () => {
    const q: SegmentProblem = { ...p, y: Float64Array.from([0.9, 0.9]), kappa: 0, cFirst: 0, cLast: -3 };
    expect(blockExact(q)).toBeNull();
  });
});

describe('Table 3 study', () => {
  it('runs a small grid with a stand-in block solver (sync and async), records the paper columns', async () => {
    const opts = { n: 2000, s: 1, h: 100, kappas: [0.02], ms: [1, 20], solver: 'persp' };
    const st = table3Sync(opts);
    expect(st.rows.length).toBe(2);
    expect(st.instance.noise).toBe('sigma-squared');
    expect(st.instance.noiseStd).toBeCloseTo(0.25, 12);
    for (const r of st.rows) {
      expect(r.lowerBound).toBeLessThanOrEqual(r.opt! + 1e-9);
      expect(r.upperBound).toBeGreaterThanOrEqual(r.opt! - 1e-9);
      expect(r.error).toBeGreaterThan(0);
    }
    const asy = await table3({ ...opts, jobs: 0 });
    expect(asy.rows.map((r) => r.lowerBound)).toEqual(st.rows.map((r) => r.lowerBound));
    expect(TABLE3_PAPER['0.005/1000'].time).toBe(31);
    expect(st.series.length).toBe(2);
    const noExact = table3Sync({ ...opts, cells: [[0.02, 20]], exact: false });
    expect(noExact.rows[0].opt).toBeUndefined();
  });
  it('runs a window of the generated instance, not rescaled (the miniature of the grid claims)', () => {
    const st = table3Sync({ n: 4000, s: 2, h: 100, kappas: [0.02], ms: [1], solver: 'persp', window: { start: 1000, length: 1500 }, exact: false });
    expect(st.instance.n).toBe(1500);
    expect(st.instance.window).toEqual({ start: 1000, length: 1500 });
    expect(st.rows[0].firstXiInf).toBe(0);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, window: { start: 90, length: 20 } })).toThrow(/window.length/);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, window: { start: -1, length: 20 } })).toThrow(/window.start/);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, window: null as never })).toThrow(InvalidArgumentError);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, ms: [30], window: { start: 0, length: 20 } })).toThrow(/m/);
  });
  it('rejects bad grids', () => {
    expect(() => table3Sync({ n: 100, s: 1, h: 10, cells: [] })).toThrow(InvalidArgumentError);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, cells: [[0.02, 101]] })).toThrow(InvalidArgumentError);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, cells: [[0.02, 0]] })).toThrow(InvalidArgumentError);
    expect(() => table3Sync({ n: 100, s: 1, h: 10, solver: 'nope' })).toThrow(InvalidArgumentError);
  });
});
