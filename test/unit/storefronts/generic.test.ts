import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CustomerUpdated,
  OrderCancelled,
  OrderPlaced,
  OrderUpdated,
  RefundRecorded,
  ShipmentCreated,
  ShipmentDelivered,
  ShipmentUpdated,
} from '../../../shared/events/catalogue.ts';
import { GenericEnvelope, genericTypes, normalizeGeneric } from '../../../shared/storefronts/generic.ts';
import {
  customerUpdatedDetail,
  orderCancelledDetail,
  orderPlacedDetail,
  orderUpdatedDetail,
  refundRecordedDetail,
  shipmentCreatedDetail,
  shipmentDeliveredDetail,
  shipmentUpdatedDetail,
} from '../../../shared/storefronts/to-events.ts';
import { as, fixture, mappingError } from './fixtures.ts';

const ctx = { shopId: 'acme-outdoor', defaultLocale: 'fr-FR' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The JSON examples of GENERIC.md, by envelope type. */
const documented = new Map<string, any>(
  [...readFileSync(new URL('../../../shared/storefronts/GENERIC.md', import.meta.url), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(([, json]) => {
    const envelope = JSON.parse(json!);
    return [envelope.type, envelope];
  }),
);

const envelope = (type: string, data: object, occurredAt = '2024-05-03T11:40:00Z') => ({ id: `evt-${type}`, type, occurredAt, data });
const placed = () => fixture('generic-order-placed.json');
const shipment = () => structuredClone(documented.get('shipment.updated').data);

describe('generic envelopes', () => {
  it('documents a valid example for the order, shipment, refund and customer types', () => {
    expect([...documented.keys()].sort()).toEqual(['customer.updated', 'order.placed', 'refund.recorded', 'shipment.delivered', 'shipment.updated']);
    for (const example of documented.values()) {
      expect(GenericEnvelope.safeParse(example).success).toBe(true);
      expect(() => normalizeGeneric(example, ctx)).not.toThrow();
    }
    expect(documented.get('order.placed')).toEqual(placed());
  });

  it('maps order.placed: the data is the normalized order, with the shop and platform set by us', () => {
    const order = as('order', normalizeGeneric({ ...placed(), data: { ...placed().data, shopId: 'someone-else', platform: 'shopify' } }, ctx)).order;
    expect(order).toMatchObject({ shopId: 'acme-outdoor', platform: 'generic', orderId: 'A-10042', currency: 'EUR', fulfillments: [], refunds: [], shipBy: '2024-05-03T17:00:00Z' });
    expect(order.lines[0]).toMatchObject({ unitPrice: eur(24900), productTags: ['tents', 'summer'] });
    const detail = orderPlacedDetail(order, 'evt_01HX7Z3K4M9QW2B8');
    expect(OrderPlaced.detail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ platform: 'generic', deliverBy: '2024-05-08T21:59:59Z', customer: { id: 'cus_881', locale: 'fr-FR' } });
  });

  it('maps order.updated with nested shipments and refunds, and order.cancelled with its defaults', () => {
    const data = placed().data;
    const updated = as(
      'order',
      normalizeGeneric(
        envelope('order.updated', {
          ...data,
          fulfillmentStatus: 'fulfilled',
          sourceUpdatedAt: '2024-05-03T11:40:00Z',
          fulfillments: [shipment()],
          refunds: [documented.get('refund.recorded').data],
        }),
        ctx,
      ),
    ).order;
    expect(updated.fulfillments[0]).toMatchObject({ shopId: 'acme-outdoor', fulfillmentId: 'SHP-5521', sourceUpdatedAt: '2024-05-03T11:40:00Z' });
    expect(updated.refunds[0]).toMatchObject({ shopId: 'acme-outdoor', refundId: 'RF-77', amount: eur(2694) });
    expect(OrderUpdated.detail.parse(orderUpdatedDetail(updated, ['fulfillmentStatus']))).toMatchObject({ occurredAt: '2024-05-03T11:40:00Z', fulfillmentStatus: 'fulfilled' });

    const { sourceUpdatedAt: _omitted, ...withoutTime } = data;
    const cancelled = as('order', normalizeGeneric(envelope('order.cancelled', withoutTime, '2024-05-01T10:00:00Z'), ctx)).order;
    expect(cancelled).toMatchObject({ cancelledAt: '2024-05-01T10:00:00Z', cancelReason: 'other', sourceUpdatedAt: '2024-05-01T10:00:00Z' });
    expect(OrderCancelled.detail.parse(orderCancelledDetail(cancelled))).toMatchObject({ reason: 'other', occurredAt: '2024-05-01T10:00:00Z' });
  });

  it('maps shipment.created, shipment.updated and shipment.delivered', () => {
    const { shipmentStatus: _status, ...created } = shipment();
    const createdShipment = as('fulfillment', normalizeGeneric(envelope('shipment.created', created, '2024-05-02T15:00:00Z'), ctx)).fulfillment;
    expect(createdShipment).toMatchObject({ shopId: 'acme-outdoor', sourceUpdatedAt: '2024-05-02T15:00:00Z' });
    expect(createdShipment.shipmentStatus).toBeUndefined();
    expect(ShipmentCreated.detail.parse(shipmentCreatedDetail(undefined, createdShipment))).toMatchObject({ shipmentId: 'SHP-5521', estimatedDeliveryAt: '2024-05-03T18:00:00Z' });

    const updated = as('fulfillment', normalizeGeneric(documented.get('shipment.updated'), ctx)).fulfillment;
    const updatedDetail = shipmentUpdatedDetail(undefined, updated);
    expect(ShipmentUpdated.detail.parse(updatedDetail)).toMatchObject({ status: 'out_for_delivery', occurredAt: '2024-05-03T07:12:00Z', tracking: { carrier: { code: 'colissimo' } } });

    const delivered = as('fulfillment', normalizeGeneric(documented.get('shipment.delivered'), ctx)).fulfillment;
    expect(delivered).toMatchObject({ shipmentStatus: 'delivered', deliveredAt: '2024-05-03T11:40:00Z' });
    const order = as('order', normalizeGeneric(placed(), ctx)).order;
    const deliveredDetail = shipmentDeliveredDetail(order, delivered);
    expect(ShipmentDelivered.detail.parse(deliveredDetail)).toMatchObject({ occurredAt: '2024-05-03T11:40:00Z', deliverBy: '2024-05-08T21:59:59Z', late: false, customer: { id: 'cus_881' } });
  });

  it('maps refund.recorded and customer.updated', () => {
    const refund = as('refund', normalizeGeneric(documented.get('refund.recorded'), ctx)).refund;
    expect(RefundRecorded.detail.parse(refundRecordedDetail(undefined, refund))).toMatchObject({ platformRefundId: 'RF-77', amount: eur(2694), shipping: eur(1194) });

    const customer = as('customer', normalizeGeneric(documented.get('customer.updated'), ctx)).customer;
    expect(customer).toMatchObject({ shopId: 'acme-outdoor', platform: 'generic', sourceUpdatedAt: '2024-05-11T08:00:00Z', smsMarketingConsent: { state: 'not_subscribed' } });
    const detail = customerUpdatedDetail(customer);
    expect(CustomerUpdated.detail.parse(detail)).toMatchObject({
      platform: 'generic',
      marketingConsent: { email: true, sms: false },
      changes: ['customer.email', 'customer.firstName', 'customer.lastName', 'customer.locale', 'marketingConsent.email', 'marketingConsent.sms'],
    });
  });

  it('covers every documented type', () => {
    expect(genericTypes).toEqual(['order.placed', 'order.updated', 'order.cancelled', 'shipment.created', 'shipment.updated', 'shipment.delivered', 'refund.recorded', 'customer.updated']);
  });
});

describe('invalid generic envelopes', () => {
  it('refuses a broken envelope, naming the field', () => {
    const { id: _id, ...withoutId } = placed();
    expect(mappingError(() => normalizeGeneric(withoutId, ctx))).toMatchObject({ reason: 'missing_field', message: 'order.placed: id: is required' });
    expect(mappingError(() => normalizeGeneric({ ...placed(), occurredAt: '2024-05-01T11:30:00+02:00' }, ctx))).toMatchObject({ reason: 'invalid_value', path: 'occurredAt' });
    expect(mappingError(() => normalizeGeneric({ ...placed(), data: [] }, ctx)).path).toBe('data');
    expect(mappingError(() => normalizeGeneric({ ...placed(), type: 'order.exploded' }, ctx))).toMatchObject({ reason: 'unsupported_topic', topic: 'order.exploded' });
    expect(mappingError(() => normalizeGeneric('hello', ctx)).topic).toBe('generic');
    expect(GenericEnvelope.safeParse({ ...placed(), type: 'order.exploded' }).success).toBe(false);
  });

  it('refuses data that is not the normalized model, naming the field', () => {
    const float = placed();
    float.data.lines[0].unitPrice.amount = 249.5;
    expect(mappingError(() => normalizeGeneric(float, ctx)).message).toBe('order.placed: data.lines[0].unitPrice.amount: Invalid input: expected int, received number');

    const mixed = placed();
    mixed.data.totals.tax.currency = 'USD';
    expect(mappingError(() => normalizeGeneric(mixed, ctx)).message).toBe('order.placed: data.totals.tax: currency USD differs from EUR');

    const noLineId = placed();
    delete noLineId.data.lines[1].lineId;
    expect(mappingError(() => normalizeGeneric(noLineId, ctx))).toMatchObject({ reason: 'missing_field', path: 'data.lines[1].lineId' });

    const badPhone = placed();
    badPhone.data.customer.phone = '06 12 34 56 78';
    expect(mappingError(() => normalizeGeneric(badPhone, ctx)).path).toBe('data.customer.phone');

    const badZone = placed();
    badZone.data.customer.timeZone = 'Mars/Olympus_Mons';
    expect(mappingError(() => normalizeGeneric(badZone, ctx)).path).toBe('data.customer.timeZone');

    const strayLine = placed();
    strayLine.data.refunds = [{ ...documented.get('refund.recorded').data, lines: [{ lineId: 'nope', quantity: 1, amount: eur(1) }] }];
    expect(mappingError(() => normalizeGeneric(strayLine, ctx)).message).toBe('order.placed: data.refunds[0].lines[0].lineId: no order line nope');

    const { shipmentStatus: _status, ...noStatus } = shipment();
    expect(mappingError(() => normalizeGeneric(envelope('shipment.updated', noStatus), ctx))).toMatchObject({ reason: 'missing_field', path: 'data.shipmentStatus' });
    expect(mappingError(() => normalizeGeneric(envelope('shipment.updated', { ...shipment(), shipmentStatus: 'teleported' }), ctx)).path).toBe('data.shipmentStatus');
    expect(mappingError(() => normalizeGeneric(envelope('customer.updated', { email: 'ada@example.com' }), ctx)).path).toBe('data.customerId');
  });
});
