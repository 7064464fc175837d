/**
 * Conic-quadratic models of the four relaxations of AGH21 (§2–§4), on a {@link SignalProblem}.
 * Every model shares the base (z, x) block
 *
 *   ‖y‖² + min −2y′x + ν1′x + μ1′z + (quadratic part)
 *   s.t. 0 ≤ x_i ≤ u z_i (7)/(9b) with u = ‖y‖∞;  z ∈ [zLo, zHi] ⊆ [0,1]ⁿ;  z ∈ C̄          (9c)
 *
 * where C̄ = conv(C) is {Σz ≤ k} for the cardinality form (3) and the linear rows of the
 * affine priors (43b)–(43d) (the switch count (43c) through s_i ≥ ±(z_{i+1} − z_i), Σs_i ≤ 2s).
 * The quadratic part is:
 * - `l1` (big-M relaxation = ℓ1-approx (5), p. 7; docs/claims/agh21.md#big-m-relaxation-is-l1): x′Qx = Σx_i² + λΣ_A(x_i − x_j)²;
 * - `persp` (8): Σ x_i²/z_i + λΣ_A(x_i − x_j)²  (x_i² ≤ p_i z_i);
 * - `pairwise` (9): Σ x_i²/z_i + λΣ_A f(z_i,z_j,x_i,x_j), f through Proposition 9's extended
 *   formulation (31): v ≥ x_i − x_j, v² ≤ s z_i, w ≥ x_j − x_i, w² ≤ s z_j;
 * - `decomp` (32): ⟨Γ,Q⟩ with Γ_ii z_i ≥ x_i² (23b) and, for every edge and d ∈ Δ_ij, the cut (33):
 *   d·s ≤ dΓ_ii − 2Γ_ij + Γ_jj/d, v ≥ x_i − x_j/d, v² ≤ s z_i, w ≥ x_j/d − x_i, w² ≤ s z_j.
 * zLo/zHi let branch-and-bound fix indicators.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { buildQ, type SignalProblem } from '../model.ts';
import { ConicSpec } from './spec.ts';

/** The relaxations implemented here. */
export type RelaxKind = 'l1' | 'persp' | 'pairwise' | 'decomp';

/** Indicator bounds (branch-and-bound fixings); default [0, 1] for every i. */
export interface ZBounds {
  zLo?: ArrayLike<number>;
  zHi?: ArrayLike<number>;
}

/** Variable indices of a built model. */
export interface BaseVars {
  spec: ConicSpec;
  x: Int32Array;
  z: Int32Array;
}

/** Decomp-specific variable indices: Γ_ii per node, Γ_ij per edge (graph.edges order). */
export interface DecompVars extends BaseVars {
  gDiag: Int32Array;
  gOff: Int32Array;
}

/** Build the shared (z, x) block with objective −2y′x + νΣx + μΣz + ‖y‖², big-M rows and C̄. */
export function buildBase(p: SignalProblem, b: ZBounds = {}): BaseVars {
  const spec = new ConicSpec();
  const n = p.n;
  const x = new Int32Array(n);
  const z = new Int32Array(n);
  const zLo = b.zLo;
  const zHi = b.zHi;
  if (zLo && zLo.length !== n) throw new InvalidArgumentError('zLo.length', zLo.length, `${n}`);
  if (zHi && zHi.length !== n) throw new InvalidArgumentError('zHi.length', zHi.length, `${n}`);
  for (let i = 0; i < n; i++) {
    x[i] = spec.variable(`x${i}`, 0, p.u, -2 * p.y[i] + p.l1);
    const lo = zLo ? zLo[i] : 0;
    const hi = zHi ? zHi[i] : 1;
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) throw new InvalidArgumentError(`zBounds[${i}]`, [lo, hi], '0 ≤ zLo ≤ zHi ≤ 1');
    z[i] = spec.variable(`z${i}`, lo, hi, p.mu);
    spec.row([x[i], z[i]], [1, -p.u], '<=', 0);
  }
  spec.constant = p.yNorm2;
  if (p.k !== null) spec.row(Array.from(z), new Array<number>(n).fill(1), '<=', p.k);
  for (const pr of p.priors) {
    if (pr.kind === 'linear') {
      spec.row(pr.terms.map((t) => z[t.index]), pr.terms.map((t) => t.coef), pr.sense, pr.rhs);
    } else {
      const sw: number[] = [];
      for (let i = 0; i + 1 < n; i++) {
        const s = spec.variable(`sw${i}`, 0, 1);
        spec.row([s, z[i + 1], z[i]], [1, -1, 1], '>=', 0);
        spec.row([s, z[i + 1], z[i]], [1, 1, -1], '>=', 0);
        sw.push(s);
      }
      if (sw.length) spec.row(sw, new Array<number>(sw.length).fill(1), '<=', pr.max);
    }
  }
  return { spec, x, z };
}

/** ℓ1-approx / big-M relaxation: quadratic part x′Qx (§2.1–§2.2, p. 7). */
export function buildL1(p: SignalProblem, b: ZBounds = {}): BaseVars {
  const base = buildBase(p, b);
  const { spec, x } = base;
  for (let i = 0; i < p.n; i++) spec.squareTerm(2, [x[i]], [1]);
  for (const [a, c] of p.graph.edges) spec.squareTerm(2 * p.lambda, [x[a], x[c]], [1, -1]);
  return base;
}

export function perspTerms(p: SignalProblem, base: BaseVars, weight: (i: number) => number): Int32Array {
  const { spec, x, z } = base;
  const pv = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) {
    pv[i] = spec.variable(`p${i}`, 0, Infinity, weight(i));
    spec.rotated(x[i], pv[i], z[i]);
  }
  return pv;
}

/** persp (8): Σ x_i²/z_i + λΣ_A(x_i − x_j)². */
export function buildPersp(p: SignalProblem, b: ZBounds = {}): BaseVars {
  const base = buildBase(p, b);
  perspTerms(p, base, () => 1);
  for (const [a, c] of p.graph.edges) base.spec.squareTerm(2 * p.lambda, [base.x[a], base.x[c]], [1, -1]);
  return base;
}

/**
 * Add s ≥ f(z_a, z_b, ca·x_a, cb·x_b) through (31)/(33b): v ≥ ca·x_a − cb·x_b, v² ≤ s z_a,
 * w ≥ cb·x_b − ca·x_a, w² ≤ s z_b (Proposition 9). Returns the index of s.
 */
export function addFScaled(
  spec: ConicSpec, xa: number, xb: number, za: number, zb: number, ca: number, cb: number, cost: number, tag: string,
): number {
  const s = spec.variable(`s${tag}`, 0, Infinity, cost);
  const v = spec.variable(`v${tag}`, 0, Infinity);
  const w = spec.variable(`w${tag}`, 0, Infinity);
  spec.row([v, xa, xb], [1, -ca, cb], '>=', 0);
  spec.row([w, xb, xa], [1, -cb, ca], '>=', 0);
  spec.rotated(v, s, za);
  spec.rotated(w, s, zb);
  return s;
}

/** Add s ≥ f(z_a, z_b, x_a, x_b/d) — (33b). Returns the index of s. */
export function addF(spec: ConicSpec, xa: number, xb: number, za: number, zb: number, d: number, cost: number, tag: string): number {
  return addFScaled(spec, xa, xb, za, zb, 1, 1 / d, cost, tag);
}

/**
 * Add τ ≥ g(z_a, z_b, x_a, x_b; d₁, d₂) of (19), i.e. τ ≥ (12) and τ ≥ (13) (Theorem 4):
 *   (12) d₁ f(z_a, z_b, x_a, x_b/d₁) + (d₂ − 1/d₁)·pb ≤ τ,   (13) d₂ f(z_a, z_b, x_a/d₂, x_b) + (d₁ − 1/d₂)·pa ≤ τ,
 * where pa ≥ x_a²/z_a and pb ≥ x_b²/z_b are existing perspective variables. `which` keeps only
 * one of the two inequalities (Example 1 uses (13) alone). Returns the index of τ.
 */
export function addG(
  spec: ConicSpec, xa: number, xb: number, za: number, zb: number, pa: number, pb: number, d1: number, d2: number, tag: string,
  which: 'both' | '12' | '13' = 'both',
): number {
  const tau = spec.variable(`tau${tag}`, -Infinity, Infinity);
  if (which !== '13') {
    const q1 = addFScaled(spec, xa, xb, za, zb, 1, 1 / d1, 0, `${tag}a`);
    spec.row([q1, pb, tau], [d1, d2 - 1 / d1, -1], '<=', 0);
  }
  if (which !== '12') {
    const q2 = addFScaled(spec, xa, xb, za, zb, 1 / d2, 1, 0, `${tag}b`);
    spec.row([q2, pa, tau], [d2, d1 - 1 / d2, -1], '<=', 0);
  }
  return tau;
}

/** pairwise (9) with Proposition 9's extended formulation of f. */
export function buildPairwise(p: SignalProblem, b: ZBounds = {}): BaseVars {
  const base = buildBase(p, b);
  perspTerms(p, base, () => 1);
  const { spec, x, z } = base;
  p.graph.edges.forEach(([a, c], e) => addF(spec, x[a], x[c], z[a], z[c], 1, p.lambda, `e${e}`));
  return base;
}

/**
 * decomp model (32) for the cut sets Δ (`cuts[e]` lists the d's of edge e = graph.edges[e]).
 * Objective ⟨Γ,Q⟩ = Σ Q_ii Γ_ii − 2λ Σ_A Γ_ij. Each cut row (33a) is divided by max(d, 1/d)
 * (a row scaling only) so that extreme d's do not unbalance the interior-point system.
 */
export function buildDecomp(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, b: ZBounds = {}): DecompVars {
  if (cuts.length !== p.graph.edges.length) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.graph.edges.length}`);
  const base = buildBase(p, b);
  const { spec, x, z } = base;
  const q = buildQ(p);
  const gDiag = perspTerms(p, base, (i) => q.diag[i]);
  const gOff = new Int32Array(p.graph.edges.length);
  p.graph.edges.forEach(([a, c], e) => {
    gOff[e] = spec.variable(`G${a}_${c}`, -Infinity, Infinity, -2 * p.lambda);
    cuts[e].forEach((d, t) => addDecompCut(spec, base, gDiag, gOff, a, c, e, d, `e${e}c${t}`));
  });
  return { ...base, gDiag, gOff };
}

/** Add one cut (33) of edge e = {a, c} with parameter d. */
export function addDecompCut(
  spec: ConicSpec, base: BaseVars, gDiag: Int32Array, gOff: Int32Array, a: number, c: number, e: number, d: number, tag: string,
): void {
  if (!(d > 0 && Number.isFinite(d))) throw new InvalidArgumentError('d', d, 'a finite number > 0');
  // (33b) with rows scaled by min(1, d): d·v ≥ d·x_a − x_c (a row scaling only)
  const s = spec.variable(`s${tag}`, 0, Infinity);
  const v = spec.variable(`v${tag}`, 0, Infinity);
  const w = spec.variable(`w${tag}`, 0, Infinity);
  const m = Math.min(1, d);
  spec.row([v, base.x[a], base.x[c]], [m, -m, m / d], '>=', 0);
  spec.row([w, base.x[c], base.x[a]], [m, -m / d, m], '>=', 0);
  spec.rotated(v, s, base.z[a]);
  spec.rotated(w, s, base.z[c]);
  const r = 1 / Math.max(d, 1 / d);
  // d·s − dΓ_aa + 2Γ_ac − Γ_cc/d ≤ 0
  spec.row([s, gDiag[a], gOff[e], gDiag[c]], [d * r, -d * r, 2 * r, -r / d], '<=', 0);
}
