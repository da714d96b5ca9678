// Conversions as orders arrive: an order placed within the window after the latest nudge converts
// it (last touch), with its revenue; an order before any nudge, after the window, or not kept does not.
import { describe, expect, it } from 'vitest';
import { NudgeConverted } from '../../../shared/events/nudges.ts';
import { nudgeConversion } from '../../../shared/nudges/conversion.ts';
import { nudge, order } from './fixtures.ts';

const context = { shopId: 'acme', customer: { id: 'cus-1', email: 'ada@example.com', locale: 'en-US' }, now: new Date('2024-06-05T12:00:00Z') };
const sent = [
  nudge('n-replenish', '2024-06-01T10:00:00Z', { productId: 'coffee', tierId: 'silver' }),
  nudge('n-winback', '2024-06-03T10:00:00Z', { kind: 'winback', campaignId: 'winback', step: 0 }),
];

describe('nudgeConversion', () => {
  it('attributes the order to the latest nudge sent before it, with the order’s net spend as revenue', () => {
    const detail = nudgeConversion(order('o-9', '2024-06-05T09:00:00Z', { total: 7_500, refunded: 500 }), sent, 7, context)!;
    expect(NudgeConverted.detail.parse(detail)).toEqual({
      version: 1,
      shopId: 'acme',
      occurredAt: '2024-06-05T12:00:00.000Z',
      nudgeId: 'n-winback',
      campaignId: 'winback',
      kind: 'winback',
      orderId: 'o-9',
      customer: context.customer,
      revenue: { amount: 7_000, currency: 'USD' },
      tierId: null,
      sentAt: '2024-06-03T10:00:00Z',
    });
  });

  it('keeps the nudge’s product and the tier it was sent in', () => {
    const detail = nudgeConversion(order('o-8', '2024-06-02T09:00:00Z'), sent, 7, context)!;
    expect(detail).toMatchObject({ nudgeId: 'n-replenish', productId: 'coffee', tierId: 'silver' });
  });

  it('attributes nothing before the first nudge, beyond the window, or to a cancelled order', () => {
    expect(nudgeConversion(order('o-1', '2024-05-31T09:00:00Z'), sent, 7, context)).toBeUndefined();
    expect(nudgeConversion(order('o-2', '2024-06-10T10:00:01Z'), sent, 7, context)).toBeUndefined();
    expect(nudgeConversion(order('o-3', '2024-06-10T10:00:00Z'), sent, 7, context)?.nudgeId).toBe('n-winback');
    expect(nudgeConversion(order('o-4', '2024-06-04T09:00:00Z', { cancelled: true }), sent, 7, context)).toBeUndefined();
    expect(nudgeConversion(order('o-5', '2024-06-04T09:00:00Z'), [], 7, context)).toBeUndefined();
  });
});
