/**
 * Negative controls of the conic claims: the same checks with a plausible wrong
 * solver (a dropped cone block, a dropped quadratic term, a flipped cone, a dual
 * or certificate with the wrong sign, the wrong model) must fail.
 */
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import type { ConicSolver } from '../../src/conic/model.ts';
import { solveConic, type ConicProblem } from '../../src/conic/solver.ts';
import { cscFromTriplets } from '../../src/conic/sparse.ts';
import { kktRandom, projections, nnls, denseReferences, infeasibility, invariance } from '../../theorems/conic/solver.ts';
import { example1Model, example1Natural, example1Persp, example1Subject } from '../../theorems/conic/agh-examples.ts';
import { assertRejected } from '../support.ts';

/** The problem without cone block `pick` (an index into p.cones, negative from the end): its rows are left out of A and b. */
export function dropConeBlock(p: ConicProblem, pick: (cones: ConicProblem['cones']) => number): ConicProblem {
  const k = pick(p.cones);
  if (k < 0 || k >= p.cones.length) return p;
  let lo = 0;
  for (let c = 0; c < k; c++) lo += p.cones[c].dim;
  const hi = lo + p.cones[k].dim;
  const r: number[] = [];
  const cI: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < p.A.ncols; j++) for (let t = p.A.colPtr[j]; t < p.A.colPtr[j + 1]; t++) {
    const i = p.A.rowIdx[t];
    if (i >= lo && i < hi) continue;
    r.push(i < lo ? i : i - (hi - lo));
    cI.push(j);
    v.push(p.A.values[t]);
  }
  const b = Float64Array.from([...Array.from(p.b).slice(0, lo), ...Array.from(p.b).slice(hi)]);
  return { ...p, A: cscFromTriplets(p.A.nrows - (hi - lo), p.A.ncols, r, cI, v), b, cones: p.cones.filter((_, c) => c !== k) };
}
/** A solver that drops the last cone block (an off-by-one in the block loop). */
const dropsLastBlock: ConicSolver = (p, o) => solveConic(dropConeBlock(p, (c) => c.length - 1), o);
/** A solver that drops the last second-order cone block (its rows never assembled). */
const dropsLastSoc: ConicSolver = (p, o) => solveConic(dropConeBlock(p, (c) => c.map((x) => x.kind).lastIndexOf('soc')), o);
/** A solver that drops the first nonnegative-orthant block. */
const dropsNonneg: ConicSolver = (p, o) => solveConic(dropConeBlock(p, (c) => c.findIndex((x) => x.kind === 'nonneg')), o);
/** A solver that ignores the quadratic term P (solves the LP). */
const dropsP: ConicSolver = (p, o) => solveConic({ ...p, P: undefined }, o);

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
  it('KKT: solver that ignores the quadratic term P', () => void assertRejected(withSubject(kktRandom, dropsP)));
  it('KKT: dual returned with the wrong sign', () => {
    const wrong: ConicSolver = (p, o) => {
      const r = solveConic(p, o);
      return { ...r, z: r.z.map((v) => -v) };
    };
    assertRejected(withSubject(kktRandom, wrong));
  });
  it('projections: flipped cone sign', () => void assertRejected(withSubject(projections, flippedCone)));
  it('NNLS: solver that drops the nonnegativity block', () => void assertRejected(withSubject(nnls, dropsNonneg)));
  it('dense references: solver that ignores the quadratic term P', () => void assertRejected(withSubject(denseReferences, dropsP)));
  it('infeasibility: solver that drops the last cone block', () => void assertRejected(withSubject(infeasibility, dropsLastBlock)));
  it('infeasibility: certificate with the wrong sign', () => {
    const wrong: ConicSolver = (p, o) => {
      const r = solveConic(p, o);
      if (!r.farkas) return r;
      const f = r.farkas;
      return { ...r, farkas: { ...f, z: f.z?.map((v) => -v), x: f.x?.map((v) => -v), s: f.s?.map((v) => -v) } };
    };
    assertRejected(withSubject(infeasibility, wrong));
  });
  it('invariance: solver that drops the last cone block (which block is last changes under permutation)', () => void assertRejected(withSubject(invariance, dropsLastBlock)));
  it('Example 1 persp: flipped cone sign', () => void assertRejected(withSubject(example1Persp, { ...example1Subject, solve: flippedCone })));
  it('Example 1 persp: solver that drops the last rotated-cone block', () => void assertRejected(withSubject(example1Persp, { ...example1Subject, solve: dropsLastSoc })));
  it('Example 1 persp: ℓ1 (natural) model in place of persp', () => {
    assertRejected(withSubject(example1Persp, { ...example1Subject, model: () => example1Model(false) }));
  });
  it('Example 1 natural: persp model in place of the natural relaxation', () => {
    assertRejected(withSubject(example1Natural, { ...example1Subject, model: () => example1Model(true) }));
  });
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
