import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/report/load.ts';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { saveCounterexamples } from '../../src/report/fixtures.ts';
import { checkClaim, claimTest, defineClaim, describeFailure, le, reportCollector, resolveSeed, withSubject } from '../../src/vitest/index.ts';

/** A user's claim declared next to their code: |clamp(x)| ≤ 1. */
const clamp = (x: number): number => Math.max(-1, Math.min(1, x));
const clampClaim = defineClaim({
  id: 'ours.user.clamp',
  paper: 'conic',
  location: 'user code',
  title: 'clamp stays in [-1, 1]',
  statement: '|clamp(x)| ≤ 1 for every finite x',
  hypotheses: ['x finite'],
  kind: 'bound',
  provenance: 'ours',
  tolerance: { value: 0, reason: 'exact comparison' },
  budget: { quick: 50, default: 200, thorough: 1000 },
  subject: clamp,
  instances: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  check: (x, f) => le('|clamp(x)|', Math.abs(f(x)), 1),
});
const broken = withSubject(clampClaim, (x: number) => Math.max(-1, Math.min(1.5, x)));

// The way a user registers it: one vitest test per claim.
claimTest(clampClaim, { seed: 5, fixtures: false });

describe('vitest helper', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env.THEORYCHECK_SEED = env.THEORYCHECK_SEED;
    process.env.THEORYCHECK_PATH = env.THEORYCHECK_PATH;
    if (env.THEORYCHECK_SEED === undefined) delete process.env.THEORYCHECK_SEED;
    if (env.THEORYCHECK_PATH === undefined) delete process.env.THEORYCHECK_PATH;
  });
  it('resolves the seed from options, then THEORYCHECK_SEED, then 1', () => {
    delete process.env.THEORYCHECK_SEED;
    expect(resolveSeed()).toBe(1);
    expect(resolveSeed(9)).toBe(9);
    process.env.THEORYCHECK_SEED = '77';
    expect(resolveSeed()).toBe(77);
    process.env.THEORYCHECK_SEED = 'abc';
    expect(() => resolveSeed()).toThrow(InvalidArgumentError);
    expect(() => resolveSeed(-1)).toThrow(InvalidArgumentError);
  });
  it('passes a true claim and throws a shrunk, replayable failure for a broken solver', () => {
    expect(checkClaim(clampClaim, { seed: 5, fixtures: false }).status).toBe('pass');
    let msg = '';
    try {
      checkClaim(broken, { seed: 5, fixtures: false });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^✗ ours\.user\.clamp — fail, verdict fails/);
    expect(msg).toMatch(/VIOLATED \|clamp\(x\)\|: [\d.e+-]+ ≤ 1/);
    const path = /THEORYCHECK_PATH=(\S+)/.exec(msg)![1];
    expect(msg).toContain(`replay: THEORYCHECK_SEED=5 THEORYCHECK_PATH=${path} npx vitest run -t 'ours.user.clamp'`);
    // Replaying through the environment reproduces the same counterexample.
    process.env.THEORYCHECK_SEED = '5';
    process.env.THEORYCHECK_PATH = path;
    expect(() => checkClaim(broken, { fixtures: false })).toThrow(/VIOLATED \|clamp\(x\)\|/);
  });
  it('replays saved fixtures before random cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-vh-'));
    const collector = reportCollector();
    expect(() => checkClaim(broken, { seed: 5, fixtures: dir, collector })).toThrow();
    saveCounterexamples(collector.report(), [broken], dir);
    // The fixture fails the broken solver before any random case, and passes the fixed one.
    expect(() => checkClaim(broken, { seed: 5, fixtures: dir, runs: 1 })).toThrow(/saved counterexample 0 of .*ours\.user\.clamp\.json fails again: \|clamp\(x\)\|: [\d.e+-]+ ≤ 1/);
    expect(checkClaim(clampClaim, { seed: 5, fixtures: dir }).status).toBe('pass');
  });
  it('collects results into a report with HTML', async () => {
    const collector = reportCollector();
    checkClaim(clampClaim, { seed: 3, budget: 'default', fixtures: false, collector });
    checkClaim(clampClaim, { seed: 3, budget: 'default', fixtures: false, collector });
    expect(() => checkClaim(broken, { seed: 3, fixtures: false, collector })).toThrow();
    const rep = collector.report('1.2.3');
    expect(rep.summary).toEqual({ total: 1, pass: 0, fail: 1, error: 0, timeout: 0, verdicts: { fails: 1 } });
    const dir = mkdtempSync(join(tmpdir(), 'tc-vh-'));
    const html = await collector.write(dir, '1.2.3');
    expect(existsSync(html)).toBe(true);
    expect(loadReport(join(dir, 'report.json')).meta.version).toBe('1.2.3');
    expect(describeFailure(rep.results[0], 3)).toContain('THEORYCHECK_SEED=3');
    expect(() => checkClaim(clampClaim, { budget: 'huge' as never })).toThrow(InvalidArgumentError);
  });
});
