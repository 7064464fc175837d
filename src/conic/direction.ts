/**
 * The Newton directions of the conic solver (solver.ts): Nesterov–Todd scaling and factorisation of the
 * KKT system, the constant solve, the direction for a given complementarity right-hand side, step
 * lengths, and Mehrotra's predictor and corrector.
 *
 * With W the NT scaling (W s = W⁻¹z = λ) and d_s, d_κ the complementarity right-hand sides, one
 * direction of the embedding solves
 *   K [Δx₂; Δz₂] = [−f r_x; −f r_z + W(λ \ d_s)],   K [x₁; z₁] = [−q; b],                         (D1)
 *   Δτ = (−f r_τ + d_κ/τ − (q + 2Pξ)ᵀΔx₂ − bᵀΔz₂) / ((q + 2Pξ)ᵀx₁ + bᵀz₁ − ξᵀPξ − κ/τ),  ξ = x/τ,  (D2)
 *   (Δx, Δz) = (Δx₂, Δz₂) + Δτ (x₁, z₁),   Δs = −W(λ \ d_s + W Δz),   Δκ = −(d_κ + κΔτ)/τ,       (D3)
 * with f = 1 − σ (σ = 0 for the predictor).
 */
import { applyW, jordanDivide, jordanProduct, maxStep, ntScaling, setIdentity } from './cones.ts';
import type { ScaledProblem } from './equilibrate.ts';
import type { Iterate } from './iterate.ts';
import type { Kkt } from './kkt.ts';
import { mulP, type Info, type Residuals } from './residuals.ts';
import { dot } from './sparse.ts';

/** The predictor's outcome: its Δτ, Δκ and the centring parameter σ = (1 − α_aff)³. */
export interface Predictor {
  dtau: number;
  dkappa: number;
  sigma: number;
}

/** The corrector's (combined) Δτ, Δκ and step length α = min(1, 0.99 α_max). */
export interface Corrector {
  dtau: number;
  dkappa: number;
  alpha: number;
}

/** Scaling, right-hand sides, solutions and the direction (Δx, Δz, Δs) of one iteration. */
export class Directions {
  /** NT scaling points per cone, η per cone, λ = W s. */
  readonly w: Float64Array;
  readonly eta: Float64Array;
  readonly lam: Float64Array;
  readonly rhs: Float64Array;
  /** The right-hand side of the direction system (D1). */
  private readonly rhs2: Float64Array;
  /** [x₁; z₁] of the constant system (D1) and [Δx₂; Δz₂]. */
  readonly sol1: Float64Array;
  readonly sol2: Float64Array;
  readonly dx: Float64Array;
  readonly dz: Float64Array;
  readonly ds: Float64Array;
  /** The complementarity right-hand side d_s. */
  readonly dS: Float64Array;
  /** q + 2Pξ of (D2). */
  readonly qxi: Float64Array;
  /** The denominator of Δτ in (D2). */
  denom = 0;
  private readonly dsA: Float64Array;
  private readonly dzA: Float64Array;
  private readonly t1: Float64Array;
  private readonly t2: Float64Array;
  private readonly t3: Float64Array;
  private readonly xi: Float64Array;
  /** The identity e of K. */
  private readonly e: Float64Array;

  constructor(private readonly d: ScaledProblem, private readonly kkt: Kkt) {
    const { n, m, L } = d;
    this.w = new Float64Array(m);
    this.eta = new Float64Array(L.kind.length);
    this.lam = new Float64Array(m);
    this.rhs = new Float64Array(n + m);
    this.rhs2 = new Float64Array(n + m);
    this.sol1 = new Float64Array(n + m);
    this.sol2 = new Float64Array(n + m);
    this.dx = new Float64Array(n);
    this.dz = new Float64Array(m);
    this.ds = new Float64Array(m);
    this.dsA = new Float64Array(m);
    this.dzA = new Float64Array(m);
    this.dS = new Float64Array(m);
    this.t1 = new Float64Array(m);
    this.t2 = new Float64Array(m);
    this.t3 = new Float64Array(m);
    this.xi = new Float64Array(n);
    this.qxi = new Float64Array(n);
    this.e = new Float64Array(m);
    setIdentity(L, this.e);
  }

  /** NT scaling W at (s, z), −W² into the KKT matrix, factorisation; false on numerical trouble. */
  scaleAndFactor(v: Iterate): boolean {
    if (!ntScaling(this.d.L, v.s, v.z, this.w, this.eta, this.lam)) return false;
    this.kkt.setScaling(this.w, this.eta, false);
    this.kkt.iterResidual = 0;
    return this.kkt.factorise();
  }

  /**
   * The constant system K [x₁; z₁] = [−q; b] of (D1) and the denominator of Δτ in (D2), then the
   * predictor (affine direction: d_s = λ∘λ, d_κ = τκ, f = 1; σ = (1 − α_aff)³ clipped to [0, 1]). Both
   * right-hand sides are known before either solve, so the two systems are solved together.
   */
  constantAndPredictor(v: Iterate, r: Residuals, info: Info, Px: Float64Array): Predictor {
    const { n, m, q, b } = this.d;
    const { rhs, sol1, sol2 } = this;
    for (let j = 0; j < n; j++) rhs[j] = -q[j];
    for (let i = 0; i < m; i++) rhs[n + i] = b[i];
    jordanProduct(this.d.L, this.lam, this.lam, this.dS);
    this.directionRhs(r, 1);
    this.kkt.solvePair(rhs, sol1, this.rhs2, sol2);
    this.constantDenominator(v, Px);
    const dkA = v.tau * v.kappa;
    const dtau = this.directionFrom(v, info, dkA, 1);
    const dkappa = -(dkA + v.kappa * dtau) / v.tau;
    const aAff = Math.min(1, this.stepLength(v, dtau, dkappa));
    return { dtau, dkappa, sigma: Math.min(1, Math.max(0, (1 - aAff) ** 3)) };
  }

  /**
   * The denominator of Δτ in (D2) from x₁, z₁ in sol1. For the exact solve it equals
   * −((x₁ − ξ)ᵀP(x₁ − ξ) + ‖W z₁‖² + κ/τ) < 0; it is computed directly so that it stays consistent with
   * the regularised solve (which adds −ε‖x₁‖² when the true KKT matrix is singular, e.g. free
   * directions of an LP), and by the second form when the first is not negative (dsA, dzA as scratch).
   */
  private constantDenominator(v: Iterate, Px: Float64Array): void {
    const { n, m, q, b, P } = this.d;
    const { sol1, xi, qxi: tn, dx } = this;
    for (let j = 0; j < n; j++) xi[j] = v.x[j] / v.tau;
    mulP(P, xi, tn);
    const xiPxi = dot(xi, tn);
    for (let j = 0; j < n; j++) tn[j] = q[j] + 2 * tn[j];
    let denom = -xiPxi - v.kappa / v.tau;
    for (let j = 0; j < n; j++) denom += tn[j] * sol1[j];
    for (let i = 0; i < m; i++) denom += b[i] * sol1[n + i];
    if (!(denom < 0)) {
      for (let j = 0; j < n; j++) dx[j] = sol1[j] - xi[j];
      mulP(P, dx, Px);
      const z1 = this.dsA;
      const wz1 = this.dzA;
      for (let i = 0; i < m; i++) z1[i] = sol1[n + i];
      applyW(this.d.L, this.w, this.eta, z1, wz1, false);
      denom = -(dot(dx, Px) + dot(wz1, wz1) + v.kappa / v.tau);
    }
    this.denom = denom;
  }

  /** The direction (D1)–(D3) for d_s (in dS), d_κ and f; returns Δτ, leaves (Δx, Δz, Δs). */
  direction(v: Iterate, r: Residuals, info: Info, dkappa: number, f: number): number {
    this.directionRhs(r, f);
    this.kkt.solve(this.rhs2, this.sol2);
    return this.directionFrom(v, info, dkappa, f);
  }

  /** rhs₂ = [−f r_x; −f r_z + W(λ \ d_s)] of (D1) (t1 = λ \ d_s is kept for (D3)). */
  private directionRhs(r: Residuals, f: number): void {
    const { n, m, L } = this.d;
    const { w, eta, rhs2, t1, t2 } = this;
    jordanDivide(L, this.lam, this.dS, t1);
    applyW(L, w, eta, t1, t2, false);
    for (let j = 0; j < n; j++) rhs2[j] = -f * r.rx[j];
    for (let i = 0; i < m; i++) rhs2[n + i] = -f * r.rz[i] + t2[i];
  }

  /** Δτ of (D2) and (Δx, Δz, Δs) of (D3) from [Δx₂; Δz₂] in sol2. */
  private directionFrom(v: Iterate, info: Info, dkappa: number, f: number): number {
    const { n, m, L, b } = this.d;
    const { w, eta, sol1, sol2, dx, dz, ds, t1, t2, t3, qxi: tn } = this;
    let num = -f * info.rtau + dkappa / v.tau;
    for (let j = 0; j < n; j++) num -= tn[j] * sol2[j];
    for (let i = 0; i < m; i++) num -= b[i] * sol2[n + i];
    const dtau = num / this.denom;
    for (let j = 0; j < n; j++) dx[j] = sol2[j] + dtau * sol1[j];
    for (let i = 0; i < m; i++) dz[i] = sol2[n + i] + dtau * sol1[n + i];
    // Δs = −W(λ\d_s + W Δz)
    applyW(L, w, eta, dz, t2, false);
    for (let i = 0; i < m; i++) t3[i] = t1[i] + t2[i];
    applyW(L, w, eta, t3, ds, false);
    for (let i = 0; i < m; i++) ds[i] = -ds[i];
    return dtau;
  }

  /** Largest α with s + αΔs, z + αΔz in K, τ + αΔτ ≥ 0, κ + αΔκ ≥ 0 (up to 1e30). */
  stepLength(v: Iterate, dtau: number, dkappa: number): number {
    let a = maxStep(this.d.L, v.s, this.ds, 1e30);
    a = maxStep(this.d.L, v.z, this.dz, a);
    if (dtau < 0) a = Math.min(a, -v.tau / dtau);
    if (dkappa < 0) a = Math.min(a, -v.kappa / dkappa);
    return a;
  }

  /**
   * Combined direction: d_s = λ∘λ + (W⁻¹Δs_a)∘(WΔz_a) − σμe, d_κ = τκ + Δτ_aΔκ_a − σμ, f = 1 − σ;
   * step α = min(1, 0.99 α_max).
   */
  corrector(v: Iterate, r: Residuals, info: Info, pred: Predictor): Corrector {
    const { L, m } = this.d;
    const { w, eta, dsA, dzA, t3, dS, e } = this;
    const mu = info.mu;
    const sigma = pred.sigma;
    applyW(L, w, eta, this.ds, dsA, true);
    applyW(L, w, eta, this.dz, dzA, false);
    jordanProduct(L, dsA, dzA, t3);
    for (let i = 0; i < m; i++) dS[i] += t3[i] - sigma * mu * e[i];
    const dkC = v.tau * v.kappa + pred.dtau * pred.dkappa - sigma * mu;
    const dtau = this.direction(v, r, info, dkC, 1 - sigma);
    const dkappa = -(dkC + v.kappa * dtau) / v.tau;
    const amax = this.stepLength(v, dtau, dkappa);
    return { dtau, dkappa, alpha: Math.min(1, 0.99 * amax) };
  }
}
