/**
 * Block solvers for the two weak relaxations whose z can be minimised out in
 * closed form — used as labelled STAND-INS for decomp while developing and
 * testing the Lagrangian loop, and as the ℓ1 baseline. Not the paper's block
 * solver (the paper solves each block's decomp by Algorithm 1).
 *
 * Block objective (see segments.ts), with b_i = −2y_i + μ₁ (+ cFirst / cLast on the end nodes):
 *   F(x) = Σ y_i² + Σ b_i x_i + Σ φ(x_i) + λ Σ_{i} (x_{i+1} − x_i)²,   0 ≤ x ≤ u,
 * where φ(x) = min_{z ∈ [x/u, 1]} [fitness-diagonal term] + κ z is:
 * - `l1` (natural big-M relaxation, eq. (5)/(7)): z = x/u, φ(x) = x² + (κ/u) x;
 * - `persp` (eq. (8), reverse Huber): for u ≥ √κ, φ(x) = 2√κ·x if x ≤ √κ, x² + κ otherwise;
 *   for u < √κ, z = x/u and φ(x) = (u + κ/u)·x.
 * φ is convex and C¹, so F is a convex C¹ piecewise quadratic on a box.
 *
 * Method: projected Newton (Bertsekas 1982) with an ε-active set, tridiagonal
 * Newton systems on the free nodes and an Armijo search along the projection
 * arc. The returned value is the certified lower bound
 *   F(x̂) + Σ_i min(g_i·(0 − x̂_i), g_i·(u − x̂_i))  ≤  min F     (convexity, g = ∇F(x̂)),
 * so a block value is never above the true block minimum.
 */
import type { SegmentProblem, SegmentResult } from './segments.ts';

/** Which closed-form relaxation of the block. */
export type ChainRelaxation = 'l1' | 'persp';

interface Phi {
  /** Breakpoint: φ(x) = s·x for x ≤ t, x² + r·x + c for x > t. */
  t: number;
  s: number;
  r: number;
  c: number;
}

function phiOf(kind: ChainRelaxation, kappa: number, u: number): Phi {
  if (kind === 'l1') return { t: 0, s: kappa / u, r: kappa / u, c: 0 };
  const sk = Math.sqrt(kappa);
  if (u >= sk) return { t: sk, s: 2 * sk, r: 0, c: kappa };
  const s = u + kappa / u;
  return { t: u, s, r: s - 2 * u, c: 0 }; // only x ≤ u occurs; the quadratic piece is a C¹ continuation
}

/** Tolerance on the projected gradient (relative to 1 + max|b|). */
const PG_TOL = 1e-11;
const MAX_IT = 500;

/**
 * Solve the block relaxation `kind` by projected Newton.
 * Returns x, z (the minimising z of φ), value = certified lower bound, work = Newton steps.
 */
export function solveChainBlock(kind: ChainRelaxation, p: SegmentProblem): SegmentResult {
  const n = p.y.length;
  const { lambda, u } = p;
  const phi = phiOf(kind, p.kappa, u);
  const b = new Float64Array(n);
  let yy = 0;
  let scale = 1;
  for (let i = 0; i < n; i++) {
    b[i] = -2 * p.y[i] + p.mu1;
    yy += p.y[i] * p.y[i];
  }
  b[0] += p.cFirst;
  b[n - 1] += p.cLast;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(b[i]));
  const x = new Float64Array(n);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const xt = new Float64Array(n);
  const diag = new Float64Array(n);
  const cp = new Float64Array(n); // Thomas algorithm scratch
  const free = new Uint8Array(n);

  const F = (v: Float64Array): number => {
    let f = yy;
    for (let i = 0; i < n; i++) {
      const xi = v[i];
      f += b[i] * xi + (xi <= phi.t ? phi.s * xi : xi * xi + phi.r * xi + phi.c);
      if (i > 0) {
        const dd = xi - v[i - 1];
        f += lambda * dd * dd;
      }
    }
    return f;
  };
  const grad = (v: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      const xi = v[i];
      let gi = b[i] + (xi <= phi.t ? phi.s : 2 * xi + phi.r);
      if (i > 0) gi += 2 * lambda * (xi - v[i - 1]);
      if (i < n - 1) gi += 2 * lambda * (xi - v[i + 1]);
      g[i] = gi;
    }
  };
  // start at the clipped data: a reasonable guess
  for (let i = 0; i < n; i++) x[i] = Math.min(u, Math.max(0, -b[i] / 2));
  let fx = F(x);
  let it = 0;
  for (; it < MAX_IT; it++) {
    grad(x);
    let pg = 0;
    let projDist = 0;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const pgi = x[i] <= 0 ? Math.min(gi, 0) : x[i] >= u ? Math.max(gi, 0) : gi;
      pg = Math.max(pg, Math.abs(pgi));
      const step = Math.min(u, Math.max(0, x[i] - gi)) - x[i];
      projDist += step * step;
    }
    if (pg <= PG_TOL * scale) break;
    const eps = Math.min(1e-3 * u, Math.sqrt(projDist));
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      free[i] = (x[i] <= eps && gi > 0) || (x[i] >= u - eps && gi < 0) ? 0 : 1;
      const curv = x[i] <= phi.t ? 0 : 2;
      const deg = (i > 0 ? 1 : 0) + (i < n - 1 ? 1 : 0);
      diag[i] = Math.max(curv + 2 * lambda * deg, 1e-12);
    }
    // Newton direction on free nodes: tridiagonal (Thomas) with couplings −2λ between consecutive free nodes
    for (let i = 0; i < n; i++) {
      if (!free[i]) {
        d[i] = -g[i] / diag[i];
        cp[i] = 0;
        continue;
      }
      const off = i > 0 && free[i - 1] ? -2 * lambda : 0;
      const den = off !== 0 ? diag[i] - off * cp[i - 1] : diag[i];
      const up = i < n - 1 && free[i + 1] ? -2 * lambda : 0;
      cp[i] = up / den;
      d[i] = (-g[i] - (off !== 0 ? off * d[i - 1] : 0)) / den;
    }
    for (let i = n - 2; i >= 0; i--) if (free[i] && free[i + 1]) d[i] -= cp[i] * d[i + 1];
    // Armijo on the projection arc
    let alpha = 1;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      let pred = 0;
      for (let i = 0; i < n; i++) {
        const v = Math.min(u, Math.max(0, x[i] + alpha * d[i]));
        xt[i] = v;
        pred += g[i] * (x[i] - v);
      }
      const ft = F(xt);
      if (fx - ft >= 1e-4 * pred || (pred <= 0 && ft <= fx)) {
        accepted = ft <= fx;
        break;
      }
      alpha *= 0.5;
    }
    if (!accepted) break;
    let moved = 0;
    for (let i = 0; i < n; i++) {
      moved = Math.max(moved, Math.abs(xt[i] - x[i]));
      x[i] = xt[i];
    }
    fx = F(x);
    if (moved === 0) break;
  }
  grad(x);
  let lb = fx;
  for (let i = 0; i < n; i++) lb += Math.min(-g[i] * x[i], g[i] * (u - x[i]));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    if (kind === 'l1' || phi.t === u) z[i] = xi / u;
    else z[i] = xi >= phi.t ? 1 : p.kappa > 0 ? xi / Math.sqrt(p.kappa) : xi > 0 ? 1 : 0;
  }
  return { value: lb, x, z, work: it };
}
