// The customer state the nudge rules read, built from ingestion's order states and customer records.
import { describe, expect, it } from 'vitest';
import { emptyCustomerState } from '../../../shared/ingest/customer-state.ts';
import { emptyOrderState, type OrderState } from '../../../shared/ingest/order-state.ts';
import { channelConsent, customerOrderOf, customerStateOf, customerStatesOf, openReturnCases } from '../../../shared/nudges/from-state.ts';
import { NormalizedFulfillment, NormalizedOrder, type NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function orderState(overrides: Partial<NormalizedOrderInput> = {}, parcels: Array<Partial<NormalizedFulfillment>> = [], refunds: number[] = []): OrderState {
  const order = NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    createdAt: '2024-05-01T10:00:00Z',
    sourceUpdatedAt: '2024-05-01T10:00:00Z',
    currency: 'USD',
    customer: { id: 'c-1', email: 'ada@example.com', locale: 'en-US' },
    lines: [
      { lineId: 'l1', productId: 'coffee', title: 'Coffee beans', quantity: 2, unitPrice: usd(1500), total: usd(3000), requiresShipping: true, productTags: ['Consumable'] },
      { lineId: 'l2', title: 'Custom engraving', quantity: 1, unitPrice: usd(500), total: usd(500), requiresShipping: false },
    ],
    totals: { subtotal: usd(3500), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(3500) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    ...overrides,
  });
  const state = emptyOrderState('acme', order.orderId);
  const fulfillments = Object.fromEntries(
    parcels.map((parcel, index) => {
      const fulfillment = NormalizedFulfillment.parse({ shopId: 'acme', fulfillmentId: `f${index}`, orderId: order.orderId, status: 'success', trackingNumbers: [], trackingUrls: [], lines: [{ lineId: 'l1', quantity: 2 }], createdAt: '2024-05-02T00:00:00Z', sourceUpdatedAt: '2024-05-02T00:00:00Z', ...parcel });
      return [fulfillment.fulfillmentId, fulfillment];
    }),
  );
  const refundRecords = Object.fromEntries(refunds.map((amount, index) => [`r${index}`, { shopId: 'acme', refundId: `r${index}`, orderId: order.orderId, createdAt: '2024-05-10T00:00:00Z', amount: usd(amount), lines: [] }]));
  return { ...state, order, fulfillments, refunds: refundRecords };
}

describe('customerOrderOf', () => {
  it('keep product lines with their tags, the total and the refunds so far', () => {
    const order = customerOrderOf(orderState({}, [{ deliveredAt: '2024-05-04T12:00:00Z' }], [500, 250]))!;
    expect(order).toEqual({
      id: 'o1',
      placedAt: '2024-05-01T10:00:00Z',
      deliveredAt: '2024-05-04T12:00:00Z',
      lines: [{ productId: 'coffee', title: 'Coffee beans', tags: ['Consumable'], quantity: 2 }],
      total: usd(3500),
      refunded: usd(750),
    });
  });

  it('deliver at the last parcel’s delivery, only once every live parcel arrived and the order is fulfilled', () => {
    const two = [{ deliveredAt: '2024-05-04T12:00:00Z' }, { deliveredAt: '2024-05-06T08:00:00Z' }, { status: 'cancelled' as const }];
    expect(customerOrderOf(orderState({}, two))?.deliveredAt).toBe('2024-05-06T08:00:00Z');
    expect(customerOrderOf(orderState({}, [{ deliveredAt: '2024-05-04T12:00:00Z' }, {}]))?.deliveredAt).toBeUndefined();
    // The order's status lags: the parcel holding every unit that ships is enough.
    expect(customerOrderOf(orderState({ fulfillmentStatus: 'unfulfilled' }, [{ deliveredAt: '2024-05-04T12:00:00Z' }]))?.deliveredAt).toBe('2024-05-04T12:00:00Z');
    expect(customerOrderOf(orderState({ fulfillmentStatus: 'partially_fulfilled' }, [{ deliveredAt: '2024-05-04T12:00:00Z', lines: [{ lineId: 'l1', quantity: 1 }] }]))?.deliveredAt).toBeUndefined();
    expect(customerOrderOf(orderState({}, [{ shipmentStatus: 'delivered', sourceUpdatedAt: '2024-05-05T09:00:00Z' }]))?.deliveredAt).toBe('2024-05-05T09:00:00Z');
  });

  it('mark cancellations, cap refunds at the total, and skip test orders', () => {
    expect(customerOrderOf(orderState({ cancelledAt: '2024-05-01T11:00:00Z', cancelReason: 'customer' }))?.cancelled).toBe(true);
    expect(customerOrderOf(orderState({}, [], [3000, 3000]))?.refunded).toEqual(usd(3500));
    expect(customerOrderOf(orderState({ test: true }))).toBeUndefined();
    expect(customerOrderOf(emptyOrderState('acme', 'o9'))).toBeUndefined();
  });
});

describe('consent and cases', () => {
  it('treat only subscribed as consent, unsubscribed as an opt-out, anything else as unknown', () => {
    expect(['subscribed', 'unsubscribed', 'not_subscribed', 'pending', undefined].map(channelConsent)).toEqual(['subscribed', 'unsubscribed', 'unknown', 'unknown', 'unknown']);
  });
  it('list running returns as open cases, not settled or rejected ones', () => {
    const cases = (['requested', 'in_transit', 'rejected', 'resolved', 'cancelled', 'expired'] as const).map((status, index) => ({ id: `ret-${index}`, status, createdAt: '2024-05-05T00:00:00Z' }));
    expect(openReturnCases(cases)).toEqual([
      { kind: 'return', id: 'ret-0', openedAt: '2024-05-05T00:00:00Z' },
      { kind: 'return', id: 'ret-1', openedAt: '2024-05-05T00:00:00Z' },
    ]);
  });
});

describe('customerStatesOf', () => {
  it('group orders by customer, with the record’s contact and consent; guests are left out', () => {
    const record = { ...emptyCustomerState('acme', 'c-1'), email: 'ada@example.com', locale: 'fr-FR', timeZone: 'Europe/Paris', emailMarketingConsent: { state: 'subscribed' as const } };
    const guest = orderState({ orderId: 'o3', customer: { email: 'guest@example.com' } });
    const states = customerStatesOf([record], [orderState(), orderState({ orderId: 'o2' }), guest], (orderId) => (orderId === 'o2' ? [{ id: 'ret-1', status: 'requested', createdAt: '2024-05-05T00:00:00Z' } as never] : []));
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ customer: { id: 'c-1', email: 'ada@example.com', locale: 'fr-FR', timeZone: 'Europe/Paris' }, consent: { email: 'subscribed', sms: 'unknown' }, openCases: [{ kind: 'return', id: 'ret-1' }], tier: null });
    expect(states[0]!.orders.map((order) => order.id)).toEqual(['o1', 'o2']);
  });
  it('build a customer without a record from the order, with no consent known', () => {
    const [state] = customerStatesOf([], [orderState({ customer: { id: 'c-2', email: 'bob@example.com', locale: 'en-GB' } })], () => []);
    expect(state).toMatchObject({ customer: { id: 'c-2', email: 'bob@example.com', locale: 'en-GB' }, consent: { email: 'unknown', sms: 'unknown' } });
  });
  it('take known facts from the caller', () => {
    const state = customerStateOf(emptyCustomerState('acme', 'c-1'), [], { tier: { id: 'gold', rank: 1 }, surveyScores: [{ kind: 'csat', score: 1, answeredAt: '2024-05-05T00:00:00Z' }] });
    expect(state).toMatchObject({ customer: { locale: 'en' }, tier: { id: 'gold', rank: 1 }, surveyScores: [{ score: 1 }], nudgesSent: [] });
  });
});
