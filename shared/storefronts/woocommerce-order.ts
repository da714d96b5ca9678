// A WooCommerce REST API v3 Order (the payload of `order.*` webhooks) to NormalizedOrder.
//
// Amounts are decimal strings in the order `currency`. WooCommerce reports line amounts before tax
// whatever `prices_include_tax` says: line `subtotal` (before coupons) and `total` (after coupons),
// with `subtotal_tax`/`total_tax` beside them. So a line's `discount` is subtotal − total (its
// share of the coupons), its `unitPrice` is subtotal ÷ quantity, and `totals.discounts` is
// `discount_total`, already in the line totals. Fees (`fee_lines`) are in `total` only.
//
// Statuses (core and the Shipment Tracking family's `partial-shipped`, `shipped`, `delivered`):
// - financial: `refunded`, or the order's `refunds` (partially_refunded); `failed` and unpaid
//   `cancelled` are voided; paid once `date_paid_gmt` is set, or `processing`/`completed` with a
//   gateway other than cash on delivery; `pending`, `on-hold` (awaiting payment) and the rest pending;
// - fulfillment: `completed`, `shipped`, `delivered` fulfilled; `partial-shipped` partially; else unfulfilled;
// - cancellation: `cancelled` (reason `other`: WooCommerce does not say why, usually an unpaid
//   order timing out) and `trash` (reason `deleted`), at `date_modified_gmt`.
// Unknown (plugin) statuses map to unfulfilled and not cancelled rather than failing the order.
//
// Lines: WooCommerce does not say which need shipping; all do when the order has a shipping line.
//
// Fulfillments: WooCommerce core has none. A `completed` order without tracking yields no
// fulfillment: we do not invent a shipment nobody can track. The Shipment Tracking extensions'
// `_wc_shipment_tracking_items` meta (tracking_provider or custom_tracking_provider,
// tracking_number, custom_tracking_link, date_shipped in Unix seconds, tracking_id) yields one
// fulfillment per tracking number, covering every line that needs shipping (the meta names no lines).
//
// Refunds: the order lists `refunds` as {id, reason, total (negative)} with no date and no lines;
// `createdAt` is the order's `date_modified_gmt` at the first delivery that lists them.
import type { z } from 'zod';
import type { OrderFinancialStatus, OrderFulfillmentStatus } from '../events/orders.ts';
import { carrierFrom, cleanEmail, cleanLocale, cleanPhone, cleanTrackingNumber, cleanTrackingUrl, clip, distinct } from './fields.ts';
import { divideHalfEven } from './money.ts';
import type { CancelReason, NormalizedAddress, NormalizedFulfillment, NormalizedOrderInput, NormalizedOrderLine, NormalizedRefund } from './normalized.ts';
import { Field, utcIso } from './read.ts';

export interface WooContext {
  shopId: string;
  /** The shop's language, for orders that do not carry one. */
  defaultLocale?: string;
  /** When the delivery reached us (ISO 8601): the time of `order.deleted`, whose payload has none. */
  receivedAt?: string;
}

type FinancialStatus = z.infer<typeof OrderFinancialStatus>;
type FulfillmentState = z.infer<typeof OrderFulfillmentStatus>;
type Money = { amount: number; currency: string };

const fulfilledStatuses = new Set(['completed', 'shipped', 'delivered']);
const paidStatuses = new Set(['processing', 'completed', 'partial-shipped', 'shipped', 'delivered']);

function currencyOf(order: Field): string {
  const field = order.get('currency');
  const code = field.string().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : field.invalid('an ISO 4217 currency code');
}

function financialStatus(status: string, order: Field, refunded: number, total: number): FinancialStatus {
  const paidAt = order.get('date_paid_gmt').optDatetime({ assumeUtc: true });
  if (status === 'refunded' || (refunded > 0 && refunded >= total)) return 'refunded';
  if (refunded > 0) return 'partially_refunded';
  if (status === 'failed' || (status === 'cancelled' && paidAt === undefined)) return 'voided';
  if (paidAt !== undefined) return 'paid';
  if (paidStatuses.has(status) && order.get('payment_method').optString() !== 'cod') return 'paid';
  return 'pending';
}

function fulfillmentStatus(status: string): FulfillmentState {
  if (fulfilledStatuses.has(status)) return 'fulfilled';
  return status === 'partial-shipped' ? 'partially_fulfilled' : 'unfulfilled';
}

function line(item: Field, currency: string, requiresShipping: boolean): NormalizedOrderLine {
  const quantityField = item.get('quantity');
  const quantity = quantityField.int();
  if (quantity < 1) quantityField.invalid('a positive quantity');
  const total = item.get('total').money(currency);
  const subtotal = item.get('subtotal').absent ? total : item.get('subtotal').money(currency);
  const tax = item.get('total_tax').absent ? 0 : item.get('total_tax').money(currency);
  const discount = Math.max(0, subtotal - total);
  const sku = item.get('sku').optString();
  return {
    lineId: item.get('id').id(),
    productId: item.get('product_id').optNonZeroId(),
    variantId: item.get('variation_id').optNonZeroId(),
    sku: sku !== undefined && sku.length <= 64 ? sku : undefined,
    title: clip(item.get('name').optString() ?? item.get('parent_name').optString(), 200) ?? item.get('name').string(),
    quantity,
    unitPrice: { amount: divideHalfEven(subtotal, quantity), currency },
    discount: discount > 0 ? { amount: discount, currency } : undefined,
    tax: tax > 0 ? { amount: tax, currency } : undefined,
    total: { amount: total, currency },
    requiresShipping,
  };
}

function address(shipping: Field): NormalizedAddress | undefined {
  const countryCode = shipping.get('country').optString()?.toUpperCase();
  if (countryCode === undefined || !/^[A-Z]{2}$/.test(countryCode)) return undefined;
  return {
    countryCode,
    region: clip(shipping.get('state').optString(), 100),
    city: clip(shipping.get('city').optString(), 100),
    postalCode: clip(shipping.get('postcode').optString(), 20),
    line1: clip(shipping.get('address_1').optString(), 200),
  };
}

/** Plugin data as text: strings trimmed, numbers written out, anything else ignored. */
function text(field: Field | undefined): string | undefined {
  const value = field?.value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function metaValue(order: Field, key: string): Field | undefined {
  return order
    .get('meta_data')
    .items()
    .find((entry) => entry.get('key').optString() === key)
    ?.get('value');
}

/**
 * Elements of a PHP array as JSON: a list, or an object when its keys are not 0..n-1. Plugin data:
 * what is not a list of objects is ignored rather than failing the order.
 */
function phpObjects(field: Field | undefined): Field[] {
  if (field === undefined || typeof field.value !== 'object' || field.value === null) return [];
  const items = Array.isArray(field.value) ? field.items() : Object.entries(field.value).map(([key, value]) => new Field(field.topic, `${field.path}.${key}`, value));
  return items.filter((item) => typeof item.value === 'object' && item.value !== null && !Array.isArray(item.value));
}

/** `date_shipped`: Unix seconds (number or digits), else a date; the fallback when unusable. */
function shippedAt(field: Field, fallback: string): string {
  const value = typeof field.value === 'string' ? field.value.trim() : field.value;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  if (seconds !== undefined) return Number.isSafeInteger(seconds) && seconds > 0 ? utcIso(new Date(seconds * 1000)) : fallback;
  const date = typeof value === 'string' ? new Date(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? utcIso(date) : fallback;
}

function trackingFulfillments(order: Field, shopId: string, orderId: string, status: string, lines: NormalizedOrderLine[], updatedAt: string): NormalizedFulfillment[] {
  const shipped = lines.filter((item) => item.requiresShipping);
  const covered = (shipped.length > 0 ? shipped : lines).map((item) => ({ lineId: item.lineId, quantity: item.quantity }));
  const delivered = status === 'delivered';
  return phpObjects(metaValue(order, '_wc_shipment_tracking_items')).flatMap((item, index): NormalizedFulfillment[] => {
    const trackingNumber = cleanTrackingNumber(text(item.get('tracking_number')));
    if (trackingNumber === undefined) return [];
    const slug = text(item.get('tracking_provider'));
    const named = text(item.get('formatted_tracking_provider'));
    const carrier = slug !== undefined ? carrierFrom(slug) : carrierFrom(text(item.get('custom_tracking_provider')) ?? named);
    return [
      {
        shopId,
        fulfillmentId: clip(text(item.get('tracking_id')), 100) ?? `${orderId}-tracking-${index + 1}`,
        orderId,
        status: 'success',
        shipmentStatus: delivered ? 'delivered' : undefined,
        carrier: carrier && named !== undefined ? { ...carrier, name: clip(named, 100) } : carrier,
        trackingNumbers: [trackingNumber],
        trackingUrls: distinct(['custom_tracking_link', 'formatted_tracking_link', 'ast_tracking_link'].map((key) => cleanTrackingUrl(text(item.get(key))))),
        lines: covered,
        createdAt: shippedAt(item.get('date_shipped'), updatedAt),
        sourceUpdatedAt: updatedAt,
        deliveredAt: delivered ? updatedAt : undefined,
      },
    ];
  });
}

function refund(entry: Field, shopId: string, orderId: string, currency: string, seenAt: string): NormalizedRefund {
  return {
    shopId,
    refundId: entry.get('id').id(),
    orderId,
    createdAt: seenAt,
    amount: { amount: Math.abs(entry.get('total').money(currency, { signed: true })), currency },
    lines: [],
    note: clip(entry.get('reason').optString(), 1000),
  };
}

export function wooOrder(order: Field, context: WooContext): NormalizedOrderInput {
  order.required();
  const currency = currencyOf(order);
  const money = (amount: number): Money => ({ amount, currency });
  const orderId = order.get('id').id();
  const status = order.get('status').string().toLowerCase();
  const updatedAt = order.get('date_modified_gmt').datetime({ assumeUtc: true });
  const shippingLines = order.get('shipping_lines').items();
  const lines = order
    .get('line_items')
    .items()
    .map((item) => line(item, currency, shippingLines.length > 0));
  const refunds = order
    .get('refunds')
    .items()
    .map((entry) => refund(entry, context.shopId, orderId, currency, updatedAt));
  const total = order.get('total').money(currency);
  const cancelReason: CancelReason | undefined = status === 'cancelled' ? 'other' : status === 'trash' ? 'deleted' : undefined;
  const billing = order.get('billing');
  const shipping = order.get('shipping');
  const method = shippingLines[0];
  const methodTitle = clip(method?.get('method_title').optString(), 200);
  const number = order.get('number').optId() ?? orderId;

  return {
    shopId: context.shopId,
    platform: 'woocommerce',
    orderId,
    orderNumber: `#${clip(number, 49) ?? number}`,
    createdAt: order.get('date_created_gmt').datetime({ assumeUtc: true }),
    sourceUpdatedAt: updatedAt,
    cancelledAt: cancelReason === undefined ? undefined : updatedAt,
    cancelReason,
    currency,
    customer: {
      id: order.get('customer_id').optNonZeroId(),
      email: cleanEmail(billing.get('email').optString()),
      phone: cleanPhone(billing.get('phone').optString()) ?? cleanPhone(shipping.get('phone').optString()),
      firstName: clip(billing.get('first_name').optString() ?? shipping.get('first_name').optString(), 100),
      lastName: clip(billing.get('last_name').optString() ?? shipping.get('last_name').optString(), 100),
      // WPML stores the language of the order in `wpml_language`; core has none.
      locale: cleanLocale(text(metaValue(order, 'wpml_language'))) ?? cleanLocale(context.defaultLocale),
    },
    lines,
    totals: {
      subtotal: money(lines.reduce((sum, item) => sum + item.total.amount, 0)),
      discounts: money(order.get('discount_total').absent ? 0 : order.get('discount_total').money(currency)),
      shipping: money(order.get('shipping_total').absent ? 0 : order.get('shipping_total').money(currency)),
      tax: money(order.get('total_tax').absent ? 0 : order.get('total_tax').money(currency)),
      total: money(total),
    },
    financialStatus: financialStatus(status, order, refunds.reduce((sum, entry) => sum + entry.amount.amount, 0), total),
    fulfillmentStatus: fulfillmentStatus(status),
    shippingAddress: address(shipping),
    shippingMethod: methodTitle === undefined ? undefined : { code: clip(method?.get('method_id').optString(), 100), title: methodTitle },
    tags: [],
    test: false,
    fulfillments: trackingFulfillments(order, context.shopId, orderId, status, lines, updatedAt),
    refunds,
  };
}
