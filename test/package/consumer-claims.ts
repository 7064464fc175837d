// A user's own claims, as a consumer project writes them against the installed package.
import fc from 'fast-check';
import { defineClaim, le, type Claim } from 'theorycheck';
import { softThreshold } from 'theorycheck/prox';
import { uniformDouble } from 'theorycheck/arbitraries';

/** ‖S_τ(x)‖ ≤ ‖x‖: soft thresholding never increases a magnitude. */
export const shrinks = defineClaim({
  id: 'mine.prox.shrinks',
  paper: 'mine',
  location: 'my notes, p. 1',
  title: 'soft thresholding shrinks',
  statement: '|S_τ(x)| ≤ |x| for every x and τ ≥ 0.',
  hypotheses: ['τ ≥ 0'],
  kind: 'bound',
  provenance: 'ours',
  source: 'docs/mine.md',
  tolerance: { value: 0, reason: 'exact: |S_τ(x)| = max(|x| − τ, 0) in floating point' },
  budget: { quick: 20, default: 50, thorough: 200 },
  subject: softThreshold,
  instances: fc.tuple(uniformDouble(-10, 10), uniformDouble(0, 5)),
  check: ([x, tau], s) => {
    const counts: number[] = [];
    counts.push(Math.abs(s(x, tau)));
    const first = counts[0];
    return le('|S_τ(x)| − |x|', (first ?? NaN) - Math.abs(x), 0);
  },
});

/** A wrong claim (the bound is τ-independent only for τ = 0): must fail with a replay line naming this catalogue. */
export const wrong = defineClaim({ ...shrinks, id: 'mine.prox.wrong', check: ([x], s) => le('|S_1(x)|', Math.abs(s(x, 1)), Math.abs(x) - 1.5) });

export const catalogue: Claim[] = [shrinks, wrong];
