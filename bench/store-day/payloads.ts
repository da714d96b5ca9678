// Shopify Admin REST payloads (Order, Fulfillment, Refund) for the synthetic store day: any lines
// from the demo catalogue, totals that add up, US tax at 8%, flat 10.00 shipping.
export interface CatalogueItem {
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  variantTitle: string;
  priceMinor: number;
}

export interface OrderLine {
  item: CatalogueItem;
  lineItemId: number;
  quantity: number;
}

const currency = 'USD';
const taxRate = 0.08;
const shippingMinor = 1000;
const decimal = (minor: number) => (minor / 100).toFixed(2);
const money = (minor: number) => ({ shop_money: { amount: decimal(minor), currency_code: currency }, presentment_money: { amount: decimal(minor), currency_code: currency } });
const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
const lineTaxMinor = (line: OrderLine) => Math.round(line.item.priceMinor * line.quantity * taxRate);

export function shopifyDayPayloads({ orderId, customerId, email, lines }: { orderId: number; customerId: number; email: string; lines: OrderLine[] }) {
  const name = `#${orderId % 100_000}`;
  const subtotal = lines.reduce((sum, line) => sum + line.item.priceMinor * line.quantity, 0);
  const tax = lines.reduce((sum, line) => sum + lineTaxMinor(line), 0);
  const total = subtotal + tax + shippingMinor;
  const lineItem = (line: OrderLine) => ({
    id: line.lineItemId,
    product_id: Number(line.item.productId),
    variant_id: Number(line.item.variantId),
    sku: line.item.sku,
    title: line.item.title,
    variant_title: line.item.variantTitle,
    name: `${line.item.title} - ${line.item.variantTitle}`,
    quantity: line.quantity,
    price: decimal(line.item.priceMinor),
    price_set: money(line.item.priceMinor),
    total_discount: '0.00',
    total_discount_set: money(0),
    discount_allocations: [],
    tax_lines: [{ title: 'State tax', price: decimal(lineTaxMinor(line)), rate: taxRate, price_set: money(lineTaxMinor(line)) }],
    requires_shipping: true,
    fulfillable_quantity: line.quantity,
    fulfillment_status: null,
    gift_card: false,
    taxable: true,
    vendor: 'Acme',
  });

  return {
    order: (createdAt: number) => ({
      id: orderId,
      admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
      name,
      order_number: orderId % 100_000,
      email,
      phone: null,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
      processed_at: iso(createdAt),
      cancelled_at: null,
      cancel_reason: null,
      closed_at: null,
      currency,
      presentment_currency: currency,
      financial_status: 'paid',
      fulfillment_status: null,
      test: false,
      tags: '',
      customer_locale: 'en-US',
      subtotal_price: decimal(subtotal),
      subtotal_price_set: money(subtotal),
      total_discounts: '0.00',
      total_discounts_set: money(0),
      total_shipping_price_set: money(shippingMinor),
      total_tax: decimal(tax),
      total_tax_set: money(tax),
      total_price: decimal(total),
      total_price_set: money(total),
      current_total_price: decimal(total),
      current_total_price_set: money(total),
      taxes_included: false,
      discount_applications: [],
      line_items: lines.map(lineItem),
      shipping_lines: [{ id: orderId * 10 + 9, code: 'Standard', title: 'Standard shipping', price: decimal(shippingMinor), price_set: money(shippingMinor), discounted_price: decimal(shippingMinor), source: 'shopify' }],
      shipping_address: { first_name: 'Sam', last_name: 'Shopper', address1: '1 Analytical Way', city: 'Boston', province: 'Massachusetts', province_code: 'MA', country: 'United States', country_code: 'US', zip: '02110', phone: null, name: 'Sam Shopper' },
      customer: { id: customerId, email, first_name: 'Sam', last_name: 'Shopper', phone: null, locale: 'en-US', state: 'enabled', created_at: '2025-01-01T00:00:00Z', updated_at: iso(createdAt), email_marketing_consent: { state: 'not_subscribed', opt_in_level: null, consent_updated_at: null }, sms_marketing_consent: null },
      fulfillments: [],
      refunds: [],
    }),

    fulfillment: (fulfillmentId: number, group: OrderLine[], shipmentStatus: string | null, createdAt: number, updatedAt: number) => ({
      id: fulfillmentId,
      admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillmentId}`,
      order_id: orderId,
      status: 'success',
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
      service: 'manual',
      shipment_status: shipmentStatus,
      location_id: 24826418,
      tracking_company: 'UPS',
      tracking_number: `1Z${fulfillmentId}`,
      tracking_numbers: [`1Z${fulfillmentId}`],
      tracking_url: `https://www.ups.com/track?tracknum=1Z${fulfillmentId}`,
      tracking_urls: [`https://www.ups.com/track?tracknum=1Z${fulfillmentId}`],
      line_items: group.map((line) => ({ id: line.lineItemId, quantity: line.quantity, sku: line.item.sku, title: line.item.title, fulfillment_status: 'fulfilled' })),
      name: `${name}.${fulfillmentId % 10}`,
    }),

    /** One unit of `line` refunded on the storefront, with its tax. */
    refund: (refundId: number, line: OrderLine, at: number) => {
      const unitTax = Math.round(line.item.priceMinor * taxRate);
      const amountMinor = line.item.priceMinor + unitTax;
      return {
        amountMinor,
        payload: {
          id: refundId,
          admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
          order_id: orderId,
          created_at: iso(at),
          processed_at: iso(at),
          note: 'Refunded by staff',
          restock: false,
          refund_shipping_lines: [],
          order_adjustments: [],
          refund_line_items: [{ id: refundId + 1, quantity: 1, line_item_id: line.lineItemId, restock_type: 'no_restock', subtotal: line.item.priceMinor / 100, total_tax: unitTax / 100, subtotal_set: money(line.item.priceMinor), total_tax_set: money(unitTax) }],
          transactions: [{ id: refundId + 2, order_id: orderId, kind: 'refund', gateway: 'shopify_payments', status: 'success', amount: decimal(amountMinor), currency, created_at: iso(at), processed_at: iso(at) }],
        },
      };
    },
  };
}
