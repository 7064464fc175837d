/**
 * Arbitraries for the Dinh–Xin one-hidden-layer CNN claims (docs/claims/dinh-xin.md).
 *
 * Vectors are built from a drawn integer seed with createRng (deterministic, replayable), and the
 * instances are not shrunk (fc.noShrink): each check runs Monte Carlo or thousands of iterations,
 * and shrinking a 20-dimensional vector would cost hundreds of such checks for no clearer example.
 */
import fc from 'fast-check';
import { createRng } from '../core/random.ts';
import { randomInit, sparseTeacher } from '../nets/teacher.ts';
import type { Penalty } from '../prox/prox.ts';

/** Angle regimes of a (w, w*) pair: near 0, near π/2, near π, or anywhere in (0.05, π − 0.05). */
export type AngleRegime = 'small' | 'right' | 'large' | 'any';

/** Constraints of {@link netPair}. */
export interface NetPairConstraints {
  /** Dimension d (default 20). */
  d?: number;
  /** Patches k: a fixed value or a range [lo, hi] (default 5). */
  k?: number | [number, number];
  /** Regimes to draw θ(w, w*) from (default all four). */
  regimes?: AngleRegime[];
  /** Range of ‖w‖/‖w*‖ (default [0.5, 2]; [1, 1] gives equal norms). */
  ratio?: [number, number];
  /** Draw ‖w*‖ = 1 (default true); otherwise ‖w*‖ ∈ [0.5, 2]. */
  unitTeacher?: boolean;
}

/** A (w, w*) pair with prescribed angle and norm ratio. */
export interface NetPair {
  d: number;
  k: number;
  /** θ(w, w*) by construction. */
  theta: number;
  regime: AngleRegime;
  w: Float64Array;
  wStar: Float64Array;
}

const RANGES: Record<AngleRegime, [number, number]> = {
  small: [0.02, 0.1],
  right: [Math.PI / 2 - 0.1, Math.PI / 2 + 0.1],
  large: [Math.PI - 0.1, Math.PI - 0.02],
  any: [0.05, Math.PI - 0.05],
};

/**
 * w = ‖w‖(cos θ·ŵ* + sin θ·v̂) with v̂ ⊥ ŵ* drawn from the seed, so θ(w, w*) = θ exactly (up to rounding).
 */
export function netPair(c: NetPairConstraints = {}): fc.Arbitrary<NetPair> {
  const d = c.d ?? 20;
  const kArb = typeof c.k === 'number' || c.k === undefined ? fc.constant(c.k ?? 5) : fc.integer({ min: c.k[0], max: c.k[1] });
  const [rlo, rhi] = c.ratio ?? [0.5, 2];
  return fc.noShrink(
    fc
      .record({
        k: kArb,
        regime: fc.constantFrom(...(c.regimes ?? (['small', 'right', 'large', 'any'] as AngleRegime[]))),
        u: fc.double({ min: 0, max: 1, noNaN: true }),
        ratio: fc.double({ min: rlo, max: rhi, noNaN: true }),
        seed: fc.integer({ min: 0, max: 0x7fffffff }),
      })
      .map(({ k, regime, u, ratio, seed }) => {
        const rng = createRng(seed);
        const [lo, hi] = RANGES[regime];
        const theta = lo + (hi - lo) * u;
        const ns = c.unitTeacher === false ? 0.5 + 1.5 * rng.uniform() : 1;
        const e = rng.fillNormal(new Float64Array(d));
        const v = rng.fillNormal(new Float64Array(d));
        let ne = 0;
        for (let i = 0; i < d; i++) ne += e[i] * e[i];
        ne = Math.sqrt(ne);
        for (let i = 0; i < d; i++) e[i] /= ne;
        let p = 0;
        for (let i = 0; i < d; i++) p += v[i] * e[i];
        let nv = 0;
        for (let i = 0; i < d; i++) {
          v[i] -= p * e[i];
          nv += v[i] * v[i];
        }
        nv = Math.sqrt(nv);
        const nw = ratio * ns;
        const w = new Float64Array(d);
        const wStar = new Float64Array(d);
        for (let i = 0; i < d; i++) {
          wStar[i] = ns * e[i];
          w[i] = nw * (Math.cos(theta) * e[i] + (Math.sin(theta) * v[i]) / nv);
        }
        return { d, k, theta, regime, w, wStar };
      }),
  );
}

/** Penalty kinds with TL1 at a = 1 (as in every dx claim). */
export type PenaltyKind = 'l1' | 'l0' | 'tl1';

/** The penalty descriptor of a kind (TL1 with a = 1). */
export const penaltyOf = (kind: PenaltyKind, a = 1): Penalty => (kind === 'tl1' ? { kind, a } : { kind });

/** Constraints of {@link splittingInstance}. */
export interface SplittingInstanceConstraints {
  /** Dimension d (default 20). */
  d?: number;
  /** Nonzeros of w* (default 10). */
  nnz?: number;
  /** Smallest nonzero |w*_i| (a rescaled teacher, e.g. 0.174); unconstrained when omitted. */
  minAbs?: number;
  /** Penalties to draw from (default ℓ1, ℓ0, TL1). */
  penalties?: PenaltyKind[];
  /** Number of initialisations (default 5). */
  inits?: number;
  /** Half-space initialisations w⁰ᵀw* > 0 (default true). */
  halfSpace?: boolean;
}

/** A unit-norm sparse teacher with several random initialisations of norm in [0.5, 2]. */
export interface SplittingInstance {
  penalty: PenaltyKind;
  wStar: Float64Array;
  inits: Float64Array[];
}

/** Seeded sparse teacher (d = 20, 10 nonzeros by default) and initialisations, with a penalty kind. */
export function splittingInstance(c: SplittingInstanceConstraints = {}): fc.Arbitrary<SplittingInstance> {
  const d = c.d ?? 20;
  const nnz = c.nnz ?? 10;
  return fc.noShrink(
    fc
      .record({
        penalty: fc.constantFrom(...(c.penalties ?? (['l1', 'l0', 'tl1'] as PenaltyKind[]))),
        seed: fc.integer({ min: 0, max: 0x7fffffff }),
      })
      .map(({ penalty, seed }) => {
        const rng = createRng(seed);
        const wStar = sparseTeacher({ d, nnz, minAbs: c.minAbs, rng });
        const inits = Array.from({ length: c.inits ?? 5 }, () =>
          randomInit(d, rng, c.halfSpace === false ? undefined : wStar, 0.5 + 1.5 * rng.uniform()),
        );
        return { penalty, wStar, inits };
      }),
  );
}
