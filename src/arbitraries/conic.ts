/**
 * Arbitraries for the conic solver's claims: random conic quadratic programs
 * built to be feasible and bounded (or certainly infeasible / unbounded),
 * from a fast-check-drawn seed and sizes (the seed drives createRng, so every
 * instance replays exactly).
 */
import fc from 'fast-check';
import { createRng, type Rng } from '../core/random.ts';
import { ConicModel, type Term } from '../conic/model.ts';
import type { ConeSpec, ConicProblem } from '../conic/solver.ts';
import { cscFromTriplets, type CscMatrix, matTVec, matVec, symUpperMatVec } from '../conic/sparse.ts';

/** Problem families. */
export type ConicKind = 'lp' | 'qp' | 'socp' | 'rotated';

/** Constraints of {@link feasibleInstance}. */
export interface FeasibleConstraints {
  /** Families to draw from (default all four). */
  kinds?: ConicKind[];
  /** Largest number of variables (default 8; at least 1). */
  maxVars?: number;
}

/** A random instance and the data it was built from. */
export interface ConicInstance {
  kind: ConicKind;
  /** Seed of createRng that built it. */
  seed: number;
  /** Standard form (compiled by ConicModel). */
  problem: ConicProblem;
  /** A strictly feasible point (b − A x0 ∈ int K). */
  x0: Float64Array;
}

const unif = (rng: Rng, a: number, b: number): number => a + (b - a) * rng.uniform();

/** Random sparse row over n columns: each column with probability 1/2, at least one. */
function randomTerms(rng: Rng, n: number): Term[] {
  const t: Term[] = [];
  for (let j = 0; j < n; j++) if (rng.uniform() < 0.5) t.push([rng.normal(), j]);
  if (t.length === 0) t.push([rng.normal() || 1, rng.int(n)]);
  return t;
}
const evalTerms = (t: Term[], x: Float64Array): number => t.reduce((a, [c, v]) => a + c * x[v], 0);

/** A random point in the interior of K* for the given cones (zero cones: free). */
export function interiorDual(rng: Rng, cones: readonly ConeSpec[]): Float64Array {
  const m = cones.reduce((a, c) => a + c.dim, 0);
  const z = new Float64Array(m);
  let off = 0;
  for (const c of cones) {
    if (c.kind === 'zero') for (let i = 0; i < c.dim; i++) z[off + i] = rng.normal();
    else if (c.kind === 'nonneg') for (let i = 0; i < c.dim; i++) z[off + i] = unif(rng, 0.1, 2);
    else {
      let r = 0;
      for (let i = 1; i < c.dim; i++) {
        z[off + i] = rng.normal();
        r += z[off + i] ** 2;
      }
      z[off] = Math.sqrt(r) + unif(rng, 0.1, 2);
    }
    off += c.dim;
  }
  return z;
}

/**
 * Build a feasible, bounded instance: x0 strictly feasible, z0 ∈ int K*,
 * q = −P x0 − Aᵀ z0 (so (x0, z0) are primal and dual strictly feasible and an
 * optimum exists). Every column appears in some inequality row.
 */
export function buildFeasible(kind: ConicKind, seed: number, n: number): ConicInstance {
  const rng = createRng(seed);
  const m = new ConicModel();
  const xb = m.variable('x', n);
  const x0 = new Float64Array(n);
  for (let j = 0; j < n; j++) x0[j] = rng.normal();
  if (kind !== 'lp' && (kind === 'qp' || rng.uniform() < 0.5)) {
    // P = BBᵀ, B n×k sparse, rank k ≤ n
    const k = 1 + rng.int(n);
    for (let r = 0; r < k; r++) m.addSquare(randomTerms(rng, n).map(([c, v]) => [c, xb.at(v)] as Term), 0, 0.5);
  }
  const me = rng.int(Math.min(2, n));
  for (let r = 0; r < me; r++) {
    const t = randomTerms(rng, n);
    m.addLinear(t, '==', evalTerms(t, x0));
  }
  const covered = new Uint8Array(n);
  const ml = 1 + rng.int(2 * n);
  for (let r = 0; r < ml; r++) {
    const t = randomTerms(rng, n);
    for (const [, v] of t) covered[v] = 1;
    m.addLinear(t, '<=', evalTerms(t, x0) + unif(rng, 0.1, 2));
  }
  for (let j = 0; j < n; j++) if (!covered[j]) m.addLinear([[1, j]], '<=', x0[j] + unif(rng, 0.1, 2));
  if (kind === 'socp') {
    const nc = 1 + rng.int(3);
    for (let c = 0; c < nc; c++) {
      const d = 1 + rng.int(3);
      const us = Array.from({ length: d }, () => {
        const t = randomTerms(rng, n);
        return { terms: t, constant: rng.normal() };
      });
      const un = Math.sqrt(us.reduce((a, u) => a + (evalTerms(u.terms, x0) + u.constant) ** 2, 0));
      const tt = randomTerms(rng, n);
      m.secondOrderCone({ terms: tt, constant: un + unif(rng, 0.1, 2) - evalTerms(tt, x0) }, us);
    }
  }
  if (kind === 'rotated') {
    const nc = 1 + rng.int(3);
    for (let c = 0; c < nc; c++) {
      const d = 1 + rng.int(3);
      const ts = randomTerms(rng, n);
      const tz = randomTerms(rng, n);
      const sv = unif(rng, 0.2, 2);
      const zv = unif(rng, 0.2, 2);
      // u values at x0 with ‖u‖² = f·s·z, f < 1
      const f = unif(rng, 0, 0.9);
      const raw = Array.from({ length: d }, () => rng.normal());
      const rn = Math.sqrt(raw.reduce((a, v) => a + v * v, 0)) || 1;
      const us = raw.map((v) => {
        const t = randomTerms(rng, n);
        return { terms: t, constant: (v / rn) * Math.sqrt(f * sv * zv) - evalTerms(t, x0) };
      });
      m.rotatedCone({ terms: ts, constant: sv - evalTerms(ts, x0) }, { terms: tz, constant: zv - evalTerms(tz, x0) }, us);
    }
  }
  const { problem } = m.compile();
  const z0 = interiorDual(rng, problem.cones);
  const q = new Float64Array(n);
  if (problem.P) symUpperMatVec(problem.P, x0, q);
  const atz = new Float64Array(n);
  matTVec(problem.A, z0, atz);
  for (let j = 0; j < n; j++) q[j] = -q[j] - atz[j];
  return { kind, seed, problem: { ...problem, q }, x0 };
}

/** Feasible, bounded random instances (see {@link buildFeasible}). */
export function feasibleInstance(c: FeasibleConstraints = {}): fc.Arbitrary<ConicInstance> {
  const kinds = c.kinds ?? ['lp', 'qp', 'socp', 'rotated'];
  const maxVars = c.maxVars ?? 8;
  return fc
    .record({ kind: fc.constantFrom(...kinds), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.integer({ min: 1, max: maxVars }) })
    .map(({ kind, seed, n }) => buildFeasible(kind, seed, n));
}

function denseToCsc(M: Float64Array[], nrows: number, ncols: number): CscMatrix {
  const r: number[] = [];
  const cI: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < nrows; i++) for (let j = 0; j < ncols; j++) if (M[i][j] !== 0) {
    r.push(i);
    cI.push(j);
    v.push(M[i][j]);
  }
  return cscFromTriplets(nrows, ncols, r, cI, v);
}
function cscToDense(A: CscMatrix): Float64Array[] {
  const M = Array.from({ length: A.nrows }, () => new Float64Array(A.ncols));
  for (let j = 0; j < A.ncols; j++) for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) M[A.rowIdx[p]][j] = A.values[p];
  return M;
}

/** An infeasible or unbounded instance with the certificate it was built around. */
export interface InfeasibleInstance {
  which: 'primal_infeasible' | 'dual_infeasible';
  kind: ConicKind;
  seed: number;
  problem: ConicProblem;
}

/**
 * Primal infeasible: A ← A − z*(z*ᵀA)/‖z*‖² and bᵀz* = −1 for some z* ∈ int K*,
 * so z* is a Farkas certificate; q = −Px1 − Aᵀz1 with z1 ∈ int K* keeps the dual
 * strictly feasible (the problem is not also dual infeasible). Dual infeasible (unbounded): A d = −s_d with
 * s_d ∈ K (zero on equality rows), P d = 0 (P ← ΠPΠ, Π = I − ddᵀ/‖d‖²), qᵀd = −1,
 * and b = A x0 + s0 with s0 ∈ int K, so the problem is feasible and d is a recession
 * direction of decrease.
 */
export function buildInfeasible(which: InfeasibleInstance['which'], kind: ConicKind, seed: number, n: number): InfeasibleInstance {
  const base = buildFeasible(kind, seed, n);
  const rng = createRng(seed ^ 0x5bd1e995);
  const p = base.problem;
  const m = p.A.nrows;
  const A = cscToDense(p.A);
  if (which === 'primal_infeasible') {
    const zs = interiorDual(rng, p.cones);
    const zz = zs.reduce((a, v) => a + v * v, 0);
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let i = 0; i < m; i++) c += zs[i] * A[i][j];
      for (let i = 0; i < m; i++) A[i][j] -= (zs[i] * c) / zz;
    }
    const b = Float64Array.from({ length: m }, () => rng.normal());
    const bz = b.reduce((a, v, i) => a + v * zs[i], 0);
    for (let i = 0; i < m; i++) b[i] -= ((bz + 1) * zs[i]) / zz;
    // dual strictly feasible (so the problem is not also dual infeasible): q = −P x1 − Aᵀz1, z1 ∈ int K*
    const Ac = denseToCsc(A, m, n);
    const z1 = interiorDual(rng, p.cones);
    const x1 = Float64Array.from({ length: n }, () => rng.normal());
    const q = new Float64Array(n);
    if (p.P) symUpperMatVec(p.P, x1, q);
    const atz = new Float64Array(n);
    matTVec(Ac, z1, atz);
    for (let j = 0; j < n; j++) q[j] = -q[j] - atz[j];
    return { which, kind, seed, problem: { ...p, A: Ac, b, q } };
  }
  const d = Float64Array.from({ length: n }, () => rng.normal());
  const dd = d.reduce((a, v) => a + v * v, 0);
  const sd = interiorDual(rng, p.cones); // K is self-dual on nonneg/SOC; zero rows set to 0
  let off = 0;
  for (const c of p.cones) {
    if (c.kind === 'zero') for (let i = 0; i < c.dim; i++) sd[off + i] = 0;
    off += c.dim;
  }
  const Ad = new Float64Array(m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Ad[i] += A[i][j] * d[j];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A[i][j] += ((-sd[i] - Ad[i]) * d[j]) / dd;
  const Acsc = denseToCsc(A, m, n);
  const s0 = interiorDual(rng, p.cones);
  off = 0;
  for (const c of p.cones) {
    if (c.kind === 'zero') for (let i = 0; i < c.dim; i++) s0[off + i] = 0;
    off += c.dim;
  }
  const b = new Float64Array(m);
  matVec(Acsc, base.x0, b);
  for (let i = 0; i < m; i++) b[i] += s0[i];
  let P: CscMatrix | undefined;
  if (p.P) {
    const Pd = Array.from({ length: n }, () => new Float64Array(n));
    const P0 = p.P;
    for (let j = 0; j < n; j++) for (let k = P0.colPtr[j]; k < P0.colPtr[j + 1]; k++) {
      const i = P0.rowIdx[k];
      Pd[i][j] = P0.values[k];
      Pd[j][i] = P0.values[k];
    }
    // Π P Π with Π = I − ddᵀ/dd
    const proj = (M: Float64Array[]): Float64Array[] => {
      const out = M.map((r) => Float64Array.from(r));
      for (let i = 0; i < n; i++) {
        const c = M[i].reduce((a, v, j) => a + v * d[j], 0);
        for (let j = 0; j < n; j++) out[i][j] -= (c * d[j]) / dd;
      }
      return out;
    };
    const PP = proj(proj(Pd).map((_, i, R) => Float64Array.from({ length: n }, (_, j) => R[j][i])));
    const r: number[] = [];
    const cI: number[] = [];
    const v: number[] = [];
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) {
      const val = i === j ? PP[i][j] : 0.5 * (PP[i][j] + PP[j][i]);
      if (val !== 0) {
        r.push(i);
        cI.push(j);
        v.push(val);
      }
    }
    P = cscFromTriplets(n, n, r, cI, v);
  }
  const q = Float64Array.from({ length: n }, () => rng.normal());
  const qd = q.reduce((a, v, j) => a + v * d[j], 0);
  for (let j = 0; j < n; j++) q[j] -= ((qd + 1) * d[j]) / dd;
  return { which, kind, seed, problem: { P, q, A: Acsc, b, cones: p.cones } };
}

/** Infeasible (primal) or unbounded (dual infeasible) instances. */
export function infeasibleInstance(c: FeasibleConstraints = {}): fc.Arbitrary<InfeasibleInstance> {
  const kinds = c.kinds ?? ['lp', 'qp', 'socp', 'rotated'];
  const maxVars = c.maxVars ?? 6;
  return fc
    .record({
      which: fc.constantFrom<InfeasibleInstance['which']>('primal_infeasible', 'dual_infeasible'),
      kind: fc.constantFrom(...kinds),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      n: fc.integer({ min: 1, max: maxVars }),
    })
    .map(({ which, kind, seed, n }) => buildInfeasible(which, kind, seed, n));
}
