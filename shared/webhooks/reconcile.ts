// WooCommerce reconciliation, without I/O: which window to read, and the deliveries it yields.
import type { DeliveryDraft } from './receive.ts';
import { dedupeKeyForWooOrder } from '../storefronts/woocommerce.ts';

/** Read again a little before the checkpoint: orders saved in the same second may have been missed. */
export const reconciliationOverlapMs = 5 * 60 * 1000;
/** A shop reconciled for the first time is read back one day. */
export const firstReconciliationLookbackMs = 24 * 60 * 60 * 1000;

export function reconciliationWindowStart(lastModified: string | undefined, now: Date): string {
  const start = lastModified ? Date.parse(lastModified) - reconciliationOverlapMs : now.getTime() - firstReconciliationLookbackMs;
  return new Date(start).toISOString().replace(/\.\d{3}Z$/, '');
}

/** One delivery per order, keyed like its webhook so an order already delivered is not taken twice. */
export function reconciliationDrafts(shopId: string, orders: Record<string, unknown>[], now: Date): DeliveryDraft[] {
  return orders.flatMap((order) => {
    let key: string;
    try {
      key = dedupeKeyForWooOrder(order);
    } catch {
      // An order without an id cannot be a real WooCommerce order; nothing to recover.
      return [];
    }
    const modified = typeof order.date_modified_gmt === 'string' ? `${order.date_modified_gmt.replace(/Z?$/, '')}Z` : undefined;
    return [
      {
        provider: 'woocommerce' as const,
        shopId,
        topic: 'order.updated',
        dedupeKey: key,
        receivedAt: now.toISOString(),
        meta: { origin: 'reconciliation', ...(modified ? { 'date-modified-gmt': modified } : {}) },
        body: Buffer.from(JSON.stringify(order)),
      },
    ];
  });
}
