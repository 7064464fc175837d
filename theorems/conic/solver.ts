/**
 * The conic solver checks itself (docs/claims/conic.md). Provenance `ours`:
 * these are properties of this project's solver, not statements of a paper.
 * Every check recomputes what it asserts from the problem data
 * (src/conic/verify.ts), never from the solver's own certificate.
 */
import fc from 'fast-check';
import { mathjs } from '../../src/core/mathjs.ts';
import { defineClaim, eq, le, type Comparison } from '../../src/claims/claim.ts';
import { ConicModel, type ConicSolver } from '../../src/conic/model.ts';
import { solveConic, type ConicProblem } from '../../src/conic/solver.ts';
import { cscFromTriplets } from '../../src/conic/sparse.ts';
import { checkDualFarkas, checkPrimalFarkas, kktReport, projectRotated, projectSoc } from '../../src/conic/verify.ts';
import { createRng } from '../../src/core/random.ts';
import { feasibleInstance, infeasibleInstance, type ConicInstance } from '../../src/arbitraries/conic.ts';

/** The subject of every solver claim: a standard-form solver. */
export const conicSubject: ConicSolver = (p, o) => solveConic(p, o);

const KKT_TOL = 1e-6;
const KKT_REASON =
  'the solver stops at relative residuals and gap ≤ 1e-8, normalised by max(1, ‖b‖∞ + ‖s‖∞) (primal), max(1, ‖q‖∞ + ‖Px‖∞) ' +
  '(dual) and max(1, |objective|) (gap), measured in the original (unequilibrated) units; the check normalises by 1 + ‖b‖∞, ' +
  '1 + ‖q‖∞, 1 + |objective| and recomputes cone violations and sᵀz itself — these differ from the solver\'s by at most the size ' +
  'of the slacks and of Px (≤ ~1e2 for these O(1) instances with n ≤ 8): 1e-8 × 1e2 = 1e-6.';

export const kktRandom = defineClaim({
  id: 'conic.kkt.random-optimum',
  paper: 'conic',
  location: 'the project’s conic solver (src/conic/solver.ts): KKT conditions of a conic QP',
  title: 'KKT conditions hold at every returned optimum',
  statement:
    'On random sparse LP / QP / SOCP / rotated-cone instances built to be strictly primal and dual feasible, the solver ' +
    'returns status optimal (or almost_optimal, held to 100× the tolerance) and (x, s, z) with Ax + s = b, s ∈ K, z ∈ K*, sᵀz ≈ 0, Px + q + Aᵀz = 0 and zero duality gap, ' +
    'each within the tolerance (recomputed from the data).',
  tex: 'Ax+s=b,\\ s\\in K,\\ z\\in K^*,\\ s^\\top z=0,\\ Px+q+A^\\top z=0',
  hypotheses: ['x0 strictly feasible, z0 ∈ int K*, q = −Px0 − Aᵀz0', 'n ≤ 8, entries O(1)'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#kkt-at-every-returned-optimum',
  tolerance: { value: KKT_TOL, reason: KKT_REASON },
  budget: { quick: 25, default: 300, thorough: 3000 },
  subject: conicSubject,
  instances: feasibleInstance(),
  check: (inst: ConicInstance, solve) => {
    const r = solve(inst.problem);
    const k = kktReport(inst.problem, r);
    // almost_optimal (reduced accuracy, tolerances ×100) is held to a 100× looser bound
    const tol = r.status === 'almost_optimal' ? 100 * KKT_TOL : KKT_TOL;
    return {
      comparisons: [
        eq('status is optimal or almost_optimal (1 = yes)', r.status === 'optimal' || r.status === 'almost_optimal' ? 1 : 0, 1),
        le('‖Ax + s − b‖∞ / (1 + ‖b‖∞)', k.primal, tol),
        le('‖Px + q + Aᵀz‖∞ / (1 + ‖q‖∞)', k.stationarity, tol),
        le('|sᵀz| / (1 + |obj|)', k.complementarity, tol),
        le('violation of s ∈ K (relative)', k.primalCone, tol),
        le('violation of z ∈ K* (relative)', k.dualCone, tol),
        le('|primal − dual objective| / (1 + |obj|)', k.gap, tol),
      ],
      values: {
        kind: inst.kind, status: r.status, iterations: r.certificate.iterations, timeMs: r.certificate.timeMs,
        n: inst.problem.A.ncols, m: inst.problem.A.nrows,
      },
    };
  },
  metrics: [{ name: 'iterations', direction: 'lower-is-better' }],
});

// ---------------------------------------------------------------- closed forms

const OBJ_TOL = 1e-7;
const PT_TOL = 1e-4;
const CF_REASON =
  `objective values agree to ${OBJ_TOL} relative to 1 + the objective's scale (its largest term; solver gap ≤ 1e-8 relative to it, ×10 ` +
  `for residual terms); points to ${PT_TOL}: ` +
  'for an objective with strong-convexity modulus ≥ 1 the optimality gap g bounds ‖x − x*‖₂ ≤ √g, and g ≤ ~1e-8 gives 1e-4.';

/** Projection instances: a vector v ∈ ℝ^d (d ∈ [2, 6]), N(0, σ²) entries with σ log-uniform in [0.1, 10]. */
const projInstance = fc
  .record({ d: fc.integer({ min: 2, max: 6 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), ls: fc.double({ min: -1, max: 1, noNaN: true }) })
  .map(({ d, seed, ls }) => {
    const rng = createRng(seed);
    return Array.from({ length: d }, () => 10 ** ls * rng.normal());
  });

function projectionModel(v: number[], rotated: boolean): ConicModel {
  const m = new ConicModel();
  const x = m.variable('x', v.length);
  for (let i = 0; i < v.length; i++) m.addSquare([[1, x.at(i)]], -v[i]);
  const rest = v.slice(rotated ? 2 : 1).map((_, k) => x.at(k + (rotated ? 2 : 1)));
  if (rotated) m.rotatedCone(x.at(0), { terms: [[2, x.at(1)]] }, rest); // ‖u‖² ≤ 2·x₀·x₁
  else m.secondOrderCone(x.at(0), rest);
  return m;
}

function agree(name: string, got: ArrayLike<number>, ref: ArrayLike<number>, objGot: number, objRef: number, scale: number, objScale = Math.abs(objRef)): Comparison[] {
  let e = 0;
  for (let i = 0; i < ref.length; i++) e = Math.max(e, Math.abs(got[i] - ref[i]));
  return [
    le(`|objective − ${name}| / (1 + objective scale)`, Math.abs(objGot - objRef) / (1 + objScale), OBJ_TOL),
    le(`‖x − ${name}‖∞ / (1 + scale)`, e / (1 + scale), PT_TOL),
  ];
}

export const projections = defineClaim({
  id: 'conic.closed-form.cone-projections',
  paper: 'conic',
  location: 'the project’s conic solver: projections onto the second-order and rotated cones',
  title: 'Projections onto the second-order and rotated cones match their closed forms',
  statement:
    'min ‖x − v‖² s.t. ‖x₁..‖ ≤ x₀ equals the closed form (v if inside, 0 if in the polar, else ((v₀+‖v₁‖)/2)(1, v₁/‖v₁‖)); ' +
    'min ‖x − v‖² s.t. ‖x₂..‖² ≤ 2x₀x₁, x₀, x₁ ≥ 0 (modelled as rotatedCone(x₀, 2x₁, x₂..)) equals Qᵀ proj_SOC(Qv), Q the rotation ' +
    '(s, z) ↦ ((s+z)/√2, (s−z)/√2).',
  hypotheses: ['d ∈ [2, 6]', 'v ~ N(0, σ²), σ ∈ [0.1, 10]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#closed-form-references; textbook closed forms (e.g. Bauschke & Combettes); the rotated cone by an orthogonal change of variables',
  tolerance: { value: PT_TOL, reason: CF_REASON },
  budget: { quick: 15, default: 150, thorough: 1500 },
  subject: conicSubject,
  instances: projInstance,
  check: (v, solve) => {
    const out: Comparison[] = [];
    const scale = Math.max(...v.map(Math.abs));
    for (const rotated of [false, true]) {
      const r = projectionModel(v, rotated).solve({}, solve);
      const ref = rotated ? projectRotated(v) : projectSoc(v);
      const fref = ref.reduce((a, x, i) => a + (x - v[i]) ** 2, 0);
      out.push(eq(`${rotated ? 'rotated' : 'SOC'}: status optimal`, r.status === 'optimal' ? 1 : 0, 1));
      // objective scale ‖v‖²: the model's objective is ‖x‖² − 2vᵀx + ‖v‖², the solver's gap is relative to its non-constant part
      const vv = v.reduce((a, x) => a + x * x, 0);
      out.push(...agree(rotated ? 'rotated closed form' : 'SOC closed form', r.value('x'), ref, r.objective, fref, scale, vv));
    }
    return out;
  },
});

/** Small NNLS instances: C k×p (p ∈ [1, 4], k ∈ [p, p + 3]) and d, Gaussian. */
const nnlsInstance = fc
  .record({ p: fc.integer({ min: 1, max: 4 }), extra: fc.integer({ min: 0, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
  .map(({ p, extra, seed }) => {
    const rng = createRng(seed);
    const k = p + extra;
    return { C: Array.from({ length: k }, () => Array.from({ length: p }, () => rng.normal())), d: Array.from({ length: k }, () => rng.normal()) };
  });

/** NNLS by enumeration of the 2^p active sets, each least-squares solve by mathjs (lusolve of the normal equations). */
export function nnlsByEnumeration(C: number[][], d: number[]): { x: number[]; value: number } {
  const k = C.length;
  const p = C[0].length;
  let best = { x: new Array<number>(p).fill(0), value: d.reduce((a, v) => a + v * v, 0) };
  for (let mask = 1; mask < 1 << p; mask++) {
    const S = [...Array(p).keys()].filter((j) => mask & (1 << j));
    const G = S.map((a) => S.map((b) => C.reduce((s, row) => s + row[a] * row[b], 0)));
    const h = S.map((a) => C.reduce((s, row, i) => s + row[a] * d[i], 0));
    let sol: number[];
    try {
      sol = (mathjs().lusolve(G, h) as number[][]).map((r) => r[0]);
    } catch {
      continue; // singular normal equations: skip this support
    }
    if (sol.some((v) => !(v >= 0))) continue;
    const x = new Array<number>(p).fill(0);
    S.forEach((j, t) => (x[j] = sol[t]));
    let val = 0;
    for (let i = 0; i < k; i++) {
      let r = -d[i];
      for (let j = 0; j < p; j++) r += C[i][j] * x[j];
      val += r * r;
    }
    if (val < best.value) best = { x, value: val };
  }
  return best;
}

export const nnls = defineClaim({
  id: 'conic.closed-form.nnls-enumeration',
  paper: 'conic',
  location: 'the project’s conic solver: nonnegative least squares',
  title: 'Nonnegative least squares agrees with active-set enumeration',
  statement: 'min ‖Cx − d‖² s.t. x ≥ 0 (p ≤ 4) has the value of the best nonnegative least-squares solution over all 2^p supports.',
  hypotheses: ['C Gaussian k×p, p ∈ [1, 4], k ∈ [p, p + 3]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#closed-form-references; KKT of NNLS: the optimum is the least-squares solution on its support (Lawson & Hanson 1974)',
  tolerance: { value: OBJ_TOL, reason: CF_REASON },
  budget: { quick: 15, default: 150, thorough: 1500 },
  subject: conicSubject,
  instances: nnlsInstance,
  check: ({ C, d }, solve) => {
    const p = C[0].length;
    const m = new ConicModel();
    const x = m.variable('x', p, { lb: 0 });
    for (let i = 0; i < C.length; i++) m.addSquare(C[i].map((c, j) => [c, x.at(j)] as const), -d[i]);
    const r = m.solve({}, solve);
    const ref = nnlsByEnumeration(C, d);
    return [
      eq('status optimal', r.status === 'optimal' ? 1 : 0, 1),
      // objective scale ‖d‖² (the constant of ‖Cx − d‖², outside the solver's relative gap)
      le('|value − enumeration| / (1 + ‖d‖²)', Math.abs(r.objective - ref.value) / (1 + d.reduce((a, v) => a + v * v, 0)), OBJ_TOL),
    ];
  },
});

/** Min-norm, trust-region and dense equality-QP instances. */
const denseInstance = fc
  .record({ p: fc.integer({ min: 2, max: 6 }), k: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), r: fc.double({ min: 0.1, max: 10, noNaN: true }) })
  .map(({ p, k, seed, r }) => {
    const rng = createRng(seed);
    const kk = Math.min(k, p - 1);
    const E = Array.from({ length: kk }, () => Array.from({ length: p }, () => rng.normal()));
    const f = Array.from({ length: kk }, () => rng.normal());
    const c = Array.from({ length: p }, () => rng.normal());
    const B = Array.from({ length: p }, () => Array.from({ length: p }, () => rng.normal()));
    return { p, E, f, c, B, radius: r };
  });

export const denseReferences = defineClaim({
  id: 'conic.closed-form.dense-references',
  paper: 'conic',
  location: 'the project’s conic solver: equality-constrained and trust-region QPs',
  title: 'Min-norm, trust-region and dense equality-constrained QPs match mathjs / closed-form references',
  statement:
    '(i) min ‖x‖² s.t. Ex = f gives x* = Eᵀ(EEᵀ)⁻¹f; (ii) min cᵀx s.t. ‖x‖ ≤ r gives x* = −r c/‖c‖, value −r‖c‖; ' +
    '(iii) min ½xᵀQx + cᵀx s.t. Ex = f, Q = BBᵀ + I, gives the solution of [Q Eᵀ; E 0][x; y] = [−c; f]. References (i) and (iii) by mathjs lusolve.',
  hypotheses: ['E k×p Gaussian, k < p ≤ 6 (full row rank a.s.)', 'r ∈ [0.1, 10]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#closed-form-references; first-order optimality conditions of equality-constrained quadratics; Cauchy–Schwarz for (ii)',
  tolerance: { value: PT_TOL, reason: CF_REASON },
  budget: { quick: 15, default: 150, thorough: 1500 },
  subject: conicSubject,
  instances: denseInstance,
  check: ({ p, E, f, c, B, radius }, solve) => {
    const out: Comparison[] = [];
    // (i) min-norm
    {
      const m = new ConicModel();
      const x = m.variable('x', p);
      for (let j = 0; j < p; j++) m.addSquare([[1, x.at(j)]]);
      E.forEach((row, i) => m.addLinear(row.map((v, j) => [v, x.at(j)] as const), '==', f[i]));
      const r = m.solve({}, solve);
      const EEt = E.map((a) => E.map((b) => a.reduce((s, v, j) => s + v * b[j], 0)));
      const w = (mathjs().lusolve(EEt, f) as number[][]).map((t) => t[0]);
      const ref = Array.from({ length: p }, (_, j) => E.reduce((s, row, i) => s + row[j] * w[i], 0));
      const fref = ref.reduce((a, v) => a + v * v, 0);
      out.push(eq('min-norm: status optimal', r.status === 'optimal' ? 1 : 0, 1));
      out.push(...agree('min-norm Eᵀ(EEᵀ)⁻¹f', r.value('x'), ref, r.objective, fref, Math.max(...ref.map(Math.abs))));
    }
    // (ii) trust region, linear objective
    {
      const m = new ConicModel();
      const x = m.variable('x', p);
      const t = m.variable('t', 1, { lb: radius, ub: radius });
      c.forEach((v, j) => m.addObjective(x.at(j), v));
      m.secondOrderCone(t.at(0), c.map((_, j) => x.at(j)));
      const r = m.solve({}, solve);
      const cn = Math.sqrt(c.reduce((a, v) => a + v * v, 0));
      const ref = c.map((v) => (-radius * v) / cn);
      out.push(eq('trust region: status optimal', r.status === 'optimal' ? 1 : 0, 1));
      out.push(...agree('−r c/‖c‖', r.value('x'), ref, r.objective, -radius * cn, radius));
    }
    // (iii) dense QP with equalities vs mathjs KKT solve
    {
      const Q = B.map((a, i) => B.map((b, j) => a.reduce((s, v, l) => s + v * b[l], 0) + (i === j ? 1 : 0)));
      const m = new ConicModel();
      const x = m.variable('x', p);
      for (let i = 0; i < p; i++) for (let j = i; j < p; j++) m.addQuadratic(x.at(i), x.at(j), Q[i][j]);
      c.forEach((v, j) => m.addObjective(x.at(j), v));
      E.forEach((row, i) => m.addLinear(row.map((v, j) => [v, x.at(j)] as const), '==', f[i]));
      const r = m.solve({}, solve);
      const k = E.length;
      const K = [
        ...Q.map((row, i) => [...row, ...E.map((e) => e[i])]),
        ...E.map((e) => [...e, ...new Array<number>(k).fill(0)]),
      ];
      const sol = (mathjs().lusolve(K, [...c.map((v) => -v), ...f]) as number[][]).map((t) => t[0]);
      const ref = sol.slice(0, p);
      const fref = 0.5 * ref.reduce((a, xi, i) => a + xi * ref.reduce((s, xj, j) => s + Q[i][j] * xj, 0), 0) + ref.reduce((a, v, j) => a + v * c[j], 0);
      out.push(eq('dense QP: status optimal', r.status === 'optimal' ? 1 : 0, 1));
      out.push(...agree('mathjs KKT solution', r.value('x'), ref, r.objective, fref, Math.max(...ref.map(Math.abs))));
    }
    return out;
  },
});

// ---------------------------------------------------------------- infeasibility

const INF_TOL = 1e-7;
export const infeasibility = defineClaim({
  id: 'conic.infeasibility.certificates',
  paper: 'conic',
  location: 'the project’s conic solver: Farkas certificates of the homogeneous embedding',
  title: 'Infeasible and unbounded problems are detected with verified Farkas certificates',
  statement:
    'On problems built around a Farkas certificate, the solver reports primal_infeasible with z ∈ K*, Aᵀz ≈ 0, bᵀz = −1, or ' +
    'dual_infeasible with x, s: Px ≈ 0, Ax + s ≈ 0, s ∈ K, qᵀx = −1 — verified from the data.',
  tex: 'A^\\top z=0,\\ b^\\top z<0,\\ z\\in K^* \\quad\\text{or}\\quad Px=0,\\ -Ax\\in K,\\ q^\\top x<0',
  hypotheses: ['primal-infeasible instances keep the dual strictly feasible; dual-infeasible ones keep the primal strictly feasible', 'n ≤ 6'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#infeasibility-certificates; theorems of the alternative for conic programs; the homogeneous embedding (Ye, Todd & Mizuno 1994)',
  tolerance: {
    value: INF_TOL,
    reason:
      'the solver declares infeasibility when the normalised certificate residual is ≤ 1e-8·max(1, ‖certificate‖∞); the check divides by ‖certificate‖∞(1 + max|entry|) — at most a factor 10 apart on these O(1) instances. Cone membership is exact for interior iterates (≤ 1e-12 for rounding).',
  },
  budget: { quick: 20, default: 200, thorough: 2000 },
  subject: conicSubject,
  instances: infeasibleInstance(),
  check: (inst, solve) => {
    const r = solve(inst.problem);
    const out: Comparison[] = [eq(`status is ${inst.which} (1 = yes)`, r.status === inst.which ? 1 : 0, 1)];
    if (inst.which === 'primal_infeasible') {
      const z = r.farkas?.z ?? r.z;
      const c = checkPrimalFarkas(inst.problem, z);
      out.push(le('‖Aᵀz‖∞ / (‖z‖∞(1 + max|A|))', c.atz, INF_TOL), le('|bᵀz + 1|', Math.abs(c.bz + 1), INF_TOL), le('violation of z ∈ K*', c.cone, 1e-12));
    } else {
      const x = r.farkas?.x ?? r.x;
      const s = r.farkas?.s ?? r.s;
      const c = checkDualFarkas(inst.problem, x, s);
      out.push(le('‖Px‖∞ (relative)', c.px, INF_TOL), le('‖Ax + s‖∞ (relative)', c.axs, INF_TOL), le('|qᵀx + 1|', Math.abs(c.qx + 1), INF_TOL), le('violation of s ∈ K', c.cone, 1e-12));
    }
    return { comparisons: out, values: { which: inst.which, kind: inst.kind, iterations: r.certificate.iterations } };
  },
});

// ---------------------------------------------------------------- invariance

/** Apply a random row scaling (one cone block), objective scaling and permutation of variables and rows. */
export function transformProblem(p: ConicProblem, seed: number): { rowScaled: ConicProblem; objScaled: ConicProblem; objFactor: number; permuted: ConicProblem } {
  const rng = createRng(seed);
  const n = p.A.ncols;
  const m = p.A.nrows;
  // triplets of A
  const ar: number[] = [];
  const ac: number[] = [];
  const av: number[] = [];
  for (let j = 0; j < n; j++) for (let k = p.A.colPtr[j]; k < p.A.colPtr[j + 1]; k++) {
    ar.push(p.A.rowIdx[k]);
    ac.push(j);
    av.push(p.A.values[k]);
  }
  // row scaling: one cone block (a single row for zero/nonneg cones, the whole block for a SOC)
  const cone = rng.int(p.cones.length);
  let off = 0;
  for (let c = 0; c < cone; c++) off += p.cones[c].dim;
  const kind = p.cones[cone].kind;
  const lo = off + (kind === 'soc' ? 0 : rng.int(p.cones[cone].dim));
  const hi = kind === 'soc' ? off + p.cones[cone].dim : lo + 1;
  const factor = 10 ** (4 * rng.uniform() - 2) * (kind === 'zero' && rng.uniform() < 0.5 ? -1 : 1);
  const b1 = Float64Array.from(p.b);
  for (let i = lo; i < hi; i++) b1[i] *= factor;
  const rowScaled: ConicProblem = { ...p, b: b1, A: cscFromTriplets(m, n, ar, ac, av.map((v, e) => (ar[e] >= lo && ar[e] < hi ? v * factor : v))) };
  // objective scaling
  const objFactor = 10 ** (4 * rng.uniform() - 2);
  const objScaled: ConicProblem = {
    ...p,
    q: Float64Array.from(p.q, (v) => v * objFactor),
    P: p.P && { ...p.P, values: p.P.values.map((v) => v * objFactor) },
  };
  // permutation of variables, of rows inside zero/nonneg cones, and of the order of the cones
  const perm = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  const blocks = p.cones.map((c, k) => ({ c, k, start: 0 }));
  let st = 0;
  for (const bl of blocks) {
    bl.start = st;
    st += bl.c.dim;
  }
  const order = [...blocks.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const rowMap = new Int32Array(m);
  let next = 0;
  for (const k of order) {
    const bl = blocks[k];
    const inner = [...Array(bl.c.dim).keys()];
    if (bl.c.kind !== 'soc') for (let i = inner.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [inner[i], inner[j]] = [inner[j], inner[i]];
    }
    for (const i of inner) rowMap[bl.start + i] = next++;
  }
  const b2 = new Float64Array(m);
  for (let i = 0; i < m; i++) b2[rowMap[i]] = p.b[i];
  const q2 = new Float64Array(n);
  for (let j = 0; j < n; j++) q2[perm[j]] = p.q[j];
  let P2 = p.P;
  if (p.P) {
    const pr: number[] = [];
    const pc: number[] = [];
    const pv: number[] = [];
    for (let j = 0; j < n; j++) for (let k = p.P.colPtr[j]; k < p.P.colPtr[j + 1]; k++) {
      const a = perm[p.P.rowIdx[k]];
      const bb = perm[j];
      pr.push(Math.min(a, bb));
      pc.push(Math.max(a, bb));
      pv.push(p.P.values[k]);
    }
    P2 = cscFromTriplets(n, n, pr, pc, pv);
  }
  const permuted: ConicProblem = {
    P: P2,
    q: q2,
    A: cscFromTriplets(m, n, ar.map((i) => rowMap[i]), ac.map((j) => perm[j]), av),
    b: b2,
    cones: order.map((k) => blocks[k].c),
  };
  return { rowScaled, objScaled, objFactor, permuted };
}

const INV_TOL = 1e-6;
export const invariance = defineClaim({
  id: 'conic.invariance.scaling-permutation',
  paper: 'conic',
  location: 'the project’s conic solver: invariance of the optimal value',
  title: 'Optimal value is invariant under row scaling, objective scaling and permutations',
  statement:
    'Scaling one constraint block by c > 0 (any c ≠ 0 for an equality row), scaling P and q by c > 0 (value × c), or permuting ' +
    'variables, rows within orthants and the order of cones leaves the optimal value unchanged within the tolerance.',
  hypotheses: ['feasible bounded random instances (claim 1 generator)', 'scale factors in [1e-2, 1e2]'],
  kind: 'identity',
  provenance: 'ours',
  source: 'docs/claims/conic.md#invariance; elementary: these maps are bijections of the feasible set preserving (or scaling) the objective',
  tolerance: {
    value: INV_TOL,
    reason:
      'two solves each certified to relative gap ≤ 1e-8 (plus residual terms ≤ 1e-8 × iterate size ~1e2): 1e-6 relative to 1 + |value|; ' +
      '1e-4 when a solve ends almost_optimal (tolerances ×100).',
  },
  budget: { quick: 10, default: 100, thorough: 1000 },
  subject: conicSubject,
  instances: fc.tuple(feasibleInstance(), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
  check: ([inst, tseed], solve) => {
    const base = solve(inst.problem);
    const t = transformProblem(inst.problem, tseed);
    const v0 = base.objective;
    const s = 1 + Math.abs(v0);
    const a = solve(t.rowScaled);
    const b = solve(t.objScaled);
    const c = solve(t.permuted);
    const all = [base, a, b, c];
    // a reduced-accuracy (almost_optimal) solve is held to a 100× looser bound
    const tol = all.every((r) => r.status === 'optimal') ? INV_TOL : 100 * INV_TOL;
    return [
      eq('all four solves optimal or almost_optimal (count)', all.filter((r) => r.status === 'optimal' || r.status === 'almost_optimal').length, 4),
      le('|v(row-scaled) − v| / (1 + |v|)', Math.abs(a.objective - v0) / s, tol),
      le('|v(objective-scaled)/c − v| / (1 + |v|)', Math.abs(b.objective / t.objFactor - v0) / s, tol),
      le('|v(permuted) − v| / (1 + |v|)', Math.abs(c.objective - v0) / s, tol),
    ];
  },
});

export const solverClaims = [kktRandom, projections, nnls, denseReferences, infeasibility, invariance];
