import { describe, it } from 'vitest';
import { exactClaims } from '../../theorems/agh21/exact.ts';
import { generatorClaims } from '../../theorems/agh21/generator.ts';
import { assertClaim } from '../support.ts';

describe('agh21.exact (ground truth: brute force, path DPs, big-M, Propositions 2–3, Examples)', () => {
  for (const claim of exactClaims) it(claim.id, () => void assertClaim(claim), 60_000);
});

describe('agh21.generator (§5.2.1 generator, Table 2)', () => {
  for (const claim of generatorClaims) it(claim.id, () => void assertClaim(claim), 60_000);
});
