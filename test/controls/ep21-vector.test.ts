/**
 * Negative controls for the vector-output and real-data ep21 claims: each claim,
 * handed a plausible wrong implementation, is rejected by the same check.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { solveConicProgram } from '../../src/relu/conic-program.ts';
import { convexObjective } from '../../src/relu/convex.ts';
import type { ConvexSide } from '../../src/relu/figure11.ts';
import { samplePatterns } from '../../src/relu/arrangements.ts';
import { createRng } from '../../src/core/random.ts';
import { type VectorNetwork, outputProblem, separableNetwork, solveSeparable, vectorNetworkObjective, whitenedOneHotNetwork } from '../../src/relu/vector.ts';
import { fig11Certified, fig11ConvexLowest, separableCertified, whitenedOneHot } from '../../theorems/ep21/vector.ts';
import { assertRejected } from '../support.ts';

describe('negative controls: ep21 vector-output and real-data claims reject plausible wrong implementations', () => {
  it('Theorem 15 without the soft threshold (w_k = √n_k e_k, the interpolating network) is rejected', () => {
    assertRejected(withSubject(whitenedOneHot, {
      network: (problem) => {
        const net = whitenedOneHotNetwork(problem);
        // undo the shrinkage: balanced weights √(√n_k) on both layers
        const W = Float64Array.from(net.W);
        const U = Float64Array.from(net.U);
        for (let q = 0; q < net.m; q++) {
          const k = W.subarray(q * net.K, (q + 1) * net.K).findIndex((v) => v !== 0);
          let nk = 0;
          for (let j = 0; j < problem.n; j++) nk += problem.Y[j * problem.K + k];
          const g = Math.sqrt(Math.sqrt(nk)) / W[q * net.K + k];
          W[q * net.K + k] *= g;
          for (let t = 0; t < net.d; t++) U[q * net.d + t] *= g;
        }
        return { ...net, U, W } satisfies VectorNetwork;
      },
    }));
  });

  it('the separable program without its cone constraints (gated ReLU per output) is rejected', () => {
    assertRejected(withSubject(separableCertified, {
      solve: (problem, patterns) => {
        const sols = Array.from({ length: problem.K }, (_, k) => solveConicProgram(outputProblem(problem, k), patterns, { gated: true }).solution);
        const value = sols.reduce((s, sol, k) => s + convexObjective(outputProblem(problem, k), patterns, sol), 0);
        return { network: separableNetwork(problem, patterns, sols), value };
      },
    }));
  });

  it('the Figure 11 convex side over too few sampled patterns (4, no all-active pattern D = I) is rejected by the certificate', () => {
    const sampledOnly: ConvexSide = {
      solve: (problem, _sampled, seed) => {
        const patterns = samplePatterns(problem.X, problem.n, problem.d, 4, createRng(seed));
        const res = solveSeparable(problem, patterns, { solver: 'working-set', tolGap: 1e-5, addPerRound: 2 });
        return { network: res.network, value: res.outputs.reduce((s, o) => s + o.certificate.networkValue, 0), patterns: patterns.masks.length, status: 'sampled-only' };
      },
    };
    assertRejected(withSubject(fig11Certified, sampledOnly));
  });

  it('the Figure 11 convex side as Theorem 15 with ‖Xᵀy_k‖ taken as n_k instead of √n_k is rejected', () => {
    const wrongNorm: ConvexSide = {
      solve: (problem) => {
        const net = whitenedOneHotNetwork(problem);
        const U = Float64Array.from(net.U);
        for (let q = 0; q < net.m; q++) {
          const k = net.W.subarray(q * net.K, (q + 1) * net.K).findIndex((v) => v !== 0);
          let nk = 0;
          for (let j = 0; j < problem.n; j++) nk += problem.Y[j * problem.K + k];
          for (let t = 0; t < net.d; t++) U[q * net.d + t] /= Math.sqrt(nk); // u_k = Xᵀy_k/n_k
        }
        const network = { ...net, U };
        return { network, value: vectorNetworkObjective(problem, network), patterns: 1, status: 'closed form' };
      },
    };
    assertRejected(withSubject(fig11ConvexLowest, wrongNorm));
    assertRejected(withSubject(fig11Certified, wrongNorm));
  });
});
