import { describe, it } from 'vitest';
import { convergesToUnstrengthenedClaim, lagrangianClaims } from '../../theorems/agh21/lagrangian.ts';
import { assertClaim } from '../support.ts';

describe('agh21.lagrangian (§4.3 mechanics: breakpoints, subgradient, one-evaluation stop, the limit)', () => {
  for (const claim of lagrangianClaims) it(claim.id, () => void assertClaim(claim), 120_000);
  it(`${convergesToUnstrengthenedClaim.id} (default budget)`, () => void assertClaim(convergesToUnstrengthenedClaim, 'default'), 300_000);
});
