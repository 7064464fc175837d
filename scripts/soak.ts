/**
 * Soak test of the command line: N consecutive `theorycheck verify` runs
 * (default: 20 runs of `--budget quick --jobs 2` over the whole catalogue),
 * each as its own process, checking that
 *
 * - every report is identical to the first apart from timings (`stripTimings`);
 *   a claim whose check compares wall-clock times (a comparison marked `timing`)
 *   may pass in one run and fail in the next with the machine's load: a run that
 *   differs only in such outcomes (and the summary counts) is listed as
 *   identical apart from those verdicts, naming the claims, and does not fail;
 * - peak memory does not grow from run to run: the peak resident set of the
 *   run's whole process tree (the CLI and its worker processes, sampled from
 *   /proc every 100 ms) and of the largest single process are reported per run;
 * - no worker process outlives its run: every process of a run carries the
 *   marker THEORYCHECK_SOAK=<run id> in its environment, and /proc is searched
 *   for it after the run has exited (leftovers are listed, then killed).
 *
 *   npm run soak -- [--runs 20] [--budget quick] [--jobs 2] [--only <ids>] [--keep]
 *
 * Figures go to stdout and reports/soak/soak.json. Exit 0 when every run
 * matched the first, exited like it and left no process behind; else 1.
 * Linux only (/proc). A full soak takes N × one quick verify: do not run it
 * beside other heavy work, and quote the machine load with its figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/report/atomic.ts';
import { stripTimings } from '../src/report/json.ts';
import { classify } from './soak-compare.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'theorycheck.js');

interface Options {
  runs: number;
  budget: string;
  jobs: number;
  only: string[];
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { runs: 20, budget: 'quick', jobs: 2, only: [], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') o.runs = Number(val());
    else if (a === '--budget') o.budget = val();
    else if (a === '--jobs') o.jobs = Number(val());
    else if (a === '--only') o.only.push(val());
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/soak.ts)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be an integer >= 1');
  if (!Number.isInteger(o.jobs) || o.jobs < 1) throw new Error('--jobs must be an integer >= 1 (the soak is about worker processes)');
  return o;
}

/** pid → parent pid of every process (from /proc/<pid>/stat). */
function processTable(): Map<number, number> {
  const t = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      t.set(Number(d), ppid);
    } catch {
      /* gone */
    }
  }
  return t;
}

/** Resident set of a process in bytes (0 if gone). */
function rss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process tree rooted at `root`. */
function tree(root: number): number[] {
  const t = processTable();
  const kids = new Map<number, number[]>();
  for (const [pid, ppid] of t) kids.set(ppid, [...(kids.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    if (!t.has(p)) continue;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

/** Live processes whose environment carries THEORYCHECK_SOAK=<id>. */
function marked(id: string): number[] {
  const needle = `THEORYCHECK_SOAK=${id}\0`;
  const found: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${d}/environ`, 'latin1').includes(needle)) found.push(Number(d));
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

/** One soak run's figures. */
interface RunFigures {
  run: number;
  exitCode: number | null;
  wallS: number;
  peakTreeMB: number;
  peakProcessMB: number;
  processesSeen: number;
  leaked: number[];
  /** Against the first run: identical apart from timings, differing only in wall-clock verdicts, or not. */
  identical: 'identical' | 'timing' | 'different' | null;
  differences?: string[];
  timingClaims?: string[];
  summary?: unknown;
}

async function soakRun(i: number, o: Options, dir: string): Promise<{ fig: RunFigures; report: unknown }> {
  const id = `${process.pid}-${i}`;
  const out = join(dir, `run-${i}`);
  const args = [BIN, 'verify', '--budget', o.budget, '--jobs', String(o.jobs), '--seed', '1', '--no-html', '--out', out, ...o.only.flatMap((p) => ['--only', p])];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, THEORYCHECK_SOAK: id }, stdio: ['ignore', 'ignore', 'inherit'] });
  let peakTree = 0;
  let peakProc = 0;
  const children = new Set<number>(); // worker processes (and tsx's esbuild service)
  const sample = (): void => {
    if (child.pid === undefined) return;
    const pids = tree(child.pid);
    let sum = 0;
    for (const p of pids) {
      const r = rss(p);
      sum += r;
      peakProc = Math.max(peakProc, r);
      if (p !== child.pid) children.add(p);
    }
    peakTree = Math.max(peakTree, sum);
  };
  const timer = setInterval(sample, 100);
  const exitCode = await new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  clearInterval(timer);
  const wallS = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 500)); // let stragglers show themselves
  const leaked = marked(id);
  for (const p of leaked) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  let report: unknown = null;
  const file = join(out, 'report.json');
  if (existsSync(file)) report = stripTimings(JSON.parse(readFileSync(file, 'utf8')));
  const fig: RunFigures = {
    run: i,
    exitCode,
    wallS: Number(wallS.toFixed(1)),
    peakTreeMB: Math.round(peakTree / 2 ** 20),
    peakProcessMB: Math.round(peakProc / 2 ** 20),
    processesSeen: children.size,
    leaked,
    identical: null,
    summary: (report as { summary?: unknown } | null)?.summary,
  };
  return { fig, report };
}

async function main(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  if (!existsSync('/proc/self/status')) throw new Error('the soak reads /proc: Linux only');
  const dir = mkdtempSync(join(tmpdir(), 'theorycheck-soak-'));
  const load0 = loadavg();
  console.log(`soak: ${o.runs} × verify --budget ${o.budget} --jobs ${o.jobs}${o.only.length ? ` --only ${o.only.join(' --only ')}` : ''} (${cpus().length} cores, load ${load0.map((x) => x.toFixed(1)).join(' ')}); reports in ${dir}`);
  console.log('run  exit  wall(s)  peak tree(MB)  peak process(MB)  children  leaked  identical');
  const figs: RunFigures[] = [];
  let first: unknown = null;
  for (let i = 1; i <= o.runs; i++) {
    const { fig, report } = await soakRun(i, o, dir);
    if (i === 1) first = report;
    else if (report !== null && first !== null) {
      const c = classify(first, report);
      fig.identical = c.kind;
      if (c.kind !== 'identical') fig.differences = c.differences.map((d) => (d.startsWith('.meta.gitCommit') ? `${d} (the checkout changed during the soak: run it on a fixed commit)` : d));
      if (c.kind === 'timing') fig.timingClaims = c.timingClaims;
    } else fig.identical = 'different';
    figs.push(fig);
    console.log(
      `${String(i).padStart(3)}  ${String(fig.exitCode).padStart(4)}  ${fig.wallS.toFixed(1).padStart(7)}  ${String(fig.peakTreeMB).padStart(13)}  ${String(fig.peakProcessMB).padStart(16)}  ${String(fig.processesSeen).padStart(8)}  ${String(fig.leaked.length).padStart(6)}  ${i === 1 ? '(reference)' : fig.identical === 'identical' ? 'yes' : fig.identical === 'timing' ? `yes, apart from wall-clock verdicts of ${fig.timingClaims!.join(', ')}` : `NO: ${fig.differences?.[0] ?? 'no report'}${(fig.differences?.length ?? 0) > 1 ? ` (+${fig.differences!.length - 1} more in soak.json)` : ''}`}`,
    );
  }
  const peaks = figs.map((f) => f.peakTreeMB);
  const growth = peaks.length > 1 ? peaks[peaks.length - 1] - peaks[0] : 0;
  const ok = figs.every((f, k) => f.leaked.length === 0 && f.exitCode === figs[0].exitCode && (k === 0 ? first !== null : f.identical === 'identical' || f.identical === 'timing'));
  const timingRuns = figs.filter((f) => f.identical === 'timing').length;
  const load1 = loadavg();
  const result = {
    options: o,
    cores: cpus().length,
    loadBefore: load0,
    loadAfter: load1,
    runs: figs,
    peakTreeMB: { first: peaks[0], last: peaks[peaks.length - 1], min: Math.min(...peaks), max: Math.max(...peaks), growthLastMinusFirst: growth },
    ok,
  };
  mkdirSync(join(ROOT, 'reports', 'soak'), { recursive: true });
  writeFileAtomic(join(ROOT, 'reports', 'soak', 'soak.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(
    `\n${ok ? 'OK' : 'FAILED'}: ${figs.filter((f) => f.identical === 'identical').length + 1}/${figs.length} reports identical apart from timings` +
      `${timingRuns ? `, ${timingRuns} more apart from the verdicts of wall-clock checks (${[...new Set(figs.flatMap((f) => f.timingClaims ?? []))].join(', ')})` : ''}, ` +
      `${figs.reduce((n, f) => n + f.leaked.length, 0)} leaked processes, peak tree memory ${result.peakTreeMB.min}–${result.peakTreeMB.max} MB ` +
      `(last − first ${growth >= 0 ? '+' : ''}${growth} MB); load ${load1.map((x) => x.toFixed(1)).join(' ')} → reports/soak/soak.json`,
  );
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`soak: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
