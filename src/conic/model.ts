/**
 * Modelling layer of the conic solver: write a relaxation the way the paper
 * does, compile it to the standard form of solver.ts and read the answer by name.
 *
 * ```ts
 * import { ConicModel } from '../conic/model.ts';
 * // persp relaxation (AGH21 eq. (8), penalty form) of signal estimation on a path
 * const m = new ConicModel();
 * const x = m.variable('x', n, { lb: 0 });             // a named block of n scalars
 * const z = m.variable('z', n, { lb: 0, ub: 1 });
 * const s = m.variable('s', n);
 * for (let i = 0; i < n; i++) {
 *   m.addObjectiveConstant(y[i] ** 2);
 *   m.addObjective(x.at(i), -2 * y[i]);                // −2 y_i x_i
 *   m.addObjective(s.at(i), 1);                        // + s_i   (s_i ≥ x_i²/z_i)
 *   m.addObjective(z.at(i), mu);                       // + μ z_i
 *   m.rotatedCone(s.at(i), z.at(i), [x.at(i)]);        // x_i² ≤ s_i·z_i, s_i, z_i ≥ 0
 *   m.addLinear([[1, x.at(i)], [-u, z.at(i)]], '<=', 0, 'bigM');   // x_i ≤ u z_i
 *   if (i + 1 < n) m.addSquare([[1, x.at(i + 1)], [-1, x.at(i)]], 0, lambda); // λ(x_{i+1} − x_i)²
 * }
 * const r = m.solve();                                 // options: see SolverOptions
 * r.status;               // 'optimal' | 'almost_optimal' | 'primal_infeasible' | 'dual_infeasible'
 *                         // | 'max_iterations' | 'numerical_error' | 'time_limit'
 * r.objective;            // ½xᵀPx + cᵀx + constant at the returned x
 * r.value('z');           // Float64Array of the block 'z'
 * r.dual('bigM');         // duals (≥ 0) of the rows named 'bigM', in the order added
 * r.certificate;          // residuals, gap, iterations, nnz(L), fill ratio, times (solver.ts Certificate)
 * r.farkas;               // infeasibility / unboundedness certificate when status says so
 * ```
 *
 * Conventions (stable API):
 * - A scalar variable is a `Var` (its column index, a number); `block.at(i)` gives it.
 *   `Term = [coef, Var]`. An affine expression `Affine` is a Var, or
 *   `{ terms: Term[], constant? }`, or `{ constant }` (a plain number is a Var, not a constant).
 * - Objective: minimize ½xᵀPx + cᵀx + constant, built from
 *   `addObjective(v, c)` (c·x_v), `addQuadratic(i, j, p)` (adds p to P_ij AND P_ji when
 *   i ≠ j, i.e. the objective gains p·x_i·x_j; when i = j it gains ½p·x_i²),
 *   `addSquare(terms, constant = 0, weight = 1)` (objective += weight·(Σ coef·x_v + constant)²,
 *   weight ≥ 0), `addObjectiveConstant(k)`. P must be PSD (the solver checks it by an LDLᵀ factorisation, src/conic/psd.ts).
 * - Constraints: `addLinear(terms, '<=' | '>=' | '==', rhs, name?)`; bounds through
 *   `variable(name, size, { lb, ub })` (numbers or arrays) or `setBounds(v, lb, ub)`.
 * - Cones on affine expressions:
 *   `secondOrderCone(t, u[])`: ‖u‖₂ ≤ t;
 *   `rotatedCone(s, z, u[])`: ‖u‖₂² ≤ s·z with s, z ≥ 0 (NO factor 2 — the
 *   paper's x²/z ≤ s is `rotatedCone(s, z, [x])`; ‖u‖² ≤ 2sz is `rotatedCone(s, {terms: [[2, z]]}, u)`).
 *   It is compiled EXACTLY to the second-order cone ‖((s − z)/2, u)‖₂ ≤ (s + z)/2 by that linear map.
 * - Duals: multipliers z ∈ K* of the compiled rows, with Px + c + Aᵀz = 0. A row
 *   `a·x ≤ rhs` has dual y ≥ 0 and contributes +y·a to that stationarity equation; a row
 *   `a·x ≥ rhs` has dual y ≥ 0 and contributes −y·a; an equality's dual is free (+y·a).
 * - Compiled row order: equalities (zero cone), then all linear inequalities
 *   and bounds (one nonnegative orthant), then the cones in the order added.
 * - `solve(options, solver)` accepts any standard-form solver with the signature of
 *   solveConic (negative controls pass a broken one); `compile()` returns the standard form.
 *
 * KKT structure: a second-order cone of dimension d ≤ 16 puts a dense d×d block in
 * the KKT matrix; larger cones use the ECOS-style sparse expansion (diagonal plus
 * two extra rows, O(d) entries). The per-iteration cost is linear in the number of
 * small cones (the AGH relaxations use d = 3).
 */
import { InvalidArgumentError } from '../core/errors.ts';
import { finiteNumber, integerInRange } from '../core/validate.ts';
import { cscFromTriplets } from './sparse.ts';
import { type Certificate, type ConicProblem, type ConicSolution, type Farkas, type SolveStatus, type SolverOptions, solveConic } from './solver.ts';

/** A standard-form solver (solveConic, or a wrapped one in negative controls). */
export type ConicSolver = (problem: ConicProblem, options?: SolverOptions) => ConicSolution;

/** A scalar variable: its column index in the model. */
export type Var = number;
/** A linear term coef·x_v. */
export type Term = readonly [coef: number, v: Var];
/** An affine expression. */
export type Affine = Var | { terms: readonly Term[]; constant?: number } | { constant: number; terms?: undefined };

/** A named block of scalar variables. */
export interface VarBlock {
  readonly name: string;
  readonly size: number;
  /** Column index of the first scalar. */
  readonly offset: number;
  /** The i-th scalar variable. */
  at(i: number): Var;
}

/** Result of {@link ConicModel.solve}. */
export interface ModelResult {
  status: SolveStatus;
  /** Objective ½xᵀPx + cᵀx + constant at the returned x. */
  objective: number;
  /** Values of a named block. */
  value(name: string): Float64Array;
  /** Duals of the named linear constraints (rows in the order added). */
  dual(name: string): Float64Array;
  /** Full primal vector (all blocks, column order). */
  x: Float64Array;
  certificate: Certificate;
  farkas?: Farkas;
  /** The raw standard-form solution. */
  raw: ConicSolution;
  /** The compiled standard-form problem. */
  problem: ConicProblem;
}

/** Rows stored flat: row r has entries [ptr[r], ptr[r+1]) of cols/vals and right-hand side rhs[r]. */
class RowStore {
  cols: number[] = [];
  vals: number[] = [];
  ptr: number[] = [0];
  rhs: number[] = [];
  get length(): number {
    return this.rhs.length;
  }
  /** Add coef·x_v to the open row (merging a repeated variable). */
  add(v: number, coef: number): void {
    const start = this.ptr[this.ptr.length - 1];
    for (let k = start; k < this.cols.length; k++) {
      if (this.cols[k] === v) {
        this.vals[k] += coef;
        return;
      }
    }
    this.cols.push(v);
    this.vals.push(coef);
  }
  /** Close the open row with its right-hand side. */
  close(rhs: number): void {
    this.rhs.push(rhs);
    this.ptr.push(this.cols.length);
  }
}

/** A conic quadratic model (see the file comment for the conventions). */
export class ConicModel {
  private nvars = 0;
  private blocks = new Map<string, VarBlock>();
  private lb: number[] = [];
  private ub: number[] = [];
  private c: number[] = [];
  private constant = 0;
  private pi: number[] = [];
  private pj: number[] = [];
  private pv: number[] = [];
  private eqRows = new RowStore();
  private ineqRows = new RowStore(); // a·x ≤ rhs
  private eqNames = new Map<string, number[]>();
  private ineqNames = new Map<string, number[]>();
  private coneRows = new RowStore(); // rows with s = rhs − a·x (cone on s)
  private coneDims: number[] = [];

  /** Add a block of `size` scalar variables named `name`, with optional bounds (scalars or arrays). */
  variable(name: string, size: number, bounds: { lb?: number | ArrayLike<number>; ub?: number | ArrayLike<number> } = {}): VarBlock {
    if (typeof name !== 'string' || name.length === 0) throw new InvalidArgumentError('name', name, 'a non-empty string');
    if (this.blocks.has(name)) throw new InvalidArgumentError('name', name, 'a new block name (already defined)');
    integerInRange(`variable ${name}: size`, size, 1);
    const get = (b: number | ArrayLike<number> | undefined, i: number, which: string): number | undefined => {
      if (b === undefined) return undefined;
      const v = typeof b === 'number' ? b : b[i];
      if (typeof v !== 'number' || Number.isNaN(v)) throw new InvalidArgumentError(`variable ${name}: ${which}[${i}]`, v, 'a number (±Infinity allowed)');
      return v;
    };
    if (typeof bounds.lb === 'object' && bounds.lb.length !== size) throw new InvalidArgumentError(`variable ${name}: lb.length`, bounds.lb.length, String(size));
    if (typeof bounds.ub === 'object' && bounds.ub.length !== size) throw new InvalidArgumentError(`variable ${name}: ub.length`, bounds.ub.length, String(size));
    const lbs: (number | undefined)[] = [];
    const ubs: (number | undefined)[] = [];
    for (let i = 0; i < size; i++) {
      const l = get(bounds.lb, i, 'lb');
      const u = get(bounds.ub, i, 'ub');
      if (l === Infinity || u === -Infinity || (l !== undefined && u !== undefined && l > u)) {
        throw new InvalidArgumentError(`variable ${name}: bounds[${i}]`, [l, u], 'lb <= ub, lb < +Infinity, ub > -Infinity');
      }
      lbs.push(l);
      ubs.push(u);
    }
    const offset = this.nvars;
    const block: VarBlock = {
      name,
      size,
      offset,
      at: (i: number) => {
        if (!Number.isInteger(i) || i < 0 || i >= size) throw new InvalidArgumentError(`${name}.at(i)`, i, `an integer in [0, ${size - 1}]`);
        return offset + i;
      },
    };
    this.blocks.set(name, block);
    this.nvars += size;
    for (let i = 0; i < size; i++) {
      this.lb.push(lbs[i] ?? -Infinity);
      this.ub.push(ubs[i] ?? Infinity);
      this.c.push(0);
    }
    return block;
  }

  /** The block named `name`. */
  block(name: string): VarBlock {
    const b = this.blocks.get(name);
    if (!b) throw new InvalidArgumentError('block name', name, `one of ${[...this.blocks.keys()].join(', ')}`);
    return b;
  }

  /** Number of scalar variables. */
  get size(): number {
    return this.nvars;
  }

  private checkVar(what: string, v: unknown): Var {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= this.nvars) {
      throw new InvalidArgumentError(what, v, `a variable of this model (index in [0, ${this.nvars - 1}])`);
    }
    return v;
  }

  /** Set bounds lb ≤ x_v ≤ ub (undefined leaves a side unchanged; ±Infinity removes it). */
  setBounds(v: Var, lb?: number, ub?: number): void {
    this.checkVar('setBounds: v', v);
    if (lb !== undefined) {
      if (Number.isNaN(lb) || lb === Infinity) throw new InvalidArgumentError(`lb of x[${v}]`, lb, 'a number < +Infinity');
      this.lb[v] = lb;
    }
    if (ub !== undefined) {
      if (Number.isNaN(ub) || ub === -Infinity) throw new InvalidArgumentError(`ub of x[${v}]`, ub, 'a number > -Infinity');
      this.ub[v] = ub;
    }
    if (this.lb[v] > this.ub[v]) throw new InvalidArgumentError(`bounds of x[${v}]`, [this.lb[v], this.ub[v]], 'lb <= ub');
  }

  /** objective += c·x_v */
  addObjective(v: Var, c: number): void {
    this.checkVar('addObjective: v', v);
    this.c[v] += finiteNumber('addObjective: c', c);
  }

  /** objective += constant */
  addObjectiveConstant(k: number): void {
    this.constant += finiteNumber('addObjectiveConstant: k', k);
  }

  /** Add p to P_ij and P_ji (objective += p·x_i·x_j for i ≠ j; += ½p·x_i² for i = j). */
  addQuadratic(i: Var, j: Var, p: number): void {
    this.checkVar('addQuadratic: i', i);
    this.checkVar('addQuadratic: j', j);
    finiteNumber('addQuadratic: p', p);
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    this.pi.push(a);
    this.pj.push(b);
    this.pv.push(p);
  }

  /** objective += weight·(Σ coef·x_v + constant)², weight ≥ 0. */
  addSquare(terms: readonly Term[], constant = 0, weight = 1): void {
    finiteNumber('addSquare: constant', constant);
    finiteNumber('addSquare: weight', weight);
    if (weight < 0) throw new InvalidArgumentError('addSquare: weight', weight, 'a finite number >= 0 (convexity)');
    const t = this.normTerms('addSquare: terms', terms);
    // w(aᵀx + k)² = ½xᵀ(2w aaᵀ)x + 2wk aᵀx + wk²
    for (let p = 0; p < t.cols.length; p++) {
      this.c[t.cols[p]] += 2 * weight * constant * t.vals[p];
      for (let r = 0; r <= p; r++) {
        const v = 2 * weight * t.vals[p] * t.vals[r];
        if (t.cols[p] === t.cols[r]) {
          this.pi.push(t.cols[p]);
          this.pj.push(t.cols[p]);
          this.pv.push(v);
        } else {
          this.pi.push(Math.min(t.cols[p], t.cols[r]));
          this.pj.push(Math.max(t.cols[p], t.cols[r]));
          this.pv.push(v);
        }
      }
    }
    this.constant += weight * constant * constant;
  }

  private normTerms(what: string, terms: readonly Term[]): { cols: number[]; vals: number[] } {
    const store = new RowStore();
    this.addTerms(store, what, terms, 1);
    return { cols: store.cols, vals: store.vals };
  }

  /** Validate terms and add scale·terms to the open row of `store`. */
  private addTerms(store: RowStore, what: string, terms: readonly Term[], scale: number): void {
    if (!Array.isArray(terms)) throw new InvalidArgumentError(what, terms, 'an array of [coef, Var] pairs');
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      if (!Array.isArray(t) || t.length !== 2) throw new InvalidArgumentError(`${what}[${k}]`, t, 'a [coef, Var] pair');
      const c = t[0];
      const v = t[1];
      if (typeof c !== 'number' || !Number.isFinite(c)) throw new InvalidArgumentError(`${what}[${k}] coef`, c, 'a finite number');
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= this.nvars) this.checkVar(`${what}[${k}] var`, v);
      store.add(v, scale * c);
    }
  }

  /** Add scale·(affine expression) to the open row of `store`; returns scale·constant. */
  private addAffine(store: RowStore, what: string, a: Affine, scale: number): number {
    if (typeof a === 'number') {
      if (!Number.isInteger(a) || a < 0 || a >= this.nvars) this.checkVar(what, a);
      store.add(a, scale);
      return 0;
    }
    if (!a || typeof a !== 'object') throw new InvalidArgumentError(what, a, 'a Var or {terms, constant}');
    if (a.terms !== undefined) this.addTerms(store, what, a.terms, scale);
    const k = a.constant === undefined ? 0 : typeof a.constant === 'number' && Number.isFinite(a.constant) ? a.constant : finiteNumber(`${what}.constant`, a.constant);
    return scale * k;
  }

  /** Σ coef·x_v (≤ | ≥ | ==) rhs; `name` groups rows for {@link ModelResult.dual}. */
  addLinear(terms: readonly Term[], sense: '<=' | '>=' | '==', rhs: number, name?: string): void {
    if (sense !== '<=' && sense !== '>=' && sense !== '==') throw new InvalidArgumentError('addLinear: sense', sense, "'<=', '>=' or '=='");
    finiteNumber('addLinear: rhs', rhs);
    if (name !== undefined && typeof name !== 'string') throw new InvalidArgumentError('constraint name', name, 'a string');
    const store = sense === '==' ? this.eqRows : this.ineqRows;
    const sg = sense === '>=' ? -1 : 1;
    try {
      this.addTerms(store, 'addLinear: terms', terms, sg);
    } catch (e) {
      // drop the partial row
      const st = store.ptr[store.ptr.length - 1];
      store.cols.length = st;
      store.vals.length = st;
      throw e;
    }
    store.close(sg * rhs);
    if (name !== undefined) {
      const map = sense === '==' ? this.eqNames : this.ineqNames;
      const e = map.get(name);
      if (e) e.push(store.length - 1);
      else map.set(name, [store.length - 1]);
    }
  }

  /** Open cone rows: on error remove the rows of the unfinished cone. */
  private coneGuard(f: () => number): void {
    const rows0 = this.coneRows.length;
    const nnz0 = this.coneRows.ptr[rows0];
    try {
      this.coneDims.push(f());
    } catch (e) {
      this.coneRows.cols.length = nnz0;
      this.coneRows.vals.length = nnz0;
      this.coneRows.rhs.length = rows0;
      this.coneRows.ptr.length = rows0 + 1;
      throw e;
    }
  }

  /** Second-order cone ‖(u₁, …, u_k)‖₂ ≤ t on affine expressions. */
  secondOrderCone(t: Affine, u: readonly Affine[]): void {
    if (!Array.isArray(u)) throw new InvalidArgumentError('secondOrderCone: u', u, 'an array of affine expressions');
    const R = this.coneRows;
    // each row: s = e(x) = constant + a·x = rhs − (−a)·x
    this.coneGuard(() => {
      R.close(-this.addAffine(R, 'secondOrderCone: t', t, -1));
      for (let k = 0; k < u.length; k++) R.close(-this.addAffine(R, 'secondOrderCone: u', u[k], -1));
      return u.length + 1;
    });
  }

  /** Rotated cone ‖u‖₂² ≤ s·z, s, z ≥ 0 — compiled to ‖((s − z)/2, u)‖₂ ≤ (s + z)/2. */
  rotatedCone(s: Affine, z: Affine, u: readonly Affine[]): void {
    if (!Array.isArray(u)) throw new InvalidArgumentError('rotatedCone: u', u, 'an array of affine expressions');
    const R = this.coneRows;
    this.coneGuard(() => {
      R.close(-(this.addAffine(R, 'rotatedCone: s', s, -0.5) + this.addAffine(R, 'rotatedCone: z', z, -0.5)));
      R.close(-(this.addAffine(R, 'rotatedCone: s', s, -0.5) + this.addAffine(R, 'rotatedCone: z', z, 0.5)));
      for (let k = 0; k < u.length; k++) R.close(-this.addAffine(R, 'rotatedCone: u', u[k], -1));
      return u.length + 2;
    });
  }

  /** Compile to the standard form of solver.ts; also returns the row maps for duals. */
  compile(): { problem: ConicProblem; eqStart: number; ineqStart: number; nIneqUser: number } {
    const n = this.nvars;
    if (n === 0) throw new InvalidArgumentError('model', 'empty', 'at least one variable');
    // triplets of A, rows in the order: equalities, inequalities + bounds, cones
    const nb = this.lb.reduce((a, v) => a + (v > -Infinity ? 1 : 0), 0) + this.ub.reduce((a, v) => a + (v < Infinity ? 1 : 0), 0);
    const nnz = this.eqRows.cols.length + this.ineqRows.cols.length + nb + this.coneRows.cols.length;
    const mrows = this.eqRows.length + this.ineqRows.length + nb + this.coneRows.length;
    const ri = new Int32Array(nnz);
    const ci = new Int32Array(nnz);
    const vi = new Float64Array(nnz);
    const b = new Float64Array(mrows);
    let row = 0;
    let e = 0;
    const addStore = (S: RowStore): void => {
      for (let r = 0; r < S.length; r++) {
        for (let k = S.ptr[r]; k < S.ptr[r + 1]; k++) {
          ri[e] = row;
          ci[e] = S.cols[k];
          vi[e] = S.vals[k];
          e++;
        }
        b[row++] = S.rhs[r];
      }
    };
    const cones: ConicProblem['cones'] = [];
    addStore(this.eqRows);
    if (this.eqRows.length) cones.push({ kind: 'zero', dim: this.eqRows.length });
    const ineqStart = row;
    addStore(this.ineqRows);
    for (let v = 0; v < n; v++) {
      if (this.lb[v] > -Infinity) {
        ri[e] = row;
        ci[e] = v;
        vi[e++] = -1;
        b[row++] = -this.lb[v];
      }
      if (this.ub[v] < Infinity) {
        ri[e] = row;
        ci[e] = v;
        vi[e++] = 1;
        b[row++] = this.ub[v];
      }
    }
    const nineq = this.ineqRows.length + nb;
    if (nineq) cones.push({ kind: 'nonneg', dim: nineq });
    addStore(this.coneRows);
    for (const d of this.coneDims) cones.push({ kind: 'soc', dim: d });
    const A = cscFromTriplets(row, n, ri, ci, vi, 'A');
    const P = this.pv.length ? cscFromTriplets(n, n, this.pi, this.pj, this.pv, 'P') : undefined;
    return {
      problem: { P, q: Float64Array.from(this.c), A, b, cones },
      eqStart: 0,
      ineqStart,
      nIneqUser: this.ineqRows.length,
    };
  }

  /** Compile and solve (with `solver`, solveConic by default). */
  solve(options: SolverOptions = {}, solver: ConicSolver = solveConic): ModelResult {
    const { problem, ineqStart } = this.compile();
    const raw = solver(problem, options);
    const blocks = this.blocks;
    const eqNames = this.eqNames;
    const ineqNames = this.ineqNames;
    const constant = this.constant;
    return {
      status: raw.status,
      objective: raw.objective + constant,
      x: raw.x,
      certificate: raw.certificate,
      farkas: raw.farkas,
      raw,
      problem,
      value(name: string): Float64Array {
        const bl = blocks.get(name);
        if (!bl) throw new InvalidArgumentError('value: name', name, `one of ${[...blocks.keys()].join(', ')}`);
        return raw.x.slice(bl.offset, bl.offset + bl.size);
      },
      dual(name: string): Float64Array {
        const e = eqNames.get(name);
        if (e) return Float64Array.from(e, (i) => raw.z[i]);
        const f = ineqNames.get(name);
        if (f) return Float64Array.from(f, (i) => raw.z[ineqStart + i]);
        throw new InvalidArgumentError('dual: name', name, `a named constraint (${[...eqNames.keys(), ...ineqNames.keys()].join(', ')})`);
      },
    };
  }
}
