/**
 * Unit tests of the vector-output ReLU code, the L-BFGS baseline, the certified
 * spectral norm, the IDX loader and the whitened Fashion-MNIST preparation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { enumeratePatterns } from '../../src/relu/arrangements.ts';
import { ConeProjector } from '../../src/relu/cone.ts';
import { FASHION_MNIST_DIR, IdxFormatError, loadFashionMnistSubsample, loadSplit, parseIdx, readIdxGz, whitenedStudyData } from '../../src/relu/fashion-mnist.ts';
import { allActivePlusSampled, runFigure11, runFigure11Trials } from '../../src/relu/figure11.ts';
import { lbfgs } from '../../src/relu/lbfgs.ts';
import { smallGram, spectralNormUpper, symmetricEigen } from '../../src/relu/linalg.ts';
import { trainNetwork } from '../../src/relu/nonconvex.ts';
import { reluProblem } from '../../src/relu/problem.ts';
import { solveWorkingSet } from '../../src/relu/working-set.ts';
import {
  certifyVectorNetwork, oneHot, outputProblem, solveSeparable, vectorDualCheck, vectorNetworkObjective, vectorProblem, vectorResidual, vectorScaledDual,
  whitenedOneHotNetwork,
} from '../../src/relu/vector.ts';
import { accuracy, trainVectorNetwork, vectorObjectiveAndGradient } from '../../src/relu/vector-train.ts';
import { gramSchmidtRows } from '../../src/arbitraries/relu.ts';

const argumentOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidArgumentError) return e.argument;
    throw e;
  }
  throw new Error('no error thrown');
};

function gaussian(seed: number, rows: number, cols: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
}

describe('linear algebra: certified spectral norm, Jacobi eigen-decomposition', () => {
  it('spectralNormUpper is an upper bound within 1e-8 of the largest singular value', () => {
    for (const [r, c] of [[7, 3], [3, 7], [20, 20]]) {
      const A = Float64Array.from(gaussian(r * c, r, c).flat());
      const { G, s } = smallGram(A, r, c);
      const lam = Math.max(...symmetricEigen(G, s).values);
      const ub = spectralNormUpper(A, r, c);
      expect(ub).toBeGreaterThanOrEqual(Math.sqrt(lam));
      expect(ub / Math.sqrt(lam) - 1).toBeLessThan(1e-8);
    }
    expect(spectralNormUpper(new Float64Array(6), 2, 3)).toBe(0);
  });
  it('symmetricEigen reconstructs S = V diag(λ) Vᵀ', () => {
    const k = 12;
    const B = gaussian(3, k, k);
    const S = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) S[i * k + j] = B[i][j] + B[j][i];
    const { values, V } = symmetricEigen(S, k);
    let err = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
      let q = 0;
      for (let t = 0; t < k; t++) q += V[i * k + t] * V[j * k + t] * values[t];
      err = Math.max(err, Math.abs(q - S[i * k + j]));
    }
    expect(err).toBeLessThan(1e-12);
  });
});

describe('cone projection with orthonormal rows', () => {
  it('the closed-form projection equals the NNLS projection', () => {
    const rng = createRng(9);
    const n = 5;
    const d = 8;
    const Q = gramSchmidtRows(gaussian(11, n, d));
    const X = Float64Array.from(Q.flat());
    const fast = new ConeProjector(X, n, d);
    expect(fast.orthonormalRows).toBe(true);
    const perturbed = Float64Array.from(X);
    perturbed[0] *= 1 + 1e-9; // breaks the orthonormality test: the NNLS path runs
    const slow = new ConeProjector(perturbed, n, d);
    expect(slow.orthonormalRows).toBe(false);
    for (let trial = 0; trial < 20; trial++) {
      const mask = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0));
      const g = Float64Array.from({ length: d }, () => rng.normal());
      const a = fast.project(mask, g, new Float64Array(d), 1);
      const b = slow.project(mask, g, new Float64Array(d), 1);
      expect(Math.abs(a - b)).toBeLessThan(1e-7);
    }
  });

  it('the closed-form projection and the bound ‖g + Aᵀλ‖ equal the plain loops bit for bit (d off multiples of 4)', () => {
    const rng = createRng(12);
    for (const [n, d] of [[3, 7], [4, 9], [6, 13]]) {
      const X = Float64Array.from(gramSchmidtRows(gaussian(n + d, n, d)).flat());
      const proj = new ConeProjector(X, n, d);
      for (let trial = 0; trial < 10; trial++) {
        const mask = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0));
        const g = Float64Array.from({ length: d }, () => rng.normal());
        const lam = Float64Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : rng.uniform()));
        // plain loops: v_k = −g_k + Σ_j λ_j s_j X_jk over j in order; Π_K(g) = g + Σ_j max(−s_j x_jᵀg, 0) s_j x_j
        let s2 = 0;
        for (let k = 0; k < d; k++) {
          let v = -g[k];
          for (let j = 0; j < n; j++) if (lam[j] !== 0) v += (mask[j] ? lam[j] : -lam[j]) * X[j * d + k];
          s2 += v * v;
        }
        expect(Object.is(proj.bound(mask, g, lam, -1), Math.sqrt(s2))).toBe(true);
        const plain = Float64Array.from(g);
        for (let j = 0; j < n; j++) {
          let a = 0;
          for (let k = 0; k < d; k++) a += X[j * d + k] * g[k];
          const aj = mask[j] ? a : -a;
          if (aj < 0) for (let k = 0; k < d; k++) plain[k] += (mask[j] ? -aj : aj) * X[j * d + k];
        }
        const out = new Float64Array(d);
        proj.project(mask, g, out, 1);
        expect(Array.from(out).every((v, k) => Object.is(v, plain[k]))).toBe(true);
      }
    }
  });
});

describe('vector-output problems and networks', () => {
  it('bad input: typed errors naming the argument', () => {
    const X = gaussian(1, 4, 2);
    const Y = gaussian(2, 4, 3);
    expect(argumentOf(() => vectorProblem({ X, Y: Y.slice(0, 3), beta: 1 }))).toBe('Y.length');
    expect(argumentOf(() => vectorProblem({ X, Y, beta: 0 }))).toBe('beta');
    expect(argumentOf(() => vectorProblem({ X, Y, beta: Number.NaN }))).toBe('beta');
    expect(argumentOf(() => vectorProblem({ X, Y: [[1, 2, 3], [1, 2], [1, 2, 3], [1, 2, 3]], beta: 1 }))).toBe('Y[1].length');
    expect(argumentOf(() => vectorProblem({ X, Y: [[1, 2, 3], [1, Infinity, 3], [1, 2, 3], [1, 2, 3]], beta: 1 }))).toBe('Y[1][1]');
    expect(argumentOf(() => vectorProblem({ X, Y: new Float64Array(12), beta: 1 }))).toBe('K');
    expect(argumentOf(() => vectorProblem({ X, Y: new Float64Array(12), K: 5, beta: 1 }))).toBe('Y.length');
    expect(argumentOf(() => vectorProblem({ X, Y, beta: 1, intercept: 'yes' as unknown as boolean }))).toBe('intercept');
    expect(argumentOf(() => vectorProblem(null as never))).toBe('problem');
    expect(argumentOf(() => oneHot([0, 3], 3))).toBe('labels[1]');
    expect(argumentOf(() => oneHot([0], 0))).toBe('K');
    const p = vectorProblem({ X, Y, beta: 0.1 });
    expect(argumentOf(() => outputProblem(p, 3))).toBe('k');
    expect(argumentOf(() => trainVectorNetwork(p, { m: 0, rng: createRng(1) }))).toBe('m');
    expect(argumentOf(() => trainVectorNetwork(p, { m: 2, rng: createRng(1), optimizer: 'sgd' as never }))).toBe('optimizer');
    expect(argumentOf(() => trainVectorNetwork(p, { m: 2, rng: undefined as never }))).toBe('rng');
    expect(argumentOf(() => trainVectorNetwork(p, undefined as never))).toBe('options');
    expect(argumentOf(() => solveSeparable(p, enumeratePatterns(p.X, p.n, p.d), { solver: 'conic' as never }))).toBe('solver');
    expect(argumentOf(() => vectorNetworkObjective(p, { m: 1, d: 3, K: 3, U: new Float64Array(3), W: new Float64Array(3), c: new Float64Array(3) }))).toBe('network.d');
    expect(argumentOf(() => vectorNetworkObjective(p, { m: 1, d: 2, K: 2, U: new Float64Array(2), W: new Float64Array(2), c: new Float64Array(2) }))).toBe('network.K');
    expect(argumentOf(() => accuracy(new Float64Array(5), [0, 1], 3))).toBe('F.length');
    const pats = enumeratePatterns(p.X, p.n, p.d);
    expect(argumentOf(() => solveWorkingSet(outputProblem(p, 0), pats, { initial: 'all' as never }))).toBe('initial');
    expect(argumentOf(() => solveWorkingSet(outputProblem(p, 0), pats, { initial: [pats.masks.length] }))).toBe('initial[]');
    expect(solveWorkingSet(outputProblem(p, 0), pats, { initial: [0, 0, 1] }).status).toBe('certified');
    expect(argumentOf(() => whitenedOneHotNetwork(vectorProblem({ X, Y, beta: 0.1 })))).toMatch(/^Y\[0\]/);
  });

  it('the separable solve with an intercept: per-output certificates, network objective = Σ per-output values, vector bound below it', () => {
    const X = gaussian(5, 6, 2).map((r) => [...r, 1]);
    const Y = gaussian(6, 6, 2);
    const p = vectorProblem({ X, Y, beta: 0.1, intercept: true });
    const pats = enumeratePatterns(p.X, p.n, p.d);
    const res = solveSeparable(p, pats, { solver: 'working-set', inner: 'conic', tolGap: 1e-7 });
    const sum = res.outputs.reduce((s, o) => s + o.certificate.networkValue, 0);
    expect(Math.abs(res.certificate.networkValue - sum) / sum).toBeLessThan(1e-9);
    expect(res.certificate.separableDual).toBeLessThanOrEqual(res.certificate.networkValue * (1 + 1e-12));
    expect(res.certificate.dualValue).toBeLessThanOrEqual(res.certificate.separableDual + 1e-9);
    const R = vectorResidual(p, res.network);
    for (let k = 0; k < p.K; k++) {
      let s = 0;
      for (let j = 0; j < p.n; j++) s += R[j * p.K + k];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
    // both ρ bounds are valid upper bounds; the pattern bound is never above the spectral one when chosen
    const spectral = vectorDualCheck(p, R);
    const both = vectorDualCheck(p, R, pats);
    expect(spectral.rhoBy).toBe('spectral');
    expect(both.rhoUpper).toBeLessThanOrEqual(spectral.rhoUpper);
    // a trained shared-neuron network (Adam and L-BFGS) stays above the certified lower bound
    for (const optimizer of ['adam', 'lbfgs'] as const) {
      const run = trainVectorNetwork(p, { m: 6, rng: createRng(3), optimizer, iterations: 300 });
      expect(run.objective).toBeGreaterThanOrEqual(res.certificate.dualValue - 1e-9);
      expect(Math.abs(run.objective - vectorNetworkObjective(p, run.network))).toBeLessThan(1e-12);
    }
    expect(vectorScaledDual(p.Y, new Float64Array(R.length), 1, 0.1)).toBe(0);
    const fo = solveSeparable(p, pats, { solver: 'first-order', tolGap: 1e-3, firstOrder: { maxIterations: 200 } });
    expect(fo.outputs.length).toBe(2);
  });

  it('the blocked objective and gradient of the vector trainer equal the plain loops bit for bit (odd n, m and d off multiples of 4)', () => {
    // the plain loops: Z_jq = Σ_t X_jt U_qt, E_j = Σ_q (Z_jq)_+ W_q + c − Y_j, ∇ accumulated over j, then q
    const plain = (p: ReturnType<typeof vectorProblem>, m: number, th: Float64Array, g: Float64Array): number => {
      const { n, d, K, X, Y, beta, intercept } = p;
      const wOff = m * d;
      const cOff = wOff + m * K;
      const Z = new Float64Array(n * m);
      const E = new Float64Array(n * K);
      for (let j = 0; j < n; j++) for (let k = 0; k < K; k++) E[j * K + k] = (intercept ? th[cOff + k] : 0) - Y[j * K + k];
      for (let j = 0; j < n; j++) for (let q = 0; q < m; q++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += X[j * d + t] * th[q * d + t];
        Z[j * m + q] = s;
        if (s > 0) for (let k = 0; k < K; k++) E[j * K + k] += s * th[wOff + q * K + k];
      }
      let f = 0;
      for (let i = 0; i < n * K; i++) f += E[i] * E[i];
      let reg = 0;
      for (let i = 0; i < cOff; i++) reg += th[i] * th[i];
      for (let i = 0; i < g.length; i++) g[i] = i < cOff ? beta * th[i] : 0;
      for (let j = 0; j < n; j++) for (let q = 0; q < m; q++) {
        const s = Z[j * m + q];
        if (s <= 0) continue;
        let ew = 0;
        for (let k = 0; k < K; k++) {
          g[wOff + q * K + k] += s * E[j * K + k];
          ew += E[j * K + k] * th[wOff + q * K + k];
        }
        if (ew !== 0) for (let t = 0; t < d; t++) g[q * d + t] += ew * X[j * d + t];
      }
      if (intercept) for (let j = 0; j < n; j++) for (let k = 0; k < K; k++) g[cOff + k] += E[j * K + k];
      return 0.5 * f + 0.5 * beta * reg;
    };
    let seed = 40;
    for (const [n, d, m, K] of [[1, 1, 1, 1], [2, 4, 4, 2], [5, 6, 9, 3], [7, 13, 10, 2], [6, 8, 3, 1]]) for (const intercept of [false, true]) {
      const rng = createRng(seed++);
      const p = vectorProblem({ X: gaussian(seed, n, d), Y: gaussian(seed + 100, n, K), beta: 0.1, intercept });
      const size = m * d + m * K + (intercept ? K : 0);
      const th = Float64Array.from({ length: size }, () => rng.normal());
      const g1 = new Float64Array(size);
      const g2 = new Float64Array(size);
      expect(Object.is(vectorObjectiveAndGradient(p, m, th, g1), plain(p, m, th, g2))).toBe(true);
      expect(Array.from(g1).every((v, i) => Object.is(v, g2[i]))).toBe(true);
    }
  });

  it('Theorem 15 on whitened one-hot data: the closed form meets the pattern-free dual bound; accuracy is the argmax rate', () => {
    const n = 8;
    const d = 11;
    const Q: number[][] = [];
    for (const row of gaussian(21, n, d)) {
      const q = row.slice();
      for (let pass = 0; pass < 2; pass++) for (const pp of Q) {
        const dot = pp.reduce((s, v, k) => s + v * q[k], 0);
        for (let k = 0; k < d; k++) q[k] -= dot * pp[k];
      }
      const nq = Math.hypot(...q);
      Q.push(q.map((v) => v / nq));
    }
    const labels = [0, 1, 2, 0, 1, 2, 0, 0];
    const p = vectorProblem({ X: Q, Y: oneHot(labels, 3), K: 3, beta: 0.2 });
    const net = whitenedOneHotNetwork(p);
    const cert = certifyVectorNetwork(p, net);
    expect(cert.relGap).toBeLessThan(1e-8);
    expect(net.m).toBe(3);
    const F = new Float64Array(n * 3);
    labels.forEach((l, j) => (F[j * 3 + l] = 1));
    expect(accuracy(F, labels, 3)).toBe(1);
    expect(accuracy(new Float64Array(0), [], 3)).toBe(0);
    // a class whose √n_k ≤ β gets no neuron
    const big = vectorProblem({ X: Q, Y: oneHot(labels, 3), K: 3, beta: 1.5 });
    expect(whitenedOneHotNetwork(big).m).toBe(1);
  });
});

describe('L-BFGS', () => {
  it('minimises the Rosenbrock function and stops on a small gradient', () => {
    const x = Float64Array.from([-1.2, 1]);
    const res = lbfgs((z, g) => {
      g[0] = -2 * (1 - z[0]) - 400 * z[0] * (z[1] - z[0] ** 2);
      g[1] = 200 * (z[1] - z[0] ** 2);
      return (1 - z[0]) ** 2 + 100 * (z[1] - z[0] ** 2) ** 2;
    }, x, { iterations: 500, tolGrad: 1e-9 });
    expect(res.status).toBe('converged');
    expect(Math.abs(x[0] - 1) + Math.abs(x[1] - 1)).toBeLessThan(1e-6);
    expect(argumentOf(() => lbfgs(() => 0, new Float64Array(1), { memory: 0 }))).toBe('memory');
  });
  it('reports a failed line search on a function with no descent along −∇f', () => {
    const res = lbfgs((_z, g) => {
      g[0] = 1; // a lying gradient: f is constant
      return 0;
    }, new Float64Array(1), { iterations: 5 });
    expect(res.status).toBe('line_search_failed');
  });
  it('the scalar trainer with L-BFGS returns the objective of its network', () => {
    const X = gaussian(8, 6, 2).map((r) => [...r, 1]);
    const y = gaussian(9, 6, 1).map((r) => r[0]);
    for (const intercept of [false, true]) {
      const p = reluProblem({ X, y, beta: 0.1, intercept });
      const r = trainNetwork(p, { m: 4, rng: createRng(1), optimizer: 'lbfgs', iterations: 200 });
      expect(r.objective).toBeLessThan(0.5 * y.reduce((s, v) => s + v * v, 0));
    }
    expect(argumentOf(() => trainNetwork(reluProblem({ X, y, beta: 0.1 }), { m: 2, rng: createRng(1), optimizer: 'bfgs' as never }))).toBe('optimizer');
  });
});

describe('IDX loader and the shipped Fashion-MNIST subsample', () => {
  const header = (dims: number[], type = 0x08): number[] => [0, 0, type, dims.length, ...dims.flatMap((v) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255])];
  it('parses a valid file and rejects malformed ones with IdxFormatError', () => {
    const ok = parseIdx(Uint8Array.from([...header([2, 3]), 1, 2, 3, 4, 5, 6]));
    expect(ok.dims).toEqual([2, 3]);
    expect(Array.from(ok.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const bad: [number[], RegExp][] = [
      [[0, 0], /shorter than the 4-byte magic/],
      [[1, 0, 8, 1, 0, 0, 0, 1, 0], /not an IDX file/],
      [[...header([1], 0x0d), 0, 0, 0, 0], /only 0x08/],
      [[0, 0, 8, 0], /0 dimensions/],
      [[0, 0, 8, 2, 0, 0, 0, 1], /shorter than the 12-byte header/],
      [header([0]), /dimension 0 is 0/],
      [[...header([2, 3]), 1, 2, 3], /3 data bytes: expected 6/],
    ];
    for (const [bytes, msg] of bad) expect(() => parseIdx(Uint8Array.from(bytes), 'f')).toThrow(IdxFormatError);
    for (const [bytes, msg] of bad) expect(() => parseIdx(Uint8Array.from(bytes), 'f')).toThrow(msg);
    expect(argumentOf(() => parseIdx([0, 0] as never))).toBe('bytes');
  });
  it('gzip files: not found, not gzip, mismatched images and labels, labels out of range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idx-'));
    expect(() => readIdxGz(join(dir, 'none.gz'))).toThrow(/file not found/);
    writeFileSync(join(dir, 'plain.gz'), 'not gzip');
    expect(() => readIdxGz(join(dir, 'plain.gz'))).toThrow(/not a gzip file/);
    const write = (name: string, bytes: number[]): void => writeFileSync(join(dir, name), gzipSync(Uint8Array.from(bytes)));
    write('a-images-idx3-ubyte.gz', [...header([2, 1, 2]), 1, 2, 3, 4]);
    write('a-labels-idx1-ubyte.gz', [...header([3]), 0, 1, 2]);
    expect(() => loadSplit(dir, 'a')).toThrow(/3 labels for 2 images/);
    write('a-labels-idx1-ubyte.gz', [...header([2]), 0, 12]);
    expect(() => loadSplit(dir, 'a')).toThrow(/label 12 at index 1/);
    write('a-labels-idx1-ubyte.gz', [...header([1, 2]), 0, 1]);
    expect(() => loadSplit(dir, 'a')).toThrow(/labels need 1/);
    write('a-images-idx3-ubyte.gz', [...header([2, 2]), 1, 2, 3, 4]);
    expect(() => loadSplit(dir, 'a')).toThrow(/images need 3/);
  });
  it('the shipped subsample: 200 + 500 images of 28×28, class-interleaved and balanced', () => {
    const { train, test } = loadFashionMnistSubsample();
    expect([train.n, train.rows, train.cols, test.n]).toEqual([200, 28, 28, 500]);
    for (let j = 0; j < train.n; j++) expect(train.labels[j]).toBe(j % 10);
    for (let j = 0; j < test.n; j++) expect(test.labels[j]).toBe(j % 10);
    expect(FASHION_MNIST_DIR).toMatch(/relu[/\\]data[/\\]$/);
  });
  it('whitening: XXᵀ = I, and the map applied to the training rows is the one applied to the test rows', () => {
    const w = whitenedStudyData({ nTrain: 20, d: 30, nTest: 20 });
    let worst = 0;
    for (let a = 0; a < w.n; a++) for (let b = 0; b < w.n; b++) {
      let q = 0;
      for (let k = 0; k < w.d; k++) q += w.X[a * w.d + k] * w.X[b * w.d + k];
      worst = Math.max(worst, Math.abs(q - (a === b ? 1 : 0)));
    }
    expect(worst).toBeLessThan(1e-13);
    // the test split starts with different images: rows differ from the training rows but lie in their span
    let diff = 0;
    for (let k = 0; k < w.d; k++) diff += Math.abs(w.Xtest[k] - w.X[k]);
    expect(diff).toBeGreaterThan(1e-3);
    expect(argumentOf(() => whitenedStudyData({ nTrain: 20, d: 10 }))).toBe('d');
    expect(argumentOf(() => whitenedStudyData({ nTrain: 201 }))).toBe('nTrain');
  });
  it('a miniature of the study runs end to end: certified convex side, trials above its lower bound', () => {
    const scale = { n: 20, d: 25, nTest: 20, m: 10, trials: 2, iterations: 30, sampled: 3 };
    const trials = runFigure11Trials(scale);
    const st = runFigure11(scale, undefined, 1e-3, trials);
    expect(st.convex.certificate.relGap).toBeLessThan(1e-4);
    for (const t of st.trials) expect(t.objective).toBeGreaterThan(st.convex.certificate.dualValue);
    expect(allActivePlusSampled(trials.problem, 3, 's').masks[0].every((b) => b === 1)).toBe(true);
    expect(st.curves.length).toBeGreaterThan(0);
  });
});
