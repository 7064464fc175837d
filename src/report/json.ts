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

/** Fields of a comparison or series marked `timing: true` that hold wall-clock measurements. */
const TIMED_FIELDS = ['measured', 'slack', 'points'];

/**
 * A deep copy of a parsed report without timing fields (for determinism checks): the timing fields
 * themselves, and the measured value, slack or points of comparisons and series marked `timing`.
 */
export function stripTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTimings);
  if (value && typeof value === 'object') {
    const o: Record<string, unknown> = {};
    const timed = (value as { timing?: unknown }).timing === true;
    for (const [k, v] of Object.entries(value)) {
      if ((TIMING_FIELDS as readonly string[]).includes(k)) continue;
      if (timed && TIMED_FIELDS.includes(k)) continue;
      o[k] = stripTimings(v);
    }
    return o;
  }
  return value;
}
