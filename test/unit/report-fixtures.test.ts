import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defineClaim, le, withSubject } from '../../src/claims/claim.ts';
import { main } from '../../src/cli/main.ts';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { softScalar } from '../../src/prox/scalar.ts';
import {
  decodeValue,
  defaultFixtureDir,
  encodeValue,
  FIXTURE_DIR,
  FixtureError,
  fixtureIds,
  fixturePath,
  readFixture,
  replayFixtures,
  reproduceInstance,
  saveCounterexamples,
} from '../../src/report/fixtures.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { makeReport } from '../fixtures/report-sample.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tc-fixtures-'));
const weakSoft = withSubject(softBruteForce, { prox: (x: number, t: number) => softScalar(x, 1.1 * t), threshold: (t: number) => 1.1 * t });

/** A claim over Float64Array instances that checks the instance type (so replay must restore it). */
const boundedVector = defineClaim({
  id: 'ours.fixture.bounded',
  paper: 'conic',
  location: 'test',
  title: 'entries are bounded',
  statement: 'max |v_i| ≤ bound',
  hypotheses: [],
  kind: 'bound',
  provenance: 'ours',
  tolerance: { value: 0, reason: 'exact' },
  budget: { quick: 200, default: 200, thorough: 200 },
  subject: { bound: 10 },
  instances: fc.float64Array({ minLength: 1, maxLength: 4, min: -100, max: 100, noNaN: true }),
  check: (v, s, ctx) => {
    if (!(v instanceof Float64Array)) throw new Error('instance is not a Float64Array');
    const noise = ctx.rng.uniform() * 0; // uses the run's stream (replayed by runSeed)
    return le('max |v_i|', Math.max(...Array.from(v, Math.abs)) + noise, s.bound);
  },
});

describe('encodeValue / decodeValue', () => {
  it('round-trips typed arrays, non-finite numbers, -0 and undefined', () => {
    const v = { a: new Float64Array([1, -0, Infinity]), b: [NaN, -Infinity, { c: undefined }], d: 'x', e: null, f: new Int32Array([3]) };
    const enc = encodeValue(v);
    const back = decodeValue(JSON.parse(JSON.stringify(enc))) as typeof v;
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.a[2]).toBe(Infinity);
    expect(back.b[0]).toBeNaN();
    expect(back.b[1]).toBe(-Infinity);
    expect(back.b[2]).toEqual({ c: undefined });
    expect(back.f).toEqual(new Int32Array([3]));
    expect(back.d).toBe('x');
    expect(back.e).toBeNull();
  });
  it('rejects what JSON cannot carry', () => {
    expect(() => encodeValue({ f: () => 1 })).toThrow(InvalidArgumentError);
    expect(() => encodeValue(1n)).toThrow(InvalidArgumentError);
    expect(() => encodeValue(new BigInt64Array(1))).toThrow(InvalidArgumentError);
    expect(() => decodeValue({ $typed: 'Map', data: [] })).toThrow(InvalidArgumentError);
  });
});

describe('saving and replaying counterexamples', () => {
  it('reproduces the runner counterexample exactly from seed and path', () => {
    const r = runClaim(boundedVector, { rootSeed: 3, budget: 'quick' });
    expect(r.status).toBe('fail');
    const { instance, runSeed } = reproduceInstance(boundedVector, r.counterexample!.seed, r.counterexample!.path);
    expect(instance).toBeInstanceOf(Float64Array);
    expect(Array.from(instance as Float64Array)).toEqual(r.counterexample!.instance);
    expect(runSeed).toBe(r.counterexample!.runSeed);
  });
  it('creates, skips duplicates, appends new cases; replay fails with the wrong subject and passes with the right one', () => {
    const dir = tmp();
    const r1 = runClaim(boundedVector, { rootSeed: 3, budget: 'quick' });
    const report1 = makeReport([r1], { seed: 3 });
    expect(saveCounterexamples(report1, [boundedVector], dir)).toEqual([{ id: 'ours.fixture.bounded', file: join(dir, 'ours.fixture.bounded.json'), action: 'created' }]);
    expect(saveCounterexamples(report1, [boundedVector], dir)[0].action).toBe('duplicate');
    const r2 = runClaim(boundedVector, { rootSeed: 4, budget: 'quick' });
    expect(saveCounterexamples(makeReport([r2], { seed: 4 }), [boundedVector], dir)[0].action).toBe('appended');
    const f = readFixture(dir, boundedVector.id)!;
    expect(f.cases).toHaveLength(2);
    expect(f.cases[0]).toMatchObject({ rootSeed: 3, seed: r1.counterexample!.seed, path: r1.counterexample!.path, budget: 'default' });
    expect((f.cases[0].instance as { $typed: string }).$typed).toBe('Float64Array');
    expect(fixtureIds(dir)).toEqual(['ours.fixture.bounded']);

    const replayed = replayFixtures(boundedVector, dir);
    expect(replayed.map((c) => c.pass)).toEqual([false, false]);
    expect(replayed[0].comparisons[0].pass).toBe(false);
    const fixed = withSubject(boundedVector, { bound: 1000 });
    expect(replayFixtures(fixed, dir).every((c) => c.pass)).toBe(true);
    // A check that throws on replay is a failure with the error.
    const throwing = { ...boundedVector, check: () => { throw new Error('boom'); } };
    expect(replayFixtures(throwing, dir)[0]).toMatchObject({ pass: false, error: 'Error: boom' });
  });
  it("replays with the runner's own evaluation: published-value comparisons, scale and verdict as in the run", () => {
    // The check's own comparison always holds; only the runner's published-value comparison can fail.
    const published = defineClaim({
      id: 'ours.fixture.published',
      paper: 'conic',
      location: 'test, Table 1',
      title: 'a printed mean',
      statement: 'the measured mean is the printed 5',
      hypotheses: [],
      kind: 'published-number',
      provenance: 'paper',
      tolerance: { value: 0, reason: 'exact' },
      budget: { quick: 50, default: 50, thorough: 50 },
      paperScale: { n: 100 },
      published: [{ key: 'mean', quantity: 'mean', value: 5, source: 'Table 1, p. 1', tolerance: { value: 2, reason: 'test' } }],
      subject: null,
      instances: fc.integer({ min: 0, max: 10 }),
      check: (x: number) => ({ comparisons: [le('x', x, 100)], published: { mean: x }, scale: { n: 10 } }),
    });
    const dir = tmp();
    const r = runClaim(published, { rootSeed: 3, budget: 'quick' });
    expect(r.status).toBe('fail');
    expect(saveCounterexamples(makeReport([r], { seed: 3 }), [published], dir)[0].action).toBe('created');
    const [c] = replayFixtures(published, dir);
    expect(c).toMatchObject({ pass: false, status: 'fail', verdict: r.verdict, scale: r.scale });
    expect(c.verdict).toBe('not-reproduced');
    expect(c.comparisons).toEqual(r.counterexample!.comparisons);
    expect(c.comparisons.map((x) => [x.quantity, x.pass])).toEqual([['x', true], [r.counterexample!.comparisons[1].quantity, false]]);
    expect(c.published.map((p) => p.key)).toEqual(['mean']);
    // A check that no longer measures the published value is an error, as in a run.
    const silent = { ...published, check: (x: number) => le('x', x, 100) };
    expect(replayFixtures(silent, dir)[0]).toMatchObject({ pass: false, status: 'error', verdict: 'inconclusive', error: expect.stringMatching(/did not measure published value mean/) });
  });
  it('skips passing claims, unknown claims and counterexamples the arbitrary no longer reproduces', () => {
    const dir = tmp();
    const r = runClaim(boundedVector, { rootSeed: 3, budget: 'quick' });
    expect(saveCounterexamples(makeReport([r]), [], dir)[0]).toMatchObject({ action: 'skipped', reason: 'claim not in the catalogue' });
    const edited = { ...r, counterexample: { ...r.counterexample!, instance: [1, 2, 3] } };
    expect(saveCounterexamples(makeReport([edited]), [boundedVector], dir)[0].reason).toMatch(/no longer reproduces/);
    const ok = runClaim(withSubject(boundedVector, { bound: 1000 }), { rootSeed: 3, budget: 'quick' });
    expect(saveCounterexamples(makeReport([ok]), [boundedVector], dir)).toEqual([]);
    expect(existsSync(fixturePath(dir, boundedVector.id))).toBe(false);
    expect(replayFixtures(boundedVector, dir)).toEqual([]);
    expect(fixtureIds(join(dir, 'none'))).toEqual([]);
  });
  it('names unusable fixture files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'dx.a.b.json'), '{"schema": 1, "id": "dx.a.b", "cases": [');
    expect(() => readFixture(dir, 'dx.a.b')).toThrow(FixtureError);
    expect(() => readFixture(dir, 'dx.a.b')).toThrow(/dx\.a\.b\.json: not valid JSON/);
    writeFileSync(join(dir, 'dx.a.c.json'), JSON.stringify({ schema: 1, id: 'dx.other', cases: [] }));
    expect(() => readFixture(dir, 'dx.a.c')).toThrow(/not a fixture of claim dx\.a\.c/);
    writeFileSync(join(dir, 'dx.a.d.json'), JSON.stringify({ schema: 1, id: 'dx.a.d', cases: [{ instance: 1 }] }));
    expect(() => readFixture(dir, 'dx.a.d')).toThrow(/case 0 lacks instance or runSeed/);
    expect(() => fixturePath(dir, '../evil')).toThrow(InvalidArgumentError);
  });
});

describe('verify --save-counterexamples', () => {
  const saved = process.env.THEORYCHECK_FIXTURE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.THEORYCHECK_FIXTURE_DIR;
    else process.env.THEORYCHECK_FIXTURE_DIR = saved;
  });
  it('writes the failing claim fixture; the fixture replays and fails until the solver is fixed', async () => {
    const dir = tmp();
    process.env.THEORYCHECK_FIXTURE_DIR = join(dir, 'fixtures');
    expect(defaultFixtureDir()).toBe(join(dir, 'fixtures'));
    let out = '';
    const io = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => undefined } };
    const args = ['verify', '--only', 'dx.prox.soft-brute-force', '--budget', 'quick', '--jobs', '0', '--no-html', '--save-counterexamples', '--out', join(dir, 'r')];
    expect(await main(args, io, [weakSoft])).toBe(1);
    expect(out).toContain(`counterexample of dx.prox.soft-brute-force: created ${join(dir, 'fixtures', 'dx.prox.soft-brute-force.json')}`);
    const fx = JSON.parse(readFileSync(join(dir, 'fixtures', 'dx.prox.soft-brute-force.json'), 'utf8'));
    expect(fx.cases[0].replay).toMatch(/--only dx.prox.soft-brute-force --seed 1 --path /);
    expect(replayFixtures(weakSoft).map((c) => c.pass)).toEqual([false]);
    expect(replayFixtures(softBruteForce).map((c) => c.pass)).toEqual([true]);
    out = '';
    expect(await main(args, io, [softBruteForce])).toBe(0);
    expect(out).toContain('no failing claim: no counterexample saved');
  });
  it('the project fixture directory is test/fixtures/counterexamples', () => {
    expect(FIXTURE_DIR.endsWith(join('test', 'fixtures', 'counterexamples'))).toBe(true);
  });
});
