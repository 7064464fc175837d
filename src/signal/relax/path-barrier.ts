/**
 * A specialised solver for the decomp model (32) on a PATH (AGH21 §4.2.2), used by Algorithm 1
 * instead of the generic conic solver when the graph is a path, there are no priors and no
 * indicator fixings. Same model as build.ts/buildDecomp:
 *
 *   ‖y‖² + min −2y′x + νΣx + μΣz + Σ Q_ii Γ_ii − 2λ Σ_e Γ_e
 *   s.t. x_i² ≤ Γ_ii z_i (23b); 0 ≤ x_i ≤ u z_i; 0 ≤ z_i ≤ 1; Σz ≤ k (cardinality form);
 *        for each edge e = {a, a+1} and d ∈ Δ_e (33):  d·s ≤ dΓ_aa − 2Γ_e + Γ_bb/d,
 *        v ≥ x_a − x_b/d, v² ≤ s z_a,  w ≥ x_b/d − x_a, w² ≤ s z_b.
 *
 * Method: the primal log-barrier (path-following) method — minimise t·c′v + φ(v) with
 * φ = −Σ log(linear slacks) − Σ log(s·t − u²) over the rotated cones (barrier parameter
 * ν = #rows + 2·#cones), by damped Newton steps, t ← 10t, until ν/t ≤ relTol·max(1,|ζ|).
 * Variables are ordered along the path (node i: x_i, z_i, Γ_ii; then edge i's Γ_e and its cuts'
 * s, v, w), so the Newton matrix has a narrow profile (envelope) and is factorised by a profile
 * Cholesky in O(n·b²); the cardinality row's rank-one Hessian term is handled by Sherman–Morrison.
 * A predictor step along the central-path tangent v′ = −H⁻¹c starts each stage; the line search
 * uses F(v + αΔ) − F(v) summed as logs of slack ratios (F itself is ~t|ζ| and would round away the
 * decrease). On the central path the duality gap is exactly ν/t; the final iterate is centred to a
 * Newton decrement λ²/2 ≤ 1e-6, whose effect on c′v is O(λ√ν/t) ≪ ν/t, and we report the
 * conservative lowerBound = ζ − 2ν/t.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import type { SignalProblem } from '../model.ts';
import { buildPathLayout, profileCholesky, profileMatVec as profileMatVecL, profileSolve } from './path-layout.ts';

/** Result of {@link solveDecompPath}. */
export interface PathBarrierSolution {
  status: 'optimal' | 'failed';
  x: Float64Array;
  z: Float64Array;
  gDiag: Float64Array;
  gOff: Float64Array;
  /** Objective ζ at the returned point (‖y‖² included). */
  value: number;
  /** ζ − 2ν/t: the central-path duality-gap bound ν/t doubled for the centring error. */
  lowerBound: number;
  /** 2ν/t at the end. */
  gap: number;
  newtonSteps: number;
  timeMs: number;
  /** The centred iterate and barrier parameter recorded at `snapshotGap` (for {@link PathBarrierOptions.warm}). */
  snapshot?: PathBarrierWarm;
}

/**
 * A strictly feasible, centred iterate v of an earlier solve on the same layout (same n, u, cut sets)
 * and its barrier parameter t. The constraints do not depend on y, ν or μ, so v is interior for any
 * cost vector; a new solve started from it re-centres at t and continues along the central path.
 * The returned bound ζ − 2ν/t does not depend on the starting point (centring is tested as usual).
 */
export interface PathBarrierWarm {
  v: Float64Array;
  t: number;
}

/** Options of {@link solveDecompPath}. */
export interface PathBarrierOptions {
  /** Stop when ν/t ≤ relTol·max(1, |ζ|) [1e-9]. */
  relTol?: number;
  /** Barrier multiplier per outer stage [10]. */
  tFactor?: number;
  /** Newton step limit (total) [1500]. */
  maxNewton?: number;
  /** Start from this iterate instead of the default point (ignored unless strictly interior, same size). */
  warm?: PathBarrierWarm;
  /** Record `snapshot` at the first centred point with ν/t ≤ snapshotGap·max(1, |ζ|) [none]. */
  snapshotGap?: number;
}

/** Consecutive stages that end uncentred (80 Newton steps each) after which a solve is given up as failed. */
export const STALL_STAGES = 3;

/** Whether {@link solveDecompPath} applies: a path with n ≥ 2, no priors, u > 0, and k ≥ 1 if set. */
export function pathBarrierApplies(p: SignalProblem): boolean {
  return p.graph.kind === 'path' && p.n >= 2 && p.priors.length === 0 && p.u > 0 && (p.k === null || p.k >= 1);
}

/** Solve (32) on a path for the cut sets Δ (see module comment). */
export function solveDecompPath(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathBarrierOptions = {}): PathBarrierSolution {
  if (!pathBarrierApplies(p)) throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, no priors, ‖y‖∞ > 0 and k ≥ 1 if set');
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const relTol = opts.relTol ?? 1e-9;
  const tFactor = opts.tFactor ?? 10;
  const maxNewton = opts.maxNewton ?? 1500;
  const L = buildPathLayout(p, cuts);
  const { n, N, base, gOffIdx, nRows, rIdx, rCoef, rB, nCones, cU, cS, cT, c, card, nu, rowStart, rowPos, conePos } = L;
  const vv = L.v0;
  const X = (i: number): number => base[i];
  const Z = (i: number): number => base[i] + 1;
  const G = (i: number): number => base[i] + 2;
  const H = new Float64Array(rowStart[N]);
  // ---- barrier machinery
  const slack = (v: Float64Array, k: number): number => {
    let s = rB[k];
    for (let t = 0; t < 4; t++) {
      const j = rIdx[4 * k + t];
      if (j >= 0) s -= rCoef[4 * k + t] * v[j];
    }
    return s;
  };
  let zIdx: Int32Array | null = null;
  if (card !== null) {
    zIdx = new Int32Array(n);
    for (let i = 0; i < n; i++) zIdx[i] = Z(i);
  }
  const cardSlack = (v: Float64Array): number => {
    let s = card as number;
    for (let i = 0; i < n; i++) s -= v[Z(i)];
    return s;
  };
  // barrier terms at the current iterate vv, refreshed at the start of every Newton step (the line
  // search compares trial points against them)
  const slB = new Float64Array(nRows);
  const phB = new Float64Array(nCones);
  let cardB = 1;
  /**
   * φ(a) − φ(vv) = −Σ log(slack(a)/slack(vv)) over every barrier term (vv's slacks from slB/phB/cardB);
   * +∞ if a is not interior. The ratios are multiplied in batches and logged once per batch (the
   * product is kept in [1e-150, 1e150], so no overflow; rounding as for the sum of logs).
   */
  const logRatioSum = (a: Float64Array): number => {
    let f = 0;
    let prod = 1;
    for (let k = 0; k < nRows; k++) {
      const sa = slack(a, k);
      if (!(sa > 0)) return Infinity;
      prod *= sa / slB[k];
      if (prod > 1e150 || prod < 1e-150) {
        f -= Math.log(prod);
        prod = 1;
      }
    }
    for (let k = 0; k < nCones; k++) {
      const Sa = a[cS[k]];
      const Ta = a[cT[k]];
      const Ua = a[cU[k]];
      const pa = Sa * Ta - Ua * Ua;
      if (!(pa > 0 && Sa > 0 && Ta > 0)) return Infinity;
      prod *= pa / phB[k];
      if (prod > 1e150 || prod < 1e-150) {
        f -= Math.log(prod);
        prod = 1;
      }
    }
    f -= Math.log(prod);
    if (card !== null) {
      const sa = cardSlack(a);
      if (!(sa > 0)) return Infinity;
      f -= Math.log(sa / cardB);
    }
    return f;
  };
  /** Σ of barrier terms at v (finite iff v is strictly interior). */
  const logRatioSumFrom = (v: Float64Array): number => {
    let f = 0;
    for (let k = 0; k < nRows; k++) {
      const sa = slack(v, k);
      if (!(sa > 0)) return Infinity;
      f -= Math.log(sa);
    }
    for (let k = 0; k < nCones; k++) {
      const Sa = v[cS[k]];
      const Ta = v[cT[k]];
      const Ua = v[cU[k]];
      const pa = Sa * Ta - Ua * Ua;
      if (!(pa > 0 && Sa > 0 && Ta > 0)) return Infinity;
      f -= Math.log(pa);
    }
    if (card !== null) {
      const sa = cardSlack(v);
      if (!(sa > 0)) return Infinity;
      f -= Math.log(sa);
    }
    return f;
  };
  const g = new Float64Array(N);
  const dx = new Float64Array(N);
  const tmpA = new Float64Array(N);
  const trial = new Float64Array(N);
  const Hc = card !== null ? new Float64Array(H.length) : H;
  const res = new Float64Array(N);
  const dInv = new Float64Array(N);
  const profileMatVec = (A: Float64Array, v: Float64Array, out: Float64Array): void => profileMatVecL(L, A, v, out);
  const solveL = (rhs: Float64Array): void => profileSolve(L, H, dInv, rhs);
  const cholesky = (): boolean => profileCholesky(L, H, dInv);
  /** Largest α with v + αΔ strictly interior (linear rows exactly; cones by the quadratic in α). */
  const maxStep = (v: Float64Array, d: Float64Array): number => {
    let amax = Infinity;
    for (let k = 0; k < nRows; k++) {
      let ds = 0;
      for (let tt = 0; tt < 4; tt++) {
        const j = rIdx[4 * k + tt];
        if (j >= 0) ds -= rCoef[4 * k + tt] * d[j];
      }
      if (ds < 0) amax = Math.min(amax, -slack(v, k) / ds);
    }
    for (let k = 0; k < nCones; k++) {
      const S = v[cS[k]], T = v[cT[k]], U = v[cU[k]];
      const dS = d[cS[k]], dT = d[cT[k]], dU = d[cU[k]];
      if (dS < 0) amax = Math.min(amax, -S / dS);
      if (dT < 0) amax = Math.min(amax, -T / dT);
      // φ(α) = (S + αdS)(T + αdT) − (U + αdU)² = A α² + B α + C, C > 0
      const A = dS * dT - dU * dU;
      const B = S * dT + T * dS - 2 * U * dU;
      const C = S * T - U * U;
      // smallest positive root
      let root = Infinity;
      if (Math.abs(A) < 1e-300) {
        if (B < 0) root = -C / B;
      } else {
        const disc = B * B - 4 * A * C;
        if (disc >= 0) {
          const sq = Math.sqrt(disc);
          const r1 = (-B - sq) / (2 * A);
          const r2 = (-B + sq) / (2 * A);
          if (r1 > 0 && r1 < root) root = r1;
          if (r2 > 0 && r2 < root) root = r2;
        }
      }
      amax = Math.min(amax, root);
    }
    if (card !== null) {
      let ds = 0;
      for (let i = 0; i < n; i++) ds -= d[Z(i)];
      if (ds < 0) amax = Math.min(amax, -cardSlack(v) / ds);
    }
    return amax;
  };
  let warmT = 0;
  const w = opts.warm;
  if (w && w.v instanceof Float64Array && w.v.length === N && Number.isFinite(w.t) && w.t > 0 && Number.isFinite(logRatioSumFrom(w.v))) {
    vv.set(w.v);
    warmT = w.t;
  }
  let lastVal = p.yNorm2;
  for (let j = 0; j < N; j++) lastVal += c[j] * vv[j];
  // start with a duality-gap estimate ν/t of the order of the objective scale (or at the warm point's t)
  let t = warmT > 0 ? warmT : nu / Math.max(1, Math.abs(lastVal));
  const snapGap = opts.snapshotGap;
  let snapshot: PathBarrierWarm | undefined;
  let newton = 0;
  let status: 'optimal' | 'failed' = 'failed';
  let val = NaN;
  let centered = false;
  let lastRho = 0;
  let uncentred = 0;
  outer: for (let stage = 0; stage < 60; stage++) {
    centered = false;
    for (let it = 0; it < 80; it++) {
      if (newton >= maxNewton) break outer;
      newton++;
      // gradient and Hessian of t·c′v + φ
      H.fill(0);
      for (let j = 0; j < N; j++) g[j] = t * c[j];
      for (let k = 0; k < nRows; k++) {
        const s = slack(vv, k);
        slB[k] = s;
        const is = 1 / s;
        const is2 = is * is;
        for (let a = 0; a < 4; a++) {
          const ja = rIdx[4 * k + a];
          if (ja < 0) continue;
          const ca = rCoef[4 * k + a];
          g[ja] += ca * is;
          const base = 10 * k + (a * (a + 1)) / 2;
          for (let b = 0; b <= a; b++) {
            const pos = rowPos[base + b];
            if (pos < 0) continue;
            H[pos] += ca * rCoef[4 * k + b] * is2;
          }
        }
      }
      for (let k = 0; k < nCones; k++) {
        const iu = cU[k];
        const is = cS[k];
        const it2 = cT[k];
        const U = vv[iu];
        const S = vv[is];
        const T = vv[it2];
        const phi = S * T - U * U;
        phB[k] = phi;
        const ip = 1 / phi;
        const gu = -2 * U;
        const gs = T;
        const gt = S;
        g[iu] -= gu * ip;
        g[is] -= gs * ip;
        g[it2] -= gt * ip;
        const ip2 = ip * ip;
        const o = 6 * k;
        H[conePos[o]] += gu * gu * ip2 + 2 * ip;
        H[conePos[o + 1]] += gs * gs * ip2;
        H[conePos[o + 2]] += gt * gt * ip2;
        H[conePos[o + 3]] += gu * gs * ip2;
        H[conePos[o + 4]] += gu * gt * ip2;
        H[conePos[o + 5]] += gs * gt * ip2 - ip;
      }
      let rho = 0;
      if (card !== null) {
        const s = cardSlack(vv);
        cardB = s;
        for (let i = 0; i < n; i++) g[Z(i)] += 1 / s;
        rho = 1 / (s * s);
      }
      // tiny diagonal shift for rounding
      for (let i = 0; i < N; i++) H[rowStart[i + 1] - 1] *= 1 + 1e-14;
      if (card !== null) Hc.set(H);
      if (!cholesky()) break outer;
      for (let j = 0; j < N; j++) dx[j] = -g[j];
      solveL(dx);
      if (card !== null && zIdx) {
        // (H0 + ρ aaᵀ)⁻¹(−g) = H0⁻¹(−g) − ρ(aᵀH0⁻¹(−g))/(1 + ρ aᵀH0⁻¹a) · H0⁻¹a  (Sherman–Morrison),
        // then two steps of iterative refinement against H0 + ρ aaᵀ: ρ ~ t² makes the formula cancel
        tmpA.fill(0);
        for (let i = 0; i < n; i++) tmpA[zIdx[i]] = 1;
        solveL(tmpA);
        let aHa = 0;
        for (let i = 0; i < n; i++) aHa += tmpA[zIdx[i]];
        const sm = (vec: Float64Array): void => {
          let aV = 0;
          for (let i = 0; i < n; i++) aV += vec[zIdx![i]];
          const coef = (rho * aV) / (1 + rho * aHa);
          for (let j = 0; j < N; j++) vec[j] -= coef * tmpA[j];
        };
        sm(dx);
        for (let ref = 0; ref < 2; ref++) {
          // res = −g − (H0 + ρ aaᵀ) dx
          profileMatVec(Hc, dx, res);
          let aD = 0;
          for (let i = 0; i < n; i++) aD += dx[zIdx[i]];
          for (let j = 0; j < N; j++) res[j] = -g[j] - res[j];
          for (let i = 0; i < n; i++) res[zIdx[i]] -= rho * aD;
          solveL(res);
          sm(res);
          for (let j = 0; j < N; j++) dx[j] += res[j];
        }
      }
      let dec = 0;
      for (let j = 0; j < N; j++) dec -= g[j] * dx[j];
      const finalStage = nu / t <= relTol * Math.max(1, Math.abs(lastVal));
      if (dec / 2 <= (finalStage ? 1e-6 : 1e-2)) {
        centered = true;
        lastRho = rho;
        break;
      }
      // line search: fraction to the boundary, then Armijo on the DIFFERENCE F(v + αΔ) − F(v), summed
      // term by term as logs of slack ratios (F itself is ~t·|ζ| ≈ 1e12 at the end: its rounding would
      // swamp the decrease)
      let alpha = Math.min(1, 0.99 * maxStep(vv, dx));
      let accepted = false;
      let cdx = 0;
      for (let j = 0; j < N; j++) cdx += c[j] * dx[j];
      for (let ls = 0; ls < 60; ls++) {
        for (let j = 0; j < N; j++) trial[j] = vv[j] + alpha * dx[j];
        const diff = t * alpha * cdx + logRatioSum(trial);
        if (diff <= -0.25 * alpha * dec) {
          accepted = true;
          break;
        }
        alpha *= 0.5;
      }
      if (!accepted) {
        // no further decrease is representable (F ~ t|ζ|): accept the point as centred when λ²/2 ≤ 1e-2,
        // where the centring error in c′v, O(λ√ν/t), is covered by the 2ν/t margin of lowerBound
        if (dec / 2 <= 1e-2) {
          centered = true;
          lastRho = rho;
        }
        break;
      }
      vv.set(trial);
    }
    val = p.yNorm2;
    for (let j = 0; j < N; j++) val += c[j] * vv[j];
    lastVal = val;
    if (nu / t <= relTol * Math.max(1, Math.abs(val))) {
      // the gap bound ν/t holds only at a centred point
      status = centered ? 'optimal' : 'failed';
      break;
    }
    // a solve whose stages stop centring does not recover (seen with the cardinality row: 80 steps per
    // stage, never centred again, 'failed' after maxNewton); give up after STALL_STAGES in a row
    uncentred = centered ? 0 : uncentred + 1;
    if (uncentred >= STALL_STAGES) break;
    if (centered && snapGap !== undefined && snapshot === undefined && nu / t <= snapGap * Math.max(1, Math.abs(val))) {
      snapshot = { v: Float64Array.from(vv), t };
    }
    const tNew = t * tFactor;
    if (centered) {
      // predictor along the central path: v′(t) = −H⁻¹c (H factorised at the centre), step (tNew − t)·v′
      for (let j = 0; j < N; j++) dx[j] = -c[j];
      solveL(dx);
      if (card !== null && zIdx) {
        let aDx = 0;
        let aHa = 0;
        for (let i = 0; i < n; i++) {
          aDx += dx[zIdx[i]];
          aHa += tmpA[zIdx[i]];
        }
        const coef = (lastRho * aDx) / (1 + lastRho * aHa);
        for (let j = 0; j < N; j++) dx[j] -= coef * tmpA[j];
      }
      for (let j = 0; j < N; j++) dx[j] *= tNew - t;
      const a = Math.min(1, 0.9 * maxStep(vv, dx));
      for (let j = 0; j < N; j++) vv[j] += a * dx[j];
    }
    t = tNew;
  }
  val = p.yNorm2;
  for (let j = 0; j < N; j++) val += c[j] * vv[j];
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const gd = new Float64Array(n);
  const go = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    x[i] = Math.max(0, vv[X(i)]);
    z[i] = Math.min(1, Math.max(0, vv[Z(i)]));
    gd[i] = vv[G(i)];
  }
  for (let e = 0; e < n - 1; e++) go[e] = vv[gOffIdx[e]];
  return { status, x, z, gDiag: gd, gOff: go, value: val, lowerBound: val - (2 * nu) / t, gap: (2 * nu) / t, newtonSteps: newton, timeMs: performance.now() - t0, snapshot };
}
