/**
 * Euclidean projection onto the pattern cone K = {u : (2D − I)Xu ≥ 0}.
 *
 * With A = (2D − I)X (rows a_j = s_j x_j, s_j = ±1), Moreau's decomposition
 * gives Π_K(g) = g + Aᵀλ*, where λ* solves the nonnegative least-squares problem
 *
 *   λ* = argmin_{λ ≥ 0} ‖g + Aᵀλ‖₂         (Lawson–Hanson active set).
 *
 * For ANY λ ≥ 0 and u ∈ K with ‖u‖ ≤ 1, gᵀu ≤ (g + Aᵀλ)ᵀu ≤ ‖g + Aᵀλ‖, so the
 * returned norm is always a valid upper bound on max_{u∈K, ‖u‖≤1} gᵀu and equals
 * it at λ*. That bound is what the dual certificate uses.
 */
import { solveInPlace } from './linalg.ts';
import { addScaledRow, rowDot } from './kernels.ts';

/** Reusable workspace for projections onto pattern cones of one X (n×d). */
export class ConeProjector {
  private readonly lambda: Float64Array;
  private readonly passive: Int32Array;
  private readonly inP: Uint8Array;
  private readonly G: Float64Array;
  private readonly rhs: Float64Array;
  private readonly Au: Float64Array;
  private readonly rowNorm: Float64Array;
  /** Workspace of {@link bound} (d). */
  private readonly v: Float64Array;
  /** Number of NNLS solves that needed the active-set loop (diagnostics). */
  nnlsSolves = 0;
  /**
   * Whether X has orthonormal rows (XXᵀ = I to 1e-12, whitened data). Then
   * u = Xᵀa + u⊥ splits the cone into sign constraints on a = Xu, and the
   * projection is Π_K(g) = g + Xᵀ(clip(Xg) − Xg) with clip zeroing the wrong-signed
   * entries: λ_j = max(−s_j x_jᵀg, 0) ≥ 0, so the norm returned stays an upper
   * bound on the cone maximum for any X and is exact when XXᵀ = I.
   */
  readonly orthonormalRows: boolean;

  constructor(
    private readonly X: Float64Array,
    private readonly n: number,
    private readonly d: number,
  ) {
    this.lambda = new Float64Array(n);
    this.passive = new Int32Array(n);
    this.inP = new Uint8Array(n);
    this.G = new Float64Array(n * n);
    this.rhs = new Float64Array(n);
    this.Au = new Float64Array(n);
    this.rowNorm = new Float64Array(n);
    this.v = new Float64Array(d);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X[j * d + k] ** 2;
      this.rowNorm[j] = Math.sqrt(s);
    }
    this.orthonormalRows = n <= d && hasOrthonormalRows(X, n, d);
  }

  /** (Au)_j = s_j x_jᵀu for every row; returns min_j (Au)_j / ‖x_j‖ (≥ 0 iff u ∈ K). */
  private applyA(mask: Uint8Array, u: Float64Array): number {
    const { X, d, n, Au } = this;
    let worst = Infinity;
    for (let j = 0; j < n; j++) {
      const s = rowDot(X, j * d, u, 0, d);
      Au[j] = mask[j] ? s : -s;
      if (this.rowNorm[j] > 0) worst = Math.min(worst, Au[j] / this.rowNorm[j]);
    }
    return worst;
  }

  /**
   * out ← Π_K(sign·g) for the cone of `mask` (g, out of length d; they may not alias).
   * Returns ‖out‖, an upper bound on max_{u∈K,‖u‖≤1} sign·gᵀu that is tight at the NNLS optimum.
   */
  project(mask: Uint8Array, g: ArrayLike<number>, out: Float64Array, sign = 1, lambdaOut?: Float64Array): number {
    const nrm = this.projectInner(mask, g, out, sign);
    if (lambdaOut) lambdaOut.set(this.lambda);
    return nrm;
  }

  /**
   * ‖sign·g + Aᵀλ‖ for a given λ ≥ 0 (e.g. the multipliers of an earlier projection):
   * an upper bound on ‖Π_K(sign·g)‖ in O(nd), used to skip projections of blocks that stay zero.
   */
  bound(mask: Uint8Array, g: ArrayLike<number>, lambda: Float64Array, sign = 1): number {
    const { X, d, n, v } = this;
    // v = sign·g + Σ_j λ_j s_j x_j, each entry summed over j in order (rows with λ_j = 0 skipped)
    for (let k = 0; k < d; k++) v[k] = sign * g[k];
    for (let j = 0; j < n; j++) {
      const l = lambda[j];
      if (l === 0) continue;
      addScaledRow(v, 0, mask[j] ? l : -l, X, j * d, d);
    }
    let s2 = 0;
    for (let k = 0; k < d; k++) s2 += v[k] * v[k];
    return Math.sqrt(s2);
  }

  private projectInner(mask: Uint8Array, g: ArrayLike<number>, out: Float64Array, sign: number): number {
    const { X, d, n, lambda, passive, inP, G, rhs, Au } = this;
    let gn = 0;
    for (let k = 0; k < d; k++) {
      out[k] = sign * g[k];
      gn += out[k] * out[k];
    }
    lambda.fill(0);
    if (gn === 0) return 0;
    if (this.applyA(mask, out) >= 0) return Math.sqrt(gn); // g ∈ K already
    if (this.orthonormalRows) {
      for (let j = 0; j < n; j++) if (Au[j] < 0) {
        lambda[j] = -Au[j];
        addScaledRow(out, 0, mask[j] ? lambda[j] : -lambda[j], X, j * d, d);
      }
      return norm(out, d);
    }
    this.nnlsSolves++;
    const g0 = Float64Array.from(out);
    lambda.fill(0);
    inP.fill(0);
    let np = 0;
    let maxRow = 0;
    for (let j = 0; j < n; j++) maxRow = Math.max(maxRow, this.rowNorm[j]);
    const tol = 1e-13 * Math.sqrt(gn) * maxRow;
    const sgn = (j: number): number => (mask[j] ? 1 : -1);
    // out = g0 + Σ_{j∈P} λ_j s_j x_j
    const rebuild = (): void => {
      for (let k = 0; k < d; k++) out[k] = g0[k];
      for (let p = 0; p < np; p++) {
        const j = passive[p];
        const c = lambda[j] * sgn(j);
        if (c !== 0) for (let k = 0; k < d; k++) out[k] += c * X[j * d + k];
      }
    };
    for (let outer = 0; outer < 3 * n + 10; outer++) {
      this.applyA(mask, out);
      // most violated constraint outside P: w_j = −(Au)_j
      let t = -1;
      let best = tol;
      for (let j = 0; j < n; j++) if (!inP[j] && -Au[j] > best) {
        best = -Au[j];
        t = j;
      }
      if (t < 0) break;
      inP[t] = 1;
      passive[np++] = t;
      let guard = 0;
      for (;;) {
        // unconstrained least squares on P: (A_P A_Pᵀ) z = −A_P g0
        for (let a = 0; a < np; a++) {
          const ja = passive[a];
          let s = 0;
          for (let k = 0; k < d; k++) s += X[ja * d + k] * g0[k];
          rhs[a] = -sgn(ja) * s;
          for (let b = 0; b < np; b++) {
            const jb = passive[b];
            let q = 0;
            for (let k = 0; k < d; k++) q += X[ja * d + k] * X[jb * d + k];
            G[a * np + b] = sgn(ja) * sgn(jb) * q;
          }
        }
        if (!solveInPlace(G, rhs, np, 1e-14)) {
          // dependent column: undo adding t and stop (λ stays feasible, bound stays valid)
          inP[t] = 0;
          np--;
          rebuild();
          return norm(out, d);
        }
        let allPos = true;
        for (let a = 0; a < np; a++) if (rhs[a] <= 0) allPos = false;
        if (allPos) {
          for (let a = 0; a < np; a++) lambda[passive[a]] = rhs[a];
          break;
        }
        let alpha = Infinity;
        for (let a = 0; a < np; a++) {
          const j = passive[a];
          if (rhs[a] <= 0) alpha = Math.min(alpha, lambda[j] / (lambda[j] - rhs[a]));
        }
        for (let a = 0; a < np; a++) {
          const j = passive[a];
          lambda[j] += alpha * (rhs[a] - lambda[j]);
        }
        let w = 0;
        let maxLam = 0;
        for (let a = 0; a < np; a++) maxLam = Math.max(maxLam, lambda[passive[a]]);
        for (let a = 0; a < np; a++) {
          const j = passive[a];
          if (lambda[j] <= 1e-14 * maxLam) {
            lambda[j] = 0;
            inP[j] = 0;
          } else passive[w++] = j;
        }
        np = w;
        if (++guard > n + 5) break;
      }
      rebuild();
    }
    return norm(out, d);
  }
}

function norm(v: Float64Array, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}

/** XXᵀ = I to 1e-12 (entrywise). */
function hasOrthonormalRows(X: Float64Array, n: number, d: number): boolean {
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) {
    let q = 0;
    for (let k = 0; k < d; k++) q += X[a * d + k] * X[b * d + k];
    if (Math.abs(q - (a === b ? 1 : 0)) > 1e-12) return false;
  }
  return true;
}
