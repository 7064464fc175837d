import { describe, it } from 'vitest';
import { lagrangianClaims } from '../../theorems/agh21/lagrangian.ts';
import { assertClaim } from '../support.ts';

describe('agh21.lagrangian (§4.3 mechanics: breakpoints, subgradient, one-evaluation stop)', () => {
  for (const claim of lagrangianClaims) it(claim.id, () => void assertClaim(claim), 120_000);
});
