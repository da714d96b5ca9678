// EventBridge Scheduler's one-time expression counts whole seconds. A due time with milliseconds is
// rounded up, not down: a timer that fired a fraction of a second early would find its step not yet
// due (the win-back sender did) and nothing would fire it again.

/** `at(yyyy-mm-ddThh:mm:ss)` for the first whole second at or after `iso`. */
export function atExpression(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${iso}`);
  return `at(${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)})`;
}
