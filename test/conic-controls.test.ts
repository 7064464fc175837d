/**
 * Negative controls of the conic claims: the same checks with a wrong solver
 * (stopped early, flipped cone, wrong dual sign, wrong certificate) must fail.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../src/claims/claim.ts';
import type { ConicSolver } from '../src/conic/model.ts';
import { solveConic, type ConicProblem } from '../src/conic/solver.ts';
import { cscFromTriplets } from '../src/conic/sparse.ts';
import { kktRandom, projections, nnls, denseReferences, infeasibility, invariance } from '../theorems/conic/solver.ts';
import { example1Natural, example1Persp } from '../theorems/conic/agh-examples.ts';
import { assertRejected } from '../properties/support.ts';

/** A solver that stops after k iterations and claims optimality. */
const stoppedEarly = (k: number): ConicSolver => (p, o) => solveConic(p, { ...o, unsafeStopAfter: k });

/** Negate the head row (t) of every second-order cone: ‖u‖ ≤ −t instead of ‖u‖ ≤ t. */
export function flipConeHeads(p: ConicProblem): ConicProblem {
  const heads = new Set<number>();
  let off = 0;
  for (const c of p.cones) {
    if (c.kind === 'soc') heads.add(off);
    off += c.dim;
  }
  const r: number[] = [];
  const cI: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < p.A.ncols; j++) for (let k = p.A.colPtr[j]; k < p.A.colPtr[j + 1]; k++) {
    r.push(p.A.rowIdx[k]);
    cI.push(j);
    v.push(heads.has(p.A.rowIdx[k]) ? -p.A.values[k] : p.A.values[k]);
  }
  const b = Float64Array.from(p.b, (x, i) => (heads.has(i) ? -x : x));
  return { ...p, A: cscFromTriplets(p.A.nrows, p.A.ncols, r, cI, v), b };
}
const flippedCone: ConicSolver = (p, o) => solveConic(flipConeHeads(p), o);

describe('conic claims: negative controls are rejected', () => {
  it('KKT: solver stopped after 3 iterations', () => void assertRejected(withSubject(kktRandom, stoppedEarly(3))));
  it('KKT: dual returned with the wrong sign', () => {
    const wrong: ConicSolver = (p, o) => {
      const r = solveConic(p, o);
      return { ...r, z: r.z.map((v) => -v) };
    };
    assertRejected(withSubject(kktRandom, wrong));
  });
  it('projections: flipped cone sign', () => void assertRejected(withSubject(projections, flippedCone)));
  it('NNLS: solver stopped after 2 iterations', () => void assertRejected(withSubject(nnls, stoppedEarly(2))));
  it('dense references: solver stopped after 2 iterations', () => void assertRejected(withSubject(denseReferences, stoppedEarly(2))));
  it('infeasibility: solver stopped early (claims optimal)', () => void assertRejected(withSubject(infeasibility, stoppedEarly(5))));
  it('infeasibility: certificate with the wrong sign', () => {
    const wrong: ConicSolver = (p, o) => {
      const r = solveConic(p, o);
      if (!r.farkas) return r;
      const f = r.farkas;
      return { ...r, farkas: { ...f, z: f.z?.map((v) => -v), x: f.x?.map((v) => -v), s: f.s?.map((v) => -v) } };
    };
    assertRejected(withSubject(infeasibility, wrong));
  });
  it('invariance: solver stopped after 4 iterations', () => void assertRejected(withSubject(invariance, stoppedEarly(4))));
  it('Example 1 persp: flipped cone sign', () => void assertRejected(withSubject(example1Persp, flippedCone)));
  it('Example 1 persp: solver stopped after 4 iterations', () => void assertRejected(withSubject(example1Persp, stoppedEarly(4))));
  it('Example 1 natural: solver stopped after 3 iterations', () => void assertRejected(withSubject(example1Natural, stoppedEarly(3))));
  it('flipConeHeads changes only SOC head rows', () => {
    const p: ConicProblem = {
      q: [1, 1],
      A: cscFromTriplets(3, 2, [0, 1, 2], [0, 0, 1], [1, 2, 3]),
      b: [1, 2, 3],
      cones: [{ kind: 'nonneg', dim: 1 }, { kind: 'soc', dim: 2 }],
    };
    const f = flipConeHeads(p);
    expect(Array.from(f.b)).toEqual([1, -2, 3]);
    expect(Array.from(f.A.values)).toEqual([1, -2, 3]);
  });
});
