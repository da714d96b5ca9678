// Schedule expressions: at(yyyy-mm-ddThh:mm:ss) in an IANA time zone, and rate(value unit).
// cron(...) is refused: the local stack does not evaluate cron expressions.
import { validation } from './types.ts';

export type ParsedExpression = { kind: 'at'; at: Date } | { kind: 'rate'; periodMs: number };

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Throws a ValidationException unless `timeZone` is a time zone Intl knows (IANA names, UTC). */
export function checkTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw validation(`ScheduleExpressionTimezone: '${timeZone}' is not a valid time zone; use an IANA name such as Europe/Berlin or America/New_York`);
  }
}

/** The zone's offset from UTC, in ms, at the given instant (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall-clock time `wall` (fields read as if UTC) occurs in `timeZone`.
 * A time that occurs twice (clocks going back) resolves to the earlier instant; a time that does
 * not exist (clocks going forward) is moved forward by the length of the gap, like Temporal's
 * 'compatible' disambiguation.
 */
export function zonedTimeToInstant(wall: number, timeZone: string): Date {
  const day = 86_400_000;
  const before = offsetAt(wall - day, timeZone);
  const after = offsetAt(wall + day, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - offsetAt(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before);
}

/** Parses a schedule expression, refusing anything but at() and rate(). */
export function parseScheduleExpression(expression: string, timeZone = 'UTC'): ParsedExpression {
  const text = expression.trim();
  const at = AT.exec(text);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [number, number, number, number, number, number];
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(wall);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
      throw validation(`ScheduleExpression: ${expression} is not a valid date and time; the format is at(yyyy-mm-ddThh:mm:ss)`);
    }
    checkTimeZone(timeZone);
    return { kind: 'at', at: zonedTimeToInstant(wall, timeZone) };
  }
  const rate = RATE.exec(text);
  if (rate) {
    const value = Number(rate[1]);
    if (!Number.isSafeInteger(value) || value < 1) throw validation(`ScheduleExpression: the value in ${expression} must be a positive integer`);
    return { kind: 'rate', periodMs: value * UNIT_MS[rate[2]!.replace(/s$/, '')]! };
  }
  if (/^cron\(.*\)$/s.test(text)) {
    throw validation(
      `ScheduleExpression: ${expression} is a cron expression, which the local stack does not evaluate; it supports at(yyyy-mm-ddThh:mm:ss) and rate(value unit) only`,
    );
  }
  throw validation(
    `ScheduleExpression: '${expression}' is not a valid schedule expression; use at(yyyy-mm-ddThh:mm:ss) or rate(value minutes|hours|days)`,
  );
}

/**
 * The first occurrence of a rate schedule anchored at `anchor` that is at or after `from`
 * (strictly after when `exclusive`), or undefined when it would fall after `end`.
 */
export function nextRateOccurrence(anchor: number, periodMs: number, from: number, exclusive: boolean, end?: number): Date | undefined {
  let steps = from <= anchor ? 0 : Math.ceil((from - anchor) / periodMs);
  if (exclusive && anchor + steps * periodMs <= from) steps++;
  const next = anchor + steps * periodMs;
  return end !== undefined && next > end ? undefined : new Date(next);
}
