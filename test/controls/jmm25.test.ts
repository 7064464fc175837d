/**
 * Negative controls for the jmm25 claims: plausible wrong implementations (δ inside the root, the
 * current gradient left out of the accumulator, AdaGrad-Norm for AdaGrad, wrong constants, a dropped
 * term, a wrong hypothesis) are rejected by the same checks. Variants whose rejection the check cannot
 * show are recorded as passing, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { adagrad, adagradNorm } from '../../src/adagrad/index.ts';
import { assertRejected, runForTest } from '../support.ts';
import { lemma12Pathwise, lemma13Trajectory, scaleInvariance, updateRule } from '../../theorems/jmm25/update.ts';
import type { AdagradSubject } from '../../theorems/jmm25/common.ts';

const deltaInside: AdagradSubject = { method: (eta, delta) => adagrad(eta, delta, 'delta-inside-root') };
const lagged: AdagradSubject = { method: (eta, delta) => adagrad(eta, delta, 'lagged-accumulator') };
const norm: AdagradSubject = { method: (eta, delta) => adagradNorm(eta, delta) };

describe('JMF-1 … JMF-3 controls', () => {
  it('update rule: δ inside the root is rejected (first step)', () => void assertRejected(withSubject(updateRule, deltaInside)));
  it('update rule: the current gradient left out of the accumulator is rejected', () => void assertRejected(withSubject(updateRule, lagged)));
  it('update rule: AdaGrad-Norm in place of coordinate-wise AdaGrad is rejected', () => void assertRejected(withSubject(updateRule, norm)));
  it('scale invariance: AdaGrad-Norm is rejected', () => void assertRejected(withSubject(scaleInvariance, norm)));
  it('scale invariance: the lagged accumulator (divides by b_{t−1} = 0 at δ = 0) is rejected', () => void assertRejected(withSubject(scaleInvariance, lagged)));
  it('Lemma 12 pathwise: the lagged accumulator is rejected', () => void assertRejected(withSubject(lemma12Pathwise, lagged)));
  it('Lemma 12 pathwise: δ inside the root is rejected, and only where δ > 1 (its sum is bounded by log(1 + A/δ), below log(1 + A/δ²) only when δ ≤ 1)', () => {
    const r = assertRejected(withSubject(lemma12Pathwise, deltaInside));
    expect((r.counterexample!.instance as { delta: number }).delta).toBeGreaterThan(1);
  });
  it('Lemma 13: the lagged accumulator (first step ηg/δ) is rejected', () => void assertRejected(withSubject(lemma13Trajectory, lagged)));
  it('Lemma 13: δ inside the root still satisfies |step| ≤ η, so the check cannot reject it (recorded)', () => {
    expect(runForTest(withSubject(lemma13Trajectory, deltaInside)).status).toBe('pass');
  });
});

import { theorem2Bound, type Theorem2Input } from '../../src/adagrad/index.ts';
import { theorem2AcrossT, theorem2Arithmetic, theorem2MonteCarlo, theorem2Subject, type Theorem2Subject } from '../../theorems/jmm25/theorem2.ts';

/** The bound with one term changed. */
const boundWith = (change: (x: Theorem2Input, b: ReturnType<typeof theorem2Bound>) => number): Theorem2Subject => ({
  ...theorem2Subject,
  bound: (x) => {
    const b = theorem2Bound(x);
    return { ...b, rhs: change(x, b) };
  },
});

describe('JMF-4 controls (Theorem 2)', () => {
  it('RHS with √3 in place of 2√3 is rejected by the hand-computed values', () => {
    assertRejected(withSubject(theorem2Arithmetic, boundWith((x, b) => b.terms[0] / 2 + b.terms[1] + b.terms[2])));
  });
  it('RHS without the middle term √(2dδQ/(ηT)) is rejected', () => {
    assertRejected(withSubject(theorem2Arithmetic, boundWith((_x, b) => b.terms[0] + b.terms[2])));
  });
  it('h(T) with δ in place of δ² is rejected', () => {
    const s: Theorem2Subject = {
      ...theorem2Subject,
      bound: (x) => {
        // log h with δ² → δ (a plausible slip), carried consistently through Q and the RHS.
        const logH = theorem2Bound({ ...x, delta: Math.sqrt(x.delta) }).logH;
        const b = theorem2Bound(x);
        const Q = x.DeltaF + ((b.Q - x.DeltaF) / b.logH) * logH;
        const k = Q / b.Q;
        const terms: [number, number, number] = [b.terms[0] * k, b.terms[1] * Math.sqrt(k), b.terms[2] * Math.sqrt(k)];
        return { logH, Q, rhs: terms[0] + terms[1] + terms[2], terms };
      },
    };
    assertRejected(withSubject(theorem2Arithmetic, s));
  });
  it('Monte Carlo: the current gradient left out of the accumulator (first step ηg/δ) is rejected', () => {
    assertRejected(withSubject(theorem2MonteCarlo, { ...theorem2Subject, method: (eta, delta) => adagrad(eta, delta, 'lagged-accumulator') }));
  });
  it('recorded: across T the bound leaves ≥ 14× slack on the reference configuration, so no variant tried is rejected there', () => {
    // measured (mean + 5·SE)/RHS ≤ 0.07 for the paper's AdaGrad and for SGD, AdaGrad-Norm and δ inside the root at the
    // same η: the series shows the slack; the variants are told apart by the Monte Carlo claim on random configurations.
    for (const method of [(eta: number) => sgd(eta), norm.method, deltaInside.method]) {
      const r = runForTest(withSubject(theorem2AcrossT, { ...theorem2Subject, method }));
      expect(r.status).toBe('pass');
      expect(Math.max(...r.worst.map((w) => w.measured))).toBeLessThan(0.1);
    }
  });
  it('Monte Carlo: δ inside the root — outside the proof, yet the bound still holds on these configurations (recorded)', () => {
    const r = runForTest(withSubject(theorem2MonteCarlo, { ...theorem2Subject, method: (eta, delta) => adagrad(eta, delta, 'delta-inside-root') }));
    expect(r.status).toBe('pass');
  });
});

import { huber, lemma19Piece, theorem6Bound, twoPointOracle } from '../../src/adagrad/index.ts';
import { lemma19Constructions, lemma19Subject, theorem6AcrossT, theorem6FinalInequality, theorem6OnConstruction, theorem6Subject } from '../../theorems/jmm25/sgd-lower.ts';

describe('JMF-5 / JMF-6 controls (Lemma 19, Theorem 6)', () => {
  it('construction I with ε = σ√(Lη) (the 1/2 dropped) is rejected: for η < 1/L SGD lands in the quadratic part', () => {
    assertRejected(
      withSubject(lemma19Constructions, {
        ...lemma19Subject,
        piece: (L, Delta, sigma, eta, T) => {
          const pc = lemma19Piece(L, Delta, sigma, eta, T);
          if (pc.which !== 'construction-I') return pc;
          const e = Math.min(sigma * Math.sqrt(L * eta), Math.sqrt(2 * L * Delta));
          return { ...pc, slope: e, bound: e, eps: e, p: huber(L, e), x1: e / L };
        },
      }),
    );
  });
  it('the two-point oracle with its probabilities swapped (biased) is rejected', () => {
    assertRejected(
      withSubject(lemma19Constructions, {
        ...lemma19Subject,
        oracle: (sigma, eps) => {
          const o = twoPointOracle(sigma, eps);
          return { ...o, law: (i, gi) => ({ value: o.law(i, gi).value, probability: 1 - o.law(i, gi).probability }) };
        },
      }),
    );
  });
  /** Σ_i over coordinates of a per-coordinate bound with Δ/d each and a shared η. */
  const sumWith = (lb: (L: number, D: number, s: number, eta: number, T: number) => number) => (L: number[], s: number[], D: number, T: number, eta: number) =>
    L.reduce((acc, Li, i) => acc + lb(Li, D / L.length, s[i], eta, T), 0);
  it('Lemma 19 with only the noise construction I (construction II dropped) is rejected: σ_i = 0 coordinates contribute 0', () => {
    assertRejected(
      withSubject(theorem6FinalInequality, {
        ...theorem6Subject,
        perEta: sumWith((L, D, s, eta, T) => (eta >= 2 / L ? Math.sqrt(2 * L * D) : Math.min(s * Math.sqrt((L * eta) / 2), Math.sqrt(2 * L * D)))),
      }),
    );
  });
  it('Lemma 19 without the large-step case η ≥ 2/L is rejected', () => {
    assertRejected(
      withSubject(theorem6FinalInequality, {
        ...theorem6Subject,
        perEta: sumWith((L, D, s, eta, T) => Math.max(0.5 * Math.sqrt(D / (2 * eta * T + 1 / (2 * L))), Math.min(s * Math.sqrt((L * eta) / 2), Math.sqrt(2 * L * D)))),
      }),
    );
  });
  it("recorded: the bound's slack (≥ 2.6×) hides constant-level changes — the uncapped first term and d‖L‖₁ for d‖L‖∞ both still pass", () => {
    const uncapped = runForTest(withSubject(theorem6FinalInequality, { ...theorem6Subject, bound: (L, s, D, T) => ({ value: theorem6Bound(L, s, D, T).first }) }));
    expect(uncapped.status).toBe('pass');
    const l1 = runForTest(
      withSubject(theorem6FinalInequality, {
        ...theorem6Subject,
        bound: (L, s, D, T) => {
          const b = theorem6Bound(L, s, D, T);
          const L1 = L.reduce((a, x) => a + x, 0);
          const first = b.first + (Math.sqrt((L.length * L1 * D) / (2 * T)) - Math.sqrt((L.length * Math.max(...L) * D) / (2 * T))) / 16;
          return { value: Math.min(first, b.second) };
        },
      }),
    );
    expect(l1.status).toBe('pass');
  });
  it("AdaGrad run in place of constant-step SGD on Theorem 6's instance is rejected (it escapes the construction)", () => {
    assertRejected(withSubject(theorem6OnConstruction, { ...lemma19Subject, method: (eta) => adagrad(eta, 1e-3) }));
  });
  it("recorded: across T SGD stays ≥ 45× above Theorem 6's bound, so AdaGrad or a step off by 2× is not rejected there", () => {
    // (SGD mean + 5·SE)/bound ≈ 51–69 for the paper's SGD; AdaGrad (δ = 10⁻³), AdaGrad-Norm, SGD at 2η* and η*/2 gave
    // 45–77 (two of them are kept here): the loose lower bound cannot tell them apart on these instances;
    // theorem6-on-construction does.
    for (const method of [(eta: number) => adagrad(eta, 1e-3), (eta: number) => sgd(2 * eta)]) {
      const r = runForTest(withSubject(theorem6AcrossT, { ...lemma19Subject, method }));
      expect(r.status).toBe('pass');
      expect(Math.min(...r.worst.map((w) => w.measured))).toBeGreaterThan(10);
    }
  });
});

import { bumpChain, lemma15SlopeCap, resistingOracle, sgd } from '../../src/adagrad/index.ts';
import { lemma14HardFunction, lemma14Subject, lemma15HardFunction, lemma15Subject, lemma16Dynamics, resistingOracles } from '../../theorems/jmm25/hard.ts';

/** Lemma 14's chain with the shift p_{t+1} = p_t + (x_{t+1} − x_t)²/2 − (x_{t+1} − x_t)ε (a slip for /4): p jumps at every midpoint. */
function chainWithWrongShift(points: ArrayLike<number>, eps: number) {
  const p = bumpChain(points, eps, 1);
  const k = p.knots;
  const extra = new Float64Array(k.length); // wrong minus right value of p_t
  for (let j = 0; j + 1 < k.length; j++) extra[j + 1] = extra[j] + (k[j + 1] - k[j]) ** 2 / 4;
  const offset = (x: number): number => {
    if (x <= p.x1) return 0;
    let j = 0;
    let hi = k.length - 1;
    while (j < hi) {
      const mid = (j + hi + 1) >> 1;
      if (k[mid] <= x) j = mid;
      else hi = mid - 1;
    }
    if (j + 1 < k.length && x > (k[j] + k[j + 1]) / 2) return extra[j + 1];
    return extra[j];
  };
  return { ...p, value: (x: number) => p.value(x) + offset(x) };
}

describe('JMF-7 / JMF-8 controls (Lemmas 14–16, Theorems 1 and 5)', () => {
  it('Lemma 14 allowing N ≤ 2/ε² points (wrong constant) is rejected: tight spacing gives a gap > 1', () => {
    assertRejected(withSubject(lemma14HardFunction, { ...lemma14Subject, maxPoints: (e) => 2 / (e * e) }));
  });
  it('Lemma 14 with the shift (x_{t+1} − x_t)²/2 in (34) is rejected: p is discontinuous', () => {
    assertRejected(withSubject(lemma14HardFunction, { ...lemma14Subject, chain: chainWithWrongShift }));
  });
  it('Lemma 15 with the slope cap doubled (η log N/(4√N) + 1/(2η√N)) is rejected: the gap exceeds 1', () => {
    assertRejected(withSubject(lemma15HardFunction, { ...lemma15Subject, slopeCap: (eta, N) => 2 * lemma15SlopeCap(eta, N) }), 'default');
  });
  it("Theorem 1's oracle scaled with ‖L‖₁ (Theorem 5's Λ) is rejected: the built f violates A4b on the top coordinate", () => {
    assertRejected(
      withSubject(resistingOracles, {
        oracle: (theorem, L, D, e) => {
          if (theorem === 'theorem5') return resistingOracle(theorem, L, D, e);
          const k = L.indexOf(Math.max(...L));
          const Lwrong = L.map((x, i) => (i === k ? L.reduce((a, y) => a + y, 0) : x));
          return resistingOracle('theorem1', Lwrong, D, e);
        },
      }),
    );
  });
  it('Lemma 16: AdaGrad-Norm in place of coordinate-wise AdaGrad is rejected (coordinates no longer walk their own points)', () => {
    assertRejected(withSubject(lemma16Dynamics, { method: (eta, delta) => adagradNorm(eta, delta) }));
  });
  it('Lemma 16: the lagged accumulator (δ = 0: division by b₀ = 0) is rejected', () => {
    assertRejected(withSubject(lemma16Dynamics, { method: (eta, delta) => adagrad(eta, delta, 'lagged-accumulator') }));
  });
  it('Lemma 16: constant-step SGD in place of AdaGrad is rejected', () => {
    assertRejected(withSubject(lemma16Dynamics, { method: (eta) => sgd(eta) }));
  });
});

import { alignment, norm1, norm2, phi } from '../../src/adagrad/index.ts';
import { sec5FactorD, sec5Identities, sec5Subject, skewVsDimension } from '../../theorems/jmm25/comparison.ts';

describe('JMF-9 / JMF-10 controls (§5, design guard)', () => {
  it('ϕ(v) = ‖v‖₁²/(d‖v‖₂) (square dropped) is rejected: out of [1/d, 1] for scaled vectors', () => {
    assertRejected(withSubject(sec5Identities, { ...sec5Subject, phi: (v) => norm1(v) ** 2 / (v.length * norm2(v)) }));
  });
  it('R with L_i in place of √L_i (Σσ_iL_i/(‖σ‖₂‖L‖₂)) is rejected by the identity behind (12)', () => {
    assertRejected(withSubject(sec5Identities, { ...sec5Subject, alignment: (s, L) => s.reduce((a, x, i) => a + x * L[i], 0) / (norm2(s) * norm2(L)) }));
  });
  it('the factor-d configurations with R in place of R² are rejected', () => {
    assertRejected(withSubject(sec5FactorD, { ...sec5Subject, alignment: (s, L) => Math.sqrt(alignment(s, L)) }));
  });
  it('ϕ̃ computed as ϕ (ℓ2 density for the ℓ∞ one) is rejected by the closed forms', () => {
    assertRejected(withSubject(sec5FactorD, { ...sec5Subject, phiTilde: phi }));
  });
  it('design guard: scaling the skew with the dimension (r = 1/d) makes the ratio grow like 1/ϕ̃(L) and is rejected', () => {
    assertRejected(withSubject(skewVsDimension, { skew: (_r0, d) => 1 / d }));
  });
});

import { corollary17 } from '../../src/adagrad/index.ts';
import { corollary17FromLemma16 } from '../../theorems/jmm25/hard.ts';

describe('Corollary 17 controls', () => {
  it('Corollary 17 with 1/16 for 1/32 in the noiseless term is rejected (Lemma 16 does not give it)', () => {
    assertRejected(withSubject(corollary17FromLemma16, { bound: (L, D, s, T) => Math.max(corollary17(L, D, 0, T) * 2, corollary17(L, D, s, T)) }));
  });
  it('Corollary 17 with 1/8 for 1/16 in the noise term is rejected', () => {
    assertRejected(
      withSubject(corollary17FromLemma16, {
        bound: (L, D, s, T) => Math.max(corollary17(L, D, 0, T), s === 0 ? 0 : (2 * (((s * s * L * D) / T) * Math.log1p((T * L * D) / (8 * s * s))) ** 0.25) / 16),
      }),
    );
  });
});
