/**
 * mathjs, loaded on first use. It serves as a small trusted reference in a few
 * checks, and importing it costs more CPU than most claim runs, so a selection
 * that never calls it never loads it.
 */
import { createRequire } from 'node:module';

type MathJs = typeof import('mathjs');
let loaded: MathJs | undefined;

/** The mathjs namespace (synchronous; loaded once). */
export function mathjs(): MathJs {
  return (loaded ??= createRequire(import.meta.url)('mathjs') as MathJs);
}
