// The normalized model to canonical event details. Which events to publish, and when, is decided
// elsewhere; these functions only build details, and every detail is parsed with its catalogue
// definition before it is returned, so a detail that would not publish fails here
// (EventValidationError naming the field), next to the delivery that caused it.
//
// `occurredAt` is the business time: createdAt for placed orders, shipments and refunds,
// sourceUpdatedAt for updates, cancelledAt, deliveredAt. `correlationId` (e.g. the storefront's
// webhook event id) is passed through.
//
// Customers: the catalogue needs an id and a locale for everyone. Guests get a stable derived id
// (`guest-` and a hash of their email, else of their phone, else the order id), so a returning
// guest is recognised without the id carrying the address; the locale falls back to `en` when
// neither the storefront nor the shop's settings gave one (the normalizers apply the shop's).
import { createHash } from 'node:crypto';
import type { Address, CustomerRef, Tracking } from '../events/common.ts';
import { CustomerUpdated } from '../events/customers.ts';
import type { DetailInputOf, DetailOf, EventDefinition } from '../events/define.ts';
import { EventValidationError } from '../events/errors.ts';
import { OrderCancelled, OrderPlaced, OrderUpdated } from '../events/orders.ts';
import { RefundRecorded } from '../events/refunds.ts';
import { ShipmentCreated, ShipmentDelivered, ShipmentUpdated, type ShipmentStatus } from '../events/shipments.ts';
import type { ChannelConsent, NormalizedCustomer, NormalizedFulfillment, NormalizedOrder, NormalizedRefund } from './normalized.ts';
import { MappingError } from './read.ts';

const fallbackLocale = 'en';

function build<E extends EventDefinition>(definition: E, detail: DetailInputOf<E>, about: string): DetailOf<E> {
  const result = definition.detail.safeParse(detail);
  if (!result.success) throw new EventValidationError(definition.source, definition.detailType, result.error.issues, ` for ${about}`);
  return result.data as DetailOf<E>;
}

function hashId(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** The catalogue's CustomerRef for the customer of an order. */
export function customerRefOf(order: NormalizedOrder): CustomerRef {
  const { customer } = order;
  const guestKey = customer.email ? `email:${customer.email.toLowerCase()}` : customer.phone ? `phone:${customer.phone}` : undefined;
  return {
    id: customer.id ?? (guestKey ? `guest-${hashId(`${order.shopId}:${guestKey}`)}` : `guest-order-${order.orderId}`.slice(0, 100)),
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    locale: customer.locale ?? fallbackLocale,
  };
}

/** The catalogue's Address, when the normalized one has what it requires (a first line and a city). */
function catalogueAddress(address: NormalizedOrder['shippingAddress']): Address | undefined {
  if (!address?.line1 || !address.city) return undefined;
  return { line1: address.line1, city: address.city, region: address.region, postalCode: address.postalCode, countryCode: address.countryCode };
}

function snapshot(order: NormalizedOrder) {
  return {
    shopId: order.shopId,
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    platform: order.platform,
    customer: customerRefOf(order),
    currency: order.currency,
    lines: order.lines.map(({ lineId, productId, variantId, sku, title, variantTitle, quantity, unitPrice, discount, total, requiresShipping }) => ({
      lineId,
      productId,
      variantId,
      sku,
      title,
      variantTitle,
      quantity,
      unitPrice,
      discount,
      total,
      requiresShipping,
    })),
    totals: order.totals,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    shippingAddress: catalogueAddress(order.shippingAddress),
    shippingMethod: order.shippingMethod,
    shipBy: order.shipBy,
    deliverBy: order.deliverBy,
    tags: order.tags.length > 0 ? order.tags : undefined,
    test: order.test,
  };
}

const orderLabel = (order: NormalizedOrder) => `order ${order.orderId}`;

export function orderPlacedDetail(order: NormalizedOrder, correlationId?: string): DetailOf<typeof OrderPlaced> {
  return build(OrderPlaced, { version: 1, occurredAt: order.createdAt, correlationId, ...snapshot(order) }, orderLabel(order));
}

/** `changedFields`: top-level fields that changed (`fulfillmentStatus`, `shippingAddress`...). */
export function orderUpdatedDetail(order: NormalizedOrder, changedFields: readonly string[], correlationId?: string): DetailOf<typeof OrderUpdated> {
  return build(OrderUpdated, { version: 1, occurredAt: order.sourceUpdatedAt, correlationId, ...snapshot(order), changes: [...changedFields] }, orderLabel(order));
}

/** For a cancelled order (`cancelledAt` set). A deleted order counts as cancelled by staff. */
export function orderCancelledDetail(order: NormalizedOrder, correlationId?: string): DetailOf<typeof OrderCancelled> {
  if (order.cancelledAt === undefined) throw new MappingError('missing_field', 'OrderCancelled', 'cancelledAt', `is required: order ${order.orderId} is not cancelled`);
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount.amount, 0);
  const restockFlags = order.refunds.map((refund) => refund.restock).filter((flag) => flag !== undefined);
  const reason = order.cancelReason ?? 'other';
  return build(
    OrderCancelled,
    {
      version: 1,
      shopId: order.shopId,
      occurredAt: order.cancelledAt,
      correlationId,
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      customer: customerRefOf(order),
      reason: reason === 'deleted' ? 'staff' : reason,
      cancelledBy: reason === 'deleted' ? { kind: 'staff' } : undefined,
      refunded: refunded > 0 ? { amount: refunded, currency: order.currency } : undefined,
      restocked: restockFlags.length > 0 ? restockFlags.some(Boolean) : undefined,
    },
    orderLabel(order),
  );
}

function tracking(fulfillment: NormalizedFulfillment): Tracking {
  return {
    carrier: fulfillment.carrier ?? { code: 'other' },
    trackingNumber: fulfillment.trackingNumbers[0],
    trackingUrl: fulfillment.trackingUrls[0],
  };
}

function shipmentRef(order: NormalizedOrder | undefined, fulfillment: NormalizedFulfillment) {
  return {
    version: 1 as const,
    shopId: fulfillment.shopId,
    shipmentId: fulfillment.fulfillmentId,
    orderId: fulfillment.orderId,
    customer: order ? customerRefOf(order) : undefined,
    tracking: tracking(fulfillment),
  };
}

const shipmentLabel = (fulfillment: NormalizedFulfillment) => `shipment ${fulfillment.fulfillmentId} of order ${fulfillment.orderId}`;

/** `order` when known: it adds the customer and the destination country. */
export function shipmentCreatedDetail(order: NormalizedOrder | undefined, fulfillment: NormalizedFulfillment, correlationId?: string): DetailOf<typeof ShipmentCreated> {
  return build(
    ShipmentCreated,
    {
      ...shipmentRef(order, fulfillment),
      occurredAt: fulfillment.createdAt,
      correlationId,
      lines: fulfillment.lines,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
      destinationCountry: order?.shippingAddress?.countryCode,
    },
    shipmentLabel(fulfillment),
  );
}

/** For a fulfillment with a `shipmentStatus`; `previousStatus` is the one held before, when known. */
export function shipmentUpdatedDetail(
  order: NormalizedOrder | undefined,
  fulfillment: NormalizedFulfillment,
  correlationId?: string,
  previousStatus?: ShipmentStatus,
): DetailOf<typeof ShipmentUpdated> {
  if (fulfillment.shipmentStatus === undefined) {
    throw new MappingError('missing_field', 'ShipmentUpdated', 'shipmentStatus', `is required: shipment ${fulfillment.fulfillmentId} has no tracking status`);
  }
  return build(
    ShipmentUpdated,
    {
      ...shipmentRef(order, fulfillment),
      occurredAt: fulfillment.sourceUpdatedAt,
      correlationId,
      status: fulfillment.shipmentStatus,
      previousStatus,
      statusDetail: fulfillment.statusDetail,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
    },
    shipmentLabel(fulfillment),
  );
}

/** `occurredAt` is `deliveredAt` (else the update that said delivered); `late` compares it to the order's `deliverBy`. */
export function shipmentDeliveredDetail(order: NormalizedOrder | undefined, fulfillment: NormalizedFulfillment, correlationId?: string): DetailOf<typeof ShipmentDelivered> {
  const deliveredAt = fulfillment.deliveredAt ?? fulfillment.sourceUpdatedAt;
  const deliverBy = order?.deliverBy;
  return build(
    ShipmentDelivered,
    {
      ...shipmentRef(order, fulfillment),
      occurredAt: deliveredAt,
      correlationId,
      lines: fulfillment.lines.length > 0 ? fulfillment.lines : undefined,
      deliverBy,
      late: deliverBy === undefined ? undefined : Date.parse(deliveredAt) > Date.parse(deliverBy),
    },
    shipmentLabel(fulfillment),
  );
}

export function refundRecordedDetail(order: NormalizedOrder | undefined, refund: NormalizedRefund, correlationId?: string): DetailOf<typeof RefundRecorded> {
  return build(
    RefundRecorded,
    {
      version: 1,
      shopId: refund.shopId,
      occurredAt: refund.createdAt,
      correlationId,
      orderId: refund.orderId,
      platformRefundId: refund.refundId,
      customer: order ? customerRefOf(order) : undefined,
      amount: refund.amount,
      lines: refund.lines,
      shipping: refund.shipping,
      note: refund.note,
    },
    `refund ${refund.refundId} of order ${refund.orderId}`,
  );
}

const consentGiven = (consent: ChannelConsent | undefined): boolean | undefined => (consent === undefined ? undefined : consent.state === 'subscribed');

/** The catalogue's names of a profile's fields (`customer.email`, `marketingConsent.sms`). */
function profileFields(customer: NormalizedCustomer): Record<string, unknown> {
  return {
    'customer.email': customer.email,
    'customer.phone': customer.phone,
    'customer.firstName': customer.firstName,
    'customer.lastName': customer.lastName,
    'customer.locale': customer.locale,
    'marketingConsent.email': consentGiven(customer.emailMarketingConsent),
    'marketingConsent.sms': consentGiven(customer.smsMarketingConsent),
  };
}

/** Fields of the CustomerUpdated detail that differ between two profiles of the same customer. */
export function changedCustomerFields(before: NormalizedCustomer | undefined, after: NormalizedCustomer): string[] {
  const previous = before ? profileFields(before) : {};
  return Object.entries(profileFields(after))
    .filter(([field, value]) => (before ? previous[field] !== value : value !== undefined))
    .map(([field]) => field);
}

/**
 * `changes`: what changed since the profile held (see changedCustomerFields); by default every
 * field the profile carries, as for a customer seen for the first time.
 */
export function customerUpdatedDetail(customer: NormalizedCustomer, correlationId?: string, changes?: readonly string[]): DetailOf<typeof CustomerUpdated> {
  const changed = changes && changes.length > 0 ? [...changes] : changedCustomerFields(undefined, customer);
  return build(
    CustomerUpdated,
    {
      version: 1,
      shopId: customer.shopId,
      occurredAt: customer.sourceUpdatedAt,
      correlationId,
      platform: customer.platform,
      customer: {
        id: customer.customerId,
        email: customer.email,
        phone: customer.phone,
        firstName: customer.firstName,
        lastName: customer.lastName,
        locale: customer.locale ?? fallbackLocale,
      },
      marketingConsent: { email: consentGiven(customer.emailMarketingConsent), sms: consentGiven(customer.smsMarketingConsent) },
      changes: changed.length > 0 ? changed : ['customer'],
    },
    `customer ${customer.customerId}`,
  );
}
