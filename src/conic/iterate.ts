/**
 * The iterate of the conic solver's homogeneous self-dual embedding (solver.ts), in scaled units:
 * (x, z, s, τ, κ), and the best iterate seen (kept for the answer when the iteration stops early).
 */
import type { Info } from './residuals.ts';

/** (x, z, s, τ, κ); the solution of the original problem is (D x, E z / c, s / E) / τ. */
export class Iterate {
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly s: Float64Array;
  tau = 1;
  kappa = 1;

  constructor(n: number, m: number) {
    this.x = new Float64Array(n);
    this.z = new Float64Array(m);
    this.s = new Float64Array(m);
  }

  /** (x, z, s, τ, κ) += α (Δx, Δz, Δs, Δτ, Δκ). */
  step(alpha: number, dx: Float64Array, dz: Float64Array, ds: Float64Array, dtau: number, dkappa: number): void {
    const { x, z, s } = this;
    for (let j = 0; j < x.length; j++) x[j] += alpha * dx[j];
    for (let i = 0; i < z.length; i++) {
      z[i] += alpha * dz[i];
      s[i] += alpha * ds[i];
    }
    this.tau += alpha * dtau;
    this.kappa += alpha * dkappa;
  }
}

/** The iterate of least merit max(rel. primal residual, rel. dual residual, min(rel. gap, abs. gap)). */
export class BestIterate {
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly s: Float64Array;
  tau = 1;
  merit = Infinity;

  constructor(n: number, m: number) {
    this.x = new Float64Array(n);
    this.z = new Float64Array(m);
    this.s = new Float64Array(m);
  }

  /** Keep v if its merit (from info) is finite and smaller than the best so far. */
  offer(v: Iterate, info: Info): void {
    const merit = Math.max(info.presRel, info.dresRel, Math.min(info.gapRel, info.gapAbs));
    if (merit < this.merit && Number.isFinite(merit)) {
      this.merit = merit;
      this.x.set(v.x);
      this.z.set(v.z);
      this.s.set(v.s);
      this.tau = v.tau;
    }
  }

  /** Copy x, z, s, τ back into v (κ stays); false if no iterate was kept. */
  restore(v: Iterate): boolean {
    if (!(this.merit < Infinity)) return false;
    v.x.set(this.x);
    v.z.set(this.z);
    v.s.set(this.s);
    v.tau = this.tau;
    return true;
  }
}
