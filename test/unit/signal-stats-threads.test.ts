/**
 * The §5.2 study on worker threads: the same result as in one thread, controls stay in the calling thread, a
 * unit's failure in a worker names σ and the instance, a silent worker cannot hang the study, bad `threads`.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { UnitFailedError } from '../../src/core/sync-pool.ts';
import { l1Estimator, type StatsEstimator } from '../../src/signal/studies/stats-estimators.ts';
import { statsStudy, statsValues, type StatsStudy, type StatsStudyOptions } from '../../src/signal/studies/stats-study.ts';

const tiny: StatsStudyOptions = { n: 100, s: 1, h: 10, sigmas: [0.3, 0.9], instances: 2, grid: { lambdas: [0.08, 0.32], mus: [0, 0.128] }, seed: 52, methods: ['L1', 'Decomp-sparse'] };
// a few CPU-seconds in all; the generous limits are for a machine busy with other work
const SLOW = 600_000;

/** Everything but wall-clock fields. */
const untimed = (st: StatsStudy) => ({
  records: st.records.map(({ seconds: _s, ...r }) => r),
  table: st.table.map(({ seconds: _s, secondsSd: _d, ...r }) => r),
  values: statsValues(st),
  solves: Object.values(st.training).map((t) => [t.solves, t.meanRounds]),
  figure: st.figure,
  series: st.series.filter((s) => !s.timing),
});

describe('statsStudy on threads', () => {
  it('threads: 2 gives the records, table, values and figure of threads: 1', () => {
    const one = statsStudy(tiny);
    const two = statsStudy({ ...tiny, threads: 2 });
    expect(untimed(two)).toEqual(untimed(one));
    expect(two.figure!.y).toBeInstanceOf(Float64Array);
    expect(Object.values(two.figure!.estimates).every((x) => x instanceof Float64Array)).toBe(true);
    expect(two.trainingMsBySigma.L1.length).toBe(2);
  }, SLOW);
  it('every unit in the workers (none in the caller) gives the same result', () => {
    const o = { ...tiny, methods: ['L1' as const], instances: 3 };
    expect(untimed(statsStudy({ ...o, threads: 3 }, { callerRuns: false }))).toEqual(untimed(statsStudy(o)));
  }, SLOW);
  it('a control estimator runs in the calling thread and gives its own result', () => {
    let calls = 0;
    const shrunk: StatsEstimator = (y, lambda, mu, prior) => {
      calls++;
      const r = l1Estimator(y, lambda, mu, prior);
      return { ...r, x: r.x.map((v) => v / 2) };
    };
    const o = { ...tiny, methods: ['L1' as const] };
    const st = statsStudy({ ...o, estimators: { L1: shrunk }, threads: 2 });
    // every grid solve and test solve ran here (the two criteria may share a test solve): 4 units × (4 + 1 or 2)
    expect(calls).toBeGreaterThanOrEqual(4 * 5);
    expect(calls).toBeLessThanOrEqual(4 * 6);
    expect(st.records.map((r) => r.error)).not.toEqual(statsStudy(o).records.map((r) => r.error));
  });
  it('an onPhase hook keeps the study in the calling thread (every phase is reported, in order)', () => {
    const phases: string[] = [];
    statsStudy({ ...tiny, methods: ['L1'], threads: 2, onPhase: (p) => phases.push(`${p.kind} ${p.sigma} ${p.instance}`) });
    expect(phases.filter((p) => p.startsWith('test-generated'))).toEqual(['test-generated 0.3 0', 'test-generated 0.3 1', 'test-generated 0.9 0', 'test-generated 0.9 1']);
  });
  it('a unit that throws in a worker surfaces as an error naming σ and the instance, with the original message', () => {
    // λ = 1e12 passes the grid check but the solver refuses it (Q's condition number)
    const o = { ...tiny, sigmas: [0.9], instances: 1, methods: ['L1' as const], grid: { lambdas: [1e12], mus: [0] }, threads: 2 };
    const e = (() => {
      try {
        statsStudy(o, { callerRuns: false });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(UnitFailedError);
    expect((e as Error).message).toMatch(/σ = 0\.9, instance 0: InvalidArgumentError: invalid argument lambda = 1000000000000/);
    // the same failure in the calling thread is named the same way
    expect(() => statsStudy({ ...o, instances: 2 })).toThrow(/σ = 0\.9, instance [01]: InvalidArgumentError/);
  }, SLOW);
  it('a worker that delivers nothing within the no-progress time fails the study instead of hanging', () => {
    // the worker needs far longer than 1 ms to start, so nothing arrives in time
    expect(() => statsStudy({ ...tiny, methods: ['L1'], threads: 2 }, { callerRuns: false, noProgressMs: 1 })).toThrow(/no unit completed in 1 ms \(0 of 4 done\)/);
  });
  it('bad threads values (and repeated methods) name the argument', () => {
    expect(() => statsStudy({ ...tiny, methods: ['L1', 'L1'] })).toThrow(/methods/);
    for (const threads of [0, 1.5, 'x', 257]) {
      try {
        statsStudy({ ...tiny, threads: threads as number });
        throw new Error(`threads = ${threads} accepted`);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).argument).toBe('threads');
      }
    }
  });
});
