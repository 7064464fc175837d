/**
 * Claims on the relaxations of AGH21 that need the conic solver: Examples 1 and 2 (every model's
 * point, value and distance; the iterative sequence; the misprints), Proposition 1 and Theorem 4
 * (exactness of the pairwise hulls for linear objectives), Algorithm 1's first round = pairwise,
 * the ordering ℓ1 ≤ persp ≤ pairwise ≤ decomp ≤ OPT, and branch-and-bound = brute force.
 *
 * Tolerances. Every conic solve stops at gap and residuals ≤ 1e-8 relative to the iterate's size
 * (solve.ts); with cut variables of size ~1e2 that allows objective errors up to ~1e-6·max(1,|ζ|)
 * (2.1e-7 measured), so comparisons of relaxation values use 1e-6·max(1,|ζ|) ("SOLVER_TOL").
 * Published numbers add the paper's rounding: values printed with 3 decimals ±5e-4; points and
 * distances printed with 2 decimals, truncated in places (Example 1 persp z₂ = 0.8284 printed 0.82),
 * so ±1e-2.
 */
import fc from 'fast-check';
import { defineClaim, eq, ge, le, type Comparison } from '../../src/claims/claim.ts';
import { branchAndBound } from '../../src/signal/bnb.ts';
import { bruteForce } from '../../src/signal/exact/brute-force.ts';
import { gridGraph, priors43, signalProblem, type SignalProblem } from '../../src/signal/model.ts';
import { addFScaled, addG } from '../../src/signal/relax/build.ts';
import { cuttingSurface, decompRelaxation } from '../../src/signal/relax/decomp.ts';
import { l1Relaxation, pairwiseRelaxation, perspRelaxation, type RelaxationResult } from '../../src/signal/relax/relaxations.ts';
import { decompositionValue } from '../../src/signal/relax/separation.ts';
import { solveSpec } from '../../src/signal/relax/solve.ts';
import { buildDecomp } from '../../src/signal/relax/build.ts';
import { solveDecompPath } from '../../src/signal/relax/path-barrier.ts';
import { solveDecompPathPD } from '../../src/signal/relax/path-pd.ts';
import { logUniformDouble } from '../../properties/arbitraries/numbers.ts';
import { ConicSpec } from '../../src/signal/relax/spec.ts';
import { pairObjective, smallPath, type PairObjective, type SmallPath } from '../../properties/arbitraries/signal-relax.ts';
import { example2Problem, pairClaims } from './relax-pair.ts';

/** Relative accuracy of a relaxation value (see module comment). */
export const SOLVER_TOL = 1e-6;
const SOLVER_REASON =
  'conic solves stop at gap and residuals ≤ 1e-8 RELATIVE to ‖x‖∞ (up to ~1e2 with cut variables), so values and dual bounds are ' +
  'accurate to ~1e-6·max(1,|ζ|) in the worst case (2.1e-7 measured against the strictly feasible barrier solver); barrier solves have gap ≤ 1e-9';
/** Paper rounding of 3-decimal values plus solver accuracy. */
const VALUE3 = 5e-4 + 1e-6;
/** Paper rounding/truncation of 2-decimal points and distances. */
const POINT2 = 1e-2;

/** The solvers under test (negative controls swap one). */
export interface RelaxSubject {
  l1: (p: SignalProblem) => RelaxationResult;
  persp: (p: SignalProblem) => RelaxationResult;
  pairwise: (p: SignalProblem) => RelaxationResult;
  decomp: (p: SignalProblem) => RelaxationResult;
  /** Simple cutting-surface method with given decompositions: values and points of the successive models. */
  iterate: (p: SignalProblem, ds: number[][]) => { values: number[]; points: { z: Float64Array; x: Float64Array }[] };
  /** Exact optimum (brute force of the exact engineer). */
  exact: (p: SignalProblem) => { objective: number; x: Float64Array; z: ArrayLike<number> };
  /** Branch-and-bound optimum. */
  bnb: (p: SignalProblem) => { upperBound: number; lowerBound: number };
}

export const relaxSubject: RelaxSubject = {
  l1: (p) => l1Relaxation(p),
  persp: (p) => perspRelaxation(p),
  pairwise: (p) => pairwiseRelaxation(p),
  decomp: (p) => decompRelaxation(p),
  iterate: (p, ds) => cuttingSurface(p, { decompositions: ds }),
  exact: (p) => bruteForce(p),
  bnb: (p) => branchAndBound(p),
};

/** Point (z, x) as one vector, and Euclidean distance. */
const zx = (z: ArrayLike<number>, x: ArrayLike<number>): number[] => [...Array.from(z), ...Array.from(x)];
const dist = (a: number[], b: number[]): number => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0));
const maxDev = (a: number[], b: number[]): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** Example 1 (pp. 8–9, 12): y = (0.4, 1), λ = 0.5, μ = 0.5, u = 1, one edge. */
export const example1Problem = (): SignalProblem => signalProblem({ y: [0.4, 1], lambda: 0.5, mu: 0.5 });

/**
 * Example 1's last model (p. 12): 1.16 + min −0.8x₁ − 2x₂ + 0.5(z₁ + z₂) + 0.5s s.t.
 * s ≥ 3f(z₁, z₂, x₁/3, x₂) + (8/3)x₁²/z₁ — inequality (13) with d₁ = d₂ = 3 alone, without x ≤ z.
 */
export function example1Ineq13Model(): { value: number; z: number[]; x: number[] } {
  const spec = new ConicSpec();
  const x1 = spec.variable('x1', 0, Infinity, -0.8);
  const x2 = spec.variable('x2', 0, Infinity, -2);
  const z1 = spec.variable('z1', 0, 1, 0.5);
  const z2 = spec.variable('z2', 0, 1, 0.5);
  const p1 = spec.variable('p1', 0, Infinity);
  const p2 = spec.variable('p2', 0, Infinity);
  spec.rotated(x1, p1, z1);
  spec.rotated(x2, p2, z2);
  const s = addG(spec, x1, x2, z1, z2, p1, p2, 3, 3, 'ex1', '13');
  spec.cost(s, 0.5);
  spec.constant = 1.16;
  const sol = solveSpec(spec);
  return { value: sol.primal, z: [sol.v[z1], sol.v[z2]], x: [sol.v[x1], sol.v[x2]] };
}

interface ModelRow {
  name: string;
  point: number[];
  value: number;
  /** Published point (z, x) and distance (null: not printed / not asserted). */
  pubPoint: number[] | null;
  pubDist: number | null;
  /** Reference value: [D] re-solve (6 decimals) or exact. */
  refValue: number;
  refTol: number;
  pubValue?: number;
}

function rowComparisons(rows: ModelRow[], opt: number[]): Comparison[] {
  const out: Comparison[] = [];
  for (const r of rows) {
    out.push(le(`${r.name}: |value − reference|`, Math.abs(r.value - r.refValue), r.refTol));
    if (r.pubValue !== undefined) out.push(le(`${r.name}: |value − published|`, Math.abs(r.value - r.pubValue), VALUE3));
    if (r.pubPoint) out.push(le(`${r.name}: max |point − published|`, maxDev(r.point, r.pubPoint), POINT2));
    if (r.pubDist !== null) out.push(le(`${r.name}: |distance − published|`, Math.abs(dist(r.point, opt) - r.pubDist), POINT2));
  }
  return out;
}

export const example1Claim = defineClaim({
  id: 'agh21.relax.example1',
  paper: 'agh21',
  location: 'Example 1, §2.4 pp. 8–9 and p. 12; note §2.4, EC-1',
  title: 'Example 1: every model’s point, value and distance to the MIQO optimum',
  statement:
    'For y = (0.4, 1), λ = 0.5, μ = 0.5, u = 1: MIQO optimum (0, 1, 0, 0.67); ℓ1 (0.30, 0.60, 0.30, 0.60) at distance 0.59; ' +
    'persp (0.00, 0.82, 0.00, 0.59) at 0.19; pairwise (0.11, 1.00, 0.08, 0.69) at 0.14; inequality (13) alone (d = 3, no big-M) ' +
    'has the integral optimum. Values (note [D] re-solve): 0.993333, 0.665, 2√2 − 1.84, 0.991270, 0.993333.',
  hypotheses: ['Example 1 data', 'points ordered (z₁, z₂, x₁, x₂)'],
  kind: 'published-number',
  provenance: 'paper',
  tolerance: { value: POINT2, reason: `points/distances: 2 printed decimals (truncated in places) ±1e-2; values vs the 6-decimal [D] re-solve ±1e-6 (rounding 5e-7 + ${SOLVER_REASON})` },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const p = example1Problem();
    const ex = s.exact(p);
    const opt = zx(ex.z, ex.x);
    const l1 = s.l1(p);
    const pe = s.persp(p);
    const pw = s.pairwise(p);
    const m13 = example1Ineq13Model();
    const r2 = Math.SQRT2;
    const rows: ModelRow[] = [
      { name: 'MIQO', point: opt, value: ex.objective, pubPoint: [0, 1, 0, 0.67], pubDist: null, refValue: 1.16 - 1 / 6, refTol: 1e-12 },
      { name: 'ℓ1', point: zx(l1.z, l1.x), value: l1.value, pubPoint: [0.3, 0.6, 0.3, 0.6], pubDist: 0.59, refValue: 0.665, refTol: 1e-6 },
      { name: 'persp', point: zx(pe.z, pe.x), value: pe.value, pubPoint: [0, 0.82, 0, 0.59], pubDist: 0.19, refValue: 2 * r2 - 1.84, refTol: 1e-6 },
      { name: 'pairwise', point: zx(pw.z, pw.x), value: pw.value, pubPoint: [0.11, 1, 0.08, 0.69], pubDist: 0.14, refValue: 0.99127, refTol: 1e-6 },
      { name: '(13) alone', point: zx(m13.z, m13.x), value: m13.value, pubPoint: opt, pubDist: 0, refValue: 1.16 - 1 / 6, refTol: 1e-6 },
    ];
    const out = rowComparisons(rows, opt);
    // an objective error ε moves an interior-point minimiser by ~√(ε/curvature): √(1e-8) = 1e-4
    out.push(le('persp: max |point − closed form (0, 2√2−2, 0, 2−√2)|', maxDev(zx(pe.z, pe.x), [0, 2 * r2 - 2, 0, 2 - r2]), 1e-4));
    return { comparisons: out, values: Object.fromEntries(rows.map((r) => [r.name, r.value])) };
  },
});

export const example1Misprint = defineClaim({
  id: 'agh21.relax.example1-problem-reference',
  paper: 'agh21',
  location: 'Example 1, p. 8 ("signal estimation problem (44)"); note §2.4 [N], §5 item 1',
  title: 'Example 1 is an instance of the penalty form (4), not of (44)',
  statement:
    'The text calls Example 1 an instance of (44); its problem is (4) (penalty form, no ℓ1 term): the brute-force optimum of (4) with ' +
    'y = (0.4, 1), λ = μ = 0.5 is the printed MIQO optimum (0, 1, 0, 2/3) with value 1.16 − 1/6.',
  hypotheses: ['Example 1 data'],
  kind: 'published-number',
  provenance: 'misprint',
  source: 'note §5 item 1',
  tolerance: { value: 1e-12, reason: 'brute force solves a 1×1 or 2×2 linear system: a few ε' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const ex = s.exact(example1Problem());
    return [
      le('|OPT(4) − (1.16 − 1/6)|', Math.abs(ex.objective - (1.16 - 1 / 6)), 1e-12),
      le('max |x* − (0, 2/3)|', maxDev(Array.from(ex.x), [0, 2 / 3]), 1e-12),
    ];
  },
});

/** Example 2's printed values and points (p. 13–15) and the note's [D] re-solve. */
const EX2_OPT = [0, 1, 1, 0, 0.48, 0.74];

export const example2Claim = defineClaim({
  id: 'agh21.relax.example2',
  paper: 'agh21',
  location: 'Example 2, §3.1 pp. 13–14; note §2.7, EC-2',
  title: 'Example 2: ℓ1 0.936, persp 1.413, pairwise 1.488, decomp.1 1.495, decomp.2 1.504, Algorithm 1 1.504 = OPT',
  statement:
    'For y = (0.3, 0.7, 1.0), λ = 1, μ = 0.5, u = 1 on the path 1–2–3: ζ* = 1.504 at (0,1,1; 0,0.48,0.74); ℓ1 0.936 at ' +
    '(0.24,0.43,0.59; same) distance 0.80; persp 1.413 at (0,0.40,0.82; 0,0.29,0.58) distance 0.67; pairwise 1.488 at ' +
    '(0.18,0.74,1.00; 0.13,0.43,0.71) distance 0.35; decomp with g(·;2,1)+g(·;2,2) 1.495; with g(·;2,2)+g(·;1,2) 1.504 (integral); ' +
    'decomp (Algorithm 1) 1.504.',
  hypotheses: ['Example 2 data', 'points (z; x)'],
  kind: 'published-number',
  provenance: 'paper',
  tolerance: { value: VALUE3, reason: `3 printed decimals ±5e-4 (+1e-6); points/distances ±1e-2; vs [D] 6-decimal values ±1e-6 (${SOLVER_REASON})` },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const p = example2Problem();
    const ex = s.exact(p);
    const opt = zx(ex.z, ex.x);
    const l1 = s.l1(p);
    const pe = s.persp(p);
    const pw = s.pairwise(p);
    const d1 = s.iterate(p, [[2, 1, 2, 2]]);
    const d2 = s.iterate(p, [[2, 2, 1, 2]]);
    const dc = s.decomp(p);
    const last = (r: ReturnType<RelaxSubject['iterate']>) => ({ v: r.values[r.values.length - 1], pt: zx(r.points[r.points.length - 1].z, r.points[r.points.length - 1].x) });
    const D1 = last(d1);
    const D2 = last(d2);
    const rows: ModelRow[] = [
      { name: 'MIQO', point: opt, value: ex.objective, pubPoint: EX2_OPT, pubDist: null, refValue: 1.504, refTol: 1e-9, pubValue: 1.504 },
      { name: 'ℓ1', point: zx(l1.z, l1.x), value: l1.value, pubPoint: [0.24, 0.43, 0.59, 0.24, 0.43, 0.59], pubDist: 0.8, refValue: 0.93625, refTol: 1e-6, pubValue: 0.936 },
      { name: 'persp', point: zx(pe.z, pe.x), value: pe.value, pubPoint: [0, 0.4, 0.82, 0, 0.29, 0.58], pubDist: 0.67, refValue: 1.41254, refTol: 1e-6, pubValue: 1.413 },
      { name: 'pairwise', point: zx(pw.z, pw.x), value: pw.value, pubPoint: [0.18, 0.74, 1, 0.13, 0.43, 0.71], pubDist: 0.35, refValue: 1.487776, refTol: 1e-6, pubValue: 1.488 },
      // decomp.1: the printed z₃, x₃ are a misprint (agh21.relax.example2-decomp1-point); assert the re-solved point
      { name: 'decomp.1', point: D1.pt, value: D1.v, pubPoint: [0.17, 1, 1, 0.12, 0.53, 0.76], pubDist: null, refValue: 1.495144, refTol: 1e-6, pubValue: 1.495 },
      { name: 'decomp.2', point: D2.pt, value: D2.v, pubPoint: opt, pubDist: 0, refValue: 1.504, refTol: 1e-6, pubValue: 1.504 },
      { name: 'decomp (Algorithm 1)', point: zx(dc.z, dc.x), value: dc.value, pubPoint: opt, pubDist: 0, refValue: 1.504, refTol: 1e-6, pubValue: 1.504 },
    ];
    return { comparisons: rowComparisons(rows, opt), values: Object.fromEntries(rows.map((r) => [r.name, r.value])) };
  },
});

export const example2Decomp1Misprint = defineClaim({
  id: 'agh21.relax.example2-decomp1-point',
  paper: 'agh21',
  location: 'Example 2, p. 14 (decomp.1 point (0.17,1.00,0.93; 0.12,0.53,0.73), distance 0.23); note §2.7 [N], §5 item 3',
  title: 'Example 2, decomp.1: the printed (z₃, x₃) = (0.93, 0.73) is inconsistent with the value 1.495; the optimum has z₃ = 1, x₃ = 0.764',
  statement:
    'In the decomp.1 model (cut g(z₁,z₂,x₁,x₂;2,1) + g(z₂,z₃,x₂,x₃;2,2) ≤ t) the printed point has objective 1.5228, not 1.495; ' +
    'the optimum (value 1.495144) is (0.1718, 1, 1; 0.1215, 0.5286, 0.7643), at distance 0.217 (printed 0.23) from the MIQO optimum.',
  hypotheses: ['Example 2 data'],
  kind: 'published-number',
  provenance: 'misprint',
  source: 'note §2.7 [N]',
  tolerance: { value: 1e-3, reason: 'objective at the printed (rounded) point is reported to 4 decimals in the note: ±1e-3 covers rounding of the 2-decimal point' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const p = example2Problem();
    const z = [0.17, 1, 0.93];
    const x = [0.12, 0.53, 0.73];
    let lin = p.yNorm2;
    for (let i = 0; i < 3; i++) lin += -2 * p.y[i] * x[i] + p.mu * z[i];
    const printedValue = lin + decompositionValue(p, z, x, [2, 1, 2, 2]);
    const r = s.iterate(p, [[2, 1, 2, 2]]);
    const zs = r.points[1].z;
    const xs = r.points[1].x;
    return {
      comparisons: [
        le('|objective at printed point − 1.5228|', Math.abs(printedValue - 1.5228), 1e-3),
        ge('objective at printed point − 1.495 (inconsistency)', printedValue - 1.495, 0.02),
        le('|z₃ − 1| at the optimum', Math.abs(zs[2] - 1), 1e-6),
        le('|x₃ − 0.7643| at the optimum', Math.abs(xs[2] - 0.7643), 1e-4),
        le('|distance − 0.217|', Math.abs(dist(zx(zs, xs), [0, 1, 1, 0, 0.48, 0.74]) - 0.217), 1e-3),
      ],
      values: { printedPointObjective: printedValue },
    };
  },
});

const EX2_DS = [[2, 0.51, 2.49, 2], [2, 1.06, 1.94, 2], [2, 2.5, 0.5, 2]];

export const example2IteratesClaim = defineClaim({
  id: 'agh21.relax.example2-iterates',
  paper: 'agh21',
  location: 'Example 2 continued, §3.2 p. 15; note §2.8, EC-2',
  title: 'Simple cutting-surface method: 1.413 → 1.452 → 1.499 → 1.504 with the printed decompositions',
  statement:
    'Starting from persp (22) and adding the cuts Σ|Q_ij|g(·; d) ≤ t for d = (2, 0.51, 2.49, 2), (2, 1.06, 1.94, 2), (2, 2.5, 0.5, 2) in turn ' +
    'gives ζ = 1.413, 1.452, 1.499, 1.504 at the points (0,0.40,0.82; 0,0.29,0.58), (0.15,0.70,1.00; 0.12,0.43,0.71), ' +
    '(0.14,1.00,1.00; 0.10,0.52,0.75), (0,1,1; 0,0.48,0.74), distances 0.67, 0.36, 0.18, 0.',
  hypotheses: ['Example 2 data'],
  kind: 'published-number',
  provenance: 'paper',
  tolerance: { value: VALUE3, reason: '3 printed decimals ±5e-4 (+1e-6 solver); points/distances ±1e-2' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const p = example2Problem();
    const r = s.iterate(p, EX2_DS);
    const pubV = [1.413, 1.452, 1.499, 1.504];
    const pubP = [[0, 0.4, 0.82, 0, 0.29, 0.58], [0.15, 0.7, 1, 0.12, 0.43, 0.71], [0.14, 1, 1, 0.1, 0.52, 0.75], EX2_OPT];
    const pubD = [0.67, 0.36, 0.18, 0];
    const out: Comparison[] = [eq('number of models', r.values.length, 4)];
    for (let k = 0; k < 4 && k < r.values.length; k++) {
      const pt = zx(r.points[k].z, r.points[k].x);
      out.push(le(`ζ${k + 1}: |value − published|`, Math.abs(r.values[k] - pubV[k]), VALUE3));
      out.push(le(`ζ${k + 1}: max |point − published|`, maxDev(pt, pubP[k]), POINT2));
      out.push(le(`ζ${k + 1}: |distance − published|`, Math.abs(dist(pt, EX2_OPT) - pubD[k]), POINT2));
    }
    return {
      comparisons: out,
      series: [{ title: 'Example 2: simple cutting-surface method', mark: 'line', x: 'iteration', y: 'ζ', points: r.values.map((v, k) => ({ x: k + 1, y: v, group: 'measured' })).concat(pubV.map((v, k) => ({ x: k + 1, y: v, group: 'published' }))) }],
      values: Object.fromEntries(r.values.map((v, k) => [`zeta${k + 1}`, v])),
    };
  },
});

export const example2ZetaLabelMisprint = defineClaim({
  id: 'agh21.relax.example2-zeta4-label',
  paper: 'agh21',
  location: 'Example 2 continued, p. 15 ("ζ₃ = 1.504" at iteration 4); note §5 item 2',
  title: 'The fourth model’s value is ζ₄ = 1.504 (printed "ζ₃"); ζ₃ = 1.499',
  statement: 'With the printed cuts, the fourth model (three cuts added to persp) attains 1.504 while the third attains 1.499, so the label ζ₃ on 1.504 should read ζ₄.',
  hypotheses: ['Example 2 data'],
  kind: 'published-number',
  provenance: 'misprint',
  source: 'note §5 item 2',
  tolerance: { value: VALUE3, reason: '3 printed decimals ±5e-4' },
  budget: { quick: 1, default: 1, thorough: 1 },
  subject: relaxSubject,
  instances: fc.constant(null),
  check: (_i, s) => {
    const r = s.iterate(example2Problem(), EX2_DS);
    return [
      le('|ζ₄ − 1.504|', Math.abs(r.values[3] - 1.504), VALUE3),
      ge('|ζ₃ − 1.504| (ζ₃ is not 1.504)', Math.abs(r.values[2] - 1.504), 1e-3),
    ];
  },
});

/** Integer minimum of a₁z₁ + a₂z₂ + b′x + q(x; d) over Z² (4 patterns; x ≥ 0 optimised exactly). */
export function pairIntegerMin(o: PairObjective): number {
  return pairIntegerArgmin(o).value;
}

/**
 * {@link pairIntegerMin} with the magnitude of the objective's terms at the minimiser,
 * scale = 1 + |a′z*| + |b′x*| + q(x*) (the linear and quadratic parts cancel: the value is −q(x*)
 * plus a′z*, so a solver's relative accuracy applies to this scale, not to the value).
 */
export function pairIntegerArgmin(o: PairObjective): { value: number; scale: number } {
  const { a1, a2, b1, b2, d1, d2 } = o;
  let best = 0;
  let scale = 1;
  const consider = (z1: number, z2: number, x1: number, x2: number): void => {
    const q = d1 * x1 * x1 - 2 * x1 * x2 + d2 * x2 * x2;
    const v = a1 * z1 + a2 * z2 + b1 * x1 + b2 * x2 + q;
    if (v < best) {
      best = v;
      scale = 1 + a1 * z1 + a2 * z2 + Math.abs(b1 * x1 + b2 * x2) + Math.abs(q);
    }
  };
  consider(1, 0, Math.max(0, -b1 / (2 * d1)), 0);
  consider(0, 1, 0, Math.max(0, -b2 / (2 * d2)));
  const det = 4 * d1 * d2 - 4;
  if (det > 0) {
    const x1 = (-2 * d2 * b1 - 2 * b2) / det;
    const x2 = (-2 * b1 - 2 * d1 * b2) / det;
    if (x1 >= 0 && x2 >= 0) consider(1, 1, x1, x2);
  }
  consider(1, 1, Math.max(0, -b1 / (2 * d1)), 0);
  consider(1, 1, 0, Math.max(0, -b2 / (2 * d2)));
  return { value: best, scale };
}

/** The same minimum by a second, independent enumeration (cross-check reported in the claim values). */
function pairIntegerMinLegacy(o: PairObjective): number {
  const { a1, a2, b1, b2, d1, d2 } = o;
  const one = (a: number, b: number, d: number): number => a + (b < 0 ? -(b * b) / (4 * d) : 0);
  let best = Math.min(0, one(a1, b1, d1), one(a2, b2, d2));
  // both on: min b′x + d₁x₁² − 2x₁x₂ + d₂x₂² over x ≥ 0 — interior stationary point or a face
  const det = 4 * d1 * d2 - 4;
  const cand: [number, number][] = [];
  if (det > 0) cand.push([(-2 * d2 * b1 - 2 * b2) / det, (-2 * b1 - 2 * d1 * b2) / det]);
  cand.push([Math.max(0, -b1 / (2 * d1)), 0], [0, Math.max(0, -b2 / (2 * d2))], [0, 0]);
  for (const [x1, x2] of cand) {
    if (x1 < 0 || x2 < 0) continue;
    best = Math.min(best, a1 + a2 + b1 * x1 + b2 * x2 + d1 * x1 * x1 - 2 * x1 * x2 + d2 * x2 * x2);
  }
  return best;
}

/** min a′z + b′x + s over the hull description: z ∈ [0,1]², x ≥ 0, s ≥ g (both (12),(13)) or s ≥ f (Proposition 9 form). */
export function pairHullMin(o: PairObjective, form: 'g' | 'f'): number {
  const spec = new ConicSpec();
  const x1 = spec.variable('x1', 0, Infinity, o.b1);
  const x2 = spec.variable('x2', 0, Infinity, o.b2);
  const z1 = spec.variable('z1', 0, 1, o.a1);
  const z2 = spec.variable('z2', 0, 1, o.a2);
  if (form === 'f') {
    addFScaled(spec, x1, x2, z1, z2, 1, 1, 1, 'f');
  } else {
    const p1 = spec.variable('p1', 0, Infinity);
    const p2 = spec.variable('p2', 0, Infinity);
    spec.rotated(x1, p1, z1);
    spec.rotated(x2, p2, z2);
    const s = addG(spec, x1, x2, z1, z2, p1, p2, o.d1, o.d2, 'g');
    spec.cost(s, 1);
  }
  return solveSpec(spec).primal;
}

/** Hull minimiser under test (negative controls drop an inequality). */
export interface HullSubject {
  hullMin: (o: PairObjective, form: 'g' | 'f') => number;
}
export const hullSubject: HullSubject = { hullMin: pairHullMin };

const HULL_TOL = 1e-5;
const HULL_REASON =
  'relative to the magnitude of the objective terms at the minimiser (Theorem 4; max(1,|min|) for Proposition 1): the minimum of a linear objective over the hull sits at a degenerate point (z at a bound, cones at their ' +
  'apex, |x| up to ~25 when d₁d₂ is near 1) where the interior-point method stalls before its 1e-8 target and ends with ' +
  '`numerical_error` at a relative objective error of ~1e-6 (measured 1.3e-6 at worst); 1e-5 is the note’s EC-5 bound for conic-solver accuracy';

export const theorem4Claim = defineClaim({
  id: 'agh21.relax.theorem4-exact',
  paper: 'agh21',
  location: '§3.1, Theorem 4 (proof via (14)–(18)); note EC-5',
  title: 'Theorem 4: linear objectives attain their minimum over {(12),(13)} at integer points of Z²',
  statement:
    'For a ∈ [0,2]², b ∈ [−3,1]², d₁d₂ ≥ 1: min a′z + b′x + s over {z ∈ [0,1]², x ≥ 0, s ≥ (12), s ≥ (13)} equals the minimum over the ' +
    'four patterns z ∈ {0,1}² with x optimised exactly (cl conv(Z²) = {(12), (13), bounds}).',
  hypotheses: ['d as in EC-3', 'coefficient 1 on s'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: HULL_TOL, reason: HULL_REASON },
  budget: { quick: 15, default: 200, thorough: 500 },
  subject: hullSubject,
  instances: pairObjective(),
  check: (o, s) => {
    const hull = s.hullMin(o, 'g');
    const int = pairIntegerArgmin(o);
    return {
      comparisons: [le('|hull min − integer min| / (1 + |a′z*| + |b′x*| + q(x*))', Math.abs(hull - int.value) / int.scale, HULL_TOL)],
      values: { legacyAgrees: Math.abs(pairIntegerMinLegacy(o) - int.value) <= 1e-12 * int.scale },
    };
  },
});

export const prop1Claim = defineClaim({
  id: 'agh21.relax.prop1-exact',
  paper: 'agh21',
  location: '§2.4, Proposition 1 (Atamtürk & Gómez 2018) and Proposition 9 (31)',
  title: 'Proposition 1 / 9: linear objectives attain their minimum over {f ≤ s} (extended formulation (31)) at integer points of X²',
  statement:
    'For a ∈ [0,2]², b ∈ [−3,1]²: min a′z + b′x + s over {z ∈ [0,1]², x ≥ 0, f(z,x) ≤ s}, with f represented by (31), equals the ' +
    'minimum over X² (four patterns, x optimised exactly for (x₁ − x₂)²).',
  hypotheses: ['d₁ = d₂ = 1'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: HULL_TOL, reason: HULL_REASON },
  budget: { quick: 15, default: 200, thorough: 500 },
  subject: hullSubject,
  instances: pairObjective(true),
  check: (o, s) => {
    // X² has quadratic (x₁ − x₂)²: d₁ = d₂ = 1 (singular: the stationary point is skipped, faces suffice
    // because with d₁d₂ = 1 the minimum of b′x + (x₁ − x₂)² is −∞ unless b₁ + b₂ ≥ 0 — excluded below)
    const hull = s.hullMin(o, 'f');
    const int = pairIntegerMinX2(o);
    return le('|hull min − integer min| / max(1,|min|)', Math.abs(hull - int) / Math.max(1, Math.abs(int)), HULL_TOL);
  },
});

/**
 * Integer minimum over X² = {(z,x,s): (x₁ − x₂)² ≤ s, x_i(1 − z_i) = 0}: patterns (0,0): 0; (1,0): a₁ + min b₁x₁ + x₁²;
 * (0,1) likewise; (1,1): a₁ + a₂ + min_{x≥0} b′x + (x₁ − x₂)², which is −∞ when b₁ + b₂ < 0 (move along x₁ = x₂)
 * and otherwise attained on a face x₁ = 0 or x₂ = 0.
 */
export function pairIntegerMinX2(o: PairObjective): number {
  const one = (a: number, b: number): number => a + (b < 0 ? -(b * b) / 4 : 0);
  let best = Math.min(0, one(o.a1, o.b1), one(o.a2, o.b2));
  if (o.b1 + o.b2 < 0) return -Infinity;
  best = Math.min(best, o.a1 + o.a2 + Math.min(0, o.b1 < 0 ? -(o.b1 * o.b1) / 4 : 0, o.b2 < 0 ? -(o.b2 * o.b2) / 4 : 0));
  return best;
}

/** EC-8: first round of Algorithm 1 (Δ = {1}) versus pairwise. */
export const alg1FirstRoundClaim = defineClaim({
  id: 'agh21.relax.alg1-first-round',
  paper: 'agh21',
  location: '§4.2.2, Algorithm 1 line 1 (Δ_ij ← {1}) and (9); note §2.11 [D], EC-8',
  title: 'Algorithm 1’s first round (Δ_ij = {1}) equals the pairwise relaxation (9)',
  statement:
    'With Δ_ij = {1}, (32c) reads f(z_i,z_j,x_i,x_j) ≤ Γ_ii − 2Γ_ij + Γ_jj and ⟨Γ,Q⟩ = ΣΓ_ii + λΣ_A(Γ_ii − 2Γ_ij + Γ_jj), so the value of (32) equals (9).',
  hypotheses: ['random paths n = 3–8, penalty or cardinality form'],
  kind: 'identity',
  provenance: 'derived',
  source: 'note §2.11 [D] and EC-8 (a consequence of the paper’s definitions, not stated as such)',
  tolerance: { value: SOLVER_TOL, reason: SOLVER_REASON },
  budget: { quick: 4, default: 40, thorough: 100 },
  subject: {
    round1: (p: SignalProblem) => decompRelaxation(p, { maxRounds: 1 }).value,
    pairwise: (p: SignalProblem) => pairwiseRelaxation(p).value,
  },
  instances: smallPath(),
  check: (i, s) => {
    const p = signalProblem(i);
    const a = s.round1(p);
    const b = s.pairwise(p);
    return le('|round-1 value − pairwise| / max(1,|pairwise|)', Math.abs(a - b) / Math.max(1, Math.abs(b)), SOLVER_TOL);
  },
});

/** EC-9: ℓ1 ≤ persp ≤ pairwise ≤ decomp ≤ OPT. */
export const orderingClaim = defineClaim({
  id: 'agh21.relax.ordering',
  paper: 'agh21',
  location: '§2.3–§3.2 (p. 16: decomp "dominates all of the relaxations discussed in Section 2"); note §2.12, EC-9',
  title: 'ℓ1-approx ≤ persp ≤ pairwise ≤ decomp ≤ OPT (penalty and cardinality forms)',
  statement:
    'On random paths (n ≤ 8, ‖y‖∞ = 1, λ ∈ {0.1, 0.5, 1, 5}, μ ∈ {0.05, 0.1, 0.2} or k ∈ [1, n−2]) the relaxation values are ordered ' +
    'ℓ1 ≤ persp ≤ pairwise ≤ decomp (Algorithm 1) ≤ OPT (brute force). decomp = OPT is NOT asserted (cardinality gaps exist, note §8.9).',
  hypotheses: ['path graphs', 'y ≥ 0, ‖y‖∞ = 1'],
  kind: 'bound',
  provenance: 'paper',
  tolerance: { value: SOLVER_TOL, reason: SOLVER_REASON },
  budget: { quick: 4, default: 60, thorough: 200 },
  subject: relaxSubject,
  instances: smallPath(),
  check: (i, s) => {
    const p = signalProblem(i);
    const v = [s.l1(p).lowerBound, s.persp(p).lowerBound, s.pairwise(p).lowerBound, s.decomp(p).lowerBound, s.exact(p).objective];
    const names = ['ℓ1', 'persp', 'pairwise', 'decomp', 'OPT'];
    const scale = Math.max(1, Math.abs(v[4]));
    const out: Comparison[] = [];
    for (let t = 0; t + 1 < v.length; t++) out.push(le(`(${names[t]} − ${names[t + 1]}) / max(1,OPT) [${i.form}]`, (v[t] - v[t + 1]) / scale, SOLVER_TOL));
    return {
      comparisons: out,
      values: { form: i.form, n: i.y.length, gapDecompPct: (100 * (v[4] - v[3])) / v[4], gapL1Pct: (100 * (v[4] - v[0])) / v[4] },
    };
  },
});

/** Small general instances for branch-and-bound: paths with priors, grids, ℓ1 shrinkage. */
const bnbInstance = fc
  .record({
    base: smallPath({ minN: 4, maxN: 8 }),
    graph: fc.constantFrom('path', 'grid'),
    priors: fc.boolean(),
    l1: fc.constantFrom(0, 0.1),
  })
  .map(({ base, graph, priors, l1 }) => ({ ...base, graph, priors, l1 }));

export const bnbClaim = defineClaim({
  id: 'agh21.relax.bnb-equals-bruteforce',
  paper: 'agh21',
  location: 'issue 4 (exact solvers, item 4); relaxations of §2–§4 as node bounds',
  title: 'Branch-and-bound with pairwise node bounds returns the brute-force optimum',
  statement:
    'On paths (with or without the priors (43b)–(43d), s = 1, h = 2) and 2×3/3×3 grids, in penalty and cardinality forms, with ν ∈ {0, 0.1}: ' +
    'the branch-and-bound upper bound equals OPT (brute force) and its lower bound is ≤ OPT.',
  hypotheses: ['n ≤ 9'],
  kind: 'identity',
  provenance: 'ours',
  source: 'project’s own exact solver (issue 4), built on the paper’s relaxations',
  tolerance: { value: 1e-6, reason: 'the B&B prunes at relative gap 1e-6; its incumbents are exact support solves (ε-accurate)' },
  budget: { quick: 4, default: 50, thorough: 200 },
  subject: relaxSubject,
  instances: bnbInstance,
  check: (i, s) => {
    const n = i.y.length;
    const grid = i.graph === 'grid';
    const rows = grid ? (n >= 6 ? 2 : 1) : 1;
    const cols = grid ? Math.floor(n / rows) : n;
    const y = i.y.slice(0, rows * cols);
    const p = signalProblem({
      y, lambda: i.lambda, mu: i.mu, k: i.k === null ? null : Math.min(i.k, y.length), l1: i.l1,
      graph: grid ? gridGraph(rows, cols) : undefined,
      priors: i.priors && !grid ? priors43(y.length, 1, 2) : [],
    });
    const bf = s.exact(p).objective;
    const bb = s.bnb(p);
    const scale = Math.max(1, Math.abs(bf));
    return [
      le('|B&B upper bound − OPT| / max(1,OPT)', Math.abs(bb.upperBound - bf) / scale, 1e-6),
      le('(B&B lower bound − OPT) / max(1,OPT)', (bb.lowerBound - bf) / scale, 1e-6),
    ];
  },
});

/** (32) for the cut sets by the generic conic solver: its value and dual bound. */
function conicDecomp(p: SignalProblem, cuts: number[][]): { value: number; lowerBound: number } {
  const r = solveSpec(buildDecomp(p, cuts).spec);
  return { value: r.primal, lowerBound: r.dual };
}

/** A specialised path solver agrees with the conic solver on (32): values, and each bound ≤ the other's value (1e-5 relative). */
function agreeWithConic(name: string, a: { value: number; lowerBound: number }, b: { value: number; lowerBound: number }) {
  const scale = Math.max(1, Math.abs(b.value));
  return [
    le(`|${name} − conic| / max(1,|ζ|)`, Math.abs(a.value - b.value) / scale, 1e-5),
    le(`(${name} lower bound − conic value) / max(1,|ζ|)`, (a.lowerBound - b.value) / scale, 1e-5),
    le(`(conic lower bound − ${name} value) / max(1,|ζ|)`, (b.lowerBound - a.value) / scale, 1e-5),
  ];
}

/** Small paths with random cut sets Δ_e = {1} ∪ {0–2 values log-uniform in [0.1, 10]}. */
const pathWithCuts = smallPath({ minN: 3, maxN: 8 }).chain((sp) =>
  fc.array(fc.array(logUniformDouble(0.1, 10), { maxLength: 2 }), { minLength: sp.y.length - 1, maxLength: sp.y.length - 1 })
    .map((extra) => ({ sp, cuts: extra.map((e) => [1, ...e]) })));

export const barrierCertClaim = defineClaim({
  id: 'agh21.relax.barrier-equals-conic',
  paper: 'agh21',
  location: 'model (32) of §4.2.2 (our specialised path solver, src/signal/relax/path-barrier.ts)',
  title: 'The specialised path barrier solver of (32) agrees with the generic conic solver',
  statement:
    'On random paths (penalty and cardinality forms) with random cut sets Δ_e ∋ 1, the optimal value of (32) computed by the primal ' +
    'log-barrier path solver equals the conic interior-point value, and each solver’s lower bound is ≤ the other’s value.',
  hypotheses: ['path graphs, n = 3–8', 'd ∈ [0.1, 10]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'certification of the project’s specialised solver against src/conic (issue 4: "certify any specialised solver against the conic one")',
  tolerance: {
    value: 1e-5,
    reason:
      'barrier: strictly feasible iterate (its value is an upper bound on the optimum of (32)), gap 2ν/t ≤ 1e-9 relative; conic: ' +
      '"optimal" means residuals ≤ 1e-8 RELATIVE to ‖x‖∞, and with d = 0.1 cuts the variables reach 1e2–1e3, so absolute residuals of ' +
      '1e-6–1e-5 and value errors of the same relative size are within its contract (measured 1.2e-6 at worst over 300 thorough runs, ' +
      'always with the conic dual bound ABOVE the barrier’s feasible value, i.e. the conic side is the inaccurate one)',
  },
  budget: { quick: 6, default: 80, thorough: 300 },
  subject: {
    barrier: (p: SignalProblem, cuts: number[][]) => {
      const r = solveDecompPath(p, cuts);
      return { value: r.value, lowerBound: r.lowerBound };
    },
    conic: conicDecomp,
  },
  instances: pathWithCuts,
  check: ({ sp, cuts }, s) => {
    const p = signalProblem(sp);
    return agreeWithConic('barrier', s.barrier(p, cuts), s.conic(p, cuts));
  },
});

export const pdCertClaim = defineClaim({
  id: 'agh21.relax.pd-equals-conic',
  paper: 'agh21',
  location: 'model (32) of §4.2.2 (our primal–dual path solver, src/signal/relax/path-pd.ts)',
  title: 'The primal–dual path solver of (32) agrees with the generic conic solver',
  statement:
    'On random paths (penalty and cardinality forms) with random cut sets Δ_e ∋ 1, the value of (32) computed by the primal–dual ' +
    'path solver (NT scaling, Mehrotra, profile Cholesky) equals the conic interior-point value, and each solver’s lower bound is ≤ ' +
    'the other’s value.',
  hypotheses: ['path graphs, n = 3–8', 'd ∈ [0.1, 10]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'certification of the project’s specialised solver against src/conic (issue 5: "certified against this one on shared instances")',
  tolerance: {
    value: 1e-5,
    reason:
      'primal–dual: strictly feasible primal iterate, stopped at value − bound ≤ 1e-7·max(1,|ζ|) (1e-5 if it stalls); conic: residuals ' +
      '≤ 1e-8 relative to ‖x‖∞ with variables up to 1e2–1e3 for d = 0.1 cuts, i.e. value errors up to ~1e-6 relative (see ' +
      'agh21.relax.barrier-equals-conic) — so 1e-5 relative to max(1,|ζ|)',
  },
  budget: { quick: 6, default: 80, thorough: 300 },
  subject: {
    pd: (p: SignalProblem, cuts: number[][]) => {
      const r = solveDecompPathPD(p, cuts);
      return { value: r.value, lowerBound: r.lowerBound };
    },
    conic: conicDecomp,
  },
  instances: pathWithCuts,
  check: ({ sp, cuts }, s) => {
    const p = signalProblem(sp);
    return agreeWithConic('primal–dual', s.pd(p, cuts), s.conic(p, cuts));
  },
});

/** Paths with n = 3 (where the separation (21) has one free variable and separatePath is exact). */
const path3 = smallPath({ minN: 3, maxN: 3 });

export const prop6Claim = defineClaim({
  id: 'agh21.relax.prop6-decomp-equals-23',
  paper: 'agh21',
  location: '§4.1, Propositions 5–7 ((23) ≡ (24) ≡ decomp); note §2.9',
  title: 'decomp through θ (simple cutting-surface method with exact (21)) equals the Γ-lifted model (23) by Algorithm 1',
  statement:
    'On 3-node paths (penalty and cardinality forms), min_{z,x} −2y′x + θ(z,x) + … computed by the simple cutting-surface method with ' +
    'the exact separation (21) equals the value of (23) computed by Algorithm 1 (Prop. 6: decomp ≡ (24); Prop. 7: (24) ≡ (23)). ' +
    '(24) itself is not solved separately: its equivalence with (23) rests on the homogeneity identity (agh21.relax.homogeneity).',
  hypotheses: ['path, n = 3', 'Algorithm 1 and the cutting-surface method run to relative improvement 1e-12'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: {
    value: 1e-5,
    reason:
      'both methods stop when no cut is violated beyond 1e-7·(1 + Γ) or the bound stalls (agreement ≤ 8e-8 on generic data); on degenerate ' +
      'data (entries of y ~1e-15) the conic solves of the simple method’s Theorem-4 cuts are accurate to only ~1e-6 — their values, which must ' +
      'increase monotonically as cuts are added, went 0.14091105 → 0.14091062 — so 1e-5 (relative to max(1,|ζ|))',
  },
  budget: { quick: 3, default: 30, thorough: 100 },
  subject: {
    alg1: (p: SignalProblem) => decompRelaxation(p, { relTol: 1e-12, maxRounds: 60 }).lowerBound,
    simple: (p: SignalProblem) => {
      const r = cuttingSurface(p, { maxIterations: 40, relTol: 1e-12 });
      return r.values[r.values.length - 1];
    },
  },
  instances: path3,
  check: (i, s) => {
    const p = signalProblem(i);
    const a = s.alg1(p);
    const b = s.simple(p);
    return le('|θ-form decomp − (23)| / max(1,|ζ|)', Math.abs(a - b) / Math.max(1, Math.abs(a)), 1e-5);
  },
});

export const relaxSolverClaims = [
  example1Claim, example1Misprint, example2Claim, example2Decomp1Misprint, example2IteratesClaim, example2ZetaLabelMisprint,
  theorem4Claim, prop1Claim, alg1FirstRoundClaim, orderingClaim, bnbClaim, barrierCertClaim, pdCertClaim, prop6Claim,
];

/** Every relaxation claim of AGH21 (closed forms first). */
export const relaxClaims = [...pairClaims, ...relaxSolverClaims];
