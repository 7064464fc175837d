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
  // (√τ·√½, not √(τ/2): τ/2 rounds a subnormal τ)
  return tau <= (a / 2) * (a / (a + 1)) ? tau * ((a + 1) / a) : 2 * (Math.sqrt(tau) * Math.SQRT1_2 * Math.sqrt(a + 1) - a / 4);
}

/** Below |x| = 2^-900 the TL1 correction is formed at scale 2^600 (powers of two: exact). */
const TINY = 2 ** -900;
const UPSCALE = 2 ** 600;

/**
 * TL1 prox g_τ(x): 0 for |x| ≤ t*, else the Cardano branch
 *   g = sgn(x)·[ (2/3)(a + |x|)cos(φ/3) − 2a/3 + |x|/3 ],
 *   φ = arccos(1 − 27τa(a+1) / (2(a + |x|)³)),
 * the largest root z = a + |y| of z³ − (a + |x|)z² + τa(a+1) = 0.
 * `threshold` may be passed to avoid recomputing t*.
 *
 * Evaluated as |y| = |x| − (8/3)·h·sin²(φ/6) with h = (a + |x|)/2 (the same root: cos(φ/3) = 1 − 2sin²(φ/6)),
 * φ = 2·arcsin(q), q² = (27/32)·τa(a+1)/h³, and h·sin²(φ/6) = (h q²)·(sin(φ/6)/q)², where
 *   h q² = (27/16)·(τ·(a+1)/h)·(a/h/2)
 *   sin(φ/6)/q = sin(arcsin(q)/3)/q → 1/3     (= 1/3 + 4q²/81 + …; 1/3 below q = 1e-8, where 4q²/81 < ε/2·1/3).
 * Where the root exists (|x| > t*), τ(a+1)/h² ≤ 2 and a/(2h) ≤ 1, so no factor overflows, and none underflows
 * unless the correction is below an ulp of |x|: τ/h is never formed (it underflows when τ ≪ h: τ = 1e-290,
 * a = 7.7e30 left it 3 digits), τ(a+1)/h ≥ h q² comes first, and a/h/2 rather than a/2/h (a/2 rounds a
 * subnormal a). At |x| < 2^-900 (then τ ≤ max(|x|, 2x²) too) the correction is formed at scale 2^600 and
 * rounded once to the subnormal grid. arcsin(q) keeps the digits that arccos near 1 loses.
 */
export function tl1Scalar(x: number, tau: number, a: number, threshold = tl1Threshold(tau, a)): number {
  const ax = Math.abs(x);
  if (ax <= threshold) return 0;
  if (tau === 0) return x;
  const h = a / 2 + ax / 2; // s/2 with s = a + |x|: s overflows for a, |x| near the largest double
  const scale = ax < TINY ? UPSCALE : 1;
  const hq2 = (27 / 16) * ((tau * scale * ((a + 1) / h)) * (a / h / 2)); // h q² · scale
  const q2 = hq2 / scale / h;
  let y: number;
  if (q2 >= 1) {
    // rounding at the supercritical threshold, or a caller's threshold below t*: φ = π, h·sin²(π/6) = h/4
    y = ax - (2 / 3) * h;
  } else {
    const q = Math.sqrt(q2);
    const ratio2 = q < 1e-8 ? 1 / 9 : (Math.sin(Math.asin(q) / 3) / q) ** 2; // (sin(φ/6)/q)²
    y = (ax * scale - (8 / 3) * (hq2 * ratio2)) / scale;
  }
  // the root lies in [0, |x|]: clamp the rounding
  y = Math.min(ax, Math.max(0, y));
  return x > 0 ? y : -y;
}
