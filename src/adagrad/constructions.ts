/**
 * The paper's hard instances as objects: Lemma 15/16 (AdaGrad, two-point oracle), Lemma 19 and
 * Theorem 6 (SGD with a constant step), and the resisting oracles of Theorems 1 and 5.
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange, positive } from '../core/validate.ts';
import { lemma19Bound, norm1, type Lemma19Case } from './bounds.ts';
import { exactOracle, twoPointOracle, type Oracle, type TwoPointOracle } from './oracles.ts';
import { separableSum, type Piece, type Problem } from './problems.ts';
import { bumpChain, huber, mirror, rescale, type BumpChain, type Scalar1D } from './scalar.ts';
import { nonNegativeVec, positiveVector } from './validate.ts';

/** AdaGrad's (δ = 0) query points under the two-point oracle: q_t = η Σ_{s=1}^{t−1} 1/√s, t = 1…N (eq. 9). */
export function adagradQueryPoints(eta: number, N: number): Float64Array {
  positive('eta', eta);
  integerInRange('N', N, 1);
  const q = new Float64Array(N);
  for (let t = 1; t < N; t++) q[t] = q[t - 1] + eta / Math.sqrt(t);
  return q;
}

/**
 * The same points as AdaGrad (δ = 0) computes them when every non-zero answer is g: b² ← b² + g²,
 * q ← q − ηg/(√b² + 0) — bit-identical to the update in run.ts, so AdaGrad lands exactly on the knots.
 * (Left of a knot the chain's slope is +1: a missed knot is pushed further away by the next normalised
 * step, so knots at the rounded values ηΣ1/√s would let rounding errors grow along the path.)
 */
export function adagradFloatPoints(eta: number, g: number, N: number): Float64Array {
  positive('eta', eta);
  integerInRange('N', N, 1);
  const q = new Float64Array(N);
  let acc = 0;
  for (let t = 1; t < N; t++) {
    acc += g * g;
    q[t] = q[t - 1] - (eta * g) / (Math.sqrt(acc) + 0);
  }
  return q;
}

/** Lemma 15's condition (36) on the slope: ε ≤ min{η log N/(8√N) + 1/(4η√N), 1}. */
export function lemma15SlopeCap(eta: number, N: number): number {
  positive('eta', eta);
  integerInRange('N', N, 1);
  return Math.min((eta * Math.log(N)) / (8 * Math.sqrt(N)) + 1 / (4 * eta * Math.sqrt(N)), 1);
}

/** Lemma 16's instance with L = Δ = 1: N = ⌊(1/(128ε²))log(1/(128ε²))⌋, T = ⌊(1/(256ε²))(1 + σ²/(4ε²))log(1/(128ε²))⌋. */
export interface Lemma16Instance {
  eps: number;
  sigma: number;
  eta: number;
  N: number;
  T: number;
  /** Lemma 15's function with slope 2ε at AdaGrad's query points. */
  p: BumpChain;
  /** The two-point oracle with target slope 2ε (eq. 37 with ε → 2ε). */
  oracle: TwoPointOracle;
  problem: Problem;
  /** Probability that an oracle answer is non-zero: 4ε²/(σ² + 4ε²). */
  moveProbability: number;
}

export function lemma16Instance(eps: number, sigma: number, eta: number): Lemma16Instance {
  positive('eps', eps);
  positive('sigma', sigma);
  positive('eta', eta);
  if (!(eps < 1 / (16 * Math.SQRT2))) throw new InvalidArgumentError('eps', eps, `< 1/(16√2) = ${1 / (16 * Math.SQRT2)} (Lemma 16 with L = Δ = 1)`);
  const k = 1 / (128 * eps * eps);
  const N = Math.max(1, Math.floor(k * Math.log(k)));
  const T = Math.max(1, Math.floor((1 / (256 * eps * eps)) * (1 + (sigma * sigma) / (4 * eps * eps)) * Math.log(k)));
  const oracle = twoPointOracle([sigma], [2 * eps]);
  const p = bumpChain(adagradFloatPoints(eta, oracle.law(0, -2 * eps).value, N), 2 * eps, 1);
  return { eps, sigma, eta, N, T, p, oracle, problem: separableSum([{ p, a: 1, b: 1 }]), moveProbability: (4 * eps * eps) / (sigma * sigma + 4 * eps * eps) };
}

/** Theorem 4's instance: f(x) = Σ_i Δ_i p_i(√(L_i/Δ_i)·x_i), each p_i Lemma 16's function for AdaGrad's step η. */
export interface Theorem4Instance {
  problem: Problem;
  oracle: TwoPointOracle;
  /** Per coordinate: Lemma 16's normalised instance data (ε_i, N_i, T_i) and the scale factors. */
  coords: { eps: number; N: number; T: number; Delta: number; L: number; slope: number }[];
  /** min_i T_i: the horizon for which every coordinate's Lemma 16 applies. */
  T: number;
}

/**
 * Theorem 4's separable construction (App. C.2): Δ_i = L_iΔ/‖L‖₁ (the first choice of the proof), and on
 * coordinate i the rescaling p̃(x) = Δ_i p(√(L_i/Δ_i)x) of Lemma 16's function built for AdaGrad (δ = 0) with
 * step η — its knots are AdaGrad's x-space query points times √(L_i/Δ_i). The oracle has noise √(L_iΔ_i)σ_i
 * and target slope 2ε_i√(L_iΔ_i); |∂_if| = 2ε_i√(L_iΔ_i) at every knot, A4b holds with L and f(x₁) − inf f ≤ Δ.
 */
export function theorem4Instance(L: ArrayLike<number>, sigma: ArrayLike<number>, eps: ArrayLike<number>, Delta: number, eta: number): Theorem4Instance {
  const l = positiveVector('L', L);
  const s = positiveVector('sigma', sigma, l.length);
  const e = positiveVector('eps', eps, l.length);
  positive('Delta', Delta);
  positive('eta', eta);
  const L1 = norm1(l);
  const coords = Array.from(l, (Li, i) => {
    const norm = lemma16Instance(e[i], s[i], eta); // validates ε_i < 1/(16√2); gives N_i, T_i
    const Di = (Li * Delta) / L1;
    return { eps: e[i], N: norm.N, T: norm.T, Delta: Di, L: Li, slope: 2 * e[i] * Math.sqrt(Li * Di) };
  });
  const oracle = twoPointOracle(coords.map((c, i) => s[i] * Math.sqrt(c.L * c.Delta)), coords.map((c) => c.slope));
  const pieces: Piece[] = coords.map((c, i) => {
    const b = Math.sqrt(c.L / c.Delta);
    const a = c.Delta;
    const gradX = a * b * -(2 * c.eps); // the gradient separableSum returns at a knot
    const qx = adagradFloatPoints(eta, oracle.law(i, gradX).value, c.N);
    const p = bumpChain(Array.from(qx, (q) => b * q), 2 * c.eps, 1);
    return { p, a, b };
  });
  return { problem: separableSum(pieces), oracle, coords, T: Math.min(...coords.map((c) => c.T)) };
}

/** One coordinate of Lemma 19's instance. */
export interface Lemma19Piece {
  which: Lemma19Case;
  /** The slope magnitude ε it pins |p'(x_t)| to (√(2LΔ) for the large-step case; 2ε for construction II). */
  slope: number;
  /** Lemma 19's lower bound for this coordinate. */
  bound: number;
  p: Scalar1D;
  x1: number;
  /** Oracle parameters: noise σ used and target slope (σ = 0 means exact gradients). */
  sigma: number;
  eps: number;
  /** Number of points of construction II (0 otherwise). */
  N: number;
}

/**
 * Lemma 19 for one coordinate (App. C.4): the function, start and oracle that force SGD with step η.
 * - η ≥ 2/L: p = (L/2)x² on |x| ≤ √(2Δ/L), √(2LΔ)|x| − Δ outside, x₁ = −√(2Δ/L), exact gradients.
 * - construction I (eq. 40–41): ε = min{σ√(Lη/2), √(2LΔ)}, p = huber(L, ε), x₁ = ε/L, two-point oracle.
 * - construction II: ε = ½√(Δ/(2ηT + 1/(2L))), x₁ = 0, points q_t = (t−1)η(2ε + σ²/(2ε)),
 *   t ≤ N = ⌊2T·4ε²/(σ² + 4ε²)⌋, p = L·ϕ chain with slope 2ε, two-point oracle with target 2ε (eq. 42).
 */
export function lemma19Piece(L: number, Delta: number, sigma: number, eta: number, T: number): Lemma19Piece {
  const lb = lemma19Bound(L, Delta, sigma, eta, T);
  if (lb.which === 'large-step') {
    const s = Math.sqrt(2 * L * Delta);
    return { which: lb.which, slope: s, bound: lb.value, p: huber(L, s), x1: -Math.sqrt((2 * Delta) / L), sigma: 0, eps: s, N: 0 };
  }
  if (lb.which === 'construction-I') {
    const e = lb.value;
    return { which: lb.which, slope: e, bound: e, p: huber(L, e), x1: e / L, sigma, eps: e, N: 0 };
  }
  const e = lb.value;
  const N = Math.max(1, Math.floor((2 * T * 4 * e * e) / (sigma * sigma + 4 * e * e)));
  const q = sgdQueryPoints(eta, sigma, 2 * e, N);
  return { which: lb.which, slope: 2 * e, bound: e, p: bumpChain(q, 2 * e, L), x1: 0, sigma, eps: 2 * e, N };
}

/**
 * SGD's query points under the two-point oracle with target slope s started at 0: q_{t+1} = q_t − η·(gain·(−s)),
 * gain = 1 + σ²/s², i.e. q_t = (t−1)η(s + σ²/s) — computed with the same floating-point operations as the
 * oracle and the SGD update, so SGD lands exactly on them. (Just left of a knot p′ has slope +c, so a point
 * that misses a knot by e is pushed a further factor 1 + ηc·gain away at the next move: knots at the
 * rounded values t·η(s + σ²/s) would let rounding errors grow geometrically along the path.)
 */
export function sgdQueryPoints(eta: number, sigma: number, slope: number, N: number): Float64Array {
  const gain = 1 + (sigma * sigma) / (slope * slope);
  const g = gain * -slope;
  const q = new Float64Array(N);
  for (let t = 1; t < N; t++) q[t] = q[t - 1] - eta * g;
  return q;
}

/** Theorem 6's instance: f(x) = Σ_i p_{Δ/d, L_i, σ_i, η, T}(x_i) with a shared step η. */
export interface Theorem6Instance {
  problem: Problem;
  oracle: Oracle;
  w1: Float64Array;
  pieces: Lemma19Piece[];
  /** Σ_i of Lemma 19's per-coordinate bounds: E[min_t‖∇f(x_t)‖₁] ≥ this for SGD with this η. */
  bound: number;
}

export function theorem6Instance(L: ArrayLike<number>, sigma: ArrayLike<number>, Delta: number, eta: number, T: number): Theorem6Instance {
  const l = positiveVector('L', L);
  const s = nonNegativeVec('sigma', sigma, l.length);
  positive('Delta', Delta);
  const d = l.length;
  const pieces = Array.from(l, (Li, i) => lemma19Piece(Li, Delta / d, s[i], eta, T));
  const problem = separableSum(pieces.map((pc): Piece => ({ p: pc.p, a: 1, b: 1 })));
  const oracle = twoPointOracle(pieces.map((pc) => pc.sigma), pieces.map((pc) => pc.eps));
  return { problem, oracle, w1: Float64Array.from(pieces, (pc) => pc.x1), pieces, bound: pieces.reduce((a, pc) => a + pc.bound, 0) };
}

/**
 * A resisting oracle (proofs of Theorems 1 and 5): it answers a fixed gradient at every query and
 * records the query points; `build()` then returns an f satisfying A4b with f(x₁) − inf f ≤ Δ_f whose
 * gradient at every recorded query is that answer (Lemma 14, mirrored so that the slope is +ε̃).
 *  - Theorem 1: answer ε·e_k (k = argmax L_i), f(x) = Δ_f p(√(L_k/Δ_f)x_k), ε̃ = ε/√(L_kΔ_f);
 *    valid for N ≤ ‖L‖∞Δ_f/ε² + ½ queries.
 *  - Theorem 5: answer (L_iε/‖L‖₁)_i, f(x) = Σ_i (L_iΔ_f/‖L‖₁) p_i(√(‖L‖₁/Δ_f)x_i), ε̃ = ε/√(‖L‖₁Δ_f);
 *    valid for N ≤ ‖L‖₁Δ_f/ε² + ½ queries.
 */
export interface ResistingOracle {
  /** The "problem" an algorithm runs on: its gradient is the fixed answer (value and infimum unknown: NaN). */
  problem: Problem;
  /** The fixed answer ∇f(x_t). */
  answer: Float64Array;
  /** Largest number of queries the construction covers: ⌊Λ·Δ_f/ε² + ½⌋ (Λ = ‖L‖∞ or ‖L‖₁). */
  capacity: number;
  /** Number of queries recorded. */
  count(): number;
  /** The recorded query points (copies). */
  queries(): Float64Array[];
  /** The hard function through the recorded queries, with its per-coordinate one-dimensional parts. */
  build(): { problem: Problem; parts: Scalar1D[]; gap: number };
}

export function resistingOracle(theorem: 'theorem1' | 'theorem5', L: ArrayLike<number>, DeltaF: number, eps: number): ResistingOracle {
  const l = positiveVector('L', L);
  positive('DeltaF', DeltaF);
  positive('eps', eps);
  const d = l.length;
  let k = 0;
  for (let i = 1; i < d; i++) if (l[i] > l[k]) k = i;
  const Lam = theorem === 'theorem1' ? l[k] : norm1(l);
  const epsT = eps / Math.sqrt(Lam * DeltaF);
  if (epsT > Math.SQRT2) throw new InvalidArgumentError('eps', eps, `≤ √(2ΛΔ_f) = ${Math.sqrt(2 * Lam * DeltaF)} (Lemma 14 needs ε̃ ≤ √2)`);
  const capacity = Math.floor(1 / (epsT * epsT) + 0.5);
  const answer = new Float64Array(d);
  if (theorem === 'theorem1') answer[k] = eps;
  else for (let i = 0; i < d; i++) answer[i] = (l[i] * eps) / Lam;
  const coords = theorem === 'theorem1' ? [k] : Array.from({ length: d }, (_, i) => i);
  const queries: Float64Array[] = [];
  const problem: Problem = {
    d,
    L: l,
    infimum: NaN,
    value: () => NaN,
    gradient(w, out) {
      if (queries.length >= capacity) throw new InvalidArgumentError('queries', queries.length + 1, `at most ${capacity} (the construction's capacity)`);
      queries.push(Float64Array.from(w));
      out.set(answer);
    },
  };
  const scale = Math.sqrt(Lam / DeltaF);
  const build = () => {
    if (queries.length === 0) throw new InvalidArgumentError('queries', 0, 'at least one recorded query');
    const parts: Scalar1D[] = [];
    const pieces: Piece[] = [];
    let gap = 0;
    for (let i = 0; i < d; i++) {
      const weight = theorem === 'theorem1' ? 1 : l[i] / Lam;
      if (!coords.includes(i)) {
        // Coordinates the answer leaves at 0: a flat part (A4b holds for any L_i > 0).
        const flat: Scalar1D = { value: () => 0, deriv: () => 0, curvature: 0, infimum: 0 };
        parts.push(flat);
        pieces.push({ p: flat, a: 1, b: 1 });
        continue;
      }
      const chain = bumpChain(queries.map((x) => -scale * x[i]), epsT, 1);
      const pm = mirror(chain);
      const part = rescale(pm, weight * DeltaF, scale);
      gap += weight * DeltaF * (chain.value(chain.x1) - chain.infimum);
      parts.push(part);
      pieces.push({ p: part, a: 1, b: 1 });
    }
    const f = separableSum(pieces);
    return { problem: { ...f, L: l }, parts, gap };
  };
  return { problem, answer, capacity, count: () => queries.length, queries: () => queries.map((q) => Float64Array.from(q)), build };
}

/** The exact oracle for a problem, by dimension (GD = SGD with it). */
export const exact = (p: Problem): Oracle => exactOracle(p.d);
