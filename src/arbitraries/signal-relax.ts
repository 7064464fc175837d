/**
 * Arbitraries for the relaxation claims of AGH21 (§3, Propositions 5–11): points of the
 * pairwise sets, Γ-lifted points for Proposition 11, and small signal problems.
 */
import fc from 'fast-check';
import { logUniformDouble, uniformDouble } from './numbers.ts';

/**
 * A point of [0,1]² × ℝ²₊ with a convex 2×2 coefficient pair (EC-3):
 * - d1 = e^U[−2,2]; d2 = e^U[ln(1/d1), ln(1/d1)+3], so d1·d2 ∈ [1, e³] (convexity of Z²);
 * - z1, z2 ∈ [0.01, 1] (strictly positive, so the explicit form of g is defined);
 * - x1, x2 ∈ [0, 2].
 */
export interface PairPoint {
  z1: number;
  z2: number;
  x1: number;
  x2: number;
  d1: number;
  d2: number;
}

export function pairPoint(minLogProduct = 0): fc.Arbitrary<PairPoint> {
  return fc
    .record({
      l1: uniformDouble(-2, 2),
      l2: uniformDouble(minLogProduct, 3),
      z1: uniformDouble(0.01, 1),
      z2: uniformDouble(0.01, 1),
      x1: uniformDouble(0, 2),
      x2: uniformDouble(0, 2),
    })
    .map(({ l1, l2, z1, z2, x1, x2 }) => {
      const d1 = Math.exp(l1);
      return { z1, z2, x1, x2, d1, d2: Math.exp(-l1 + l2) };
    });
}

/**
 * An integer point of Z² (EC-4): z ∈ {0,1}² (each pattern), x_i ∈ [0, 2] where z_i = 1 and
 * x_i = 0 where z_i = 0 (so x_i(1 − z_i) = 0), with d as in {@link pairPoint}.
 */
export function integerPairPoint(): fc.Arbitrary<PairPoint> {
  return fc.tuple(pairPoint(), fc.boolean(), fc.boolean()).map(([p, a, b]) => ({
    ...p,
    z1: a ? 1 : 0,
    z2: b ? 1 : 0,
    x1: a ? p.x1 : 0,
    x2: b ? p.x2 : 0,
  }));
}

/**
 * A Γ-lifted point for Proposition 11 (EC-6), satisfying (23b):
 * - zi, zj ∈ [0.05, 1]; xi, xj ∈ [0, 1];
 * - Γ_ii = (x_i²/z_i)(1 + e_i), Γ_jj = (x_j²/z_j)(1 + e_j), e ~ Exp(mean 0.5), plus 1e-3 so Γ_ii > 0;
 * - Γ_ij ∈ [−2, 2] (standing in for N(0,1)).
 */
export interface LiftedPair {
  zi: number;
  zj: number;
  xi: number;
  xj: number;
  gii: number;
  gjj: number;
  gij: number;
}

export function liftedPair(): fc.Arbitrary<LiftedPair> {
  return fc
    .record({
      zi: uniformDouble(0.05, 1),
      zj: uniformDouble(0.05, 1),
      xi: uniformDouble(0, 1),
      xj: uniformDouble(0, 1),
      ui: uniformDouble(1e-9, 1),
      uj: uniformDouble(1e-9, 1),
      gij: uniformDouble(-2, 2),
    })
    .map(({ zi, zj, xi, xj, ui, uj, gij }) => ({
      zi, zj, xi, xj, gij,
      gii: ((xi * xi) / zi) * (1 - 0.5 * Math.log(ui)) + 1e-3,
      gjj: ((xj * xj) / zj) * (1 - 0.5 * Math.log(uj)) + 1e-3,
    }));
}

/** A positive scaling factor d, log-uniform in [1e-2, 1e2] (EC-7). */
export const scaleFactor = (): fc.Arbitrary<number> => logUniformDouble(1e-2, 1e2);

/**
 * A small random path problem (EC-8, EC-9): data y ≥ 0 scaled to ‖y‖∞ = 1.
 * - n ∈ [minN, maxN];
 * - y_i ∈ [0, 1] with about a third of the entries set to 0, then divided by max y;
 * - λ ∈ {0.1, 0.5, 1, 5};
 * - form 'penalty': μ ∈ {0.05, 0.1, 0.2}, k = null; form 'cardinality': μ = 0, k ∈ [1, n − 2].
 */
export interface SmallPath {
  y: number[];
  lambda: number;
  mu: number;
  k: number | null;
  form: 'penalty' | 'cardinality';
}

export interface SmallPathConstraints {
  minN?: number;
  maxN?: number;
  form?: 'penalty' | 'cardinality';
}

export function smallPath(c: SmallPathConstraints = {}): fc.Arbitrary<SmallPath> {
  const minN = c.minN ?? 3;
  const maxN = c.maxN ?? 8;
  const forms: ('penalty' | 'cardinality')[] = c.form ? [c.form] : ['penalty', 'cardinality'];
  return fc
    .record({
      n: fc.integer({ min: minN, max: maxN }),
      vals: fc.array(uniformDouble(0, 1), { minLength: maxN, maxLength: maxN }),
      zeros: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: maxN, maxLength: maxN }),
      lambda: fc.constantFrom(0.1, 0.5, 1, 5),
      mu: fc.constantFrom(0.05, 0.1, 0.2),
      kFrac: uniformDouble(0, 1),
      form: fc.constantFrom(...forms),
    })
    .map(({ n, vals, zeros, lambda, mu, kFrac, form }) => {
      const raw = vals.slice(0, n).map((v, i) => (zeros[i] === 0 ? 0 : v));
      let m = Math.max(...raw);
      if (!(m > 0)) {
        raw[0] = 1;
        m = 1;
      }
      const y = raw.map((v) => v / m);
      const k = form === 'cardinality' ? 1 + Math.min(n - 3, Math.floor(kFrac * (n - 2))) : null;
      return { y, lambda, mu: form === 'penalty' ? mu : 0, k, form };
    });
}

/**
 * A linear objective a′z + b′x + s on the pair sets (EC-5): a ∈ [0,2]², b ∈ [−3,1]², with d as in
 * {@link pairPoint} but d₁d₂ ≥ e^0.2 (keeps the minimiser bounded: as d₁d₂ → 1 it grows like 1/(d₁d₂ − 1)).
 * With `unitD` (Proposition 1, X²): d = (1, 1) and b₂ = −b₁ + t, t ∈ [0, 3], so b₁ + b₂ ≥ 0 and the
 * minimum over X² is finite (otherwise x₁ = x₂ → ∞ drives it to −∞).
 */
export interface PairObjective {
  a1: number;
  a2: number;
  b1: number;
  b2: number;
  d1: number;
  d2: number;
}

export function pairObjective(unitD = false): fc.Arbitrary<PairObjective> {
  return fc
    .record({ a1: uniformDouble(0, 2), a2: uniformDouble(0, 2), b1: uniformDouble(-3, 1), b2: uniformDouble(-3, 1), t: uniformDouble(0, 3), p: pairPoint(0.2) })
    .map(({ a1, a2, b1, b2, t, p }) =>
      unitD ? { a1, a2, b1, b2: -b1 + t, d1: 1, d2: 1 } : { a1, a2, b1, b2, d1: p.d1, d2: p.d2 });
}
