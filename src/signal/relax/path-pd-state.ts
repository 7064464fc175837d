/**
 * The iteration state of the primal–dual path solver (path-pd.ts) on a model of path-pd-model.ts:
 * the primal–dual point, one Newton direction, and the normal matrix with its NT scaling.
 *
 * Each rotated cone is the second-order cone Q = {w : w₀ ≥ ‖(w₁, w₂)‖} in the coordinates
 * w = P(U, S, T) = ((S+T)/2, (S−T)/2, U), since w₀² − w₁² − w₂² = ST − U².
 */
import { socBoundaryHit } from '../../conic/cones.ts';
import { profileCholesky, profileSolve } from './path-layout.ts';
import type { PdModel } from './path-pd-model.ts';

/** The point: v, row slacks s = b − Av and duals l, cone points w = P(U, S, T) and duals y, the dense row's slack and dual. */
export class PdPoint {
  readonly sl: Float64Array;
  readonly l: Float64Array;
  readonly w: Float64Array;
  readonly y: Float64Array;
  sc = 0;
  lc = 0;

  constructor(private readonly M: PdModel, readonly v: Float64Array) {
    this.sl = new Float64Array(M.nRows);
    this.l = new Float64Array(M.nRows);
    this.w = new Float64Array(3 * M.nCones);
    this.y = new Float64Array(3 * M.nCones);
  }

  /** Slacks and cone points from v (the primal iterate stays strictly feasible). */
  refresh(): void {
    const { nRows, rp, ri, rc, rb, nCones, cS, cT, cU, card } = this.M;
    const { v, sl, w } = this;
    for (let k = 0; k < nRows; k++) {
      let s = rb[k];
      for (let t = rp[k]; t < rp[k + 1]; t++) s -= rc[t] * v[ri[t]];
      sl[k] = s;
    }
    for (let k = 0; k < nCones; k++) {
      const S = v[cS[k]], T = v[cT[k]];
      w[3 * k] = 0.5 * (S + T);
      w[3 * k + 1] = 0.5 * (S - T);
      w[3 * k + 2] = v[cU[k]];
    }
    if (card !== null) {
      let s = card.rhs;
      for (let i = 0; i < card.idx.length; i++) s -= v[card.idx[i]];
      this.sc = s;
    }
  }

  /** Central duals at μ for every row and cone: l = μ/s, y = μ w⁻¹ (w⁻¹ = Jw/det w), l_c = μ/s_c. */
  centralDuals(mu: number): void {
    const { l, sl, w, y } = this;
    for (let k = 0; k < this.M.nRows; k++) l[k] = mu / sl[k];
    for (let k = 0; k < this.M.nCones; k++) {
      const a = w[3 * k], b = w[3 * k + 1], d = w[3 * k + 2];
      const det = a * a - b * b - d * d;
      y[3 * k] = (mu * a) / det;
      y[3 * k + 1] = (-mu * b) / det;
      y[3 * k + 2] = (-mu * d) / det;
    }
    if (this.M.card !== null) this.lc = mu / this.sc;
  }

  /** v += α_p Δv; (l, y, l_c) += α_d (Δl, Δy, Δl_c); slacks refreshed. */
  update(ap: number, ad: number, d: PdStep): void {
    const { v, l, y } = this;
    for (let j = 0; j < v.length; j++) v[j] += ap * d.dv[j];
    for (let k = 0; k < l.length; k++) l[k] += ad * d.dl[k];
    for (let j = 0; j < y.length; j++) y[j] += ad * d.dy[j];
    if (this.M.card !== null) this.lc += ad * d.dlc;
    this.refresh();
  }

  /** Largest α with (s, w, s_c) + α(Δs, Δw, Δs_c) interior, or ∞. */
  stepPrimal(d: PdStep): number {
    return this.step(this.sl, d.ds, this.w, d.dw, this.sc, d.dsc);
  }

  /** Largest α with (l, y, l_c) + α(Δl, Δy, Δl_c) interior, or ∞. */
  stepDual(d: PdStep): number {
    return this.step(this.l, d.dl, this.y, d.dy, this.lc, d.dlc);
  }

  private step(s: Float64Array, ds: Float64Array, cone: Float64Array, dcone: Float64Array, sc: number, dsc: number): number {
    let a = Infinity;
    for (let k = 0; k < s.length; k++) if (ds[k] < 0 && -s[k] / ds[k] < a) a = -s[k] / ds[k];
    for (let k = 0; k < this.M.nCones; k++) {
      const o = 3 * k;
      a = Math.min(a, socStep(cone[o], cone[o + 1], cone[o + 2], dcone[o], dcone[o + 1], dcone[o + 2]));
    }
    if (this.M.card !== null && dsc < 0) a = Math.min(a, -sc / dsc);
    return a;
  }
}

/** Largest α with x + αd in the interior of Q (3-dim), or ∞. */
function socStep(x0: number, x1: number, x2: number, d0: number, d1: number, d2: number): number {
  const t = socBoundaryHit(d0 * d0 - d1 * d1 - d2 * d2, 2 * (x0 * d0 - x1 * d1 - x2 * d2), x0 * x0 - x1 * x1 - x2 * x2);
  return d0 < 0 ? Math.min(t, -x0 / d0) : t;
}

/** One direction: Δv, the rows' Δs and Δl, the cones' Δw and Δy, the dense row's Δs_c and Δl_c. */
export class PdStep {
  readonly dv: Float64Array;
  readonly ds: Float64Array;
  readonly dl: Float64Array;
  readonly dw: Float64Array;
  readonly dy: Float64Array;
  dsc = 0;
  dlc = 0;

  constructor(M: PdModel) {
    this.dv = new Float64Array(M.N);
    this.ds = new Float64Array(M.nRows);
    this.dl = new Float64Array(M.nRows);
    this.dw = new Float64Array(3 * M.nCones);
    this.dy = new Float64Array(3 * M.nCones);
  }

  /** Copy everything but Δv (the predictor's direction is kept for its step lengths and second-order term). */
  copyDualsAndSlacks(d: PdStep): void {
    this.ds.set(d.ds);
    this.dl.set(d.dl);
    this.dw.set(d.dw);
    this.dy.set(d.dy);
    this.dsc = d.dsc;
    this.dlc = d.dlc;
  }
}

/** out = M·x for the symmetric 3×3 stored at M[6k..] (00 11 22 01 02 12). */
export function sym3(M: Float64Array, k: number, x0: number, x1: number, x2: number, out: Float64Array, o: number): void {
  const m = 6 * k;
  out[o] = M[m] * x0 + M[m + 3] * x1 + M[m + 4] * x2;
  out[o + 1] = M[m + 3] * x0 + M[m + 1] * x1 + M[m + 5] * x2;
  out[o + 2] = M[m + 4] * x0 + M[m + 5] * x1 + M[m + 2] * x2;
}

/**
 * The normal matrix H₀ + ρ 1_J1_Jᵀ, H₀ = Σ (l_k/s_k) a_k a_kᵀ + Σ P_kᵀ W_k² P_k (profile storage), ρ = l_c/s_c
 * for the dense row, with the NT scalings W_k, W_k⁻¹ and λ_k = W_k w_k per cone.
 */
export class NormalSystem {
  readonly H: Float64Array;
  readonly dInv: Float64Array;
  /** NT scaling W (symmetric 3×3: 00 11 22 01 02 12) and W⁻¹ per cone; λ = W w = W⁻¹ y. */
  readonly Wm: Float64Array;
  readonly Wi: Float64Array;
  readonly lam: Float64Array;
  /** H₀⁻¹1_J, 1_JᵀH₀⁻¹1_J and ρ (Sherman–Morrison for the dense row). */
  private readonly tmpA: Float64Array;
  private aHa = 0;
  private rho = 0;
  /** 1/(1_JᵀH₀⁻¹1_J + s_c/l_c) (capacitance form, see PdModel.card). */
  private cap = 0;

  constructor(private readonly M: PdModel) {
    this.H = new Float64Array(M.prof.rowStart[M.N]);
    this.dInv = new Float64Array(M.N);
    this.Wm = new Float64Array(6 * M.nCones);
    this.Wi = new Float64Array(6 * M.nCones);
    this.lam = new Float64Array(3 * M.nCones);
    this.tmpA = new Float64Array(M.N);
  }

  /** NT scaling per cone, then H₀; false if some w or y left the cone interior. */
  assemble(pt: PdPoint): boolean {
    const { M, H } = this;
    H.fill(0);
    for (let k = 0; k < M.nCones; k++) if (!this.coneScaling(pt, k)) return false;
    for (let k = 0; k < M.nRows; k++) {
      const dk = pt.l[k] / pt.sl[k];
      for (let q = M.pp[k]; q < M.pp[k + 1]; q++) H[M.pairPos[q]] += M.pairCoef[q] * dk;
    }
    return true;
  }

  /**
   * NT scaling of cone k (W s = W⁻¹ z, W = β(2uuᵀ − J), u = (w̄ + e)/√(2(w̄₀+1)), w̄ = (Jŝ + ẑ)/(2γ)),
   * λ = W w, and G = Pᵀ W² P added to H₀ in (U, S, T).
   */
  private coneScaling(pt: PdPoint, k: number): boolean {
    const { Wm, Wi, H } = this;
    const conePos = this.M.conePos;
    const o = 3 * k;
    const s0 = pt.w[o], s1 = pt.w[o + 1], s2 = pt.w[o + 2];
    const z0 = pt.y[o], z1 = pt.y[o + 1], z2 = pt.y[o + 2];
    const detS = s0 * s0 - s1 * s1 - s2 * s2;
    const detZ = z0 * z0 - z1 * z1 - z2 * z2;
    if (!(detS > 0 && detZ > 0)) return false;
    const rs = Math.sqrt(detS), rz = Math.sqrt(detZ);
    const a0 = s0 / rs, a1 = s1 / rs, a2 = s2 / rs;
    const b0 = z0 / rz, b1 = z1 / rz, b2 = z2 / rz;
    const gam = Math.sqrt(0.5 * (1 + a0 * b0 + a1 * b1 + a2 * b2));
    const wb0 = (a0 + b0) / (2 * gam), wb1 = (-a1 + b1) / (2 * gam), wb2 = (-a2 + b2) / (2 * gam);
    const nrm = Math.sqrt(2 * (wb0 + 1));
    const u0 = (wb0 + 1) / nrm, u1 = wb1 / nrm, u2 = wb2 / nrm;
    const beta = Math.sqrt(rz / rs);
    const m = 6 * k;
    // W = β(2uuᵀ − J), J = diag(1, −1, −1)
    Wm[m] = beta * (2 * u0 * u0 - 1);
    Wm[m + 1] = beta * (2 * u1 * u1 + 1);
    Wm[m + 2] = beta * (2 * u2 * u2 + 1);
    Wm[m + 3] = beta * 2 * u0 * u1;
    Wm[m + 4] = beta * 2 * u0 * u2;
    Wm[m + 5] = beta * 2 * u1 * u2;
    // W⁻¹ = β⁻¹(2Juuᵀ J − J): (Ju) = (u0, −u1, −u2)
    const ib = 1 / beta;
    Wi[m] = ib * (2 * u0 * u0 - 1);
    Wi[m + 1] = ib * (2 * u1 * u1 + 1);
    Wi[m + 2] = ib * (2 * u2 * u2 + 1);
    Wi[m + 3] = -ib * 2 * u0 * u1;
    Wi[m + 4] = -ib * 2 * u0 * u2;
    Wi[m + 5] = ib * 2 * u1 * u2;
    sym3(Wm, k, s0, s1, s2, this.lam, o);
    // W² (symmetric), then G = Pᵀ W² P in (U, S, T); P columns: U → (0,0,1), S → (½,½,0), T → (½,−½,0)
    const W00 = Wm[m], W11 = Wm[m + 1], W22 = Wm[m + 2], W01 = Wm[m + 3], W02 = Wm[m + 4], W12 = Wm[m + 5];
    const M00 = W00 * W00 + W01 * W01 + W02 * W02;
    const M11 = W01 * W01 + W11 * W11 + W12 * W12;
    const M22 = W02 * W02 + W12 * W12 + W22 * W22;
    const M01 = W00 * W01 + W01 * W11 + W02 * W12;
    const M02 = W00 * W02 + W01 * W12 + W02 * W22;
    const M12 = W01 * W02 + W11 * W12 + W12 * W22;
    H[conePos[m]] += M22;
    H[conePos[m + 1]] += 0.25 * (M00 + 2 * M01 + M11);
    H[conePos[m + 2]] += 0.25 * (M00 - 2 * M01 + M11);
    H[conePos[m + 3]] += 0.5 * (M02 + M12);
    H[conePos[m + 4]] += 0.5 * (M02 - M12);
    H[conePos[m + 5]] += 0.25 * (M00 - M11);
    return true;
  }

  /**
   * Profile Cholesky of H₀ (diagonal × (1 + 1e-14); a lost pivot replaced by 1e64), then H₀⁻¹1_J and
   * ρ = l_c/s_c for the dense row; false if the factorisation failed.
   */
  factor(pt: PdPoint): boolean {
    const { M, H, dInv, tmpA } = this;
    const rowStart = M.prof.rowStart;
    for (let i = 0; i < M.N; i++) H[rowStart[i + 1] - 1] *= 1 + 1e-14;
    if (!profileCholesky(M.prof, H, dInv, true)) return false;
    if (M.card !== null) {
      const idx = M.card.idx;
      this.rho = pt.lc / pt.sc;
      tmpA.fill(0);
      for (let i = 0; i < idx.length; i++) tmpA[idx[i]] = 1;
      profileSolve(M.prof, H, dInv, tmpA);
      this.aHa = 0;
      for (let i = 0; i < idx.length; i++) this.aHa += tmpA[idx[i]];
      if (M.card.capacitance) this.cap = 1 / (this.aHa + pt.sc / pt.lc);
    }
    return true;
  }

  /** vec ← (H₀ + ρ 1_J1_Jᵀ)⁻¹ vec: the profile factor of H₀, Sherman–Morrison for the dense row. */
  solve(vec: Float64Array): void {
    const { M, tmpA } = this;
    profileSolve(M.prof, this.H, this.dInv, vec);
    if (M.card === null) return;
    const idx = M.card.idx;
    let aV = 0;
    for (let i = 0; i < idx.length; i++) aV += vec[idx[i]];
    if (M.card.capacitance) {
      const c0 = this.cap * aV;
      for (let j = 0; j < M.N; j++) vec[j] -= c0 * tmpA[j] + 0;
      return;
    }
    const coef = aV / (1 / this.rho + this.aHa);
    for (let j = 0; j < M.N; j++) vec[j] -= coef * tmpA[j];
  }
}
