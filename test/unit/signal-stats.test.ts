/**
 * Unit tests of the §5.2 study: the estimators and their certificates, the protocol (no peeking, by
 * construction), the table, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { objective, signalProblem } from '../../src/signal/model.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import {
  checkPriorsSatisfiable,
  decompEstimateFor,
  decompPriorEstimator,
  decompPriorProblem,
  decompSparseEstimator,
  decompSparseProblem,
  EstimatorFailedError,
  l1Estimator,
  l1PathCertificate,
  type StatsEstimator,
} from '../../src/signal/studies/stats-estimators.ts';
import {
  PAPER_GRID,
  SELECTORS,
  statsStudy,
  statsTable,
  statsValues,
  studySignal,
  supportErrors,
  type SelectionInput,
  type StatsRecord,
  type StatsStudyOptions,
  type StudyPhase,
} from '../../src/signal/studies/stats-study.ts';

const inst = (n: number, sigma: number, seed: number) => generateSpikes({ n, s: Math.max(1, Math.round(n / 100)), h: 10, sigma, seed });

/** Reference for L1: projected coordinate descent to convergence (independent of the pivoting). */
function l1Reference(y: Float64Array, lambda: number, mu: number): Float64Array {
  const n = y.length;
  const x = new Float64Array(n);
  for (let sweep = 0; sweep < 20000; sweep++) {
    let move = 0;
    for (let i = 0; i < n; i++) {
      const deg = (i > 0 ? 1 : 0) + (i + 1 < n ? 1 : 0);
      const nb = (i > 0 ? x[i - 1] : 0) + (i + 1 < n ? x[i + 1] : 0);
      const v = Math.max(0, (y[i] - mu / 2 + lambda * nb) / (1 + lambda * deg));
      move = Math.max(move, Math.abs(v - x[i]));
      x[i] = v;
    }
    if (move < 1e-14) break;
  }
  return x;
}

describe('L1 estimator (exact path QP)', () => {
  it('matches an independent coordinate-descent solution and certifies itself', () => {
    const rng = createRng(3);
    for (let t = 0; t < 12; t++) {
      const n = 5 + rng.int(20);
      const y = Float64Array.from({ length: n }, () => rng.uniform());
      const lambda = 0.05 + 2 * rng.uniform();
      const mu = t % 3 === 0 ? 0 : rng.uniform();
      const r = l1Estimator(y, lambda, mu, { s: 0, h: 1 });
      const ref = l1Reference(y, lambda, mu);
      for (let i = 0; i < n; i++) expect(Math.abs(r.x[i] - ref[i])).toBeLessThan(1e-9);
      expect(r.status).toBe('optimal');
      expect(r.lowerBound).toBeLessThanOrEqual(r.value + 1e-12);
      expect(r.relGap).toBeLessThan(1e-10);
    }
  });
  it('the certificate bound is valid at any x ≥ 0 (below the optimum) and loose away from it', () => {
    const y = inst(60, 0.5, 1).y;
    const p = signalProblem({ y, lambda: 0.3, l1: 0.1 });
    const opt = l1Estimator(y, 0.3, 0.1, { s: 1, h: 10 });
    const rng = createRng(9);
    for (let t = 0; t < 20; t++) {
      const x = Float64Array.from(opt.x, (v) => Math.max(0, v + 0.2 * (rng.uniform() - 0.5)));
      const c = l1PathCertificate(p, x);
      expect(c.lowerBound).toBeLessThanOrEqual(opt.value + 1e-12);
      expect(c.value).toBeGreaterThanOrEqual(opt.value - 1e-12);
      expect(c.kktResidual).toBeGreaterThan(0);
    }
    expect(objective(p, opt.x, new Float64Array(p.n))).toBeCloseTo(opt.value, 12);
  });
});

describe('Decomp estimators', () => {
  it('Decomp-sparse is Algorithm 1 on Σz ≤ hs with the ℓ1 term: same value as the conic solver, certified', () => {
    const g = inst(40, 0.5, 2);
    const r = decompSparseEstimator(g.y, 0.32, 0.05, { s: 1, h: 10 });
    const p = decompSparseProblem(g.y, 0.32, 0.05, { s: 1, h: 10 });
    expect(r.status).toBe('optimal');
    // the conic solver on the estimator's final cut sets gives the same relaxation (full runs may stop at
    // different cut sets: Algorithm 1's cuts depend on the interior point each solver returns)
    const ref = decompRelaxation(p, { method: 'conic', initialCuts: r.cutSets, maxRounds: 1 });
    expect(Math.abs(r.value - ref.value) / Math.max(1, ref.value)).toBeLessThan(1e-5);
    expect(r.lowerBound).toBeLessThanOrEqual(ref.value + 1e-6 * Math.max(1, ref.value));
    let card = 0;
    for (const v of r.x) if (v > 1e-3) card++;
    expect(r.x.every((v) => v >= 0)).toBe(true);
    expect(card).toBeGreaterThan(0);
  });
  it('Decomp-prior adds (43c), (43d): its bound is ≥ Decomp-sparse\'s (a tighter relaxation of the same objective)', () => {
    const g = inst(40, 0.6, 4);
    const sp = decompSparseEstimator(g.y, 0.32, 0, { s: 1, h: 10 });
    const pr = decompPriorEstimator(g.y, 0.32, 0, { s: 1, h: 10 });
    expect(pr.status).toBe('optimal');
    expect(pr.lowerBound).toBeGreaterThanOrEqual(sp.lowerBound - 1e-5 * Math.max(1, sp.value));
  });
  it('a warm start with an earlier pair\'s cut sets gives the same relaxation value (cuts are valid for every λ, μ)', () => {
    const g = inst(60, 0.4, 5);
    const a = decompSparseEstimator(g.y, 0.16, 0, { s: 1, h: 10 });
    const cold = decompSparseEstimator(g.y, 0.32, 0.008, { s: 1, h: 10 });
    const warm = decompSparseEstimator(g.y, 0.32, 0.008, { s: 1, h: 10 }, a);
    expect(warm.status).toBe('optimal');
    // Algorithm 1 stops at a relative improvement ≤ 5e-5 (Remark 13): the two runs agree to that order
    expect(Math.abs(warm.value - cold.value) / Math.max(1, cold.value)).toBeLessThan(1e-3);
    expect(warm.rounds).toBeLessThanOrEqual(cold.rounds + 1);
  });
  it('jointly infeasible priors: the relaxation reports its certificate (status not optimal), never a zero estimate', () => {
    const g = inst(30, 0.5, 6);
    // Σz ≥ 25 together with Σz ≤ hs = 10: each row is satisfiable on its own, both together are not
    const p = decompPriorProblem(g.y, 0.3, 0, { s: 1, h: 10 }, [{ kind: 'linear', terms: Array.from({ length: 30 }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 25 }]);
    const r = decompEstimateFor(p);
    expect(r.status).not.toBe('optimal');
    const est: StatsEstimator = (y, lambda, mu) => decompEstimateFor(decompPriorProblem(y, lambda, mu, { s: 1, h: 10 }, [{ kind: 'linear', terms: Array.from({ length: y.length }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 25 }]));
    expect(() => statsStudy({ ...tiny, methods: ['Decomp-prior'], estimators: { 'Decomp-prior': est } })).toThrow(EstimatorFailedError);
  });
});

const tiny: StatsStudyOptions = { n: 40, s: 1, h: 10, sigmas: [0.3], instances: 1, grid: { lambdas: [0.32], mus: [0, 0.5] }, seed: 11 };

describe('study protocol', () => {
  it('selectors see the training signal only, and the testing signal is generated after every selection', () => {
    const phases: StudyPhase[] = [];
    const seen: SelectionInput[] = [];
    const spy = (input: SelectionInput): number => {
      seen.push(input);
      return SELECTORS.error(input);
    };
    const st = statsStudy({ ...tiny, sigmas: [0.3, 0.6], instances: 2, methods: ['L1'], selectors: { error: spy, sparsity: spy }, onPhase: (p) => phases.push(p) });
    expect(st.records.length).toBe(2 * 2 * 2);
    // the selection input has exactly two fields, and neither holds the testing signal
    for (const input of seen) {
      expect(Object.keys(input).sort()).toEqual(['fits', 'truth']);
      expect(Object.isFrozen(input)).toBe(true);
    }
    for (const sigma of [0.3, 0.6]) {
      for (let i = 0; i < 2; i++) {
        const test = studySignal(tiny, sigma, i, 'test');
        const train = studySignal(tiny, sigma, i, 'train');
        const mine = seen.filter((s) => s.truth.every((v, j) => v === train.truth[j]));
        expect(mine.length).toBe(2);
        for (const s of mine) {
          expect(s.truth.some((v, j) => v !== test.truth[j])).toBe(true);
          for (const f of s.fits) expect(f.x.every((v, j) => v === l1Estimator(train.y, f.lambda, f.mu, tiny).x[j])).toBe(true);
        }
        // order: every 'selected' of (σ, i) precedes its 'test-generated'
        const at = (k: StudyPhase['kind']) => phases.map((p, t) => (p.kind === k && p.sigma === sigma && p.instance === i ? t : -1)).filter((t) => t >= 0);
        expect(Math.max(...at('selected'))).toBeLessThan(Math.min(...at('test-generated')));
      }
    }
  });
  it('is deterministic in the seed, records SNR, error, FP/FN, time; the table and values carry every row', () => {
    const a = statsStudy({ ...tiny, methods: ['L1', 'Decomp-sparse'] });
    const b = statsStudy({ ...tiny, methods: ['L1', 'Decomp-sparse'] });
    expect(a.records.map((r) => r.error)).toEqual(b.records.map((r) => r.error));
    expect(a.table.length).toBe(2 * 2);
    const v = statsValues(a);
    expect(v['σ=0.3 L1 error: error mean']).toBe(a.table[0].errorMean);
    expect(v.noise).toContain('σ²');
    expect(a.series.some((s) => s.title.includes('Figure 1'))).toBe(true);
    expect(a.series.some((s) => s.title.includes('Fig. 8'))).toBe(true);
    expect(a.trainingMsBySigma.L1.length).toBe(1);
  });
  it('a failed warm-started solve is retried cold once; the cold result is used', () => {
    let retries = 0;
    const flaky: StatsEstimator = (y, lambda, mu, prior, warm) => {
      const r = l1Estimator(y, lambda, mu, prior);
      if (warm) {
        retries++;
        return { ...r, status: 'numerical_error' };
      }
      return { ...r, cutSets: [] };
    };
    const st = statsStudy({ ...tiny, methods: ['Decomp-sparse'], estimators: { 'Decomp-sparse': flaky } });
    expect(retries).toBe(1); // the second grid pair starts warm from the first
    expect(st.records.every((r) => Number.isFinite(r.error))).toBe(true);
  });
  it('table quantiles, FP/FN', () => {
    const rec = (error: number, seconds: number): StatsRecord => ({ sigma: 0.5, instance: 0, method: 'L1', criterion: 'error', lambda: 1, mu: 0, snr: 3, error, fp: 2, fn: 1, seconds });
    const [row] = statsTable([rec(1, 1), rec(2, 3), rec(3, 1), rec(4, 3)]);
    expect(row.errorMean).toBe(2.5);
    expect(row.errorMedian).toBe(2.5);
    expect(row.errorQ1).toBe(1.75);
    expect(row.errorQ3).toBe(3.25);
    expect(row.seconds).toBe(2);
    expect(row.secondsSd).toBe(1);
    expect(supportErrors([0, 1, 1, 0, 0.0005], [0.5, 0, 1, 0.0005, 0])).toEqual({ fp: 1, fn: 1 });
  });
  it('the paper grid is 10 × 10, log-spaced, and contains (0.32, 0)', () => {
    expect(PAPER_GRID.lambdas.length).toBe(10);
    expect(PAPER_GRID.mus.length).toBe(10);
    expect(PAPER_GRID.lambdas).toContain(0.32);
    expect(PAPER_GRID.mus).toContain(0);
  });
});

describe('bad input', () => {
  const arg = (f: () => unknown, name: string) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe(name);
      return;
    }
    throw new Error(`expected an InvalidArgumentError naming ${name}`);
  };
  it('names the argument', () => {
    arg(() => statsStudy({ ...tiny, grid: { lambdas: [], mus: [0] } }), 'grid.lambdas');
    arg(() => statsStudy({ ...tiny, grid: { lambdas: [0.3], mus: [] } }), 'grid.mus');
    arg(() => statsStudy({ ...tiny, grid: { lambdas: [0], mus: [0] } }), 'grid.lambdas[0]');
    arg(() => statsStudy({ ...tiny, sigmas: [0.3, 0] }), 'sigmas[1]');
    arg(() => statsStudy({ ...tiny, sigmas: [-0.1] }), 'sigmas[0]');
    arg(() => statsStudy({ ...tiny, sigmas: [] }), 'sigmas');
    arg(() => statsStudy({ ...tiny, n: 8 }), 'h');
    arg(() => statsStudy({ ...tiny, s: 5 }), 'hs');
    arg(() => statsStudy({ ...tiny, instances: 0 }), 'instances');
    arg(() => decompSparseEstimator(new Float64Array(20).fill(0.5), 0.3, 0, { s: 3, h: 10 }), 'hs');
    arg(() => decompPriorEstimator(new Float64Array(5).fill(0.5), 0.3, 0, { s: 1, h: 10 }), 'h');
    arg(() => l1Estimator(new Float64Array(5).fill(0.5), -1, 0, { s: 0, h: 1 }), 'lambda');
    arg(() => l1Estimator(new Float64Array(5).fill(0.5), 1, -0.1, { s: 0, h: 1 }), 'mu');
    arg(() => checkPriorsSatisfiable([{ kind: 'linear', terms: [{ index: 0, coef: 1 }, { index: 1, coef: 1 }], sense: '>=', rhs: 3 }]), 'priors[0]');
    arg(() => decompPriorProblem(new Float64Array(30).fill(0.5), 0.3, 0, { s: 1, h: 10 }, [{ kind: 'linear', terms: [{ index: 0, coef: -1 }], sense: '<=', rhs: -2 }]), 'extra[0]');
    arg(() => statsStudy({ ...tiny, selectors: { error: () => 7 } }), 'selectors.error result');
  });
});
