import { describe, it } from 'vitest';
import { cuttingPlaneClaims } from '../../theorems/ep21/cutting-plane.ts';
import { ep21Claims } from '../../theorems/ep21/index.ts';
import { assertClaim } from '../support.ts';

describe('ep21 (Ergen & Pilanci JMLR 2021; the ICML 2020 convex program)', () => {
  // the cutting-plane claims have their own file (ep21-cutting-plane.test.ts)
  const own = new Set<string>(cuttingPlaneClaims.map((c) => c.id));
  for (const claim of ep21Claims.filter((c) => !own.has(c.id))) it(claim.id, () => void assertClaim(claim), 120_000);
});
