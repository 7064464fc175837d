/**
 * Seeded teachers and initialisations for the Dinh–Xin experiments (defaults:
 * d = 20, k = 5, w* with 10 of 20 entries zero, ‖w*‖ = 1, from seeded Gaussians).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import type { Rng } from '../core/random.ts';
import { integerInRange, positive } from '../core/validate.ts';
import { dot, norm } from './model.ts';

/** Options of {@link sparseTeacher}. */
export interface SparseTeacherOptions {
  /** Dimension d ≥ 1. */
  d: number;
  /** Number of nonzero entries, 1 ≤ nnz ≤ d. */
  nnz: number;
  /**
   * If set, the smallest nonzero magnitude is exactly `minAbs` (a teacher rescaled so that its
   * smallest nonzero entry is, e.g., 0.174); needs nnz·minAbs² < 1 (or nnz = 1 and minAbs ≤ 1).
   */
  minAbs?: number;
  rng: Rng;
}

/**
 * A unit-norm sparse teacher: support drawn uniformly, random signs. Without `minAbs` the nonzero
 * entries are N(0,1) draws normalised to ‖w*‖ = 1. With `minAbs` the magnitudes are
 * minAbs + s·|ξ_i| (one ξ set to 0) with s > 0 solving ‖w*‖ = 1.
 */
export function sparseTeacher(opts: SparseTeacherOptions): Float64Array {
  const d = integerInRange('d', opts.d, 1);
  const nnz = integerInRange('nnz', opts.nnz, 1, d);
  const rng = opts.rng;
  const idx = Array.from({ length: d }, (_, i) => i);
  for (let i = 0; i < nnz; i++) {
    const j = i + rng.int(d - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const w = new Float64Array(d);
  if (opts.minAbs === undefined) {
    for (let i = 0; i < nnz; i++) {
      let x = rng.normal();
      while (x === 0) x = rng.normal();
      w[idx[i]] = x;
    }
    const n = norm(w);
    for (let i = 0; i < d; i++) w[i] /= n;
    return w;
  }
  const m = positive('minAbs', opts.minAbs);
  if (nnz === 1 ? m > 1 : nnz * m * m >= 1) throw new InvalidArgumentError('minAbs', m, `nnz·minAbs² < 1 (nnz = ${nnz})`);
  const e = new Float64Array(nnz);
  for (let i = 1; i < nnz; i++) e[i] = Math.abs(rng.normal()) + 1e-3;
  // Σ (m + s e_i)² = 1  ⇔  A s² + 2B s + C = 0.
  let A = 0;
  let B = 0;
  for (let i = 0; i < nnz; i++) {
    A += e[i] * e[i];
    B += m * e[i];
  }
  const C = nnz * m * m - 1;
  const s = nnz === 1 ? 0 : (-B + Math.sqrt(B * B - A * C)) / A;
  for (let i = 0; i < nnz; i++) w[idx[i]] = (rng.uniform() < 0.5 ? -1 : 1) * (nnz === 1 ? 1 : m + s * e[i]);
  return w;
}

/**
 * A random initialisation: N(0, I_d) scaled to norm `scale` (default 1), flipped into the half-space
 * {wᵀw* > 0} when `wStar` is given (the half-space hypothesis of the reconstructed theorem, docs/claims/dinh-xin.md#reconstructions).
 */
export function randomInit(d: number, rng: Rng, wStar?: ArrayLike<number>, scale = 1): Float64Array {
  integerInRange('d', d, 1);
  positive('scale', scale);
  const w = rng.fillNormal(new Float64Array(d));
  let n = norm(w);
  while (n === 0) n = norm(rng.fillNormal(w));
  const sign = wStar && dot(w, wStar) < 0 ? -1 : 1;
  for (let i = 0; i < d; i++) w[i] = (sign * scale * w[i]) / n;
  return w;
}

/** Indices of the nonzero entries of v. */
export function support(v: ArrayLike<number>): number[] {
  const s: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) s.push(i);
  return s;
}

/** Whether supp(a) = supp(b). */
export function sameSupport(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] !== 0) !== (b[i] !== 0)) return false;
  return true;
}
