import { describe, it } from 'vitest';
import { relaxClaims } from '../../theorems/agh21/relax.ts';
import { assertClaim } from '../support.ts';

describe('agh21.relax (relaxations, Algorithm 1, examples, branch-and-bound)', () => {
  for (const claim of relaxClaims) it(claim.id, () => void assertClaim(claim));
});
