// Shopify orders (the Order resource of `orders/*` webhooks) to NormalizedOrder.
//
// Amounts are read from the `*_set` bags in the presentment currency (see shopify-money.ts):
// - line `unitPrice` = `price_set`; `discount` = the line's `discount_allocations` (line discounts
//   and its share of order-level codes, exactly as Shopify allocated them); `tax` = its `tax_lines`;
//   `total` = price × quantity − discount, minus tax when `taxes_included` (prices include tax);
// - `totals.shipping` = shipping lines not removed, after their discounts (and tax when included);
//   `totals.discounts` = `total_discounts_set`; `tax` = `total_tax_set`; `total` = `total_price_set`
//   (the checkout total: `current_total_price` nets refunds and edits, and refunds travel in
//   `refunds`, so using it would subtract them twice).
// - Lines keep the ordered `quantity` (not `current_quantity`, which drops refunded units): returns
//   and refunds refer to what was bought.
import type { z } from 'zod';
import type { OrderFinancialStatus, OrderFulfillmentStatus } from '../events/orders.ts';
import { cleanEmail, cleanLocale, cleanPhone, cleanTags, clip } from './fields.ts';
import type { CancelReason, NormalizedAddress, NormalizedOrderInput, NormalizedOrderLine, OrderCustomer } from './normalized.ts';
import type { Field } from './read.ts';
import { bagAmount, money, optBagAmount, orderCurrencies, sum, type ShopifyCurrencies } from './shopify-money.ts';
import { shopifyFulfillment } from './shopify-fulfillment.ts';
import { shopifyRefund } from './shopify-refund.ts';

export interface ShopifyContext {
  shopId: string;
  /** The shop's language, for customers whose locale the payload does not give. */
  defaultLocale?: string;
  /** `refunds/create` only: the order's `taxes_included`, which the refund payload does not carry. */
  taxesIncluded?: boolean;
}

type FinancialStatus = z.infer<typeof OrderFinancialStatus>;
type FulfillmentState = z.infer<typeof OrderFulfillmentStatus>;

const financialStatuses: Readonly<Record<string, FinancialStatus>> = {
  pending: 'pending',
  authorized: 'authorized',
  partially_paid: 'partially_paid',
  paid: 'paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
  expired: 'voided', // an authorization that lapsed: nothing was captured
};

const fulfillmentStatuses: Readonly<Record<string, FulfillmentState>> = {
  fulfilled: 'fulfilled',
  partial: 'partially_fulfilled',
  unfulfilled: 'unfulfilled',
  restocked: 'unfulfilled', // legacy: the items went back to stock
};

const cancelReasons: Readonly<Record<string, CancelReason>> = {
  customer: 'customer',
  fraud: 'fraud',
  inventory: 'inventory',
  declined: 'payment_declined',
  staff: 'staff',
  other: 'other',
};

function financialStatus(field: Field): FinancialStatus {
  const value = field.optString();
  if (value === undefined) return 'pending';
  return financialStatuses[value] ?? field.invalid(`a financial status (${Object.keys(financialStatuses).join(', ')})`);
}

function fulfillmentStatus(field: Field): FulfillmentState {
  const value = field.optString();
  if (value === undefined) return 'unfulfilled'; // Shopify sends null until something ships
  return fulfillmentStatuses[value] ?? field.invalid(`a fulfillment status (${Object.keys(fulfillmentStatuses).join(', ')})`);
}

function line(item: Field, currencies: ShopifyCurrencies, taxesIncluded: boolean): NormalizedOrderLine {
  const quantityField = item.get('quantity');
  const quantity = quantityField.int();
  if (quantity < 1) quantityField.invalid('a positive quantity');
  const unitPrice = bagAmount(item, 'price', currencies);
  const allocations = item.get('discount_allocations');
  const discount = allocations.absent
    ? (optBagAmount(item, 'total_discount', currencies) ?? 0) // API versions before discount allocations
    : sum(allocations.items().map((allocation) => bagAmount(allocation, 'amount', currencies)));
  const tax = sum(item.get('tax_lines').items().map((taxLine) => bagAmount(taxLine, 'price', currencies)));
  const total = unitPrice * quantity - discount - (taxesIncluded ? tax : 0);
  if (total < 0) item.get('discount_allocations').invalid(`allocations within the line price (${unitPrice} × ${quantity})`);

  return {
    lineId: item.get('id').id(),
    productId: item.get('product_id').optId(),
    variantId: item.get('variant_id').optId(),
    sku: ((sku) => (sku !== undefined && sku.length <= 64 ? sku : undefined))(item.get('sku').optString()),
    title: clip(item.get('title').optString() ?? item.get('name').optString(), 200) ?? item.get('title').string(),
    variantTitle: clip(item.get('variant_title').optString(), 100),
    quantity,
    unitPrice: money(unitPrice, currencies),
    discount: discount > 0 ? money(discount, currencies) : undefined,
    tax: tax > 0 ? money(tax, currencies) : undefined,
    total: money(total, currencies),
    requiresShipping: item.get('requires_shipping').optBool() ?? true,
  };
}

function shippingCharged(shippingLine: Field, currencies: ShopifyCurrencies, taxesIncluded: boolean): number {
  const discounted =
    optBagAmount(shippingLine, 'discounted_price', currencies) ??
    bagAmount(shippingLine, 'price', currencies) - sum(shippingLine.get('discount_allocations').items().map((allocation) => bagAmount(allocation, 'amount', currencies)));
  const tax = taxesIncluded ? sum(shippingLine.get('tax_lines').items().map((taxLine) => bagAmount(taxLine, 'price', currencies))) : 0;
  return Math.max(0, discounted - tax);
}

export function shopifyAddress(address: Field): NormalizedAddress | undefined {
  if (address.absent) return undefined;
  const countryCode = address.get('country_code').optString()?.toUpperCase();
  if (countryCode === undefined || !/^[A-Z]{2}$/.test(countryCode)) return undefined;
  return {
    countryCode,
    region: clip(address.get('province_code').optString() ?? address.get('province').optString(), 100),
    city: clip(address.get('city').optString(), 100),
    postalCode: clip(address.get('zip').optString(), 20),
    line1: clip(address.get('address1').optString(), 200),
  };
}

function customer(order: Field, context: ShopifyContext): OrderCustomer {
  const person = order.get('customer');
  const billing = order.get('billing_address');
  const shipping = order.get('shipping_address');
  return {
    id: person.get('id').optId(),
    email: cleanEmail(order.get('email').optString() ?? order.get('contact_email').optString() ?? person.get('email').optString()),
    phone: cleanPhone(order.get('phone').optString()) ?? cleanPhone(person.get('phone').optString()) ?? cleanPhone(shipping.get('phone').optString()) ?? cleanPhone(billing.get('phone').optString()),
    firstName: clip(person.get('first_name').optString() ?? billing.get('first_name').optString() ?? shipping.get('first_name').optString(), 100),
    lastName: clip(person.get('last_name').optString() ?? billing.get('last_name').optString() ?? shipping.get('last_name').optString(), 100),
    locale: cleanLocale(order.get('customer_locale').optString()) ?? cleanLocale(person.get('locale').optString()) ?? cleanLocale(context.defaultLocale),
  };
}

export function shopifyOrder(order: Field, context: ShopifyContext): NormalizedOrderInput {
  order.required();
  const currencies = orderCurrencies(order);
  const taxesIncluded = order.get('taxes_included').optBool() ?? false;
  const orderId = order.get('id').id();
  const lines = order
    .get('line_items')
    .items()
    .map((item) => line(item, currencies, taxesIncluded));
  const shippingLines = order
    .get('shipping_lines')
    .items()
    .filter((shippingLine) => shippingLine.get('is_removed').optBool() !== true);
  const shipping = sum(shippingLines.map((shippingLine) => shippingCharged(shippingLine, currencies, taxesIncluded)));
  const firstShipping = shippingLines[0];
  const shippingTitle = clip(firstShipping?.get('title').optString(), 200);
  const cancelledAt = order.get('cancelled_at').optDatetime();
  const cancelReason = order.get('cancel_reason').optString();
  const orderNumber = order.get('name').optString() ?? `#${order.get('order_number').id()}`;

  return {
    shopId: context.shopId,
    platform: 'shopify',
    orderId,
    orderNumber: clip(orderNumber, 50) ?? orderNumber,
    createdAt: order.get('created_at').datetime(),
    sourceUpdatedAt: order.get('updated_at').datetime(),
    cancelledAt,
    cancelReason: cancelledAt === undefined ? undefined : cancelReason === undefined ? 'other' : (cancelReasons[cancelReason] ?? 'other'),
    currency: currencies.presentment,
    customer: customer(order, context),
    lines,
    totals: {
      subtotal: money(sum(lines.map((item) => item.total.amount)), currencies),
      discounts: money(optBagAmount(order, 'total_discounts', currencies) ?? sum(lines.map((item) => item.discount?.amount ?? 0)), currencies),
      shipping: money(shipping, currencies),
      tax: money(optBagAmount(order, 'total_tax', currencies) ?? sum(lines.map((item) => item.tax?.amount ?? 0)), currencies),
      total: money(bagAmount(order, 'total_price', currencies), currencies),
    },
    financialStatus: financialStatus(order.get('financial_status')),
    fulfillmentStatus: fulfillmentStatus(order.get('fulfillment_status')),
    shippingAddress: shopifyAddress(order.get('shipping_address')),
    shippingMethod: shippingTitle === undefined ? undefined : { code: clip(firstShipping?.get('code').optString(), 100), title: shippingTitle },
    tags: cleanTags(Array.isArray(order.get('tags').value) ? order.get('tags').items().map((tag) => tag.string()) : order.get('tags').optString()),
    test: order.get('test').optBool() ?? false,
    fulfillments: order
      .get('fulfillments')
      .items()
      .map((fulfillment) => shopifyFulfillment(fulfillment, context.shopId, orderId)),
    refunds: order
      .get('refunds')
      .items()
      .map((refund) => shopifyRefund(refund, { shopId: context.shopId, currencies, taxesIncluded, orderId })),
  };
}
