/**
 * The Fashion-MNIST subsample shipped with the package (src/relu/data/README.md:
 * 200 training and 500 test images drawn from the Debian package
 * dataset-fashion-mnist, MIT licence), its IDX loader, and the preparation of the
 * whitened real-data study (the shape of Ergen & Pilanci's Figure 11, which used MNIST):
 *
 * 1. pixels / 255 (no centring: it would lower the rank of the n×d matrix below n);
 * 2. a seeded Gaussian projection to d dimensions, A = P·G, G ∈ ℝ^{784×d} with N(0, 1/d) entries;
 * 3. whitening of the training rows, X = (AAᵀ)^{-1/2}A (so XXᵀ = Iₙ, the paper's "whitened"
 *    data, n ≤ d), which is the linear map x ↦ Tx, T = AᵀV Λ^{-3/2} VᵀA (AAᵀ = VΛVᵀ), applied to
 *    the training rows; the test rows go through the same T. One Newton–Schulz step
 *    X ← X(3I − XᵀX)/2 (a polynomial in XᵀX applied on the right, so the same map is
 *    applied to the test rows) removes the rounding left by the eigen-decomposition
 *    (‖XXᵀ − I‖ from ~1e-11 to ~1e-15).
 *
 * IDX format (LeCun): bytes 0–1 zero, byte 2 the type (0x08 = unsigned byte, the only
 * one used here), byte 3 the number of dimensions, then each dimension as a big-endian
 * uint32, then the data. Malformed files throw {@link IdxFormatError}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { InvalidArgumentError, TheorycheckError } from '../core/errors.ts';
import { createRng } from '../core/random.ts';
import { integerInRange } from '../core/validate.ts';
import { symmetricEigen } from './linalg.ts';

/** Directory of the shipped subsample. */
export const FASHION_MNIST_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** A malformed IDX file. */
export class IdxFormatError extends TheorycheckError {
  override name = 'IdxFormatError';
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
  }
}

/** A parsed IDX array of unsigned bytes. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Parse an (uncompressed) IDX file of unsigned bytes. */
export function parseIdx(bytes: Uint8Array, source = 'idx'): IdxArray {
  if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError('bytes', bytes, 'a Uint8Array (the file contents)');
  if (bytes.length < 4) throw new IdxFormatError(source, `${bytes.length} bytes: shorter than the 4-byte magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new IdxFormatError(source, `magic number starts ${bytes[0]}, ${bytes[1]}: expected 0, 0 (not an IDX file)`);
  if (bytes[2] !== 0x08) throw new IdxFormatError(source, `data type 0x${bytes[2].toString(16)}: only 0x08 (unsigned byte) is supported`);
  const nd = bytes[3];
  if (nd < 1 || nd > 4) throw new IdxFormatError(source, `${nd} dimensions: expected 1 to 4`);
  const header = 4 + 4 * nd;
  if (bytes.length < header) throw new IdxFormatError(source, `${bytes.length} bytes: shorter than the ${header}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let i = 0; i < nd; i++) {
    const v = view.getUint32(4 + 4 * i, false);
    if (v === 0) throw new IdxFormatError(source, `dimension ${i} is 0`);
    dims.push(v);
    size *= v;
  }
  if (bytes.length !== header + size) throw new IdxFormatError(source, `${bytes.length - header} data bytes: expected ${size} (${dims.join('×')})`);
  return { dims, data: bytes.subarray(header) };
}

/** Read and parse one gzip-compressed IDX file. */
export function readIdxGz(path: string): IdxArray {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new IdxFormatError(path, 'file not found');
    throw new IdxFormatError(path, `not a gzip file (${(e as Error).message})`);
  }
  return parseIdx(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), path);
}

/** Images (count × rows·cols bytes) and labels of one split. */
export interface ImageSplit {
  n: number;
  rows: number;
  cols: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** Load a split `<prefix>-images-idx3-ubyte.gz` / `<prefix>-labels-idx1-ubyte.gz`, checking that they match. */
export function loadSplit(dir: string, prefix: string, classes = 10): ImageSplit {
  const imgPath = join(dir, `${prefix}-images-idx3-ubyte.gz`);
  const labPath = join(dir, `${prefix}-labels-idx1-ubyte.gz`);
  const img = readIdxGz(imgPath);
  const lab = readIdxGz(labPath);
  if (img.dims.length !== 3) throw new IdxFormatError(imgPath, `${img.dims.length} dimensions: images need 3 (count, rows, cols)`);
  if (lab.dims.length !== 1) throw new IdxFormatError(labPath, `${lab.dims.length} dimensions: labels need 1`);
  if (lab.dims[0] !== img.dims[0]) throw new IdxFormatError(labPath, `${lab.dims[0]} labels for ${img.dims[0]} images`);
  for (let i = 0; i < lab.data.length; i++) if (lab.data[i] >= classes) throw new IdxFormatError(labPath, `label ${lab.data[i]} at index ${i}: expected 0 to ${classes - 1}`);
  return { n: img.dims[0], rows: img.dims[1], cols: img.dims[2], images: img.data, labels: lab.data };
}

/** The shipped subsample: `train` (200 images, 20 per class) and `test` (500, 50 per class), class-interleaved. */
export function loadFashionMnistSubsample(dir = FASHION_MNIST_DIR): { train: ImageSplit; test: ImageSplit } {
  return { train: loadSplit(dir, 'train'), test: loadSplit(dir, 't10k') };
}

/** Options of {@link whitenedStudyData}. */
export interface WhitenedDataOptions {
  /** Training rows: the first nTrain of the subsample (a multiple of 10 keeps the classes balanced) [200]. */
  nTrain?: number;
  /** Test rows: the first nTest [500]. */
  nTest?: number;
  /** Projected dimension d ≥ nTrain [250]. */
  d?: number;
  /** Seed of the Gaussian projection ['fashion-mnist/projection']. */
  projectionSeed?: number | string;
  /** Where the subsample is [the shipped copy]. */
  dir?: string;
}

/** Whitened training data (XXᵀ = I) and the test data under the same linear map. */
export interface WhitenedData {
  n: number;
  d: number;
  K: number;
  /** Whitened training rows (n×d, row-major). */
  X: Float64Array;
  labels: Uint8Array;
  nTest: number;
  /** Test rows under the same map (nTest×d). */
  Xtest: Float64Array;
  testLabels: Uint8Array;
  /** Eigenvalues of AAᵀ before whitening (smallest, largest): how much whitening amplifies. */
  gramRange: [number, number];
}

/** Build the whitened study data from the subsample (steps 1–3 of the module comment). */
export function whitenedStudyData(options: WhitenedDataOptions = {}): WhitenedData {
  const { train, test } = loadFashionMnistSubsample(options.dir);
  const n = integerInRange('nTrain', options.nTrain ?? 200, 1, train.n);
  const nTest = integerInRange('nTest', options.nTest ?? 500, 1, test.n);
  const d = integerInRange('d', options.d ?? 250, n);
  const px = train.rows * train.cols;
  const rng = createRng(options.projectionSeed ?? 'fashion-mnist/projection');
  const G = new Float64Array(px * d);
  const sg = 1 / Math.sqrt(d);
  for (let i = 0; i < G.length; i++) G[i] = sg * rng.normal();
  const project = (images: Uint8Array, count: number): Float64Array => {
    const A = new Float64Array(count * d);
    for (let j = 0; j < count; j++) for (let p = 0; p < px; p++) {
      const v = images[j * px + p] / 255;
      if (v === 0) continue;
      const o = p * d;
      for (let k = 0; k < d; k++) A[j * d + k] += v * G[o + k];
    }
    return A;
  };
  const A = project(train.images, n);
  const B = project(test.images, nTest);
  // AAᵀ = VΛVᵀ; M = VΛ^{-3/2}Vᵀ; T x = Aᵀ M A x
  const S = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) {
    let q = 0;
    for (let k = 0; k < d; k++) q += A[a * d + k] * A[b * d + k];
    S[a * n + b] = q;
    S[b * n + a] = q;
  }
  const { values, V } = symmetricEigen(S, n);
  let lo = Infinity;
  let hi = 0;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(lo > 1e-10 * hi)) throw new InvalidArgumentError('nTrain', n, `rows whose projected Gram matrix is invertible (smallest eigenvalue ${lo} vs largest ${hi})`);
  const M = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) {
    let q = 0;
    for (let t = 0; t < n; t++) q += V[a * n + t] * V[b * n + t] * values[t] ** -1.5;
    M[a * n + b] = q;
    M[b * n + a] = q;
  }
  const transform = (rowsIn: Float64Array, count: number): Float64Array => {
    const out = new Float64Array(count * d);
    const ax = new Float64Array(n);
    const max = new Float64Array(n);
    for (let j = 0; j < count; j++) {
      for (let a = 0; a < n; a++) {
        let q = 0;
        for (let k = 0; k < d; k++) q += A[a * d + k] * rowsIn[j * d + k];
        ax[a] = q;
      }
      for (let a = 0; a < n; a++) {
        let q = 0;
        for (let b = 0; b < n; b++) q += M[a * n + b] * ax[b];
        max[a] = q;
      }
      for (let a = 0; a < n; a++) {
        const c = max[a];
        for (let k = 0; k < d; k++) out[j * d + k] += c * A[a * d + k];
      }
    }
    return out;
  };
  const X = transform(A, n);
  const Xtest = transform(B, nTest);
  polish(X, n, d, Xtest, nTest);
  return {
    n, d, K: 10,
    X,
    labels: train.labels.slice(0, n),
    nTest,
    Xtest,
    testLabels: test.labels.slice(0, nTest),
    gramRange: [lo, hi],
  };
}

/** One Newton–Schulz step towards orthonormal rows, X ← X(3I − XᵀX)/2, applied to X and to `rows` alike. */
function polish(X: Float64Array, n: number, d: number, rows: Float64Array, count: number): void {
  const C = new Float64Array(d * d); // (3I − XᵀX)/2
  for (let j = 0; j < n; j++) for (let a = 0; a < d; a++) {
    const xa = X[j * d + a];
    if (xa === 0) continue;
    for (let b = 0; b < d; b++) C[a * d + b] -= 0.5 * xa * X[j * d + b];
  }
  for (let a = 0; a < d; a++) C[a * d + a] += 1.5;
  const tmp = new Float64Array(d);
  for (const [M, m] of [[X, n], [rows, count]] as const) {
    for (let j = 0; j < m; j++) {
      tmp.fill(0);
      for (let a = 0; a < d; a++) {
        const v = M[j * d + a];
        if (v === 0) continue;
        for (let b = 0; b < d; b++) tmp[b] += v * C[a * d + b];
      }
      M.set(tmp, j * d);
    }
  }
}
