// The nudge planner: one replenishment nudge per delivered product with a cycle, once per order
// and product; planned nudges cancelled with their order; the one win-back timer moved by every
// order; the win-back stepping when its timer fires.
import { describe, expect, it } from 'vitest';
import type { CustomerOrder } from '../../../shared/nudges/customer-state.ts';
import { nextWinbackDueAt, nudgeTimerId, planOrder, replenishmentNudgeId, sentNudgesOf, winbackNudgeId, winbackStepDue, winbackTimerId, type NudgeRecord, type OrderPlanInput } from '../../../shared/nudges/planner.ts';
import { customer, nudge, order, settingsWith } from './fixtures.ts';

const settings = settingsWith({
  replenishment: { cycles: [{ productId: 'coffee', days: 30 }] },
  winback: { afterDaysWithoutOrder: 90, steps: [{ waitDays: 0 }, { waitDays: 14 }] },
});
const now = new Date('2024-03-10T12:00:00Z');
const delivered = order('o1', '2024-03-01T10:00:00Z', { products: ['coffee', 'mug'], deliveredAt: '2024-03-05T15:00:00Z' });

const input = (overrides: Partial<OrderPlanInput> = {}): OrderPlanInput => {
  const changed: CustomerOrder | undefined = 'order' in overrides ? overrides.order : delivered;
  return { shopId: 'acme', customerId: 'cus-1', orderId: changed?.id ?? 'o1', order: changed, orders: changed ? [changed] : [], nudges: [], winback: undefined, settings, now, ...overrides };
};

describe('planOrder: replenishment', () => {
  it('plans one nudge per product with a cycle, due the cycle after delivery, with its timer', () => {
    const plan = planOrder(input());
    expect(plan.create).toEqual([
      expect.objectContaining({ nudgeId: 'ndg_o1_coffee', kind: 'replenishment', campaignId: 'replenishment', status: 'planned', orderId: 'o1', productId: 'coffee', dueAt: '2024-04-04T15:00:00.000Z', deliveredAt: '2024-03-05T15:00:00Z', timerId: 'nud-acme-ndg_o1_coffee', version: 1 }),
    ]);
    expect(plan.timers.set).toContainEqual({ timerId: 'nud-acme-ndg_o1_coffee', kind: 'nudge', dueAt: '2024-04-04T15:00:00.000Z', customerId: 'cus-1', orderId: 'o1', nudgeId: 'ndg_o1_coffee' });
  });

  it('learns a product without a configured cycle from the pooled intervals of its other buyers', () => {
    const plan = planOrder(input({ productIntervals: (productId) => (productId === 'mug' ? Array(10).fill(20) : []) }));
    expect(plan.create.map((record) => [record.productId, record.dueAt])).toEqual([
      ['coffee', '2024-04-04T15:00:00.000Z'],
      ['mug', '2024-03-25T15:00:00.000Z'],
    ]);
  });

  it('plans nothing before delivery', () => {
    expect(planOrder(input({ order: order('o1', '2024-03-01T10:00:00Z') })).create).toEqual([]);
  });

  it('plans an order and product once: a redelivered event finds the nudge', () => {
    const first = planOrder(input());
    expect(planOrder(input({ nudges: first.create })).create).toEqual([]);
  });

  it('cancels the planned nudges of an order cancelled or wholly refunded, and their timers', () => {
    const planned = planOrder(input()).create;
    const sent: NudgeRecord = { ...planned[0]!, nudgeId: 'ndg_o1_other', status: 'sent', sentAt: '2024-03-09T00:00:00Z', channel: 'email' };
    for (const changed of [{ ...delivered, cancelled: true }, { ...delivered, refunded: delivered.total }]) {
      const plan = planOrder(input({ order: changed, nudges: [...planned, sent] }));
      expect(plan.create).toEqual([]);
      expect(plan.cancel).toEqual([expect.objectContaining({ nudgeId: 'ndg_o1_coffee', status: 'cancelled', version: 2 })]);
      expect(plan.timers.cancel).toContain('nud-acme-ndg_o1_coffee');
    }
  });
});

describe('planOrder: the win-back timer', () => {
  it('is set afterDaysWithoutOrder after the latest order, once', () => {
    const plan = planOrder(input());
    expect(plan.winback).toEqual({ timerId: 'nud-acme-cus-1-winback', dueAt: '2024-05-30T10:00:00.000Z', version: 1 });
    expect(plan.timers.set).toContainEqual({ timerId: 'nud-acme-cus-1-winback', kind: 'winback', dueAt: '2024-05-30T10:00:00.000Z', customerId: 'cus-1' });
    expect(plan.timers.cancel).not.toContain('nud-acme-cus-1-winback');
    // The same order again: the timer is where it belongs.
    const again = planOrder(input({ nudges: plan.create, winback: plan.winback }));
    expect(again.winback).toBeUndefined();
    expect(again.timers).toEqual({ set: [], cancel: [] });
  });

  it('moves with a new order (cancel and set the same name), which stops a running sequence', () => {
    const first = planOrder(input()).winback!;
    const sentStep: NudgeRecord = { shopId: 'acme', customerId: 'cus-1', nudgeId: 'ndg_wb_x_0', kind: 'winback', campaignId: 'winback', status: 'sent', dueAt: '2024-05-30T10:00:00.000Z', sentAt: '2024-05-30T10:00:00.000Z', channel: 'email', step: 0, version: 1 };
    const next = order('o2', '2024-06-02T08:00:00Z');
    const plan = planOrder(input({ order: next, orderId: 'o2', orders: [delivered, next], nudges: [sentStep], winback: first, now: new Date('2024-06-02T08:00:01Z') }));
    expect(plan.winback).toEqual({ timerId: first.timerId, dueAt: '2024-08-31T08:00:00.000Z', version: 2 });
    expect(plan.timers).toEqual({ set: [{ timerId: first.timerId, kind: 'winback', dueAt: '2024-08-31T08:00:00.000Z', customerId: 'cus-1' }], cancel: [first.timerId] });
  });

  it('is removed when win-back is switched off', () => {
    const first = planOrder(input()).winback!;
    const plan = planOrder(input({ settings: settingsWith({ winback: { enabled: false } }), winback: first }));
    expect(plan.winback).toEqual({ timerId: first.timerId, version: 2 });
    expect(plan.timers).toEqual({ set: [], cancel: [first.timerId] });
  });
});

describe('win-back stepping', () => {
  const state = customer({ customer: { id: 'cus-1', email: 'ada@example.com', locale: 'en' }, orders: [delivered] });
  const step0At = new Date('2024-05-30T10:00:00.000Z');

  it('answers step 0 when the timer fires at the lapse, and the next step 14 days after it went out', () => {
    expect(winbackStepDue(settings.winback, state, new Date(step0At.getTime() - 1))).toEqual({ due: false, nextDueAt: step0At.toISOString() });
    const due = winbackStepDue(settings.winback, state, step0At);
    expect(due).toMatchObject({ due: true, step: 0, lastOrderAt: '2024-03-01T10:00:00Z', nudgeId: winbackNudgeId('cus-1', '2024-03-01T10:00:00Z', 0) });
    const sent = nudge('w0', '2024-05-30T10:00:05.000Z', { kind: 'winback', campaignId: 'winback', step: 0 });
    expect(nextWinbackDueAt(settings.winback, state, sent)).toBe('2024-06-13T10:00:05.000Z');
    expect(winbackStepDue(settings.winback, { ...state, nudgesSent: [sent] }, new Date('2024-06-13T10:00:05.000Z'))).toMatchObject({ due: true, step: 1 });
  });

  it('ends after the last step, and starts over after a new order', () => {
    const steps = [nudge('w0', '2024-05-30T10:00:00Z', { kind: 'winback', step: 0 }), nudge('w1', '2024-06-13T10:00:00Z', { kind: 'winback', step: 1 })];
    expect(nextWinbackDueAt(settings.winback, { ...state, nudgesSent: [steps[0]!] }, steps[1]!)).toBeUndefined();
    expect(winbackStepDue(settings.winback, { ...state, nudgesSent: steps }, new Date('2024-07-01T00:00:00Z'))).toEqual({ due: false });
    const back = { ...state, orders: [delivered, order('o2', '2024-06-20T00:00:00Z')], nudgesSent: steps };
    expect(winbackStepDue(settings.winback, back, new Date('2024-07-01T00:00:00Z'))).toEqual({ due: false, nextDueAt: '2024-09-18T00:00:00.000Z' });
  });
});

describe('ids', () => {
  it('are valid timer names and entity ids, however long the storefront ids', () => {
    expect(replenishmentNudgeId('gid://shopify/Order/1', 'p 1')).toBe('ndg_gid---shopify-Order-1_p-1');
    const long = 'x'.repeat(90);
    expect(replenishmentNudgeId(long, long).length).toBeLessThanOrEqual(100);
    for (const name of [nudgeTimerId('acme-outdoor', replenishmentNudgeId(long, long)), winbackTimerId('acme-outdoor', long)]) expect(name).toMatch(/^nud-[0-9a-zA-Z._-]{1,60}$/);
  });

  it('lists only the nudges that went out, oldest first, as the rules count them', () => {
    const base = { shopId: 'acme', customerId: 'cus-1', kind: 'replenishment' as const, campaignId: 'replenishment', dueAt: '2024-01-01T00:00:00Z', version: 2 };
    const records: NudgeRecord[] = [
      { ...base, nudgeId: 'b', status: 'sent', sentAt: '2024-02-02T00:00:00Z', channel: 'email', tierId: null },
      { ...base, nudgeId: 'a', status: 'sent', sentAt: '2024-02-01T00:00:00Z', channel: 'email', productId: 'coffee' },
      { ...base, nudgeId: 'c', status: 'suppressed', reason: 'open_return' },
      { ...base, nudgeId: 'd', status: 'planned' },
    ];
    expect(sentNudgesOf(records).map((sent) => sent.nudgeId)).toEqual(['a', 'b']);
    expect(sentNudgesOf(records)[1]).toEqual({ nudgeId: 'b', kind: 'replenishment', campaignId: 'replenishment', sentAt: '2024-02-02T00:00:00Z', channel: 'email', tierId: null });
  });
});
