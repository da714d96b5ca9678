// Orders, as normalised from storefront webhooks (Shopify, WooCommerce, generic).
import * as z from 'zod';
import {
  Actor,
  Address,
  ChangedFields,
  CurrencyCode,
  CustomerRef,
  EntityId,
  IsoDateTime,
  Money,
  OrderLine,
  StorePlatform,
  sameCurrency,
} from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const OrderFinancialStatus = z.enum(['pending', 'authorized', 'paid', 'partially_paid', 'partially_refunded', 'refunded', 'voided']);
export const OrderFulfillmentStatus = z.enum(['unfulfilled', 'partially_fulfilled', 'fulfilled']);

export const OrderTotals = z.object({
  subtotal: Money.describe('Sum of line totals'),
  discounts: Money.describe('Order-level discounts'),
  shipping: Money,
  tax: Money,
  total: Money.describe('What the customer paid'),
});

/** The order as it stands: `OrderPlaced` and `OrderUpdated` carry it whole (state transfer). */
const orderSnapshot = {
  orderId: EntityId,
  orderNumber: z.string().min(1).max(50).describe('Number shown to the customer, e.g. #1001'),
  platform: StorePlatform,
  customer: CustomerRef,
  currency: CurrencyCode.describe('Currency the customer paid in; every amount of the order uses it'),
  lines: z.array(OrderLine).min(1).max(250),
  totals: OrderTotals,
  financialStatus: OrderFinancialStatus,
  fulfillmentStatus: OrderFulfillmentStatus,
  shippingAddress: Address.optional(),
  shippingMethod: z.object({ code: z.string().max(100).optional(), title: z.string().max(200) }).optional(),
  shipBy: IsoDateTime.optional().describe('Latest dispatch time the shop committed to'),
  deliverBy: IsoDateTime.optional().describe('Latest delivery time promised to the customer'),
  tags: z.array(z.string().min(1).max(50)).max(50).optional(),
  test: z.boolean().optional().describe('A storefront test order'),
};

type OrderLike = { currency: string; lines: { unitPrice: Money; discount?: Money | undefined; total: Money }[]; totals: z.infer<typeof OrderTotals> };

function orderCurrencies(order: OrderLike, ctx: Parameters<typeof sameCurrency>[0]): void {
  sameCurrency(ctx, order.currency, [
    ...Object.entries(order.totals).map(([key, money]): [PropertyKey[], Money] => [['totals', key], money]),
    ...order.lines.flatMap((line, index): [PropertyKey[], Money | undefined][] => [
      [['lines', index, 'unitPrice'], line.unitPrice],
      [['lines', index, 'discount'], line.discount],
      [['lines', index, 'total'], line.total],
    ]),
  ]);
}

const usd = (amount: number) => ({ amount, currency: 'USD' });
const exampleOrder = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  occurredAt: '2024-05-01T09:30:00Z',
  orderId: '5012345678901',
  orderNumber: '#1001',
  platform: 'shopify' as const,
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
  currency: 'USD',
  lines: [
    {
      lineId: '13012345678901',
      productId: '8012345678901',
      variantId: '45012345678901',
      sku: 'TENT-2P-GRN',
      title: 'Trail tent 2P',
      variantTitle: 'Green',
      quantity: 1,
      unitPrice: usd(24900),
      total: usd(24900),
    },
  ],
  totals: { subtotal: usd(24900), discounts: usd(0), shipping: usd(995), tax: usd(2054), total: usd(27949) },
  financialStatus: 'paid' as const,
  fulfillmentStatus: 'unfulfilled' as const,
  shippingAddress: { name: 'Ada Lovelace', line1: '1 Main St', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' },
  shippingMethod: { code: 'standard', title: 'Standard (3-5 business days)' },
  shipBy: '2024-05-03T17:00:00Z',
  deliverBy: '2024-05-08T23:59:59Z',
};

export const OrderPlaced = defineEvent({
  source: eventSource.orders,
  detailType: 'OrderPlaced',
  version: 1,
  description: 'A customer placed an order on the storefront. Carries the whole order.',
  detail: orderSnapshot,
  refine: orderCurrencies,
  example: exampleOrder,
});

export const OrderUpdated = defineEvent({
  source: eventSource.orders,
  detailType: 'OrderUpdated',
  version: 1,
  description: 'An order changed (payment, fulfillment, address, lines, tags). Carries the whole order and the changed fields.',
  detail: { ...orderSnapshot, changes: ChangedFields.describe('Top-level fields that changed, e.g. fulfillmentStatus') },
  refine: orderCurrencies,
  example: { ...exampleOrder, occurredAt: '2024-05-02T14:00:00Z', fulfillmentStatus: 'fulfilled', changes: ['fulfillmentStatus'] },
});

export const OrderCancelled = defineEvent({
  source: eventSource.orders,
  detailType: 'OrderCancelled',
  version: 1,
  description: 'An order was cancelled before (complete) fulfillment.',
  detail: {
    orderId: EntityId,
    orderNumber: z.string().min(1).max(50),
    customer: CustomerRef,
    reason: z.enum(['customer', 'fraud', 'inventory', 'payment_declined', 'staff', 'other']),
    cancelledBy: Actor.optional(),
    refunded: Money.optional().describe('Amount refunded with the cancellation'),
    restocked: z.boolean().optional(),
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-01T11:00:00Z',
    orderId: '5012345678901',
    orderNumber: '#1001',
    customer: { id: '7012345678901', email: 'ada@example.com', locale: 'en-US' },
    reason: 'customer',
    cancelledBy: { kind: 'staff', id: 'staff-42' },
    refunded: usd(27949),
    restocked: true,
  },
});
