/**
 * Unit tests of the conic solver: bad input (typed errors naming the part),
 * statuses other than optimal, the modelling layer, the sparse LDLᵀ.
 */
import { describe, expect, it } from 'vitest';
import { lusolve } from 'mathjs';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { ConicModel } from '../../src/conic/model.ts';
import { solveConic, type ConicProblem } from '../../src/conic/solver.ts';
import { cscFromTriplets, transpose, matVec, matTVec, symUpperMatVec } from '../../src/conic/sparse.ts';
import { LdlFactor, minimumDegreeOrdering } from '../../src/conic/ldl.ts';
import { coneViolation, kktReport, projectSoc } from '../../src/conic/verify.ts';
import { Kkt } from '../../src/conic/kkt.ts';
import { ntScaling, setIdentity } from '../../src/conic/cones.ts';
import { scaleProblem } from '../../src/conic/equilibrate.ts';
import { buildFeasible } from '../../src/arbitraries/conic.ts';

const lp = (): ConicProblem => ({
  q: [1, 1],
  A: cscFromTriplets(2, 2, [0, 1], [0, 1], [-1, -1]),
  b: [0, 0],
  cones: [{ kind: 'nonneg', dim: 2 }],
});

function expectArgError(f: () => unknown, part: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).argument).toContain(part);
    return;
  }
  throw new Error(`expected an InvalidArgumentError naming ${part}`);
}

describe('conic: bad input gives typed errors naming the part', () => {
  it('problem data', () => {
    expectArgError(() => solveConic({ ...lp(), q: [1, NaN] }), 'q[1]');
    expectArgError(() => solveConic({ ...lp(), q: [] }), 'q.length');
    expectArgError(() => solveConic({ ...lp(), b: [0] }), 'b.length');
    expectArgError(() => solveConic({ ...lp(), b: [0, Infinity] }), 'b[1]');
    expectArgError(() => solveConic({ ...lp(), cones: [{ kind: 'nonneg', dim: 1 }] }), 'cones (sum of dims)');
    expectArgError(() => solveConic({ ...lp(), cones: [{ kind: 'psd' as 'soc', dim: 2 }] }), 'cones[0].kind');
    expectArgError(() => solveConic({ ...lp(), cones: [{ kind: 'soc', dim: 0 }, { kind: 'soc', dim: 2 }] }), 'cones[0].dim');
    expectArgError(() => solveConic({ ...lp(), cones: 'x' as never }), 'cones');
    expectArgError(() => solveConic(null as never), 'problem');
    expectArgError(() => solveConic({ ...lp(), A: undefined as never }), 'A');
    expectArgError(() => solveConic({ ...lp(), A: { ...lp().A, ncols: 3 } }), 'A.ncols');
    expectArgError(() => solveConic({ ...lp(), A: { ...lp().A, values: Float64Array.from([1, NaN]) } }), 'A.values[1]');
    expectArgError(() => solveConic({ ...lp(), A: { ...lp().A, colPtr: Int32Array.from([0, 1]) } }), 'A.colPtr');
    expectArgError(() => solveConic({ ...lp(), A: { ...lp().A, rowIdx: Int32Array.from([0, 7]) } }), 'A.rowIdx[1]');
    expectArgError(() => solveConic({ ...lp(), A: { nrows: 2, ncols: 2, colPtr: Int32Array.from([0, 2, 2]), rowIdx: Int32Array.from([1, 0]), values: Float64Array.from([1, 1]) } }), 'A.rowIdx[1]');
    expectArgError(() => solveConic({ ...lp(), A: { nrows: 2, ncols: 2, colPtr: Int32Array.from([0, 2, 1]), rowIdx: Int32Array.from([0, 1]), values: Float64Array.from([1, 1]) } }), 'A.colPtr[2]');
  });
  it('P: upper triangle, PSD where detectable', () => {
    expectArgError(() => solveConic({ ...lp(), P: cscFromTriplets(2, 2, [1], [0], [1]) }), 'P(1,0)');
    expectArgError(() => solveConic({ ...lp(), P: cscFromTriplets(2, 2, [0], [0], [-1]) }), 'P(0,0)');
    expectArgError(() => solveConic({ ...lp(), P: cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [1, 2, 1]) }), 'P(0,1)');
    expectArgError(() => solveConic({ ...lp(), P: cscFromTriplets(3, 3, [0], [0], [1]) }), 'P.nrows');
    expectArgError(() => solveConic({ ...lp(), P: cscFromTriplets(2, 2, [0, 1, 0, 1], [0, 0, 1, 1], [2, 0.5, 0.7, 2]) }), 'P(1,0)');
  });
  it('a full symmetric P is accepted and equals its upper triangle', () => {
    const full = solveConic({ ...lp(), P: cscFromTriplets(2, 2, [0, 1, 0, 1], [0, 0, 1, 1], [2, 0.5, 0.5, 2]) });
    const upper = solveConic({ ...lp(), P: cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [2, 0.5, 2]) });
    expect(full.status).toBe('optimal');
    expect(full.objective).toBeCloseTo(upper.objective, 10);
  });
  it('options', () => {
    expectArgError(() => solveConic(lp(), { epsRel: -1 }), 'options.epsRel');
    expectArgError(() => solveConic(lp(), { maxIterations: 1.5 }), 'options.maxIterations');
    expectArgError(() => solveConic(lp(), { timeLimitMs: NaN }), 'options.timeLimitMs');
  });
  it('triplets', () => {
    expectArgError(() => cscFromTriplets(2, 2, [0, 2], [0, 0], [1, 1]), 'matrix.row[1]');
    expectArgError(() => cscFromTriplets(2, 2, [0], [5], [1]), 'matrix.col[0]');
    expectArgError(() => cscFromTriplets(2, 2, [0], [0], [NaN]), 'matrix.value[0]');
    expectArgError(() => cscFromTriplets(2, 2, [0], [0, 1], [1]), 'matrix triplets');
  });
  it('model', () => {
    const m = new ConicModel();
    const x = m.variable('x', 2);
    expectArgError(() => m.variable('x', 1), 'name');
    expectArgError(() => m.variable('', 1), 'name');
    expectArgError(() => m.variable('y', 0), 'size');
    expectArgError(() => m.variable('y', 2, { lb: [0] }), 'lb.length');
    expectArgError(() => m.variable('y', 2, { ub: [0] }), 'ub.length');
    expectArgError(() => m.variable('w', 1, { lb: [NaN] }), 'lb[0]');
    expectArgError(() => m.variable('w', 1, { lb: 2, ub: 1 }), 'bounds[0]');
    expectArgError(() => x.at(2), 'x.at(i)');
    expectArgError(() => m.setBounds(0, 1, 0), 'bounds of x[0]');
    expectArgError(() => m.setBounds(0, Infinity), 'lb of x[0]');
    expectArgError(() => m.setBounds(0, undefined, -Infinity), 'ub of x[0]');
    expectArgError(() => m.setBounds(9), 'setBounds: v');
    expectArgError(() => m.addLinear([[1, 0]], '<' as '<=', 0), 'sense');
    expectArgError(() => m.addLinear([[1, 5]], '<=', 0), 'var');
    expectArgError(() => m.addLinear([[NaN, 0]], '<=', 0), 'coef');
    expectArgError(() => m.addLinear([[1] as never], '<=', 0), 'terms[0]');
    expectArgError(() => m.addLinear('x' as never, '<=', 0), 'terms');
    expectArgError(() => m.addSquare([[1, 0]], 0, -1), 'weight');
    expectArgError(() => m.addQuadratic(0, 3, 1), 'addQuadratic: j');
    expectArgError(() => m.addObjective(0, Infinity), 'addObjective: c');
    expectArgError(() => m.secondOrderCone(0, 'u' as never), 'secondOrderCone: u');
    expectArgError(() => m.rotatedCone(0, 1, 'u' as never), 'rotatedCone: u');
    expectArgError(() => m.secondOrderCone(0, [{ terms: [[1, 0]], constant: NaN }]), 'constant');
    expectArgError(() => m.secondOrderCone('t' as never, []), 'secondOrderCone: t');
    expectArgError(() => m.block('nope'), 'block name');
    expectArgError(() => new ConicModel().compile(), 'model');
    const r = (() => {
      m.addLinear([[1, x.at(0)]], '>=', 1, 'low');
      m.addSquare([[1, x.at(0)], [1, x.at(1)]]);
      return m.solve();
    })();
    expectArgError(() => r.value('nope'), 'value: name');
    expectArgError(() => r.dual('nope'), 'dual: name');
  });
});

describe('conic: solutions, duals and statuses', () => {
  it('LP optimum with duals by name (>=, ==, <=)', () => {
    const m = new ConicModel();
    const x = m.variable('x', 2, { lb: 0 });
    expect(m.block('x')).toBe(x);
    expect(m.size).toBe(2);
    m.addObjective(x.at(0), 1);
    m.addObjective(x.at(1), 2);
    m.addObjectiveConstant(3);
    m.addLinear([[1, x.at(0)], [1, x.at(1)]], '>=', 1, 'cover');
    m.addLinear([[1, x.at(0)], [-1, x.at(1)]], '==', 0.5, 'diff');
    m.addLinear([[1, x.at(0)]], '<=', 10, 'cap');
    const r = m.solve();
    expect(r.status).toBe('optimal');
    expect(r.value('x')[0]).toBeCloseTo(0.75, 6);
    expect(r.value('x')[1]).toBeCloseTo(0.25, 6);
    expect(r.objective).toBeCloseTo(3 + 0.75 + 0.5, 6);
    // stationarity: c − y_cover·(1,1) + y_diff·(1,−1) + y_cap(1,0) − bound duals = 0, bounds inactive
    const yc = r.dual('cover')[0];
    const yd = r.dual('diff')[0];
    expect(yc).toBeGreaterThan(0);
    expect(yc).toBeCloseTo(1.5, 5);
    expect(yd).toBeCloseTo(0.5, 5);
    expect(r.dual('cap')[0]).toBeCloseTo(0, 6);
    expect(r.certificate.iterations).toBeGreaterThan(0);
    expect(r.certificate.fillRatio).toBeGreaterThanOrEqual(1);
  });
  it('equality-only QP (degree-0 cone product) and a 1-dimensional SOC', () => {
    const m = new ConicModel();
    const x = m.variable('x', 3);
    for (let i = 0; i < 3; i++) m.addQuadratic(x.at(i), x.at(i), 2);
    m.addQuadratic(x.at(0), x.at(1), 0.5);
    m.addLinear([[1, x.at(0)], [1, x.at(1)], [1, x.at(2)]], '==', 3);
    const r = m.solve();
    expect(r.status).toBe('optimal');
    const v = r.value('x');
    expect(v[0] + v[1] + v[2]).toBeCloseTo(3, 8);
    const m2 = new ConicModel();
    const t = m2.variable('t', 1);
    m2.addSquare([[1, t.at(0)]], 2);
    m2.secondOrderCone(t.at(0), []); // t ≥ 0
    const r2 = m2.solve();
    expect(r2.status).toBe('optimal');
    expect(r2.value('t')[0]).toBeCloseTo(0, 6);
  });
  it('max_iterations, time_limit and verbose log; best iterate with residuals', () => {
    const p = lp();
    const lines: string[] = [];
    const r = solveConic({ ...p, q: [1, -1], A: cscFromTriplets(3, 2, [0, 1, 2], [0, 1, 1], [-1, -1, 1]), b: [0, 0, 1], cones: [{ kind: 'nonneg', dim: 3 }] }, { maxIterations: 2, verbose: true, logger: (s) => lines.push(s) });
    expect(r.status).toBe('max_iterations');
    expect(lines.length).toBe(3);
    expect(Number.isFinite(r.certificate.primalResidual)).toBe(true);
    const r2 = solveConic(p, { timeLimitMs: 0 });
    expect(r2.status).toBe('time_limit');
    // reduced accuracy: stopped by the iteration limit, best iterate within tolerances × reducedFactor
    const r3 = solveConic(p, { maxIterations: 3, reducedFactor: 1e7 });
    expect(r3.status).toBe('almost_optimal');
    expect(r3.certificate.stopReason).toBe('max_iterations');
    expectArgError(() => solveConic(p, { reducedFactor: 0 }), 'options.reducedFactor');
    const r4 = solveConic(p, { equilibrate: false });
    expect(r4.status).toBe('optimal');
  });
  it('overflowing data ends in numerical_error, not a hang', () => {
    const r = solveConic({ q: [1e300, -1e300], A: cscFromTriplets(2, 2, [0, 1, 0], [0, 1, 1], [-1e300, -1, 1e300]), b: [1e300, 0], cones: [{ kind: 'nonneg', dim: 2 }] });
    expect(r.status).toBe('numerical_error');
  });
  it('dual infeasible LP: unbounded ray certificate', () => {
    const r = solveConic({ q: [-1], A: cscFromTriplets(1, 1, [0], [0], [-1]), b: [0], cones: [{ kind: 'nonneg', dim: 1 }] });
    expect(r.status).toBe('dual_infeasible');
    expect(r.farkas?.x?.[0]).toBeCloseTo(1, 8);
  });
  it('primal infeasible: x ≥ 1 and x ≤ 0', () => {
    const r = solveConic({ q: [1], A: cscFromTriplets(2, 1, [0, 1], [0, 0], [-1, 1]), b: [-1, 0], cones: [{ kind: 'nonneg', dim: 2 }] });
    expect(r.status).toBe('primal_infeasible');
    const z = r.farkas!.z!;
    expect(z[0] - z[1]).toBeCloseTo(0, 8);
    expect(-z[0]).toBeCloseTo(-1, 8);
  });
});

describe('conic: large second-order cones use the sparse expansion', () => {
  it('projection onto a 60-dimensional SOC: closed form, KKT size linear in d', () => {
    const rng = createRng(11);
    for (const d of [17, 60]) {
      const v = Array.from({ length: d }, () => 3 * rng.normal());
      const m = new ConicModel();
      const x = m.variable('x', d);
      for (let i = 0; i < d; i++) m.addSquare([[1, x.at(i)]], -v[i]);
      m.secondOrderCone(x.at(0), v.slice(1).map((_, k) => x.at(k + 1)));
      const r = m.solve();
      expect(['optimal', 'almost_optimal']).toContain(r.status);
      const ref = projectSoc(v);
      r.value('x').forEach((xi, i) => expect(Math.abs(xi - ref[i])).toBeLessThan(1e-6));
      // d diagonal P entries + d A entries + d cone diagonals + two expansion columns of d + 1
      expect(r.certificate.nnzKkt).toBe(5 * d + 2);
      expect(r.certificate.kktDim).toBe(2 * d + 2);
      expect(kktReport(r.problem, r.raw).stationarity).toBeLessThan(1e-7);
    }
  });
});

describe('conic: sparse kernels and LDLᵀ', () => {
  it('quasi-definite LDLᵀ solve matches a dense mathjs solve', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 5; trial++) {
      const n = 6;
      const m = 4;
      const N = n + m;
      const D: number[][] = Array.from({ length: N }, () => new Array(N).fill(0));
      for (let i = 0; i < n; i++) D[i][i] = 1 + rng.uniform();
      for (let i = 0; i < m; i++) D[n + i][n + i] = -(0.5 + rng.uniform());
      for (let k = 0; k < 10; k++) {
        const i = rng.int(n);
        const j = n + rng.int(m);
        const v = rng.normal();
        D[i][j] += v;
        D[j][i] += v;
      }
      const r: number[] = [];
      const c: number[] = [];
      const v: number[] = [];
      for (let j = 0; j < N; j++) for (let i = 0; i <= j; i++) if (D[i][j] !== 0 || i === j) {
        r.push(i);
        c.push(j);
        v.push(D[i][j]);
      }
      const K = cscFromTriplets(N, N, r, c, v);
      const signs = Float64Array.from({ length: N }, (_, i) => (i < n ? 1 : -1));
      const f = new LdlFactor({ n: N, colPtr: K.colPtr, rowIdx: K.rowIdx, values: K.values }, signs);
      const diagPos = new Int32Array(N);
      for (let j = 0; j < N; j++) diagPos[j] = K.colPtr[j + 1] - 1;
      expect(f.factor(K.values, new Float64Array(N), diagPos)).toBe(true);
      const b = Float64Array.from({ length: N }, () => rng.normal());
      const x = new Float64Array(N);
      f.solve(b, x);
      const ref = (lusolve(D, Array.from(b)) as number[][]).map((t) => t[0]);
      for (let i = 0; i < N; i++) expect(x[i]).toBeCloseTo(ref[i], 9);
      const perm = Array.from(minimumDegreeOrdering({ n: N, colPtr: K.colPtr, rowIdx: K.rowIdx })).sort((a, b2) => a - b2);
      expect(perm).toEqual([...Array(N).keys()]);
    }
  });
  it('dynamic regularisation replaces a zero pivot; non-finite pivots are reported', () => {
    const K = cscFromTriplets(2, 2, [0, 1], [0, 1], [0, 1]);
    const f = new LdlFactor({ n: 2, colPtr: K.colPtr, rowIdx: K.rowIdx, values: K.values }, Float64Array.from([1, 1]));
    expect(f.factor(K.values, new Float64Array(2), Int32Array.from([0, 1]))).toBe(true);
    expect(f.stats.dynamicRegularisations).toBe(1);
    expect(f.factor(Float64Array.from([NaN, 1]), new Float64Array(2), Int32Array.from([0, 1]))).toBe(false);
  });
  it('triplets sum duplicates; transpose and products agree', () => {
    const A = cscFromTriplets(2, 3, [1, 0, 1, 1], [0, 2, 0, 1], [1, 2, 3, 4]);
    expect(Array.from(A.values)).toEqual([4, 4, 2]);
    const At = transpose(A);
    const x = [1, 2, 3];
    const y = new Float64Array(2);
    matVec(A, x, y);
    expect(Array.from(y)).toEqual([6, 12]);
    const z = new Float64Array(3);
    matTVec(At, x, y.fill(0));
    matTVec(A, [1, 1], z);
    expect(Array.from(z)).toEqual([4, 4, 2]);
    const P = cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [2, 1, 3]);
    const w = new Float64Array(2);
    symUpperMatVec(P, [1, 1], w);
    expect(Array.from(w)).toEqual([3, 4]);
  });
  it('verification helpers', () => {
    expect(coneViolation([{ kind: 'zero', dim: 1 }, { kind: 'nonneg', dim: 1 }, { kind: 'soc', dim: 2 }], [0.5, -1, 1, 3], false)).toBe(2);
    expect(coneViolation([{ kind: 'zero', dim: 1 }], [5], true)).toBe(0);
    expect(Array.from(projectSoc([-3, 1, 0]))).toEqual([0, 0, 0]);
    const p = lp();
    const k = kktReport(p, { x: Float64Array.from([0, 0]), s: Float64Array.from([0, 0]), z: Float64Array.from([1, 1]) });
    expect(k.stationarity).toBe(0);
  });
});

describe('KKT system in the pivot ordering', () => {
  // the refinement's residual and the paired solve must reproduce Kkt.mul and two single solves bit for bit
  for (const kind of ['qp', 'socp', 'rotated'] as const) {
    it(`${kind}: residual rows equal mul, solvePair equals two solves (bitwise)`, () => {
      const inst = buildFeasible(kind, 4242, kind === 'socp' ? 40 : 12);
      const d = scaleProblem(inst.problem, true);
      const kkt = new Kkt(d.n, d.m, d.P, d.A, d.L, 1e-8, 6);
      const rng = createRng(7);
      const s = new Float64Array(d.m);
      const z = new Float64Array(d.m);
      setIdentity(d.L, s);
      setIdentity(d.L, z);
      for (let i = 0; i < d.m; i++) {
        s[i] = 2 * s[i] + 0.1 * rng.normal();
        z[i] = 2 * z[i] + 0.1 * rng.normal();
      }
      const w = new Float64Array(d.m);
      const eta = new Float64Array(d.L.kind.length);
      const lam = new Float64Array(d.m);
      expect(ntScaling(d.L, s, z, w, eta, lam)).toBe(true);
      kkt.setScaling(w, eta, false);
      expect(kkt.factorise()).toBe(true);
      const NN = kkt.NN;
      const perm = kkt.factor.perm;
      const x = Float64Array.from({ length: NN }, () => rng.normal());
      const b = Float64Array.from({ length: NN }, () => rng.normal());
      const y = new Float64Array(NN);
      kkt.mul(x, y);
      const xp = Float64Array.from(perm, (o) => x[o]);
      const bp = Float64Array.from(perm, (o) => b[o]);
      const r = new Float64Array(NN);
      const priv = kkt as unknown as { residualPermuted(x: Float64Array, b: Float64Array, r: Float64Array): number };
      priv.residualPermuted(xp, bp, r);
      for (let k = 0; k < NN; k++) expect(Object.is(r[k], b[perm[k]] - y[perm[k]])).toBe(true);
      const N = d.n + d.m;
      const ra = Float64Array.from({ length: N }, () => rng.normal());
      const rb = Float64Array.from({ length: N }, () => rng.normal());
      const xa = new Float64Array(N);
      const xb = new Float64Array(N);
      const pa = new Float64Array(N);
      const pb = new Float64Array(N);
      for (const refine of [0, 1, 6]) {
        kkt.solve(ra, xa, refine);
        kkt.solve(rb, xb, refine);
        kkt.solvePair(ra, pa, rb, pb, refine);
        expect(Array.from(pa)).toEqual(Array.from(xa));
        expect(Array.from(pb)).toEqual(Array.from(xb));
      }
    });
  }
});
