/**
 * One-dimensional building blocks p: ℝ → ℝ of the paper's hard functions,
 * each with its derivative, the Lipschitz constant of p' and its exact infimum.
 *
 * - `bumpChain`: Lemma 14's construction, eqs. (32)–(34) (App. C.1), generalised to
 *   curvature c (p'' ∈ {±c}) and slope s at the points, i.e. the pieces c·ϕ_{a,b,s/c} + p_t
 *   used by Lemma 15 (c = 1) and by construction II of Lemma 19 (c = L, s = 2ε).
 * - `huber`: (c/2)x² for |x| ≤ s/c, s|x| − s²/(2c) outside — Lemma 19's eq. (40), and with
 *   s = √(2LΔ) the η ≥ 2/L function of Lemma 19.
 * - `mirror`: x ↦ p(−x) (slope +s at the mirrored points, as Theorem 5 needs).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteNumber, positive } from '../core/validate.ts';

/** A one-dimensional function with an exact description. */
export interface Scalar1D {
  value(x: number): number;
  deriv(x: number): number;
  /** Lipschitz constant of p' (p'' ∈ [−curvature, curvature] wherever it exists). */
  readonly curvature: number;
  /** inf_x p(x), exactly. */
  readonly infimum: number;
}

/** Lemma 14's chain: p'(x_t) = −slope at every point, p(x₁) = 0. */
export interface BumpChain extends Scalar1D {
  /** The start x₁ (first point given). */
  readonly x1: number;
  /** The distinct points ≥ x₁, sorted: the knots between which the bumps sit. */
  readonly knots: Float64Array;
  /** p at each knot: p_t of eq. (34) (p_1 = 0). */
  readonly knotValues: Float64Array;
  readonly slope: number;
}

/**
 * Lemma 14's hard function through `points` (the first one is x₁):
 * p(x) = −s(x − x₁) left of x₁; between consecutive knots a < b,
 * c·ϕ_{a,b,s/c}(x) + p_a with (eq. 32)
 *   ϕ_{a,b,e}(x) = ½(x−a)² − e(x−a) on [a, (a+b)/2],
 *                  −½(x−b)² − e(x−b) + (b−a)²/4 − (b−a)e on ((a+b)/2, b];
 * beyond the last knot k: (c/2)(x−k)² − s(x−k) + p_k (eq. 33); p_{t+1} = p_t + c(b−a)²/4 − s(b−a) (eq. 34).
 * Points left of x₁ lie on the linear part (slope −s there too).
 */
export function bumpChain(points: ArrayLike<number>, slope: number, curvature = 1): BumpChain {
  positive('slope', slope);
  positive('curvature', curvature);
  if (points.length < 1) throw new InvalidArgumentError('points.length', points.length, 'at least 1');
  for (let i = 0; i < points.length; i++) finiteNumber(`points[${i}]`, points[i]);
  const x1 = points[0];
  const sorted = Array.from(points).filter((x) => x >= x1).sort((a, b) => a - b);
  const uniq: number[] = [];
  for (const x of sorted) if (uniq.length === 0 || x > uniq[uniq.length - 1]) uniq.push(x);
  const knots = Float64Array.from(uniq);
  const s = slope;
  const c = curvature;
  const knotValues = new Float64Array(knots.length);
  for (let j = 0; j + 1 < knots.length; j++) {
    const gap = knots[j + 1] - knots[j];
    knotValues[j + 1] = knotValues[j] + (c * gap * gap) / 4 - s * gap;
  }
  const infimum = chainInfimum(knots, knotValues, s, c);
  const last = knots.length - 1;
  /** Index j of the knot interval [k_j, k_{j+1}) holding x ≥ x₁ (last for the tail). */
  const interval = (x: number): number => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (knots[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const value = (x: number): number => {
    if (x <= x1) return -s * (x - x1);
    const j = interval(x);
    const a = knots[j];
    if (j === last) return (c / 2) * (x - a) * (x - a) - s * (x - a) + knotValues[j];
    const b = knots[j + 1];
    if (x <= (a + b) / 2) return (c / 2) * (x - a) * (x - a) - s * (x - a) + knotValues[j];
    return -(c / 2) * (x - b) * (x - b) - s * (x - b) + knotValues[j + 1];
  };
  const deriv = (x: number): number => {
    if (x <= x1) return -s;
    const j = interval(x);
    const a = knots[j];
    if (j === last) return c * (x - a) - s;
    const b = knots[j + 1];
    if (x <= (a + b) / 2) return c * (x - a) - s;
    return -c * (x - b) - s;
  };
  return { value, deriv, curvature: c, infimum, x1, knots, knotValues, slope: s };
}

/**
 * Exact infimum of the chain: the linear part's least value is p(x₁) = 0; a bump on [a, b] has its
 * least value at a + s/c (p_a − s²/(2c)) when s/c ≤ (b−a)/2, else at b (it decreases throughout);
 * the tail's least value is p_k − s²/(2c). This is the bound (35) made exact.
 */
function chainInfimum(knots: Float64Array, values: Float64Array, s: number, c: number): number {
  let inf = 0;
  const e = s / c;
  for (let j = 0; j + 1 < knots.length; j++) {
    const gap = knots[j + 1] - knots[j];
    if (e <= gap / 2) inf = Math.min(inf, values[j] - (s * e) / 2);
    inf = Math.min(inf, values[j + 1]);
  }
  return Math.min(inf, values[knots.length - 1] - (s * e) / 2);
}

/** Huber-type function (c/2)x² for |x| ≤ s/c, s|x| − s²/(2c) outside: eq. (40) with c = L, s = ε. */
export function huber(curvature: number, slope: number): Scalar1D {
  const c = positive('curvature', curvature);
  const s = positive('slope', slope);
  const r = s / c;
  return {
    value: (x) => (Math.abs(x) <= r ? (c / 2) * x * x : s * Math.abs(x) - (s * s) / (2 * c)),
    deriv: (x) => (Math.abs(x) <= r ? c * x : x > 0 ? s : -s),
    curvature: c,
    infimum: 0,
  };
}

/** x ↦ p(−x): the slope −s at x_t becomes +s at −x_t. */
export function mirror(p: Scalar1D): Scalar1D {
  return { value: (x) => p.value(-x), deriv: (x) => -p.deriv(-x), curvature: p.curvature, infimum: p.infimum };
}

/** x ↦ a·p(b·x) (a, b > 0): derivative a·b·p'(bx), curvature a·b²·c, infimum a·inf p. */
export function rescale(p: Scalar1D, a: number, b: number): Scalar1D {
  positive('a', a);
  positive('b', b);
  return {
    value: (x) => a * p.value(b * x),
    deriv: (x) => a * b * p.deriv(b * x),
    curvature: a * b * b * p.curvature,
    infimum: a * p.infimum,
  };
}
