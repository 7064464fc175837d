/**
 * Exact dynamic programmes for the MIQO on a PATH (docs/claims/agh21.md#exact-path-dp — the paper has no DP).
 *
 * Positions 0..n−1, edges {i, i+1}, Q = I + λL (11): Q_ii = 1 + λ·deg(i), Q_{i,i+1} = −λ, data y ≥ 0,
 * ℓ1 weight ν = 0, no priors.
 *
 * **Splitting.** x_i = 0 turns λ(x_{i−1} − x_i)² + λ(x_i − x_{i+1})² into λx²_{i−1} + λx²_{i+1}, so an
 * optimal x is a sequence of maximal nonzero runs ("segments") separated by zeros, and the objective is
 * ‖y‖² + Σ_segments C(a, b), with the segment cost
 *
 *   C(a, b) = −y_{a:b}ᵀ Q_{[a:b]}⁻¹ y_{a:b} + μ(b − a + 1),   Q_{[a:b]} the principal block of Q.
 *
 * **Incremental segment costs.** For fixed a, extending b updates the LDLᵀ factor of the tridiagonal
 * block in O(1): D_a = Q_aa, w_a = y_a; D_b = Q_bb − λ²/D_{b−1}, w_b = y_b + (λ/D_{b−1}) w_{b−1};
 * y_{a:b}ᵀ Q_{[a:b]}⁻¹ y_{a:b} = Σ_{i=a}^{b} w_i²/D_i.
 *
 * **Recurrence.** P(m) = best Σ C over positions 0..m−1 given position m is zero (or m = n); P(0) = 0:
 *
 *   P(m) = min( P(m−1),  min_{0≤a≤m−1} [ Z(a) + C(a, m−1) ] ),   Z(0) = 0, Z(a) = P(a−1) (zero at a−1),
 *
 * and OPT = ‖y‖² + P(n). Without pruning this is O(n²) time and O(n) memory.
 *
 * **Pruning (penalty form) — a start a that can never again close an optimal segment is dropped.**
 * Let w = Q⁻¹y be the smoothing solution on the whole path (one O(n) Thomas solve). Let
 * W_a(m) = Z(a) + C(a, m−1) be start a's value with its segment ending at m−1, and
 *
 *   c_m = y_m + λ(w_{m−1} + w_{m+1}),  t_m = min(c_m/Q_mm, w_m),  K_m = 2c_m t_m − Q_mm t_m² − μ
 *
 * (w_{−1} = w_n = 0). *Lemma.* For every support S, 0 ≤ x_S := Q_SS⁻¹y_S ≤ w_S. Indeed w ≥ 0 and
 * (Q_SS w_S)_i = (Qw)_i + λΣ_{j∉S, j~i} w_j ≥ y_i, so Q_SS(w_S − x_S) ≥ 0, and Q_SS⁻¹ ≥ 0 (Stieltjes,
 * docs/claims/agh21.md#stieltjes) gives w_S ≥ x_S; x_S ≥ 0 likewise (docs/claims/agh21.md#big-m-valid).
 * *Claim.* If W_a(m) > P(m) + K_m then, for every J ≥ m, no optimal configuration of positions 0..J
 * has a segment [a, J]; so a may be discarded before it is extended to m.
 * *Proof.* Let x be the minimiser of the segment problem on S = [a, J] (value −2yᵀx + xᵀQ_SS x + μ|S|
 * = C(a, J)). Setting x_m := 0 splits S into [a, m−1] and [m+1, J] (either may be empty) and changes
 * the value by +2y_m x_m − Q_mm x_m² + 2λx_m(x_{m−1} + x_{m+1}) − μ ≤ 2c_m x_m − Q_mm x_m² − μ, using
 * x_{m±1} ≤ w_{m±1} (lemma). As x_m ∈ [0, w_m] and the concave parabola peaks at c_m/Q_mm, this is
 * ≤ K_m. The restricted points are feasible for the two pieces, so
 * C(a, J) ≥ C(a, m−1) + C(m+1, J) − K_m (C(∅) = 0). Hence
 *   Z(a) + C(a, J) ≥ W_a(m) + C(m+1, J) − K_m > P(m) + C(m+1, J),
 * and the right side is the value of a feasible configuration of 0..J (the optimum of 0..m−1, a zero at
 * m, the segment [m+1, J]). So start a is strictly beaten for every end J ≥ m. ∎
 * The test is applied with a relative safety margin of 1e-12 for roundoff. Where y is small (between
 * spikes) w is small, K_m ≈ y_m²/Q_mm − μ, and a start stops surviving after about K/μ such positions,
 * so the candidate set stays small and the DP is near-linear on spiky signals; the worst case remains O(n²).
 *
 * **Cardinality form** ({@link pathExactCardinality}): P(m, c) with at most c nonzeros,
 * P(m, c) = min(P(m−1, c), min_a [Z(a, c − (m − a)) + C′(a, m−1)]), C′ without μ, Z(·, c<0) = +∞;
 * O(n²k) time, O(nk) memory.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { integerInRange } from '../../core/validate.ts';
import { buildQ, objective, type SignalProblem, type SignalSolution, solveOnSupport, type SparseQ } from '../model.ts';

/** Options of {@link pathExactL0}. */
export interface PathDpOptions {
  /** Apply the pruning rule proven above (default true). `false` gives the plain O(n²) DP. */
  prune?: boolean;
  /**
   * Margin K used by the pruning test, replacing K_m (for negative controls only: a wrong K breaks
   * exactness). Leave undefined for the proven rule.
   */
  pruneMarginOverride?: number;
  /** If given (length n + 1), receives the prefix values P(0..n) of the recurrence (ΣC, ‖y‖² excluded). */
  prefixValues?: Float64Array;
}

/** Result of the path DPs: the optimum plus work counters. */
export interface PathDpResult extends SignalSolution {
  /** Total number of (start, end) segment evaluations. */
  segmentEvaluations: number;
  /** Largest number of live candidate starts at any position. */
  maxCandidates: number;
}

function requirePathPenalty(p: SignalProblem, what: string): void {
  if (p.graph.kind !== 'path') throw new InvalidArgumentError('problem.graph.kind', p.graph.kind, `'path' (${what} needs a path)`);
  if (p.l1 !== 0) throw new InvalidArgumentError('problem.l1', p.l1, `0 (${what} does not handle the ℓ1 term; use bruteForce)`);
  if (p.priors.length > 0) throw new InvalidArgumentError('problem.priors', p.priors, `none (${what} handles no priors)`);
}

/** Build the solution (x on the support, z, objective with ‖y‖²) from the support mask. */
function finish(p: SignalProblem, q: SparseQ, z: Uint8Array, segmentEvaluations: number, maxCandidates: number): PathDpResult {
  const x = solveOnSupport(p, z, p.y, undefined, q);
  return { x, z, objective: objective(p, x, z), segmentEvaluations, maxCandidates };
}

/**
 * Exact penalty-form optimum on a path, problem (4)/(37) with k = null:
 * min ‖y − x‖² + λΣ(x_{i+1} − x_i)² + μ‖x‖₀ over x ≥ 0 (objective includes ‖y‖²). See the module
 * comment for the recurrence and the proof of the pruning rule.
 */
export function pathExactL0(p: SignalProblem, opts: PathDpOptions = {}): PathDpResult {
  requirePathPenalty(p, 'pathExactL0');
  if (p.k !== null) throw new InvalidArgumentError('problem.k', p.k, 'null (use pathExactCardinality for the cardinality form)');
  const prune = opts.prune ?? true;
  const n = p.n;
  const y = p.y;
  const lam = p.lambda;
  const lam2 = lam * lam;
  const mu = p.mu;
  const q = buildQ(p);
  const diag = q.diag;
  // Smoothing solution w = Q⁻¹y on the whole path: the bound x_S ≤ w_S of the pruning lemma.
  const wAll = prune ? solveOnSupport(p, new Uint8Array(n).fill(1), y, undefined, q) : new Float64Array(n);
  // Candidate arrays (struct of arrays): start, base value Z(a), last pivot D, last w, running sum S.
  const cStart = new Int32Array(n);
  const cBase = new Float64Array(n);
  const cD = new Float64Array(n);
  const cW = new Float64Array(n);
  const cS = new Float64Array(n);
  let nc = 0;
  const P = new Float64Array(n + 1);
  /** argStart[m] = start a of the segment ending at m−1 in P(m), or −1 if position m−1 is zero. */
  const argStart = new Int32Array(n + 1).fill(-1);
  let evals = 0;
  let maxC = 0;
  P[0] = 0;
  for (let m = 1; m <= n; m++) {
    const j = m - 1; // the new position
    // New candidate: start at j, preceded by a zero at j−1 (Z = P(j−1)), or j = 0 (Z = 0).
    cStart[nc] = j;
    cBase[nc] = j === 0 ? 0 : P[j - 1];
    cD[nc] = 0;
    cW[nc] = 0;
    cS[nc] = 0;
    nc++;
    if (nc > maxC) maxC = nc;
    const yj = y[j];
    const qjj = diag[j];
    let best = P[m - 1];
    let arg = -1;
    for (let t = 0; t < nc; t++) {
      let D: number;
      let w: number;
      if (cStart[t] === j) {
        D = qjj;
        w = yj;
      } else {
        const Dp = cD[t];
        D = qjj - lam2 / Dp;
        w = yj + (lam / Dp) * cW[t];
      }
      const S = cS[t] + (w * w) / D;
      cD[t] = D;
      cW[t] = w;
      cS[t] = S;
      const val = cBase[t] - S + mu * (j - cStart[t] + 1);
      if (val < best) {
        best = val;
        arg = cStart[t];
      }
    }
    evals += nc;
    P[m] = best;
    argStart[m] = arg;
    // Prune before extending to position m (only meaningful if m < n).
    if (prune && m < n) {
      const cm = y[m] + lam * (wAll[m - 1] + (m + 1 < n ? wAll[m + 1] : 0));
      const tm = Math.min(cm / diag[m], wAll[m]);
      const K = opts.pruneMarginOverride ?? 2 * cm * tm - diag[m] * tm * tm - mu;
      const thresh = best + K + 1e-12 * (1 + Math.abs(best));
      let keep = 0;
      for (let t = 0; t < nc; t++) {
        const val = cBase[t] - cS[t] + mu * (j - cStart[t] + 1);
        if (val <= thresh) {
          if (keep !== t) {
            cStart[keep] = cStart[t];
            cBase[keep] = cBase[t];
            cD[keep] = cD[t];
            cW[keep] = cW[t];
            cS[keep] = cS[t];
          }
          keep++;
        }
      }
      nc = keep;
    }
  }
  if (opts.prefixValues) opts.prefixValues.set(P);
  // Backtrack.
  const z = new Uint8Array(n);
  let m = n;
  while (m > 0) {
    const a = argStart[m];
    if (a < 0) {
      m -= 1;
    } else {
      for (let i = a; i < m; i++) z[i] = 1;
      m = a === 0 ? 0 : a - 1;
    }
  }
  return finish(p, q, z, evals, maxC);
}

/**
 * Exact cardinality-form optimum on a path, problem (3)/(41): min ‖y − x‖² + λΣ(x_{i+1} − x_i)²
 * (+ μ‖x‖₀ if μ > 0) s.t. ‖x‖₀ ≤ k, x ≥ 0. O(n²k) time (segment costs shared across counts),
 * O(nk) memory. Objective includes ‖y‖².
 */
export function pathExactCardinality(p: SignalProblem): PathDpResult {
  requirePathPenalty(p, 'pathExactCardinality');
  const n = p.n;
  const k = p.k === null ? n : integerInRange('problem.k', p.k, 0, n);
  const y = p.y;
  const lam = p.lambda;
  const lam2 = lam * lam;
  const mu = p.mu;
  const q = buildQ(p);
  const diag = q.diag;
  const K1 = k + 1;
  // P[m*K1 + c]: best over positions 0..m−1 (closed at m−1) with at most c nonzeros. Nonincreasing in c.
  const P = new Float64Array((n + 1) * K1);
  const arg = new Int32Array((n + 1) * K1).fill(-1);
  // Segment state per start a, for segments [a, m−1].
  const D = new Float64Array(n);
  const W = new Float64Array(n);
  const S = new Float64Array(n);
  let evals = 0;
  for (let m = 1; m <= n; m++) {
    const j = m - 1;
    const yj = y[j];
    const qjj = diag[j];
    // Update the segment sums of every start a ≤ j whose length m − a ≤ k.
    const aMin = Math.max(0, m - k);
    for (let a = aMin; a <= j; a++) {
      if (a === j) {
        D[a] = qjj;
        W[a] = yj;
        S[a] = (yj * yj) / qjj;
      } else {
        const Dp = D[a];
        const d = qjj - lam2 / Dp;
        const w = yj + (lam / Dp) * W[a];
        D[a] = d;
        W[a] = w;
        S[a] += (w * w) / d;
      }
    }
    evals += j - aMin + 1;
    for (let c = 0; c <= k; c++) {
      let best = P[(m - 1) * K1 + c];
      let bestA = -1;
      // segment [a, j] of length L = m − a ≤ c.
      for (let a = Math.max(0, m - c); a <= j; a++) {
        const L = m - a;
        const base = a === 0 ? 0 : P[(a - 1) * K1 + (c - L)];
        const val = base - S[a] + mu * L;
        if (val < best) {
          best = val;
          bestA = a;
        }
      }
      P[m * K1 + c] = best;
      arg[m * K1 + c] = bestA;
    }
  }
  const z = new Uint8Array(n);
  let m = n;
  let c = k;
  while (m > 0) {
    const a = arg[m * K1 + c];
    if (a < 0) {
      m -= 1;
    } else {
      for (let i = a; i < m; i++) z[i] = 1;
      c -= m - a;
      m = a === 0 ? 0 : a - 1;
    }
  }
  return finish(p, q, z, evals, n);
}
