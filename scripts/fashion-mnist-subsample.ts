// Draw the Fashion-MNIST subsample shipped in src/relu/data/ (run once; the output is committed):
//   npx tsx scripts/fashion-mnist-subsample.ts [/usr/share/datasets/fashion-mnist]
// Source: the Debian package dataset-fashion-mnist (the original IDX files, gzip).
// Draw: seeded (createRng('fashion-mnist-subsample/v1')), stratified, without replacement:
// 20 images per class from the 60 000 training images, 50 per class from the 10 000 test images,
// written class-interleaved (0, 1, …, 9, 0, 1, …) so every prefix of 10·k rows has k per class.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRng } from '../src/core/random.ts';
import { parseIdx } from '../src/relu/fashion-mnist.ts';

const SRC = process.argv[2] ?? '/usr/share/datasets/fashion-mnist';
const OUT = new URL('../src/relu/data/', import.meta.url).pathname;
const SEED = 'fashion-mnist-subsample/v1';
const PER_CLASS = { train: 20, t10k: 50 } as const;

function idxHeader(dims: number[]): Buffer {
  const h = Buffer.alloc(4 + 4 * dims.length);
  h.writeUInt32BE(0x00000800 + dims.length, 0);
  dims.forEach((v, i) => h.writeUInt32BE(v, 4 + 4 * i));
  return h;
}

const rng = createRng(SEED);
let version = 'unknown version';
try {
  version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'dataset-fashion-mnist'], { encoding: 'utf8' });
} catch {
  // not a Debian system: the version stays unknown
}
const manifest: Record<string, unknown> = { seed: SEED, source: `Debian package dataset-fashion-mnist ${version} (bookworm), ${SRC}`, files: {} as Record<string, unknown> };
for (const set of ['train', 't10k'] as const) {
  const imgGz = readFileSync(join(SRC, `${set}-images-idx3-ubyte.gz`));
  const labGz = readFileSync(join(SRC, `${set}-labels-idx1-ubyte.gz`));
  const images = parseIdx(gunzipSync(imgGz), `${set}-images`);
  const labels = parseIdx(gunzipSync(labGz), `${set}-labels`);
  const [count, rows, cols] = images.dims;
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < count; i++) byClass[labels.data[i]].push(i);
  // partial Fisher–Yates per class
  const picked: number[][] = byClass.map((idx) => {
    const a = idx.slice();
    for (let t = 0; t < PER_CLASS[set]; t++) {
      const j = t + rng.int(a.length - t);
      [a[t], a[j]] = [a[j], a[t]];
    }
    return a.slice(0, PER_CLASS[set]);
  });
  const order: number[] = [];
  for (let t = 0; t < PER_CLASS[set]; t++) for (let c = 0; c < 10; c++) order.push(picked[c][t]);
  const px = rows * cols;
  const outImg = Buffer.alloc(order.length * px);
  const outLab = Buffer.alloc(order.length);
  order.forEach((i, q) => {
    outImg.set(images.data.subarray(i * px, (i + 1) * px), q * px);
    outLab[q] = labels.data[i];
  });
  writeFileSync(join(OUT, `${set}-images-idx3-ubyte.gz`), gzipSync(Buffer.concat([idxHeader([order.length, rows, cols]), outImg]), { level: 9 }));
  writeFileSync(join(OUT, `${set}-labels-idx1-ubyte.gz`), gzipSync(Buffer.concat([idxHeader([order.length]), outLab]), { level: 9 }));
  (manifest.files as Record<string, unknown>)[set] = {
    originalImages: `${set}-images-idx3-ubyte.gz`,
    originalImagesSha256: createHash('sha256').update(imgGz).digest('hex'),
    originalLabels: `${set}-labels-idx1-ubyte.gz`,
    originalLabelsSha256: createHash('sha256').update(labGz).digest('hex'),
    originalCount: count,
    perClass: PER_CLASS[set],
    indices: order,
  };
}
// index lists on one line each
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_m, list: string) => `[${list.split(',').map((x) => x.trim()).join(',')}]`) + '\n');
console.error('wrote', OUT);
