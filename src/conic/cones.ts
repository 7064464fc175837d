/**
 * Cone operations of the interior-point method, per cone, in place on slices
 * [off, off + dim) of row-space vectors.
 *
 * Cones (in the standard form Ax + s = b, s ∈ K):
 * - `zero`: {0}^d (equality rows; dual cone is ℝ^d);
 * - `nonneg`: ℝ^d_+;
 * - `soc`: {(t, u) ∈ ℝ × ℝ^{d−1} : ‖u‖₂ ≤ t}.
 *
 * Nesterov–Todd scaling of a second-order cone (Nesterov & Todd 1997; the
 * formulas as in Vandenberghe's CVXOPT notes): with s̄ = s/√det s, z̄ = z/√det z,
 * det v = v₀² − ‖v₁‖², γ = √((1 + s̄ᵀz̄)/2), w̄ = (s̄₀ + z̄₀, s̄₁ − z̄₁)/(2γ),
 * η = (det s / det z)^{1/4}: W = η·[[w̄₀, w̄₁ᵀ], [w̄₁, I + w̄₁w̄₁ᵀ/(1 + w̄₀)]],
 * W = Wᵀ, W z = W⁻¹ s = λ, and W² = η²(2w̄w̄ᵀ − J), J = diag(1, −I).
 */

export const ZERO = 0;
export const NONNEG = 1;
export const SOC = 2;

/** Cone list in row order: kind, offset and dimension. */
export interface ConeLayout {
  kind: Int8Array;
  start: Int32Array;
  dim: Int32Array;
  /** Total rows m. */
  m: number;
  /** Degree ν = (#nonneg rows) + (#SOC). */
  degree: number;
}

/** Build a layout from a list of {kind, dim}. */
export function makeLayout(cones: { kind: 'zero' | 'nonneg' | 'soc'; dim: number }[]): ConeLayout {
  const nc = cones.length;
  const kind = new Int8Array(nc);
  const start = new Int32Array(nc);
  const dim = new Int32Array(nc);
  let m = 0;
  let degree = 0;
  for (let c = 0; c < nc; c++) {
    kind[c] = cones[c].kind === 'zero' ? ZERO : cones[c].kind === 'nonneg' ? NONNEG : SOC;
    start[c] = m;
    dim[c] = cones[c].dim;
    m += cones[c].dim;
    degree += kind[c] === NONNEG ? cones[c].dim : kind[c] === SOC ? 1 : 0;
  }
  return { kind, start, dim, m, degree };
}

/** Set v to the identity element e of K (0 on zero cones). */
export function setIdentity(L: ConeLayout, v: Float64Array): void {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    for (let i = 0; i < d; i++) v[o + i] = 0;
    if (k === NONNEG) for (let i = 0; i < d; i++) v[o + i] = 1;
    else if (k === SOC) v[o] = 1;
  }
}

/** Minimum over cones of the smallest eigenvalue (u₀ − ‖u₁‖ for SOC); zero cones skipped. */
export function minEigenvalue(L: ConeLayout, v: Float64Array): number {
  let mn = Infinity;
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === NONNEG) {
      for (let i = 0; i < d; i++) if (v[o + i] < mn) mn = v[o + i];
    } else if (k === SOC) {
      let r = 0;
      for (let i = 1; i < d; i++) r += v[o + i] * v[o + i];
      const e = v[o] - Math.sqrt(r);
      if (e < mn) mn = e;
    }
  }
  return mn;
}

/** Shift v into the interior: per cone, v += max(0, 1 − λ_min)·e when λ_min < threshold. */
export function shiftToInterior(L: ConeLayout, v: Float64Array): void {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === ZERO) {
      for (let i = 0; i < d; i++) v[o + i] = 0;
    } else if (k === NONNEG) {
      let mn = Infinity;
      for (let i = 0; i < d; i++) if (v[o + i] < mn) mn = v[o + i];
      if (mn < 1e-8) {
        const a = 1 - mn;
        for (let i = 0; i < d; i++) v[o + i] += a;
      }
    } else {
      let r = 0;
      for (let i = 1; i < d; i++) r += v[o + i] * v[o + i];
      const e = v[o] - Math.sqrt(r);
      if (e < 1e-8) v[o] += 1 - e;
    }
  }
}

/**
 * NT scaling for every cone. Writes w (NT point w̄ for SOC; √(s/z) for the
 * orthant), eta (per cone; 1 for the orthant) and λ = W z.
 * Returns false if some s or z is not strictly interior.
 */
export function ntScaling(L: ConeLayout, s: Float64Array, z: Float64Array, w: Float64Array, eta: Float64Array, lambda: Float64Array): boolean {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === ZERO) {
      for (let i = 0; i < d; i++) {
        w[o + i] = 0;
        lambda[o + i] = 0;
      }
      eta[c] = 0;
    } else if (k === NONNEG) {
      for (let i = 0; i < d; i++) {
        const si = s[o + i];
        const zi = z[o + i];
        if (!(si > 0 && zi > 0)) return false;
        w[o + i] = Math.sqrt(si / zi);
        lambda[o + i] = Math.sqrt(si * zi);
      }
      eta[c] = 1;
    } else if (d === 3) {
      if (!ntScaling3(o, c, s, z, w, eta)) return false;
    } else {
      let rs = 0;
      let rz = 0;
      for (let i = 1; i < d; i++) {
        rs += s[o + i] * s[o + i];
        rz += z[o + i] * z[o + i];
      }
      const ns = Math.sqrt(rs);
      const nz = Math.sqrt(rz);
      const sdet = (s[o] - ns) * (s[o] + ns);
      const zdet = (z[o] - nz) * (z[o] + nz);
      if (!(s[o] - ns > 0 && z[o] - nz > 0 && sdet > 0 && zdet > 0)) return false;
      const sn = Math.sqrt(sdet);
      const zn = Math.sqrt(zdet);
      let dot = 0;
      for (let i = 0; i < d; i++) dot += (s[o + i] / sn) * (z[o + i] / zn);
      const gamma = Math.sqrt((1 + dot) / 2);
      const g2 = 2 * gamma;
      w[o] = (s[o] / sn + z[o] / zn) / g2;
      for (let i = 1; i < d; i++) w[o + i] = (s[o + i] / sn - z[o + i] / zn) / g2;
      // re-normalise w̄ so that det w̄ = 1 exactly (w₀ from w₁)
      let rw = 0;
      for (let i = 1; i < d; i++) rw += w[o + i] * w[o + i];
      w[o] = Math.sqrt(1 + rw);
      eta[c] = Math.sqrt(sn / zn);
    }
  }
  applyW(L, w, eta, z, lambda, false);
  return true;
}

/** ntScaling's second-order-cone branch for d = 3, written out (same operations in the same order). */
function ntScaling3(o: number, c: number, s: Float64Array, z: Float64Array, w: Float64Array, eta: Float64Array): boolean {
  const s0 = s[o];
  const s1 = s[o + 1];
  const s2 = s[o + 2];
  const z0 = z[o];
  const z1 = z[o + 1];
  const z2 = z[o + 2];
  const rs = 0 + s1 * s1 + s2 * s2;
  const rz = 0 + z1 * z1 + z2 * z2;
  const ns = Math.sqrt(rs);
  const nz = Math.sqrt(rz);
  const sdet = (s0 - ns) * (s0 + ns);
  const zdet = (z0 - nz) * (z0 + nz);
  if (!(s0 - ns > 0 && z0 - nz > 0 && sdet > 0 && zdet > 0)) return false;
  const sn = Math.sqrt(sdet);
  const zn = Math.sqrt(zdet);
  const dot = 0 + (s0 / sn) * (z0 / zn) + (s1 / sn) * (z1 / zn) + (s2 / sn) * (z2 / zn);
  const gamma = Math.sqrt((1 + dot) / 2);
  const g2 = 2 * gamma;
  const w1 = (s1 / sn - z1 / zn) / g2;
  const w2 = (s2 / sn - z2 / zn) / g2;
  w[o + 1] = w1;
  w[o + 2] = w2;
  // re-normalise w̄ so that det w̄ = 1 exactly (w₀ from w₁)
  w[o] = Math.sqrt(1 + (0 + w1 * w1 + w2 * w2));
  eta[c] = Math.sqrt(sn / zn);
  return true;
}

/** out = W v (or W⁻¹ v when inverse); zero cones give 0. out must not alias v. */
export function applyW(L: ConeLayout, w: Float64Array, eta: Float64Array, v: Float64Array, out: Float64Array, inverse: boolean): void {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === ZERO) {
      for (let i = 0; i < d; i++) out[o + i] = 0;
    } else if (k === NONNEG) {
      if (inverse) for (let i = 0; i < d; i++) out[o + i] = v[o + i] / w[o + i];
      else for (let i = 0; i < d; i++) out[o + i] = v[o + i] * w[o + i];
    } else if (d === 3) {
      // the general branch below for d = 3, written out (same operations in the same order)
      const w0 = w[o];
      const w1 = w[o + 1];
      const w2 = w[o + 2];
      const v0 = v[o];
      const v1 = v[o + 1];
      const v2 = v[o + 2];
      const w1v1 = 0 + w1 * v1 + w2 * v2;
      const sg = inverse ? -1 : 1;
      const e = inverse ? 1 / eta[c] : eta[c];
      out[o] = e * (w0 * v0 + sg * w1v1);
      const f = sg * v0 + w1v1 / (1 + w0);
      out[o + 1] = e * (v1 + f * w1);
      out[o + 2] = e * (v2 + f * w2);
    } else {
      const w0 = w[o];
      let w1v1 = 0;
      for (let i = 1; i < d; i++) w1v1 += w[o + i] * v[o + i];
      const sg = inverse ? -1 : 1;
      const e = inverse ? 1 / eta[c] : eta[c];
      const v0 = v[o];
      out[o] = e * (w0 * v0 + sg * w1v1);
      const f = sg * v0 + w1v1 / (1 + w0);
      for (let i = 1; i < d; i++) out[o + i] = e * (v[o + i] + f * w[o + i]);
    }
  }
}

/** out = u ∘ v (Jordan product); zero cones give 0. */
export function jordanProduct(L: ConeLayout, u: Float64Array, v: Float64Array, out: Float64Array): void {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === ZERO) {
      for (let i = 0; i < d; i++) out[o + i] = 0;
    } else if (k === NONNEG) {
      for (let i = 0; i < d; i++) out[o + i] = u[o + i] * v[o + i];
    } else {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += u[o + i] * v[o + i];
      const u0 = u[o];
      const v0 = v[o];
      for (let i = 1; i < d; i++) out[o + i] = u0 * v[o + i] + v0 * u[o + i];
      out[o] = dot;
    }
  }
}

/** out = λ \ v, the solution u of λ ∘ u = v; zero cones give 0. out must not alias v. */
export function jordanDivide(L: ConeLayout, lambda: Float64Array, v: Float64Array, out: Float64Array): void {
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === ZERO) {
      for (let i = 0; i < d; i++) out[o + i] = 0;
    } else if (k === NONNEG) {
      for (let i = 0; i < d; i++) out[o + i] = v[o + i] / lambda[o + i];
    } else {
      const l0 = lambda[o];
      let r = 0;
      let l1v1 = 0;
      for (let i = 1; i < d; i++) {
        r += lambda[o + i] * lambda[o + i];
        l1v1 += lambda[o + i] * v[o + i];
      }
      const det = (l0 - Math.sqrt(r)) * (l0 + Math.sqrt(r));
      const u0 = (l0 * v[o] - l1v1) / det;
      for (let i = 1; i < d; i++) out[o + i] = (v[o + i] - u0 * lambda[o + i]) / l0;
      out[o] = u0;
    }
  }
}

/** Largest α ∈ (0, αmax] with v + αdv in K (zero cones ignored). */
export function maxStep(L: ConeLayout, v: Float64Array, dv: Float64Array, amax: number): number {
  let a = amax;
  for (let c = 0; c < L.kind.length; c++) {
    const o = L.start[c];
    const d = L.dim[c];
    const k = L.kind[c];
    if (k === NONNEG) {
      for (let i = 0; i < d; i++) {
        const di = dv[o + i];
        if (di < 0) {
          const t = -v[o + i] / di;
          if (t < a) a = t;
        }
      }
    } else if (k === SOC) {
      // det(v + α dv) = A α² + B α + C, with v interior (C > 0)
      let vv = 0;
      let vd = 0;
      let dd = 0;
      if (d === 3) {
        const v1 = v[o + 1];
        const v2 = v[o + 2];
        const d1 = dv[o + 1];
        const d2 = dv[o + 2];
        vv = vv + v1 * v1 + v2 * v2;
        vd = vd + v1 * d1 + v2 * d2;
        dd = dd + d1 * d1 + d2 * d2;
      } else {
        for (let i = 1; i < d; i++) {
          vv += v[o + i] * v[o + i];
          vd += v[o + i] * dv[o + i];
          dd += dv[o + i] * dv[o + i];
        }
      }
      let t = socBoundaryHit(dv[o] * dv[o] - dd, 2 * (v[o] * dv[o] - vd), Math.max(0, v[o] * v[o] - vv));
      // first coordinate must stay nonnegative too
      if (dv[o] < 0) {
        const t0 = -v[o] / dv[o];
        if (t0 < t) t = t0;
      }
      if (t < a) a = t;
    }
  }
  return Math.max(0, a);
}

/**
 * Smallest α > 0 with Aα² + Bα + C = 0 (∞ if none): where x + αd leaves the second-order cone, for
 * A = d₀² − ‖d₁‖², B = 2(x₀d₀ − x₁ᵀd₁), C = x₀² − ‖x₁‖² ≥ 0 (roots by the cancellation-free formula).
 * The caller also bounds α by x₀ + αd₀ ≥ 0.
 */
export function socBoundaryHit(A: number, B: number, C: number): number {
  let t = Infinity;
  if (A === 0) {
    if (B < 0) t = -C / B;
    return t;
  }
  const disc = B * B - 4 * A * C;
  if (disc >= 0) {
    const sq = Math.sqrt(disc);
    const q = -0.5 * (B + (B >= 0 ? sq : -sq));
    const r1 = q / A;
    const r2 = q !== 0 ? C / q : Infinity;
    if (r1 > 0 && r1 < t) t = r1;
    if (r2 > 0 && r2 < t) t = r2;
  }
  return t;
}
