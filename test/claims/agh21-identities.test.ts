import { describe, it } from 'vitest';
import { identityClaims } from '../../theorems/agh21/identities.ts';
import { assertClaim } from '../support.ts';

describe('agh21 identities (ℓ1 = shifted smoothing, big-M relaxation = ℓ1 with μ/M, persp = reverse Huber)', () => {
  for (const claim of identityClaims) it(claim.id, () => void assertClaim(claim), 60_000);
});
