/**
 * A small intermediate description of the relaxations' conic-quadratic programs,
 * independent of the solver:
 *
 *   min  c′v + ½ v′Pv + const
 *   s.t. rows: Σ_t a_t v_{j_t}  (=, ≤, ≥)  rhs
 *        lb ≤ v ≤ ub                       (±∞ allowed)
 *        u² ≤ s·t,  s ≥ 0, t ≥ 0           (rotated cones on three variables)
 *
 * The builders of relaxations.ts fill a {@link ConicSpec}; solve.ts hands it to the
 * project's conic interior-point solver (src/conic/).
 */

/** A linear row Σ coef·v[index] (sense) rhs. */
export interface SpecRow {
  idx: number[];
  coef: number[];
  sense: '=' | '<=' | '>=';
  rhs: number;
}

/** Solver-independent conic-quadratic program (see module comment). */
export class ConicSpec {
  /** Number of variables. */
  n = 0;
  readonly lb: number[] = [];
  readonly ub: number[] = [];
  readonly c: number[] = [];
  readonly names: string[] = [];
  /** Upper-triangle entries of P (i ≤ j), duplicates summed. */
  readonly pI: number[] = [];
  readonly pJ: number[] = [];
  readonly pV: number[] = [];
  readonly rows: SpecRow[] = [];
  /** Rotated cones (u, s, t): u² ≤ s·t, s, t ≥ 0. */
  readonly cones: [number, number, number][] = [];
  constant = 0;

  /** A new variable with bounds and objective coefficient; returns its index. */
  variable(name: string, lb = -Infinity, ub = Infinity, cost = 0): number {
    this.lb.push(lb);
    this.ub.push(ub);
    this.c.push(cost);
    this.names.push(name);
    return this.n++;
  }

  /** Add cost·v to the objective. */
  cost(v: number, cost: number): void {
    this.c[v] += cost;
  }

  /** Add ½·w·(Σ a_t v_t)² to the objective (w ≥ 0), i.e. P += w·aaᵀ. */
  squareTerm(w: number, idx: number[], a: number[]): void {
    for (let p = 0; p < idx.length; p++) {
      for (let q = 0; q < idx.length; q++) {
        const i = idx[p];
        const j = idx[q];
        if (i > j) continue;
        this.pI.push(i);
        this.pJ.push(j);
        // upper entry (i ≤ j) of w·aaᵀ: each unordered pair {p, q} is visited once with i ≤ j
        this.pV.push(w * a[p] * a[q]);
      }
    }
  }

  row(idx: number[], coef: number[], sense: '=' | '<=' | '>=', rhs: number): void {
    this.rows.push({ idx, coef, sense, rhs });
  }

  /** Rotated cone u² ≤ s·t with s, t ≥ 0. */
  rotated(u: number, s: number, t: number): void {
    this.cones.push([u, s, t]);
  }

  /** Evaluate the objective at v (including the constant). */
  objective(v: ArrayLike<number>): number {
    let f = this.constant;
    for (let i = 0; i < this.n; i++) f += this.c[i] * v[i];
    for (let t = 0; t < this.pI.length; t++) {
      const i = this.pI[t];
      const j = this.pJ[t];
      f += (i === j ? 0.5 : 1) * this.pV[t] * v[i] * v[j];
    }
    return f;
  }

  /** Largest violation of rows, bounds and cones at v (0 when feasible). */
  infeasibility(v: ArrayLike<number>): number {
    let w = 0;
    for (let i = 0; i < this.n; i++) w = Math.max(w, this.lb[i] - v[i], v[i] - this.ub[i]);
    for (const r of this.rows) {
      let s = 0;
      for (let t = 0; t < r.idx.length; t++) s += r.coef[t] * v[r.idx[t]];
      if (r.sense === '=') w = Math.max(w, Math.abs(s - r.rhs));
      else if (r.sense === '<=') w = Math.max(w, s - r.rhs);
      else w = Math.max(w, r.rhs - s);
    }
    for (const [u, s, t] of this.cones) w = Math.max(w, v[u] * v[u] - v[s] * v[t], -v[s], -v[t]);
    return w;
  }
}
