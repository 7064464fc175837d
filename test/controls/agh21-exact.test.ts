/**
 * Negative controls for the agh21 exact and generator claims: each claim, given a deliberately
 * wrong implementation, is rejected by the same check with a counterexample.
 */
import { describe, expect, it } from 'vitest';
import * as math from 'mathjs';
import { withSubject } from '../../src/claims/claim.ts';
import {
  denseQ,
  objective,
  type Prior,
  type SignalProblem,
  type SignalSolution,
  signalProblem,
  solveOnSupport,
  supportSolution,
  edgeGraph,
} from '../../src/signal/model.ts';
import { bruteForce } from '../../src/signal/exact/brute-force.ts';
import { pathExactCardinality, pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { thresholdHeuristic, thresholdRefit } from '../../src/signal/heuristic.ts';
import { pathCardinalityBounds } from '../../src/signal/exact/cardinality-lagrangian.ts';
import { pathExactCardinalityLarge } from '../../src/signal/exact/cardinality-exact.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import {
  bigMValid,
  cardinalityLagrangian,
  cardinalityLarge,
  example1Miqo,
  example2Miqo,
  type ExactSolverSubject,
  propositions23,
  pathDpCardinality,
  pathDpPenalty,
  pathDpPruning,
  stieltjes,
  submodularity,
  supportMathjs,
  thresholdBounds,
  window43dWeaker,
} from '../../theorems/agh21/exact.ts';
import {
  generatorInvariants,
  literalSigmaDiscrepancy,
  literalSigmaGenerator,
  meanNnz,
  sigmaSquaredGenerator,
  table2Snr,
} from '../../theorems/agh21/generator.ts';
import { assertRejected } from '../support.ts';

/**
 * A plain O(n²) segment DP. With `boundary = false` the segment cost uses the Laplacian of the
 * segment alone (diagonal 1 + λ at both ends), i.e. it drops the terms λx_a² and λx_b² that the
 * zeros at a−1 and b+1 leave behind — the classic boundary off-by-one of such DPs.
 */
function segmentDp(p: SignalProblem, boundary: boolean): number {
  const n = p.n;
  const P = new Float64Array(n + 1);
  const seg = (a: number, b: number): number => {
    const ys = Array.from(p.y.subarray(a, b + 1));
    const sub = boundary ? p : signalProblem({ y: ys, lambda: p.lambda });
    const mask = new Uint8Array(sub.n);
    for (let i = boundary ? a : 0; i <= (boundary ? b : b - a); i++) mask[i] = 1;
    const x = solveOnSupport(sub, mask, sub.y);
    let v = p.mu * (b - a + 1);
    for (let i = 0; i < sub.n; i++) v -= sub.y[i] * x[i];
    return v;
  };
  for (let m = 1; m <= n; m++) {
    P[m] = P[m - 1];
    for (let a = 0; a < m; a++) P[m] = Math.min(P[m], (a === 0 ? 0 : P[a - 1]) + seg(a, m - 1));
  }
  return p.yNorm2 + P[n];
}

describe('negative controls: agh21 exact claims reject wrong solvers', () => {
  it('sanity: the plain segment DP with boundary terms matches pathExactL0', () => {
    const p = signalProblem({ y: [0.2, 0.9, 0.8, 0, 0.7, 0.3], lambda: 0.7, mu: 0.05 });
    const a = segmentDp(p, true);
    const b = pathExactL0(p).objective;
    if (Math.abs(a - b) > 1e-12) throw new Error(`${a} vs ${b}`);
  });

  it('a path DP whose segment costs drop the boundary terms λx_a², λx_b² is rejected', () => {
    const wrong: ExactSolverSubject = {
      solve: (p) => ({ ...pathExactL0(p), objective: segmentDp(p, false) }),
    };
    assertRejected(withSubject(pathDpPenalty, wrong));
  });

  it('cardinality DP run with budget k + 1 (off-by-one) is rejected', () => {
    const wrong: ExactSolverSubject = {
      solve: (p) => pathExactCardinality(signalProblem({ y: p.y, lambda: p.lambda, mu: p.mu, k: Math.min(p.n, (p.k ?? 0) + 1) })),
    };
    assertRejected(withSubject(pathDpCardinality, wrong));
  });

  it('a broken pruning rule (K = 0: keep only starts at the running minimum) is rejected', () => {
    assertRejected(withSubject(pathDpPruning, { solve: (p: SignalProblem) => pathExactL0(p, { pruneMarginOverride: 0 }) }));
  });

  it('support solutions with the signless Laplacian (+λ off the diagonal) violate the big-M bound', () => {
    const wrong = {
      solve: (p: SignalProblem, S: number[]): Float64Array => {
        const Q = denseQ(p).map((row, i) => row.map((v, j) => (i === j ? v : -v)));
        const x = new Float64Array(p.n);
        if (S.length === 0) return x;
        const sol = math.lusolve(S.map((i) => S.map((j) => Q[i][j])), S.map((i) => p.y[i])) as number[][];
        S.forEach((i, t) => (x[i] = sol[t][0]));
        return x;
      },
    };
    assertRejected(withSubject(bigMValid, wrong));
  });

  it('support solutions with the Laplacian of the induced subgraph (the λx_i² left by removed neighbours dropped) disagree with the mathjs reference', () => {
    const wrong = {
      solve: (p: SignalProblem, S: number[]): Float64Array => {
        const x = new Float64Array(p.n);
        if (S.length === 0) return x;
        const at = new Map(S.map((i, t) => [i, t] as const));
        const edges = p.graph.edges.filter(([a, b]) => at.has(a) && at.has(b)).map(([a, b]) => [at.get(a)!, at.get(b)!] as [number, number]);
        const sub = signalProblem({ y: S.map((i) => p.y[i]), graph: edgeGraph(S.length, edges), lambda: p.lambda });
        const xs = supportSolution(sub, S.map((_, t) => t));
        S.forEach((i, t) => (x[i] = xs[t]));
        return x;
      },
    };
    assertRejected(withSubject(supportMathjs, wrong));
  });

  it('a Q with +λ off the diagonal is not Stieltjes', () => {
    const wrong = { matrix: (p: SignalProblem) => denseQ(p).map((row, i) => row.map((v, j) => (i === j ? v : -v))) };
    assertRejected(withSubject(stieltjes, wrong));
  });

  it('an unscaled decomposition (D = I) fails on M-matrices that are not diagonally dominant', () => {
    const wrong = {
      decompose: (Q: number[][]) => {
        const n = Q.length;
        const columns: { i: number; j: number; a: number; b: number }[] = [];
        for (let i = 0; i < n; i++) {
          let r = Q[i][i];
          for (let j = 0; j < n; j++) {
            if (j === i) continue;
            r += Q[i][j];
            if (j > i && Q[i][j] !== 0) columns.push({ i, j, a: Math.sqrt(-Q[i][j]), b: -Math.sqrt(-Q[i][j]) });
          }
          columns.push({ i, j: -1, a: Math.sqrt(Math.max(0, r)), b: 0 });
        }
        return { scale: new Float64Array(n).fill(1), columns };
      },
    };
    assertRejected(withSubject(propositions23, wrong));
  });

  it('Example 1 solved without the ℓ0 penalty is rejected', () => {
    assertRejected(withSubject(example1Miqo, { solve: (p: SignalProblem) => bruteForce(signalProblem({ y: p.y, lambda: p.lambda, mu: 0 })) }));
  });

  it('Example 2 solved with the full support (no sparsity) is rejected', () => {
    assertRejected(
      withSubject(example2Miqo, {
        solve: (p: SignalProblem) => {
          const x = supportSolution(p, [0, 1, 2]);
          const z = Uint8Array.from([1, 1, 1]);
          return { x, z, objective: objective(p, x, z) };
        },
      }),
    );
  });

  it('an upper bound reported without ‖y‖² is rejected', () => {
    assertRejected(
      withSubject(thresholdBounds, {
        threshold: (p: SignalProblem, xh: number[], k: number) => {
          const s = thresholdHeuristic(p, xh, k);
          return { ...s, objective: s.objective - p.yNorm2 };
        },
        refit: thresholdRefit,
      }),
    );
  });

  it('a threshold keeping k + 1 entries is rejected', () => {
    assertRejected(
      withSubject(thresholdBounds, {
        threshold: (p: SignalProblem, xh: number[], k: number) => thresholdHeuristic(p, xh, Math.min(p.n, k + 1)),
        refit: thresholdRefit,
      }),
    );
  });
});

describe('negative controls: cardinality Lagrangian bounds', () => {
  it('a lower bound with the wrong multiplier term (−ν(k − 1)) exceeds OPT', () => {
    assertRejected(
      withSubject(cardinalityLagrangian, {
        bounds: (p: SignalProblem) => {
          const b = pathCardinalityBounds(p);
          return { ...b, lowerBound: b.lowerBound + b.nu }; // h(ν) − ν(k − 1)
        },
      }),
    );
  });
});

describe('negative controls: bound-restricted cardinality DP', () => {
  it('stopping at the Lagrangian upper bound (no restricted DP) is rejected', () => {
    assertRejected(withSubject(cardinalityLarge, {
      solve: (p: SignalProblem) => ({
        ...pathCardinalityBounds(p).solution, states: 0, maxCandidates: 0, initialGapPercent: 0, restricted: false, prunedByMargin: 0, prunedStates: 0,
      }),
    }));
  });

  for (const budget of ['quick', 'default'] as const) {
    it(`pruning test 2 without the lemma's margin (K_m = 0) is rejected (${budget})`, () => {
      assertRejected(withSubject(cardinalityLarge, { solve: (p: SignalProblem) => pathExactCardinalityLarge(p, { marginOverride: 0 }) }), budget);
    });
  }

  it('sanity: a negative slack on UB only ever returns feasible values (it may miss the optimum)', () => {
    const p = signalProblem({ y: [0.2, 0.9, 0.1, 0.8, 0.05, 0.7], lambda: 1, k: 2 });
    const r = pathExactCardinalityLarge(p, { slack: -0.5 });
    expect(r.z.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
  });
});

describe('negative controls: submodularity and (43d)', () => {
  it('F computed with mixed-sign data (b_i = ±y_i) is not submodular', () => {
    assertRejected(
      withSubject(submodularity, {
        F: (p: SignalProblem, S: Uint8Array) => {
          const b = Array.from(p.y, (v, i) => (i % 2 ? -v : v));
          const x = solveOnSupport(p, S, b);
          return -b.reduce((acc, bi, i) => acc + bi * x[i], 0);
        },
      }),
    );
  });

  it('a window prior that really forces runs ≥ h (z_ℓ ≤ z_{ℓ−1} + z_{ℓ+1} for h = 2) rejects the alternating z', () => {
    assertRejected(
      withSubject(window43dWeaker, {
        priors: (n: number): Prior[] =>
          Array.from({ length: n }, (_, l) => ({
            kind: 'linear' as const,
            terms: [
              { index: l, coef: -1 },
              ...(l > 0 ? [{ index: l - 1, coef: 1 }] : []),
              ...(l + 1 < n ? [{ index: l + 1, coef: 1 }] : []),
            ],
            sense: '>=' as const,
            rhs: 0,
            label: '(43d) stronger',
          })),
      }),
    );
  });
});

describe('negative controls: agh21 generator claims', () => {
  it('a generator that skips the scaling to ‖y‖∞ = 1 is rejected', () => {
    assertRejected(
      withSubject(generatorInvariants, {
        generate: (p) => {
          const g = generateSpikes({ ...p });
          return { ...g, y: g.y.map((v) => v / g.scale), truth: g.truth.map((v) => v / g.scale) };
        },
      }),
    );
  });

  it('the literal σ reading (std σ) fails Table 2', () => {
    assertRejected(withSubject(table2Snr, literalSigmaGenerator));
  });

  it('the σ² reading does not show the literal-reading discrepancy', () => {
    assertRejected(withSubject(literalSigmaDiscrepancy, sigmaSquaredGenerator));
  });

  it('spikes one entry short (h − 1: the printed indices ℓ + i, i = 1..h, fixed the wrong way) miss E[nnz]', () => {
    assertRejected(
      withSubject(meanNnz, {
        noise: 'sigma-squared',
        generate: (p) => generateSpikes({ ...p, h: p.h - 1 }),
      }),
    );
  });

  it('spikes one entry too long (h + 1, the printed off-by-one) miss E[nnz]', () => {
    assertRejected(
      withSubject(meanNnz, {
        noise: 'sigma-squared',
        generate: (p) => generateSpikes({ ...p, h: p.h + 1 }),
      }),
    );
  });
});
