import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { proxClaims, softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { runCatalogue, studyQueue, summarise } from '../../src/runner/run-catalogue.ts';
import { closeMatches, editDistance, matches, selectIds } from '../../src/runner/select.ts';
import { reportToJson, stripTimings } from '../../src/report/json.ts';
import { InvalidArgumentError, UsageError } from '../../src/core/errors.ts';
import { slow, throwing, wrongSoft } from '../fixtures/catalogue.ts';

const env = { version: 'test', gitCommit: null, selection: [] };
const FIXTURES = pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'catalogue.ts')).href;

describe('runClaim', () => {
  it('passes a true claim and records the worst comparison per quantity', () => {
    const r = runClaim(softBruteForce, { rootSeed: 7, budget: 'quick' });
    expect(r.status).toBe('pass');
    expect(r.runsExecuted).toBe(softBruteForce.budget.quick);
    expect(r.worst.map((c) => c.quantity).sort()).toEqual(
      ['F(prox(x)) − F(brute force), relative', '|prox(x) − brute force| / max(1,|x|)'].sort(),
    );
    expect(r.worst.every((c) => c.pass && c.slack >= 0)).toBe(true);
  });

  it('rejects a wrong subject with a shrunk counterexample whose replay reproduces it', () => {
    const r = runClaim(wrongSoft, { rootSeed: 7, budget: 'quick' });
    expect(r.status).toBe('fail');
    const cx = r.counterexample!;
    expect(cx.replay).toContain(`--only ${wrongSoft.id} --seed 7 --path ${cx.path}`);
    const replay = runClaim(wrongSoft, { rootSeed: 7, budget: 'quick', path: cx.path });
    expect(replay.status).toBe('fail');
    expect(replay.counterexample!.instance).toEqual(cx.instance);
    expect(replay.counterexample!.comparisons).toEqual(cx.comparisons);
  });

  it('reports a throwing check as an error with the shrunk input', () => {
    const r = runClaim(throwing, { rootSeed: 1, budget: 'quick' });
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/RangeError: n = 11 is too large/);
    expect(r.counterexample!.instance).toBe(11);
  });

  it('stops starting runs after the soft time limit (status timeout)', () => {
    const r = runClaim({ ...slow, check: () => ({ quantity: 'x', measured: 0, relation: '<=', claimed: 1 }) }, {
      rootSeed: 1,
      budget: 'quick',
      runs: 1_000_000,
      timeoutMs: 50,
    });
    expect(r.status).toBe('timeout');
    expect(r.runsExecuted).toBeLessThan(1_000_000);
  });

  it('validates its options', () => {
    expect(() => runClaim(softBruteForce, { rootSeed: -1, budget: 'quick' })).toThrow(InvalidArgumentError);
    expect(() => runClaim(softBruteForce, { rootSeed: 1, budget: 'huge' as never })).toThrow(/budget/);
    expect(() => runClaim(softBruteForce, { rootSeed: 1, budget: 'quick', runs: 0 })).toThrow(/runs/);
  });
});

describe('runCatalogue', () => {
  it('gives identical JSON reports (apart from timings) for the same seed', async () => {
    const a = await runCatalogue(proxClaims, env, { rootSeed: 42, budget: 'quick', jobs: 0 });
    const b = await runCatalogue(proxClaims, env, { rootSeed: 42, budget: 'quick', jobs: 0 });
    expect(stripTimings(JSON.parse(reportToJson(a)))).toEqual(stripTimings(JSON.parse(reportToJson(b))));
    const c = await runCatalogue(proxClaims, env, { rootSeed: 43, budget: 'quick', jobs: 0 });
    expect(stripTimings(JSON.parse(reportToJson(c)))).not.toEqual(stripTimings(JSON.parse(reportToJson(a))));
  });

  it('keeps going past failing, throwing and overrunning claims; hard timeout in workers', async () => {
    const claims = [softBruteForce, wrongSoft, throwing, slow];
    const seen: string[] = [];
    const r = await runCatalogue(claims, env, {
      rootSeed: 3,
      budget: 'quick',
      jobs: 1,
      catalogueModule: FIXTURES,
      onResult: (x) => seen.push(x.id),
    });
    expect(r.results.map((x) => [x.id, x.status])).toEqual([
      [softBruteForce.id, 'pass'],
      [wrongSoft.id, 'fail'],
      [throwing.id, 'error'],
      [slow.id, 'timeout'],
    ]);
    expect(seen).toHaveLength(4);
    expect(r.summary).toEqual({ total: 4, pass: 1, fail: 1, error: 1, timeout: 1, verdicts: expect.any(Object) });
  }, 60_000);

  it('gives the same results with 1 and 2 workers and in process', async () => {
    const claims = [softBruteForce, wrongSoft, throwing];
    const strip = (x: unknown) => stripTimings(JSON.parse(JSON.stringify(x)));
    const r0 = await runCatalogue(claims, env, { rootSeed: 5, budget: 'quick', jobs: 0 });
    const r1 = await runCatalogue(claims, env, { rootSeed: 5, budget: 'quick', jobs: 1, catalogueModule: FIXTURES });
    const r2 = await runCatalogue(claims, env, { rootSeed: 5, budget: 'quick', jobs: 2, catalogueModule: FIXTURES });
    expect(strip(r1.results)).toEqual(strip(r0.results));
    expect(strip(r2.results)).toEqual(strip(r0.results));
  }, 60_000);

  it('reports a claim unknown to the worker as an error', async () => {
    const ghost = { ...softBruteForce, id: 'test.ghost' };
    const r = await runCatalogue([ghost], env, { rootSeed: 1, budget: 'quick', jobs: 1, catalogueModule: FIXTURES });
    expect(r.results[0].status).toBe('error');
    expect(r.results[0].error).toMatch(/unknown claim test.ghost/);
  });

  it('validates options', async () => {
    await expect(runCatalogue([], env, { rootSeed: 1, budget: 'quick', jobs: -1 })).rejects.toThrow(/jobs/);
    await expect(runCatalogue([softBruteForce], env, { rootSeed: 1, budget: 'quick', jobs: 1 })).rejects.toThrow(/catalogueModule/);
    expect(summarise([])).toEqual({ total: 0, pass: 0, fail: 0, error: 0, timeout: 0, verdicts: {} });
  });
});

describe('selection', () => {
  const ids = ['dx.prox.soft-brute-force', 'dx.prox.tl1-threshold', 'agh21.example1.persp'];
  it('matches ids, prefixes and globs', () => {
    expect(matches('dx.prox.tl1-threshold', 'dx.prox')).toBe(true);
    expect(matches('dx.prox.tl1-threshold', 'dx.prx')).toBe(false);
    expect(matches('dx.prox.tl1-threshold', 'dx.*tl1*')).toBe(true);
    expect(selectIds(ids, ['dx.'])).toEqual(ids.slice(0, 2));
    expect(selectIds(ids, ['agh21.example1.persp', 'dx.prox.soft-brute-force'])).toEqual([ids[0], ids[2]]);
    expect(selectIds(ids, [])).toEqual(ids);
  });
  it('rejects unknown ids with close matches', () => {
    expect(() => selectIds(ids, ['dx.prox.tl1-treshold'])).toThrow(UsageError);
    expect(() => selectIds(ids, ['dx.prox.tl1-treshold'])).toThrow(/did you mean dx.prox.tl1-threshold/);
    expect(closeMatches('agh', ids, 1)).toEqual(['agh21.example1.persp']);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('studyQueue: claims of one memoised study run in one worker', () => {
  it('gives each study to the lane that took its first claim; free claims go to any lane', () => {
    const claims = [{ study: 'a' }, { study: 'a' }, {}, { study: 'b' }, { study: 'a' }, {}];
    const take = studyQueue(claims);
    expect(take(0)).toBe(0); // lane 0 holds a
    expect(take(1)).toBe(2); // a is held: the first free claim
    expect(take(1)).toBe(3); // lane 1 holds b
    expect(take(0)).toBe(1); // lane 0's own study first
    expect(take(1)).toBe(5);
    expect(take(1)).toBe(-1); // only a's claim is left: it waits for lane 0
    expect(take(0)).toBe(4);
    expect(take(0)).toBe(-1);
  });
  it('takes every claim exactly once in catalogue order when no claim names a study', () => {
    const take = studyQueue([{}, {}, {}]);
    expect([take(1), take(0), take(1), take(0)]).toEqual([0, 1, 2, -1]);
  });
});
