/**
 * AGH21 at scale: the accelerometer study (§5.1) per cell, the Table 3 grid (§5.3) and the
 * Lagrangian's scaling with the number of worker threads (1 vs 2).
 *
 *   npx tsx src/bench/main.ts agh-scale --quick    # a minute
 *   npx tsx src/bench/main.ts agh-scale            # 4 corner cells + three Table 3 cells (minutes)
 *   AGH_SCALE_ACCEL_CELLS=all AGH_SCALE_T3_CELLS=all npx tsx src/bench/main.ts agh-scale   # both full grids
 *
 * Environment knobs (optional): AGH_SCALE_ACCEL_N (series length, default 13,800; quick 1,380),
 * AGH_SCALE_ACCEL_CELLS ("all", "corners", or "table1" = the four cells of the paper's Table 1 with its decomp
 * times; default table1), AGH_SCALE_T3_N (default 100,000;
 * quick 10,000), AGH_SCALE_T3_CELLS ("all" = the 6 × 4 grid, or a list such as "0.02:1000,0.005:1000";
 * default the κ ≥ 0.005, m = 1000 cells; quick "0.02:10"), AGH_SCALE_JOBS (default 2), AGH_SCALE_XI_TOL (the
 * Lagrangian's re-solve tolerance xiTol, default 0 = the published rule compared exactly; 1e-9 = XI_TOL_RELATIVE·u
 * on these instances, whose ‖y‖∞ is 1).
 * Figures: ℓ1 and decomp gap/time per accelerometer cell (mean, median, max seconds; paper: decomp
 * mean 54 s with Mosek; target ≤ 5 s) with the paper's time and the ratio ours/paper where published,
 * Table 3 rows with the paper's time/#iter/#sub and the ratio ours/paper beside ours, and the same
 * Lagrangian cell with 1 and 2 workers. Each section records the 1-minute load average.
 */
import type { Benchmark } from './main.ts';
import { CORNER_CELLS, accelerometerStudy, fullGrid } from '../signal/studies/accelerometer-study.ts';
import { TABLE3_KAPPAS, TABLE3_MS, table3 } from '../signal/studies/table3.ts';
import { lagrangianDecomposition } from '../signal/lagrangian/pool.ts';
import { generateSpikes } from '../signal/generator.ts';
import { loadAccelerometer } from '../signal/accelerometer.ts';
import { loadavg } from 'node:os';

/**
 * The decomp time column (s, Mosek 8.1 on the authors' laptop) of the paper's Table 1 (§5.1, p. 28), by "λ/k"
 * (checked against the printed table: 60, 42 at k = 2000; 7, 19 at k = 4000).
 */
export const TABLE1_PAPER_DECOMP_SECONDS: Record<string, number> = { '0.1/2000': 60, '0.2/2000': 42, '0.1/4000': 7, '0.2/4000': 19 };
export const TABLE1_CELLS: [number, number][] = [[0.1, 2000], [0.2, 2000], [0.1, 4000], [0.2, 4000]];

function envNum(name: string, dflt: number): number {
  const v = process.env[name];
  return v === undefined || v === '' ? dflt : Number(v);
}

function parseCells(spec: string): [number, number][] {
  return spec.split(',').map((c) => c.split(':').map(Number) as [number, number]);
}

const bench: Benchmark = {
  name: 'agh-scale',
  description: 'AGH21 §5.1 accelerometer cells (ℓ1, decomp), Table 3 cells (Lagrangian + decomp blocks), Lagrangian 1 vs 2 workers',
  async run({ quick }) {
    const out: Record<string, unknown> = {};
    const jobs = envNum('AGH_SCALE_JOBS', 2);
    // §5.1
    const nAcc = envNum('AGH_SCALE_ACCEL_N', quick ? 1380 : 13800);
    const full = loadAccelerometer().y;
    let y = full.slice(0, nAcc);
    const mx = y.reduce((a, b) => Math.max(a, b), 0);
    y = y.map((v) => v / mx);
    const scaleK = nAcc / 13800;
    const cellsMode = process.env.AGH_SCALE_ACCEL_CELLS ?? 'table1';
    const cells = (cellsMode === 'all' ? fullGrid() : cellsMode === 'corners' ? CORNER_CELLS : TABLE1_CELLS).map(([l, k]) => [l, Math.max(1, Math.round(k * scaleK))] as [number, number]);
    process.stdout.write(`accelerometer: n = ${nAcc}, ${cells.length} cells\n`);
    const loadAcc = loadavg()[0];
    const acc = accelerometerStudy({ y, cells, methods: ['l1', 'decomp'] });
    out.accelerometer = {
      n: nAcc,
      loadAverage1m: { start: loadAcc, end: loadavg()[0] },
      cells: acc.cells.map((c) => {
        // the paper's time applies at its scale only (n = 13,800)
        const paper = nAcc === 13800 ? TABLE1_PAPER_DECOMP_SECONDS[`${c.lambda}/${c.k}`] : undefined;
        const s = c.methods.decomp.timeMs / 1000;
        return {
          lambda: c.lambda, k: c.k,
          l1: { gap: c.methods.l1.gapPercent, s: c.methods.l1.timeMs / 1000 },
          decomp: {
            gap: c.methods.decomp.gapPercent, s, rounds: c.methods.decomp.work, lb: c.methods.decomp.lowerBound, ub: c.methods.decomp.upperBound,
            ...(paper !== undefined ? { paperSeconds: paper, ratioOursOverPaper: s / paper } : {}),
          },
        };
      }),
      averageGap: acc.averageGap,
      secondsPerCell: Object.fromEntries(Object.entries(acc.times).map(([m, t]) => [m, { mean: t.meanMs / 1000, median: t.medianMs / 1000, max: t.maxMs / 1000 }])),
      paperDecompMeanSeconds: 54,
      targetDecompMeanSeconds: 5,
    };
    // Table 3
    const nT3 = envNum('AGH_SCALE_T3_N', quick ? 10_000 : 100_000);
    const t3spec = process.env.AGH_SCALE_T3_CELLS ?? (quick ? '0.02:10' : '0.02:1000,0.01:1000,0.005:1000');
    const t3cells = t3spec === 'all' ? TABLE3_KAPPAS.flatMap((k) => TABLE3_MS.map((m) => [k, m] as [number, number])) : parseCells(t3spec);
    process.stdout.write(`table 3: n = ${nT3}, cells ${JSON.stringify(t3cells)}, jobs ${jobs}\n`);
    const loadT3 = loadavg()[0];
    const xiTol = envNum('AGH_SCALE_XI_TOL', 0);
    const t3 = await table3({ n: nT3, s: Math.max(1, Math.round(nT3 / 10_000)), cells: t3cells, jobs, solver: 'decomp', xiTol });
    out.table3 = {
      instance: t3.instance, jobs, xiTol, loadAverage1m: { start: loadT3, end: loadavg()[0] },
      rows: t3.rows.map((r) => ({
        ...r, seconds: r.timeMs / 1000,
        // the paper's times are at n = 100,000 only
        ...(r.paper && nT3 === 100_000 ? { paperSeconds: r.paper.time, ratioOursOverPaper: r.timeMs / 1000 / r.paper.time } : {}),
      })),
    };
    // workers 1 vs 2 on one Lagrangian cell
    const nW = quick ? 10_000 : 20_000;
    const inst = generateSpikes({ n: nW, s: 2, h: 100, sigma: 0.5, seed: 53 });
    const scaling: Record<string, number> = {};
    let ref: Float64Array | null = null;
    let identical = true;
    for (const j of [1, 2]) {
      const t0 = performance.now();
      const r = await lagrangianDecomposition({ y: inst.y, lambda: 0.3, kappa: 0.02 }, { m: nW / 100, solver: 'decomp', jobs: j });
      scaling[`jobs=${j} s`] = (performance.now() - t0) / 1000;
      if (ref === null) ref = r.x;
      else identical = identical && r.x.every((v, i) => v === ref![i]);
    }
    out.workers = { n: nW, m: nW / 100, kappa: 0.02, ...scaling, speedup: scaling['jobs=1 s'] / scaling['jobs=2 s'], identicalResults: identical };
    return out;
  },
};
export default bench;
