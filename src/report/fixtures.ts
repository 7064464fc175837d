/**
 * Counterexample fixtures (`verify --save-counterexamples`): each failing
 * claim's shrunk counterexample is written to
 * `test/fixtures/counterexamples/<claim-id>.json`, and the claim tests replay every
 * fixture before their random cases, forever after.
 *
 * A fixture stores the instance exactly (typed arrays and non-finite numbers
 * tagged, see {@link encodeValue}), reproduced from the claim's arbitrary by
 * fast-check seed and path, plus the run seed of the check's random stream,
 * so replay calls `check(instance, subject, ctx)` directly — no dependence on
 * the arbitrary staying the same. New cases are appended to an existing
 * fixture file (duplicates skipped); nothing is overwritten.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/modules.ts';
import fc from 'fast-check';
import type { BudgetName, Claim } from '../claims/claim.ts';
import { InvalidArgumentError, TheorycheckError } from '../core/errors.ts';
import type { ClaimResult, RecordedComparison, Report } from '../runner/result.ts';
import { checkInstance, toJsonSafe, type InstanceOutcome } from '../runner/run-claim.ts';
import { writeFileAtomic } from './atomic.ts';

/** The project's fixture directory, test/fixtures/counterexamples. */
export const FIXTURE_DIR = join(packageRoot(), 'test', 'fixtures', 'counterexamples');

/** The fixture directory in use: env THEORYCHECK_FIXTURE_DIR if set, else {@link FIXTURE_DIR}. */
export function defaultFixtureDir(): string {
  return process.env.THEORYCHECK_FIXTURE_DIR || FIXTURE_DIR;
}
export const FIXTURE_SCHEMA = 1;

const TYPED = ['Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray'] as const;

/**
 * Encode a value as JSON data that decodes to the same value: typed arrays as
 * `{"$typed": "Float64Array", "data": [...]}`, non-finite numbers and −0 as
 * `{"$num": "Infinity" | "-Infinity" | "NaN" | "-0"}`, `undefined` as `{"$undef": true}`.
 */
export function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $num: 'NaN' };
    if (!Number.isFinite(v)) return { $num: v > 0 ? 'Infinity' : '-Infinity' };
    if (Object.is(v, -0)) return { $num: '-0' };
    return v;
  }
  if (v === undefined) return { $undef: true };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name;
    if (!(TYPED as readonly string[]).includes(name)) throw new InvalidArgumentError('instance', v, 'typed arrays of numbers only');
    return { $typed: name, data: Array.from(v as unknown as ArrayLike<number>, (x) => encodeValue(x)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(o, k, encodeValue(x));
    return o;
  }
  if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') throw new InvalidArgumentError('instance', v, 'JSON-encodable data');
  return v;
}

/**
 * `o[k] = x` as an own data property even for `k = "__proto__"` (an
 * assignment would replace the object's prototype instead).
 */
export function setOwn(o: Record<string, unknown>, k: string, x: unknown): void {
  Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
}

/** Inverse of {@link encodeValue}. */
export function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o.$num === 'string') return o.$num === '-0' ? -0 : Number(o.$num);
    if (keys.length === 1 && o.$undef === true) return undefined;
    if (keys.length === 2 && typeof o.$typed === 'string' && Array.isArray(o.data)) {
      if (!(TYPED as readonly string[]).includes(o.$typed)) throw new InvalidArgumentError('$typed', o.$typed, `one of ${TYPED.join(', ')}`);
      const Ctor = (globalThis as unknown as Record<string, new (xs: number[]) => unknown>)[o.$typed];
      return new Ctor(o.data.map((x) => decodeValue(x) as number));
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) setOwn(out, k, decodeValue(x));
    return out;
  }
  return v;
}

/** One saved counterexample. */
export interface FixtureCase {
  /** Encoded instance ({@link encodeValue}). */
  instance: unknown;
  /** Seed of the check's random stream. */
  runSeed: number;
  /** Where it came from. */
  rootSeed: number;
  seed: number;
  path: string;
  budget: BudgetName;
  version: string;
  gitCommit: string | null;
  /** The comparisons that failed when it was saved. */
  comparisons: RecordedComparison[];
  replay: string;
}

/** A fixture file. */
export interface FixtureFile {
  schema: number;
  id: string;
  cases: FixtureCase[];
}

/** A fixture file is unusable; the message names it. */
export class FixtureError extends TheorycheckError {
  override name = 'FixtureError';
}

/** Path of a claim's fixture file. */
export function fixturePath(dir: string, id: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new InvalidArgumentError('id', id, 'a claim id of letters, digits, ".", "_" and "-"');
  return join(dir, `${id}.json`);
}

/** Read a fixture file (null when absent). */
export function readFixture(dir: string, id: string): FixtureFile | null {
  const path = fixturePath(dir, id);
  if (!existsSync(path)) return null;
  let data: FixtureFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as FixtureFile;
  } catch (e) {
    throw new FixtureError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || data.schema !== FIXTURE_SCHEMA || data.id !== id || !Array.isArray(data.cases)) {
    throw new FixtureError(`${path}: not a fixture of claim ${id} (schema ${FIXTURE_SCHEMA}: {schema, id, cases})`);
  }
  for (const [k, c] of data.cases.entries()) {
    if (!c || typeof c !== 'object' || !('instance' in c) || !Number.isInteger(c.runSeed)) throw new FixtureError(`${path}: case ${k} lacks instance or runSeed`);
  }
  return data;
}

/**
 * The exact instance and run seed at a fast-check seed and path, drawn from
 * the claim's arbitrary the way the runner draws it (instance, run seed).
 */
export function reproduceInstance(claim: Claim, seed: number, path: string): { instance: unknown; runSeed: number } {
  const arb = fc.tuple(claim.instances, fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff })));
  const details = fc.check(
    fc.property(arb, () => false),
    { seed, path, numRuns: 1, endOnFailure: true },
  );
  if (!details.failed || !details.counterexample) throw new FixtureError(`cannot reproduce ${claim.id} at seed ${seed} path ${path}`);
  const [[instance, runSeed]] = details.counterexample as [[unknown, number]];
  return { instance, runSeed };
}

/** What {@link saveCounterexamples} did per claim. */
export interface SavedFixture {
  id: string;
  file: string;
  action: 'created' | 'appended' | 'duplicate' | 'skipped';
  reason?: string;
}

/**
 * Save the counterexample of every failing result of `report` whose claim is
 * in `claims`. Returns what was done per claim.
 */
export function saveCounterexamples(report: Report, claims: readonly Claim[], dir: string = defaultFixtureDir()): SavedFixture[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const out: SavedFixture[] = [];
  for (const r of report.results) {
    if (r.status !== 'fail' || !r.counterexample) continue;
    const file = fixturePath(dir, r.id);
    const claim = byId.get(r.id);
    if (!claim) {
      out.push({ id: r.id, file, action: 'skipped', reason: 'claim not in the catalogue' });
      continue;
    }
    const c = fixtureCaseOf(claim, r, report);
    if ('reason' in c) {
      out.push({ id: r.id, file, action: 'skipped', reason: c.reason });
      continue;
    }
    const existing = readFixture(dir, r.id);
    const key = JSON.stringify([c.instance, c.runSeed]);
    if (existing?.cases.some((x) => JSON.stringify([x.instance, x.runSeed]) === key)) {
      out.push({ id: r.id, file, action: 'duplicate' });
      continue;
    }
    const next: FixtureFile = { schema: FIXTURE_SCHEMA, id: r.id, cases: [...(existing?.cases ?? []), c] };
    writeFileAtomic(file, JSON.stringify(next, null, 2) + '\n');
    out.push({ id: r.id, file, action: existing ? 'appended' : 'created' });
  }
  return out;
}

function fixtureCaseOf(claim: Claim, r: ClaimResult, report: Report): FixtureCase | { reason: string } {
  const cx = r.counterexample!;
  const { instance, runSeed } = reproduceInstance(claim, cx.seed, cx.path);
  // Guard: the reproduced instance must be the one the report recorded.
  if (JSON.stringify(toJsonSafe(instance)) !== JSON.stringify(cx.instance) || runSeed !== cx.runSeed) {
    return { reason: 'the arbitrary no longer reproduces the recorded counterexample (catalogue changed since the run)' };
  }
  return {
    instance: encodeValue(instance),
    runSeed,
    rootSeed: report.meta.seed,
    seed: cx.seed,
    path: cx.path,
    budget: report.meta.budget,
    version: report.meta.version,
    gitCommit: report.meta.gitCommit,
    comparisons: cx.comparisons,
    replay: cx.replay,
  };
}

/** Outcome of replaying one fixture case: the runner's outcome of the instance, with where it came from. */
export interface ReplayedCase extends InstanceOutcome {
  file: string;
  index: number;
  /** status is 'pass'. */
  pass: boolean;
}

/**
 * Replay every saved case of `claim` (none when it has no fixture file), each checked by the
 * runner's own {@link checkInstance}: the same comparisons, published-value comparisons, scale
 * and verdict as a run that drew the instance.
 */
export function replayFixtures(claim: Claim, dir: string = defaultFixtureDir(), budget: BudgetName = 'quick'): ReplayedCase[] {
  const f = readFixture(dir, claim.id);
  if (!f) return [];
  const file = fixturePath(dir, claim.id);
  return f.cases.map((c, index) => {
    const out = checkInstance(claim, decodeValue(c.instance), c.runSeed, budget);
    return { file, index, pass: out.status === 'pass', ...out };
  });
}

/** Ids of every claim with a fixture file in `dir`. */
export function fixtureIds(dir: string = defaultFixtureDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
