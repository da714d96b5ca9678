import { describe, expect, it } from 'vitest';
import {
  addBusinessDate,
  addBusinessDays,
  addCalendarDays,
  addLocalCalendarDays,
  endOfLocalDay,
  isBusinessDay,
  isoWeekday,
  localDateOf,
  zonedTimeToInstant,
  type BusinessCalendar,
} from '../../../shared/delays/business-days.ts';

const weekdays = [1, 2, 3, 4, 5];
const cal = (timeZone: string, holidays: string[] = [], businessDays = weekdays): BusinessCalendar => ({ timeZone, businessDays, holidays });
const add = (from: string, days: number, calendar: BusinessCalendar) => addBusinessDays(new Date(from), days, calendar).toISOString();

describe('calendar dates', () => {
  it('knows weekdays and steps across month and year ends', () => {
    expect(isoWeekday('2024-05-06')).toBe(1);
    expect(isoWeekday('2024-05-12')).toBe(7);
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isBusinessDay('2024-05-11', cal('UTC'))).toBe(false);
    expect(isBusinessDay('2024-05-08', cal('UTC', ['2024-05-08']))).toBe(false);
  });

  it('reads the local date of an instant in the shop time zone, not the UTC date', () => {
    expect(localDateOf(new Date('2024-03-09T04:00:00Z'), 'America/Los_Angeles')).toBe('2024-03-08');
    expect(localDateOf(new Date('2024-12-27T16:00:00Z'), 'Asia/Tokyo')).toBe('2024-12-28');
    expect(localDateOf(new Date('2024-12-31T23:30:00Z'), 'Europe/Paris')).toBe('2025-01-01');
  });

  it('ends a local day at 23:59:59 with the offset in force that day', () => {
    expect(endOfLocalDay('2024-01-15', 'Europe/Paris').toISOString()).toBe('2024-01-15T22:59:59.000Z');
    expect(endOfLocalDay('2024-07-15', 'Europe/Paris').toISOString()).toBe('2024-07-15T21:59:59.000Z');
    expect(endOfLocalDay('2024-03-31', 'Europe/Paris').toISOString()).toBe('2024-03-31T21:59:59.000Z');
    expect(endOfLocalDay('2024-10-27', 'Europe/Paris').toISOString()).toBe('2024-10-27T22:59:59.000Z');
    expect(endOfLocalDay('2024-06-01', 'Asia/Kolkata').toISOString()).toBe('2024-06-01T18:29:59.000Z');
    expect(endOfLocalDay('2024-06-01', 'UTC').toISOString()).toBe('2024-06-01T23:59:59.000Z');
  });

  it('moves a wall-clock time in a spring-forward gap past the gap (02:30 becomes 03:30 CEST)', () => {
    // 02:30 does not exist in Paris on 31 March 2024; the clock jumps from 02:00 to 03:00.
    const instant = zonedTimeToInstant({ year: 2024, month: 3, day: 31, hour: 2, minute: 30, second: 0 }, 'Europe/Paris');
    expect(instant.toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });
});

describe('addBusinessDays', () => {
  it('counts weekdays and skips the weekend', () => {
    // Thursday 2 May 2024, 10:00 UTC.
    expect(add('2024-05-02T10:00:00Z', 0, cal('UTC'))).toBe('2024-05-02T23:59:59.000Z');
    expect(add('2024-05-02T10:00:00Z', 1, cal('UTC'))).toBe('2024-05-03T23:59:59.000Z');
    expect(add('2024-05-02T10:00:00Z', 2, cal('UTC'))).toBe('2024-05-06T23:59:59.000Z');
    expect(add('2024-05-02T10:00:00Z', 7, cal('UTC'))).toBe('2024-05-13T23:59:59.000Z');
  });

  it('starts a weekend order on the next business day', () => {
    // Saturday 4 May: Monday is day 0, so one handling day ends on Tuesday, as for a Monday order.
    expect(add('2024-05-04T10:00:00Z', 0, cal('UTC'))).toBe('2024-05-06T23:59:59.000Z');
    expect(add('2024-05-04T10:00:00Z', 1, cal('UTC'))).toBe('2024-05-07T23:59:59.000Z');
    expect(add('2024-05-06T10:00:00Z', 1, cal('UTC'))).toBe('2024-05-07T23:59:59.000Z');
  });

  it('skips holidays, including a start on a holiday', () => {
    const calendar = cal('UTC', ['2024-05-08', '2024-05-09']);
    expect(add('2024-05-07T10:00:00Z', 1, calendar)).toBe('2024-05-10T23:59:59.000Z');
    expect(add('2024-05-08T10:00:00Z', 0, calendar)).toBe('2024-05-10T23:59:59.000Z');
    expect(add('2024-05-08T10:00:00Z', 1, calendar)).toBe('2024-05-13T23:59:59.000Z');
  });

  it('honours a shop that also works on Saturday', () => {
    expect(add('2024-05-03T10:00:00Z', 1, cal('UTC', [], [1, 2, 3, 4, 5, 6]))).toBe('2024-05-04T23:59:59.000Z');
    expect(add('2024-05-03T10:00:00Z', 2, cal('UTC', [], [1, 2, 3, 4, 5, 6]))).toBe('2024-05-06T23:59:59.000Z');
  });

  it('crosses a year end with its holidays', () => {
    expect(add('2025-12-31T10:00:00Z', 1, cal('UTC'))).toBe('2026-01-01T23:59:59.000Z');
    expect(add('2025-12-31T10:00:00Z', 1, cal('UTC', ['2026-01-01']))).toBe('2026-01-02T23:59:59.000Z');
    expect(add('2025-12-31T10:00:00Z', 2, cal('UTC', ['2026-01-01']))).toBe('2026-01-05T23:59:59.000Z');
  });

  it('is right across the Paris spring DST switch (Easter Monday off)', () => {
    // Friday 29 March 2024, 11:00 CET; clocks go forward on Sunday 31 March.
    expect(add('2024-03-29T10:00:00Z', 0, cal('Europe/Paris'))).toBe('2024-03-29T22:59:59.000Z');
    expect(add('2024-03-29T10:00:00Z', 1, cal('Europe/Paris'))).toBe('2024-04-01T21:59:59.000Z');
    expect(add('2024-03-29T10:00:00Z', 1, cal('Europe/Paris', ['2024-04-01']))).toBe('2024-04-02T21:59:59.000Z');
  });

  it('is right across the Paris autumn DST switch', () => {
    // Friday 25 October 2024 (CEST); clocks go back on Sunday 27 October.
    expect(add('2024-10-25T10:00:00Z', 0, cal('Europe/Paris'))).toBe('2024-10-25T21:59:59.000Z');
    expect(add('2024-10-25T10:00:00Z', 1, cal('Europe/Paris'))).toBe('2024-10-28T22:59:59.000Z');
  });

  it('uses the Los Angeles calendar day, not the UTC one, across the March DST switch', () => {
    // Friday 8 March 2024, 20:00 PST is already Saturday in UTC.
    expect(add('2024-03-09T04:00:00Z', 0, cal('America/Los_Angeles'))).toBe('2024-03-09T07:59:59.000Z');
    expect(add('2024-03-09T04:00:00Z', 1, cal('America/Los_Angeles'))).toBe('2024-03-12T06:59:59.000Z');
    // The same instant read in UTC is a Saturday: counting would start on Monday.
    expect(add('2024-03-09T04:00:00Z', 1, cal('UTC'))).toBe('2024-03-12T23:59:59.000Z');
  });

  it('uses the Tokyo calendar over the Japanese year-end holidays', () => {
    // 16:00 UTC on Friday 27 December 2024 is Saturday 28 December, 01:00 in Tokyo.
    const calendar = cal('Asia/Tokyo', ['2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']);
    expect(add('2024-12-27T16:00:00Z', 0, calendar)).toBe('2024-12-30T14:59:59.000Z');
    expect(add('2024-12-27T16:00:00Z', 1, calendar)).toBe('2025-01-06T14:59:59.000Z');
    expect(add('2024-12-27T16:00:00Z', 2, calendar)).toBe('2025-01-07T14:59:59.000Z');
    expect(addBusinessDate(new Date('2024-12-27T16:00:00Z'), 2, calendar)).toBe('2025-01-07');
  });

  it('refuses nonsense', () => {
    expect(() => add('2024-05-02T10:00:00Z', -1, cal('UTC'))).toThrow(RangeError);
    expect(() => add('2024-05-02T10:00:00Z', 1.5, cal('UTC'))).toThrow(RangeError);
    expect(() => add('2024-05-02T10:00:00Z', 1, cal('UTC', [], []))).toThrow(RangeError);
    expect(() => add('2024-05-02T10:00:00Z', 1, cal('Not/AZone'))).toThrow(RangeError);
  });
});

describe('addLocalCalendarDays', () => {
  it('counts calendar days in the zone across DST', () => {
    // Saturday 30 March 2024, 12:00 in Paris; the next day is 23 hours long.
    expect(addLocalCalendarDays(new Date('2024-03-30T11:00:00Z'), 1, 'Europe/Paris').toISOString()).toBe('2024-03-31T21:59:59.000Z');
    expect(addLocalCalendarDays(new Date('2024-03-30T11:00:00Z'), 0, 'Europe/Paris').toISOString()).toBe('2024-03-30T22:59:59.000Z');
  });
});
