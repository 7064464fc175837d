/**
 * Scalar proximal (thresholding) maps
 *
 *   prox_{τp}(x) = argmin_y ½(y − x)² + τ·p(y)
 *
 * for p = |·| (soft), p = 1{· ≠ 0} (hard) and the transformed-ℓ1 penalty
 * ρ_a(y) = (a + 1)|y| / (a + |y|) (Zhang & Xin 2017); docs/claims/dinh-xin.md#thresholding-maps.
 * Unchecked hot-path versions; the validated public entries are in `prox.ts`.
 */

/** Soft thresholding S_τ(x) = sgn(x)·max(|x| − τ, 0): prox of τ|·|. */
export function softScalar(x: number, tau: number): number {
  if (x > tau) return x - tau;
  if (x < -tau) return x + tau;
  return 0;
}

/**
 * Hard thresholding H_γ(x) = x·1{|x| > γ}: prox of τ·1{·≠0} with γ = √(2τ).
 * At |x| = γ both 0 and x minimise; this returns 0 (the sparser one).
 */
export function hardScalar(x: number, gamma: number): number {
  return Math.abs(x) > gamma ? x : 0;
}

/** The TL1 penalty ρ_a(y) = (a + 1)|y| / (a + |y|). */
export function tl1Penalty(y: number, a: number): number {
  const ay = Math.abs(y);
  return ((a + 1) * ay) / (a + ay);
}

/**
 * TL1 threshold t*(τ, a) (Zhang & Xin 2017):
 *   subcritical  τ ≤ a²/(2(a+1)):  t* = τ(a+1)/a        (the map is continuous at t*);
 *   supercritical τ > a²/(2(a+1)): t* = √(2τ(a+1)) − a/2 (the map jumps at t*).
 */
export function tl1Threshold(tau: number, a: number): number {
  return tau <= (a * a) / (2 * (a + 1)) ? (tau * (a + 1)) / a : Math.sqrt(2 * tau * (a + 1)) - a / 2;
}

/**
 * TL1 prox g_τ(x): 0 for |x| ≤ t*, else the Cardano branch
 *   g = sgn(x)·[ (2/3)(a + |x|)cos(φ/3) − 2a/3 + |x|/3 ],
 *   φ = arccos(1 − 27τa(a+1) / (2(a + |x|)³)),
 * the largest root z = a + |y| of z³ − (a + |x|)z² + τa(a+1) = 0.
 * `threshold` may be passed to avoid recomputing t*.
 */
export function tl1Scalar(x: number, tau: number, a: number, threshold = tl1Threshold(tau, a)): number {
  const ax = Math.abs(x);
  if (ax <= threshold) return 0;
  const s = a + ax;
  let c = 1 - (27 * tau * a * (a + 1)) / (2 * s * s * s);
  if (c < -1) c = -1;
  else if (c > 1) c = 1;
  const phi = Math.acos(c);
  const y = (2 / 3) * s * Math.cos(phi / 3) - (2 * a) / 3 + ax / 3;
  return x > 0 ? y : -y;
}
