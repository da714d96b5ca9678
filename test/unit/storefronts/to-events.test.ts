import { describe, expect, it } from 'vitest';
import { CustomerUpdated, OrderCancelled, OrderPlaced, ShipmentCreated } from '../../../shared/events/catalogue.ts';
import { EventValidationError } from '../../../shared/events/errors.ts';
import { normalizeGeneric } from '../../../shared/storefronts/generic.ts';
import { MappingError, type NormalizedCustomer, type NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import {
  changedCustomerFields,
  customerRefOf,
  customerUpdatedDetail,
  orderCancelledDetail,
  orderPlacedDetail,
  shipmentCreatedDetail,
  shipmentUpdatedDetail,
} from '../../../shared/storefronts/to-events.ts';
import { fixture } from './fixtures.ts';

function genericOrder(): NormalizedOrder {
  const delivery = normalizeGeneric(fixture('generic-order-placed.json'), { shopId: 'acme-outdoor' });
  if (delivery.kind !== 'order') throw new Error('expected an order');
  return delivery.order;
}

const customer: NormalizedCustomer = {
  shopId: 'acme-outdoor',
  platform: 'shopify',
  customerId: '7900000000001',
  email: 'ada@example.com',
  firstName: 'Ada',
  emailMarketingConsent: { state: 'pending' },
  sourceUpdatedAt: '2024-05-10T16:45:00Z',
};

describe('normalized to canonical details', () => {
  it('derives guest ids from the email, else the phone, else the order, per shop', () => {
    const order = genericOrder();
    const guest = { ...order, customer: { ...order.customer, id: undefined } };
    const byEmail = customerRefOf(guest).id;
    expect(customerRefOf({ ...guest, customer: { ...guest.customer, email: 'Ada@Example.com' } }).id).toBe(byEmail);
    expect(customerRefOf({ ...guest, shopId: 'other-shop' }).id).not.toBe(byEmail);
    const byPhone = customerRefOf({ ...guest, customer: { phone: '+33612345678' } }).id;
    expect(byPhone).toMatch(/^guest-[0-9a-f]{32}$/);
    expect(byPhone).not.toBe(byEmail);
    expect(customerRefOf({ ...guest, customer: {} })).toEqual({ id: 'guest-order-A-10042', locale: 'en' });
  });

  it('leaves out an address the catalogue cannot take, and what it has no field for', () => {
    const order = genericOrder();
    const detail = orderPlacedDetail({ ...order, shippingAddress: { countryCode: 'FR', city: 'Paris' } });
    expect(detail.shippingAddress).toBeUndefined();
    expect(OrderPlaced.detail.parse(detail)).toEqual(detail);
    const full = orderPlacedDetail(order);
    expect(full.shippingAddress).toEqual({ line1: '12 Rue Oberkampf', city: 'Paris', postalCode: '75011', countryCode: 'FR' });
    expect(full.customer).not.toHaveProperty('timeZone');
    expect(full.lines[0]).not.toHaveProperty('productTags');
  });

  it('fails, naming the field, when a detail would not publish', () => {
    const order = genericOrder();
    const error = (() => {
      try {
        orderPlacedDetail({ ...order, lines: [] });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).paths).toEqual(['lines']);
    expect((error as Error).message).toContain('for order A-10042');

    expect(() => orderCancelledDetail(order)).toThrow(MappingError);
    expect(() => shipmentCreatedDetail(order, { ...shipmentOf(order), lines: [] })).toThrow(EventValidationError);
    expect(() => shipmentUpdatedDetail(order, shipmentOf(order))).toThrow('ShipmentUpdated: shipmentStatus: is required');
  });

  it('reports a deleted order as cancelled by staff', () => {
    const order = genericOrder();
    const detail = orderCancelledDetail({ ...order, cancelledAt: '2024-05-07T10:00:00Z', cancelReason: 'deleted' }, 'evt-7');
    expect(OrderCancelled.detail.parse(detail)).toMatchObject({ reason: 'staff', cancelledBy: { kind: 'staff' }, correlationId: 'evt-7', occurredAt: '2024-05-07T10:00:00Z' });
  });

  it('uses a generic carrier when the shipment names none', () => {
    const order = genericOrder();
    const detail = shipmentCreatedDetail(order, shipmentOf(order));
    expect(ShipmentCreated.detail.parse(detail)).toMatchObject({ tracking: { carrier: { code: 'other' } }, destinationCountry: 'FR', customer: { id: 'cus_881' } });
  });

  it('lists the changed profile fields, and treats pending consent as no consent', () => {
    const detail = customerUpdatedDetail(customer);
    expect(CustomerUpdated.detail.parse(detail)).toMatchObject({
      marketingConsent: { email: false },
      customer: { id: '7900000000001', locale: 'en' },
      changes: ['customer.email', 'customer.firstName', 'marketingConsent.email'],
    });
    const subscribed: NormalizedCustomer = { ...customer, emailMarketingConsent: { state: 'subscribed' }, phone: '+15035550123' };
    expect(changedCustomerFields(customer, subscribed)).toEqual(['customer.phone', 'marketingConsent.email']);
    expect(changedCustomerFields(customer, { ...customer, sourceUpdatedAt: '2024-06-01T00:00:00Z' })).toEqual([]);
    expect(customerUpdatedDetail({ ...customer, email: undefined, firstName: undefined, emailMarketingConsent: undefined }).changes).toEqual(['customer']);
  });
});

function shipmentOf(order: NormalizedOrder) {
  return {
    shopId: order.shopId,
    fulfillmentId: 'SHP-1',
    orderId: order.orderId,
    status: 'success' as const,
    trackingNumbers: [],
    trackingUrls: [],
    lines: [{ lineId: 'A-10042-1', quantity: 1 }],
    createdAt: '2024-05-02T15:00:00Z',
    sourceUpdatedAt: '2024-05-02T15:00:00Z',
  };
}
