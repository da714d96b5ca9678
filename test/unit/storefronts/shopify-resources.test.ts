import { describe, expect, it } from 'vitest';
import { CustomerUpdated, RefundRecorded, ShipmentCreated, ShipmentDelivered, ShipmentUpdated } from '../../../shared/events/catalogue.ts';
import type { NormalizedFulfillment, NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import { normalizeShopify } from '../../../shared/storefronts/shopify.ts';
import {
  customerUpdatedDetail,
  refundRecordedDetail,
  shipmentCreatedDetail,
  shipmentDeliveredDetail,
  shipmentUpdatedDetail,
} from '../../../shared/storefronts/to-events.ts';
import { as, fixture, mappingError } from './fixtures.ts';

const ctx = { shopId: 'acme-outdoor', defaultLocale: 'en-US' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const order = (topic: string, payload: unknown): NormalizedOrder => as('order', normalizeShopify(topic, payload, ctx)).order;
const fulfillment = (payload: unknown): NormalizedFulfillment => as('fulfillment', normalizeShopify('fulfillments/update', payload, ctx)).fulfillment;

describe('Shopify fulfillments', () => {
  const expected: [string, string, string | undefined][] = [
    ['confirmed', 'label_created', 'Confirmed by the carrier'],
    ['label_printed', 'label_created', 'Label printed'],
    ['label_purchased', 'label_created', 'Label purchased'],
    ['attempted_delivery', 'failure', 'Delivery attempted'],
    ['ready_for_pickup', 'available_for_pickup', undefined],
    ['in_transit', 'in_transit', undefined],
    ['out_for_delivery', 'out_for_delivery', undefined],
    ['delivered', 'delivered', undefined],
    ['failure', 'failure', undefined],
  ];

  it.each(expected)('maps shipment_status %s to %s', (shopifyStatus, status, detail) => {
    const payload = { ...fixture('shopify-fulfillment.json'), shipment_status: shopifyStatus };
    const mapped = fulfillment(payload);
    expect(mapped).toMatchObject({ shipmentStatus: status, statusDetail: detail, sourceUpdatedAt: '2024-05-04T07:12:00Z' });
    expect(mapped.deliveredAt).toBe(status === 'delivered' ? '2024-05-04T07:12:00Z' : undefined);
    const updated = shipmentUpdatedDetail(undefined, mapped, 'evt-9', 'in_transit');
    expect(ShipmentUpdated.detail.parse(updated)).toEqual(updated);
    expect(updated).toMatchObject({ status, previousStatus: 'in_transit', occurredAt: '2024-05-04T07:12:00Z', correlationId: 'evt-9' });
    if (status === 'delivered') {
      const delivered = shipmentDeliveredDetail(undefined, mapped);
      expect(ShipmentDelivered.detail.parse(delivered)).toEqual(delivered);
      expect(delivered.occurredAt).toBe('2024-05-04T07:12:00Z');
    }
  });

  it('maps the fulfillment itself: lines, carrier, every tracking number and URL', () => {
    const mapped = fulfillment(fixture('shopify-fulfillment.json'));
    expect(mapped).toMatchObject({
      shopId: 'acme-outdoor',
      fulfillmentId: '4420000000001',
      orderId: '5900000000001',
      status: 'success',
      carrier: { code: 'dhl_express', name: 'DHL Express' },
      trackingNumbers: ['1234567890', '1234567891'],
      lines: [
        { lineId: '13900000000001', quantity: 1 },
        { lineId: '13900000000002', quantity: 2 },
      ],
      createdAt: '2024-05-02T14:00:00Z',
    });
    expect(mapped.trackingUrls).toHaveLength(2);
    const created = shipmentCreatedDetail(undefined, mapped);
    expect(ShipmentCreated.detail.parse(created)).toEqual(created);
    expect(created).toMatchObject({ customer: undefined, occurredAt: '2024-05-02T14:00:00Z', tracking: { trackingNumber: '1234567890' } });
  });

  it('leaves unknown or absent tracking statuses unset, and refuses unknown fulfillment statuses', () => {
    expect(fulfillment({ ...fixture('shopify-fulfillment.json'), shipment_status: 'teleported' }).shipmentStatus).toBeUndefined();
    expect(fulfillment({ ...fixture('shopify-fulfillment.json'), shipment_status: null }).shipmentStatus).toBeUndefined();
    const unsupported = { ...fixture('shopify-fulfillment.json'), tracking_company: '顺丰速运', tracking_urls: ['javascript:alert(1)'], tracking_url: null };
    expect(fulfillment(unsupported)).toMatchObject({ carrier: { code: 'other', name: '顺丰速运' }, trackingUrls: [] });
    const error = mappingError(() => fulfillment({ ...fixture('shopify-fulfillment.json'), status: 'lost' }));
    expect(error.message).toBe('fulfillments/update: status: "lost" is not a fulfillment status (pending, open, success, cancelled, error, failure)');
  });
});

describe('Shopify refunds', () => {
  it('maps a refund of one line with a shipping refund, amount from the successful transaction', () => {
    const refund = as('refund', normalizeShopify('refunds/create', fixture('shopify-refund.json'), ctx)).refund;
    expect(refund).toEqual({
      shopId: 'acme-outdoor',
      refundId: '9900000000001',
      orderId: '5900000000001',
      createdAt: '2024-05-20T13:04:00Z',
      amount: eur(5827),
      lines: [{ lineId: '13900000000003', quantity: 1, amount: eur(3861 + 772) }],
      shipping: eur(995 + 199),
      note: 'Headlamp arrived broken',
      restock: true,
    });
    const mappedOrder = order('orders/create', fixture('shopify-order-multicurrency.json'));
    const detail = refundRecordedDetail(mappedOrder, refund);
    expect(RefundRecorded.detail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ platformRefundId: '9900000000001', occurredAt: '2024-05-20T13:04:00Z', customer: { id: '7900000000001' } });
    expect(RefundRecorded.detail.parse(refundRecordedDetail(undefined, refund)).customer).toBeUndefined();
  });

  it('falls back to lines plus shipping without a successful transaction, and reads refund_shipping_lines', () => {
    const payload = fixture('shopify-refund.json');
    payload.transactions = payload.transactions.filter((transaction: { status: string }) => transaction.status !== 'success');
    payload.order_adjustments = [];
    payload.refund_shipping_lines = [
      {
        id: 1050000000001,
        shipping_line_id: 4900000000001,
        subtotal_amount_set: { shop_money: { amount: '10.81', currency_code: 'USD' }, presentment_money: { amount: '9.95', currency_code: 'EUR' } },
        tax_amount_set: { shop_money: { amount: '2.16', currency_code: 'USD' }, presentment_money: { amount: '1.99', currency_code: 'EUR' } },
      },
    ];
    const refund = as('refund', normalizeShopify('refunds/create', payload, ctx)).refund;
    expect(refund).toMatchObject({ amount: eur(5827), shipping: eur(1194) });
  });

  it('does not add included tax again', () => {
    const refund = as('refund', normalizeShopify('refunds/create', fixture('shopify-refund.json'), { ...ctx, taxesIncluded: true })).refund;
    expect(refund.lines[0]?.amount).toEqual(eur(3861));
    expect(refund.shipping).toEqual(eur(995));
  });

  it('keeps refunds embedded in an order, matched to its lines', () => {
    const payload = fixture('shopify-order-multicurrency.json');
    Object.assign(payload, { financial_status: 'partially_refunded', refunds: [fixture('shopify-refund.json')] });
    const mapped = order('orders/updated', payload);
    expect(mapped.financialStatus).toBe('partially_refunded');
    expect(mapped.refunds.map((refund) => [refund.refundId, refund.amount.amount])).toEqual([['9900000000001', 5827]]);

    payload.refunds[0].refund_line_items[0].line_item_id = 13900000000777;
    expect(mappingError(() => order('orders/updated', payload)).message).toBe('orders/updated: refunds[0].lines[0].lineId: no order line 13900000000777');
  });
});

describe('Shopify customers', () => {
  it('maps a customer update with consent changes', () => {
    const customer = as('customer', normalizeShopify('customers/update', fixture('shopify-customer.json'), ctx)).customer;
    expect(customer).toEqual({
      shopId: 'acme-outdoor',
      platform: 'shopify',
      customerId: '7900000000001',
      email: 'ada@example.com',
      phone: '+15035550123',
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'en-US',
      emailMarketingConsent: { state: 'subscribed', updatedAt: '2024-05-10T16:45:00Z' },
      smsMarketingConsent: { state: 'unsubscribed', updatedAt: '2024-05-09T06:00:00Z' },
      sourceUpdatedAt: '2024-05-10T16:45:00Z',
    });
    const detail = customerUpdatedDetail(customer, 'evt-3', ['marketingConsent.email']);
    expect(CustomerUpdated.detail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ platform: 'shopify', marketingConsent: { email: true, sms: false }, changes: ['marketingConsent.email'], customer: { lastName: 'Lovelace' } });
    expect(JSON.stringify(customer)).not.toContain('VIP');
  });

  it('never assumes consent the payload does not give', () => {
    const payload = fixture('shopify-customer.json');
    // API 2025-01 and later: consent moved to dedicated topics.
    for (const key of ['email_marketing_consent', 'sms_marketing_consent', 'accepts_marketing', 'accepts_marketing_updated_at', 'marketing_opt_in_level']) delete payload[key];
    const customer = as('customer', normalizeShopify('customers/update', { ...payload, phone: '503-555-0123', locale: null }, ctx)).customer;
    expect(customer).toMatchObject({ emailMarketingConsent: undefined, smsMarketingConsent: undefined, phone: undefined, locale: 'en-US' });
    expect(CustomerUpdated.detail.parse(customerUpdatedDetail(customer)).marketingConsent).toEqual({});

    const legacy = as('customer', normalizeShopify('customers/update', { ...payload, accepts_marketing: false }, ctx)).customer;
    expect(legacy.emailMarketingConsent).toEqual({ state: 'not_subscribed', updatedAt: undefined });
    const redacted = { ...payload, email_marketing_consent: { state: 'redacted', opt_in_level: null, consent_updated_at: null } };
    expect(as('customer', normalizeShopify('customers/update', redacted, ctx)).customer.emailMarketingConsent?.state).toBe('unsubscribed');
  });
});
