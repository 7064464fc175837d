import { describe, it } from 'vitest';
import { proxClaims } from '../../theorems/dinh-xin/prox.ts';
import { assertClaim } from '../support.ts';

describe('dx.prox (derived / secondary: Zhang & Xin 2017; not statements of Dinh & Xin)', () => {
  for (const claim of proxClaims) it(claim.id, () => void assertClaim(claim));
});
