/**
 * Negative controls of the dx.nets claims: each claim is run with a wrong subject and must be
 * rejected with a counterexample (the checks can fail).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject } from '../src/claims/claim.ts';
import { createRng } from '../src/core/random.ts';
import { angle, gradRelu, lossBinary, lossRelu, norm, reluCurvatureAtOptimum } from '../src/nets/model.ts';
import type { RvscgdOptions, SplittingOptions } from '../src/nets/splitting.ts';
import {
  binaryLoss, binaryLossSubject, coarseGradients, coarseSubject, landscapeSubject, reluGradient, reluGradSubject,
  reluLandscape, reluLossMc,
} from '../theorems/dinh-xin/nets.ts';
import {
  rvscgdL0Recovery, rvscgdLimit, rvscgdMinibatch, rvsmDescent, rvsmL0Recovery, rvsmL0Subject, rvsmLimit, rvsmMinibatch,
  splittingSubject, type SplittingSubject,
} from '../theorems/dinh-xin/nets-splitting.ts';
import { assertRejected } from '../properties/support.ts';
import { splittingInstance } from '../properties/arbitraries/nets.ts';
import { tradeoff, tradeoffSubject } from '../theorems/dinh-xin/nets-tradeoff.ts';
import { rvscgdErrorEstimate, rvsmSufficientDecrease, rvsmTheoremB } from '../theorems/dinh-xin/nets-reconstructed.ts';

/** A splitting subject whose RVSM / RVSCGD options are rewritten. */
function rewrite(
  f: (o: SplittingOptions) => SplittingOptions,
  g: (o: RvscgdOptions) => RvscgdOptions = (o) => o,
): SplittingSubject {
  return { rvsm: (o) => splittingSubject.rvsm(f(o)), rvscgd: (o) => splittingSubject.rvscgd(g(o)) };
}

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

  it('coarse-gradients rejects the identity STE with the ReLU-STE constant', () => {
    const wrong = { ...coarseSubject, expected: (w: ArrayLike<number>, ws: ArrayLike<number>, k: number) => coarseSubject.expected(w, ws, k, 'relu') };
    assertRejected(withSubject(coarseGradients, wrong));
  });
});

describe('dx.nets negative controls (RVSM / RVSCGD, claims 8–11)', () => {
  it('rvsm-descent detects an increase for η = 6 (> 2/(β + L*))', () => {
    const r = assertRejected(withSubject(rvsmDescent, rewrite((o) => ({ ...o, eta: 6 }))));
    const inc = r.counterexample!.comparisons.find((c) => c.quantity.startsWith('max_t'))!;
    expect(inc.measured).toBeGreaterThan(1e-3);
  });

  it('rvsm-limit rejects an early-stopped solver (30 iterations)', () => {
    assertRejected(withSubject(rvsmLimit, rewrite((o) => ({ ...o, iterations: 30 }))));
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

  it('rvsm-minibatch rejects a tiny batch (5 samples)', () => {
    assertRejected(withSubject(rvsmMinibatch, rewrite((o) => (o.minibatch ? { ...o, minibatch: { ...o.minibatch, batch: 5 } } : o))));
  });

  it('rvscgd-minibatch rejects a tiny batch (5 samples)', () => {
    assertRejected(
      withSubject(rvscgdMinibatch, rewrite((o) => o, (o) => (o.minibatch ? { ...o, minibatch: { ...o.minibatch, batch: 5 } } : o))),
    );
  });
});

describe('dx.nets negative control (trade-off)', () => {
  it('tradeoff rejects a solver that ignores the penalty kind (always ℓ1)', () => {
    const l1 = { kind: 'l1' } as const;
    assertRejected(withSubject(tradeoff, {
      matched: (o, _p, t) => tradeoffSubject.matched(o, l1, t),
      sweep: () => [], // the curves are not compared; skip them to keep the control fast
    }));
  });
});

describe('dx.nets negative controls (unverified reconstructions)', () => {
  it('rvsm-sufficient-decrease rejects η = 6', () => {
    assertRejected(withSubject(rvsmSufficientDecrease, rewrite((o) => ({ ...o, eta: 6 }))));
  });

  it('rvsm-theorem-b rejects an early-stopped solver (30 iterations)', () => {
    assertRejected(withSubject(rvsmTheoremB, rewrite((o) => ({ ...o, iterations: 30 }))));
  });

  it('rvscgd-error-estimate rejects RVSCGD without normalisation', () => {
    assertRejected(withSubject(rvscgdErrorEstimate, rewrite((o) => o, (o) => ({ ...o, normalize: false }))));
  });
});
