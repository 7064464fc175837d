/**
 * Negative controls of the dx.nets claims: each claim is run with a plausible wrong implementation
 * (wrong ordering, prox at λ instead of λ/β, a dropped normalisation, the wrong STE, a dropped factor)
 * and must be rejected with a counterexample at the quick budget (the checks can fail).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { createRng } from '../../src/core/random.ts';
import { angle, gradRelu, lossBinary, lossRelu, norm, reluCurvatureAtOptimum } from '../../src/nets/model.ts';
import type { RvscgdOptions, SplittingOptions } from '../../src/nets/splitting.ts';
import {
  angleNumerics, binaryLoss, binaryLossSubject, coarseGradients, coarseSubject, landscapeSubject, reluGradient, reluGradSubject,
  reluLandscape, reluLossMc,
} from '../../theorems/dinh-xin/nets.ts';
import {
  normalisationInvariance, rvscgdAngleRecursion, rvscgdL0Recovery, rvscgdLimit, rvscgdMinibatch, rvsmDescent, rvsmL0Recovery,
  rvsmL0Subject, rvsmLimit, rvsmMinibatch, rvsmOrderings, splittingSubject, type SplittingSubject,
} from '../../theorems/dinh-xin/nets-splitting.ts';
import { assertRejected } from '../support.ts';
import { splittingInstance } from '../../src/arbitraries/nets.ts';
import { tradeoff, tradeoffSubject } from '../../theorems/dinh-xin/nets-tradeoff.ts';
import type { TradeoffOptions, TradeoffPoint } from '../../src/nets/tradeoff.ts';
import { rvscgdErrorEstimate, rvsmSufficientDecrease, rvsmTheoremB } from '../../theorems/dinh-xin/nets-reconstructed.ts';

/** A splitting subject whose RVSM / RVSCGD options are rewritten. */
function rewrite(
  f: (o: SplittingOptions) => SplittingOptions,
  g: (o: RvscgdOptions) => RvscgdOptions = (o) => o,
): SplittingSubject {
  return { rvsm: (o) => splittingSubject.rvsm(f(o)), rvscgd: (o) => splittingSubject.rvscgd(g(o)) };
}

/**
 * The u-step thresholds at λ instead of λ/β (a common porting slip). The solver computes τ = λ/β, so
 * passing λβ gives τ = λ; only the prox is wrong (the λP(u) term of the recorded Lagrangian is
 * reweighted too, which no check below reads).
 */
const proxAtLambda = <O extends SplittingOptions>(o: O): O => ({ ...o, lambda: o.lambda * o.beta });

/** The lagged ordering of the restatement's pseudo-code, read literally. */
const lagged = <O extends SplittingOptions>(o: O): O => ({ ...o, ordering: 'lagged' });

describe('dx.nets negative controls (model, claims 1–5)', () => {
  it('relu-loss-mc rejects the loss with the wrong normalisation c₀ = ½', () => {
    assertRejected(withSubject(reluLossMc, { loss: (w, ws, k) => 0.5 * lossRelu(w, ws, k) }));
  });

  it('relu-gradient rejects a sign error in the sin θ term', () => {
    const wrong = {
      ...reluGradSubject,
      grad: (w: ArrayLike<number>, ws: ArrayLike<number>, k: number) => {
        const g = gradRelu(w, ws, k);
        const f = (2 * (k / Math.PI) * Math.sin(angle(w, ws)) * norm(ws)) / (norm(w) * k * k);
        return g.map((x, i) => x + f * w[i]);
      },
    };
    assertRejected(withSubject(reluGradient, wrong));
  });

  it('relu-landscape rejects the wrong curvature constant (1 + k/π)/k', () => {
    assertRejected(withSubject(reluLandscape, { ...landscapeSubject, curvature: (k: number) => (1 + k / Math.PI) / k }));
    expect(reluCurvatureAtOptimum(5)).toBeCloseTo(0.454648, 6);
  });

  it('binary-loss rejects θ/(πk) (c₀ = 1 against a c₀ = ½ Monte Carlo)', () => {
    assertRejected(withSubject(binaryLoss, { loss: (w, ws, k) => 2 * binaryLossSubject.loss(w, ws, k) }));
    expect(lossBinary([1, 0], [0, 1], 2)).toBeCloseTo(1 / 8, 15);
  });

  it('binary-loss rejects an angle from a cosine that forgot to divide by ‖w‖ (not scale invariant)', () => {
    const loss = (w: ArrayLike<number>, ws: ArrayLike<number>, k: number): number => {
      let d = 0;
      for (let i = 0; i < w.length; i++) d += w[i] * ws[i];
      return Math.acos(Math.min(1, Math.max(-1, d / norm(ws)))) / (2 * Math.PI * k);
    };
    const r = assertRejected(withSubject(binaryLoss, { loss }));
    expect(r.counterexample!.comparisons.find((c) => c.quantity.startsWith('|f(s·w) − f(w)|'))!.pass).toBe(false);
  });

  it('angle-numerics rejects arccos of the clipped cosine', () => {
    const arccosAngle = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
      let d = 0;
      for (let i = 0; i < a.length; i++) d += a[i] * b[i];
      return Math.acos(Math.min(1, Math.max(-1, d / (norm(a) * norm(b)))));
    };
    assertRejected(withSubject(angleNumerics, { angle: arccosAngle }));
  });

  it('coarse-gradients rejects the identity STE with the ReLU-STE constant', () => {
    const wrong = { ...coarseSubject, expected: (w: ArrayLike<number>, ws: ArrayLike<number>, k: number) => coarseSubject.expected(w, ws, k, 'relu') };
    assertRejected(withSubject(coarseGradients, wrong));
  });
});

describe('dx.nets negative controls (RVSM / RVSCGD, claims 8–11)', () => {
  it('rvsm-descent rejects the lagged ordering (unstable between η_G and η_U)', () => {
    const r = assertRejected(withSubject(rvsmDescent, rewrite(lagged)));
    const inc = r.counterexample!.comparisons.find((c) => c.quantity.startsWith('max over η'))!;
    expect(inc.measured).toBeGreaterThan(1e-3);
  });

  it('rvsm-orderings rejects a solver that ignores the ordering (always u-first: stable beyond η_G)', () => {
    const r = assertRejected(withSubject(rvsmOrderings, rewrite((o) => ({ ...o, ordering: 'u-first' }))));
    expect(r.counterexample!.comparisons.find((c) => c.quantity.includes('lagged at 1.05η_G'))!.pass).toBe(false);
  });

  it('rvsm-orderings rejects a lagged solver that thresholds at λ instead of λ/β (different limit)', () => {
    assertRejected(withSubject(rvsmOrderings, rewrite((o) => (o.ordering === 'lagged' ? proxAtLambda(o) : o))));
  });

  it('normalisation-invariance rejects thresholding at λ instead of λ/β', () => {
    assertRejected(withSubject(normalisationInvariance, rewrite(proxAtLambda, proxAtLambda)));
  });

  it('rvsm-limit rejects thresholding at λ instead of λ/β (not stationary for L_β)', () => {
    const r = assertRejected(withSubject(rvsmLimit, rewrite(proxAtLambda)));
    expect(r.counterexample!.comparisons.find((c) => c.quantity.startsWith('max residual'))!.pass).toBe(false);
  });

  it('rvsm-l0-recovery rejects λ in the bistable band (λ = 1e-3), whose limits depend on the initialisation', () => {
    const wrong = { ...rvsmL0Subject, lambda: 1e-3 };
    const r = assertRejected(withSubject(rvsmL0Recovery, wrong));
    expect(r.counterexample!.comparisons.find((c) => c.quantity.startsWith('max over'))!.pass).toBe(false);
    // Initialisation dependence inside the band: limits from different w⁰ differ.
    const [inst] = fc.sample(splittingInstance({ penalties: ['l0'], minAbs: 0.174, inits: 8 }), { numRuns: 1, seed: 7 });
    const out = rvsmL0Recovery.check(inst, wrong, { rng: createRng(1), seed: 1, budget: 'quick' }) as unknown as { values: { spread: number } };
    expect(out.values.spread).toBeGreaterThan(1e-2);
  });

  it('rvsm-l0-recovery rejects soft thresholding in place of hard (a penalty dispatch slip)', () => {
    assertRejected(withSubject(rvsmL0Recovery, { ...rvsmL0Subject, rvsm: (o) => splittingSubject.rvsm({ ...o, penalty: { kind: 'l1' } }) }));
  });

  it('rvscgd-limit rejects the identity STE (coarse gradient 2c(ŵ − w*) against the ReLU-STE fixed point)', () => {
    assertRejected(withSubject(rvscgdLimit, rewrite((o) => o, (o) => ({ ...o, ste: 'identity' }))));
  });

  it('rvscgd-angle-recursion rejects the identity STE (contraction 1 − 2a)', () => {
    assertRejected(withSubject(rvscgdAngleRecursion, rewrite((o) => o, (o) => ({ ...o, ste: 'identity' }))));
  });

  it('rvscgd-angle-recursion rejects the lagged ordering', () => {
    assertRejected(withSubject(rvscgdAngleRecursion, rewrite((o) => o, lagged)));
  });

  it('rvscgd-limit rejects RVSCGD without the normalisation step (norm collapse, angle stalls)', () => {
    const r = assertRejected(withSubject(rvscgdLimit, rewrite((o) => o, (o) => ({ ...o, normalize: false }))));
    // The substantive failures: no tangential fixed point, initialisation-dependent end points, ‖w‖ collapsed.
    const failed = r.counterexample!.comparisons.filter((c) => !c.pass).map((c) => c.quantity);
    expect(failed).toContain('max tangential residual');
    expect(failed).toContain('|‖w̄‖ − 1|');
  });

  it('rvscgd-l0-recovery rejects RVSCGD without normalisation (u → 0)', () => {
    assertRejected(withSubject(rvscgdL0Recovery, rewrite((o) => o, (o) => ({ ...o, normalize: false }))));
  });

  it('rvsm-minibatch rejects a sample gradient without the factor 2 (the gradient of ½r², not of r²)', () => {
    assertRejected(withSubject(rvsmMinibatch, rewrite((o) => (o.minibatch ? { ...o, lossScale: 0.5 } : o))));
  });

  it('rvscgd-minibatch rejects minibatch RVSCGD without the normalisation step', () => {
    assertRejected(withSubject(rvscgdMinibatch, rewrite((o) => o, (o) => (o.minibatch ? { ...o, normalize: false } : o))));
  });
});

describe('dx.nets negative control (trade-off)', () => {
  it('tradeoff rejects a solver that ignores the penalty kind (always ℓ1)', () => {
    const l1 = { kind: 'l1' } as const;
    // it returns the same ℓ1 point for the three penalties of one teacher: solved once per teacher's options
    const solved = new WeakMap<TradeoffOptions, TradeoffPoint>();
    const matched = (o: TradeoffOptions, t: number): TradeoffPoint => solved.get(o) ?? solved.set(o, tradeoffSubject.matched(o, l1, t)).get(o)!;
    assertRejected(withSubject(tradeoff, {
      matched: (o, _p, t) => matched(o, t),
      sweep: () => [], // the curves are not compared; skip them to keep the control fast
    }));
  });
});

describe('dx.nets negative controls (unverified reconstructions)', () => {
  it('rvsm-sufficient-decrease rejects the lagged ordering (η = 2 is beyond its step limit 1.37)', () => {
    assertRejected(withSubject(rvsmSufficientDecrease, rewrite(lagged)));
  });

  it('rvsm-theorem-b rejects thresholding at λ instead of λ/β (the limit is not stationary for L_β)', () => {
    assertRejected(withSubject(rvsmTheoremB, rewrite(proxAtLambda)));
  });

  it('rvscgd-error-estimate rejects RVSCGD without normalisation', () => {
    assertRejected(withSubject(rvscgdErrorEstimate, rewrite((o) => o, (o) => ({ ...o, normalize: false }))));
  });
});
