import { describe, expect, it } from 'vitest';
import { OrderCancelled, OrderPlaced, ShipmentCreated } from '../../../shared/events/catalogue.ts';
import type { NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import { normalizeShopify, shopifyTopics } from '../../../shared/storefronts/shopify.ts';
import { orderCancelledDetail, orderPlacedDetail, shipmentCreatedDetail } from '../../../shared/storefronts/to-events.ts';
import { as, fixture, mappingError } from './fixtures.ts';

const ctx = { shopId: 'acme-outdoor', defaultLocale: 'en-US' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const order = (topic: string, payload: unknown): NormalizedOrder => as('order', normalizeShopify(topic, payload, ctx)).order;

describe('Shopify orders', () => {
  it('maps a multi-currency order in the presentment currency, with line discounts and taxes', () => {
    const mapped = order('orders/create', fixture('shopify-order-multicurrency.json'));
    expect(mapped).toMatchObject({
      shopId: 'acme-outdoor',
      platform: 'shopify',
      orderId: '5900000000001',
      orderNumber: '#1042',
      createdAt: '2024-05-01T09:30:00Z',
      sourceUpdatedAt: '2024-05-01T09:30:05Z',
      currency: 'EUR',
      customer: { id: '7900000000001', email: 'ada@example.com', phone: '+33612345678', firstName: 'Ada', lastName: 'Lovelace', locale: 'fr-FR' },
      financialStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      shippingAddress: { countryCode: 'FR', city: 'Paris', postalCode: '75011', line1: '12 Rue Oberkampf' },
      shippingMethod: { code: 'Standard', title: 'Standard (3-5 business days)' },
      tags: ['vip', 'spring-campaign'],
      test: false,
      fulfillments: [],
      refunds: [],
    });
    // The tent has its own 10% discount and a share of the SPRING10 code: both are its discount.
    expect(mapped.lines).toEqual([
      {
        lineId: '13900000000001',
        productId: '8900000000001',
        variantId: '45900000000001',
        sku: 'TENT-2P-GRN',
        title: 'Trail tent 2P',
        variantTitle: 'Green',
        quantity: 1,
        unitPrice: eur(24900),
        discount: eur(2490 + 776),
        tax: eur(4327),
        total: eur(21634),
        requiresShipping: true,
      },
      expect.objectContaining({ lineId: '13900000000002', quantity: 2, unitPrice: eur(1250), discount: eur(86), tax: eur(483), total: eur(2414) }),
      expect.objectContaining({ lineId: '13900000000003', unitPrice: eur(3999), discount: eur(138), tax: eur(772), total: eur(3861), sku: undefined }),
    ]);
    expect(mapped.totals).toEqual({ subtotal: eur(27909), discounts: eur(3490), shipping: eur(995), tax: eur(5781), total: eur(34685) });
    const { subtotal, shipping, tax, total } = mapped.totals;
    expect(subtotal.amount + shipping.amount + tax.amount).toBe(total.amount);
  });

  it('keeps only what the flows use: no notes, IP addresses, browser data, billing details or second address lines', () => {
    const text = JSON.stringify(order('orders/create', fixture('shopify-order-multicurrency.json')));
    for (const personal of ['203.0.113.7', 'Mozilla', 'door, code 1234', 'Prefers morning', 'Joyeux anniversaire', 'Bâtiment B', 'imasecretkey', '48.8647', 'USD']) {
      expect(text).not.toContain(personal);
    }
  });

  it('builds an OrderPlaced detail the catalogue accepts', () => {
    const detail = orderPlacedDetail(order('orders/create', fixture('shopify-order-multicurrency.json')), 'evt-1');
    expect(OrderPlaced.detail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ occurredAt: '2024-05-01T09:30:00Z', correlationId: 'evt-1', currency: 'EUR', customer: { id: '7900000000001', locale: 'fr-FR' } });
    expect(detail.lines[0]).not.toHaveProperty('tax');
  });

  it('maps a partially fulfilled order whose prices include tax', () => {
    const mapped = order('orders/partially_fulfilled', fixture('shopify-order-partially-fulfilled.json'));
    expect(mapped.fulfillmentStatus).toBe('partially_fulfilled');
    expect(mapped.currency).toBe('GBP');
    // £24.00 of socks include £4.00 VAT: the line total is before tax.
    expect(mapped.lines.map((line) => [line.unitPrice.amount, line.tax?.amount, line.total.amount])).toEqual([
      [1200, 400, 2000],
      [1800, 300, 1500],
    ]);
    expect(mapped.totals).toMatchObject({ subtotal: { amount: 3500 }, shipping: { amount: 412 }, tax: { amount: 783 }, total: { amount: 4695 } });
    expect(mapped.totals.subtotal.amount + mapped.totals.shipping.amount + mapped.totals.tax.amount).toBe(mapped.totals.total.amount);
    expect(mapped.fulfillments).toEqual([
      {
        shopId: 'acme-outdoor',
        fulfillmentId: '4410000000001',
        orderId: '5910000000001',
        status: 'success',
        shipmentStatus: 'in_transit',
        carrier: { code: 'royal_mail', name: 'Royal Mail' },
        trackingNumbers: ['AB123456789GB'],
        trackingUrls: ['https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB'],
        lines: [{ lineId: '13910000000001', quantity: 2 }],
        createdAt: '2024-06-04T09:02:00Z',
        sourceUpdatedAt: '2024-06-04T15:20:00Z',
      },
    ]);
    const created = shipmentCreatedDetail(mapped, mapped.fulfillments[0]!);
    expect(ShipmentCreated.detail.parse(created)).toEqual(created);
    expect(created).toMatchObject({ shipmentId: '4410000000001', destinationCountry: 'GB', tracking: { carrier: { code: 'royal_mail' }, trackingNumber: 'AB123456789GB' } });
  });

  it('maps a JPY order in yen (no minor unit)', () => {
    const mapped = order('orders/create', fixture('shopify-order-jpy.json'));
    expect(mapped.currency).toBe('JPY');
    expect(mapped.lines[0]).toMatchObject({ unitPrice: { amount: 4980, currency: 'JPY' }, tax: { amount: 905 }, total: { amount: 9055 } });
    expect(mapped.totals).toMatchObject({ subtotal: { amount: 9055 }, shipping: { amount: 545 }, tax: { amount: 960 }, total: { amount: 10560 } });
    expect(mapped.test).toBe(true);
    expect(mapped.customer).toMatchObject({ locale: 'ja', phone: undefined }); // 090-1234-5678 has no country code
    expect(mapped.shippingAddress).toMatchObject({ countryCode: 'JP', region: 'JP-13' });
    const detail = orderPlacedDetail(mapped);
    expect(OrderPlaced.detail.parse(detail)).toMatchObject({ test: true, totals: { total: { amount: 10560, currency: 'JPY' } } });
  });

  it('maps a cancellation and its refund', () => {
    const payload = fixture('shopify-order-multicurrency.json');
    Object.assign(payload, { cancelled_at: '2024-05-01T12:00:00+02:00', cancel_reason: 'declined', financial_status: 'refunded', updated_at: '2024-05-01T12:00:01+02:00' });
    payload.refunds = [{ ...fixture('shopify-refund.json'), created_at: '2024-05-01T12:00:00+02:00' }];
    const mapped = order('orders/cancelled', payload);
    expect(mapped).toMatchObject({ cancelledAt: '2024-05-01T10:00:00Z', cancelReason: 'payment_declined', financialStatus: 'refunded' });
    const detail = orderCancelledDetail(mapped);
    expect(OrderCancelled.detail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ occurredAt: '2024-05-01T10:00:00Z', reason: 'payment_declined', refunded: eur(5827), restocked: true });
  });

  it('falls back to the shop language, and gives guests a stable id', () => {
    const payload = fixture('shopify-order-multicurrency.json');
    Object.assign(payload, { customer: null, customer_locale: null });
    const guest = order('orders/create', payload);
    expect(guest.customer).toMatchObject({ id: undefined, email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' });
    const first = orderPlacedDetail(guest).customer;
    const again = orderPlacedDetail(order('orders/create', { ...payload, id: 5900000000099, email: 'ADA@example.com' })).customer;
    expect(first.id).toMatch(/^guest-[0-9a-f]{32}$/);
    expect(again.id).toBe(first.id);
    expect(first.id).not.toContain('ada');
  });

  it('reads the plain amount when the shop and presentment currencies are the same and the bag is missing', () => {
    const payload = fixture('shopify-order-jpy.json');
    delete payload.line_items[0].price_set;
    expect(order('orders/create', payload).lines[0]?.unitPrice).toEqual({ amount: 4980, currency: 'JPY' });
  });

  it('names the field it cannot map', () => {
    const wrongCurrency = fixture('shopify-order-multicurrency.json');
    wrongCurrency.line_items[1].price_set.presentment_money.currency_code = 'USD';
    expect(mappingError(() => order('orders/create', wrongCurrency)).message).toBe(
      'orders/create: line_items[1].price_set.presentment_money.currency_code: USD is not the presentment currency EUR',
    );

    const noBag = fixture('shopify-order-multicurrency.json');
    delete noBag.total_price_set;
    const missing = mappingError(() => order('orders/updated', noBag));
    expect(missing).toMatchObject({ reason: 'missing_field', path: 'total_price_set' });
    expect(missing.message).toContain('total_price is in the shop currency USD, not EUR');

    const notDecimal = fixture('shopify-order-jpy.json');
    notDecimal.line_items.push({ ...notDecimal.line_items[0], id: 13920000000002 }, { ...notDecimal.line_items[0], id: 13920000000003, price: 'abc' });
    delete notDecimal.line_items[2].price_set;
    const invalid = mappingError(() => order('orders/create', notDecimal));
    expect(invalid).toMatchObject({ reason: 'invalid_value', topic: 'orders/create', path: 'line_items[2].price' });
    expect(invalid.message).toBe('orders/create: line_items[2].price: "abc" is not a decimal amount');

    const noId = fixture('shopify-order-jpy.json');
    delete noId.id;
    expect(mappingError(() => order('orders/create', noId)).message).toBe('orders/create: id: is required');

    const badStatus = fixture('shopify-order-jpy.json');
    badStatus.financial_status = 'mostly_paid';
    expect(mappingError(() => order('orders/create', badStatus)).path).toBe('financial_status');

    const badTime = fixture('shopify-order-jpy.json');
    badTime.created_at = '2024-07-01 10:00';
    expect(mappingError(() => order('orders/create', badTime)).message).toContain('created_at: "2024-07-01 10:00" is not an ISO 8601 date-time');
  });

  it('refuses topics it does not map', () => {
    expect(shopifyTopics).toContain('orders/partially_fulfilled');
    const error = mappingError(() => normalizeShopify('products/update', {}, ctx));
    expect(error.reason).toBe('unsupported_topic');
    expect(error.message).toMatch(/^products\/update: \(payload\): not one of orders\/create/);
    expect(mappingError(() => normalizeShopify('orders/create', null, ctx)).reason).toBe('missing_field');
  });
});
