import { describe, it } from 'vitest';
import { jmm25Claims } from '../../theorems/jmm25/index.ts';
import { assertClaim } from '../support.ts';

describe('jmm25: Jiang, Maladkar, Mokhtari (COLT 2025), AdaGrad vs SGD', () => {
  for (const claim of jmm25Claims) it(claim.id, () => void assertClaim(claim));
});
