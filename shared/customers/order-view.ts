// The customer's view of stored orders: which of the orders with a number is theirs, and what of
// it they see. Plain mappings, no I/O.
import type { z } from 'zod';
import type { OrderState } from '../ingest/order-state.ts';
import type { CustomerOrder } from '../api/schemas-customer.ts';

export const sameEmail = (a: string | undefined, b: string) => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The order among `candidates` (same shop and number) placed with `email`, if any. */
export function ownOrder(candidates: readonly OrderState[], email: string): (OrderState & { order: NonNullable<OrderState['order']> }) | undefined {
  return candidates.find((state): state is OrderState & { order: NonNullable<OrderState['order']> } => sameEmail(state.order?.customer.email, email));
}

const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * The order as its customer sees it. Fulfillments and refunds come from the state, not the order
 * payload: some arrive on their own webhooks and are merged there.
 */
export function customerOrder(state: OrderState & { order: NonNullable<OrderState['order']> }): z.input<typeof CustomerOrder> {
  const { order } = state;
  return {
    orderNumber: order.orderNumber,
    createdAt: order.createdAt,
    currency: order.currency,
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      title: line.title,
      variantTitle: line.variantTitle,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount,
      total: line.total,
    })),
    totals: order.totals,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    fulfillments: Object.values(state.fulfillments)
      .sort(byCreation)
      .map((fulfillment) => ({
        status: fulfillment.status,
        shipmentStatus: fulfillment.shipmentStatus,
        statusDetail: fulfillment.statusDetail,
        carrier: fulfillment.carrier && { code: fulfillment.carrier.code, name: fulfillment.carrier.name },
        trackingNumbers: fulfillment.trackingNumbers,
        trackingUrls: fulfillment.trackingUrls,
        lines: fulfillment.lines,
        createdAt: fulfillment.createdAt,
        estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
        deliveredAt: fulfillment.deliveredAt,
      })),
    refunds: Object.values(state.refunds)
      .sort(byCreation)
      .map((refund) => ({ amount: refund.amount, createdAt: refund.createdAt })),
    cancelledAt: order.cancelledAt,
  };
}
