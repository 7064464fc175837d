/**
 * Exact cardinality-form optimum on a path at large n (ours): the count-indexed DP of
 * {@link pathExactCardinality} restricted, by bounds, to the states that can still beat a known
 * feasible value.
 *
 *   OPT_k = ‖y‖² + min_{|S| ≤ k} Σ_segments C(a, b),   C(a, b) = −y_{a:b}ᵀQ_{[a:b]}⁻¹y_{a:b} + μ(b − a + 1).
 *
 * Let UB be a feasible value and ν ≥ 0 a multiplier (both from {@link pathCardinalityBounds}), and
 * B_ν(i) the penalty optimum (ℓ0 weight μ + ν) of positions i..n−1 with position i−1 zero (the DP run
 * on the reversed path; B_ν(n) = 0). For any configuration of positions i..n−1 with at most r nonzeros,
 * Σ C ≥ B_ν(i) − νr (weak duality). Two pruning tests follow; both keep every configuration whose
 * value is ≤ UB (so the optimum survives):
 * 1. A state (m, c) — positions 0..m−1 closed with exactly c nonzeros and value v, position m zero —
 *    is dropped if ‖y‖² + v + B_ν(m+1) − ν(k − c) > UB.
 * 2. A start a with base count c′ whose open segment [a, m−1] has value W (base + C(a, m−1)) is not
 *    extended to m if ‖y‖² + W − K_m + B_ν(m+1) − ν(k − c′ − (m − a) − 1) > UB, with K_m the bound of
 *    the penalty DP's pruning lemma (src/signal/exact/path-dp.ts): any segment [a, J], J ≥ m, has
 *    C(a, J) ≥ C(a, m−1) + C(m+1, J) − K_m, and the part after m then uses at most k − c′ − (m − a) − 1
 *    nonzeros. Starts with c′ + (m − a) + 1 > k are dropped (infeasible).
 * Pruning uses a relative slack of 1e-9 on UB; if nothing better than UB survives, the feasible
 * solution behind UB is optimal and is returned.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { buildQ, objective, type SignalProblem, solveOnSupport, type SignalSolution } from '../model.ts';
import { pathCardinalityBounds } from './cardinality-lagrangian.ts';
import { pathExactL0 } from './path-dp.ts';

/** Result of {@link pathExactCardinalityLarge}. */
export interface CardinalityExactResult extends SignalSolution {
  /** States (m, c) created by the restricted DP (0 when the bounds already matched). */
  states: number;
  /** Largest number of live (start, base count) pairs at any position. */
  maxCandidates: number;
  /** Gap of the Lagrangian bounds before the DP, percent of UB. */
  initialGapPercent: number;
  /** Whether the restricted DP ran (false: the Lagrangian bounds already matched). */
  restricted: boolean;
  /** (start, base count) pairs dropped by pruning test 2 (the K_m test). */
  prunedByMargin: number;
  /** States dropped by pruning test 1. */
  prunedStates: number;
}

/** Options of {@link pathExactCardinalityLarge}. */
export interface CardinalityLargeOptions {
  /** Relative slack on UB for the pruning tests (default 1e-9). */
  slack?: number;
  /**
   * Replace K_m by this constant in pruning test 2 (tests only: K_m = 0 drops the lemma's margin and
   * may prune the optimum away — the negative control of the pruning proof).
   */
  marginOverride?: number;
}

interface StateInfo {
  v: number;
  /** Start of the last segment (closing at m−1), or −1 if position m−1 is zero. */
  a: number;
  /** Count before the segment. */
  cPrev: number;
}

/** Exact optimum of the cardinality form on a path (see module comment). Needs k set, ν = 0, no priors. */
export function pathExactCardinalityLarge(p: SignalProblem, opts: CardinalityLargeOptions = {}): CardinalityExactResult {
  if (p.k === null) throw new InvalidArgumentError('problem.k', p.k, 'an integer cardinality bound');
  const b = pathCardinalityBounds(p);
  const initialGapPercent = b.upperBound > 0 ? (100 * (b.upperBound - b.lowerBound)) / b.upperBound : 0;
  if (b.exact) return { ...b.solution, objective: b.upperBound, states: 0, maxCandidates: 0, initialGapPercent, restricted: false, prunedByMargin: 0, prunedStates: 0 };
  const n = p.n;
  const k = p.k;
  const nu = b.nu;
  const UB = b.upperBound + (opts.slack ?? 1e-9) * Math.max(1, Math.abs(b.upperBound));
  const y = p.y;
  const lam = p.lambda;
  const lam2 = lam * lam;
  const mu = p.mu;
  const q = buildQ(p);
  const diag = q.diag;
  const w = solveOnSupport(p, new Uint8Array(n).fill(1), y, undefined, q);
  // Backward penalty values: reversed path, ℓ0 weight μ + ν.
  const rev = new Float64Array(n);
  for (let i = 0; i < n; i++) rev[i] = y[n - 1 - i];
  const Prev = new Float64Array(n + 1);
  pathExactL0({ ...p, y: rev, k: null, mu: mu + nu }, { prefixValues: Prev });
  /** B_ν(i): positions i..n−1 with position i−1 zero. */
  const B = (i: number): number => (i >= n ? 0 : Prev[n - i]);
  const K = (m: number): number => {
    if (opts.marginOverride !== undefined) return opts.marginOverride;
    const cm = y[m] + lam * (w[m - 1] + (m + 1 < n ? w[m + 1] : 0));
    const tm = Math.min(cm / diag[m], w[m]);
    return 2 * cm * tm - diag[m] * tm * tm - mu;
  };
  const layers: Map<number, StateInfo>[] = [new Map([[0, { v: 0, a: -1, cPrev: 0 }]])];
  // Live starts: segment state and the base (count, value) pairs.
  interface Start {
    a: number;
    D: number;
    W: number;
    S: number;
    counts: number[];
    bases: number[];
  }
  let starts: Start[] = [];
  let states = 1;
  let maxCand = 0;
  let prunedByMargin = 0;
  let prunedStates = 0;
  for (let m = 1; m <= n; m++) {
    const j = m - 1;
    // New start at j, based on layer j−1 (position j−1 zero) or the empty prefix.
    const baseLayer = j === 0 ? new Map([[0, { v: 0, a: -1, cPrev: 0 }]]) : layers[j - 1];
    const counts: number[] = [];
    const bases: number[] = [];
    for (const [c, st] of baseLayer) {
      if (c + 1 <= k) {
        counts.push(c);
        bases.push(st.v);
      }
    }
    if (counts.length > 0) starts.push({ a: j, D: 0, W: 0, S: 0, counts, bases });
    // Layer m: carry layer m−1 (position m−1 zero), then close segments at m−1.
    const layer = new Map<number, StateInfo>();
    for (const [c, st] of layers[m - 1]) layer.set(c, { v: st.v, a: -1, cPrev: c });
    const yj = y[j];
    let cand = 0;
    for (const st of starts) {
      if (st.a === j) {
        st.D = diag[j];
        st.W = yj;
      } else {
        const Dp = st.D;
        st.D = diag[j] - lam2 / Dp;
        st.W = yj + (lam / Dp) * st.W;
      }
      st.S += (st.W * st.W) / st.D;
      const L = m - st.a;
      const segVal = -st.S + mu * L;
      for (let t = 0; t < st.counts.length; t++) {
        const c = st.counts[t] + L;
        const v = st.bases[t] + segVal;
        const cur = layer.get(c);
        if (cur === undefined || v < cur.v) layer.set(c, { v, a: st.a, cPrev: st.counts[t] });
      }
      cand += st.counts.length;
    }
    maxCand = Math.max(maxCand, cand);
    // Prune states (test 1).
    for (const [c, st] of layer) {
      if (p.yNorm2 + st.v + B(m + 1) - nu * (k - c) > UB) {
        layer.delete(c);
        prunedStates++;
      }
    }
    states += layer.size;
    layers.push(layer);
    // Prune starts before extending to m (test 2).
    if (m < n) {
      const Km = K(m);
      const Bm = B(m + 1);
      const next: Start[] = [];
      for (const st of starts) {
        const L = m - st.a;
        const segVal = -st.S + mu * L;
        const counts: number[] = [];
        const bases: number[] = [];
        for (let t = 0; t < st.counts.length; t++) {
          const c0 = st.counts[t];
          const r = k - c0 - L - 1;
          if (r < 0) continue;
          if (p.yNorm2 + st.bases[t] + segVal - Km + Bm - nu * r > UB) {
            prunedByMargin++;
            continue;
          }
          counts.push(c0);
          bases.push(st.bases[t]);
        }
        if (counts.length > 0) {
          st.counts = counts;
          st.bases = bases;
          next.push(st);
        }
      }
      starts = next;
    }
  }
  let bestC = -1;
  let bestV = Infinity;
  for (const [c, st] of layers[n]) {
    if (c <= k && st.v < bestV) {
      bestV = st.v;
      bestC = c;
    }
  }
  if (bestC < 0 || p.yNorm2 + bestV >= b.upperBound) {
    return { ...b.solution, objective: b.upperBound, states, maxCandidates: maxCand, initialGapPercent, restricted: true, prunedByMargin, prunedStates };
  }
  const z = new Uint8Array(n);
  let m = n;
  let c = bestC;
  while (m > 0) {
    const st = layers[m].get(c)!;
    if (st.a < 0) {
      m -= 1;
    } else {
      for (let i = st.a; i < m; i++) z[i] = 1;
      c = st.cPrev;
      m = st.a === 0 ? 0 : st.a - 1;
    }
  }
  const x = solveOnSupport(p, z, y, undefined, q);
  return { x, z, objective: objective(p, x, z), states, maxCandidates: maxCand, initialGapPercent, restricted: true, prunedByMargin, prunedStates };
}
