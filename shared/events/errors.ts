// Errors raised when an event does not fit its definition, with messages naming the field path
// (`detail.lines[0].quantity`) so a dead-lettered event or a failed publish says what is wrong.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** `['lines', 0, 'quantity']` as `lines[0].quantity`; the empty path as `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || '(root)';
}

function describeIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): string {
  const shown = issues.slice(0, 5).map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
  if (issues.length > shown.length) shown.push(`(+${issues.length - shown.length} more)`);
  return shown.join('; ');
}

/** A detail that breaks its event's schema, found before publishing. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  /** Paths of the offending fields, relative to the detail. */
  readonly paths: string[];

  constructor(
    readonly source: string,
    readonly detailType: string,
    readonly issues: readonly Issue[],
    context = '',
  ) {
    super(`Invalid ${source} ${detailType} detail${context}: ${describeIssues(issues, [])}`);
    this.paths = issues.map((issue) => formatPath(issue.path));
  }
}

/** A received event that is not what the consumer expects: envelope, source/detail-type or detail. */
export class EventParseError extends Error {
  override readonly name: string = 'EventParseError';
  /** Paths of the offending fields, relative to the event (`detail.orderId`, `source`). */
  readonly paths: string[];

  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
    prefix: readonly PropertyKey[] = [],
  ) {
    super(issues.length ? `${message}: ${describeIssues(issues, prefix)}` : message);
    this.paths = issues.map((issue) => formatPath([...prefix, ...issue.path]));
  }
}

/** A received event whose source and detail-type are not in the catalogue. */
export class UnknownEventError extends EventParseError {
  override readonly name = 'UnknownEventError';

  constructor(
    readonly source: string,
    readonly detailType: string,
  ) {
    super(`${source} ${detailType} is not in the event catalogue`);
  }
}

/** The value at `path` inside `value`, or undefined where the path leaves the data. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
