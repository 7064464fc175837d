/**
 * The claim catalogue: every paper module's claims, in order.
 * The catalogue imports no runner and no reporter.
 */
import type { Claim } from '../src/claims/claim.ts';
import { dinhXinClaims } from './dinh-xin/index.ts';
import { agh21Claims } from './agh21/index.ts';
import { conicClaims } from './conic/index.ts';
import { jmm25Claims } from './jmm25/index.ts';
import { ep21Claims } from './ep21/index.ts';

export const catalogue: Claim[] = [...dinhXinClaims, ...agh21Claims, ...conicClaims, ...jmm25Claims, ...ep21Claims];
