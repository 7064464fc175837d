/**
 * Loader of the accelerometer activity series of §5.1 (data and provenance in
 * src/signal/data/README.md; UCI data, CC BY 4.0).
 *
 * File format: line 1 = row count (`13800,`), then one row per line with two
 * comma-separated numbers — the transformed value (mean |Δ| of 10 raw samples)
 * and the same value scaled to max 1. The paper's model (41) uses y with
 * ‖y‖∞ = 1; we return `y = raw / max(raw)` (so ‖y‖∞ = 1 exactly) and check
 * that the file's own scaled column agrees with it to `SCALED_TOL`.
 *
 * Malformed files (missing values, text, negative or non-finite values, a row
 * count that does not match) throw {@link DataFormatError} naming the 1-based
 * line number.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TheorycheckError } from '../core/errors.ts';

/** Path of the shipped copy of the series. */
export const ACCELEROMETER_PATH = fileURLToPath(new URL('./data/accelerometer.csv', import.meta.url));

/** Agreement required between the file's scaled column and raw/max(raw) (file states 5e-10). */
export const SCALED_TOL = 1e-8;

/** A malformed data file; `line` is 1-based. */
export class DataFormatError extends TheorycheckError {
  override name = 'DataFormatError';
  constructor(
    readonly source: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${source}:${line}: ${reason}`);
  }
}

/** The loaded series. */
export interface AccelerometerSeries {
  /** Column 1: mean absolute successive difference per window of 10 raw samples. */
  raw: Float64Array;
  /** y = raw / max(raw), the data of model (41) (‖y‖∞ = 1, all entries ≥ 0). */
  y: Float64Array;
  /** Column 2 as printed in the file (scaled by its authors). */
  scaledColumn: Float64Array;
  /** Number of observations n. */
  n: number;
  /** Where it was read from. */
  source: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseField(field: string | undefined, source: string, line: number, column: number): number {
  const f = (field ?? '').trim();
  if (f === '') throw new DataFormatError(source, line, `missing value in column ${column}`);
  if (!NUMBER.test(f)) throw new DataFormatError(source, line, `column ${column} is not a number: ${JSON.stringify(f.slice(0, 40))}`);
  const v = Number(f);
  if (!Number.isFinite(v)) throw new DataFormatError(source, line, `column ${column} is not finite: ${f}`);
  if (v < 0) throw new DataFormatError(source, line, `column ${column} is negative (${f}); the model needs y >= 0`);
  return v;
}

/** Parse the text of an accelerometer file (see the module comment for the format). */
export function parseAccelerometerCsv(text: string, source = '<string>'): AccelerometerSeries {
  if (typeof text !== 'string') throw new DataFormatError(source, 0, 'expected the file text as a string');
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new DataFormatError(source, 1, 'empty file');
  const header = lines[0].split(',');
  const countField = header[0].trim();
  if (!/^\d+$/.test(countField)) throw new DataFormatError(source, 1, `header must be the row count, got ${JSON.stringify(lines[0].slice(0, 40))}`);
  const n = Number(countField);
  if (n < 1) throw new DataFormatError(source, 1, 'row count must be >= 1');
  if (lines.length - 1 !== n) {
    throw new DataFormatError(source, Math.min(lines.length, n + 1) + (lines.length - 1 < n ? 1 : 0),
      `header announces ${n} rows but the file has ${lines.length - 1}`);
  }
  const raw = new Float64Array(n);
  const scaledColumn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lineNo = i + 2;
    const parts = lines[i + 1].split(',');
    if (parts.length > 2 && parts.slice(2).some((p) => p.trim() !== '')) {
      throw new DataFormatError(source, lineNo, `expected 2 columns, got ${parts.length}`);
    }
    raw[i] = parseField(parts[0], source, lineNo, 1);
    scaledColumn[i] = parseField(parts[1], source, lineNo, 2);
  }
  let max = 0;
  for (let i = 0; i < n; i++) if (raw[i] > max) max = raw[i];
  if (max === 0) throw new DataFormatError(source, 2, 'all values are zero; cannot scale to max 1');
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = raw[i] / max;
    if (Math.abs(y[i] - scaledColumn[i]) > SCALED_TOL) {
      throw new DataFormatError(source, i + 2,
        `scaled column ${scaledColumn[i]} disagrees with raw/max(raw) = ${y[i]} by more than ${SCALED_TOL}`);
    }
  }
  return { raw, y, scaledColumn, n, source };
}

/** Load the accelerometer series (default: the shipped copy). */
export function loadAccelerometer(path: string = ACCELEROMETER_PATH): AccelerometerSeries {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataFormatError(path, 0, `cannot read file: ${(e as Error).message}`);
  }
  return parseAccelerometerCsv(text, path);
}
