import { describe, expect, it } from 'vitest';
import type { ReturnCase } from '../../../shared/returns/case.ts';
import { defaultReturnPolicy } from '../../../shared/returns/policy.ts';
import { decideReturnRefund, type ReturnMoment } from '../../../shared/refunds/return-decision.ts';
import { RefundRules, type RefundAt } from '../../../shared/refunds/rules.ts';
import { line, order, rules } from './fixtures.ts';

const at = new Date('2024-06-01T12:00:00Z');
const returnCase = (condition?: 'as_new'): ReturnCase => ({
  id: 'ret_1',
  shopId: 'acme',
  orderId: 'o1',
  orderNumber: '#1001',
  customer: { id: 'c1', email: 'ada@example.com', locale: 'en' },
  status: condition ? 'inspected' : 'in_transit',
  lines: [{ lineItemId: 'L1', quantity: 1, reason: 'changed_mind', resolution: 'refund', ...(condition ? { condition } : {}) }],
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
  version: 3,
  deadlines: { slaDueAt: at.toISOString() },
  history: [],
  timers: [],
});
const decide = (unitPrice: number, refundAt: RefundAt, moment: ReturnMoment, condition?: 'as_new') =>
  decideReturnRefund({
    returnCase: returnCase(condition),
    order: order([line('L1', 1, unitPrice)]),
    history: { orders: 3, returns: 0 },
    rules: RefundRules.parse({ ...rules(), timing: { refundAt } }),
    returnPolicy: defaultReturnPolicy,
    now: at,
    eventId: 'e1',
    at: moment,
  });

describe('decideReturnRefund', () => {
  it('refunds at the first carrier scan when the rules say so and no person needs to look', () => {
    const decided = decide(5000, 'label_scan', 'label_scan');
    expect(decided?.record).toMatchObject({ status: 'approved', decisionId: 'dec_ret_1', decision: { timing: { refundAt: 'label_scan' } } });
  });

  it('waits for the inspection when the rules refund at inspection, or when a person must decide', () => {
    expect(decide(5000, 'inspection', 'label_scan')).toBeUndefined();
    expect(decide(80_000, 'label_scan', 'label_scan')).toBeUndefined();
  });

  it('refunds at carrier delivery when the rules say so, and not at the first scan before it', () => {
    const decided = decide(5000, 'carrier_delivery', 'carrier_delivery');
    expect(decided?.record).toMatchObject({ status: 'approved', decisionId: 'dec_ret_1', decision: { timing: { refundAt: 'carrier_delivery' } } });
    expect(decided?.record.decision.reasons.find((reason) => reason.rule === 'refund_timing')).toMatchObject({ fired: true, detail: 'Refunded before inspection, at carrier delivery' });
    expect(decide(5000, 'carrier_delivery', 'label_scan')).toBeUndefined();
  });

  it('does not refund at carrier delivery when the rules name another moment, or a person must decide', () => {
    expect(decide(5000, 'label_scan', 'carrier_delivery')).toBeUndefined();
    expect(decide(5000, 'inspection', 'carrier_delivery')).toBeUndefined();
    expect(decide(80_000, 'carrier_delivery', 'carrier_delivery')).toBeUndefined();
  });

  it('decides at inspection whatever the timing', () => {
    expect(decide(5000, 'inspection', 'inspection', 'as_new')?.record.status).toBe('approved');
    expect(decide(80_000, 'label_scan', 'inspection', 'as_new')?.record.status).toBe('awaiting_review');
    expect(decide(5000, 'carrier_delivery', 'inspection', 'as_new')?.record.decision.timing.refundAt).toBe('now');
  });
});
