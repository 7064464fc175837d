/**
 * Refactoring check: run the conic solver and the three path solvers of (32) on fixed seeded instances and
 * write every output number (objective, bounds, iterations, iterates, per-iteration traces) to a JSON file,
 * so that a refactor claimed to change no arithmetic can be compared bitwise with the run before it:
 *
 *   nice -n 19 npx tsx scripts/solver-snapshot.ts before.json   # before the change (about 20 s)
 *   nice -n 19 npx tsx scripts/solver-snapshot.ts after.json    # after it
 *   cmp before.json after.json                       # identical bytes = identical doubles
 *
 * Numbers are written with JavaScript's shortest round-trip representation (exact for doubles); NaN and
 * ±Infinity as strings. Times are left out.
 */
import { writeFileSync } from 'node:fs';
import { buildFeasible, buildInfeasible, type ConicKind } from '../src/arbitraries/conic.ts';
import { solveConic, type ConicProblem, type SolverOptions } from '../src/conic/solver.ts';
import { cscFromTriplets } from '../src/conic/sparse.ts';
import { createRng } from '../src/core/random.ts';
import { loadAccelerometer } from '../src/signal/accelerometer.ts';
import { generateSpikes } from '../src/signal/generator.ts';
import { priors43, signalProblem, type Prior, type SignalProblem } from '../src/signal/model.ts';
import { buildDecomp } from '../src/signal/relax/build.ts';
import { solveDecompPath, type PathBarrierOptions } from '../src/signal/relax/path-barrier.ts';
import { solveDecompPathPD, type PathPdOptions } from '../src/signal/relax/path-pd.ts';
import { solveDecompPathPriors } from '../src/signal/relax/path-pd-priors.ts';
import { RELAX_SOLVER_OPTIONS, solveSpec } from '../src/signal/relax/solve.ts';

const DROP = new Set(['timeMs', 'analysisMs']);
function plain(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) || Number.isNaN(v) ? (Number.isNaN(v) ? 'NaN' : v) : String(v);
  if (v instanceof Float64Array || v instanceof Int32Array) return Array.from(v, (x) => plain(x));
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!DROP.has(k) && typeof x !== 'function') o[k] = plain(x);
    return o;
  }
  return v;
}

const out: Record<string, unknown> = {};
const record = (name: string, f: () => unknown): void => {
  try {
    out[name] = plain(f());
  } catch (e) {
    out[name] = { error: String(e) };
  }
};

// ---- conic solver
const conic = (name: string, p: ConicProblem, o: SolverOptions = {}): void => {
  const log: string[] = [];
  record(`conic/${name}`, () => ({ sol: solveConic(p, { ...o, verbose: true, logger: (s) => log.push(s.replace(/\(n=.*$/, '')) }), log }));
};
const kinds: ConicKind[] = ['lp', 'qp', 'socp', 'rotated'];
for (const kind of kinds) {
  for (const n of [1, 3, 8, 20, 40]) {
    for (let seed = 1; seed <= 3; seed++) {
      const f = buildFeasible(kind, 1000 * n + seed, n);
      conic(`feasible/${kind}/n${n}/s${seed}`, f.problem);
      if (seed === 1) {
        conic(`feasible/${kind}/n${n}/noeq`, f.problem, { equilibrate: false });
        conic(`feasible/${kind}/n${n}/it3`, f.problem, { maxIterations: 3, reducedFactor: 1e7 });
        conic(`feasible/${kind}/n${n}/stop2`, f.problem, { unsafeStopAfter: 2 });
        conic(`feasible/${kind}/n${n}/loose`, f.problem, { epsAbs: 1e-4, epsRel: 1e-4, staticReg: 1e-7, refinementSteps: 1 });
      }
    }
    for (const which of ['primal_infeasible', 'dual_infeasible'] as const) {
      for (let seed = 1; seed <= 2; seed++) conic(`${which}/${kind}/n${n}/s${seed}`, buildInfeasible(which, kind, 7000 * n + seed, n).problem);
    }
  }
}
conic('hand/unbounded', { q: [-1], A: cscFromTriplets(1, 1, [0], [0], [-1]), b: [0], cones: [{ kind: 'nonneg', dim: 1 }] });
conic('hand/infeasible', { q: [1], A: cscFromTriplets(2, 1, [0, 1], [0, 0], [-1, 1]), b: [-1, 0], cones: [{ kind: 'nonneg', dim: 2 }] });
conic('hand/huge', { q: [1e300, -1e300], A: cscFromTriplets(2, 2, [0, 1, 0], [0, 1, 1], [-1e300, -1, 1e300]), b: [1e300, 0], cones: [{ kind: 'nonneg', dim: 2 }] });
conic('hand/lp-it2', { q: [1, -1], A: cscFromTriplets(3, 2, [0, 1, 2], [0, 1, 1], [-1, -1, 1]), b: [0, 0, 1], cones: [{ kind: 'nonneg', dim: 3 }] }, { maxIterations: 2 });
// large second-order cones (the sparse expansion of the KKT matrix), with an equality row and a QP term
for (const d of [17, 30, 60]) {
  const rng = createRng(d);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < d; j++) {
    rows.push(1 + j);
    cols.push(j);
    vals.push(-1);
  }
  for (let j = 0; j < d; j++) {
    rows.push(0);
    cols.push(j);
    vals.push(1);
  }
  const A = cscFromTriplets(d + 1, d, rows, cols, vals);
  const b = [1, ...Array.from({ length: d }, (_, i) => (i === 0 ? 0 : rng.normal()))];
  const q = Array.from({ length: d }, (_, i) => (i === 0 ? 1 : 0.5 * rng.normal() / Math.sqrt(d)));
  conic(`soc/${d}`, { q, A, b, cones: [{ kind: 'zero', dim: 1 }, { kind: 'soc', dim: d }] });
  conic(`soc/${d}/qp`, { P: cscFromTriplets(d, d, [1, 2], [1, 2], [1, 0.5]), q, A, b, cones: [{ kind: 'zero', dim: 1 }, { kind: 'soc', dim: d }] });
}
// the relaxations' programs (rotated cones, cardinality rows)
const spikes = (n: number, seed: number, extra: Partial<Parameters<typeof signalProblem>[0]> = {}): SignalProblem =>
  signalProblem({ y: generateSpikes({ n, s: 2, h: 5, sigma: 0.5, seed }).y, lambda: 0.3, ...extra });
for (const [n, seed, extra] of [[12, 1, {}], [30, 2, { k: 6 }], [25, 3, { priors: priors43(25, 2, 5) }]] as const) {
  const p = spikes(n, seed, extra as never);
  const cuts = p.graph.edges.map((_, e) => (e % 3 === 0 ? [1, 0.5, 2] : [1]));
  record(`conic/decomp/${n}/${seed}`, () => solveSpec(buildDecomp(p, cuts, {}).spec, RELAX_SOLVER_OPTIONS));
}

// ---- path solvers of (32)
const acc = loadAccelerometer().y;
const win = (start: number, n: number): Float64Array => acc.slice(start, start + n);
type Inst = { name: string; p: SignalProblem; cuts: number[][] };
const pathInstances: Inst[] = [];
{
  const y = win(2000, 160);
  const cuts = Array.from({ length: y.length - 1 }, (_, e) => (e % 7 === 0 ? [1, 0.3, 4] : [1]));
  pathInstances.push({ name: 'acc160/penalty', p: signalProblem({ y, lambda: 0.3, mu: 0.01 }), cuts });
  pathInstances.push({ name: 'acc160/card', p: signalProblem({ y, lambda: 0.3, k: 12, mu: 0 }), cuts });
  pathInstances.push({ name: 'tiny5/k1', p: signalProblem({ y: new Float64Array([0, 0, 0, 1, 0]), lambda: 0.1, k: 1 }), cuts: [[1], [1], [1], [1]] });
  pathInstances.push({ name: 'ex3', p: signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5 }), cuts: [[1], [1]] });
  const rng = createRng(99);
  for (let t = 0; t < 8; t++) {
    const n = 2 + rng.int(50);
    const p = signalProblem({ y: Float64Array.from({ length: n }, () => Math.abs(rng.normal())), lambda: 0.05 + rng.uniform(), mu: t % 2 ? 0.1 * rng.uniform() : 0, l1: t % 3 ? 0 : 0.2 * rng.uniform(), k: t % 4 < 2 ? null : 1 + rng.int(n) });
    pathInstances.push({ name: `rand/${t}/n${n}`, p, cuts: p.graph.edges.map(() => (rng.uniform() < 0.4 ? [1, 0.2 + 3 * rng.uniform(), 1 / (0.2 + 3 * rng.uniform())] : [1])) });
  }
  const y3 = win(500, 60);
  pathInstances.push({ name: 'acc60/k6', p: signalProblem({ y: y3, lambda: 0.5, k: 6 }), cuts: Array.from({ length: 59 }, () => [1]) });
  const y4 = win(900, 400);
  pathInstances.push({ name: 'acc400/k30', p: signalProblem({ y: y4, lambda: 0.2, k: 30 }), cuts: Array.from({ length: 399 }, (_, e) => (e % 5 ? [1] : [1, 2, 0.5])) });
}
for (const { name, p, cuts } of pathInstances) {
  const opts: [string, PathBarrierOptions][] = [['default', {}], ['t2', { tFactor: 2 }], ['newton7', { maxNewton: 7 }], ['snap', { snapshotGap: 1e-3 }]];
  for (const [on, o] of opts) record(`barrier/${name}/${on}`, () => solveDecompPath(p, cuts, o));
  record(`barrier/${name}/warm`, () => {
    const a = solveDecompPath(p, cuts, { snapshotGap: 1e-3 });
    return solveDecompPath({ ...p, y: Float64Array.from(p.y, (v) => 0.9 * v), yNorm2: 0.81 * p.yNorm2 } as SignalProblem, cuts, { warm: a.snapshot });
  });
  const pdo: [string, PathPdOptions][] = [['default', {}], ['it3', { maxIterations: 3 }], ['tight', { relTol: 1e-9, acceptTol: 1e-8 }], ['snap', { snapshotGaps: [1e-1, 1e-2, 1e-4] }]];
  for (const [on, o] of pdo) {
    record(`pd/${name}/${on}`, () => {
      const trace: unknown[] = [];
      const r = solveDecompPathPD(p, cuts, { ...o, onIteration: (i) => trace.push(i) });
      return { r, trace };
    });
  }
  record(`pd/${name}/warm`, () => {
    const a = solveDecompPathPD(p, cuts, { snapshotGaps: [1e-2] });
    const more = cuts.map((c) => [...c, 1.7]);
    const trace: unknown[] = [];
    const r = solveDecompPathPD(p, more, { warm: a.pdSnapshots[0], onIteration: (i) => trace.push(i) });
    return { r, trace };
  });
}
// priors variant
{
  const rng = createRng(17);
  const pri: Inst[] = [];
  for (let t = 0; t < 8; t++) {
    const n = 25 + rng.int(60);
    const s = 1 + rng.int(2);
    const h = 4 + rng.int(5);
    const g = generateSpikes({ n, s, h, sigma: 0.3 + 0.6 * rng.uniform(), seed: 100 + t });
    const withK = t % 2 === 0;
    const p = signalProblem({ y: g.y, lambda: 0.05 + rng.uniform(), l1: t % 3 === 0 ? 0 : 0.1 * rng.uniform(), k: withK ? h * s : null, priors: priors43(n, s, h).slice(withK ? 1 : 0) });
    pri.push({ name: `p43/${t}/n${n}`, p, cuts: p.graph.edges.map(() => (rng.uniform() < 0.3 ? [1, 0.5 + 2 * rng.uniform()] : [1])) });
  }
  const g = generateSpikes({ n: 40, s: 1, h: 8, sigma: 0.5, seed: 3 });
  const atLeast: Prior = { kind: 'linear', terms: Array.from({ length: 40 }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 2 };
  pri.push({ name: 'atleast', p: signalProblem({ y: g.y, lambda: 0.3, priors: [atLeast] }), cuts: Array.from({ length: 39 }, () => [1]) });
  pri.push({ name: 'switches', p: signalProblem({ y: g.y, lambda: 0.3, priors: [{ kind: 'switches', max: 2 }] }), cuts: Array.from({ length: 39 }, () => [1]) });
  pri.push({ name: 'switches+k', p: signalProblem({ y: g.y, lambda: 0.3, k: 5, priors: [{ kind: 'switches', max: 2 }, atLeast] }), cuts: Array.from({ length: 39 }, (_, e) => (e % 4 ? [1] : [1, 3])) });
  const y = Float64Array.from({ length: 20 }, (_, i) => (i % 5) / 5);
  pri.push({ name: 'hard', p: signalProblem({ y, priors: [{ kind: 'linear', terms: Array.from({ length: 20 }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 15 }] }), cuts: Array.from({ length: 19 }, () => [1]) });
  const ya = win(3000, 200);
  pri.push({ name: 'acc200/p43', p: signalProblem({ y: ya, lambda: 0.3, k: 20, priors: priors43(200, 2, 10).slice(1) }), cuts: Array.from({ length: 199 }, (_, e) => (e % 6 ? [1] : [1, 0.4])) });
  for (const { name, p, cuts } of pri) {
    for (const [on, o] of [['default', {}], ['it3', { maxIterations: 3 }], ['tight', { relTol: 1e-9, acceptTol: 1e-8 }]] as const) {
      record(`priors/${name}/${on}`, () => {
        const trace: unknown[] = [];
        const r = solveDecompPathPriors(p, cuts, { ...o, onIteration: (i) => trace.push(i) });
        return { r, trace };
      });
    }
  }
}

const file = process.argv[2] ?? 'solver-snapshot.json';
writeFileSync(file, JSON.stringify(out, null, 0).replace(/,"(conic|barrier|pd|priors)\//g, ',\n"$1/'));
const groups: Record<string, number> = {};
for (const k of Object.keys(out)) groups[k.split('/')[0]] = (groups[k.split('/')[0]] ?? 0) + 1;
console.log(`${Object.keys(out).length} runs written to ${file}:`, groups, 'errors:', Object.entries(out).filter(([, v]) => (v as { error?: string }).error).map(([k]) => k));
