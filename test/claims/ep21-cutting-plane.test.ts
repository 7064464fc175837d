import { describe, it } from 'vitest';
import { cuttingPlaneClaims } from '../../theorems/ep21/cutting-plane.ts';
import { assertClaim } from '../support.ts';

describe('ep21 cutting plane (Ergen & Pilanci JMLR 2021, Algorithms 1 and 3)', () => {
  for (const claim of cuttingPlaneClaims) it(claim.id, () => void assertClaim(claim), 120_000);
});
