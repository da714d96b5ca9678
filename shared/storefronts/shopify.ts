// Shopify Admin webhooks (JSON, the REST resource representation of the subscribed API version)
// to the normalized model. Signature checks (X-Shopify-Hmac-Sha256), deduplication
// (X-Shopify-Event-Id) and ordering (compare `sourceUpdatedAt`) are the caller's.
//
// Topics: every order topic carries the whole Order (with its fulfillments and refunds) and maps
// to `{kind: 'order'}`; `fulfillments/*` carry one Fulfillment; `refunds/create` one Refund whose
// lines are matched to the order's line ids; `customers/update` one Customer.
import {
  NormalizedCustomer,
  NormalizedFulfillment,
  NormalizedOrder,
  NormalizedRefund,
  validated,
  type NormalizedDelivery,
} from './normalized.ts';
import { Field, MappingError } from './read.ts';
import { shopifyCustomer } from './shopify-customer.ts';
import { shopifyFulfillment } from './shopify-fulfillment.ts';
import { shopifyOrder, type ShopifyContext } from './shopify-order.ts';
import { shopifyRefund } from './shopify-refund.ts';

export type { ShopifyContext } from './shopify-order.ts';
export { shopifyShipmentStatus } from './shopify-fulfillment.ts';

export const shopifyTopics = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'fulfillments/create',
  'fulfillments/update',
  'refunds/create',
  'customers/update',
] as const;
export type ShopifyTopic = (typeof shopifyTopics)[number];

export function isShopifyTopic(topic: string): topic is ShopifyTopic {
  return (shopifyTopics as readonly string[]).includes(topic);
}

/**
 * Maps one Shopify webhook delivery (`X-Shopify-Topic`, parsed JSON body) to the normalized model.
 * Throws MappingError (`unsupported_topic`, `missing_field`, `invalid_value`) naming the field.
 */
export function normalizeShopify(topic: string, payload: unknown, context: ShopifyContext): NormalizedDelivery {
  if (!isShopifyTopic(topic)) {
    throw new MappingError('unsupported_topic', topic, '', `not one of ${shopifyTopics.join(', ')}`);
  }
  const root = Field.root(topic, payload).required();
  if (typeof payload !== 'object' || Array.isArray(payload)) root.invalid('an object');

  switch (topic) {
    case 'fulfillments/create':
    case 'fulfillments/update':
      return { kind: 'fulfillment', fulfillment: validated(NormalizedFulfillment, shopifyFulfillment(root, context.shopId), topic) };
    case 'refunds/create':
      return { kind: 'refund', refund: validated(NormalizedRefund, shopifyRefund(root, { shopId: context.shopId, taxesIncluded: context.taxesIncluded ?? false }), topic) };
    case 'customers/update':
      return { kind: 'customer', customer: validated(NormalizedCustomer, shopifyCustomer(root, context), topic) };
    default:
      return { kind: 'order', order: validated(NormalizedOrder, shopifyOrder(root, context), topic) };
  }
}
