/**
 * Run a selection of claims, in process or in a pool of worker threads, and
 * assemble the report. One failing, throwing or overrunning claim never stops
 * the others. Results come back in catalogue order whatever the number of
 * workers, so the report does not depend on `jobs`.
 */
import { Worker } from 'node:worker_threads';
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
   * Worker threads. 0 runs in process (soft time limit only: no new run
   * starts after it); ≥ 1 runs each claim in a worker that is terminated when
   * it overruns its limit (hard limit).
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

/** Run claims in a pool of `jobs` workers with hard time limits. */
async function runInWorkers(claims: Claim[], opts: RunCatalogueOptions): Promise<ClaimResult[]> {
  const moduleUrl = opts.catalogueModule;
  if (!moduleUrl) throw new Error('runCatalogue: catalogueModule is required when jobs >= 1');
  const results = new Array<ClaimResult>(claims.length);
  let next = 0;
  const entry = workerUrl(import.meta.url);

  const spawn = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = new Worker(entry, {
        workerData: { catalogueModule: moduleUrl, exportName: opts.catalogueExport ?? 'catalogue' },
        execArgv: [],
      });
      const onMsg = (m: { type: string }): void => {
        if (m.type === 'ready') {
          w.off('message', onMsg);
          w.off('error', reject);
          resolve(w);
        }
      };
      w.on('message', onMsg);
      w.once('error', reject);
    });

  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    while (next < claims.length) {
      const index = next++;
      const claim = claims[index];
      const limit = opts.timeoutMs ?? claim.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const runs = opts.runs ?? claim.budget[opts.budget];
      opts.onStart?.(claim);
      const t0 = performance.now();
      try {
        worker ??= await spawn();
      } catch (e) {
        results[index] = syntheticResult(claim, 'error', `worker failed to start: ${(e as Error).message}`, 0, runs, 0);
        opts.onResult?.(results[index]);
        continue;
      }
      const w: Worker = worker;
      const result = await new Promise<ClaimResult>((resolve) => {
        // Hard limit: the soft limit inside the worker plus a grace period for the run in flight.
        const timer = setTimeout(() => {
          cleanup();
          void w.terminate();
          worker = null;
          resolve(syntheticResult(claim, 'timeout', `hard time limit ${limit} ms (+ grace) exceeded; worker terminated`, 0, runs, performance.now() - t0));
        }, limit + Math.max(5_000, limit * 0.25));
        const onMessage = (m: { type: string; id: string; done?: number; total?: number; result?: ClaimResult; error?: string }): void => {
          if (m.id !== claim.id) return;
          if (m.type === 'progress') opts.onProgress?.(claim, m.done!, m.total!);
          else if (m.type === 'result') {
            cleanup();
            resolve(m.result!);
          } else if (m.type === 'fatal') {
            cleanup();
            resolve(syntheticResult(claim, 'error', m.error ?? 'worker error', 0, runs, performance.now() - t0));
          }
        };
        const onError = (e: Error): void => {
          cleanup();
          worker = null;
          resolve(syntheticResult(claim, 'error', `worker crashed: ${e.message}`, 0, runs, performance.now() - t0));
        };
        const onExit = (code: number): void => {
          cleanup();
          worker = null;
          resolve(syntheticResult(claim, 'error', `worker exited with code ${code}`, 0, runs, performance.now() - t0));
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.postMessage({
          id: claim.id,
          opts: { rootSeed: opts.rootSeed, budget: opts.budget, runs: opts.runs, path: opts.path, timeoutMs: limit, replayCatalogue: opts.replayCatalogue },
        });
      });
      results[index] = result;
      opts.onResult?.(result);
    }
    if (worker) await (worker as Worker).terminate();
  };

  await Promise.all(Array.from({ length: Math.min(opts.jobs, claims.length) }, lane));
  return results;
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
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timeMs: performance.now() - t0,
  };
  return { meta, summary: summarise(results), results };
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
