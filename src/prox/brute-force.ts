/**
 * Brute-force reference for scalar proximal maps: minimise
 *   F(y) = ½(y − x)² + τ·p(y)
 * over a dense grid of [min(0,x), max(0,x)] (every prox of a symmetric,
 * non-decreasing-in-|y| penalty lies there), with y = 0 and y = x as explicit
 * candidates, then refine the best grid cell by golden-section search.
 * Accuracy: the grid brackets the global minimiser away from thresholds;
 * golden section then locates it to ~√ε_mach·|x| in y (F is flat to second
 * order at a minimiser, so values are resolved to ε_mach, arguments to √ε).
 */
import { finiteNumber, integerInRange, nonNegative } from '../core/validate.ts';

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** Golden-section minimisation of f on [lo, hi]. */
export function goldenSection(f: (y: number) => number, lo: number, hi: number, iterations = 120): number {
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iterations && b - a > 0; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
  }
  return fc <= fd ? c : d;
}

/** Result of a brute-force scalar minimisation. */
export interface BruteForceMin {
  /** Global minimiser found. */
  y: number;
  /** Objective at y. */
  value: number;
}

/**
 * Minimise F over (0, X] (X > 0): grid of `gridPoints` points excluding 0,
 * then golden-section refinement of the best grid cell.
 */
export function minOverPositive(F: (y: number) => number, X: number, gridPoints = 4001): BruteForceMin {
  const h = X / (gridPoints - 1);
  let best = X;
  let bestF = F(X);
  for (let i = 1; i < gridPoints; i++) {
    const y = i === gridPoints - 1 ? X : i * h;
    const v = F(y);
    if (v < bestF) {
      bestF = v;
      best = y;
    }
  }
  const y = goldenSection(F, Math.max(Number.MIN_VALUE, best - h), Math.min(X, best + h));
  const v = F(y);
  return v < bestF ? { y, value: v } : { y: best, value: bestF };
}

/**
 * Brute-force minimiser of ½(y − x)² + τ·p(y) for an even penalty p
 * (p(−y) = p(y), so the minimiser has the sign of x): the better of y = 0
 * and the minimum over (0, |x|], ties going to 0.
 */
export function bruteForceProx(p: (y: number) => number, x: number, tau: number, gridPoints = 4001): BruteForceMin {
  finiteNumber('x', x);
  nonNegative('tau', tau);
  integerInRange('gridPoints', gridPoints, 3);
  const ax = Math.abs(x);
  const F = (y: number): number => 0.5 * (y - ax) * (y - ax) + tau * p(y);
  const f0 = F(0);
  if (ax === 0) return { y: 0, value: f0 };
  const pos = minOverPositive(F, ax, gridPoints);
  if (pos.value < f0) return { y: x < 0 ? -pos.y : pos.y, value: pos.value };
  return { y: 0, value: f0 };
}

/**
 * Relative gap D(x) = (min_{y>0} F(y) − F(0)) / F(0) for x > 0; the prox is
 * nonzero iff D < 0. Values within 4 ε_mach of 0 are rounding (a minimiser
 * y → 0⁺ reproduces F(0) up to rounding) and count as 0.
 */
export function nonzeroGap(p: (y: number) => number, x: number, tau: number, gridPoints = 4001): number {
  const F = (y: number): number => 0.5 * (y - x) * (y - x) + tau * p(y);
  const f0 = F(0);
  const d = (minOverPositive(F, x, gridPoints).value - f0) / f0;
  return Math.abs(d) <= 4 * Number.EPSILON ? 0 : d;
}

/**
 * Numerical threshold of the prox of τ·p: the x > 0 where the global
 * minimiser leaves 0, by bisection on the sign of {@link nonzeroGap} over [0, hi].
 */
export function numericalThreshold(p: (y: number) => number, tau: number, hi: number, iterations = 60): number {
  let lo = 0;
  let up = hi;
  for (let i = 0; i < iterations; i++) {
    const mid = 0.5 * (lo + up);
    if (nonzeroGap(p, mid, tau) < 0) up = mid;
    else lo = mid;
  }
  return 0.5 * (lo + up);
}
