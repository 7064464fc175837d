/**
 * The primal–dual path solver with prior rows (src/signal/relax/path-pd-priors.ts): certified against the
 * conic solver on the same model (32) with priors, and used by Algorithm 1 on paths with priors.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { priors43, signalProblem, type Prior } from '../../src/signal/model.ts';
import { buildDecomp } from '../../src/signal/relax/build.ts';
import { decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { pathPriorsApplies, solveDecompPathPriors } from '../../src/signal/relax/path-pd-priors.ts';
import { RELAX_SOLVER_OPTIONS, solveSpec, usable } from '../../src/signal/relax/solve.ts';

/** The conic solver's value of (32) with the same cut sets and priors. */
function conicValue(p: ReturnType<typeof signalProblem>, cuts: number[][]): number {
  const vars = buildDecomp(p, cuts, {});
  const s = solveSpec(vars.spec, RELAX_SOLVER_OPTIONS);
  expect(usable(s)).toBe(true);
  return s.primal;
}

describe('path-pd-priors', () => {
  it('equals the conic solver on (32) with (43c), (43d), Σz ≤ k and extra cut sets', () => {
    const rng = createRng(17);
    for (let t = 0; t < 6; t++) {
      const n = 25 + rng.int(40);
      const s = 1 + rng.int(2);
      const h = 4 + rng.int(5);
      const g = generateSpikes({ n, s, h, sigma: 0.3 + 0.6 * rng.uniform(), seed: 100 + t });
      const withK = t % 2 === 0;
      const p = signalProblem({ y: g.y, lambda: 0.05 + rng.uniform(), l1: t % 3 === 0 ? 0 : 0.1 * rng.uniform(), k: withK ? h * s : null, priors: priors43(n, s, h).slice(withK ? 1 : 0) });
      const cuts = p.graph.edges.map(() => (rng.uniform() < 0.3 ? [1, 0.5 + 2 * rng.uniform()] : [1]));
      const ref = conicValue(p, cuts);
      const r = solveDecompPathPriors(p, cuts);
      expect(r.status).toBe('optimal');
      const scale = Math.max(1, Math.abs(ref));
      expect(Math.abs(r.value - ref) / scale).toBeLessThan(1e-6);
      // the certified bound is below the conic optimum (up to the conic solver's accuracy) and close to it
      expect(r.lowerBound).toBeLessThanOrEqual(ref + 1e-7 * scale);
      expect(ref - r.lowerBound).toBeLessThan(1e-5 * scale);
      // the returned point satisfies the priors (43c)/(43d) up to the solver's accuracy
      let sw = 0;
      for (let i = 0; i + 1 < n; i++) sw += Math.abs(r.z[i + 1] - r.z[i]);
      expect(sw).toBeLessThanOrEqual(2 * s + 1e-6);
    }
  });
  it('a single ≥ prior and a switch count without other priors', () => {
    const g = generateSpikes({ n: 40, s: 1, h: 8, sigma: 0.5, seed: 3 });
    const atLeast: Prior = { kind: 'linear', terms: Array.from({ length: 40 }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 2 };
    for (const priors of [[atLeast], [{ kind: 'switches', max: 2 } as Prior]]) {
      const p = signalProblem({ y: g.y, lambda: 0.3, priors });
      const cuts = p.graph.edges.map(() => [1]);
      const r = solveDecompPathPriors(p, cuts);
      expect(r.status).toBe('optimal');
      expect(Math.abs(r.value - conicValue(p, cuts))).toBeLessThan(1e-6 * Math.max(1, r.value));
    }
  });
  it('Algorithm 1 on a path with priors uses it: its rounds equal the conic solver on their cut sets', () => {
    const g = generateSpikes({ n: 60, s: 2, h: 6, sigma: 0.6, seed: 8 });
    const p = signalProblem({ y: g.y, lambda: 0.32, l1: 0.02, k: 12, priors: priors43(60, 2, 6).slice(1) });
    const a = decompRelaxation(p);
    const b = decompRelaxation(p, { method: 'conic' });
    expect(a.status).toBe('optimal');
    // round 1 (Δ = {1}) is the same model for both solvers
    expect(Math.abs(a.history[0].value - b.history[0].value) / Math.max(1, b.value)).toBeLessThan(1e-6);
    expect(Math.abs(a.value - conicValue(p, a.cutSets)) / Math.max(1, a.value)).toBeLessThan(1e-6);
    // later rounds add cuts separated at slightly different interior points (limiting cases d → 0, ∞ clipped),
    // so the two runs stop (Remark 13) at nearby but different relaxations: here within 0.05 %
    expect(Math.abs(a.value - b.value) / Math.max(1, b.value)).toBeLessThan(1e-3);
  });
  it('warm starts: from the previous cut sets (a prefix), from other cut sets and another ℓ1 weight — same value as cold, the conic optimum', () => {
    const rng = createRng(29);
    for (let t = 0; t < 4; t++) {
      const n = 30 + rng.int(30);
      const g = generateSpikes({ n, s: 2, h: 5, sigma: 0.3 + 0.5 * rng.uniform(), seed: 200 + t });
      const prob = (l1: number): ReturnType<typeof signalProblem> => signalProblem({ y: g.y, lambda: 0.32, l1, k: 10, priors: priors43(n, 2, 5).slice(1) });
      const p = prob(0.01);
      const first = p.graph.edges.map(() => [1]);
      const a = solveDecompPathPriors(p, first, { snapshotGaps: [1e-2] });
      expect(a.status).toBe('optimal');
      expect(a.pdSnapshots[0]?.vExtra?.length).toBe(2 * (n - 1)); // the switch count's t_e, S_e
      // (i) Algorithm 1's next round: the same cuts plus one more on some edges
      const more = first.map((c, e) => (e % 3 === 0 ? [...c, 0.5 + rng.uniform()] : [...c]));
      // (ii) a neighbouring grid pair: other ℓ1 weight, cut sets that drop the snapshot's d = 1 on some edges
      const other = first.map((_, e) => (e % 4 === 0 ? [2] : [1]));
      for (const [q, cuts] of [[p, more], [prob(0.03), other]] as const) {
        const warm = solveDecompPathPriors(q, cuts, { warm: a.pdSnapshots[0] });
        const cold = solveDecompPathPriors(q, cuts);
        expect(warm.warmStarted).toBe(true);
        expect(warm.status).toBe('optimal');
        const ref = conicValue(q, cuts);
        const scale = Math.max(1, Math.abs(ref));
        expect(Math.abs(warm.value - cold.value) / scale).toBeLessThan(1e-6);
        expect(warm.lowerBound).toBeLessThanOrEqual(ref + 1e-7 * scale);
        expect(ref - warm.lowerBound).toBeLessThan(1e-5 * scale);
      }
      // a snapshot of another model (no priors: no vExtra) is not used
      expect(solveDecompPathPriors(p, more, { warm: { ...a.pdSnapshots[0]!, vExtra: undefined } }).warmStarted).toBe(false);
    }
  });
  it('Algorithm 1 with priors warm-starts its later rounds; its bound stays a bound of its last model', () => {
    const g = generateSpikes({ n: 80, s: 2, h: 6, sigma: 0.5, seed: 12 });
    const p = signalProblem({ y: g.y, lambda: 0.32, l1: 0.01, k: 12, priors: priors43(80, 2, 6).slice(1) });
    const a = decompRelaxation(p);
    expect(a.status).toBe('optimal');
    expect(a.rounds).toBeGreaterThan(1);
    expect(a.pdSnapshot?.vExtra).toBeDefined();
    expect(Math.abs(a.value - conicValue(p, a.cutSets)) / Math.max(1, a.value)).toBeLessThan(1e-6);
    expect(a.lowerBound).toBeLessThanOrEqual(conicValue(p, a.cutSets) + 1e-7 * Math.max(1, a.value));
  });
  it('applies only where it can; an infeasible start is reported as failed (the caller falls back), bad input names the argument', () => {
    const y = Float64Array.from({ length: 20 }, (_, i) => (i % 5) / 5);
    expect(pathPriorsApplies(signalProblem({ y }))).toBe(false); // no priors: path-pd.ts
    expect(pathPriorsApplies(signalProblem({ y, priors: [{ kind: 'switches', max: 0 }] }))).toBe(false);
    expect(pathPriorsApplies(signalProblem({ y, priors: [{ kind: 'linear', terms: [{ index: 0, coef: 1 }], sense: '=', rhs: 1 }] }))).toBe(false);
    expect(pathPriorsApplies(signalProblem({ y, priors: [{ kind: 'switches', max: 1 }, { kind: 'switches', max: 2 }] }))).toBe(false);
    // z₀ = ½ everywhere violates Σz ≥ 15 on 20 nodes: no strictly feasible start of ours
    const hard = signalProblem({ y, priors: [{ kind: 'linear', terms: Array.from({ length: 20 }, (_, i) => ({ index: i, coef: 1 })), sense: '>=', rhs: 15 }] });
    expect(solveDecompPathPriors(hard, hard.graph.edges.map(() => [1])).status).toBe('failed');
    expect(decompRelaxation(hard).status).toBe('optimal'); // the conic solver takes over
    expect(() => solveDecompPathPriors(signalProblem({ y }), [])).toThrow(InvalidArgumentError);
    const ok = signalProblem({ y, priors: priors43(20, 1, 4).slice(1) });
    expect(() => solveDecompPathPriors(ok, [[1]])).toThrow(InvalidArgumentError);
  });
});
