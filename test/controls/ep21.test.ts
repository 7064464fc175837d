/**
 * Negative controls for the ep claims: each claim, given a plausible wrong
 * implementation, is rejected by the same check with a counterexample.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { solveInPlace } from '../../src/relu/linalg.ts';
import { coverCount, enumeratePatterns, samplePatterns } from '../../src/relu/arrangements.ts';
import { whitenedClosedForm } from '../../src/relu/closed-forms.ts';
import { solveConicProgram } from '../../src/relu/conic-program.ts';
import { convexObjective } from '../../src/relu/convex.ts';
import { solveFirstOrder } from '../../src/relu/first-order.ts';
import type { ReluNetwork } from '../../src/relu/network.ts';
import { reluProblem } from '../../src/relu/problem.ts';
import type { Rng } from '../../src/core/random.ts';
import { coverCountClaim, countSubject, oneDBiasCount } from '../../theorems/ep21/arrangements.ts';
import { mappingIdentity, rescaleLemma1 } from '../../theorems/ep21/identities.ts';
import { appendix11Value, oneDEquivalence, prop1Certificate, prop1NonUnique, prop1Subject } from '../../theorems/ep21/one-d.ts';
import { baselineTrainers, conicPipeline, nonConvexAbove, programConic, programFirstOrder, sampledUpperBound } from '../../theorems/ep21/program.ts';
import { whitenedTheorem9 } from '../../theorems/ep21/whitened.ts';
import { rankOneCorollary5, vertexLemma7, vertexSubject } from '../../theorems/ep21/vertex.ts';
import { assertRejected } from '../support.ts';

const enumerate = (p: ReturnType<typeof reluProblem>) => enumeratePatterns(p.X, p.n, p.d);

describe('negative controls: ep claims reject plausible wrong implementations', () => {
  it('Cover\'s count without the factor 2 is rejected', () => {
    assertRejected(withSubject(coverCountClaim, { ...countSubject, count: (n: number, r: number) => coverCount(n, r) / 2 }));
    assertRejected(withSubject(oneDBiasCount, { ...countSubject, count: (n: number, r: number) => coverCount(n, r) / 2 }));
  });
  it('an enumeration that loses one cell (off-by-one in the final copy) is rejected', () => {
    assertRejected(withSubject(coverCountClaim, {
      ...countSubject,
      enumerate: (X: Float64Array, n: number, d: number) => {
        const s = enumeratePatterns(X, n, d);
        return { ...s, masks: s.masks.slice(0, -1) };
      },
    }));
  });
  it('the convex program without its cone constraints (gated ReLU taken for ReLU) is rejected by the certificate', () => {
    assertRejected(withSubject(programConic, {
      patterns: enumerate,
      solve: (p, s) => {
        const r = solveConicProgram(p, s, { gated: true });
        return { solution: r.solution, value: convexObjective(p, s, r.solution) };
      },
    }));
  });
  it('a pattern set missing the all-active cell D = I (treated as trivial like D = 0) is rejected', () => {
    assertRejected(withSubject(programConic, {
      patterns: (p) => {
        const s = enumerate(p);
        return { ...s, masks: s.masks.filter((m) => m.some((b) => b === 0)) };
      },
      solve: conicPipeline.solve,
    }));
  });
  it('sampled patterns passed off as every pattern (first-order solver) are rejected', () => {
    assertRejected(withSubject(programFirstOrder, {
      patterns: (p, rng) => ({ ...samplePatterns(p.X, p.n, p.d, 4, rng), exact: true }),
      solve: (p, s) => {
        const r = solveFirstOrder(p, s, { tolGap: 1e-4 });
        return { solution: r.solution, value: convexObjective(p, s, r.solution) };
      },
    }));
  });
  it('the gated relaxation over sampled patterns (a "sampled upper bound" below p*) is rejected', () => {
    assertRejected(withSubject(sampledUpperBound, {
      patterns: (p, rng) => samplePatterns(p.X, p.n, p.d, 200, rng),
      solve: (p, s) => {
        const r = solveConicProgram(p, s, { gated: true });
        return { solution: r.solution, value: convexObjective(p, s, r.solution) };
      },
    }));
  });
  it('trainers (Adam, L-BFGS) that report their objective without the output-layer weight decay are rejected', () => {
    assertRejected(withSubject(nonConvexAbove, baselineTrainers.map((t) => ({
      train: (problem: ReturnType<typeof reluProblem>, m: number, rng: Rng) => {
        const r = t.train(problem, m, rng);
        let a2 = 0;
        for (const a of r.network.alpha) a2 += a * a;
        return { ...r, objective: r.objective - 0.5 * problem.beta * a2 };
      },
    }))));
  });
  it('the mapping with exponent 1 instead of ½ (u = v/‖v‖, α = ±‖v‖) is rejected', () => {
    assertRejected(withSubject(mappingIdentity, {
      toNetwork: (problem, patterns, sol) => {
        const d = problem.d;
        const U: number[] = [];
        const alpha: number[] = [];
        for (let i = 0; i < patterns.masks.length; i++) {
          for (const [blk, sg] of [[sol.v, 1], [sol.w, -1]] as const) {
            const nv = Math.hypot(...blk.subarray(i * d, (i + 1) * d));
            if (nv === 0) continue;
            for (let k = 0; k < d; k++) U.push(blk[i * d + k] / nv);
            alpha.push(sg * nv);
          }
        }
        return { m: alpha.length, d, U: Float64Array.from(U), alpha: Float64Array.from(alpha), c: sol.c } satisfies ReluNetwork;
      },
    }));
  });
  it('Lemma 1 rescaling without the square root (γ = |α|/‖u‖) is rejected', () => {
    assertRejected(withSubject(rescaleLemma1, {
      rescale: (net: ReluNetwork) => {
        const U = Float64Array.from(net.U);
        const alpha = Float64Array.from(net.alpha);
        for (let q = 0; q < net.m; q++) {
          const nu = Math.hypot(...U.subarray(q * net.d, (q + 1) * net.d));
          const g = Math.abs(alpha[q]) / nu;
          for (let k = 0; k < net.d; k++) U[q * net.d + k] *= g;
          alpha[q] /= g;
        }
        return { ...net, U, alpha };
      },
    }));
  });
  it('Theorem 9 with the threshold of the un-halved loss (β/2 for β) is rejected', () => {
    assertRejected(withSubject(whitenedTheorem9, {
      solve: (problem) => whitenedClosedForm(reluProblem({ X: Float64Array.from(problem.X), d: problem.d, y: problem.y, beta: problem.beta / 2 })),
    }));
  });
  it('Appendix 11 with the loss scaled by ½ instead of 1/(2n) is rejected', () => {
    assertRejected(withSubject(appendix11Value, { kappa: () => 1 }));
  });
  it('a misread dual v* (last sign flipped) is rejected', () => {
    assertRejected(withSubject(prop1Certificate, { ...prop1Subject, spline: { ...prop1Subject.spline, v: [1, -3, 2, 1, 1] } }));
  });
  it('the off-knot example read with the spline\'s biases is rejected', () => {
    assertRejected(withSubject(prop1NonUnique, { ...prop1Subject, offKnot: { ...prop1Subject.offKnot, b: prop1Subject.spline.b } }));
  });
  it('a 1-D dictionary with one ReLU direction only ((x − a_i)_+) is rejected', () => {
    assertRejected(withSubject(oneDEquivalence, { ramps: (a: readonly number[]) => ({ u: a.map(() => 1), b: a.map((ai) => -ai) }) }));
  });
  it('Lemma 7 with unconstrained least squares (λ off the simplex: distance to the span, not the hull) is rejected', () => {
    assertRejected(withSubject(vertexLemma7, {
      neuron: (X: Float64Array, n: number, d: number, i: number) => {
        // λ from the normal equations of min ‖a_i − Σλ_j a_j‖ without λ ≥ 0, 1ᵀλ = 1
        const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
        const m = others.length;
        const G = new Float64Array(m * m);
        const lambda = new Float64Array(m);
        for (let p = 0; p < m; p++) {
          for (let k = 0; k < d; k++) lambda[p] += X[others[p] * d + k] * X[i * d + k];
          for (let q = 0; q < m; q++) for (let k = 0; k < d; k++) G[p * m + q] += X[others[p] * d + k] * X[others[q] * d + k];
        }
        solveInPlace(G, lambda, m);
        const u = new Float64Array(d);
        for (let k = 0; k < d; k++) u[k] = X[i * d + k] - others.reduce((acc, j, p) => acc + lambda[p] * X[j * d + k], 0);
        const residualNorm = Math.hypot(...u);
        for (let k = 0; k < d; k++) u[k] /= residualNorm;
        const b = Math.min(...others.map((j) => -u.reduce((acc, uk, k) => acc + uk * X[j * d + k], 0)));
        return { lambda, u, b, residualNorm };
      },
    }));
  });
  it('Lemma 7 with the bias through the sample itself (b_i = −a_iᵀu_i) is rejected', () => {
    assertRejected(withSubject(vertexLemma7, {
      neuron: (X: Float64Array, n: number, d: number, i: number) => {
        const v = vertexSubject.neuron(X, n, d, i);
        let s = 0;
        for (let k = 0; k < d; k++) s += X[i * d + k] * v.u[k];
        return { ...v, b: -s };
      },
    }));
  });
  it('rank-one reduction with the data points c_i instead of c_i‖a‖ is rejected', () => {
    assertRejected(withSubject(rankOneCorollary5, { coordinates: (c: readonly number[]) => [...c] }));
  });
});
