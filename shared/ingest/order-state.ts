// The order as the flows need it, and how each normalized delivery changes it. Plain domain code:
// given the stored state and what the storefront says now, it returns the next state and the
// canonical events to publish. Updates older than what we hold change nothing, so deliveries may
// arrive in any order; fulfillments and refunds that arrive before their order are kept and the
// order joins them later.
import type { NormalizedFulfillment, NormalizedOrder, NormalizedRefund } from '../storefronts/normalized.ts';
import {
  orderCancelledDetail,
  orderPlacedDetail,
  orderUpdatedDetail,
  refundRecordedDetail,
  shipmentCreatedDetail,
  shipmentDeliveredDetail,
  shipmentUpdatedDetail,
} from '../storefronts/to-events.ts';
// Each definition from its own module: the catalogue would bring every event's schema into the bundle.
import { OrderCancelled, OrderPlaced, OrderUpdated } from '../events/orders.ts';
import { RefundRecorded } from '../events/refunds.ts';
import { ShipmentCreated, ShipmentDelivered, ShipmentUpdated } from '../events/shipments.ts';
import type { EventDefinition } from '../events/define.ts';

export interface PendingEvent {
  definition: EventDefinition;
  detail: unknown;
}

export interface OrderState {
  shopId: string;
  orderId: string;
  /** Undefined while only fulfillments or refunds of the order have arrived. */
  order?: NormalizedOrder;
  fulfillments: Record<string, NormalizedFulfillment>;
  refunds: Record<string, NormalizedRefund>;
  deletedAt?: string;
  /** Optimistic lock: every write expects the version it read. */
  version: number;
}

export interface OrderChange {
  next: OrderState;
  events: PendingEvent[];
  /** Set the first time the order itself is known: count it once in the customer's totals. */
  newlyPlaced?: NormalizedOrder;
  /** Refunds seen for the first time: subtract them once from the customer's spend. */
  newRefunds: NormalizedRefund[];
}

export function emptyOrderState(shopId: string, orderId: string): OrderState {
  return { shopId, orderId, fulfillments: {}, refunds: {}, version: 0 };
}

/** Fields whose change is worth an OrderUpdated (the rest is bookkeeping). */
const watchedFields = ['lines', 'totals', 'financialStatus', 'fulfillmentStatus', 'shippingAddress', 'shippingMethod', 'shipBy', 'deliverBy', 'customer', 'tags'] as const;

function changedFields(before: NormalizedOrder, after: NormalizedOrder): string[] {
  return watchedFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function fulfillmentEvents(order: NormalizedOrder | undefined, before: NormalizedFulfillment | undefined, after: NormalizedFulfillment): PendingEvent[] {
  const events: PendingEvent[] = [];
  if (!before) events.push({ definition: ShipmentCreated, detail: shipmentCreatedDetail(order, after) });
  const statusChanged = after.shipmentStatus && after.shipmentStatus !== before?.shipmentStatus;
  if (statusChanged) events.push({ definition: ShipmentUpdated, detail: shipmentUpdatedDetail(order, after) });
  if (after.shipmentStatus === 'delivered' && before?.shipmentStatus !== 'delivered') {
    events.push({ definition: ShipmentDelivered, detail: shipmentDeliveredDetail(order, after) });
  }
  return events;
}

function isNewer(incoming: string, held: string | undefined): boolean {
  return held === undefined || Date.parse(incoming) > Date.parse(held);
}

/** Merges fulfillments, keeping for each the newest the storefront reported. */
function mergeFulfillments(state: OrderState, incoming: NormalizedFulfillment[], order: NormalizedOrder | undefined, events: PendingEvent[]): Record<string, NormalizedFulfillment> {
  const merged = { ...state.fulfillments };
  for (const fulfillment of incoming) {
    const before = merged[fulfillment.fulfillmentId];
    if (before && !isNewer(fulfillment.sourceUpdatedAt, before.sourceUpdatedAt)) continue;
    merged[fulfillment.fulfillmentId] = fulfillment;
    events.push(...fulfillmentEvents(order, before, fulfillment));
  }
  return merged;
}

function mergeRefunds(state: OrderState, incoming: NormalizedRefund[], order: NormalizedOrder | undefined, events: PendingEvent[], fresh: NormalizedRefund[]): Record<string, NormalizedRefund> {
  const merged = { ...state.refunds };
  for (const refund of incoming) {
    if (merged[refund.refundId]) continue;
    merged[refund.refundId] = refund;
    fresh.push(refund);
    events.push({ definition: RefundRecorded, detail: refundRecordedDetail(order, refund) });
  }
  return merged;
}

export function applyOrder(state: OrderState, incoming: NormalizedOrder, correlationId?: string): OrderChange | undefined {
  const before = state.order;
  if (before && !isNewer(incoming.sourceUpdatedAt, before.sourceUpdatedAt)) return undefined;
  const events: PendingEvent[] = [];
  if (!before) events.push({ definition: OrderPlaced, detail: orderPlacedDetail(incoming, correlationId) });
  else {
    const changed = changedFields(before, incoming);
    if (changed.length) events.push({ definition: OrderUpdated, detail: orderUpdatedDetail(incoming, changed, correlationId) });
  }
  if (incoming.cancelledAt && !before?.cancelledAt) events.push({ definition: OrderCancelled, detail: orderCancelledDetail(incoming, correlationId) });
  const newRefunds: NormalizedRefund[] = [];
  const next: OrderState = {
    ...state,
    order: incoming,
    fulfillments: mergeFulfillments(state, incoming.fulfillments, incoming, events),
    refunds: mergeRefunds(state, incoming.refunds, incoming, events, newRefunds),
  };
  // Refunds that arrived before their order could not be counted against a customer: count them now.
  const uncounted = before ? newRefunds : Object.values(next.refunds);
  return { next, events, newlyPlaced: before ? undefined : incoming, newRefunds: uncounted };
}

export function applyFulfillment(state: OrderState, fulfillment: NormalizedFulfillment): OrderChange | undefined {
  const events: PendingEvent[] = [];
  const fulfillments = mergeFulfillments(state, [fulfillment], state.order, events);
  if (events.length === 0 && fulfillments === state.fulfillments) return undefined;
  if (fulfillments[fulfillment.fulfillmentId] === state.fulfillments[fulfillment.fulfillmentId]) return undefined;
  return { next: { ...state, fulfillments }, events, newRefunds: [] };
}

export function applyRefund(state: OrderState, refund: NormalizedRefund): OrderChange | undefined {
  if (state.refunds[refund.refundId]) return undefined;
  const events: PendingEvent[] = [];
  const fresh: NormalizedRefund[] = [];
  const refunds = mergeRefunds(state, [refund], state.order, events, fresh);
  return { next: { ...state, refunds }, events, newRefunds: fresh };
}

/** WooCommerce deletes orders outright; for the flows a deleted order is a cancelled one. */
export function applyOrderDeleted(state: OrderState, deletedAt: string): OrderChange | undefined {
  if (state.deletedAt || !state.order) return state.deletedAt ? undefined : { next: { ...state, deletedAt }, events: [], newRefunds: [] };
  const cancelled = { ...state.order, cancelledAt: state.order.cancelledAt ?? deletedAt, cancelReason: state.order.cancelReason ?? 'deleted', sourceUpdatedAt: deletedAt };
  const events: PendingEvent[] = state.order.cancelledAt ? [] : [{ definition: OrderCancelled, detail: orderCancelledDetail(cancelled) }];
  return { next: { ...state, order: cancelled, deletedAt }, events, newRefunds: [] };
}
