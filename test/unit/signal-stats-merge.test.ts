/**
 * The §5.2 study merged from σ parts (src/signal/studies/stats-merge.ts) equals the single run, and a merged
 * study handed to the claims (useStatsStudy) is checked against the budget's setting and named in their values.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { mergeStatsStudies } from '../../src/signal/studies/stats-merge.ts';
import { statsStudy, type StatsStudy } from '../../src/signal/studies/stats-study.ts';
import { statsErrorHalved, statsStudyFor, statsSubject, useStatsStudy } from '../../theorems/agh21/stats.ts';

const base = { n: 60, s: 1, h: 6, instances: 2, grid: { lambdas: [0.08, 0.32], mus: [0, 0.128] }, seed: 52 };
const sigmas = [0.2, 0.5, 0.9];
const whole = statsStudy({ ...base, sigmas });
// each σ alone (Figure 1's instance is the first σ's, as in the whole run)
const parts = sigmas.map((s) => statsStudy({ ...base, sigmas: [s], figureSigma: sigmas[0] }));

/** Records and table without their wall-clock columns. */
const untimed = (st: StatsStudy): unknown => ({
  setting: st.setting,
  records: st.records.map((r) => ({ ...r, seconds: 0 })),
  table: st.table.map((r) => ({ ...r, seconds: 0, secondsSd: 0 })),
  rounds: Object.fromEntries(Object.entries(st.training).map(([m, t]) => [m, [t.solves, t.meanRounds]])),
  solves: Object.fromEntries(Object.entries(st.trainingTimesMs).map(([m, t]) => [m, t.map((x) => x.length)])),
});

describe('mergeStatsStudies', () => {
  it('equals the single run apart from wall-clock times, whatever the order of the parts', () => {
    const merged = mergeStatsStudies([parts[2], parts[0], parts[1]]);
    expect(untimed(merged)).toEqual(untimed(whole));
    expect(merged.figure?.sigma).toBe(0.2);
    expect(Array.from(merged.figure!.estimates['Decomp-prior'])).toEqual(Array.from(whole.figure!.estimates['Decomp-prior']));
    expect(merged.series.map((s) => s.title)).toEqual(whole.series.map((s) => s.title));
  });

  it('recomputes every timing aggregate exactly from the raw training times', () => {
    // parts carrying the whole run's own times: the merged timing fields must be the whole run's, bit for bit
    const withWholeTimes = parts.map((p, i) => ({
      ...p,
      trainingTimesMs: Object.fromEntries(Object.keys(p.training).map((m) => [m, [whole.trainingTimesMs[m][i]]])),
      training: Object.fromEntries(Object.entries(p.training).map(([m, t]) => [m, { ...t, meanMs: whole.trainingTimesMs[m][i].reduce((a, b) => a + b, 0) / t.solves }])),
    }));
    const merged = mergeStatsStudies(withWholeTimes);
    expect(merged.training).toEqual(whole.training);
    expect(merged.trainingMsBySigma).toEqual(whole.trainingMsBySigma);
    expect(merged.trainingMedianMsBySigma).toEqual(whole.trainingMedianMsBySigma);
    expect(merged.trainingMedianMs).toEqual(whole.trainingMedianMs);
  });

  it('refuses parts that do not form one study, naming the argument', () => {
    const other = statsStudy({ ...base, seed: 53, sigmas: [0.4] });
    const noTimes = { ...parts[1], trainingTimesMs: {} } as StatsStudy;
    for (const [bad, name] of [
      [[], 'parts'],
      [[parts[0], other], 'parts[1].setting'],
      [[parts[0], parts[0]], 'parts[1].setting.sigmas'],
      [[parts[0], noTimes], 'parts[1].trainingTimesMs.L1'],
      [[parts[0], { ...parts[1], figure: parts[0].figure }], 'parts'],
    ] as const) {
      let err: unknown;
      try {
        mergeStatsStudies(bad as unknown as StatsStudy[]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).argument).toBe(name);
    }
  });
});

describe('useStatsStudy', () => {
  it('takes only a study of the budget\'s setting, and the claims name where it was computed', () => {
    expect(() => useStatsStudy('quick', whole, 'elsewhere')).toThrow(InvalidArgumentError);
    // the quick study the claims compute (memoised: free when the claim tests ran in this worker), as one part
    const merged = mergeStatsStudies([statsStudyFor('quick', statsSubject)]);
    expect(() => useStatsStudy('quick', merged, ' ')).toThrow(InvalidArgumentError);
    const restore = useStatsStudy('quick', merged, 'one part, test');
    try {
      const out = statsErrorHalved.check(null, statsSubject, { rng: createRng(1), seed: 1, budget: 'quick' });
      expect(Array.isArray(out)).toBe(false);
      expect((out as { values: Record<string, unknown> }).values['study computed by']).toBe('one part, test');
    } finally {
      restore();
    }
    // the claims' own study again, unnamed (test files share worker processes)
    const own = statsErrorHalved.check(null, statsSubject, { rng: createRng(1), seed: 1, budget: 'quick' }) as { values: Record<string, unknown> };
    expect(own.values['study computed by']).toBeUndefined();
  });
});
