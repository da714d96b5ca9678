// Orders, parcels and clocks for the delay tests. Shop in Europe/Paris, default settings: two
// handling business days, five transit business days, tracking stalled after five days.
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import { NormalizedFulfillment, NormalizedOrder, type NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';
import type { MessageContext } from '../../../shared/delays/customer-message.ts';
import { DelaySettings, type DelaySettingsInput } from '../../../shared/delays/settings.ts';

export const timeZone = 'Europe/Paris';
/** Monday 6 May 2024, 10:00 in Paris. */
export const placedAt = '2024-05-06T08:00:00Z';
/** Two business days later, end of Wednesday 8 May in Paris (CEST). */
export const expectedShipBy = '2024-05-08T21:59:59.000Z';
/** Five business days after ship-by: end of Wednesday 15 May in Paris. */
export const expectedDeliverBy = '2024-05-15T21:59:59.000Z';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export function order(overrides: Partial<NormalizedOrderInput> = {}): NormalizedOrder {
  return NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'gid://shopify/Order/1001',
    orderNumber: '#1001',
    createdAt: placedAt,
    sourceUpdatedAt: placedAt,
    currency: 'EUR',
    customer: { id: 'c-1', email: 'ada@example.com', firstName: 'Ada', locale: 'en-GB' },
    lines: [{ lineId: 'l1', title: 'Trail tent 2P', quantity: 1, unitPrice: eur(8900), total: eur(8900), requiresShipping: true }],
    totals: { subtotal: eur(8900), discounts: eur(0), shipping: eur(0), tax: eur(0), total: eur(8900) },
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    shippingAddress: { countryCode: 'FR' },
    shippingMethod: { code: 'standard', title: 'Standard shipping' },
    ...overrides,
  });
}

export function parcel(overrides: Partial<NormalizedFulfillment> = {}): NormalizedFulfillment {
  const createdAt = overrides.createdAt ?? '2024-05-07T14:00:00Z';
  return NormalizedFulfillment.parse({
    shopId: 'acme',
    fulfillmentId: 'f-1',
    orderId: 'gid://shopify/Order/1001',
    status: 'success',
    carrier: { code: 'ups', name: 'UPS' },
    trackingNumbers: ['1Z999AA10123456784'],
    trackingUrls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784', 'https://example.com/second'],
    lines: [{ lineId: 'l1', quantity: 1 }],
    createdAt,
    sourceUpdatedAt: createdAt,
    ...overrides,
  });
}

/** `null`: only the order's parcels are known. */
export function state(o: NormalizedOrder | null = order(), parcels: NormalizedFulfillment[] = [], extra: Partial<OrderState> = {}): OrderState {
  return {
    shopId: 'acme',
    orderId: 'gid://shopify/Order/1001',
    ...(o ? { order: o } : {}),
    fulfillments: Object.fromEntries(parcels.map((p) => [p.fulfillmentId, p])),
    refunds: {},
    version: 1,
    ...extra,
  };
}

export const settings = (input: DelaySettingsInput = {}) => DelaySettings.parse(input);

export function context(now: string | Date, input: DelaySettingsInput = {}, more: Partial<MessageContext> = {}): MessageContext {
  return { settings: settings(input), timeZone, now: new Date(now), ...more };
}

/** `iso` plus days (and hours), as an ISO string. */
export const plus = (iso: string, days: number, hours = 0) => new Date(Date.parse(iso) + days * 86_400_000 + hours * 3_600_000).toISOString();
