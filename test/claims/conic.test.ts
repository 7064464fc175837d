import { describe, it } from 'vitest';
import { conicClaims } from '../../theorems/conic/index.ts';
import { assertClaim } from '../support.ts';

describe('conic solver claims (ours; AGH21 Example 1 derived)', () => {
  for (const claim of conicClaims) it(claim.id, () => void assertClaim(claim));
});
