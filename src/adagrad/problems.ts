/**
 * Objectives F: ℝ^d → ℝ with a known coordinate-wise smoothness vector L (assumption A4b:
 * |F(y) − F(x) − ⟨∇F(x), y − x⟩| ≤ Σ_i (L_i/2)|y_i − x_i|²) and a known infimum F* (A1).
 * All are separable, so A4b holds with L_i = sup|∂²F/∂w_i²|.
 */
import { positive } from '../core/validate.ts';
import { type Scalar1D } from './scalar.ts';
import { finiteVec, positiveVector } from './validate.ts';

/** An objective with its smoothness vector and infimum. */
export interface Problem {
  readonly d: number;
  /** Coordinate-wise smoothness constants L_i > 0 (A4b). */
  readonly L: Float64Array;
  /** F* = inf F (A1), exactly. */
  readonly infimum: number;
  value(w: ArrayLike<number>): number;
  /** Write ∇F(w) into `out` (no allocation). */
  gradient(w: ArrayLike<number>, out: Float64Array): void;
}

/** φ(x) = √(1 + x²) − 1 − 0.3·cos x: φ'' = (1 + x²)^{−3/2} + 0.3 cos x ∈ [−0.3, 1.3], inf φ = φ(0) = −0.3. */
export const phiScalar: Scalar1D = {
  value: (x) => Math.sqrt(1 + x * x) - 1 - 0.3 * Math.cos(x),
  deriv: (x) => x / Math.sqrt(1 + x * x) + 0.3 * Math.sin(x),
  curvature: 1.3,
  infimum: -0.3,
};

/**
 * The benign separable family F(w) = Σ_i c_i φ(w_i), L_i = 1.3·c_i, F* = −0.3·Σc_i.
 * A shared step is capped by max L_i while AdaGrad ignores the per-coordinate scale c_i.
 */
export function separablePhi(c: ArrayLike<number>): Problem {
  return separableSum(Array.from(positiveVector('c', c), (ci) => ({ p: phiScalar, a: ci, b: 1 })));
}

/** Diagonal quadratic F(w) = ½ Σ_i h_i (w_i − m_i)², L = h, F* = 0 (gradients grow without bound). */
export function diagonalQuadratic(h: ArrayLike<number>, center?: ArrayLike<number>): Problem {
  const L = positiveVector('h', h);
  const d = L.length;
  const m = center === undefined ? new Float64Array(d) : finiteVec('center', center, d);
  return {
    d,
    L,
    infimum: 0,
    value(w) {
      let s = 0;
      for (let i = 0; i < d; i++) s += 0.5 * L[i] * (w[i] - m[i]) * (w[i] - m[i]);
      return s;
    },
    gradient(w, out) {
      for (let i = 0; i < d; i++) out[i] = L[i] * (w[i] - m[i]);
    },
  };
}

/** One coordinate of a separable sum: w_i ↦ a·p(b·w_i). */
export interface Piece {
  p: Scalar1D;
  a: number;
  b: number;
}

/**
 * F(w) = Σ_i a_i p_i(b_i w_i) — the separable sums of Theorems 4, 5 and 6;
 * L_i = a_i b_i² curv(p_i), F* = Σ a_i inf p_i.
 */
export function separableSum(pieces: Piece[]): Problem {
  const d = pieces.length;
  if (d < 1) positive('d', d);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const L = new Float64Array(d);
  let infimum = 0;
  pieces.forEach((pc, i) => {
    a[i] = positive(`pieces[${i}].a`, pc.a);
    b[i] = positive(`pieces[${i}].b`, pc.b);
    L[i] = a[i] * b[i] * b[i] * pc.p.curvature;
    infimum += a[i] * pc.p.infimum;
  });
  const ps = pieces.map((pc) => pc.p);
  return {
    d,
    L,
    infimum,
    value(w) {
      let s = 0;
      for (let i = 0; i < d; i++) s += a[i] * ps[i].value(b[i] * w[i]);
      return s;
    },
    gradient(w, out) {
      for (let i = 0; i < d; i++) out[i] = a[i] * b[i] * ps[i].deriv(b[i] * w[i]);
    },
  };
}
