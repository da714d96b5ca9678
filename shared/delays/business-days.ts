// Business-day arithmetic in a shop's time zone, with Intl only. Days are stepped as calendar
// dates (YYYY-MM-DD), never as 24-hour blocks, so a DST switch cannot shift a deadline; only the
// final "end of that local day" is converted to an instant, with the offset in force then.
const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  timeZone: string;
  /** Working weekdays (ISO: 1 = Monday ... 7 = Sunday); at least one. */
  businessDays: readonly number[];
  /** Closed dates in the shop's time zone. */
  holidays: readonly LocalDate[];
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time of `instant` in `timeZone`. Throws a RangeError for an unknown zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The calendar date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Milliseconds `timeZone` is ahead of UTC at `instant` (Paris in summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names. Two passes settle the offset across a DST
 * switch; a time in a spring-forward gap resolves to the instant just after it.
 */
export function zonedTimeToInstant(local: LocalParts, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}

function parseDate(date: LocalDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  const { year, month, day } = parseDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as IsoWeekday;
}

export function isBusinessDay(date: LocalDate, calendar: Pick<BusinessCalendar, 'businessDays' | 'holidays'>): boolean {
  return calendar.businessDays.includes(isoWeekday(date)) && !calendar.holidays.includes(date);
}

/** The last second of `date` in `timeZone` (23:59:59 local), as an instant. */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTimeToInstant({ ...parseDate(date), hour: 23, minute: 59, second: 59 }, timeZone);
}

// Ten years of closed days would be a configuration mistake, not a calendar.
const maxSteps = 3660;

function nextBusinessDay(date: LocalDate, calendar: BusinessCalendar): LocalDate {
  let current = date;
  for (let step = 0; step < maxSteps; step++) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, calendar)) return current;
  }
  throw new RangeError('the calendar has no business day within ten years');
}

/**
 * The business date `days` business days after the one `from` falls on. A start on a closed day
 * counts from the next business day (an order placed on Saturday with one handling day ships by
 * Tuesday, as on Monday); zero days is the start's business date itself.
 */
export function addBusinessDate(from: Date, days: number, calendar: BusinessCalendar): LocalDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`business days must be a non-negative integer, got ${days}`);
  if (!calendar.businessDays.some((day) => Number.isInteger(day) && day >= 1 && day <= 7)) throw new RangeError('a calendar needs at least one business day');
  let date = localDateOf(from, calendar.timeZone);
  if (!isBusinessDay(date, calendar)) date = nextBusinessDay(date, calendar);
  for (let counted = 0; counted < days; counted++) date = nextBusinessDay(date, calendar);
  return date;
}

/** The end (23:59:59 local) of the business day `days` business days after `from`, as an instant. */
export function addBusinessDays(from: Date, days: number, calendar: BusinessCalendar): Date {
  return endOfLocalDay(addBusinessDate(from, days, calendar), calendar.timeZone);
}

/** The end (23:59:59 local) of the calendar day `days` days after the one `from` falls on. */
export function addLocalCalendarDays(from: Date, days: number, timeZone: string): Date {
  return endOfLocalDay(addCalendarDays(localDateOf(from, timeZone), days), timeZone);
}
