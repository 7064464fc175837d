/**
 * JSON report (schema version in `meta.schemaVersion`, documented in
 * reports/README.md). Serialisation is deterministic: keys in a fixed order,
 * non-finite numbers as strings. `stripTimings` removes the only fields that
 * differ between two runs with the same seed and version.
 */
import type { Report } from '../runner/result.ts';
import { TIMING_FIELDS } from '../runner/result.ts';
import { toJsonSafe } from '../runner/run-claim.ts';

/** The report as JSON text. */
export function reportToJson(report: Report): string {
  return JSON.stringify(toJsonSafe(report), null, 2) + '\n';
}

/** A deep copy of a parsed report without timing fields (for determinism checks). */
export function stripTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTimings);
  if (value && typeof value === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if ((TIMING_FIELDS as readonly string[]).includes(k)) continue;
      o[k] = stripTimings(v);
    }
    return o;
  }
  return value;
}
