import { describe, expect, it } from 'vitest';
import { accelAverageGaps, scaleClaims, table3DecompositionWins, table3UnderMinute } from '../../theorems/agh21/scale.ts';
import { assertClaim, assertTimingRun, runForTest } from '../support.ts';

/**
 * Claims whose only comparisons are wall-clock times (measured: time(m=30)/time(m=1) at κ = 0.01 is 0.48
 * alone, 0.63–0.77 under coverage, 1.01 under coverage with a second test worker): run, not judged.
 */
const TIMING_ONLY = new Set<string>([table3DecompositionWins.id, table3UnderMinute.id]);

describe('agh21.scale (Lagrangian decomposition §4.3, accelerometer §5.1, Table 3 §5.3) — quick budget', () => {
  for (const claim of scaleClaims.filter((c) => TIMING_ONLY.has(c.id))) {
    it(`${claim.id}: runs and measures (wall-clock: the verdict depends on the load)`, () => void assertTimingRun(claim), 600_000);
  }
  for (const claim of scaleClaims.filter((c) => c !== accelAverageGaps && !TIMING_ONLY.has(c.id))) {
    it(claim.id, () => {
      const r = assertClaim(claim);
      // every study claim runs a miniature at quick: a pass is consistent at reduced scale, never confirmed
      if (claim.paperScale && claim.provenance === 'paper') expect(r.verdict).toBe('consistent-at-reduced-scale');
    }, 600_000);
  }
  it(`${accelAverageGaps.id}: a miniature's averages are not the grid's — not reproduced at reduced scale`, () => {
    const r = runForTest(accelAverageGaps);
    expect(r.status).toBe('fail');
    expect(r.verdict).toBe('not-reproduced');
    expect(r.scale.full).toBe(false);
    expect(r.published.map((p) => p.key)).toEqual(['l1-average-gap', 'decomp-average-gap']);
  }, 600_000);
});
