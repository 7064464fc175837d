/**
 * Small dense linear algebra for the ReLU domain (row-major Float64Array).
 * Sizes here are small (d, and the rank r ≤ d), so plain Gaussian
 * elimination with pivoting and Gram–Schmidt with re-orthogonalisation suffice.
 */

/**
 * An orthonormal basis of the row space of X (n×d), by Gram–Schmidt with
 * largest-remaining-norm pivoting and one re-orthogonalisation pass.
 * Returns the rank r and Q (r×d, rows orthonormal). A row is dependent when its
 * remaining norm is ≤ tol·max row norm.
 */
export function rowSpaceBasis(X: Float64Array, n: number, d: number, tol = 1e-10): { r: number; Q: Float64Array } {
  const R = Float64Array.from(X);
  let maxNorm = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += R[i * d + j] ** 2;
    maxNorm = Math.max(maxNorm, Math.sqrt(s));
  }
  const Q = new Float64Array(Math.min(n, d) * d);
  let r = 0;
  if (maxNorm === 0) return { r: 0, Q: new Float64Array(0) };
  const used = new Uint8Array(n);
  while (r < Math.min(n, d)) {
    let best = -1;
    let bestNorm = tol * maxNorm;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      let s = 0;
      for (let j = 0; j < d; j++) s += R[i * d + j] ** 2;
      if (Math.sqrt(s) > bestNorm) {
        bestNorm = Math.sqrt(s);
        best = i;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    const q = Q.subarray(r * d, (r + 1) * d);
    for (let j = 0; j < d; j++) q[j] = R[best * d + j];
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < r; k++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += Q[k * d + j] * q[j];
        for (let j = 0; j < d; j++) q[j] -= dot * Q[k * d + j];
      }
    }
    let nq = 0;
    for (let j = 0; j < d; j++) nq += q[j] * q[j];
    nq = Math.sqrt(nq);
    for (let j = 0; j < d; j++) q[j] /= nq;
    // remove the new direction from every remaining row
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      let dot = 0;
      for (let j = 0; j < d; j++) dot += q[j] * R[i * d + j];
      for (let j = 0; j < d; j++) R[i * d + j] -= dot * q[j];
    }
    r++;
  }
  return { r, Q: Q.slice(0, r * d) };
}

/**
 * Solve the k×k system A x = b in place by Gaussian elimination with partial
 * pivoting (A row-major, overwritten; b overwritten by x). Returns false when a
 * pivot is ≤ tol·max|A| (numerically singular).
 */
export function solveInPlace(A: Float64Array, b: Float64Array, k: number, tol = 1e-12): boolean {
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale = Math.max(scale, Math.abs(A[i]));
  if (scale === 0) return k === 0;
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(A[i * k + c]) > Math.abs(A[p * k + c])) p = i;
    if (Math.abs(A[p * k + c]) <= tol * scale) return false;
    if (p !== c) {
      for (let j = 0; j < k; j++) {
        const t = A[c * k + j];
        A[c * k + j] = A[p * k + j];
        A[p * k + j] = t;
      }
      const t = b[c];
      b[c] = b[p];
      b[p] = t;
    }
    const piv = A[c * k + c];
    for (let i = c + 1; i < k; i++) {
      const f = A[i * k + c] / piv;
      if (f === 0) continue;
      for (let j = c; j < k; j++) A[i * k + j] -= f * A[c * k + j];
      b[i] -= f * b[c];
    }
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < k; j++) s -= A[i * k + j] * b[j];
    b[i] = s / A[i * k + i];
  }
  return true;
}

/**
 * A unit vector spanning the null space of the (r−1)×r matrix M (row-major),
 * or null when M does not have full row rank r−1 (pivot ≤ tol·max|M|).
 * Gaussian elimination with full pivoting; the free column gets 1.
 */
export function nullVector(M: Float64Array, rows: number, r: number, tol = 1e-10): Float64Array | null {
  const out = new Float64Array(r);
  if (rows === 0) {
    if (r === 1) out[0] = 1;
    return r === 1 ? out : null;
  }
  const A = Float64Array.from(M.subarray(0, rows * r));
  const perm = Int32Array.from({ length: r }, (_, j) => j);
  let scale = 0;
  for (let i = 0; i < A.length; i++) scale = Math.max(scale, Math.abs(A[i]));
  if (scale === 0) return null;
  for (let c = 0; c < rows; c++) {
    let pi = c;
    let pj = c;
    let best = -1;
    for (let i = c; i < rows; i++) for (let j = c; j < r; j++) if (Math.abs(A[i * r + j]) > best) {
      best = Math.abs(A[i * r + j]);
      pi = i;
      pj = j;
    }
    if (best <= tol * scale) return null;
    if (pi !== c) for (let j = 0; j < r; j++) {
      const t = A[c * r + j];
      A[c * r + j] = A[pi * r + j];
      A[pi * r + j] = t;
    }
    if (pj !== c) {
      for (let i = 0; i < rows; i++) {
        const t = A[i * r + c];
        A[i * r + c] = A[i * r + pj];
        A[i * r + pj] = t;
      }
      const t = perm[c];
      perm[c] = perm[pj];
      perm[pj] = t;
    }
    const piv = A[c * r + c];
    for (let i = c + 1; i < rows; i++) {
      const f = A[i * r + c] / piv;
      if (f === 0) continue;
      for (let j = c; j < r; j++) A[i * r + j] -= f * A[c * r + j];
    }
  }
  // upper-triangular rows×r with the last column free: z_{r−1} = 1, back-substitute
  const z = new Float64Array(r);
  z[r - 1] = 1;
  for (let i = rows - 1; i >= 0; i--) {
    let s = 0;
    for (let j = i + 1; j < r; j++) s += A[i * r + j] * z[j];
    z[i] = -s / A[i * r + i];
  }
  let nz = 0;
  for (let j = 0; j < r; j++) nz += z[j] * z[j];
  nz = Math.sqrt(nz);
  for (let j = 0; j < r; j++) out[perm[j]] = z[j] / nz;
  return out;
}

/** Largest eigenvalue of a symmetric PSD k×k matrix by power iteration (relative change ≤ 1e-12 or 5000 steps). */
export function largestEigenvalue(S: Float64Array, k: number): number {
  let x = new Float64Array(k).fill(1 / Math.sqrt(k));
  let y = new Float64Array(k);
  let lam = 0;
  for (let it = 0; it < 5000; it++) {
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += S[i * k + j] * x[j];
      y[i] = s;
    }
    let ny = 0;
    for (let i = 0; i < k; i++) ny += y[i] * y[i];
    ny = Math.sqrt(ny);
    if (ny === 0) return 0;
    for (let i = 0; i < k; i++) y[i] /= ny;
    const done = Math.abs(ny - lam) <= 1e-12 * ny;
    lam = ny;
    [x, y] = [y, x];
    if (done) break;
  }
  return lam;
}

/** Binomial coefficient C(n, k) as a double (exact below 2⁵³). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** The Gram matrix of the smaller side of A (rows×cols): AAᵀ when rows ≤ cols, else AᵀA (size s = min(rows, cols)). */
export function smallGram(A: Float64Array, rows: number, cols: number): { G: Float64Array; s: number } {
  const s = Math.min(rows, cols);
  const G = new Float64Array(s * s);
  if (rows <= cols) {
    for (let a = 0; a < rows; a++) for (let b = a; b < rows; b++) {
      let q = 0;
      for (let k = 0; k < cols; k++) q += A[a * cols + k] * A[b * cols + k];
      G[a * s + b] = q;
      G[b * s + a] = q;
    }
  } else {
    for (let j = 0; j < rows; j++) for (let a = 0; a < cols; a++) {
      const xa = A[j * cols + a];
      if (xa === 0) continue;
      for (let b = a; b < cols; b++) G[a * s + b] += xa * A[j * cols + b];
    }
    for (let a = 0; a < cols; a++) for (let b = 0; b < a; b++) G[a * s + b] = G[b * s + a];
  }
  return { G, s };
}

/** Whether the Cholesky factorisation of the symmetric s×s matrix M succeeds with positive pivots (M is destroyed). */
function choleskySucceeds(M: Float64Array, s: number): boolean {
  for (let j = 0; j < s; j++) {
    let dj = M[j * s + j];
    for (let k = 0; k < j; k++) dj -= M[j * s + k] ** 2;
    if (!(dj > 0)) return false;
    const l = Math.sqrt(dj);
    M[j * s + j] = l;
    for (let i = j + 1; i < s; i++) {
      let v = M[i * s + j];
      for (let k = 0; k < j; k++) v -= M[i * s + k] * M[j * s + k];
      M[i * s + j] = v / l;
    }
  }
  return true;
}

/**
 * A certified upper bound on the spectral norm ‖A‖₂ of A (rows×cols).
 * λ̂ = an estimate of λ_max(G), G the smaller Gram matrix (Jacobi eigenvalues up to
 * size 300, power iteration beyond); τ ≥ λ̂ is accepted once the Cholesky
 * factorisation of τI − G succeeds (τI − G ≻ 0, so λ_max(G) < τ), else τ grows by
 * doubling steps from 10⁻⁹τ. Cholesky is backward stable: success proves
 * τI − G + E ⪰ 0 with ‖E‖ ≤ 4(s+1)u·(sτ + tr G) (u = 2⁻⁵³), and that margin is added to τ.
 */
export function spectralNormUpper(A: Float64Array, rows: number, cols: number): number {
  const { G, s } = smallGram(A, rows, cols);
  let tr = 0;
  for (let i = 0; i < s; i++) tr += G[i * s + i];
  if (tr === 0) return 0;
  let est = 0;
  if (s <= 300) for (const v of symmetricEigen(G, s).values) est = Math.max(est, v);
  else est = largestEigenvalue(G, s);
  let tau = Math.max(est * (1 + 1e-9), 1e-300);
  let step = 1e-9 * tau;
  const M = new Float64Array(s * s);
  for (let attempt = 0; attempt < 200; attempt++) {
    for (let i = 0; i < s * s; i++) M[i] = -G[i];
    for (let i = 0; i < s; i++) M[i * s + i] += tau;
    if (choleskySucceeds(M, s) || tau >= tr) break;
    tau = Math.min(tau + step, tr);
    step *= 2;
  }
  const margin = 4 * (s + 1) * 2 ** -53 * (s * tau + tr);
  return Math.sqrt(tau + margin);
}

/**
 * Eigen-decomposition of a symmetric k×k matrix S by cyclic Jacobi rotations
 * (off-diagonal mass ≤ 1e-15·‖S‖_F or 100 sweeps). Returns the eigenvalues and
 * the eigenvectors as the COLUMNS of V (row-major k×k): S = V diag(λ) Vᵀ.
 */
export function symmetricEigen(S: Float64Array, k: number): { values: Float64Array; V: Float64Array } {
  const A = Float64Array.from(S);
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++) V[i * k + i] = 1;
  let fro = 0;
  for (let i = 0; i < k * k; i++) fro += A[i] * A[i];
  const target = 1e-30 * fro;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += 2 * A[p * k + q] ** 2;
    if (off <= target) break;
    for (let p = 0; p < k - 1; p++) for (let q = p + 1; q < k; q++) {
      const apq = A[p * k + q];
      if (apq === 0) continue;
      const theta = (A[q * k + q] - A[p * k + p]) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const sn = t * c;
      for (let r = 0; r < k; r++) {
        const arp = A[r * k + p];
        const arq = A[r * k + q];
        A[r * k + p] = c * arp - sn * arq;
        A[r * k + q] = sn * arp + c * arq;
      }
      for (let r = 0; r < k; r++) {
        const apr = A[p * k + r];
        const aqr = A[q * k + r];
        A[p * k + r] = c * apr - sn * aqr;
        A[q * k + r] = sn * apr + c * aqr;
      }
      for (let r = 0; r < k; r++) {
        const vrp = V[r * k + p];
        const vrq = V[r * k + q];
        V[r * k + p] = c * vrp - sn * vrq;
        V[r * k + q] = sn * vrp + c * vrq;
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = A[i * k + i];
  return { values, V };
}
