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
  return ay * ((a / 2 + 0.5) / (a / 2 + ay / 2)); // = (a+1)|y|/(a+|y|) with no overflow or underflow in between
}

/**
 * TL1 threshold t*(τ, a) (Zhang & Xin 2017):
 *   subcritical  τ ≤ a²/(2(a+1)):  t* = τ(a+1)/a        (the map is continuous at t*);
 *   supercritical τ > a²/(2(a+1)): t* = √(2τ(a+1)) − a/2 (the map jumps at t*).
 */
export function tl1Threshold(tau: number, a: number): number {
  if (tau === 0) return 0;
  // factored so that no intermediate overflows for τ, a up to the largest double
  return tau <= (a / 2) * (a / (a + 1)) ? tau * ((a + 1) / a) : 2 * (Math.sqrt(tau / 2) * Math.sqrt(a + 1) - a / 4);
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
  if (tau === 0) return x;
  // 27τa(a+1)/(2s³) with s = a + |x|, through h = s/2 so that neither s nor s³ overflows or underflows
  const h = a / 2 + ax / 2;
  // φ = arccos(1 − r) = 2 arcsin(√(r/2)): accurate for small r, where arccos near 1 loses the digits
  // (a = 9e15, τ = 1 gave y = −0.037 for x = −1, worse than 0); r ≥ 2 clamps to φ = π.
  const r = (27 / 16) * (tau / h) * (a / h) * ((a + 1) / h);
  const phi = r < 2 ? 2 * Math.asin(Math.sqrt(r / 2)) : Math.PI;
  // (2/3)s·cos(φ/3) − 2a/3 + |x|/3 without forming s, and without cancellation: cos − 1 = −2 sin²(φ/6)
  const sn = Math.sin(phi / 6);
  // (2·(a·sn·sn), not 2a·sn·sn: 2a overflows for a > 9e307); the root lies in [0, |x|] — clamp the rounding
  const y = Math.min(ax, Math.max(0, (2 / 3) * (ax * Math.cos(phi / 3) - 2 * (a * sn * sn)) + ax / 3));
  return x > 0 ? y : -y;
}
