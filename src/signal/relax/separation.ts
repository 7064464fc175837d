/**
 * Decompositions of Q = I + λL and the separation problem (21) of AGH21 §3.2:
 *
 *   θ(z,x) = max_d Σ_{{i,j}∈A} |Q_ij| g(z_i, z_j, x_i, x_j; dⁱ_ij, dʲ_ij)              (21a)
 *   s.t. Σ_{j: {i,j}∈A} |Q_ij| dⁱ_ij = Q_ii  for all i                                    (21b)
 *        dⁱ_ij dʲ_ij ≥ 1, dⁱ_ij, dʲ_ij ≥ 0                                                  (21c)
 *
 * A decomposition is stored per edge e = {a, b} (a < b, in `graph.edges` order) as
 * d[2e] = dᵃ_e, d[2e+1] = dᵇ_e.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { finiteVector } from '../../core/validate.ts';
import { buildQ, type SignalProblem } from '../model.ts';
import { pairG } from './pair.ts';
import { goldenSection } from '../../prox/brute-force.ts';

/** θ_d(z,x) = Σ_e |Q_ij| g(z_a, z_b, x_a, x_b; dᵃ_e, dᵇ_e): the left side of the cut of the simple method (p. 15). */
export function decompositionValue(p: SignalProblem, z: ArrayLike<number>, x: ArrayLike<number>, d: ArrayLike<number>): number {
  finiteVector('z', z, p.n);
  finiteVector('x', x, p.n);
  finiteVector('d', d, 2 * p.graph.edges.length);
  let s = 0;
  p.graph.edges.forEach(([a, b], e) => {
    s += p.lambda * pairG(z[a], z[b], x[a], x[b], d[2 * e], d[2 * e + 1]);
  });
  return s;
}

/**
 * Largest violation of (21b)–(21c) by d: max over nodes of |Σ|Q_ij|dⁱ_ij − Q_ii| and over edges of
 * (1 − dⁱdʲ)₊ and (−d)₊. Zero for a feasible decomposition. Nodes without an edge have Q_ii = 1
 * and no pair term; they are skipped (their diagonal stays a separable perspective term, (21b), p. 14).
 */
export function decompositionInfeasibility(p: SignalProblem, d: ArrayLike<number>): number {
  finiteVector('d', d, 2 * p.graph.edges.length);
  const q = buildQ(p);
  const row = new Float64Array(p.n);
  const deg = new Int32Array(p.n);
  let worst = 0;
  p.graph.edges.forEach(([a, b], e) => {
    row[a] += p.lambda * d[2 * e];
    row[b] += p.lambda * d[2 * e + 1];
    deg[a]++;
    deg[b]++;
    worst = Math.max(worst, 1 - d[2 * e] * d[2 * e + 1], -d[2 * e], -d[2 * e + 1]);
  });
  for (let i = 0; i < p.n; i++) if (deg[i] > 0) worst = Math.max(worst, Math.abs(row[i] - q.diag[i]));
  return worst;
}

/** Maximise f on [lo, hi]: golden section on −f, then keep an end point if it is better (a maximum at a bound). */
function golden(f: (t: number) => number, lo: number, hi: number, iters = 120): number {
  let best = goldenSection((t) => -f(t), lo, hi, iters);
  let fb = f(best);
  for (const t of [lo, hi]) {
    const ft = f(t);
    if (ft > fb) {
      fb = ft;
      best = t;
    }
  }
  return best;
}

/** Result of {@link separatePath}. */
export interface PathSeparation {
  /** The decomposition found (2 entries per edge). */
  d: Float64Array;
  /** θ_d(z,x) at that decomposition. */
  theta: number;
  /** Coordinate sweeps performed. */
  sweeps: number;
}

/**
 * Solve the separation problem (21) on a path by cyclic coordinate ascent. On a path, node i
 * (0 < i < n−1) shares Q_ii/λ between its two edges: a_i = dⁱ_{i−1,i}, dⁱ_{i,i+1} = Q_ii/λ − a_i;
 * the end nodes have a single edge and d fixed at Q_ii/λ. Each a_i is maximised by golden section
 * over the interval that keeps (21c) on both its edges (the objective is concave in d, p. 14).
 * For n = 3 there is one free variable and the result is the exact maximiser (Example 2); for longer
 * paths coordinate ascent may stop short of the maximum because (21c) couples neighbours — the
 * value is then a valid but possibly weaker θ lower estimate.
 */
export function separatePath(p: SignalProblem, z: ArrayLike<number>, x: ArrayLike<number>, maxSweeps = 50): PathSeparation {
  if (p.graph.kind !== 'path') throw new InvalidArgumentError('p.graph.kind', p.graph.kind, "'path'");
  finiteVector('z', z, p.n);
  finiteVector('x', x, p.n);
  const n = p.n;
  const m = n - 1;
  const q = buildQ(p);
  const lam = p.lambda;
  const d = new Float64Array(2 * m);
  if (m === 0) return { d, theta: 0, sweeps: 0 };
  const tot = (i: number): number => q.diag[i] / lam;
  d[0] = tot(0);
  d[2 * m - 1] = tot(n - 1);
  // start: split interior diagonals equally
  for (let i = 1; i < n - 1; i++) {
    d[2 * (i - 1) + 1] = tot(i) / 2;
    d[2 * i] = tot(i) / 2;
  }
  // make the start feasible: each pair product ≥ 1 holds when halves ≥ 1 (tot(i) = (1+2λ)/λ > 2)
  const edgeG = (e: number): number => lam * pairG(z[e], z[e + 1], x[e], x[e + 1], d[2 * e], d[2 * e + 1]);
  let theta = 0;
  for (let e = 0; e < m; e++) theta += edgeG(e);
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    const before = theta;
    for (let i = 1; i < n - 1; i++) {
      const T = tot(i);
      const left = d[2 * (i - 1)]; // partner on edge (i−1, i)
      const right = d[2 * i + 1]; // partner on edge (i, i+1)
      const lo = 1 / left; // a·left ≥ 1
      const hi = T - 1 / right; // (T − a)·right ≥ 1
      if (!(hi >= lo)) continue;
      const f = (a: number): number => {
        d[2 * (i - 1) + 1] = a;
        d[2 * i] = T - a;
        return edgeG(i - 1) + edgeG(i);
      };
      const a = golden(f, lo, hi);
      f(a);
    }
    theta = 0;
    for (let e = 0; e < m; e++) theta += edgeG(e);
    if (theta - before <= 1e-14 * (1 + Math.abs(theta))) {
      sweeps++;
      break;
    }
  }
  return { d, theta, sweeps };
}
