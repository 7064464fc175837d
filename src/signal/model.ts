/**
 * The sparse-and-smooth signal estimation model of Atamtürk, Gómez & Han (2021)
 * — the problem data every solver of src/signal/ takes.
 *
 * A {@link SignalProblem} describes
 *
 *   min_{x ∈ ℝⁿ₊, z ∈ {0,1}ⁿ}  ‖y − x‖²₂ + λ Σ_{{i,j}∈A} (x_i − x_j)²  + μ Σ_i z_i + ν Σ_i x_i
 *   s.t.  x_i (1 − z_i) = 0            (6b)  (equivalently 0 ≤ x ≤ u z with u = ‖y‖∞, (7), docs/claims/agh21.md#big-m-valid)
 *         Σ_i z_i ≤ k                   (3)   (only when `k` is set)
 *         z satisfies every prior       (6c)  (affine sparsity priors, e.g. (43b)–(43d))
 *
 * with
 * - `mu` = μ, the ℓ0 weight of the penalty form (4) and (37) — called κ in (44);
 * - `k`, the cardinality bound of (3) and (41) (`null`: no bound);
 * - `l1` = ν, the ℓ1 shrinkage weight of (43)/(44) — called μ there (ν ≥ 0, so on x ≥ 0 it is ν‖x‖₁).
 * The penalty form (4) is `mu > 0, k = null`; the cardinality form (3) is `mu = 0, k = k`;
 * (44) is `mu = κ, l1 = μ`; Decomp-sparse is `k = hs, l1 = μ`; Decomp-prior adds `priors43(n, s, h)`.
 *
 * **Objective convention.** Every objective value in src/signal/ INCLUDES the constant ‖y‖²₂, as the
 * paper's printed values do (Example 1: 0.993333 = 1.16 − 1/6; Example 2: ζ* = 1.504; gap (42)).
 * In matrix form (11): ‖y‖² − 2y′x + x′Qx + μΣz + νΣx with Q = I + λL_G (L_G the graph Laplacian),
 * Q_ii = 1 + λ·deg(i), Q_ij = −λ for {i,j} ∈ A. Q is a Stieltjes matrix (docs/claims/agh21.md#stieltjes).
 *
 * **Support solutions.** For a support S and ν = 0 the best x is x_S = Q_SS⁻¹ y_S (docs/claims/agh21.md#big-m-valid), which
 * is automatically in [0, max y] when y ≥ 0, with value ‖y‖² − y_Sᵀ Q_SS⁻¹ y_S + μ|S|.
 * {@link supportSolution} computes it (Thomas algorithm on each run of a path, dense Cholesky
 * otherwise). With ν > 0 the data are shifted, b = y − ν/2, and x ≥ 0 may bind: see
 * {@link supportSolutionNonneg}.
 *
 * @example
 * const p = signalProblem({ y: [0.3, 0.7, 1.0], lambda: 1, mu: 0.5 });   // Example 2, path 1–2–3
 * const x = supportSolution(p, [1, 2]);                                    // (0, 0.48, 0.74)
 * objective(p, x);                                                         // 1.504
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteNumber, integerInRange, nonNegative, positive } from '../core/validate.ts';

/** An undirected graph on nodes 0..n−1 (the adjacency set A of (2)). */
export interface Graph {
  /** Number of nodes. */
  readonly n: number;
  /** Edges {i, j}, i ≠ j, each listed once (as [min, max]). */
  readonly edges: ReadonlyArray<readonly [number, number]>;
  /** 'path' (edges {i, i+1}), 'grid' (rows × cols, row-major), or 'general'. */
  readonly kind: 'path' | 'grid' | 'general';
  /** Grid shape when kind = 'grid'. */
  readonly rows?: number;
  readonly cols?: number;
}

/** The path 0–1–…–(n−1): the time-series adjacency used in every experiment of the paper. */
export function pathGraph(n: number): Graph {
  integerInRange('n', n, 1);
  const edges: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
  return { n, edges, kind: 'path' };
}

/** The rows × cols 4-neighbour grid (pixels), node (r, c) = r·cols + c. */
export function gridGraph(rows: number, cols: number): Graph {
  integerInRange('rows', rows, 1);
  integerInRange('cols', cols, 1);
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = r * cols + c;
      if (c + 1 < cols) edges.push([v, v + 1]);
      if (r + 1 < rows) edges.push([v, v + cols]);
    }
  }
  return { n: rows * cols, edges, kind: 'grid', rows, cols };
}

/** A graph from an edge list; validates range, self-loops; duplicates are merged. */
export function edgeGraph(n: number, edges: ReadonlyArray<readonly [number, number]>): Graph {
  integerInRange('n', n, 1);
  if (!Array.isArray(edges)) throw new InvalidArgumentError('edges', edges, 'an array of [i, j] pairs');
  const seen = new Set<number>();
  const out: [number, number][] = [];
  edges.forEach((e, t) => {
    if (!Array.isArray(e) || e.length !== 2) throw new InvalidArgumentError(`edges[${t}]`, e, 'a pair [i, j]');
    integerInRange(`edges[${t}][0]`, e[0], 0, n - 1);
    integerInRange(`edges[${t}][1]`, e[1], 0, n - 1);
    if (e[0] === e[1]) throw new InvalidArgumentError(`edges[${t}]`, e, 'an edge between two distinct nodes (no self-loop)');
    const a = Math.min(e[0], e[1]);
    const b = Math.max(e[0], e[1]);
    const key = a * n + b;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([a, b]);
    }
  });
  const isPath = out.length === n - 1 && out.every(([a, b]) => b === a + 1);
  return { n, edges: out, kind: isPath ? 'path' : 'general' };
}

/**
 * An affine sparsity prior on the indicators z (a row of C in (6c)):
 * - `linear`: Σ_t coef_t · z_{index_t}  (sense)  rhs;
 * - `switches`: Σ_{i=0}^{n−2} |z_{i+1} − z_i| ≤ max — (43c), which needs auxiliary variables in a
 *   relaxation (e.g. s_i ≥ ±(z_{i+1} − z_i), Σ s_i ≤ max).
 */
export type Prior =
  | {
      kind: 'linear';
      terms: ReadonlyArray<{ index: number; coef: number }>;
      sense: '<=' | '>=' | '=';
      rhs: number;
      /** Where it comes from, e.g. '(43b)'. */
      label?: string;
    }
  | { kind: 'switches'; max: number; label?: string };

/**
 * The priors (43b)–(43d) of Decomp-prior for spikes (s spikes of length h) on a path of n nodes:
 * (43b) Σ z ≤ hs; (43c) Σ|z_{i+1} − z_i| ≤ 2s; (43d) Σ_{i=max(1,ℓ−h)}^{min(n,ℓ+h)} z_i − h z_ℓ ≥ 0 for all ℓ
 * (0-indexed here). Note §1.4 [N]: (43d) is weaker than "runs of length ≥ h".
 */
export function priors43(n: number, s: number, h: number): Prior[] {
  integerInRange('n', n, 1);
  integerInRange('s', s, 0);
  integerInRange('h', h, 1);
  const all = Array.from({ length: n }, (_, i) => ({ index: i, coef: 1 }));
  const out: Prior[] = [
    { kind: 'linear', terms: all, sense: '<=', rhs: h * s, label: '(43b)' },
    { kind: 'switches', max: 2 * s, label: '(43c)' },
  ];
  for (let l = 0; l < n; l++) {
    const terms: { index: number; coef: number }[] = [];
    for (let i = Math.max(0, l - h); i <= Math.min(n - 1, l + h); i++) terms.push({ index: i, coef: i === l ? 1 - h : 1 });
    out.push({ kind: 'linear', terms, sense: '>=', rhs: 0, label: `(43d) ℓ=${l}` });
  }
  return out;
}

/** A validated problem instance (immutable by convention). */
export interface SignalProblem {
  /** Observations y ∈ ℝⁿ₊. */
  readonly y: Float64Array;
  readonly n: number;
  readonly graph: Graph;
  /** Smoothing weight λ > 0. */
  readonly lambda: number;
  /** ℓ0 weight μ ≥ 0 (penalty form (4); κ of (44)). */
  readonly mu: number;
  /** Cardinality bound k of (3), or null. */
  readonly k: number | null;
  /** ℓ1 shrinkage weight ν ≥ 0 (μ of (43)/(44)). */
  readonly l1: number;
  /** Affine sparsity priors on z. */
  readonly priors: ReadonlyArray<Prior>;
  /** Big-M constant u = ‖y‖∞ (valid: docs/claims/agh21.md#big-m-valid). */
  readonly u: number;
  /** ‖y‖²₂, the constant included in every objective value. */
  readonly yNorm2: number;
}

/** Input of {@link signalProblem}; everything but y optional. */
export interface SignalProblemInput {
  /** Observations, finite and ≥ 0 (the paper's model has y ∈ ℝⁿ₊). */
  y: ArrayLike<number>;
  /** Adjacency (default: the path on n nodes). */
  graph?: Graph;
  /** λ > 0 (default 1). */
  lambda?: number;
  /** ℓ0 penalty weight μ ≥ 0 (default 0). */
  mu?: number;
  /** Cardinality bound, integer in [0, n] (default none). */
  k?: number | null;
  /** ℓ1 shrinkage ν ≥ 0 (default 0). */
  l1?: number;
  /** Priors on z (default none). */
  priors?: Prior[];
}

/** Validate observations: finite and nonnegative, with an error saying the model needs y ≥ 0. */
export function validateY(y: unknown): Float64Array {
  if (!(Array.isArray(y) || y instanceof Float64Array || y instanceof Float32Array)) {
    throw new InvalidArgumentError('y', y, 'an array of finite numbers >= 0');
  }
  const arr = y as ArrayLike<unknown>;
  if (arr.length === 0) throw new InvalidArgumentError('y.length', 0, 'at least 1');
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`y[${i}]`, v, 'a finite number');
    if (v < 0) {
      throw new InvalidArgumentError(
        `y[${i}]`,
        v,
        'a number >= 0: the sparse-and-smooth model of Atamtürk–Gómez–Han assumes y ∈ ℝⁿ₊ (nonnegative data, base value 0)',
      );
    }
    out[i] = v;
  }
  return out;
}

function validatePriors(priors: unknown, n: number): Prior[] {
  if (!Array.isArray(priors)) throw new InvalidArgumentError('priors', priors, 'an array of priors');
  priors.forEach((p: any, t: number) => {
    if (p === null || typeof p !== 'object') throw new InvalidArgumentError(`priors[${t}]`, p, 'a prior object');
    if (p.kind === 'linear') {
      if (!Array.isArray(p.terms)) throw new InvalidArgumentError(`priors[${t}].terms`, p.terms, 'an array of {index, coef}');
      p.terms.forEach((term: any, r: number) => {
        integerInRange(`priors[${t}].terms[${r}].index`, term?.index, 0, n - 1);
        finiteNumber(`priors[${t}].terms[${r}].coef`, term?.coef);
      });
      if (p.sense !== '<=' && p.sense !== '>=' && p.sense !== '=') {
        throw new InvalidArgumentError(`priors[${t}].sense`, p.sense, "one of '<=', '>=', '='");
      }
      finiteNumber(`priors[${t}].rhs`, p.rhs);
    } else if (p.kind === 'switches') {
      nonNegative(`priors[${t}].max`, p.max);
    } else {
      throw new InvalidArgumentError(`priors[${t}].kind`, p.kind, "'linear' or 'switches'");
    }
  });
  return priors as Prior[];
}

/** Whether `edges` is exactly [[0,1], [1,2], …, [n−2, n−1]]. */
function isPathEdges(edges: ReadonlyArray<readonly [number, number]>, n: number): boolean {
  if (!Array.isArray(edges) || edges.length !== n - 1) return false;
  for (let i = 0; i + 1 < n; i++) {
    const e = edges[i];
    if (!Array.isArray(e) || e.length !== 2 || e[0] !== i || e[1] !== i + 1) return false;
  }
  return true;
}

/**
 * Largest smoothing weight λ accepted. Q = I + λL_G has condition number up to 1 + 2λ·deg_max, so
 * solves with Q lose about log10(λ) digits: at λ = 1e8 ≈ 1/√ε half of double precision is left
 * (the dynamic programme and brute force still agree to ~1e-10); at λ ≈ 1/ε the identity part of
 * Q_ii = 1 + 2λ vanishes in rounding and every solver returns a wrong optimum (λ = 1e16 on
 * y = (0.5, 1, 0.2), μ = 0.1 gave 1.29 against the optimum 0.62667, and −∞ by brute force).
 */
export const LAMBDA_MAX = 1e8;
/** Largest accepted bound on any objective term (leaves headroom below the double range, 1.8e308). */
export const OBJECTIVE_MAX = 1e300;
/** Smallest accepted nonzero ‖y‖∞: below it y² underflows and supports can no longer be compared. */
export const Y_MIN_NONZERO = 1e-150;

/**
 * Refuse parameters for which double precision cannot give the right optimum, with the reason:
 * λ beyond {@link LAMBDA_MAX}; data whose squares overflow or underflow; an objective that can
 * exceed {@link OBJECTIVE_MAX} (for 0 ≤ x ≤ u: x′Qx ≤ (n + λ|A|)·4u², μ·n, ν·n·u).
 * The model is homogeneous — scaling y by α and (μ, ν) by (α², α) scales x by α and the
 * objective by α² — so data out of range can be rescaled by the caller without changing the support.
 */
function checkNumericRange(n: number, edges: number, u: number, lambda: number, mu: number, l1: number): void {
  if (lambda > LAMBDA_MAX) {
    throw new InvalidArgumentError('lambda', lambda, `λ <= ${LAMBDA_MAX}: Q = I + λL has condition number up to 1 + 2λ·deg, and beyond λ = 1e8 double precision leaves too few digits for a reliable optimum (at λ ≈ 1e16 the identity part vanishes in rounding)`);
  }
  if (u > 0 && u < Y_MIN_NONZERO) {
    throw new InvalidArgumentError('y', u, `max y = 0 or >= ${Y_MIN_NONZERO}: y² underflows below it; rescale y by α (and μ by α², ν by α) — the support does not change`);
  }
  const quad = (n + lambda * edges) * 4 * u * u;
  if (!(quad <= OBJECTIVE_MAX)) {
    throw new InvalidArgumentError('y', u, `data with (n + λ|A|)·4·max(y)² <= ${OBJECTIVE_MAX} (here ${quad}): objective values would overflow; rescale y by α (and μ by α², ν by α) — the support does not change`);
  }
  if (!(mu * n <= OBJECTIVE_MAX)) throw new InvalidArgumentError('mu', mu, `μ·n <= ${OBJECTIVE_MAX}, so the penalty μΣz stays finite`);
  if (!(l1 * n * u <= OBJECTIVE_MAX)) throw new InvalidArgumentError('l1', l1, `ν·n·max(y) <= ${OBJECTIVE_MAX}, so the penalty νΣx stays finite`);
}

/** Build and validate a problem (see the module comment for the model). */
export function signalProblem(input: SignalProblemInput): SignalProblem {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('input', input, 'an object');
  const y = validateY(input.y);
  const n = y.length;
  const graph = input.graph ?? pathGraph(n);
  if (graph === null || typeof graph !== 'object' || graph.n !== n) {
    throw new InvalidArgumentError('graph.n', (graph as Graph | null)?.n, `${n} (the length of y)`);
  }
  // Re-validate the edge list of hand-built graphs (a path from pathGraph is checked in O(n) without hashing).
  let g: Graph;
  if (graph.kind === 'path' && isPathEdges(graph.edges, n)) {
    g = graph;
  } else {
    const checked = edgeGraph(n, graph.edges);
    const kind = checked.kind === 'path' ? 'path' : graph.kind === 'grid' ? 'grid' : 'general';
    g = { ...graph, edges: checked.edges, kind };
  }
  const lambda = positive('lambda', input.lambda ?? 1);
  const mu = nonNegative('mu', input.mu ?? 0);
  const l1 = nonNegative('l1', input.l1 ?? 0);
  const k = input.k === undefined || input.k === null ? null : integerInRange('k', input.k, 0, n);
  const priors = validatePriors(input.priors ?? [], n);
  let u = 0;
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] > u) u = y[i];
    yNorm2 += y[i] * y[i];
  }
  checkNumericRange(n, g.edges.length, u, lambda, mu, l1);
  return { y, n, graph: g, lambda, mu, k, l1, priors, u, yNorm2 };
}

/** True when the problem's graph is the path 0–1–…–(n−1). */
export function isPath(p: SignalProblem): boolean {
  return p.graph.kind === 'path';
}

/** Q = I + λL_G of (11) in compressed adjacency form: Q_ii = diag[i], Q_ij = −λ for j ∈ adj(i). */
export interface SparseQ {
  n: number;
  diag: Float64Array;
  /** CSR row pointers into `adj` (neighbours of i are adj[ptr[i]..ptr[i+1]−1]). */
  ptr: Int32Array;
  adj: Int32Array;
  /** The off-diagonal value −λ (all edges have the same weight). */
  off: number;
}

/** Build Q = I + λL_G of (11). */
export function buildQ(p: SignalProblem): SparseQ {
  const n = p.n;
  if (p.graph.kind === 'path') {
    // Closed form for the path: neighbours i−1, i+1.
    const ptr = new Int32Array(n + 1);
    const adj = new Int32Array(Math.max(0, 2 * (n - 1)));
    const diag = new Float64Array(n);
    let t = 0;
    for (let i = 0; i < n; i++) {
      ptr[i] = t;
      if (i > 0) adj[t++] = i - 1;
      if (i + 1 < n) adj[t++] = i + 1;
      diag[i] = 1 + p.lambda * (t - ptr[i]);
    }
    ptr[n] = t;
    return { n, diag, ptr, adj, off: -p.lambda };
  }
  const deg = new Int32Array(n);
  for (const [a, b] of p.graph.edges) {
    deg[a]++;
    deg[b]++;
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + deg[i];
  const adj = new Int32Array(ptr[n]);
  const fill = ptr.slice(0, n);
  for (const [a, b] of p.graph.edges) {
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) diag[i] = 1 + p.lambda * deg[i];
  return { n, diag, ptr, adj, off: -p.lambda };
}

/** Q as a dense matrix (small n only: references and tests). */
export function denseQ(p: SignalProblem): number[][] {
  const q = buildQ(p);
  const Q = Array.from({ length: p.n }, () => new Array<number>(p.n).fill(0));
  for (let i = 0; i < p.n; i++) {
    Q[i][i] = q.diag[i];
    for (let t = q.ptr[i]; t < q.ptr[i + 1]; t++) Q[i][q.adj[t]] = q.off;
  }
  return Q;
}

/** The smoothness term Σ_{{i,j}∈A} (x_i − x_j)² (without λ). */
export function smoothness(p: SignalProblem, x: ArrayLike<number>): number {
  let s = 0;
  for (const [a, b] of p.graph.edges) {
    const d = x[a] - x[b];
    s += d * d;
  }
  return s;
}

/**
 * Objective of x, ‖y‖² INCLUDED:  ‖y − x‖² + λΣ_A(x_i − x_j)² + μ·Σz + ν·Σx,
 * where z defaults to the support of x (z_i = 1 iff x_i ≠ 0).
 */
export function objective(p: SignalProblem, x: ArrayLike<number>, z?: ArrayLike<number>): number {
  if (x.length !== p.n) throw new InvalidArgumentError('x.length', x.length, `${p.n}`);
  if (z !== undefined && z.length !== p.n) throw new InvalidArgumentError('z.length', z.length, `${p.n}`);
  let fit = 0;
  let nz = 0;
  let sx = 0;
  for (let i = 0; i < p.n; i++) {
    const d = p.y[i] - x[i];
    fit += d * d;
    sx += x[i];
    nz += z === undefined ? (x[i] !== 0 ? 1 : 0) : z[i];
  }
  return fit + p.lambda * smoothness(p, x) + p.mu * nz + p.l1 * sx;
}

/** Whether the indicator vector z ∈ {0,1}ⁿ satisfies Σz ≤ k and every prior (tolerance 1e-9). */
export function zFeasible(p: SignalProblem, z: ArrayLike<number>): boolean {
  let card = 0;
  for (let i = 0; i < p.n; i++) card += z[i];
  if (p.k !== null && card > p.k) return false;
  for (const pr of p.priors) {
    if (pr.kind === 'switches') {
      let sw = 0;
      for (let i = 0; i + 1 < p.n; i++) sw += Math.abs(z[i + 1] - z[i]);
      if (sw > pr.max + 1e-9) return false;
    } else {
      let lhs = 0;
      for (const t of pr.terms) lhs += t.coef * z[t.index];
      if (pr.sense === '<=' && lhs > pr.rhs + 1e-9) return false;
      if (pr.sense === '>=' && lhs < pr.rhs - 1e-9) return false;
      if (pr.sense === '=' && Math.abs(lhs - pr.rhs) > 1e-9) return false;
    }
  }
  return true;
}

/** Support given as a list of indices or as a 0/1 mask of length n → 0/1 mask. */
export function toMask(p: SignalProblem, support: ArrayLike<number>, name = 'support'): Uint8Array {
  const mask = new Uint8Array(p.n);
  if (support instanceof Uint8Array && support.length === p.n) {
    for (let i = 0; i < p.n; i++) mask[i] = support[i] ? 1 : 0;
    return mask;
  }
  for (let t = 0; t < support.length; t++) {
    integerInRange(`${name}[${t}]`, support[t], 0, p.n - 1);
    mask[support[t]] = 1;
  }
  return mask;
}

/**
 * Solve Q_SS x_S = b_S for the support given by `mask` (x = 0 off S). Paths: Thomas algorithm on
 * each maximal run (O(|S|)); other graphs: dense Cholesky of Q_SS (O(|S|³)). Q_SS ≻ 0 always.
 */
export function solveOnSupport(
  p: SignalProblem,
  mask: Uint8Array,
  b: ArrayLike<number>,
  out: Float64Array = new Float64Array(p.n),
  q: SparseQ = buildQ(p),
): Float64Array {
  const n = p.n;
  out.fill(0);
  if (isPath(p)) {
    const c = new Float64Array(n); // modified super-diagonal
    let i = 0;
    while (i < n) {
      if (!mask[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < n && mask[j + 1]) j++;
      // run [i, j]: tridiagonal with diag q.diag, off −λ
      const off = q.off;
      let denom = q.diag[i];
      c[i] = off / denom;
      out[i] = b[i] / denom;
      for (let t = i + 1; t <= j; t++) {
        denom = q.diag[t] - off * c[t - 1];
        c[t] = off / denom;
        out[t] = (b[t] - off * out[t - 1]) / denom;
      }
      for (let t = j - 1; t >= i; t--) out[t] -= c[t] * out[t + 1];
      i = j + 1;
    }
    return out;
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (mask[i]) idx.push(i);
  const m = idx.length;
  if (m === 0) return out;
  const pos = new Int32Array(n).fill(-1);
  idx.forEach((v, t) => (pos[v] = t));
  const A = new Float64Array(m * m);
  for (let t = 0; t < m; t++) {
    const v = idx[t];
    A[t * m + t] = q.diag[v];
    for (let r = q.ptr[v]; r < q.ptr[v + 1]; r++) {
      const w = pos[q.adj[r]];
      if (w >= 0) A[t * m + w] = q.off;
    }
  }
  // Cholesky A = LLᵀ in place (lower triangle).
  for (let j = 0; j < m; j++) {
    let d = A[j * m + j];
    for (let r = 0; r < j; r++) d -= A[j * m + r] * A[j * m + r];
    const ljj = Math.sqrt(d);
    A[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = A[i * m + j];
      for (let r = 0; r < j; r++) s -= A[i * m + r] * A[j * m + r];
      A[i * m + j] = s / ljj;
    }
  }
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[idx[i]];
    for (let r = 0; r < i; r++) s -= A[i * m + r] * w[r];
    w[i] = s / A[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = w[i];
    for (let r = i + 1; r < m; r++) s -= A[r * m + i] * w[r];
    w[i] = s / A[i * m + i];
  }
  for (let t = 0; t < m; t++) out[idx[t]] = w[t];
  return out;
}

/**
 * Support solution x_S = Q_SS⁻¹ y_S (x = 0 off S), the best x with support ⊆ S when ν = 0
 * (docs/claims/agh21.md#big-m-valid: nonnegative and ≤ max y since y ≥ 0). `support`: indices or a 0/1 mask.
 */
export function supportSolution(p: SignalProblem, support: ArrayLike<number>): Float64Array {
  return solveOnSupport(p, toMask(p, support), p.y);
}

/**
 * Best x ≥ 0 with support ⊆ S for any ν ≥ 0: minimises −2bᵀx + xᵀQx over {x ≥ 0, x = 0 off S},
 * b = y − ν/2. This is the linear complementarity problem with the Stieltjes (Z-) matrix Q_SS, solved
 * exactly by Chandrasekaran's (1970) pivoting: start with T = ∅, x = 0; while some i ∈ S∖T has
 * (Q x − b)_i < 0, add all such i to T and set x_T = Q_TT⁻¹ b_T. For Z-matrices x grows
 * monotonically, stays ≥ 0, and at termination x ≥ 0, Qx − b ≥ 0 on S∖T, = 0 on T (KKT). At most |S| rounds.
 * With ν = 0 and y ≥ 0 it returns the same x as {@link supportSolution} (which is then ≥ 0 already).
 */
export function supportSolutionNonneg(p: SignalProblem, support: ArrayLike<number>, q: SparseQ = buildQ(p)): Float64Array {
  const mask = toMask(p, support);
  const n = p.n;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = p.y[i] - p.l1 / 2;
  const T = new Uint8Array(n);
  let x: Float64Array = new Float64Array(n);
  for (let round = 0; round <= n; round++) {
    let added = false;
    for (let i = 0; i < n; i++) {
      if (!mask[i] || T[i]) continue;
      let r = q.diag[i] * x[i] - b[i];
      for (let t = q.ptr[i]; t < q.ptr[i + 1]; t++) r += q.off * x[q.adj[t]];
      if (r < -1e-15 * (1 + Math.abs(b[i]))) {
        T[i] = 1;
        added = true;
      }
    }
    if (!added) break;
    x = solveOnSupport(p, T, b, undefined, q);
  }
  for (let i = 0; i < n; i++) if (x[i] < 0) x[i] = 0; // roundoff only
  return x;
}

/** Value ‖y‖² − y_Sᵀ Q_SS⁻¹ y_S + μ|S| of the support solution (ν = 0), the support cost (docs/claims/agh21.md#exact-path-dp). */
export function supportValue(p: SignalProblem, support: ArrayLike<number>): number {
  const mask = toMask(p, support);
  const x = solveOnSupport(p, mask, p.y);
  let v = p.yNorm2;
  let card = 0;
  for (let i = 0; i < p.n; i++) {
    v -= p.y[i] * x[i];
    card += mask[i];
  }
  return v + p.mu * card;
}

/** An exact or heuristic solution of a {@link SignalProblem}. */
export interface SignalSolution {
  /** Estimate x ∈ ℝⁿ₊. */
  x: Float64Array;
  /** Indicators z ∈ {0,1}ⁿ (z_i = 1 on the chosen support). */
  z: Uint8Array;
  /** Objective value, ‖y‖² included. */
  objective: number;
}

/** Relative gap (42): 100·(ζ_UB − ζ_LB)/ζ_UB, in percent (objectives with ‖y‖² included). */
export function gap42(upper: number, lower: number): number {
  finiteNumber('upper', upper);
  finiteNumber('lower', lower);
  if (upper <= 0) throw new InvalidArgumentError('upper', upper, 'a positive upper bound ζ_UB');
  return (100 * (upper - lower)) / upper;
}
