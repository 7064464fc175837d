import { describe, expect, it } from 'vitest';
import { accelAverageGaps, scaleClaims } from '../../theorems/agh21/scale.ts';
import { assertClaim, runForTest } from '../support.ts';

describe('agh21.scale (Lagrangian decomposition §4.3, accelerometer §5.1, Table 3 §5.3) — quick budget', () => {
  for (const claim of scaleClaims.filter((c) => c !== accelAverageGaps)) {
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
