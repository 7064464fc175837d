/**
 * The full §5.2 protocol (AGH21, the `thorough` setting of the agh21.stats. claims) run σ level by σ level, so
 * that a run of hours can be spread over processes or machines and resumed, and its claims' report.
 *
 *   npm run stats:protocol -- run [--dir D] [--sigmas 0.1,0.4,…] [--threads T]   compute the σ levels not yet in D, one file each
 *   npm run stats:protocol -- report [--dir D] [--out R]           merge the 10 σ files, run the claims, write R/report, R/figures
 *   (either with --budget default|quick: the claims' miniature instead of the protocol, e.g. to try it out)
 *
 * `run` writes `D/sigma-<σ>.json` (atomically) as each σ level finishes: the study of that σ alone
 * (`statsStudy` with the thorough setting and `sigmas: [σ]` — every unit depends only on the setting, σ and the
 * instance), the commit, the wall and CPU time and the machine's load. A σ level's instances run on `--threads`
 * threads (default: one per core; the result does not depend on it); `run`s with disjoint `--sigmas` may also
 * share the work between processes or machines. `report` checks that all ten σ levels are there and were computed at one commit, merges them
 * (`mergeStatsStudies`, equal to a single run's study), hands the study to the claims (`useStatsStudy`, which
 * records where it was computed in every claim's values) and runs the claims that read it through the runner,
 * in this process; the runner measures the verdicts as in `verify`. The report set goes to R/report, the
 * study's Figures 1 and 5–11 as SVG files to R/figures. Defaults: D = .cache/stats-protocol, R =
 * reports/reference-stats.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { BudgetName } from '../src/claims/claim.ts';
import { renderSeries } from '../src/report/plots.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { statsStudy, type StatsStudy } from '../src/signal/studies/stats-study.ts';
import { mergeStatsStudies } from '../src/signal/studies/stats-merge.ts';
import { runCatalogue } from '../src/runner/run-catalogue.ts';
import { reportSetFiles, writeReportSet } from '../src/report/write.ts';
import { DEFAULT_SEED, gitCommit, packageVersion } from '../src/cli/main.ts';
import { STATS_SEED, statsClaims, statsSetting, useStatsStudy } from '../theorems/agh21/stats.ts';

/** One σ level's file. */
export interface SigmaFile {
  sigma: number;
  commit: string | null;
  version: string;
  started: string;
  wallS: number;
  cpuS: number;
  load: { start: number[]; end: number[] };
  machine: string;
  study: StatsStudy;
}


function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const toJson = (x: unknown): string => JSON.stringify(x, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));

/** A σ file read back: the figure's arrays as Float64Array again. */
export function readSigmaFile(path: string): SigmaFile {
  const f = JSON.parse(readFileSync(path, 'utf8')) as SigmaFile;
  const fig = f.study.figure as unknown as { y: number[]; truth: number[]; estimates: Record<string, number[]> } | undefined;
  if (fig) {
    f.study.figure = {
      sigma: f.study.figure!.sigma, y: Float64Array.from(fig.y), truth: Float64Array.from(fig.truth),
      estimates: Object.fromEntries(Object.entries(fig.estimates).map(([m, x]) => [m, Float64Array.from(x)])),
    };
  }
  return f;
}

function run(budget: BudgetName, dir: string, sigmas: number[], threads: number): void {
  const setting = statsSetting(budget);
  mkdirSync(dir, { recursive: true });
  for (const sigma of sigmas) {
    const file = join(dir, `sigma-${sigma}.json`);
    if (existsSync(file)) {
      console.log(`σ = ${sigma}: ${file} exists, skipped`);
      continue;
    }
    const started = new Date().toISOString();
    const load0 = loadavg();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const study = statsStudy({ ...setting, sigmas: [sigma], seed: STATS_SEED, figureSigma: setting.sigmas[0], threads });
    const c = process.cpuUsage(c0);
    const out: SigmaFile = {
      sigma, commit: gitCommit(), version: packageVersion(), started, wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6,
      load: { start: load0, end: loadavg() }, machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`, study,
    };
    writeFileSync(`${file}.tmp`, toJson(out));
    renameSync(`${file}.tmp`, file);
    console.log(`σ = ${sigma}: ${out.wallS.toFixed(0)} s wall, ${out.cpuS.toFixed(0)} s CPU → ${file}`);
  }
}

async function report(budget: BudgetName, dir: string, outDir: string): Promise<number> {
  const setting = statsSetting(budget);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^sigma-.*\.json$/.test(f)) : [];
  const parts = files.map((f) => readSigmaFile(join(dir, f)));
  const missing = setting.sigmas.filter((s) => !parts.some((p) => p.sigma === s));
  if (missing.length) throw new Error(`${dir}: σ levels ${missing.join(', ')} not computed yet (npm run stats:protocol -- run)`);
  const commits = [...new Set(parts.map((p) => p.commit))];
  if (commits.length !== 1) throw new Error(`${dir}: σ files from several commits (${commits.join(', ')}); recompute at one commit`);
  const study = mergeStatsStudies(parts.map((p) => p.study));
  const wall = parts.reduce((a, p) => a + p.wallS, 0);
  const cpu = parts.reduce((a, p) => a + p.cpuS, 0);
  const first = parts.map((p) => p.started).sort()[0];
  const last = Math.max(...parts.map((p) => Date.parse(p.started) + p.wallS * 1000));
  const elapsedH = (last - Date.parse(first)) / 3600e3;
  const source =
    `scripts/stats-protocol.ts run at commit ${commits[0]} (theorycheck ${parts[0].version}), ${parts[0].machine}; σ levels started from ${first}; ` +
    `${(cpu / 3600).toFixed(2)} CPU-hours (${(wall / 3600).toFixed(2)} hours summed over σ levels), ${elapsedH.toFixed(2)} hours from the first start to the last finish`;
  useStatsStudy(budget, study, source);
  const claims = statsClaims.filter((c) => c.study === 'agh21.stats.protocol');
  const rep = await runCatalogue(
    claims,
    { version: packageVersion(), gitCommit: gitCommit(), selection: claims.map((c) => c.id) },
    { rootSeed: DEFAULT_SEED, budget, jobs: 0, onResult: (r) => console.log(`${r.status === 'pass' ? 'pass' : r.status.toUpperCase()} ${r.id}: ${r.verdict}`) },
  );
  // the figures, rendered before anything is written
  const svgs: Record<string, string> = {};
  for (const s of study.series) {
    const plot = await renderSeries(s);
    if (plot.svg) svgs[`figure-${/Fig(?:ure|\.) (\d+)/.exec(s.title)?.[1] ?? 'x'}.svg`] = plot.svg;
  }
  const written = writeReportSet(join(outDir, 'report'), await reportSetFiles(rep, true));
  mkdirSync(join(outDir, 'figures'), { recursive: true });
  for (const [name, svg] of Object.entries(svgs)) {
    writeFileSync(join(outDir, 'figures', `${name}.tmp`), svg);
    renameSync(join(outDir, 'figures', `${name}.tmp`), join(outDir, 'figures', name));
  }
  console.log(`study: ${source}\nreports: ${written.json}, ${written.markdown}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const dir = resolve(arg(args, '--dir') ?? join('.cache', 'stats-protocol'));
  const budget = (arg(args, '--budget') ?? 'thorough') as BudgetName;
  if (!['quick', 'default', 'thorough'].includes(budget)) throw new Error(`--budget: ${budget} is not quick, default or thorough`);
  const setting = statsSetting(budget);
  if (cmd === 'run') {
    const s = arg(args, '--sigmas');
    const sigmas = s === undefined ? setting.sigmas : s.split(',').map(Number);
    const bad = sigmas.find((x) => !setting.sigmas.includes(x));
    if (bad !== undefined) throw new Error(`--sigmas: ${bad} is not a σ level of the protocol (${setting.sigmas.join(', ')})`);
    const t = Number(arg(args, '--threads') ?? availableParallelism());
    if (!Number.isInteger(t) || t < 1) throw new Error(`--threads: ${arg(args, '--threads')} is not a positive integer`);
    run(budget, dir, sigmas, t);
    return 0;
  }
  if (cmd === 'report') return report(budget, dir, resolve(arg(args, '--out') ?? join('reports', 'reference-stats')));
  throw new Error('usage: stats-protocol run [--dir D] [--sigmas a,b,…] [--threads T] [--budget B] | report [--dir D] [--out R] [--budget B]');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`stats-protocol: ${e.message}`);
    process.exit(2);
  },
);
