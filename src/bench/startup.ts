/**
 * Start-up cost of the command line: `verify --only dx.prox. --budget quick`
 * (six small claims) from the compiled package and from the sources through
 * tsx, with worker threads and in process. Wall time per run (median of
 * `repeats`), load average beside it. Target: compiled, default jobs ≤ 1.5 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Wall time of one `verify` run: `script` is node's arguments up to the CLI, `extra` verify options. */
function wallMs(script: string[], extra: string[]): number {
  const out = mkdtempSync(join(tmpdir(), 'theorycheck-startup-'));
  const t0 = performance.now();
  const args = [...script, 'verify', '--only', 'dx.prox.', '--budget', 'quick', '--out', out, ...extra];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`startup bench: run failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Benchmark = {
  name: 'startup',
  description: 'verify --only dx.prox. --budget quick: compiled vs tsx, workers vs in process (wall ms, median)',
  run({ quick }) {
    if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    const repeats = quick ? 1 : 5;
    const compiled = [join(ROOT, 'dist', 'src', 'cli', 'main.js')];
    const source = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
    const variants: Record<string, [string[], string[]]> = {
      'compiled, default jobs': [compiled, []],
      'compiled, --jobs 0': [compiled, ['--jobs', '0']],
      'tsx sources, default jobs': [source, []],
      'tsx sources, --jobs 0': [source, ['--jobs', '0']],
    };
    const load = loadavg()[0];
    const figures: Record<string, unknown> = { loadAverageBefore: load, repeats };
    for (const [name, [script, extra]] of Object.entries(variants)) {
      const times = Array.from({ length: repeats }, () => wallMs(script, extra));
      figures[name] = { medianMs: Math.round(median(times)), runsMs: times.map(Math.round) };
    }
    figures.loadAverageAfter = loadavg()[0];
    figures.targetMs = 1500;
    return figures;
  },
};
export default bench;
