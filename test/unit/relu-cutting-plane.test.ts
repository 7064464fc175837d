import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { linearGroupLasso, whitenedClosedForm } from '../../src/relu/closed-forms.ts';
import { ConeProjector } from '../../src/relu/cone.ts';
import { solveConicProgram } from '../../src/relu/conic-program.ts';
import { certifyCuttingPlane, cuttingPlaneMaster, cuttingPlaneTraining, neuronColumns, spikeFreeCuts } from '../../src/relu/cutting-plane.ts';
import { networkObjective } from '../../src/relu/network.ts';
import { reluProblem } from '../../src/relu/problem.ts';
import { gramSchmidtRows } from '../../src/arbitraries/relu.ts';

const rng = createRng(2024);
const gaussian = (n: number, d: number): number[][] => Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
const vec = (n: number): number[] => Array.from({ length: n }, () => rng.normal());
/** First n rows of a random orthogonal d×d matrix. */
function whitened(n: number, d: number): number[][] {
  return gramSchmidtRows(gaussian(n, d));
}

describe('spike-free separation (eq. (15)) by the conic solver', () => {
  it('the SOCP values equal the exact cone projections ±‖Π_K(±Xᵀv)‖ with K = {Xu ≥ 0}', () => {
    const p = reluProblem({ X: gaussian(5, 7), y: vec(5), beta: 0.1 });
    const v = Float64Array.from(vec(5));
    const cuts = spikeFreeCuts(p, v);
    const g = new Float64Array(7);
    for (let j = 0; j < 5; j++) for (let k = 0; k < 7; k++) g[k] += p.X[j * 7 + k] * v[j];
    const proj = new ConeProjector(p.X, 5, 7);
    const ones = new Uint8Array(5).fill(1);
    const tmp = new Float64Array(7);
    expect(cuts.max).toBeCloseTo(proj.project(ones, g, tmp, 1), 7);
    expect(cuts.min).toBeCloseTo(-proj.project(ones, g, tmp, -1), 7);
    // the cuts are unit vectors in the relaxed set
    for (const u of [cuts.u1, cuts.u2]) {
      expect(Math.hypot(...u)).toBeCloseTo(1, 12);
      for (let j = 0; j < 5; j++) {
        let s = 0;
        for (let k = 0; k < 7; k++) s += p.X[j * 7 + k] * u[k];
        expect(s).toBeGreaterThan(-1e-7);
      }
    }
  });
  it('an empty relaxed set (Xu ≥ 0 only at u = 0) gives no cut', () => {
    const p = reluProblem({ X: [[1], [-1], [2]], y: [1, 2, 3], beta: 0.1 });
    const cuts = spikeFreeCuts(p, p.y);
    expect(cuts.max).toBe(0);
    expect(cuts.min).toBe(0);
    const r = cuttingPlaneTraining(p);
    expect(r.m).toBe(0);
    expect(r.status).toBe('no-violation');
    expect(r.certificate.value).toBeCloseTo(0.5 * 14, 12);
  });
  it('with a hidden bias and 1ᵀv = 0 the separation value is ‖Xᵀv‖', () => {
    const p = reluProblem({ X: gaussian(6, 3), y: vec(6), beta: 0.1 });
    const v = Float64Array.from(vec(6));
    const mean = v.reduce((s, x) => s + x, 0) / 6;
    for (let j = 0; j < 6; j++) v[j] -= mean;
    const g = new Float64Array(3);
    for (let j = 0; j < 6; j++) for (let k = 0; k < 3; k++) g[k] += p.X[j * 3 + k] * v[j];
    const cuts = spikeFreeCuts(p, v, true);
    expect(cuts.max).toBeCloseTo(Math.hypot(...g), 7);
    expect(cuts.min).toBeCloseTo(-Math.hypot(...g), 7);
  });
});

describe('cuttingPlaneTraining (Algorithm 1, Algorithm 3)', () => {
  it('whitened data: one round gives Theorem 9\'s closed-form optimum', () => {
    const p = reluProblem({ X: whitened(5, 8), y: vec(5), beta: 0.1 });
    const r = cuttingPlaneTraining(p);
    expect(r.status === 'certified' || r.status === 'no-violation').toBe(true);
    expect(r.iterations).toBe(1);
    const closed = whitenedClosedForm(p);
    expect(Math.abs(r.certificate.value - closed.primal) / closed.primal).toBeLessThan(1e-9);
    expect(networkObjective(p, r.network!)).toBeCloseTo(r.certificate.value, 12);
  });
  it('general data: the value is the optimum of program (22) over D = I, certified by its own gap', () => {
    const X = gaussian(8, 3).map((row) => row.map(Math.abs));
    const p = reluProblem({ X, y: vec(8), beta: 0.1 });
    const r = cuttingPlaneTraining(p, { tolGap: 1e-7 });
    expect(r.status).toBe('certified');
    expect(r.certificate.relGap).toBeLessThanOrEqual(1e-7);
    expect(r.certificate.lowerBound).toBeLessThanOrEqual(r.certificate.value);
    const single = solveConicProgram(p, { n: 8, masks: [new Uint8Array(8).fill(1)], exact: false, method: 'given' });
    expect(Math.abs(r.certificate.value - single.certificate.networkValue) / r.certificate.value).toBeLessThan(2e-7);
    // history: separation values above β until the last rounds
    expect(r.history[0]).toBeGreaterThan(1);
    expect(r.conicSolves).toBe(2 * r.history.length + r.iterations);
  });
  it('keeping every cut (prune: false) reaches the same value', () => {
    const X = gaussian(7, 3).map((row) => row.map(Math.abs));
    const p = reluProblem({ X, y: vec(7), beta: 0.2 });
    const a = cuttingPlaneTraining(p, { tolGap: 1e-7 });
    const b = cuttingPlaneTraining(p, { tolGap: 1e-7, prune: false });
    expect(Math.abs(a.certificate.value - b.certificate.value) / a.certificate.value).toBeLessThan(3e-7);
  });
  it('with an output intercept the residual is centred and the intercept is fitted', () => {
    const X = gaussian(7, 3).map((row) => row.map(Math.abs));
    const y = vec(7).map((v) => v + 3);
    const p = reluProblem({ X, y, beta: 0.1, intercept: true });
    const r = cuttingPlaneTraining(p, { tolGap: 1e-7 });
    expect(r.certificate.relGap).toBeLessThanOrEqual(1e-7);
    expect(networkObjective(p, r.network!)).toBeCloseTo(r.certificate.value, 10);
  });
  it('the bias variant reaches the linear group lasso with an intercept', () => {
    const p = reluProblem({ X: gaussian(8, 2), y: vec(8), beta: 0.1 });
    const r = cuttingPlaneTraining(p, { bias: true, tolGap: 1e-8 });
    expect(r.network).toBeUndefined();
    const lin = linearGroupLasso(p);
    expect(Math.abs(r.certificate.value - lin.value) / lin.value).toBeLessThan(1e-8 + 1e-10);
    expect(r.certificate.lowerBound).toBeLessThanOrEqual(lin.value + 1e-12);
  });
  it('merging the neurons of each sign keeps two neurons and reaches the same value', () => {
    const X = gaussian(9, 3).map((row) => row.map(Math.abs));
    const p = reluProblem({ X, y: vec(9), beta: 0.1 });
    const a = cuttingPlaneTraining(p, { tolGap: 1e-7 });
    const b = cuttingPlaneTraining(p, { tolGap: 1e-7, merge: true });
    expect(b.m).toBeLessThanOrEqual(2);
    expect(b.certificate.relGap).toBeLessThanOrEqual(1e-7);
    expect(Math.abs(a.certificate.value - b.certificate.value) / a.certificate.value).toBeLessThan(3e-7);
    const c = cuttingPlaneTraining(reluProblem({ X: gaussian(8, 2), y: vec(8), beta: 0.1 }), { bias: true, merge: true, tolGap: 1e-7 });
    expect(c.m).toBeLessThanOrEqual(2);
    expect(c.certificate.relGap).toBeLessThanOrEqual(1e-7);
  });
  it('the round limit is reported', () => {
    const X = gaussian(8, 3).map((row) => row.map(Math.abs));
    const p = reluProblem({ X, y: vec(8), beta: 0.05 });
    const r = cuttingPlaneTraining(p, { tolGap: 0, maxIterations: 1 });
    expect(r.status).toBe('max_iterations');
    expect(r.iterations).toBe(1);
  });
  it('the certificate is recomputed from the network: a perturbed weight raises the gap', () => {
    const X = gaussian(7, 3).map((row) => row.map(Math.abs));
    const p = reluProblem({ X, y: vec(7), beta: 0.1 });
    const r = cuttingPlaneTraining(p, { tolGap: 1e-8 });
    const w = Float64Array.from(r.w);
    const big = w.reduce((best, x, q) => (Math.abs(x) > Math.abs(w[best]) ? q : best), 0);
    w[big] *= 1.1;
    const bad = certifyCuttingPlane(p, r.U, r.b, w, r.c, false);
    expect(bad.relGap).toBeGreaterThan(1e-4);
  });
  it('the master problem with one column is a soft-threshold', () => {
    const p = reluProblem({ X: [[1], [2]], y: [1, 3], beta: 0.5 });
    const Z = neuronColumns(p, [1], [0], 1);
    const { w } = cuttingPlaneMaster(p, Z, 1, [1], false);
    // min ½‖z w − y‖² + β|w| with z = (1, 2): w = (zᵀy − β)/‖z‖² = (7 − 0.5)/5
    expect(w[0]).toBeCloseTo(6.5 / 5, 8);
  });
});

describe('linearGroupLasso', () => {
  it('satisfies its optimality conditions X̃ᵀ(ỹ − X̃u) = βu/‖u‖, and u = 0 when ‖X̃ᵀỹ‖ ≤ β', () => {
    const p = reluProblem({ X: gaussian(9, 3), y: vec(9), beta: 0.3 });
    const { u, c } = linearGroupLasso(p);
    const r = new Float64Array(9);
    for (let j = 0; j < 9; j++) {
      r[j] = p.y[j] - c;
      for (let k = 0; k < 3; k++) r[j] -= p.X[j * 3 + k] * u[k];
    }
    expect(Math.abs(r.reduce((s, x) => s + x, 0))).toBeLessThan(1e-12);
    const nu = Math.hypot(...u);
    for (let k = 0; k < 3; k++) {
      let g = 0;
      for (let j = 0; j < 9; j++) g += p.X[j * 3 + k] * r[j];
      expect(g).toBeCloseTo((0.3 * u[k]) / nu, 10);
    }
    const big = linearGroupLasso(reluProblem({ X: gaussian(9, 3), y: vec(9), beta: 1e6 }));
    expect(Math.hypot(...big.u)).toBe(0);
  });
});

describe('bad input gives typed errors naming the argument', () => {
  const p = reluProblem({ X: gaussian(4, 2), y: vec(4), beta: 0.1 });
  it.each([
    [{ tolGap: -1 }, 'tolGap'],
    [{ tolGap: Number.NaN }, 'tolGap'],
    [{ maxIterations: 0 }, 'maxIterations'],
    [{ maxIterations: 1.5 }, 'maxIterations'],
    [{ bias: 'yes' }, 'bias'],
    [{ prune: 1 }, 'prune'],
    [{ separation: 3 }, 'separation'],
    [{ merge: 'no' }, 'merge'],
  ])('%j', (opts, name) => {
    expect(() => cuttingPlaneTraining(p, opts as never)).toThrow(InvalidArgumentError);
    expect(() => cuttingPlaneTraining(p, opts as never)).toThrow(name);
  });
  it('a problem that is not a ReluProblem, a dual point of the wrong length or not finite', () => {
    expect(() => cuttingPlaneTraining({} as never)).toThrow(InvalidArgumentError);
    expect(() => spikeFreeCuts(p, [1, 2])).toThrow('v.length');
    expect(() => spikeFreeCuts(p, [1, Number.NaN, 0, 0])).toThrow('v[1]');
  });
});
