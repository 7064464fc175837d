/**
 * Exact path DP (penalty form, `pathExactL0`) on §5.2.1 generator instances, n = 10³, 10⁴, 10⁵:
 * median wall and CPU time per solve (after a JIT warm-up; the machine is shared, so CPU time is
 * the steadier figure), segment evaluations per position, live candidates, and the growth exponents
 * fitted by least squares on log t vs log n (wall, CPU, and machine-independent segment evaluations). Targets: n = 10⁴ ≤ 0.1 s,
 * n = 10⁵ ≤ 2 s. The unpruned O(n²) DP is timed at n ≤ 10⁴ as the reference.
 *
 * Instances: σ = 0.5 with the σ² noise reading (std 0.25), λ = 0.3 (the §5.3 choice), ℓ0 weight
 * μ = κ ∈ {0.0005, 0.002, 0.005, 0.02} (§5.3 grid), two families:
 * - 'paper': s = 10, h = max(10, n/1000) (n = 10³: the §5.2 setting; n = 10⁵: the §5.3 setting);
 * - 'dense': s = n/100, h = 10 (about 10% nonzero at every n).
 * Also: the O(n²k) cardinality DP at n = 1000, k = 100, and certified bounds for the cardinality form
 * (41) on the §5.1 accelerometer grid (λ = 0.1..1, k = 500..5000) by `pathCardinalityBounds` (ours),
 * and the exact optimum of every cell by `pathExactCardinalityLarge` (ours; values in `grid[].opt`).
 */
import type { Benchmark } from './main.ts';
import { generateSpikes } from '../signal/generator.ts';
import { signalProblem } from '../signal/model.ts';
import { pathExactCardinality, pathExactL0 } from '../signal/exact/path-dp.ts';
import { pathCardinalityBounds } from '../signal/exact/cardinality-lagrangian.ts';
import { pathExactCardinalityLarge } from '../signal/exact/cardinality-exact.ts';
import { loadAccelerometer } from '../signal/accelerometer.ts';

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Least-squares slope of log y on log x. */
function slope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * (ly[i] - my);
    den += (x - mx) * (x - mx);
  });
  return num / den;
}

const bench: Benchmark = {
  name: 'signal-exact',
  description: 'exact path DP (penalty form, pruned) on generator instances n = 1e3, 1e4, 1e5; growth exponent; unpruned reference',
  run({ quick }) {
    const sizes = quick ? [1000, 10000] : [1000, 10000, 100000];
    const kappas = [0.0005, 0.002, 0.005, 0.02];
    const lambda = 0.3;
    const rows: Record<string, unknown>[] = [];
    const fits: Record<string, number> = {};
    const cpuFits: Record<string, number> = {};
    const workFits: Record<string, number> = {};
    const totalEvals: Record<string, number> = {};
    let worst1e4 = 0;
    let worst1e5 = 0;
    for (const family of ['paper', 'dense'] as const) {
      for (const kappa of kappas) {
        const times: number[] = [];
        const cpuTimes: number[] = [];
        const work: number[] = [];
        for (const n of sizes) {
          const s = family === 'paper' ? 10 : n / 100;
          const h = family === 'paper' ? Math.max(10, n / 1000) : 10;
          const reps = n >= 100000 ? 5 : 9;
          const samples: number[] = [];
          const cpuSamples: number[] = [];
          let evals = 0;
          let maxC = 0;
          let nnz = 0;
          let objective = 0;
          for (let r = 0; r < reps; r++) {
            const g = generateSpikes({ n, s, h, sigma: 0.5, seed: 1000 + r });
            const p = signalProblem({ y: g.y, lambda, mu: kappa });
            if (r === 0) for (let w = 0; w < 2; w++) pathExactL0(p); // JIT warm-up
            const c0 = process.cpuUsage();
            const t0 = performance.now();
            const res = pathExactL0(p);
            samples.push((performance.now() - t0) / 1000);
            const cu = process.cpuUsage(c0);
            cpuSamples.push((cu.user + cu.system) / 1e6);
            if (r === 0) {
              evals = res.segmentEvaluations / n;
              maxC = res.maxCandidates;
              nnz = res.z.reduce((a, b) => a + b, 0);
              objective = res.objective;
            }
            totalEvals[`${family}_${kappa}_${n}`] = (totalEvals[`${family}_${kappa}_${n}`] ?? 0) + res.segmentEvaluations / reps;
          }
          const t = median(samples);
          const tc = median(cpuSamples);
          times.push(t);
          cpuTimes.push(tc);
          work.push(totalEvals[`${family}_${kappa}_${n}`]);
          if (n === 10000) worst1e4 = Math.max(worst1e4, t);
          if (n === 100000) worst1e5 = Math.max(worst1e5, t);
          const row: Record<string, unknown> = {
            family, n, s, h, lambda, kappa, seconds: t, cpuSeconds: tc, reps, segmentEvaluationsPerPosition: evals, maxCandidates: maxC, nnz, objective,
            noise: 'sigma-squared',
          };
          if (n <= 10000) {
            const g = generateSpikes({ n, s, h, sigma: 0.5, seed: 1000 });
            const p = signalProblem({ y: g.y, lambda, mu: kappa });
            const t0 = performance.now();
            const full = pathExactL0(p, { prune: false });
            row.unprunedSeconds = (performance.now() - t0) / 1000;
            row.unprunedAgrees = Math.abs(full.objective - objective) <= 1e-9 * Math.max(1, objective);
          }
          rows.push(row);
          process.stdout.write(`${family} κ=${kappa} n=${n}: ${(t * 1000).toFixed(2)} ms (cpu ${(tc * 1000).toFixed(2)} ms), ${evals.toFixed(2)} evals/pos, max ${maxC} candidates\n`);
        }
        fits[`${family}_kappa_${kappa}`] = slope(sizes, times);
        cpuFits[`${family}_kappa_${kappa}`] = slope(sizes, cpuTimes);
        workFits[`${family}_kappa_${kappa}`] = slope(sizes, work);
      }
    }
    // Cardinality DP, O(n²k): one mid-size instance.
    const gc = generateSpikes({ n: quick ? 300 : 1000, s: 10, h: 10, sigma: 0.5, seed: 1 });
    const pc = signalProblem({ y: gc.y, lambda, k: 100 });
    const tc0 = performance.now();
    const rc = pathExactCardinality(pc);
    const cardinality = { n: pc.n, k: 100, seconds: (performance.now() - tc0) / 1000, objective: rc.objective };
    // Certified cardinality bounds (ours) on the §5.1 accelerometer grid: λ = 0.1t × k = 500t.
    const acc = loadAccelerometer().y;
    const grid: [number, number][] = [];
    for (let a = 1; a <= 10; a++) for (let b = 1; b <= 10; b++) if (!quick || (a % 5 === 0 && b % 5 === 0)) grid.push([0.1 * a, 500 * b]);
    const cells: Record<string, unknown>[] = [];
    let exactCells = 0;
    let maxGap = 0;
    let sumGap = 0;
    let sumSec = 0;
    let sumExactSec = 0;
    let maxExactSec = 0;
    for (const [lam, k] of grid) {
      const p = signalProblem({ y: acc, lambda: lam, k });
      const t0 = performance.now();
      const b = pathCardinalityBounds(p);
      const sec = (performance.now() - t0) / 1000;
      const gap = (100 * (b.upperBound - b.lowerBound)) / b.upperBound;
      const t1 = performance.now();
      const ex = pathExactCardinalityLarge(p);
      const exSec = (performance.now() - t1) / 1000;
      sumExactSec += exSec;
      maxExactSec = Math.max(maxExactSec, exSec);
      cells.push({
        lambda: lam, k, lowerBound: b.lowerBound, upperBound: b.upperBound, gapPercent: gap, exact: b.exact, dpCalls: b.dpCalls, seconds: sec,
        opt: ex.objective, optNnz: ex.z.reduce((a, c) => a + c, 0), optSeconds: exSec, optStates: ex.states,
      });
      if (b.exact) exactCells++;
      maxGap = Math.max(maxGap, gap);
      sumGap += gap;
      sumSec += sec;
    }
    const accelerometerCardinality = {
      n: acc.length,
      cells: grid.length,
      exactCells,
      meanGapPercent: sumGap / grid.length,
      maxGapPercent: maxGap,
      meanSeconds: sumSec / grid.length,
      exactOptMeanSeconds: sumExactSec / grid.length,
      exactOptMaxSeconds: maxExactSec,
      grid: cells,
    };
    process.stdout.write(
      `accelerometer (41) bounds: ${exactCells}/${grid.length} exact, mean gap ${(sumGap / grid.length).toFixed(4)}%, max ${maxGap.toFixed(4)}%, ${(sumSec / grid.length).toFixed(3)} s/cell; ` +
        `exact OPT ${(sumExactSec / grid.length).toFixed(3)} s/cell (max ${maxExactSec.toFixed(2)} s)\n`,
    );
    const exps = Object.values(fits);
    return {
      rows,
      growthExponent: fits,
      growthExponentRange: [Math.min(...exps), Math.max(...exps)],
      growthExponentCpu: cpuFits,
      growthExponentCpuRange: [Math.min(...Object.values(cpuFits)), Math.max(...Object.values(cpuFits))],
      growthExponentSegmentEvaluations: workFits,
      growthExponentSegmentEvaluationsRange: [Math.min(...Object.values(workFits)), Math.max(...Object.values(workFits))],
      worstSeconds: { n1e4: worst1e4, n1e5: quick ? null : worst1e5 },
      targets: { n1e4Seconds: 0.1, n1e5Seconds: 2, met: worst1e4 <= 0.1 && (quick || worst1e5 <= 2) },
      cardinality,
      accelerometerCardinality,
    };
  },
};
export default bench;
