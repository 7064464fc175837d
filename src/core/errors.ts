/**
 * Typed errors. Every public entry validates its arguments and throws one of
 * these; the CLI prints `error.message` on one line and exits 2.
 */

/** Base class of every error theorycheck throws on purpose. */
export class TheorycheckError extends Error {
  override name = 'TheorycheckError';
}

/** An argument of a public function is invalid. `argument` names it. */
export class InvalidArgumentError extends TheorycheckError {
  override name = 'InvalidArgumentError';
  constructor(
    /** Name of the offending argument, e.g. `tau` or `y[3]`. */
    readonly argument: string,
    /** The offending value (shown abbreviated in the message). */
    readonly value: unknown,
    /** What was expected, e.g. `a finite number >= 0`. */
    readonly expected: string,
  ) {
    super(`invalid argument ${argument} = ${describeValue(value)}: expected ${expected}`);
  }
}

/** A command-line usage error (unknown option, unknown claim id, ...). */
export class UsageError extends TheorycheckError {
  override name = 'UsageError';
}

/** Render a value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const arr = value as ArrayLike<unknown>;
    const head = Array.from({ length: Math.min(arr.length, 4) }, (_, i) => describeValue(arr[i]));
    return `[${head.join(', ')}${arr.length > 4 ? ', …' : ''}] (length ${arr.length})`;
  }
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return String(value);
}
