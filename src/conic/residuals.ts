/**
 * Residuals and objectives of the conic solver's embedding (solver.ts) at an iterate:
 *   r_x = P x + Aᵀz + q τ,   r_z = A x + s − b τ,   r_τ = qᵀx + bᵀz + xᵀPx/τ + κ,
 *   μ = (sᵀz + τκ)/(ν + 1).
 * The residuals of the SCALED embedding drive the iteration; the reported quantities are those of the
 * original problem: r_p = E⁻¹r̂_p, r_d = (cD)⁻¹r̂_d, objectives divided by c.
 */
import type { ScaledProblem } from './equilibrate.ts';
import type { Iterate } from './iterate.ts';
import { type CscMatrix, dot, matTVec, matVec, symUpperMatVec } from './sparse.ts';

/** What one residual evaluation reports (original units unless said otherwise). */
export interface Info {
  presAbs: number;
  dresAbs: number;
  /** ‖r_p‖∞ / max(1, ‖b‖∞ + ‖s‖∞). */
  presRel: number;
  /** ‖r_d‖∞ / max(1, ‖q‖∞ + ‖Px‖∞). */
  dresRel: number;
  gapAbs: number;
  gapRel: number;
  pobj: number;
  dobj: number;
  /** μ of the scaled embedding. */
  mu: number;
  /** r_τ of the scaled embedding. */
  rtau: number;
  /** q̂ᵀx̂ and b̂ᵀẑ (scaled). */
  qx: number;
  bz: number;
  /** sᵀz in original units. */
  sz: number;
}

/** out = P v (0 without P). */
export function mulP(P: CscMatrix | undefined, v: Float64Array, out: Float64Array): void {
  if (P) symUpperMatVec(P, v, out);
  else out.fill(0);
}

/** The residual vectors r_x, r_z and the products P x, Aᵀz, A x of the last evaluation. */
export class Residuals {
  readonly rx: Float64Array;
  readonly rz: Float64Array;
  readonly Px: Float64Array;
  readonly Atz: Float64Array;
  readonly Ax: Float64Array;

  constructor(n: number, m: number) {
    this.rx = new Float64Array(n);
    this.rz = new Float64Array(m);
    this.Px = new Float64Array(n);
    this.Atz = new Float64Array(n);
    this.Ax = new Float64Array(m);
  }

  /** Evaluate the residuals at v and report them with the objectives and μ. */
  update(d: ScaledProblem, v: Iterate): Info {
    const { x, z, s, tau, kappa } = v;
    mulP(d.P, x, this.Px);
    matTVec(d.A, z, this.Atz);
    matVec(d.A, x, this.Ax);
    const xPx = dot(x, this.Px);
    const qx = dot(d.q, x);
    const bz = dot(d.b, z);
    const p = this.primal(d, v);
    const du = this.dual(d, v);
    const rtau = qx + bz + xPx / tau + kappa;
    const sz = dot(s, z);
    const mu = (sz + tau * kappa) / (d.nu + 1);
    const pobj = (0.5 * xPx / tau + qx) / tau / d.c;
    const dobj = (-0.5 * xPx / tau - bz) / tau / d.c;
    const ns = p.ns / tau;
    const presAbs = p.pres / tau;
    const dresAbs = du.dres / tau;
    // normalisations without ‖x‖ and ‖z‖ (a huge iterate must not make a residual look small)
    const presRel = presAbs / Math.max(1, d.normB + ns);
    const dresRel = dresAbs / Math.max(1, d.normQ + du.npx / tau);
    const gapAbs = Math.abs(pobj - dobj);
    const gapRel = gapAbs / Math.max(1, Math.min(Math.abs(pobj), Math.abs(dobj)));
    return { presAbs, dresAbs, presRel, dresRel, gapAbs, gapRel, pobj, dobj, mu, rtau, qx, bz, sz: sz / (tau * tau * d.c) };
  }

  /** r_z = A x + s − b τ; ‖E⁻¹r_z‖∞ and ‖E⁻¹s‖∞. */
  private primal(d: ScaledProblem, v: Iterate): { pres: number; ns: number } {
    const { s, tau } = v;
    const { rz, Ax } = this;
    let pres = 0;
    let ns = 0;
    for (let i = 0; i < d.m; i++) {
      const r = Ax[i] + s[i] - d.b[i] * tau;
      rz[i] = r;
      pres = Math.max(pres, Math.abs(r / d.E[i]));
      ns = Math.max(ns, Math.abs(s[i] / d.E[i]));
    }
    return { pres, ns };
  }

  /** r_x = P x + Aᵀz + q τ; ‖(cD)⁻¹r_x‖∞ and ‖(cD)⁻¹P x‖∞. */
  private dual(d: ScaledProblem, v: Iterate): { dres: number; npx: number } {
    const { rx, Px, Atz } = this;
    let dres = 0;
    let npx = 0;
    for (let j = 0; j < d.n; j++) {
      const r = Px[j] + Atz[j] + d.q[j] * v.tau;
      rx[j] = r;
      dres = Math.max(dres, Math.abs(r / d.D[j]));
      npx = Math.max(npx, Math.abs(Px[j] / d.D[j]));
    }
    return { dres: dres / d.c, npx: npx / d.c };
  }
}
