/**
 * Negative controls for the cutting-plane claims: plausible wrong implementations of
 * Algorithms 1 and 3, each rejected by the same check with a counterexample.
 */
import { describe, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { ConicModel } from '../../src/conic/index.ts';
import { type SpikeFreeCuts, cuttingPlaneTraining, spikeFreeCuts } from '../../src/relu/cutting-plane.ts';
import { reluProblem, type ReluProblem } from '../../src/relu/problem.ts';
import {
  type BiasCuttingPlaneSubject, type CuttingPlaneSubject, CP_GAP, cuttingPlaneBias, cuttingPlaneRelaxation, cuttingPlaneSpikeFree,
} from '../../theorems/ep21/cutting-plane.ts';
import { assertRejected } from '../support.ts';

type Separation = (problem: ReluProblem, v: Float64Array, bias: boolean) => SpikeFreeCuts;

/** Algorithm 1 with a replaced separation step (round limit 30: a wrong oracle need not converge). */
const withSeparation = (separation: Separation): CuttingPlaneSubject => ({
  train: (problem) => {
    const r = cuttingPlaneTraining(problem, { tolGap: CP_GAP, separation, maxIterations: 30 });
    return { network: r.network!, value: r.certificate.value };
  },
});

/** Only û₁ = argmax vᵀXu is added, and only its side is checked (eq. (14)'s first problem read as the whole cut). */
const oneSided: Separation = (problem, v, bias) => ({ ...spikeFreeCuts(problem, v, bias), u2: new Float64Array(problem.d), min: 0 });

/** Line 6 evaluated with a short circuit: once max vᵀXu < β the min side is never checked. */
const firstCheckOnly: Separation = (problem, v, bias) => {
  const cuts = spikeFreeCuts(problem, v, bias);
  return cuts.max < problem.beta ? { ...cuts, u2: new Float64Array(problem.d), min: 0 } : cuts;
};

/** max/min of sign·vᵀXu over {coneSign·Xu ≥ 0, ‖u‖ ≤ 1} (with `coneSign` = 0 the cone rows are dropped). */
function socp(problem: ReluProblem, v: Float64Array, sign: 1 | -1, coneSign: 1 | -1 | 0): { u: Float64Array; value: number } {
  const { n, d, X } = problem;
  const m = new ConicModel();
  const u = m.variable('u', d);
  const g = new Float64Array(d);
  for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) g[k] += X[j * d + k] * v[j];
  for (let k = 0; k < d; k++) m.addObjective(u.at(k), -sign * g[k]);
  if (coneSign !== 0) for (let j = 0; j < n; j++) m.addLinear(Array.from({ length: d }, (_, k) => [coneSign * X[j * d + k], u.at(k)] as [number, number]), '>=', 0);
  m.secondOrderCone({ constant: 1 }, Array.from({ length: d }, (_, k) => u.at(k)));
  const uu = m.solve({ epsAbs: 1e-10, epsRel: 1e-10 }).value('u');
  const nu = Math.hypot(...uu);
  if (nu < 1e-6) return { u: new Float64Array(d), value: 0 };
  for (let k = 0; k < d; k++) uu[k] /= nu;
  let val = 0;
  for (let k = 0; k < d; k++) val += g[k] * uu[k];
  return { u: uu, value: val };
}

/** The relaxed set with the sign of its constraint flipped: {Xu ≤ 0, ‖u‖ ≤ 1}. */
const flippedCone: Separation = (problem, v) => {
  const hi = socp(problem, v, 1, -1);
  const lo = socp(problem, v, -1, -1);
  return { u1: hi.u, max: hi.value, u2: lo.u, min: lo.value, b1: 0, b2: 0 };
};

/** The relaxation without Xu ≥ 0: the unconstrained maximiser ±Xᵀv/‖Xᵀv‖ of vᵀXu over the ball. */
const noCone: Separation = (problem, v) => {
  const hi = socp(problem, v, 1, 0);
  const lo = socp(problem, v, -1, 0);
  return { u1: hi.u, max: hi.value, u2: lo.u, min: lo.value, b1: 0, b2: 0 };
};

describe('negative controls: cutting-plane claims reject plausible wrong implementations', () => {
  it('adding only the argmax cut û₁ (one-sided Algorithm 1) is rejected', () => {
    assertRejected(withSubject(cuttingPlaneSpikeFree, withSeparation(oneSided)));
    assertRejected(withSubject(cuttingPlaneRelaxation, withSeparation(oneSided)));
  });
  it('stopping once max vᵀXu < β without checking the min side is rejected', () => {
    // the short circuit only bites when the max side is met first: default budget (12 instances)
    assertRejected(withSubject(cuttingPlaneSpikeFree, withSeparation(firstCheckOnly)), 'default');
  });
  it('the relaxed constraint with the wrong sign (Xu ≤ 0) is rejected', () => {
    assertRejected(withSubject(cuttingPlaneSpikeFree, withSeparation(flippedCone)));
  });
  it('the relaxation without its constraint Xu ≥ 0 (unconstrained maximiser, outputs through the ReLU) is rejected', () => {
    assertRejected(withSubject(cuttingPlaneSpikeFree, withSeparation(noCone)));
    assertRejected(withSubject(cuttingPlaneRelaxation, withSeparation(noCone)));
  });
  it('Algorithm 3 with the bias column dropped from the separation (Algorithm 1 plus an intercept) is rejected', () => {
    const dropped: BiasCuttingPlaneSubject = {
      train: (problem) => {
        const r = cuttingPlaneTraining(problem, { tolGap: CP_GAP });
        return { U: r.U, b: r.b, w: r.w, c: r.c, value: r.certificate.value };
      },
    };
    assertRejected(withSubject(cuttingPlaneBias, dropped));
  });
  it('Algorithm 3 with the bias as a penalised column of ones (Algorithm 1 on [a, 1]) is rejected', () => {
    const penalised: BiasCuttingPlaneSubject = {
      train: (problem) => {
        const rows = Array.from({ length: problem.n }, (_, j) => [...problem.X.subarray(j * problem.d, (j + 1) * problem.d), 1]);
        const aug = reluProblem({ X: rows, y: problem.y, beta: problem.beta, intercept: true });
        const r = cuttingPlaneTraining(aug, { tolGap: CP_GAP });
        const d = problem.d;
        const U = new Float64Array(r.m * d);
        const b = new Float64Array(r.m);
        for (let q = 0; q < r.m; q++) {
          for (let k = 0; k < d; k++) U[q * d + k] = r.U[q * (d + 1) + k];
          b[q] = r.U[q * (d + 1) + d];
        }
        return { U, b, w: r.w, c: r.c, value: r.certificate.value };
      },
    };
    assertRejected(withSubject(cuttingPlaneBias, penalised));
  });
});
