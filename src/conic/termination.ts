/**
 * Stopping tests of the conic solver (solver.ts): convergence, Farkas certificates of primal or dual
 * infeasibility from the embedding (τ → 0), and the reduced-accuracy test of status almost_optimal.
 */
import type { ScaledProblem } from './equilibrate.ts';
import type { Iterate } from './iterate.ts';
import type { Info, Residuals } from './residuals.ts';
import type { Farkas } from './solver.ts';

/** The tolerances the tests read. */
export interface Tolerances {
  epsAbs: number;
  epsRel: number;
  epsInf: number;
  reducedFactor: number;
}

/** Relative residuals ≤ ε_rel and the gap ≤ ε_abs (absolute) or ≤ ε_rel (relative), tolerances times f. */
export function converged(info: Info, o: Tolerances, f = 1): boolean {
  return info.presRel <= f * o.epsRel && info.dresRel <= f * o.epsRel && (info.gapAbs <= f * o.epsAbs || info.gapRel <= f * o.epsRel);
}

/** A Farkas certificate at v, if τ is small against κ and the certificate's residual is within ε_inf. */
export function infeasibility(d: ScaledProblem, v: Iterate, r: Residuals, info: Info, epsInf: number): { status: 'primal_infeasible' | 'dual_infeasible'; farkas: Farkas } | undefined {
  const primal = info.bz < 0 ? primalInfeasibility(d, v, r, info, epsInf) : undefined;
  if (primal) return { status: 'primal_infeasible', farkas: primal };
  const dual = info.qx < 0 ? dualInfeasibility(d, v, r, info, epsInf) : undefined;
  if (dual) return { status: 'dual_infeasible', farkas: dual };
  return undefined;
}

/** Primal infeasibility: z = Eẑ with bᵀz = b̂ᵀẑ < 0 and ‖Aᵀz‖ = ‖D⁻¹Âᵀẑ‖ small relative to −bᵀz. */
function primalInfeasibility(d: ScaledProblem, v: Iterate, r: Residuals, info: Info, epsInf: number): Farkas | undefined {
  const { n, m, D, E } = d;
  const scale = -info.bz;
  let res = 0;
  for (let j = 0; j < n; j++) res = Math.max(res, Math.abs(r.Atz[j] / D[j]));
  res /= scale;
  let zn = 0;
  for (let i = 0; i < m; i++) zn = Math.max(zn, Math.abs(v.z[i] * E[i]));
  zn /= scale;
  if (!(res <= epsInf * Math.max(1, zn) && v.tau < 1e-3 * Math.max(1, v.kappa))) return undefined;
  const zc = new Float64Array(m);
  for (let i = 0; i < m; i++) zc[i] = (v.z[i] * E[i]) / scale;
  return { z: zc, residual: res };
}

/** Dual infeasibility: x = Dx̂, s = ŝ/E with qᵀx = q̂ᵀx̂/c < 0, Px = D⁻¹P̂x̂/c ≈ 0, Ax + s = E⁻¹(Âx̂ + ŝ) ≈ 0. */
function dualInfeasibility(d: ScaledProblem, v: Iterate, r: Residuals, info: Info, epsInf: number): Farkas | undefined {
  const { n, m, D, E, c } = d;
  const scale = -info.qx / c;
  let res = 0;
  for (let j = 0; j < n; j++) res = Math.max(res, Math.abs(r.Px[j] / (D[j] * c)));
  for (let i = 0; i < m; i++) res = Math.max(res, Math.abs((r.Ax[i] + v.s[i]) / E[i]));
  res /= scale;
  let xn = 0;
  for (let j = 0; j < n; j++) xn = Math.max(xn, Math.abs(v.x[j] * D[j]));
  xn /= scale;
  if (!(res <= epsInf * Math.max(1, xn) && v.tau < 1e-3 * Math.max(1, v.kappa))) return undefined;
  const xc = new Float64Array(n);
  const sc = new Float64Array(m);
  for (let j = 0; j < n; j++) xc[j] = (v.x[j] * D[j]) / scale;
  for (let i = 0; i < m; i++) sc[i] = v.s[i] / (E[i] * scale);
  return { x: xc, s: sc, residual: res };
}
