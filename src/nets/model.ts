/**
 * No-overlap one-hidden-layer CNN of Dinh & Xin (docs/claims/dinh-xin.md#model):
 *
 *   f(Z, w) = (1/k) Σ_{j=1..k} σ(Z_jᵀw),   Z ∈ ℝ^{k×d}, Z_j i.i.d. N(0, I_d),
 *
 * teacher w* ≠ 0, σ = ReLU (RVSM, paper B) or σ = 1{x > 0} (RVSCGD, paper D).
 * Closed forms are the project's derivations (docs/claims/dinh-xin.md), not quoted from B or D.
 *
 * Normalisations (stated once, used everywhere):
 * - ReLU loss: ℓ(w) = E[c₀(f(Z,w) − f(Z,w*))²] with c₀ = 1 (Brutzkus–Globerson convention);
 * - binary loss and coarse gradients: c₀ = ½ (Yin et al. convention), so f(w) = θ/(2πk).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteVector, integerInRange } from '../core/validate.ts';

/** Straight-through estimators: μ′ = 1{x > 0} (ReLU STE) or μ′ ≡ 1 (identity STE). */
export type Ste = 'relu' | 'identity';

const TWO_PI = 2 * Math.PI;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

// ---------------------------------------------------------------------------
// Unchecked helpers (hot paths). Callers validate first.

/** ⟨a, b⟩. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ‖a‖₂. */
export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** ‖a − b‖₂. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] - b[i];
    s += t * t;
  }
  return Math.sqrt(s);
}

/**
 * θ(w, v) from precomputed norms, θ = 2·atan2(‖ŵ − v̂‖, ‖ŵ + v̂‖): accurate near 0 and π
 * (arccos of the cosine loses half the digits there). Unchecked: nw, nv > 0.
 */
export function angleRaw(w: ArrayLike<number>, v: ArrayLike<number>, nw: number, nv: number): number {
  let sm = 0;
  let sp = 0;
  for (let i = 0; i < w.length; i++) {
    const a = w[i] / nw;
    const b = v[i] / nv;
    sm += (a - b) * (a - b);
    sp += (a + b) * (a + b);
  }
  return 2 * Math.atan2(Math.sqrt(sm), Math.sqrt(sp));
}

/** ReLU-network population loss (c₀ = 1) from ‖w‖, ‖w*‖, θ (docs/claims/dinh-xin.md#relu-population-loss). */
export function lossReluRaw(nw: number, ns: number, theta: number, k: number): number {
  const ak = k / 2 + (k * k - k) / TWO_PI;
  const g = ((nw * ns) / TWO_PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
  return (ak * (nw * nw + ns * ns) - 2 * k * g - ((k * k - k) / Math.PI) * nw * ns) / (k * k);
}

/**
 * Coefficients of ∇ℓ(w) = α(w)·w − B(w)·w* (docs/claims/dinh-xin.md#relu-gradient):
 *   α = (1/k²)[k + (k²−k)/π − ((k²−k)/π + (k/π) sin θ)·‖w*‖/‖w‖],  B = (π − θ)/(πk).
 */
export function reluAlphaRaw(nw: number, ns: number, theta: number, k: number): number {
  return (k + (k * k - k) / Math.PI - ((k * k - k) / Math.PI + (k / Math.PI) * Math.sin(theta)) * (ns / nw)) / (k * k);
}

/** B(w) = (π − θ)/(πk) (docs/claims/dinh-xin.md#relu-gradient). */
export function reluBRaw(theta: number, k: number): number {
  return (Math.PI - theta) / (Math.PI * k);
}

// ---------------------------------------------------------------------------
// Validation.

/** Validate k (integer ≥ 1). */
export function validateK(k: unknown): number {
  return integerInRange('k', k, 1);
}

/** Validate a finite vector of length ≥ 1 (and a given length if set). */
export function validateWeights(name: string, v: unknown, length?: number): ArrayLike<number> {
  const arr = finiteVector(name, v, length);
  if (arr.length < 1) throw new InvalidArgumentError(`${name}.length (d)`, arr.length, 'd >= 1');
  return arr;
}

/** ‖a‖₂ computed as m·‖a/m‖₂, m = max|aᵢ|: no overflow for huge entries, no underflow to 0 for subnormal ones. */
export function scaledNorm(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] / m;
    s += t * t;
  }
  return m * Math.sqrt(s);
}

/** A loss or gradient value that overflowed is refused, not returned (weights too large for doubles). */
function finiteResult<T extends number | Float64Array>(v: T, w: unknown): T {
  const ok = typeof v === 'number' ? Number.isFinite(v) : (v as Float64Array).every(Number.isFinite);
  if (!ok) throw new InvalidArgumentError('w', w, 'weights whose loss and gradient are finite doubles (‖w‖², ‖w*‖² and k²‖w‖‖w*‖ below ~1e308)');
  return v;
}

/** Validate a finite, nonzero vector (an angle or ŵ is needed). Returns its norm. */
export function validateNonzero(name: string, v: unknown, length?: number): number {
  const arr = validateWeights(name, v, length);
  const n = scaledNorm(arr);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(name, v, 'a nonzero finite vector (an angle is needed)');
  return n;
}

function outBuffer(out: Float64Array | undefined, d: number): Float64Array {
  if (out === undefined) return new Float64Array(d);
  if (!(out instanceof Float64Array) || out.length !== d) throw new InvalidArgumentError('out.length', (out as Float64Array)?.length, `${d}`);
  return out;
}

// ---------------------------------------------------------------------------
// Public, validated entries.

/** θ(w, v) = arccos(wᵀv/(‖w‖‖v‖)) ∈ [0, π], computed stably; w, v nonzero, same length. */
export function angle(w: ArrayLike<number>, v: ArrayLike<number>): number {
  const nw = validateNonzero('w', w);
  const nv = validateNonzero('v', v, w.length);
  return angleRaw(w, v, nw, nv);
}

/**
 * ReLU kernel (Cho–Saul): E_x[ReLU(uᵀx)ReLU(vᵀx)] = (‖u‖‖v‖/(2π))(sin θ + (π − θ)cos θ), x ~ N(0, I)
 * (docs/claims/dinh-xin.md#relu-population-loss). Zero when u or v is zero.
 */
export function reluKernel(u: ArrayLike<number>, v: ArrayLike<number>): number {
  validateWeights('u', u);
  validateWeights('v', v, u.length);
  const nu = norm(u);
  const nv = norm(v);
  if (nu === 0 || nv === 0) return 0;
  const t = angleRaw(u, v, nu, nv);
  return ((nu * nv) / TWO_PI) * (Math.sin(t) + (Math.PI - t) * Math.cos(t));
}

/**
 * ReLU population loss, c₀ = 1 (docs/claims/dinh-xin.md#relu-population-loss, Brutzkus–Globerson form):
 *   ℓ(w) = E[(f(Z,w) − f(Z,w*))²] = (1/k²)[a_k(‖w‖² + ‖w*‖²) − 2k·g(w,w*) − ((k²−k)/π)‖w‖‖w*‖],
 *   a_k = k/2 + (k²−k)/(2π).   (w = 0 allowed; w* ≠ 0.)
 */
export function lossRelu(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number {
  validateWeights('w', w);
  const ns = validateNonzero('wStar', wStar, w.length);
  validateK(k);
  const nw = scaledNorm(w);
  const theta = nw === 0 ? Math.PI / 2 : angleRaw(w, wStar, nw, ns);
  return finiteResult(lossReluRaw(nw, ns, theta, k), w);
}

/** ∇ℓ into `out` from precomputed ‖w‖, ‖w*‖, θ. Unchecked. */
export function gradReluRaw(
  w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, nw: number, ns: number, theta: number, out: Float64Array,
): Float64Array {
  const alpha = reluAlphaRaw(nw, ns, theta, k);
  const b = reluBRaw(theta, k);
  for (let i = 0; i < w.length; i++) out[i] = alpha * w[i] - b * wStar[i];
  return out;
}

/**
 * Gradient of the ReLU population loss (c₀ = 1), w ≠ 0 (docs/claims/dinh-xin.md#relu-gradient):
 *   ∇ℓ(w) = (1/k²)[(k + (k²−k)/π)w − (k/π)(π − θ)w* − ((k²−k)/π + (k/π) sin θ)(‖w*‖/‖w‖)w].
 */
export function gradRelu(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, out?: Float64Array): Float64Array {
  const nw = validateNonzero('w', w);
  const ns = validateNonzero('wStar', wStar, w.length);
  validateK(k);
  const res = outBuffer(out, w.length);
  return finiteResult(gradReluRaw(w, wStar, k, nw, ns, angleRaw(w, wStar, nw, ns), res), w);
}

/** α(w) and B(w) with ∇ℓ(w) = α·w − B·w* (docs/claims/dinh-xin.md#relu-gradient); at w = w*, α = B = 1/k. */
export function reluCoefficients(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): { alpha: number; B: number; theta: number } {
  const nw = validateNonzero('w', w);
  const ns = validateNonzero('wStar', wStar, w.length);
  validateK(k);
  const theta = angleRaw(w, wStar, nw, ns);
  return { alpha: reluAlphaRaw(nw, ns, theta, k), B: reluBRaw(theta, k), theta };
}

/** Largest Hessian eigenvalue near w*: the radial curvature L* = 2a_k/k² = (1 + (k−1)/π)/k (docs/claims/dinh-xin.md#relu-landscape). */
export function reluCurvatureAtOptimum(k: number): number {
  validateK(k);
  return (1 + (k - 1) / Math.PI) / k;
}

/** The degenerate saddle w_s = −((k²−k)/(k² + (π−1)k))·w* (docs/claims/dinh-xin.md#relu-landscape, Brutzkus–Globerson). */
export function reluSaddlePoint(wStar: ArrayLike<number>, k: number): Float64Array {
  validateNonzero('wStar', wStar);
  validateK(k);
  const s = -(k * k - k) / (k * k + (Math.PI - 1) * k);
  return Float64Array.from(wStar, (x) => s * x);
}

/** Binary-activation population loss, c₀ = ½: f(w) = θ(w, w*)/(2πk) (docs/claims/dinh-xin.md#binary-loss; Yin et al. Lemma 1). */
export function lossBinary(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number): number {
  const nw = validateNonzero('w', w);
  const ns = validateNonzero('wStar', wStar, w.length);
  validateK(k);
  return angleRaw(w, wStar, nw, ns) / (TWO_PI * k);
}

/**
 * True gradient of θ/(2πk) for θ ∈ (0, π) (docs/claims/dinh-xin.md#coarse-gradients; Yin et al. Lemma 2):
 *   ∇f(w) = −(1/(2πk‖w‖))·(I − ŵŵᵀ)w* / ‖(I − ŵŵᵀ)w*‖.
 * At θ ∈ {0, π} the tangential part vanishes and the zero vector is returned.
 */
export function gradBinaryTrue(w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, out?: Float64Array): Float64Array {
  const nw = validateNonzero('w', w);
  validateNonzero('wStar', wStar, w.length);
  validateK(k);
  const res = outBuffer(out, w.length);
  const proj = dot(w, wStar) / (nw * nw);
  let pn = 0;
  for (let i = 0; i < w.length; i++) {
    res[i] = wStar[i] - proj * w[i];
    pn += res[i] * res[i];
  }
  pn = Math.sqrt(pn);
  const scale = pn > 0 ? -1 / (TWO_PI * k * nw * pn) : 0;
  for (let i = 0; i < w.length; i++) res[i] *= scale;
  return res;
}

/** c = 1/(2√(2π)k), the constant of the expected ReLU-STE coarse gradient (docs/claims/dinh-xin.md#coarse-gradients). */
export function coarseConstant(k: number): number {
  validateK(k);
  return 1 / (2 * SQRT_2PI * k);
}

/**
 * Expected coarse gradient (c₀ = ½; docs/claims/dinh-xin.md#coarse-gradients, Yin et al. eqs. (11), (14) specialised):
 *   ReLU STE:     E_Z[g_relu(w; Z)] = (ŵ − ŵ*)/(2√(2π)k);
 *   identity STE: E_Z[g_id(w; Z)]   = (ŵ − ŵ*)/(√(2π)k).
 */
export function expectedCoarseGrad(
  w: ArrayLike<number>, wStar: ArrayLike<number>, k: number, ste: Ste = 'relu', out?: Float64Array,
): Float64Array {
  const nw = validateNonzero('w', w);
  const ns = validateNonzero('wStar', wStar, w.length);
  validateK(k);
  if (ste !== 'relu' && ste !== 'identity') throw new InvalidArgumentError('ste', ste, 'relu or identity');
  const res = outBuffer(out, w.length);
  const c = (ste === 'relu' ? 1 : 2) / (2 * SQRT_2PI * k);
  for (let i = 0; i < w.length; i++) res[i] = c * (w[i] / nw - wStar[i] / ns);
  return res;
}
