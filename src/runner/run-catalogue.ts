/**
 * Run a selection of claims, in process or in a pool of worker processes, and
 * assemble the report. One failing, throwing or overrunning claim never stops
 * the others. Results come back in catalogue order whatever the number of
 * workers, so the report does not depend on `jobs`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deriveSeed } from '../core/random.ts';
import { type BudgetName, type Claim, validateClaim } from '../claims/claim.ts';
import { integerInRange, oneOf } from '../core/validate.ts';
import { workerUrl } from '../core/modules.ts';
import { BUDGETS, DEFAULT_TIMEOUT_MS, claimHeader, runClaim } from './run-claim.ts';
import { runScale, verdictOf } from './verdict.ts';
import type { ClaimResult, ClaimStatus, Report, RunMeta } from './result.ts';

/** Version of the report JSON schema (reports/README.md). */
export const SCHEMA_VERSION = 2;

/** Options of {@link runCatalogue}. */
export interface RunCatalogueOptions {
  /** Root seed; every claim seed derives from it. */
  rootSeed: number;
  budget: BudgetName;
  /** Override runs per claim. */
  runs?: number;
  /** Replay a fast-check path (only with a single claim). */
  path?: string;
  /** Per-claim time limit in ms (default: each claim's own, else 120 s). */
  timeoutMs?: number;
  /**
   * Worker processes. 0 runs in process (soft time limit only: no new run
   * starts after it, and a finished claim over its limit is a timeout); ≥ 1
   * runs each claim in a worker process that is killed when it overruns its
   * limit (hard limit).
   */
  jobs: number;
  /** For workers: module URL exporting the catalogue, and the export name. */
  catalogueModule?: string;
  catalogueExport?: string;
  /** A user's catalogue module, named in replay commands (`--catalogue`). */
  replayCatalogue?: string;
  /** Called when a claim starts, progresses and ends. */
  onStart?: (claim: Claim) => void;
  onProgress?: (claim: Claim, done: number, total: number) => void;
  onResult?: (result: ClaimResult) => void;
}

/** Environment facts recorded in the report. */
export interface RunEnvironment {
  version: string;
  gitCommit: string | null;
  selection: string[];
  shard?: string | null;
  /** Display names of papers by key (the catalogue's `papers` export). */
  papers?: Record<string, string>;
}

/** A result record for a claim that never produced one (crash, timeout, bad setup). */
export function syntheticResult(claim: Claim, status: ClaimStatus, error: string, seed: number, runs: number, timeMs: number): ClaimResult {
  const scale = runScale(claim, null);
  return {
    ...claimHeader(claim),
    status,
    scale,
    published: [],
    verdict: verdictOf(claim, status, scale),
    seed,
    runs,
    runsExecuted: 0,
    worst: [],
    series: [],
    values: {},
    error,
    timeMs,
  };
}

function runInProcess(claim: Claim, opts: RunCatalogueOptions): ClaimResult {
  const t0 = performance.now();
  try {
    return runClaim(claim, {
      rootSeed: opts.rootSeed,
      budget: opts.budget,
      runs: opts.runs,
      path: opts.path,
      timeoutMs: opts.timeoutMs,
      replayCatalogue: opts.replayCatalogue,
      onProgress: (d, t) => opts.onProgress?.(claim, d, t),
    });
  } catch (e) {
    const err = e as Error;
    return syntheticResult(claim, 'error', `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`, 0, opts.runs ?? claim.budget[opts.budget], performance.now() - t0);
  }
}

/** Grace after a claim's time limit before its worker process is killed: the soft limit inside the worker ends most overruns first. */
export function hardLimitGraceMs(limitMs: number): number {
  return Math.min(2_000, Math.max(250, 0.05 * limitMs));
}

/** A message from a worker process (worker.ts). */
interface WorkerMessage {
  type: 'ready' | 'progress' | 'result' | 'fatal';
  id?: string;
  done?: number;
  total?: number;
  result?: ClaimResult;
  error?: string;
}

/** A pending worker process: resolves once it has loaded the catalogue. */
function spawnWorker(moduleUrl: string, exportName: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(workerUrl(import.meta.url)), [], {
      execArgv: [],
      serialization: 'advanced',
      // the worker's stdout goes to our stderr: `--json` keeps stdout for the report
      stdio: ['ignore', 2, 2, 'ipc'],
      env: { ...process.env, THEORYCHECK_CATALOGUE: moduleUrl, THEORYCHECK_CATALOGUE_EXPORT: exportName },
    });
    const onMsg = (m: WorkerMessage): void => {
      if (m?.type === 'ready') {
        off();
        resolve(child);
      } else if (m?.type === 'fatal') {
        off();
        child.kill('SIGKILL');
        reject(new Error(m.error ?? 'worker failed to load the catalogue'));
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      off();
      reject(new Error(`worker process exited during start-up (${signal ?? `code ${code}`})`));
    };
    const onError = (e: Error): void => {
      off();
      child.kill('SIGKILL');
      reject(e);
    };
    const off = (): void => {
      child.off('message', onMsg);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.on('message', onMsg);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

/** Stop a worker process and wait until it is gone (SIGKILL after 2 s). */
function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect(); // the worker exits when its channel closes
    else child.kill('SIGKILL');
  });
}

/**
 * Run claims in a pool of `jobs` worker PROCESSES with hard time limits: a
 * worker that overruns its claim's limit (plus {@link hardLimitGraceMs}) is
 * killed with SIGKILL and the claim is a timeout; a worker that dies (crash,
 * out of memory, killed from outside) makes its claim an error; either way the
 * lane starts a fresh worker for the next claim. Every worker is gone when
 * this returns.
 */
async function runInWorkers(claims: Claim[], opts: RunCatalogueOptions): Promise<ClaimResult[]> {
  const moduleUrl = opts.catalogueModule;
  if (!moduleUrl) throw new Error('runCatalogue: catalogueModule is required when jobs >= 1');
  const exportName = opts.catalogueExport ?? 'catalogue';
  const results = new Array<ClaimResult>(claims.length);
  const take = studyQueue(claims);

  const lane = async (laneId: number): Promise<void> => {
    let worker: ChildProcess | null = null;
    try {
      for (let index = take(laneId); index >= 0; index = take(laneId)) {
        const claim = claims[index];
        const limit = opts.timeoutMs ?? claim.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const runs = opts.runs ?? claim.budget[opts.budget];
        const seed = deriveSeed(opts.rootSeed, claim.id);
        opts.onStart?.(claim);
        try {
          worker ??= await spawnWorker(moduleUrl, exportName);
        } catch (e) {
          results[index] = syntheticResult(claim, 'error', `worker failed to start: ${(e as Error).message}`, seed, runs, 0);
          opts.onResult?.(results[index]);
          continue;
        }
        const t0 = performance.now(); // the claim's time, without the worker's start-up
        const w: ChildProcess = worker;
        const result = await new Promise<ClaimResult>((resolve) => {
          const done = (r: ClaimResult, dead: boolean): void => {
            clearTimeout(timer);
            w.off('message', onMessage);
            w.off('exit', onExit);
            w.off('error', onError);
            if (dead) worker = null;
            resolve(r);
          };
          const timer = setTimeout(() => {
            w.kill('SIGKILL');
            const ms = performance.now() - t0;
            done(syntheticResult(claim, 'timeout', `time limit ${limit} ms exceeded; worker killed after ${Math.round(ms)} ms`, seed, runs, ms), true);
          }, limit + hardLimitGraceMs(limit));
          const onMessage = (m: WorkerMessage): void => {
            if (m?.id !== claim.id) return;
            if (m.type === 'progress') opts.onProgress?.(claim, m.done!, m.total!);
            else if (m.type === 'result') done(m.result!, false);
            else if (m.type === 'fatal') done(syntheticResult(claim, 'error', m.error ?? 'worker error', seed, runs, performance.now() - t0), false);
          };
          const onExit = (code: number | null, signal: string | null): void =>
            done(syntheticResult(claim, 'error', `worker process ${signal ? `killed by ${signal}` : `exited with code ${code}`} during the claim`, seed, runs, performance.now() - t0), true);
          const onError = (e: Error): void => {
            w.kill('SIGKILL');
            done(syntheticResult(claim, 'error', `worker process failed: ${e.message}`, seed, runs, performance.now() - t0), true);
          };
          w.on('message', onMessage);
          w.on('exit', onExit);
          w.on('error', onError);
          w.send({
            id: claim.id,
            opts: { rootSeed: opts.rootSeed, budget: opts.budget, runs: opts.runs, path: opts.path, timeoutMs: limit, replayCatalogue: opts.replayCatalogue },
          });
        });
        results[index] = result;
        opts.onResult?.(result);
      }
    } finally {
      if (worker) await stopWorker(worker);
    }
  };

  await Promise.all(Array.from({ length: Math.min(opts.jobs, claims.length) }, (_, k) => lane(k)));
  return results;
}

/**
 * The claims' order of work for a pool of lanes: a lane takes the first pending claim of a study it
 * already holds, else the first pending claim whose study no other lane holds (and then holds that
 * study), else nothing (the claims left belong to busy lanes' studies and wait for them). Claims
 * without a study are free for any lane. Returns −1 when the lane has nothing more to do.
 */
export function studyQueue(claims: readonly Pick<Claim, 'study'>[]): (lane: number) => number {
  const pending = claims.map((_, i) => i);
  const holder = new Map<string, number>();
  return (lane) => {
    let pick = pending.findIndex((i) => {
      const st = claims[i].study;
      return st !== undefined && holder.get(st) === lane;
    });
    if (pick < 0) pick = pending.findIndex((i) => {
      const st = claims[i].study;
      return st === undefined || !holder.has(st);
    });
    if (pick < 0) return -1;
    const index = pending.splice(pick, 1)[0];
    const st = claims[index].study;
    if (st !== undefined) holder.set(st, lane);
    return index;
  };
}

/** Run the given claims and build the report (meta timing fields included). */
export async function runCatalogue(claims: Claim[], env: RunEnvironment, opts: RunCatalogueOptions): Promise<Report> {
  oneOf('budget', opts.budget, BUDGETS);
  integerInRange('seed', opts.rootSeed, 0, 2 ** 32 - 1);
  integerInRange('jobs', opts.jobs, 0, 256);
  if (opts.runs !== undefined) integerInRange('runs', opts.runs, 1);
  if (opts.timeoutMs !== undefined) integerInRange('timeout', opts.timeoutMs, 1);
  for (const c of claims) validateClaim(c);
  const startedAt = new Date();
  const t0 = performance.now();
  let results: ClaimResult[];
  if (opts.jobs === 0) {
    results = [];
    for (const c of claims) {
      opts.onStart?.(c);
      const r = runInProcess(c, opts);
      results.push(r);
      opts.onResult?.(r);
    }
  } else {
    results = await runInWorkers(claims, opts);
  }
  const meta: RunMeta = {
    tool: 'theorycheck',
    version: env.version,
    schemaVersion: SCHEMA_VERSION,
    gitCommit: env.gitCommit,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    seed: opts.rootSeed,
    budget: opts.budget,
    runsOverride: opts.runs ?? null,
    selection: env.selection,
    shard: env.shard ?? null,
    ...(env.papers ? { papers: papersOf(env.papers, results) } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timeMs: performance.now() - t0,
  };
  return { meta, summary: summarise(results), results };
}

/** The display names of the papers that occur in `results`. */
export function papersOf(names: Record<string, string>, results: ClaimResult[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) if (names[r.paper] !== undefined) out[r.paper] = names[r.paper];
  return out;
}

/** Counts by status and by verdict. */
export function summarise(results: ClaimResult[]): Report['summary'] {
  const s: Report['summary'] = { total: results.length, pass: 0, fail: 0, error: 0, timeout: 0, verdicts: {} };
  for (const r of results) {
    s[r.status]++;
    s.verdicts[r.verdict] = (s.verdicts[r.verdict] ?? 0) + 1;
  }
  return s;
}
