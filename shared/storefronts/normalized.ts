// The normalized model: what every storefront delivery (Shopify, WooCommerce, our generic signed
// webhook) is mapped to before anything decides which canonical events to publish. One shape per
// storefront resource, platform differences resolved here:
//
// - Money is integer minor units (ISO 4217 exponent) in the currency the customer paid (Shopify's
//   presentment currency), never the shop's reporting currency.
// - Times are UTC ISO 8601. `sourceUpdatedAt` is the storefront's own modification time (Shopify
//   `updated_at`, WooCommerce `date_modified_gmt`): deliveries arrive late, twice or out of
//   order, so order them by it, never by arrival.
// - Every resource names its shop (`shopId`): a fulfillment or refund may arrive before its order.
// - Only what after-sales flows use is kept: contact details to reach the customer, no birthdays,
//   notes, IP addresses or browser data; of the shipping address only what routing and delay
//   rules need (country, region, city, postal code) and the first line the catalogue requires.
//
// Amounts of an order (see the normalizers for the platform fields):
// - `lines[].unitPrice`: one unit as listed, before discounts (tax included when the shop's prices
//   include tax, as on its storefront);
// - `lines[].discount`: every discount allocated to the line, its own and its share of order-level
//   codes, as the storefront allocated them; so a line's refundable value is exact;
// - `lines[].total`: after those discounts, before tax; `lines[].tax`: the tax on the line;
// - `totals.subtotal`: the sum of line totals; `totals.shipping`: shipping after its discounts,
//   before tax; `totals.tax`: all tax; `totals.total`: what the customer was charged at checkout
//   (refunds are listed in `refunds`, not netted);
// - `totals.discounts`: all discounts the order received, for display: they are already deducted
//   from line totals and shipping, never subtract them again.
import * as z from 'zod';
import {
  Carrier,
  CountryCode,
  CurrencyCode,
  EmailAddress,
  EntityId,
  IsoDateTime,
  LineQuantity,
  Locale,
  Money,
  Note,
  OrderLine,
  PhoneNumber,
  StorePlatform,
  ShopId,
  sameCurrency,
} from '../events/common.ts';
import { OrderFinancialStatus, OrderFulfillmentStatus } from '../events/orders.ts';
import { ShipmentStatus } from '../events/shipments.ts';
import { formatPath, valueAt } from '../events/errors.ts';
import { isTimeZone } from './fields.ts';
import { MappingError } from './read.ts';

export { MappingError, type MappingErrorReason } from './read.ts';

export const TimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');

/** The customer as an order names them; every field optional (guest checkouts, POS orders). */
export const OrderCustomer = z.object({
  id: EntityId.optional().describe('Storefront customer id; absent for guests'),
  email: EmailAddress.optional(),
  phone: PhoneNumber.optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
});
export type OrderCustomer = z.infer<typeof OrderCustomer>;

/** An order line as the storefront sent it: the catalogue's line plus tax and the product's tags. */
export const NormalizedOrderLine = OrderLine.omit({ finalSale: true }).extend({
  tax: Money.optional(),
  requiresShipping: z.boolean(),
  productTags: z.array(z.string().min(1).max(50)).max(50).optional(),
});
export type NormalizedOrderLine = z.infer<typeof NormalizedOrderLine>;

/** Where the parcel goes, reduced to what flows use. `line1` only because the catalogue's Address requires it. */
export const NormalizedAddress = z.object({
  countryCode: CountryCode,
  region: z.string().max(100).optional().describe('State, province or county (code when known)'),
  city: z.string().max(100).optional(),
  postalCode: z.string().max(20).optional(),
  line1: z.string().max(200).optional(),
});
export type NormalizedAddress = z.infer<typeof NormalizedAddress>;

export const FulfillmentStatus = z.enum(['pending', 'open', 'success', 'cancelled', 'error', 'failure']);
export type FulfillmentStatus = z.infer<typeof FulfillmentStatus>;

export const NormalizedFulfillment = z.object({
  shopId: ShopId,
  fulfillmentId: EntityId,
  orderId: EntityId,
  status: FulfillmentStatus,
  shipmentStatus: ShipmentStatus.optional().describe('Carrier tracking status, when the storefront knows it'),
  statusDetail: z.string().max(500).optional().describe('What the status leaves out, e.g. "Delivery attempted"'),
  carrier: Carrier.optional(),
  trackingNumbers: z.array(z.string().min(1).max(100)).max(50),
  trackingUrls: z.array(z.url().max(500)).max(50),
  lines: z.array(LineQuantity).max(250),
  createdAt: IsoDateTime,
  sourceUpdatedAt: IsoDateTime,
  deliveredAt: IsoDateTime.optional(),
  estimatedDeliveryAt: IsoDateTime.optional(),
});
export type NormalizedFulfillment = z.infer<typeof NormalizedFulfillment>;

export const RefundLine = z.object({ lineId: EntityId, quantity: z.int().positive().max(10_000), amount: Money.describe('Refunded for these units, tax included') });
export type RefundLine = z.infer<typeof RefundLine>;

export const NormalizedRefund = z
  .object({
    shopId: ShopId,
    refundId: EntityId,
    orderId: EntityId,
    createdAt: IsoDateTime,
    amount: Money.describe('What went back to the customer'),
    lines: z.array(RefundLine).max(250),
    shipping: Money.optional().describe('Shipping refunded, tax included'),
    note: Note.optional(),
    restock: z.boolean().optional(),
  })
  .superRefine((refund, ctx) => {
    sameCurrency(ctx, refund.amount.currency, [
      ...refund.lines.map((line, index): [PropertyKey[], Money] => [['lines', index, 'amount'], line.amount]),
      [['shipping'], refund.shipping],
    ]);
  });
export type NormalizedRefund = z.infer<typeof NormalizedRefund>;

export const ShippingMethod = z.object({ code: z.string().min(1).max(100).optional(), title: z.string().min(1).max(200) });

export const OrderTotals = z.object({ subtotal: Money, discounts: Money, shipping: Money, tax: Money, total: Money });

/** The catalogue's cancellation reasons, and `deleted`: the storefront deleted or trashed the order. */
export const CancelReason = z.enum(['customer', 'fraud', 'inventory', 'payment_declined', 'staff', 'other', 'deleted']);
export type CancelReason = z.infer<typeof CancelReason>;

export const NormalizedOrder = z
  .object({
    shopId: ShopId,
    platform: StorePlatform,
    orderId: EntityId,
    orderNumber: z.string().min(1).max(50),
    createdAt: IsoDateTime,
    sourceUpdatedAt: IsoDateTime.describe('Storefront modification time: orders the updates'),
    cancelledAt: IsoDateTime.optional(),
    cancelReason: CancelReason.optional(),
    currency: CurrencyCode.describe('Currency the customer paid in'),
    customer: OrderCustomer,
    lines: z.array(NormalizedOrderLine).max(1000),
    totals: OrderTotals,
    financialStatus: OrderFinancialStatus,
    fulfillmentStatus: OrderFulfillmentStatus,
    shippingAddress: NormalizedAddress.optional(),
    shippingMethod: ShippingMethod.optional(),
    shipBy: IsoDateTime.optional().describe('Latest dispatch time the shop committed to'),
    deliverBy: IsoDateTime.optional().describe('Latest delivery time promised to the customer'),
    tags: z.array(z.string().min(1).max(50)).max(50).default([]),
    test: z.boolean().default(false),
    fulfillments: z.array(NormalizedFulfillment).max(250).default([]),
    refunds: z.array(NormalizedRefund).max(250).default([]),
  })
  .superRefine((order, ctx) => {
    sameCurrency(ctx, order.currency, [
      ...Object.entries(order.totals).map(([key, money]): [PropertyKey[], Money] => [['totals', key], money]),
      ...order.lines.flatMap((line, index): [PropertyKey[], Money | undefined][] => [
        [['lines', index, 'unitPrice'], line.unitPrice],
        [['lines', index, 'discount'], line.discount],
        [['lines', index, 'tax'], line.tax],
        [['lines', index, 'total'], line.total],
      ]),
      ...order.refunds.map((refund, index): [PropertyKey[], Money] => [['refunds', index, 'amount'], refund.amount]),
    ]);
    const lineIds = new Set(order.lines.map((line) => line.lineId));
    if (lineIds.size !== order.lines.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'line ids must be unique' });
    const fulfilled = order.fulfillments.flatMap((fulfillment, f) => fulfillment.lines.map((line, l) => ({ path: ['fulfillments', f, 'lines', l, 'lineId'], lineId: line.lineId })));
    const refunded = order.refunds.flatMap((refund, r) => refund.lines.map((line, l) => ({ path: ['refunds', r, 'lines', l, 'lineId'], lineId: line.lineId })));
    const owned = [...order.fulfillments.map((item, index) => ({ item, path: ['fulfillments', index] })), ...order.refunds.map((item, index) => ({ item, path: ['refunds', index] }))];
    for (const { item, path } of owned) {
      if (item.orderId !== order.orderId) ctx.addIssue({ code: 'custom', path: [...path, 'orderId'], message: `belongs to order ${item.orderId}, not ${order.orderId}` });
      if (item.shopId !== order.shopId) ctx.addIssue({ code: 'custom', path: [...path, 'shopId'], message: `belongs to shop ${item.shopId}, not ${order.shopId}` });
    }
    for (const { path, lineId } of [...fulfilled, ...refunded]) {
      if (!lineIds.has(lineId)) ctx.addIssue({ code: 'custom', path, message: `no order line ${lineId}` });
    }
  });
export type NormalizedOrder = z.infer<typeof NormalizedOrder>;
/** What a producer (our normalizers, a generic integrator) provides: defaults not yet applied. */
export type NormalizedOrderInput = z.input<typeof NormalizedOrder>;

export const MarketingConsentState = z.enum(['subscribed', 'unsubscribed', 'not_subscribed', 'pending']);
export const ChannelConsent = z.object({ state: MarketingConsentState, updatedAt: IsoDateTime.optional() });
export type ChannelConsent = z.infer<typeof ChannelConsent>;

export const NormalizedCustomer = z.object({
  shopId: ShopId,
  platform: StorePlatform,
  customerId: EntityId,
  email: EmailAddress.optional(),
  phone: PhoneNumber.optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  emailMarketingConsent: ChannelConsent.optional().describe('Absent when the delivery does not say'),
  smsMarketingConsent: ChannelConsent.optional(),
  sourceUpdatedAt: IsoDateTime,
});
export type NormalizedCustomer = z.infer<typeof NormalizedCustomer>;

export const NormalizedDelivery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), order: NormalizedOrder }),
  z.object({ kind: z.literal('order_deleted'), orderId: EntityId, sourceUpdatedAt: IsoDateTime }),
  z.object({ kind: z.literal('fulfillment'), fulfillment: NormalizedFulfillment }),
  z.object({ kind: z.literal('refund'), refund: NormalizedRefund }),
  z.object({ kind: z.literal('customer'), customer: NormalizedCustomer }),
  z.object({ kind: z.literal('ping') }),
]);
export type NormalizedDelivery = z.infer<typeof NormalizedDelivery>;

/**
 * `value` parsed with `schema`; a violation becomes a MappingError naming the first offending field
 * under `prefix` (`data.lines[0].total`). Normalizers run their output through it, so a storefront
 * quirk we did not anticipate fails loudly instead of producing an event consumers cannot parse.
 */
export function validated<S extends z.ZodType>(schema: S, value: unknown, topic: string, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path ?? [];
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
  const missing = issue?.code === 'invalid_type' && valueAt(value, path) === undefined;
  throw new MappingError(missing ? 'missing_field' : 'invalid_value', topic, formatPath([...prefix, ...path]), `${missing ? 'is required' : (issue?.message ?? 'invalid')}${more}`);
}

