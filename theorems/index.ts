/**
 * The claim catalogue: every paper module's claims, in order.
 * The catalogue imports no runner and no reporter.
 */
import type { Claim } from '../src/claims/claim.ts';
import { dinhXinClaims, dinhXinTitle } from './dinh-xin/index.ts';
import { agh21Claims, agh21Title } from './agh21/index.ts';
import { conicClaims, conicTitle } from './conic/index.ts';
import { jmm25Claims, jmm25Title } from './jmm25/index.ts';
import { ep21Claims, ep21Title } from './ep21/index.ts';

export const catalogue: Claim[] = [...dinhXinClaims, ...agh21Claims, ...conicClaims, ...jmm25Claims, ...ep21Claims];

/**
 * Each paper module and the export holding its claims (paths from the package root): a worker
 * process that runs claims of one module loads only that module, not the whole catalogue.
 */
export const catalogueParts: { module: string; exportName: string }[] = [
  { module: 'theorems/dinh-xin/index.ts', exportName: 'dinhXinClaims' },
  { module: 'theorems/agh21/index.ts', exportName: 'agh21Claims' },
  { module: 'theorems/conic/index.ts', exportName: 'conicClaims' },
  { module: 'theorems/jmm25/index.ts', exportName: 'jmm25Claims' },
  { module: 'theorems/ep21/index.ts', exportName: 'ep21Claims' },
];

/** Display names of the papers (reports show them by paper key). */
export const papers: Record<string, string> = { dx: dinhXinTitle, agh21: agh21Title, conic: conicTitle, jmm25: jmm25Title, ep21: ep21Title };
