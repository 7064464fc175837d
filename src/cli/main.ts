/**
 * The `theorycheck` command line.
 *
 *   theorycheck verify [--only <id|prefix|glob>…] [--seed N] [--budget quick|default|thorough]
 *                      [--runs N] [--out DIR] [--json] [--path P] [--timeout MS] [--jobs N]
 *                      [--shard i/n [--shard-costs R]] [--baseline R [--thresholds F]] [--save-counterexamples] [--reference R | --no-reference] [--no-html]
 *   theorycheck compare <baseline.json> <candidate.json> [--thresholds F] [--json] [--out DIR [--force]]
 *   theorycheck merge <reports…> --out DIR [--force] [--allow-partial] [--no-html]
 *   theorycheck list [--json]
 *
 * Exit codes: 0 all claims pass; 1 a claim failed, errored or timed out; 2 bad usage or input
 * (one line on stderr, never a stack trace).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { type BudgetName, type Claim, validateClaim } from '../claims/claim.ts';
import { TheorycheckError, UsageError } from '../core/errors.ts';
import { packageModule, packageRoot, packageVersion } from '../core/modules.ts';
import { runCatalogue } from '../runner/run-catalogue.ts';
import { selectIds } from '../runner/select.ts';
import { assertsOf, failureMeaningOf } from '../runner/verdict.ts';
import type { ClaimResult, Report } from '../runner/result.ts';
import { reportToJson } from '../report/json.ts';
import { fmt, fmtComparison, formatFailure, glanceOrder, nonEmptyColumns, provenanceLabel, referenceLabel, referenceMetaLabel, scaleLabel, tightest } from '../report/format.ts';
import { finishVerifyExtras, prepareVerifyExtras, type VerifyExtraOptions } from './verify-extras.ts';
// compare and merge are loaded when used: they read reports (zod), which `verify` does not need at start-up.
import type { CompareCommandOptions } from './compare-command.ts';
import type { MergeCommandOptions } from './merge-command.ts';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
}

const ROOT = packageRoot();
/** Module exporting `catalogue` (what workers load). */
export const CATALOGUE_MODULE = packageModule('theorems/index.ts');
export const DEFAULT_SEED = 1;
export const DEFAULT_OUT = join('reports', 'latest');
/** Default worker processes: one per core, at most 4. */
export const DEFAULT_JOBS = Math.max(1, Math.min(4, availableParallelism()));

export { packageVersion };

/** The git commit of the checkout, or null outside git. */
export function gitCommit(cwd: string = ROOT): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/** A catalogue module and the claims it exports. */
interface LoadedCatalogue {
  /** File URL of the module (what workers import). */
  module: string;
  /** The export holding the claims. */
  exportName: string;
  /** Set for a user's catalogue: how the replay line names it. */
  userModule?: string;
  claims: Claim[];
  /** Display names of papers by key (the module's optional `papers` export). */
  papers?: Record<string, string>;
  /** Built-in catalogue: its per-paper modules (`catalogueParts`), for {@link workerCatalogue}. */
  parts?: { module: string; exportName: string }[];
}

/**
 * The module worker processes load for `selected`: the one part of the built-in catalogue that
 * holds every selected claim when there is one (a worker then loads one paper's solvers, not all),
 * else the catalogue module itself.
 */
export async function workerCatalogue(loaded: LoadedCatalogue, selected: readonly Claim[]): Promise<{ module: string; exportName: string }> {
  for (const part of loaded.parts ?? []) {
    const module = packageModule(part.module);
    const claims = ((await import(module)) as Record<string, Claim[] | undefined>)[part.exportName] ?? [];
    const ids = new Set(claims.map((c) => c.id));
    if (selected.every((c) => ids.has(c.id))) return { module, exportName: part.exportName };
  }
  return { module: loaded.module, exportName: loaded.exportName };
}

/**
 * Load the built-in catalogue, or a user's module given by `--catalogue`: it exports
 * `catalogue` (or a default export) as an array of claims, each valid (`validateClaim`).
 */
export async function loadCatalogue(userModule?: string): Promise<LoadedCatalogue> {
  if (userModule === undefined) {
    const mod = (await import(CATALOGUE_MODULE)) as { catalogue: Claim[]; papers: Record<string, string>; catalogueParts: LoadedCatalogue['parts'] };
    return { module: CATALOGUE_MODULE, exportName: 'catalogue', claims: mod.catalogue, papers: mod.papers, parts: mod.catalogueParts };
  }
  if (!userModule.trim()) throw new UsageError('--catalogue needs a module path');
  const file = resolve(userModule);
  if (!existsSync(file)) throw new UsageError(`--catalogue ${userModule}: no such file`);
  const url = pathToFileURL(file).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`--catalogue ${userModule}: cannot load the module: ${(e as Error).message.split('\n')[0]}`);
  }
  const exportName = Array.isArray(mod.catalogue) ? 'catalogue' : Array.isArray(mod.default) ? 'default' : null;
  if (!exportName) throw new UsageError(`--catalogue ${userModule}: the module exports no array of claims as \`catalogue\` or default`);
  const claims = mod[exportName] as Claim[];
  const ids = new Set<string>();
  for (const c of claims) {
    try {
      validateClaim(c);
    } catch (e) {
      throw new UsageError(`--catalogue ${userModule}: ${(e as Error).message}`);
    }
    if (ids.has(c.id)) throw new UsageError(`--catalogue ${userModule}: claim ${c.id} appears twice`);
    ids.add(c.id);
  }
  const papers = mod.papers && typeof mod.papers === 'object' ? (mod.papers as Record<string, string>) : undefined;
  return { module: url, exportName, userModule, claims, papers };
}

function parseInteger(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
    const n = Number(value);
    if (n < min || n > max) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${value}`);
    return n;
  };
}

/** `--path`: a fast-check replay path as printed in a counterexample, e.g. `12:0:3`. */
export function parseReplayPath(value: string): string {
  if (!/^\d+(:\d+)*$/.test(value)) throw new UsageError(`--path must be a replay path of colon-separated integers (e.g. 12:0:3, from a counterexample's replay command), got ${JSON.stringify(value)}`);
  return value;
}

/** `--only a,b --only c` → [a, b, c]; empty items are kept so selection can refuse them. */
const collect = (value: string, prev: string[]): string[] => [...prev, ...value.split(',').map((s) => s.trim())];

/** Options of `verify` after parsing. */
export interface VerifyOptions extends VerifyExtraOptions {
  only: string[];
  /** A user's catalogue module (`--catalogue`). */
  catalogue?: string;
  seed: number;
  budget: BudgetName;
  runs?: number;
  out: string;
  json?: boolean;
  path?: string;
  timeout?: number;
  jobs: number;
}

function summaryTable(report: Report): string {
  // Failures and every non-confirmed verdict first; columns without content are left out.
  const all = glanceOrder(report.results).map((r) => [
    r.status === 'pass' ? 'pass' : r.status.toUpperCase(),
    r.id,
    r.verdict,
    scaleLabel(r.scale),
    referenceLabel(r),
    r.worst.length ? fmtComparison(tightest(r.worst)!) : (r.error ?? ''),
    `${r.runsExecuted}/${r.runs}`,
    `${fmt(r.timeMs / 1000)}s`,
  ]);
  const allHead = ['status', 'claim', 'verdict', 'scale', 'reference (full scale)', 'tightest comparison (measured vs claimed)', 'runs', 'time'];
  const keep = nonEmptyColumns(all, allHead.length);
  const head = keep.map((i) => allHead[i]);
  const rows = all.map((r) => keep.map((i) => r[i]));
  const wide = head.indexOf('tightest comparison (measured vs claimed)');
  const widths = head.map((h, i) => Math.min(i === wide ? 70 : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** `theorycheck verify`. Returns the exit code. */
export async function verifyCommand(opts: VerifyOptions, io: CliIo, catalogue?: Claim[]): Promise<number> {
  const loaded: LoadedCatalogue = catalogue ? { module: CATALOGUE_MODULE, exportName: 'catalogue', claims: catalogue } : await loadCatalogue(opts.catalogue);
  const claims = loaded.claims;
  const ids = selectIds(
    claims.map((c) => c.id),
    opts.only,
  );
  if (opts.path !== undefined && ids.length !== 1) {
    throw new UsageError(`--path replays one claim; --only selects ${ids.length}`);
  }
  const studies = new Map(claims.flatMap((c) => (c.study === undefined ? [] : [[c.id, c.study] as const])));
  const extras = await prepareVerifyExtras(opts, ids, studies);
  const selected = claims.filter((c) => extras.ids.includes(c.id));
  const log = (s: string): void => {
    if (!opts.json) io.stdout.write(s);
  };
  log(`theorycheck ${packageVersion()} — verifying ${selected.length} claim(s), seed ${opts.seed}, budget ${opts.budget}${opts.runs ? `, runs ${opts.runs}` : ''}\n`);

  const tty = Boolean(io.stdout.isTTY) && !opts.json;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: ' {bar} {value}/{total} claims | {claim} {runs}', hideCursor: true, clearOnComplete: true, stream: io.stdout as NodeJS.WritableStream },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(selected.length, 0, { claim: '', runs: '' });
  const forWorkers = opts.jobs > 0 ? await workerCatalogue(loaded, selected) : loaded;
  let done = 0;
  const run = await runCatalogue(
    selected,
    { version: packageVersion(), gitCommit: gitCommit(opts.catalogue ? process.cwd() : ROOT), selection: opts.only, shard: extras.shard, papers: loaded.papers },
    {
      rootSeed: opts.seed,
      budget: opts.budget,
      runs: opts.runs,
      path: opts.path,
      timeoutMs: opts.timeout,
      jobs: opts.jobs,
      catalogueModule: forWorkers.module,
      catalogueExport: forWorkers.exportName,
      replayCatalogue: loaded.userModule,
      onStart: (c) => bar?.update(done, { claim: c.id, runs: '' }),
      onProgress: (c, d, t) => bar?.update(done, { claim: c.id, runs: `(${d}/${t})` }),
      onResult: (r) => {
        done++;
        if (bar) bar.update(done, { claim: r.id, runs: '' });
        else log(`${r.status === 'pass' ? 'pass' : r.status.toUpperCase().padEnd(4)} ${r.id} (${fmt(r.timeMs / 1000)} s)\n`);
      },
    },
  );
  bar?.stop();
  const reference = await extras.reference;
  const report = reference ? (await import('../report/reference.ts')).attachReference(run, reference) : run;
  const finished = await finishVerifyExtras(report, opts, extras, claims, log);
  const written = finished.written;
  if (opts.json) {
    io.stdout.write(reportToJson(report));
  } else {
    log('\n' + summaryTable(report));
    for (const r of report.results) if (r.status !== 'pass') log('\n' + formatFailure(r) + '\n');
    const s = report.summary;
    log(`\n${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.timeout} timeouts (seed ${opts.seed}) in ${fmt(report.meta.timeMs / 1000)} s\n`);
    const verdicts = Object.entries(s.verdicts ?? {}).filter(([, n]) => n > 0);
    if (verdicts.length) log(`verdicts: ${verdicts.map(([v, n]) => `${v} ${n}`).join(' · ')}\n`);
    if (report.meta.reference) log(`reference (full-scale verdicts): ${referenceMetaLabel(report.meta.reference)}\n`);
    log(`reports: ${written.json}, ${written.markdown}, ${written.junit}\n`);
    if (written.html) log(`html report: ${written.html}\n`);
    if (finished.compareMarkdown) log('\n' + finished.compareMarkdown);
  }
  return report.summary.pass === report.summary.total ? finished.code : 1;
}

/** `theorycheck list`. */
export async function listCommand(opts: { json?: boolean; catalogue?: string }, io: CliIo, catalogue?: Claim[]): Promise<number> {
  const claims = catalogue ?? (await loadCatalogue(opts.catalogue)).claims;
  if (opts.json) {
    const rows = claims.map((c) => ({
      id: c.id,
      paper: c.paper,
      location: c.location,
      kind: c.kind,
      provenance: c.provenance,
      asserts: assertsOf(c),
      onFailure: failureMeaningOf(c),
      paperScale: c.paperScale ?? null,
      published: c.published ?? [],
      title: c.title,
      budget: c.budget,
    }));
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else {
    const w = Math.max(...claims.map((c) => c.id.length), 2);
    for (const c of claims) io.stdout.write(`${c.id.padEnd(w)}  ${c.kind.padEnd(16)}  ${provenanceLabel(c.provenance).padEnd(26)}  ${c.location}\n`);
    io.stdout.write(`${claims.length} claims\n`);
  }
  return 0;
}

const CATALOGUE_HELP = 'a JavaScript (or, where Node runs it, TypeScript) module exporting `catalogue` (or a default export): an array of claims; default: the built-in catalogue';

/** Build the commander program; actions store their exit code in `state`. */
export function buildProgram(io: CliIo, state: { code: number }, catalogue?: Claim[]): Command {
  const program = new Command();
  program
    .name('theorycheck')
    .description('Executable, seeded property checks of the theoretical claims of sparse-learning papers.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => undefined })
    .showHelpAfterError(false);

  program
    .command('verify')
    .description('run the selected claims and write reports')
    .option('--only <ids>', 'claim id, prefix (e.g. dx.prox.) or glob; repeatable or comma-separated', collect, [])
    .option('--seed <n>', 'root seed (every claim seed derives from it)', parseInteger('seed', 0, 2 ** 32 - 1), DEFAULT_SEED)
    .addOption(new Option('--budget <name>', 'runs per claim').choices(['quick', 'default', 'thorough']).default('default'))
    .option('--runs <n>', 'override the number of runs of every claim', parseInteger('runs', 1, 1e9))
    .option('--out <dir>', 'report directory', DEFAULT_OUT)
    .option('--json', 'print the JSON report on stdout instead of the table')
    .option('--path <path>', 'replay a fast-check path (with --only <one id> and its --seed)', parseReplayPath)
    .option('--timeout <ms>', 'per-claim time limit in ms (default: the claim\'s own, else 120000)', parseInteger('timeout', 1, 1e9))
    .option('--jobs <n>', 'worker processes (0 = in process: a run in flight is not stopped; default: one per core, at most 4)', parseInteger('jobs', 0, 256), DEFAULT_JOBS)
    .option('--shard <i/n>', 'run only shard i of n (deterministic partition of the selection)')
    .option('--shard-costs <report.json>', 'balance shards by the claim times recorded in a previous report')
    .option('--baseline <report.json>', 'compare with a baseline report after the run (exit 1 on regression)')
    .option('--thresholds <file.json>', 'regression thresholds for --baseline')
    .option('--catalogue <module>', CATALOGUE_HELP)
    .option('--save-counterexamples', 'save failing claims\' shrunk counterexamples as fixtures (<dir>/<id>.json, see --fixtures)')
    .option('--fixtures <dir>', 'fixture directory for --save-counterexamples (default: test/fixtures/counterexamples of a theorycheck checkout, else ./theorycheck-fixtures)')
    .option('--reference <report.json>', 'annotate each result with the full-scale verdict of the same claim in this reference report (default: the package\'s own reports/reference, for the built-in catalogue)')
    .option('--no-reference', 'do not annotate results with a reference report')
    .option('--no-html', 'do not write index.html')
    .action(async (opts: VerifyOptions) => {
      state.code = await verifyCommand(opts, io, catalogue);
    });

  program
    .command('compare')
    .description('compare a candidate report with a baseline: status changes and metric deltas (exit 1 on regression)')
    .argument('<baseline>', 'baseline report.json (or its directory)')
    .argument('<candidate>', 'candidate report.json (or its directory)')
    .option('--thresholds <file.json>', 'regression thresholds (JSON, see README)')
    .option('--json', 'print the comparison as JSON instead of Markdown')
    .option('--out <dir>', 'also write compare.md and compare.json into DIR')
    .option('--force', 'overwrite existing files in --out')
    .option('--catalogue <module>', CATALOGUE_HELP)
    .action(async (baseline: string, candidate: string, opts: CompareCommandOptions & { catalogue?: string }) => {
      const { compareCommand } = await import('./compare-command.ts');
      state.code = compareCommand(baseline, candidate, opts, io, catalogue ?? (await loadCatalogue(opts.catalogue)).claims);
    });

  program
    .command('merge')
    .description('merge shard reports into one report (identical to a single run apart from timings)')
    .argument('<reports...>', 'shard report.json files (or their directories)')
    .requiredOption('--out <dir>', 'directory of the merged reports')
    .option('--force', 'overwrite existing reports in --out')
    .option('--allow-partial', 'merge even if some shards of i/n are missing')
    .option('--no-html', 'do not write index.html')
    .option('--catalogue <module>', CATALOGUE_HELP)
    .action(async (files: string[], opts: MergeCommandOptions & { catalogue?: string }) => {
      const { mergeCommand } = await import('./merge-command.ts');
      state.code = await mergeCommand(files, opts, io, catalogue ?? (await loadCatalogue(opts.catalogue)).claims);
    });

  program
    .command('list')
    .description('list the claim catalogue')
    .option('--json', 'as JSON')
    .option('--catalogue <module>', CATALOGUE_HELP)
    .action(async (opts: { json?: boolean; catalogue?: string }) => {
      state.code = await listCommand(opts, io, catalogue);
    });
  return program;
}

/** Run the CLI on `argv` (without `node script`); returns the exit code. */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }, catalogue?: Claim[]): Promise<number> {
  const state = { code: 0 };
  const program = buildProgram(io, state, catalogue);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      io.stderr.write(`theorycheck: ${e.message.replace(/^error: /, '').split('\n')[0]}\n`);
      return 2;
    }
    if (e instanceof TheorycheckError) {
      io.stderr.write(`theorycheck: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr.write(`theorycheck: internal error: ${err?.message ?? String(e)}\n`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
