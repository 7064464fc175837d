/**
 * The paper's quantities as arithmetic: the §5 density functions and alignment, Theorem 2's
 * explicit (non-O) inequality, Lemma 12, Lemma 19 per coordinate, Theorem 6's final inequality,
 * Corollary 17 and the §5 iteration complexities.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange, nonNegative, positive } from '../core/validate.ts';
import { nonNegativeVec, positiveVector } from './validate.ts';

export const norm1 = (v: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]);
  return s;
};
export const norm2 = (v: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};
export const normInf = (v: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s = Math.max(s, Math.abs(v[i]));
  return s;
};

function nonZero(name: string, v: ArrayLike<number>): void {
  if (normInf(v) === 0) throw new InvalidArgumentError(name, v, 'a vector with a non-zero entry');
}

/** ϕ(v) = ‖v‖₁²/(d‖v‖₂²) ∈ [1/d, 1] (eq. 11; larger = denser). */
export function phi(v: ArrayLike<number>): number {
  const x = nonNegativeVec('v', v);
  nonZero('v', x);
  let sq = 0;
  for (let i = 0; i < x.length; i++) sq += x[i] * x[i];
  const n1 = norm1(x);
  return (n1 * n1) / (x.length * sq);
}

/** ϕ̃(v) = ‖v‖₁/(d‖v‖∞) ∈ [1/d, 1] (eq. 11). */
export function phiTilde(v: ArrayLike<number>): number {
  const x = nonNegativeVec('v', v);
  nonZero('v', x);
  return norm1(x) / (x.length * normInf(x));
}

/** R = Σσ_i√L_i/(‖σ‖₂√‖L‖₁) ∈ [0, 1] (eq. 13): the cosine between σ and (√L_i). */
export function alignment(sigma: ArrayLike<number>, L: ArrayLike<number>): number {
  const s = nonNegativeVec('sigma', sigma);
  const l = positiveVector('L', L, s.length);
  nonZero('sigma', s);
  let num = 0;
  for (let i = 0; i < s.length; i++) num += s[i] * Math.sqrt(l[i]);
  return num / (norm2(s) * Math.sqrt(norm1(l)));
}

/** (Σ_i σ_i^{2/3} L_i^{1/3})³ — Theorem 4's noise constant; ≤ ‖σ‖₁²‖L‖₁ by Hölder. */
export function holderConstant(sigma: ArrayLike<number>, L: ArrayLike<number>): number {
  const s = nonNegativeVec('sigma', sigma);
  const l = positiveVector('L', L, s.length);
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += Math.cbrt(s[i] * s[i] * l[i]);
  return sum ** 3;
}

/** Inputs of Theorem 2's explicit inequality. */
export interface Theorem2Input {
  L: ArrayLike<number>;
  sigma: ArrayLike<number>;
  eta: number;
  delta: number;
  T: number;
  /** Δ_F = F(w₁) − F*. */
  DeltaF: number;
  /** ‖∇F(w₁)‖∞. */
  grad1Inf: number;
}

/** The terms of Theorem 2's explicit inequality. */
export interface Theorem2Bound {
  /** log h(T), h(T) = 1 + T‖σ‖∞²/δ² + T(‖∇F(w₁)‖∞ + η√(‖L‖∞‖L‖₁)·T)²/δ² (Lemma 8, eq. 20). */
  logH: number;
  /** Q = Δ_F + (2η‖σ‖₁ + η²‖L‖₁/2)·log h(T) (Corollary 9, eq. 21). */
  Q: number;
  /** 2√3·Q/(η√T) + √(2dδQ/(ηT)) + 2√(‖σ‖₁Q/η)/T^{1/4} (Lemma 11 and the final Cauchy–Schwarz step). */
  rhs: number;
  terms: [number, number, number];
}

/** Theorem 2's explicit bound on E[(1/T)Σ_{t≤T}‖∇F(w_t)‖₁] for AdaGrad with δ > 0. */
export function theorem2Bound(x: Theorem2Input): Theorem2Bound {
  const L = positiveVector('L', x.L);
  const sigma = nonNegativeVec('sigma', x.sigma, L.length);
  const eta = positive('eta', x.eta);
  const delta = positive('delta', x.delta);
  const T = integerInRange('T', x.T, 1);
  const DeltaF = nonNegative('DeltaF', x.DeltaF);
  const g1 = nonNegative('grad1Inf', x.grad1Inf);
  const d = L.length;
  const L1 = norm1(L);
  const s1 = norm1(sigma);
  const sInf = normInf(sigma);
  const growth = g1 + eta * Math.sqrt(normInf(L) * L1) * T;
  // log(1 + u) with u = T‖σ‖∞²/δ² + T·growth²/δ², written to stay finite for tiny δ.
  const u = (T * sInf * sInf) / (delta * delta) + T * (growth / delta) * (growth / delta);
  const logH = Math.log1p(u);
  const Q = DeltaF + (2 * eta * s1 + (eta * eta * L1) / 2) * logH;
  const t1 = (2 * Math.sqrt(3) * Q) / (eta * Math.sqrt(T));
  const t2 = Math.sqrt((2 * d * delta * Q) / (eta * T));
  const t3 = (2 * Math.sqrt((s1 * Q) / eta)) / T ** 0.25;
  return { logH, Q, rhs: t1 + t2 + t3, terms: [t1, t2, t3] };
}

/** Lemma 12 (eq. 26): Σ_{t≤T} a_t/(A_t + δ²) and its bound log(1 + A_T/δ²), A_t = Σ_{s≤t} a_s. */
export function lemma12(a: ArrayLike<number>, delta: number): { sum: number; bound: number } {
  const x = nonNegativeVec('a', a);
  positive('delta', delta);
  const d2 = delta * delta;
  let A = 0;
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    A += x[t];
    sum += x[t] / (A + d2);
  }
  return { sum, bound: Math.log1p(A / d2) };
}

/** Which construction of Lemma 19 gives a coordinate's lower bound. */
export type Lemma19Case = 'large-step' | 'construction-I' | 'construction-II';

/**
 * Lemma 19 (eq. 39) for one coordinate: SGD with constant step η on some p (L-Lipschitz p', gap ≤ Δ)
 * with an oracle of variance ≤ σ² has E[min_{t≤T}|p'(x_t)|] ≥ √(2LΔ) if η ≥ 2/L, otherwise
 * ≥ max{½√(Δ/(2ηT + 1/(2L))), min{σ√(Lη/2), √(2LΔ)}}.
 */
export function lemma19Bound(L: number, Delta: number, sigma: number, eta: number, T: number): { value: number; which: Lemma19Case } {
  positive('L', L);
  positive('Delta', Delta);
  nonNegative('sigma', sigma);
  positive('eta', eta);
  integerInRange('T', T, 1);
  return lemma19Unchecked(L, Delta, sigma, eta, T);
}

function lemma19Unchecked(L: number, Delta: number, sigma: number, eta: number, T: number): { value: number; which: Lemma19Case } {
  if (eta >= 2 / L) return { value: Math.sqrt(2 * L * Delta), which: 'large-step' };
  const epsII = 0.5 * Math.sqrt(Delta / (2 * eta * T + 1 / (2 * L)));
  const epsI = Math.min(sigma * Math.sqrt((L * eta) / 2), Math.sqrt(2 * L * Delta));
  return epsI >= epsII && epsI > 0 ? { value: epsI, which: 'construction-I' } : { value: epsII, which: 'construction-II' };
}

/** Σ_i of Lemma 19's bound over coordinates with Δ/d each and one shared η (the proof of Theorem 6). */
export function theorem6PerEta(L: ArrayLike<number>, sigma: ArrayLike<number>, Delta: number, T: number, eta: number): number {
  const l = positiveVector('L', L);
  const s = nonNegativeVec('sigma', sigma, l.length);
  positive('Delta', Delta);
  positive('eta', eta);
  integerInRange('T', T, 1);
  const d = l.length;
  let sum = 0;
  for (let i = 0; i < d; i++) sum += lemma19Unchecked(l[i], Delta / d, s[i], eta, T).value;
  return sum;
}

/**
 * Theorem 6's final inequality (end of App. C.4): for every η,
 * E[min_t‖∇f(x_t)‖₁] ≥ min{(1/16)√(d‖L‖∞Δ/(2T)) + d^{1/4}Δ^{1/4}(Σσ_i√L_i)^{1/2}/(8·2^{1/4}T^{1/4}), (1/4)√(L_minΔ/d)}.
 */
export function theorem6Bound(L: ArrayLike<number>, sigma: ArrayLike<number>, Delta: number, T: number): { value: number; first: number; second: number } {
  const l = positiveVector('L', L);
  const s = nonNegativeVec('sigma', sigma, l.length);
  positive('Delta', Delta);
  integerInRange('T', T, 1);
  const d = l.length;
  let align = 0;
  let Lmin = Infinity;
  for (let i = 0; i < d; i++) {
    align += s[i] * Math.sqrt(l[i]);
    Lmin = Math.min(Lmin, l[i]);
  }
  const first = Math.sqrt((d * normInf(l) * Delta) / (2 * T)) / 16 + (d * Delta) ** 0.25 * Math.sqrt(align) / (8 * 2 ** 0.25 * T ** 0.25);
  const second = 0.25 * Math.sqrt((Lmin * Delta) / d);
  return { value: Math.min(first, second), first, second };
}

/** Corollary 17 (eq. 38): max{(1/32)√(LΔ log(2T+1)/T), (1/16)((σ²LΔ/T)·log(1 + TLΔ/(8σ²)))^{1/4}}. */
export function corollary17(L: number, Delta: number, sigma: number, T: number): number {
  positive('L', L);
  positive('Delta', Delta);
  nonNegative('sigma', sigma);
  integerInRange('T', T, 1);
  const a = Math.sqrt((L * Delta * Math.log(2 * T + 1)) / T) / 32;
  const b = sigma === 0 ? 0 : (((sigma * sigma * L * Delta) / T) * Math.log1p((T * L * Delta) / (8 * sigma * sigma))) ** 0.25 / 16;
  return Math.max(a, b);
}

/** §5: AdaGrad's (14) and SGD's (15) iteration complexities to ‖∇F‖₁ ≤ ε (first two terms, no logs), and their ratio per term. */
export function complexityTerms(L: ArrayLike<number>, sigma: ArrayLike<number>, DeltaF: number, eps: number) {
  const l = positiveVector('L', L);
  const s = nonNegativeVec('sigma', sigma, l.length);
  positive('DeltaF', DeltaF);
  positive('eps', eps);
  const L1 = norm1(l);
  const s1 = norm1(s);
  const adaNoiseless = (L1 * DeltaF) / eps ** 2;
  const adaNoise = (s1 * s1 * L1 * DeltaF) / eps ** 4;
  const sgdNoiseless = adaNoiseless / phiTilde(l);
  const sgdNoise = s1 === 0 ? 0 : (alignment(s, l) ** 2 * adaNoise) / phi(s);
  return { adaNoiseless, adaNoise, sgdNoiseless, sgdNoise, noiselessGain: sgdNoiseless / adaNoiseless, noiseGain: s1 === 0 ? NaN : sgdNoise / adaNoise };
}
