/**
 * Independent verification of what the conic solver returns: KKT residuals
 * at an optimum, Farkas certificates, and closed-form projections used as
 * references. Written separately from the solver's internals (own cone
 * membership tests), so a solver bug does not hide itself here.
 */
import type { ConeSpec, ConicProblem, ConicSolution } from './solver.ts';
import { dot, matTVec, matVec, normInf, symUpperMatVec } from './sparse.ts';

/**
 * Distance-like violation of membership of v in K (dual = false) or in
 * K* (dual = true): per cone max(0, −λ_min) with λ_min = v₀ − ‖v₁‖ (SOC) or
 * min v_i (orthant); on zero cones max |v_i| for K and 0 for K* = ℝ^d.
 */
export function coneViolation(cones: readonly ConeSpec[], v: ArrayLike<number>, dual: boolean): number {
  let off = 0;
  let worst = 0;
  for (const c of cones) {
    if (c.kind === 'zero') {
      if (!dual) for (let i = 0; i < c.dim; i++) worst = Math.max(worst, Math.abs(v[off + i]));
    } else if (c.kind === 'nonneg') {
      for (let i = 0; i < c.dim; i++) worst = Math.max(worst, -v[off + i]);
    } else {
      let r = 0;
      for (let i = 1; i < c.dim; i++) r += v[off + i] * v[off + i];
      worst = Math.max(worst, Math.sqrt(r) - v[off]);
    }
    off += c.dim;
  }
  return worst;
}

/** KKT residuals of a claimed optimum (x, s, z) of min ½xᵀPx + qᵀx s.t. Ax + s = b, s ∈ K. */
export interface KktReport {
  /** ‖Ax + s − b‖∞ / (1 + ‖b‖∞) */
  primal: number;
  /** ‖Px + q + Aᵀz‖∞ / (1 + ‖q‖∞) */
  stationarity: number;
  /** |sᵀz| / (1 + |objective|) */
  complementarity: number;
  /** violation of s ∈ K / (1 + ‖s‖∞) */
  primalCone: number;
  /** violation of z ∈ K* / (1 + ‖z‖∞) */
  dualCone: number;
  /** |primal objective − dual objective| / (1 + |objective|), dual = −½xᵀPx − bᵀz */
  gap: number;
  objective: number;
}

/** Compute the KKT report of a solution from the problem data alone. */
export function kktReport(p: ConicProblem, sol: Pick<ConicSolution, 'x' | 's' | 'z'>): KktReport {
  const n = p.A.ncols;
  const m = p.A.nrows;
  const Ax = new Float64Array(m);
  matVec(p.A, sol.x, Ax);
  const r = new Float64Array(m);
  for (let i = 0; i < m; i++) r[i] = Ax[i] + sol.s[i] - p.b[i];
  const Px = new Float64Array(n);
  if (p.P) symUpperMatVec(p.P, sol.x, Px);
  const g = new Float64Array(n);
  matTVec(p.A, sol.z, g);
  for (let j = 0; j < n; j++) g[j] += Px[j] + p.q[j];
  const obj = 0.5 * dot(sol.x, Px) + dot(p.q, sol.x);
  const dobj = -0.5 * dot(sol.x, Px) - dot(p.b, sol.z);
  const scale = 1 + Math.abs(obj);
  return {
    primal: normInf(r) / (1 + normInf(p.b)),
    stationarity: normInf(g) / (1 + normInf(p.q)),
    complementarity: Math.abs(dot(sol.s, sol.z)) / scale,
    primalCone: coneViolation(p.cones, sol.s, false) / (1 + normInf(sol.s)),
    dualCone: coneViolation(p.cones, sol.z, true) / (1 + normInf(sol.z)),
    gap: Math.abs(obj - dobj) / scale,
    objective: obj,
  };
}

/**
 * Check a primal-infeasibility certificate z: returns ‖Aᵀz‖∞ / (‖z‖∞·(1 + max|A_ij|)),
 * bᵀz, and the K* violation of z (relative to ‖z‖∞).
 */
export function checkPrimalFarkas(p: ConicProblem, z: ArrayLike<number>): { atz: number; bz: number; cone: number } {
  const n = p.A.ncols;
  const g = new Float64Array(n);
  matTVec(p.A, z, g);
  const zn = Math.max(1e-300, normInf(z));
  return { atz: normInf(g) / (zn * (1 + normInf(p.A.values))), bz: dot(p.b, z), cone: coneViolation(p.cones, z, true) / zn };
}

/**
 * Check a dual-infeasibility (unboundedness) certificate x, s: returns
 * ‖Px‖∞ and ‖Ax + s‖∞ relative to ‖x‖∞(1 + max|entries|), qᵀx and the
 * K violation of s (relative to ‖s‖∞ + ‖x‖∞).
 */
export function checkDualFarkas(p: ConicProblem, x: ArrayLike<number>, s: ArrayLike<number>): { px: number; axs: number; qx: number; cone: number } {
  const n = p.A.ncols;
  const m = p.A.nrows;
  const xn = Math.max(1e-300, normInf(x));
  const Px = new Float64Array(n);
  if (p.P) symUpperMatVec(p.P, x, Px);
  const Ax = new Float64Array(m);
  matVec(p.A, x, Ax);
  for (let i = 0; i < m; i++) Ax[i] += s[i];
  const pn = p.P ? normInf(p.P.values) : 0;
  return {
    px: normInf(Px) / (xn * (1 + pn)),
    axs: normInf(Ax) / (xn * (1 + normInf(p.A.values))),
    qx: dot(p.q, x),
    cone: coneViolation(p.cones, s, false) / (xn + normInf(s)),
  };
}

/** Euclidean projection onto the second-order cone {(t, u) : ‖u‖₂ ≤ t} (closed form). */
export function projectSoc(v: ArrayLike<number>): Float64Array {
  const d = v.length;
  let r = 0;
  for (let i = 1; i < d; i++) r += v[i] * v[i];
  r = Math.sqrt(r);
  const t = v[0];
  const out = new Float64Array(d);
  if (r <= t) {
    for (let i = 0; i < d; i++) out[i] = v[i];
  } else if (r <= -t) {
    // projection is 0
  } else {
    const a = (t + r) / 2;
    out[0] = a;
    for (let i = 1; i < d; i++) out[i] = (a * v[i]) / r;
  }
  return out;
}

/**
 * Euclidean projection onto the rotated cone with the factor 2,
 * {(s, z, u) : ‖u‖₂² ≤ 2·s·z, s, z ≥ 0} (in the model: `rotatedCone(s, 2z, u)`):
 * the orthogonal Q(s, z, u) = ((s + z)/√2, (s − z)/√2, u) maps it onto the SOC
 * (w₀² − w₁² = 2sz), hence proj = Qᵀ proj_SOC(Q v).
 */
export function projectRotated(v: ArrayLike<number>): Float64Array {
  const d = v.length;
  const w = new Float64Array(d);
  w[0] = (v[0] + v[1]) / Math.SQRT2;
  w[1] = (v[0] - v[1]) / Math.SQRT2;
  for (let i = 2; i < d; i++) w[i] = v[i];
  const p = projectSoc(w);
  const out = new Float64Array(d);
  out[0] = (p[0] + p[1]) / Math.SQRT2;
  out[1] = (p[0] - p[1]) / Math.SQRT2;
  for (let i = 2; i < d; i++) out[i] = p[i];
  return out;
}
