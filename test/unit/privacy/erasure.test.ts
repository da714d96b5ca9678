import { describe, expect, it } from 'vitest';
import { erasedMark, planCustomerErasure, planShopErasure } from '../../../shared/privacy/erasure.ts';
import { customerDataExport, exportedRecord } from '../../../shared/privacy/export.ts';
import { harvestIdentifiers, subjectOf, type StoredItem } from '../../../shared/privacy/subject.ts';

const shopId = 'acme';
const identity = { customerId: '7001', emails: ['Ada@Example.com'], phones: ['+15035550123'], orderIds: ['5001'] };
const subject = () => {
  const s = subjectOf(shopId, identity);
  harvestIdentifiers(customerItem(), s);
  return s;
};

const customerItem = (): StoredItem => ({
  pk: 'CUSTOMER#acme#7001',
  sk: 'STATE',
  gsi1pk: 'CUSTOMERS#acme',
  gsi1sk: 'ada@example.com',
  state: { shopId, customerId: '7001', email: 'ada@example.com', phone: '+15035550123', firstName: 'Ada', lastName: 'Lovelace', orderCount: 2, netSpend: { EUR: 12000 }, version: 3 },
});

const orderItem = (orderId = '5001', customer: Record<string, unknown> = { id: '7001', email: 'ada@example.com', phone: '+15035550123', firstName: 'Ada', locale: 'en' }): StoredItem => ({
  pk: `ORDER#acme#${orderId}`,
  sk: 'STATE',
  state: {
    shopId,
    orderId,
    version: 4,
    order: {
      orderId,
      orderNumber: '#1001',
      customer,
      totals: { total: { amount: 12000, currency: 'EUR' } },
      financialStatus: 'paid',
      shippingAddress: { countryCode: 'FR', city: 'Paris', postalCode: '75001', line1: '1 rue de la Paix' },
      note: 'Ring twice, Ada',
      lines: [{ lineId: 'l1', title: 'Adapter plug', quantity: 1 }],
    },
  },
});

describe('the customer erasure planner', () => {
  it('anonymises the customer record: contact gone, names erased, counts and money kept', () => {
    const plan = planCustomerErasure(customerItem(), subject());
    expect(plan.action).toBe('rewrite');
    if (plan.action !== 'rewrite') return;
    const state = plan.item.state as Record<string, unknown>;
    expect(state).not.toHaveProperty('email');
    expect(state).not.toHaveProperty('phone');
    expect(state).toMatchObject({ customerId: '7001', firstName: erasedMark, lastName: erasedMark, orderCount: 2, netSpend: { EUR: 12000 }, version: 3 });
    expect(plan.item.gsi1sk).toBe(erasedMark);
    expect(JSON.stringify(plan.item)).not.toMatch(/ada|lovelace|5550123/i);
  });

  it('keeps an order’s ids, amounts, statuses and country; erases contact, address lines and notes', () => {
    const plan = planCustomerErasure(orderItem(), subject());
    expect(plan.action).toBe('rewrite');
    if (plan.action !== 'rewrite') return;
    const order = (plan.item.state as { order: Record<string, any> }).order;
    expect(order).toMatchObject({ orderId: '5001', orderNumber: '#1001', totals: { total: { amount: 12000, currency: 'EUR' } }, financialStatus: 'paid' });
    expect(order.customer).toEqual({ id: '7001', firstName: erasedMark, locale: 'en' });
    expect(order.shippingAddress).toEqual({ countryCode: 'FR', city: erasedMark, postalCode: erasedMark, line1: erasedMark });
    expect(order.note).toBe(erasedMark);
    // A product whose title merely starts like the name is not a name.
    expect(order.lines[0].title).toBe('Adapter plug');
    expect(JSON.stringify(plan.item)).not.toMatch(/ada@|lovelace|5550123|rue de la paix/i);
  });

  it('finds an order of the customer the request did not list, by its customer id', () => {
    const plan = planCustomerErasure(orderItem('5002'), subject());
    expect(plan.action).toBe('rewrite');
  });

  it('leaves another customer alone, even one with the same first name', () => {
    const other = orderItem('6001', { id: '8001', email: 'ada@other.example', firstName: 'Ada', locale: 'en' });
    expect(planCustomerErasure(other, subject())).toEqual({ action: 'keep' });
  });

  it('leaves other shops alone', () => {
    const item = { ...orderItem(), pk: 'ORDER#other-shop#5001', state: { ...(orderItem().state as object), shopId: 'other-shop' } };
    expect(planCustomerErasure(item, subject())).toEqual({ action: 'keep' });
  });

  it('deletes contact, consent and export records, and items keyed by the customer’s email', () => {
    const s = subject();
    expect(planCustomerErasure({ pk: 'CONTACT#acme#email#ada@example.com', sk: 'CONTACT', shopId }, s).action).toBe('delete');
    expect(planCustomerErasure({ pk: 'MARKETING#acme#7001', sk: 'MARKETING', sentAt: ['2024-01-01T00:00:00Z'] }, s).action).toBe('delete');
    expect(planCustomerErasure({ pk: 'PRIVACYEXPORT#acme', sk: 'prv_1', customerId: '7001', body: new Uint8Array([1]) }, s).action).toBe('delete');
  });

  it('deletes the raw deliveries about the customer or their orders, and only those', () => {
    const s = subject();
    const delivery = (topic: string): StoredItem => ({ pk: `DELIVERY#acme#shopify#${topic}`, sk: 'DELIVERY', shopId, topic, body: new Uint8Array([1]) });
    expect(planCustomerErasure(delivery('orders/create'), s, { deliveryPayload: { id: 5001, customer: { id: 7001 } } }).action).toBe('delete');
    expect(planCustomerErasure(delivery('orders/updated'), s, { deliveryPayload: { id: 5001 } }).action).toBe('delete');
    expect(planCustomerErasure(delivery('refunds/create'), s, { deliveryPayload: { id: 9, order_id: 5001 } }).action).toBe('delete');
    expect(planCustomerErasure(delivery('customers/update'), s, { deliveryPayload: { id: 8001, email: 'ADA@example.com' } }).action).toBe('delete');
    expect(planCustomerErasure(delivery('orders/create'), s, { deliveryPayload: { id: 6001, customer: { id: 8001, first_name: 'Ada' } } })).toEqual({ action: 'keep' });
  });

  it('scrubs free text that names the customer, keeps the duty team and staff', () => {
    const notification: StoredItem = {
      pk: 'NOTIFICATION#acme#return_approved:r1',
      sk: 'NOTIFICATION',
      shopId,
      customerId: '7001',
      status: 'sent',
      recipient: { email: 'ada@example.com' },
      templateData: { greeting: 'Hello Ada Lovelace', amount: 1200 },
      history: [{ at: '2024-01-01T00:00:00Z', status: 'sent' }],
    };
    const plan = planCustomerErasure(notification, subject());
    expect(plan).toMatchObject({ action: 'rewrite', item: { customerId: '7001', status: 'sent', recipient: {}, templateData: { greeting: `Hello ${erasedMark} ${erasedMark}`, amount: 1200 } } });

    const alert: StoredItem = { pk: 'NOTIFICATION#acme#ops_alert:delay:d1', sk: 'NOTIFICATION', shopId, orderId: '5001', customer: { id: 'ops:acme', email: 'duty@acme.example' }, owner: { sub: 's1', email: 'sam@acme.example' } };
    const kept = planCustomerErasure(alert, subject());
    expect(kept.action).toBe('keep');
  });

  it('anonymises a return case: the comment goes, the amounts and statuses stay', () => {
    const item: StoredItem = {
      pk: 'RETURN#acme#ret_1',
      sk: 'CASE',
      case: { id: 'ret_1', shopId, orderId: '5001', status: 'approved', customer: { id: '7001', email: 'ada@example.com' }, lines: [{ lineItemId: 'l1', quantity: 1, comment: 'Too small for me', refund: { amount: 6000, currency: 'EUR' } }], version: 2, owner: { sub: 's1', email: 'sam@acme.example' } },
    };
    const plan = planCustomerErasure(item, subject());
    expect(plan).toMatchObject({ action: 'rewrite', item: { case: { id: 'ret_1', status: 'approved', customer: { id: '7001' }, lines: [{ comment: erasedMark, refund: { amount: 6000, currency: 'EUR' } }], owner: { email: 'sam@acme.example' } } } });
  });

  it('learns the customer’s names from our records and their orders from the order items', () => {
    const s = subjectOf(shopId, { ...identity, orderIds: [] });
    harvestIdentifiers(customerItem(), s);
    harvestIdentifiers(orderItem('5003'), s);
    expect([...s.names]).toEqual(expect.arrayContaining(['ada', 'lovelace']));
    expect([...s.orderIds]).toEqual(['5003']);
  });
});

describe('the shop erasure planner', () => {
  it('deletes every item of the shop, wherever its shop is named, and nothing else', () => {
    expect(planShopErasure(orderItem(), shopId).action).toBe('delete');
    expect(planShopErasure({ pk: 'OUTBOX#e1', sk: 'OUTBOX', detail: { shopId } }, shopId).action).toBe('delete');
    expect(planShopErasure({ pk: 'PROVIDERMSG#m1', sk: 'PROVIDERMSG', notificationPk: 'NOTIFICATION#acme#k' }, shopId).action).toBe('delete');
    expect(planShopErasure({ subject: 'order#acme#5001', at: '2024' }, shopId).action).toBe('delete');
    expect(planShopErasure({ pk: 'ORDER#acme-two#5001', sk: 'STATE', state: { shopId: 'acme-two' } }, shopId)).toEqual({ action: 'keep' });
  });
});

describe('the data export', () => {
  it('lists the records by kind, with raw deliveries decoded, and names the orders and returns', () => {
    const data = customerDataExport({
      exportId: 'prv_1',
      shopId,
      customerId: '7001',
      requestedAt: '2024-01-01T00:00:00Z',
      orderIds: new Set(['5001']),
      records: [exportedRecord({ pk: 'RETURN#acme#ret_1', sk: 'CASE', gsi1pk: 'x', case: {} }), exportedRecord({ pk: 'DELIVERY#acme#shopify#e1', sk: 'DELIVERY', body: new Uint8Array([1]) }, { id: 5001 })],
    });
    expect(data).toMatchObject({ orderIds: ['5001'], returnIds: ['ret_1'] });
    expect(data.records.map((record) => record.kind)).toEqual(['DELIVERY', 'RETURN']);
    expect(data.records[0]!.data).toEqual({ pk: 'DELIVERY#acme#shopify#e1', sk: 'DELIVERY', payload: { id: 5001 } });
    expect(data.records[1]!.data).not.toHaveProperty('gsi1pk');
  });
});
