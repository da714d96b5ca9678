// Shopify webhook payloads in the documented Admin REST shapes (Order, Fulfillment), generated with
// chosen ids and times, for integration tests and benchmarks.
const money = (amount: string, currency: string) => ({ shop_money: { amount, currency_code: currency }, presentment_money: { amount, currency_code: currency } });

export interface OrderOptions {
  orderId: number;
  updatedAt?: string;
  createdAt?: string;
  cancelledAt?: string;
  email?: string;
  currency?: string;
  customerId?: number;
}

/** One customer per order unless a test says otherwise: refund decisions count a customer's earlier claims. */
export const customerIdOf = (orderId: number) => 7_000_000_000 + orderId;

export function shopifyOrder({ orderId, createdAt = '2026-11-20T10:00:00Z', updatedAt = createdAt, cancelledAt, email = 'ada@example.com', currency = 'USD', customerId = customerIdOf(orderId) }: OrderOptions) {
  const lineItems = [
    { id: orderId * 10 + 1, product_id: 632910392, variant_id: 808950810, sku: 'TENT-2P', title: 'Trail tent 2P', variant_title: 'Green', name: 'Trail tent 2P - Green', quantity: 1, price: '249.00', price_set: money('249.00', currency), total_discount: '0.00', total_discount_set: money('0.00', currency), discount_allocations: [], tax_lines: [{ title: 'State tax', price: '19.92', rate: 0.08, price_set: money('19.92', currency) }], requires_shipping: true, fulfillable_quantity: 1, fulfillment_status: null, gift_card: false, taxable: true, vendor: 'Acme' },
    { id: orderId * 10 + 2, product_id: 632910393, variant_id: 808950811, sku: 'STAKE-8', title: 'Tent stakes', variant_title: 'Pack of 8', name: 'Tent stakes - Pack of 8', quantity: 2, price: '12.50', price_set: money('12.50', currency), total_discount: '2.50', total_discount_set: money('2.50', currency), discount_allocations: [{ amount: '2.50', amount_set: money('2.50', currency), discount_application_index: 0 }], tax_lines: [{ title: 'State tax', price: '1.80', rate: 0.08, price_set: money('1.80', currency) }], requires_shipping: true, fulfillable_quantity: 2, fulfillment_status: null, gift_card: false, taxable: true, vendor: 'Acme' },
  ];
  return {
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    name: `#${orderId % 100_000}`,
    order_number: orderId % 100_000,
    email,
    phone: null,
    created_at: createdAt,
    updated_at: updatedAt,
    processed_at: createdAt,
    cancelled_at: cancelledAt ?? null,
    cancel_reason: cancelledAt ? 'customer' : null,
    closed_at: null,
    currency,
    presentment_currency: currency,
    financial_status: 'paid',
    fulfillment_status: null,
    test: false,
    tags: 'vip, spring',
    customer_locale: 'en-US',
    subtotal_price: '271.50',
    subtotal_price_set: money('271.50', currency),
    total_discounts: '2.50',
    total_discounts_set: money('2.50', currency),
    total_shipping_price_set: money('10.00', currency),
    total_tax: '21.72',
    total_tax_set: money('21.72', currency),
    total_price: '303.22',
    total_price_set: money('303.22', currency),
    current_total_price: '303.22',
    current_total_price_set: money('303.22', currency),
    taxes_included: false,
    discount_applications: [{ type: 'discount_code', value: '10.0', value_type: 'percentage', allocation_method: 'across', target_selection: 'entitled', target_type: 'line_item', code: 'STAKES10' }],
    line_items: lineItems,
    shipping_lines: [{ id: 369256396, code: 'Standard', title: 'Standard shipping', price: '10.00', price_set: money('10.00', currency), discounted_price: '10.00', source: 'shopify' }],
    shipping_address: { first_name: 'Ada', last_name: 'Lovelace', address1: '1 Analytical Way', city: 'Boston', province: 'Massachusetts', province_code: 'MA', country: 'United States', country_code: 'US', zip: '02110', phone: null, name: 'Ada Lovelace' },
    customer: { id: customerId, email, first_name: 'Ada', last_name: 'Lovelace', phone: null, locale: 'en-US', state: 'enabled', created_at: '2025-01-01T00:00:00Z', updated_at: updatedAt, email_marketing_consent: { state: 'subscribed', opt_in_level: 'single_opt_in', consent_updated_at: '2025-01-01T00:00:00Z' }, sms_marketing_consent: null },
    fulfillments: [],
    refunds: [],
  };
}

export interface FulfillmentOptions {
  fulfillmentId: number;
  orderId: number;
  shipmentStatus: string | null;
  updatedAt: string;
  createdAt?: string;
}

export function shopifyFulfillment({ fulfillmentId, orderId, shipmentStatus, updatedAt, createdAt = updatedAt }: FulfillmentOptions) {
  return {
    id: fulfillmentId,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillmentId}`,
    order_id: orderId,
    status: 'success',
    created_at: createdAt,
    updated_at: updatedAt,
    service: 'manual',
    shipment_status: shipmentStatus,
    location_id: 24826418,
    tracking_company: 'UPS',
    tracking_number: '1Z2345',
    tracking_numbers: ['1Z2345'],
    tracking_url: 'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345',
    tracking_urls: ['https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345'],
    line_items: [{ id: orderId * 10 + 1, quantity: 1, sku: 'TENT-2P', title: 'Trail tent 2P', fulfillment_status: 'fulfilled' }, { id: orderId * 10 + 2, quantity: 2, sku: 'STAKE-8', title: 'Tent stakes', fulfillment_status: 'fulfilled' }],
    name: `#${orderId % 100_000}.1`,
  };
}

export interface RefundOptions {
  refundId: number;
  orderId: number;
  /** What went back, as Shopify writes it ("24.90"): the successful refund transaction. */
  amount: string;
  createdAt?: string;
  currency?: string;
  note?: string;
}

/** A `refunds/create` Refund of the tent line of `shopifyOrder`, made on the storefront. */
export function shopifyRefund({ refundId, orderId, amount, createdAt = '2026-11-22T10:00:00Z', currency = 'USD', note = 'Refunded by staff' }: RefundOptions) {
  return {
    id: refundId,
    admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
    order_id: orderId,
    created_at: createdAt,
    processed_at: createdAt,
    note,
    restock: false,
    refund_shipping_lines: [],
    order_adjustments: [],
    refund_line_items: [{ id: refundId + 1, quantity: 1, line_item_id: orderId * 10 + 1, restock_type: 'no_restock', subtotal: 249.0, total_tax: 19.92, subtotal_set: money('249.00', currency), total_tax_set: money('19.92', currency) }],
    transactions: [{ id: refundId + 2, order_id: orderId, kind: 'refund', gateway: 'shopify_payments', status: 'success', amount, currency, created_at: createdAt, processed_at: createdAt }],
  };
}
