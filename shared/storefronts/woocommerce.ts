// WooCommerce webhooks (REST API v3 resources as JSON) to the normalized model. Signature checks
// (X-WC-Webhook-Signature), deduplication and ordering are the caller's; see woocommerce-order.ts
// for how an order maps.
//
// - `order.created`, `order.updated`, `order.restored` carry the whole Order → `{kind: 'order'}`.
// - `order.deleted` carries `{id}` only → `{kind: 'order_deleted'}`, timed by `ctx.receivedAt`.
// - Creating a webhook makes WooCommerce POST `webhook_id=<id>` as a form body, unsigned:
//   `isWooCommercePing` recognises it (answer 200, nothing to map); a parsed ping given to
//   `normalizeWooCommerce` yields `{kind: 'ping'}`.
import { NormalizedOrder, validated, type NormalizedDelivery } from './normalized.ts';
import { Field, MappingError } from './read.ts';
import { wooOrder, type WooContext } from './woocommerce-order.ts';

export type { WooContext } from './woocommerce-order.ts';

export const wooTopics = ['order.created', 'order.updated', 'order.deleted', 'order.restored'] as const;
export type WooTopic = (typeof wooTopics)[number];

export function isWooTopic(topic: string): topic is WooTopic {
  return (wooTopics as readonly string[]).includes(topic);
}

/** The form-encoded `webhook_id=N` body WooCommerce sends when a webhook is created or activated. */
export function isWooCommercePing(contentType: string | undefined, rawBody: string): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return false;
  return /^webhook_id=\d+$/.test(rawBody.trim());
}

/**
 * Identifies one change of an order across redeliveries (WooCommerce gives every attempt a new
 * delivery id): `${id}:${date_modified_gmt}`. A deletion, which has no modification time, is
 * `${id}:deleted`.
 */
export function dedupeKeyForWooOrder(payload: unknown): string {
  const root = Field.root('woocommerce', payload).required();
  const id = root.get('id').id();
  const modified = root.get('date_modified_gmt').optString();
  return `${id}:${modified ?? 'deleted'}`;
}

function isPing(payload: unknown): boolean {
  if (typeof payload === 'string') return /^webhook_id=\d+$/.test(payload.trim());
  return typeof payload === 'object' && payload !== null && 'webhook_id' in payload && !('id' in payload);
}

/**
 * Maps one WooCommerce webhook delivery (`X-WC-Webhook-Topic`, parsed JSON body) to the normalized
 * model. Throws MappingError (`unsupported_topic`, `missing_field`, `invalid_value`) naming the field.
 */
export function normalizeWooCommerce(topic: string, payload: unknown, context: WooContext): NormalizedDelivery {
  if (isPing(payload)) return { kind: 'ping' };
  if (!isWooTopic(topic)) throw new MappingError('unsupported_topic', topic, '', `not one of ${wooTopics.join(', ')}`);
  const root = Field.root(topic, payload).required();
  if (typeof payload !== 'object' || Array.isArray(payload)) root.invalid('an object');

  if (topic === 'order.deleted') {
    const modified = root.get('date_modified_gmt').optDatetime({ assumeUtc: true });
    return {
      kind: 'order_deleted',
      orderId: root.get('id').id(),
      sourceUpdatedAt: modified ?? new Field(topic, 'ctx.receivedAt', context.receivedAt).datetime(),
    };
  }
  return { kind: 'order', order: validated(NormalizedOrder, wooOrder(root, context), topic) };
}
