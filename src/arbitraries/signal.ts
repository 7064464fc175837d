/**
 * Arbitraries for the exact signal-estimation claims (AGH21): small problems for brute force,
 * larger paths for pruned-vs-unpruned DPs, graphs with supports, random M-matrices, generator
 * parameters. Instances are plain JSON-able objects (number arrays), turned into a
 * {@link SignalProblem} inside the checks.
 */
import fc from 'fast-check';
import { gridGraph, type Graph, pathGraph, edgeGraph } from '../signal/model.ts';
import { logUniformDouble, uniformDouble } from './numbers.ts';

/** A small problem instance on a path. */
export interface ExactPathInstance {
  /** Data y ≥ 0 (about a third of the entries exactly 0, the rest uniform on [0, 1]). */
  y: number[];
  /** λ, log-uniform on [0.02, 20]. */
  lambda: number;
  /** ℓ0 weight μ: 0 (cardinality form) or log-uniform on [1e-3, 1] (penalty form). */
  mu: number;
  /** Cardinality bound (cardinality form) in [0, n], or null (penalty form). */
  k: number | null;
}

/** Constraints of {@link exactPathInstance}. */
export interface ExactPathConstraints {
  /** Length range (default [1, 10]). */
  minN?: number;
  maxN?: number;
  /** 'penalty' (k = null, μ > 0), 'cardinality' (k set; μ = 0 or > 0 when `muWithK`), default 'penalty'. */
  form?: 'penalty' | 'cardinality';
  /** In the cardinality form, also draw μ > 0 half of the time (default true). */
  muWithK?: boolean;
}

/** y ≥ 0 of length n: zero with probability ≈ 1/3, else uniform on [0, 1]. */
export function signalY(minN: number, maxN: number): fc.Arbitrary<number[]> {
  return fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), uniformDouble(0, 1)).map(([z, v]) => (z === 0 ? 0 : v)), {
    minLength: minN,
    maxLength: maxN,
  });
}

/** A small path problem (see {@link ExactPathInstance}). */
export function exactPathInstance(c: ExactPathConstraints = {}): fc.Arbitrary<ExactPathInstance> {
  const minN = c.minN ?? 1;
  const maxN = c.maxN ?? 10;
  const form = c.form ?? 'penalty';
  return fc
    .record({
      y: signalY(minN, maxN),
      lambda: logUniformDouble(0.02, 20),
      mu: logUniformDouble(1e-3, 1),
      kFrac: uniformDouble(0, 1),
      useMu: fc.boolean(),
    })
    .map(({ y, lambda, mu, kFrac, useMu }) => {
      if (form === 'penalty') return { y, lambda, mu, k: null };
      const k = Math.min(y.length, Math.floor(kFrac * (y.length + 1)));
      return { y, lambda, mu: (c.muWithK ?? true) && useMu ? mu : 0, k };
    });
}

/** A longer spiky path (for pruned vs unpruned DP): s spikes of random heights over small noise. */
export interface SpikyPathInstance {
  y: number[];
  lambda: number;
  mu: number;
}

/** n ∈ [20, maxN], spikes of random length and height over half-normal-like noise of level `noise`. */
export function spikyPathInstance(maxN = 150): fc.Arbitrary<SpikyPathInstance> {
  return fc
    .record({
      n: fc.integer({ min: 20, max: maxN }),
      spikes: fc.array(fc.tuple(uniformDouble(0, 1), fc.integer({ min: 1, max: 15 }), uniformDouble(0.2, 1)), { minLength: 0, maxLength: 5 }),
      noise: fc.array(uniformDouble(0, 1), { minLength: maxN, maxLength: maxN }),
      level: logUniformDouble(1e-3, 1),
      lambda: logUniformDouble(0.02, 10),
      mu: logUniformDouble(1e-4, 0.5),
    })
    .map(({ n, spikes, noise, level, lambda, mu }) => {
      const y = noise.slice(0, n).map((v) => level * v * v);
      for (const [pos, len, h] of spikes) {
        const a = Math.floor(pos * n);
        for (let i = a; i < Math.min(n, a + len); i++) y[i] += h * Math.sin((Math.PI * (i - a + 1)) / (len + 1));
      }
      return { y, lambda, mu };
    });
}

/** A graph family for the support-solution claims. */
export type GraphKind = 'path' | 'grid' | 'random';

/** A problem on some graph together with a support S. */
export interface GraphSupportInstance {
  kind: GraphKind;
  /** Grid shape (kind 'grid'). */
  rows: number;
  cols: number;
  /** Edges (kind 'random'). */
  edges: [number, number][];
  y: number[];
  lambda: number;
  /** Support as a 0/1 array. */
  support: number[];
}

/** Build the graph of a {@link GraphSupportInstance}. */
export function instanceGraph(inst: GraphSupportInstance): Graph {
  if (inst.kind === 'path') return pathGraph(inst.y.length);
  if (inst.kind === 'grid') return gridGraph(inst.rows, inst.cols);
  return edgeGraph(inst.y.length, inst.edges);
}

/** n ≤ maxN nodes (grids clipped to rows·cols ≤ maxN) on a path, a grid or a random graph (edge density 0.3), λ log-uniform [1e-2, 1e2], random S. */
export function graphSupportInstance(maxN = 16): fc.Arbitrary<GraphSupportInstance> {
  return fc
    .record({
      kind: fc.constantFrom<GraphKind>('path', 'grid', 'random'),
      rows: fc.integer({ min: 1, max: 4 }),
      cols: fc.integer({ min: 1, max: 4 }),
      n: fc.integer({ min: 1, max: maxN }),
      lambda: logUniformDouble(1e-2, 1e2),
      seedEdges: fc.array(fc.tuple(fc.integer({ min: 0, max: maxN - 1 }), fc.integer({ min: 0, max: maxN - 1 })), { maxLength: 3 * maxN }),
      vals: signalY(maxN, maxN),
      mask: fc.array(fc.boolean(), { minLength: maxN, maxLength: maxN }),
    })
    .map(({ kind, rows, cols: c0, n, lambda, seedEdges, vals, mask }) => {
      const cols = Math.max(1, Math.min(c0, Math.floor(maxN / rows)));
      const nn = kind === 'grid' ? rows * cols : n;
      const edges = kind === 'random' ? seedEdges.filter(([a, b]) => a < nn && b < nn && a !== b) : [];
      return {
        kind,
        rows,
        cols,
        edges,
        y: vals.slice(0, nn),
        lambda,
        support: mask.slice(0, nn).map((b) => (b ? 1 : 0)),
      };
    });
}

/** A random symmetric nonsingular M-matrix Q = sI − B (B ≥ 0 symmetric, s = (1 + δ)ρ(B) + ε) as rows. */
export interface MMatrixInstance {
  Q: number[][];
}

/** Spectral radius of a symmetric nonnegative matrix by power iteration (Perron vector, 500 steps). */
export function perronRoot(B: number[][]): number {
  const n = B.length;
  let v = new Array<number>(n).fill(1);
  let r = 0;
  for (let it = 0; it < 500; it++) {
    const w = B.map((row) => row.reduce((s, b, j) => s + b * v[j], 0));
    const norm = Math.sqrt(w.reduce((s, t) => s + t * t, 0));
    if (norm === 0) return 0;
    r = norm / Math.sqrt(v.reduce((s, t) => s + t * t, 0));
    v = w.map((t) => t / norm);
  }
  return r;
}

/**
 * n ∈ [2, maxN]; B has density ≈ 0.5, entries uniform [0, 1] with a few rows scaled ×(1..5) so
 * that Q is typically NOT diagonally dominant (only generalized DD); δ log-uniform on [1e-2, 1].
 */
export function mMatrixInstance(maxN = 8): fc.Arbitrary<MMatrixInstance> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: maxN }),
      vals: fc.array(uniformDouble(0, 1), { minLength: maxN * maxN, maxLength: maxN * maxN }),
      on: fc.array(fc.boolean(), { minLength: maxN * maxN, maxLength: maxN * maxN }),
      rowScale: fc.array(uniformDouble(1, 5), { minLength: maxN, maxLength: maxN }),
      delta: logUniformDouble(1e-2, 1),
    })
    .map(({ n, vals, on, rowScale, delta }) => {
      const B = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (!on[i * maxN + j]) continue;
          const b = vals[i * maxN + j] * rowScale[i] * rowScale[j];
          B[i][j] = b;
          B[j][i] = b;
        }
      }
      const s = (1 + delta) * perronRoot(B) + 1e-3;
      const Q = B.map((row, i) => row.map((b, j) => (i === j ? s : -b)));
      return { Q };
    });
}

/** Generator parameters for the invariant claims. */
export interface SpikeParamsInstance {
  n: number;
  s: number;
  h: number;
  sigma: number;
  noise: 'sigma-squared' | 'sigma';
  seed: number;
}

/** n ∈ [1, 400], s ∈ [0, 12], h ∈ [1, n], σ ∈ {0.1, …, 1.0} or log-uniform [0.01, 3], both readings. */
export function spikeParamsInstance(): fc.Arbitrary<SpikeParamsInstance> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 400 }),
      s: fc.integer({ min: 0, max: 12 }),
      hFrac: uniformDouble(0, 1),
      sigma: fc.oneof(fc.integer({ min: 1, max: 10 }).map((t) => 0.1 * t), logUniformDouble(0.01, 3)),
      noise: fc.constantFrom<'sigma-squared' | 'sigma'>('sigma-squared', 'sigma'),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, s, hFrac, sigma, noise, seed }) => ({ n, s, h: 1 + Math.floor(hFrac * Math.min(n, 30) * 0.999), sigma, noise, seed }));
}
