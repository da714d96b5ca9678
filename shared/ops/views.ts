// What the ops API shows of the stored state: plain mappings, no I/O.
import type { CustomerState } from '../ingest/customer-state.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { NotificationRecord } from '../adapters/notification-store.ts';
import type { JournalEntry } from '../journal/entries.ts';

export function orderSummary(state: OrderState) {
  const order = state.order!;
  return {
    shopId: state.shopId,
    orderId: state.orderId,
    orderNumber: order.orderNumber,
    platform: order.platform,
    createdAt: order.createdAt,
    sourceUpdatedAt: order.sourceUpdatedAt,
    customerId: order.customer.id,
    customerEmail: order.customer.email,
    currency: order.currency,
    total: order.totals.total,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelledAt: order.cancelledAt,
  };
}

/** The list filters the index cannot apply: status and customer. */
export function orderMatches(state: OrderState, filter: { status?: string; customerId?: string }): boolean {
  const order = state.order;
  if (!order) return false;
  if (filter.customerId && order.customer.id !== filter.customerId) return false;
  switch (filter.status) {
    case undefined:
      return true;
    case 'open':
      return !order.cancelledAt;
    case 'cancelled':
      return Boolean(order.cancelledAt);
    default:
      return order.fulfillmentStatus === filter.status || order.financialStatus === filter.status;
  }
}

export function orderView(state: OrderState) {
  return { order: state.order!, deletedAt: state.deletedAt, version: state.version };
}

export function customerView(state: CustomerState) {
  const { version: _version, ...customer } = state;
  return customer;
}

export function timelineEntry(entry: JournalEntry) {
  return { eventId: entry.eventId, source: entry.source, detailType: entry.detailType, time: entry.time, detail: entry.detail };
}

export function notificationLogEntry(record: NotificationRecord) {
  const { notificationId, messageType, category, deduplicationKey, customerId, status, channel, requestedAt, updatedAt, related, history } = record;
  return { notificationId, messageType, category, deduplicationKey, customerId, status, channel, requestedAt, updatedAt, related, history };
}
