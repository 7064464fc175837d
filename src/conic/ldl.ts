/**
 * Sparse LDLᵀ factorisation of a symmetric quasi-definite matrix K (the
 * interior-point KKT matrix), written for this project:
 *
 * - fill-reducing ordering: minimum degree on the explicit elimination graph
 *   ({@link minimumDegreeOrdering}; a lazy binary heap of degrees, cliques formed
 *   on elimination — "AMD-like", without approximate degrees or supervariables);
 * - symbolic phase once per pattern: elimination tree and column counts of L
 *   (up-looking, row subtrees of the etree), the permutation map of K's entries;
 * - numeric phase every iteration, allocation-free: up-looking LDLᵀ
 *   (row k of L is the solution of a sparse triangular system on the etree path),
 *   with dynamic regularisation — a pivot whose sign differs from the expected
 *   sign (+ for primal, − for dual rows) or whose magnitude is below `dynEps`
 *   is replaced by sign·`dynDelta`;
 * - solves with L, D, Lᵀ and the permutation, allocation-free.
 *
 * The matrix is given as its upper triangle in CSC (row ≤ col) in the
 * ORIGINAL ordering; {@link LdlFactor.setValues} scatters new values.
 */

/** Upper-triangular CSC pattern + values (row indices ≤ column). */
export interface UpperCsc {
  n: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

/** Lazy binary min-heap on (key, node) pairs (stale entries are skipped by the caller). */
class Heap {
  keys: Float64Array;
  nodes: Int32Array;
  size = 0;
  constructor(cap: number) {
    this.keys = new Float64Array(cap);
    this.nodes = new Int32Array(cap);
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2);
      k.set(this.keys);
      const nd = new Int32Array(this.nodes.length * 2);
      nd.set(this.nodes);
      this.keys = k;
      this.nodes = nd;
    }
    let i = this.size++;
    const keys = this.keys;
    const nodes = this.nodes;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Pop the minimum; returns its node (key left in `lastKey`). */
  lastKey = 0;
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const topNode = nodes[0];
    this.lastKey = keys[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
    return topNode;
  }
}

/**
 * Minimum-degree ordering of the symmetric pattern given by its upper triangle.
 * Returns perm with perm[k] = original index of the k-th pivot. Ties are broken
 * by original index (deterministic).
 */
export function minimumDegreeOrdering(A: { n: number; colPtr: Int32Array; rowIdx: Int32Array }): Int32Array {
  const n = A.n;
  // adjacency lists in one pool: node i owns pool[st[i] .. st[i] + len[i]), capacity cap[i]
  const deg0 = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const i = A.rowIdx[p];
      if (i !== j) {
        deg0[i]++;
        deg0[j]++;
      }
    }
  }
  const st = new Int32Array(n);
  const cap = new Int32Array(n);
  const len = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    st[i] = top;
    cap[i] = deg0[i] + 2;
    top += cap[i];
  }
  let pool = new Int32Array(Math.max(16, 2 * top));
  for (let j = 0; j < n; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const i = A.rowIdx[p];
      if (i !== j) {
        pool[st[i] + len[i]++] = j;
        pool[st[j] + len[j]++] = i;
      }
    }
  }
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let w = st[i];
    const e = st[i] + len[i];
    for (let p = st[i]; p < e; p++) {
      const j = pool[p];
      if (mark[j] !== i) {
        mark[j] = i;
        pool[w++] = j;
      }
    }
    len[i] = w - st[i];
  }
  mark.fill(-1);
  const eliminated = new Uint8Array(n);
  const heap = new Heap(2 * n + 16);
  // key = degree + tie-break by index (fraction < 1e-3)
  const tie = 1e-3 / (n + 1);
  for (let i = 0; i < n; i++) heap.push(len[i] + i * tie, i);
  const perm = new Int32Array(n);
  let k = 0;
  let clique = new Int32Array(64);
  while (k < n) {
    const v = heap.pop();
    if (eliminated[v]) continue;
    if (Math.floor(heap.lastKey) !== len[v]) continue; // stale entry
    eliminated[v] = 1;
    perm[k++] = v;
    const lv = len[v];
    if (clique.length < lv) clique = new Int32Array(2 * lv);
    let cl = 0;
    for (let p = st[v]; p < st[v] + lv; p++) {
      const u = pool[p];
      if (!eliminated[u]) clique[cl++] = u;
    }
    // adj[u] ← (adj[u] \ {v}) ∪ (clique \ {u})
    for (let a = 0; a < cl; a++) {
      const u = clique[a];
      let s0 = st[u];
      let w = s0;
      const e = s0 + len[u];
      for (let p = s0; p < e; p++) {
        const t = pool[p];
        if (t !== v) {
          pool[w++] = t;
          mark[t] = u;
        }
      }
      mark[u] = u;
      let lu = w - s0;
      for (let b = 0; b < cl; b++) {
        const t = clique[b];
        if (mark[t] !== u) {
          if (lu === cap[u]) {
            // relocate to the end of the pool with doubled capacity
            const nc = 2 * cap[u] + cl;
            if (top + nc > pool.length) {
              const bigger = new Int32Array(Math.max(2 * pool.length, top + nc));
              bigger.set(pool.subarray(0, top));
              pool = bigger;
            }
            pool.copyWithin(top, s0, s0 + lu);
            s0 = top;
            st[u] = top;
            cap[u] = nc;
            top += nc;
          }
          pool[s0 + lu++] = t;
          mark[t] = u;
        }
      }
      for (let p = s0; p < s0 + lu; p++) mark[pool[p]] = -1;
      mark[u] = -1;
      if (lu !== len[u]) {
        len[u] = lu;
        heap.push(lu + u * tie, u);
      } else len[u] = lu;
    }
    len[v] = 0;
  }
  return perm;
}

/**
 * Post-order a fill-reducing permutation by its elimination tree (same fill,
 * better memory locality in the factorisation and the solves): returns perm∘post.
 * Etree by Liu's algorithm with path compression on the permuted upper pattern.
 */
export function postorderPermutation(K: { n: number; colPtr: Int32Array; rowIdx: Int32Array }, perm: Int32Array): Int32Array {
  const n = K.n;
  const pinv = new Int32Array(n);
  for (let k = 0; k < n; k++) pinv[perm[k]] = k;
  const nnz = K.colPtr[n];
  const cnt = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) cnt[Math.max(pinv[K.rowIdx[p]], pinv[j]) + 1]++;
  for (let j = 0; j < n; j++) cnt[j + 1] += cnt[j];
  const ci = new Int32Array(nnz);
  const next = cnt.slice(0, n);
  for (let j = 0; j < n; j++) for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) {
    const a = pinv[K.rowIdx[p]];
    const b = pinv[j];
    ci[next[Math.max(a, b)]++] = Math.min(a, b);
  }
  const parent = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    for (let p = cnt[k]; p < cnt[k + 1]; p++) {
      let i = ci[p];
      while (i !== -1 && i < k) {
        const inext = ancestor[i];
        ancestor[i] = k;
        if (inext === -1) {
          parent[i] = k;
          break;
        }
        i = inext;
      }
    }
  }
  // children lists, then iterative DFS post-order
  const head = new Int32Array(n).fill(-1);
  const nextSib = new Int32Array(n).fill(-1);
  for (let j = n - 1; j >= 0; j--) {
    const pj = parent[j];
    if (pj !== -1) {
      nextSib[j] = head[pj];
      head[pj] = j;
    }
  }
  const post = new Int32Array(n);
  const stack = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < n; r++) {
    if (parent[r] !== -1) continue;
    let top = 0;
    stack[0] = r;
    while (top >= 0) {
      const v = stack[top];
      const c = head[v];
      if (c === -1) {
        top--;
        post[k++] = v;
      } else {
        head[v] = nextSib[c];
        stack[++top] = c;
      }
    }
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = perm[post[i]];
  return out;
}

/** Statistics of a factorisation. */
export interface LdlStats {
  /** Dimension of K. */
  n: number;
  /** Nonzeros of the upper triangle of K (including the diagonal). */
  nnzK: number;
  /** Nonzeros of the strictly lower factor L. */
  nnzL: number;
  /** Fill ratio (nnz(L) + n) / nnz(triu K). */
  fillRatio: number;
  /** Pivots replaced by dynamic regularisation in the last numeric factorisation. */
  dynamicRegularisations: number;
}

/**
 * A symbolic LDLᵀ analysis reused across numeric factorisations of matrices
 * with one fixed pattern.
 */
export class LdlFactor {
  readonly n: number;
  /** perm[k] = original index of pivot k; pinv inverse. */
  readonly perm: Int32Array;
  readonly pinv: Int32Array;
  /** Permuted upper CSC pattern C = P K Pᵀ. */
  private readonly cp: Int32Array;
  private readonly ci: Int32Array;
  private readonly cx: Float64Array;
  /** map[e] = position in C of entry e of the original upper CSC. */
  private readonly map: Int32Array;
  private readonly lp: Int32Array;
  private readonly li: Int32Array;
  private readonly lx: Float64Array;
  readonly d: Float64Array;
  /**
   * Row k of L: its columns i (rowCol[rowPtr[k] .. rowPtr[k+1]), in the topological order of the
   * elimination-tree reach in which the up-looking factorisation visits them) and the slot of L_ki in
   * column i's storage (rowSlot). Fixed by the pattern, so computed once.
   */
  private readonly rowPtr: Int32Array;
  private readonly rowCol: Int32Array;
  private readonly rowSlot: Int32Array;
  private readonly y: Float64Array;
  private readonly work: Float64Array;
  /** Expected pivot sign per ORIGINAL index (+1 primal, −1 dual). */
  private readonly signPerm: Float64Array;
  readonly stats: LdlStats;
  /** Dynamic regularisation thresholds. */
  dynEps = 1e-13;
  dynDelta = 2e-7;
  /** Whether cx holds the values of a previous call (for `changed` in {@link factor}). */
  private scattered = false;

  constructor(K: UpperCsc, signs: Float64Array, perm?: Int32Array) {
    const n = K.n;
    this.n = n;
    this.perm = perm ?? postorderPermutation(K, minimumDegreeOrdering(K));
    this.pinv = new Int32Array(n);
    for (let k = 0; k < n; k++) this.pinv[this.perm[k]] = k;
    const pinv = this.pinv;
    const nnz = K.colPtr[n];
    // permuted upper pattern: entry (i, j) → (min(pi, pj), max(pi, pj))
    const cnt = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) {
      for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) {
        const a = pinv[K.rowIdx[p]];
        const b = pinv[j];
        cnt[Math.max(a, b) + 1]++;
      }
    }
    for (let j = 0; j < n; j++) cnt[j + 1] += cnt[j];
    this.cp = cnt.slice();
    this.ci = new Int32Array(nnz);
    this.cx = new Float64Array(nnz);
    this.map = new Int32Array(nnz);
    const next = cnt.slice(0, n);
    for (let j = 0; j < n; j++) {
      for (let p = K.colPtr[j]; p < K.colPtr[j + 1]; p++) {
        const a = pinv[K.rowIdx[p]];
        const b = pinv[j];
        const col = Math.max(a, b);
        const q = next[col]++;
        this.ci[q] = Math.min(a, b);
        this.map[p] = q;
      }
    }
    this.signPerm = new Float64Array(n);
    for (let k = 0; k < n; k++) this.signPerm[k] = signs[this.perm[k]];
    // symbolic: etree, column counts and the rows of L (up-looking: the reach of row k in the etree,
    // stacked so that descendants come first, the order in which the numeric phase visits it)
    // etree, column counts and the reach stack: needed only here (the numeric phase reads the rows)
    const parent = new Int32Array(n);
    const lnz = new Int32Array(n);
    const flag = new Int32Array(n);
    const pattern = new Int32Array(n);
    const rowPtr = new Int32Array(n + 1);
    let reach = new Int32Array(nnz + n);
    let t = 0;
    for (let k = 0; k < n; k++) {
      parent[k] = -1;
      flag[k] = k;
      lnz[k] = 0;
      let top = n;
      for (let p = this.cp[k]; p < this.cp[k + 1]; p++) {
        let i = this.ci[p];
        let len = 0;
        for (; flag[i] !== k; i = parent[i]) {
          if (parent[i] === -1) parent[i] = k;
          lnz[i]++;
          pattern[len++] = i;
          flag[i] = k;
        }
        while (len > 0) pattern[--top] = pattern[--len];
      }
      if (t + (n - top) > reach.length) {
        const bigger = new Int32Array(Math.max(2 * reach.length, t + n - top));
        bigger.set(reach.subarray(0, t));
        reach = bigger;
      }
      rowPtr[k] = t;
      for (; top < n; top++) reach[t++] = pattern[top];
    }
    rowPtr[n] = t;
    this.lp = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) this.lp[k + 1] = this.lp[k] + lnz[k];
    const nnzL = this.lp[n];
    this.li = new Int32Array(nnzL);
    this.lx = new Float64Array(nnzL);
    this.d = new Float64Array(n);
    this.y = new Float64Array(n);
    this.work = new Float64Array(n);
    // slot of L_ki in column i (columns fill in row order); L's row indices
    this.rowPtr = rowPtr;
    this.rowCol = reach.length === nnzL ? reach : reach.slice(0, nnzL);
    this.rowSlot = new Int32Array(nnzL);
    const fill = this.lp.slice(0, n);
    for (let k = 0; k < n; k++) {
      for (let q = rowPtr[k]; q < rowPtr[k + 1]; q++) {
        const p2 = fill[this.rowCol[q]]++;
        this.li[p2] = k;
        this.rowSlot[q] = p2;
      }
    }
    this.stats = { n, nnzK: nnz, nnzL, fillRatio: (nnzL + n) / Math.max(1, nnz), dynamicRegularisations: 0 };
  }

  /**
   * Numeric factorisation of the matrix with the symbolic pattern and the
   * given values (aligned with the original upper CSC entries), plus `diagShift`
   * (per original index) added to the diagonal — the static regularisation.
   * Returns false if a pivot is not finite. `changed` (optional) lists the entries whose values may
   * differ from the previous call's; the others (and nothing else) are reused, the diagonal is always
   * rewritten. The first call scatters every entry.
   */
  factor(values: Float64Array, diagShift: Float64Array, diagPos: Int32Array, changed?: Int32Array): boolean {
    const n = this.n;
    const cx = this.cx;
    const map = this.map;
    if (changed === undefined || !this.scattered) {
      cx.fill(0);
      for (let e = 0; e < values.length; e++) cx[map[e]] += values[e];
      this.scattered = true;
    } else {
      for (let t = 0; t < changed.length; t++) {
        const e = changed[t];
        cx[map[e]] = 0 + values[e];
      }
      for (let i = 0; i < n; i++) {
        const e = diagPos[i];
        cx[map[e]] = 0 + values[e] + diagShift[i];
      }
      return this.numeric();
    }
    for (let i = 0; i < n; i++) cx[map[diagPos[i]]] += diagShift[i];
    return this.numeric();
  }

  /** The up-looking numeric factorisation of the permuted values in cx. */
  private numeric(): boolean {
    const n = this.n;
    const cx = this.cx;
    const cp = this.cp;
    const ci = this.ci;
    const lp = this.lp;
    const li = this.li;
    const lx = this.lx;
    const d = this.d;
    const y = this.y;
    const sg = this.signPerm;
    const eps = this.dynEps;
    const delta = this.dynDelta;
    let nreg = 0;
    const rowPtr = this.rowPtr;
    const rowCol = this.rowCol;
    const rowSlot = this.rowSlot;
    for (let k = 0; k < n; k++) {
      y[k] = 0;
      for (let p = cp[k]; p < cp[k + 1]; p++) y[ci[p]] += cx[p];
      let dk = y[k];
      y[k] = 0;
      // row k of L: a sparse triangular solve along the precomputed reach
      for (let t = rowPtr[k]; t < rowPtr[k + 1]; t++) {
        const i = rowCol[t];
        const yi = y[i];
        y[i] = 0;
        const p2 = rowSlot[t];
        for (let p = lp[i]; p < p2; p++) y[li[p]] -= lx[p] * yi;
        const lki = yi / d[i];
        dk -= lki * yi;
        lx[p2] = lki;
      }
      const s = sg[k];
      if (!(s * dk > eps)) {
        if (!Number.isFinite(dk)) return false;
        dk = s * delta;
        nreg++;
      }
      d[k] = dk;
    }
    this.stats.dynamicRegularisations = nreg;
    return true;
  }

  /** Solve K x = b (b, x in the original ordering; may alias). */
  solve(b: Float64Array, x: Float64Array): void {
    const n = this.n;
    const w = this.work;
    const perm = this.perm;
    for (let k = 0; k < n; k++) w[k] = b[perm[k]];
    this.solvePermuted(w);
    for (let k = 0; k < n; k++) x[perm[k]] = w[k];
  }

  /**
   * Solve (P K Pᵀ) w = b in place: w holds b in the pivot ordering (w[k] = b[perm[k]]) and receives
   * the solution in that ordering, which is also added to `acc` when given. Callers that stay in the
   * pivot ordering save the two permutations.
   */
  solvePermuted(w: Float64Array, acc?: Float64Array): void {
    const n = this.n;
    const lp = this.lp;
    const li = this.li;
    const lx = this.lx;
    const d = this.d;
    // forward substitution with L, then D⁻¹ on the finished entry (one pass)
    for (let j = 0; j < n; j++) {
      const wj = w[j];
      if (wj !== 0) for (let p = lp[j]; p < lp[j + 1]; p++) w[li[p]] -= lx[p] * wj;
      w[j] = wj / d[j];
    }
    if (acc === undefined) {
      for (let j = n - 1; j >= 0; j--) {
        let s = w[j];
        for (let p = lp[j]; p < lp[j + 1]; p++) s -= lx[p] * w[li[p]];
        w[j] = s;
      }
    } else {
      for (let j = n - 1; j >= 0; j--) {
        let s = w[j];
        for (let p = lp[j]; p < lp[j + 1]; p++) s -= lx[p] * w[li[p]];
        w[j] = s;
        acc[j] += s;
      }
    }
  }

  /**
   * {@link solvePermuted} for two right-hand sides at once (a, b must not alias): the same arithmetic
   * for each, one pass over L. `accA`, `accB` receive the solutions added when given.
   */
  solvePermuted2(a: Float64Array, b: Float64Array, accA?: Float64Array, accB?: Float64Array): void {
    const n = this.n;
    const lp = this.lp;
    const li = this.li;
    const lx = this.lx;
    const d = this.d;
    for (let j = 0; j < n; j++) {
      const wa = a[j];
      const wb = b[j];
      const p1 = lp[j + 1];
      if (wa !== 0) {
        if (wb !== 0) {
          for (let p = lp[j]; p < p1; p++) {
            const l = lx[p];
            const r = li[p];
            a[r] -= l * wa;
            b[r] -= l * wb;
          }
        } else for (let p = lp[j]; p < p1; p++) a[li[p]] -= lx[p] * wa;
      } else if (wb !== 0) for (let p = lp[j]; p < p1; p++) b[li[p]] -= lx[p] * wb;
      a[j] = wa / d[j];
      b[j] = wb / d[j];
    }
    for (let j = n - 1; j >= 0; j--) {
      let sa = a[j];
      let sb = b[j];
      for (let p = lp[j]; p < lp[j + 1]; p++) {
        const l = lx[p];
        const r = li[p];
        sa -= l * a[r];
        sb -= l * b[r];
      }
      a[j] = sa;
      b[j] = sb;
      if (accA !== undefined) accA[j] += sa;
      if (accB !== undefined) accB[j] += sb;
    }
  }
}
