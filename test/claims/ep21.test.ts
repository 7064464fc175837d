import { describe, it } from 'vitest';
import { ep21Claims } from '../../theorems/ep21/index.ts';
import { assertClaim } from '../support.ts';

describe('ep21 (Ergen & Pilanci JMLR 2021; the ICML 2020 convex program)', () => {
  for (const claim of ep21Claims) it(claim.id, () => void assertClaim(claim), 120_000);
});
