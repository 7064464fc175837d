/**
 * Benchmarks: `npm run bench -- [name …] [--quick]`. Each benchmark module in
 * src/bench/ exports `run(opts)` returning its figures; they are written to
 * reports/bench/<name>.json (atomically) and summarised on stdout. Speed
 * lives here, never in timed tests. Ratios against a reference measured in
 * the same run are preferred to absolute times.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';

/** Options every benchmark receives. */
export interface BenchOptions {
  /** Smaller sizes for a smoke run. */
  quick: boolean;
}

/** A benchmark module. */
export interface Benchmark {
  name: string;
  description: string;
  run(opts: BenchOptions): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** Registry: name → lazy module import (each file default-exports a Benchmark). */
const registry: Record<string, () => Promise<{ default: Benchmark }>> = {
  prox: () => import('./prox.ts'),
  'signal-exact': () => import('./signal-exact.ts'),
  nets: () => import('./nets.ts'),
  conic: () => import('./conic.ts'),
  decomp: () => import('./decomp.ts'),
  'agh-scale': () => import('./agh-scale.ts'),
  adagrad: () => import('./adagrad.ts'),
  startup: () => import('./startup.ts'),
  stats: () => import('./stats.ts'),
  relu: () => import('./relu.ts'),
};

async function main(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const names = argv.filter((a) => !a.startsWith('--'));
  const selected = names.length ? names : Object.keys(registry);
  for (const n of selected) {
    if (!registry[n]) {
      process.stderr.write(`unknown benchmark ${n}; known: ${Object.keys(registry).join(', ')}\n`);
      return 2;
    }
  }
  const outDir = join('reports', 'bench');
  mkdirSync(outDir, { recursive: true });
  for (const n of selected) {
    const bench = (await registry[n]()).default;
    process.stdout.write(`# ${bench.name}: ${bench.description}\n`);
    const t0 = performance.now();
    const figures = await bench.run({ quick });
    const record = {
      name: bench.name,
      description: bench.description,
      quick,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      date: new Date().toISOString(),
      wallMs: performance.now() - t0,
      figures,
    };
    const file = join(outDir, `${n}.json`);
    writeFileSync(file + '.tmp', JSON.stringify(record, null, 2) + '\n');
    renameSync(file + '.tmp', file);
    process.stdout.write(JSON.stringify(figures, null, 2) + `\n→ ${file}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
