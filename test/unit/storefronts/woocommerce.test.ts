import { describe, expect, it } from 'vitest';
import { OrderCancelled, OrderPlaced, OrderUpdated, RefundRecorded, ShipmentCreated, ShipmentDelivered } from '../../../shared/events/catalogue.ts';
import { MappingError, type NormalizedDelivery, type NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import {
  orderCancelledDetail,
  orderPlacedDetail,
  orderUpdatedDetail,
  refundRecordedDetail,
  shipmentCreatedDetail,
  shipmentDeliveredDetail,
} from '../../../shared/storefronts/to-events.ts';
import { dedupeKeyForWooOrder, isWooCommercePing, normalizeWooCommerce, wooTopics } from '../../../shared/storefronts/woocommerce.ts';
import { as, fixture, mappingError } from './fixtures.ts';

const ctx = { shopId: 'acme-outdoor', defaultLocale: 'en-US', receivedAt: '2024-05-07T10:00:00.250Z' };
const usd = (amount: number) => ({ amount, currency: 'USD' });

const deliver = (topic: string, payload: unknown, context: Parameters<typeof normalizeWooCommerce>[2] = ctx): NormalizedDelivery => normalizeWooCommerce(topic, payload, context);
function order(topic: string, payload: unknown): NormalizedOrder {
  const delivery = deliver(topic, payload);
  if (delivery.kind !== 'order') throw new Error(`expected an order, got ${delivery.kind}`);
  return delivery.order;
}

describe('WooCommerce orders', () => {
  it('maps order.created', () => {
    const mapped = order('order.created', fixture('woo-order.json'));
    expect(mapped).toMatchObject({
      shopId: 'acme-outdoor',
      platform: 'woocommerce',
      orderId: '4211',
      orderNumber: '#4211',
      createdAt: '2024-05-01T12:30:00Z',
      sourceUpdatedAt: '2024-05-01T12:31:10Z',
      currency: 'USD',
      customer: { id: '12', email: 'ada@example.com', phone: '+15035550123', firstName: 'Ada', lastName: 'Lovelace', locale: 'en-US' },
      financialStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      shippingAddress: { countryCode: 'US', region: 'OR', city: 'Portland', postalCode: '97201', line1: '1 Main St' },
      shippingMethod: { code: 'flat_rate', title: 'Flat rate' },
      tags: [],
      test: false,
      fulfillments: [],
      refunds: [],
    });
    expect(mapped.cancelledAt).toBeUndefined();
    // Line amounts before tax; the coupon's share is the line discount; unit price before discounts.
    expect(mapped.lines).toEqual([
      {
        lineId: '315',
        productId: '55',
        variantId: '57',
        sku: 'HOOD-L',
        title: 'Hoodie - Large',
        quantity: 2,
        unitPrice: usd(4500),
        discount: usd(900),
        tax: usd(648),
        total: usd(8100),
        requiresShipping: true,
      },
      expect.objectContaining({ lineId: '316', productId: '60', variantId: undefined, sku: undefined, quantity: 3, unitPrice: usd(333), discount: usd(100), total: usd(900) }),
    ]);
    expect(mapped.totals).toEqual({ subtotal: usd(9000), discounts: usd(1000), shipping: usd(500), tax: usd(760), total: usd(10260) });
    const detail = orderPlacedDetail(mapped);
    expect(OrderPlaced.detail.parse(detail)).toEqual(detail);
  });

  it('keeps no IP address, user agent, customer note or payment details', () => {
    const text = JSON.stringify(order('order.created', fixture('woo-order.json')));
    for (const personal of ['203.0.113.9', 'Mozilla', 'Ring twice', 'cus_PAbc123', 'ch_3P0abc', 'wc_order_', 'Apt 4']) expect(text).not.toContain(personal);
  });

  it('maps order.updated with Shipment Tracking items as fulfillments, and refunds', () => {
    const mapped = order('order.updated', fixture('woo-order-shipped-refunded.json'));
    expect(mapped).toMatchObject({ fulfillmentStatus: 'fulfilled', financialStatus: 'partially_refunded', sourceUpdatedAt: '2024-05-06T09:15:00Z' });
    const allLines = [
      { lineId: '315', quantity: 2 },
      { lineId: '316', quantity: 3 },
    ];
    expect(mapped.fulfillments).toEqual([
      {
        shopId: 'acme-outdoor',
        fulfillmentId: '7c2b8d1e4f5a6b7c8d9e0f1a2b3c4d5e',
        orderId: '4211',
        status: 'success',
        carrier: { code: 'usps', name: 'USPS' },
        trackingNumbers: ['9400100000000000000000'],
        trackingUrls: ['https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=9400100000000000000000'],
        lines: allLines,
        createdAt: '2024-05-03T16:00:00Z',
        sourceUpdatedAt: '2024-05-06T09:15:00Z',
      },
      {
        shopId: 'acme-outdoor',
        fulfillmentId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        orderId: '4211',
        status: 'success',
        carrier: { code: 'portland_bike_courier', name: 'Portland Bike Courier' },
        trackingNumbers: ['PBC-7781'],
        trackingUrls: ['https://pdxcourier.example/track/PBC-7781'],
        lines: allLines,
        createdAt: '2024-05-04T16:00:00Z',
        sourceUpdatedAt: '2024-05-06T09:15:00Z',
      },
    ]);
    expect(mapped.refunds).toEqual([
      { shopId: 'acme-outdoor', refundId: '4302', orderId: '4211', createdAt: '2024-05-06T09:15:00Z', amount: usd(324), lines: [], note: 'One sticker sheet arrived torn' },
    ]);

    for (const shipment of mapped.fulfillments) {
      const created = shipmentCreatedDetail(mapped, shipment);
      expect(ShipmentCreated.detail.parse(created)).toEqual(created);
    }
    const refund = refundRecordedDetail(mapped, mapped.refunds[0]!);
    expect(RefundRecorded.detail.parse(refund)).toEqual(refund);
    const updated = orderUpdatedDetail(mapped, ['fulfillmentStatus', 'financialStatus']);
    expect(OrderUpdated.detail.parse(updated)).toMatchObject({ occurredAt: '2024-05-06T09:15:00Z', changes: ['fulfillmentStatus', 'financialStatus'] });
  });

  it('yields no fulfillment for a completed order without tracking', () => {
    const mapped = order('order.updated', { ...fixture('woo-order.json'), status: 'completed' });
    expect(mapped.fulfillmentStatus).toBe('fulfilled');
    expect(mapped.fulfillments).toEqual([]);
  });

  it('reads tracking items stored as a PHP array with gaps, skips unusable ones, and reads the delivered status of tracking plugins', () => {
    const payload = fixture('woo-order-shipped-refunded.json');
    const meta = payload.meta_data.find((entry: { key: string }) => entry.key === '_wc_shipment_tracking_items');
    meta.value = { 1: { ...meta.value[1], tracking_number: 77815501, date_shipped: '2024-05-04' }, 3: 'not a tracking item', 4: { tracking_number: '' } };
    const mapped = order('order.updated', { ...payload, status: 'delivered' });
    expect(mapped.fulfillments).toHaveLength(1);
    expect(mapped.fulfillments[0]).toMatchObject({ trackingNumbers: ['77815501'], createdAt: '2024-05-04T00:00:00Z', shipmentStatus: 'delivered', deliveredAt: '2024-05-06T09:15:00Z' });
    const delivered = shipmentDeliveredDetail(mapped, mapped.fulfillments[0]!);
    expect(ShipmentDelivered.detail.parse(delivered)).toEqual(delivered);
  });

  it('maps every core status to payment, fulfillment and cancellation', () => {
    const base = fixture('woo-order.json');
    const unpaid = { date_paid_gmt: null, date_paid: null };
    const cases: [string, object, string, string, string | undefined][] = [
      ['pending', unpaid, 'pending', 'unfulfilled', undefined],
      ['processing', {}, 'paid', 'unfulfilled', undefined],
      ['on-hold', unpaid, 'pending', 'unfulfilled', undefined],
      ['completed', {}, 'paid', 'fulfilled', undefined],
      ['cancelled', unpaid, 'voided', 'unfulfilled', 'other'],
      ['refunded', { refunds: [{ id: 4303, reason: '', total: '-102.60' }] }, 'refunded', 'unfulfilled', undefined],
      ['failed', unpaid, 'voided', 'unfulfilled', undefined],
      ['trash', {}, 'paid', 'unfulfilled', 'deleted'],
      ['processing', { ...unpaid, payment_method: 'cod' }, 'pending', 'unfulfilled', undefined],
      ['partial-shipped', {}, 'paid', 'partially_fulfilled', undefined],
      ['awaiting-pickup', {}, 'paid', 'unfulfilled', undefined],
    ];
    for (const [status, changes, financial, fulfillment, cancelReason] of cases) {
      const mapped = order('order.updated', { ...base, ...changes, status });
      expect([status, mapped.financialStatus, mapped.fulfillmentStatus, mapped.cancelReason], status).toEqual([status, financial, fulfillment, cancelReason]);
      expect(mapped.cancelledAt).toBe(cancelReason ? '2024-05-01T12:31:10Z' : undefined);
      if (mapped.cancelledAt) {
        const detail = orderCancelledDetail(mapped);
        expect(OrderCancelled.detail.parse(detail)).toMatchObject({ reason: cancelReason === 'deleted' ? 'staff' : 'other' });
      }
    }
    expect(order('order.updated', { ...base, status: 'processing', refunds: [{ id: 1, reason: 'x', total: '-1.00' }] }).financialStatus).toBe('partially_refunded');
  });

  it('maps order.deleted to a deletion at the delivery time, and order.restored to the order', () => {
    expect(deliver('order.deleted', fixture('woo-order-deleted.json'))).toEqual({ kind: 'order_deleted', orderId: '4211', sourceUpdatedAt: '2024-05-07T10:00:00.250Z' });
    const error = mappingError(() => deliver('order.deleted', { id: 4211 }, { shopId: 'acme-outdoor' }));
    expect(error.message).toBe('order.deleted: ctx.receivedAt: is required');
    expect(order('order.restored', fixture('woo-order.json'))).toMatchObject({ orderId: '4211', financialStatus: 'paid' });
    expect(wooTopics).toEqual(['order.created', 'order.updated', 'order.deleted', 'order.restored']);
  });

  it('names the field it cannot map', () => {
    expect(mappingError(() => order('order.updated', { ...fixture('woo-order.json'), total: 'abc' })).message).toBe('order.updated: total: "abc" is not a decimal amount');
    const noQuantity = fixture('woo-order.json');
    delete noQuantity.line_items[1].quantity;
    expect(mappingError(() => order('order.updated', noQuantity))).toMatchObject({ reason: 'missing_field', message: 'order.updated: line_items[1].quantity: is required' });
    const badDate = { ...fixture('woo-order.json'), date_modified_gmt: '01/05/2024' };
    expect(mappingError(() => order('order.updated', badDate)).path).toBe('date_modified_gmt');
    expect(mappingError(() => deliver('order.updated', { ...fixture('woo-order.json'), currency: 'dollars' })).path).toBe('currency');
    expect(mappingError(() => deliver('coupon.created', { id: 1 })).reason).toBe('unsupported_topic');
  });

  it('falls back to the shop language and drops national phone numbers', () => {
    const payload = fixture('woo-order.json');
    payload.meta_data = [];
    payload.billing.phone = '(503) 555-0123';
    const mapped = order('order.created', { ...payload, customer_id: 0 });
    expect(mapped.customer).toMatchObject({ id: undefined, phone: undefined, locale: 'en-US' });
    expect(OrderPlaced.detail.parse(orderPlacedDetail(mapped)).customer.id).toMatch(/^guest-/);
  });
});

describe('WooCommerce deliveries', () => {
  it('recognises the ping sent when a webhook is created', () => {
    expect(isWooCommercePing('application/x-www-form-urlencoded', 'webhook_id=42')).toBe(true);
    expect(isWooCommercePing('application/x-www-form-urlencoded; charset=UTF-8', 'webhook_id=42\n')).toBe(true);
    expect(isWooCommercePing(undefined, 'webhook_id=7')).toBe(true);
    expect(isWooCommercePing('application/json', '{"webhook_id":42}')).toBe(false);
    expect(isWooCommercePing('application/x-www-form-urlencoded', 'webhook_id=42&id=4211')).toBe(false);
    expect(deliver('order.created', { webhook_id: '42' })).toEqual({ kind: 'ping' });
    expect(deliver('', 'webhook_id=42')).toEqual({ kind: 'ping' });
  });

  it('keys an order change by id and modification time', () => {
    expect(dedupeKeyForWooOrder(fixture('woo-order.json'))).toBe('4211:2024-05-01T12:31:10');
    expect(dedupeKeyForWooOrder(fixture('woo-order-shipped-refunded.json'))).toBe('4211:2024-05-06T09:15:00');
    expect(dedupeKeyForWooOrder({ id: 4211 })).toBe('4211:deleted');
    expect(() => dedupeKeyForWooOrder({})).toThrow(MappingError);
  });
});
