/**
 * Counting activation patterns: exact enumeration against Cover's count, the
 * 1-D-with-bias closed form, and the bound P ≤ 2r(e(n−1)/r)^r used by the ICML
 * 2020 companion. Derivations: docs/claims/ep21.md#cover-count and #enumeration.
 */
import fc from 'fast-check';
import { defineClaim, eq, le, type Comparison } from '../../src/claims/claim.ts';
import { coverCount, coverUpperBound, enumeratePatterns, maskKey, patterns1dWithBias, type PatternSet } from '../../src/relu/arrangements.ts';
import { withBiasColumn } from '../../src/relu/problem.ts';
import { gaussianInstance } from '../../src/arbitraries/relu.ts';

/** Enumeration and count under test. */
export interface CountSubject {
  enumerate(X: Float64Array, n: number, d: number): PatternSet;
  count(n: number, r: number): number;
}

export const countSubject: CountSubject = { enumerate: enumeratePatterns, count: coverCount };

export const coverCountClaim = defineClaim({
  id: 'ep21.arrangement.cover-count',
  paper: 'ep21',
  location: 'ICML 2020 companion (Pilanci & Ergen), Section 3: the number P of patterns D_i = diag(1[Xu ≥ 0]) and its bound',
  title: 'Exact pattern enumeration gives Cover\'s count 2Σ_{k<r} C(n−1, k) and respects P ≤ 2r(e(n−1)/r)^r',
  statement:
    'For X ~ N(0, 1)^{n×d} (rank r = min(n, d), rows in general position) the distinct patterns 1[Xu ≥ 0], u ∈ ℝ^d, number exactly ' +
    '2Σ_{k=0}^{r−1} C(n−1, k) (e.g. (6, 2) → 12, (8, 3) → 58, (10, 3) → 92, (12, 4) → 464, (9, 5) → 326), at most 2r(e(n−1)/r)^r; ' +
    'every enumerated pattern is realised by its witness direction.',
  tex: 'P=2\\sum_{k=0}^{r-1}\\binom{n-1}{k}\\le 2r\\Big(\\frac{e(n-1)}{r}\\Big)^r',
  hypotheses: ['X with i.i.d. N(0, 1) entries (general position with probability 1)', '(n, d) ∈ {(6,2), (8,3), (10,3), (12,4), (9,5), (5,8), (7,1)}'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#cover-count',
  tolerance: { value: 0, reason: 'a count of distinct 0/1 vectors: exact equality (no rounding enters a count)' },
  budget: { quick: 7, default: 30, thorough: 200 },
  subject: countSubject,
  instances: gaussianInstance([[6, 2], [8, 3], [10, 3], [12, 4], [9, 5], [5, 8], [7, 1]], [1]),
  check: (inst, s) => {
    const X = Float64Array.from(inst.X.flat());
    const set = s.enumerate(X, inst.n, inst.d);
    const r = Math.min(inst.n, inst.d);
    const formula = s.count(inst.n, r);
    const distinct = new Set(set.masks.map(maskKey)).size;
    let unrealised = 0;
    for (let i = 0; i < set.masks.length; i++) {
      const w = set.witnesses!.subarray(i * inst.d, (i + 1) * inst.d);
      for (let j = 0; j < inst.n; j++) {
        let t = 0;
        for (let k = 0; k < inst.d; k++) t += X[j * inst.d + k] * w[k];
        if ((t >= 0 ? 1 : 0) !== set.masks[i][j]) {
          unrealised++;
          break;
        }
      }
    }
    const out: Comparison[] = [
      eq('distinct enumerated patterns − Cover\'s count', distinct - formula, 0),
      eq('patterns not realised by their witness', unrealised, 0),
      eq('duplicate patterns', set.masks.length - distinct, 0),
    ];
    if (r >= 1) out.push(le('P / (2r(e(n−1)/r)^r)', distinct / coverUpperBound(inst.n, r), 1));
    return { comparisons: out, values: { n: inst.n, d: inst.d, P: distinct, cover: formula } };
  },
});

export const oneDBiasCount = defineClaim({
  id: 'ep21.arrangement.one-d-bias',
  paper: 'ep21',
  location: 'Section 4.1 (1-D data with a bias: kinks at data points, Lemma 6); ICML 2020 companion, pattern count',
  title: '1-D data with a bias column have exactly 2n patterns, the up-sets and down-sets of the sorted points',
  statement:
    'For distinct a_1, …, a_n and X = [a, 1], the patterns 1[a_i u + b ≥ 0] are exactly the n + 1 up-sets {i : a_i ≥ t} and the ' +
    'n + 1 down-sets {i : a_i ≤ t}, 2n distinct patterns in all; the general enumeration finds the same set.',
  hypotheses: ['a_i ~ U(−2, 2), distinct', 'n ∈ [2, 40]'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#one-d-bias',
  tolerance: { value: 0, reason: 'equality of finite sets of 0/1 vectors (exact)' },
  budget: { quick: 20, default: 100, thorough: 1000 },
  subject: countSubject,
  instances: fc.record({ n: fc.integer({ min: 2, max: 40 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }).map(({ n, seed }) => {
    let s = seed;
    const a = Array.from({ length: n }, () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return -2 + (4 * s) / 2 ** 32;
    });
    return { a };
  }),
  check: ({ a }, s) => {
    const n = a.length;
    const general = s.enumerate(Float64Array.from(withBiasColumn(a).flat()), n, 2);
    const closed = patterns1dWithBias(a);
    const g = new Set(general.masks.map(maskKey));
    const c = new Set(closed.masks.map(maskKey));
    let missing = 0;
    for (const k of c) if (!g.has(k)) missing++;
    let extra = 0;
    for (const k of g) if (!c.has(k)) extra++;
    return [
      eq('closed-form patterns − 2n', c.size - 2 * n, 0),
      eq('closed-form patterns missing from the enumeration', missing, 0),
      eq('enumerated patterns not in the closed form', extra, 0),
      eq('Cover\'s count for rank 2 − 2n', s.count(n, 2) - 2 * n, 0),
    ];
  },
});

export const arrangementClaims = [coverCountClaim, oneDBiasCount];
