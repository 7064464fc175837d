/**
 * Two-layer ReLU networks (src/relu): time to a certified relative duality gap
 * ≤ 1e-6 against the number of patterns P and samples n — exact enumeration,
 * then the conic program, the working-set method (conic inner solves) and FISTA
 * (first-order, with a time limit) — and non-convex Adam and L-BFGS training on
 * the same problem (best objective and its excess over the certified p*); then the
 * Figure 11 problem (whitened Fashion-MNIST, (n, d) = (200, 250), K = 10, β = 1e-3):
 * the separable program over D = I plus 50 sampled patterns to a certified 1e-4
 * relative gap of the vector problem, one Adam trial (m = 100, 1000 steps) and the
 * Theorem 15 closed form; Algorithm 1 (cutting planes) against program (22) solved directly.
 * The working set is also timed against its previous default
 * (`prune: false`) in the same run. The machine
 * load is recorded: figures taken on a shared machine are slower than idle ones;
 * compare methods within one run.
 */
import { loadavg } from 'node:os';
import type { Benchmark } from './main.ts';
import { createRng } from '../core/random.ts';
import { enumeratePatterns } from '../relu/arrangements.ts';
import { solveConicProgram } from '../relu/conic-program.ts';
import { cuttingPlaneTraining } from '../relu/cutting-plane.ts';
import { solveFirstOrder } from '../relu/first-order.ts';
import { trainNetwork } from '../relu/nonconvex.ts';
import { reluProblem } from '../relu/problem.ts';
import { solveWorkingSet } from '../relu/working-set.ts';
import { whitenedStudyData } from '../relu/fashion-mnist.ts';
import { FIGURE11_SCALES, separableWithAllActive } from '../relu/figure11.ts';
import { certifyVectorNetwork, oneHot, vectorProblem, whitenedOneHotNetwork } from '../relu/vector.ts';
import { trainVectorNetwork } from '../relu/vector-train.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const bench: Benchmark = {
  name: 'relu',
  description: 'exact pattern enumeration + certified solve (conic, working set, FISTA) vs P and n; Adam on the same problem',
  run({ quick }) {
    const sizes: [number, number][] = quick ? [[8, 3], [12, 4]] : [[8, 3], [10, 3], [12, 4], [16, 4], [20, 4]];
    const beta = 0.1;
    const rows: Record<string, unknown>[] = [];
    const loadBefore = loadavg();
    for (const [n, d] of sizes) {
      const rng = createRng(1000 * n + d);
      const X = rng.fillNormal(new Float64Array(n * d));
      const y = rng.fillNormal(new Float64Array(n));
      const problem = reluProblem({ X, d, y, beta });
      const enumTimes: number[] = [];
      let P = 0;
      for (let rep = 0; rep < 3; rep++) {
        const t0 = performance.now();
        P = enumeratePatterns(problem.X, n, d).masks.length;
        enumTimes.push(performance.now() - t0);
      }
      const patterns = enumeratePatterns(problem.X, n, d);
      const enumerateMs = median(enumTimes);
      const row: Record<string, unknown> = { n, d, P, enumerateMs };
      const ws = solveWorkingSet(problem, patterns, { tolGap: 1e-6 });
      row.workingSet = { ms: ws.timeMs, totalWithEnumerationMs: ws.timeMs + enumerateMs, relGap: ws.certificate.relGap, status: ws.status, neurons: ws.certificate.neurons };
      row.workingSetPruning = pruningRatio(problem, patterns);
      if (P <= 500) {
        const c = solveConicProgram(problem, patterns, { tolGap: 1e-6 });
        row.conic = { ms: c.timeMs, relGap: c.certificate.relGap, status: c.status, iterations: c.iterations };
      }
      const fo = solveFirstOrder(problem, patterns, { tolGap: 1e-6, timeLimitMs: quick ? 5_000 : 30_000 });
      row.firstOrder = { ms: fo.timeMs, relGap: fo.certificate.relGap, status: fo.status, iterations: fo.iterations };
      const fo4 = solveFirstOrder(problem, patterns, { tolGap: 1e-4, timeLimitMs: quick ? 5_000 : 30_000 });
      row.firstOrder1e4 = { ms: fo4.timeMs, relGap: fo4.certificate.relGap, status: fo4.status, iterations: fo4.iterations };
      const pStar = ws.certificate.networkValue;
      let best = Infinity;
      const t0 = performance.now();
      for (let run = 0; run < 3; run++) {
        const tr = trainNetwork(problem, { m: 2 * Math.max(1, ws.certificate.neurons), rng: createRng(run + 17), iterations: 3000, stepSize: 2e-2 });
        best = Math.min(best, tr.objective);
      }
      row.adam = { msFor3Runs: performance.now() - t0, best, pStar, relExcess: (best - pStar) / pStar };
      let bestL = Infinity;
      const t1 = performance.now();
      for (let run = 0; run < 3; run++) {
        const tr = trainNetwork(problem, { m: 2 * Math.max(1, ws.certificate.neurons), rng: createRng(run + 17), optimizer: 'lbfgs', iterations: 500 });
        bestL = Math.min(bestL, tr.objective);
      }
      row.lbfgs = { msFor3Runs: performance.now() - t1, best: bestL, pStar, relExcess: (bestL - pStar) / pStar };
      rows.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
    const cuttingPlane = cuttingPlaneRows(quick);
    for (const r of cuttingPlane) process.stdout.write(`${JSON.stringify(r)}\n`);
    const figure11 = figure11Row();
    process.stdout.write(`${JSON.stringify(figure11)}\n`);
    return { beta, rows, cuttingPlane, figure11, loadavgBefore: loadBefore, loadavgAfter: loadavg() };
  },
};

/**
 * The working set with pruning (the default) against `prune: false` (the previous default, whose
 * iterates it reproduces exactly), three alternating repetitions each: median wall and CPU times,
 * their ratio new/old, and both certified values.
 */
function pruningRatio(problem: ReturnType<typeof reluProblem>, patterns: ReturnType<typeof enumeratePatterns>): Record<string, unknown> {
  const wall: Record<'pruned' | 'kept', number[]> = { pruned: [], kept: [] };
  const cpu: Record<'pruned' | 'kept', number[]> = { pruned: [], kept: [] };
  const value: Record<'pruned' | 'kept', number> = { pruned: NaN, kept: NaN };
  for (let rep = 0; rep < 3; rep++) {
    for (const mode of ['kept', 'pruned'] as const) {
      const c0 = process.cpuUsage();
      const r = solveWorkingSet(problem, patterns, { tolGap: 1e-6, prune: mode === 'pruned' });
      const c1 = process.cpuUsage(c0);
      wall[mode].push(r.timeMs);
      cpu[mode].push((c1.user + c1.system) / 1000);
      value[mode] = r.certificate.networkValue;
    }
  }
  return {
    prunedMs: median(wall.pruned), keptMs: median(wall.kept), ratioWall: median(wall.pruned) / median(wall.kept),
    prunedCpuMs: median(cpu.pruned), keptCpuMs: median(cpu.kept), ratioCpu: median(cpu.pruned) / median(cpu.kept),
    prunedValue: value.pruned, keptValue: value.kept,
  };
}

/**
 * Algorithm 1 (cutting planes over the spike-free relaxation, to a certified 1e-6 over the relaxed set),
 * as printed and with neurons merged after each master solve, against the same optimum computed directly: program (22), the convex program over the single pattern
 * D = I, by the conic solver. Spike-free data X = ΣVᵀ (Σ = diag(σ), σ ~ U(0.5, 2)) and non-negative data.
 */
function cuttingPlaneRows(quick: boolean): Record<string, unknown>[] {
  const cases: [string, number, number][] = quick ? [['spike-free', 10, 20]] : [['spike-free', 10, 20], ['spike-free', 20, 40], ['non-negative', 20, 5]];
  return cases.map(([family, n, d]) => {
    const rng = createRng(`bench/relu/cutting-plane/${family}/${n}x${d}`);
    const G = rng.fillNormal(new Float64Array(n * d));
    const X = new Float64Array(n * d);
    if (family === 'spike-free') {
      // Gram–Schmidt on the rows, then row scales σ_i
      for (let i = 0; i < n; i++) {
        const row = G.slice(i * d, (i + 1) * d);
        for (let pass = 0; pass < 2; pass++) for (let k = 0; k < i; k++) {
          let dot = 0;
          for (let t = 0; t < d; t++) dot += X[k * d + t] * row[t];
          for (let t = 0; t < d; t++) row[t] -= dot * X[k * d + t];
        }
        const nr = Math.hypot(...row);
        for (let t = 0; t < d; t++) X[i * d + t] = row[t] / nr;
      }
      for (let i = 0; i < n; i++) {
        const sigma = 0.5 + 1.5 * rng.uniform();
        for (let t = 0; t < d; t++) X[i * d + t] *= sigma;
      }
    } else {
      for (let p = 0; p < n * d; p++) X[p] = Math.abs(G[p]);
    }
    const y = rng.fillNormal(new Float64Array(n));
    const problem = reluProblem({ X, d, y, beta: 0.1 });
    const cp = cuttingPlaneTraining(problem, { tolGap: 1e-6, maxIterations: 200 });
    const merged = cuttingPlaneTraining(problem, { tolGap: 1e-6, maxIterations: 200, merge: true });
    const single = solveConicProgram(problem, { n, masks: [new Uint8Array(n).fill(1)], exact: false, method: 'given' }, { tolGap: 1e-7 });
    return {
      cuttingPlane: { family, n, d },
      algorithm1: { ms: cp.timeMs, rounds: cp.iterations, conicSolves: cp.conicSolves, status: cp.status, relGap: cp.certificate.relGap, value: cp.certificate.value, neurons: cp.m },
      algorithm1Merged: { ms: merged.timeMs, rounds: merged.iterations, status: merged.status, relGap: merged.certificate.relGap, value: merged.certificate.value, neurons: merged.m },
      program22: { ms: single.timeMs, relGap: single.certificate.relGap, value: single.certificate.networkValue },
      ratioMs: cp.timeMs / single.timeMs,
      ratioMergedMs: merged.timeMs / single.timeMs,
      relDifference: (cp.certificate.value - single.certificate.networkValue) / single.certificate.networkValue,
    };
  });
}

/** The Figure 11 problem at the paper's (n, d): convex side to a certified 1e-4 vector gap, one Adam trial, the closed form. */
function figure11Row(): Record<string, unknown> {
  const scale = FIGURE11_SCALES.thorough;
  const load = loadavg()[0];
  let t0 = performance.now();
  const data = whitenedStudyData({ nTrain: scale.n, d: scale.d, nTest: 1 });
  const prepMs = performance.now() - t0;
  const problem = vectorProblem({ X: data.X, d: data.d, Y: oneHot(data.labels, 10), K: 10, beta: 1e-3 });
  t0 = performance.now();
  const cvx = separableWithAllActive.solve(problem, scale.sampled, `ep21/fig11/patterns/${scale.n}x${scale.d}`);
  const solveMs = performance.now() - t0;
  t0 = performance.now();
  const cert = certifyVectorNetwork(problem, cvx.network);
  const certifyMs = performance.now() - t0;
  t0 = performance.now();
  const cf = certifyVectorNetwork(problem, whitenedOneHotNetwork(problem));
  const closedFormMs = performance.now() - t0;
  t0 = performance.now();
  const adam = trainVectorNetwork(problem, { m: scale.m, rng: createRng('ep21/fig11/trial/0'), iterations: scale.iterations, stepSize: 1e-2 });
  const adamMs = performance.now() - t0;
  return {
    figure11: { n: scale.n, d: scale.d, K: 10, patterns: cvx.patterns },
    prepMs,
    convex: { solveMs, certifyMs, totalMs: solveMs + certifyMs, relGap: cert.relGap, objective: cert.networkValue, status: cvx.status },
    closedForm: { ms: closedFormMs, relGap: cf.relGap, objective: cf.networkValue },
    adamTrial: { ms: adamMs, iterations: scale.iterations, objective: adam.objective },
    loadavgAtStart: load,
  };
}

export default bench;
