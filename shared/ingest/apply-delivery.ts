// One delivery applied to the stored state: read, compute the change (pure), commit it.
import type { ShopConfig } from '../shops/config.ts';
import type { StoredDelivery } from '../adapters/delivery-store.ts';
import type { IngestStore } from '../adapters/ingest-store.ts';
import { MappingError } from '../storefronts/normalized.ts';
import { applyProfile, countOrder, countRefund, type CustomerState } from './customer-state.ts';
import { normalizeDelivery } from './normalize-delivery.ts';
import { applyFulfillment, applyOrder, applyOrderDeleted, applyRefund, type OrderChange } from './order-state.ts';

export class UnmappableDeliveryError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApplyInput {
  delivery: Pick<StoredDelivery, 'pk' | 'provider' | 'shopId' | 'topic' | 'receivedAt' | 'meta'>;
  payload: unknown;
  shop: ShopConfig | undefined;
  store: Pick<IngestStore, 'order' | 'customer' | 'commit' | 'markDelivery'>;
}

export async function applyDelivery({ delivery, payload, shop, store }: ApplyInput): Promise<{ changed: boolean }> {
  if (!shop) throw new UnmappableDeliveryError('unknown_shop', `Shop ${delivery.shopId} is no longer configured`);
  let normalized;
  try {
    normalized = normalizeDelivery(delivery, payload, shop);
  } catch (error) {
    if (error instanceof MappingError) throw new UnmappableDeliveryError(error.reason, error.message);
    if ((error as Error).name === 'ZodError') throw new UnmappableDeliveryError('invalid_value', (error as Error).message);
    throw error;
  }
  const correlationId = delivery.meta['x-shopify-event-id'] ?? delivery.meta['x-shopify-webhook-id'] ?? undefined;
  const done = async () => {
    await store.markDelivery(delivery.pk, 'processed');
    return { changed: false };
  };

  if (normalized.kind === 'ping') return done();
  if (normalized.kind === 'customer') {
    const state = await store.customer(shop.shopId, normalized.customer.customerId);
    const change = applyProfile(state, normalized.customer, correlationId);
    if (!change) return done();
    await store.commit({ customer: change.next, events: change.events, deliveryKey: delivery.pk });
    return { changed: true };
  }

  const orderId = normalized.kind === 'order' ? normalized.order.orderId : normalized.kind === 'fulfillment' ? normalized.fulfillment.orderId : normalized.kind === 'refund' ? normalized.refund.orderId : normalized.orderId;
  const state = await store.order(shop.shopId, orderId);
  let change: OrderChange | undefined;
  switch (normalized.kind) {
    case 'order':
      change = applyOrder(state, normalized.order, correlationId);
      break;
    case 'fulfillment':
      change = applyFulfillment(state, normalized.fulfillment);
      break;
    case 'refund':
      change = applyRefund(state, normalized.refund);
      break;
    case 'order_deleted':
      change = applyOrderDeleted(state, normalized.sourceUpdatedAt);
      break;
  }
  if (!change) return done();

  // The customer's totals count each order and refund once: in the same transaction as the order.
  let customer: CustomerState | undefined;
  const customerId = change.next.order?.customer.id;
  if (customerId && (change.newlyPlaced || change.newRefunds.length)) {
    customer = await store.customer(shop.shopId, customerId);
    if (change.newlyPlaced) customer = countOrder(customer, change.newlyPlaced);
    for (const refund of change.newRefunds) customer = countRefund(customer, refund);
  }
  await store.commit({ order: change.next, customer, events: change.events, deliveryKey: delivery.pk });
  return { changed: true };
}
