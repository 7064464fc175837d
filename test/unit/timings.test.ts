import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineClaim, ge, le, timed } from '../../src/claims/claim.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { stripTimings } from '../../src/report/json.ts';
import { parseReportText } from '../../src/report/load.ts';
import { runCatalogue } from '../../src/runner/run-catalogue.ts';
import { reportToJson } from '../../src/report/json.ts';

/** A claim that times itself: the times differ between runs, everything else must not. */
function timingClaim(spin: number) {
  return defineClaim({
    id: 'test.timed', paper: 'conic', location: 'test', title: 'timed', statement: 'a check with wall-clock measurements',
    hypotheses: [], kind: 'bound', provenance: 'ours', tolerance: { value: 1, reason: 'test' }, budget: { quick: 2, default: 2, thorough: 2 },
    subject: null, instances: fc.integer({ min: 1, max: 5 }),
    check: (k: number) => {
      const t0 = performance.now();
      let x = 0;
      for (let i = 0; i < spin; i++) x += Math.sqrt(i + k);
      const sec = (performance.now() - t0) / 1000 + 1e-9 * (x > 0 ? 1 : 0);
      return {
        comparisons: [ge('k', k, 1), timed(le('seconds of the loop', sec, 60, 's'))],
        values: { k },
        timings: { 'loop s': sec },
        series: [{ title: 'time', mark: 'point', x: 'k', y: 's', timing: true, points: [{ x: k, y: sec }] }],
      };
    },
  });
}

describe('wall-clock measurements are timing fields', () => {
  it('timings reach the result; stripTimings removes them and the measured value of timed comparisons and series', async () => {
    const a = runClaim(timingClaim(10), { rootSeed: 3, budget: 'quick' });
    const b = runClaim(timingClaim(200_000), { rootSeed: 3, budget: 'quick' });
    expect(a.status).toBe('pass');
    expect(a.timings?.['loop s']).toBeGreaterThan(0);
    expect(a.timings?.['loop s']).not.toBe(b.timings?.['loop s']);
    const timedA = a.worst.find((c) => c.quantity === 'seconds of the loop')!;
    expect(timedA.timing).toBe(true);
    const strip = (r: unknown) => stripTimings(JSON.parse(JSON.stringify(r)));
    expect(strip(a)).toEqual(strip(b));
    // an untimed comparison is still compared
    const c = runClaim(timingClaim(10), { rootSeed: 4, budget: 'quick' });
    expect(strip(c)).not.toEqual(strip(a));
    // the report schema reads them back
    const rep = await runCatalogue([timingClaim(10)], { version: 't', gitCommit: null, selection: [], shard: null }, { rootSeed: 3, budget: 'quick', jobs: 0 });
    const back = parseReportText(reportToJson(rep), 'r.json');
    expect(back.results[0]!.timings?.['loop s']).toBeGreaterThan(0);
  });

  it('checks without timings produce results without the field (reports of other claims unchanged)', () => {
    const plain = defineClaim({ ...timingClaim(1), id: 'test.plain', check: (k: number) => ge('k', k, 1) });
    expect('timings' in runClaim(plain, { rootSeed: 1, budget: 'quick' })).toBe(false);
  });
});
