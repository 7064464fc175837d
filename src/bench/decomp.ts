/**
 * decomp by Algorithm 1 on §5.2.1 generator instances (s = 10, h = 10, σ = 0.5, σ² noise reading),
 * λ = 0.3: penalty form (μ = 0.05) and cardinality form (k = hs = 100). Reports per instance the
 * rounds, cuts, time per round, total time, the bound, the exact optimum (path DPs) and the gap
 * (42); and, on a smaller shared instance, the same run with each subproblem solver for (32): primal–dual
 * (the default), barrier and the generic conic solver (certification and speed ratios). Target: n = 1000 in ≤ 2 s.
 */
import type { Benchmark } from './main.ts';
import { generateSpikes } from '../signal/generator.ts';
import { signalProblem, type SignalProblem } from '../signal/model.ts';
import { decompRelaxation, type DecompResult } from '../signal/relax/decomp.ts';
import { pathExactCardinality, pathExactL0 } from '../signal/exact/path-dp.ts';

function summarise(r: DecompResult, ms: number, opt: number): Record<string, unknown> {
  return {
    ms: Math.round(ms),
    rounds: r.rounds,
    cuts: r.cuts,
    stop: r.stop,
    status: r.status,
    msPerRound: r.history.map((h) => Math.round(h.solveMs + h.separationMs)),
    solverStepsPerRound: r.history.map((h) => h.solverIterations),
    cutsAddedPerRound: r.history.map((h) => h.added),
    lowerBound: r.lowerBound,
    opt,
    gapPct: (100 * (opt - r.lowerBound)) / opt,
  };
}

function exact(p: SignalProblem): number {
  return p.k === null ? pathExactL0(p).objective : pathExactCardinality(p).objective;
}

const bench: Benchmark = {
  name: 'decomp',
  description: 'decomp (Algorithm 1) on n = 1000 generator instances, penalty and cardinality forms; primal–dual vs barrier vs conic subproblem solver',
  run({ quick }) {
    const n = quick ? 200 : 1000;
    const seeds = quick ? [1] : [1, 2];
    const rows: Record<string, unknown>[] = [];
    for (const seed of seeds) {
      const inst = generateSpikes({ n, s: 10, h: 10, sigma: 0.5, seed });
      for (const form of ['penalty', 'cardinality'] as const) {
        const p = signalProblem({ y: inst.y, lambda: 0.3, mu: form === 'penalty' ? 0.05 : 0, k: form === 'cardinality' ? 100 : null });
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = decompRelaxation(p);
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        rows.push({ seed, n, form, noise: inst.noise, method: 'auto (primal–dual)', cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...summarise(r, ms, exact(p)) });
      }
    }
    // shared smaller instance: the primal–dual and barrier path solvers vs the generic conic solver for (32)
    const nc = quick ? 100 : 200;
    const inst = generateSpikes({ n: nc, s: 3, h: 10, sigma: 0.5, seed: 7 });
    const cmp: Record<string, unknown>[] = [];
    for (const method of ['pd', 'barrier', 'conic'] as const) {
      const p = signalProblem({ y: inst.y, lambda: 0.3, mu: 0.05 });
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = decompRelaxation(p, { method });
      const cpu = process.cpuUsage(c0);
      cmp.push({ n: nc, method, cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...summarise(r, performance.now() - t0, exact(p)) });
    }
    const times = rows.map((r) => r.ms as number);
    const cpus = rows.map((r) => r.cpuMs as number);
    return {
      instances: rows,
      meanMs: times.reduce((a, b) => a + b, 0) / times.length,
      maxMs: Math.max(...times),
      meanCpuMs: cpus.reduce((a, b) => a + b, 0) / cpus.length,
      maxCpuMs: Math.max(...cpus),
      note: 'wall-clock ms are inflated on a shared, overloaded machine; cpuMs is this process’s user+system CPU time',
      targetMs: 2000,
      conicComparison: cmp,
    };
  },
};
export default bench;
