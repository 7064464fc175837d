/**
 * Identities linking the ℓ1 model, the big-M relaxation and persp (AGH21 §2.1–§2.3, pp. 5–7, and
 * the L1 method of §5.2.2, p. 29): the ℓ1 model is smoothing of shifted data, the natural big-M
 * relaxation of the penalty form is the ℓ1 model with weight μ/M, and persp's perspective term
 * minimised over z is the reverse-Huber penalty. Each is the project's derivation
 * (docs/claims/agh21.md), checked against an independent computation: the relaxations by the conic
 * solver, the references by exact active-set enumeration or a scalar search.
 */
import fc from 'fast-check';
import { defineClaim, le, type Comparison } from '../../src/claims/claim.ts';
import { edgeGraph, type Graph, signalProblem, type SignalProblem, solveOnSupport } from '../../src/signal/model.ts';
import { l1Relaxation, perspRelaxation, type RelaxationResult } from '../../src/signal/relax/relaxations.ts';
import { logUniformDouble, uniformDouble } from '../../src/arbitraries/numbers.ts';

/**
 * min_{x ≥ 0} ‖b − x‖² + λΣ_A(x_i − x_j)² − ‖b‖² = min_{x ≥ 0} xᵀQx − 2bᵀx by enumeration of the supports
 * (exact for a Stieltjes Q: the optimum is the unconstrained minimiser on its support, which is
 * nonnegative, and every such candidate is feasible). Returns the value of xᵀQx − 2bᵀx and its minimiser.
 */
export function nonnegQpByEnumeration(p: SignalProblem, b: ArrayLike<number>): { value: number; x: Float64Array } {
  let best = { value: 0, x: new Float64Array(p.n) };
  const mask = new Uint8Array(p.n);
  for (let S = 1; S < 1 << p.n; S++) {
    for (let i = 0; i < p.n; i++) mask[i] = (S >> i) & 1;
    const x = solveOnSupport(p, mask, b);
    let ok = true;
    let v = 0;
    for (let i = 0; i < p.n; i++) {
      if (x[i] < 0) ok = false;
      v -= b[i] * x[i];
    }
    if (ok && v < best.value) best = { value: v, x: Float64Array.from(x) };
  }
  return best;
}

/** A small path (n ≤ 8) with y ≥ 0, ‖y‖∞ = u ∈ [0.3, 3], λ ∈ [0.05, 5], and a weight w ∈ [0.01, 1]. */
const pathWithWeight = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    vals: fc.array(uniformDouble(0, 1), { minLength: 8, maxLength: 8 }),
    zeros: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
    u: logUniformDouble(0.3, 3),
    lambda: logUniformDouble(0.05, 5),
    w: logUniformDouble(0.01, 1),
  })
  .map(({ n, vals, zeros, u, lambda, w }) => {
    const raw = vals.slice(0, n).map((v, i) => (zeros[i] === 0 ? 0 : v));
    const m = Math.max(...raw);
    const y = m > 0 ? raw.map((v) => (u * v) / m) : raw.map((_, i) => (i === 0 ? u : 0));
    return { y, lambda, w };
  });

const ID_TOL = 1e-6;
const ID_REASON =
  'the conic value is accurate to ~1e-8 relative (gap and residuals) on these O(1) problems, the enumeration to a few ε: 1e-6 relative to ' +
  'max(1, |value|); the conic minimiser is accurate to √(1e-8) = 1e-4 (Q ⪰ I makes the objective 1-strongly convex)';

/** The ℓ1 model and the shift it is claimed to equal. */
export interface ShiftSubject {
  /** The penalised ℓ1 model min ‖y − x‖² + λΣ(x_i − x_j)² + νΣx over 0 ≤ x ≤ ‖y‖∞ (conic). */
  l1Model: (p: SignalProblem) => RelaxationResult;
  /** The shifted data: y − ν/2. */
  shift: (y: ArrayLike<number>, nu: number) => number[];
}
export const shiftSubject: ShiftSubject = {
  l1Model: (p) => l1Relaxation(p),
  shift: (y, nu) => Array.from(y, (v) => v - nu / 2),
};

export const l1ShiftedSmoothing = defineClaim({
  id: 'agh21.relax.l1-shifted-smoothing',
  paper: 'agh21',
  location: '§5.2.2, method L1, p. 29 (min ‖y − x‖² + λΣ(x_{i+1} − x_i)² + μ‖x‖₁, x ≥ 0) and smoothing problem (1), p. 2',
  title: 'The ℓ1 model equals smoothing (1) of the shifted data y − ν/2',
  statement:
    'For ν ≥ 0: ‖y − x‖² + ν1ᵀx = ‖(y − ν/2) − x‖² + νΣy_i − nν²/4, so the ℓ1 model over x ≥ 0 has the minimiser of pure smoothing of ' +
    'y − ν/2 over x ≥ 0 and its value plus νΣy_i − nν²/4. The ℓ1 term subtracts ν/2 from every observation before smoothing.',
  tex: '\\|y-x\\|^2+\\nu\\mathbf 1^\\top x=\\|(y-\\tfrac\\nu2\\mathbf 1)-x\\|^2+\\nu\\textstyle\\sum_i y_i-\\tfrac{n\\nu^2}4',
  hypotheses: ['path, n ≤ 8, y ≥ 0, ‖y‖∞ ∈ [0.3, 3]', 'λ ∈ [0.05, 5], ν ∈ [0.01, 1]', 'the ℓ1 model solved as the big-M relaxation with μ = 0 (z = 1 optimal)'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#l1-shifted-smoothing',
  tolerance: { value: ID_TOL, reason: ID_REASON },
  budget: { quick: 10, default: 100, thorough: 1000 },
  subject: shiftSubject,
  instances: pathWithWeight,
  check: ({ y, lambda, w }, s) => {
    const p = signalProblem({ y, lambda, l1: w });
    const r = s.l1Model(p);
    const b = s.shift(p.y, w);
    const ref = nonnegQpByEnumeration(p, b);
    let sumY = 0;
    let dx = 0;
    for (let i = 0; i < p.n; i++) {
      sumY += p.y[i];
      dx = Math.max(dx, Math.abs(r.x[i] - ref.x[i]));
    }
    // value of the ℓ1 model = ‖b‖² + min(xᵀQx − 2bᵀx) + νΣy − nν²/4, with ‖b‖² = Σ(y − ν/2)²
    const bb = b.reduce((a, v) => a + v * v, 0);
    const predicted = bb + ref.value + w * sumY - (p.n * w * w) / 4;
    const scale = Math.max(1, Math.abs(predicted));
    return {
      comparisons: [
        le('|ℓ1 value − (shifted smoothing value + νΣy − nν²/4)| / max(1,|value|)', Math.abs(r.value - predicted) / scale, ID_TOL),
        le('max |ℓ1 minimiser − shifted-smoothing minimiser|', dx, 1e-4),
      ],
      values: { n: p.n, nu: w },
    };
  },
});

/** The big-M relaxation and the ℓ1 weight it is claimed to equal. */
export interface BigMSubject {
  /** Natural big-M relaxation of the penalty form (z ∈ [0,1]ⁿ, x ≤ u z), by the conic solver. */
  relax: (p: SignalProblem) => RelaxationResult;
  /** The ℓ1 weight: μ/M. */
  weight: (mu: number, M: number) => number;
}
export const bigMSubject: BigMSubject = { relax: (p) => l1Relaxation(p), weight: (mu, M) => mu / M };

export const bigMIsL1 = defineClaim({
  id: 'agh21.relax.bigm-equals-l1',
  paper: 'agh21',
  location: '§2.2, big-M (7), p. 6, and §2.1–§2.2, p. 7 ("(5) is in fact the natural convex relaxation of (6)"), for the penalty form (4), p. 2',
  title: 'The natural big-M relaxation of the penalty form equals the ℓ1 model with weight μ/M',
  statement:
    'Relaxing z ∈ {0,1}ⁿ to [0,1]ⁿ in (4) with x ≤ Mz (M = ‖y‖∞) leaves z_i = x_i/M at an optimum, so its value is min over 0 ≤ x ≤ M of ' +
    '‖y − x‖² + λΣ(x_i − x_j)² + (μ/M)1ᵀx; the bound x ≤ M is inactive, and by agh21.relax.l1-shifted-smoothing this is smoothing of y − μ/(2M) ' +
    'plus a constant. M ranges over [0.3, 3], so μ and μ/M differ.',
  hypotheses: ['path, n ≤ 8, y ≥ 0, M = ‖y‖∞ ∈ [0.3, 3]', 'λ ∈ [0.05, 5], μ ∈ [0.01, 1], no cardinality bound'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#big-m-relaxation-is-l1',
  tolerance: { value: ID_TOL, reason: ID_REASON },
  budget: { quick: 10, default: 100, thorough: 1000 },
  subject: bigMSubject,
  instances: pathWithWeight,
  check: ({ y, lambda, w }, s) => {
    const p = signalProblem({ y, lambda, mu: w });
    const r = s.relax(p);
    const nu = s.weight(w, p.u);
    const b = Array.from(p.y, (v) => v - nu / 2);
    const ref = nonnegQpByEnumeration(p, b);
    let sumY = 0;
    let maxX = 0;
    for (let i = 0; i < p.n; i++) {
      sumY += p.y[i];
      maxX = Math.max(maxX, ref.x[i]);
    }
    const predicted = b.reduce((a, v) => a + v * v, 0) + ref.value + nu * sumY - (p.n * nu * nu) / 4;
    const scale = Math.max(1, Math.abs(predicted));
    return {
      comparisons: [
        le('|big-M relaxation value − ℓ1 value with weight μ/M| / max(1,|value|)', Math.abs(r.value - predicted) / scale, ID_TOL),
        le('max_i x_i − M (the bound x ≤ M is inactive)', maxX - p.u, 1e-12 * p.u),
      ],
      values: { n: p.n, M: p.u, mu: w },
    };
  },
});

/** The closed form under test and the persp relaxation. */
export interface ReverseHuberSubject {
  /** min_{z ∈ (0,1]} r x²/z + μz in closed form. */
  rh: (x: number, r: number, mu: number) => number;
  persp: (p: SignalProblem) => RelaxationResult;
}
export const reverseHuberSubject: ReverseHuberSubject = {
  rh: (x, r, mu) => (x <= Math.sqrt(mu / r) ? 2 * Math.sqrt(r * mu) * x : r * x * x + mu),
  persp: (p) => perspRelaxation(p),
};

/** min over z ∈ [lo, 1] of r x²/z + μz by golden-section search (the function is convex in z > 0). */
export function perspectiveMinBySearch(x: number, r: number, mu: number, lo: number): number {
  const f = (z: number): number => (r * x * x) / z + mu * z;
  let a = lo;
  let b = 1;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 200 && b - a > 1e-15; it++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) <= f(d)) b = d;
    else a = c;
  }
  return Math.min(f(a), f(b), f(lo), f(1));
}

/** A point x ≥ 0, a weight r, μ, and u ≥ √(μ/r); plus a separable instance (edgeless graph) for persp. */
const rhInstance = fc.record({
  x: uniformDouble(0, 3),
  r: logUniformDouble(0.1, 10),
  mu: logUniformDouble(0.01, 2),
  uFactor: uniformDouble(1, 3),
  y: fc.array(uniformDouble(0, 1), { minLength: 2, maxLength: 6 }),
  muSep: logUniformDouble(0.01, 0.8),
});

/** A graph on n nodes without edges (every term separable). */
const noEdges = (n: number): Graph => edgeGraph(n, []);

export const reverseHuber = defineClaim({
  id: 'agh21.relax.persp-reverse-huber',
  paper: 'agh21',
  location: '§2.3, persp (8), p. 7 ("relationships between the persp and … reverse Huber penalty … have recently been established")',
  title: 'The perspective term minimised over z is the reverse-Huber penalty; persp of a separable problem is Σ min(y_i², μ)',
  statement:
    'For x ≥ 0, r, μ > 0: min_{z ∈ (0,1], x ≤ uz} r x²/z + μz = 2√(rμ)·x if x ≤ √(μ/r), and r x² + μ otherwise, whenever u ≥ √(μ/r) ' +
    '(checked against a scalar search over z). On a problem without smoothing edges persp (8) is separable and its value is ' +
    'Σ_i min(y_i², μ), the exact ℓ0 value (x_i = 0 if y_i ≤ √μ, x_i = y_i otherwise).',
  tex: '\\min_{z\\in(0,1]} r\\tfrac{x^2}{z}+\\mu z=\\begin{cases}2\\sqrt{r\\mu}\\,x & x\\le\\sqrt{\\mu/r}\\\\ rx^2+\\mu & x\\ge\\sqrt{\\mu/r}\\end{cases}',
  hypotheses: ['x ∈ [0, 3], r ∈ [0.1, 10], μ ∈ [0.01, 2], u = (1–3)·√(μ/r)', 'separable instance: n ≤ 6, y ∈ [0, 1], μ ∈ [0.01, 0.8]'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/agh21.md#reverse-huber',
  tolerance: {
    value: 1e-9,
    reason:
      'closed form vs golden-section search to |Δz| ≤ 1e-15 on a convex function of z: agreement to ~1e-12 relative, 1e-9 allowed; persp value vs ' +
      'Σ min(y_i², μ) to 1e-6 relative (conic solver accuracy, as for the other relaxation values)',
  },
  budget: { quick: 20, default: 200, thorough: 2000 },
  subject: reverseHuberSubject,
  instances: rhInstance,
  check: ({ x, r, mu, uFactor, y, muSep }, s) => {
    const u = uFactor * Math.sqrt(mu / r);
    const closed = s.rh(x, r, mu);
    const search = x > u ? Infinity : perspectiveMinBySearch(x, r, mu, Math.max(x / u, 1e-300));
    const out: Comparison[] = [];
    if (Number.isFinite(search)) {
      out.push(le('|closed form − scalar search| / max(1, value)', Math.abs(closed - search) / Math.max(1, search), 1e-9));
    }
    const yy = y.some((v) => v > 0) ? y : y.map((_, i) => (i === 0 ? 1 : 0));
    const p = signalProblem({ y: yy, graph: noEdges(yy.length), lambda: 1, mu: muSep });
    const pe = s.persp(p);
    const exact = yy.reduce((a, v) => a + Math.min(v * v, muSep), 0);
    out.push(le('|persp value (no edges) − Σ min(y_i², μ)| / max(1, value)', Math.abs(pe.value - exact) / Math.max(1, exact), 1e-6));
    return out;
  },
});

export const identityClaims = [l1ShiftedSmoothing, bigMIsL1, reverseHuber];
