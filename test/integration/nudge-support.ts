// Helpers for the nudge tests on the local stack: campaign settings published for the demo Shopify
// shop (merged into what is there, so other files' settings stay), a customer consenting to email
// marketing and their delivered order of a product only the calling test uses.
import { expect } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, eventually, opsToken, sendShopify } from './support.ts';

export const shop = 'demo-shopify';

const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => api(path, { ...init, headers: { authorization: `Bearer ${await opsToken('supervisor')}` } });

/** Publishes the demo shop's campaign settings changed by `change` (retrying when another publisher came first). */
export async function publishCampaignSettings(change: (settings: any) => any, reason: string): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await call(`/ops/campaigns/settings?shopId=${shop}`);
    expect(current.status).toBe(200);
    const published = await call(`/ops/campaigns/settings?shopId=${shop}`, { method: 'PUT', json: { settings: change(structuredClone(current.body.settings)), expectedVersion: current.body.version, reason } });
    if (published.status === 200) return published.body;
    expect(published.status, JSON.stringify(published.body)).toBe(409);
  }
  throw new Error('could not publish the campaign settings');
}

/** Adds a replenishment cycle for `productId`. */
export const withCycle = (productId: string, days: number) => (settings: any) => ({
  ...settings,
  replenishment: { ...settings.replenishment, enabled: true, cycles: [...settings.replenishment.cycles.filter((cycle: any) => cycle.productId !== productId), { productId, days }] },
});

export interface Buyer {
  orderId: number;
  customerId: number;
  email: string;
  number: string;
}

export const buyer = (orderId: number, email: string): Buyer => ({ orderId, customerId: 7_500_000_000 + orderId, email, number: String(orderId % 100_000) });

/** The Shopify order of shopifyOrder with its second line (the stakes) made `productId`. */
export function orderOf(who: Buyer, productId: string, createdAt: string) {
  const payload = shopifyOrder({ orderId: who.orderId, customerId: who.customerId, email: who.email, createdAt });
  payload.line_items[1]!.product_id = Number(productId);
  return payload;
}

/** The customer's profile (consenting to email marketing), their order of `productId`, delivered at `deliveredAt`. */
export async function deliveredOrder(who: Buyer, productId: string, { placedAt, deliveredAt }: { placedAt: string; deliveredAt: string }) {
  const order = orderOf(who, productId, placedAt);
  await sendShopify('customers/update', order.customer);
  await sendShopify('orders/create', order);
  await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: placedAt, updatedAt: deliveredAt }));
}

/** Bus events of a type about one nudge (or every nudge of an order). */
export async function nudgeEvents(detailType: string, match: { nudgeId?: string; orderId?: string; customerId?: string }): Promise<any[]> {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.filter(
    (event: any) =>
      (!match.nudgeId || event.detail.nudgeId === match.nudgeId) && (!match.orderId || event.detail.orderId === match.orderId) && (!match.customerId || event.detail.customer?.id === match.customerId),
  );
}

export const nudgeScheduled = (nudgeId: string) => eventually(async () => (await nudgeEvents('NudgeScheduled', { nudgeId }))[0], { what: `NudgeScheduled ${nudgeId}` });

export const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
