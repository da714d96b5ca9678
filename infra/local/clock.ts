// The local stack's controllable clock: real time plus an offset that only grows. The offset lives
// in a SharedArrayBuffer so the worker threads running Lambda handlers follow it (`followClock`).
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './journal.ts';

const FOLLOWED = Symbol.for('aftersales.local.followClock');

interface FollowState {
  originalDate: DateConstructor;
  offset: Float64Array;
}

type PatchedGlobal = typeof globalThis & { [FOLLOWED]?: FollowState };

/** The unpatched `Date`, even when this module loads after `followClock` patched the global. */
function originalDate(): DateConstructor {
  return (globalThis as PatchedGlobal)[FOLLOWED]?.originalDate ?? Date;
}

/** Wall-clock milliseconds, ignoring any offset. */
export function realNow(): number {
  return originalDate().now();
}

export class LocalClock {
  /** One Float64: the offset in milliseconds added to real time. Share it with worker threads. */
  readonly buffer: SharedArrayBuffer;
  private readonly offset: Float64Array;

  /**
   * `file` (persistent mode) keeps the offset across restarts, a hard kill included: a clock moved
   * to day 3 of a replay is still on day 3 (plus the real time that passed) when the stack is back.
   */
  constructor(start?: Date, private readonly file?: string) {
    this.buffer = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
    this.offset = new Float64Array(this.buffer);
    if (start) this.offset[0] = start.getTime() - realNow();
    else if (file && existsSync(file)) this.offset[0] = Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }).offsetMs) || 0;
  }

  private save(): void {
    if (this.file) writeFileAtomic(this.file, JSON.stringify({ offsetMs: this.offset[0] }));
  }

  nowMs(): number {
    return realNow() + this.offset[0]!;
  }

  now(): Date {
    return new (originalDate())(this.nowMs());
  }

  /** The offset from real time in milliseconds. */
  get offsetMs(): number {
    return this.offset[0]!;
  }

  /** Moves the clock to `date`. The clock only moves forward: an earlier time throws. */
  set(date: Date): void {
    const target = date.getTime();
    if (!Number.isFinite(target)) throw new RangeError('LocalClock.set: the date is invalid');
    const now = this.nowMs();
    if (target < now) {
      throw new RangeError(
        `LocalClock.set: ${new (originalDate())(target).toISOString()} is before the current local time ${new (originalDate())(now).toISOString()}; the clock only moves forward`,
      );
    }
    this.offset[0] = target - realNow();
    this.save();
  }

  /** Moves the clock forward by `ms` milliseconds (0 or more). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`LocalClock.advance: ${ms} is not a non-negative number of milliseconds; the clock only moves forward`);
    this.offset[0] = this.offset[0]! + ms;
    this.save();
  }
}

/**
 * Makes this thread's global `Date` follow the clock whose `buffer` is given: `Date.now()`,
 * `new Date()` and `Date()` read real time plus the shared offset; every other use of `Date`
 * (`new Date(x)`, `Date.UTC`, `instanceof Date`, subclasses) is untouched. Meant for worker
 * threads; calling it again switches to another buffer. Returns a function that restores `Date`.
 */
export function followClock(buffer: SharedArrayBuffer): () => void {
  const global = globalThis as PatchedGlobal;
  const existing = global[FOLLOWED];
  if (existing) {
    existing.offset = new Float64Array(buffer);
    return () => unfollowClock();
  }
  const RealDate = Date;
  const state: FollowState = { originalDate: RealDate, offset: new Float64Array(buffer) };
  const now = () => RealDate.now() + state.offset[0]!;
  const Patched: DateConstructor = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === Patched ? target : newTarget);
    },
    apply() {
      // `Date()` called as a function returns the current time as a string.
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return now;
      return Reflect.get(target, property, receiver);
    },
  });
  global[FOLLOWED] = state;
  globalThis.Date = Patched;
  return () => unfollowClock();
}

function unfollowClock(): void {
  const global = globalThis as PatchedGlobal;
  const state = global[FOLLOWED];
  if (!state) return;
  globalThis.Date = state.originalDate;
  delete global[FOLLOWED];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration such as `P14D`, `PT2H30M`, `P1DT12H`, `P2W` or `PT0.5S` into
 * milliseconds. Weeks are 7 days and days are exactly 24 hours. Years and months are refused:
 * they have no fixed length, so write them in days (e.g. `P30D`). Negative durations are refused.
 */
export function parseIsoDuration(text: string): number {
  const examples = 'e.g. P14D, PT2H30M, P1DT12H or P2W';
  if (typeof text !== 'string') throw new TypeError(`an ISO 8601 duration must be a string, ${examples}`);
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw new RangeError(`'${text}' is not an ISO 8601 duration (${examples})`);
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  if (years !== undefined || months !== undefined) {
    throw new RangeError(`'${text}' uses years or months, which have no fixed length; give the duration in weeks, days or hours instead (${examples})`);
  }
  const num = (value: string | undefined) => (value === undefined ? 0 : Number(value.replace(',', '.')));
  const ms = num(weeks) * 7 * DAY_MS + num(days) * DAY_MS + num(hours) * 3_600_000 + num(minutes) * 60_000 + num(seconds) * 1000;
  if (!Number.isFinite(ms)) throw new RangeError(`'${text}' is too long a duration`);
  return Math.round(ms);
}
