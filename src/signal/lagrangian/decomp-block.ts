/**
 * Adapter: the decomp relaxation of one block (θ_j of (40a)) solved by
 * Algorithm 1 from src/signal/relax, with the block's extra linear terms.
 * Placeholder until src/signal/relax/decomp lands.
 */
import type { SegmentProblem, SegmentResult } from './segments.ts';

export function decompBlock(p: SegmentProblem): SegmentResult {
  throw new Error(`decomp block solver not available yet (block ${p.index})`);
}
