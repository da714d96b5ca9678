// What the customer portal shows of an order: what a return portal needs (lines, totals, status,
// parcels, refunds), nothing internal (no versions, delivery keys, notes, tags or contact data).
import * as z from 'zod';
import { Carrier, CurrencyCode, EmailAddress, EntityId, IsoDateTime, LineQuantity, Money, ShopId } from '../events/common.ts';
import { OrderFinancialStatus, OrderFulfillmentStatus } from '../events/orders.ts';
import { ShipmentStatus } from '../events/shipments.ts';
import { FulfillmentStatus, OrderTotals } from '../storefronts/normalized.ts';

export const CustomerOrderNumber = z.string().trim().min(1).max(50).describe('The order number as the shop shows it; `#1001` and `1001` are the same');

export const CustomerOrderLine = z.object({
  lineId: EntityId.describe('Names the line in later requests (returns)'),
  title: z.string(),
  variantTitle: z.string().optional(),
  sku: z.string().optional(),
  quantity: z.int().positive(),
  unitPrice: Money.describe('One unit before discounts'),
  discount: Money.optional().describe('Discount on the whole line'),
  total: Money.describe('Line total after discounts, before tax'),
});

export const CustomerFulfillment = z.object({
  status: FulfillmentStatus,
  shipmentStatus: ShipmentStatus.optional().describe('Carrier tracking status, when known'),
  statusDetail: z.string().optional(),
  carrier: Carrier.pick({ code: true, name: true }).optional(),
  trackingNumbers: z.array(z.string()),
  trackingUrls: z.array(z.string()),
  lines: z.array(LineQuantity).describe('What is in the parcel'),
  createdAt: IsoDateTime,
  estimatedDeliveryAt: IsoDateTime.optional(),
  deliveredAt: IsoDateTime.optional(),
});

export const CustomerRefund = z.object({ amount: Money.describe('What went back to the customer'), createdAt: IsoDateTime });

export const CustomerOrder = z
  .object({
    orderNumber: z.string(),
    createdAt: IsoDateTime,
    currency: CurrencyCode,
    lines: z.array(CustomerOrderLine),
    totals: OrderTotals.describe('`total` is what was charged at checkout; refunds are listed, not netted'),
    financialStatus: OrderFinancialStatus,
    fulfillmentStatus: OrderFulfillmentStatus,
    fulfillments: z.array(CustomerFulfillment).describe('Parcels, oldest first'),
    refunds: z.array(CustomerRefund).describe('Oldest first'),
    cancelledAt: IsoDateTime.optional(),
  })
  .meta({ id: 'CustomerOrder', description: 'An order as its customer sees it in the portal' });

export const CustomerSignIn = z
  .object({
    shopId: ShopId,
    orderNumber: CustomerOrderNumber,
    email: EmailAddress.describe('The email address on the order (any case)'),
  })
  .meta({ id: 'CustomerSignIn' });

export const CustomerSession = z
  .object({
    token: z.string().describe('Send as `Authorization: Bearer <token>` to the customer routes'),
    expiresAt: IsoDateTime.describe('The token is refused from then on: sign in again'),
    order: CustomerOrder,
  })
  .meta({ id: 'CustomerSession', description: 'A customer session and the order it was opened with' });
