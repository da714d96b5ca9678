import { describe, expect, it } from 'vitest';
import { TimerFired } from '../../../shared/events/timers.ts';
import { defaultReminderConfig, isPastSla, ReminderConfig, returnTimers, scheduleNamePattern, slaDueAt, timerId } from '../../../shared/returns/reminders.ts';

const approvedAt = new Date('2031-03-01T10:00:00Z');
const subject = { shopId: 'acme', caseId: 'ret-1', generation: 1 };

describe('return reminders and expiry', () => {
  it('defaults to reminders on day 3 and 7 and expiry on day 14', () => {
    expect(defaultReminderConfig).toEqual({ reminderDays: [3, 7], expiryDays: 14 });
    const { shipBy, timers } = returnTimers(subject, approvedAt);
    expect(shipBy).toBe('2031-03-15T10:00:00.000Z');
    expect(timers).toEqual([
      { timerId: 'ret-acme-ret-1-reminder1-g1', kind: 'return_reminder', dueAt: '2031-03-04T10:00:00.000Z', step: 1 },
      { timerId: 'ret-acme-ret-1-reminder2-g1', kind: 'return_reminder', dueAt: '2031-03-08T10:00:00.000Z', step: 2 },
      { timerId: 'ret-acme-ret-1-expiry-g1', kind: 'return_expiry', dueAt: '2031-03-15T10:00:00.000Z' },
    ]);
  });

  it('is deterministic and gives a new generation new ids', () => {
    expect(returnTimers(subject, approvedAt)).toEqual(returnTimers(subject, approvedAt));
    const ids = (generation: number) => returnTimers({ ...subject, generation }, approvedAt).timers.map((t) => t.timerId);
    expect(ids(2).some((id) => ids(1).includes(id))).toBe(false);
  });

  it('produces valid, unique Scheduler names even for long or exotic ids', () => {
    const exotic = { shopId: 'a-very-long-shop-name-that-goes-on-and-on', caseId: 'gid://shopify/Return/123456789012345678', generation: 12 };
    const { timers } = returnTimers(exotic, approvedAt);
    for (const timer of timers) expect(timer.timerId).toMatch(scheduleNamePattern);
    expect(new Set(timers.map((t) => t.timerId)).size).toBe(timers.length);
    expect(timerId('acme', 'x/1', 'expiry', 1)).not.toBe(timerId('acme', 'x/2', 'expiry', 1));
  });

  it('builds timers a TimerFired event can carry', () => {
    for (const timer of returnTimers(subject, approvedAt).timers) {
      expect(() => TimerFired.detail.parse({ version: 1, shopId: 'acme', occurredAt: timer.dueAt, timerId: timer.timerId, kind: timer.kind, dueAt: timer.dueAt, returnId: 'ret-1' })).not.toThrow();
    }
  });

  it('validates the ladder', () => {
    expect(ReminderConfig.safeParse({ reminderDays: [7, 3], expiryDays: 14 }).success).toBe(false);
    expect(ReminderConfig.safeParse({ reminderDays: [3, 14], expiryDays: 14 }).success).toBe(false);
    expect(ReminderConfig.safeParse({ reminderDays: [], expiryDays: 5 }).success).toBe(true);
    expect(returnTimers(subject, approvedAt, { reminderDays: [], expiryDays: 5 }).timers.map((t) => t.kind)).toEqual(['return_expiry']);
  });
});

describe('SLA', () => {
  const createdAt = new Date('2031-03-01T10:00:00Z');

  it('is due a number of hours after creation, 24 by default', () => {
    expect(slaDueAt(createdAt)).toBe('2031-03-02T10:00:00.000Z');
    expect(slaDueAt(createdAt, 4)).toBe('2031-03-01T14:00:00.000Z');
    expect(() => slaDueAt(createdAt, 0)).toThrow();
  });

  it('flags cases the shop must act on once the SLA has passed', () => {
    const deadlines = { slaDueAt: slaDueAt(createdAt) };
    const late = new Date('2031-03-02T10:00:01Z');
    expect(isPastSla({ status: 'requested', deadlines }, new Date('2031-03-02T10:00:00Z'))).toBe(false);
    expect(isPastSla({ status: 'requested', deadlines }, late)).toBe(true);
    expect(isPastSla({ status: 'inspected', deadlines }, late)).toBe(true);
    for (const status of ['awaiting_shipment', 'in_transit', 'resolved', 'rejected', 'cancelled', 'expired'] as const) expect(isPastSla({ status, deadlines }, late)).toBe(false);
  });
});
