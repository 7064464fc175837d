/**
 * Start-up cost of the command line: `verify --only dx.prox. --budget quick`
 * (seven small claims) from the compiled package and from the sources through
 * tsx, with worker processes (the default) and in process. Per variant: wall
 * time and CPU time (user + system of the command and every process it
 * started), median of `repeats`; the variants run interleaved (one of each per
 * round) so a change of machine load hits all of them alike; load average
 * before and after. Target: compiled, default jobs ≤ 1.5 s wall.
 *
 * STARTUP_REFERENCE=<dir>: also run the compiled CLI of another build, `<dir>/dist` beside its
 * own package.json (e.g. a copy of the previous commit's build), in the same rounds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Benchmark } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Seconds in bash's `times` format (`1m2.345s`). */
const seconds = (s: string): number => {
  const m = /^(\d+)m([\d.]+)s$/.exec(s);
  if (!m) throw new Error(`startup bench: cannot read the time ${JSON.stringify(s)}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/**
 * One `verify` run: `script` is node's arguments up to the CLI, `extra` verify options. Run under
 * bash, whose `times` gives the CPU time of its children (the CLI and the workers it waited for).
 */
function sample(script: string[], extra: string[]): Sample {
  const out = mkdtempSync(join(tmpdir(), 'theorycheck-startup-'));
  try {
    const args = [...script, 'verify', '--only', 'dx.prox.', '--budget', 'quick', '--out', join(out, 'r'), ...extra];
    const t0 = performance.now();
    const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; s=$?; times; exit $s', 'bash', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`startup bench: run failed (${r.status}): ${r.stderr}`);
    const children = r.stdout.trim().split('\n').at(-1)!.trim().split(/\s+/);
    return { wallMs, cpuMs: (seconds(children[0]!) + seconds(children[1]!)) * 1000 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Benchmark = {
  name: 'startup',
  description: 'verify --only dx.prox. --budget quick: compiled vs tsx, workers vs in process (wall and CPU ms, median, variants interleaved)',
  run({ quick }) {
    if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    const repeats = quick ? 1 : 7;
    const compiled = [join(ROOT, 'dist', 'src', 'cli', 'main.js')];
    const source = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
    const variants: Record<string, [string[], string[]]> = {
      'compiled, default jobs': [compiled, []],
      'compiled, --jobs 0': [compiled, ['--jobs', '0']],
      'tsx sources, default jobs': [source, []],
      'tsx sources, --jobs 0': [source, ['--jobs', '0']],
    };
    const reference = process.env.STARTUP_REFERENCE;
    if (reference) {
      const main = join(resolve(reference), 'dist', 'src', 'cli', 'main.js');
      if (!existsSync(main)) throw new Error(`STARTUP_REFERENCE: no ${main}`);
      variants['reference build, default jobs'] = [[main], []];
      variants['reference build, --jobs 0'] = [[main], ['--jobs', '0']];
    }
    const figures: Record<string, unknown> = { loadAverageBefore: loadavg()[0], repeats, ...(reference ? { reference } : {}) };
    const samples = new Map<string, Sample[]>(Object.keys(variants).map((k) => [k, []]));
    for (let i = 0; i < repeats; i++) {
      for (const [name, [script, extra]] of Object.entries(variants)) samples.get(name)!.push(sample(script, extra));
    }
    for (const [name, xs] of samples) {
      figures[name] = {
        medianMs: Math.round(median(xs.map((x) => x.wallMs))),
        medianCpuMs: Math.round(median(xs.map((x) => x.cpuMs))),
        runsMs: xs.map((x) => Math.round(x.wallMs)),
        cpuMs: xs.map((x) => Math.round(x.cpuMs)),
      };
    }
    figures.loadAverageAfter = loadavg()[0];
    figures.targetMs = 1500;
    return figures;
  },
};
export default bench;
