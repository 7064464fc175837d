/**
 * Conic solver benchmark: the perspective relaxation (persp, AGH21 eq. (8),
 * penalty form) of signal estimation on a path,
 *
 *   min Σ y_i² + Σ_i (−2y_i x_i + s_i) + λ Σ_{i<n} (x_{i+1} − x_i)² + μ Σ_i z_i
 *   s.t. x_i² ≤ s_i z_i (rotated cone), 0 ≤ x_i ≤ u z_i, 0 ≤ z_i ≤ 1,  u = ‖y‖∞,
 *
 * for n = 1e3, 1e4, 1e5 (3n variables, n rotated cones). y: a seeded spike
 * signal (spikes of height 1 and length 10 on ~5% of the points) plus N(0, 0.1²)
 * noise, clipped at 0. Reports iterations, time, per-iteration time, fill ratio,
 * the fitted exponent of per-iteration time in n and peak RSS.
 *
 * Peer: cvxopt (coneqp, its default KKT solver) on the same persp instance at n = 1000 (CONIC_CVXOPT_N,
 * comma-separated sizes from the list above or others; quick: 200), run by src/bench/persp_cvxopt.py with
 * the first python3 that imports cvxopt (PYTHON, python3, /usr/bin/python3); skipped with a note otherwise.
 * Ratio = cvxopt solve time / ours on the same y. cvxopt's default factors the KKT system of a problem with
 * second-order cones densely (order 3n), so larger sizes are out of its reach here.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import type { Benchmark } from './main.ts';
import { createRng } from '../core/random.ts';
import { ConicModel, type ModelResult } from '../conic/model.ts';

/** Seeded spike signal: spikes of height 1, length h, about `frac` of points nonzero; noise σ. */
export function spikeSignal(n: number, seed: number, h = 10, frac = 0.05, sigma = 0.1): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(n);
  const spikes = Math.max(1, Math.round((frac * n) / h));
  for (let k = 0; k < spikes; k++) {
    const st = rng.int(Math.max(1, n - h));
    for (let i = st; i < Math.min(n, st + h); i++) y[i] = 1;
  }
  for (let i = 0; i < n; i++) y[i] = Math.max(0, y[i] + sigma * rng.normal());
  return y;
}

/** Build the persp model (penalty form) of the path problem. */
export function perspPathModel(y: Float64Array, lambda: number, mu: number): ConicModel {
  const n = y.length;
  let u = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    u = Math.max(u, y[i]);
    yy += y[i] * y[i];
  }
  const m = new ConicModel();
  const x = m.variable('x', n, { lb: 0 });
  const z = m.variable('z', n, { lb: 0, ub: 1 });
  const s = m.variable('s', n);
  m.addObjectiveConstant(yy);
  for (let i = 0; i < n; i++) {
    m.addObjective(x.at(i), -2 * y[i]);
    m.addObjective(s.at(i), 1);
    m.addObjective(z.at(i), mu);
    m.rotatedCone(s.at(i), z.at(i), [x.at(i)]);
    m.addLinear([[1, x.at(i)], [-u, z.at(i)]], '<=', 0);
    if (i + 1 < n) m.addSquare([[1, x.at(i + 1)], [-1, x.at(i)]], 0, lambda);
  }
  return m;
}

/** The first python interpreter that imports cvxopt, or null. */
export function findCvxoptPython(): string | null {
  const cands = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => typeof c === 'string' && c !== '');
  for (const py of cands) {
    const r = spawnSync(py, ['-c', 'import cvxopt'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

/** cvxopt's result on the persp instance y (see persp_cvxopt.py), or the reason it could not run. */
export function cvxoptPersp(py: string, y: Float64Array, lambda: number, mu: number): Record<string, unknown> {
  const script = fileURLToPath(new URL('./persp_cvxopt.py', import.meta.url));
  const r = spawnSync(py, [script], { input: JSON.stringify({ y: Array.from(y), lambda, mu }), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: `exit ${r.status}: ${(r.stderr ?? '').slice(-400)}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

const bench: Benchmark = {
  name: 'conic',
  description: 'persp relaxation of path signal estimation (n rotated cones) solved by the conic IPM, n = 1e3, 1e4, 1e5',
  run({ quick }) {
    const sizes = quick ? [1000, 3000, 10000] : [1000, 10000, 100000];
    const rows: Record<string, number | string>[] = [];
    const instances = new Map<number, { y: Float64Array; ms: number; objective: number }>();
    // warm-up (JIT) on a small instance, not recorded
    perspPathModel(spikeSignal(2000, 7), 1, 0.1).solve();
    const loadBefore = loadavg()[0];
    for (const n of sizes) {
      const y = spikeSignal(n, 20211 + n);
      const tb = performance.now();
      const model = perspPathModel(y, 1, 0.1);
      const buildMs = performance.now() - tb;
      const r: ModelResult = model.solve({ maxIterations: 100 });
      const c = r.certificate;
      const rss = process.memoryUsage().rss;
      instances.set(n, { y, ms: c.timeMs, objective: r.objective });
      rows.push({
        n,
        status: r.status,
        objective: r.objective,
        iterations: c.iterations,
        buildMs,
        solveMs: c.timeMs,
        analysisMs: c.analysisMs,
        perIterationMs: (c.timeMs - c.analysisMs) / Math.max(1, c.iterations),
        kktDim: c.kktDim,
        nnzKkt: c.nnzKkt,
        nnzL: c.nnzL,
        fillRatio: c.fillRatio,
        gapRel: c.gapRel,
        primalResidualRel: c.primalResidualRel,
        dualResidualRel: c.dualResidualRel,
        rssMB: rss / 2 ** 20,
        loadAverage1m: loadavg()[0],
      });
      process.stdout.write(JSON.stringify(rows[rows.length - 1]) + '\n');
    }
    // least-squares slope of log(per-iteration time) on log n
    const lx = rows.map((r) => Math.log(r.n as number));
    const ly = rows.map((r) => Math.log(r.perIterationMs as number));
    const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
    const my = ly.reduce((a, b) => a + b, 0) / ly.length;
    let num = 0;
    let den = 0;
    for (let k = 0; k < lx.length; k++) {
      num += (lx[k] - mx) * (ly[k] - my);
      den += (lx[k] - mx) ** 2;
    }
    const lt = rows.map((r) => Math.log(r.solveMs as number));
    const mt = lt.reduce((a, b) => a + b, 0) / lt.length;
    let numT = 0;
    for (let k = 0; k < lx.length; k++) numT += (lx[k] - mx) * (lt[k] - mt);
    // exponents between consecutive sizes (the smallest size carries fixed per-solve overheads)
    const pairwisePerIterationExponents = rows.slice(1).map((r, k) =>
      Math.log((r.perIterationMs as number) / (rows[k].perIterationMs as number)) / Math.log((r.n as number) / (rows[k].n as number)),
    );
    // peer: cvxopt on the same instance(s)
    const peerSizes = (process.env.CONIC_CVXOPT_N ?? (quick ? '200' : '1000')).split(',').map(Number).filter((v) => v > 0);
    const py = findCvxoptPython();
    const cvxopt: Record<string, unknown>[] = [];
    let cvxoptNote: string | undefined;
    if (py === null) cvxoptNote = 'skipped: no python3 with cvxopt (Debian: apt-get install python3-cvxopt)';
    else {
      for (const n of peerSizes) {
        let inst = instances.get(n);
        if (!inst) {
          const y = spikeSignal(n, 20211 + n);
          const r = perspPathModel(y, 1, 0.1).solve({ maxIterations: 100 });
          inst = { y, ms: r.certificate.timeMs, objective: r.objective };
        }
        const load = loadavg()[0];
        const peer = cvxoptPersp(py, inst.y, 1, 0.1);
        const peerMs = typeof peer.solveSeconds === 'number' ? peer.solveSeconds * 1000 : NaN;
        const row = {
          n, python: py, ...peer, oursMs: inst.ms, oursObjective: inst.objective,
          objectiveRelDiff: typeof peer.objective === 'number' ? Math.abs(peer.objective - inst.objective) / Math.max(1, Math.abs(inst.objective)) : NaN,
          ratioCvxoptOverOurs: peerMs / inst.ms, loadAverage1m: load,
        };
        cvxopt.push(row);
        process.stdout.write(`cvxopt n = ${n}: ${JSON.stringify(row)}\n`);
      }
    }
    return {
      rows,
      cvxopt,
      ...(cvxoptNote ? { cvxoptNote } : {}),
      perIterationExponent: num / den,
      pairwisePerIterationExponents,
      totalTimeExponent: numT / den,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      loadAverageAtStart: loadBefore,
      note: 'machine shared with other jobs: loadAverage1m > cores means times are inflated',
      targets: { 'n=1e4 (ms)': 2000, 'n=1e5 (ms)': 30000 },
    };
  },
};
export default bench;
