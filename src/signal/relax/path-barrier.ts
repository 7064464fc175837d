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
import { buildPathLayout, profileCholesky, profileMatVec, profileSolve, type PathLayout } from './path-layout.ts';

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

/**
 * Solve (32) on a path for the cut sets Δ (see module comment): minimise
 *
 *   ζ = ‖y‖² + min −2y′x + νΣx + μΣz + Σ Q_ii Γ_ii − 2λ Σ_e Γ_e  (= ‖y‖² + c′v in the layout's variables v)
 *       s.t. (23b), 0 ≤ x ≤ u z, 0 ≤ z ≤ 1, Σz ≤ k (if set), the cuts (33) for d ∈ Δ_e,
 *
 * by the barrier method: start (the layout's point or a warm one) → stages { centre t·c′v + φ by damped
 * Newton steps → stop when ν/t ≤ relTol·max(1, |ζ|) at a centred point → snapshot → predictor along the
 * central path → t ← tFactor·t } → the point and the bound ζ − 2ν/t.
 */
export function solveDecompPath(p: SignalProblem, cuts: ReadonlyArray<ReadonlyArray<number>>, opts: PathBarrierOptions = {}): PathBarrierSolution {
  if (!pathBarrierApplies(p)) throw new InvalidArgumentError('p', p.graph.kind, 'a path with n ≥ 2, no priors, ‖y‖∞ > 0 and k ≥ 1 if set');
  if (cuts.length !== p.n - 1) throw new InvalidArgumentError('cuts.length', cuts.length, `${p.n - 1}`);
  const t0 = performance.now();
  const relTol = opts.relTol ?? 1e-9;
  const tFactor = opts.tFactor ?? 10;
  const B = new Barrier(buildPathLayout(p, cuts), p.yNorm2, opts.maxNewton ?? 1500);
  const { nu } = B.L;
  const warmT = B.warmStart(opts.warm);
  // start with a duality-gap estimate ν/t of the order of the objective scale (or at the warm point's t)
  let t = warmT > 0 ? warmT : nu / Math.max(1, Math.abs(B.value()));
  let snapshot: PathBarrierWarm | undefined;
  let status: 'optimal' | 'failed' = 'failed';
  let uncentred = 0;
  for (let stage = 0; stage < 60; stage++) {
    const centred = B.centre(t, relTol);
    if (centred === 'abort') break;
    const val = B.value();
    B.lastVal = val;
    if (nu / t <= relTol * Math.max(1, Math.abs(val))) {
      // the gap bound ν/t holds only at a centred point
      status = centred === 'centred' ? 'optimal' : 'failed';
      break;
    }
    // a solve whose stages stop centring does not recover (seen with the cardinality row: 80 steps per
    // stage, never centred again, 'failed' after maxNewton); give up after STALL_STAGES in a row
    uncentred = centred === 'centred' ? 0 : uncentred + 1;
    if (uncentred >= STALL_STAGES) break;
    if (centred === 'centred' && opts.snapshotGap !== undefined && snapshot === undefined && nu / t <= opts.snapshotGap * Math.max(1, Math.abs(val))) {
      snapshot = { v: Float64Array.from(B.v), t };
    }
    const tNew = t * tFactor;
    if (centred === 'centred') B.predict(t, tNew);
    t = tNew;
  }
  return B.solution(status, t, snapshot, t0);
}

/** Outcome of one centring stage: centred, stopped uncentred, or the solve is over (step limit, lost factorisation). */
type Centring = 'centred' | 'uncentred' | 'abort';

/** The barrier method's iterate, Newton system and line search on a layout of (32). */
class Barrier {
  /** The iterate (the layout's start, modified in place). */
  readonly v: Float64Array;
  /** ζ at the end of the last stage (decides the final stage's centring tolerance). */
  lastVal: number;
  /** Newton steps taken. */
  newton = 0;
  /** ρ = 1/s_c² of the cardinality row at the last centred point (for the predictor). */
  private lastRho = 0;
  /** Indices of z (the cardinality row's terms), null without the row. */
  private readonly zIdx: Int32Array | null;
  /** Hessian of t·c′v + φ without the cardinality term (profile storage), its factor, and a copy. */
  private readonly H: Float64Array;
  private readonly Hc: Float64Array;
  private readonly dInv: Float64Array;
  private readonly g: Float64Array;
  private readonly dx: Float64Array;
  /** H₀⁻¹ 1_z (Sherman–Morrison). */
  private readonly tmpA: Float64Array;
  private readonly trial: Float64Array;
  private readonly res: Float64Array;
  /** Barrier terms at the current iterate, refreshed at every Newton step (the line search compares trial points against them). */
  private readonly slB: Float64Array;
  private readonly phB: Float64Array;
  private cardB = 1;

  constructor(readonly L: PathLayout, private readonly yNorm2: number, private readonly maxNewton: number) {
    const { N, n, nRows, nCones, card, rowStart, base } = L;
    this.v = L.v0;
    this.H = new Float64Array(rowStart[N]);
    this.Hc = card !== null ? new Float64Array(this.H.length) : this.H;
    this.dInv = new Float64Array(N);
    this.g = new Float64Array(N);
    this.dx = new Float64Array(N);
    this.tmpA = new Float64Array(N);
    this.trial = new Float64Array(N);
    this.res = new Float64Array(N);
    this.slB = new Float64Array(nRows);
    this.phB = new Float64Array(nCones);
    this.zIdx = card === null ? null : Int32Array.from({ length: n }, (_, i) => base[i] + 1);
    this.lastVal = this.value();
  }

  /** ζ = ‖y‖² + c′v at the iterate. */
  value(): number {
    let val = this.yNorm2;
    for (let j = 0; j < this.L.N; j++) val += this.L.c[j] * this.v[j];
    return val;
  }

  /** Start from a warm iterate if it is strictly interior and of the right size; its t, or 0. */
  warmStart(w: PathBarrierWarm | undefined): number {
    if (!(w && w.v instanceof Float64Array && w.v.length === this.L.N && Number.isFinite(w.t) && w.t > 0 && Number.isFinite(barrierValue(this.L, w.v)))) return 0;
    this.v.set(w.v);
    this.lastVal = this.value();
    return w.t;
  }

  /**
   * One stage: damped Newton steps on t·c′v + φ until the Newton decrement λ²/2 ≤ 1e-2 (≤ 1e-6 in the
   * final stage, ν/t ≤ relTol·max(1, |ζ|)), at most 80 steps.
   */
  centre(t: number, relTol: number): Centring {
    const { nu } = this.L;
    for (let it = 0; it < 80; it++) {
      if (this.newton >= this.maxNewton) return 'abort';
      this.newton++;
      const rho = this.assemble(t);
      if (!this.newtonStep(rho)) return 'abort';
      let dec = 0;
      for (let j = 0; j < this.L.N; j++) dec -= this.g[j] * this.dx[j];
      const finalStage = nu / t <= relTol * Math.max(1, Math.abs(this.lastVal));
      if (dec / 2 <= (finalStage ? 1e-6 : 1e-2)) {
        this.lastRho = rho;
        return 'centred';
      }
      if (!this.lineSearch(t, dec)) {
        // no further decrease is representable (F ~ t|ζ|): accept the point as centred when λ²/2 ≤ 1e-2,
        // where the centring error in c′v, O(λ√ν/t), is covered by the 2ν/t margin of lowerBound
        if (dec / 2 <= 1e-2) {
          this.lastRho = rho;
          return 'centred';
        }
        return 'uncentred';
      }
    }
    return 'uncentred';
  }

  /**
   * Gradient g and Hessian H₀ of t·c′v + φ at the iterate, φ = −Σ log(b_k − a_k′v) − Σ log(S_kT_k − U_k²)
   * − log(k − Σz); the cardinality row's rank-one Hessian term ρ·1_z1_zᵀ is left out and ρ returned.
   */
  private assemble(t: number): number {
    const { N, n, c, card } = this.L;
    const { H, g } = this;
    H.fill(0);
    for (let j = 0; j < N; j++) g[j] = t * c[j];
    this.rowTerms();
    this.coneTerms();
    let rho = 0;
    if (card !== null) {
      const s = cardSlack(this.L, this.v);
      this.cardB = s;
      for (let i = 0; i < n; i++) g[this.zIdx![i]] += 1 / s;
      rho = 1 / (s * s);
    }
    return rho;
  }

  /** Linear rows: g += a_k/s_k, H += a_k a_kᵀ/s_k². */
  private rowTerms(): void {
    const { nRows, rIdx, rCoef, rowPos } = this.L;
    const { H, g, v } = this;
    for (let k = 0; k < nRows; k++) {
      const s = slack(this.L, v, k);
      this.slB[k] = s;
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
  }

  /** Rotated cones φ_k = S T − U²: g −= ∇φ_k/φ_k, H += ∇φ_k∇φ_kᵀ/φ_k² − ∇²φ_k/φ_k. */
  private coneTerms(): void {
    const { nCones, cU, cS, cT, conePos } = this.L;
    const { H, g, v } = this;
    for (let k = 0; k < nCones; k++) {
      const iu = cU[k];
      const is = cS[k];
      const it2 = cT[k];
      const U = v[iu];
      const S = v[is];
      const T = v[it2];
      const phi = S * T - U * U;
      this.phB[k] = phi;
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
  }

  /** Newton step dx = −(H₀ + ρ1_z1_zᵀ)⁻¹g by the profile Cholesky of H₀ (tiny diagonal shift); false if it fails. */
  private newtonStep(rho: number): boolean {
    const { N, rowStart, card } = this.L;
    const { H, dx, g } = this;
    // tiny diagonal shift for rounding
    for (let i = 0; i < N; i++) H[rowStart[i + 1] - 1] *= 1 + 1e-14;
    if (card !== null) this.Hc.set(H);
    if (!profileCholesky(this.L, H, this.dInv)) return false;
    for (let j = 0; j < N; j++) dx[j] = -g[j];
    profileSolve(this.L, H, this.dInv, dx);
    if (card !== null && this.zIdx) this.cardinalityCorrection(rho);
    return true;
  }

  /**
   * (H₀ + ρ aaᵀ)⁻¹(−g) = H₀⁻¹(−g) − ρ(aᵀH₀⁻¹(−g))/(1 + ρ aᵀH₀⁻¹a) · H₀⁻¹a (Sherman–Morrison, a = 1_z),
   * then two steps of iterative refinement against H₀ + ρ aaᵀ: ρ ~ t² makes the formula cancel.
   */
  private cardinalityCorrection(rho: number): void {
    const { N, n } = this.L;
    const { dx, g, res, tmpA, H, dInv } = this;
    const zIdx = this.zIdx!;
    tmpA.fill(0);
    for (let i = 0; i < n; i++) tmpA[zIdx[i]] = 1;
    profileSolve(this.L, H, dInv, tmpA);
    let aHa = 0;
    for (let i = 0; i < n; i++) aHa += tmpA[zIdx[i]];
    const sm = (vec: Float64Array): void => {
      let aV = 0;
      for (let i = 0; i < n; i++) aV += vec[zIdx[i]];
      const coef = (rho * aV) / (1 + rho * aHa);
      for (let j = 0; j < N; j++) vec[j] -= coef * tmpA[j];
    };
    sm(dx);
    for (let ref = 0; ref < 2; ref++) {
      // res = −g − (H0 + ρ aaᵀ) dx
      profileMatVec(this.L, this.Hc, dx, res);
      let aD = 0;
      for (let i = 0; i < n; i++) aD += dx[zIdx[i]];
      for (let j = 0; j < N; j++) res[j] = -g[j] - res[j];
      for (let i = 0; i < n; i++) res[zIdx[i]] -= rho * aD;
      profileSolve(this.L, H, dInv, res);
      sm(res);
      for (let j = 0; j < N; j++) dx[j] += res[j];
    }
  }

  /**
   * Line search: fraction to the boundary, then Armijo on the DIFFERENCE F(v + αΔ) − F(v) ≤ −α·dec/4,
   * summed term by term as logs of slack ratios (F itself is ~t·|ζ| ≈ 1e12 at the end: its rounding
   * would swamp the decrease); at most 60 halvings. Moves the iterate; false if no step was accepted.
   */
  private lineSearch(t: number, dec: number): boolean {
    const { N, c } = this.L;
    const { v, dx, trial } = this;
    let alpha = Math.min(1, 0.99 * maxStep(this.L, v, dx));
    let cdx = 0;
    for (let j = 0; j < N; j++) cdx += c[j] * dx[j];
    for (let ls = 0; ls < 60; ls++) {
      for (let j = 0; j < N; j++) trial[j] = v[j] + alpha * dx[j];
      const diff = t * alpha * cdx + this.logRatioSum(trial);
      if (diff <= -0.25 * alpha * dec) {
        v.set(trial);
        return true;
      }
      alpha *= 0.5;
    }
    return false;
  }

  /**
   * φ(a) − φ(v) = −Σ log(slack(a)/slack(v)) over every barrier term (v's slacks from slB/phB/cardB);
   * +∞ if a is not interior. The ratios are multiplied in batches and logged once per batch (the
   * product is kept in [1e-150, 1e150], so no overflow; rounding as for the sum of logs).
   */
  private logRatioSum(a: Float64Array): number {
    const { nRows, nCones, cS, cT, cU, card } = this.L;
    let f = 0;
    let prod = 1;
    for (let k = 0; k < nRows; k++) {
      const sa = slack(this.L, a, k);
      if (!(sa > 0)) return Infinity;
      prod *= sa / this.slB[k];
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
      prod *= pa / this.phB[k];
      if (prod > 1e150 || prod < 1e-150) {
        f -= Math.log(prod);
        prod = 1;
      }
    }
    f -= Math.log(prod);
    if (card !== null) {
      const sa = cardSlack(this.L, a);
      if (!(sa > 0)) return Infinity;
      f -= Math.log(sa / this.cardB);
    }
    return f;
  }

  /**
   * Predictor along the central path from a centred point: v′(t) = −H⁻¹c (H factorised at the centre,
   * the cardinality term by Sherman–Morrison with the centre's ρ), step (tNew − t)·v′ cut to 0.9 of the
   * distance to the boundary.
   */
  predict(t: number, tNew: number): void {
    const { N, n, c, card } = this.L;
    const { dx, tmpA, v } = this;
    for (let j = 0; j < N; j++) dx[j] = -c[j];
    profileSolve(this.L, this.H, this.dInv, dx);
    if (card !== null && this.zIdx) {
      let aDx = 0;
      let aHa = 0;
      for (let i = 0; i < n; i++) {
        aDx += dx[this.zIdx[i]];
        aHa += tmpA[this.zIdx[i]];
      }
      const coef = (this.lastRho * aDx) / (1 + this.lastRho * aHa);
      for (let j = 0; j < N; j++) dx[j] -= coef * tmpA[j];
    }
    for (let j = 0; j < N; j++) dx[j] *= tNew - t;
    const a = Math.min(1, 0.9 * maxStep(this.L, v, dx));
    for (let j = 0; j < N; j++) v[j] += a * dx[j];
  }

  /** The result: the point (x clipped to ≥ 0, z to [0, 1]), ζ and the bound ζ − 2ν/t. */
  solution(status: 'optimal' | 'failed', t: number, snapshot: PathBarrierWarm | undefined, t0: number): PathBarrierSolution {
    const { n, base, gOffIdx, nu } = this.L;
    const vv = this.v;
    const val = this.value();
    const x = new Float64Array(n);
    const z = new Float64Array(n);
    const gd = new Float64Array(n);
    const go = new Float64Array(n - 1);
    for (let i = 0; i < n; i++) {
      x[i] = Math.max(0, vv[base[i]]);
      z[i] = Math.min(1, Math.max(0, vv[base[i] + 1]));
      gd[i] = vv[base[i] + 2];
    }
    for (let e = 0; e < n - 1; e++) go[e] = vv[gOffIdx[e]];
    return { status, x, z, gDiag: gd, gOff: go, value: val, lowerBound: val - (2 * nu) / t, gap: (2 * nu) / t, newtonSteps: this.newton, timeMs: performance.now() - t0, snapshot };
  }
}

/** b_k − a_k′v of row k. */
function slack(L: PathLayout, v: Float64Array, k: number): number {
  let s = L.rB[k];
  for (let t = 0; t < 4; t++) {
    const j = L.rIdx[4 * k + t];
    if (j >= 0) s -= L.rCoef[4 * k + t] * v[j];
  }
  return s;
}

/** k − Σz of the cardinality row. */
function cardSlack(L: PathLayout, v: Float64Array): number {
  let s = L.card as number;
  for (let i = 0; i < L.n; i++) s -= v[L.base[i] + 1];
  return s;
}

/** φ(v) = −Σ log of every barrier term (finite iff v is strictly interior). */
function barrierValue(L: PathLayout, v: Float64Array): number {
  const { nRows, nCones, cS, cT, cU, card } = L;
  let f = 0;
  for (let k = 0; k < nRows; k++) {
    const sa = slack(L, v, k);
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
    const sa = cardSlack(L, v);
    if (!(sa > 0)) return Infinity;
    f -= Math.log(sa);
  }
  return f;
}

/** Largest α with v + αΔ strictly interior (linear rows exactly; cones by the quadratic in α). */
function maxStep(L: PathLayout, v: Float64Array, d: Float64Array): number {
  const { n, nRows, rIdx, rCoef, nCones, cS, cT, cU, card, base } = L;
  let amax = Infinity;
  for (let k = 0; k < nRows; k++) {
    let ds = 0;
    for (let tt = 0; tt < 4; tt++) {
      const j = rIdx[4 * k + tt];
      if (j >= 0) ds -= rCoef[4 * k + tt] * d[j];
    }
    if (ds < 0) amax = Math.min(amax, -slack(L, v, k) / ds);
  }
  for (let k = 0; k < nCones; k++) amax = Math.min(amax, coneStep(v[cS[k]], v[cT[k]], v[cU[k]], d[cS[k]], d[cT[k]], d[cU[k]]));
  if (card !== null) {
    let ds = 0;
    for (let i = 0; i < n; i++) ds -= d[base[i] + 1];
    if (ds < 0) amax = Math.min(amax, -cardSlack(L, v) / ds);
  }
  return amax;
}

/** Largest α keeping S, T ≥ 0 and ST − U² ≥ 0 along (dS, dT, dU): the smallest positive root of the quadratic. */
function coneStep(S: number, T: number, U: number, dS: number, dT: number, dU: number): number {
  let amax = Infinity;
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
  return Math.min(amax, root);
}
