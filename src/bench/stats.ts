/**
 * The §5.2 statistical study's solves (src/signal/studies/stats-estimators.ts): per-solve time of each method
 * cold (Algorithm 1 from Δ = {1}) and warm (cut sets of the previous grid pair), on the training signal of the
 * study (seed 52) at a high-SNR and a low-SNR σ, along consecutive pairs of the grid row λ = 0.32; and the
 * projected time of the full protocol (10 σ × 10 instances × (100 grid pairs + ≤ 2 test solves) per method)
 * from the warm per-solve times. Wall-clock and process CPU time are both recorded, with the machine's load.
 */
import { loadavg } from 'node:os';
import type { Benchmark } from './main.ts';
import { STATS_ESTIMATORS, STATS_METHODS, type StatsEstimate, type StatsMethod } from '../signal/studies/stats-estimators.ts';
import { PAPER_GRID, studySignal } from '../signal/studies/stats-study.ts';

/** Solves per method in the full protocol: 10 σ × 10 instances × (100 training pairs + at most 2 test solves). */
export const FULL_PROTOCOL_SOLVES = 10 * 10 * (100 + 2);

interface Timed {
  wallMs: number;
  cpuMs: number;
  rounds: number;
}

function timed(f: () => StatsEstimate): Timed & { r: StatsEstimate } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { r, wallMs, cpuMs: (c.user + c.system) / 1000, rounds: r.rounds };
}

const mean = (v: number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);

const bench: Benchmark = {
  name: 'stats',
  description: '§5.2 study solves: per-solve time per method, cold and warm-started along the grid, and the projected full-protocol time',
  run({ quick }) {
    const n = quick ? 200 : 1000;
    const s = n / 100;
    const h = 10;
    const sigmas = [0.3, 0.8];
    const pairs = quick ? 3 : Number(process.env.STATS_BENCH_PAIRS ?? 4);
    const methods: StatsMethod[] = (process.env.STATS_BENCH_METHODS?.split(',') as StatsMethod[] | undefined) ?? [...STATS_METHODS];
    const load0 = loadavg();
    const rows: Record<string, unknown>[] = [];
    const perSolve: Record<string, { coldWall: number[]; warmWall: number[]; coldCpu: number[]; warmCpu: number[] }> = {};
    for (const m of methods) perSolve[m] = { coldWall: [], warmWall: [], coldCpu: [], warmCpu: [] };
    for (const sigma of sigmas) {
      const train = studySignal({ n, s, h, seed: 52 }, sigma, 0, 'train');
      const grid = PAPER_GRID.mus.slice(0, pairs).map((mu) => ({ lambda: 0.32, mu }));
      for (const m of methods) {
        const est = STATS_ESTIMATORS[m];
        const cold = grid.map((g) => timed(() => est(train.y, g.lambda, g.mu, { s, h })));
        let prev: StatsEstimate | undefined;
        const warm = grid.map((g) => {
          const t = timed(() => est(train.y, g.lambda, g.mu, { s, h }, prev));
          prev = t.r;
          return t;
        });
        // the first solve of the warm chain is a cold one; per-solve warm figures use the rest
        const w = warm.slice(1);
        perSolve[m].coldWall.push(...cold.map((t) => t.wallMs));
        perSolve[m].coldCpu.push(...cold.map((t) => t.cpuMs));
        perSolve[m].warmWall.push(...w.map((t) => t.wallMs));
        perSolve[m].warmCpu.push(...w.map((t) => t.cpuMs));
        const maxDiff = Math.max(...cold.map((c, i) => Math.abs(c.r.value - warm[i].r.value) / Math.max(1, Math.abs(c.r.value))));
        rows.push({
          sigma, method: m, n, pairs: grid.map((g) => `(${g.lambda}, ${g.mu})`).join(' '),
          coldMs: cold.map((t) => Math.round(t.wallMs)), warmMs: warm.map((t) => Math.round(t.wallMs)),
          coldRounds: cold.map((t) => t.rounds), warmRounds: warm.map((t) => t.rounds),
          status: [...new Set([...cold, ...warm].map((t) => t.r.status))].join(','),
          maxRelValueDiffColdWarm: maxDiff,
        });
        process.stdout.write(`σ=${sigma} ${m}: cold ${cold.map((t) => Math.round(t.wallMs)).join(' ')} ms, warm ${warm.map((t) => Math.round(t.wallMs)).join(' ')} ms\n`);
      }
    }
    const summary: Record<string, unknown> = {};
    let projectedWallH = 0;
    let projectedCpuH = 0;
    for (const m of methods) {
      const p = perSolve[m];
      const warmWall = p.warmWall.length ? mean(p.warmWall) : mean(p.coldWall);
      const warmCpu = p.warmCpu.length ? mean(p.warmCpu) : mean(p.coldCpu);
      const scale = n === 1000 ? 1 : NaN; // a projection only from n = 1,000 solves
      const wallH = (scale * warmWall * FULL_PROTOCOL_SOLVES) / 3.6e6;
      const cpuH = (scale * warmCpu * FULL_PROTOCOL_SOLVES) / 3.6e6;
      projectedWallH += wallH;
      projectedCpuH += cpuH;
      summary[m] = {
        coldMsPerSolve: mean(p.coldWall), warmMsPerSolve: warmWall, coldCpuMsPerSolve: mean(p.coldCpu), warmCpuMsPerSolve: warmCpu,
        warmSpeedup: mean(p.coldWall) / warmWall, projectedFullProtocolHours: wallH, projectedFullProtocolCpuHours: cpuH,
      };
    }
    return {
      n, s, h, sigmas, pairsPerChain: pairs, rows, perMethod: summary,
      projectedFullProtocolHours: projectedWallH,
      projectedFullProtocolCpuHours: projectedCpuH,
      targetHours: 1,
      fullProtocolSolvesPerMethod: FULL_PROTOCOL_SOLVES,
      loadAverage: { start: load0, end: loadavg() },
      note: 'wall-clock is inflated on a shared, overloaded machine (see loadAverage, 2 cores); cpu is this process’s user+system time. The projection multiplies the warm per-solve time (mean over both σ) by the protocol’s solves; it is only made from n = 1,000 runs.',
    };
  },
};
export default bench;
