/**
 * Closed forms of the pairwise convexifications (AGH21 §2.4, §3.1, §4.2):
 * the perspective x²/z, f of Proposition 1, the two inequalities (12)/(13),
 * g of (19) and its explicit four-branch form (p. 13), the closed-form
 * separation of Proposition 11 and the explicit cut (36) of Remark 12.
 *
 * Convention (paper p. 4): a/0 = +∞ for a > 0 and 0/0 = 0, so x²/z is the
 * closed perspective. These are scalar functions used inside checks and cut
 * loops; they allocate nothing.
 */

/** Closed perspective x²/z with 0/0 = 0 and a/0 = +∞ (z ≥ 0). */
export function persp(x: number, z: number): number {
  const a = x * x;
  if (z > 0) return a / z;
  return a === 0 ? 0 : Infinity;
}

/**
 * f of Proposition 1: f(z₁,z₂,x₁,x₂) = (x₁ − x₂)²/z₁ if x₁ ≥ x₂, (x₁ − x₂)²/z₂ if x₁ ≤ x₂.
 * cl conv(X²) = {f ≤ s} (Atamtürk & Gómez 2018).
 */
export function pairF(z1: number, z2: number, x1: number, x2: number): number {
  const d = x1 - x2;
  return d >= 0 ? persp(d, z1) : persp(d, z2);
}

/** Left side of (12): d₁ f(z₁, z₂, x₁, x₂/d₁) + (x₂²/z₂)(d₂ − 1/d₁). */
export function ineq12(z1: number, z2: number, x1: number, x2: number, d1: number, d2: number): number {
  const sep = d2 - 1 / d1;
  const p = persp(x2, z2);
  return d1 * pairF(z1, z2, x1, x2 / d1) + (sep === 0 ? 0 : p * sep);
}

/** Left side of (13): d₂ f(z₁, z₂, x₁/d₂, x₂) + (x₁²/z₁)(d₁ − 1/d₂). */
export function ineq13(z1: number, z2: number, x1: number, x2: number, d1: number, d2: number): number {
  const sep = d1 - 1 / d2;
  const p = persp(x1, z1);
  return d2 * pairF(z1, z2, x1 / d2, x2) + (sep === 0 ? 0 : p * sep);
}

/**
 * g of (19): g(z,x;d) = max{(12), (13)}; cl conv(Z²) = {g ≤ s} (Theorem 4),
 * for d₁, d₂ > 0 with d₁d₂ ≥ 1.
 */
export function pairG(z1: number, z2: number, x1: number, x2: number, d1: number, d2: number): number {
  return Math.max(ineq12(z1, z2, x1, x2, d1, d2), ineq13(z1, z2, x1, x2, d1, d2));
}

/**
 * The explicit four-branch form of g printed on p. 13:
 *   z₁ ≥ z₂, d₁x₁ ≥ x₂: (d₁x₁² − 2x₁x₂ + x₂²/d₁)/z₁ + (x₂²/z₂)(d₂ − 1/d₁)
 *   z₁ ≥ z₂, d₁x₁ ≤ x₂: (d₁x₁² − 2x₁x₂ + d₂x₂²)/z₂
 *   z₁ ≤ z₂, x₁ ≥ d₂x₂: (d₁x₁² − 2x₁x₂ + d₂x₂²)/z₁
 *   z₁ ≤ z₂, x₁ ≤ d₂x₂: (x₁²/d₂ − 2x₁x₂ + d₂x₂²)/z₂ + (x₁²/z₁)(d₁ − 1/d₂)
 * Requires z ∈ (0,1]² (the branches divide by z).
 */
export function pairGExplicit(z1: number, z2: number, x1: number, x2: number, d1: number, d2: number): number {
  const q = d1 * x1 * x1 - 2 * x1 * x2 + d2 * x2 * x2;
  if (z1 >= z2) {
    if (d1 * x1 >= x2) return (d1 * x1 * x1 - 2 * x1 * x2 + (x2 * x2) / d1) / z1 + ((x2 * x2) / z2) * (d2 - 1 / d1);
    return q / z2;
  }
  if (x1 >= d2 * x2) return q / z1;
  return ((x1 * x1) / d2 - 2 * x1 * x2 + d2 * x2 * x2) / z2 + ((x1 * x1) / z1) * (d1 - 1 / d2);
}

/** The quadratic q(x; d) = d₁x₁² − 2x₁x₂ + d₂x₂² whose hull g describes. */
export function pairQuadratic(x1: number, x2: number, d1: number, d2: number): number {
  return d1 * x1 * x1 - 2 * x1 * x2 + d2 * x2 * x2;
}

/**
 * h(d) = d·f(z_i, z_j, x_i, x_j/d) − (dΓ_ii − 2Γ_ij + Γ_jj/d): the function
 * maximised in (23c); (23c) reads max_{d>0} h(d) ≤ 0.
 */
export function cutFunction(
  zi: number, zj: number, xi: number, xj: number, gii: number, gij: number, gjj: number, d: number,
): number {
  return d * pairF(zi, zj, xi, xj / d) - (d * gii - 2 * gij + gjj / d);
}

/** Result of the closed-form separation of Proposition 11. */
export interface Separation {
  /** max_{d>0} h(d) = 2·(Γ_ij − x_ix_j/z* − √((Γ_ii − x_i²/z*)(Γ_jj − x_j²/z*))) — twice the (36) expression. */
  violation: number;
  /** The maximiser d* (may be 0 or +∞ in the limiting cases). */
  dStar: number;
  /** The z* used: z_i in case 1 (x_i²/Γ_ii ≥ x_j²/Γ_jj), z_j in case 2. */
  zStar: number;
  /**
   * A finite d ∈ [dMin, dMax] to add as a cut: d* when finite and positive, otherwise the
   * limiting-case rule for Proposition 11's cases 1(a)/2(a) (A = 0: d = B/v₀; B = 0: d = v₀/A), clipped.
   */
  dCut: number;
}

/**
 * Proposition 11 / Remark 12: closed-form maximiser of h over d > 0 at a point
 * with Γ_ii z_i ≥ x_i², Γ_jj z_j ≥ x_j² (23b). With z* = z_i if
 * x_i²/Γ_ii ≥ x_j²/Γ_jj and z_j otherwise, A = Γ_ii − x_i²/z*, B = Γ_jj − x_j²/z*:
 * d* = √(B/A), and the maximum is 2(Γ_ij − x_ix_j/z* − √(AB)) — (36) times two.
 */
export function separatePair(
  zi: number, zj: number, xi: number, xj: number, gii: number, gij: number, gjj: number,
  dMin = 1e-3, dMax = 1e3,
): Separation {
  // x_i²/Γ_ii ≥ x_j²/Γ_jj  ⇔  x_i²Γ_jj ≥ x_j²Γ_ii (Γ ≥ 0; avoids 0/0)
  const case1 = xi * xi * gjj >= xj * xj * gii;
  const zs = case1 ? zi : zj;
  let A: number;
  let B: number;
  let cross: number;
  if (zs > 0) {
    A = gii - (xi * xi) / zs;
    B = gjj - (xj * xj) / zs;
    cross = (xi * xj) / zs;
  } else {
    // z* = 0 forces x_i = x_j = 0 in the case used (by (23b) and the case test): 0/0 = 0
    A = gii;
    B = gjj;
    cross = 0;
  }
  if (A < 0) A = 0;
  if (B < 0) B = 0;
  const v0 = gij - cross;
  const violation = 2 * (v0 - Math.sqrt(A * B));
  let dStar: number;
  if (A === 0) dStar = B === 0 ? 1 : Infinity;
  else dStar = Math.sqrt(B / A);
  let dCut: number;
  if (Number.isFinite(dStar) && dStar > 0) dCut = dStar;
  else if (A === 0) dCut = v0 > 0 ? B / v0 : dMax;
  else dCut = v0 > 0 ? v0 / A : dMin;
  if (!(dCut >= dMin)) dCut = dMin;
  if (dCut > dMax) dCut = dMax;
  return { violation, dStar, zStar: zs, dCut };
}
