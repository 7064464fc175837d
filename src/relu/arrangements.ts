/**
 * Activation patterns of a ReLU layer on fixed data: the hyperplane arrangement
 * {x_iᵀu = 0} of the rows of X (Pilanci & Ergen, ICML 2020, Section 3).
 *
 * A pattern is D = diag(1[Xu ≥ 0]) for some u ∈ ℝ^d. The convex program needs
 * every pattern to be exact; a subset gives an upper bound on p* (each feasible
 * point of the smaller program is a network with the same objective).
 *
 * - {@link enumeratePatterns}: exact enumeration. Every cell of a central
 *   arrangement whose normals span ℝ^r is a pointed cone, so it has an extreme
 *   ray; for data in general position a ray is the line orthogonal to r − 1
 *   rows S, and the 2^{r−1} cells around ±u are reached by u ± ε·X_S⁺σ for the
 *   sign vectors σ. Each pattern comes with a witness direction that realises it.
 * - {@link coverCount}: Cover's count 2Σ_{k<r} C(n−1, k) of cells for data in
 *   general position (rank r).
 * - {@link patterns1dWithBias}: 1-D data with a bias column, 2n patterns in closed form.
 * - {@link samplePatterns}: random directions u ~ N(0, I), deduplicated —
 *   labelled `exact: false` (upper bound on p* only).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { integerInRange } from '../core/validate.ts';
import type { Rng } from '../core/random.ts';
import { binomial, nullVector, rowSpaceBasis, solveInPlace } from './linalg.ts';

/** A set of activation patterns on n samples. */
export interface PatternSet {
  /** Number of samples. */
  readonly n: number;
  /** Patterns: masks[i][j] = 1 iff x_jᵀu ≥ 0 for a direction u of cell i. */
  readonly masks: Uint8Array[];
  /** One realising direction per pattern (row-major P×d), when known. */
  readonly witnesses?: Float64Array;
  /** Whether the set is provably every pattern of X (exact enumeration). */
  readonly exact: boolean;
  /** How the set was built. */
  readonly method: 'enumeration' | '1d-bias' | 'sampled' | 'given';
}

/** Largest C(n, r−1)·2^r (directions evaluated) allowed by exact enumeration. */
export const MAX_ENUMERATION_WORK = 4e6;

/** Key of a mask for deduplication. */
export function maskKey(m: Uint8Array): string {
  let s = '';
  for (let i = 0; i < m.length; i++) s += m[i] ? '1' : '0';
  return s;
}

/** Cover's count of the cells of n hyperplanes through the origin in general position in ℝ^r: 2Σ_{k=0}^{r−1} C(n−1, k). */
export function coverCount(n: number, r: number): number {
  integerInRange('n', n, 1);
  integerInRange('r', r, 0);
  if (r === 0) return 1;
  let s = 0;
  for (let k = 0; k <= r - 1; k++) s += binomial(n - 1, k);
  return 2 * s;
}

/** The bound P ≤ 2r(e(n−1)/r)^r on the number of patterns (rank r ≥ 1). */
export function coverUpperBound(n: number, r: number): number {
  integerInRange('n', n, 1);
  integerInRange('r', r, 1);
  return 2 * r * Math.pow((Math.E * (n - 1)) / r, r);
}

/** Pattern of a direction: 1[Xu ≥ 0] (X row-major n×d). */
export function patternOf(X: Float64Array, n: number, d: number, u: ArrayLike<number>, out = new Uint8Array(n)): Uint8Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[i * d + j] * u[j];
    out[i] = s >= 0 ? 1 : 0;
  }
  return out;
}

/** Data the enumeration works on: X reduced to its row space, zero rows set aside. */
interface Reduced {
  /** X Qᵀ, n×r. */
  Z: Float64Array;
  r: number;
  Q: Float64Array;
  /** Rows with x_i ≠ 0 (zero rows have pattern bit 1 for every u). */
  rows: number[];
}

function reduce(X: Float64Array, n: number, d: number): Reduced {
  const { r, Q } = rowSpaceBasis(X, n, d);
  const Z = new Float64Array(n * r);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    let nz = 0;
    for (let k = 0; k < r; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += X[i * d + j] * Q[k * d + j];
      Z[i * r + k] = s;
      nz += s * s;
    }
    let nx = 0;
    for (let j = 0; j < d; j++) nx += X[i * d + j] ** 2;
    if (nx > 0 && Math.sqrt(nz) > 0) rows.push(i);
  }
  return { Z, r, Q, rows };
}

/** Visit every k-subset of [0, m) in lexicographic order. */
function forEachSubset(m: number, k: number, visit: (idx: Int32Array) => void): void {
  const idx = Int32Array.from({ length: k }, (_, i) => i);
  if (k > m) return;
  for (;;) {
    visit(idx);
    let i = k - 1;
    while (i >= 0 && idx[i] === m - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/**
 * Every activation pattern of X (n×d, row-major), exactly, by perturbation
 * around the rays of the arrangement (see the file comment). Throws when the
 * work C(n, r−1)·2^r exceeds {@link MAX_ENUMERATION_WORK} (use
 * {@link samplePatterns}) or when the rows are not in general position
 * (a ray lies on more than r − 1 hyperplanes).
 */
export function enumeratePatterns(X: Float64Array, n: number, d: number): PatternSet {
  const red = reduce(X, n, d);
  const { Z, r, Q, rows } = red;
  const m = rows.length;
  const found = new Map<string, { mask: Uint8Array; witness: Float64Array }>();
  const add = (mask: Uint8Array, wz: Float64Array): void => {
    const key = maskKey(mask);
    if (found.has(key)) return;
    const w = new Float64Array(d); // witness in ℝ^d: Qᵀ wz
    for (let k = 0; k < r; k++) for (let j = 0; j < d; j++) w[j] += Q[k * d + j] * wz[k];
    found.set(key, { mask: Uint8Array.from(mask), witness: w });
  };
  if (r === 0 || m === 0) {
    add(new Uint8Array(n).fill(1), new Float64Array(r));
    return finish(found, n, d, 'enumeration');
  }
  const work = binomial(m, r - 1) * 2 ** r;
  if (work > MAX_ENUMERATION_WORK) {
    throw new InvalidArgumentError(
      'X', `n = ${n}, d = ${d} (rank ${r})`,
      `a size exact enumeration can handle: C(n, r−1)·2^r = ${work.toExponential(2)} directions exceeds ${MAX_ENUMERATION_WORK.toExponential(0)}; ` +
        'use samplePatterns (an upper bound on p*) instead',
    );
  }
  const M = new Float64Array(Math.max(1, (r - 1) * r));
  const G = new Float64Array(Math.max(1, (r - 1) * (r - 1)));
  const rhs = new Float64Array(Math.max(1, r - 1));
  const mask = new Uint8Array(n);
  const zu = new Float64Array(m); // z_jᵀu
  const zd = new Float64Array(m); // z_jᵀδ
  const wz = new Float64Array(r);
  const inS = new Uint8Array(m);
  const nsig = 2 ** (r - 1);
  forEachSubset(m, r - 1, (S) => {
    for (let a = 0; a < r - 1; a++) for (let k = 0; k < r; k++) M[a * r + k] = Z[rows[S[a]] * r + k];
    const u = nullVector(M, r - 1, r);
    if (!u) throw notGeneral(n, d, `rows ${Array.from(S, (s) => rows[s]).join(', ')} are linearly dependent`);
    inS.fill(0);
    for (let a = 0; a < r - 1; a++) inS[S[a]] = 1;
    let minOff = Infinity;
    for (let t = 0; t < m; t++) {
      let s = 0;
      let nz = 0;
      for (let k = 0; k < r; k++) {
        s += Z[rows[t] * r + k] * u[k];
        nz += Z[rows[t] * r + k] ** 2;
      }
      zu[t] = s;
      if (!inS[t]) {
        if (Math.abs(s) <= 1e-9 * Math.sqrt(nz)) throw notGeneral(n, d, `row ${rows[t]} lies on the ray orthogonal to rows ${Array.from(S, (q) => rows[q]).join(', ')}`);
        minOff = Math.min(minOff, Math.abs(s));
      }
    }
    for (let sg = 0; sg < nsig; sg++) {
      // δ = X_Sᵀ(X_S X_Sᵀ)⁻¹σ, so that X_S δ = σ
      for (let a = 0; a < r - 1; a++) {
        rhs[a] = (sg >> a) & 1 ? 1 : -1;
        for (let b = 0; b < r - 1; b++) {
          let s = 0;
          for (let k = 0; k < r; k++) s += M[a * r + k] * M[b * r + k];
          G[a * (r - 1) + b] = s;
        }
      }
      if (r > 1 && !solveInPlace(G, rhs, r - 1)) throw notGeneral(n, d, 'a Gram matrix of r − 1 rows is singular');
      let maxD = 0;
      for (let t = 0; t < m; t++) {
        let s = 0;
        for (let a = 0; a < r - 1; a++) {
          let row = 0;
          for (let k = 0; k < r; k++) row += Z[rows[t] * r + k] * M[a * r + k];
          s += row * rhs[a];
        }
        zd[t] = s;
        if (!inS[t]) maxD = Math.max(maxD, Math.abs(s));
      }
      // small enough to keep every sign off S (|ε z_jᵀδ| < |z_jᵀu|), at most 1 (δ may be orthogonal to every other row)
      const eps = maxD > 0 ? Math.min(1, (0.5 * minOff) / maxD) : 1;
      for (const sign of [1, -1]) {
        // combinatorial pattern: signs of σ on S, sign of ±z_jᵀu elsewhere; zero rows are active
        mask.fill(1);
        for (let t = 0; t < m; t++) {
          const v = inS[t] ? zd[t] : sign * zu[t];
          mask[rows[t]] = v > 0 ? 1 : 0;
        }
        for (let k = 0; k < r; k++) {
          let s = 0;
          for (let a = 0; a < r - 1; a++) s += M[a * r + k] * rhs[a];
          wz[k] = sign * u[k] + eps * s;
        }
        add(mask, wz);
      }
    }
  });
  const set = finish(found, n, d, 'enumeration');
  verifyWitnesses(X, n, d, set);
  return set;
}

function notGeneral(n: number, d: number, why: string): InvalidArgumentError {
  return new InvalidArgumentError(
    'X', `n = ${n}, d = ${d}`,
    `rows in general position for exact pattern enumeration (${why}); perturb the data slightly or use samplePatterns (an upper bound on p*)`,
  );
}

function finish(found: Map<string, { mask: Uint8Array; witness: Float64Array }>, n: number, d: number, method: PatternSet['method']): PatternSet {
  const list = [...found.values()];
  const witnesses = new Float64Array(list.length * d);
  list.forEach((e, i) => witnesses.set(e.witness, i * d));
  return { n, masks: list.map((e) => e.mask), witnesses, exact: true, method };
}

/** Every stored witness must realise its pattern (1[X w ≥ 0] = mask); otherwise the data are numerically degenerate. */
function verifyWitnesses(X: Float64Array, n: number, d: number, set: PatternSet): void {
  const tmp = new Uint8Array(n);
  for (let i = 0; i < set.masks.length; i++) {
    patternOf(X, n, d, set.witnesses!.subarray(i * d, (i + 1) * d), tmp);
    for (let j = 0; j < n; j++) if (tmp[j] !== set.masks[i][j]) throw notGeneral(n, d, `the witness of pattern ${i} does not realise it (numerically degenerate data)`);
  }
}

/**
 * The 2n patterns of 1-D data with a bias column, X = [a, 1] (distinct a_i):
 * u > 0 gives the up-sets {i : a_i ≥ t}, u < 0 the down-sets {i : a_i ≤ t}
 * (n + 1 each; "all" and "none" appear in both).
 */
export function patterns1dWithBias(a: ArrayLike<number>): PatternSet {
  const n = a.length;
  integerInRange('a.length', n, 1);
  for (let i = 0; i < n; i++) if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) throw new InvalidArgumentError(`a[${i}]`, a[i], 'a finite number');
  const sorted = Array.from(a).sort((p, q) => p - q);
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) throw new InvalidArgumentError('a', a, 'distinct values (a repeated point merges two hyperplanes)');
  const found = new Map<string, { mask: Uint8Array; witness: Float64Array }>();
  // thresholds below, between and above the sorted points
  const ts = [sorted[0] - 1, ...sorted.slice(1).map((v, i) => (v + sorted[i]) / 2), sorted[n - 1] + 1];
  for (const t of ts) {
    for (const s of [1, -1]) {
      const mask = new Uint8Array(n);
      for (let i = 0; i < n; i++) mask[i] = s * (a[i] - t) >= 0 ? 1 : 0;
      const key = maskKey(mask);
      if (!found.has(key)) found.set(key, { mask, witness: Float64Array.from([s, -s * t]) });
    }
  }
  return finish(found, n, 2, '1d-bias');
}

/**
 * Patterns of `count` random directions u ~ N(0, I_d), deduplicated. The set
 * is NOT exact: a convex program over it gives an upper bound on p*.
 */
export function samplePatterns(X: Float64Array, n: number, d: number, count: number, rng: Rng): PatternSet {
  integerInRange('count', count, 1);
  const found = new Map<string, { mask: Uint8Array; witness: Float64Array }>();
  const u = new Float64Array(d);
  const mask = new Uint8Array(n);
  for (let s = 0; s < count; s++) {
    rng.fillNormal(u);
    patternOf(X, n, d, u, mask);
    const key = maskKey(mask);
    if (!found.has(key)) found.set(key, { mask: Uint8Array.from(mask), witness: Float64Array.from(u) });
  }
  return { ...finish(found, n, d, 'sampled'), exact: false };
}

/** A user-given pattern list (validated: non-empty, 0/1 masks of length n); `exact` is false unless stated. */
export function givenPatterns(masks: ArrayLike<number>[], n: number, exact = false): PatternSet {
  if (!Array.isArray(masks) || masks.length === 0) throw new InvalidArgumentError('patterns', masks, 'a non-empty list of activation patterns');
  const out: Uint8Array[] = [];
  masks.forEach((m, i) => {
    if (!m || m.length !== n) throw new InvalidArgumentError(`patterns[${i}].length`, m?.length, `${n} (one entry per sample)`);
    const u = new Uint8Array(n);
    for (let j = 0; j < n; j++) {
      if (m[j] !== 0 && m[j] !== 1) throw new InvalidArgumentError(`patterns[${i}][${j}]`, m[j], '0 or 1');
      u[j] = m[j];
    }
    out.push(u);
  });
  return { n, masks: out, exact, method: 'given' };
}
