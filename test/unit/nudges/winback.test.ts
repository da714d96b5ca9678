// Win-back: lapsed after the configured days without an order, steps spaced from the previous
// one, the sequence stopped by any order and started over on the next lapse.
import { describe, expect, it } from 'vitest';
import { dueWinbackStep, lastOrderAt, winbackStatus } from '../../../shared/nudges/winback.ts';
import { nudge, order, settingsWith } from './fixtures.ts';

const settings = settingsWith({ winback: { afterDaysWithoutOrder: 90, steps: [{ waitDays: 0 }, { waitDays: 10 }, { waitDays: 20, discount: { percent: 15 } }] } }).winback;
const orders = [order('o1', '2024-01-01T12:00:00Z'), order('o2', '2024-03-01T12:00:00Z', { refunded: 5000 })];
const winback = (id: string, sentAt: string, step: number) => nudge(id, sentAt, { kind: 'winback', campaignId: 'winback', step });

describe('winbackStatus', () => {
  it('count from the latest order placed, even one refunded later', () => {
    expect(lastOrderAt({ orders })).toBe('2024-03-01T12:00:00Z');
  });

  it('schedule step 0 exactly afterDaysWithoutOrder after the last order: not due a millisecond before', () => {
    const dueAt = '2024-05-30T12:00:00.000Z';
    expect(winbackStatus(settings, { orders, nudgesSent: [] }, new Date(Date.parse(dueAt) - 1))).toMatchObject({ status: 'scheduled', step: 0, of: 3, dueAt, due: false });
    expect(winbackStatus(settings, { orders, nudgesSent: [] }, new Date(dueAt))).toMatchObject({ status: 'scheduled', step: 0, due: true });
  });

  it('space the next step from when the previous one went out', () => {
    const sent = [winback('w0', '2024-06-02T09:00:00Z', 0)];
    const status = winbackStatus(settings, { orders, nudgesSent: sent }, new Date('2024-06-05T00:00:00Z'));
    expect(status).toMatchObject({ status: 'scheduled', step: 1, dueAt: '2024-06-12T09:00:00.000Z', due: false });
    expect(dueWinbackStep(settings, { orders, nudgesSent: sent }, new Date('2024-06-12T09:00:00Z'))).toMatchObject({ step: 1, dueAt: '2024-06-12T09:00:00.000Z' });
  });

  it('carry the discount of the step due', () => {
    const sent = [winback('w0', '2024-06-02T09:00:00Z', 0), winback('w1', '2024-06-12T09:00:00Z', 1)];
    expect(dueWinbackStep(settings, { orders, nudgesSent: sent }, new Date('2024-07-10T00:00:00Z'))).toEqual({ step: 2, dueAt: '2024-07-02T09:00:00.000Z', definition: { waitDays: 20, discount: { percent: 15, expiresAfterDays: 14 } } });
  });

  it('be complete once every step went out', () => {
    const sent = [winback('w0', '2024-06-02T09:00:00Z', 0), winback('w1', '2024-06-12T09:00:00Z', 1), winback('w2', '2024-07-02T09:00:00Z', 2)];
    expect(winbackStatus(settings, { orders, nudgesSent: sent }, new Date('2024-09-01T00:00:00Z'))).toEqual({ status: 'complete', lastOrderAt: '2024-03-01T12:00:00Z', stepsSent: 3 });
    expect(dueWinbackStep(settings, { orders, nudgesSent: sent }, new Date('2024-09-01T00:00:00Z'))).toBeUndefined();
  });

  it('stop on a new order and start over at step 0 when the customer lapses again', () => {
    const sent = [winback('w0', '2024-06-02T09:00:00Z', 0)];
    const reordered = [...orders, order('o3', '2024-06-05T10:00:00Z')];
    const status = winbackStatus(settings, { orders: reordered, nudgesSent: sent }, new Date('2024-06-12T09:00:00Z'));
    expect(status).toMatchObject({ status: 'scheduled', step: 0, dueAt: '2024-09-03T10:00:00.000Z', due: false });
  });

  it('ignore other kinds of nudges, customers who never ordered, and a disabled campaign', () => {
    const sent = [nudge('r1', '2024-06-02T09:00:00Z')];
    expect(winbackStatus(settings, { orders, nudgesSent: sent }, new Date('2024-06-03T00:00:00Z'))).toMatchObject({ step: 0 });
    expect(winbackStatus(settings, { orders: [], nudgesSent: [] }, new Date('2024-06-03T00:00:00Z'))).toEqual({ status: 'not_customer' });
    const off = settingsWith({ winback: { enabled: false } }).winback;
    expect(winbackStatus(off, { orders, nudgesSent: [] }, new Date('2025-01-01T00:00:00Z'))).toEqual({ status: 'disabled' });
  });
});
